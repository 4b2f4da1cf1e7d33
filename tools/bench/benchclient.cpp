#include "benchclient.h"
#include "benchredis.h"

#include <libredistore/redis/redisclient.h>

#include <QtCore/QCommandLineParser>
#include <QtCore/QElapsedTimer>
#include <QtCore/QEventLoop>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QTextStream>

#include <functional>
#include <memory>

using namespace RediStore;

namespace {

constexpr int keyCount = 10000;

enum class Api { Callback, Future };

struct Measurement
{
    double opsPerSecond = 0;
    qint64 errors = 0;
};

// Keeps `depth` commands in flight for `ms` milliseconds; each completion issues the next.
Measurement measure(RedisClient &client, const QByteArray &op, const QByteArray &value, int depth,
                    int ms, Api api)
{
    static const QList<QByteArray> keys = [] {
        QList<QByteArray> list;
        for (int i = 0; i < keyCount; ++i)
            list.append("bench:client:" + QByteArray::number(i));
        return list;
    }();
    QEventLoop loop;
    QElapsedTimer clock;
    qint64 completed = 0;
    qint64 errors = 0;
    int inFlight = 0;
    int next = 0;
    std::function<void()> issue;
    auto onReply = [&](const RedisReply &reply) {
        --inFlight;
        ++completed;
        if (reply.isError())
            ++errors;
        if (clock.elapsed() < ms)
            issue();
        else if (inFlight == 0)
            loop.quit();
    };
    issue = [&]() {
        const QByteArray &key = keys[next];
        next = (next + 1) % keyCount;
        ++inFlight;
        const QByteArrayList args
            = op == "SET" ? QByteArrayList { op, key, value } : QByteArrayList { op, key };
        if (api == Api::Callback)
            client.execute(args, &loop, onReply);
        else
            client.execute(args).then(&loop, onReply);
    };
    clock.start();
    for (int i = 0; i < depth; ++i)
        issue();
    loop.exec();
    return { double(completed) * 1000.0 / double(clock.elapsed()), errors };
}

} // namespace

int runClientBench(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Measures pipelined SET and GET through RedisClient at 100 B and 1 KiB with 1 and "
        "64 commands in flight, beside redis-benchmark against the same server in the same "
        "run (-c 1 -P 1 and -c 4 -P 16: also 64 in flight), and prints the ratios."));
    parser.addHelpOption();
    parser.addOption({ QStringLiteral("redis-url"),
                       QStringLiteral("Redis to measure (default: a private redis-server)."),
                       QStringLiteral("URL") });
    parser.addOption({ QStringLiteral("seconds"),
                       QStringLiteral("Measured seconds per configuration (default 2)."),
                       QStringLiteral("S"), QStringLiteral("2") });
    parser.addOption({ QStringLiteral("tls"),
                       QStringLiteral("Over TLS, beside redis-benchmark --tls, and the same "
                                      "rows in plaintext for the TLS/plain ratio (a private "
                                      "server gets a TLS port; or give a rediss:// URL).") });
    parser.addOption({ QStringLiteral("json"), QStringLiteral("Print JSON instead of a table.") });
    parser.process(arguments);

    QTextStream out(stdout);
    QTextStream err(stderr);
    BenchRedis redis;
    const bool tls = parser.isSet(QStringLiteral("tls"))
        || parser.value(QStringLiteral("redis-url")).startsWith(QLatin1String("rediss:"));
    if (!redis.start(parser.value(QStringLiteral("redis-url")), tls)) {
        err << redis.errorString() << Qt::endl;
        return 1;
    }
    const QString measuredUrl = tls ? redis.tlsUrl() : redis.url();
    const auto config = RedisConfig::fromUrl(measuredUrl);
    if (!config.ok()) {
        err << config.error().message() << Qt::endl;
        return 2;
    }
    const int ms = qMax(100, int(parser.value(QStringLiteral("seconds")).toDouble() * 1000));
    RedisClient client(config.value());
    // With TLS, the same rows in plaintext (when the server has a plain port) for the ratio.
    std::unique_ptr<RedisClient> plainClient;
    if (tls && !redis.url().isEmpty())
        plainClient = std::make_unique<RedisClient>(RedisConfig::fromUrl(redis.url()).value());

    struct Row
    {
        int size;
        QByteArray op;
        int depth;
        QString api;
        Measurement ours;
        std::optional<double> reference;
        QString referenceConfig;
        std::optional<double> plain; // the same row without TLS
    };
    QList<Row> rows;
    for (const int size : { 100, 1024 }) {
        const QByteArray value(size, 'v');
        for (const QByteArray &op : { QByteArray("SET"), QByteArray("GET") }) {
            measure(client, op, value, 16, 300, Api::Callback); // warm-up, fills the keys
            for (const int depth : { 1, 64 }) {
                const int clients = depth == 1 ? 1 : 4;
                const int pipeline = depth == 1 ? 1 : 16;
                const int requests = depth == 1 ? 20 * ms : 400 * ms;
                const auto reference = redis.redisBenchmark(QString::fromLatin1(op), size, clients,
                                                            pipeline, requests, tls);
                const QString referenceConfig = QStringLiteral("%1-c %2 -P %3")
                                                    .arg(tls ? QStringLiteral("--tls ") : QString())
                                                    .arg(clients)
                                                    .arg(pipeline);
                auto plain = [&](Api api) -> std::optional<double> {
                    if (!plainClient)
                        return std::nullopt;
                    return measure(*plainClient, op, value, depth, ms, api).opsPerSecond;
                };
                rows.append({ size, op, depth, QStringLiteral("callback"),
                              measure(client, op, value, depth, ms, Api::Callback), reference,
                              referenceConfig, plain(Api::Callback) });
                if (depth > 1) {
                    rows.append({ size, op, depth, QStringLiteral("QFuture"),
                                  measure(client, op, value, depth, ms, Api::Future), reference,
                                  referenceConfig, plain(Api::Future) });
                }
            }
        }
    }

    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const Row &row : rows) {
            QJsonObject object { { QStringLiteral("size"), row.size },
                                 { QStringLiteral("op"), QString::fromLatin1(row.op) },
                                 { QStringLiteral("in_flight"), row.depth },
                                 { QStringLiteral("api"), row.api },
                                 { QStringLiteral("ops_per_second"), row.ours.opsPerSecond },
                                 { QStringLiteral("errors"), row.ours.errors },
                                 { QStringLiteral("redis_benchmark_config"),
                                   row.referenceConfig } };
            if (row.reference) {
                object.insert(QStringLiteral("redis_benchmark_ops_per_second"), *row.reference);
                object.insert(QStringLiteral("ratio"), row.ours.opsPerSecond / *row.reference);
            }
            object.insert(QStringLiteral("tls"), tls);
            if (row.plain && *row.plain > 0) {
                object.insert(QStringLiteral("plain_ops_per_second"), *row.plain);
                object.insert(QStringLiteral("ratio_to_plain"), row.ours.opsPerSecond / *row.plain);
            }
            array.append(object);
        }
        out << QJsonDocument(QJsonObject { { QStringLiteral("client"), array } }).toJson();
        return 0;
    }

    out << "RedisClient vs redis-benchmark, same server (" << measuredUrl << "), same run"
        << (plainClient ? "; /plain: the same row without TLS" : "") << "\n";
    out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7%8\n")
               .arg(QStringLiteral("size"), -6)
               .arg(QStringLiteral("op"), -4)
               .arg(QStringLiteral("in flight"), 10)
               .arg(QStringLiteral("RedisClient ops/s"), 26)
               .arg(QStringLiteral("redis-benchmark ops/s"), 22)
               .arg(QStringLiteral("(config)"), -13)
               .arg(QStringLiteral("ratio"), 6)
               .arg(plainClient ? QStringLiteral(" %1 %2")
                                      .arg(QStringLiteral("plain ops/s"), 12)
                                      .arg(QStringLiteral("/plain"), 7)
                                : QString());
    for (const Row &row : rows) {
        out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7%8\n")
                   .arg(row.size == 1024 ? QStringLiteral("1 KiB") : QStringLiteral("100 B"), -6)
                   .arg(QString::fromLatin1(row.op), -4)
                   .arg(row.depth, 10)
                   .arg(
                       QStringLiteral("%1 (%2)").arg(row.ours.opsPerSecond, 0, 'f', 0).arg(row.api),
                       26)
                   .arg(row.reference ? QString::number(*row.reference, 'f', 0)
                                      : QStringLiteral("n/a"),
                        22)
                   .arg(QStringLiteral("(%1)").arg(row.referenceConfig), -13)
                   .arg(row.reference
                            ? QString::number(row.ours.opsPerSecond / *row.reference, 'f', 2)
                            : QStringLiteral("-"),
                        6)
                   .arg(row.plain ? QStringLiteral(" %1 %2")
                                        .arg(*row.plain, 12, 'f', 0)
                                        .arg(row.ours.opsPerSecond / *row.plain, 7, 'f', 2)
                                  : QString());
        if (row.ours.errors)
            out << "   (" << row.ours.errors << " errors)\n";
    }
    return 0;
}
