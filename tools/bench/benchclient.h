#ifndef REDISTORE_BENCHCLIENT_H
#define REDISTORE_BENCHCLIENT_H

#include <QtCore/QStringList>

// redistore-bench client: pipelined SET and GET through RedisClient beside redis-benchmark.
int runClientBench(const QStringList &arguments);

#endif // REDISTORE_BENCHCLIENT_H
