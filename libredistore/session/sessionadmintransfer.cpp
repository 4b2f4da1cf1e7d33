// SessionAdmin: what an export reads (values with their TTL) and an import writes (stored bytes
// as they are, with SET NX unless asked to overwrite).

#include "sessionadmin.h"
#include "sessionadmin_p.h"

namespace RediStore {

QFuture<SessionContentList> SessionAdmin::loadManyWithTtl(const QStringList &ids)
{
    auto call = d->newCall<SessionContentList>();
    if (ids.isEmpty())
        return d->finishLater(call, SessionContentList());
    QList<QByteArrayList> commands;
    commands.reserve(ids.size() * 2);
    for (const QString &id : ids) {
        const QByteArray key = keyFor(id);
        commands.append({ "PTTL", key });
        commands.append({ "GET", key });
    }
    d->pipeline(commands, [this, call, ids](const QList<RedisReply> &replies) {
        SessionContentList list;
        list.sessions.reserve(ids.size());
        for (qsizetype i = 0; i < ids.size(); ++i) {
            SessionContent content;
            content.id = ids.at(i);
            const RedisReply &ttl = replies.at(2 * i);
            const RedisReply &value = replies.at(2 * i + 1);
            const RedisReply &failed = ttl.isError() ? ttl : value;
            if (failed.isError()) {
                content.error = SessionError::fromRedis(
                    failed.error(), QLatin1String(ttl.isError() ? "PTTL" : "GET"));
                // A refused key (WRONGTYPE) is its own; a lost connection fails the call.
                if (!list.error.isError() && failed.error().code() != RedisError::Code::ServerError)
                    list.error = content.error;
            } else if (value.isNil() || ttl.toInteger() == -2) {
                content.ttlMs = -2;
                content.error
                    = SessionError(SessionError::Code::SessionGone,
                                   QStringLiteral("session %1 does not exist (expired or deleted)")
                                       .arg(ids.at(i)));
            } else {
                content.exists = true;
                content.ttlMs = ttl.toInteger();
                content.raw = value.data();
                d->decode(content, false);
            }
            list.sessions.append(content);
        }
        call->finish(list);
    });
    return call->future();
}

QFuture<SessionPutList> SessionAdmin::putMany(const QList<SessionContent> &sessions, bool overwrite)
{
    if (d->readOnly)
        return d->refuse<SessionPutList>(d->readOnlyError());
    auto call = d->newCall<SessionPutList>();
    SessionPutList list;
    list.sessions.reserve(sessions.size());
    QList<QByteArrayList> commands;
    QList<qsizetype> asked; // index into list.sessions of each SET
    for (const SessionContent &session : sessions) {
        SessionPutOutcome outcome;
        outcome.id = session.id;
        const QByteArray key = keyFor(session.id);
        if (session.id.isEmpty() || !d->isSessionKey(key)) {
            outcome.error = SessionError(
                SessionError::Code::InvalidOption,
                QStringLiteral("'%1' is not a session ID under this prefix").arg(session.id));
        } else if (session.ttlMs != -1 && session.ttlMs <= 0) {
            outcome.error
                = SessionError(SessionError::Code::InvalidOption,
                               QStringLiteral("session %1: a time to live of %2 ms stores nothing")
                                   .arg(session.id)
                                   .arg(session.ttlMs));
        } else {
            QByteArrayList args { "SET", key, session.raw };
            if (session.ttlMs > 0)
                args << "PX" << QByteArray::number(session.ttlMs);
            // NX: whether the session exists and the write are one step, so a session created
            // meanwhile is never replaced.
            if (!overwrite)
                args << "NX";
            asked.append(list.sessions.size());
            commands.append(args);
        }
        list.sessions.append(outcome);
    }
    if (commands.isEmpty())
        return d->finishLater(call, list);
    d->pipeline(commands, [call, list, asked](const QList<RedisReply> &replies) {
        SessionPutList result = list;
        for (qsizetype i = 0; i < asked.size(); ++i) {
            SessionPutOutcome &outcome = result.sessions[asked.at(i)];
            const RedisReply &reply = replies.at(i);
            if (reply.isError()) {
                outcome.error = SessionError::fromRedis(reply.error(), QStringLiteral("SET"));
                if (!result.error.isError()
                    && reply.error().code() != RedisError::Code::ServerError)
                    result.error = outcome.error;
            } else if (reply.isNil()) {
                outcome.existed = true;
            } else {
                outcome.written = true;
            }
        }
        call->finish(result);
    });
    return call->future();
}

} // namespace RediStore
