#ifndef REDISTORE_HTTPSERVERCOMPAT_P_H
#define REDISTORE_HTTPSERVERCOMPAT_P_H

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QPair>
#include <QtHttpServer/QHttpServerRequest>
#include <QtHttpServer/QHttpServerResponder>
#include <QtNetwork/QHostAddress>

#include <memory>

class QAbstractHttpServer;
class QTcpSocket;

// Every difference between the QHttpServer of Qt 6.4 (Debian 12, Ubuntu 24.04) and that of
// Qt 6.8 and later (Debian 13) lives here, and only here.
#include "httpsessions.h"

namespace RediStore::HttpServerCompat {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// The responder parameter of a route handler that may answer later (public, for the route
// templates of HttpSessions): Qt 6.4 wants an rvalue reference, Qt 6.8 an lvalue reference.
using RouteResponder = HttpSessions::RouteResponder;

// The request's headers, in the order the client sent them.
HeaderList requestHeaders(const QHttpServerRequest &request);

// The connection the answer goes to, or null when it cannot be known (Qt 6.8 without the
// server). Call it before the responder is moved. Qt 6.4 deletes the socket some time after
// the client disconnects; Qt 6.8 keeps it while a responder holds its connection, until the
// server itself is deleted.
QTcpSocket *connectionSocket(QAbstractHttpServer *server, const QHttpServerRequest &request,
                             QHttpServerResponder &responder);

// Writes a whole answer: status, Content-Type, Content-Length, the extra headers in order, and
// the body, or no body for a HEAD request (with the Content-Length of the body it would have).
// Qt 6.8 writes header names in lower case (HTTP names are case-insensitive).
void writeAnswer(QHttpServerResponder &responder, QHttpServerResponder::StatusCode status,
                 const QByteArray &contentType, const HeaderList &headers, const QByteArray &body,
                 bool headRequest);

// The connection's socket was destroyed (its server is being deleted) while the exchange still
// holds the responder: makes sure that destroying the responder later does not touch it.
void forgetResponderOfDeletedConnection(std::unique_ptr<QHttpServerResponder> &responder);

// Listens on address:port (0 for any free port) and serves server's routes there; returns the
// port, or 0 when it cannot listen. Qt 6.8 removed QAbstractHttpServer::listen().
quint16 listen(QAbstractHttpServer *server, const QHostAddress &address, quint16 port);

} // namespace RediStore::HttpServerCompat

#endif // REDISTORE_HTTPSERVERCOMPAT_P_H
