#include "httpsessions.h"
#include "httpexchange_p.h"
#include "httpservercompat_p.h"
#include "httpsessions_p.h"

#include <QtHttpServer/QHttpServer>

namespace RediStore {

// Debug lines are per request (clients that leave early): off unless asked for.
Q_LOGGING_CATEGORY(lcHttp, "redistore.http", QtInfoMsg)

SessionStore *HttpSessionsPrivate::liveStore() const
{
    return storeIsObject && !storeObject ? nullptr : store;
}

HttpSessions::HttpSessions(SessionStore *store, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<HttpSessionsPrivate>())
{
    d->errorLog.setInterval(defaultErrorLogInterval);
    Q_ASSERT(store);
    d->store = store;
    // A RedisStore is a QObject: watch it, so that requests after its deletion get a clear
    // error instead of a dangling pointer.
    if (auto *object = dynamic_cast<QObject *>(store)) {
        d->storeObject = object;
        d->storeIsObject = true;
    }
}

HttpSessions::~HttpSessions()
{
    // Answer what is still waiting, so that no client hangs on a server that goes away, and
    // delete the exchanges while this object is whole (they are children, which QObject
    // would delete only after d is gone).
    const auto exchanges = findChildren<HttpExchange *>(Qt::FindDirectChildrenOnly);
    for (HttpExchange *exchange : exchanges) {
        if (!exchange->isFinished()) {
            exchange->respond(QByteArrayLiteral("The server is shutting down.\n"),
                              HttpExchange::textPlain, StatusCode::ServiceUnavailable);
        }
    }
    qDeleteAll(exchanges);
}

SessionStore *HttpSessions::store() const
{
    return d->store;
}

bool HttpSessions::route(QHttpServer *server, const QString &path, Handler handler)
{
    return route(server, path, QHttpServerRequest::Method::AnyKnown, std::move(handler));
}

bool HttpSessions::route(QHttpServer *server, const QString &path,
                         QHttpServerRequest::Methods methods, Handler handler)
{
    Q_ASSERT(server);
    const QPointer<HttpSessions> self(this);
    // A handler that takes the responder may answer later, which is what waiting for Redis
    // needs; QHttpServerResponse-returning handlers must answer at once.
    const auto rule = server->route(
        path, methods,
        [self, server, handler = std::move(handler)](const QHttpServerRequest &request,
                                                     HttpServerCompat::RouteResponder responder) {
            if (!self) {
                responder.write(StatusCode::ServiceUnavailable);
                return;
            }
            handler(self->begin(request, std::move(responder), server));
        });
    return bool(rule); // bool on Qt 6.4, the rule's pointer on Qt 6.8
}

bool HttpSessions::route(QHttpServer *server, const QString &path, SessionHandler handler)
{
    return route(server, path, QHttpServerRequest::Method::AnyKnown, std::move(handler));
}

bool HttpSessions::route(QHttpServer *server, const QString &path,
                         QHttpServerRequest::Methods methods, SessionHandler handler)
{
    const QPointer<HttpSessions> self(this);
    return route(server, path, methods,
                 [self, handler = std::move(handler)](HttpExchange *exchange) {
                     self->handOut(exchange, handler);
                 });
}

void HttpSessions::handOut(HttpExchange *exchange, SessionHandler handler)
{
    exchange->d->saveBeforeAnswer = true;
    exchange->session(d->sessionName, [exchange, handler = std::move(handler)](Session session) {
        exchange->d->rerun = [exchange, handler, session]() mutable { handler(exchange, session); };
        handler(exchange, session);
    });
}

QByteArray HttpSessions::sessionName() const
{
    return d->sessionName;
}

void HttpSessions::setSessionName(const QByteArray &name)
{
    d->sessionName = name.isEmpty() ? QByteArray(defaultSessionName) : name;
}

HttpExchange *HttpSessions::begin(const QHttpServerRequest &request,
                                  QHttpServerResponder &&responder, QAbstractHttpServer *server)
{
    auto *exchange = new HttpExchange(this, request, std::move(responder), server);
    ++d->pending;
    if (d->responseTimeoutMs > 0)
        exchange->d->timeout.start(d->responseTimeoutMs);
    return exchange;
}

quint16 HttpSessions::listen(QHttpServer *server, const QHostAddress &address, quint16 port)
{
    Q_ASSERT(server);
    return HttpServerCompat::listen(server, address, port);
}

int HttpSessions::pendingCount() const
{
    return d->pending;
}

int HttpSessions::responseTimeoutMs() const
{
    return d->responseTimeoutMs;
}

void HttpSessions::setResponseTimeoutMs(int milliseconds)
{
    d->responseTimeoutMs = qMax(0, milliseconds);
}

std::chrono::milliseconds HttpSessions::errorLogInterval() const
{
    return d->errorLog.interval();
}

void HttpSessions::setErrorLogInterval(std::chrono::milliseconds interval)
{
    d->errorLog.setInterval(interval);
}

void HttpSessions::setErrorResponder(ErrorResponder responder)
{
    d->errorResponder = std::move(responder);
}

void HttpSessions::defaultErrorResponse(HttpExchange *exchange, const SessionError &error)
{
    const StatusCode status = statusFor(error);
    // The client learns that it failed, not how: the details are in the log.
    const QByteArray body = status == StatusCode::ServiceUnavailable
        ? QByteArrayLiteral("Session storage is unavailable; please try again later.\n")
        : status == StatusCode::Conflict
        ? QByteArrayLiteral("The session is busy with other requests; please try again.\n")
        : QByteArrayLiteral("The session could not be processed.\n");
    if (status == StatusCode::ServiceUnavailable)
        exchange->addHeader(QByteArrayLiteral("Retry-After"), QByteArrayLiteral("1"));
    exchange->respond(body, HttpExchange::textPlain, status);
}

HttpSessions::StatusCode HttpSessions::statusFor(const SessionError &error)
{
    const int code = int(error.code());
    if (code == 0)
        return StatusCode::Ok;
    if (error.code() == SessionError::Code::Conflict)
        return StatusCode::Conflict;
    if (code >= 400 && code < 500)
        return StatusCode::ServiceUnavailable;
    return StatusCode::InternalServerError;
}

bool HttpSessions::isRecoverable(const SessionError &error)
{
    switch (error.code()) {
    case SessionError::Code::NoError:
    case SessionError::Code::CookieInvalid:
    case SessionError::Code::CorruptData:
    case SessionError::Code::StoredValueTooLarge:
    case SessionError::Code::SessionGone:
        return true;
    default:
        return int(error.code()) >= 200 && int(error.code()) < 300; // every cookie error
    }
}

} // namespace RediStore
