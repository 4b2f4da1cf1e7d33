#ifndef REDISTORE_SESSIONSCOMMAND_H
#define REDISTORE_SESSIONSCOMMAND_H

#include "cli.h"

#include <libredistore/redis/redisconfig.h>
#include <libredistore/session/sessionadmin.h>

#include <QtCore/QEventLoop>
#include <QtCore/QFuture>
#include <QtCore/QFutureWatcher>
#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtCore/QVariantMap>

#include <memory>

// "redistore sessions ...": list, count, show, set, expire, persist and delete the sessions a
// store keeps in Redis, through RediStore::SessionAdmin.
namespace Cli {

// The group's entry point (registered with REDISTORE_COMMAND_GROUP in sessionscommand.cpp).
int runSessionsCommand(const QStringList &arguments);

// A subcommand's usage ("redistore sessions " + usage + the connection options) and options
// (extra, then the connection options).
Command subcommand(const QString &usage, const QString &description,
                   const QList<Option> &extra = {});

// A subcommand's parsed arguments and the SessionAdmin they configure.
struct Invocation
{
    QString program;
    Arguments arguments;
    RediStore::RedisConfig config;
    std::unique_ptr<RediStore::SessionAdmin> admin;
};

enum class Setup { Ready, Done, Failed };

// Parses the arguments, answers --help, checks the number of operands (described by
// operands for messages) and the connection options, and creates the admin. On Done or Failed,
// *exitCode holds the status.
Setup prepare(const Command &command, const QString &name, const QStringList &args,
              const QString &operands, qsizetype minPositional, qsizetype maxPositional,
              Invocation *invocation, int *exitCode);

// "PROGRAM: MESSAGE" on stderr; returns Failure.
int failure(const QString &program, const QString &message);
int failure(const QString &program, const RediStore::SessionError &error);

// "redistore sessions export" and "import" (sessiontransfercommand.cpp).
int runExport(const QStringList &arguments);
int runImport(const QStringList &arguments);

// "3599s" (rounded as Redis's TTL rounds), "no expiry" for -1, "gone" for -2.
QString formatTtl(qint64 ttlMs);

// One line showing a session's values: key=JSON pairs in key order, cut to maxChars with "...".
QString previewValues(const QVariantMap &values, int maxChars = 60);

// Waits for a future in a local event loop. Only the tool may do this: the library never
// blocks, and a command-line run has nothing else to do meanwhile.
template<typename T> T await(const QFuture<T> &future)
{
    if (!future.isFinished()) {
        QEventLoop loop;
        QFutureWatcher<T> watcher;
        QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
        watcher.setFuture(future);
        if (!future.isFinished())
            loop.exec();
    }
    return future.result();
}

} // namespace Cli

#endif // REDISTORE_SESSIONSCOMMAND_H
