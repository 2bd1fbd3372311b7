// SPDX-License-Identifier: GPL-3.0-or-later
// A file block's allowed types judged by the server's table (typebot-api.md, "How a file
// reply is checked"), against a table written from that page: jpg/jpe mean jpeg and tiff
// means tif when types are resolved, a link's extension is compared with the table's own
// spelling, image/* stands for the image rows, text types match nothing.

#include "api/filetyperules.h"

#include <QTest>

using namespace Typebot;
using Naming = FileTypeRules::Naming;
using Verdict = FileTypeRules::Verdict;

Q_DECLARE_METATYPE(Typebot::FileTypeRules::Naming)
Q_DECLARE_METATYPE(Typebot::FileTypeRules::Verdict)

class TestFileTypeRules final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void judgesFilesLikeTheServer_data();
    void judgesFilesLikeTheServer();
    void checksLinksLikeTheServer_data();
    void checksLinksLikeTheServer();
    void resolvesTypesThroughTheTable();
    void namesObjectsByType();
};

void TestFileTypeRules::judgesFilesLikeTheServer_data()
{
    QTest::addColumn<QStringList>("types");
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QString>("mimeType");
    QTest::addColumn<Naming>("naming");
    QTest::addColumn<Verdict>("verdict");
    QTest::addColumn<QString>("wording"); // part of the reason

    const auto row = [](const char *name, QStringList types, const char *file, const char *mime,
                        Naming naming, Verdict verdict, const char *wording = "") {
        QTest::newRow(name) << types << QString::fromUtf8(file) << QString::fromLatin1(mime)
                            << naming << verdict << QString::fromUtf8(wording);
    };
    const auto list = [](std::initializer_list<const char *> items) {
        QStringList types;
        for (const char *item : items)
            types << QString::fromLatin1(item);
        return types;
    };
    const Naming any = Naming::Unknown;
    row("a bare extension", list({ "png" }), "a.png", "image/png", any, Verdict::Allowed);
    row("a dotted extension", list({ ".png" }), "a.png", "image/png", any, Verdict::Allowed);
    row("upper-case .PNG listed", list({ ".PNG" }), "a.png", "image/png", any, Verdict::Allowed);
    row("an upper-case file name", list({ "png" }), "SCAN.PNG", "image/png", any, Verdict::Allowed);
    row("a name with spaces", list({ "png" }), "my scan.png", "image/png", any, Verdict::Allowed);
    row("a name with a comma and #", list({ "png" }), "a, b #1.png", "image/png", any,
        Verdict::Allowed);
    row("a Unicode name", list({ "png" }), "caf\u00e9 \u2615.png", "image/png", any,
        Verdict::Allowed);
    row("jpg allows .jpeg", list({ "jpg" }), "photo.jpeg", "image/jpeg", any, Verdict::Allowed);
    row("jpeg allows .jpg", list({ "jpeg" }), "photo.jpg", "image/jpeg", any, Verdict::Allowed);
    row("image/jpeg is .jpeg only where names are kept", list({ "image/jpeg" }), "photo.jpg",
        "image/jpeg", Naming::AsSent, Verdict::ExtensionDiffers, "rename the file to .jpeg");
    row("image/jpeg with an unknown server", list({ "image/jpeg" }), "photo.jpg", "image/jpeg", any,
        Verdict::ExtensionDiffers, ".jpeg");
    row("image/jpeg on a server that names by type", list({ "image/jpeg" }), "photo.jpg",
        "image/jpeg", Naming::ByType, Verdict::Allowed);
    row(".jpe is never a link extension", list({ ".jpg" }), "photo.jpe", "image/jpeg", any,
        Verdict::ExtensionDiffers, "rename the file to .jpeg");
    row("tiff resolves to tif", list({ "tiff" }), "scan.tif", "image/tiff", any, Verdict::Allowed);
    row("a .tiff link is compared with tif", list({ "tif" }), "scan.tiff", "image/tiff", any,
        Verdict::ExtensionDiffers, "rename the file to .tif");
    row("image/* takes webp", list({ "image/*" }), "a.webp", "image/webp", any, Verdict::Allowed);
    row("image/* takes .jpg", list({ "image/*" }), "a.jpg", "image/jpeg", any, Verdict::Allowed);
    row("image/* refuses a pdf", list({ "image/*" }), "a.pdf", "application/pdf", any,
        Verdict::NotListed, "the bot accepts only image/*, not .pdf");
    row("video/* and a MIME type", list({ "video/*", "application/pdf" }), "clip.mov",
        "video/quicktime", any, Verdict::Allowed);
    row("another extension", list({ "png", "jpg" }), "notes.txt", "text/plain", any,
        Verdict::NotListed, "the bot accepts only .png, .jpg, not .txt");
    row("no extension", list({ ".pdf" }), "README", "text/plain", any, Verdict::NotListed,
        "a file without extension");
    row("text/plain matches nothing", list({ "text/plain" }), "notes.txt", "text/plain", any,
        Verdict::NothingMatches, "refuses every file");
    row(".txt listed next to .png", list({ ".png", ".txt" }), "notes.txt", "text/plain", any,
        Verdict::NotInServerTable, "cannot match .txt");
    row(".csv listed next to .pdf", list({ ".pdf", ".csv" }), "data.csv", "text/csv", any,
        Verdict::NotInServerTable, "not in its file type table");
    row("*.png is not a form the server reads", list({ "*.png" }), "a.png", "image/png", any,
        Verdict::NothingMatches);
    row("a PNG named .jpg", list({ "jpg" }), "photo.jpg", "image/png", any, Verdict::ContentDiffers,
        "image/png");
    row("the system's audio/x-wav is not the server's audio/wav", list({ "wav" }), "voice.wav",
        "audio/x-wav", any, Verdict::ContentDiffers, "audio/wav");
    row("parameters and case of the type are ignored", list({ "png" }), "a.png",
        "Image/PNG; charset=binary", any, Verdict::Allowed);
}

void TestFileTypeRules::judgesFilesLikeTheServer()
{
    QFETCH(QStringList, types);
    QFETCH(QString, fileName);
    QFETCH(QString, mimeType);
    QFETCH(Naming, naming);
    QFETCH(Verdict, verdict);
    QFETCH(QString, wording);
    const FileTypeRules rules(types, true);
    const FileTypeRules::Check check = rules.check(fileName, mimeType, naming);
    QCOMPARE(check.verdict, verdict);
    QCOMPARE(check.reason.isEmpty(), verdict == Verdict::Allowed);
    QVERIFY2(check.reason.contains(wording), qPrintable(check.reason));
    // Disabled, the same types restrict nothing.
    QVERIFY(FileTypeRules(types, false).check(fileName, mimeType, naming).isAllowed());
}

void TestFileTypeRules::checksLinksLikeTheServer_data()
{
    QTest::addColumn<QStringList>("types");
    QTest::addColumn<QString>("link");
    QTest::addColumn<bool>("accepted");
    const QString base = QStringLiteral("http://127.0.0.1:9000/typebot/public/b/");
    QTest::newRow("an encoded name") << QStringList{ QStringLiteral("png") }
                                     << base + QStringLiteral("my%20scan.png") << true;
    QTest::newRow("case-insensitive")
            << QStringList{ QStringLiteral("jpg") } << base + QStringLiteral("PHOTO.JPG") << true;
    QTest::newRow("jpeg is in the table for .jpg")
            << QStringList{ QStringLiteral(".jpg") } << base + QStringLiteral("x.jpeg") << true;
    QTest::newRow("jpg is not in the table for image/jpeg")
            << QStringList{ QStringLiteral("image/jpeg") } << base + QStringLiteral("x.jpg")
            << false;
    QTest::newRow("tiff is never a link extension")
            << QStringList{ QStringLiteral("tiff") } << base + QStringLiteral("x.tiff") << false;
    QTest::newRow("the text after the last dot, whatever it is")
            << QStringList{ QStringLiteral("png") } << base + QStringLiteral("x.png?sig=1")
            << false;
    QTest::newRow("a random name with the type's extension")
            << QStringList{ QStringLiteral("image/*") }
            << base + QStringLiteral("k3j7h1g5f9d2.heic") << true;
    QTest::newRow("the .bin of a type outside the table")
            << QStringList{ QStringLiteral("text/plain") } << base + QStringLiteral("k3j7.bin")
            << false;
}

void TestFileTypeRules::checksLinksLikeTheServer()
{
    QFETCH(QStringList, types);
    QFETCH(QString, link);
    QFETCH(bool, accepted);
    QCOMPARE(FileTypeRules(types, true).acceptsLink(link), accepted);
}

void TestFileTypeRules::resolvesTypesThroughTheTable()
{
    const FileTypeRules jpg({ QStringLiteral(".jpg") }, true);
    QCOMPARE(jpg.extensions(), QStringList({ QStringLiteral("jpeg"), QStringLiteral("jpg") }));
    QCOMPARE(jpg.mimeTypes(),
             QStringList({ QStringLiteral("image/jpeg"), QStringLiteral("image/jpg") }));
    const FileTypeRules mixed(
            { QStringLiteral("IMAGE/PNG"), QStringLiteral("text/plain"), QStringLiteral(".csv") },
            true);
    QCOMPARE(mixed.mimeTypes(), QStringList{ QStringLiteral("image/png") });
    QCOMPARE(mixed.unmatchedTypes(),
             QStringList({ QStringLiteral("text/plain"), QStringLiteral(".csv") }));
    QCOMPARE(mixed.listedText(), QStringLiteral("IMAGE/PNG, text/plain, .csv"));
    QVERIFY(!FileTypeRules({}, true).isRestricted());
    QVERIFY(!FileTypeRules({ QStringLiteral("png") }, false).isRestricted());
}

void TestFileTypeRules::namesObjectsByType()
{
    QCOMPARE(FileTypeRules::extensionForMimeType(QStringLiteral("image/jpeg")),
             QStringLiteral("jpeg"));
    QCOMPARE(FileTypeRules::extensionForMimeType(QStringLiteral("image/tiff")),
             QStringLiteral("tif"));
    QCOMPARE(FileTypeRules::extensionForMimeType(QStringLiteral("text/plain")),
             QStringLiteral("bin"));
    ServerKnowledge proxy;
    proxy.style = ServerKnowledge::SendStyle::UploadProxy;
    QCOMPARE(FileTypeRules::namingFor(proxy), Naming::ByType);
    ServerKnowledge put;
    put.style = ServerKnowledge::SendStyle::PresignedPut;
    QCOMPARE(FileTypeRules::namingFor(put), Naming::AsSent);
    QCOMPARE(FileTypeRules::namingFor(ServerKnowledge()), Naming::Unknown);
}

QTEST_GUILESS_MAIN(TestFileTypeRules)
#include "testfiletyperules.moc"
