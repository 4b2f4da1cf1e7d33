#ifndef REDISTORE_SESSIONADMIN_H
#define REDISTORE_SESSIONADMIN_H

#include <libredistore/redis/redisconfig.h>
#include <libredistore/redistore_export.h>
#include <libredistore/session/sessionerror.h>

#include <QtCore/QFuture>
#include <QtCore/QObject>
#include <QtCore/QStringList>
#include <QtCore/QVariant>

#include <memory>

namespace RediStore {

class RedisPool;
class SessionAdminPrivate;
class SessionSerializer;

// One stored session as a listing shows it.
struct SessionInfo
{
    QString id; // the key without the prefix
    QByteArray key; // the Redis key
    qint64 ttlMs = -1; // milliseconds left; -1: no expiry; -2: gone
    qint64 size = 0; // bytes of the stored value
};

// One page of a SCAN over the sessions.
struct SessionPage
{
    QList<SessionInfo> sessions;
    QByteArray nextCursor; // pass to scan() for the next page; "0" when the scan is complete
    bool finished = false;
    SessionError error;
};

// One session, loaded and decoded.
struct SessionContent
{
    QString id;
    bool exists = false;
    QVariantMap values; // when it decoded
    QByteArray raw; // the stored bytes, always
    QString serializer; // the serializer that decoded it ("datastream", "gob", "json")
    qint64 ttlMs = -1;
    SessionError error; // SessionGone, CorruptData (raw kept), UnknownSerializer, Redis errors
};

struct SessionCount
{
    qint64 count = 0;
    SessionError error;
};

struct SessionDeletion
{
    qint64 deleted = 0;
    SessionError error;
};

// What operators do with stored sessions: list, count, inspect, edit, expire, persist and
// delete them. Used by the command-line tool, the admin app and the QML module. Every call
// returns a future that always finishes; nothing blocks. In read-only mode every write fails
// with ReadOnly and sends nothing to Redis.
//
// With no serializer given, each session is decoded by trying DataStream, gob and JSON in
// turn ("auto"), and written back with the serializer that read it.
class REDISTORE_EXPORT SessionAdmin : public QObject
{
    Q_OBJECT

public:
    explicit SessionAdmin(const RedisConfig &config,
                          const QString &keyPrefix = QStringLiteral("session_"),
                          std::shared_ptr<const SessionSerializer> serializer = nullptr,
                          QObject *parent = nullptr);
    SessionAdmin(RedisPool *pool, const QString &keyPrefix,
                 std::shared_ptr<const SessionSerializer> serializer, QObject *parent = nullptr);
    ~SessionAdmin() override;

    RedisPool *pool() const;
    QString keyPrefix() const;
    std::shared_ptr<const SessionSerializer> serializer() const; // null: auto
    bool isReadOnly() const;
    void setReadOnly(bool readOnly);

    QByteArray keyFor(const QString &id) const;
    QString idFromKey(const QByteArray &key) const;

    // One SCAN step (MATCH prefix*, COUNT hint) with each key's TTL and size. Start with "0".
    QFuture<SessionPage> scan(const QByteArray &cursor = QByteArrayLiteral("0"),
                              int countHint = 200);
    // The number of sessions (a full SCAN: it takes a while on a big database).
    QFuture<SessionCount> count();
    QFuture<SessionContent> load(const QString &id);
    // Replaces the values, keeping the TTL. serializerName: "" for the admin's serializer (or,
    // in auto mode, the one that read the session last, else DataStream). A session that no
    // longer exists is not re-created: SessionGone.
    QFuture<SessionError> write(const QString &id, const QVariantMap &values,
                                const QString &serializerName = QString());
    // Loads, sets one value, writes back (keeping the TTL and the serializer).
    QFuture<SessionError> setValue(const QString &id, const QString &key, const QVariant &value);
    QFuture<SessionError> expire(const QString &id, qint64 seconds);
    QFuture<SessionError> persist(const QString &id);
    QFuture<SessionDeletion> remove(const QStringList &ids);

private:
    std::unique_ptr<SessionAdminPrivate> d;
};

} // namespace RediStore

Q_DECLARE_METATYPE(RediStore::SessionInfo)
Q_DECLARE_METATYPE(RediStore::SessionPage)
Q_DECLARE_METATYPE(RediStore::SessionContent)

#endif // REDISTORE_SESSIONADMIN_H
