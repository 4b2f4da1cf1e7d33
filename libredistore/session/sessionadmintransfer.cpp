// SessionAdmin: what an export reads (values with their TTL) and an import writes (stored bytes
// as they are, with SET NX unless asked to overwrite).

#include "sessionadmin.h"
#include "sessionadmin_p.h"

namespace RediStore {

QFuture<SessionContentList> SessionAdmin::loadManyWithTtl(const QStringList &ids)
{
    return d->loadMany(ids, true, SessionAdminPrivate::Ttl::Read);
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
