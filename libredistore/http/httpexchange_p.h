#ifndef REDISTORE_HTTPEXCHANGE_P_H
#define REDISTORE_HTTPEXCHANGE_P_H

#include "httpexchange.h"

#include <QtCore/QPointer>
#include <QtCore/QSet>
#include <QtCore/QTimer>
#include <QtNetwork/QTcpSocket>

#include <memory>
#include <vector>

namespace RediStore {

class HttpExchangePrivate
{
public:
    HttpExchangePrivate(HttpExchange *q, HttpSessions *sessions)
        : q(q)
        , sessions(sessions)
    { }

    // True while the client's connection is open: the only time anything may be written.
    bool canWrite() const;
    // Writes the whole answer in one go: status line, headers, Set-Cookie lines, body.
    void write(HttpExchange::StatusCode status, const QByteArray &contentType,
               const QByteArray &body);
    // Ends the exchange (answered, left or timed out): it is deleted on the next turn of the
    // event loop, which drops every callback it is the context of.
    void finish();
    void abandon();
    // "GET /path", for the log.
    QString requestLine() const;
    // Emits sessionError and logs the error, as often as the sessions' error log allows.
    void report(const QByteArray &name, const SessionError &error);
    void remember(const Session &session);
    // done gets the first failure, and whether a session turned out gone.
    void saveAll(std::function<void(const SessionSaveResult &, bool gone)> done);
    // The session as a new visitor's: a session found gone on saving has become one.
    static bool isFine(const SessionSaveResult &result)
    {
        return result.ok() || result.error.code() == SessionError::Code::SessionGone;
    }

    HttpExchange *const q;
    HttpSessions *const sessions;
    SessionRegistry *registry = nullptr; // a child of q

    // The request, copied: QHttpServer 6.4 reuses its request object for the next request on
    // the connection and deletes it with the socket.
    QHttpServerRequest::Method method = QHttpServerRequest::Method::Unknown;
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QHostAddress remoteAddress;
    QByteArrayList cookieHeaders;

    // The connection's socket, when known: Qt 6.4 deletes it some time after the client
    // disconnects, and the QPointer tells whether it is still there. Without it (Qt 6.8 and an
    // exchange begun without its server) a client that leaves is noticed only by the response
    // timeout.
    std::unique_ptr<QHttpServerResponder> responder;
    QPointer<QTcpSocket> socket;
    bool socketKnown = false;

    QList<QPair<QByteArray, QByteArray>> extraHeaders;
    std::vector<Session> givenOut; // sessions loaded through this exchange, for saveAndRespond
    QSet<QByteArray> reported; // session names whose load error was already reported
    QTimer timeout;
    bool finished = false;
    bool saveBeforeAnswer = false; // the route form that hands the handler its session
    bool saving = false;
    // The route form's handler on its session, run once more when the session turns out gone
    // on saving (logged out or revoked meanwhile): the request is then a new visitor's.
    std::function<void()> rerun;
};

} // namespace RediStore

#endif // REDISTORE_HTTPEXCHANGE_P_H
