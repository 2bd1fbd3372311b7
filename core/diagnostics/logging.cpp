// SPDX-License-Identifier: GPL-3.0-or-later
#include "logging.h"

Q_LOGGING_CATEGORY(lcApi, "typebot.api", QtInfoMsg)
Q_LOGGING_CATEGORY(lcTransfer, "typebot.transfer", QtInfoMsg)
Q_LOGGING_CATEGORY(lcEngine, "typebot.engine", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStorage, "typebot.storage", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSandbox, "typebot.sandbox", QtInfoMsg)
