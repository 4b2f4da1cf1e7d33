#include "sessionreader.h"

#include <libredistore/redis/redispool.h>
#include <libredistore/serializer/sessionserializer.h>

#include <QtCore/QPromise>

namespace RediStore::Admin {

void SessionReader::decode(const SessionAdmin *admin, SessionContent &content)
{
    if (const auto serializer = admin->serializer()) {
        auto values = serializer->deserialize(content.raw);
        if (values.ok()) {
            content.values = std::move(values).value();
            content.serializer = serializer->name();
        } else {
            content.error = SessionError(SessionError::Code::CorruptData, values.error().message());
        }
        return;
    }
    auto detected = SessionSerializer::detect(content.raw);
    if (detected.ok()) {
        content.values = detected.value().values;
        content.serializer = detected.value().serializer->name();
    } else {
        content.error
            = SessionError(SessionError::Code::UnknownSerializer, detected.error().message());
    }
}

QFuture<SessionContent> SessionReader::read(SessionAdmin *admin, const QString &id)
{
    auto promise = std::make_shared<QPromise<SessionContent>>();
    promise->start();
    QFuture<SessionContent> future = promise->future();
    admin->pool()->execute(
        { QByteArrayLiteral("GET"), admin->keyFor(id) }, admin,
        [admin, id, promise](const RedisReply &reply) {
            SessionContent content;
            content.id = id;
            if (reply.isError()) {
                content.error = SessionError::fromRedis(reply.error(), QStringLiteral("GET"));
            } else if (reply.isNil()) {
                content.ttlMs = -2;
                content.error = SessionError(SessionError::Code::SessionGone, QString());
            } else {
                content.exists = true;
                content.raw = reply.data();
                decode(admin, content);
            }
            promise->addResult(content);
            promise->finish();
        });
    return future;
}

} // namespace RediStore::Admin
