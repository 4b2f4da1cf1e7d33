#include "benchstore.h"
#include "benchredis.h"

#include <libredistore/serializer/sessionserializer.h>
#include <libredistore/session/redisstore.h>

#include <QtCore/QCommandLineParser>
#include <QtCore/QElapsedTimer>
#include <QtCore/QEventLoop>
#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>
#include <QtCore/QTemporaryDir>
#include <QtCore/QTextStream>
#include <QtCore/QThread>

#include <algorithm>
#include <ctime>
#include <functional>
#include <map>
#include <memory>
#include <vector>

using namespace RediStore;

namespace {

constexpr int sessionsPerWorker = 32; // as Go's bench: each goroutine cycles 32 sessions
// The keys a run writes expire after 10 minutes, or a minute after a longer measurement, on the
// user's Redis too (a TTL's length costs Redis nothing).
int keyLifetimeSeconds(int ms)
{
    return qMax(600, ms / 1000 + 60);
}
const QByteArray cookieName = "session";

struct StoreResult
{
    double sessionsPerSecond = 0;
    qint64 errors = 0;
    double p50us = 0;
    double p99us = 0;
    qint64 serializedSize = 0;
    double kibPerInFlight = 0;
    double cpuUsPerSession = 0; // this thread's CPU time (user + system) per session op
    QString error;
};

qint64 threadCpuNs()
{
    timespec now {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return qint64(now.tv_sec) * 1000000000 + now.tv_nsec;
}

qint64 residentKiB(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith(field))
            return line.mid(qstrlen(field)).trimmed().split(' ').first().toLongLong();
    }
    return 0;
}

// Session values as Go's bench makes them: a counter and a blob sized so that the serialized
// session stays within `target` bytes for any counter value.
QVariantMap payload(const SessionSerializer &serializer, int target, qint64 counter)
{
    static std::map<std::pair<QString, int>, int> calibrated;
    auto make = [](int n, qint64 c) {
        return QVariantMap { { QStringLiteral("counter"), c },
                             { QStringLiteral("blob"), QString(n, QLatin1Char('x')) } };
    };
    const auto key = std::make_pair(serializer.name(), target);
    auto it = calibrated.find(key);
    if (it == calibrated.end()) {
        int n = 0;
        while (serializer.serialize(make(n + 1, 2147483647)).value().size() <= target)
            ++n;
        it = calibrated.emplace(key, n).first;
    }
    return make(it->second, counter);
}

StoreResult measureStore(const QString &url, const QString &serializerName, int size,
                         int concurrency, int ms, SessionConcurrency mode)
{
    StoreResult result;
    const auto serializer = SessionSerializer::byName(serializerName);
    auto created
        = RedisStore::create(KeyRing::keys({ QByteArray("0123456789abcdef0123456789abcdef") }),
                             { withUrl(url), withSerializer(serializer), withPoolSize(4),
                               withMaxAge(keyLifetimeSeconds(ms)), withConcurrency(mode) });
    if (!created.ok()) {
        result.error = created.error().message();
        return result;
    }
    RedisStore &store = *created.value();
    result.serializedSize
        = serializer->serialize(payload(*serializer, size, 2147483647)).value().size();

    // Pre-create the sessions and keep their cookies.
    QEventLoop loop;
    std::vector<QByteArrayList> cookies(static_cast<size_t>(concurrency));
    int pending = concurrency * sessionsPerWorker;
    for (int w = 0; w < concurrency; ++w) {
        for (int k = 0; k < sessionsPerWorker; ++k) {
            Session session = store.newSession(cookieName);
            session.setValues(payload(*serializer, size, 0));
            store.save(session, &loop, [&, w](const SessionSaveResult &saved) {
                if (saved.ok())
                    cookies[size_t(w)].append(saved.setCookie.left(saved.setCookie.indexOf(';')));
                else
                    result.error = saved.error.message();
                if (--pending == 0)
                    loop.quit();
            });
        }
    }
    loop.exec();
    if (!result.error.isEmpty())
        return result;

    // One op: decode the cookie and load, change a value, save and encode the cookie.
    struct Worker
    {
        int next = 0;
        qint64 started = 0;
    };
    std::vector<Worker> workers(static_cast<size_t>(concurrency));
    std::vector<qint64> latencies;
    latencies.reserve(1 << 20);
    QElapsedTimer clock;
    qint64 completed = 0;
    qint64 deadlineNs = 0;
    bool recording = false;
    int running = 0;
    std::function<void(int, qint64)> start;
    // One clock reading per op: the end of one op is the start of the next.
    auto finishOp = [&](int w, bool ok) {
        const qint64 now = clock.nsecsElapsed();
        if (recording) {
            ++completed;
            if (!ok)
                ++result.errors;
            latencies.push_back(now - workers[size_t(w)].started);
        }
        if (now < deadlineNs) {
            start(w, now);
        } else if (--running == 0) {
            loop.quit();
        }
    };
    start = [&](int w, qint64 now) {
        Worker &worker = workers[size_t(w)];
        worker.started = now;
        const QByteArrayList headers = { cookies[size_t(w)].at(worker.next) };
        worker.next = (worker.next + 1) % sessionsPerWorker;
        store.load(cookieName, headers, &loop, [&, w](const SessionLoadResult &loaded) {
            if (loaded.error.isError() || loaded.session.isNew()) {
                finishOp(w, false);
                return;
            }
            Session session = loaded.session;
            session.setValue(QStringLiteral("counter"),
                             session.value(QStringLiteral("counter")).toLongLong() + 1);
            store.save(session, &loop, [&, w](const SessionSaveResult &saved) {
                finishOp(w, saved.ok() && !saved.setCookie.isEmpty());
            });
        });
    };
    auto phase = [&](int duration, bool record) {
        recording = record;
        clock.start();
        deadlineNs = qint64(duration) * 1000000;
        running = concurrency;
        for (int w = 0; w < concurrency; ++w)
            start(w, clock.nsecsElapsed());
        loop.exec();
        return clock.elapsed();
    };
    phase(300, false); // warm-up
    const qint64 rssBefore = residentKiB("VmRSS:");
    completed = 0;
    latencies.clear();
    const qint64 cpuBefore = threadCpuNs();
    const qint64 elapsed = phase(ms, true);
    const qint64 cpuNs = threadCpuNs() - cpuBefore;
    const qint64 rssPeak = residentKiB("VmHWM:");
    result.cpuUsPerSession = double(cpuNs) / 1000.0 / double(qMax<qint64>(1, completed));
    result.sessionsPerSecond = double(completed) * 1000.0 / double(qMax<qint64>(1, elapsed));
    result.kibPerInFlight = double(qMax<qint64>(0, rssPeak - rssBefore)) / concurrency;
    if (!latencies.empty()) {
        std::sort(latencies.begin(), latencies.end());
        result.p50us = double(latencies[latencies.size() / 2]) / 1000.0;
        result.p99us = double(latencies[latencies.size() * 99 / 100]) / 1000.0;
    }
    return result;
}

// One store per thread, as a multi-threaded server runs it (the library's rule: a store
// belongs to one thread); the sessions in flight are shared out over the threads.
StoreResult measureParallel(const QString &url, const QString &serializerName, int size,
                            int concurrency, int ms, int threads,
                            SessionConcurrency mode = SessionConcurrency::CompareAndSet)
{
    threads = qBound(1, threads, concurrency);
    if (threads == 1)
        return measureStore(url, serializerName, size, concurrency, ms, mode);
    std::vector<StoreResult> results(static_cast<size_t>(threads));
    std::vector<std::unique_ptr<QThread>> workers;
    for (int t = 0; t < threads; ++t) {
        const int share = concurrency / threads + (t < concurrency % threads ? 1 : 0);
        workers.emplace_back(
            QThread::create([&results, t, url, serializerName, size, share, ms, mode]() {
                results[size_t(t)] = measureStore(url, serializerName, size, share, ms, mode);
            }));
        workers.back()->start();
    }
    for (auto &worker : workers)
        worker->wait();
    StoreResult total;
    for (const StoreResult &r : results) {
        if (!r.error.isEmpty())
            total.error = r.error;
        total.sessionsPerSecond += r.sessionsPerSecond;
        total.errors += r.errors;
        total.p50us = qMax(total.p50us, r.p50us);
        total.p99us = qMax(total.p99us, r.p99us);
        total.serializedSize = r.serializedSize;
        total.kibPerInFlight = qMax(total.kibPerInFlight, r.kibPerInFlight);
        total.cpuUsPerSession += r.cpuUsPerSession / threads;
    }
    return total;
}

// The Go reference: anchors/go's bench binary pointed at the same server.
std::map<std::pair<int, int>, double> runGo(const QString &binary, const BenchRedis &redis,
                                            const QList<int> &sizes, const QList<int> &concs,
                                            int ms, QString *error)
{
    std::map<std::pair<int, int>, double> figures;
    QTemporaryDir dir;
    const QString json = dir.filePath(QStringLiteral("bench.json"));
    auto join = [](const QList<int> &values) {
        QStringList parts;
        for (int v : values)
            parts << QString::number(v);
        return parts.join(QLatin1Char(','));
    };
    QProcess go;
    go.start(binary,
             { QStringLiteral("-redis"),
               QStringLiteral("%1:%2").arg(redis.host()).arg(redis.port()), QStringLiteral("-runs"),
               QStringLiteral("1"), QStringLiteral("-dur"), QStringLiteral("%1ms").arg(ms),
               QStringLiteral("-skip-micro"), QStringLiteral("-variants"),
               QStringLiteral("default"), QStringLiteral("-sizes"), join(sizes),
               QStringLiteral("-conc"), join(concs), QStringLiteral("-json"), json });
    if (!go.waitForFinished(30 * 60 * 1000) || go.exitCode() != 0) {
        *error = QStringLiteral("the Go reference failed: %1")
                     .arg(QString::fromLocal8Bit(go.readAllStandardError()).trimmed());
        return figures;
    }
    QFile file(json);
    file.open(QIODevice::ReadOnly);
    const QJsonArray configs = QJsonDocument::fromJson(file.readAll())
                                   .object()
                                   .value(QStringLiteral("sessions"))
                                   .toArray();
    for (const QJsonValue &value : configs) {
        const QJsonObject config = value.toObject();
        figures[{ config.value(QStringLiteral("target_size")).toInt(),
                  config.value(QStringLiteral("concurrency")).toInt() }]
            = config.value(QStringLiteral("median_ops_per_sec")).toDouble();
    }
    return figures;
}

std::optional<double> median(std::vector<double> values)
{
    if (values.empty())
        return std::nullopt;
    std::sort(values.begin(), values.end());
    const size_t middle = values.size() / 2;
    return values.size() % 2 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

// The store's own two commands run by redis-benchmark with -P 16: SETEX, then GET (keys and
// values of the store's sizes, as many keys as the store cycles). One op needs one of each, so
// their times per request add up: sessions = 1 / (1 / setex + 1 / get).
struct CommandMix
{
    double setex = 0;
    double get = 0;
    double sessions() const { return 1.0 / (1.0 / setex + 1.0 / get); }
};

std::optional<CommandMix> commandMix(const BenchRedis &redis, qint64 valueSize, int conc,
                                     int requests, bool tls)
{
    // 60 bytes, as "session_" and an ID, once __rand_int__ is 12 digits.
    const QString key
        = QStringLiteral("redistore-bench-mix:%1__rand_int__").arg(QString(28, QLatin1Char('k')));
    const int keyspace = conc * sessionsPerWorker;
    const auto setex = redis.redisBenchmarkCommand(
        { QStringLiteral("SETEX"), key, QString::number(keyLifetimeSeconds(0)),
          QString(qsizetype(valueSize), QLatin1Char('x')) },
        keyspace, conc, 16, requests, tls);
    const auto get = redis.redisBenchmarkCommand({ QStringLiteral("GET"), key }, keyspace, conc, 16,
                                                 requests, tls);
    if (!setex || !get || *setex <= 0 || *get <= 0)
        return std::nullopt;
    return CommandMix { *setex, *get };
}

// What one configuration measured, as the JSON of both modes gives it.
QJsonObject resultObject(const StoreResult &r, int size, int concurrency)
{
    return { { QStringLiteral("size"), size },
             { QStringLiteral("concurrency"), concurrency },
             { QStringLiteral("serialized_size"), r.serializedSize },
             { QStringLiteral("sessions_per_second"), r.sessionsPerSecond },
             { QStringLiteral("errors"), r.errors },
             { QStringLiteral("p50_us"), r.p50us },
             { QStringLiteral("p99_us"), r.p99us },
             { QStringLiteral("cpu_us_per_session"), r.cpuUsPerSession },
             { QStringLiteral("kib_per_session_in_flight"), r.kibPerInFlight } };
}

QString figure(std::optional<double> value)
{
    return value ? QString::number(*value, 'f', 0) : QStringLiteral("n/a");
}

} // namespace

QString ratio(double ours, std::optional<double> theirs)
{
    return theirs && *theirs > 0 ? QString::number(ours / *theirs, 'f', 2) : QStringLiteral("-");
}

StoreFigure measureStoreFigure(const QString &url, const QString &serializer, int size,
                               int concurrency, int ms)
{
    const StoreResult r
        = measureStore(url, serializer, size, concurrency, ms, SessionConcurrency::CompareAndSet);
    return { r.sessionsPerSecond, r.errors, r.p99us, r.error };
}

int runStoreBench(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Measures sessions/s through RedisStore: one op is what a request handler does "
        "(decode the cookie, load, change a value, save, encode the cookie). Without --size "
        "and --concurrency it runs 100 B / 1 KiB / 4 KiB at 1 / 8 / 64 sessions in flight "
        "beside redis-benchmark (GET of values of the size, -P 1 and -P 16, -c = sessions in "
        "flight; and the store's own SETEX and GET with -P 16, as sessions/s) and, with "
        "--go-bench, Go's redistore on the same server, and prints the ratios. What it writes "
        "expires after 10 minutes. With --cluster: the store on a 3-master Redis Cluster beside "
        "the same store on one node and redis-benchmark --cluster (see --cluster --help)."));
    parser.addHelpOption();
    parser.addOption({ QStringLiteral("redis-url"),
                       QStringLiteral("Redis to measure (default: a private redis-server)."),
                       QStringLiteral("URL") });
    parser.addOption({ QStringLiteral("size"), QStringLiteral("Session size in bytes."),
                       QStringLiteral("BYTES") });
    parser.addOption({ QStringLiteral("concurrency"), QStringLiteral("Sessions in flight."),
                       QStringLiteral("N") });
    parser.addOption({ QStringLiteral("seconds"),
                       QStringLiteral("Measured seconds per configuration (default 2)."),
                       QStringLiteral("S"), QStringLiteral("2") });
    parser.addOption({ QStringLiteral("serializer"),
                       QStringLiteral("gob (default, as Go), json or datastream."),
                       QStringLiteral("NAME"), QStringLiteral("gob") });
    parser.addOption({ QStringLiteral("go-bench"),
                       QStringLiteral("The Go reference's bench binary (anchors/go run.sh builds "
                                      "it into $OUT/bin/bench); without it, no Go column."),
                       QStringLiteral("PATH") });
    parser.addOption(
        { QStringLiteral("threads"),
          QStringLiteral("Worker threads, one store each (default 1; Go uses every CPU)."),
          QStringLiteral("N"), QStringLiteral("1") });
    parser.addOption({ QStringLiteral("rounds"),
                       QStringLiteral("Table: rounds per configuration, Go and the store in "
                                      "turn; the row is the median round, /Go the median of "
                                      "the rounds' ratios (default 1)."),
                       QStringLiteral("N"), QStringLiteral("1") });
    parser.addOption({ QStringLiteral("tls"),
                       QStringLiteral("The store over TLS, beside redis-benchmark --tls, and the "
                                      "same rows in plaintext for the TLS/plain ratio (a private "
                                      "server gets a TLS port; or give a rediss:// URL).") });
    parser.addOption({ QStringLiteral("table"),
                       QStringLiteral("The table (with redis-benchmark and Go beside) for the "
                                      "--size and --concurrency given, each a comma-separated "
                                      "list, instead of one figure.") });
    parser.addOption({ QStringLiteral("write-mode"),
                       QStringLiteral("How the store saves: compare-and-set (the default: no lost "
                                      "updates), last-write-wins (Go's plain SETEX), or both, "
                                      "side by side in the same run (/LWW: the ratio)."),
                       QStringLiteral("MODE"), QStringLiteral("compare-and-set") });
    parser.addOption({ QStringLiteral("json"), QStringLiteral("Print JSON.") });
    parser.addOption({ QStringLiteral("cluster"),
                       QStringLiteral("The store on a Redis Cluster instead (its own options: "
                                      "store --cluster --help).") });
    parser.process(arguments);
    const int threads = qMax(1, parser.value(QStringLiteral("threads")).toInt());
    const int rounds = qBound(1, parser.value(QStringLiteral("rounds")).toInt(), 99);

    QTextStream out(stdout);
    QTextStream err(stderr);
    const QString serializer = parser.value(QStringLiteral("serializer"));
    if (!SessionSerializer::byName(serializer)) {
        err << "unknown serializer " << serializer << Qt::endl;
        return 2;
    }
    BenchRedis redis;
    const bool tls = parser.isSet(QStringLiteral("tls"))
        || parser.value(QStringLiteral("redis-url")).startsWith(QLatin1String("rediss:"));
    if (!redis.start(parser.value(QStringLiteral("redis-url")), tls)) {
        err << redis.errorString() << Qt::endl;
        return 1;
    }
    const QString measuredUrl = tls ? redis.tlsUrl() : redis.url();
    // With TLS, each row in plaintext too (when the server has a plain port), for /plain.
    const bool comparePlain = tls && !redis.url().isEmpty();
    const int ms = qMax(100, int(parser.value(QStringLiteral("seconds")).toDouble() * 1000));

    const QString writeMode = parser.value(QStringLiteral("write-mode"));
    if (writeMode != QLatin1String("compare-and-set")
        && writeMode != QLatin1String("last-write-wins") && writeMode != QLatin1String("both")) {
        err << "--write-mode: '" << writeMode << "' is not compare-and-set, last-write-wins or both"
            << Qt::endl;
        return 2;
    }
    const SessionConcurrency mode = writeMode == QLatin1String("last-write-wins")
        ? SessionConcurrency::LastWriteWins
        : SessionConcurrency::CompareAndSet;
    const bool compareModes = writeMode == QLatin1String("both");

    const bool table = parser.isSet(QStringLiteral("table"));
    if (!table
        && (parser.isSet(QStringLiteral("size")) || parser.isSet(QStringLiteral("concurrency")))) {
        const int size = parser.value(QStringLiteral("size")).toInt();
        const int concurrency = parser.value(QStringLiteral("concurrency")).toInt();
        if (size < 1 || concurrency < 1) {
            err << "--size and --concurrency need positive numbers" << Qt::endl;
            return 2;
        }
        const StoreResult r
            = measureParallel(measuredUrl, serializer, size, concurrency, ms, threads, mode);
        if (!r.error.isEmpty()) {
            err << r.error << Qt::endl;
            return 1;
        }
        QJsonObject object = resultObject(r, size, concurrency);
        object.insert(QStringLiteral("serializer"), serializer);
        object.insert(QStringLiteral("tls"), tls);
        object.insert(QStringLiteral("write_mode"),
                      compareModes ? QStringLiteral("compare-and-set") : writeMode);
        if (compareModes) {
            const StoreResult lww = measureParallel(measuredUrl, serializer, size, concurrency, ms,
                                                    threads, SessionConcurrency::LastWriteWins);
            object.insert(QStringLiteral("last_write_wins_sessions_per_second"),
                          lww.sessionsPerSecond);
            object.insert(QStringLiteral("last_write_wins_cpu_us_per_session"),
                          lww.cpuUsPerSession);
            if (parser.isSet(QStringLiteral("json"))) {
                out << QJsonDocument(object).toJson(QJsonDocument::Compact) << '\n';
            } else {
                out << r.sessionsPerSecond << " sessions/s compare-and-set (" << r.cpuUsPerSession
                    << " us CPU/op), " << lww.sessionsPerSecond << " last-write-wins ("
                    << lww.cpuUsPerSession << " us CPU/op); ratio "
                    << ratio(r.sessionsPerSecond, lww.sessionsPerSecond) << "\n";
            }
            return r.errors || lww.errors ? 1 : 0;
        }
        std::optional<double> plain;
        if (comparePlain) {
            plain = measureParallel(redis.url(), serializer, size, concurrency, ms, threads)
                        .sessionsPerSecond;
            object.insert(QStringLiteral("plain_sessions_per_second"), *plain);
        }
        if (parser.isSet(QStringLiteral("json")))
            out << QJsonDocument(object).toJson(QJsonDocument::Compact) << '\n';
        else if (plain)
            out << r.sessionsPerSecond << " sessions/s over TLS, " << *plain << " in plaintext ("
                << ratio(r.sessionsPerSecond, plain) << ")\n";
        else
            out << r.sessionsPerSecond << " sessions/s\n";
        return r.errors ? 1 : 0;
    }

    auto list = [&](const QString &option, QList<int> fallback) {
        if (!table || !parser.isSet(option))
            return fallback;
        QList<int> values;
        for (const QString &part : parser.value(option).split(QLatin1Char(','))) {
            if (const int value = part.trimmed().toInt(); value > 0)
                values.append(value);
        }
        return values.isEmpty() ? fallback : values;
    };
    const QList<int> sizes = list(QStringLiteral("size"), { 100, 1024, 4096 });
    const QList<int> concs = list(QStringLiteral("concurrency"), { 1, 8, 64 });
    const QString goBench = parser.value(QStringLiteral("go-bench"));
    QJsonArray rows;
    if (!parser.isSet(QStringLiteral("json"))) {
        out << "RedisStore (" << serializer << ", " << threads << " threads, one store each) vs "
            << "redis-benchmark GET and Go redistore, same server (" << measuredUrl
            << "), same run; one op = load + change + save"
            << (comparePlain ? "; /plain: the store without TLS, same row" : "")
            << (compareModes ? "; /LWW: compare-and-set saves over last-write-wins (Go's "
                               "SETEX), same row"
                             : "")
            << "\n";
        out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9 %10 %11 %12 %13 %14 %15%16%17\n")
                   .arg(QStringLiteral("size"), -6)
                   .arg(QStringLiteral("in flight"), 9)
                   .arg(QStringLiteral("sessions/s"), 11)
                   .arg(QStringLiteral("CPU us/op"), 9)
                   .arg(QStringLiteral("p50 us"), 8)
                   .arg(QStringLiteral("p99 us"), 8)
                   .arg(QStringLiteral("KiB/in flight"), 13)
                   .arg(QStringLiteral("rb -P1"), 9)
                   .arg(QStringLiteral("rb -P16"), 9)
                   .arg(QStringLiteral("mix -P16"), 9)
                   .arg(QStringLiteral("Go"), 8)
                   .arg(QStringLiteral("/rb-P1"), 7)
                   .arg(QStringLiteral("/rb-P16"), 8)
                   .arg(QStringLiteral("/mix"), 6)
                   .arg(QStringLiteral("/Go"), 7)
                   .arg(comparePlain ? QStringLiteral(" %1 %2")
                                           .arg(QStringLiteral("plain"), 9)
                                           .arg(QStringLiteral("/plain"), 7)
                                     : QString())
                   .arg(compareModes ? QStringLiteral(" %1 %2")
                                           .arg(QStringLiteral("LWW"), 9)
                                           .arg(QStringLiteral("/LWW"), 7)
                                     : QString());
        out.flush();
    }
    for (const int size : sizes) {
        for (const int conc : concs) {
            // Go runs right before ours for each configuration, and each round again: the
            // machine's speed drifts over minutes, and a ratio is only fair between figures
            // taken close together.
            std::vector<std::pair<StoreResult, std::optional<double>>> taken;
            for (int round = 0; round < rounds; ++round) {
                std::optional<double> go;
                if (!goBench.isEmpty()) {
                    QString goError;
                    const auto figures = runGo(goBench, redis, { size }, { conc }, ms, &goError);
                    if (!goError.isEmpty())
                        err << goError << Qt::endl;
                    if (auto it = figures.find({ size, conc }); it != figures.end())
                        go = it->second;
                }
                StoreResult result
                    = measureParallel(measuredUrl, serializer, size, conc, ms, threads, mode);
                if (!result.error.isEmpty()) {
                    err << result.error << Qt::endl;
                    return 1;
                }
                taken.emplace_back(std::move(result), go);
            }
            // The row is the median round (by sessions/s); /Go the median of the rounds' ratios.
            std::vector<double> goFigures;
            std::vector<double> goRatios;
            for (const auto &[result, go] : taken) {
                if (go && *go > 0) {
                    goFigures.push_back(*go);
                    goRatios.push_back(result.sessionsPerSecond / *go);
                }
            }
            std::sort(taken.begin(), taken.end(), [](const auto &a, const auto &b) {
                return a.first.sessionsPerSecond < b.first.sessionsPerSecond;
            });
            const StoreResult r = taken[taken.size() / 2].first;
            const std::optional<double> goFigure = median(goFigures);
            const std::optional<double> goRatio = median(goRatios);
            redis.fillBenchmarkKeys(size, keyLifetimeSeconds(0));
            const int requests1 = qMax(2000, 15 * ms * qMin(conc, 8));
            const auto rb1
                = redis.redisBenchmark(QStringLiteral("GET"), size, conc, 1, requests1, tls);
            const int requests16 = qMax(20000, 300 * ms * qMin(conc, 4));
            const auto rb16
                = redis.redisBenchmark(QStringLiteral("GET"), size, conc, 16, requests16, tls);
            const auto commands = commandMix(redis, r.serializedSize, conc, requests16, tls);
            std::optional<double> plain;
            if (comparePlain) {
                plain = measureParallel(redis.url(), serializer, size, conc, ms, threads, mode)
                            .sessionsPerSecond;
            }
            std::optional<double> lww;
            if (compareModes) {
                lww = measureParallel(measuredUrl, serializer, size, conc, ms, threads,
                                      SessionConcurrency::LastWriteWins)
                          .sessionsPerSecond;
            }
            const std::optional<double> mix
                = commands ? std::optional<double>(commands->sessions()) : std::nullopt;
            QJsonObject row = resultObject(r, size, conc);
            for (const auto &[name, value] :
                 std::initializer_list<std::pair<const char *, double>> {
                     { "redis_benchmark_get_p1", rb1.value_or(0) },
                     { "redis_benchmark_get_p16", rb16.value_or(0) },
                     { "redis_benchmark_mix_p16_sessions", mix.value_or(0) },
                     { "redis_benchmark_mix_p16_setex", commands ? commands->setex : 0 },
                     { "redis_benchmark_mix_p16_get", commands ? commands->get : 0 },
                     { "go_redistore", goFigure.value_or(0) },
                     { "ratio_to_go", goRatio.value_or(0) } })
                row.insert(QLatin1String(name), value);
            row.insert(QStringLiteral("rounds"), rounds);
            row.insert(QStringLiteral("tls"), tls);
            if (plain)
                row.insert(QStringLiteral("plain_sessions_per_second"), *plain);
            if (lww)
                row.insert(QStringLiteral("last_write_wins_sessions_per_second"), *lww);
            row.insert(QStringLiteral("write_mode"),
                       compareModes ? QStringLiteral("compare-and-set") : writeMode);
            rows.append(row);
            if (parser.isSet(QStringLiteral("json")))
                continue;
            out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9 %10 %11 %12 %13 %14 %15%16%17\n")
                       .arg(size == 100 ? QStringLiteral("100 B")
                                        : QStringLiteral("%1 KiB").arg(size / 1024),
                            -6)
                       .arg(conc, 9)
                       .arg(r.sessionsPerSecond, 11, 'f', 0)
                       .arg(r.cpuUsPerSession, 9, 'f', 1)
                       .arg(r.p50us, 8, 'f', 0)
                       .arg(r.p99us, 8, 'f', 0)
                       .arg(r.kibPerInFlight, 13, 'f', 1)
                       .arg(figure(rb1), 9)
                       .arg(figure(rb16), 9)
                       .arg(figure(mix), 9)
                       .arg(figure(goFigure), 8)
                       .arg(ratio(r.sessionsPerSecond, rb1), 7)
                       .arg(ratio(r.sessionsPerSecond, rb16), 8)
                       .arg(ratio(r.sessionsPerSecond, mix), 6)
                       .arg(goRatio ? QString::number(*goRatio, 'f', 2) : QStringLiteral("-"), 7)
                       .arg(plain ? QStringLiteral(" %1 %2")
                                        .arg(figure(plain), 9)
                                        .arg(ratio(r.sessionsPerSecond, plain), 7)
                                  : QString())
                       .arg(lww ? QStringLiteral(" %1 %2")
                                      .arg(figure(lww), 9)
                                      .arg(ratio(r.sessionsPerSecond, lww), 7)
                                : QString());
            if (r.errors)
                out << "    (" << r.errors << " errors)\n";
            out.flush();
        }
    }
    if (parser.isSet(QStringLiteral("json")))
        out << QJsonDocument(QJsonObject { { QStringLiteral("store"), rows } }).toJson();
    return 0;
}
