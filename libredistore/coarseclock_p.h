#ifndef REDISTORE_COARSECLOCK_P_H
#define REDISTORE_COARSECLOCK_P_H

#include <QtCore/QDateTime>
#include <QtCore/QElapsedTimer>
#include <QtCore/QtGlobal>

#include <time.h>

namespace RediStore {

// Clocks for what needs no better than a few milliseconds: command deadlines, idle times, and
// cookie timestamps in whole seconds. Linux's coarse clocks give the time of the kernel's last
// tick (at most a few milliseconds old) without reading the clock source, which on a virtual
// machine costs about as much as parsing a small reply. Elsewhere, Qt's clocks. A deadline
// taken from them may pass up to one tick early, and a timestamp be one tick behind.
class CoarseElapsedTimer
{
public:
#ifdef CLOCK_MONOTONIC_COARSE
    void start()
    {
        m_start = now();
    }
    qint64 elapsed() const
    {
        return now() - m_start;
    } // milliseconds since start()

private:
    static qint64 now()
    {
        timespec ts;
        clock_gettime(CLOCK_MONOTONIC_COARSE, &ts);
        return qint64(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
    }
    qint64 m_start = 0;
#else
    void start()
    {
        m_timer.start();
    }
    qint64 elapsed() const
    {
        return m_timer.elapsed();
    }

private:
    QElapsedTimer m_timer;
#endif
};

inline qint64 coarseSecondsSinceEpoch()
{
#ifdef CLOCK_REALTIME_COARSE
    timespec ts;
    if (clock_gettime(CLOCK_REALTIME_COARSE, &ts) == 0)
        return qint64(ts.tv_sec);
#endif
    return QDateTime::currentSecsSinceEpoch();
}

} // namespace RediStore

#endif // REDISTORE_COARSECLOCK_P_H
