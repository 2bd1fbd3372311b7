// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "appsettings.h"
#include "storage/serverknowledgestore.h"

#include <QDialog>
#include <QMap>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QWidget;

// Edits profiles and upload tuning. Every field is checked as it is typed and the problem
// shown under it; Save stays disabled until every profile is usable.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    enum class Field { Name, ApiBase, Session, Token, CaFile };

    explicit SettingsDialog(const AppSettings &settings, QWidget *parent = nullptr);

    AppSettings settings() const { return m_settings; }
    // Problems of one profile, by field; empty when it can be used.
    static QMap<Field, QString> validateProfile(const Profile &profile, const QList<Profile> &all);
    bool isSaveEnabled() const;
    QString fieldError(Field field) const; // as shown for the selected profile
    void selectProfile(int row);
    // No keychain answers: say that tokens live for this session only and offer the
    // opt-in file at `fallbackFile`.
    void setKeychainMissing(bool missing, const QString &fallbackFile);

    // Where learned server kinds are kept: the form shows the selected profile's and offers
    // to forget it. Not owned; may stay unset (then the row is hidden).
    void setServerStore(Typebot::ServerKnowledgeStore *store);
    QString serverDescription() const; // as shown for the selected profile

    void accept() override;

private:
    QWidget *createProfilesPage();
    QWidget *createUploadsPage();
    void loadProfileIntoForm(int row);
    void storeFormIntoProfile();
    void addProfile();
    void removeProfile();
    void revalidate();
    void refreshProfileList();
    void refreshActiveCombo();
    void updateTokenStorageNotes();
    void refreshServerInfo();
    void forgetServer();
    QLabel *createErrorLabel(const QString &objectName);

    AppSettings m_settings;
    int m_row = -1;
    bool m_loading = false;

    QComboBox *m_activeProfile = nullptr;
    QListWidget *m_profileList = nullptr;
    QPushButton *m_addProfile = nullptr;
    QPushButton *m_removeProfile = nullptr;
    QWidget *m_form = nullptr;
    QLabel *m_sandboxNote = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_apiBase = nullptr;
    QLineEdit *m_session = nullptr;
    QLineEdit *m_token = nullptr;
    QLineEdit *m_caFile = nullptr;
    QPushButton *m_browseCa = nullptr;
    QCheckBox *m_insecure = nullptr;
    QLineEdit *m_blockId = nullptr;
    QLabel *m_serverInfo = nullptr;
    QPushButton *m_forgetServer = nullptr;
    QLabel *m_serverRowLabel = nullptr;
    Typebot::ServerKnowledgeStore *m_servers = nullptr;
    QMap<Field, QLabel *> m_errors;
    QLabel *m_tokenNote = nullptr;
    QLabel *m_keychainNote = nullptr;
    QCheckBox *m_tokenFile = nullptr;
    QLabel *m_tokenFileWarning = nullptr;
    bool m_keychainMissing = false;
    QString m_fallbackFile;

    QSpinBox *m_concurrency = nullptr;
    QSpinBox *m_attempts = nullptr;
    QSpinBox *m_stallTimeout = nullptr;
    QSpinBox *m_uploadLimit = nullptr;
    QSpinBox *m_outageWait = nullptr;
    QComboBox *m_transport = nullptr;
    QCheckBox *m_notifications = nullptr;
    QComboBox *m_language = nullptr;
    QComboBox *m_retention = nullptr;

    QDialogButtonBox *m_buttons = nullptr;
};
