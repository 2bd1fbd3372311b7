// SPDX-License-Identifier: GPL-3.0-or-later
// The folder scanner over names in any byte encoding: each is a file to upload, found by
// its exact bytes, and nothing is dropped.

#include "engine/folderscanner.h"
#include "rawfiles.h"
#include "system/nativepath.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

#include <sys/stat.h>
#include <unistd.h>

using namespace Typebot;

class TestFolderScanner final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void namesInAnyEncodingAreFiles_data();
    void namesInAnyEncodingAreFiles();
    void everyEntryIsReportedInOrder();
};

void TestFolderScanner::namesInAnyEncodingAreFiles_data()
{
    QTest::addColumn<QByteArray>("folder");
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QString>("readable");
    QTest::newRow("Latin-1") << QByteArray() << QByteArray("caf\xe9.txt")
                             << QStringLiteral("café.txt");
    QTest::newRow("bytes that are no encoding")
            << QByteArray() << QByteArray("bad\xff\xfe\x80name.bin")
            << QStringLiteral("badÿþ€name.bin");
    QTest::newRow("an encoded surrogate")
            << QByteArray() << QByteArray("\xed\xb3\xa9.txt") << QStringLiteral("í³©.txt");
    QTest::newRow("UTF-8, in a folder that is not")
            << QByteArray("r\xe9sum\xe9s") << QByteArray("cv \xc3\xa9t\xc3\xa9.pdf")
            << QStringLiteral("cv été.pdf");
}

void TestFolderScanner::namesInAnyEncodingAreFiles()
{
    QFETCH(QByteArray, folder);
    QFETCH(QByteArray, name);
    QFETCH(QString, readable);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QByteArray parent = QFile::encodeName(dir.path());
    if (!folder.isEmpty()) {
        parent += '/' + folder;
        QVERIFY(::mkdir(parent.constData(), 0755) == 0);
    }
    const QByteArray bytes = parent + '/' + name;
    const QByteArray content = "content of " + name;
    QVERIFY(RawFiles::write(bytes, content));

    const QList<FolderScanner::Found> found = FolderScanner::scan(dir.path());
    QCOMPARE(found.size(), 1);
    QVERIFY2(found.first().isFile(), qPrintable(found.first().problem));
    // The path names the very file: same bytes, same content.
    QCOMPARE(NativePath::toNative(found.first().path), bytes);
    QCOMPARE(RawFiles::read(NativePath::toNative(found.first().path)), content);
    QCOMPARE(NativePath::displayName(found.first().path), readable);
    QVERIFY(RawFiles::removeTree(QFile::encodeName(dir.path())));
}

void TestFolderScanner::everyEntryIsReportedInOrder()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QByteArray root = QFile::encodeName(dir.path());
    QVERIFY(RawFiles::write(root + "/a.txt", "a"));
    QVERIFY(RawFiles::write(root + "/b\xe9.txt", "b"));
    QVERIFY(::mkdir(QByteArray(root + "/sub").constData(), 0755) == 0);
    QVERIFY(RawFiles::write(root + "/sub/\xff.txt", "c"));
    // A link to a folder, itself with a name that is not UTF-8: reported, readably.
    QVERIFY(::symlink(QByteArray(root + "/sub").constData(),
                      QByteArray(root + "/link\xe9").constData())
            == 0);

    const QList<FolderScanner::Found> found = FolderScanner::scan(dir.path() + u'/');
    QStringList seen;
    for (const FolderScanner::Found &entry : found) {
        QVERIFY2(!NativePath::readable(entry.problem).contains(QChar(QChar::ReplacementCharacter)),
                 qPrintable(entry.problem));
        QCOMPARE(NativePath::readable(entry.problem), entry.problem); // already readable
        seen << NativePath::readable(entry.path).mid(dir.path().size() + 1)
                        + (entry.isFile() ? QString() : u" (" + entry.code + u')');
    }
    QCOMPARE(seen,
             (QStringList{ QStringLiteral("a.txt"), QStringLiteral("bé.txt"),
                           QStringLiteral("linké (LocalFile)"), QStringLiteral("sub/ÿ.txt") }));
    const auto link = std::find_if(found.cbegin(), found.cend(),
                                   [](const FolderScanner::Found &f) { return !f.isFile(); });
    QVERIFY(link->problem.contains(QStringLiteral("linké")));
    QVERIFY(link->problem.contains(QStringLiteral("link to a folder")));
    QVERIFY(RawFiles::removeTree(root));
}

QTEST_GUILESS_MAIN(TestFolderScanner)
#include "testfolderscanner.moc"
