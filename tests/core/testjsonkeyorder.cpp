// SPDX-License-Identifier: GPL-3.0-or-later
// JsonKeyOrder: the key order of one member object, read from the text because QJsonObject
// sorts its keys.
#include "api/jsonkeyorder.h"

#include <QTest>

using Typebot::JsonKeyOrder;

class TestJsonKeyOrder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ofMember_data();
    void ofMember();
};

void TestJsonKeyOrder::ofMember_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("member");
    QTest::addColumn<QStringList>("keys");

    const QString formData = QStringLiteral("formData");
    QTest::newRow("a repeated member: the last one, as QJsonDocument keeps (fuzzer find)")
            << QByteArray(R"({"formData":{"x":"1","y":"2"},"formData":{"b":"3","a":"4"}})")
            << formData << QStringList{ QStringLiteral("b"), QStringLiteral("a") };
    QTest::newRow("document order, not alphabetical")
            << QByteArray(
                       R"({"formData":{"key":"k","bucket":"b","Content-Type":"t","policy":"p"}})")
            << formData
            << QStringList{ QStringLiteral("key"), QStringLiteral("bucket"),
                            QStringLiteral("Content-Type"), QStringLiteral("policy") };
    QTest::newRow("member after other members of every type")
            << QByteArray(R"({"s":"x\"}","n":-1.5e3,"t":true,"f":false,"z":null,)"
                          R"("a":[1,{"formData":{"q":1}},[]],"o":{"formData":{"q":1}},)"
                          R"("formData":{"b":1,"a":2}})")
            << formData << QStringList{ QStringLiteral("b"), QStringLiteral("a") };
    QTest::newRow("whitespace everywhere")
            << QByteArray(" \r\n{ \"formData\" \t:\n { \"b\" : 1 ,\r\n \"a\" : [ ] } \n} ")
            << formData << QStringList{ QStringLiteral("b"), QStringLiteral("a") };
    QTest::newRow("escaped keys are decoded")
            << QByteArray(R"({"formData":{"a\"b":1,"c\\d":2,"\u0041":3,"x\/y":4}})") << formData
            << QStringList{ QStringLiteral("a\"b"), QStringLiteral("c\\d"), QStringLiteral("A"),
                            QStringLiteral("x/y") };
    QTest::newRow("escaped member name")
            << QByteArray(R"({"form\u0044ata":{"b":1,"a":2}})") << formData
            << QStringList{ QStringLiteral("b"), QStringLiteral("a") };
    QTest::newRow("nested values inside the member are skipped")
            << QByteArray(R"({"formData":{"b":{"y":1,"x":[1,2]},"a":[{"k":"v"}]}})") << formData
            << QStringList{ QStringLiteral("b"), QStringLiteral("a") };
    QTest::newRow("empty member object")
            << QByteArray(R"({"formData":{}})") << formData << QStringList();
    QTest::newRow("member is a string")
            << QByteArray(R"({"formData":"{\"a\":1}"})") << formData << QStringList();
    QTest::newRow("member is an array")
            << QByteArray(R"({"formData":[{"a":1}]})") << formData << QStringList();
    QTest::newRow("member absent")
            << QByteArray(R"({"other":{"a":1}})") << formData << QStringList();
    QTest::newRow("only nested members of that name")
            << QByteArray(R"({"x":{"formData":{"a":1}}})") << formData << QStringList();
    QTest::newRow("document is an array")
            << QByteArray(R"([{"formData":{"a":1}}])") << formData << QStringList();
    QTest::newRow("truncated member object")
            << QByteArray(R"({"formData":{"a":1,"b")") << formData << QStringList();
    QTest::newRow("empty text") << QByteArray() << formData << QStringList();
    QTest::newRow("UTF-8 byte order mark")
            << QByteArray("\xef\xbb\xbf"
                          R"({"formData":{"b":1,"a":2}})")
            << formData << QStringList{ QStringLiteral("b"), QStringLiteral("a") };
}

void TestJsonKeyOrder::ofMember()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, member);
    QFETCH(QStringList, keys);

    QCOMPARE(JsonKeyOrder::ofMember(json, member), keys);
}

QTEST_GUILESS_MAIN(TestJsonKeyOrder)
#include "testjsonkeyorder.moc"
