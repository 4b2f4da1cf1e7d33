#ifndef REDISTORE_SESSIONPING_H
#define REDISTORE_SESSIONPING_H

#include <libredistore/session/sessionerror.h>

#include <QtCore/QMetaType>

namespace RediStore {

// What a PING through a store or an admin gives: the round trip, or why Redis did not answer.
struct SessionPing
{
    qint64 roundTripMs = -1;
    SessionError error;
    bool ok() const { return !error.isError(); }
};

} // namespace RediStore

Q_DECLARE_METATYPE(RediStore::SessionPing)

#endif // REDISTORE_SESSIONPING_H
