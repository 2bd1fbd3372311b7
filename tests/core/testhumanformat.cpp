// SPDX-License-Identifier: GPL-3.0-or-later
// HumanFormat: sizes, speeds and durations as people read them.
#include "diagnostics/humanformat.h"

#include <QLocale>
#include <QTest>

#include <limits>

using Typebot::HumanFormat;

class TestHumanFormat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void bytes_data();
    void bytes();
    void binaryBytes_data();
    void binaryBytes();
    void sizeLimit_data();
    void sizeLimit();
    void speed_data();
    void speed();
    void duration_data();
    void duration();
    void printable_data();
    void printable();
    void rateLimits_data();
    void rateLimits();
};

void TestHumanFormat::initTestCase()
{
    QLocale::setDefault(QLocale::c());
}

void TestHumanFormat::bytes_data()
{
    QTest::addColumn<qint64>("bytes");
    QTest::addColumn<QString>("expected");

    QTest::newRow("0") << qint64(0) << QStringLiteral("0 bytes");
    QTest::newRow("1") << qint64(1) << QStringLiteral("1 byte");
    QTest::newRow("2") << qint64(2) << QStringLiteral("2 bytes");
    QTest::newRow("999") << qint64(999) << QStringLiteral("999 bytes");
    QTest::newRow("1000 is 1 kB") << qint64(1000) << QStringLiteral("1 kB");
    QTest::newRow("1024 is 1 kB, rounded") << qint64(1024) << QStringLiteral("1 kB");
    QTest::newRow("1500") << qint64(1500) << QStringLiteral("1.5 kB");
    QTest::newRow("99.94 kB rounds down to one decimal")
            << qint64(99940) << QStringLiteral("99.9 kB");
    QTest::newRow("100 kB and more lose the decimal") << qint64(100600) << QStringLiteral("101 kB");
    QTest::newRow("999,999 is 1 MB, never 1000 kB") << qint64(999999) << QStringLiteral("1 MB");
    QTest::newRow("1 MB") << qint64(1000000) << QStringLiteral("1 MB");
    QTest::newRow("a 200,000,000-byte file is 200 MB, as in the file manager")
            << qint64(200000000) << QStringLiteral("200 MB");
    QTest::newRow("10 MiB is 10.5 MB") << qint64(10485760) << QStringLiteral("10.5 MB");
    QTest::newRow("13002342 is 13 MB") << qint64(13002342) << QStringLiteral("13 MB");
    QTest::newRow("5 GiB is 5.4 GB") << Q_INT64_C(5368709120) << QStringLiteral("5.4 GB");
    QTest::newRow("1.5 TB") << Q_INT64_C(1500000000000) << QStringLiteral("1.5 TB");
    QTest::newRow("beyond TB stays in TB")
            << Q_INT64_C(1125899906842624) << QStringLiteral("1126 TB");
    QTest::newRow("negative is unknown") << qint64(-1) << QStringLiteral("?");
    QTest::newRow("largest qint64 does not crash")
            << std::numeric_limits<qint64>::max() << QStringLiteral("9223372 TB");
}

void TestHumanFormat::bytes()
{
    QFETCH(qint64, bytes);
    QFETCH(QString, expected);

    QCOMPARE(HumanFormat::bytes(bytes), expected);
}

void TestHumanFormat::binaryBytes_data()
{
    QTest::addColumn<qint64>("bytes");
    QTest::addColumn<QString>("expected");

    QTest::newRow("1023") << qint64(1023) << QStringLiteral("1023 bytes");
    QTest::newRow("1024") << qint64(1024) << QStringLiteral("1 KiB");
    QTest::newRow("1536") << qint64(1536) << QStringLiteral("1.5 KiB");
    QTest::newRow("10 MiB") << qint64(10485760) << QStringLiteral("10 MiB");
    QTest::newRow("5 GiB") << Q_INT64_C(5368709120) << QStringLiteral("5 GiB");
}

void TestHumanFormat::binaryBytes()
{
    QFETCH(qint64, bytes);
    QFETCH(QString, expected);

    QCOMPARE(HumanFormat::binaryBytes(bytes), expected);
}

void TestHumanFormat::sizeLimit_data()
{
    QTest::addColumn<qint64>("bytes");
    QTest::addColumn<QString>("expected");

    QTest::newRow("Typebot maxFileSize 10 is 10 MiB, not 10 MB")
            << qint64(10485760) << QStringLiteral("10 MiB (10.5 MB)");
    QTest::newRow("maxFileSize 0.5 is 512 KiB")
            << qint64(524288) << QStringLiteral("512 KiB (524 kB)");
    QTest::newRow("1.5 MiB") << qint64(1572864) << QStringLiteral("1.5 MiB (1.6 MB)");
    QTest::newRow("the S3 single-object limit")
            << Q_INT64_C(5368709120) << QStringLiteral("5 GiB (5.4 GB)");
    QTest::newRow("a decimal limit stays decimal") << qint64(2000000) << QStringLiteral("2 MB");
    QTest::newRow("1025 KiB is not a whole MiB") << qint64(1049600) << QStringLiteral("1 MB");
    QTest::newRow("a few bytes") << qint64(100) << QStringLiteral("100 bytes");
}

void TestHumanFormat::sizeLimit()
{
    QFETCH(qint64, bytes);
    QFETCH(QString, expected);

    QCOMPARE(HumanFormat::sizeLimit(bytes), expected);
}

void TestHumanFormat::speed_data()
{
    QTest::addColumn<double>("bytesPerSecond");
    QTest::addColumn<QString>("expected");

    QTest::newRow("zero shows nothing") << 0.0 << QString();
    QTest::newRow("negative shows nothing") << -5.0 << QString();
    QTest::newRow("NaN shows nothing") << std::numeric_limits<double>::quiet_NaN() << QString();
    QTest::newRow("500 B/s") << 500.0 << QStringLiteral("500 bytes/s");
    QTest::newRow("fraction of a kB, truncated to whole bytes")
            << 1536.9 << QStringLiteral("1.5 kB/s");
    QTest::newRow("1 MB/s") << 1000000.0 << QStringLiteral("1 MB/s");
    QTest::newRow("12.4 MB/s") << 12400000.0 << QStringLiteral("12.4 MB/s");
}

void TestHumanFormat::speed()
{
    QFETCH(double, bytesPerSecond);
    QFETCH(QString, expected);

    QCOMPARE(HumanFormat::speed(bytesPerSecond), expected);
}

void TestHumanFormat::duration_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("expected");

    QTest::newRow("unknown") << qint64(-1) << QString();
    QTest::newRow("0 s") << qint64(0) << QStringLiteral("0 s");
    QTest::newRow("59 s") << qint64(59) << QStringLiteral("59 s");
    QTest::newRow("60 s") << qint64(60) << QStringLiteral("1 min 0 s");
    QTest::newRow("3 min 5 s") << qint64(185) << QStringLiteral("3 min 5 s");
    QTest::newRow("3599 s") << qint64(3599) << QStringLiteral("59 min 59 s");
    QTest::newRow("3600 s") << qint64(3600) << QStringLiteral("1 h 0 min");
    QTest::newRow("2 h 30 min") << qint64(9000 + 59) << QStringLiteral("2 h 30 min");
    QTest::newRow("more than a day stays in hours")
            << qint64(90061) << QStringLiteral("25 h 1 min");
}

void TestHumanFormat::duration()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, expected);

    QCOMPARE(HumanFormat::duration(seconds), expected);
}

void TestHumanFormat::printable_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("shown");
    QTest::newRow("plain text and Unicode pass unchanged")
            << QStringLiteral("relatório 🚀 \"a\" b.txt")
            << QStringLiteral("relatório 🚀 \"a\" b.txt");
    QTest::newRow("a newline cannot forge a second output line")
            << QStringLiteral("http://x/a\nstored  fake.txt")
            << QStringLiteral("http://x/a\\nstored  fake.txt");
    QTest::newRow("an escape sequence cannot recolour the terminal")
            << QStringLiteral("\x1b[31mred") << QStringLiteral("\\x1b[31mred");
    QTest::newRow("CR, tab, DEL and C1 controls")
            << QStringLiteral("a\rb\tc\x7f\u0085") << QStringLiteral("a\\rb\\tc\\x7f\\x85");
    QTest::newRow("a right-to-left override cannot reverse a name")
            << QStringLiteral("gpj.\u202eexe") << QStringLiteral("gpj.\\u{202e}exe");
}

void TestHumanFormat::printable()
{
    QFETCH(QString, text);
    QFETCH(QString, shown);
    QCOMPARE(HumanFormat::printable(text), shown);
}

void TestHumanFormat::rateLimits_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("bytesPerSecond"); // -1: refused
    QTest::newRow("plain bytes") << "1000" << qint64(1000);
    QTest::newRow("K is 1024, as in curl") << "500K" << qint64(512000);
    QTest::newRow("lower-case m") << "2m" << qint64(2097152);
    QTest::newRow("fractions") << "1.5M" << qint64(1572864);
    QTest::newRow("G") << "1G" << qint64(1073741824);
    QTest::newRow("zero is no rate") << "0" << qint64(-1);
    QTest::newRow("negative") << "-5K" << qint64(-1);
    QTest::newRow("unknown suffix") << "5X" << qint64(-1);
    QTest::newRow("empty") << "" << qint64(-1);
}

void TestHumanFormat::rateLimits()
{
    QFETCH(QString, text);
    QFETCH(qint64, bytesPerSecond);
    const auto rate = HumanFormat::parseRate(text);
    QCOMPARE(rate.value_or(-1), bytesPerSecond);
}

QTEST_GUILESS_MAIN(TestHumanFormat)
#include "testhumanformat.moc"
