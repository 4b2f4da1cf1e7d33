#include "sessionstore.h"

#include <QtCore/QPromise>

#include <memory>

namespace RediStore {

namespace {

// The store-agnostic QFuture forms need a context for the callback: a small object that
// lives as long as the promise is pending, in the caller's thread.
template<typename T> struct FutureBridge : QObject
{
    QPromise<T> promise;
};

template<typename T, typename Call> QFuture<T> viaFuture(Call call)
{
    auto *bridge = new FutureBridge<T>;
    bridge->promise.start();
    QFuture<T> future = bridge->promise.future();
    call(bridge, [bridge](const T &result) {
        bridge->promise.addResult(result);
        bridge->promise.finish();
        bridge->deleteLater();
    });
    return future;
}

} // namespace

SessionStore::~SessionStore() = default;

Session SessionStore::newSession(const QByteArray &name) const
{
    return createSession(name);
}

void SessionStore::load(const QByteArray &name, const QByteArrayList &cookieHeaders,
                        const QObject *context, LoadCallback callback)
{
    loadSession(name, cookieHeaders, context, std::move(callback));
}

QFuture<SessionLoadResult> SessionStore::load(const QByteArray &name,
                                              const QByteArrayList &cookieHeaders)
{
    return viaFuture<SessionLoadResult>([&](QObject *context, LoadCallback callback) {
        loadSession(name, cookieHeaders, context, std::move(callback));
    });
}

void SessionStore::save(const Session &session, const QObject *context, SaveCallback callback)
{
    saveSession(session, context, std::move(callback));
}

QFuture<SessionSaveResult> SessionStore::save(const Session &session)
{
    return viaFuture<SessionSaveResult>([&](QObject *context, SaveCallback callback) {
        saveSession(session, context, std::move(callback));
    });
}

void SessionStore::update(const Session &session, UpdateFunction change, const QObject *context,
                          SaveCallback callback)
{
    updateSession(session, std::move(change), context, std::move(callback));
}

QFuture<SessionSaveResult> SessionStore::update(const Session &session, UpdateFunction change)
{
    return viaFuture<SessionSaveResult>([&](QObject *context, SaveCallback callback) {
        updateSession(session, std::move(change), context, std::move(callback));
    });
}

void SessionStore::destroy(const Session &session, const QObject *context, SaveCallback callback)
{
    destroySession(session, context, std::move(callback));
}

QFuture<SessionSaveResult> SessionStore::destroy(const Session &session)
{
    return viaFuture<SessionSaveResult>([&](QObject *context, SaveCallback callback) {
        destroySession(session, context, std::move(callback));
    });
}

} // namespace RediStore
