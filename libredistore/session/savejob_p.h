#ifndef REDISTORE_SAVEJOB_P_H
#define REDISTORE_SAVEJOB_P_H

#include "redisstore_p.h"

#include <libredistore/redis/redisreply.h>

#include <QtCore/QSet>

#include <memory>
#include <optional>

namespace RediStore {

// One save or update of one session, from its turn in the session's queue to its result.
//
// With compare-and-set (the default), a loaded session is written by one script on its key
// that writes only if the stored bytes are still those this request loaded; otherwise the script
// returns the stored bytes and the job merges (save: the keys this request set or removed win)
// or runs the update's change again on them, up to maxAttempts writes. A new session is written
// with SET NX, a new ID with SET NX then the old key's DEL, an unchanged one with EXPIRE. A key
// that is gone is never re-created: the session becomes a new visitor's (SessionGone).
class SaveJob : public std::enable_shared_from_this<SaveJob>
{
public:
    SaveJob(RedisStorePrivate *store, Session session, SessionStore::UpdateFunction change,
            std::shared_ptr<PendingWrite> write, QByteArray queueKey);

    // Runs the job; when it ends while still inside this call, its result is posted.
    void run();

private:
    void attempt();
    void writeNew(const QByteArray &bytes, const QByteArray &ttl);
    // SET NX of this attempt's key; a taken ID draws another (a new attempt).
    void createKey(const QByteArray &bytes, const QByteArray &ttl, const char *what,
                   std::function<void()> created);
    void writeRegenerated(const QByteArray &bytes, const QByteArray &ttl);
    void writeLoaded(const QByteArray &bytes, const QByteArray &ttl);
    void writeLastWins(const QByteArray &bytes, const QByteArray &ttl);
    void retireOldKey(const QByteArray &bytes, const QByteArray &ttl);
    void discardNewKey();
    // The session's values, serialized within the store's limits; nothing when the job failed.
    std::optional<QByteArray> serialized();
    void conflict(const QByteArray &stored);
    // Takes in the bytes another writer stored: merged (save) or the change run again on them
    // (update). False when the job failed instead (too many tries, bytes that do not decode).
    bool absorb(const QByteArray &stored);
    void written(const QString &id, const QByteArray &key, const QByteArray &bytes);
    void gone();
    void fail(const SessionError &error);
    void done(const SessionSaveResult &result);
    // True when the reply is an error: the job has then failed with it.
    bool failedOn(const RedisReply &reply, const char *what);

    RedisStorePrivate *d;
    Session m_session;
    SessionStore::UpdateFunction m_change;
    std::shared_ptr<PendingWrite> m_write;
    QByteArray m_queueKey;
    bool m_inCall = false;
    int m_attempts = 0;
    // This attempt's ID, key and cookie, and the request's ID before it.
    QString m_id;
    QByteArray m_key;
    QByteArray m_cookie;
    qint64 m_now = 0;
    QString m_previousId;
    // For update(): the values and changed keys from before the change first ran.
    QVariantMap m_base;
    QSet<QString> m_baseTouched;
    QByteArray m_baseStored;
    bool m_baseModified = false;
    bool m_movedInIndex = false; // a new ID took the old one's place in the user's index
};

} // namespace RediStore

#endif // REDISTORE_SAVEJOB_P_H
