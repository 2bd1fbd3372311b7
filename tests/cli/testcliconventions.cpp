// SPDX-License-Identifier: GPL-3.0-or-later
// typebot-upload's command-line conventions, as a packager and a shell user expect them:
// file lists on standard input (- and --files-from, NUL-separated with -0), errors that
// point to the fix, --help-all, --version, a manual page and completions that list the
// same options as --help, and the data folder shared with the desktop app.

#include "storage/datapaths.h"
#include "storage/jobdatabase.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

QStringList donePaths(const QByteArray &out)
{
    QStringList paths;
    for (const QByteArray &line : out.split('\n')) {
        const QJsonObject event = QJsonDocument::fromJson(line).object();
        if (event.value(QStringLiteral("event")).toString() == u"done")
            paths << event.value(QStringLiteral("path")).toString();
    }
    paths.sort();
    return paths;
}

QString readSource(const QString &relativePath)
{
    QFile file(QStringLiteral(TBU_SOURCE_DIR "/") + relativePath);
    if (!file.open(QIODevice::ReadOnly))
        return QString();
    return QString::fromUtf8(file.readAll());
}

// Every -x and --long-name in `text` that stands at the start or after a space, a comma,
// a quote, a brace, a parenthesis or zsh's repeatable-option star.
QStringList optionTokens(const QString &text)
{
    static const QRegularExpression token(
            QStringLiteral("(?:^|[\\s,'\"{()*])(--?[A-Za-z0-9][A-Za-z0-9-]*)"));
    QStringList tokens;
    auto it = token.globalMatch(text);
    while (it.hasNext())
        tokens << it.next().captured(1);
    return tokens;
}

QStringList sortedUnique(QStringList list)
{
    list.removeDuplicates();
    list.sort();
    return list;
}

// Empty when `listed` (from a manual page or a completion) names exactly the options of
// --help; else what is missing and what is extra.
QString optionListDifference(const QStringList &listed, const QStringList &help)
{
    QStringList missing;
    QStringList extra;
    for (const QString &option : help) {
        if (!listed.contains(option))
            missing << option;
    }
    for (const QString &option : listed) {
        if (!help.contains(option))
            extra << option;
    }
    if (missing.isEmpty() && extra.isEmpty())
        return QString();
    return QStringLiteral("missing: %1; not in --help: %2")
            .arg(missing.join(u' '), extra.join(u' '));
}

} // namespace

class TestCliConventions final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void filesFromReadsOnePathPerLine();
    void dashReadsTheListFromStandardInput();
    void nulSeparatedListPassesAnyName();
    void badFileListsAreUsageErrors_data();
    void badFileListsAreUsageErrors();
    void helpAllShowsHelpAndUploadsNothing();
    void errorsPointToTheFix_data();
    void errorsPointToTheFix();
    void versionNamesQtAndLibcurl();
    void helpManualAndCompletionsAgree();
    void sharedDataFolderFeedsTheAppsHistory();
    void oldDataFoldersMoveOnce();

private:
    QString writeFile(const QString &name, const QByteArray &data = "data");
    Run run(const QStringList &args, const QByteArray &input = QByteArray());
    QStringList helpOptions();

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCliConventions::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    for (const char *folder : { "home", "data", "config", "work" })
        QVERIFY(QDir(m_dir->path()).mkpath(QString::fromLatin1(folder)));
}

void TestCliConventions::cleanup()
{
    m_dir.reset();
}

QString TestCliConventions::writeFile(const QString &name, const QByteArray &data)
{
    QString path = m_dir->filePath(QStringLiteral("work/") + name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QString();
    file.write(data);
    return path;
}

Run TestCliConventions::run(const QStringList &args, const QByteArray &input)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), m_dir->filePath(QStringLiteral("home")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir->filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir->filePath(QStringLiteral("config")));
    for (const char *name : { "TYPEBOT_API", "TYPEBOT_SESSION", "TYPEBOT_BLOCK", "TYPEBOT_TOKEN",
                              "TYPEBOT_UPLOAD_DATA_DIR" })
        env.remove(QString::fromLatin1(name));
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(m_dir->filePath(QStringLiteral("work")));
    process.start(QStringLiteral(TYPEBOT_UPLOAD_BIN), args);
    Run result;
    if (!process.waitForStarted(10000))
        return result;
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

void TestCliConventions::filesFromReadsOnePathPerLine()
{
    const QString a = writeFile(QStringLiteral("a.txt"));
    const QString b = writeFile(QStringLiteral("b c.txt"));
    // Relative to the current folder, empty lines skipped, a Windows line end tolerated.
    writeFile(QStringLiteral("list.txt"), "a.txt\n\nb c.txt\r\n");
    const Run r = run({ QStringLiteral("--sandbox"), QStringLiteral("--json"),
                        QStringLiteral("--files-from"), QStringLiteral("list.txt") });
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(donePaths(r.out), (QStringList{ a, b }));
}

void TestCliConventions::dashReadsTheListFromStandardInput()
{
    const QString a = writeFile(QStringLiteral("a.txt"));
    const QString b = writeFile(QStringLiteral("b.txt"));
    const QString c = writeFile(QStringLiteral("c.txt"));
    // "-" among paths: the list joins the paths given as arguments.
    const Run r = run({ QStringLiteral("--sandbox"), QStringLiteral("--json"),
                        QStringLiteral("c.txt"), QStringLiteral("-") },
                      "a.txt\n" + QFile::encodeName(b) + '\n');
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(donePaths(r.out), (QStringList{ a, b, c }));
}

void TestCliConventions::nulSeparatedListPassesAnyName()
{
    // find -print0 output: a name with a newline in it stays one name.
    const QString odd = writeFile(QStringLiteral("new\nline.txt"));
    const QString plain = writeFile(QStringLiteral("plain.txt"));
    QVERIFY(!odd.isEmpty());
    QByteArray list = "./new\nline.txt";
    list += '\0';
    list += "./plain.txt";
    list += '\0';
    const Run r = run({ QStringLiteral("--sandbox"), QStringLiteral("--json"), QStringLiteral("-0"),
                        QStringLiteral("--files-from"), QStringLiteral("-") },
                      list);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(donePaths(r.out), (QStringList{ odd, plain }));
}

void TestCliConventions::badFileListsAreUsageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("message");
    QTest::newRow("a list file that does not exist")
            << QStringList{ QStringLiteral("--files-from"), QStringLiteral("missing.txt") }
            << QByteArray() << QStringLiteral("cannot read the file list missing.txt");
    QTest::newRow("an empty list on standard input")
            << QStringList{ QStringLiteral("-") } << QByteArray("\n\n")
            << QStringLiteral("the file list standard input names no files");
    QTest::newRow("standard input asked for twice")
            << QStringList{ QStringLiteral("-"), QStringLiteral("--files-from"),
                            QStringLiteral("-") }
            << QByteArray("a.txt\n") << QStringLiteral("- was given twice");
    QTest::newRow("-0 without a list")
            << QStringList{ QStringLiteral("-0"), QStringLiteral("a.txt") } << QByteArray()
            << QStringLiteral("-0 is for file lists");
}

void TestCliConventions::badFileListsAreUsageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, input);
    QFETCH(QString, message);
    writeFile(QStringLiteral("a.txt"));
    const Run r = run(QStringList{ QStringLiteral("--sandbox") } + args, input);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
    QVERIFY2(!r.out.contains("stored  "), r.out.constData());
}

void TestCliConventions::helpAllShowsHelpAndUploadsNothing()
{
    writeFile(QStringLiteral("a.txt"));
    const Run r = run(
            { QStringLiteral("--help-all"), QStringLiteral("--sandbox"), QStringLiteral("a.txt") });
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("Usage:") && r.out.contains("--files-from"), r.out.constData());
    QVERIFY2(!r.out.contains("stored  a.txt"), r.out.constData());
}

void TestCliConventions::errorsPointToTheFix_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("hint");
    QTest::newRow("an unknown option points to --help")
            << QStringList{ QStringLiteral("--bogus"), QStringLiteral("a.txt") }
            << QStringLiteral("Unknown option 'bogus' (see --help)");
    QTest::newRow("the viewer's address asks for /api")
            << QStringList{ QStringLiteral("--api"), QStringLiteral("https://bots.example.com"),
                            QStringLiteral("--session"), QStringLiteral("s"),
                            QStringLiteral("a.txt") }
            << QStringLiteral("did you mean https://bots.example.com/api?");
    QTest::newRow("plain http to another host names the option")
            << QStringList{ QStringLiteral("--api"), QStringLiteral("http://example.com/api"),
                            QStringLiteral("--session"), QStringLiteral("s"),
                            QStringLiteral("a.txt") }
            << QStringLiteral("with --allow-insecure-http.");
    QTest::newRow("plain http names the option with --bot too")
            << QStringList{ QStringLiteral("--bot"), QStringLiteral("http://example.com/claims"),
                            QStringLiteral("a.txt") }
            << QStringLiteral("with --allow-insecure-http.");
}

void TestCliConventions::errorsPointToTheFix()
{
    QFETCH(QStringList, args);
    QFETCH(QString, hint);
    writeFile(QStringLiteral("a.txt"));
    const Run r = run(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(QString::fromUtf8(r.err).contains(hint), r.err.constData());
}

void TestCliConventions::versionNamesQtAndLibcurl()
{
    const Run r = run({ QStringLiteral("--version") });
    QCOMPARE(r.exitCode, 0);
    const QStringList lines = QString::fromUtf8(r.out).split(u'\n', Qt::SkipEmptyParts);
    QVERIFY2(lines.size() >= 3, r.out.constData());
    QCOMPARE(lines.at(0), QStringLiteral("typebot-upload " TBU_VERSION));
    QVERIFY2(lines.at(1).startsWith(QStringLiteral("Qt ") + QString::fromLatin1(qVersion())),
             r.out.constData());
    QVERIFY2(lines.at(2).startsWith(u"libcurl "), r.out.constData());
}

QStringList TestCliConventions::helpOptions()
{
    const Run r = run({ QStringLiteral("--help") });
    if (r.exitCode != 0)
        return {};
    // The option column of each line of the Options: section ("  -j, --concurrency <n>").
    QStringList options;
    bool inOptions = false;
    for (const QString &line : QString::fromUtf8(r.out).split(u'\n')) {
        if (line.startsWith(u"Options:") || line.startsWith(u"Arguments:")) {
            inOptions = line.startsWith(u"Options:");
            continue;
        }
        if (inOptions && line.startsWith(u"  -"))
            options << optionTokens(line.trimmed().section(QStringLiteral("  "), 0, 0));
    }
    return sortedUnique(options);
}

void TestCliConventions::helpManualAndCompletionsAgree()
{
    const QStringList help = helpOptions();
    QVERIFY(help.contains(QStringLiteral("--files-from")) && help.contains(QStringLiteral("-0")));

    // The manual: the tag line of each .TP entry under OPTIONS.
    const QString manual = readSource(QStringLiteral("resources/man/typebot-upload.1"));
    QVERIFY(!manual.isEmpty());
    QStringList manOptions;
    const QString optionsSection = manual.section(QStringLiteral("\n.SH OPTIONS\n"), 1)
                                           .section(QStringLiteral("\n.SH "), 0, 0);
    const QStringList manLines = optionsSection.split(u'\n');
    for (qsizetype i = 0; i + 1 < manLines.size(); ++i) {
        if (manLines.at(i) == u".TP") {
            QString tag = manLines.at(i + 1).section(u' ', 1); // drop the .B/.BI/.BR macro
            manOptions << optionTokens(tag.replace(QStringLiteral("\\-"), QStringLiteral("-")));
        }
    }
    const QString manProblem = optionListDifference(manOptions, help);
    QVERIFY2(manProblem.isEmpty(), qPrintable(QStringLiteral("the manual: ") + manProblem));

    // bash: the words offered for "-".
    const QString bash = readSource(QStringLiteral("resources/completions/typebot-upload.bash"));
    const QString bashWords = bash.section(QStringLiteral("local opts=\""), 1).section(u'"', 0, 0);
    const QString bashProblem = optionListDifference(
            bashWords.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts), help);
    QVERIFY2(bashProblem.isEmpty(), qPrintable(QStringLiteral("bash: ") + bashProblem));

    // zsh: the option specs of _arguments, without their [descriptions].
    QString zsh = readSource(QStringLiteral("resources/completions/_typebot-upload"));
    zsh = zsh.section(QStringLiteral("_arguments"), 1).section(u'\n', 1); // not its own flags
    zsh.remove(QRegularExpression(QStringLiteral("\\[[^\\]]*\\]")));
    QStringList zshOptions;
    for (const QString &line : zsh.split(u'\n'))
        zshOptions << optionTokens(line.section(u':', 0, 0));
    const QString zshProblem = optionListDifference(zshOptions, help);
    QVERIFY2(zshProblem.isEmpty(), qPrintable(QStringLiteral("zsh: ") + zshProblem));

    // fish: -s X and -l NAME of each complete line.
    const QString fish = readSource(QStringLiteral("resources/completions/typebot-upload.fish"));
    QStringList fishOptions;
    static const QRegularExpression fishOption(QStringLiteral("\\s-([sl]) (\\S+)"));
    auto it = fishOption.globalMatch(fish);
    while (it.hasNext()) {
        const auto match = it.next();
        fishOptions << (match.captured(1) == u"s" ? QStringLiteral("-") : QStringLiteral("--"))
                        + match.captured(2);
    }
    const QString fishProblem = optionListDifference(fishOptions, help);
    QVERIFY2(fishProblem.isEmpty(), qPrintable(QStringLiteral("fish: ") + fishProblem));
}

void TestCliConventions::sharedDataFolderFeedsTheAppsHistory()
{
    // No --data-dir: the command line writes into the folder the app reads.
    const QString file = writeFile(QStringLiteral("shared.txt"));
    const Run r = run({ QStringLiteral("--sandbox"), file });
    QCOMPARE(r.exitCode, 0);
    const QString folder = m_dir->filePath(QStringLiteral("data/typebot-uploader"));
    const QString cliDatabase = QDir(folder).filePath(Typebot::DataPaths::cliDatabaseName());
    const QString appDatabase = QDir(folder).filePath(Typebot::DataPaths::appDatabaseName());
    QVERIFY2(QFileInfo::exists(cliDatabase), qPrintable(cliDatabase));

    {
        Typebot::JobDatabase app; // as the app creates its file on first start
        QVERIFY(app.open(appDatabase));
    }
    QString error;
    QCOMPARE(Typebot::DataPaths::importHistory(cliDatabase, appDatabase, &error), 1);
    QCOMPARE(Typebot::DataPaths::importHistory(cliDatabase, appDatabase, &error), 0);
    Typebot::JobDatabase app;
    QVERIFY(app.open(appDatabase));
    const QList<Typebot::HistoryEntry> history = app.history();
    QCOMPARE(history.size(), 1);
    QCOMPARE(history.constFirst().name, QStringLiteral("shared.txt"));
    QCOMPARE(history.constFirst().path, file);
    QVERIFY(history.constFirst().fileUrl.startsWith(u"http"));

    // Removed in the app, it stays removed, and a later upload still comes over.
    QVERIFY(app.removeHistory({ history.constFirst().id }));
    const Run again = run({ QStringLiteral("--sandbox"), file });
    QCOMPARE(again.exitCode, 0);
    QCOMPARE(Typebot::DataPaths::importHistory(cliDatabase, appDatabase, &error), 1);
    QCOMPARE(app.history().size(), 1);
}

void TestCliConventions::oldDataFoldersMoveOnce()
{
    const QDir data(m_dir->filePath(QStringLiteral("data")));
    QVERIFY(data.mkpath(QStringLiteral("typebot-upload")));
    QVERIFY(data.mkpath(QStringLiteral("Typebot/Typebot Uploader")));
    auto put = [&](const QString &relative, const QByteArray &bytes) {
        QFile out(data.filePath(relative));
        return out.open(QIODevice::WriteOnly) && out.write(bytes) == bytes.size();
    };
    QVERIFY(put(QStringLiteral("typebot-upload/servers.json"), "{\"servers\":{}}"));
    QVERIFY(put(QStringLiteral("Typebot/Typebot Uploader/servers.json"), "{\"servers\":{}}"));
    QVERIFY(put(QStringLiteral("Typebot/Typebot Uploader/tokens.json"), "{}"));
    {
        Typebot::JobDatabase old; // a real database of the old app, closed
        QVERIFY(old.open(data.filePath(QStringLiteral("Typebot/Typebot Uploader/queue.sqlite"))));
    }

    const Run r = run({ QStringLiteral("--sandbox"), writeFile(QStringLiteral("a.txt")) });
    QCOMPARE(r.exitCode, 0);
    for (const char *name :
         { "servers.json", "tokens.json", "queue.sqlite", "typebot-upload.sqlite" })
        QVERIFY2(data.exists(QStringLiteral("typebot-uploader/") + QString::fromLatin1(name)),
                 name);
    QVERIFY(!data.exists(QStringLiteral("typebot-upload")));
    QVERIFY(!data.exists(QStringLiteral("Typebot")));
    Typebot::JobDatabase moved;
    QVERIFY(moved.open(data.filePath(QStringLiteral("typebot-uploader/queue.sqlite"))));
}

QTEST_GUILESS_MAIN(TestCliConventions)
#include "testcliconventions.moc"
