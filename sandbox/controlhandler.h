// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "requesthandler.h"

#include <QByteArray>

namespace Sandbox {

class FaultInjector;
class ObjectStore;
class RequestLog;
class SessionList;
class UploadCounter;

// The /__sandbox/ control endpoint: arm and list faults, read request records, add
// sessions, read upload statistics. Loopback peers only (checked by the server).
class ControlHandler final : public RequestHandler
{
public:
    static constexpr qint64 MaxBodyBytes = Q_INT64_C(1024) * 1024;

    // The part of the server this handler works with.
    struct Context
    {
        FaultInjector &faults;
        RequestLog &requests;
        SessionList &sessions;
        UploadCounter &uploads;
        const ObjectStore &store;
    };

    ControlHandler(Context context, HttpConnection *connection, const HttpRequest &request,
                   RequestRecord *record);

    void begin() override;
    void bodyData(QByteArrayView data) override;
    void bodyFinished() override;

private:
    void respondJson(int status, const QByteArray &json);
    void respondError(int status, const QString &message);

    Context m_context;
    QByteArray m_body;
};

} // namespace Sandbox
