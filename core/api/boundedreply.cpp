// SPDX-License-Identifier: GPL-3.0-or-later
#include "boundedreply.h"

#include "diagnostics/logging.h"
#include "diagnostics/redactor.h"

#include <QNetworkReply>

namespace Typebot {

BoundedReply::BoundedReply(QNetworkReply *reply, qint64 maxBytes, int deadlineMs, QObject *parent,
                           qint64 keepBytes)
    : QObject(parent),
      m_reply(reply),
      m_maxBytes(maxBytes),
      m_keepBytes(keepBytes < 0 ? maxBytes : std::min(keepBytes, maxBytes)),
      m_deadlineMs(deadlineMs),
      m_deadline(this)
{
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &BoundedReply::handleDeadline);
    connect(reply, &QNetworkReply::readyRead, this, &BoundedReply::handleReadyRead);
    connect(reply, &QNetworkReply::metaDataChanged, this, &BoundedReply::handleMetaData);
    if (deadlineMs > 0)
        m_deadline.start(deadlineMs);
}

void BoundedReply::startDeadline(int deadlineMs)
{
    m_deadlineMs = deadlineMs;
    if (deadlineMs > 0)
        m_deadline.start(deadlineMs);
}

void BoundedReply::stopDeadline()
{
    m_deadline.stop();
}

void BoundedReply::drain()
{
    handleReadyRead();
    m_deadline.stop();
}

ApiError BoundedReply::limitError() const
{
    ApiError error;
    if (m_limit == Limit::TooLarge) {
        error.kind = ApiError::Kind::InvalidResponse;
        error.message =
                tr("the answer is larger than %1 KiB; stopped reading it").arg(m_maxBytes / 1024);
    } else if (m_limit == Limit::HeadersTooLarge) {
        error.kind = ApiError::Kind::InvalidResponse;
        error.message = tr("the answer's headers take %1 KiB, more than the %2 KiB a server "
                           "sends; stopped reading it")
                                .arg((m_headerBytes + 1023) / 1024)
                                .arg(MaxHeaderBytes / 1024);
    } else if (m_limit == Limit::DeadlineExpired) {
        error.kind = ApiError::Kind::Timeout;
        error.message =
                tr("no complete answer within %1 s").arg(double(m_deadlineMs) / 1000.0, 0, 'g', 3);
    }
    return error;
}

void BoundedReply::handleMetaData()
{
    // A declared length over the limit is refused before a byte of it is read.
    if (!m_reply || m_limit != Limit::None || !checkHeaders())
        return;
    bool ok = false;
    const qint64 declared = m_reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(&ok);
    if (ok && declared > m_maxBytes)
        stop(Limit::TooLarge);
}

bool BoundedReply::checkHeaders()
{
    // Qt announces metaDataChanged before it has filled in the headers of some answers,
    // so they are measured again when the first body bytes or the end arrive. (Past
    // about 100 KiB Qt 6.4 drops the whole set itself and keeps the body.)
    if (m_headersChecked)
        return true;
    const auto pairs = m_reply->rawHeaderPairs();
    if (pairs.isEmpty())
        return true;
    m_headersChecked = true;
    m_headerBytes = 0;
    for (const auto &[name, value] : pairs)
        m_headerBytes += name.size() + value.size() + 4; // "name: value\r\n"
    if (m_headerBytes <= MaxHeaderBytes)
        return true;
    stop(Limit::HeadersTooLarge);
    return false;
}

void BoundedReply::handleReadyRead()
{
    if (!m_reply || m_limit != Limit::None || !checkHeaders())
        return;
    while (m_reply->bytesAvailable() > 0) {
        const qint64 room = m_keepBytes - m_body.size();
        QByteArray chunk = m_reply->read(std::max<qint64>(room, Q_INT64_C(64) * 1024));
        if (chunk.isEmpty())
            break;
        m_received += chunk.size();
        if (room > 0)
            m_body += chunk.left(room);
        if (m_received > m_maxBytes) {
            stop(Limit::TooLarge);
            return;
        }
    }
}

void BoundedReply::handleDeadline()
{
    stop(Limit::DeadlineExpired);
}

void BoundedReply::stop(Limit limit)
{
    m_limit = limit;
    m_deadline.stop();
    if (m_reply) {
        const QString what = limit == Limit::TooLarge
                ? QStringLiteral("answer larger than %1 bytes").arg(m_maxBytes)
                : limit == Limit::HeadersTooLarge
                ? QStringLiteral("%1 bytes of headers").arg(m_headerBytes)
                : QStringLiteral("no complete answer within %1 ms").arg(m_deadlineMs);
        qCInfo(lcApi).noquote() << what << "from" << Redactor::url(m_reply->url()) << "; aborting";
        m_reply->abort();
    }
}

} // namespace Typebot
