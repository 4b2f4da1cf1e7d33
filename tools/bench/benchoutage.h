#ifndef REDISTORE_BENCHOUTAGE_H
#define REDISTORE_BENCHOUTAGE_H

#include <QtCore/QStringList>

// redistore-bench outage: RedisStore under load while its Redis is killed and comes back.
int runOutageBench(const QStringList &arguments);

#endif // REDISTORE_BENCHOUTAGE_H
