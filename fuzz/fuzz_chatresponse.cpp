// SPDX-License-Identifier: GPL-3.0-or-later
// startChat/continueChat answers: ChatResponse::fromJson and what the chat views ask of it.

#include "fuzzcheck.h"

#include "api/chatresponse.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > Fuzz::MaxInputBytes)
        return -1;
    QString error;
    const auto response = Typebot::ChatResponse::fromJson(Fuzz::bytes(data, size), &error);
    if (!response) {
        FUZZ_CHECK(!error.isEmpty(), "a refused answer says why");
        return 0;
    }
    (void)response->text();
    if (response->input) {
        const Typebot::ChatInput &input = *response->input;
        (void)input.describe();
        (void)input.matchChoice(QStringLiteral("yes"));
        if (input.kind == Typebot::ChatInput::Kind::File) {
            (void)input.file.allowedTypesText();
            (void)input.file.refusalFor(QStringLiteral("photo.png"), QStringLiteral("image/png"));
            (void)input.file.refusalFor(QStringLiteral("noext"));
        }
    }
    return 0;
}
