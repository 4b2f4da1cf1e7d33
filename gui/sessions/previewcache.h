#ifndef REDISTORE_ADMIN_PREVIEWCACHE_H
#define REDISTORE_ADMIN_PREVIEWCACHE_H

#include <libredistore/session/sessionadmin.h>

#include <QtCore/QCache>
#include <QtCore/QList>
#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QSet>
#include <QtCore/QTimer>

namespace RediStore::Admin {

// One-line previews of sessions' values, loaded only for the rows someone looks at: the
// table asks for the rows it paints, the newest requests first, and at most capacity()
// previews are kept (least recently used go first).
class PreviewCache : public QObject
{
    Q_OBJECT

public:
    struct Preview
    {
        QString text;
        QString toolTip;
        bool decoded = true;
    };

    explicit PreviewCache(QObject *parent = nullptr);

    void setAdmin(SessionAdmin *admin); // also clears
    void clear();
    int capacity() const { return int(m_cache.maxCost()); }
    void setCapacity(int entries);
    int size() const { return int(m_cache.size()); }
    int pendingCount() const { return int(m_queue.size() + m_inFlight.size()); }

    // The cached preview, or null. Does not load.
    const Preview *find(const QByteArray &id);
    // Queues a load; the newest requests are served first and old ones dropped beyond a bound.
    void request(const QByteArray &id);
    void invalidate(const QByteArray &id);

Q_SIGNALS:
    void ready(const QByteArray &id);

private:
    void pump();
    void store(const QByteArray &id, const SessionContent &content);

    QPointer<SessionAdmin> m_admin;
    QCache<QByteArray, Preview> m_cache;
    QList<QByteArray> m_queue; // newest last
    QSet<QByteArray> m_queued;
    QSet<QByteArray> m_inFlight;
    QTimer m_pumpTimer;
    quint64 m_token = 0;
};

} // namespace RediStore::Admin

#endif // REDISTORE_ADMIN_PREVIEWCACHE_H
