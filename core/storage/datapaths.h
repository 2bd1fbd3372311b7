// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace Typebot {

// Where the desktop app and the command line keep their files: one data folder and one
// settings folder shared by both (~/.local/share/typebot-uploader/,
// ~/.config/typebot-uploader/), the runtime folder for sockets, and the one-time moves that
// bring older versions' folders there.
class DataPaths final
{
public:
    DataPaths() = delete;

    static QString dataDir(); // $XDG_DATA_HOME/typebot-uploader
    static QString configDir(); // $XDG_CONFIG_HOME/typebot-uploader
    // $XDG_RUNTIME_DIR/typebot-uploader, created owner-only; empty when XDG_RUNTIME_DIR is
    // not set or the folder cannot be made (callers then fall back to the temp folder).
    static QString runtimeDir();

    // The files in the data folder. Two databases, not one: each is locked by the program
    // that has it open, and the app's queue must not be resumed by the command line.
    static QString appDatabaseName(); // the app's queue and history: queue.sqlite
    static QString cliDatabaseName(); // the command line's journal and history

    // Moves what older versions kept elsewhere into dataDir(): the app's files from
    // "Typebot/Typebot Uploader" and the command line's from "typebot-upload" under
    // $XDG_DATA_HOME. A file moves only when dataDir() has none of that name, a database
    // (with its -wal and -shm) only while no running program holds its lock; the old folder
    // goes once empty, so later calls find nothing to do. Returns the new paths moved to.
    static QStringList migrateOldData();
    // Moves the app's settings from $XDG_CONFIG_HOME/Typebot/Typebot Uploader.conf to
    // configDir()/typebot-uploader.conf, unless that exists. Returns the new path, if moved.
    static QString migrateOldSettings();

    // Copies the history rows of the database `from` (the command line's) that `into` (the
    // app's) has not taken yet, so the app's History lists uploads from both. `into` keeps
    // the highest row id taken in its table imported_history, so a row removed in the app is
    // not brought back. Returns the number of rows copied, or -1 with `error`; 0 when either
    // file does not exist or has no history yet.
    static int importHistory(const QString &from, const QString &into, QString *error = nullptr);
};

} // namespace Typebot
