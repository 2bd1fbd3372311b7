// SPDX-License-Identifier: GPL-3.0-or-later
// The journal's timeline column, read back at every start: TimelineCodec::decode on
// anything a damaged or edited database could hold.

#include "fuzzcheck.h"

#include "storage/timelinecodec.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > Fuzz::MaxInputBytes)
        return -1;
    const QList<Typebot::TimelineEntry> entries =
            Typebot::TimelineCodec::decode(Fuzz::bytes(data, size));
    // What was read back is written and read again the same way (the next start).
    const QList<Typebot::TimelineEntry> again =
            Typebot::TimelineCodec::decode(Typebot::TimelineCodec::encode(entries, 1000));
    FUZZ_CHECK(again.size() == entries.size(), "decoded entries survive another round");
    for (qsizetype i = 0; i < entries.size(); ++i) {
        FUZZ_CHECK(again.at(i).message == entries.at(i).message, "messages survive");
        FUZZ_CHECK(again.at(i).httpStatus == entries.at(i).httpStatus, "statuses survive");
        (void)entries.at(i).toText();
    }
    return 0;
}
