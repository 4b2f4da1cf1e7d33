#include "redisconnection_p.h"

#include <QtCore/QFile>
#include <QtCore/QSocketNotifier>
#include <QtNetwork/QHostInfo>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/un.h>

#include <cerrno>
#include <cstddef>
#include <cstring>

// How a RedisConnection opens: the host resolved without blocking, a non-blocking connect to
// each address in turn (or the Unix socket), then the transport's handshake.

namespace RediStore {

namespace {

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

} // namespace

void RedisConnection::open()
{
    if (m_phase != Phase::Idle)
        return;
    m_phase = Phase::Resolving;
    // Started from the event loop, so that even a failure at once reaches the listener later.
    QMetaObject::invokeMethod(this, &RedisConnection::start, Qt::QueuedConnection);
}

void RedisConnection::start()
{
    if (m_phase != Phase::Resolving)
        return;
    if (m_config.connectTimeoutMs() > 0)
        m_connectTimer.start(m_config.connectTimeoutMs());
    if (m_config.transport() == RedisConfig::Transport::Unix) {
        m_phase = Phase::Connecting;
        connectNext();
        return;
    }
    const QString host = m_config.host();
    if (QHostAddress address; address.setAddress(host)) {
        m_phase = Phase::Connecting;
        m_addresses = { address };
        connectNext();
        return;
    }
    m_lookupId = QHostInfo::lookupHost(host, this, [this](const QHostInfo &info) {
        m_lookupId = -1;
        resolved(info.addresses(),
                 info.error() == QHostInfo::NoError ? QString() : info.errorString());
    });
}

void RedisConnection::resolved(const QList<QHostAddress> &addresses, const QString &error)
{
    if (m_phase != Phase::Resolving)
        return;
    if (addresses.isEmpty()) {
        fail(RedisError(
            RedisError::Code::HostNotFound,
            QStringLiteral("cannot resolve the Redis host '%1': %2")
                .arg(m_config.host(), error.isEmpty() ? QStringLiteral("no address") : error)));
        return;
    }
    m_phase = Phase::Connecting;
    m_addresses = addresses;
    connectNext();
}

// Tries the next address (or the Unix socket); a refused one moves on to the one after.
void RedisConnection::connectNext()
{
    closeSocket();
    sockaddr_storage storage {};
    socklen_t length = 0;
    int family = AF_UNIX;
    if (m_config.transport() == RedisConfig::Transport::Unix) {
        auto *address = reinterpret_cast<sockaddr_un *>(&storage);
        const QByteArray path = QFile::encodeName(m_config.unixSocket());
        if (size_t(path.size()) >= sizeof address->sun_path) {
            fail(RedisError(RedisError::Code::InvalidUrl,
                            QStringLiteral("the Unix socket path '%1' is too long")
                                .arg(m_config.unixSocket())));
            return;
        }
        address->sun_family = AF_UNIX;
        std::memcpy(address->sun_path, path.constData(), size_t(path.size()));
        length = socklen_t(offsetof(sockaddr_un, sun_path) + size_t(path.size()) + 1);
    } else {
        if (m_addresses.isEmpty()) {
            fail(RedisError(m_lastConnectCode,
                            QStringLiteral("cannot connect to Redis at %1: %2%3")
                                .arg(m_endpoint, m_lastConnectError,
                                     m_lastConnectCode == RedisError::Code::ConnectionRefused
                                         ? QStringLiteral(" (is redis-server running there?)")
                                         : QString())));
            return;
        }
        const QHostAddress address = m_addresses.takeFirst();
        if (address.protocol() == QAbstractSocket::IPv6Protocol) {
            auto *in6 = reinterpret_cast<sockaddr_in6 *>(&storage);
            in6->sin6_family = AF_INET6;
            in6->sin6_port = htons(m_config.port());
            const Q_IPV6ADDR ip = address.toIPv6Address();
            std::memcpy(&in6->sin6_addr, &ip, sizeof ip);
            in6->sin6_scope_id = address.scopeId().toUInt();
            family = AF_INET6;
            length = sizeof *in6;
        } else {
            auto *in4 = reinterpret_cast<sockaddr_in *>(&storage);
            in4->sin_family = AF_INET;
            in4->sin_port = htons(m_config.port());
            in4->sin_addr.s_addr = htonl(address.toIPv4Address());
            family = AF_INET;
            length = sizeof *in4;
        }
    }
    m_fd = ::socket(family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (m_fd < 0) {
        fail(RedisError(RedisError::Code::SocketError,
                        QStringLiteral("cannot create a socket: %1").arg(errnoText(errno))));
        return;
    }
    if (family != AF_UNIX) {
        const int on = 1;
        ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
        ::setsockopt(m_fd, SOL_SOCKET, SO_KEEPALIVE, &on, sizeof on);
    }
    m_readNotifier = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
    m_writeNotifier = new QSocketNotifier(m_fd, QSocketNotifier::Write, this);
    m_readNotifier->setEnabled(false);
    connect(m_readNotifier, &QSocketNotifier::activated, this, &RedisConnection::onReadable);
    connect(m_writeNotifier, &QSocketNotifier::activated, this, &RedisConnection::onWritable);
    int result;
    do {
        result = ::connect(m_fd, reinterpret_cast<const sockaddr *>(&storage), length);
    } while (result < 0 && errno == EINTR);
    // Connected or not, the write notifier says when to look (never a call back from in here).
    if (result == 0 || errno == EINPROGRESS || errno == EAGAIN) {
        m_writeNotifier->setEnabled(true);
        return;
    }
    connectFailed(errno == ECONNREFUSED || errno == ENOENT ? RedisError::Code::ConnectionRefused
                                                           : RedisError::Code::SocketError,
                  errnoText(errno));
}

void RedisConnection::connectFailed(RedisError::Code code, const QString &reason)
{
    m_lastConnectCode = code;
    m_lastConnectError = reason;
    if (m_config.transport() == RedisConfig::Transport::Unix)
        m_addresses.clear();
    if (m_addresses.isEmpty() && m_config.transport() == RedisConfig::Transport::Unix) {
        fail(RedisError(code,
                        QStringLiteral("cannot connect to Redis at %1: %2%3")
                            .arg(m_endpoint, reason,
                                 code == RedisError::Code::ConnectionRefused
                                     ? QStringLiteral(" (is redis-server running there?)")
                                     : QString())));
        return;
    }
    // Another address, out of this call: a failed connect may come from inside connectNext().
    QMetaObject::invokeMethod(this, &RedisConnection::connectNext, Qt::QueuedConnection);
}

void RedisConnection::socketConnected()
{
    int error = 0;
    socklen_t length = sizeof error;
    if (::getsockopt(m_fd, SOL_SOCKET, SO_ERROR, &error, &length) < 0)
        error = errno;
    if (error != 0) {
        m_writeNotifier->setEnabled(false);
        connectFailed(error == ECONNREFUSED || error == ENOENT ? RedisError::Code::ConnectionRefused
                                                               : RedisError::Code::SocketError,
                      errnoText(error));
        return;
    }
    startTransport();
}

void RedisConnection::startTransport()
{
    QString error;
    m_transport = ByteTransport::create(m_config, m_fd, m_config.host(), &error);
    if (!m_transport) {
        fail(RedisError(
            RedisError::Code::TlsSetupFailed,
            QStringLiteral("cannot use TLS for Redis at %1: %2").arg(m_endpoint, error)));
        return;
    }
    m_phase = Phase::Handshaking;
    continueHandshake();
}

void RedisConnection::continueHandshake()
{
    switch (m_transport->handshake()) {
    case ByteTransport::Status::Ok:
        opened();
        return;
    case ByteTransport::Status::WantRead:
        m_readNotifier->setEnabled(true);
        m_writeNotifier->setEnabled(false);
        return;
    case ByteTransport::Status::WantWrite:
        m_readNotifier->setEnabled(false);
        m_writeNotifier->setEnabled(true);
        return;
    case ByteTransport::Status::Closed:
    case ByteTransport::Status::Failed:
        break;
    }
    const bool rejected = m_transport->certificateRejected();
    QString reason = m_transport->errorString();
    if (reason.isEmpty())
        reason = QStringLiteral("the server closed the connection");
    fail(RedisError(
        rejected ? RedisError::Code::TlsCertificateRejected : RedisError::Code::TlsHandshakeFailed,
        QStringLiteral("TLS with Redis at %1 failed: %2%3")
            .arg(m_endpoint, reason,
                 rejected ? QString() : QStringLiteral(" (is that port speaking TLS?)"))));
}

} // namespace RediStore
