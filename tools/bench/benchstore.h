#ifndef REDISTORE_BENCHSTORE_H
#define REDISTORE_BENCHSTORE_H

#include <QtCore/QString>
#include <QtCore/QStringList>

#include <optional>

// redistore-bench store: session operations per second through RedisStore, beside
// redis-benchmark and (optionally) Go's redistore on the same server.
int runStoreBench(const QStringList &arguments);

// One measurement of the store (one thread, compare-and-set saves) against the Redis at url:
// session ops per second and how many failed; error set when the store could not run.
struct StoreFigure
{
    double sessionsPerSecond = 0;
    qint64 errors = 0;
    double p99us = 0;
    QString error;
};
// ours / theirs with two decimals, "-" without a reference figure.
QString ratio(double ours, std::optional<double> theirs);

StoreFigure measureStoreFigure(const QString &url, const QString &serializer, int size,
                               int concurrency, int ms);

#endif // REDISTORE_BENCHSTORE_H
