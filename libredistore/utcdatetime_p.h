#ifndef REDISTORE_UTCDATETIME_P_H
#define REDISTORE_UTCDATETIME_P_H

#include <QtCore/QDateTime>
#include <QtCore/QTimeZone>

namespace RediStore {

// Date-times in UTC and at a fixed offset, the same on every Qt version. Qt 6.8 deprecates the
// Qt::TimeSpec forms that Qt 6.4 needs for them (there, QTimeZone::utc() is a named zone, whose
// ISO text ends in "+00:00" instead of "Z"). The one place where that difference lives.
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
inline QDateTime utcDateTime(qint64 secondsSinceEpoch)
{
    return QDateTime::fromSecsSinceEpoch(secondsSinceEpoch, QTimeZone::UTC);
}

inline QDateTime utcDateTime(QDate date, QTime time)
{
    return QDateTime(date, time, QTimeZone::UTC);
}

inline QDateTime offsetDateTime(QDate date, QTime time, int secondsAheadOfUtc)
{
    return QDateTime(date, time, QTimeZone::fromSecondsAheadOfUtc(secondsAheadOfUtc));
}
#else
inline QDateTime utcDateTime(qint64 secondsSinceEpoch)
{
    return QDateTime::fromSecsSinceEpoch(secondsSinceEpoch, Qt::UTC);
}

inline QDateTime utcDateTime(QDate date, QTime time)
{
    return QDateTime(date, time, Qt::UTC);
}

inline QDateTime offsetDateTime(QDate date, QTime time, int secondsAheadOfUtc)
{
    return QDateTime(date, time, Qt::OffsetFromUTC, secondsAheadOfUtc);
}
#endif

} // namespace RediStore

#endif // REDISTORE_UTCDATETIME_P_H
