// SPDX-License-Identifier: GPL-3.0-or-later
// Every colour the app paints text with, read back from the widgets themselves under a light
// and a dark palette: each must reach WCAG 2 AA contrast (4.5:1) on the background it is
// drawn on, and a tinted surface (a banner, a bubble) must stay as light or as dark as the
// window it sits in.
#include "appsettings.h"
#include "detailspane.h"
#include "dropzone.h"
#include "noticebanner.h"
#include "queuemodel.h"
#include "settingsdialog.h"
#include "themecolors.h"
#include "transcriptview.h"

#include <QApplication>
#include <QDragEnterEvent>
#include <QLabel>
#include <QMimeData>
#include <QStyle>
#include <QStyleFactory>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextTable>
#include <QTreeWidget>

#include <functional>
#include <memory>

using Typebot::JobSnapshot;
using Typebot::JobState;

namespace {

// One pair of colours to check: text as painted, and what it is painted on.
struct Sample
{
    QString what;
    QColor text;
    QColor background;
};

QPalette lightPalette()
{
    const std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
    return fusion->standardPalette();
}

// A dark theme as Breeze Dark and Adwaita-dark ship it, roughly.
QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2a, 0x2e, 0x32);
    const QColor base(0x1b, 0x1e, 0x20);
    const QColor text(0xfc, 0xfc, 0xfc);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x23, 0x26, 0x29));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x31, 0x36, 0x3b));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
    p.setColor(QPalette::HighlightedText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0xa1, 0xa9, 0xb1));
    p.setColor(QPalette::Link, QColor(0x1d, 0x99, 0xf3));
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Mid, QColor(0x4d, 0x53, 0x59));
    p.setColor(QPalette::Dark, QColor(0x14, 0x16, 0x18));
    p.setColor(QPalette::Light, QColor(0x40, 0x46, 0x4c));
    return p;
}

QColor labelText(const QLabel *label)
{
    return label->palette().color(label->foregroundRole());
}

QList<Sample> queueStatusColors()
{
    QueueModel model;
    JobSnapshot failed;
    failed.id = 1;
    failed.filePath = QStringLiteral("/tmp/a.txt");
    failed.state = JobState::Value::Failed;
    JobSnapshot stored = failed;
    stored.id = 2;
    stored.filePath = QStringLiteral("/tmp/b.txt");
    stored.state = JobState::Value::Done;
    model.addJobs({ failed, stored });
    const QPalette palette = QApplication::palette();
    QList<Sample> samples;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QColor color =
                model.index(row, QueueModel::StatusColumn).data(Qt::ForegroundRole).value<QColor>();
        if (!color.isValid())
            continue;
        const QString what = model.jobAt(row).state == JobState::Value::Failed
                ? QStringLiteral("failed status")
                : QStringLiteral("stored status");
        samples << Sample{ what + QStringLiteral(" on a row"), color,
                           palette.color(QPalette::Base) }
                << Sample{ what + QStringLiteral(" on an alternate row"), color,
                           palette.color(QPalette::AlternateBase) };
    }
    return samples;
}

QList<Sample> bannerColors(NoticeBanner::Kind kind)
{
    QWidget window;
    auto *banner = new NoticeBanner(&window);
    banner->showMessage(kind, QStringLiteral("The sandbox is running."), QStringLiteral("Set Up"));
    banner->ensurePolished();
    QList<Sample> samples;
    const QColor background = banner->palette().color(banner->backgroundRole());
    for (const QLabel *label : banner->findChildren<QLabel *>()) {
        label->ensurePolished();
        if (!label->text().isEmpty())
            samples << Sample{ QStringLiteral("banner text"), labelText(label), background };
    }
    return samples;
}

QList<Sample> dropRejectionColors()
{
    DropZone zone;
    zone.resize(600, 400);
    QMimeData data;
    data.setText(QStringLiteral("not a file"));
    QDragEnterEvent enter(QPoint(100, 100), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&zone, &enter);
    auto *label = zone.findChild<QLabel *>(QStringLiteral("dropRejection"));
    if (!label)
        return {};
    label->ensurePolished();
    return { Sample{ QStringLiteral("drop rejection"), labelText(label),
                     zone.palette().color(QPalette::Base) } };
}

QList<Sample> settingsColors()
{
    SettingsDialog dialog(AppSettings::load());
    dialog.ensurePolished();
    QList<Sample> samples;
    for (const QString &name : { QStringLiteral("nameError"), QStringLiteral("tokenFileWarning"),
                                 QStringLiteral("keychainNote") }) {
        auto *label = dialog.findChild<QLabel *>(name);
        if (!label)
            return {};
        label->ensurePolished();
        samples << Sample{ name, labelText(label),
                           label->palette().color(label->backgroundRole()) };
    }
    return samples;
}

QList<Sample> timelineColors()
{
    DetailsPane pane;
    JobSnapshot job;
    job.id = 7;
    job.filePath = QStringLiteral("/tmp/c.txt");
    job.state = JobState::Value::Failed;
    Typebot::TimelineEntry entry;
    entry.time = QDateTime::currentDateTimeUtc();
    entry.kind = Typebot::TimelineEntry::Kind::Upload;
    entry.attempt = 1;
    entry.httpStatus = 503;
    job.timeline = { entry };
    pane.setJob(job);
    auto *tree = pane.findChild<QTreeWidget *>();
    if (!tree || tree->topLevelItemCount() == 0)
        return {};
    const QColor color = tree->topLevelItem(0)->foreground(4).color();
    const QPalette palette = tree->palette();
    return { Sample{ QStringLiteral("timeline error on a row"), color,
                     palette.color(QPalette::Base) },
             Sample{ QStringLiteral("timeline error on an alternate row"), color,
                     palette.color(QPalette::AlternateBase) } };
}

// Walks the rendered document: each piece of text with its colour, on its cell's fill or
// on the view's base.
QList<Sample> transcriptColors()
{
    TranscriptView view;
    view.addEntry(TranscriptView::Role::Bot, QStringLiteral("Send a file, see https://a.example"));
    view.addEntry(TranscriptView::Role::User, QStringLiteral("report.pdf https://b.example"));
    view.addEntry(TranscriptView::Role::Notice, QStringLiteral("Chat started"));
    view.addEntry(TranscriptView::Role::Error, QStringLiteral("The bot refused the file"));
    const QColor base = view.palette().color(QPalette::Base);
    const QColor defaultText = view.palette().color(QPalette::Text);
    QList<Sample> samples;
    for (QTextBlock block = view.document()->begin(); block.isValid(); block = block.next()) {
        QColor background = base;
        QTextCursor cursor(block);
        if (QTextTable *table = cursor.currentTable()) {
            const QTextTableCell cell = table->cellAt(cursor);
            const QBrush fill = cell.format().background();
            if (fill.style() != Qt::NoBrush)
                background = fill.color();
        }
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (!fragment.isValid() || fragment.text().trimmed().isEmpty())
                continue;
            const QBrush brush = fragment.charFormat().foreground();
            const QColor color = brush.style() == Qt::NoBrush ? defaultText : brush.color();
            samples << Sample{ QStringLiteral("transcript \"%1\"").arg(fragment.text().left(20)),
                               color, background };
        }
    }
    return samples;
}

// The surfaces the app tints itself: they must follow the theme, not invert it.
QList<Sample> tintedSurfaces()
{
    QWidget window;
    auto *banner = new NoticeBanner(&window);
    banner->showMessage(NoticeBanner::Kind::Information, QStringLiteral("x"), QString());
    TranscriptView view;
    view.addEntry(TranscriptView::Role::Bot, QStringLiteral("hello"));
    QColor bubble; // the first table cell's fill
    for (QTextBlock block = view.document()->begin(); block.isValid() && !bubble.isValid();
         block = block.next()) {
        const QTextCursor cursor(block);
        if (QTextTable *table = cursor.currentTable())
            bubble = table->cellAt(cursor).format().background().color();
    }
    return { Sample{ QStringLiteral("banner"), banner->palette().color(QPalette::Window),
                     window.palette().color(QPalette::Window) },
             Sample{ QStringLiteral("bot bubble"), bubble, view.palette().color(QPalette::Base) } };
}

} // namespace

using ColorProbe = std::function<QList<Sample>()>;
Q_DECLARE_METATYPE(ColorProbe)

class TestPaletteContrast : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void textReadsOnItsBackground_data();
    void textReadsOnItsBackground();
    void tintsFollowTheTheme_data();
    void tintsFollowTheTheme();
    void contrastRatioMatchesWcag();
    void cleanup();

private:
    QPalette m_original;
};

void TestPaletteContrast::initTestCase()
{
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    m_original = QApplication::palette();
}

void TestPaletteContrast::cleanup()
{
    QApplication::setPalette(m_original);
}

void TestPaletteContrast::textReadsOnItsBackground_data()
{
    QTest::addColumn<QPalette>("palette");
    QTest::addColumn<ColorProbe>("colors");

    const QList<std::pair<const char *, ColorProbe>> widgets = {
        { "queue status", queueStatusColors },
        { "information banner", [] { return bannerColors(NoticeBanner::Kind::Information); } },
        { "warning banner", [] { return bannerColors(NoticeBanner::Kind::Warning); } },
        { "drop zone rejection", dropRejectionColors },
        { "settings errors and notes", settingsColors },
        { "details timeline", timelineColors },
        { "bot tester transcript", transcriptColors },
    };
    for (const auto &[name, colors] : widgets) {
        QTest::addRow("%s, light palette", name) << lightPalette() << colors;
        QTest::addRow("%s, dark palette", name) << darkPalette() << colors;
    }
}

void TestPaletteContrast::textReadsOnItsBackground()
{
    QFETCH(QPalette, palette);
    QFETCH(ColorProbe, colors);

    QApplication::setPalette(palette);
    const QList<Sample> samples = colors();
    QVERIFY2(!samples.isEmpty(), "no colours were found to check");
    for (const Sample &sample : samples) {
        const double ratio = ThemeColors::contrastRatio(sample.text, sample.background);
        QVERIFY2(ratio >= ThemeColors::MinimumContrast,
                 qPrintable(QStringLiteral("%1: %2 on %3 is %4:1")
                                    .arg(sample.what, sample.text.name(), sample.background.name())
                                    .arg(ratio, 0, 'f', 2)));
    }
}

void TestPaletteContrast::tintsFollowTheTheme_data()
{
    QTest::addColumn<QPalette>("palette");
    QTest::newRow("light palette") << lightPalette();
    QTest::newRow("dark palette") << darkPalette();
}

void TestPaletteContrast::tintsFollowTheTheme()
{
    QFETCH(QPalette, palette);
    QApplication::setPalette(palette);
    for (const Sample &surface : tintedSurfaces()) {
        // A tint stays close to what it tints: a light-blue banner in a dark window is
        // far more than 1.6:1 from it.
        const double ratio = ThemeColors::contrastRatio(surface.text, surface.background);
        QVERIFY2(surface.text.isValid() && ratio < 1.6,
                 qPrintable(
                         QStringLiteral("%1 %2 in %3 is %4:1 apart")
                                 .arg(surface.what, surface.text.name(), surface.background.name())
                                 .arg(ratio, 0, 'f', 2)));
    }
}

void TestPaletteContrast::contrastRatioMatchesWcag()
{
    // The WCAG 2 reference points: black on white 21:1, a colour on itself 1:1, and
    // #767676 on white the lightest grey that passes AA (4.54:1).
    QCOMPARE(qRound(ThemeColors::contrastRatio(Qt::black, Qt::white) * 100), 2100);
    QCOMPARE(ThemeColors::contrastRatio(QColor(0x12, 0x34, 0x56), QColor(0x12, 0x34, 0x56)), 1.0);
    QCOMPARE(qRound(ThemeColors::contrastRatio(QColor(0x76, 0x76, 0x76), Qt::white) * 100), 454);
}

QTEST_MAIN(TestPaletteContrast)
#include "testpalettecontrast.moc"
