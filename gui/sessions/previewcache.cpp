#include "sessions/previewcache.h"

#include "common/displayformat.h"

#include <libredistore/async.h>

namespace RediStore::Admin {

namespace {
constexpr int maxQueued = 256; // about ten screens of rows
constexpr int maxInFlight = 24;
} // namespace

PreviewCache::PreviewCache(QObject *parent)
    : QObject(parent)
{
    m_cache.setMaxCost(2000);
    m_pumpTimer.setSingleShot(true);
    m_pumpTimer.setInterval(0);
    connect(&m_pumpTimer, &QTimer::timeout, this, &PreviewCache::pump);
}

void PreviewCache::setAdmin(SessionAdmin *admin)
{
    m_admin = admin;
    clear();
}

void PreviewCache::clear()
{
    ++m_token;
    m_cache.clear();
    m_queue.clear();
    m_queued.clear();
    m_inFlight.clear();
}

void PreviewCache::setCapacity(int entries)
{
    m_cache.setMaxCost(qMax(1, entries));
}

const PreviewCache::Preview *PreviewCache::find(const QByteArray &id)
{
    return m_cache.object(id);
}

void PreviewCache::request(const QByteArray &id)
{
    if (!m_admin || m_inFlight.contains(id) || m_cache.contains(id))
        return;
    if (m_queued.contains(id)) {
        m_queue.removeOne(id); // move to the front: it is on screen now
    } else {
        m_queued.insert(id);
    }
    m_queue.append(id);
    while (m_queue.size() > maxQueued)
        m_queued.remove(m_queue.takeFirst());
    if (!m_pumpTimer.isActive())
        m_pumpTimer.start();
}

void PreviewCache::invalidate(const QByteArray &id)
{
    m_cache.remove(id);
}

void PreviewCache::pump()
{
    while (m_admin && !m_queue.isEmpty() && m_inFlight.size() < maxInFlight) {
        // The newest requests first, in one batch.
        QList<QByteArray> batch;
        QStringList ids;
        while (!m_queue.isEmpty() && m_inFlight.size() < maxInFlight) {
            const QByteArray id = m_queue.takeLast();
            m_queued.remove(id);
            m_inFlight.insert(id);
            batch.append(id);
            ids.append(QString::fromUtf8(id));
        }
        const quint64 token = m_token;
        whenFinished(m_admin->loadMany(ids), this,
                     [this, batch, token](const SessionContentList &loaded) {
                         if (token != m_token)
                             return;
                         for (qsizetype i = 0; i < batch.size(); ++i)
                             store(batch.at(i), loaded.sessions.value(i));
                         if (!m_queue.isEmpty() && !m_pumpTimer.isActive())
                             m_pumpTimer.start();
                     });
    }
}

void PreviewCache::store(const QByteArray &id, const SessionContent &content)
{
    m_inFlight.remove(id);
    auto *preview = new Preview;
    if (!content.exists) {
        preview->text = tr("(gone)");
        preview->decoded = false;
    } else if (!content.ok()) {
        preview->text = tr("does not decode: %1").arg(DisplayFormat::printable(content.raw, 60));
        preview->toolTip = content.error.message();
        preview->decoded = false;
    } else {
        preview->text = DisplayFormat::preview(content.values);
        preview->toolTip = DisplayFormat::preview(content.values, 2000);
    }
    m_cache.insert(id, preview);
    Q_EMIT ready(id);
}

} // namespace RediStore::Admin
