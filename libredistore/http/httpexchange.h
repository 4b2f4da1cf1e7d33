#ifndef REDISTORE_HTTPEXCHANGE_H
#define REDISTORE_HTTPEXCHANGE_H

#include <libredistore/http/httpheadererror.h>
#include <libredistore/http/redistore_http_export.h>
#include <libredistore/result.h>
#include <libredistore/session/sessionstore.h>

#include <QtCore/QByteArrayList>
#include <QtCore/QList>
#include <QtCore/QObject>
#include <QtCore/QPair>
#include <QtCore/QUrl>
#include <QtCore/QUrlQuery>
#include <QtHttpServer/QHttpServerRequest>
#include <QtHttpServer/QHttpServerResponder>
#include <QtNetwork/QHostAddress>

#include <functional>
#include <memory>

class QAbstractHttpServer;

namespace RediStore {

class HttpExchangePrivate;
class HttpSessions;
class SessionRegistry;

// One request being answered, with its sessions: what a handler works with. HttpSessions
// creates it from a QHttpServerRequest and its responder; the handler loads and saves sessions
// through it without blocking, then answers exactly once, and the answer carries one
// Set-Cookie header per saved session.
//
//   sessions.route(&server, QStringLiteral("/set"), [](HttpExchange *exchange, Session &session) {
//       session.setValue(QStringLiteral("user"), QStringLiteral("john_doe"));
//       exchange->respond("Session saved!"); // saved first, as it changed
//   });
//
// The exchange is the context of every callback given to it. It deletes itself once it has
// answered, and also when the client disconnects first: pending callbacks are then dropped and
// nothing is ever written to the closed connection. In callbacks that have another context,
// hold a QPointer<HttpExchange>, never a plain pointer.
class REDISTORE_HTTP_EXPORT HttpExchange : public QObject
{
    Q_OBJECT

public:
    using StatusCode = QHttpServerResponder::StatusCode;
    using SessionCallback = std::function<void(Session session)>;

    static constexpr const char *textPlain = "text/plain; charset=utf-8";

    ~HttpExchange() override;

    // The request, copied when the exchange began: QHttpServer reuses or deletes its
    // QHttpServerRequest as soon as the route handler returns.
    QHttpServerRequest::Method method() const;
    QUrl url() const;
    QUrlQuery query() const;
    // The first value of the header called name (case-insensitive), or empty.
    QByteArray header(const QByteArray &name) const;
    QList<QPair<QByteArray, QByteArray>> headers() const;
    QByteArray body() const;
    QHostAddress remoteAddress() const;
    // The values of the request's Cookie headers.
    QByteArrayList cookieHeaders() const;

    HttpSessions *sessions() const;
    SessionStore *store() const;
    // The per-request registry: the same name gives the same session and the same error.
    SessionRegistry *registry() const;

    // Gives the session called name. A forged, tampered, expired or foreign cookie gives a new
    // session (the reason goes to HttpSessions::sessionError and the log, never to the client);
    // when the store fails (Redis down or too slow), the exchange answers through the error
    // responder (503 by default) and callback does not run.
    void session(const QByteArray &name, SessionCallback callback);
    // The same with the whole result, errors included, for handlers with a policy of their own.
    void load(const QByteArray &name, SessionStore::LoadCallback callback);
    // Saves one session now and keeps its Set-Cookie header for the answer.
    void save(const Session &session, SessionStore::SaveCallback callback);
    // Read-modify-write without loss (SessionStore::update): loads the session called name,
    // runs change on it (again on fresh values if another request changed it meanwhile), saves
    // it, then calls then with the saved session. If it stays contended, answers 409 Conflict
    // through the error responder; if it was logged out or revoked meanwhile, the change runs on
    // a new visitor's session instead. Other failures answer as session() does.
    void update(const QByteArray &name, SessionStore::UpdateFunction change, SessionCallback then);
    // Logs out: deletes the session called name in Redis (and from the per-user index) and
    // expires its cookie in the answer, then calls then.
    void destroy(const QByteArray &name, std::function<void()> then);

    // Adds a header to the answer, e.g. Location. Set-Cookie headers of saved sessions are
    // added by the exchange itself. A name that is no HTTP token, or a value with CR, LF or NUL
    // (which could add headers of a client's choosing), is refused with a typed error
    // (HttpHeaderError::InvalidName/InvalidValue) and nothing is added:
    //   if (auto added = exchange->addHeader("Location", target); !added)
    //       return exchange->respond(HttpExchange::StatusCode::BadRequest);
    Result<void, HttpHeaderError> addHeader(const QByteArray &name, const QByteArray &value);

    // Answers now, with the Set-Cookie header of every session saved so far. In a handler of
    // the route form that takes the session, the sessions this exchange gave out are saved
    // first (an unchanged one costs nothing), as saveAndRespond() does.
    void respond(const QByteArray &body, const QByteArray &contentType = textPlain,
                 StatusCode status = StatusCode::Ok);
    void respond(StatusCode status);
    // Saves every session this exchange gave out (an unchanged one costs no write), then
    // answers; if a save fails, answers through the error responder instead.
    void saveAndRespond(const QByteArray &body, const QByteArray &contentType = textPlain,
                        StatusCode status = StatusCode::Ok);
    // Answers through the HttpSessions' error responder: 503 when Redis failed, 500 otherwise,
    // with a short text that reveals nothing of the server.
    void fail(const SessionError &error);

    // True once respond() (or fail()) has answered, or the client has gone.
    bool isFinished() const;
    bool isClientConnected() const;

Q_SIGNALS:
    // The client disconnected before the answer; the exchange is deleted right after.
    void clientDisconnected();

private:
    friend class HttpSessions;
    HttpExchange(HttpSessions *sessions, const QHttpServerRequest &request,
                 QHttpServerResponder &&responder, QAbstractHttpServer *server);

    std::unique_ptr<HttpExchangePrivate> d;
};

} // namespace RediStore

#endif // REDISTORE_HTTPEXCHANGE_H
