#ifndef REDISTORE_SESSIONADMIN_P_H
#define REDISTORE_SESSIONADMIN_P_H

#include <libredistore/redis/redisconfig.h>
#include <libredistore/redis/redispool.h>
#include <libredistore/session/sessionadmin.h>

#include "userindex_p.h"

#include <QtCore/QHash>
#include <QtCore/QPointer>
#include <QtCore/QPromise>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace RediStore {

// Whether key holds a session under prefix: the one test every listing and SessionWatcher use.
// Keys of the per-user index are never sessions, whatever the session prefix (an empty prefix,
// or "redistore:", would otherwise list them).
inline bool isSessionKey(const QByteArray &key, const QByteArray &prefix)
{
    return key.startsWith(prefix) && !UserIndex::isIndexKey(key);
}

// SCAN's MATCH and PSUBSCRIBE take globs: text that must match itself only is escaped.
QByteArray globEscape(const QByteArray &text);

// The error of a call whose admin went away before Redis answered.
SessionError adminDeletedError();

class SessionCallBase
{
public:
    virtual ~SessionCallBase() = default;
    virtual bool isFinished() const = 0;
    // Finishes now with error, or with the refusal that was waiting to be delivered.
    virtual void abandon(const SessionError &error) = 0;
};

// The promise behind one call's future. It finishes exactly once: with finish(), with a
// refusal delivered from the event loop, with abandon() when the admin is deleted, or, should
// every holder drop it unfinished, in its destructor; never cancelled.
template<typename T> class SessionCall final : public SessionCallBase
{
public:
    SessionCall() { m_promise.start(); }
    ~SessionCall() override { abandon(adminDeletedError()); }
    SessionCall(const SessionCall &) = delete;
    SessionCall &operator=(const SessionCall &) = delete;

    QFuture<T> future() { return m_promise.future(); }
    bool isFinished() const override { return m_finished; }

    void finish(const T &value)
    {
        if (m_finished)
            return;
        m_finished = true;
        m_promise.addResult(value);
        m_promise.finish();
    }
    void fail(const SessionError &error)
    {
        T value;
        value.error = error;
        finish(value);
    }
    // The result to give when delivered (or abandoned) later.
    void setPending(const T &value) { m_pending = value; }
    void deliverPending()
    {
        if (m_pending)
            finish(*m_pending);
    }
    void abandon(const SessionError &error) override
    {
        if (m_pending)
            finish(*m_pending);
        else
            fail(error);
    }

private:
    QPromise<T> m_promise;
    std::optional<T> m_pending;
    bool m_finished = false;
};

class SessionAdminPrivate
{
public:
    using ReplyHandler = std::function<void(const RedisReply &)>;
    using RepliesHandler = std::function<void(const QList<RedisReply> &)>;

    static SessionAdminPrivate *get(SessionAdmin *admin) { return admin->d.get(); }

    // A new call whose future the admin finishes, at the latest, when it is deleted.
    template<typename T> std::shared_ptr<SessionCall<T>> newCall()
    {
        auto call = std::make_shared<SessionCall<T>>();
        track(call);
        return call;
    }
    // Finishes call with value from the event loop (refusals, empty requests).
    template<typename T>
    QFuture<T> finishLater(const std::shared_ptr<SessionCall<T>> &call, const T &value)
    {
        call->setPending(value);
        QMetaObject::invokeMethod(
            q, [call]() { call->deliverPending(); }, Qt::QueuedConnection);
        return call->future();
    }
    template<typename T> QFuture<T> refuse(const SessionError &error)
    {
        T value;
        value.error = error;
        return finishLater(newCall<T>(), value);
    }

    // One command; handler runs from the event loop while the admin exists (a reply that
    // comes after it is dropped: the call was finished by the destructor).
    void execute(const QByteArrayList &args, ReplyHandler handler);
    // Commands sent back to back on one connection; handler gets every reply, in order.
    void pipeline(const QList<QByteArrayList> &commands, RepliesHandler handler);
    // SCAN over every master. The cursor is the server's for one server; for a cluster it is
    // "EPOCH-NODE-CURSOR" and the reply carries ours. restarted: the cluster's masters changed
    // since the cursor was made, so the scan began again at its first master. master: the
    // node that answered (null for one server), for commands on the keys it gave.
    using ScanHandler
        = std::function<void(const RedisReply &reply, bool restarted, const RedisConfig *master)>;
    void scanNodes(const QByteArray &cursor, const QByteArrayList &options, ScanHandler handler);
    // The TTL, size and first bytes of keys that master's SCAN gave (null: the one server), in
    // one server-side script call; keys of other types go to SessionPage::skipped. Only
    // sessions, skipped and error of the page are filled in.
    void describeKeys(const QByteArrayList &keys, const RedisConfig *master,
                      std::function<void(const SessionPage &)> done);
    // The same with PTTL, STRLEN and GETRANGE per key, pipelined (where the script is refused).
    void describeKeysOneByOne(const QByteArrayList &keys,
                              std::function<void(const SessionPage &)> done);
    // One command on every master (one reply each), for DBSIZE, CONFIG SET and the like.
    void onEveryMaster(const QByteArrayList &args, RepliesHandler handler);

    bool isSessionKey(const QByteArray &key) const
    {
        return RediStore::isSessionKey(key, keyPrefixUtf8);
    }
    SessionError readOnlyError() const;
    // Decodes stored bytes with the configured serializer, or by trying each one in turn;
    // remember: note the serializer that read it (auto mode, for write()).
    void decode(SessionContent &content, bool remember);
    std::shared_ptr<const SessionSerializer> serializerFor(const QString &id,
                                                           const QString &name) const;
    void loadContent(const QString &id, std::function<void(const SessionContent &)> done);
    // GET of each session (and its PTTL, in the same pipeline, with Ttl::Read), decoded or raw.
    enum class Ttl { NotRead, Read };
    QFuture<SessionContentList> loadMany(const QStringList &ids, bool decoded, Ttl ttl);
    void writeValues(const QString &id, const QVariantMap &values, const QString &serializerName,
                     std::function<void(const SessionChange &)> done);
    void countStep(const std::shared_ptr<SessionCall<SessionCount>> &call,
                   const QByteArray &pattern, const QByteArray &cursor, qint64 total);
    void expireKeys(const QStringList &ids, const QByteArrayList &command, bool single,
                    const std::shared_ptr<SessionCall<SessionChange>> &call);
    void persistKeys(const QStringList &ids, bool single,
                     const std::shared_ptr<SessionCall<SessionChange>> &call);

    SessionAdmin *q = nullptr;
    QPointer<RedisPool> pool;
    RedisConfig config;
    QString keyPrefix;
    QByteArray keyPrefixUtf8;
    std::shared_ptr<const SessionSerializer> serializer;
    bool readOnly = false;
    QHash<QString, QString> lastSerializer; // id -> serializer that last read it (auto mode)

private:
    void track(const std::shared_ptr<SessionCallBase> &call);

    std::vector<std::weak_ptr<SessionCallBase>> m_calls;
    std::size_t m_pruneAt = 64;
    friend class SessionAdmin;
};

} // namespace RediStore

#endif // REDISTORE_SESSIONADMIN_P_H
