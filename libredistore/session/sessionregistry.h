#ifndef REDISTORE_SESSIONREGISTRY_H
#define REDISTORE_SESSIONREGISTRY_H

#include <libredistore/redistore_export.h>
#include <libredistore/session/sessionstore.h>

#include <QtCore/QObject>

#include <memory>

namespace RediStore {

class SessionRegistryPrivate;

// The sessions of one request, as gorilla/sessions' registry: getting the same name twice
// returns the same session and the same error (one load, however many callers), several named
// sessions may be used at once, and each saved session gives one Set-Cookie header.
class REDISTORE_EXPORT SessionRegistry : public QObject
{
    Q_OBJECT

public:
    // cookieHeaders: the request's Cookie header values.
    explicit SessionRegistry(const QByteArrayList &cookieHeaders, QObject *parent = nullptr);
    ~SessionRegistry() override;

    QByteArrayList cookieHeaders() const;

    void get(SessionStore *store, const QByteArray &name, const QObject *context,
             SessionStore::LoadCallback callback);
    QFuture<SessionLoadResult> get(SessionStore *store, const QByteArray &name);

    // Saves one session and records its Set-Cookie header (a later save of the same session
    // replaces it).
    void save(const Session &session, const QObject *context, SessionStore::SaveCallback callback);
    QFuture<SessionSaveResult> save(const Session &session);
    // The same for SessionStore::update() and destroy(). A session found gone on saving
    // (logged out or revoked meanwhile) records an expired cookie, so that the client drops it.
    void update(const Session &session, SessionStore::UpdateFunction change, const QObject *context,
                SessionStore::SaveCallback callback);
    void destroy(const Session &session, const QObject *context,
                 SessionStore::SaveCallback callback);
    // Saves every session got through this registry (gorilla's sessions.Save); the result is
    // the first error, if any.
    QFuture<SessionSaveResult> saveAll();

    // The Set-Cookie header values to send with the response, one per saved session.
    QByteArrayList setCookieHeaders() const;

private:
    std::unique_ptr<SessionRegistryPrivate> d;
};

} // namespace RediStore

#endif // REDISTORE_SESSIONREGISTRY_H
