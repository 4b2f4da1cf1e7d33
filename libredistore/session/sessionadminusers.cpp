// SessionAdmin: the users of the per-user index (SCAN over its keys, ZCOUNT per user).

#include "sessionadmin.h"
#include "sessionadmin_p.h"

#include <QtCore/QDateTime>

#include <algorithm>

namespace RediStore {

namespace {

struct UserScan
{
    std::shared_ptr<SessionCall<UserList>> call;
    QByteArray keyStart; // "redistore:user:<prefix>:", cut off each key for the user ID
    QByteArray pattern;
    int limit = 0;
    UserList list;
};

SessionError scanError(const RedisReply &reply, const QString &command)
{
    return SessionError::fromRedis(
        reply.isError() ? reply.error()
                        : RedisError(RedisError::Code::UnexpectedReply, reply.toDisplayString()),
        command);
}

void finishUsers(const std::shared_ptr<UserScan> &scan)
{
    std::sort(scan->list.users.begin(), scan->list.users.end(),
              [](const UserEntry &a, const UserEntry &b) {
                  return a.sessions != b.sessions ? a.sessions > b.sessions : a.user < b.user;
              });
    scan->call->finish(scan->list);
}

// One SCAN page, then the ZCOUNT of each of its keys, then the next page. Each step holds the
// scan, never itself: a reply dropped with the admin leaves no cycle behind.
void usersStep(SessionAdminPrivate *d, const std::shared_ptr<UserScan> &scan,
               const QByteArray &cursor)
{
    d->scanNodes(cursor, { "MATCH", scan->pattern, "COUNT", "500", "TYPE", "zset" },
                 [d, scan](const RedisReply &reply, bool restarted, const RedisConfig *) {
                     if (reply.isError() || reply.size() != 2) {
                         scan->list.error = scanError(reply, QStringLiteral("SCAN"));
                         finishUsers(scan);
                         return;
                     }
                     if (restarted)
                         scan->list.users.clear(); // the masters changed: the scan began again
                     const QByteArray next = reply.at(0).data();
                     QByteArrayList keys;
                     for (const RedisReply &key : reply.at(1).elements()) {
                         if (key.data().startsWith(scan->keyStart))
                             keys.append(key.data());
                     }
                     if (keys.isEmpty()) {
                         if (next == "0")
                             finishUsers(scan);
                         else
                             usersStep(d, scan, next);
                         return;
                     }
                     // Entries scored at or before now are expired sessions the index has not
                     // pruned.
                     const QByteArray after
                         = '(' + QByteArray::number(QDateTime::currentMSecsSinceEpoch());
                     QList<QByteArrayList> commands;
                     commands.reserve(keys.size());
                     for (const QByteArray &key : std::as_const(keys))
                         commands.append({ "ZCOUNT", key, after, "+inf" });
                     d->pipeline(commands, [d, scan, keys, next](const QList<RedisReply> &counts) {
                         for (qsizetype i = 0; i < keys.size(); ++i) {
                             const RedisReply &count = counts.at(i);
                             if (count.isError()) {
                                 scan->list.error = scanError(count, QStringLiteral("ZCOUNT"));
                                 finishUsers(scan);
                                 return;
                             }
                             if (count.toInteger() <= 0)
                                 continue; // every session of that user has expired
                             if (scan->list.users.size() >= scan->limit) {
                                 scan->list.truncated = true;
                                 finishUsers(scan);
                                 return;
                             }
                             scan->list.users.append(
                                 { QString::fromUtf8(keys.at(i).mid(scan->keyStart.size())),
                                   count.toInteger() });
                         }
                         if (next == "0")
                             finishUsers(scan);
                         else
                             usersStep(d, scan, next);
                     });
                 });
}

} // namespace

QFuture<UserList> SessionAdmin::users(const QString &userPattern, int limit)
{
    auto call = d->newCall<UserList>();
    if (limit <= 0) {
        UserList refused;
        refused.error = SessionError(SessionError::Code::InvalidOption,
                                     QStringLiteral("the user limit must be more than 0"));
        return d->finishLater(call, refused);
    }
    auto scan = std::make_shared<UserScan>();
    scan->call = call;
    scan->keyStart = UserIndex::keyFor(d->keyPrefixUtf8, QString());
    scan->pattern = globEscape(scan->keyStart)
        + (userPattern.isEmpty() ? QByteArray("*") : userPattern.toUtf8());
    scan->limit = limit;
    usersStep(d.get(), scan, "0");
    return call->future();
}

} // namespace RediStore
