// SPDX-License-Identifier: GPL-3.0-or-later
#include "settingsdialog.h"

#include "mimeicons.h"
#include "themecolors.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QUuid>
#include <QVBoxLayout>

using Typebot::EndpointSettings;

SettingsDialog::SettingsDialog(const AppSettings &settings, QWidget *parent)
    : QDialog(parent),
      m_settings(settings)
{
    setWindowTitle(tr("Settings"));
    setObjectName(QStringLiteral("settingsDialog"));

    auto *tabs = new QTabWidget(this);
    tabs->addTab(createProfilesPage(), tr("&Profiles"));
    tabs->addTab(createUploadsPage(), tr("&Uploads"));

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Save)->setText(tr("&Save"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs);
    layout->addWidget(m_buttons);

    refreshProfileList();
    refreshActiveCombo();
    selectProfile(std::max(0, m_settings.indexOfProfile(m_settings.currentProfileId)));
    updateTokenStorageNotes();
    resize(760, 560);
}

QLabel *SettingsDialog::createErrorLabel(const QString &objectName)
{
    auto *label = new QLabel(this);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    ThemeColors::setTextTone(label, ThemeColors::Tone::Error);
    label->hide();
    return label;
}

QWidget *SettingsDialog::createProfilesPage()
{
    auto *page = new QWidget(this);

    m_activeProfile = new QComboBox(page);
    m_activeProfile->setObjectName(QStringLiteral("activeProfile"));
    connect(m_activeProfile, &QComboBox::activated, this, [this](int index) {
        m_settings.currentProfileId = m_activeProfile->itemData(index).toString();
    });
    auto *activeLabel = new QLabel(tr("&Upload to:"), page);
    activeLabel->setBuddy(m_activeProfile);
    auto *activeRow = new QHBoxLayout;
    activeRow->addWidget(activeLabel);
    activeRow->addWidget(m_activeProfile, 1);

    m_profileList = new QListWidget(page);
    m_profileList->setAccessibleName(tr("Profiles"));
    m_profileList->setMaximumWidth(220);
    m_profileList->setIconSize(QSize(16, 16));
    connect(m_profileList, &QListWidget::currentRowChanged, this, [this](int row) {
        if (!m_loading)
            loadProfileIntoForm(row);
    });
    m_addProfile = new QPushButton(tr("&Add"), page);
    m_removeProfile = new QPushButton(tr("&Remove"), page);
    connect(m_addProfile, &QPushButton::clicked, this, &SettingsDialog::addProfile);
    connect(m_removeProfile, &QPushButton::clicked, this, &SettingsDialog::removeProfile);
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(m_addProfile);
    listButtons->addWidget(m_removeProfile);
    auto *left = new QVBoxLayout;
    left->addWidget(m_profileList, 1);
    left->addLayout(listButtons);

    m_form = new QWidget(page);
    m_name = new QLineEdit(m_form);
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_apiBase = new QLineEdit(m_form);
    m_apiBase->setObjectName(QStringLiteral("apiBaseEdit"));
    m_apiBase->setPlaceholderText(EndpointSettings::DefaultApiBase);
    m_apiBase->setToolTip(
            tr("The viewer's API: https://typebot.io/api, or https://<your viewer>/api "
               "when self-hosted"));
    m_session = new QLineEdit(m_form);
    m_session->setObjectName(QStringLiteral("sessionEdit"));
    m_session->setPlaceholderText(tr("from startChat, e.g. clx0abc123…"));
    m_token = new QLineEdit(m_form);
    m_token->setObjectName(QStringLiteral("tokenEdit"));
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("optional"));
    m_caFile = new QLineEdit(m_form);
    m_caFile->setObjectName(QStringLiteral("caFileEdit"));
    m_caFile->setPlaceholderText(tr("optional: PEM file for a private certificate authority"));
    m_browseCa = new QPushButton(tr("Bro&wse…"), m_form);
    connect(m_browseCa, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(
                this, tr("Certificate authority file"), m_caFile->text(),
                tr("Certificates (*.pem *.crt *.cer);;All files (*)"));
        if (!file.isEmpty())
            m_caFile->setText(file);
    });
    m_insecure =
            new QCheckBox(tr("Allow &insecure http:// (sends the session id unencrypted)"), m_form);
    m_insecure->setObjectName(QStringLiteral("insecureCheck"));
    m_blockId = new QLineEdit(m_form);
    m_blockId->setObjectName(QStringLiteral("blockIdEdit"));
    m_blockId->setPlaceholderText(tr("optional: the file-input block's id"));
    m_blockId->setToolTip(tr("Only servers older than Typebot 3.17 use it; without it they are "
                             "asked the way that needs no block id."));
    m_serverInfo = new QLabel(m_form);
    m_serverInfo->setObjectName(QStringLiteral("serverInfo"));
    m_serverInfo->setWordWrap(true);
    m_serverInfo->setTextFormat(Qt::PlainText);
    m_forgetServer = new QPushButton(tr("&Forget"), m_form);
    m_forgetServer->setObjectName(QStringLiteral("forgetServerButton"));
    m_forgetServer->setToolTip(tr("Find out again which kind of server this is on the next "
                                  "upload (after the server was upgraded or moved)."));
    connect(m_forgetServer, &QPushButton::clicked, this, &SettingsDialog::forgetServer);

    m_errors.insert(Field::Name, createErrorLabel(QStringLiteral("nameError")));
    m_errors.insert(Field::ApiBase, createErrorLabel(QStringLiteral("apiBaseError")));
    m_errors.insert(Field::Session, createErrorLabel(QStringLiteral("sessionError")));
    m_errors.insert(Field::Token, createErrorLabel(QStringLiteral("tokenError")));
    m_errors.insert(Field::CaFile, createErrorLabel(QStringLiteral("caFileError")));

    m_tokenNote = new QLabel(tr("The token is kept in your system keychain, never in the "
                                "settings file."),
                             m_form);
    m_tokenNote->setObjectName(QStringLiteral("tokenNote"));
    m_tokenNote->setWordWrap(true);
    m_tokenNote->setForegroundRole(QPalette::PlaceholderText);
    m_keychainNote = new QLabel(tr("No keychain service is running: the token is kept for this "
                                   "session only."),
                                m_form);
    m_keychainNote->setObjectName(QStringLiteral("keychainNote"));
    m_keychainNote->setWordWrap(true);
    ThemeColors::setTextTone(m_keychainNote, ThemeColors::Tone::Warning);
    m_tokenFile =
            new QCheckBox(tr("Store tokens in a file readable only by me (unencrypted)"), m_form);
    m_tokenFile->setObjectName(QStringLiteral("tokenFileCheck"));
    m_tokenFile->setChecked(m_settings.tokensInFile);
    m_tokenFileWarning = new QLabel(m_form);
    m_tokenFileWarning->setObjectName(QStringLiteral("tokenFileWarning"));
    m_tokenFileWarning->setWordWrap(true);
    m_tokenFileWarning->setTextFormat(Qt::PlainText);
    ThemeColors::setTextTone(m_tokenFileWarning, ThemeColors::Tone::Error);
    connect(m_tokenFile, &QCheckBox::toggled, this, &SettingsDialog::updateTokenStorageNotes);

    auto *caRow = new QHBoxLayout;
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(m_browseCa);

    auto withError = [](QWidget *field, QLabel *error) {
        auto *box = new QVBoxLayout;
        box->setSpacing(2);
        box->addWidget(field);
        box->addWidget(error);
        return box;
    };
    auto withErrorLayout = [](QLayout *field, QLabel *error) {
        auto *box = new QVBoxLayout;
        box->setSpacing(2);
        box->addLayout(field);
        box->addWidget(error);
        return box;
    };

    auto *form = new QFormLayout(m_form);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    // Rows that hold a layout get no buddy from addRow(QString, …): label them ourselves
    // so the mnemonics work and no "&" shows.
    auto label = [this](const QString &text, QWidget *buddy) {
        auto *result = new QLabel(text, m_form);
        result->setBuddy(buddy);
        return result;
    };
    form->addRow(label(tr("&Name:"), m_name), withError(m_name, m_errors.value(Field::Name)));
    form->addRow(label(tr("API &base URL:"), m_apiBase),
                 withError(m_apiBase, m_errors.value(Field::ApiBase)));
    form->addRow(label(tr("&Session ID:"), m_session),
                 withError(m_session, m_errors.value(Field::Session)));
    auto *tokenBox = withError(m_token, m_errors.value(Field::Token));
    tokenBox->addWidget(m_tokenNote);
    tokenBox->addWidget(m_keychainNote);
    tokenBox->addWidget(m_tokenFile);
    tokenBox->addWidget(m_tokenFileWarning);
    form->addRow(label(tr("API &token:"), m_token), tokenBox);
    form->addRow(label(tr("&CA file:"), m_caFile),
                 withErrorLayout(caRow, m_errors.value(Field::CaFile)));
    form->addRow(QString(), m_insecure);
    form->addRow(label(tr("File &block ID:"), m_blockId), m_blockId);
    auto *serverRow = new QHBoxLayout;
    serverRow->addWidget(m_serverInfo, 1);
    serverRow->addWidget(m_forgetServer, 0, Qt::AlignTop);
    m_serverRowLabel = new QLabel(tr("Server:"), m_form);
    form->addRow(m_serverRowLabel, serverRow);

    for (QLineEdit *edit : { m_name, m_apiBase, m_session, m_token, m_caFile, m_blockId }) {
        connect(edit, &QLineEdit::textChanged, this, [this] {
            if (!m_loading) {
                storeFormIntoProfile();
                revalidate();
            }
        });
    }
    connect(m_insecure, &QCheckBox::toggled, this, [this] {
        if (!m_loading) {
            storeFormIntoProfile();
            revalidate();
        }
    });

    m_sandboxNote = new QLabel(tr("The local sandbox runs inside this app, on this computer. "
                                  "Its address and session are set each time it starts, and "
                                  "what you upload stays here. Add a profile to upload to a "
                                  "real Typebot."),
                               page);
    m_sandboxNote->setWordWrap(true);
    m_sandboxNote->setObjectName(QStringLiteral("sandboxNote"));

    auto *right = new QVBoxLayout;
    right->addWidget(m_sandboxNote);
    right->addWidget(m_form);
    right->addStretch();

    auto *columns = new QHBoxLayout;
    columns->addLayout(left);
    columns->addSpacing(8);
    columns->addLayout(right, 1);

    auto *layout = new QVBoxLayout(page);
    layout->addLayout(activeRow);
    layout->addSpacing(6);
    layout->addLayout(columns, 1);
    return page;
}

QWidget *SettingsDialog::createUploadsPage()
{
    auto *page = new QWidget(this);
    m_concurrency = new QSpinBox(page);
    m_concurrency->setRange(1, 16);
    m_concurrency->setValue(m_settings.concurrency);
    m_concurrency->setToolTip(tr("How many files are uploaded at the same time"));
    m_attempts = new QSpinBox(page);
    m_attempts->setRange(1, 20);
    m_attempts->setValue(m_settings.maxAttempts);
    m_attempts->setToolTip(tr("Tries per file, the first one included, before it fails"));
    m_stallTimeout = new QSpinBox(page);
    m_stallTimeout->setRange(5, 3600);
    m_stallTimeout->setSuffix(tr(" s"));
    m_stallTimeout->setValue(m_settings.stallTimeoutSeconds);
    m_stallTimeout->setToolTip(tr("An upload that sends nothing for this long is retried"));
    m_outageWait = new QSpinBox(page);
    m_outageWait->setObjectName(QStringLiteral("outageWaitSpin"));
    m_outageWait->setRange(0, 168);
    m_outageWait->setSuffix(tr(" h"));
    m_outageWait->setSpecialValueText(tr("Do not wait"));
    m_outageWait->setValue(m_settings.outageWaitHours);
    m_outageWait->setToolTip(tr("When the server or the network is away, files wait this long "
                                "for it to come back before they fail"));
    m_uploadLimit = new QSpinBox(page);
    m_uploadLimit->setObjectName(QStringLiteral("uploadLimitSpin"));
    m_uploadLimit->setRange(0, 10000000);
    m_uploadLimit->setSingleStep(100);
    m_uploadLimit->setSuffix(tr(" KiB/s"));
    m_uploadLimit->setSpecialValueText(tr("No limit"));
    m_uploadLimit->setValue(m_settings.uploadLimitKiBps);
    m_uploadLimit->setToolTip(tr("All uploads together send at most this much per second, so "
                                 "the rest of the network stays usable; applies at once"));
    m_transport = new QComboBox(page);
    m_transport->setObjectName(QStringLiteral("transportCombo"));
    m_transport->addItem(tr("libcurl (fast, honours the speed limit)"), false);
    m_transport->addItem(tr("Qt network (slower; no speed limit)"), true);
    m_transport->setCurrentIndex(m_settings.useQnamTransport ? 1 : 0);
    m_transport->setToolTip(tr("How files are sent to the storage. Keep libcurl unless "
                               "support asks you to compare."));
    m_notifications = new QCheckBox(tr("&Notify when a batch finishes or a file fails"), page);
    m_notifications->setChecked(m_settings.notifications);
    m_language = new QComboBox(page);
    m_language->addItem(tr("System default"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Português (Brasil)"), QStringLiteral("pt_BR"));
    m_language->setCurrentIndex(std::max(0, m_language->findData(m_settings.language)));
    auto *languageNote =
            new QLabel(tr("A new language takes effect when the app is restarted."), page);
    languageNote->setForegroundRole(QPalette::PlaceholderText);
    languageNote->setWordWrap(true);

    m_retention = new QComboBox(page);
    m_retention->setObjectName(QStringLiteral("retentionCombo"));
    m_retention->addItem(tr("Forever"), 0);
    m_retention->addItem(tr("30 days"), 30);
    m_retention->addItem(tr("90 days"), 90);
    m_retention->addItem(tr("1 year"), 365);
    if (m_retention->findData(m_settings.historyRetentionDays) < 0)
        m_retention->addItem(tr("%n day(s)", nullptr, m_settings.historyRetentionDays),
                             m_settings.historyRetentionDays);
    m_retention->setCurrentIndex(
            std::max(0, m_retention->findData(m_settings.historyRetentionDays)));
    m_retention->setToolTip(tr("How long the history keeps the links of stored files"));

    auto *form = new QFormLayout(page);
    form->addRow(tr("&Parallel uploads:"), m_concurrency);
    form->addRow(tr("&Tries per file:"), m_attempts);
    form->addRow(tr("&Stall timeout:"), m_stallTimeout);
    form->addRow(tr("Wait out &outages for:"), m_outageWait);
    form->addRow(tr("Upload speed &limit:"), m_uploadLimit);
    form->addRow(tr("Send &with:"), m_transport);
    form->addRow(QString(), m_notifications);
    form->addRow(tr("Keep &history:"), m_retention);
    form->addRow(tr("&Language:"), m_language);
    form->addRow(QString(), languageNote);
    return page;
}

void SettingsDialog::refreshProfileList()
{
    m_loading = true;
    const int row = m_profileList->currentRow();
    m_profileList->clear();
    for (const Profile &profile : std::as_const(m_settings.profiles)) {
        auto *item = new QListWidgetItem(profile.name.isEmpty() ? tr("(unnamed)") : profile.name,
                                         m_profileList);
        if (!validateProfile(profile, m_settings.profiles).isEmpty())
            item->setIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning));
    }
    m_profileList->setCurrentRow(std::min(row, int(m_settings.profiles.size()) - 1));
    m_loading = false;
}

void SettingsDialog::refreshActiveCombo()
{
    m_activeProfile->clear();
    for (const Profile &profile : std::as_const(m_settings.profiles))
        m_activeProfile->addItem(profile.name.isEmpty() ? tr("(unnamed)") : profile.name,
                                 profile.id);
    const int index = m_activeProfile->findData(m_settings.currentProfileId);
    m_activeProfile->setCurrentIndex(std::max(0, index));
}

void SettingsDialog::selectProfile(int row)
{
    m_profileList->setCurrentRow(row);
    loadProfileIntoForm(row);
}

void SettingsDialog::loadProfileIntoForm(int row)
{
    m_row = row;
    m_loading = true;
    const bool valid = row >= 0 && row < m_settings.profiles.size();
    const Profile profile = valid ? m_settings.profiles.at(row) : Profile();
    m_name->setText(profile.name);
    m_apiBase->setText(profile.apiBase);
    m_session->setText(profile.sessionId);
    m_token->setText(profile.token);
    m_caFile->setText(profile.caFile);
    m_insecure->setChecked(profile.allowInsecureHttp);
    m_blockId->setText(profile.blockId);
    m_sandboxNote->setVisible(profile.isSandbox());
    m_form->setVisible(valid && !profile.isSandbox());
    m_removeProfile->setEnabled(valid && !profile.isSandbox());
    m_loading = false;
    revalidate();
}

void SettingsDialog::storeFormIntoProfile()
{
    if (m_row < 0 || m_row >= m_settings.profiles.size())
        return;
    Profile &profile = m_settings.profiles[m_row];
    if (profile.isSandbox())
        return;
    profile.name = m_name->text().trimmed();
    profile.apiBase = m_apiBase->text().trimmed();
    profile.sessionId = m_session->text().trimmed();
    profile.token = m_token->text().trimmed();
    profile.caFile = m_caFile->text().trimmed();
    profile.allowInsecureHttp = m_insecure->isChecked();
    profile.blockId = m_blockId->text().trimmed();
    if (QListWidgetItem *item = m_profileList->item(m_row))
        item->setText(profile.name.isEmpty() ? tr("(unnamed)") : profile.name);
    const int comboIndex = m_activeProfile->findData(profile.id);
    if (comboIndex >= 0)
        m_activeProfile->setItemText(comboIndex,
                                     profile.name.isEmpty() ? tr("(unnamed)") : profile.name);
}

void SettingsDialog::addProfile()
{
    Profile profile;
    profile.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    profile.name = tr("Typebot");
    int suffix = 2;
    auto nameTaken = [this](const QString &name) {
        for (const Profile &p : std::as_const(m_settings.profiles)) {
            if (p.name.compare(name, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    };
    while (nameTaken(profile.name))
        profile.name = tr("Typebot %1").arg(suffix++);
    profile.apiBase = EndpointSettings::DefaultApiBase;
    m_settings.profiles << profile;
    refreshProfileList();
    refreshActiveCombo();
    selectProfile(int(m_settings.profiles.size()) - 1);
    m_session->setFocus();
}

void SettingsDialog::removeProfile()
{
    if (m_row <= 0 || m_row >= m_settings.profiles.size()
        || m_settings.profiles.at(m_row).isSandbox())
        return;
    const QString id = m_settings.profiles.at(m_row).id;
    m_settings.profiles.removeAt(m_row);
    if (m_settings.currentProfileId == id)
        m_settings.currentProfileId = Profile::SandboxId;
    const int row = std::min(m_row, int(m_settings.profiles.size()) - 1);
    refreshProfileList();
    refreshActiveCombo();
    selectProfile(row);
}

void SettingsDialog::setKeychainMissing(bool missing, const QString &fallbackFile)
{
    m_keychainMissing = missing;
    m_fallbackFile = fallbackFile;
    updateTokenStorageNotes();
}

void SettingsDialog::updateTokenStorageNotes()
{
    const bool inFile = m_keychainMissing && m_tokenFile->isChecked();
    m_tokenNote->setVisible(!m_keychainMissing);
    m_keychainNote->setVisible(m_keychainMissing && !inFile);
    m_tokenFile->setVisible(m_keychainMissing);
    m_tokenFileWarning->setVisible(inFile);
    m_tokenFileWarning->setText(
            tr("No keychain service is running, so tokens are written unencrypted to %1. Only "
               "your user account can read the file, but so can anything that runs as you "
               "and any backup of it.")
                    .arg(QDir::toNativeSeparators(m_fallbackFile)));
}

QMap<SettingsDialog::Field, QString> SettingsDialog::validateProfile(const Profile &profile,
                                                                     const QList<Profile> &all)
{
    QMap<Field, QString> errors;
    if (profile.isSandbox())
        return errors;
    if (profile.name.trimmed().isEmpty()) {
        errors.insert(Field::Name, tr("Give the profile a name."));
    } else {
        for (const Profile &other : all) {
            if (other.id != profile.id
                && other.name.trimmed().compare(profile.name.trimmed(), Qt::CaseInsensitive) == 0) {
                errors.insert(Field::Name, tr("Another profile already has this name."));
                break;
            }
        }
    }
    QUrl url;
    QString error;
    if (!EndpointSettings::parseApiBase(profile.apiBase, &url, &error))
        errors.insert(Field::ApiBase, error);
    else if (url.scheme() == u"http" && !profile.allowInsecureHttp
             && !EndpointSettings::isLoopbackHost(url.host()))
        errors.insert(Field::ApiBase,
                      tr("http:// sends the session id unencrypted. Use https://, or allow "
                         "insecure http below."));
    const QString session = profile.sessionId.trimmed();
    if (session.isEmpty()) {
        errors.insert(Field::Session, tr("Enter the chat session's ID."));
    } else {
        for (const QChar c : session) {
            if (c.isSpace() || c.category() == QChar::Other_Control) {
                errors.insert(Field::Session, tr("A session ID has no spaces."));
                break;
            }
        }
    }
    if (profile.token.contains(u'\n') || profile.token.contains(u'\r')
        || profile.token.contains(u' '))
        errors.insert(Field::Token, tr("The token must be one word, without spaces."));
    if (!profile.caFile.isEmpty() && !QFileInfo(profile.caFile).isReadable())
        errors.insert(Field::CaFile, tr("This file does not exist or cannot be read."));
    if (errors.isEmpty()) {
        // The engine's own gate, in case it knows a rule this form does not.
        const QString remaining = profile.endpoint().validate();
        if (!remaining.isEmpty())
            errors.insert(Field::ApiBase, remaining);
    }
    return errors;
}

void SettingsDialog::setServerStore(Typebot::ServerKnowledgeStore *store)
{
    m_servers = store;
    refreshServerInfo();
}

QString SettingsDialog::serverDescription() const
{
    return m_serverInfo->isHidden() ? QString() : m_serverInfo->text();
}

void SettingsDialog::refreshServerInfo()
{
    QUrl apiBase;
    QString error;
    const bool valid = m_row >= 0 && m_row < m_settings.profiles.size();
    const bool show = m_servers && valid
            && EndpointSettings::parseApiBase(m_settings.profiles.at(m_row).apiBase, &apiBase,
                                              &error);
    m_serverInfo->setVisible(show);
    m_forgetServer->setVisible(show);
    m_serverRowLabel->setVisible(show);
    if (!show)
        return;
    const Typebot::ServerKnowledge knowledge = m_servers->find(apiBase);
    m_serverInfo->setText(knowledge.describe());
    m_forgetServer->setEnabled(knowledge.isKnown() || knowledge.v2Absent || knowledge.v3Absent);
}

void SettingsDialog::forgetServer()
{
    QUrl apiBase;
    QString error;
    if (!m_servers || m_row < 0 || m_row >= m_settings.profiles.size()
        || !EndpointSettings::parseApiBase(m_settings.profiles.at(m_row).apiBase, &apiBase, &error))
        return;
    if (!m_servers->forget(apiBase, &error))
        QMessageBox::warning(
                this, tr("Forget Server"),
                tr("What was learned of this server could not be forgotten: %1").arg(error));
    refreshServerInfo();
}

void SettingsDialog::revalidate()
{
    refreshServerInfo();
    QMap<Field, QString> errors;
    if (m_row >= 0 && m_row < m_settings.profiles.size())
        errors = validateProfile(m_settings.profiles.at(m_row), m_settings.profiles);
    for (auto it = m_errors.cbegin(); it != m_errors.cend(); ++it) {
        const QString text = errors.value(it.key());
        it.value()->setText(text);
        it.value()->setVisible(!text.isEmpty());
    }
    bool allValid = true;
    for (int i = 0; i < m_settings.profiles.size(); ++i) {
        const bool valid =
                validateProfile(m_settings.profiles.at(i), m_settings.profiles).isEmpty();
        allValid = allValid && valid;
        if (QListWidgetItem *item = m_profileList->item(i))
            item->setIcon(valid ? QIcon() : style()->standardIcon(QStyle::SP_MessageBoxWarning));
    }
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(allValid);
}

bool SettingsDialog::isSaveEnabled() const
{
    return m_buttons->button(QDialogButtonBox::Save)->isEnabled();
}

QString SettingsDialog::fieldError(Field field) const
{
    QLabel *label = m_errors.value(field);
    return label && !label->isHidden() ? label->text() : QString();
}

void SettingsDialog::accept()
{
    for (int i = 0; i < m_settings.profiles.size(); ++i) {
        if (!validateProfile(m_settings.profiles.at(i), m_settings.profiles).isEmpty()) {
            selectProfile(i);
            return;
        }
    }
    m_settings.concurrency = m_concurrency->value();
    m_settings.maxAttempts = m_attempts->value();
    m_settings.stallTimeoutSeconds = m_stallTimeout->value();
    m_settings.uploadLimitKiBps = m_uploadLimit->value();
    m_settings.outageWaitHours = m_outageWait->value();
    m_settings.useQnamTransport = m_transport->currentData().toBool();
    m_settings.notifications = m_notifications->isChecked();
    m_settings.language = m_language->currentData().toString();
    m_settings.historyRetentionDays = m_retention->currentData().toInt();
    // The opt-in only means something while no keychain runs; otherwise keep what it was.
    if (m_keychainMissing)
        m_settings.tokensInFile = m_tokenFile->isChecked();
    QDialog::accept();
}
