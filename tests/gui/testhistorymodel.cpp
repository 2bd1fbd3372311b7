// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/uploadservice.h"
#include "historydialog.h"
#include "historymodel.h"
#include "storage/jobdatabase.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using Typebot::HistoryEntry;
using Typebot::JobSnapshot;
using Typebot::JobState;

// The history table: the model's contract, and the view against a real journal in the
// engine thread (search, copy, delete, CSV export, refresh on change).
class TestHistoryModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void modelShowsEntries();
    void modelResetsCleanly();
    void viewLoadsAndSearches();
    void exportWritesShownEntriesAsCsv();
    void deleteForgetsEntriesAndRefreshes();
    void copyTakesSelectedLinks();

private:
    // A journal holding three stored files; returns its path.
    QString seedJournal();
    static HistoryEntry entry(quint64 id, const QString &name, const QString &url);

    QTemporaryDir m_config;
    std::unique_ptr<QTemporaryDir> m_data;
};

void TestHistoryModel::initTestCase()
{
    QVERIFY(m_config.isValid());
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_config.path());
    QCoreApplication::setOrganizationName(QStringLiteral("TypebotUploaderTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_historymodel"));
}

void TestHistoryModel::init()
{
    m_data = std::make_unique<QTemporaryDir>();
    QVERIFY(m_data->isValid());
}

HistoryEntry TestHistoryModel::entry(quint64 id, const QString &name, const QString &url)
{
    HistoryEntry e;
    e.id = id;
    e.jobId = id;
    e.name = name;
    e.path = QStringLiteral("/home/ana/") + name;
    e.size = qint64(id) * 1000;
    e.profile = QStringLiteral("Production");
    e.sessionId = QStringLiteral("session-1");
    e.fileUrl = url;
    e.storedAt = QDateTime(QDate(2024, 5, int(id)), QTime(12, 0), Qt::UTC);
    return e;
}

QString TestHistoryModel::seedJournal()
{
    const QString path = m_data->filePath(QStringLiteral("queue.sqlite"));
    Typebot::JobDatabase db;
    if (!db.open(path))
        return QString();
    const QStringList names = { QStringLiteral("report.pdf"), QStringLiteral("photo, big.jpg"),
                                QStringLiteral("notes.txt") };
    QList<Typebot::JobJournal::QueuedFile> files;
    for (const QString &name : names)
        files.append({ QStringLiteral("/home/ana/") + name, 100 });
    const QList<quint64> ids =
            db.recordQueued(files, QStringLiteral("Production"), QStringLiteral("session-1"));
    if (ids.size() != names.size())
        return QString();
    for (qsizetype i = 0; i < ids.size(); ++i) {
        JobSnapshot job;
        job.id = ids.at(i);
        job.displayName = names.at(i);
        job.size = 100;
        job.state = JobState::Value::Done;
        job.fileUrl = QStringLiteral("https://s3.example.com/bucket/") + names.at(i);
        db.recordState(job);
    }
    return path;
}

void TestHistoryModel::modelShowsEntries()
{
    HistoryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), int(HistoryModel::ColumnCount));

    model.setEntries({ entry(1, QStringLiteral("a.txt"), QStringLiteral("https://h/a.txt")),
                       entry(2, QStringLiteral("b.png"), QStringLiteral("https://h/b.png")) });
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.data(model.index(1, HistoryModel::NameColumn)).toString(),
             QStringLiteral("b.png"));
    QCOMPARE(model.data(model.index(0, HistoryModel::LinkColumn)).toString(),
             QStringLiteral("https://h/a.txt"));
    QCOMPARE(model.data(model.index(0, HistoryModel::ProfileColumn)).toString(),
             QStringLiteral("Production"));
    QCOMPARE(model.data(model.index(0, HistoryModel::SessionColumn)).toString(),
             QStringLiteral("session-1"));
    QVERIFY(!model.data(model.index(0, HistoryModel::SizeColumn)).toString().isEmpty());
    QVERIFY(!model.data(model.index(0, HistoryModel::TimeColumn)).toString().isEmpty());
    QCOMPARE(model.data(model.index(1, 0), HistoryModel::IdRole).toULongLong(), quint64(2));
    QCOMPARE(model.data(model.index(1, 3), HistoryModel::UrlRole).toString(),
             QStringLiteral("https://h/b.png"));
    QCOMPARE(model.data(model.index(1, HistoryModel::SizeColumn), HistoryModel::SortRole)
                     .toLongLong(),
             qint64(2000));
    QCOMPARE(model.headerData(HistoryModel::LinkColumn, Qt::Horizontal).toString(),
             QStringLiteral("Link"));
    QCOMPARE(model.entryAt(5).id, quint64(0));
}

void TestHistoryModel::modelResetsCleanly()
{
    HistoryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setEntries({ entry(1, QStringLiteral("a"), QString()),
                       entry(2, QStringLiteral("b"), QString()),
                       entry(3, QStringLiteral("c"), QString()) });
    model.setEntries({ entry(3, QStringLiteral("c"), QString()) });
    model.setEntries({});
    QCOMPARE(reset.count(), 3);
    QCOMPARE(model.rowCount(), 0);
}

void TestHistoryModel::viewLoadsAndSearches()
{
    const QString path = seedJournal();
    QVERIFY(!path.isEmpty());
    Typebot::UploadService service;
    QSignalSpy opened(&service, &Typebot::UploadService::journalOpened);
    service.openJournal(path);
    QVERIFY(opened.wait(5000));
    QVERIFY(opened.constFirst().at(0).toBool());

    HistoryDialog dialog(&service);
    QAbstractItemModelTester tester(dialog.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    dialog.show();
    QTRY_COMPARE(dialog.model()->rowCount(), 3);
    QCOMPARE(dialog.model()->entryAt(0).profile, QStringLiteral("Production"));

    // Typing is debounced: one request after the last key, not one per key.
    QSignalSpy loaded(&service, &Typebot::UploadService::historyLoaded);
    QTest::keyClicks(dialog.searchEdit(), QStringLiteral("photo"));
    QTRY_COMPARE(dialog.model()->rowCount(), 1);
    QCOMPARE(loaded.count(), 1);
    QCOMPARE(dialog.model()->entryAt(0).name, QStringLiteral("photo, big.jpg"));

    dialog.searchEdit()->clear();
    QTRY_COMPARE(dialog.model()->rowCount(), 3);
}

void TestHistoryModel::exportWritesShownEntriesAsCsv()
{
    const QString path = seedJournal();
    QVERIFY(!path.isEmpty());
    Typebot::UploadService service;
    service.openJournal(path);
    HistoryDialog dialog(&service);
    dialog.show();
    QTRY_COMPARE(dialog.model()->rowCount(), 3);

    const QString csvPath = m_data->filePath(QStringLiteral("export.csv"));
    QString error;
    QVERIFY2(dialog.exportCsvTo(csvPath, &error), qPrintable(error));
    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QByteArray content = csv.readAll();
    QCOMPARE(content, HistoryEntry::toCsv(dialog.model()->entries()));
    const QList<QByteArray> lines = content.split('\n');
    QCOMPARE(lines.size(), 5); // header, three rows, the empty rest after the last CRLF
    QCOMPARE(lines.at(0), QByteArray("stored_at,name,size,profile,session,file_url,path\r"));
    QVERIFY2(content.contains("\"photo, big.jpg\",100,Production,session-1,"
                              "\"https://s3.example.com/bucket/photo, big.jpg\""),
             content.constData());

    // Only what the search shows.
    QTest::keyClicks(dialog.searchEdit(), QStringLiteral("notes"));
    QTRY_COMPARE(dialog.model()->rowCount(), 1);
    QVERIFY(dialog.exportCsvTo(csvPath, &error));
    csv.close();
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QByteArray filtered = csv.readAll();
    QCOMPARE(filtered.count('\n'), 2);
    QVERIFY(filtered.contains("notes.txt"));

    QVERIFY(!dialog.exportCsvTo(m_data->filePath(QStringLiteral("no/such/dir/x.csv")), &error));
    QVERIFY(!error.isEmpty());
}

void TestHistoryModel::deleteForgetsEntriesAndRefreshes()
{
    const QString path = seedJournal();
    QVERIFY(!path.isEmpty());
    Typebot::UploadService service;
    service.openJournal(path);
    HistoryDialog dialog(&service);
    dialog.show();
    QTRY_COMPARE(dialog.model()->rowCount(), 3);
    const quint64 id = dialog.model()->entryAt(1).id;
    QSignalSpy changed(&service, &Typebot::UploadService::historyChanged);
    dialog.removeEntries({ id });
    QVERIFY(changed.wait(5000));
    QTRY_COMPARE(dialog.model()->rowCount(), 2);
    for (const HistoryEntry &e : dialog.model()->entries())
        QVERIFY(e.id != id);
}

void TestHistoryModel::copyTakesSelectedLinks()
{
    const QString path = seedJournal();
    QVERIFY(!path.isEmpty());
    Typebot::UploadService service;
    service.openJournal(path);
    HistoryDialog dialog(&service);
    dialog.show();
    QTRY_COMPARE(dialog.model()->rowCount(), 3);
    dialog.view()->selectAll();
    QCOMPARE(dialog.selectedEntries().size(), 3);
    dialog.copyLinks();
    const QStringList links = QApplication::clipboard()->text().split(u'\n');
    QCOMPARE(links.size(), 3);
    for (const QString &link : links)
        QVERIFY2(link.startsWith(QStringLiteral("https://s3.example.com/bucket/")),
                 qPrintable(link));
}

QTEST_MAIN(TestHistoryModel)
#include "testhistorymodel.moc"
