#include "sessionscommand.h"
#include "sessiontext.h"

#include "cli.h"

#include <libredistore/redis/redisconfig.h>
#include <libredistore/serializer/sessionserializer.h>
#include <libredistore/session/sessionadmin.h>

#include <QtCore/QLoggingCategory>
#include <QtCore/QRegularExpression>
#include <QtCore/QSet>

#include <limits>
#include <memory>
#include <utility>

namespace Cli {

namespace {

const QString groupProgram = QStringLiteral("redistore sessions");
const QString defaultUrl = QStringLiteral("redis://127.0.0.1:6379/0");
const QString defaultPrefix = QStringLiteral("session_");

// Options every subcommand takes; they may also come before the subcommand's name.
QList<Option> connectionOptions()
{
    return {
        { QStringLiteral("url"), QStringLiteral("URL"),
          QStringLiteral("Redis, redis://[user:pass@]host[:port][/db], "
                         "rediss://...[?tls_ca=FILE&tls_cert=FILE&tls_key=FILE"
                         "&tls_server_name=NAME&tls_verify=none] (TLS), unix:///path.sock, "
                         "a Redis Cluster redis+cluster://[user:pass@]host:port[,host:port...] "
                         "(seed nodes; every master is listed) or a master through Sentinel "
                         "redis+sentinel://[user:pass@]host:port[,host:port...]/MASTER[/db]"
                         "[?sentinel_password=...]; rediss+cluster:// and rediss+sentinel:// "
                         "with TLS (default: --url-file's, else REDISTORE_URL's, else ")
              + defaultUrl + QStringLiteral(").") },
        { QStringLiteral("url-file"), QStringLiteral("FILE"),
          QStringLiteral("Read the URL (which may hold a password) from FILE, \"-\" for standard "
                         "input, to keep it out of the process list.") },
        { QStringLiteral("tls-ca"), QStringLiteral("FILE"),
          QStringLiteral("TLS: trust the CA certificates in FILE (PEM) instead of the "
                         "system's; implies TLS.") },
        { QStringLiteral("tls-cert"), QStringLiteral("FILE"),
          QStringLiteral("TLS: present this client certificate (PEM); implies TLS.") },
        { QStringLiteral("tls-key"), QStringLiteral("FILE"),
          QStringLiteral("TLS: the client certificate's private key (PEM).") },
        { QStringLiteral("tls-insecure"), QString(),
          QStringLiteral("TLS without verifying the server's certificate (encrypted, but "
                         "not protected from a man in the middle); implies TLS.") },
        { QStringLiteral("prefix"), QStringLiteral("P"),
          QStringLiteral("Key prefix of the sessions (default ") + defaultPrefix
              + QStringLiteral(").") },
        { QStringLiteral("serializer"), QStringLiteral("NAME"),
          QStringLiteral("How values are stored: ")
              + RediStore::SessionSerializer::names().join(QStringLiteral(", "))
              + QStringLiteral(" (default: detected).") },
    };
}

bool takesValue(const QString &argument)
{
    for (const Option &option : connectionOptions()) {
        if (argument == QLatin1String("--") + option.name)
            return !option.valueName.isEmpty();
    }
    return false;
}

} // namespace

Command subcommand(const QString &usage, const QString &description, const QList<Option> &extra)
{
    return {
        QStringLiteral("redistore sessions ") + usage
            + QStringLiteral(
                " [--url URL | --url-file FILE] [--tls-ca FILE] [--tls-cert FILE] [--tls-key FILE] "
                "[--tls-insecure] [--prefix P] [--serializer NAME]"),
        description, extra + connectionOptions()
    };
}

static const Option jsonOption { QStringLiteral("json"), QString(), QStringLiteral("Print JSON.") };

const Command listCommand = subcommand(
    QStringLiteral("list [--json]"),
    QStringLiteral("Lists the stored sessions, one line each: ID, time to live, size of the "
                   "stored value in bytes and a preview of the values. With --json, a JSON "
                   "array of {\"id\", \"ttl_ms\", \"size\"} objects (ttl_ms -1: no expiry).\n"
                   "Sessions are printed page by page as Redis's SCAN returns them, so a big "
                   "database streams; like SCAN, a listing may show a session twice when Redis "
                   "resizes its tables meanwhile. On a cluster every master is listed in turn, "
                   "and each session is printed once, also when the listing begins again "
                   "because the masters changed (a failover)."),
    { jsonOption });

const Command countCommand
    = subcommand(QStringLiteral("count"), QStringLiteral("Prints the number of stored sessions."));

const Command showCommand = subcommand(
    QStringLiteral("show [--json] ID"),
    QStringLiteral("Shows one session: its key, time to live, size, serializer and values. With "
                   "--json, only its values, as a JSON object.\n"
                   "Exit status: 0 shown, 1 missing, undecodable or Redis failed, 2 bad "
                   "arguments."),
    { jsonOption });

const Command setCommand = subcommand(
    QStringLiteral("set ID KEY JSON_VALUE"),
    QStringLiteral("Sets one value of an existing session, written back with the serializer the "
                   "session already uses and keeping its time to live. JSON_VALUE is JSON text: "
                   "'\"alice\"', 42, 1.5, true, null, [1,2], {\"a\":1}; integers become Go ints, "
                   "other numbers float64. A missing session is an error, never re-created."));

const Command expireCommand
    = subcommand(QStringLiteral("expire ID SECONDS"),
                 QStringLiteral("Makes a session expire SECONDS (> 0) from now."));

const Command persistCommand
    = subcommand(QStringLiteral("persist ID"), QStringLiteral("Removes a session's expiry."));

const Command deleteCommand = subcommand(
    QStringLiteral("delete ID..."),
    QStringLiteral("Deletes sessions and prints how many were deleted.\n"
                   "Exit status: 0 all deleted, 1 some did not exist or Redis failed, 2 bad "
                   "arguments."));

const Command userCommand = subcommand(
    QStringLiteral("user [--json] USER"),
    QStringLiteral("Lists the sessions of one user, one line each as list prints them, from the "
                   "per-user index a store keeps with withUserIndex (sessions that are gone are "
                   "left out, and leave the index). Prints nothing when the user has none."),
    { jsonOption });

const Command revokeUserCommand = subcommand(
    QStringLiteral("revoke-user USER"),
    QStringLiteral("Ends every session of one user (\"log out everywhere\") and prints how many "
                   "ended. A store's save in flight for one of them does not bring it back."));

const Command groupCommand {
    QStringLiteral("redistore sessions <command> [options]"),
    QStringLiteral(
        "The sessions a store keeps in Redis (the keys PREFIX + ID).\n\nCommands:\n"
        "  list [--json]             List sessions with TTL, size and a preview.\n"
        "  count                     Print the number of sessions.\n"
        "  show ID [--json]          Show one session's values.\n"
        "  set ID KEY JSON_VALUE     Set one value, keeping the TTL and the serializer.\n"
        "  expire ID SECONDS         Expire a session SECONDS from now.\n"
        "  persist ID                Remove a session's expiry.\n"
        "  delete ID...              Delete sessions.\n"
        "  user USER [--json]        List the sessions of one user (the per-user index).\n"
        "  revoke-user USER          End every session of one user.\n"
        "  export [--match P] FILE   Write sessions to a JSON file (\"-\": standard output).\n"
        "  import [--overwrite] FILE Store the sessions of an export file.\n\n"
        "--url takes one server (redis://, rediss://, unix://), a Redis Cluster "
        "(redis+cluster://host:port,host:port) or a master through Sentinel "
        "(redis+sentinel://host:port,host:port/MASTER).\n"
        "A URL with a password stays out of the process list with --url-file FILE (\"-\": "
        "standard input) or REDISTORE_URL.\n"
        "Exit status: 0 done, 1 Redis failed or a session is missing, 2 bad arguments.\n"
        "redistore sessions <command> --help shows a command's options."),
    connectionOptions(),
};

Setup prepare(const Command &command, const QString &name, const QStringList &args,
              const QString &operands, qsizetype minPositional, qsizetype maxPositional,
              Invocation *invocation, int *exitCode)
{
    invocation->program = groupProgram + QLatin1Char(' ') + name;
    const QString &program = invocation->program;
    Arguments &arguments = invocation->arguments;
    QString error;
    auto fail = [&](const QString &message) {
        *exitCode = usageError(command, program, message);
        return Setup::Failed;
    };
    if (!parse(command, args, &arguments, &error))
        return fail(error);
    if (arguments.help) {
        printHelp(command);
        *exitCode = Success;
        return Setup::Done;
    }
    const qsizetype given = arguments.positional.size();
    if (given < minPositional)
        return fail(QStringLiteral("missing arguments (expected %1)").arg(operands));
    if (given > maxPositional)
        return fail(
            QStringLiteral("unexpected argument '%1'").arg(arguments.positional.at(maxPositional)));
    for (const QString &operand : std::as_const(arguments.positional)) {
        if (operand.isEmpty())
            return fail(QStringLiteral("an empty argument is not a session ID"));
    }

    const auto url = readUrl(arguments);
    if (!url.ok())
        return fail(url.error().message());
    auto config
        = RediStore::RedisConfig::fromUrl(url.value().isSet() ? url.value().text : defaultUrl);
    if (!config.ok()) {
        return fail((url.value().isSet() ? url.value().origin : QStringLiteral("--url"))
                    + QStringLiteral(": ") + config.error().message());
    }
    RediStore::RedisConfig redis = config.value();
    // The TLS shortcuts add to what the URL says (and turn TLS on for a redis:// URL).
    const bool tlsShortcut = arguments.isSet(QStringLiteral("tls-ca"))
        || arguments.isSet(QStringLiteral("tls-cert")) || arguments.isSet(QStringLiteral("tls-key"))
        || arguments.isSet(QStringLiteral("tls-insecure"));
    if (tlsShortcut) {
        if (redis.transport() == RediStore::RedisConfig::Transport::Unix)
            return fail(QStringLiteral("--tls-*: TLS needs a TCP address, not a Unix socket"));
        RediStore::RedisTlsOptions tls = redis.tlsOptions();
        if (arguments.isSet(QStringLiteral("tls-ca")))
            tls.caFile = arguments.value(QStringLiteral("tls-ca"));
        if (arguments.isSet(QStringLiteral("tls-cert")))
            tls.certFile = arguments.value(QStringLiteral("tls-cert"));
        if (arguments.isSet(QStringLiteral("tls-key")))
            tls.keyFile = arguments.value(QStringLiteral("tls-key"));
        if (arguments.isSet(QStringLiteral("tls-insecure")))
            tls.verifyPeer = false;
        redis.setTlsOptions(tls);
        if (auto valid = redis.validate(); !valid)
            return fail(QStringLiteral("--tls-key: ") + valid.error().message());
    }
    // One attempt: a refused or unreachable server fails the command at once.
    redis.setAutoReconnect(false);

    std::shared_ptr<const RediStore::SessionSerializer> serializer;
    if (arguments.isSet(QStringLiteral("serializer"))) {
        const QString serializerName = arguments.value(QStringLiteral("serializer"));
        serializer = RediStore::SessionSerializer::byName(serializerName);
        if (!serializer) {
            return fail(QStringLiteral("unknown serializer '%1' (known: %2)")
                            .arg(serializerName,
                                 RediStore::SessionSerializer::names().join(QStringLiteral(", "))));
        }
    }
    const QString prefix = arguments.isSet(QStringLiteral("prefix"))
        ? arguments.value(QStringLiteral("prefix"))
        : defaultPrefix;
    invocation->config = redis;
    invocation->admin = std::make_unique<RediStore::SessionAdmin>(redis, prefix, serializer);
    return Setup::Ready;
}

int failure(const QString &program, const QString &message)
{
    printErr(program + QStringLiteral(": ") + message + QLatin1Char('\n'));
    return Failure;
}

int failure(const QString &program, const RediStore::SessionError &error)
{
    return failure(program, error.message());
}

namespace {

// The preview of one loaded session: its values, or why they do not show.
QString previewContent(const RediStore::SessionAdmin &admin,
                       const RediStore::SessionContent &content)
{
    if (content.ok())
        return previewValues(content.values);
    if (const auto serializer = admin.serializer())
        return QStringLiteral("(does not decode as %1)").arg(serializer->name());
    return QStringLiteral("(does not decode)");
}

// One line a session, as list prints it; or the JSON objects of list --json.
QByteArray sessionLines(const RediStore::SessionAdmin &admin,
                        const QList<RediStore::SessionInfo> &sessions,
                        const QList<RediStore::SessionContent> &stored, bool json, bool *first)
{
    QByteArray out;
    for (qsizetype i = 0; i < sessions.size(); ++i) {
        const RediStore::SessionInfo &info = sessions.at(i);
        if (info.ttlMs == -2)
            continue; // deleted or expired since it was listed
        if (json) {
            out += (*first ? "\n{\"id\":" : ",\n{\"id\":") + toJson(info.id)
                + ",\"ttl_ms\":" + QByteArray::number(info.ttlMs)
                + ",\"size\":" + QByteArray::number(info.size) + '}';
            *first = false;
            continue;
        }
        const RediStore::SessionContent content = stored.value(i);
        if (!content.exists)
            continue; // gone since it was listed
        out += QStringLiteral("%1  %2  %3  %4\n")
                   .arg(info.id, -52)
                   .arg(formatTtl(info.ttlMs), 10)
                   .arg(QString::number(info.size) + QStringLiteral(" B"), 9)
                   .arg(previewContent(admin, content))
                   .toUtf8();
    }
    return out;
}

int runList(const QStringList &args)
{
    Invocation run;
    int exitCode = Success;
    if (prepare(listCommand, QStringLiteral("list"), args, QString(), 0, 0, &run, &exitCode)
        != Setup::Ready) {
        return exitCode;
    }
    RediStore::SessionAdmin &admin = *run.admin;
    const bool json = run.arguments.isSet(QStringLiteral("json"));
    bool first = true; // no session printed yet
    bool opened = false; // "[" printed (after the first page, so a refused connection prints none)
    // On a cluster, the keys printed: a listing that begins again (the masters changed) skips
    // them. One server's SCAN never begins again.
    const bool cluster = run.config.topology() == RediStore::RedisConfig::Topology::Cluster;
    QSet<QByteArray> printed;

    QByteArray cursor = "0";
    for (;;) {
        const RediStore::SessionPage page = await(admin.scan(cursor, 500));
        if (!page.ok()) {
            if (opened)
                printOut("\n");
            return failure(run.program, page.error);
        }
        for (const RediStore::SessionSkippedKey &skipped : page.skipped) {
            printErr(QStringLiteral("%1: warning: key %2 is a %3, not a session; skipped\n")
                         .arg(run.program, QString::fromUtf8(skipped.key),
                              QString::fromUtf8(skipped.type)));
        }
        QList<RediStore::SessionInfo> sessions = page.sessions;
        if (cluster) {
            sessions.removeIf([&printed](const RediStore::SessionInfo &info) {
                return info.ttlMs == -2 || printed.contains(info.key);
            });
            for (const RediStore::SessionInfo &info : std::as_const(sessions))
                printed.insert(info.key);
        }

        // The values for the previews, one pipelined batch per page. (load() would remember
        // each session's serializer, which a listing of a big database does not need.)
        QList<RediStore::SessionContent> stored;
        if (!json && !sessions.isEmpty()) {
            QStringList ids;
            ids.reserve(sessions.size());
            for (const RediStore::SessionInfo &info : sessions)
                ids.append(info.id);
            const RediStore::SessionContentList loaded = await(admin.loadMany(ids));
            if (!loaded.ok())
                return failure(run.program, loaded.error);
            stored = loaded.sessions;
        }

        QByteArray out;
        if (json && !opened) {
            out = "[";
            opened = true;
        }
        out += sessionLines(admin, sessions, stored, json, &first);
        printOut(out);
        if (page.finished)
            break;
        cursor = page.nextCursor;
    }
    if (json)
        printOut(first ? "]\n" : "\n]\n");
    return Success;
}

int runUser(const QStringList &args)
{
    Invocation run;
    int exitCode = Success;
    if (prepare(userCommand, QStringLiteral("user"), args, QStringLiteral("USER"), 1, 1, &run,
                &exitCode)
        != Setup::Ready) {
        return exitCode;
    }
    RediStore::SessionAdmin &admin = *run.admin;
    const bool json = run.arguments.isSet(QStringLiteral("json"));
    const RediStore::UserSessions found
        = await(admin.sessionsOfUser(run.arguments.positional.first()));
    if (!found.ok())
        return failure(run.program, found.error);
    QList<RediStore::SessionInfo> sessions;
    QList<RediStore::SessionContent> stored;
    if (!found.sessions.isEmpty()) {
        const RediStore::SessionContentList loaded = await(admin.loadMany(found.ids()));
        if (!loaded.ok())
            return failure(run.program, loaded.error);
        stored = loaded.sessions;
        for (qsizetype i = 0; i < found.sessions.size(); ++i) {
            const RediStore::SessionContent content = stored.value(i);
            RediStore::SessionInfo info;
            info.id = found.sessions.at(i).id;
            info.key = admin.keyFor(info.id);
            info.ttlMs = content.exists ? found.sessions.at(i).ttlMs : -2;
            info.size = content.raw.size();
            sessions.append(info);
        }
    }
    bool first = true;
    const QByteArray lines = sessionLines(admin, sessions, stored, json, &first);
    if (json)
        printOut(first ? QByteArray("[]\n") : QByteArray("[" + lines + "\n]\n"));
    else
        printOut(lines);
    return Success;
}

int runRevokeUser(const QStringList &args)
{
    Invocation run;
    int exitCode = Success;
    if (prepare(revokeUserCommand, QStringLiteral("revoke-user"), args, QStringLiteral("USER"), 1,
                1, &run, &exitCode)
        != Setup::Ready) {
        return exitCode;
    }
    const RediStore::UserRevocation revoked
        = await(run.admin->revokeUser(run.arguments.positional.first()));
    if (!revoked.ok())
        return failure(run.program, revoked.error);
    printOut(QByteArray::number(revoked.ended) + '\n');
    return Success;
}

int runCount(const QStringList &args)
{
    Invocation run;
    int exitCode = Success;
    if (prepare(countCommand, QStringLiteral("count"), args, QString(), 0, 0, &run, &exitCode)
        != Setup::Ready) {
        return exitCode;
    }
    const RediStore::SessionCount counted = await(run.admin->count());
    if (!counted.ok())
        return failure(run.program, counted.error);
    printOut(QByteArray::number(counted.count) + '\n');
    return Success;
}

int runShow(const QStringList &args)
{
    Invocation run;
    int exitCode = Success;
    if (prepare(showCommand, QStringLiteral("show"), args, QStringLiteral("ID"), 1, 1, &run,
                &exitCode)
        != Setup::Ready) {
        return exitCode;
    }
    const QString id = run.arguments.positional.first();
    const RediStore::SessionContent content = await(run.admin->load(id));
    if (!content.ok())
        return failure(run.program, content.error);
    if (run.arguments.isSet(QStringLiteral("json"))) {
        printOut(toJson(content.values) + '\n');
        return Success;
    }
    printOut(sessionText(id, run.admin->keyFor(id), content).toUtf8());
    return Success;
}

int runSet(const QStringList &args)
{
    Invocation run;
    int exitCode = Success;
    if (prepare(setCommand, QStringLiteral("set"), args, QStringLiteral("ID KEY JSON_VALUE"), 3, 3,
                &run, &exitCode)
        != Setup::Ready)
        return exitCode;
    const QStringList &operands = run.arguments.positional;
    QVariant value;
    QString error;
    if (!fromJson(operands.at(2).toUtf8(), &value, &error)) {
        return usageError(setCommand, run.program,
                          QStringLiteral("JSON_VALUE is not JSON: ") + error);
    }
    const RediStore::SessionChange result
        = await(run.admin->setValue(operands.at(0), operands.at(1), value));
    if (!result.ok())
        return failure(run.program, result.error);
    return Success;
}

int runExpire(const QStringList &args)
{
    Invocation run;
    int exitCode = Success;
    if (prepare(expireCommand, QStringLiteral("expire"), args, QStringLiteral("ID SECONDS"), 2, 2,
                &run, &exitCode)
        != Setup::Ready) {
        return exitCode;
    }
    qint64 seconds = 0;
    if (!toInt64(run.arguments.positional.at(1), &seconds) || seconds <= 0) {
        return usageError(expireCommand, run.program,
                          QStringLiteral("SECONDS must be a positive integer (to remove a "
                                         "session now, use delete)"));
    }
    const RediStore::SessionChange result
        = await(run.admin->expire(run.arguments.positional.at(0), seconds));
    if (!result.ok())
        return failure(run.program, result.error);
    return Success;
}

int runPersist(const QStringList &args)
{
    Invocation run;
    int exitCode = Success;
    if (prepare(persistCommand, QStringLiteral("persist"), args, QStringLiteral("ID"), 1, 1, &run,
                &exitCode)
        != Setup::Ready) {
        return exitCode;
    }
    const RediStore::SessionChange result
        = await(run.admin->persist(run.arguments.positional.at(0)));
    if (!result.ok())
        return failure(run.program, result.error);
    return Success;
}

int runDelete(const QStringList &args)
{
    Invocation run;
    int exitCode = Success;
    if (prepare(deleteCommand, QStringLiteral("delete"), args, QStringLiteral("ID..."), 1,
                std::numeric_limits<qsizetype>::max(), &run, &exitCode)
        != Setup::Ready) {
        return exitCode;
    }
    // The same ID twice is one session: count it once.
    QStringList ids;
    QSet<QString> seen;
    for (const QString &id : std::as_const(run.arguments.positional)) {
        if (!seen.contains(id)) {
            seen.insert(id);
            ids.append(id);
        }
    }
    const RediStore::SessionDeletion deletion = await(run.admin->remove(ids));
    if (!deletion.ok())
        return failure(run.program, deletion.error);
    printOut(QByteArray::number(deletion.deleted) + '\n');
    if (deletion.deleted < ids.size()) {
        const qint64 missing = ids.size() - deletion.deleted;
        return failure(run.program,
                       ids.size() == 1
                           ? QStringLiteral("session %1 does not exist").arg(ids.first())
                           : QStringLiteral("%1 of the %2 sessions did not exist")
                                 .arg(missing)
                                 .arg(ids.size()));
    }
    return Success;
}

} // namespace

QString formatTtl(qint64 ttlMs)
{
    if (ttlMs == -1)
        return QStringLiteral("no expiry");
    if (ttlMs < 0)
        return QStringLiteral("gone");
    return QString::number((ttlMs + 500) / 1000) + QLatin1Char('s');
}

QString previewValues(const QVariantMap &values, int maxChars)
{
    if (values.isEmpty())
        return QStringLiteral("(no values)");
    QString text;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        if (!text.isEmpty())
            text += QLatin1Char(' ');
        text += printableKey(it.key()) + QLatin1Char('=') + QString::fromUtf8(toJson(it.value()));
        if (text.size() > maxChars)
            break;
    }
    if (text.size() > maxChars) {
        qsizetype cut = qMax(0, maxChars - 3);
        if (cut > 0 && text.at(cut - 1).isHighSurrogate())
            --cut;
        text = text.left(cut) + QStringLiteral("...");
    }
    return text;
}

int runSessionsCommand(const QStringList &arguments)
{
    // The library's log (a refused connection, ...) would repeat the error this command prints
    // itself. QT_LOGGING_RULES still turns it on.
    QLoggingCategory::setFilterRules(QStringLiteral("redistore.*.debug=false\n"
                                                    "redistore.*.info=false\n"
                                                    "redistore.*.warning=false"));

    // The subcommand is the first operand; connection options may come before it.
    qsizetype index = -1;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == QLatin1String("--help") || argument == QLatin1String("-h")) {
            printHelp(groupCommand);
            return Success;
        }
        if (argument == QLatin1String("--")) {
            index = i + 1; // "--" stays: what follows the command is operands only
            break;
        }
        if (!argument.startsWith(QLatin1Char('-')) || argument == QLatin1String("-")) {
            index = i;
            break;
        }
        if (takesValue(argument))
            ++i;
    }
    const QString name = index >= 0 ? arguments.value(index) : QString();
    QStringList rest = arguments;
    if (index >= 0 && index < rest.size())
        rest.remove(index);

    static const QList<QPair<QString, int (*)(const QStringList &)>> commands {
        { QStringLiteral("list"), runList },
        { QStringLiteral("count"), runCount },
        { QStringLiteral("show"), runShow },
        { QStringLiteral("set"), runSet },
        { QStringLiteral("expire"), runExpire },
        { QStringLiteral("persist"), runPersist },
        { QStringLiteral("delete"), runDelete },
        { QStringLiteral("user"), runUser },
        { QStringLiteral("revoke-user"), runRevokeUser },
        { QStringLiteral("export"), runExport },
        { QStringLiteral("import"), runImport },
    };
    for (const auto &[command, run] : commands) {
        if (name == command)
            return run(rest);
    }
    return usageError(groupCommand, groupProgram,
                      name.isEmpty() ? QStringLiteral("no command given")
                                     : QStringLiteral("unknown command '%1'").arg(name));
}

} // namespace Cli

REDISTORE_COMMAND_GROUP("sessions",
                        "List, show, edit, expire and delete stored sessions, and those of a user",
                        Cli::runSessionsCommand);
