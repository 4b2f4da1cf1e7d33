#include "benchcluster.h"
#include "benchredis.h"
#include "benchstore.h"

#include <libredistore/redis/redisconfig.h>

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QProcess>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtCore/QTextStream>

#include <optional>

using namespace RediStore;

namespace {

// A private cluster from the project's script, stopped at the end.
class PrivateCluster
{
public:
    ~PrivateCluster()
    {
        if (!m_dir.isValid() || m_url.isEmpty())
            return;
        QProcess::execute(QStringLiteral("bash"),
                          { script(), QStringLiteral("stop"), m_dir.path() });
    }

    bool start(QString *error)
    {
        if (!QFileInfo::exists(script())) {
            *error = QStringLiteral("%1 is missing: give --cluster-url").arg(script());
            return false;
        }
        QProcess process;
        process.start(QStringLiteral("bash"),
                      { script(), QStringLiteral("start"), m_dir.path(), QStringLiteral("--owner"),
                        QString::number(QCoreApplication::applicationPid()) });
        if (!process.waitForFinished(120000) || process.exitCode() != 0) {
            *error = QStringLiteral("the private cluster did not start: %1")
                         .arg(QString::fromLocal8Bit(process.readAllStandardError()).trimmed());
            return false;
        }
        const QList<QByteArray> lines = process.readAllStandardOutput().split('\n');
        for (const QByteArray &line : lines) {
            if (line.startsWith("REDIS_URL="))
                m_url = QString::fromUtf8(line.mid(10)).trimmed();
        }
        if (m_url.isEmpty())
            *error = QStringLiteral("the private cluster printed no REDIS_URL");
        return !m_url.isEmpty();
    }

    QString url() const { return m_url; }

private:
    static QString script()
    {
        return QStringLiteral(REDISTORE_SOURCE_DIR "/scripts/private-cluster.sh");
    }

    QTemporaryDir m_dir;
    QString m_url;
};

// redis-benchmark --cluster: SET to fill the keys, then GET of values of that size; GET's
// requests/s.
std::optional<double> clusterBenchmark(const RedisNodeAddress &seed, int size, int clients,
                                       int requests)
{
    const QString binary = QStandardPaths::findExecutable(QStringLiteral("redis-benchmark"));
    if (binary.isEmpty())
        return std::nullopt;
    QProcess process;
    process.start(binary,
                  { QStringLiteral("--cluster"), QStringLiteral("-h"), seed.host,
                    QStringLiteral("-p"), QString::number(seed.port), QStringLiteral("-t"),
                    QStringLiteral("set,get"), QStringLiteral("-d"), QString::number(size),
                    QStringLiteral("-c"), QString::number(clients), QStringLiteral("-n"),
                    QString::number(requests), QStringLiteral("-r"), QStringLiteral("10000"),
                    QStringLiteral("--csv") });
    if (!process.waitForFinished(300000) || process.exitCode() != 0)
        return std::nullopt;
    const QList<QByteArray> lines = process.readAllStandardOutput().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("\"GET\"")) {
            const QList<QByteArray> fields = line.split(',');
            bool ok = false;
            const double rps = QByteArray(fields.value(1)).replace('"', "").toDouble(&ok);
            if (ok)
                return rps;
        }
    }
    return std::nullopt;
}

QList<int> numbers(const QString &text)
{
    QList<int> values;
    for (const QString &part : text.split(QLatin1Char(','))) {
        if (const int value = part.trimmed().toInt(); value > 0)
            values.append(value);
    }
    return values;
}

} // namespace

int runClusterStoreBench(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Measures sessions/s through RedisStore on a Redis Cluster (one op: load, change a "
        "value, save), beside the same store on one node and redis-benchmark --cluster (SET then "
        "GET of values of the size, -c = sessions in flight) against the same cluster, in the "
        "same run. Without --cluster-url it starts a private cluster of 3 masters and 3 "
        "replicas (scripts/private-cluster.sh); without --redis-url a private redis-server."));
    parser.addHelpOption();
    parser.addOption({ QStringLiteral("cluster"), QStringLiteral("This mode.") });
    parser.addOption({ QStringLiteral("cluster-url"),
                       QStringLiteral("The cluster to measure (redis+cluster://...)."),
                       QStringLiteral("URL") });
    parser.addOption({ QStringLiteral("redis-url"),
                       QStringLiteral("The one node to compare with (default: a private "
                                      "redis-server)."),
                       QStringLiteral("URL") });
    parser.addOption(
        { QStringLiteral("size"),
          QStringLiteral("Session sizes in bytes, comma-separated (default 100,1024)."),
          QStringLiteral("LIST"), QStringLiteral("100,1024") });
    parser.addOption({ QStringLiteral("concurrency"),
                       QStringLiteral("Sessions in flight, comma-separated (default 1,8,64)."),
                       QStringLiteral("LIST"), QStringLiteral("1,8,64") });
    parser.addOption({ QStringLiteral("seconds"),
                       QStringLiteral("Measured seconds per configuration (default 2)."),
                       QStringLiteral("S"), QStringLiteral("2") });
    parser.addOption({ QStringLiteral("serializer"),
                       QStringLiteral("gob (default, as Go), json or datastream."),
                       QStringLiteral("NAME"), QStringLiteral("gob") });
    parser.process(arguments);
    QTextStream out(stdout);
    QTextStream err(stderr);

    PrivateCluster privateCluster;
    QString clusterUrl = parser.value(QStringLiteral("cluster-url"));
    if (clusterUrl.isEmpty()) {
        QString error;
        if (!privateCluster.start(&error)) {
            err << "redistore-bench store --cluster: " << error << Qt::endl;
            return 1;
        }
        clusterUrl = privateCluster.url();
    }
    auto cluster = RedisConfig::fromUrl(clusterUrl);
    if (!cluster.ok() || cluster.value().topology() != RedisConfig::Topology::Cluster) {
        err << "--cluster-url: not a redis+cluster:// URL"
            << (cluster.ok() ? QString() : QStringLiteral(": ") + cluster.error().message())
            << Qt::endl;
        return 2;
    }
    BenchRedis single;
    if (!single.start(parser.value(QStringLiteral("redis-url")))) {
        err << single.errorString() << Qt::endl;
        return 1;
    }
    const QString serializer = parser.value(QStringLiteral("serializer"));
    const int ms = qMax(1, parser.value(QStringLiteral("seconds")).toInt()) * 1000;
    const RedisNodeAddress seed = cluster.value().seeds().first();

    out << "RedisStore (" << serializer << ", one thread) on a Redis Cluster ("
        << cluster.value().toDisplayUrl() << ") vs the same store on one node (" << single.url()
        << ") and redis-benchmark --cluster GET, same run; one op = load + change + save\n";
    out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7\n")
               .arg(QStringLiteral("size"), -6)
               .arg(QStringLiteral("in flight"), 9)
               .arg(QStringLiteral("cluster/s"), 10)
               .arg(QStringLiteral("one node/s"), 10)
               .arg(QStringLiteral("rb --cluster"), 12)
               .arg(QStringLiteral("/one node"), 9)
               .arg(QStringLiteral("/rb"), 6);
    out.flush();
    int failed = 0;
    for (const int size : numbers(parser.value(QStringLiteral("size")))) {
        for (const int conc : numbers(parser.value(QStringLiteral("concurrency")))) {
            const StoreFigure onCluster
                = measureStoreFigure(clusterUrl, serializer, size, conc, ms);
            const StoreFigure onOne = measureStoreFigure(single.url(), serializer, size, conc, ms);
            for (const StoreFigure *figure : { &onCluster, &onOne }) {
                if (!figure->error.isEmpty()) {
                    err << figure->error << Qt::endl;
                    return 1;
                }
            }
            const auto rb = clusterBenchmark(seed, size, conc, qMax(20000, 10 * ms));
            out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7\n")
                       .arg(size < 1024 ? QStringLiteral("%1 B").arg(size)
                                        : QStringLiteral("%1 KiB").arg(size / 1024),
                            -6)
                       .arg(conc, 9)
                       .arg(onCluster.sessionsPerSecond, 10, 'f', 0)
                       .arg(onOne.sessionsPerSecond, 10, 'f', 0)
                       .arg(rb ? QString::number(*rb, 'f', 0) : QStringLiteral("n/a"), 12)
                       .arg(ratio(onCluster.sessionsPerSecond, onOne.sessionsPerSecond), 9)
                       .arg(ratio(onCluster.sessionsPerSecond, rb), 6);
            if (onCluster.errors || onOne.errors) {
                out << "    (errors: " << onCluster.errors << " on the cluster, " << onOne.errors
                    << " on one node)\n";
                ++failed;
            }
            out.flush();
        }
    }
    return failed ? 1 : 0;
}
