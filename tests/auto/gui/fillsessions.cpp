// redistore-fill-sessions: writes SET commands for realistic sessions to stdout, for
//   redistore-fill-sessions --count 1000000 | redis-cli -p 6379 --pipe

#include "sessionfiller.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>

#include <cstdio>

using RediStore::Test::SessionFiller;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Writes Redis SET commands (RESP) for "
                                                    "realistic sessions to stdout."));
    parser.addHelpOption();
    const QCommandLineOption count(QStringLiteral("count"), QStringLiteral("How many."),
                                   QStringLiteral("n"), QStringLiteral("1000"));
    const QCommandLineOption prefix(QStringLiteral("prefix"), QStringLiteral("Key prefix."),
                                    QStringLiteral("p"), QStringLiteral("session_"));
    const QCommandLineOption serializer(QStringLiteral("serializer"),
                                        QStringLiteral("datastream, gob, json or mixed."),
                                        QStringLiteral("s"), QStringLiteral("mixed"));
    const QCommandLineOption corrupt(QStringLiteral("corrupt-percent"),
                                     QStringLiteral("Values that do not decode."),
                                     QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Random seed."),
                                  QStringLiteral("n"), QStringLiteral("1"));
    const QCommandLineOption minTtl(QStringLiteral("min-ttl"), QStringLiteral("Shortest TTL (s)."),
                                    QStringLiteral("s"), QStringLiteral("600"));
    const QCommandLineOption maxTtl(QStringLiteral("max-ttl"), QStringLiteral("Longest TTL (s)."),
                                    QStringLiteral("s"), QStringLiteral("7200"));
    parser.addOptions({ count, prefix, serializer, corrupt, seed, minTtl, maxTtl });
    parser.process(app);

    SessionFiller::Options options;
    options.prefix = parser.value(prefix);
    options.serializer = parser.value(serializer);
    options.corruptPercent = parser.value(corrupt).toInt();
    options.seed = parser.value(seed).toUInt();
    options.minTtl = parser.value(minTtl).toInt();
    options.maxTtl = parser.value(maxTtl).toInt();
    SessionFiller filler(options);
    const int total = parser.value(count).toInt();
    for (int done = 0; done < total;) {
        const int n = qMin(10000, total - done);
        const QByteArray chunk = filler.batch(n);
        std::fwrite(chunk.constData(), 1, size_t(chunk.size()), stdout);
        done += n;
    }
    return 0;
}
