// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace Sandbox {

// The Typebot server releases the sandbox can play; each answers generate-upload-url its
// own way (routes, error shapes, how the file is sent, how it is named).
enum class ServerVersion { Legacy, V3_15, V3_16, V3_17, V3_18 };

// What one server version does, as read in Typebot's source (tags v3.15.0 ... v3.18.0).
struct ServerBehaviour
{
    enum class UploadStyle {
        PostPolicy, // multipart POST to the bucket with a signed policy
        PresignedPut, // raw PUT to a query-signed bucket URL
        UploadProxy, // raw PUT to {viewer}/api/uploads/{token}
    };
    enum class ErrorShape {
        Trpc, // {"message", "code", "issues": [{"message"}]}
        Orpc, // {"defined": false, "code", "status", "message", "data"?}
        OrpcDefined, // the same with "defined": true
    };

    bool v2Route = true;
    bool v3Route = false;
    UploadStyle uploadStyle = UploadStyle::PostPolicy;
    ErrorShape errorShape = ErrorShape::Trpc;
    // Unmatched /api paths answer a plain-text "Not found" instead of tRPC's JSON 404.
    bool plainTextNotFound = false;
    // v3 refuses a fileType the file block does not allow.
    bool checksFileTypes = false;
    // The type is lower-cased and stripped of parameters (missing: application/octet-stream).
    bool normalisesFileType = false;
    // A restriction whose types match nothing in the table refuses every type; before,
    // such a block accepted anything.
    bool emptyTypeListRefusesAll = false;
    // fileSize is refused at ticket time and maxFileSize (MB) is part of the answer.
    bool checksFileSize = false;
    // Objects get a random name with an extension from the MIME type, under the
    // session's current block; the request's blockId and fileName are ignored.
    bool randomObjectNames = false;
};

// Names, parsing and the behaviour table of the server versions.
class ServerVersions final
{
public:
    static constexpr ServerVersion Latest = ServerVersion::V3_18;

    static QString name(ServerVersion version); // "legacy", "3.15", ... "3.18"
    static std::optional<ServerVersion> parse(const QString &text);
    static QList<ServerVersion> all(); // oldest first
    static QString namesText(); // "legacy|3.15|3.16|3.17|3.18", for help texts

    static ServerBehaviour behaviour(ServerVersion version);
};

} // namespace Sandbox
