#ifndef REDISTORE_SESSION_P_H
#define REDISTORE_SESSION_P_H

#include "session.h"

#include <QtCore/QSet>
#include <QtCore/QSharedData>

namespace RediStore {

class SessionData : public QSharedData
{
public:
    SessionData() = default;
    SessionData(SessionStore *owner, const QByteArray &sessionName, const SessionOptions &opts)
        : store(owner)
        , name(sessionName)
        , options(opts)
    { }

    SessionStore *store = nullptr;
    QByteArray name;
    QString id;
    QByteArray key; // the Redis key of id, made under keyPrefix (kept from load to save)
    QByteArray keyPrefix;
    bool isNew = true;
    bool modified = false;
    bool regenerate = false;
    qint64 cookieTimestamp = 0; // when the request's cookie was signed (lazy saves)
    QVariantMap values;
    SessionOptions options;

    // For saves that never lose another request's update: the bytes this session was loaded
    // from (or last saved as), the keys this request set or removed since, and the user the
    // per-user index holds the session under.
    QByteArray storedBytes;
    QSet<QString> touched;
    QString indexedUser;

    void touch(const QString &key)
    {
        touched.insert(key);
        modified = true;
    }
    void touchAll()
    {
        for (auto it = values.cbegin(); it != values.cend(); ++it)
            touched.insert(it.key());
        modified = true;
    }
};

// For stores: the state behind a Session handle.
class SessionStoreAccess
{
public:
    static SessionData *data(const Session &session) { return session.d.data(); }
};

} // namespace RediStore

#endif // REDISTORE_SESSION_P_H
