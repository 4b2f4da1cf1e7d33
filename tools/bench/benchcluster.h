#ifndef REDISTORE_BENCHCLUSTER_H
#define REDISTORE_BENCHCLUSTER_H

#include <QtCore/QStringList>

// redistore-bench store --cluster: RedisStore on a 3-master Redis Cluster (a private one made by
// scripts/private-cluster.sh, or --cluster-url) beside the same store on one node and
// redis-benchmark --cluster against the same cluster, in the same run.
int runClusterStoreBench(const QStringList &arguments);

#endif // REDISTORE_BENCHCLUSTER_H
