#include "stats/statscollector.h"

#include <libredistore/serializer/sessionserializer.h>

#include <QtCore/QtAlgorithms>

namespace RediStore::Admin {

namespace {
constexpr qint64 minute = 60 * 1000;
constexpr std::array<qint64, StatsCollector::TtlBucketCount> ttlLimits = {
    -1, minute, 10 * minute, 60 * minute, 6 * 60 * minute, 24 * 60 * minute, 7 * 24 * 60 * minute,
    -1, -1
};
constexpr std::array<qint64, StatsCollector::SizeBucketCount> sizeLimits
    = { 64, 256, 1024, 4 * 1024, 16 * 1024, 64 * 1024, -1 };
} // namespace

StatsCollector::TtlBucket StatsCollector::ttlBucket(qint64 ttlMs)
{
    if (ttlMs == -1)
        return TtlNone;
    if (ttlMs < -1)
        return TtlGone;
    for (int bucket = TtlUnderMinute; bucket < TtlLonger; ++bucket) {
        if (ttlMs < ttlLimits[bucket])
            return TtlBucket(bucket);
    }
    return TtlLonger;
}

StatsCollector::SizeBucket StatsCollector::sizeBucket(qint64 bytes)
{
    for (int bucket = SizeUnder64; bucket < SizeLarger; ++bucket) {
        if (bytes < sizeLimits[bucket])
            return SizeBucket(bucket);
    }
    return SizeLarger;
}

StatsCollector::Format StatsCollector::format(QByteArrayView head)
{
    const QString name = SessionSerializer::guessFromPrefix(head);
    if (name == QLatin1String("datastream"))
        return FormatDataStream;
    if (name == QLatin1String("gob"))
        return FormatGob;
    if (name == QLatin1String("json"))
        return FormatJson;
    return FormatUnknown;
}

qint64 StatsCollector::ttlLimit(TtlBucket bucket)
{
    return ttlLimits[bucket];
}

qint64 StatsCollector::sizeLimit(SizeBucket bucket)
{
    return sizeLimits[bucket];
}

int StatsCollector::fineBucket(qint64 bytes)
{
    if (bytes < 4)
        return int(qMax(qint64(0), bytes)); // 0..3 exactly
    const int power = 63 - qCountLeadingZeroBits(quint64(bytes)); // 2..62
    const int quarter = int((bytes >> (power - 2)) & 3);
    return power * 4 + quarter;
}

void StatsCollector::add(const QList<SessionInfo> &sessions)
{
    for (const SessionInfo &info : sessions) {
        const TtlBucket ttl = ttlBucket(info.ttlMs);
        ++m_ttl[ttl];
        if (ttl == TtlGone)
            continue; // no size nor value any more
        const qint64 size = qMax(qint64(0), info.size);
        ++m_size[sizeBucket(size)];
        ++m_format[format(info.head)];
        ++m_fine[fineBucket(size)];
        m_smallest = m_sessions ? qMin(m_smallest, size) : size;
        m_largest = qMax(m_largest, size);
        m_totalBytes += size;
        ++m_sessions;
    }
}

void StatsCollector::clear()
{
    *this = StatsCollector();
}

qint64 StatsCollector::medianSize() const
{
    if (m_sessions == 0)
        return 0;
    const qint64 middle = (m_sessions + 1) / 2;
    qint64 seen = 0;
    for (int bucket = 0; bucket < int(m_fine.size()); ++bucket) {
        seen += m_fine[bucket];
        if (seen < middle)
            continue;
        if (bucket < 4)
            return bucket;
        // The middle of the quarter: [2^p + q 2^(p-2), 2^p + (q+1) 2^(p-2)).
        const int power = bucket / 4;
        const qint64 low = (qint64(1) << power) + qint64(bucket % 4) * (qint64(1) << (power - 2));
        return qBound(m_smallest, low + (qint64(1) << (power - 2)) / 2, m_largest);
    }
    return m_largest;
}

} // namespace RediStore::Admin
