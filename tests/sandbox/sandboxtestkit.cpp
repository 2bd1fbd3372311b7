// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandboxtestkit.h"

#include "api/jsonkeyorder.h"
#include "postpolicy.h"
#include "sandboxserver.h"

#include <QDateTime>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>

QString SandboxTestKit::Ticket::key() const
{
    return Sandbox::SandboxServer::keyFromFileUrl(fileUrl);
}

RawHttpClient::Response SandboxTestKit::exchange(quint16 port, const QByteArray &raw,
                                                 bool headRequest, bool *closedWithoutResponse)
{
    RawHttpClient client(port);
    QSignalSpy spy(&client, &RawHttpClient::finished);
    client.send(raw, headRequest);
    if (!client.isFinished())
        spy.wait(TimeoutMs);
    if (closedWithoutResponse)
        *closedWithoutResponse = !client.gotResponse();
    return client.response();
}

Sandbox::SandboxConfig SandboxTestKit::configFor(Sandbox::ServerVersion version)
{
    Sandbox::SandboxConfig config;
    config.serverVersion = version;
    return config;
}

SandboxTestKit::Ticket
SandboxTestKit::fetchTicket(quint16 port, const QByteArray &jsonBody,
                            const QList<QPair<QByteArray, QByteArray>> &headers,
                            const QByteArray &path)
{
    QList<QPair<QByteArray, QByteArray>> allHeaders = { { "Content-Type", "application/json" } };
    allHeaders += headers;
    const auto response =
            exchange(port, RawHttpClient::request("POST", path, allHeaders, jsonBody, port));
    Ticket ticket;
    ticket.status = response.status;
    ticket.body = response.body;
    const QJsonObject object = QJsonDocument::fromJson(response.body).object();
    ticket.json = object;
    ticket.presignedUrl = object.value(QStringLiteral("presignedUrl")).toString();
    ticket.fileUrl = object.value(QStringLiteral("fileUrl")).toString();
    const QJsonObject form = object.value(QStringLiteral("formData")).toObject();
    const QStringList order =
            Typebot::JsonKeyOrder::ofMember(response.body, QStringLiteral("formData"));
    for (const QString &name : order)
        ticket.form.append({ name, form.value(name).toString() });
    return ticket;
}

SandboxTestKit::Ticket SandboxTestKit::fetchTicket(Sandbox::SandboxServer &server,
                                                   const QString &fileName, const QString &fileType,
                                                   const QString &sessionId)
{
    QJsonObject body{ { QStringLiteral("sessionId"),
                        sessionId.isEmpty() ? server.defaultSessionId() : sessionId },
                      { QStringLiteral("fileName"), fileName } };
    if (!fileType.isNull())
        body.insert(QStringLiteral("fileType"), fileType);
    return fetchTicket(server.bucketUrl().port(),
                       QJsonDocument(body).toJson(QJsonDocument::Compact));
}

SandboxTestKit::Ticket SandboxTestKit::fetchTicketV3(Sandbox::SandboxServer &server,
                                                     const QString &fileName,
                                                     const QString &fileType,
                                                     const QString &sessionId,
                                                     const QString &blockId, qint64 fileSize)
{
    QJsonObject body{ { QStringLiteral("sessionId"),
                        sessionId.isEmpty() ? server.defaultSessionId() : sessionId },
                      { QStringLiteral("blockId"),
                        blockId.isEmpty() ? server.fileBlockId() : blockId },
                      { QStringLiteral("fileName"), fileName } };
    if (!fileType.isNull())
        body.insert(QStringLiteral("fileType"), fileType);
    if (fileSize >= 0)
        body.insert(QStringLiteral("fileSize"), double(fileSize));
    return fetchTicket(server.bucketUrl().port(),
                       QJsonDocument(body).toJson(QJsonDocument::Compact), {}, V3Path);
}

QList<SandboxTestKit::Part> SandboxTestKit::formParts(const QList<QPair<QString, QString>> &form)
{
    QList<Part> parts;
    for (const auto &[name, value] : form)
        parts.append(Part{ name.toUtf8(), value.toUtf8(), false, {}, {} });
    return parts;
}

SandboxTestKit::Part SandboxTestKit::filePart(const QByteArray &data, const QByteArray &fileName,
                                              const QByteArray &contentType)
{
    return Part{ "file", data, true, fileName, contentType };
}

QByteArray SandboxTestKit::multipart(const QByteArray &boundary, const QList<Part> &parts,
                                     bool closed)
{
    QByteArray body;
    for (const Part &part : parts) {
        body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.name + '"';
        if (part.isFile)
            body += "; filename=\"" + part.fileName + '"';
        body += "\r\n";
        if (!part.contentType.isEmpty())
            body += "Content-Type: " + part.contentType + "\r\n";
        body += "\r\n" + part.value + "\r\n";
    }
    if (closed)
        body += "--" + boundary + "--\r\n";
    return body;
}

QByteArray SandboxTestKit::postRequest(quint16 port, const QByteArray &body,
                                       const QByteArray &boundary, const QByteArray &contentType)
{
    const QByteArray type =
            contentType.isEmpty() ? "multipart/form-data; boundary=" + boundary : contentType;
    return RawHttpClient::request("POST", "/typebot", { { "Content-Type", type } }, body, port);
}

QByteArray SandboxTestKit::xmlElement(const QByteArray &xml, const QByteArray &name)
{
    const QByteArray open = '<' + name + '>';
    const qsizetype start = xml.indexOf(open);
    if (start < 0)
        return {};
    const qsizetype end = xml.indexOf(QByteArray("</" + name + '>'), start);
    return end < 0 ? QByteArray() : xml.mid(start + open.size(), end - start - open.size());
}

QList<QPair<QString, QString>> SandboxTestKit::amzFields(const Sandbox::SandboxServer &server)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Sandbox::PostPolicy::Credentials credentials{ server.accessKeyId(), server.secretKey() };
    return { { QStringLiteral("x-amz-date"), Sandbox::PostPolicy::amzDate(now) },
             { QStringLiteral("x-amz-algorithm"), Sandbox::PostPolicy::Algorithm },
             { QStringLiteral("x-amz-credential"),
               Sandbox::PostPolicy::credential(credentials,
                                               Sandbox::PostPolicy::shortDate(now)) } };
}

QList<QPair<QString, QString>>
SandboxTestKit::selfSignedForm(const Sandbox::SandboxServer &server, const QByteArray &policyJson,
                               const QList<QPair<QString, QString>> &fieldsBeforePolicy)
{
    Sandbox::PostPolicy::Credentials credentials{ server.accessKeyId(), server.secretKey() };
    const QByteArray policy = policyJson.toBase64();
    QList<QPair<QString, QString>> form = fieldsBeforePolicy;
    form.append({ QStringLiteral("policy"), QString::fromLatin1(policy) });
    form.append(
            { QStringLiteral("x-amz-signature"),
              QString::fromLatin1(Sandbox::PostPolicy::signPolicy(
                      credentials, Sandbox::PostPolicy::shortDate(QDateTime::currentDateTimeUtc()),
                      policy)) });
    return form;
}

int SandboxTestKit::leftoverTemporaryFiles(const Sandbox::SandboxServer &server)
{
    return int(
            QDir(server.storageDir() + QStringLiteral("/.incoming")).entryList(QDir::Files).size());
}
