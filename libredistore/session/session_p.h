#ifndef REDISTORE_SESSION_P_H
#define REDISTORE_SESSION_P_H

#include "session.h"

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
};

// For stores: the state behind a Session handle.
class SessionStoreAccess
{
public:
    static SessionData *data(const Session &session) { return session.d.data(); }
};

} // namespace RediStore

#endif // REDISTORE_SESSION_P_H
