// redistore-bench: the project's benchmarks, one subcommand each.
//   redistore-bench <subcommand> [options]     (redistore-bench <subcommand> --help)

#include "benchclient.h"
#include "benchcluster.h"
#include "benchcodec.h"
#include "benchoutage.h"
#include "benchstore.h"

#include <libredistore/version.h>

#include <QtCore/QCoreApplication>
#include <QtCore/QTextStream>

namespace {

// store, or store --cluster (its own bench, which reuses the single-node figures).
int runStoreOrClusterBench(const QStringList &arguments)
{
    return arguments.contains(QStringLiteral("--cluster")) ? runClusterStoreBench(arguments)
                                                           : runStoreBench(arguments);
}

struct Subcommand
{
    const char *name;
    int (*run)(const QStringList &arguments);
    const char *summary;
};

// One line per subcommand.
const Subcommand subcommands[] = {
    { "client", runClientBench, "RedisClient SET/GET ops/s, beside redis-benchmark" },
    { "codec", runCodecBench, "SecureCookie and serializer ns/op, beside Go's" },
    { "store", runStoreOrClusterBench, "RedisStore sessions/s, beside redis-benchmark and Go" },
    { "outage", runOutageBench, "RedisStore while Redis is killed and restarted: waits, recovery" },
};

void printUsage(QTextStream &stream)
{
    stream << "Usage: redistore-bench <subcommand> [options]\n\nSubcommands:\n";
    for (const Subcommand &subcommand : subcommands) {
        stream << QStringLiteral("  %1 %2\n")
                      .arg(QLatin1String(subcommand.name), -10)
                      .arg(QLatin1String(subcommand.summary));
    }
    stream << "\nredistore-bench <subcommand> --help shows a subcommand's options.\n";
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("redistore-bench"));
    QCoreApplication::setApplicationVersion(RediStore::versionString());
    const QStringList arguments = QCoreApplication::arguments();
    QTextStream out(stdout);
    QTextStream err(stderr);

    const QString name = arguments.value(1);
    if (name == QLatin1String("--help") || name == QLatin1String("-h")) {
        printUsage(out);
        return 0;
    }
    if (name == QLatin1String("--version")) {
        out << "redistore-bench " << RediStore::versionString() << '\n';
        return 0;
    }
    for (const Subcommand &subcommand : subcommands) {
        if (name == QLatin1String(subcommand.name)) {
            // The subcommand sees "redistore-bench <name>" as its program name.
            QStringList rest = arguments.mid(2);
            rest.prepend(arguments.first() + QLatin1Char(' ') + name);
            return subcommand.run(rest);
        }
    }
    err << (name.isEmpty()
                ? QStringLiteral("redistore-bench: no subcommand given\n")
                : QStringLiteral("redistore-bench: unknown subcommand '%1'\n").arg(name));
    printUsage(err);
    return 2;
}
