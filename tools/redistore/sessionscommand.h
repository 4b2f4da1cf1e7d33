#ifndef REDISTORE_SESSIONSCOMMAND_H
#define REDISTORE_SESSIONSCOMMAND_H

#include <QtCore/QEventLoop>
#include <QtCore/QFuture>
#include <QtCore/QFutureWatcher>
#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtCore/QVariantMap>

// "redistore sessions ...": list, count, show, set, expire, persist and delete the sessions a
// store keeps in Redis, through RediStore::SessionAdmin.
namespace Cli {

// The group's entry point (registered with REDISTORE_COMMAND_GROUP in sessionscommand.cpp).
int runSessionsCommand(const QStringList &arguments);

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
