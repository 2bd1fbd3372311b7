// SPDX-License-Identifier: GPL-3.0-or-later
// Choices answered the way the web widget answers them: the person's --answer is matched
// forgivingly, the item's own value || content is sent; several items of a
// multiple-choice input are joined with ", ".

#include "api/choicereply.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Typebot;

class TestChoiceReply final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void answersLikeTheWidget_data();
    void answersLikeTheWidget();
};

namespace {

QJsonObject item(const char *id, const char *content, const char *value = nullptr)
{
    QJsonObject object{ { QStringLiteral("id"), QLatin1String(id) },
                        { QStringLiteral("content"), QLatin1String(content) } };
    if (value)
        object.insert(QStringLiteral("value"), QLatin1String(value));
    return object;
}

ChatInput buttons(bool multiple)
{
    return ChatInput::fromJson(QJsonObject{
            { QStringLiteral("id"), QStringLiteral("in") },
            { QStringLiteral("type"), QStringLiteral("choice input") },
            { QStringLiteral("items"),
              QJsonArray{ item("cover-car", "Car", "car"), item("cover-home", "Home", "home"),
                          item("cover-travel", "Travel"), item("yes", "Yes, please"),
                          item("upper", "CAR") } },
            { QStringLiteral("options"),
              QJsonObject{ { QStringLiteral("isMultipleChoice"), multiple } } } });
}

ChatInput pictures()
{
    return ChatInput::fromJson(QJsonObject{
            { QStringLiteral("id"), QStringLiteral("in") },
            { QStringLiteral("type"), QStringLiteral("picture choice input") },
            { QStringLiteral("items"),
              QJsonArray{
                      QJsonObject{
                              { QStringLiteral("id"), QStringLiteral("p1") },
                              { QStringLiteral("pictureSrc"), QStringLiteral("https://x/red.png") },
                              { QStringLiteral("title"), QStringLiteral("Red car") },
                              { QStringLiteral("value"), QStringLiteral("red-car") } },
                      QJsonObject{ { QStringLiteral("id"), QStringLiteral("p2") },
                                   { QStringLiteral("pictureSrc"),
                                     QStringLiteral("https://x/blue.png") },
                                   { QStringLiteral("title"), QStringLiteral("Blue car") } } } } });
}

ChatInput cards()
{
    const auto card = [](const char *id, const char *title, const char *button) {
        return QJsonObject{
            { QStringLiteral("id"), QLatin1String(id) },
            { QStringLiteral("title"), QLatin1String(title) },
            { QStringLiteral("paths"),
              QJsonArray{ QJsonObject{ { QStringLiteral("id"),
                                         QString(QLatin1String(id) + QStringLiteral("-path")) },
                                       { QStringLiteral("text"), QLatin1String(button) } } } }
        };
    };
    return ChatInput::fromJson(
            QJsonObject{ { QStringLiteral("id"), QStringLiteral("in") },
                         { QStringLiteral("type"), QStringLiteral("cards") },
                         { QStringLiteral("items"),
                           QJsonArray{ card("repair", "Repair", "Repair it"),
                                       card("replace", "Replace", "Replace it") } } });
}

} // namespace

void TestChoiceReply::answersLikeTheWidget_data()
{
    QTest::addColumn<ChatInput>("input");
    QTest::addColumn<QStringList>("answers");
    QTest::addColumn<QString>("sent"); // empty: refused with `unmatched`
    QTest::addColumn<int>("used");
    QTest::addColumn<QString>("unmatched");

    const ChatInput single = buttons(false);
    const ChatInput multiple = buttons(true);
    QTest::newRow("a choice with a value is sent as the value")
            << single << QStringList{ QStringLiteral("Car") } << "car" << 1 << QString();
    QTest::newRow("forgiving: case and spaces")
            << single << QStringList{ QStringLiteral("  home ") } << "home" << 1 << QString();
    QTest::newRow("an exact match wins over a case-insensitive one")
            << single << QStringList{ QStringLiteral("CAR") } << "CAR" << 1 << QString();
    QTest::newRow("a choice without a value is sent as its content")
            << single << QStringList{ QStringLiteral("travel") } << "Travel" << 1 << QString();
    QTest::newRow("the value names the item too")
            << single << QStringList{ QStringLiteral("home") } << "home" << 1 << QString();
    QTest::newRow("a comma inside a single choice's text")
            << single << QStringList{ QStringLiteral("yes, PLEASE") } << "Yes, please" << 1
            << QString();
    QTest::newRow("a single choice takes one answer")
            << single << QStringList{ QStringLiteral("Car"), QStringLiteral("Home") } << "car" << 1
            << QString();
    QTest::newRow("no such button")
            << single << QStringList{ QStringLiteral("Boat") } << QString() << 1 << "Boat";
    QTest::newRow("several in one answer, in the items' order")
            << multiple << QStringList{ QStringLiteral("Travel, car") } << "car, Travel" << 1
            << QString();
    QTest::newRow("several as repeated answers, up to one that names none")
            << multiple
            << QStringList{ QStringLiteral("Home"), QStringLiteral("Car"), QStringLiteral("Ana") }
            << "car, home" << 2 << QString();
    QTest::newRow("one unknown part refuses the answer")
            << multiple << QStringList{ QStringLiteral("Car, Boat") } << QString() << 1 << "Boat";
    QTest::newRow("a picture choice is sent as its value")
            << pictures() << QStringList{ QStringLiteral("red CAR") } << "red-car" << 1
            << QString();
    QTest::newRow("an untitled picture value falls back to the title")
            << pictures() << QStringList{ QStringLiteral("Blue car") } << "Blue car" << 1
            << QString();
    QTest::newRow("a card by its button") << cards() << QStringList{ QStringLiteral("replace it") }
                                          << "replace-path" << 1 << QString();
    QTest::newRow("a card by its title") << cards() << QStringList{ QStringLiteral("Repair") }
                                         << "repair-path" << 1 << QString();
    QTest::newRow("nothing to answer with")
            << single << QStringList() << QString() << 0 << QString();
}

void TestChoiceReply::answersLikeTheWidget()
{
    QFETCH(ChatInput, input);
    QFETCH(QStringList, answers);
    QFETCH(QString, sent);
    QFETCH(int, used);
    QFETCH(QString, unmatched);
    const ChoiceReply::Match match = ChoiceReply::match(input, answers);
    QCOMPARE(match.answersUsed, used);
    QCOMPARE(match.unmatched, unmatched);
    QCOMPARE(match.isValid(), !sent.isEmpty());
    if (!match.isValid())
        return;
    const ChatAnswer answer = ChoiceReply::answer(input, match.choices);
    QCOMPARE(answer.text, sent);
    QCOMPARE(answer.replyId, input.isCards() ? sent : QString());
}

QTEST_GUILESS_MAIN(TestChoiceReply)
#include "testchoicereply.moc"
