#ifndef REDISTORE_ADMIN_SESSIONREADER_H
#define REDISTORE_ADMIN_SESSIONREADER_H

#include <libredistore/session/sessionadmin.h>

#include <QtCore/QFuture>

namespace RediStore::Admin {

// Reads and decodes a session's value for previews and the value search: one GET, decoded
// with the admin's serializer or, in auto mode, by SessionSerializer::detect(). Unlike
// SessionAdmin::load() it remembers nothing per session (load() keeps, in auto mode, the
// serializer of every session it ever read), so reading a million sessions stays bounded.
// The TTL is not read (ttlMs stays -1).
class SessionReader
{
public:
    static QFuture<SessionContent> read(SessionAdmin *admin, const QString &id);
    // Decodes stored bytes as read() does.
    static void decode(const SessionAdmin *admin, SessionContent &content);
};

} // namespace RediStore::Admin

#endif // REDISTORE_ADMIN_SESSIONREADER_H
