#ifndef REDISTORE_BENCHCODEC_H
#define REDISTORE_BENCHCODEC_H

#include <QtCore/QStringList>

// redistore-bench codec: ns/op of SecureCookie encode/decode for a session-ID cookie and of each
// session serializer at 100 B, 1 KiB and 4 KiB, beside Go's figures when given its bench.json.
int runCodecBench(const QStringList &arguments);

#endif // REDISTORE_BENCHCODEC_H
