// SPDX-License-Identifier: GPL-3.0-or-later
// ChatSession, the API the desktop app builds its chat on, against the sandbox's demo bot
// over real loopback HTTP.

#include "api/chatsession.h"
#include "api/choicereply.h"
#include "sandboxserver.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Typebot;
using Sandbox::SandboxConfig;
using Sandbox::SandboxServer;

class TestChatSession final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void walksToTheFileBlockAndSubmits();
    void refusedFilesAreReportedAsRejected();
    void failuresAreWordedForPeople_data();
    void failuresAreWordedForPeople();
    void namesWithSpacesReachTheBotEncoded();
    void choicesAreSentAsTheirValues();

private:
    bool startAt(ChatSession &session, SandboxServer &server, const QString &bot);
    std::unique_ptr<SandboxServer> startServer(SandboxConfig config = {});
    static bool waitForResponse(ChatSession &session, ChatResponse *response, bool *rejected);
};

std::unique_ptr<SandboxServer> TestChatSession::startServer(SandboxConfig config)
{
    auto server = std::make_unique<SandboxServer>(std::move(config));
    QString error;
    if (!server->start(&error))
        qFatal("sandbox: %s", qPrintable(error));
    return server;
}

bool TestChatSession::waitForResponse(ChatSession &session, ChatResponse *response, bool *rejected)
{
    QSignalSpy spy(&session, &ChatSession::responseReceived);
    QSignalSpy failed(&session, &ChatSession::failed);
    // Either signal ends the call; waiting on the one that comes is enough.
    if (!spy.wait(10000) || !failed.isEmpty())
        return false;
    *response = spy.first().at(0).value<ChatResponse>();
    *rejected = spy.first().at(1).toBool();
    return true;
}

void TestChatSession::walksToTheFileBlockAndSubmits()
{
    auto server = startServer();
    QNetworkAccessManager nam;
    ChatSession session(&nam);
    EndpointSettings endpoint;
    endpoint.apiBase = server->apiBaseUrl();
    session.setEndpoint(endpoint);
    QSignalSpy states(&session, &ChatSession::stateChanged);
    QSignalSpy answers(&session, &ChatSession::answerSent);

    QVERIFY(session.start(BotAddress{ QUrl(), QStringLiteral("demo-bot") }));
    QVERIFY(session.isBusy());
    QVERIFY(!session.answer(
            ChatAnswer::fromText(QStringLiteral("too early")))); // one call at a time
    ChatResponse response;
    bool rejected = true;
    QVERIFY(waitForResponse(session, &response, &rejected));
    QVERIFY(!rejected);
    QCOMPARE(response.messages.constLast().text, QStringLiteral("What's your name?"));
    QCOMPARE(session.state(), ChatSession::State::WaitingForUser);
    QCOMPARE(session.currentInput()->kind, ChatInput::Kind::Text);
    QVERIFY(!session.sessionId().isEmpty());

    QVERIFY(session.answer(ChatAnswer::fromText(QStringLiteral("Ana"))));
    QVERIFY(waitForResponse(session, &response, &rejected));
    QVERIFY(session.isWaitingForFiles());
    QCOMPARE(session.uploadEndpoint().sessionId, session.sessionId());
    QCOMPARE(session.uploadEndpoint().apiBase, server->apiBaseUrl());

    const QString url = server->bucketUrl().toString() + QStringLiteral("/public/x/photo.png");
    QVERIFY(session.answer(ChatAnswer::fromFiles({ url })));
    QVERIFY(waitForResponse(session, &response, &rejected));
    QVERIFY(!rejected);
    QVERIFY(response.isFinished());
    QVERIFY(response.text().contains(url));
    QCOMPARE(session.state(), ChatSession::State::Finished);
    QCOMPARE(answers.size(), 2);
    QCOMPARE(states.constLast().at(0).value<ChatSession::State>(), ChatSession::State::Finished);
}

void TestChatSession::refusedFilesAreReportedAsRejected()
{
    SandboxConfig config;
    config.demoBotFileTypes = { QStringLiteral("png") };
    auto server = startServer(config);
    QNetworkAccessManager nam;
    ChatSession session(&nam);
    EndpointSettings endpoint;
    endpoint.apiBase = server->apiBaseUrl();
    session.setEndpoint(endpoint);
    ChatResponse response;
    bool rejected = false;
    QVERIFY(session.start(BotAddress{ QUrl(), QStringLiteral("demo-bot") }));
    QVERIFY(waitForResponse(session, &response, &rejected));
    QVERIFY(session.answer(ChatAnswer::fromText(QStringLiteral("Ana"))));
    QVERIFY(waitForResponse(session, &response, &rejected));
    QVERIFY(session.currentInput()->file.typesRestricted);
    QVERIFY(session.answer(
            ChatAnswer::fromFiles({ QStringLiteral("http://127.0.0.1/b/notes.txt") })));
    QVERIFY(waitForResponse(session, &response, &rejected));
    QVERIFY(rejected);
    QVERIFY(session.isWaitingForFiles()); // the user can try again
}

void TestChatSession::failuresAreWordedForPeople_data()
{
    QTest::addColumn<QString>("botId");
    QTest::addColumn<bool>("continueUnknownSession");
    QTest::addColumn<int>("failure");
    QTest::newRow("an unknown bot") << "nobody" << false << int(ChatResult::Failure::BotNotFound);
    QTest::newRow("a session the server does not know")
            << "demo-bot" << true << int(ChatResult::Failure::SessionNotFound);
}

void TestChatSession::failuresAreWordedForPeople()
{
    QFETCH(QString, botId);
    QFETCH(bool, continueUnknownSession);
    QFETCH(int, failure);
    auto server = startServer();
    QNetworkAccessManager nam;
    ChatSession session(&nam);
    EndpointSettings endpoint;
    endpoint.apiBase = server->apiBaseUrl();
    session.setEndpoint(endpoint);
    QSignalSpy failed(&session, &ChatSession::failed);
    QVERIFY(session.start(BotAddress{ QUrl(), botId }));
    if (continueUnknownSession) {
        ChatResponse response;
        bool rejected = false;
        QVERIFY(waitForResponse(session, &response, &rejected));
        QVERIFY(session.answer(ChatAnswer::fromText(QStringLiteral("Ana"))));
        QVERIFY(waitForResponse(session, &response, &rejected));
        QVERIFY(session.answer(
                ChatAnswer::fromFiles({ QStringLiteral("http://127.0.0.1/b/a.png") })));
        QVERIFY(waitForResponse(session, &response, &rejected)); // ended: the server forgets it
        QVERIFY(session.answer(ChatAnswer::fromText(QStringLiteral("more?"))));
    }
    QVERIFY(failed.wait(10000));
    const auto result = failed.first().at(0).value<ChatResult>();
    QCOMPARE(int(result.failure()), failure);
    QVERIFY(!failed.first().at(1).toString().isEmpty());
    QCOMPARE(session.state(), ChatSession::State::Failed);
}

bool TestChatSession::startAt(ChatSession &session, SandboxServer &server, const QString &bot)
{
    EndpointSettings endpoint;
    endpoint.apiBase = server.apiBaseUrl();
    session.setEndpoint(endpoint);
    ChatResponse response;
    bool rejected = false;
    return session.start(BotAddress{ QUrl(), bot })
            && waitForResponse(session, &response, &rejected);
}

void TestChatSession::namesWithSpacesReachTheBotEncoded()
{
    // The raw link of "my scan.png" is no URL to the server; the widget's encoding is.
    SandboxConfig config;
    config.demoBotFileTypes = { QStringLiteral("png") };
    auto server = startServer(config);
    QNetworkAccessManager nam;
    ChatSession session(&nam);
    QVERIFY(startAt(session, *server, QStringLiteral("demo-bot")));
    ChatResponse response;
    bool rejected = true;
    QVERIFY(session.answer(ChatAnswer::fromText(QStringLiteral("Ana"))));
    QVERIFY(waitForResponse(session, &response, &rejected));
    const QString url = server->bucketUrl().toString() + QStringLiteral("/public/x/my scan #1.png");
    QVERIFY(session.answer(ChatAnswer::fromFiles({ url })));
    QVERIFY(waitForResponse(session, &response, &rejected));
    QVERIFY(!rejected);
    QVERIFY(response.isFinished());
    QVERIFY2(response.text().contains(url), qPrintable(response.text())); // the raw link listed
    QVERIFY(!response.lastMessageNewFormat);
}

void TestChatSession::choicesAreSentAsTheirValues()
{
    auto server = startServer();
    QNetworkAccessManager nam;
    ChatSession session(&nam);
    QVERIFY(startAt(session, *server, QStringLiteral("demo-buttons-bot")));
    ChatResponse response;
    bool rejected = true;
    QStringList answers{ QStringLiteral("premium"), QStringLiteral("Car"), QStringLiteral("home") };
    QSignalSpy sent(&session, &ChatSession::answerSent);
    for (int prompt = 0; prompt < 2; ++prompt) {
        const ChatInput input = *session.currentInput();
        const ChoiceReply::Match match = ChoiceReply::match(input, answers);
        QVERIFY(match.isValid());
        answers.remove(0, match.answersUsed);
        QVERIFY(session.answer(ChoiceReply::answer(input, match.choices)));
        QVERIFY(waitForResponse(session, &response, &rejected));
        QVERIFY(!rejected);
    }
    QCOMPARE(sent.at(0).at(0).value<ChatAnswer>().text, QStringLiteral("plan-premium-2024"));
    QCOMPARE(sent.at(1).at(0).value<ChatAnswer>().text, QStringLiteral("car, home"));
    QVERIFY(session.isWaitingForFiles());
    QCOMPARE(response.progress.value_or(-1), 200.0 / 3);
    QVERIFY(response.text().startsWith(
            QStringLiteral("Plan plan-premium-2024, damage to car, home.")));
}

QTEST_GUILESS_MAIN(TestChatSession)
#include "testchatsession.moc"
