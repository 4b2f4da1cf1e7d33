#ifndef REDISTORE_BENCHSTORE_H
#define REDISTORE_BENCHSTORE_H

#include <QtCore/QStringList>

// redistore-bench store: session operations per second through RedisStore, beside
// redis-benchmark and (optionally) Go's redistore on the same server.
int runStoreBench(const QStringList &arguments);

#endif // REDISTORE_BENCHSTORE_H
