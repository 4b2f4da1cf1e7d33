// redistore-admin-bench URL: opens the real main window on URL (offscreen works) and reports
// how the session browser copes with what is there: time to the first rows, time to list
// everything, the longest event-loop stall (a 1 ms timer), the resident memory, and the same
// for a TTL sort and a value search. Fill Redis first with redistore-fill-sessions. For
// comparison it first times a bare SCAN COUNT 1000 loop over the same keys, and the listing
// without the window; for each walk it prints the Redis server's CPU meanwhile (INFO cpu), the
// part of the time that is Redis's own work. Run it against a server that nothing else uses.

#include "common/heaptuning.h"
#include "connection/profilestore.h"
#include "connection/sessionconnection.h"
#include "live/liveupdates.h"
#include "mainwindow.h"
#include "sessions/sessionfilterproxymodel.h"
#include "sessions/sessiontablemodel.h"
#include "translationloader.h"

#include <libredistore/redis/redispool.h>
#include <libredistore/session/sessionadmin.h>
#include <libredistore/session/sessionlisting.h>

#include "privatenodes.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QEventLoop>
#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtCore/QTimer>
#include <QtWidgets/QApplication>
#include <QtWidgets/QTableView>

#include <cstdio>
#include <ctime>
#include <functional>
#include <memory>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

using namespace RediStore::Admin;

namespace {

qint64 residentKiB(const char *field = "VmRSS:")
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(int(qstrlen(field))).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

// Measures the longest gap between ticks of a 1 ms timer while a phase runs.
class StallMeter : public QObject
{
public:
    StallMeter()
    {
        m_timer.setInterval(1);
        connect(&m_timer, &QTimer::timeout, this, [this]() {
            const qint64 gap = m_clock.restart();
            if (gap > m_longest) {
                m_longest = gap;
                m_longestEnded = m_phase.elapsed();
            }
        });
    }
    void start()
    {
        m_longest = 0;
        m_longestEnded = 0;
        m_clock.start();
        m_phase.start();
        m_timer.start();
    }
    // When the longest stall began, in ms from start().
    qint64 longestAt() const { return m_longestEnded - m_longest; }
    qint64 stop()
    {
        m_timer.stop();
        if (m_clock.elapsed() > m_longest) {
            m_longest = m_clock.elapsed();
            m_longestEnded = m_phase.elapsed();
        }
        return m_longest;
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    QElapsedTimer m_phase;
    qint64 m_longest = 0;
    qint64 m_longestEnded = 0;
};

// CPU time of the calling thread, in ms.
qint64 threadCpuMs()
{
    timespec now {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return qint64(now.tv_sec) * 1000 + now.tv_nsec / 1000000;
}

// Runs the event loop until done() (checked every 5 ms) or the timeout. The loop sleeps between
// events: a busy wait would take a core from Redis on a small machine.
void waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    if (done())
        return;
    QEventLoop loop;
    QTimer check;
    check.setInterval(5);
    QObject::connect(&check, &QTimer::timeout, &loop, [&]() {
        if (done() || clock.elapsed() >= timeoutMs)
            loop.quit();
    });
    check.start();
    loop.exec();
}

// The Redis server's CPU time (its used_cpu_user and used_cpu_sys from INFO, all its threads),
// read on a connection of its own. On a server that only the bench uses, its growth over a phase
// is what that phase cost Redis: the part of the time that no client can take away.
class RedisCpuClock
{
public:
    explicit RedisCpuClock(const QString &url)
    {
        auto config = RediStore::RedisConfig::fromUrl(url);
        if (config.ok())
            m_pool = std::make_unique<RediStore::RedisPool>(config.value());
    }

    // So far, in ms; -1 when INFO fails.
    qint64 ms()
    {
        if (!m_pool)
            return -1;
        QObject context;
        QByteArray info;
        bool done = false;
        m_pool->execute({ "INFO", "cpu" }, &context, [&](const RediStore::RedisReply &reply) {
            if (!reply.isError())
                info = reply.data();
            done = true;
        });
        waitUntil([&]() { return done; }, 10 * 1000);
        const QByteArray user = RediStore::Test::infoField(info, "used_cpu_user");
        const QByteArray sys = RediStore::Test::infoField(info, "used_cpu_sys");
        if (user.isEmpty() || sys.isEmpty())
            return -1;
        return qint64((user.toDouble() + sys.toDouble()) * 1000);
    }

    // Since before (a reading of ms()) over a phase of wallMs, as "Redis's CPU: N ms (P% of
    // the time)".
    QByteArray since(qint64 before, qint64 wallMs)
    {
        const qint64 now = ms();
        if (before < 0 || now < 0 || wallMs <= 0)
            return QByteArrayLiteral("Redis's CPU: unknown");
        return QByteArrayLiteral("Redis's CPU: ") + QByteArray::number(now - before)
            + QByteArrayLiteral(" ms (") + QByteArray::number(100 * (now - before) / wallMs)
            + QByteArrayLiteral("% of the time)");
    }

private:
    std::unique_ptr<RediStore::RedisPool> m_pool;
};

// SCAN COUNT 1000 from cursor 0 until the cursor is 0 again, one step after the other: how
// long Redis takes just to walk the keys (-1 when it fails). Returns the keys seen in *keys.
qint64 bareScanMs(const QString &url, qint64 *keys)
{
    auto config = RediStore::RedisConfig::fromUrl(url);
    if (!config.ok())
        return -1;
    RediStore::RedisPool pool(config.value());
    QElapsedTimer clock;
    clock.start();
    QByteArray cursor = "0";
    bool failed = false;
    bool done = false;
    *keys = 0;
    QObject context;
    std::function<void()> step = [&]() {
        pool.execute({ "SCAN", cursor, "COUNT", "1000" }, &context,
                     [&](const RediStore::RedisReply &reply) {
                         if (reply.isError() || reply.size() != 2) {
                             failed = done = true;
                             return;
                         }
                         cursor = reply.at(0).data();
                         *keys += reply.at(1).size();
                         if (cursor == "0")
                             done = true;
                         else
                             step();
                     });
    };
    step();
    waitUntil([&]() { return done; }, 10 * 60 * 1000);
    return failed || !done ? -1 : clock.elapsed();
}

// The walk the window makes (SessionListing: TTL, size and first bytes of every session), with
// nothing done with the pages: what the library and Redis take without the window's event loop
// (-1 when it fails). Returns the sessions seen in *sessions and the thread's CPU in *cpuMs.
qint64 listingAloneMs(const QString &url, qint64 *sessions, qint64 *cpuMs)
{
    auto config = RediStore::RedisConfig::fromUrl(url);
    if (!config.ok())
        return -1;
    RediStore::SessionAdmin admin(config.value());
    RediStore::SessionListing listing(&admin);
    bool done = false;
    bool failed = false;
    *sessions = 0;
    QObject::connect(
        &listing, &RediStore::SessionListing::pageReady,
        [&](const RediStore::SessionPage &page) { *sessions += page.sessions.size(); });
    QObject::connect(&listing, &RediStore::SessionListing::finished, [&]() { done = true; });
    QObject::connect(&listing, &RediStore::SessionListing::failed, [&]() { failed = done = true; });
    QElapsedTimer clock;
    clock.start();
    const qint64 cpuBefore = threadCpuMs();
    listing.start();
    waitUntil([&]() { return done; }, 10 * 60 * 1000);
    *cpuMs = threadCpuMs() - cpuBefore;
    return failed || !done ? -1 : clock.elapsed();
}

// What the heap holds: in use, free but kept, and mapped on its own (large blocks).
void printHeap(const char *when)
{
#if defined(__GLIBC__)
    const struct mallinfo2 info = mallinfo2();
    std::printf("heap %s: %zu MiB in use, %zu MiB free but kept, %zu MiB in large blocks\n", when,
                (info.uordblks + info.hblkhd) >> 20, info.fordblks >> 20, info.hblkhd >> 20);
#else
    Q_UNUSED(when);
#endif
}

} // namespace

int main(int argc, char **argv)
{
    keepLargeBlocksMapped(); // as redistore-admin does
    QApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr,
                     "usage: redistore-admin-bench redis://host:port [value-search-text]\n");
        return 2;
    }
    TranslationLoader::install(&app, QStringLiteral("en"));
    const QString url = QString::fromLocal8Bit(argv[1]);
    const QString search
        = argc > 2 ? QString::fromLocal8Bit(argv[2]) : QStringLiteral("frank12345@");
    const qint64 baseline = residentKiB();
    RedisCpuClock redisCpu(url);
    qint64 bareKeys = 0;
    qint64 redisBefore = redisCpu.ms();
    const qint64 bareMs = bareScanMs(url, &bareKeys);
    std::printf("bare SCAN COUNT 1000 loop: %lld ms, %lld keys; %s\n", bareMs, bareKeys,
                redisCpu.since(redisBefore, bareMs).constData());
    qint64 aloneSessions = 0;
    qint64 aloneCpu = 0;
    redisBefore = redisCpu.ms();
    const qint64 aloneMs = listingAloneMs(url, &aloneSessions, &aloneCpu);
    std::printf("SessionListing alone, no window: %lld ms, %lld sessions, %lld ms of CPU; %s\n",
                aloneMs, aloneSessions, aloneCpu, redisCpu.since(redisBefore, aloneMs).constData());
    QTemporaryDir dir;
    ProfileStore store(dir.filePath(QStringLiteral("p.ini")));

    MainWindow window(&store);
    window.resize(1360, 820);
    window.show();
    SessionTableModel *model = window.sessionModel();
    StallMeter stalls;
    QElapsedTimer clock;
    qint64 firstRows = -1;
    QObject::connect(model, &QAbstractItemModel::rowsInserted, &window, [&]() {
        if (firstRows < 0)
            firstRows = clock.elapsed();
    });
    redisBefore = redisCpu.ms();
    clock.start();
    const qint64 cpuBefore = threadCpuMs();
    stalls.start();
    window.openProfile(ConnectionProfile::fromUrl(url));
    waitUntil([&]() { return model->isScanComplete(); }, 30 * 60 * 1000);
    const qint64 scanMs = clock.elapsed();
    const qint64 scanCpu = threadCpuMs() - cpuBefore;
    const qint64 scanStall = stalls.stop();
    const QByteArray scanRedisCpu = redisCpu.since(redisBefore, scanMs);
    waitUntil([]() { return false; }, 500); // let the last probes and repaints settle
    const qint64 afterScan = residentKiB();
    std::printf("sessions listed: %d\n", model->rowCount());
    std::printf("first rows after: %lld ms\n", firstRows);
    std::printf("whole scan: %lld ms; %s\n", scanMs, scanRedisCpu.constData());
    // What the event loop's thread worked meanwhile: the rest of the time it waited for Redis.
    std::printf("event-loop thread's CPU while scanning: %lld ms (%lld%% of the time)\n", scanCpu,
                scanMs > 0 ? 100 * scanCpu / scanMs : 0);
    std::printf("longest event-loop stall while scanning: %lld ms (from %lld ms)\n", scanStall,
                stalls.longestAt());
    std::printf(
        "RSS: %lld MiB before the window, %lld MiB with every session listed (model ~%lld MiB)\n",
        baseline / 1024, afterScan / 1024, model->memoryEstimate() / (1024 * 1024));
    printHeap("with every session listed");

    stalls.start();
    clock.restart();
    window.proxyModel()->sort(SessionTableModel::TtlColumn, Qt::AscendingOrder);
    const qint64 sortMs = clock.elapsed();
    waitUntil([]() { return false; }, 300);
    std::printf("sort by TTL: %lld ms (longest stall %lld ms), RSS after it: %lld MiB\n", sortMs,
                stalls.stop(), residentKiB() / 1024);

    clock.restart();
    const size_t matching = model->rowsMatching(IdNeedle(QStringLiteral("QQ")), false).size();
    const qint64 matchMs = clock.elapsed();
    stalls.start();
    clock.restart();
    window.proxyModel()->setIdFilter(QStringLiteral("QQ"));
    const qint64 filterMs = clock.elapsed();
    std::printf("filter by ID: %lld ms, %d rows shown (finding the %zu rows alone: %lld ms)\n",
                filterMs, window.proxyModel()->rowCount(), matching, matchMs);
    window.proxyModel()->setIdFilter(QString());
    stalls.stop();

    // Scrolling: jump through the list; previews load for the visible rows only.
    stalls.start();
    QTableView *view = window.sessionView();
    for (int i = 0; i <= 20; ++i) {
        view->scrollTo(window.proxyModel()->index(model->rowCount() * i / 20 - (i == 20), 0));
        waitUntil([]() { return false; }, 50);
    }
    std::printf("scrolling through the list: longest stall %lld ms\n", stalls.stop());

    if (!search.isEmpty() && search != QLatin1String("-")) {
        stalls.start();
        clock.restart();
        window.proxyModel()->setValueFilter(search);
        waitUntil([&]() { return !model->isValueSearchRunning(); }, 30 * 60 * 1000);
        std::printf("value search for \"%s\": %lld ms, %lld sessions checked, %d found, longest "
                    "stall %lld ms\n",
                    qPrintable(search), clock.elapsed(), model->valueSearchChecked(),
                    window.proxyModel()->rowCount(), stalls.stop());
        window.proxyModel()->setValueFilter(QString());
    }
    std::printf("RSS at the end: %lld MiB (peak %lld MiB)\n", residentKiB() / 1024,
                residentKiB("VmHWM:") / 1024);
    return 0;
}
