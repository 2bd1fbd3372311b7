// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rawhttpclient.h"
#include "sandboxconfig.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

namespace Sandbox {
class SandboxServer;
}

// Small blocking-free helpers the sandbox tests share: one request/response exchange on
// the event loop, tickets, multipart bodies built byte by byte, self-signed policies.
class SandboxTestKit final
{
public:
    struct Ticket
    {
        int status = 0;
        QByteArray body;
        QJsonObject json; // the body parsed (empty when it is not a JSON object)
        QString presignedUrl;
        QList<QPair<QString, QString>> form; // in the server's order
        QString fileUrl;
        QString key() const;
    };

    struct Part
    {
        QByteArray name;
        QByteArray value; // field value or file content
        bool isFile = false;
        QByteArray fileName;
        QByteArray contentType;
    };

    static constexpr int TimeoutMs = 10000;
    static inline const QByteArray V2Path = "/api/v2/generate-upload-url";
    static inline const QByteArray V3Path = "/api/v3/generate-upload-url";

    // A default config that plays `version`.
    static Sandbox::SandboxConfig configFor(Sandbox::ServerVersion version);

    // Sends raw bytes on a fresh connection and waits for one response (or the close).
    static RawHttpClient::Response exchange(quint16 port, const QByteArray &raw,
                                            bool headRequest = false,
                                            bool *closedWithoutResponse = nullptr);
    static Ticket fetchTicket(quint16 port, const QByteArray &jsonBody,
                              const QList<QPair<QByteArray, QByteArray>> &headers = {},
                              const QByteArray &path = V2Path);
    // POST /api/v2/generate-upload-url for the server's default session.
    static Ticket fetchTicket(Sandbox::SandboxServer &server, const QString &fileName,
                              const QString &fileType = QString(),
                              const QString &sessionId = QString());
    // POST /api/v3/generate-upload-url; blockId defaults to the server's file block,
    // fileSize < 0 is not sent.
    static Ticket fetchTicketV3(Sandbox::SandboxServer &server, const QString &fileName,
                                const QString &fileType = QString(),
                                const QString &sessionId = QString(),
                                const QString &blockId = QString(), qint64 fileSize = -1);

    static QList<Part> formParts(const QList<QPair<QString, QString>> &form);
    static Part filePart(const QByteArray &data, const QByteArray &fileName = "file.bin",
                         const QByteArray &contentType = "application/octet-stream");
    static QByteArray multipart(const QByteArray &boundary, const QList<Part> &parts,
                                bool closed = true);
    static QByteArray postRequest(quint16 port, const QByteArray &body,
                                  const QByteArray &boundary = Boundary,
                                  const QByteArray &contentType = {});
    static QByteArray xmlElement(const QByteArray &xml, const QByteArray &name);

    // Form fields for a policy the test wrote itself, signed with the server's secret.
    static QList<QPair<QString, QString>>
    selfSignedForm(const Sandbox::SandboxServer &server, const QByteArray &policyJson,
                   const QList<QPair<QString, QString>> &fieldsBeforePolicy);
    // The standard x-amz-* fields (date, algorithm, credential) for self-signed forms.
    static QList<QPair<QString, QString>> amzFields(const Sandbox::SandboxServer &server);
    static int leftoverTemporaryFiles(const Sandbox::SandboxServer &server);

    static inline const QByteArray Boundary = "----SandboxTestBoundary7MA4YWxkTrZu0gW";
};
