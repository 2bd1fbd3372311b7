// SPDX-License-Identifier: GPL-3.0-or-later
#include "demobotcatalog.h"

#include "demobot.h"
#include "sandboxconfig.h"

#include <QJsonArray>

namespace Sandbox {

namespace {

using Variables = DemoBotScript::Variables;

QJsonObject leaf(const QString &text, bool bold = false)
{
    QJsonObject object{ { QStringLiteral("text"), text } };
    if (bold)
        object.insert(QStringLiteral("bold"), true);
    return object;
}

QJsonObject paragraph(const QJsonArray &children)
{
    return QJsonObject{ { QStringLiteral("type"), QStringLiteral("p") },
                        { QStringLiteral("children"), children } };
}

QJsonObject richBubble(const QString &id, const QJsonArray &paragraphs)
{
    return QJsonObject{ { QStringLiteral("id"), id },
                        { QStringLiteral("type"), QStringLiteral("text") },
                        { QStringLiteral("content"),
                          QJsonObject{ { QStringLiteral("type"), QStringLiteral("richText") },
                                       { QStringLiteral("richText"), paragraphs } } } };
}

QJsonObject mediaBubble(const QString &id, const QString &type, const QJsonObject &content)
{
    return QJsonObject{ { QStringLiteral("id"), id },
                        { QStringLiteral("type"), type },
                        { QStringLiteral("content"), content } };
}

// A paragraph per link, each an "a" element, as a variable holding links renders.
QJsonArray linkParagraphs(const QString &links)
{
    QJsonArray paragraphs;
    const QStringList list = links.split(u'\n', Qt::SkipEmptyParts);
    for (const QString &url : list)
        paragraphs.append(paragraph(QJsonArray{
                QJsonObject{ { QStringLiteral("type"), QStringLiteral("a") },
                             { QStringLiteral("url"), url },
                             { QStringLiteral("children"), QJsonArray{ leaf(url) } } } }));
    return paragraphs;
}

QString filesCount(const QString &links)
{
    const qsizetype count = links.split(u'\n', Qt::SkipEmptyParts).size();
    return count == 1 ? QStringLiteral("1 file") : QStringLiteral("%1 files").arg(count);
}

QJsonObject labels(const QString &placeholder, const QString &button = QStringLiteral("Send"))
{
    return QJsonObject{ { QStringLiteral("placeholder"), placeholder },
                        { QStringLiteral("button"), button } };
}

QJsonObject textInput(const QString &id, const QString &type, const QString &placeholder,
                      QJsonObject options = {})
{
    options.insert(QStringLiteral("labels"), labels(placeholder));
    return QJsonObject{ { QStringLiteral("id"), id },
                        { QStringLiteral("type"), type },
                        { QStringLiteral("options"), options } };
}

QJsonObject item(const QString &id, const QString &content, const QString &value = QString())
{
    QJsonObject object{ { QStringLiteral("id"), id }, { QStringLiteral("content"), content } };
    if (!value.isEmpty())
        object.insert(QStringLiteral("value"), value);
    return object;
}

QJsonObject choiceInput(const QString &id, const QJsonArray &items, bool multiple)
{
    return QJsonObject{ { QStringLiteral("id"), id },
                        { QStringLiteral("type"), QStringLiteral("choice input") },
                        { QStringLiteral("items"), items },
                        { QStringLiteral("options"),
                          QJsonObject{
                                  { QStringLiteral("isMultipleChoice"), multiple },
                                  { QStringLiteral("buttonLabel"), QStringLiteral("Send") } } } };
}

QJsonObject fileInput(const QString &id, bool required, bool multiple, const QStringList &types)
{
    const QJsonObject labels{
        { QStringLiteral("placeholder"),
          QStringLiteral("<strong>Click to upload</strong> or drag and drop") },
        { QStringLiteral("button"), QStringLiteral("Upload") },
        { QStringLiteral("clear"), QStringLiteral("Clear") },
        { QStringLiteral("skip"), QStringLiteral("Skip") },
        { QStringLiteral("success"),
          QJsonObject{ { QStringLiteral("single"), QStringLiteral("File uploaded") },
                       { QStringLiteral("multiple"), QStringLiteral("{total} files uploaded") } } }
    };
    return QJsonObject{
        { QStringLiteral("id"), id },
        { QStringLiteral("type"), QStringLiteral("file input") },
        { QStringLiteral("options"),
          QJsonObject{
                  { QStringLiteral("isRequired"), required },
                  { QStringLiteral("isMultipleAllowed"), multiple },
                  { QStringLiteral("allowedFileTypes"),
                    QJsonObject{ { QStringLiteral("isEnabled"), !types.isEmpty() },
                                 { QStringLiteral("types"), QJsonArray::fromStringList(types) } } },
                  { QStringLiteral("labels"), labels } } }
    };
}

// The allowed types as a question shows them: ".png, .jpg, image/*".
QString typesText(const QStringList &types)
{
    QStringList shown;
    for (const QString &type : types) {
        const QString trimmed = type.trimmed();
        shown << (trimmed.contains(u'/') || trimmed.startsWith(u'.') ? trimmed : u'.' + trimmed);
    }
    return shown.join(QStringLiteral(", "));
}

// The question before the configured file block.
QString fileQuestion(const SandboxConfig &config)
{
    QString ask = config.demoBotMultipleFiles ? QStringLiteral("Please send me some files")
                                              : QStringLiteral("Please send me a file");
    if (!config.demoBotFileTypes.isEmpty())
        ask += QStringLiteral(" (%1)").arg(typesText(config.demoBotFileTypes));
    ask += config.demoBotFilesOptional ? QStringLiteral(", or skip.") : QStringLiteral(".");
    return ask;
}

DemoBotScript demoBot(const SandboxConfig &config)
{
    DemoBotScript bot;
    bot.id = config.demoBotId;
    bot.name = QStringLiteral("Sandbox demo bot");
    bot.blocks << DemoBotScript::Block{
        [](const Variables &) {
            const QJsonArray greeting{
                paragraph(QJsonArray{ leaf(QStringLiteral("Hi! I'm the ")),
                                      leaf(QStringLiteral("sandbox demo bot"), true),
                                      leaf(QStringLiteral(".")) }),
                paragraph(QJsonArray{ leaf(QStringLiteral(
                        "I will ask for a file, then tell you where it landed.")) })
            };
            return QJsonArray{ richBubble(QStringLiteral("demo-greeting"), greeting),
                               DemoBotCatalog::textBubble(QStringLiteral("demo-name-question"),
                                                          DemoBot::NameQuestion) };
        },
        textInput(DemoBot::NameInputId, QStringLiteral("text input"),
                  QStringLiteral("Type your name..."),
                  QJsonObject{ { QStringLiteral("isLong"), false } }),
        QStringLiteral("name"),
        {},
        {}
    };
    bot.blocks << DemoBotScript::Block{
        [config](const Variables &vars) {
            return QJsonArray{ DemoBotCatalog::textBubble(
                                       QStringLiteral("demo-hello"),
                                       QStringLiteral("Nice to meet you, %1!")
                                               .arg(vars.value(QStringLiteral("name")))),
                               DemoBotCatalog::textBubble(QStringLiteral("demo-file-question"),
                                                          fileQuestion(config)) };
        },
        DemoBotCatalog::configuredFileInput(config),
        QStringLiteral("files"),
        {},
        [](const Variables &vars) {
            return QJsonArray{ DemoBotCatalog::textBubble(
                    QStringLiteral("demo-skipped"),
                    QStringLiteral("No files this time? No problem, %1. Bye!")
                            .arg(vars.value(QStringLiteral("name")))) };
        }
    };
    bot.closing = [](const Variables &vars) {
        const QString links = vars.value(QStringLiteral("files"));
        QJsonArray paragraphs{ paragraph(QJsonArray{
                leaf(QStringLiteral("Thanks, %1! I received %2:")
                             .arg(vars.value(QStringLiteral("name")), filesCount(links))) }) };
        for (const auto &p : linkParagraphs(links))
            paragraphs.append(p);
        return QJsonArray{ richBubble(QStringLiteral("demo-received"), paragraphs) };
    };
    return bot;
}

DemoBotScript buttonsBot(const SandboxConfig &config)
{
    DemoBotScript bot;
    bot.id = DemoBotCatalog::ButtonsBotId;
    bot.name = QStringLiteral("Sandbox buttons bot");
    bot.showsProgress = true;
    bot.blocks << DemoBotScript::Block{
        [](const Variables &) {
            return QJsonArray{
                DemoBotCatalog::textBubble(QStringLiteral("buttons-greeting"),
                                           QStringLiteral("Hi! Let's open a claim.")),
                DemoBotCatalog::textBubble(QStringLiteral("buttons-plan-question"),
                                           QStringLiteral("Which plan are you on?"))
            };
        },
        choiceInput(
                QStringLiteral("buttons-plan-input"),
                QJsonArray{ item(QStringLiteral("plan-basic"), QStringLiteral("Basic"),
                                 QStringLiteral("plan-basic-2024")),
                            item(QStringLiteral("plan-premium"), QStringLiteral("Premium"),
                                 QStringLiteral("plan-premium-2024")),
                            item(QStringLiteral("plan-unsure"), QStringLiteral("I don't know")) },
                false),
        QStringLiteral("plan"),
        {},
        {}
    };
    bot.blocks << DemoBotScript::Block{
        [](const Variables &) {
            return QJsonArray{ DemoBotCatalog::textBubble(
                    QStringLiteral("buttons-cover-question"),
                    QStringLiteral("What was damaged? Pick all that apply.")) };
        },
        choiceInput(QStringLiteral("buttons-cover-input"),
                    QJsonArray{ item(QStringLiteral("cover-car"), QStringLiteral("Car"),
                                     QStringLiteral("car")),
                                item(QStringLiteral("cover-home"), QStringLiteral("Home"),
                                     QStringLiteral("home")),
                                item(QStringLiteral("cover-travel"), QStringLiteral("Travel")) },
                    true),
        QStringLiteral("cover"),
        {},
        {}
    };
    bot.blocks << DemoBotScript::Block{
        [config](const Variables &vars) {
            return QJsonArray{ DemoBotCatalog::textBubble(
                                       QStringLiteral("buttons-summary"),
                                       QStringLiteral("Plan %1, damage to %2.")
                                               .arg(vars.value(QStringLiteral("plan")),
                                                    vars.value(QStringLiteral("cover")))),
                               DemoBotCatalog::textBubble(QStringLiteral("buttons-file-question"),
                                                          fileQuestion(config)) };
        },
        DemoBotCatalog::configuredFileInput(config),
        QStringLiteral("files"),
        {},
        [](const Variables &) {
            return QJsonArray{ DemoBotCatalog::textBubble(
                    QStringLiteral("buttons-skipped"),
                    QStringLiteral("No files: the claim is open without them.")) };
        }
    };
    bot.closing = [](const Variables &vars) {
        const QString links = vars.value(QStringLiteral("files"));
        QJsonArray paragraphs{ paragraph(QJsonArray{
                leaf(QStringLiteral("Claim opened (%1; %2) with %3:")
                             .arg(vars.value(QStringLiteral("plan")),
                                  vars.value(QStringLiteral("cover")), filesCount(links))) }) };
        for (const auto &p : linkParagraphs(links))
            paragraphs.append(p);
        return QJsonArray{ richBubble(QStringLiteral("buttons-received"), paragraphs) };
    };
    return bot;
}

DemoBotScript filesBot()
{
    DemoBotScript bot;
    bot.id = DemoBotCatalog::FilesBotId;
    bot.name = QStringLiteral("Sandbox files bot");
    bot.invalidMessage = DemoBotCatalog::FilesBotRetryMessage;
    bot.runsWebhook = true;
    bot.blocks << DemoBotScript::Block{
        [](const Variables &) {
            return QJsonArray{ DemoBotCatalog::textBubble(
                    QStringLiteral("files-email-question"),
                    QStringLiteral("Hi! What's your email, so we can reach you?")) };
        },
        textInput(QStringLiteral("files-email-input"), QStringLiteral("email input"),
                  QStringLiteral("Type your email...")),
        QStringLiteral("email"),
        DemoBotCatalog::EmailRetryMessage,
        {}
    };
    bot.blocks << DemoBotScript::Block{
        [](const Variables &) {
            return QJsonArray{ DemoBotCatalog::textBubble(
                    QStringLiteral("files-file-question"),
                    QStringLiteral("Send all the pictures and PDF files of your claim at once.")) };
        },
        fileInput(DemoBotCatalog::FilesBotInputId, true, true,
                  { QStringLiteral("image/*"), QStringLiteral(".pdf") }),
        QStringLiteral("files"),
        {},
        {}
    };
    bot.closing = [](const Variables &vars) {
        const QString links = vars.value(QStringLiteral("files"));
        QJsonArray paragraphs{ paragraph(QJsonArray{
                leaf(QStringLiteral("Got %1; we will write to %2:")
                             .arg(filesCount(links), vars.value(QStringLiteral("email")))) }) };
        for (const auto &p : linkParagraphs(links))
            paragraphs.append(p);
        return QJsonArray{ richBubble(QStringLiteral("files-received"), paragraphs) };
    };
    return bot;
}

DemoBotScript formBot(const SandboxConfig &config)
{
    DemoBotScript bot;
    bot.id = DemoBotCatalog::FormBotId;
    bot.name = QStringLiteral("Sandbox form bot");
    const auto ask = [](const QString &id, const QString &text) {
        return [id, text](const Variables &) {
            return QJsonArray{ DemoBotCatalog::textBubble(id, text) };
        };
    };
    bot.blocks << DemoBotScript::Block{
        [](const Variables &) {
            return QJsonArray{
                DemoBotCatalog::textBubble(QStringLiteral("form-greeting"),
                                           QStringLiteral("Every kind of question, then a file.")),
                mediaBubble(QStringLiteral("form-image"), QStringLiteral("image"),
                            QJsonObject{ { QStringLiteral("url"),
                                           QStringLiteral("https://example.com/sandbox/logo.png") },
                                         { QStringLiteral("clickLink"), QJsonObject() } }),
                mediaBubble(
                        QStringLiteral("form-video"), QStringLiteral("video"),
                        QJsonObject{ { QStringLiteral("url"),
                                       QStringLiteral("https://example.com/sandbox/how-to.mp4") },
                                     { QStringLiteral("type"), QStringLiteral("url") } }),
                mediaBubble(
                        QStringLiteral("form-audio"), QStringLiteral("audio"),
                        QJsonObject{ { QStringLiteral("url"),
                                       QStringLiteral("https://example.com/sandbox/hello.mp3") } }),
                mediaBubble(QStringLiteral("form-embed"), QStringLiteral("embed"),
                            QJsonObject{ { QStringLiteral("url"),
                                           QStringLiteral("https://example.com/sandbox/map") },
                                         { QStringLiteral("height"), 400 } }),
                DemoBotCatalog::textBubble(QStringLiteral("form-number-question"),
                                           QStringLiteral("How many items were damaged?"))
            };
        },
        textInput(QStringLiteral("form-number-input"), QStringLiteral("number input"),
                  QStringLiteral("Type a number..."),
                  QJsonObject{ { QStringLiteral("min"), 1 }, { QStringLiteral("max"), 100 } }),
        QStringLiteral("number"),
        {},
        {}
    };
    bot.blocks << DemoBotScript::Block{
        ask(QStringLiteral("form-email-question"), QStringLiteral("Your email?")),
        textInput(QStringLiteral("form-email-input"), QStringLiteral("email input"),
                  QStringLiteral("Type your email...")),
        QStringLiteral("email"),
        DemoBotCatalog::EmailRetryMessage,
        {}
    };
    bot.blocks << DemoBotScript::Block{
        ask(QStringLiteral("form-url-question"), QStringLiteral("Your website?")),
        textInput(QStringLiteral("form-url-input"), QStringLiteral("url input"),
                  QStringLiteral("Type a URL...")),
        QStringLiteral("url"),
        {},
        {}
    };
    bot.blocks << DemoBotScript::Block{
        ask(QStringLiteral("form-phone-question"), QStringLiteral("Your phone number?")),
        textInput(QStringLiteral("form-phone-input"), QStringLiteral("phone number input"),
                  QStringLiteral("Type your phone number...")),
        QStringLiteral("phone"),
        {},
        {}
    };
    bot.blocks << DemoBotScript::Block{
        ask(QStringLiteral("form-date-question"), QStringLiteral("When did it happen?")),
        textInput(QStringLiteral("form-date-input"), QStringLiteral("date input"), QString(),
                  QJsonObject{ { QStringLiteral("format"), QStringLiteral("dd/MM/yyyy") } }),
        QStringLiteral("date"),
        {},
        {}
    };
    bot.blocks << DemoBotScript::Block{
        ask(QStringLiteral("form-time-question"), QStringLiteral("At what time?")),
        textInput(QStringLiteral("form-time-input"), QStringLiteral("time input"), QString()),
        QStringLiteral("time"),
        {},
        {}
    };
    bot.blocks << DemoBotScript::Block{
        ask(QStringLiteral("form-rating-question"),
            QStringLiteral("How would you rate us so far?")),
        textInput(QStringLiteral("form-rating-input"), QStringLiteral("rating input"), QString(),
                  QJsonObject{ { QStringLiteral("length"), 5 },
                               { QStringLiteral("buttonType"), QStringLiteral("Numbers") } }),
        QStringLiteral("rating"),
        {},
        {}
    };
    const QJsonArray pictures{
        QJsonObject{
                { QStringLiteral("id"), QStringLiteral("picture-red") },
                { QStringLiteral("pictureSrc"), QStringLiteral("https://example.com/red.png") },
                { QStringLiteral("title"), QStringLiteral("Red car") },
                { QStringLiteral("value"), QStringLiteral("red-car") } },
        QJsonObject{
                { QStringLiteral("id"), QStringLiteral("picture-blue") },
                { QStringLiteral("pictureSrc"), QStringLiteral("https://example.com/blue.png") },
                { QStringLiteral("title"), QStringLiteral("Blue car") } }
    };
    bot.blocks << DemoBotScript::Block{
        ask(QStringLiteral("form-picture-question"), QStringLiteral("Which one is yours?")),
        QJsonObject{ { QStringLiteral("id"), QStringLiteral("form-picture-input") },
                     { QStringLiteral("type"), QStringLiteral("picture choice input") },
                     { QStringLiteral("items"), pictures },
                     { QStringLiteral("options"),
                       QJsonObject{ { QStringLiteral("isMultipleChoice"), false } } } },
        QStringLiteral("picture"),
        {},
        {}
    };
    const auto card = [](const QString &id, const QString &title, const QString &button) {
        return QJsonObject{ { QStringLiteral("id"), id },
                            { QStringLiteral("title"), title },
                            { QStringLiteral("description"),
                              QStringLiteral("We handle it for you.") },
                            { QStringLiteral("imageUrl"),
                              QString(QStringLiteral("https://example.com/") + id + u".png") },
                            { QStringLiteral("paths"),
                              QJsonArray{ QJsonObject{ { QStringLiteral("id"),
                                                         QString(id + QStringLiteral("-path")) },
                                                       { QStringLiteral("text"), button } } } } };
    };
    bot.blocks << DemoBotScript::Block{
        ask(QStringLiteral("form-cards-question"), QStringLiteral("What should we do?")),
        QJsonObject{ { QStringLiteral("id"), QStringLiteral("form-cards-input") },
                     { QStringLiteral("type"), QStringLiteral("cards") },
                     { QStringLiteral("items"),
                       QJsonArray{ card(QStringLiteral("card-repair"), QStringLiteral("Repair"),
                                        QStringLiteral("Repair it")),
                                   card(QStringLiteral("card-replace"), QStringLiteral("Replace"),
                                        QStringLiteral("Replace it")) } },
                     { QStringLiteral("options"), QJsonObject() } },
        QStringLiteral("action"),
        {},
        {}
    };
    bot.blocks << DemoBotScript::Block{
        [config](const Variables &) {
            return QJsonArray{ DemoBotCatalog::textBubble(QStringLiteral("form-file-question"),
                                                          fileQuestion(config)) };
        },
        DemoBotCatalog::configuredFileInput(config),
        QStringLiteral("files"),
        {},
        [](const Variables &) {
            return QJsonArray{ DemoBotCatalog::textBubble(QStringLiteral("form-skipped"),
                                                          QStringLiteral("No file. Done!")) };
        }
    };
    bot.closing = [](const Variables &vars) {
        QStringList lines{ QStringLiteral("Here is what I understood:") };
        for (const QString &name :
             { QStringLiteral("number"), QStringLiteral("email"), QStringLiteral("url"),
               QStringLiteral("phone"), QStringLiteral("date"), QStringLiteral("time"),
               QStringLiteral("rating"), QStringLiteral("picture"), QStringLiteral("action") })
            lines << name + QStringLiteral(": ") + vars.value(name);
        lines << QStringLiteral("files: ") + filesCount(vars.value(QStringLiteral("files")));
        return QJsonArray{ DemoBotCatalog::textBubble(QStringLiteral("form-summary"),
                                                      lines.join(u'\n')) };
    };
    return bot;
}

DemoBotScript paymentBot(const SandboxConfig &config)
{
    DemoBotScript bot;
    bot.id = DemoBotCatalog::PaymentBotId;
    bot.name = QStringLiteral("Sandbox payment bot");
    bot.blocks << DemoBotScript::Block{
        [](const Variables &) {
            return QJsonArray{ DemoBotCatalog::textBubble(
                    QStringLiteral("payment-question"),
                    QStringLiteral("The expert's visit costs 10 EUR, paid up front.")) };
        },
        QJsonObject{ { QStringLiteral("id"), QStringLiteral("payment-input") },
                     { QStringLiteral("type"), QStringLiteral("payment input") },
                     { QStringLiteral("options"),
                       QJsonObject{ { QStringLiteral("provider"), QStringLiteral("Stripe") },
                                    { QStringLiteral("amount"), QStringLiteral("10") },
                                    { QStringLiteral("currency"), QStringLiteral("EUR") },
                                    { QStringLiteral("labels"),
                                      QJsonObject{ { QStringLiteral("button"),
                                                     QStringLiteral("Pay") } } } } } },
        QStringLiteral("payment"),
        QStringLiteral("Payment failed. Please, try again."),
        {}
    };
    bot.blocks << DemoBotScript::Block{ [config](const Variables &) {
                                           return QJsonArray{ DemoBotCatalog::textBubble(
                                                   QStringLiteral("payment-file-question"),
                                                   fileQuestion(config)) };
                                       },
                                        DemoBotCatalog::configuredFileInput(config),
                                        QStringLiteral("files"),
                                        {},
                                        {} };
    bot.closing = [](const Variables &vars) {
        return QJsonArray{ DemoBotCatalog::textBubble(
                QStringLiteral("payment-received"),
                QStringLiteral("Paid, and %1 received.")
                        .arg(filesCount(vars.value(QStringLiteral("files"))))) };
    };
    return bot;
}

} // namespace

QJsonObject DemoBotCatalog::textBubble(const QString &id, const QString &text)
{
    QJsonArray paragraphs;
    const QStringList lines = text.split(u'\n');
    for (const QString &line : lines)
        paragraphs.append(paragraph(QJsonArray{ leaf(line) }));
    return richBubble(id, paragraphs);
}

QJsonObject DemoBotCatalog::configuredFileInput(const SandboxConfig &config)
{
    return fileInput(DemoBot::FileInputId, !config.demoBotFilesOptional,
                     config.demoBotMultipleFiles, config.demoBotFileTypes);
}

QList<DemoBotScript> DemoBotCatalog::scripts(const SandboxConfig &config)
{
    return { demoBot(config), buttonsBot(config), filesBot(), formBot(config), paymentBot(config) };
}

} // namespace Sandbox
