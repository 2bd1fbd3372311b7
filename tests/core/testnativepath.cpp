// SPDX-License-Identifier: GPL-3.0-or-later
// File names as raw bytes carried in a QString: every byte string comes back whole, and the
// readable rendering is always valid text.

#include "system/nativepath.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTest>
#include <QUrl>
#include <QVariant>

using namespace Typebot;

namespace {

// Text that UTF-8 can hold and that shows no trace of a byte that was not text.
bool isCleanText(const QString &text)
{
    if (text.contains(QChar(QChar::ReplacementCharacter)))
        return false;
    // A lone surrogate does not survive UTF-8 (it becomes '?'); pairs do.
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            ++i;
        else if (text.at(i).isSurrogate())
            return false;
    }
    return true;
}

QString withStandIns(QString path)
{
    // Escaped bytes replaced by a character UTF-8 can hold, so Qt can be asked.
    for (QChar &c : path) {
        if (c.isLowSurrogate())
            c = u'#';
    }
    return path;
}

} // namespace

class TestNativePath final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripsAndReads_data();
    void roundTripsAndReads();
    void validUtf8DecodesAsQtDoes_data();
    void validUtf8DecodesAsQtDoes();
    void randomBytesRoundTrip();
    void textRoundTrips_data();
    void textRoundTrips();
    void displayNameIsTheLastPart_data();
    void displayNameIsTheLastPart();
    void absoluteKeepsEscapedBytes_data();
    void absoluteKeepsEscapedBytes();
    void fileUrlKeepsEveryByte_data();
    void fileUrlKeepsEveryByte();
    void storableKeepsEveryByte_data();
    void storableKeepsEveryByte();
};

void TestNativePath::roundTripsAndReads_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("readable");
    QTest::addColumn<bool>("escaped");

    QTest::newRow("plain ASCII") << QByteArray("readme.txt") << QStringLiteral("readme.txt")
                                 << false;
    QTest::newRow("empty") << QByteArray() << QString() << false;
    QTest::newRow("UTF-8 accents and a symbol")
            << QByteArray("caf\xc3\xa9 \xe2\x98\x95.txt") << QStringLiteral("café ☕.txt") << false;
    QTest::newRow("a 4-byte sequence") << QByteArray("\xf0\x9f\x98\x80.png")
                                       << QString::fromUtf8("\xf0\x9f\x98\x80.png") << false;
    // U+10080 is the pair D800 DC80: its low half lies in the escape range.
    QTest::newRow("a 4-byte sequence whose low surrogate looks escaped")
            << QByteArray("\xf0\x90\x82\x80") << QString::fromUcs4(U"\U00010080") << false;
    QTest::newRow("an escaped byte right after a 4-byte sequence")
            << QByteArray("\xf0\x90\x82\x80\x80") << QString::fromUcs4(U"\U00010080\u20ac") << true;
    QTest::newRow("Latin-1 e acute")
            << QByteArray("caf\xe9.txt") << QStringLiteral("café.txt") << true;
    QTest::newRow("Windows-1252 quotes and euro")
            << QByteArray("\x93quoted\x94 \x80.txt") << QStringLiteral("“quoted” €.txt") << true;
    QTest::newRow("bytes Windows-1252 leaves undefined become C1 controls")
            << QByteArray("a\x81\x8d\x8f\x90\x9d")
            << QStringLiteral("a\u0081\u008d\u008f\u0090\u009d") << true;
    QTest::newRow("a lone continuation byte") << QByteArray("\x80") << QStringLiteral("€") << true;
    QTest::newRow("an overlong slash") << QByteArray("a\xc0\xaf"
                                                     "b")
                                       << QStringLiteral("aÀ¯b") << true;
    QTest::newRow("an overlong 3-byte form")
            << QByteArray("\xe0\x80\xaf") << QStringLiteral("à€¯") << true;
    QTest::newRow("an overlong 4-byte form")
            << QByteArray("\xf0\x80\x80\xaf") << QStringLiteral("ð€€¯") << true;
    // The UTF-8 form of U+DCE9, the escape of 0xE9: decoding it would make two byte
    // strings one path.
    QTest::newRow("an encoded escape surrogate")
            << QByteArray("\xed\xb3\xa9") << QStringLiteral("í³©") << true;
    QTest::newRow("an encoded high surrogate")
            << QByteArray("\xed\xa0\x80") << QStringLiteral("í\u00a0€") << true;
    QTest::newRow("above U+10FFFF")
            << QByteArray("\xf4\x90\x80\x80") << QStringLiteral("ô\u0090€€") << true;
    QTest::newRow("the highest code point")
            << QByteArray("\xf4\x8f\xbf\xbf") << QString::fromUcs4(U"\U0010FFFF") << false;
    QTest::newRow("lead bytes that never start UTF-8")
            << QByteArray("\xf5\xf8\xfc\xfe\xff") << QStringLiteral("õøüþÿ") << true;
    QTest::newRow("a sequence cut at the end")
            << QByteArray("ab\xe2\x82") << QStringLiteral("abâ‚") << true;
    QTest::newRow("a sequence cut by ASCII")
            << QByteArray("\xe2\x82x") << QStringLiteral("â‚x") << true;
    QTest::newRow("a byte order mark at the start")
            << QByteArray("\xef\xbb\xbfname") << QStringLiteral("\ufeffname") << false;
    QTest::newRow("Shift JIS") << QByteArray("\x83\x65\x83\x58\x83\x67.txt")
                               << QStringLiteral("ƒeƒXƒg.txt") << true;
    QTest::newRow("a whole path with one bad folder")
            << QByteArray("/home/ana/r\xe9sum\xe9s/cv.pdf")
            << QStringLiteral("/home/ana/résumés/cv.pdf") << true;
}

void TestNativePath::roundTripsAndReads()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, readable);
    QFETCH(bool, escaped);
    const QString path = NativePath::fromNative(bytes);
    QCOMPARE(NativePath::toNative(path), bytes);
    QCOMPARE(NativePath::hasEscapedBytes(path), escaped);
    QCOMPARE(NativePath::readable(path), readable);
    QVERIFY(isCleanText(NativePath::readable(path)));
    // Text already readable stays as it is.
    QCOMPARE(NativePath::readable(readable), readable);
}

void TestNativePath::validUtf8DecodesAsQtDoes_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("ASCII") << QByteArray("/tmp/a b.txt");
    QTest::newRow("accents") << QByteArray("/tmp/\xc3\xa9t\xc3\xa9.txt");
    QTest::newRow("CJK") << QByteArray("\xe6\x96\x87\xe5\xad\x97.txt");
    QTest::newRow("emoji") << QByteArray("\xf0\x9f\x8e\x89");
    QTest::newRow("a quote and a newline") << QByteArray("my \"best\" na\nme");
}

void TestNativePath::validUtf8DecodesAsQtDoes()
{
    QFETCH(QByteArray, bytes);
    QCOMPARE(NativePath::fromNative(bytes), QFile::decodeName(bytes));
    QCOMPARE(NativePath::toNative(QFile::decodeName(bytes)),
             QFile::encodeName(QFile::decodeName(bytes)));
}

void TestNativePath::randomBytesRoundTrip()
{
    // Fixed seed: a failure names the same bytes every run.
    QRandomGenerator random(20261130);
    for (int round = 0; round < 20000; ++round) {
        QByteArray bytes(random.bounded(0, 24), Qt::Uninitialized);
        for (char &byte : bytes) {
            // Mostly the bytes UTF-8 is built from, so that near-valid sequences are common.
            const quint32 kind = random.bounded(4);
            byte = char(kind == 0           ? random.bounded(1, 0x80)
                                : kind == 1 ? random.bounded(0x80, 0xC0)
                                            : random.bounded(0xC0, 0x100));
        }
        const QString path = NativePath::fromNative(bytes);
        if (NativePath::toNative(path) != bytes)
            QFAIL(qPrintable(u"no round trip for " + QString::fromLatin1(bytes.toHex(' '))));
        const QString shown = NativePath::readable(path);
        if (!isCleanText(shown))
            QFAIL(qPrintable(u"unclean rendering of " + QString::fromLatin1(bytes.toHex(' '))));
        const bool valid =
                QString::fromUtf8(bytes).toUtf8() == bytes && !bytes.startsWith("\xef\xbb\xbf");
        if (valid && path != QString::fromUtf8(bytes))
            QFAIL(qPrintable(u"valid UTF-8 decoded differently: "
                             + QString::fromLatin1(bytes.toHex(' '))));
        if (NativePath::hasEscapedBytes(path) == valid)
            QFAIL(qPrintable(u"escapes misreported for " + QString::fromLatin1(bytes.toHex(' '))));
    }
}

void TestNativePath::textRoundTrips_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("plain") << QStringLiteral("/a/b.txt");
    QTest::newRow("BMP and astral") << QString::fromUcs4(U"/\u00e9\u4e2d\U0001F600\U00010080");
    QTest::newRow("a byte order mark") << QStringLiteral("\ufeffx");
}

void TestNativePath::textRoundTrips()
{
    QFETCH(QString, text);
    QCOMPARE(NativePath::fromNative(NativePath::toNative(text)), text);
    QCOMPARE(NativePath::toNative(text), text.toUtf8());
    QVERIFY(!NativePath::hasEscapedBytes(text));
}

void TestNativePath::displayNameIsTheLastPart_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("name");
    QTest::newRow("a file in a folder")
            << QByteArray("/tmp/x/caf\xe9.txt") << QStringLiteral("café.txt");
    QTest::newRow("a bad folder, a good name")
            << QByteArray("/tmp/\xff/ok.txt") << QStringLiteral("ok.txt");
    QTest::newRow("no folder") << QByteArray("\xff\xfe") << QStringLiteral("ÿþ");
}

void TestNativePath::displayNameIsTheLastPart()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, name);
    QCOMPARE(NativePath::displayName(NativePath::fromNative(bytes)), name);
}

void TestNativePath::absoluteKeepsEscapedBytes_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("relative") << QByteArray("caf\xe9.txt");
    QTest::newRow("relative with dots") << QByteArray("./a/../caf\xe9.txt");
    QTest::newRow("absolute with dots") << QByteArray("/tmp/./x/../\xff.txt");
    QTest::newRow("absolute and clean") << QByteArray("/tmp/\xff.txt");
    QTest::newRow("valid UTF-8") << QByteArray("sub/./\xc3\xa9.txt");
}

void TestNativePath::absoluteKeepsEscapedBytes()
{
    QFETCH(QByteArray, bytes);
    const QString path = NativePath::fromNative(bytes);
    const QString absolute = NativePath::absolute(path);
    // Made absolute and cleaned as Qt does it, and the escaped bytes are still there.
    QCOMPARE(withStandIns(absolute), QFileInfo(withStandIns(path)).absoluteFilePath());
    QVERIFY(NativePath::toNative(absolute).endsWith(bytes.mid(bytes.lastIndexOf('/') + 1)));
}

void TestNativePath::fileUrlKeepsEveryByte_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("Latin-1 percent-escape")
            << QStringLiteral("file:///tmp/caf%E9.txt") << QByteArray("/tmp/caf\xe9.txt");
    QTest::newRow("UTF-8 percent-escapes and a space")
            << QStringLiteral("file:///tmp/caf%C3%A9%20x.txt")
            << QByteArray("/tmp/caf\xc3\xa9 x.txt");
    QTest::newRow("raw Unicode") << QStringLiteral("file:///tmp/café.txt")
                                 << QByteArray("/tmp/caf\xc3\xa9.txt");
    QTest::newRow("a percent sign itself")
            << QStringLiteral("file:///tmp/100%25.txt") << QByteArray("/tmp/100%.txt");
    QTest::newRow("a web address") << QStringLiteral("https://example.com/a.txt") << QByteArray();
}

void TestNativePath::fileUrlKeepsEveryByte()
{
    QFETCH(QString, url);
    QFETCH(QByteArray, bytes);
    const QUrl parsed(url);
    const QString path = NativePath::fromFileUrl(parsed);
    QCOMPARE(NativePath::toNative(path), bytes);
    if (!NativePath::hasEscapedBytes(path))
        QCOMPARE(path, parsed.toLocalFile());
    if (path.isEmpty())
        return;
    // And back: a URL that names the same bytes, also once written out as text (the
    // freedesktop file manager interface takes URLs as strings).
    const QUrl back = NativePath::toFileUrl(path);
    QCOMPARE(NativePath::fromFileUrl(back), path);
    QCOMPARE(NativePath::fromFileUrl(QUrl(back.toString())), path);
    if (!NativePath::hasEscapedBytes(path))
        QCOMPARE(back, QUrl::fromLocalFile(path));
}

void TestNativePath::storableKeepsEveryByte_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("asText");
    QTest::newRow("UTF-8 is stored as text") << QByteArray("/tmp/\xc3\xa9.txt") << true;
    QTest::newRow("other bytes are stored as bytes") << QByteArray("/tmp/\xe9.txt") << false;
}

void TestNativePath::storableKeepsEveryByte()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, asText);
    const QString path = NativePath::fromNative(bytes);
    const QVariant stored = NativePath::toStorable(path);
    QCOMPARE(stored.typeId() == QMetaType::QString, asText);
    QCOMPARE(NativePath::fromStored(stored), path);
}

QTEST_GUILESS_MAIN(TestNativePath)
#include "testnativepath.moc"
