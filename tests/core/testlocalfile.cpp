// SPDX-License-Identifier: GPL-3.0-or-later
// Checking, opening and typing files by paths in NativePath's form: names that are not
// UTF-8 work like any other, and UTF-8 names behave as QFileInfo and QMimeDatabase say.

#include "rawfiles.h"
#include "system/localfile.h"
#include "system/nativefileinfo.h"
#include "system/nativepath.h"
#include "transfer/uploadbodyfile.h"

#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Typebot;

namespace {

const QByteArray Png = QByteArray::fromHex("89504e470d0a1a0a0000000d49484452");

} // namespace

class TestLocalFile final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void opensAndTypesAnyName_data();
    void opensAndTypesAnyName();
    void utf8NamesAreTypedAsQtTypesThem_data();
    void utf8NamesAreTypedAsQtTypesThem();
    void statMatchesQFileInfo();
    void missingFileSaysWhy();
    void pipeIsTypedWithoutOpeningIt();
    void uploadBodyReadsAnyName();

private:
    QString makeFile(const QByteArray &name, const QByteArray &content);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestLocalFile::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestLocalFile::cleanup()
{
    // QTemporaryDir cannot see the names that are not UTF-8, so it could not remove them.
    QVERIFY(RawFiles::removeTree(QFile::encodeName(m_dir->path())));
    m_dir.reset();
}

QString TestLocalFile::makeFile(const QByteArray &name, const QByteArray &content)
{
    const QByteArray bytes = QFile::encodeName(m_dir->path()) + '/' + name;
    if (!RawFiles::write(bytes, content))
        qFatal("cannot write a test file");
    return NativePath::fromNative(bytes);
}

void TestLocalFile::opensAndTypesAnyName_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("mimeType");
    QTest::newRow("Latin-1 text") << QByteArray("caf\xe9.txt") << QByteArray("menu")
                                  << QStringLiteral("text/plain");
    QTest::newRow("an image under bytes that are no encoding")
            << QByteArray("\xff\xfe\x80.png") << Png << QStringLiteral("image/png");
    QTest::newRow("an image whose name says nothing")
            << QByteArray("photo\xe9") << Png << QStringLiteral("image/png");
    QTest::newRow("empty, typed by its name")
            << QByteArray("vide\xe9.pdf") << QByteArray() << QStringLiteral("application/pdf");
}

void TestLocalFile::opensAndTypesAnyName()
{
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, content);
    QFETCH(QString, mimeType);
    const QString path = makeFile(name, content);
    QVERIFY(NativePath::hasEscapedBytes(path));
    // What Qt sees: no such file.
    QVERIFY(!QFileInfo::exists(path));

    const NativeFileInfo info(path);
    QVERIFY(info.exists());
    QVERIFY(info.isFile());
    QVERIFY(!info.isDir());
    QCOMPARE(info.size(), content.size());
    QVERIFY(info.errorString().isEmpty());

    QFile file;
    QString error;
    QVERIFY2(LocalFile::openForReading(&file, path, QIODevice::ReadOnly, &error),
             qPrintable(error));
    QCOMPARE(file.readAll(), content);
    QCOMPARE(LocalFile::mimeType(path), mimeType);
}

void TestLocalFile::utf8NamesAreTypedAsQtTypesThem_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("text") << QByteArray("notes.txt") << QByteArray("plain words");
    QTest::newRow("an image named as text") << QByteArray("image.txt") << Png;
    QTest::newRow("an image without extension") << QByteArray("\xc3\xa9t\xc3\xa9") << Png;
    QTest::newRow("an unknown extension") << QByteArray("data.zzq") << QByteArray("\x01\x02");
    QTest::newRow("a tarball") << QByteArray("a.tar.gz") << QByteArray("\x1f\x8b\x08\x00");
}

void TestLocalFile::utf8NamesAreTypedAsQtTypesThem()
{
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, content);
    const QString path = makeFile(name, content);
    QCOMPARE(LocalFile::mimeType(path), QMimeDatabase().mimeTypeForFile(path).name());
}

void TestLocalFile::statMatchesQFileInfo()
{
    const QString file = makeFile("same.bin", QByteArray(1234, 'x'));
    const QFileInfo qt(file);
    const NativeFileInfo ours(file);
    QCOMPARE(ours.size(), qt.size());
    QCOMPARE(ours.lastModified(), qt.lastModified());
    const NativeFileInfo folder(m_dir->path());
    QVERIFY(folder.exists() && folder.isDir() && !folder.isFile());
}

void TestLocalFile::missingFileSaysWhy()
{
    const QString path =
            NativePath::fromNative(QByteArray(QFile::encodeName(m_dir->path()) + "/gone\xe9"));
    const NativeFileInfo info(path);
    QVERIFY(!info.exists());
    QCOMPARE(info.size(), -1);
    QCOMPARE(info.errorString(), QStringLiteral("No such file or directory"));
    QFile file;
    QString error;
    QVERIFY(!LocalFile::openForReading(&file, path, QIODevice::ReadOnly, &error));
    QVERIFY(!file.isOpen());
    QCOMPARE(error, QStringLiteral("No such file or directory"));
}

void TestLocalFile::pipeIsTypedWithoutOpeningIt()
{
    // Opening a pipe for reading waits for a writer: typing one must not hang.
    const QByteArray bytes = QFile::encodeName(m_dir->path()) + "/pipe";
    QVERIFY(::mkfifo(bytes.constData(), 0600) == 0);
    QCOMPARE(LocalFile::mimeType(NativePath::fromNative(bytes)), QStringLiteral("inode/fifo"));
    const QByteArray odd = QFile::encodeName(m_dir->path()) + "/pipe\xe9";
    QVERIFY(::mkfifo(odd.constData(), 0600) == 0);
    QVERIFY(!LocalFile::mimeType(NativePath::fromNative(odd)).isEmpty());
}

void TestLocalFile::uploadBodyReadsAnyName()
{
    const QByteArray content = "the body of a file named in Latin-1";
    const QString path = makeFile("r\xe9sum\xe9.txt", content);
    UploadBodyFile body(path, content.size() - 4);
    QVERIFY2(body.open(QIODevice::ReadOnly | QIODevice::Unbuffered),
             qPrintable(body.errorString()));
    QVERIFY(!body.isSequential()); // QNAM streams only a seekable body
    QCOMPARE(body.size(), content.size() - 4);
    QCOMPARE(body.readAll(), content.left(content.size() - 4));
    QVERIFY(body.seek(0));
    QCOMPARE(body.rewinds(), 1);
    QCOMPARE(body.read(3), content.left(3));

    UploadBodyFile missing(path + u'x', 10);
    QVERIFY(!missing.open(QIODevice::ReadOnly));
    QCOMPARE(missing.errorString(), QStringLiteral("No such file or directory"));
}

QTEST_GUILESS_MAIN(TestLocalFile)
#include "testlocalfile.moc"
