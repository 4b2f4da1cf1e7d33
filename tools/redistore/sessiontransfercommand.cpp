// "redistore sessions export" and "redistore sessions import": sessions to a JSON file and back,
// through RediStore::SessionExporter and SessionImporter.

#include "sessionscommand.h"

#include "cli.h"

#include <libredistore/session/sessionexporter.h>
#include <libredistore/session/sessionimporter.h>

#include <QtCore/QFile>
#include <QtCore/QSaveFile>

#include <cstdio>

namespace Cli {

namespace {

const Command exportCommand = subcommand(
    QStringLiteral("export [--match PATTERN] FILE"),
    QStringLiteral(
        "Writes the stored sessions (or those whose ID matches PATTERN) to FILE, \"-\" for "
        "standard output: a JSON object with one session a line, each with its ID, time to "
        "live in milliseconds (-1: no expiry), serializer, values (typed, e.g. "
        "{\"type\":\"int64\",\"value\":42}) and the stored bytes in base64, so that import "
        "writes them back byte for byte. A session that does not decode is written with its "
        "bytes and the error. No URL, password or key leaves Redis. FILE is written only when "
        "the export is complete, and is readable by its owner only.\n"
        "Prints \"exported N sessions to FILE\" on standard error, and a warning for each key "
        "under the prefix that holds no string (a hash, a list...): it is no session, and is "
        "left out.\n"
        "Exit status: 0 exported, 1 Redis failed or FILE cannot be written, 2 bad arguments."),
    { { QStringLiteral("match"), QStringLiteral("PATTERN"),
        QStringLiteral("Only sessions whose ID matches this glob (*, ?, [abc]).") } });

const Command importCommand = subcommand(
    QStringLiteral("import [--overwrite] FILE"),
    QStringLiteral(
        "Stores the sessions of FILE (written by export; \"-\" for standard input) under the "
        "prefix, each with its serializer and the time to live it had when exported. The "
        "stored bytes are written as they were, unless the file's values were edited: then "
        "the values are encoded with the session's serializer. An existing session is left "
        "alone unless --overwrite is given. Sessions whose time to live had run out are not "
        "stored.\n"
        "Prints \"imported N, skipped N existing, N failed\" on standard error (with \"N "
        "expired\" when some had run out), with a line for each session that failed (the "
        "first 100). A file cut short, or whose closing line gives another count of sessions "
        "than it holds, ends with an error after the sessions read are stored; so does a "
        "Redis that refuses every write (a user without the permission, a read-only replica).\n"
        "Exit status: 0 every session imported, 1 some were skipped because they exist (use "
        "--overwrite), failed, the file is not an export, or Redis failed, 2 bad arguments."),
    { { QStringLiteral("overwrite"), QString(),
        QStringLiteral("Replace existing sessions (their values and time to live).") } });

QString plural(qint64 count, const char *one, const char *many)
{
    return QString::number(count) + QLatin1Char(' ') + QString::fromLatin1(count == 1 ? one : many);
}

} // namespace

int runExport(const QStringList &args)
{
    Invocation run;
    int exitCode = Success;
    if (prepare(exportCommand, QStringLiteral("export"), args, QStringLiteral("FILE"), 1, 1, &run,
                &exitCode)
        != Setup::Ready) {
        return exitCode;
    }
    const QString name = run.arguments.positional.first();
    const bool toStdout = name == QLatin1String("-");
    QFile out;
    QSaveFile file(name);
    QFileDevice *device = &file;
    if (toStdout) {
        if (!out.open(stdout, QIODevice::WriteOnly))
            return failure(run.program, QStringLiteral("cannot write to standard output"));
        device = &out;
    } else if (!file.open(QIODevice::WriteOnly)) {
        return failure(run.program,
                       QStringLiteral("cannot write %1: %2").arg(name, file.errorString()));
    }
    RediStore::SessionExporter exporter(run.admin.get());
    if (run.arguments.isSet(QStringLiteral("match")))
        exporter.setIdPattern(run.arguments.value(QStringLiteral("match")));
    const RediStore::SessionExportResult result = await(exporter.start(device));
    if (!result.ok()) {
        if (!toStdout)
            file.cancelWriting();
        return failure(run.program, result.error.message());
    }
    if (toStdout) {
        out.flush();
    } else {
        // Session values are secrets of their users: the file is its owner's only.
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        if (!file.commit())
            return failure(run.program,
                           QStringLiteral("cannot write %1: %2").arg(name, file.errorString()));
    }
    for (const RediStore::SessionSkippedKey &skipped : result.skipped)
        printErr(
            QStringLiteral("%1: warning: key %2 is a %3, not a session; skipped\n")
                .arg(run.program, QString::fromUtf8(skipped.key), QString::fromUtf8(skipped.type)));
    if (result.notSessions > result.skipped.size())
        printErr(QStringLiteral("%1: warning: %2 more keys that are not sessions skipped\n")
                     .arg(run.program)
                     .arg(result.notSessions - result.skipped.size()));
    QString summary = QStringLiteral("exported %1 to %2")
                          .arg(plural(result.exported, "session", "sessions"),
                               toStdout ? QStringLiteral("standard output") : name);
    if (result.undecodable > 0)
        summary += QStringLiteral(" (%1 that do not decode: stored bytes only)")
                       .arg(result.undecodable);
    if (result.notSessions > 0)
        summary += QStringLiteral("; %1 under the prefix skipped")
                       .arg(plural(result.notSessions, "key that is not a session",
                                   "keys that are not sessions"));
    printErr(summary + QLatin1Char('\n'));
    return Success;
}

int runImport(const QStringList &args)
{
    Invocation run;
    int exitCode = Success;
    if (prepare(importCommand, QStringLiteral("import"), args, QStringLiteral("FILE"), 1, 1, &run,
                &exitCode)
        != Setup::Ready) {
        return exitCode;
    }
    const QString name = run.arguments.positional.first();
    if (name == QLatin1String("-")
        && run.arguments.value(QStringLiteral("url-file")) == QLatin1String("-")) {
        return usageError(importCommand, run.program,
                          QStringLiteral("standard input cannot give both the URL (--url-file -) "
                                         "and the sessions (FILE -)"));
    }
    QFile file;
    if (name == QLatin1String("-")) {
        if (!file.open(stdin, QIODevice::ReadOnly))
            return failure(run.program, QStringLiteral("cannot read standard input"));
    } else {
        file.setFileName(name);
        if (!file.open(QIODevice::ReadOnly))
            return failure(run.program,
                           QStringLiteral("cannot read %1: %2").arg(name, file.errorString()));
    }
    RediStore::SessionImporter importer(run.admin.get());
    importer.setOverwrite(run.arguments.isSet(QStringLiteral("overwrite")));
    const RediStore::SessionImportResult result = await(importer.start(&file));
    for (const RediStore::SessionTransferError &failed : result.failures)
        printErr(run.program + QStringLiteral(": ") + failed.message() + QLatin1Char('\n'));
    if (result.failed > result.failures.size())
        printErr(QStringLiteral("%1: ... and %2 more sessions failed\n")
                     .arg(run.program)
                     .arg(result.failed - result.failures.size()));
    QString summary = QStringLiteral("imported %1, skipped %2 existing")
                          .arg(result.imported)
                          .arg(result.existing);
    if (result.existing > 0 && !importer.overwrite())
        summary += QStringLiteral(" (use --overwrite to replace them)");
    if (result.expired > 0)
        summary += QStringLiteral(", %1 expired").arg(result.expired);
    summary += QStringLiteral(", %1 failed").arg(result.failed);
    if (result.error.isError()) {
        printErr(summary + QLatin1Char('\n'));
        return failure(run.program, result.error.message());
    }
    printErr(summary + QLatin1Char('\n'));
    return result.failed == 0 && result.existing == 0 ? Success : Failure;
}

} // namespace Cli
