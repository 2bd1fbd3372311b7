// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonkeyorder.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Typebot {

namespace {

class Scanner
{
public:
    explicit Scanner(const QByteArray &text) : m_text(text)
    {
        if (m_text.startsWith("\xEF\xBB\xBF")) // QJsonDocument skips a UTF-8 BOM too
            m_pos = 3;
    }

    void skipSpace()
    {
        while (m_pos < m_text.size()
               && (m_text[m_pos] == ' ' || m_text[m_pos] == '\t' || m_text[m_pos] == '\n'
                   || m_text[m_pos] == '\r'))
            ++m_pos;
    }
    bool consume(char c)
    {
        skipSpace();
        if (m_pos < m_text.size() && m_text[m_pos] == c) {
            ++m_pos;
            return true;
        }
        return false;
    }
    bool peek(char c)
    {
        skipSpace();
        return m_pos < m_text.size() && m_text[m_pos] == c;
    }
    // Reads a JSON string and decodes its escapes through QJsonDocument.
    bool readString(QString *out)
    {
        skipSpace();
        if (m_pos >= m_text.size() || m_text[m_pos] != '"')
            return false;
        const qsizetype start = m_pos++;
        while (m_pos < m_text.size() && m_text[m_pos] != '"') {
            if (m_text[m_pos] == '\\')
                ++m_pos;
            ++m_pos;
        }
        if (m_pos >= m_text.size())
            return false;
        ++m_pos;
        if (out) {
            const QByteArray wrapped = '[' + m_text.mid(start, m_pos - start) + ']';
            *out = QJsonDocument::fromJson(wrapped).array().at(0).toString();
        }
        return true;
    }
    bool skipValue()
    {
        skipSpace();
        if (m_pos >= m_text.size())
            return false;
        const char c = m_text[m_pos];
        if (c == '"')
            return readString(nullptr);
        if (c == '{' || c == '[') {
            const char close = c == '{' ? '}' : ']';
            ++m_pos;
            if (consume(close))
                return true;
            do {
                if (c == '{' && !(readString(nullptr) && consume(':')))
                    return false;
                if (!skipValue())
                    return false;
            } while (consume(','));
            return consume(close);
        }
        // number, true, false, null
        while (m_pos < m_text.size() && m_text[m_pos] != ',' && m_text[m_pos] != '}'
               && m_text[m_pos] != ']')
            ++m_pos;
        return true;
    }
    QStringList objectKeys()
    {
        QStringList keys;
        if (!consume('{'))
            return {};
        if (consume('}'))
            return keys;
        do {
            QString key;
            if (!readString(&key) || !consume(':') || !skipValue())
                return {};
            keys << key;
        } while (consume(','));
        return consume('}') ? keys : QStringList();
    }
    QStringList memberKeys(const QString &member)
    {
        if (!consume('{'))
            return {};
        // QJsonDocument keeps the last of repeated members, so the order is read from it.
        QStringList keys;
        do {
            QString key;
            if (!readString(&key) || !consume(':'))
                return {};
            if (key == member) {
                skipSpace();
                const qsizetype start = m_pos;
                keys = peek('{') ? objectKeys() : QStringList();
                if (!keys.isEmpty())
                    continue;
                m_pos = start;
            }
            if (!skipValue())
                return {};
        } while (consume(','));
        return keys;
    }

private:
    const QByteArray &m_text;
    qsizetype m_pos = 0;
};

} // namespace

QStringList JsonKeyOrder::ofMember(const QByteArray &json, const QString &member)
{
    Scanner scanner(json);
    return scanner.memberKeys(member);
}

} // namespace Typebot
