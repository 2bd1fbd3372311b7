// SPDX-License-Identifier: GPL-3.0-or-later
#include "themecolors.h"

#include <QEvent>
#include <QHash>
#include <QWidget>

#include <algorithm>
#include <cmath>

namespace {

const QString ToneKeeperName = QStringLiteral("themeColorsToneKeeper");

// Re-derives a widget's tone colour when its palette changes: the colour must follow the
// theme, and a fixed style sheet would not.
class ToneKeeper final : public QObject
{
public:
    ToneKeeper(QWidget *widget, ThemeColors::Tone tone) : QObject(widget), m_tone(tone)
    {
        setObjectName(ToneKeeperName);
        widget->installEventFilter(this);
        apply(widget);
    }

    void setTone(ThemeColors::Tone tone) { m_tone = tone; }

    void apply(QWidget *widget)
    {
        QPalette palette = widget->palette();
        const QColor color = ThemeColors::text(m_tone, palette);
        if (palette.color(QPalette::WindowText) == color && palette.color(QPalette::Text) == color)
            return; // setPalette would send PaletteChange again
        palette.setColor(QPalette::WindowText, color);
        palette.setColor(QPalette::Text, color);
        widget->setPalette(palette);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::PaletteChange && watched == parent())
            apply(static_cast<QWidget *>(watched));
        return false;
    }

private:
    ThemeColors::Tone m_tone;
};

double channel(double c)
{
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double minimumContrast(const QColor &color, const QList<QColor> &backgrounds)
{
    double lowest = 21.0;
    for (const QColor &background : backgrounds)
        lowest = std::min(lowest, ThemeColors::contrastRatio(color, background));
    return lowest;
}

} // namespace

double ThemeColors::luminance(const QColor &color)
{
    const QColor rgb = color.toRgb();
    return 0.2126 * channel(rgb.redF()) + 0.7152 * channel(rgb.greenF())
            + 0.0722 * channel(rgb.blueF());
}

double ThemeColors::contrastRatio(const QColor &a, const QColor &b)
{
    // A translucent text colour (Qt's default placeholder text) shows blended with what
    // is under it.
    QColor opaque = a.toRgb();
    if (opaque.alpha() < 255) {
        opaque.setAlpha(255);
        opaque = mix(b, opaque, a.alphaF());
    }
    const double la = luminance(opaque);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor ThemeColors::readable(const QColor &color, const QList<QColor> &backgrounds)
{
    // A little above the threshold, so rounding in a style or a screenshot cannot dip under.
    const double wanted = MinimumContrast + 0.1;
    if (backgrounds.isEmpty())
        return color;
    if (color.alpha() < 255) { // as it shows: blended with the (first) background
        QColor opaque = color.toRgb();
        opaque.setAlpha(255);
        return readable(mix(backgrounds.constFirst(), opaque, color.alphaF()), backgrounds);
    }
    if (minimumContrast(color, backgrounds) >= wanted)
        return color;
    // Towards black on light backgrounds, towards white on dark ones: whichever end is
    // further from the backgrounds.
    const bool darken =
            minimumContrast(Qt::black, backgrounds) >= minimumContrast(Qt::white, backgrounds);
    const QColor hsl = color.toHsl();
    const double hueF = hsl.hslHueF();
    const double saturation = hsl.hslSaturationF();
    double lightness = hsl.lightnessF();
    QColor candidate = color;
    for (int step = 0; step < 100; ++step) {
        lightness = std::clamp(lightness + (darken ? -0.01 : 0.01), 0.0, 1.0);
        candidate =
                QColor::fromHslF(float(std::max(hueF, 0.0)), float(saturation), float(lightness));
        if (minimumContrast(candidate, backgrounds) >= wanted || lightness <= 0.0
            || lightness >= 1.0)
            break;
    }
    return candidate;
}

QColor ThemeColors::text(Tone tone, const QPalette &palette)
{
    // Models ask for every visible cell on every paint: remember the last answers.
    static QHash<QPair<qint64, int>, QColor> cache;
    const QPair<qint64, int> key(palette.cacheKey(), int(tone));
    if (const auto it = cache.constFind(key); it != cache.constEnd())
        return *it;
    if (cache.size() > 64)
        cache.clear();
    const QColor color = readable(hue(tone),
                                  { palette.color(QPalette::Window), palette.color(QPalette::Base),
                                    palette.color(QPalette::AlternateBase) });
    cache.insert(key, color);
    return color;
}

QColor ThemeColors::textOn(Tone tone, const QColor &background)
{
    return readable(hue(tone), { background });
}

QColor ThemeColors::tint(Tone tone, const QColor &background, double amount)
{
    return mix(background, hue(tone), amount);
}

QColor ThemeColors::mix(const QColor &a, const QColor &b, double amount)
{
    const QColor x = a.toRgb();
    const QColor y = b.toRgb();
    const auto blend = [amount](double p, double q) { return p + (q - p) * amount; };
    return QColor::fromRgbF(float(blend(x.redF(), y.redF())), float(blend(x.greenF(), y.greenF())),
                            float(blend(x.blueF(), y.blueF())));
}

void ThemeColors::setTextTone(QWidget *widget, Tone tone)
{
    // By name: ToneKeeper has no meta-object of its own, so findChild<ToneKeeper *> would
    // match any child.
    if (auto *found = widget->findChild<QObject *>(ToneKeeperName, Qt::FindDirectChildrenOnly)) {
        auto *keeper = static_cast<ToneKeeper *>(found);
        keeper->setTone(tone);
        keeper->apply(widget);
        return;
    }
    new ToneKeeper(widget, tone);
}

QPalette ThemeColors::darkPalette()
{
    const QColor window(0x2a, 0x2e, 0x32);
    const QColor base(0x1b, 0x1e, 0x20);
    const QColor text(0xfc, 0xfc, 0xfc);
    const QColor disabled(0x70, 0x76, 0x7c);
    QPalette p(window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x23, 0x26, 0x29));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x31, 0x36, 0x3b));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
    p.setColor(QPalette::HighlightedText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0xa1, 0xa9, 0xb1));
    p.setColor(QPalette::Link, QColor(0x1d, 0x99, 0xf3));
    p.setColor(QPalette::LinkVisited, QColor(0x9b, 0x59, 0xb6));
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Light, QColor(0x40, 0x46, 0x4c));
    p.setColor(QPalette::Midlight, QColor(0x36, 0x3b, 0x40));
    p.setColor(QPalette::Mid, QColor(0x4d, 0x53, 0x59));
    p.setColor(QPalette::Dark, QColor(0x14, 0x16, 0x18));
    p.setColor(QPalette::Shadow, Qt::black);
    for (const auto role : { QPalette::WindowText, QPalette::Text, QPalette::ButtonText })
        p.setColor(QPalette::Disabled, role, disabled);
    return p;
}

QColor ThemeColors::hue(Tone tone)
{
    // GNOME's palette: the colours people already read as error, success, warning, info.
    switch (tone) {
    case Tone::Error:
        return QColor(0xc0, 0x1c, 0x28);
    case Tone::Success:
        return QColor(0x26, 0xa2, 0x69);
    case Tone::Warning:
        return QColor(0xc6, 0x46, 0x00);
    case Tone::Information:
        break;
    }
    return QColor(0x1c, 0x71, 0xd8);
}
