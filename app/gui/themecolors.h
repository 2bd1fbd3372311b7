// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QPalette>

class QWidget;

// Colours that carry meaning (an error, a success, a warning, a notice), derived from the
// palette in use instead of fixed in code: each keeps its hue but takes the lightness that
// reads on the palette's own background (WCAG 2 contrast of at least 4.5:1), so red text
// stays readable and a notice stays a tint of the window in a light and in a dark theme.
class ThemeColors final
{
public:
    enum class Tone { Error, Success, Warning, Information };

    static constexpr double MinimumContrast = 4.5; // WCAG 2 AA for normal text

    // WCAG 2 relative luminance (0 black .. 1 white) and contrast ratio (1 .. 21) of text
    // `a` (blended first when translucent) on background `b`.
    static double luminance(const QColor &color);
    static double contrastRatio(const QColor &a, const QColor &b);

    // `color` with its lightness moved (hue kept) until it reads on every one of
    // `backgrounds`; unchanged when it already does.
    static QColor readable(const QColor &color, const QList<QColor> &backgrounds);
    // Text of `tone` for views and labels of `palette`: readable on Window, Base and
    // AlternateBase alike (alternating rows).
    static QColor text(Tone tone, const QPalette &palette);
    // Text of `tone` on one given background (a tinted message, a bubble).
    static QColor textOn(Tone tone, const QColor &background);
    // A background of `tone` for a banner or a message: the palette's window tinted
    // towards the tone, so it is light in a light theme and dark in a dark one.
    static QColor tint(Tone tone, const QColor &background, double amount = 0.16);
    // `a` moved towards `b` by `amount` (0: a, 1: b).
    static QColor mix(const QColor &a, const QColor &b, double amount);

    // A dark palette like Breeze Dark's, for screenshots of the app in a dark theme.
    static QPalette darkPalette();

    // Gives `widget` (a label, usually) text of `tone`, recomputed whenever its palette
    // changes (a theme switch), instead of a fixed style sheet colour.
    static void setTextTone(QWidget *widget, Tone tone);

private:
    static QColor hue(Tone tone);
};
