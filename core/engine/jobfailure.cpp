// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobfailure.h"

#include <QMetaEnum>

namespace Typebot {

bool JobFailure::isTransient() const
{
    switch (kind) {
    case Kind::StorageError:
    case Kind::ServerError:
    case Kind::ServerBusy:
    case Kind::Unreachable:
    case Kind::ConnectionLost:
    case Kind::TimedOut:
    case Kind::Stalled:
    case Kind::BadServerAnswer:
        return true;
    default:
        return false;
    }
}

QString JobFailure::kindName(Kind kind)
{
    const char *key = QMetaEnum::fromType<Kind>().valueToKey(int(kind));
    return key ? QString::fromLatin1(key) : QString();
}

JobFailure::Kind JobFailure::kindFromName(const QString &name)
{
    if (name.isEmpty())
        return Kind::None;
    bool ok = false;
    const int value = QMetaEnum::fromType<Kind>().keyToValue(name.toLatin1().constData(), &ok);
    // A name a newer version wrote: still a failure, worded generically.
    return ok ? Kind(value) : Kind::Other;
}

QString JobFailure::stepName(Step step)
{
    switch (step) {
    case Step::File:
        return QStringLiteral("file");
    case Step::Ticket:
        return QStringLiteral("ticket");
    case Step::Upload:
        return QStringLiteral("upload");
    case Step::None:
        break;
    }
    return QString();
}

JobFailure::Step JobFailure::stepFromName(const QString &name)
{
    for (const Step step : { Step::File, Step::Ticket, Step::Upload }) {
        if (stepName(step) == name)
            return step;
    }
    return Step::None;
}

bool JobFailure::operator==(const JobFailure &other) const
{
    return kind == other.kind && step == other.step && httpStatus == other.httpStatus
            && serverMessage == other.serverMessage && code == other.code
            && attempts == other.attempts && at == other.at && limitBytes == other.limitBytes
            && detail == other.detail;
}

} // namespace Typebot
