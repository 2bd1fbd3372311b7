// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace Typebot {

struct UploadTicket;

// Checks a ticket against the file before the upload starts, so that a file the bucket
// will refuse is reported in plain words instead of as an S3 error after a long upload.
class Preflight final
{
public:
    // S3 refuses POST and single PUT objects above 5 GiB.
    static constexpr qint64 MaxObjectSize = Q_INT64_C(5) * 1024 * 1024 * 1024;

    enum class Problem { TooLarge, TooSmall, Expired, OverS3Limit, BadPolicy };

    struct Failure
    {
        Problem problem;
        QString message;
        qint64 limit = -1; // the size limit in bytes, where one applies
    };

    // `now` is the best estimate of the server's clock (local time corrected by the
    // API's Date header when it had one).
    static std::optional<Failure> check(const UploadTicket &ticket, qint64 fileSize,
                                        const QDateTime &now);
};

} // namespace Typebot
