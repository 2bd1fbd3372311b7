// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace Typebot {

// multipart/form-data header values the way browsers and curl write them (WHATWG HTML,
// RFC 7578): raw UTF-8 with '"', CR and LF percent-escaped, no filename*.
class FormEncoding final
{
public:
    static QByteArray escape(const QString &value);
    // Drops any directory part, then escapes.
    static QByteArray escapeFileName(const QString &fileName);
    static QByteArray fieldDisposition(const QString &name);
    static QByteArray fileDisposition(const QString &name, const QString &fileName);
};

} // namespace Typebot
