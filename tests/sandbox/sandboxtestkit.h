// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rawhttpclient.h"

#include <QByteArray>
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

    // Sends raw bytes on a fresh connection and waits for one response (or the close).
    static RawHttpClient::Response exchange(quint16 port, const QByteArray &raw,
                                            bool headRequest = false,
                                            bool *closedWithoutResponse = nullptr);
    static Ticket fetchTicket(quint16 port, const QByteArray &jsonBody,
                              const QList<QPair<QByteArray, QByteArray>> &headers = {});
    static Ticket fetchTicket(Sandbox::SandboxServer &server, const QString &fileName,
                              const QString &fileType = QString(),
                              const QString &sessionId = QString());

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
