#ifndef REDISTORE_SESSION_H
#define REDISTORE_SESSION_H

#include <libredistore/redistore_export.h>
#include <libredistore/session/sessionoptions.h>

#include <QtCore/QExplicitlySharedDataPointer>
#include <QtCore/QString>
#include <QtCore/QVariant>

namespace RediStore {

class SessionData;
class SessionStore;

// One named session of one browser: its ID, its values, its cookie options.
//
// Session is a handle, like Go's *sessions.Session: copies refer to the same session, so the
// session a handler changes is the one the store saves and the one a second get() of the same
// name in the same request returns. A default-constructed Session is null.
class REDISTORE_EXPORT Session
{
public:
    static constexpr const char *defaultFlashKey = "_flash";

    Session(); // null
    Session(SessionStore *store, const QByteArray &name, const SessionOptions &options);
    Session(const Session &other);
    Session(Session &&other) noexcept;
    Session &operator=(const Session &other);
    Session &operator=(Session &&other) noexcept;
    ~Session();

    bool isNull() const;
    SessionStore *store() const;
    QByteArray name() const;
    // Empty until the first save gives it one (52 characters of base32, as Go's redistore).
    QString id() const;
    // True unless the session was loaded from Redis.
    bool isNew() const;

    QVariantMap values() const;
    QVariant value(const QString &key, const QVariant &fallback = QVariant()) const;
    bool contains(const QString &key) const;
    void setValue(const QString &key, const QVariant &value);
    void remove(const QString &key);
    void setValues(const QVariantMap &values);
    void clear();

    // gorilla/sessions' flashes: messages kept until read once.
    void addFlash(const QVariant &message, const QString &key = QLatin1String(defaultFlashKey));
    // Returns the flashes under key and removes them (so the session is changed: save it).
    QVariantList flashes(const QString &key = QLatin1String(defaultFlashKey));

    SessionOptions options() const;
    void setOptions(const SessionOptions &options);
    // Shorthand for options().setMaxAge(): a negative value deletes the session on save.
    void setMaxAge(qint64 seconds);

    // Gives the session a new ID on the next save, keeping its values; the save writes the new
    // key and removes the old one atomically. Call it when a user logs in (no session
    // fixation).
    void regenerateId();

    // True when values or options changed since the session was loaded or last saved.
    bool isModified() const;

    friend bool operator==(const Session &a, const Session &b) { return a.d == b.d; }
    friend bool operator!=(const Session &a, const Session &b) { return a.d != b.d; }

private:
    friend class SessionStoreAccess;
    QExplicitlySharedDataPointer<SessionData> d;
};

} // namespace RediStore

Q_DECLARE_METATYPE(RediStore::Session)

#endif // REDISTORE_SESSION_H
