#ifndef REDISTORE_SESSIONSTORE_H
#define REDISTORE_SESSIONSTORE_H

#include <libredistore/redistore_export.h>
#include <libredistore/session/session.h>
#include <libredistore/session/sessionerror.h>

#include <QtCore/QByteArrayList>
#include <QtCore/QFuture>
#include <QtCore/QObject>

#include <functional>

namespace RediStore {

// What loading a session gives: always a usable session, and, when the request's cookie was
// bad or Redis failed, the reason (the session is then a new one). As Go's Store.New.
struct SessionLoadResult
{
    Session session;
    SessionError error;
};

// What saving gives: the Set-Cookie header value to send (empty when nothing needs sending,
// e.g. a lazy save that wrote nothing), or the reason nothing was saved.
struct SessionSaveResult
{
    SessionError error;
    QByteArray setCookie;
    bool ok() const { return !error.isError(); }
};

// A place sessions live, as gorilla/sessions' Store. Every call completes exactly once,
// asynchronously, on the caller's thread; nothing blocks.
class REDISTORE_EXPORT SessionStore
{
public:
    using LoadCallback = std::function<void(const SessionLoadResult &)>;
    using SaveCallback = std::function<void(const SessionSaveResult &)>;

    virtual ~SessionStore();

    // A new, empty session called name with the store's default options.
    virtual Session newSession(const QByteArray &name) const = 0;
    // The session called name for a request whose Cookie header values are cookieHeaders.
    virtual void load(const QByteArray &name, const QByteArrayList &cookieHeaders,
                      const QObject *context, LoadCallback callback)
        = 0;
    // Writes the session (or deletes it when its MaxAge is negative) and gives its cookie.
    virtual void save(const Session &session, const QObject *context, SaveCallback callback) = 0;
    // Deletes the session's data and gives an expired cookie; the session is cleared.
    virtual void destroy(const Session &session, const QObject *context, SaveCallback callback) = 0;

    QFuture<SessionLoadResult> load(const QByteArray &name, const QByteArrayList &cookieHeaders);
    QFuture<SessionSaveResult> save(const Session &session);
    QFuture<SessionSaveResult> destroy(const Session &session);
};

} // namespace RediStore

Q_DECLARE_METATYPE(RediStore::SessionLoadResult)
Q_DECLARE_METATYPE(RediStore::SessionSaveResult)

#endif // REDISTORE_SESSIONSTORE_H
