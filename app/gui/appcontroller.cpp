// SPDX-License-Identifier: GPL-3.0-or-later
#include "appcontroller.h"

#include "diagnostics/logging.h"
#include "diagnostics/redactor.h"
#include "engine/engineconfig.h"
#include "engine/uploadservice.h"
#include "localsandbox.h"
#include "profiletokens.h"
#include "storage/jobdatabase.h"

#include <QDir>

namespace {

QString dataFile(const QString &dataDir, const QString &name, const QString &fallback)
{
    return dataDir.isEmpty() ? fallback : QDir(dataDir).filePath(name);
}

} // namespace

AppController::AppController(const AppSettings &settings,
                             const Sandbox::SandboxConfig &sandboxConfig, const QString &dataDir,
                             QObject *parent)
    : QObject(parent),
      m_settings(settings),
      m_sandboxConfig(sandboxConfig),
      m_dataDir(dataDir),
      m_service(new Typebot::UploadService(this)),
      m_sandbox(new LocalSandbox(this)),
      m_tokens(new ProfileTokens(
              dataFile(dataDir, QStringLiteral("tokens.json"),
                       Typebot::JobDatabase::defaultPath(QStringLiteral("tokens.json"))),
              this)),
      m_servers(dataFile(dataDir, QStringLiteral("servers.json"),
                         Typebot::ServerKnowledgeStore::defaultPath()))
{
    qRegisterMetaType<AppController::Destination>();
    connect(m_service, &Typebot::UploadService::serverLearned, this,
            &AppController::handleServerLearned);
    connect(m_service, &Typebot::UploadService::journalOpened, this,
            &AppController::handleJournalOpened);
    connect(m_tokens, &ProfileTokens::tokenLoaded, this, &AppController::handleTokenLoaded);
    connect(m_tokens, &ProfileTokens::tokenSaved, this, &AppController::handleTokenSaved);
    connect(m_tokens, &ProfileTokens::tokenRemoved, this,
            [this](const QString &, Typebot::SecretStore::Status status, const QString &message) {
                if (status == Typebot::SecretStore::Status::Error)
                    Q_EMIT statusMessage(message, 8000);
            });
}

AppController::~AppController()
{
    // The engine first: its running uploads may be talking to the embedded sandbox.
    delete m_service;
    m_service = nullptr;
}

void AppController::start()
{
    // Tokens first: applySettings() holds the queue until the active profile's one is read,
    // and the journal restores into a held queue.
    m_tokens->setFileFallbackEnabled(m_settings.tokensInFile);
    m_tokens->load(m_settings.profiles);
    applySettings();
    m_journalReady = m_dataDir.isEmpty(); // no journal: nothing to wait for
    if (!m_dataDir.isEmpty())
        QMetaObject::invokeMethod(
                this,
                [this] {
                    m_service->openJournal(
                            QDir(m_dataDir).filePath(QStringLiteral("queue.sqlite")));
                },
                Qt::QueuedConnection);
}

void AppController::applyEdit(AppSettings edited, const AppSettings &opened)
{
    const AppSettings before = m_settings;
    // A token the keychain delivered while the dialog was open, in a field the user left
    // alone, is kept rather than taken as cleared.
    for (Profile &profile : edited.profiles) {
        const int was = opened.indexOfProfile(profile.id);
        const int now = before.indexOfProfile(profile.id);
        if (was >= 0 && now >= 0 && profile.token == opened.profiles.at(was).token)
            profile.token = before.profiles.at(now).token;
    }
    m_settings = edited;
    m_settings.save();
    const bool placeChanged = m_tokens->isFileFallbackEnabled() != m_settings.tokensInFile;
    m_tokens->setFileFallbackEnabled(m_settings.tokensInFile);
    m_tokens->save(before.profiles, m_settings.profiles);
    if (placeChanged)
        m_tokens->writeAll(m_settings.profiles);
    applySettings();
    if (m_settings.historyRetentionDays != before.historyRetentionDays)
        m_service->applyHistoryRetention(m_settings.historyRetentionDays);
}

void AppController::applySettings()
{
    const Profile profile = m_settings.currentProfile();
    // A profile's token may still be on its way from the keychain: no upload of it starts
    // before the answer, or it would go out without one.
    m_waitingForToken = !profile.isSandbox() && m_tokens->isPending(profile.id);
    if (m_waitingForToken)
        Q_EMIT statusMessage(tr("Reading the token of “%1” from the keychain…").arg(profile.name),
                             0);
    Typebot::EngineConfig config;
    config.profileName = profile.recordedName();
    config.concurrency = m_settings.concurrency;
    config.retry.maxAttempts = m_settings.maxAttempts;
    // Outages (server down, network gone) are waited out, as sync clients do; a file fails
    // for good only on a definite answer or after this long.
    config.retry.outageDeadline = std::chrono::hours(m_settings.outageWaitHours);
    config.stallTimeoutMs = m_settings.stallTimeoutSeconds * 1000;
    config.transport = m_settings.useQnamTransport ? Typebot::EngineConfig::Transport::Qnam
                                                   : Typebot::EngineConfig::Transport::Curl;
    config.maxUploadBytesPerSecond = qint64(m_settings.uploadLimitKiBps) * 1024;

    Destination destination;
    destination.profileName = profile.name;
    destination.sandbox = profile.isSandbox();
    if (profile.isSandbox()) {
        QString error;
        if (!m_sandbox->isRunning() && !m_sandbox->start(m_sandboxConfig, &error)) {
            destination.sandboxError = error;
        } else {
            config.endpoint.apiBase = m_sandbox->apiBaseUrl();
            config.endpoint.sessionId = m_sandbox->sessionId();
        }
    } else {
        config.endpoint = profile.endpoint();
        config.blockId = profile.blockId;
        config.knownServer = m_servers.find(config.endpoint.apiBase);
        destination.host = config.endpoint.apiBase.host();
        destination.problem = config.endpoint.validate();
        if (!profile.token.isEmpty())
            Typebot::Redactor::addSecret(profile.token);
    }
    m_endpoint = config.endpoint;
    m_service->setConfig(config);
    m_destination = destination;
    Q_EMIT destinationChanged(destination);
    updatePauseState();
}

Typebot::EndpointSettings AppController::effectiveEndpoint() const
{
    return m_endpoint;
}

QString AppController::profileName(const QString &profileId) const
{
    const int index = m_settings.indexOfProfile(profileId);
    return index >= 0 ? m_settings.profiles.at(index).name : profileId;
}

void AppController::setUserPaused(bool paused)
{
    if (paused == m_userPaused)
        return;
    m_userPaused = paused;
    updatePauseState();
}

void AppController::updatePauseState()
{
    const bool paused = m_userPaused || m_waitingForToken;
    if (paused != m_enginePaused) {
        m_enginePaused = paused;
        if (paused)
            m_service->pause();
        else
            m_service->resume();
    }
    Q_EMIT pauseChanged(m_userPaused);
}

bool AppController::holdUntilJournalReady(const QStringList &paths)
{
    if (m_journalReady)
        return false;
    m_heldPaths << paths;
    return true;
}

void AppController::handleServerLearned(const QUrl &apiBase,
                                        const Typebot::ServerKnowledge &knowledge)
{
    // The built-in sandbox is not worth remembering: it is ours and plays the newest server.
    if (m_settings.currentProfile().isSandbox() || apiBase == m_sandbox->apiBaseUrl())
        return;
    QString error;
    if (!m_servers.save(apiBase, knowledge, &error))
        qCWarning(lcStorage).noquote() << "cannot remember the server's upload route:" << error;
}

void AppController::handleTokenLoaded(const QString &profileId, const QString &token,
                                      Typebot::SecretStore::Status status, const QString &message)
{
    const int index = m_settings.indexOfProfile(profileId);
    // A token typed in Settings while the keychain was answering is the newer one.
    if (index >= 0 && !token.isEmpty() && m_settings.profiles.at(index).token.isEmpty())
        m_settings.profiles[index].token = token;
    if (profileId != m_settings.currentProfileId || !m_waitingForToken)
        return;
    applySettings(); // now with the token; releases the queue unless the user paused it
    if (status == Typebot::SecretStore::Status::Error) {
        // Uploading without the token would only fail file after file.
        setUserPaused(true);
        Q_EMIT warning(
                tr("The token of “%1” could not be read: %2 The queue is paused: "
                   "enter the token in Settings, or resume to upload without it.")
                        .arg(profileName(profileId).toHtmlEscaped(), message.toHtmlEscaped()));
    } else if (status == Typebot::SecretStore::Status::Ok
               || status == Typebot::SecretStore::Status::InsecureFile) {
        Q_EMIT statusMessage(QString(), 0);
    }
}

void AppController::handleTokenSaved(const QString &profileId, Typebot::SecretStore::Status status,
                                     const QString &message)
{
    switch (status) {
    case Typebot::SecretStore::Status::Error:
        Q_EMIT warning(
                tr("The token of “%1” could not be saved: %2")
                        .arg(profileName(profileId).toHtmlEscaped(), message.toHtmlEscaped()));
        break;
    case Typebot::SecretStore::Status::SessionOnly:
        Q_EMIT statusMessage(tr("No keychain service is running: the token is kept for this "
                                "session only."),
                             8000);
        break;
    default:
        break;
    }
}

void AppController::handleJournalOpened(bool persistent, const QString &problem, int restoredJobs)
{
    m_service->applyHistoryRetention(m_settings.historyRetentionDays);
    m_journalReady = true;
    Q_EMIT journalReady(persistent, problem, restoredJobs);
    if (!m_heldPaths.isEmpty())
        Q_EMIT heldPathsReleased(std::exchange(m_heldPaths, {}));
}
