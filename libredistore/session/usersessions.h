#ifndef REDISTORE_USERSESSIONS_H
#define REDISTORE_USERSESSIONS_H

#include <libredistore/session/sessionerror.h>

#include <QtCore/QList>
#include <QtCore/QMetaType>
#include <QtCore/QString>
#include <QtCore/QStringList>

namespace RediStore {

// One live session of a user, from the per-user index (withUserIndex).
struct UserSession
{
    QString id;
    qint64 ttlMs = -1; // milliseconds left; -1: no expiry
};

// What sessionsOfUser() gives: the user's live sessions, oldest expiry first.
struct UserSessions
{
    QString user;
    QList<UserSession> sessions;
    SessionError error;

    bool ok() const { return !error.isError(); }
    QStringList ids() const
    {
        QStringList list;
        list.reserve(sessions.size());
        for (const UserSession &session : sessions)
            list.append(session.id);
        return list;
    }
};

// What revokeUser() gives: how many sessions ended.
struct UserRevocation
{
    QString user;
    qint64 ended = 0;
    SessionError error;

    bool ok() const { return !error.isError(); }
};

// One user of the per-user index, with the number of their live sessions.
struct UserEntry
{
    QString user;
    qint64 sessions = 0; // index entries not yet expired
};

// What users() gives: the users of the index, most sessions first (then by name).
struct UserList
{
    QList<UserEntry> users;
    // More users matched than the limit asked for: the scan stopped there, so users holds the
    // first ones found (in SCAN's order, then sorted), not necessarily those with the most.
    bool truncated = false;
    SessionError error;

    bool ok() const { return !error.isError(); }
    // The first count users (those with the most sessions), for a top list.
    QList<UserEntry> top(qsizetype count) const { return users.mid(0, count); }
};

} // namespace RediStore

Q_DECLARE_METATYPE(RediStore::UserList)
Q_DECLARE_METATYPE(RediStore::UserSessions)
Q_DECLARE_METATYPE(RediStore::UserRevocation)

#endif // REDISTORE_USERSESSIONS_H
