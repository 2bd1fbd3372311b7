// SPDX-License-Identifier: GPL-3.0-or-later
#include "localization.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace {

// lupdate files the engine's strings under "Typebot::ApiError" (the class that calls tr),
// while the engine asks for them under "ApiError"; this bridges the two names.
class EngineContextTranslator final : public QTranslator
{
public:
    using QTranslator::QTranslator;

    QString translate(const char *context, const char *sourceText, const char *disambiguation,
                      int n) const override
    {
        QString result = QTranslator::translate(context, sourceText, disambiguation, n);
        if (!result.isEmpty() || !context || qstrncmp(context, "Typebot", 7) == 0)
            return result;
        const QByteArray qualified = QByteArrayLiteral("Typebot::") + context;
        result = QTranslator::translate(qualified.constData(), sourceText, disambiguation, n);
        if (result.isEmpty())
            result = QTranslator::translate("Typebot", sourceText, disambiguation, n);
        return result;
    }
};

} // namespace

QLocale Localization::install(const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QLocale::setDefault(locale);

    auto *qtTranslator = new QTranslator(QCoreApplication::instance());
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
    else
        delete qtTranslator;

    auto *appTranslator = new EngineContextTranslator(QCoreApplication::instance());
    // A language we have no translation for gets English, with English plurals.
    if (appTranslator->load(locale, QStringLiteral("typebot-uploader"), QStringLiteral("_"),
                            QStringLiteral(":/i18n"))
        || appTranslator->load(QStringLiteral(":/i18n/typebot-uploader_en.qm")))
        QCoreApplication::installTranslator(appTranslator);
    else
        delete appTranslator;
    return locale;
}
