// SPDX-License-Identifier: GPL-3.0-or-later
#include "demoreplycheck.h"

#include "filetypetable.h"

#include <QDate>
#include <QHostAddress>
#include <QJsonArray>
#include <QRegularExpression>
#include <QStringList>
#include <QTime>

#include <algorithm>
#include <cmath>

namespace Sandbox {

namespace {

using Parsed = DemoReplyCheck::Parsed;
using Status = Parsed::Status;

Parsed success(const QString &content)
{
    return Parsed{ Status::Success, content };
}

Parsed fail()
{
    return Parsed{};
}

bool isFqdn(const QString &host, bool requireTld)
{
    const QStringList labels = host.split(u'.');
    if (labels.isEmpty())
        return false;
    static const QRegularExpression label(
            QStringLiteral("^[\\p{L}\\p{N}]([\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?$"));
    static const QRegularExpression tld(QStringLiteral("^(\\p{L}{2,}|xn[a-z0-9-]{2,})$"),
                                        QRegularExpression::CaseInsensitiveOption);
    if (requireTld && (labels.size() < 2 || !tld.match(labels.constLast()).hasMatch()))
        return false;
    return std::all_of(labels.cbegin(), labels.cend(), [](const QString &part) {
        return part.size() <= 63 && label.match(part).hasMatch();
    });
}

// The item's text as the server compares it: a button's content, a picture's title (or
// its picture), a card's title.
QString itemContent(const QJsonObject &item)
{
    if (item.contains(QStringLiteral("content")))
        return item.value(QStringLiteral("content")).toString();
    QString title = item.value(QStringLiteral("title")).toString();
    if (!title.isEmpty())
        return title;
    return item.value(QStringLiteral("pictureSrc")).toString();
}

QList<QJsonObject> itemsOf(const QJsonObject &input)
{
    QList<QJsonObject> items;
    const QJsonArray array = input.value(QStringLiteral("items")).toArray();
    for (const auto &item : array)
        items << item.toObject();
    // Longest content first, as the server tries them.
    std::stable_sort(items.begin(), items.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return itemContent(a).size() > itemContent(b).size();
    });
    return items;
}

Parsed singleChoice(const QJsonObject &input, const QString &text, const QString &replyId)
{
    for (const QJsonObject &item : itemsOf(input)) {
        const QString id = item.value(QStringLiteral("id")).toString();
        const QString value = item.value(QStringLiteral("value")).toString();
        const QString content = itemContent(item);
        const bool matches = (!replyId.isEmpty() && id == replyId) || id == text
                || (!value.isEmpty() && text.trimmed() == value.trimmed())
                || (!content.isEmpty() && text.trimmed() == content.trimmed());
        if (matches) {
            const QString reply = value.isEmpty() ? content : value;
            return reply.isEmpty() ? fail() : success(reply);
        }
    }
    return fail();
}

// Whether `phrase` stands in `text` as whole words (case-insensitive).
bool containsPhrase(const QString &text, const QString &phrase)
{
    const QString trimmed = phrase.trimmed();
    if (trimmed.isEmpty())
        return false;
    const QString pattern = QStringLiteral("(?:^|[^\\p{L}\\p{N}\\p{M}])")
            + QRegularExpression::escape(trimmed).replace(QStringLiteral("\\ "),
                                                          QStringLiteral("\\s+"))
            + QStringLiteral("(?=$|[^\\p{L}\\p{N}\\p{M}])");
    return QRegularExpression(pattern, QRegularExpression::CaseInsensitiveOption)
            .match(text)
            .hasMatch();
}

Parsed multipleChoice(const QJsonObject &input, const QString &text)
{
    const QJsonArray ordered = input.value(QStringLiteral("items")).toArray();
    QString remaining = text;
    QStringList matched;
    // Ids first, then values, then contents, each found text taken out of the reply.
    for (const QString &field : { QStringLiteral("id"), QStringLiteral("value"), QString() }) {
        for (const QJsonObject &item : itemsOf(input)) {
            const QString id = item.value(QStringLiteral("id")).toString();
            if (matched.contains(id))
                continue;
            const QString candidate =
                    field.isEmpty() ? itemContent(item) : item.value(field).toString();
            if (!containsPhrase(remaining, candidate))
                continue;
            const qsizetype at = remaining.indexOf(candidate.trimmed(), 0, Qt::CaseInsensitive);
            if (at >= 0)
                remaining.remove(at, candidate.trimmed().size());
            matched << id;
        }
    }
    if (matched.isEmpty())
        return fail();
    QStringList contents;
    for (const auto &value : ordered) {
        const QJsonObject item = value.toObject();
        if (!matched.contains(item.value(QStringLiteral("id")).toString()))
            continue;
        contents << (item.contains(QStringLiteral("value"))
                             ? item.value(QStringLiteral("value")).toString()
                             : itemContent(item).trimmed());
    }
    return success(contents.join(QStringLiteral(", ")));
}

Parsed cards(const QJsonObject &input, const QString &text, const QString &replyId)
{
    const QJsonArray items = input.value(QStringLiteral("items")).toArray();
    for (const auto &value : items) {
        const QJsonObject item = value.toObject();
        const QJsonArray paths = item.value(QStringLiteral("paths")).toArray();
        bool matched = item.value(QStringLiteral("title")).toString().trimmed().toLower()
                == text.trimmed().toLower();
        for (const auto &path : paths) {
            const QString id = path.toObject().value(QStringLiteral("id")).toString();
            matched = matched || id == text || (!replyId.isEmpty() && id == replyId);
        }
        if (!matched)
            continue;
        QString content = item.value(QStringLiteral("title")).toString();
        if (content.isEmpty())
            content = item.value(QStringLiteral("imageUrl")).toString();
        return content.isEmpty() ? fail() : success(content);
    }
    return fail();
}

QString jsNumber(double value)
{
    if (std::floor(value) == value && std::abs(value) < 1e15)
        return QString::number(qint64(value));
    return QString::number(value, 'g', 15);
}

Parsed number(const QJsonObject &options, const QString &text)
{
    // parseFloat: the leading number, the rest ignored.
    static const QRegularExpression leading(
            QStringLiteral("^\\s*[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?"));
    const auto match = leading.match(text);
    if (text.isEmpty() || !match.hasMatch())
        return fail();
    const double value = match.captured(0).trimmed().toDouble();
    const double min = options.value(QStringLiteral("min")).toDouble(qQNaN());
    const double max = options.value(QStringLiteral("max")).toDouble(qQNaN());
    // Like the server, a limit of 0 is no limit.
    if ((!std::isnan(min) && min != 0 && value < min)
        || (!std::isnan(max) && max != 0 && value > max))
        return fail();
    return success(text.startsWith(u'0') ? text : jsNumber(value));
}

Parsed email(const QString &text)
{
    static const QRegularExpression pattern(
            QStringLiteral("^[^<>()\\[\\]\\\\.,;:\\s@\"]+(\\.[^<>()\\[\\]\\\\.,;:\\s@\"]+)*@"
                           "([a-zA-Z0-9-]+\\.)+[a-zA-Z]{2,}$"));
    if (!pattern.match(text).hasMatch())
        return fail();
    return success(text.toLower());
}

Parsed phone(const QString &text)
{
    QString digits = text;
    digits.remove(QRegularExpression(QStringLiteral("[\\s().-]")));
    static const QRegularExpression e164(QStringLiteral("^\\+[1-9]\\d{7,14}$"));
    if (!e164.match(digits).hasMatch())
        return fail();
    return success(digits);
}

Parsed date(const QString &text)
{
    // The server's parser understands far more; these are the forms a person or the
    // widget's date picker gives. Day first, as the default format is dd/MM/yyyy.
    const QString trimmed = text.trimmed();
    QDate parsed = QDate::fromString(trimmed, Qt::ISODate);
    for (const QString &format :
         { QStringLiteral("d/M/yyyy"), QStringLiteral("d.M.yyyy"), QStringLiteral("d-M-yyyy") }) {
        if (!parsed.isValid())
            parsed = QDate::fromString(trimmed, format);
    }
    if (!parsed.isValid())
        return fail();
    return success(parsed.toString(QStringLiteral("dd/MM/yyyy")));
}

Parsed time(const QString &text)
{
    const QString trimmed = text.trimmed().toUpper();
    QTime parsed;
    for (const QString &format :
         { QStringLiteral("H:mm"), QStringLiteral("H:mm:ss"), QStringLiteral("h:mm AP"),
           QStringLiteral("h AP"), QStringLiteral("h:mmAP"), QStringLiteral("hAP") }) {
        if (!parsed.isValid())
            parsed = QTime::fromString(trimmed, format);
    }
    if (!parsed.isValid())
        return fail();
    return success(parsed.toString(QStringLiteral("HH:mm")));
}

Parsed rating(const QJsonObject &options, const QString &text)
{
    // Number(reply) <= length: "" reads 0, anything not a number fails.
    const int length = options.value(QStringLiteral("length")).toInt(10);
    bool ok = true;
    const double value = text.trimmed().isEmpty() ? 0.0 : text.trimmed().toDouble(&ok);
    if (!ok || value > length)
        return fail();
    return success(text);
}

} // namespace

bool DemoReplyCheck::isUrl(const QString &link, bool requireProtocol)
{
    static const QRegularExpression space(QStringLiteral("\\s"));
    if (link.isEmpty() || link.size() > 2083 || link.contains(space))
        return false;
    QString rest = link;
    const qsizetype schemeEnd = rest.indexOf(QStringLiteral("://"));
    if (schemeEnd >= 0) {
        const QString scheme = rest.left(schemeEnd).toLower();
        if (scheme != u"http" && scheme != u"https")
            return false;
        rest = rest.mid(schemeEnd + 3);
    } else if (requireProtocol) {
        return false;
    }
    QString authority = rest.section(QRegularExpression(QStringLiteral("[/?#]")), 0, 0);
    if (authority.contains(u'@'))
        authority = authority.section(u'@', -1);
    QString host = authority;
    if (host.startsWith(u'[')) {
        const qsizetype close = host.indexOf(u']');
        if (close < 0)
            return false;
        return !QHostAddress(host.mid(1, close - 1)).isNull();
    }
    if (host.contains(u':')) {
        bool ok = false;
        const int port = host.section(u':', 1).toInt(&ok);
        if (!ok || port <= 0 || port > 65535)
            return false;
        host = host.section(u':', 0, 0);
    }
    if (host.isEmpty())
        return false;
    if (!QHostAddress(host).isNull())
        return true;
    const bool trusted = host.compare(u"localhost", Qt::CaseInsensitive) == 0;
    return isFqdn(host, !trusted);
}

DemoReplyCheck::Parsed DemoReplyCheck::parseFiles(const QJsonObject &options, const QString &text)
{
    // Only the text counts; attachedFileUrls are stored, never checked.
    const QStringList links = text.split(QStringLiteral(", "));
    const bool someUrl = std::any_of(links.cbegin(), links.cend(),
                                     [](const QString &link) { return isUrl(link); });
    const QJsonObject allowed = options.value(QStringLiteral("allowedFileTypes")).toObject();
    QStringList types;
    const QJsonArray typeArray = allowed.value(QStringLiteral("types")).toArray();
    for (const auto &type : typeArray)
        types << type.toString();
    bool typesOk = true;
    if (allowed.value(QStringLiteral("isEnabled")).toBool() && !types.isEmpty()) {
        typesOk = std::all_of(links.cbegin(), links.cend(), [&types](const QString &link) {
            return FileTypeTable::isLinkAllowed(link, types);
        });
    }
    Parsed parsed{ someUrl && typesOk ? Status::Success : Status::Fail, text };
    // A single-file block keeps what comes before the first comma.
    if (!options.value(QStringLiteral("isMultipleAllowed")).toBool() && links.size() > 1)
        parsed.content = text.section(u',', 0, 0);
    return parsed;
}

DemoReplyCheck::Parsed DemoReplyCheck::parse(const QJsonObject &input,
                                             const std::optional<QJsonObject> &message)
{
    const QString type = input.value(QStringLiteral("type")).toString();
    const QJsonObject options = input.value(QStringLiteral("options")).toObject();
    if (type == u"file input" && !message)
        return options.value(QStringLiteral("isRequired")).toBool(true)
                ? fail()
                : Parsed{ Status::Skip, {} };
    if (!message || message->value(QStringLiteral("type")).toString() != u"text")
        return fail();
    const QString text = message->value(QStringLiteral("text")).toString();
    const QString replyId = message->value(QStringLiteral("metadata"))
                                    .toObject()
                                    .value(QStringLiteral("replyId"))
                                    .toString();
    if (type == u"text input")
        return success(text);
    if (type == u"email input")
        return email(text);
    if (type == u"number input")
        return number(options, text);
    if (type == u"url input")
        return isUrl(text, false) ? success(text) : fail();
    if (type == u"phone number input")
        return phone(text);
    if (type == u"date input")
        return date(text);
    if (type == u"time input")
        return time(text);
    if (type == u"rating input")
        return rating(options, text);
    if (type == u"choice input" || type == u"picture choice input")
        return options.value(QStringLiteral("isMultipleChoice")).toBool()
                ? multipleChoice(input, text)
                : singleChoice(input, text, replyId);
    if (type == u"cards")
        return cards(input, text, replyId);
    if (type == u"payment input")
        return text == u"fail" ? fail() : success(text);
    if (type == u"file input")
        return parseFiles(options, text);
    return fail();
}

} // namespace Sandbox
