// SPDX-License-Identifier: GPL-3.0-or-later
#include "dropzone.h"
#include "incomingfiles.h"
#include "rawfiles.h"
#include "system/nativepath.h"

#include <QDragEnterEvent>
#include <QMimeData>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// The empty-state drop target: takes local files and folders, refuses everything else
// with a reason a user can act on.
class TestDropZone : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void acceptsLocalFilesAndFolders();
    void rejectsWithReason_data();
    void rejectsWithReason();
    void pastedImageDataIsTaken();
    void namesInAnyEncodingAreTakenWhole();

private:
    QTemporaryDir m_dir;
    QString m_file;
};

void TestDropZone::init()
{
    QVERIFY(m_dir.isValid());
    m_file = m_dir.filePath(QStringLiteral("photo.jpg"));
    QFile file(m_file);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("jpeg");
}

void TestDropZone::acceptsLocalFilesAndFolders()
{
    DropZone zone;
    zone.resize(600, 400);
    QSignalSpy dropped(&zone, &DropZone::pathsDropped);
    QMimeData data;
    data.setUrls({ QUrl::fromLocalFile(m_file), QUrl::fromLocalFile(m_dir.path()) });

    QDragEnterEvent enter(QPoint(100, 100), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&zone, &enter);
    QVERIFY(enter.isAccepted());
    QCOMPARE(zone.highlight(), DropZone::Highlight::Accepting);

    QDropEvent drop(QPointF(100, 100), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&zone, &drop);
    QVERIFY(drop.isAccepted());
    QCOMPARE(dropped.count(), 1);
    QCOMPARE(dropped.at(0).at(0).toStringList(), QStringList({ m_file, m_dir.path() }));
    QCOMPARE(zone.highlight(), DropZone::Highlight::None);
    QVERIFY(zone.rejectionText().isEmpty());
}

void TestDropZone::rejectsWithReason_data()
{
    QTest::addColumn<QList<QUrl>>("urls");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reasonContains");

    QTest::newRow("a web address")
            << QList<QUrl>{ QUrl(QStringLiteral("https://example.com/a.png")) } << QString()
            << QStringLiteral("web address");
    QTest::newRow("a local file mixed with a web address")
            << QList<QUrl>{ QUrl::fromLocalFile(QStringLiteral("/etc/hostname")),
                            QUrl(QStringLiteral("http://example.com/b.png")) }
            << QString() << QStringLiteral("web address");
    QTest::newRow("an ftp link") << QList<QUrl>{ QUrl(QStringLiteral("ftp://example.com/c.zip")) }
                                 << QString() << QStringLiteral("not a file on this computer");
    QTest::newRow("a file that is gone")
            << QList<QUrl>{ QUrl::fromLocalFile(QStringLiteral("/nonexistent/gone.txt")) }
            << QString() << QStringLiteral("does not exist");
    QTest::newRow("plain text") << QList<QUrl>{} << QStringLiteral("hello")
                                << QStringLiteral("text");
}

void TestDropZone::rejectsWithReason()
{
    QFETCH(QList<QUrl>, urls);
    QFETCH(QString, text);
    QFETCH(QString, reasonContains);

    DropZone zone;
    zone.resize(600, 400);
    QSignalSpy dropped(&zone, &DropZone::pathsDropped);
    QMimeData data;
    if (!urls.isEmpty())
        data.setUrls(urls);
    if (!text.isEmpty())
        data.setText(text);

    QDragEnterEvent enter(QPoint(100, 100), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&zone, &enter);
    QVERIFY(!enter.isAccepted());
    QCOMPARE(zone.highlight(), DropZone::Highlight::Rejecting);
    QVERIFY2(zone.rejectionText().contains(reasonContains), qPrintable(zone.rejectionText()));

    // A platform that delivers the drop anyway gets the same answer.
    QDropEvent drop(QPointF(100, 100), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&zone, &drop);
    QVERIFY(!drop.isAccepted());
    QCOMPARE(dropped.count(), 0);
}

void TestDropZone::pastedImageDataIsTaken()
{
    QMimeData data;
    QImage image(8, 8, QImage::Format_RGB32);
    image.fill(Qt::red);
    data.setImageData(image);
    const IncomingFiles pasted = IncomingFiles::fromMimeData(&data, true);
    QVERIFY(pasted.isAcceptable());
    QCOMPARE(pasted.image.size(), QSize(8, 8));
    const IncomingFiles dropped = IncomingFiles::fromMimeData(&data, false);
    QVERIFY(!dropped.isAcceptable());
    QVERIFY(dropped.rejection.contains(QStringLiteral("image data")));
}

void TestDropZone::namesInAnyEncodingAreTakenWhole()
{
    // File managers percent-escape each byte of a name that is not UTF-8; QUrl alone would
    // turn "caf%E9.txt" into a name no file has.
    const QByteArray bytes = QFile::encodeName(m_dir.path()) + "/caf\xe9 \xff.txt";
    QVERIFY(RawFiles::write(bytes, "Latin-1"));
    QMimeData data;
    data.setData(QStringLiteral("text/uri-list"),
                 "file://" + bytes.toPercentEncoding("/") + "\r\n");
    const IncomingFiles dropped = IncomingFiles::fromMimeData(&data, false);
    QVERIFY2(dropped.isAcceptable(), qPrintable(dropped.rejection));
    QCOMPARE(dropped.paths.size(), 1);
    QCOMPARE(Typebot::NativePath::toNative(dropped.paths.first()), bytes);
    QVERIFY(RawFiles::removeTree(bytes));

    // Gone: the reason names it readably.
    const IncomingFiles gone = IncomingFiles::fromMimeData(&data, false);
    QVERIFY(!gone.isAcceptable());
    QVERIFY2(gone.rejection.contains(QStringLiteral("caf\u00e9 \u00ff.txt does not exist")),
             qPrintable(gone.rejection));
}

QTEST_MAIN(TestDropZone)
#include "testdropzone.moc"
