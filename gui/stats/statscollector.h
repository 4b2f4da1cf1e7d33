#ifndef REDISTORE_ADMIN_STATSCOLLECTOR_H
#define REDISTORE_ADMIN_STATSCOLLECTOR_H

#include <libredistore/session/sessionadmin.h>

#include <QtCore/QByteArrayView>
#include <QtCore/QList>

#include <array>

namespace RediStore::Admin {

// Counts the sessions of a listing as its pages arrive: TTLs, sizes and serializers in
// buckets, and the sizes' total, smallest, largest and median (about). O(page) per page and
// constant memory, so a million sessions cost nothing more than the scan itself.
class StatsCollector
{
public:
    // TTL left when listed: gone meanwhile (PTTL -2), then below each limit, then none.
    enum TtlBucket {
        TtlGone,
        TtlUnderMinute,
        TtlUnderTenMinutes,
        TtlUnderHour,
        TtlUnderSixHours,
        TtlUnderDay,
        TtlUnderWeek,
        TtlLonger,
        TtlNone,
        TtlBucketCount
    };
    // Bytes of the stored value: below 64, 256, 1 KiB, 4 KiB, 16 KiB, 64 KiB, or more.
    enum SizeBucket {
        SizeUnder64,
        SizeUnder256,
        SizeUnder1K,
        SizeUnder4K,
        SizeUnder16K,
        SizeUnder64K,
        SizeLarger,
        SizeBucketCount
    };
    enum Format { FormatDataStream, FormatGob, FormatJson, FormatUnknown, FormatCount };

    static TtlBucket ttlBucket(qint64 ttlMs);
    static SizeBucket sizeBucket(qint64 bytes);
    // From the first bytes of the value (SessionSerializer::guessFromPrefix).
    static Format format(QByteArrayView head);
    // The upper limit of a bucket in ms or bytes (-1 for the open ones).
    static qint64 ttlLimit(TtlBucket bucket);
    static qint64 sizeLimit(SizeBucket bucket);

    void add(const QList<SessionInfo> &sessions);
    void clear();

    // Sessions listed (those gone between SCAN and PTTL are not: see gone()).
    qint64 sessions() const { return m_sessions; }
    qint64 gone() const { return m_ttl[TtlGone]; }
    qint64 ttlCount(TtlBucket bucket) const { return m_ttl[bucket]; }
    qint64 sizeCount(SizeBucket bucket) const { return m_size[bucket]; }
    qint64 formatCount(Format format) const { return m_format[format]; }
    qint64 totalBytes() const { return m_totalBytes; }
    qint64 smallest() const { return m_sessions ? m_smallest : 0; }
    qint64 largest() const { return m_largest; }
    // Within an eighth of the true median (a histogram by powers of two, in quarters).
    qint64 medianSize() const;

private:
    static int fineBucket(qint64 bytes);

    std::array<qint64, TtlBucketCount> m_ttl {};
    std::array<qint64, SizeBucketCount> m_size {};
    std::array<qint64, FormatCount> m_format {};
    std::array<qint64, 64 * 4> m_fine {}; // sizes by power of two and quarter
    qint64 m_sessions = 0;
    qint64 m_totalBytes = 0;
    qint64 m_smallest = 0;
    qint64 m_largest = 0;
};

} // namespace RediStore::Admin

#endif // REDISTORE_ADMIN_STATSCOLLECTOR_H
