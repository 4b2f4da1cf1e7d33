#include "httpservercompat_p.h"

#include <QtHttpServer/QAbstractHttpServer>
#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>

#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
#include <QtCore/QBuffer>
#include <QtNetwork/QHttpHeaders>
#endif

namespace RediStore::HttpServerCompat {

#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)

HeaderList requestHeaders(const QHttpServerRequest &request)
{
    return request.headers().toListOfPairs();
}

QTcpSocket *connectionSocket(QAbstractHttpServer *server, const QHttpServerRequest &request,
                             QHttpServerResponder &)
{
    // The responder no longer tells its socket: each connection's socket is a child of the
    // server's per-connection object, and the request knows both ends' ports.
    if (!server)
        return nullptr;
    const auto sockets = server->findChildren<QTcpSocket *>();
    for (QTcpSocket *socket : sockets) {
        if (socket->peerPort() == request.remotePort() && socket->localPort() == request.localPort()
            && socket->peerAddress() == request.remoteAddress()) {
            return socket;
        }
    }
    return nullptr;
}

void writeAnswer(QHttpServerResponder &responder, QHttpServerResponder::StatusCode status,
                 const QByteArray &contentType, const HeaderList &headers, const QByteArray &body,
                 bool headRequest)
{
    QHttpHeaders all;
    all.append(QHttpHeaders::WellKnownHeader::ContentType, contentType);
    for (const auto &header : headers)
        all.append(header.first, header.second);
    if (headRequest) {
        // The responder writes the Content-Length of a non-sequential device and no body when
        // the device is at its end: the headers of the GET answer, nothing after them.
        auto *noBody = new QBuffer;
        noBody->setData(body);
        noBody->open(QIODevice::ReadOnly);
        noBody->seek(body.size());
        responder.write(noBody, all, status); // takes the buffer
    } else {
        responder.write(body, all, status); // adds Content-Length
    }
}

void forgetResponderOfDeletedConnection(std::unique_ptr<QHttpServerResponder> &responder)
{
    // Its destructor tells the connection's object, which is gone with the server: leak the
    // few bytes instead (this happens only when the server is deleted before the exchange).
    (void)responder.release();
}

quint16 listen(QAbstractHttpServer *server, const QHostAddress &address, quint16 port)
{
    auto *tcp = new QTcpServer(server);
    if (!tcp->listen(address, port) || !server->bind(tcp)) {
        delete tcp;
        return 0;
    }
    return tcp->serverPort();
}

#else // Qt 6.4

HeaderList requestHeaders(const QHttpServerRequest &request)
{
    return request.headers();
}

QTcpSocket *connectionSocket(QAbstractHttpServer *, const QHttpServerRequest &,
                             QHttpServerResponder &responder)
{
    return responder.socket();
}

void writeAnswer(QHttpServerResponder &responder, QHttpServerResponder::StatusCode status,
                 const QByteArray &contentType, const HeaderList &headers, const QByteArray &body,
                 bool headRequest)
{
    // The responder's write() overloads take header lists only as initializer lists, so a list
    // known at run time is written line by line, exactly as write(QByteArray, HeaderList) does.
    responder.writeStatusLine(status);
    responder.writeHeader(QByteArrayLiteral("Content-Type"), contentType);
    responder.writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(body.size()));
    for (const auto &header : headers)
        responder.writeHeader(header.first, header.second);
    responder.writeBody(headRequest ? QByteArray() : body);
}

void forgetResponderOfDeletedConnection(std::unique_ptr<QHttpServerResponder> &)
{
    // Qt 6.4's responder holds the socket by QPointer: it may be destroyed later as usual.
}

quint16 listen(QAbstractHttpServer *server, const QHostAddress &address, quint16 port)
{
    return server->listen(address, port);
}

#endif

} // namespace RediStore::HttpServerCompat
