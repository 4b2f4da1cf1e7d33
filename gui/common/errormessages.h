#ifndef REDISTORE_ADMIN_ERRORMESSAGES_H
#define REDISTORE_ADMIN_ERRORMESSAGES_H

#include <libredistore/redis/rediserror.h>
#include <libredistore/session/sessionerror.h>

#include <QtCore/QCoreApplication>
#include <QtCore/QString>

namespace RediStore::Admin {

// Plain sentences for what went wrong, said the way an operator thinks about it: "Redis refused
// the connection", not "ECONNREFUSED". endpoint is "host:port" or "unix:/path" for the message.
class ErrorMessages
{
    Q_DECLARE_TR_FUNCTIONS(ErrorMessages)

public:
    static QString forRedis(const RedisError &error, const QString &endpoint);
    static QString forSession(const SessionError &error, const QString &endpoint);
};

} // namespace RediStore::Admin

#endif // REDISTORE_ADMIN_ERRORMESSAGES_H
