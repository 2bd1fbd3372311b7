// SPDX-License-Identifier: GPL-3.0-or-later
// The generate-upload-url answer: UploadTicket::fromJson, which also reads the form
// fields' order with JsonKeyOrder.

#include "fuzzcheck.h"

#include "api/uploadticket.h"

#include <QSet>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > Fuzz::MaxInputBytes)
        return -1;
    const QByteArray json = Fuzz::bytes(data, size);
    QString error;
    const auto ticket = Typebot::UploadTicket::fromJson(json, &error);
    if (!ticket) {
        FUZZ_CHECK(!error.isEmpty(), "a refused ticket says why");
        return 0;
    }
    const QString scheme = ticket->presignedUrl.scheme().toLower();
    FUZZ_CHECK(scheme == u"http" || scheme == u"https", "presignedUrl is http(s)");
    FUZZ_CHECK(!ticket->presignedUrl.host().isEmpty(), "presignedUrl has a host");
    for (const QChar c : ticket->fileUrl)
        FUZZ_CHECK(c.unicode() >= 0x20 && c.unicode() != 0x7f, "fileUrl has no control characters");
    QSet<QString> names;
    for (const Typebot::FormField &field : ticket->formFields) {
        FUZZ_CHECK(!names.contains(field.name), "each form field is sent once");
        names.insert(field.name);
    }
    // What the transfer code asks of a ticket must hold for any accepted one.
    (void)ticket->sendStyle();
    (void)ticket->maxFileSizeBytes();
    (void)ticket->field(QStringLiteral("key"));
    return 0;
}
