// SPDX-License-Identifier: GPL-3.0-or-later
// MultipartStreamParser fed in chunks of every size, so boundaries straddle chunk ends.

#include "multipartstreamparser.h"

#include <QTest>

using Sandbox::MultipartStreamParser;

namespace {

struct Collected
{
    QList<MultipartStreamParser::Part> parts;
    QList<QByteArray> data;
    int ends = 0;
};

// Feeds `body` in chunks of `chunkSize` (0: all at once).
bool parseInChunks(const QByteArray &boundary, const QByteArray &body, int chunkSize,
                   Collected *out, QString *error = nullptr)
{
    MultipartStreamParser parser(boundary);
    parser.partBegin = [out](const MultipartStreamParser::Part &part) {
        out->parts.append(part);
        out->data.append(QByteArray());
        return true;
    };
    parser.partData = [out](QByteArrayView data) {
        out->data.last().append(data.data(), data.size());
        return true;
    };
    parser.partEnd = [out] {
        ++out->ends;
        return true;
    };
    const int step = chunkSize > 0 ? chunkSize : int(body.size()) + 1;
    bool ok = true;
    for (qsizetype offset = 0; ok && offset < body.size(); offset += step)
        ok = parser.feed(
                QByteArrayView(body).sliced(offset, qMin<qsizetype>(step, body.size() - offset)));
    ok = ok && parser.finish();
    if (error)
        *error = parser.errorString();
    return ok;
}

QByteArray binaryWithNearBoundaries(const QByteArray &boundary)
{
    QByteArray data;
    for (int i = 0; i < 256; ++i)
        data += char(i);
    // Things that look like the start of a delimiter but are not one.
    data += "\r\n--" + boundary.left(boundary.size() - 1) + "X\r\n";
    data += "\r\n-";
    data += "\r\n--";
    data += "--" + boundary;
    data += "\r\n";
    return data;
}

} // namespace

class TestMultipartStreamParser final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesPartsInAnyChunking_data();
    void parsesPartsInAnyChunking();
    void findsBoundaryInContentType_data();
    void findsBoundaryInContentType();
    void rejectsMalformedBodies_data();
    void rejectsMalformedBodies();
    void reportsFileNamesAsSent();
    void ignoresPreambleAndEpilogue();
    void reportsWhereThePartDataStarts();
};

void TestMultipartStreamParser::parsesPartsInAnyChunking_data()
{
    QTest::addColumn<int>("chunkSize");
    QTest::newRow("one byte at a time") << 1;
    QTest::newRow("two bytes at a time") << 2;
    QTest::newRow("three bytes at a time") << 3;
    QTest::newRow("seven bytes at a time") << 7;
    QTest::newRow("chunks as long as the delimiter") << 42;
    QTest::newRow("64-byte chunks") << 64;
    QTest::newRow("the whole body at once") << 0;
}

void TestMultipartStreamParser::parsesPartsInAnyChunking()
{
    QFETCH(int, chunkSize);
    const QByteArray boundary = "----WebKitFormBoundary7MA4YWxkTrZu0gW";
    const QByteArray binary = binaryWithNearBoundaries(boundary);
    const QByteArray body = "--" + boundary
            + "\r\n"
              "Content-Disposition: form-data; name=\"key\"\r\n\r\n"
              "public/tmp/a b.txt\r\n"
              "--"
            + boundary
            + "\r\n"
              "Content-Disposition: form-data; name=\"empty\"\r\n\r\n"
              "\r\n"
              "--"
            + boundary
            + "\r\n"
              "Content-Disposition: form-data; name=\"file\"; filename=\"data.bin\"\r\n"
              "Content-Type: application/octet-stream\r\n\r\n"
            + binary
            + "\r\n"
              "--"
            + boundary + "--\r\n";
    Collected collected;
    QString error;
    QVERIFY2(parseInChunks(boundary, body, chunkSize, &collected, &error), qPrintable(error));
    QCOMPARE(collected.parts.size(), 3);
    QCOMPARE(collected.ends, 3);
    QCOMPARE(collected.parts.at(0).name, QByteArray("key"));
    QCOMPARE(collected.data.at(0), QByteArray("public/tmp/a b.txt"));
    QCOMPARE(collected.data.at(1), QByteArray());
    QCOMPARE(collected.parts.at(2).name, QByteArray("file"));
    QVERIFY(collected.parts.at(2).hasFileName);
    QCOMPARE(collected.parts.at(2).fileName, QByteArray("data.bin"));
    QCOMPARE(collected.parts.at(2).contentType, QByteArray("application/octet-stream"));
    QCOMPARE(collected.data.at(2), binary);
}

void TestMultipartStreamParser::findsBoundaryInContentType_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("boundary");
    QTest::newRow("plain boundary, as curl sends it")
            << QByteArray("multipart/form-data; boundary=------------------------abc123")
            << QByteArray("------------------------abc123");
    QTest::newRow("quoted boundary, as Qt sends it")
            << QByteArray("multipart/form-data; boundary=\"boundary_.oOo._MjA=\"")
            << QByteArray("boundary_.oOo._MjA=");
    QTest::newRow("boundary after another parameter")
            << QByteArray("multipart/form-data; charset=utf-8; boundary=xyz") << QByteArray("xyz");
    QTest::newRow("upper-case parameter name")
            << QByteArray("multipart/form-data; BOUNDARY=q") << QByteArray("q");
    QTest::newRow("no boundary at all") << QByteArray("multipart/form-data") << QByteArray();
}

void TestMultipartStreamParser::findsBoundaryInContentType()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, boundary);
    QCOMPARE(MultipartStreamParser::boundaryFromContentType(contentType), boundary);
}

void TestMultipartStreamParser::rejectsMalformedBodies_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("errorPart");
    QTest::newRow("body cut before the closing boundary")
            << QByteArray("--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue")
            << "closing boundary";
    QTest::newRow("no boundary anywhere") << QByteArray("just some text") << "closing boundary";
    QTest::newRow("garbage after a boundary")
            << QByteArray("--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\r\n--bXX\r\n")
            << "malformed boundary line";
    QTest::newRow("header line without a colon")
            << QByteArray("--b\r\nnot a header\r\n\r\nv\r\n--b--\r\n") << "malformed part header";
    QTest::newRow("boundary padding past 256 bytes, whole or in chunks (a fuzzer find)")
            << (QByteArray("--b") + QByteArray(300, ' ')
                + "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\r\n--b--\r\n")
            << "boundary line too long";
    QTest::newRow("part that is not form-data")
            << QByteArray("--b\r\nContent-Disposition: attachment\r\n\r\nv\r\n--b--\r\n")
            << "not form-data";
}

void TestMultipartStreamParser::rejectsMalformedBodies()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, errorPart);
    for (int chunk : { 1, 5, 0 }) {
        Collected collected;
        QString error;
        QVERIFY(!parseInChunks("b", body, chunk, &collected, &error));
        QVERIFY2(error.contains(errorPart), qPrintable(error));
    }
}

void TestMultipartStreamParser::reportsFileNamesAsSent()
{
    const QByteArray body = "--b\r\nContent-Disposition: form-data; name=\"file\"; "
                            "filename=\"a%22b \\\"c\\\" é.txt\"\r\n\r\n"
                            "x\r\n--b--\r\n";
    Collected collected;
    QVERIFY(parseInChunks("b", body, 0, &collected));
    QCOMPARE(collected.parts.first().fileName, QByteArray("a%22b \"c\" é.txt"));
}

void TestMultipartStreamParser::ignoresPreambleAndEpilogue()
{
    const QByteArray body = "preamble text\r\n--b\r\nContent-Disposition: form-data; "
                            "name=\"a\"\r\n\r\n1\r\n--b--\r\n"
                            "epilogue --b\r\n with junk";
    for (int chunk : { 1, 4, 0 }) {
        Collected collected;
        QVERIFY(parseInChunks("b", body, chunk, &collected));
        QCOMPARE(collected.parts.size(), 1);
        QCOMPARE(collected.data.first(), QByteArray("1"));
    }
}

void TestMultipartStreamParser::reportsWhereThePartDataStarts()
{
    const QByteArray head =
            "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f\"\r\n\r\n";
    const QByteArray body = head + "0123456789\r\n--b--\r\n";
    MultipartStreamParser parser("b");
    qint64 offset = -1;
    parser.partBegin = [&](const MultipartStreamParser::Part &) {
        offset = parser.partDataOffset();
        return true;
    };
    for (qsizetype i = 0; i < body.size(); i += 3)
        QVERIFY(parser.feed(QByteArrayView(body).sliced(i, qMin<qsizetype>(3, body.size() - i))));
    QVERIFY(parser.finish());
    QCOMPARE(offset, qint64(head.size()));
}

QTEST_GUILESS_MAIN(TestMultipartStreamParser)
#include "testmultipartstreamparser.moc"
