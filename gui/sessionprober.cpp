#include "sessionprober.h"

#include <libredistore/redis/redispool.h>

namespace RediStore::Admin {

namespace {
constexpr int maxBatch = 2000;
} // namespace

SessionProber::SessionProber(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(50);
    connect(&m_timer, &QTimer::timeout, this, &SessionProber::flush);
}

void SessionProber::setAdmin(SessionAdmin *admin)
{
    ++m_token;
    m_admin = admin;
    m_pending.clear();
    m_inFlight = 0;
}

void SessionProber::probe(const QByteArray &id)
{
    m_pending.insert(id);
    if (!m_timer.isActive())
        m_timer.start();
}

void SessionProber::forget(const QByteArray &id)
{
    m_pending.remove(id);
}

void SessionProber::flush()
{
    if (!m_admin || m_pending.isEmpty())
        return;
    struct Batch
    {
        QList<SessionInfo> sessions;
        int remaining = 0;
    };
    auto batch = std::make_shared<Batch>();
    for (auto it = m_pending.begin(); it != m_pending.end() && batch->sessions.size() < maxBatch;) {
        SessionInfo info;
        info.id = QString::fromUtf8(*it);
        info.key = m_admin->keyFor(info.id);
        info.ttlMs = NoAnswer;
        batch->sessions.append(info);
        it = m_pending.erase(it);
    }
    if (!m_pending.isEmpty())
        m_timer.start();
    batch->remaining = int(batch->sessions.size()) * 2;
    ++m_inFlight;
    const quint64 token = m_token;
    auto done = [this, batch, token]() {
        if (--batch->remaining > 0 || token != m_token)
            return;
        --m_inFlight;
        Q_EMIT probed(batch->sessions);
    };
    RedisClient *client = m_admin->pool()->acquire();
    for (qsizetype i = 0; i < batch->sessions.size(); ++i) {
        const QByteArray key = batch->sessions.at(i).key;
        client->execute({ QByteArrayLiteral("PTTL"), key }, this,
                        [batch, i, done](const RedisReply &reply) {
                            if (reply.isInteger())
                                batch->sessions[i].ttlMs = reply.toInteger();
                            done();
                        });
        client->execute({ QByteArrayLiteral("STRLEN"), key }, this,
                        [batch, i, done](const RedisReply &reply) {
                            batch->sessions[i].size = reply.toInteger();
                            done();
                        });
    }
}

} // namespace RediStore::Admin
