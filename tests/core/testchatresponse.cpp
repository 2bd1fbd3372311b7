// SPDX-License-Identifier: GPL-3.0-or-later
// Chat answers parsed from JSON shaped like the real Typebot API's, the file-type rules of
// a file block, the continueChat bodies and how chat errors are worded.

#include "api/chatanswer.h"
#include "api/chatresponse.h"
#include "api/chatresult.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Typebot;

// Declared before the recorded JSON: moc's tokenizer trips over quotes inside raw strings.
class TestChatResponse final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesRecordedAnswers_data();
    void parsesRecordedAnswers();
    void rejectsWhatIsNotAChatAnswer_data();
    void rejectsWhatIsNotAChatAnswer();
    void inputKinds_data();
    void inputKinds();
    void showsWhatTheServerSaid();
    void fileTypeRules_data();
    void fileTypeRules();
    void choiceMatching_data();
    void choiceMatching();
    void answerBodies_data();
    void answerBodies();
    void errorsInPlainWords_data();
    void errorsInPlainWords();
};

namespace {

// Recorded from a Typebot 3.x viewer (ids shortened).
const char StartChatWithRichText[] = R"({
  "sessionId": "clx7sessionabc", "resultId": "clx7resultdef",
  "typebot": {"id": "clx7bot", "theme": {}, "settings": {}},
  "messages": [
    {"id": "b1", "type": "text", "content": {"type": "richText", "richText": [
      {"type": "p", "children": [{"text": "Welcome to "}, {"text": "Acme", "bold": true}, {"text": " support!"}]},
      {"type": "p", "children": [{"text": "Visit "}, {"type": "a", "url": "https://acme.example", "children": [{"text": "our site"}]}, {"text": "."}]}
    ]}},
    {"id": "b2", "type": "image", "content": {"url": "https://cdn.example/logo.png", "clickLink": {}}},
    {"id": "b3", "type": "text", "content": {"type": "richText", "richText": [
      {"type": "p", "children": [{"text": "What's your "}, {"type": "inline-variable", "children": [{"type": "p", "children": [{"text": "order"}]}]}, {"text": " number?"}]}
    ]}}
  ],
  "input": {"id": "in1", "type": "text input", "options": {"labels": {"placeholder": "Type your answer...", "button": "Send"}}}
})";

const char ChoiceInput[] = R"({
  "messages": [{"id": "b4", "type": "text", "content": {"type": "richText", "richText": [{"type": "p", "children": [{"text": "Pick one"}]}]}}],
  "input": {"id": "in2", "type": "choice input", "items": [{"id": "i1", "content": "Invoice", "value": "doc-invoice"}, {"id": "i2", "content": "Photo of the damage"}], "options": {"isMultipleChoice": false}}
})";

// What a 3.18 server answers after a single-file block got two links, with the bot's
// progress bar on and a webhook log (preview).
const char AfterFiles[] = R"({
  "lastMessageNewFormat": "https://s3.example/b/my%20scan.png",
  "messages": [{"id": "b8", "type": "text", "content": {"type": "markdown", "markdown": "**Thanks!**\n\nGot it."}}],
  "clientSideActions": [], "logs": [{"status": "success", "description": "Webhook successfully executed.", "details": {}}],
  "progress": 100
})";

const char PictureAndCards[] = R"({
  "messages": [],
  "input": {"id": "in5", "type": "picture choice input", "items": [
    {"id": "p1", "pictureSrc": "https://cdn.example/red.png", "title": "Red car", "value": "red-car"},
    {"id": "p2", "pictureSrc": "https://cdn.example/blue.png"}], "options": {"isMultipleChoice": true}}
})";

const char Cards[] = R"({
  "messages": [],
  "input": {"id": "in6", "type": "cards", "items": [
    {"id": "c1", "title": "Repair", "imageUrl": "https://cdn.example/repair.png", "paths": [{"id": "c1p", "text": "Repair it"}]},
    {"id": "c2", "title": "Replace", "paths": [{"id": "c2p", "text": "Replace it"}]}], "options": {}}
})";

const char OtherInputs[] = R"({
  "messages": [],
  "input": {"id": "in7", "type": "payment input", "options": {"provider": "Stripe"}}
})";

const char FileInput[] = R"({
  "messages": [{"id": "b5", "type": "video", "content": {"url": "https://videos.example/how-to.mp4"}}],
  "input": {"id": "in3", "type": "file input", "options": {
    "isRequired": false, "isMultipleAllowed": true,
    "allowedFileTypes": {"isEnabled": true, "types": [".pdf", "image/*"]},
    "labels": {"placeholder": "<strong>Click to upload</strong>", "button": "Upload", "clear": "Clear", "skip": "Skip", "success": {"single": "File uploaded", "multiple": "{total} files uploaded"}}}},
  "clientSideActions": [{"type": "wait", "wait": {"secondsToWaitFor": 1}}]
})";

const char FileInputDefaults[] =
        R"({"messages": [], "input": {"id": "in4", "type": "file input", "options": {}}})";

const char Ended[] =
        R"({"messages": [{"id": "b6", "type": "embed", "content": {"url": "https://embed.example/x", "height": 400}},
  {"id": "b7", "type": "audio", "content": {"url": "https://audio.example/bye.mp3"}}]})";

} // namespace

void TestChatResponse::parsesRecordedAnswers_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("sessionId");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("inputType");
    QTest::addColumn<int>("inputKind"); // -1: no input
    QTest::addColumn<QString>("inputDetail"); // choices, or file options
    QTest::addColumn<bool>("clientSideActions");

    QTest::newRow("rich text bubbles flatten to lines, images show their URL")
            << QByteArray(StartChatWithRichText) << "clx7sessionabc"
            << "Welcome to Acme support!\nVisit our site.\nhttps://cdn.example/logo.png\nWhat's "
               "your "
               "order number?"
            << "text input" << int(ChatInput::Kind::Text) << "Type your answer..." << false;
    QTest::newRow("a choice input lists its items")
            << QByteArray(ChoiceInput) << QString() << "Pick one"
            << "choice input" << int(ChatInput::Kind::Choice) << "Invoice|Photo of the damage"
            << false;
    QTest::newRow("a file input carries its options")
            << QByteArray(FileInput) << QString() << "https://videos.example/how-to.mp4"
            << "file input" << int(ChatInput::Kind::File)
            << "multiple=1 required=0 restricted=1 types=.pdf,image/* button=Upload skip=Skip "
               "success=File uploaded"
            << true;
    QTest::newRow("a file input without options gets Typebot's defaults")
            << QByteArray(FileInputDefaults) << QString() << QString() << "file input"
            << int(ChatInput::Kind::File)
            << "multiple=0 required=1 restricted=0 types= button= skip= success=" << false;
    QTest::newRow("a picture choice lists its titles, or the picture when untitled")
            << QByteArray(PictureAndCards) << QString() << QString() << "picture choice input"
            << int(ChatInput::Kind::Choice) << "Red car|https://cdn.example/blue.png" << false;
    QTest::newRow("cards are a choice of their titles")
            << QByteArray(Cards) << QString() << QString() << "cards"
            << int(ChatInput::Kind::Choice) << "Repair|Replace" << false;
    QTest::newRow("a payment needs a browser")
            << QByteArray(OtherInputs) << QString() << QString() << "payment input"
            << int(ChatInput::Kind::Payment) << QString() << false;
    QTest::newRow("an ended chat has no input; embeds and audio show their URL")
            << QByteArray(Ended) << QString()
            << "https://embed.example/x\nhttps://audio.example/bye.mp3" << QString() << -1
            << QString() << false;
}

void TestChatResponse::parsesRecordedAnswers()
{
    QFETCH(QByteArray, json);
    QString error;
    const auto response = ChatResponse::fromJson(json, &error);
    QVERIFY2(response, qPrintable(error));
    QTEST(response->sessionId, "sessionId");
    QTEST(response->text(), "text");
    QTEST(response->hasClientSideActions, "clientSideActions");
    QFETCH(int, inputKind);
    QCOMPARE(response->isFinished(), inputKind < 0);
    if (inputKind < 0)
        return;
    const ChatInput &input = *response->input;
    QTEST(input.type, "inputType");
    QCOMPARE(int(input.kind), inputKind);
    QString detail;
    if (input.kind == ChatInput::Kind::Choice) {
        QStringList contents;
        for (const ChatChoice &item : input.items)
            contents << item.content;
        detail = contents.join(u'|');
    } else if (input.kind == ChatInput::Kind::File) {
        const FileInputOptions &f = input.file;
        detail =
                QStringLiteral("multiple=%1 required=%2 restricted=%3 types=%4 button=%5 skip=%6 "
                               "success=%7")
                        .arg(int(f.isMultipleAllowed))
                        .arg(int(f.isRequired))
                        .arg(int(f.typesRestricted))
                        .arg(f.allowedTypes.join(u','), f.buttonLabel, f.skipLabel, f.successLabel);
        QVERIFY(response->waitsForFiles());
    } else {
        detail = input.placeholder;
    }
    QTEST(detail, "inputDetail");
}

void TestChatResponse::rejectsWhatIsNotAChatAnswer_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("broken JSON") << QByteArray(R"({"messages": [)");
    QTest::newRow("an array") << QByteArray("[]");
    QTest::newRow("an object without messages, input or session")
            << QByteArray(R"({"presignedUrl": "x"})");
}

void TestChatResponse::rejectsWhatIsNotAChatAnswer()
{
    QFETCH(QByteArray, json);
    QString error;
    QVERIFY(!ChatResponse::fromJson(json, &error));
    QVERIFY(!error.isEmpty());
}

void TestChatResponse::inputKinds_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<int>("kind");
    const int text = int(ChatInput::Kind::Text);
    for (const char *type : { "text input", "number input", "email input", "url input",
                              "phone number input", "date input", "time input", "rating input" })
        QTest::newRow(type) << QString::fromLatin1(type) << text;
    QTest::newRow("choice input") << "choice input" << int(ChatInput::Kind::Choice);
    QTest::newRow("picture choice input") << "picture choice input" << int(ChatInput::Kind::Choice);
    QTest::newRow("cards") << "cards" << int(ChatInput::Kind::Choice);
    QTest::newRow("file input") << "file input" << int(ChatInput::Kind::File);
    QTest::newRow("payment input") << "payment input" << int(ChatInput::Kind::Payment);
    QTest::newRow("a type from a newer server") << "hologram input" << int(ChatInput::Kind::Other);
}

void TestChatResponse::inputKinds()
{
    QFETCH(QString, type);
    QFETCH(int, kind);
    const ChatInput input = ChatInput::fromJson(QJsonObject{
            { QStringLiteral("id"), QStringLiteral("x") }, { QStringLiteral("type"), type } });
    QCOMPARE(int(input.kind), kind);
}

void TestChatResponse::showsWhatTheServerSaid()
{
    QString error;
    const auto response = ChatResponse::fromJson(AfterFiles, &error);
    QVERIFY2(response, qPrintable(error));
    QCOMPARE(response->lastMessageNewFormat.value_or(QString()),
             QStringLiteral("https://s3.example/b/my%20scan.png"));
    QCOMPARE(response->progress.value_or(-1), 100.0);
    QCOMPARE(response->logs,
             QStringList{ QStringLiteral("success: Webhook successfully executed.") });
    QVERIFY(response->messages.constFirst().isMarkdown);
    QCOMPARE(response->text(), QStringLiteral("**Thanks!**\n\nGot it."));
    QVERIFY(!response->hasClientSideActions);

    const auto media = ChatResponse::fromJson(Ended, &error);
    QVERIFY(media);
    QCOMPARE(media->messages.at(0).displayText(),
             QStringLiteral("[embed] https://embed.example/x"));
    QCOMPARE(media->messages.at(1).displayText(),
             QStringLiteral("[audio] https://audio.example/bye.mp3"));
    const auto plain = ChatResponse::fromJson(ChoiceInput, &error);
    QVERIFY(plain && !plain->lastMessageNewFormat && !plain->progress);
}

void TestChatResponse::fileTypeRules_data()
{
    QTest::addColumn<QStringList>("types");
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<bool>("accepted");

    QTest::newRow("a bare extension matches")
            << QStringList{ QStringLiteral("png") } << "a.png" << true;
    QTest::newRow("a dotted extension matches case-insensitively")
            << QStringList{ QStringLiteral(".JPG") } << "scan.jpg" << true;
    QTest::newRow("image/jpeg means .jpeg to the server, not .jpg")
            << QStringList{ QStringLiteral("image/jpeg") } << "photo.jpg" << false;
    QTest::newRow(".jpg also allows .jpeg")
            << QStringList{ QStringLiteral(".jpg") } << "photo.jpeg" << true;
    QTest::newRow("the server has no text types")
            << QStringList{ QStringLiteral(".txt") } << "notes.txt" << false;
    QTest::newRow("a MIME type matches by the file's type")
            << QStringList{ QStringLiteral("application/pdf") } << "invoice.pdf" << true;
    QTest::newRow("a MIME wildcard matches the family")
            << QStringList{ QStringLiteral("image/*") } << "photo.jpeg" << true;
    QTest::newRow("another extension is refused")
            << QStringList{ QStringLiteral("png"), QStringLiteral("jpg") } << "notes.txt" << false;
    QTest::newRow("a file without extension is refused")
            << QStringList{ QStringLiteral(".pdf") } << "README" << false;
    QTest::newRow("no restriction accepts anything") << QStringList() << "anything.exe" << true;
}

void TestChatResponse::fileTypeRules()
{
    QFETCH(QStringList, types);
    QFETCH(QString, fileName);
    QFETCH(bool, accepted);
    FileInputOptions options;
    options.typesRestricted = !types.isEmpty();
    options.allowedTypes = types;
    const QString refusal = options.refusalFor(fileName);
    QCOMPARE(refusal.isEmpty(), accepted);
    if (!accepted)
        QVERIFY2(refusal.contains(options.allowedTypesText())
                         || refusal.contains(QStringLiteral("rename")),
                 qPrintable(refusal));
}

void TestChatResponse::choiceMatching_data()
{
    QTest::addColumn<QString>("answer");
    QTest::addColumn<QString>("matchedId");
    QTest::newRow("exact content") << "Invoice"
                                   << "i1";
    QTest::newRow("case and spaces ignored") << "  photo of the DAMAGE "
                                             << "i2";
    QTest::newRow("no partial matches") << "Photo" << QString();
    QTest::newRow("the item's value names it too") << "DOC-INVOICE"
                                                   << "i1";
}

void TestChatResponse::choiceMatching()
{
    QFETCH(QString, answer);
    QFETCH(QString, matchedId);
    QString error;
    const auto response = ChatResponse::fromJson(ChoiceInput, &error);
    QVERIFY(response && response->input);
    const auto choice = response->input->matchChoice(answer);
    QCOMPARE(choice ? choice->id : QString(), matchedId);
}

namespace {
ChatChoice choice(const QString &id, const QString &content, const QString &value = QString())
{
    ChatChoice item;
    item.id = id;
    item.content = content;
    item.value = value;
    return item;
}
} // namespace

void TestChatResponse::answerBodies_data()
{
    QTest::addColumn<ChatAnswer>("answer");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("text") << ChatAnswer::fromText(QStringLiteral("Ana"))
                          << QByteArray(R"({"message":{"text":"Ana","type":"text"}})");
    QTest::newRow("a choice without a value sends the item's content")
            << ChatAnswer::fromChoice(choice(QStringLiteral("i1"), QStringLiteral("Invoice")))
            << QByteArray(R"({"message":{"text":"Invoice","type":"text"}})");
    QTest::newRow("a choice with a value sends the value")
            << ChatAnswer::fromChoice(choice(QStringLiteral("i1"), QStringLiteral("Invoice"),
                                             QStringLiteral("doc-invoice")))
            << QByteArray(R"({"message":{"text":"doc-invoice","type":"text"}})");
    QTest::newRow("several choices joined as the widget joins them")
            << ChatAnswer::fromChoices(
                       { choice(QStringLiteral("c"), QStringLiteral("Car"), QStringLiteral("car")),
                         choice(QStringLiteral("t"), QStringLiteral("Travel")) })
            << QByteArray(R"({"message":{"text":"car, Travel","type":"text"}})");
    ChatChoice card = choice(QStringLiteral("c1"), QStringLiteral("Repair"));
    card.buttons = { ChatCardButton{ QStringLiteral("c1p"), QStringLiteral("Repair it") } };
    QTest::newRow("a card replies with its button's id")
            << ChatAnswer::fromCard(card)
            << QByteArray(
                       R"({"message":{"metadata":{"replyId":"c1p"},"text":"c1p","type":"text"}})");
    QTest::newRow("files as the widget sends them")
            << ChatAnswer::fromFiles(
                       { QStringLiteral("https://s3/a.png"), QStringLiteral("https://s3/b.png") })
            << QByteArray(
                       R"({"message":{"attachedFileUrls":["https://s3/a.png","https://s3/b.png"],)"
                       R"("text":"https://s3/a.png, https://s3/b.png","type":"text"}})");
    QTest::newRow("a name with a space is encoded in the text only")
            << ChatAnswer::fromFiles({ QStringLiteral("https://s3/b/my scan.png") })
            << QByteArray(R"({"message":{"attachedFileUrls":["https://s3/b/my scan.png"],)"
                          R"("text":"https://s3/b/my%20scan.png","type":"text"}})");
    QTest::newRow("a skip sends no message") << ChatAnswer::skipped() << QByteArray("{}");
}

void TestChatResponse::answerBodies()
{
    QFETCH(ChatAnswer, answer);
    QFETCH(QByteArray, body);
    QCOMPARE(answer.requestBody(), body);
}

void TestChatResponse::errorsInPlainWords_data()
{
    QTest::addColumn<int>("call");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("failure");
    QTest::addColumn<QString>("wording");

    using F = ChatResult::Failure;
    using C = ChatResult::Call;
    QTest::newRow("session expired (404, spec shape)")
            << int(C::ContinueChat) << 404
            << QByteArray(
                       R"({"message":"Session expired. You need to start a new session.","code":"NOT_FOUND"})")
            << int(F::SessionExpired) << "expired";
    QTest::newRow("session not found (404, newer shape)")
            << int(C::ContinueChat) << 404
            << QByteArray(
                       R"({"defined":false,"code":"NOT_FOUND","status":404,"message":"Session not found.","data":{}})")
            << int(F::SessionNotFound) << "no longer exists";
    QTest::newRow("unknown bot on startChat")
            << int(C::StartChat) << 404
            << QByteArray(R"({"message":"Typebot not found","code":"NOT_FOUND"})")
            << int(F::BotNotFound) << "no published bot";
    QTest::newRow("preview without a token")
            << int(C::StartPreviewChat) << 401
            << QByteArray(R"({"message":"You need to be authenticated","code":"UNAUTHORIZED"})")
            << int(F::Unauthorized) << "API token";
    QTest::newRow("server failure keeps the raw body")
            << int(C::ContinueChat) << 502 << QByteArray("<html>Bad gateway</html>")
            << int(F::Server) << "Bad gateway";
}

void TestChatResponse::errorsInPlainWords()
{
    QFETCH(int, call);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(int, failure);
    QFETCH(QString, wording);
    ChatResult result;
    result.call = ChatResult::Call(call);
    result.botId = QStringLiteral("my-bot");
    result.error = ApiError::fromHttpResponse(status, body);
    QCOMPARE(int(result.failure()), failure);
    QVERIFY2(result.errorString().contains(wording), qPrintable(result.errorString()));
}

QTEST_GUILESS_MAIN(TestChatResponse)
#include "testchatresponse.moc"
