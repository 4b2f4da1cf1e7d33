#ifndef REDISTORE_STORETESTHELPERS_H
#define REDISTORE_STORETESTHELPERS_H

#include <libredistore/session/redisstore.h>

#include "asyncwait.h"
#include "redisserver.h"

#include <QtTest/QTest>

namespace RediStore::Test {

inline const QByteArray hashKey = QByteArray("0123456789abcdef0123456789abcdef");
inline const QByteArray blockKey = QByteArray("fedcba9876543210");

// The Cookie header a browser sends back for a Set-Cookie line: "name=value".
inline QByteArray cookieFrom(const QByteArray &setCookie)
{
    const qsizetype end = setCookie.indexOf(';');
    return end < 0 ? setCookie : setCookie.left(end);
}

inline std::unique_ptr<RedisStore> makeStore(const RedisServer &server,
                                             QList<RedisStoreOption> options = {},
                                             const KeyRing &keys = KeyRing::keys({ hashKey }))
{
    options.prepend(
        withAddress(QStringLiteral("tcp"), QStringLiteral("127.0.0.1:%1").arg(server.port())));
    auto store = RedisStore::create(keys, options);
    if (!store.ok()) {
        qWarning("%s", qPrintable(store.error().message()));
        return nullptr;
    }
    return std::move(store).value();
}

inline SessionLoadResult load(SessionStore &store, const QByteArray &name,
                              const QByteArrayList &cookies = {})
{
    return waitFor(store.load(name, cookies))
        .value_or(SessionLoadResult {
            Session(),
            SessionError(SessionError::Code::InvalidSession, QStringLiteral("timed out")) });
}

inline SessionSaveResult save(SessionStore &store, const Session &session)
{
    return waitFor(store.save(session))
        .value_or(SessionSaveResult {
            SessionError(SessionError::Code::InvalidSession, QStringLiteral("timed out")), {} });
}

} // namespace RediStore::Test

#endif // REDISTORE_STORETESTHELPERS_H
