#ifndef REDISTORE_ADMIN_TTLTICKER_H
#define REDISTORE_ADMIN_TTLTICKER_H

#include <QtCore/QList>
#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QTimer>

QT_BEGIN_NAMESPACE
class QTableView;
QT_END_NAMESPACE

namespace RediStore::Admin {

// The one timer that makes every TTL count down: once a second it repaints the TTL column of
// the views it watches (only the visible cells are painted, and they compute the time left as
// they paint) and tells the detail panel. No timer per row, no model change per second.
class TtlTicker : public QObject
{
    Q_OBJECT

public:
    explicit TtlTicker(QObject *parent = nullptr);

    void watch(QTableView *view, int column);
    void setInterval(int ms) { m_timer.setInterval(ms); }
    int interval() const { return m_timer.interval(); }
    qint64 tickCount() const { return m_ticks; }

Q_SIGNALS:
    void tick();

private:
    void onTimeout();

    struct Watched
    {
        QPointer<QTableView> view;
        int column;
    };
    QList<Watched> m_views;
    QTimer m_timer;
    qint64 m_ticks = 0;
};

} // namespace RediStore::Admin

#endif // REDISTORE_ADMIN_TTLTICKER_H
