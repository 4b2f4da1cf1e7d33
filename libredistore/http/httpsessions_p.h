#ifndef REDISTORE_HTTPSESSIONS_P_H
#define REDISTORE_HTTPSESSIONS_P_H

#include "httperrorlog_p.h"
#include "httpsessions.h"

#include <QtCore/QLoggingCategory>
#include <QtCore/QPointer>

namespace RediStore {

Q_DECLARE_LOGGING_CATEGORY(lcHttp)

class HttpSessionsPrivate
{
public:
    // Null when the store is a QObject that has been deleted (a RedisStore, usually).
    SessionStore *liveStore() const;

    SessionStore *store = nullptr;
    QPointer<QObject> storeObject;
    bool storeIsObject = false;
    int responseTimeoutMs = HttpSessions::defaultResponseTimeoutMs;
    HttpSessions::ErrorResponder errorResponder;
    int pending = 0;
    QByteArray sessionName = HttpSessions::defaultSessionName;
    HttpErrorLog errorLog { lcHttp };
};

} // namespace RediStore

#endif // REDISTORE_HTTPSESSIONS_P_H
