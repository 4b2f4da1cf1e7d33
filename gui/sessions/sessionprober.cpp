#include "sessions/sessionprober.h"

#include <libredistore/async.h>

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
    QStringList ids;
    for (auto it = m_pending.begin(); it != m_pending.end() && ids.size() < maxBatch;) {
        ids.append(QString::fromUtf8(*it));
        it = m_pending.erase(it);
    }
    if (!m_pending.isEmpty())
        m_timer.start();
    ++m_inFlight;
    const quint64 token = m_token;
    whenFinished(m_admin->probe(ids), this, [this, token, ids](const SessionProbe &probe) {
        if (token != m_token)
            return;
        --m_inFlight;
        QList<SessionInfo> sessions = probe.sessions;
        if (!probe.ok()) {
            // No answer: not the same as gone.
            sessions.clear();
            for (const QString &id : ids) {
                SessionInfo info;
                info.id = id;
                info.ttlMs = NoAnswer;
                sessions.append(info);
            }
        }
        Q_EMIT probed(sessions);
    });
}

} // namespace RediStore::Admin
