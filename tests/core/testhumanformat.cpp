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
    QTest::newRow("1023") << qint64(1023) << QStringLiteral("1023 bytes");
    QTest::newRow("1024") << qint64(1024) << QStringLiteral("1 KB");
    QTest::newRow("1536") << qint64(1536) << QStringLiteral("1.5 KB");
    QTest::newRow("99.94 KB rounds down to one decimal")
            << qint64(102338) << QStringLiteral("99.9 KB");
    QTest::newRow("100 KB and more lose the decimal")
            << qint64(102400 + 512) << QStringLiteral("101 KB");
    QTest::newRow("1 MB") << qint64(1048576) << QStringLiteral("1 MB");
    QTest::newRow("10485760 is a 10 MB limit") << qint64(10485760) << QStringLiteral("10 MB");
    QTest::newRow("13002342 is 12.4 MB") << qint64(13002342) << QStringLiteral("12.4 MB");
    QTest::newRow("5 GiB") << Q_INT64_C(5368709120) << QStringLiteral("5 GB");
    QTest::newRow("1.5 TiB") << Q_INT64_C(1649267441664) << QStringLiteral("1.5 TB");
    QTest::newRow("beyond TB stays in TB")
            << Q_INT64_C(1125899906842624) << QStringLiteral("1024 TB");
    QTest::newRow("negative is unknown") << qint64(-1) << QStringLiteral("?");
    QTest::newRow("largest qint64 does not crash")
            << std::numeric_limits<qint64>::max() << QStringLiteral("8388608 TB");
}

void TestHumanFormat::bytes()
{
    QFETCH(qint64, bytes);
    QFETCH(QString, expected);

    QCOMPARE(HumanFormat::bytes(bytes), expected);
}

void TestHumanFormat::speed_data()
{
    QTest::addColumn<double>("bytesPerSecond");
    QTest::addColumn<QString>("expected");

    QTest::newRow("zero shows nothing") << 0.0 << QString();
    QTest::newRow("negative shows nothing") << -5.0 << QString();
    QTest::newRow("NaN shows nothing") << std::numeric_limits<double>::quiet_NaN() << QString();
    QTest::newRow("500 B/s") << 500.0 << QStringLiteral("500 bytes/s");
    QTest::newRow("fraction of a KB, truncated to whole bytes")
            << 1536.9 << QStringLiteral("1.5 KB/s");
    QTest::newRow("1 MB/s") << 1048576.0 << QStringLiteral("1 MB/s");
    QTest::newRow("12.4 MB/s") << 13002342.0 << QStringLiteral("12.4 MB/s");
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
    QTest::newRow("K is 1024") << "500K" << qint64(512000);
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
