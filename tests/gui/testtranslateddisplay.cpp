// SPDX-License-Identifier: GPL-3.0-or-later
// What the engine and the history store is language-neutral; the app translates it when it
// shows it: the timeline's step names, and the built-in profiles' names in History, the
// same whatever language they were recorded in.
#include "appsettings.h"
#include "detailspane.h"
#include "diagnostics/timelinenotes.h"
#include "historymodel.h"
#include "localization.h"
#include "profile.h"
#include "settingsdialog.h"

#include <QLineEdit>
#include <QStyle>
#include <QTest>
#include <QTreeWidget>

using Typebot::HistoryEntry;
using Typebot::TimelineEntry;

Q_DECLARE_METATYPE(TimelineEntry::Kind)

namespace {

// The profile column of a History listing these recorded names, in order.
QStringList shownProfiles(const QStringList &recorded)
{
    QList<HistoryEntry> entries;
    for (const QString &name : recorded) {
        HistoryEntry entry;
        entry.name = QStringLiteral("a.txt");
        entry.profile = name;
        entry.storedAt = QDateTime::currentDateTimeUtc();
        entries << entry;
    }
    HistoryModel model;
    model.setEntries(entries);
    QStringList shown;
    for (int row = 0; row < model.rowCount(); ++row)
        shown << model.index(row, HistoryModel::ProfileColumn).data().toString();
    return shown;
}

const QStringList recordedProfiles = { Profile::SandboxRecordedName,
                                       QStringLiteral("Local sandbox"),
                                       QStringLiteral("Sandbox local"),
                                       QStringLiteral("Production"), Profile::BotTestRecordedName };

} // namespace

class TestTranslatedDisplay : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // English first: translators installed later take precedence for the rest.
    void builtInProfilesRecordAnIdentity();
    void historyShowsProfilesInEnglish();
    void historyShowsProfilesInPortuguese();
    void timelineStepsInPortuguese_data();
    void timelineStepsInPortuguese();
    void settingsPlaceholdersFitInPortuguese();
    void timelineNotesInTodaysLanguage();
};

void TestTranslatedDisplay::builtInProfilesRecordAnIdentity()
{
    Localization::install(QStringLiteral("en"));
    const Profile sandbox = AppSettings::sandboxProfile();
    QCOMPARE(sandbox.recordedName(), Profile::SandboxRecordedName);
    Profile mine;
    mine.id = QStringLiteral("p1");
    mine.name = QStringLiteral("Production");
    QCOMPARE(mine.recordedName(), QStringLiteral("Production"));
}

void TestTranslatedDisplay::historyShowsProfilesInEnglish()
{
    QCOMPARE(shownProfiles(recordedProfiles),
             QStringList({ QStringLiteral("Local sandbox"), QStringLiteral("Local sandbox"),
                           QStringLiteral("Local sandbox"), QStringLiteral("Production"),
                           QStringLiteral("Bot test") }));
}

void TestTranslatedDisplay::historyShowsProfilesInPortuguese()
{
    Localization::install(QStringLiteral("pt_BR"));
    QCOMPARE(shownProfiles(recordedProfiles),
             QStringList({ QStringLiteral("Sandbox local"), QStringLiteral("Sandbox local"),
                           QStringLiteral("Sandbox local"), QStringLiteral("Production"),
                           QStringLiteral("Teste de bot") }));
}

void TestTranslatedDisplay::timelineStepsInPortuguese_data()
{
    QTest::addColumn<TimelineEntry::Kind>("kind");
    QTest::addColumn<QString>("shown");
    QTest::newRow("ticket") << TimelineEntry::Kind::Ticket << QStringLiteral("vaga");
    QTest::newRow("upload") << TimelineEntry::Kind::Upload << QStringLiteral("envio");
    QTest::newRow("preflight") << TimelineEntry::Kind::Preflight
                               << QStringLiteral("verificação prévia");
    QTest::newRow("retry") << TimelineEntry::Kind::Retry << QStringLiteral("nova tentativa");
    QTest::newRow("verify") << TimelineEntry::Kind::Verify << QStringLiteral("conferência");
    QTest::newRow("note") << TimelineEntry::Kind::Note << QStringLiteral("nota");
}

void TestTranslatedDisplay::timelineStepsInPortuguese()
{
    QFETCH(TimelineEntry::Kind, kind);
    QFETCH(QString, shown);

    Localization::install(QStringLiteral("pt_BR"));
    Typebot::JobSnapshot job;
    job.id = 1;
    job.filePath = QStringLiteral("/tmp/a.txt");
    TimelineEntry entry;
    entry.time = QDateTime::currentDateTimeUtc();
    entry.kind = kind;
    job.timeline = { entry };
    DetailsPane pane;
    pane.setJob(job);
    auto *timeline = pane.findChild<QTreeWidget *>();
    QVERIFY(timeline);
    QCOMPARE(timeline->topLevelItemCount(), 1);
    QCOMPARE(timeline->topLevelItem(0)->text(2), shown);
    // The report for a support ticket keeps the engine's English word.
    QVERIFY(DetailsPane::reportText(job).contains(TimelineEntry::kindName(kind)));
}

void TestTranslatedDisplay::settingsPlaceholdersFitInPortuguese()
{
    Localization::install(QStringLiteral("pt_BR"));
    AppSettings settings = AppSettings::load();
    Profile acme;
    acme.id = QStringLiteral("acme");
    acme.name = QStringLiteral("Acme support bot");
    acme.apiBase = QStringLiteral("https://typebot.acme.example/api");
    acme.sessionId = QStringLiteral("clx0abc123def456ghi789jkl");
    settings.profiles << acme;
    settings.currentProfileId = acme.id;
    SettingsDialog dialog(settings); // at its own default size
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    int checked = 0;
    for (const QLineEdit *edit : dialog.findChildren<QLineEdit *>()) {
        if (!edit->isVisible() || edit->placeholderText().isEmpty() || !edit->text().isEmpty())
            continue;
        // What QLineEdit leaves for text: its width minus the frame and its 2-pixel margins.
        const int frame = edit->style()->pixelMetric(QStyle::PM_DefaultFrameWidth, nullptr, edit);
        const int room = edit->width() - 2 * frame - 4;
        const int needed = edit->fontMetrics().horizontalAdvance(edit->placeholderText());
        QVERIFY2(needed <= room,
                 qPrintable(QStringLiteral("\"%1\" needs %2 px, has %3")
                                    .arg(edit->placeholderText())
                                    .arg(needed)
                                    .arg(room)));
        ++checked;
    }
    QVERIFY2(checked >= 2, "the profile form's empty fields were not found");
}

void TestTranslatedDisplay::timelineNotesInTodaysLanguage()
{
    // Recorded by an English run, as the journal gives it back to a Portuguese one.
    TimelineEntry recorded;
    recorded.time = QDateTime::currentDateTimeUtc();
    recorded.kind = TimelineEntry::Kind::Retry;
    recorded.message = QStringLiteral("waiting before attempt 2 of 5");
    recorded.note = Typebot::TimelineNotes::key(Typebot::TimelineNotes::Note::WaitingBeforeAttempt);
    recorded.noteArgs = { QStringLiteral("2"), QStringLiteral("5") };

    Localization::install(QStringLiteral("pt_BR"));
    Typebot::JobSnapshot job;
    job.id = 1;
    job.filePath = QStringLiteral("/tmp/a.txt");
    job.timeline = { recorded };
    DetailsPane pane;
    pane.setJob(job);
    auto *timeline = pane.findChild<QTreeWidget *>();
    QVERIFY(timeline);
    QCOMPARE(timeline->topLevelItemCount(), 1);
    QVERIFY2(timeline->topLevelItem(0)->text(6).contains(
                     QStringLiteral("aguardando antes da tentativa 2 de 5")),
             qPrintable(timeline->topLevelItem(0)->text(6)));
    // A message quoted from a server has no note: it is shown as it came.
    TimelineEntry quoted;
    quoted.message = QStringLiteral("File size exceeds the 10MB limit");
    QCOMPARE(Typebot::TimelineNotes::text(quoted), quoted.message);
}

QTEST_MAIN(TestTranslatedDisplay)
#include "testtranslateddisplay.moc"
