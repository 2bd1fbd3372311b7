// SPDX-License-Identifier: GPL-3.0-or-later
#include "uploadnames.h"

namespace Typebot {

void UploadNames::reset(const QStringList &takenNames)
{
    m_taken = QSet<QString>(takenNames.cbegin(), takenNames.cend());
    m_claims.clear();
}

QString UploadNames::claim(quint64 jobId, const QString &name)
{
    if (const auto it = m_claims.constFind(jobId); it != m_claims.constEnd())
        return it.value();
    QString candidate = name;
    for (int n = 2; m_taken.contains(candidate); ++n)
        candidate = numbered(name, n);
    m_taken.insert(candidate);
    m_claims.insert(jobId, candidate);
    return candidate;
}

void UploadNames::release(quint64 jobId)
{
    if (const auto it = m_claims.find(jobId); it != m_claims.end()) {
        m_taken.remove(it.value());
        m_claims.erase(it);
    }
}

void UploadNames::keep(quint64 jobId)
{
    m_claims.remove(jobId); // the name stays in m_taken for good
}

QString UploadNames::numbered(const QString &name, int n)
{
    // The number goes before the extension; a leading dot (".env") is no extension, and a
    // double one (".tar.gz") stays whole, as file managers do.
    qsizetype dot = name.indexOf(u'.', 1);
    if (dot > 0) {
        const QString tail = name.mid(dot + 1);
        // Only a short last part (or a known double like tar.gz) counts as the extension.
        const qsizetype lastDot = name.lastIndexOf(u'.');
        const bool doubleExtension = tail.count(u'.') == 1
                && name.mid(dot + 1, lastDot - dot - 1).compare(u"tar", Qt::CaseInsensitive) == 0;
        if (!doubleExtension)
            dot = lastDot;
    }
    const QString suffix = QStringLiteral(" (%1)").arg(n);
    if (dot > 0)
        return name.left(dot) + suffix + name.mid(dot);
    return name + suffix;
}

} // namespace Typebot
