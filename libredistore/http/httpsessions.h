#ifndef REDISTORE_HTTPSESSIONS_H
#define REDISTORE_HTTPSESSIONS_H

#include <libredistore/http/httpexchange.h>
#include <libredistore/http/redistore_http_export.h>
#include <libredistore/session/sessionstore.h>

#include <QtCore/QObject>
#include <QtCore/QString>
#include <QtHttpServer/QHttpServerRequest>
#include <QtHttpServer/QHttpServerResponder>
#include <QtNetwork/QHostAddress>

#include <QtCore/QPointer>
#include <QtHttpServer/QHttpServer>

#include <chrono>
#include <functional>
#include <memory>
#include <tuple>
#include <type_traits>

QT_BEGIN_NAMESPACE
class QAbstractHttpServer;
class QHttpServer;
QT_END_NAMESPACE

namespace RediStore {

class HttpSessionsPrivate;

namespace HttpRouteTraits {
// What a handler of the route form takes after the exchange and the session: the path's
// arguments ("/items/<arg>"), typed as the handler declares them.
template<typename Member> struct Signature
{
    static constexpr bool withArguments = false;
};
template<typename C, typename First, typename... Rest>
struct Signature<void (C::*)(HttpExchange *, Session &, First, Rest...) const>
{
    static constexpr bool withArguments = true;
    using Arguments = std::tuple<First, Rest...>;
};
template<typename C, typename First, typename... Rest>
struct Signature<void (C::*)(HttpExchange *, Session &, First, Rest...)>
    : Signature<void (C::*)(HttpExchange *, Session &, First, Rest...) const>
{
};
template<typename F, typename = void> struct Handler
{
    static constexpr bool withArguments = false;
};
template<typename F>
struct Handler<F, std::void_t<decltype(&F::operator())>> : Signature<decltype(&F::operator())>
{
};
} // namespace HttpRouteTraits

// Sessions for QHttpServer: binds a SessionStore (a RedisStore, usually) to the requests of a
// server. For each request it reads the Cookie headers, lets the handler get and save sessions
// without blocking the event loop, and sends the answer with one Set-Cookie header per saved
// session.
//
//   auto store = RedisStore::create(KeyRing::keys({hashKey}), {withUrl(url)});
//   HttpSessions sessions(store.value().get());
//   QHttpServer server;
//   sessions.route(&server, QStringLiteral("/get"), [](HttpExchange *exchange) {
//       exchange->session("my-session", [exchange](Session session) {
//           exchange->respond(session.value(QStringLiteral("user")).toString().toUtf8());
//       });
//   });
//   HttpSessions::listen(&server, QHostAddress::LocalHost, 8080);
//
// Safe when the client disconnects before Redis answers: the exchange goes away with the
// connection and nothing is written to it. A bad cookie gives a new session, never an error
// page; a dead or slow Redis gives 503 for the requests that need it while the server goes on
// serving the others. Every difference between QHttpServer versions is handled here.
//
// Lives in one thread, like the store; the store must outlive it.
class REDISTORE_HTTP_EXPORT HttpSessions : public QObject
{
    Q_OBJECT

public:
    using StatusCode = QHttpServerResponder::StatusCode;
    using Handler = std::function<void(HttpExchange *exchange)>;
    // A handler that gets the request's session, loaded; what it changes is saved before the
    // answer goes out.
    using SessionHandler = std::function<void(HttpExchange *exchange, Session &session)>;
    using ErrorResponder = std::function<void(HttpExchange *exchange, const SessionError &error)>;

    // The responder parameter of a QHttpServer route handler that answers later: an rvalue
    // reference on Qt 6.4, an lvalue reference from Qt 6.8.
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    using RouteResponder = QHttpServerResponder &;
#else
    using RouteResponder = QHttpServerResponder &&;
#endif

    static constexpr int defaultResponseTimeoutMs = 30000;
    static constexpr const char *defaultSessionName = "session";
    static constexpr std::chrono::seconds defaultErrorLogInterval { 60 };

    explicit HttpSessions(SessionStore *store, QObject *parent = nullptr);
    ~HttpSessions() override;

    SessionStore *store() const;

    // Serves path (no placeholders) on server with handler, which gets the request's exchange.
    // Returns false if QHttpServer refuses the rule.
    bool route(QHttpServer *server, const QString &path, Handler handler);
    bool route(QHttpServer *server, const QString &path, QHttpServerRequest::Methods methods,
               Handler handler);
    // The same, handing handler the session called sessionName(), loaded (a bad cookie gives a
    // new session; a dead Redis answers 503 without calling handler). When handler answers with
    // respond(), a changed session is saved first:
    //
    //   sessions.route(&server, QStringLiteral("/visits"), [](HttpExchange *ex, Session &s) {
    //       s.setValue(QStringLiteral("visits"), s.value(QStringLiteral("visits")).toInt() + 1);
    //       ex->respond(QByteArray::number(s.value(QStringLiteral("visits")).toInt()));
    //   });
    bool route(QHttpServer *server, const QString &path, SessionHandler handler);
    bool route(QHttpServer *server, const QString &path, QHttpServerRequest::Methods methods,
               SessionHandler handler);

    // The same with QHttpServer's path arguments: handler takes them after the session, typed
    // as QHttpServer converts them (QString, int, ...):
    //
    //   sessions.route(&server, QStringLiteral("/cart/remove/<arg>"),
    //                  [](HttpExchange *ex, Session &s, const QString &item) { ... });
    template<typename Handler,
             std::enable_if_t<HttpRouteTraits::Handler<Handler>::withArguments, bool> = true>
    bool route(QHttpServer *server, const QString &path, Handler handler)
    {
        using Arguments = typename HttpRouteTraits::Handler<Handler>::Arguments;
        return routeWith(server, path, std::move(handler), static_cast<Arguments *>(nullptr));
    }

    // The cookie name of the session the route form hands out (default "session").
    QByteArray sessionName() const;
    void setSessionName(const QByteArray &name);

    // Begins answering request, for route handlers of your own that take the responder
    // (`QHttpServerResponder &&` on Qt 6.4, `QHttpServerResponder &` on Qt 6.8: move it in).
    // Call it in the handler itself, before it returns. With server, the exchange notices a
    // client that leaves early on every Qt version (without it, only on Qt 6.4). The exchange
    // belongs to this object; the server must outlive it.
    HttpExchange *begin(const QHttpServerRequest &request, QHttpServerResponder &&responder,
                        QAbstractHttpServer *server = nullptr);

    // Listens on address and port (0: any free port) and serves server's routes there, on any
    // Qt version (QHttpServer::listen() is gone in Qt 6.8). Returns the port, 0 on failure.
    static quint16 listen(QHttpServer *server, const QHostAddress &address, quint16 port = 0);

    // Exchanges begun and not yet answered (nor left by their client).
    int pendingCount() const;

    // How long a handler may take to answer before the exchange answers 503 by itself (and
    // logs it): a safety net for handlers that forget to answer. 0: no limit.
    int responseTimeoutMs() const;
    void setResponseTimeoutMs(int milliseconds);

    // How often the log (category redistore.http) may write each kind of per-request error: a
    // kind (a session name and an error code, or a response timeout) is written the first
    // time at once, then at most once per interval, as "... and N more in the last 60 s". The
    // log names the method and path of a request, never its query string or cookies.
    // 0: every error is written. The sessionError signal is not limited.
    std::chrono::milliseconds errorLogInterval() const;
    void setErrorLogInterval(std::chrono::milliseconds interval);

    // What HttpExchange::fail() and a failed HttpExchange::session() send. The default is
    // defaultErrorResponse(); a null responder restores it.
    void setErrorResponder(ErrorResponder responder);
    static void defaultErrorResponse(HttpExchange *exchange, const SessionError &error);

    // 503 Service Unavailable for Redis failures, 500 for the rest.
    static StatusCode statusFor(const SessionError &error);
    // True when the error still leaves a usable, new session: a bad cookie, or data in Redis
    // that is gone, does not decode or is longer than the store's max length. Such errors are
    // logged, not shown to the client.
    static bool isRecoverable(const SessionError &error);

Q_SIGNALS:
    // A session could not be loaded as the client asked, or could not be saved: for logs and
    // metrics. Recoverable errors (bad cookies) are reported here too. Emitted for every
    // error, unlike the log, which errorLogInterval() limits: keep a slot cheap, since a client
    // can cause one emission per request.
    void sessionError(const QByteArray &name, const RediStore::SessionError &error);
    // The client of url disconnected before its answer was ready.
    void requestAbandoned(const QUrl &url);

private:
    // Loads the exchange's session for the route form and runs handler with it.
    void handOut(HttpExchange *exchange, SessionHandler handler);

    template<typename Handler, typename... Arguments>
    bool routeWith(QHttpServer *server, const QString &path, Handler handler,
                   std::tuple<Arguments...> *)
    {
        const QPointer<HttpSessions> self(this);
        const auto rule = server->route(
            path,
            [self, server, handler](std::decay_t<Arguments>... arguments,
                                    const QHttpServerRequest &request, RouteResponder responder) {
                if (!self) {
                    responder.write(QHttpServerResponder::StatusCode::ServiceUnavailable);
                    return;
                }
                HttpExchange *exchange = self->begin(request, std::move(responder), server);
                self->handOut(exchange,
                              [handler, arguments...](HttpExchange *ex, Session &session) mutable {
                                  handler(ex, session, arguments...);
                              });
            });
        return bool(rule);
    }

    friend class HttpExchange;
    friend class HttpExchangePrivate;
    std::unique_ptr<HttpSessionsPrivate> d;
};

} // namespace RediStore

#endif // REDISTORE_HTTPSESSIONS_H
