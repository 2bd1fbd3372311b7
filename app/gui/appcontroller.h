// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/endpointsettings.h"
#include "api/serverknowledge.h"
#include "appsettings.h"
#include "sandboxconfig.h"
#include "storage/secretstore.h"
#include "storage/serverknowledgestore.h"

#include <QObject>
#include <QStringList>

class LocalSandbox;
class ProfileTokens;

namespace Typebot {
class UploadService;
}

// The application behind the window (as qBittorrent's Application is): the settings and
// their tokens, the built-in sandbox, the upload service with its journal, and what was
// learned of each server. It turns the settings into the engine's configuration and says
// where files go; the window only shows that and forwards what the user does.
class AppController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AppController)

public:
    // Where files go now: the status bar and the banners show it.
    struct Destination
    {
        QString profileName;
        QString host; // the API's host; empty for the built-in sandbox
        bool sandbox = false;
        QString sandboxError; // the built-in sandbox could not start
        QString problem; // the profile cannot be used yet (what is missing)
    };

    // `dataDir`: where the durable queue lives; empty keeps it in memory.
    AppController(const AppSettings &settings, const Sandbox::SandboxConfig &sandboxConfig,
                  const QString &dataDir, QObject *parent = nullptr);
    ~AppController() override;

    // Reads the tokens, configures the engine and, from the event loop, opens the journal
    // (so whoever listens to journalReady() has connected by then).
    void start();

    const AppSettings &settings() const { return m_settings; }
    // Settings the user accepted in the dialog that opened with `opened`: saved, tokens
    // stored, applied at once.
    void applyEdit(AppSettings edited, const AppSettings &opened);

    Destination destination() const { return m_destination; }
    // The endpoint files go to now (the running sandbox's address for the sandbox).
    Typebot::EndpointSettings effectiveEndpoint() const;
    QString profileName(const QString &profileId) const;

    // The user's Pause; the queue is also held while the active profile's token is read.
    bool isUserPaused() const { return m_userPaused; }
    void setUserPaused(bool paused);
    bool isWaitingForToken() const { return m_waitingForToken; }

    // Until the journal is open, files are held, then handed back by heldPathsReleased():
    // queued before, they would not be journaled (no History), and their in-memory ids
    // would collide with the journal's. True when they were held.
    bool holdUntilJournalReady(const QStringList &paths);
    bool isJournalReady() const { return m_journalReady; }

    LocalSandbox *sandbox() const { return m_sandbox; }
    Typebot::UploadService *service() const { return m_service; }
    ProfileTokens *tokens() const { return m_tokens; }
    Typebot::ServerKnowledgeStore *servers() { return &m_servers; }
    const Sandbox::SandboxConfig &sandboxConfig() const { return m_sandboxConfig; }

Q_SIGNALS:
    void destinationChanged(const AppController::Destination &destination);
    void pauseChanged(bool userPaused);
    // Something the user has to act on, as HTML for a banner with "Open Settings…".
    void warning(const QString &html);
    void statusMessage(const QString &text, int timeoutMs);
    void journalReady(bool persistent, const QString &problem, int restoredJobs);
    void heldPathsReleased(const QStringList &paths);

private:
    void applySettings();
    void updatePauseState();
    void handleTokenLoaded(const QString &profileId, const QString &token,
                           Typebot::SecretStore::Status status, const QString &message);
    void handleTokenSaved(const QString &profileId, Typebot::SecretStore::Status status,
                          const QString &message);
    void handleServerLearned(const QUrl &apiBase, const Typebot::ServerKnowledge &knowledge);
    void handleJournalOpened(bool persistent, const QString &problem, int restoredJobs);

    AppSettings m_settings;
    Sandbox::SandboxConfig m_sandboxConfig;
    QString m_dataDir;
    Typebot::UploadService *m_service;
    LocalSandbox *m_sandbox;
    ProfileTokens *m_tokens;
    // What was learned of each API base (route, sending style); the settings show it.
    Typebot::ServerKnowledgeStore m_servers;
    Destination m_destination;
    Typebot::EndpointSettings m_endpoint;
    QStringList m_heldPaths;
    bool m_journalReady = false;
    bool m_userPaused = false; // the user's Pause
    bool m_waitingForToken = false; // the active profile's token is still being read
    bool m_enginePaused = false; // what the engine was last told
};

Q_DECLARE_METATYPE(AppController::Destination)
