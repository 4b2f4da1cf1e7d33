#ifndef REDISTORE_TEST_GUITESTSUPPORT_H
#define REDISTORE_TEST_GUITESTSUPPORT_H

#include "redisserver.h"
#include "sessionfiller.h"

#include <libredistore/serializer/sessionserializer.h>

#include <QtCore/QHash>
#include <QtNetwork/QTcpSocket>

namespace RediStore::Test {

// Sends RESP commands in one go and waits for one reply each (test setup only: it blocks).
inline bool pipeline(const RedisServer &server, const QByteArray &commands, int replies)
{
    QTcpSocket socket;
    socket.connectToHost(server.host(), server.port());
    if (!socket.waitForConnected(5000))
        return false;
    socket.write(commands);
    int seen = 0;
    QByteArray buffer;
    while (seen < replies) {
        if (!socket.waitForReadyRead(10000))
            return false;
        buffer += socket.readAll();
        qsizetype at = 0;
        qsizetype newline;
        while ((newline = buffer.indexOf("\r\n", at)) >= 0) {
            if (buffer.at(at) == '-')
                qWarning("Redis error: %s", buffer.mid(at, newline - at).constData());
            ++seen;
            at = newline + 2;
        }
        buffer.remove(0, at);
    }
    return true;
}

// Fills Redis with count realistic sessions; returns their IDs.
inline QStringList fillSessions(const RedisServer &server, int count,
                                SessionFiller::Options options = SessionFiller::Options())
{
    SessionFiller filler(options);
    QStringList ids;
    ids.reserve(count);
    for (int done = 0; done < count;) {
        const int n = qMin(20000, count - done);
        QByteArray commands;
        for (int i = 0; i < n; ++i) {
            QString id;
            commands += filler.next(&id);
            ids << id;
        }
        if (!pipeline(server, commands, n))
            return {};
        done += n;
    }
    return ids;
}

// Stores one session's values with a serializer and a TTL (seconds; 0: none).
inline bool storeSession(const RedisServer &server, const QString &key, const QVariantMap &values,
                         const QString &serializer, int ttl)
{
    auto bytes = SessionSerializer::byName(serializer)->serialize(values);
    if (!bytes.ok())
        return false;
    QByteArrayList args = { "SET", key.toUtf8(), bytes.value() };
    if (ttl > 0)
        args << "EX" << QByteArray::number(ttl);
    return server.command(args).toByteArray() == "OK";
}

// INFO commandstats as command -> calls ("set", "expire", "config|set", ...).
inline QHash<QString, qint64> commandStats(const RedisServer &server)
{
    QHash<QString, qint64> stats;
    const QByteArray info = server.command({ "INFO", "commandstats" }).toByteArray();
    for (const QByteArray &line : info.split('\n')) {
        if (!line.startsWith("cmdstat_"))
            continue;
        const qsizetype colon = line.indexOf(':');
        const qsizetype calls = line.indexOf("calls=");
        const qsizetype comma = line.indexOf(',', calls);
        stats.insert(QString::fromLatin1(line.mid(8, colon - 8)),
                     line.mid(calls + 6, comma - calls - 6).toLongLong());
    }
    return stats;
}

// The commands among stats that change data or configuration.
inline QStringList writeCommands(const QHash<QString, qint64> &stats)
{
    static const QStringList writes
        = { QStringLiteral("set"),     QStringLiteral("setex"),      QStringLiteral("psetex"),
            QStringLiteral("expire"),  QStringLiteral("pexpire"),    QStringLiteral("expireat"),
            QStringLiteral("persist"), QStringLiteral("del"),        QStringLiteral("unlink"),
            QStringLiteral("rename"),  QStringLiteral("config|set"), QStringLiteral("flushdb"),
            QStringLiteral("getdel"),  QStringLiteral("getex"),      QStringLiteral("multi") };
    QStringList found;
    for (auto it = stats.cbegin(); it != stats.cend(); ++it) {
        if (writes.contains(it.key()) && it.value() > 0)
            found << it.key();
    }
    return found;
}

} // namespace RediStore::Test

#endif // REDISTORE_TEST_GUITESTSUPPORT_H
