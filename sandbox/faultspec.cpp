// SPDX-License-Identifier: GPL-3.0-or-later
#include "faultspec.h"

#include <QStringList>

namespace Sandbox {

namespace {

struct ActionInfo
{
    FaultSpec::Action action;
    const char *name;
    enum ValueKind { None, Positive, NonNegative, Signed, Text } valueKind;
};

constexpr ActionInfo kActions[] = {
    { FaultSpec::Action::Status, "status", ActionInfo::Positive },
    { FaultSpec::Action::ResetAfter, "reset-after", ActionInfo::NonNegative },
    { FaultSpec::Action::Stall, "stall", ActionInfo::Positive },
    { FaultSpec::Action::Throttle, "throttle", ActionInfo::Positive },
    { FaultSpec::Action::Delay, "delay", ActionInfo::NonNegative },
    { FaultSpec::Action::MalformedJson, "malformed-json", ActionInfo::None },
    { FaultSpec::Action::MissingField, "missing-field", ActionInfo::Text },
    { FaultSpec::Action::ExpiredPolicy, "expired-policy", ActionInfo::None },
    { FaultSpec::Action::ClockShift, "clock-shift", ActionInfo::Signed },
};

const ActionInfo *findAction(const QString &name)
{
    for (const auto &info : kActions) {
        if (name == QLatin1String(info.name))
            return &info;
    }
    return nullptr;
}

const ActionInfo &infoOf(FaultSpec::Action action)
{
    for (const auto &info : kActions) {
        if (info.action == action)
            return info;
    }
    return kActions[0];
}

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

QString actionList()
{
    QStringList names;
    for (const auto &info : kActions)
        names << QLatin1String(info.name);
    return names.join(QStringLiteral(", "));
}

} // namespace

QString FaultSpec::routeName(Route route)
{
    switch (route) {
    case Route::Api:
        return QStringLiteral("api");
    case Route::Upload:
        return QStringLiteral("upload");
    case Route::Get:
        return QStringLiteral("get");
    case Route::Chat:
        return QStringLiteral("chat");
    case Route::Any:
        break;
    }
    return QStringLiteral("any");
}

QString FaultSpec::actionName(Action action)
{
    return QLatin1String(infoOf(action).name);
}

bool FaultSpec::routeMatches(Route faultRoute, Route requestRoute)
{
    return faultRoute == Route::Any || faultRoute == requestRoute;
}

std::optional<FaultSpec> FaultSpec::parse(const QString &text, QString *error)
{
    const QString spec = text.trimmed();
    FaultSpec result;
    const qsizetype colon = spec.indexOf(u':');
    if (colon < 0) {
        fail(error,
             QStringLiteral("missing ':' in \"%1\"; expected "
                            "ROUTE:ACTION[=VALUE][,count=N][,retry-after=SECONDS]")
                     .arg(spec));
        return std::nullopt;
    }
    const QString routeText = spec.left(colon).trimmed().toLower();
    static const Route routes[] = { Route::Api, Route::Upload, Route::Get, Route::Chat,
                                    Route::Any };
    bool routeFound = false;
    for (Route route : routes) {
        if (routeText == routeName(route)) {
            result.route = route;
            routeFound = true;
        }
    }
    if (!routeFound) {
        fail(error,
             QStringLiteral("unknown route \"%1\"; expected one of api, upload, get, chat, any")
                     .arg(routeText));
        return std::nullopt;
    }

    const QStringList parts = spec.mid(colon + 1).split(u',');
    const QString actionPart = parts.first().trimmed();
    const qsizetype equals = actionPart.indexOf(u'=');
    const QString actionText =
            (equals < 0 ? actionPart : actionPart.left(equals)).trimmed().toLower();
    const QString valueText = equals < 0 ? QString() : actionPart.mid(equals + 1).trimmed();
    if (actionText.isEmpty()) {
        fail(error,
             QStringLiteral("missing action after \"%1:\"; expected one of %2")
                     .arg(routeText, actionList()));
        return std::nullopt;
    }
    const ActionInfo *info = findAction(actionText);
    if (!info) {
        fail(error,
             QStringLiteral("unknown action \"%1\"; expected one of %2")
                     .arg(actionText, actionList()));
        return std::nullopt;
    }
    result.action = info->action;

    if (info->valueKind == ActionInfo::None) {
        if (equals >= 0) {
            fail(error, QStringLiteral("action \"%1\" takes no value").arg(actionText));
            return std::nullopt;
        }
    } else if (valueText.isEmpty()) {
        fail(error,
             QStringLiteral("action \"%1\" needs a value, e.g. %1=%2")
                     .arg(actionText,
                          info->valueKind == ActionInfo::Text ? QStringLiteral("fileUrl")
                                                              : QStringLiteral("1")));
        return std::nullopt;
    } else if (info->valueKind == ActionInfo::Text) {
        result.field = valueText;
    } else {
        bool ok = false;
        result.value = valueText.toLongLong(&ok);
        if (!ok) {
            fail(error,
                 QStringLiteral("value of \"%1\" is not an integer: \"%2\"")
                         .arg(actionText, valueText));
            return std::nullopt;
        }
        if (info->valueKind == ActionInfo::Positive && result.value <= 0) {
            fail(error,
                 QStringLiteral("value of \"%1\" must be greater than 0, got %2")
                         .arg(actionText, valueText));
            return std::nullopt;
        }
        if (info->valueKind == ActionInfo::NonNegative && result.value < 0) {
            fail(error,
                 QStringLiteral("value of \"%1\" must not be negative, got %2")
                         .arg(actionText, valueText));
            return std::nullopt;
        }
        if (result.action == Action::Status && (result.value < 100 || result.value > 599)) {
            fail(error,
                 QStringLiteral("status code must be between 100 and 599, got %1").arg(valueText));
            return std::nullopt;
        }
    }

    bool countSeen = false;
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QString option = parts.at(i).trimmed();
        const qsizetype eq = option.indexOf(u'=');
        const QString name = (eq < 0 ? option : option.left(eq)).trimmed().toLower();
        const QString optionValue = eq < 0 ? QString() : option.mid(eq + 1).trimmed();
        bool ok = false;
        const int number = optionValue.toInt(&ok);
        if (name == QLatin1String("count")) {
            if (countSeen) {
                fail(error, QStringLiteral("count given twice"));
                return std::nullopt;
            }
            if (!ok || number < 0) {
                fail(error,
                     QStringLiteral(
                             "count must be a whole number >= 0 (0 = until cleared), got \"%1\"")
                             .arg(optionValue));
                return std::nullopt;
            }
            countSeen = true;
            result.count = number;
        } else if (name == QLatin1String("retry-after")) {
            if (result.action != Action::Status) {
                fail(error, QStringLiteral("retry-after only applies to the status action"));
                return std::nullopt;
            }
            if (!ok || number < 0) {
                fail(error,
                     QStringLiteral(
                             "retry-after must be a whole number of seconds >= 0, got \"%1\"")
                             .arg(optionValue));
                return std::nullopt;
            }
            result.retryAfterSeconds = number;
        } else {
            fail(error,
                 QStringLiteral("unknown option \"%1\"; expected count=N or retry-after=SECONDS")
                         .arg(option));
            return std::nullopt;
        }
    }
    if (error)
        error->clear();
    return result;
}

QString FaultSpec::toString() const
{
    QString text = routeName(route) + u':' + actionName(action);
    switch (infoOf(action).valueKind) {
    case ActionInfo::None:
        break;
    case ActionInfo::Text:
        text += u'=' + field;
        break;
    default:
        text += u'=' + QString::number(value);
        break;
    }
    if (count != 1)
        text += QStringLiteral(",count=") + QString::number(count);
    if (retryAfterSeconds >= 0)
        text += QStringLiteral(",retry-after=") + QString::number(retryAfterSeconds);
    return text;
}

} // namespace Sandbox
