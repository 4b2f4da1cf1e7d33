#include "commandformat_p.h"
#include "redisconnection_p.h"
#include "replybuilder_p.h"

#include <QtCore/QAbstractEventDispatcher>
#include <QtCore/QFile>
#include <QtCore/QPointer>
#include <QtCore/QSocketNotifier>
#include <QtCore/QThread>
#include <QtNetwork/QHostInfo>

#include <hiredis/read.h>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace RediStore {

namespace {

constexpr qint64 readChunk = 16 * 1024;
constexpr qint64 readBudget
    = 256 * 1024; // per notification, so that one socket cannot starve others
constexpr size_t keptOutputCapacity = 1024 * 1024;

// The connections of this thread with output waiting since the last flush.
thread_local std::vector<RedisConnection *> t_pending;
// The event-loop level of the read that is handing over replies, or -1: output of that level
// is written when the read is done.
thread_local int t_readLevel = -1;
thread_local QPointer<QAbstractEventDispatcher> t_flushHook;
struct Backstop
{
    QTimer *timer = nullptr;
    ~Backstop() { delete timer; }
};
thread_local Backstop t_backstop;

int loopLevel()
{
    return QThread::currentThread()->loopLevel();
}

// Output listed outside a read is written before the event loop waits again: by the
// dispatcher's aboutToBlock()/awake(), or by a zero-time timer for any other loop.
void armFlush()
{
    QTimer *&timer = t_backstop.timer;
    if (!timer) {
        timer = new QTimer;
        timer->setSingleShot(true);
        timer->setInterval(0);
        QObject::connect(timer, &QTimer::timeout, &RedisConnection::flushPendingWrites);
    }
    if (!timer->isActive())
        timer->start();
    QAbstractEventDispatcher *dispatcher = QThread::currentThread()->eventDispatcher();
    if (!dispatcher || t_flushHook == dispatcher)
        return;
    t_flushHook = dispatcher;
    QObject::connect(dispatcher, &QAbstractEventDispatcher::aboutToBlock, dispatcher,
                     &RedisConnection::flushPendingWrites, Qt::DirectConnection);
    QObject::connect(dispatcher, &QAbstractEventDispatcher::awake, dispatcher,
                     &RedisConnection::flushPendingWrites, Qt::DirectConnection);
}

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

} // namespace

RedisConnection::RedisConnection(const RedisConfig &config, RedisConnectionListener *listener)
    : m_config(config)
    , m_listener(listener)
{
    m_connectTimer.setSingleShot(true);
    connect(&m_connectTimer, &QTimer::timeout, this, [this]() {
        fail(RedisError(RedisError::Code::ConnectTimeout,
                        QStringLiteral("could not connect to Redis at %1 within %2 ms%3")
                            .arg(m_config.endpoint())
                            .arg(m_config.connectTimeoutMs())
                            .arg(m_phase == Phase::Handshaking
                                     ? QStringLiteral(" (the TLS handshake did not finish: is "
                                                      "that port speaking TLS?)")
                                     : QString())));
    });
}

RedisConnection::~RedisConnection()
{
    unlist();
    if (m_lookupId >= 0)
        QHostInfo::abortHostLookup(m_lookupId);
    closeSocket();
}

void RedisConnection::dispose()
{
    m_listener = nullptr;
    m_disposed = true;
    if (m_transport && m_phase == Phase::Open)
        m_transport->close();
    m_phase = Phase::Closed;
    closeSocket();
    if (m_busy)
        deleteLater();
    else
        delete this;
}

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
                                .arg(m_config.endpoint(), m_lastConnectError,
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
                            .arg(m_config.endpoint(), reason,
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
            QStringLiteral("cannot use TLS for Redis at %1: %2").arg(m_config.endpoint(), error)));
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
            .arg(m_config.endpoint(), reason,
                 rejected ? QString() : QStringLiteral(" (is that port speaking TLS?)"))));
}

void RedisConnection::opened()
{
    m_connectTimer.stop();
    m_phase = Phase::Open;
    m_reader = redisReaderCreateWithFunctions(nullptr);
    if (!m_reader) {
        fail(RedisError(RedisError::Code::SocketError,
                        QStringLiteral("out of memory for the reply parser")));
        return;
    }
    ReplyBuilder::install(m_reader);
    m_readNotifier->setEnabled(true);
    updateWriteNotifier();
    ++m_busy;
    if (m_listener)
        m_listener->connectionOpened();
    --m_busy;
    if (m_disposed)
        return;
    if (m_outHead < m_out.size())
        scheduleWrite();
}

void RedisConnection::onReadable()
{
    switch (m_phase) {
    case Phase::Handshaking:
        continueHandshake();
        return;
    case Phase::Open:
        break;
    default:
        return;
    }
    const QPointer<RedisConnection> self(this);
    if (m_writeWantsRead) {
        m_writeWantsRead = false;
        writeOutput();
        if (!self || m_phase != Phase::Open)
            return;
    }
    readInput();
}

void RedisConnection::onWritable()
{
    switch (m_phase) {
    case Phase::Connecting:
        m_writeNotifier->setEnabled(false);
        socketConnected();
        return;
    case Phase::Handshaking:
        continueHandshake();
        return;
    case Phase::Open:
        break;
    default:
        return;
    }
    const QPointer<RedisConnection> self(this);
    if (m_readWantsWrite) {
        m_readWantsWrite = false;
        readInput();
        if (!self || m_phase != Phase::Open)
            return;
    }
    writeOutput();
}

void RedisConnection::readInput()
{
    ++m_busy;
    const int outerLevel = std::exchange(t_readLevel, loopLevel());
    char buffer[readChunk];
    qint64 total = 0;
    while (m_phase == Phase::Open && !m_disposed) {
        ByteTransport::Status status;
        const qint64 count = m_transport->read(buffer, readChunk, status);
        if (count > 0) {
            total += count;
            // Fed in slices: hiredis moves what is left of its buffer to the front after each
            // reply once it has consumed 1 KiB, so a big feed would be copied once per reply.
            constexpr qint64 slice = 4096;
            for (qint64 at = 0; at < count && m_phase == Phase::Open && !m_disposed; at += slice) {
                if (redisReaderFeed(m_reader, buffer + at, size_t(qMin(slice, count - at)))
                        != REDIS_OK
                    || !parseReplies()) {
                    lose(RedisError::Code::ProtocolError,
                         QStringLiteral("unreadable reply: %1")
                             .arg(QString::fromLatin1(m_reader->errstr)));
                }
            }
            if (m_phase != Phase::Open || m_disposed)
                break;
            if (m_transport->hasBufferedInput())
                continue;
            if (count < readChunk || total >= readBudget)
                break;
            continue;
        }
        if (status == ByteTransport::Status::WantRead)
            break;
        if (status == ByteTransport::Status::WantWrite) {
            m_readWantsWrite = true;
            updateWriteNotifier();
            break;
        }
        if (status == ByteTransport::Status::Closed)
            lose(RedisError::Code::Disconnected,
                 QStringLiteral("the server closed the connection"));
        else
            lose(RedisError::Code::Disconnected, m_transport->errorString());
    }
    if (m_listener && total > 0)
        m_listener->connectionReadDone(); // may dispose of this connection
    t_readLevel = outerLevel;
    --m_busy;
    // Commands sent from the completions leave now, in one write per connection.
    flushPendingWrites();
}

bool RedisConnection::parseReplies()
{
    while (m_listener) {
        void *object = nullptr;
        if (redisReaderGetReply(m_reader, &object) != REDIS_OK)
            return false;
        if (!object)
            return true;
        const RedisReply reply = ReplyBuilder::toReply(object);
        ReplyBuilder::release(object);
        m_listener->connectionReply(reply);
    }
    return true;
}

void RedisConnection::send(const QByteArrayList &args)
{
    const size_t start = m_out.size();
    m_out.resize(start + size_t(CommandFormat::maxSize(args)));
    const qsizetype length = CommandFormat::write(args, m_out.data() + start);
    m_out.resize(start + size_t(length));
    if (m_phase == Phase::Open)
        scheduleWrite();
}

void RedisConnection::scheduleWrite()
{
    if (m_listed || m_retryLength)
        return;
    m_listed = true;
    t_pending.push_back(this);
    if (t_readLevel < 0 || t_readLevel != loopLevel())
        armFlush();
}

void RedisConnection::unlist()
{
    if (!m_listed)
        return;
    std::replace(t_pending.begin(), t_pending.end(), this, static_cast<RedisConnection *>(nullptr));
    m_listed = false;
}

void RedisConnection::flushPendingWrites()
{
    if (t_backstop.timer)
        t_backstop.timer->stop();
    const int readLevel = std::exchange(t_readLevel, -1);
    std::vector<RedisConnection *> connections;
    connections.swap(t_pending);
    for (RedisConnection *connection : connections) {
        if (!connection)
            continue;
        connection->m_listed = false;
        if (connection->m_phase == Phase::Open && !connection->m_writeWantsRead)
            connection->writeOutput();
    }
    connections.clear();
    if (t_pending.empty())
        t_pending.swap(connections); // keeps the capacity
    t_readLevel = readLevel;
}

void RedisConnection::writeOutput()
{
    ++m_busy;
    while (m_phase == Phase::Open && m_outHead < m_out.size()) {
        const qint64 length = m_retryLength ? m_retryLength : qint64(m_out.size() - m_outHead);
        ByteTransport::Status status;
        const qint64 written = m_transport->write(m_out.data() + m_outHead, length, status);
        if (written > 0) {
            m_retryLength = 0;
            m_outHead += size_t(written);
            continue;
        }
        if (status == ByteTransport::Status::WantWrite) {
            m_retryLength = length;
            break;
        }
        if (status == ByteTransport::Status::WantRead) {
            m_retryLength = length;
            m_writeWantsRead = true;
            break;
        }
        lose(RedisError::Code::Disconnected,
             status == ByteTransport::Status::Closed
                 ? QStringLiteral("the server closed the connection")
                 : m_transport->errorString());
    }
    if (m_outHead == m_out.size()) {
        m_out.clear();
        m_outHead = 0;
        if (m_out.capacity() > keptOutputCapacity)
            std::vector<char>().swap(m_out);
    }
    if (m_phase == Phase::Open)
        updateWriteNotifier();
    --m_busy;
}

void RedisConnection::updateWriteNotifier()
{
    // Enabled only for output that the socket did not take at once, or a read that waits on it.
    const bool outputWaits = m_outHead < m_out.size() && !m_writeWantsRead && m_retryLength;
    m_writeNotifier->setEnabled(m_readWantsWrite || outputWaits);
}

void RedisConnection::lose(RedisError::Code code, const QString &reason)
{
    fail(RedisError(
        code,
        QStringLiteral("lost the connection to Redis at %1: %2").arg(m_config.endpoint(), reason)));
}

void RedisConnection::fail(const RedisError &error)
{
    if (m_phase == Phase::Closed)
        return;
    m_phase = Phase::Closed;
    m_connectTimer.stop();
    if (m_lookupId >= 0) {
        QHostInfo::abortHostLookup(m_lookupId);
        m_lookupId = -1;
    }
    closeSocket();
    unlist();
    if (RedisConnectionListener *listener = std::exchange(m_listener, nullptr)) {
        ++m_busy;
        listener->connectionClosed(error); // usually disposes of this connection
        --m_busy;
    }
}

void RedisConnection::closeSocket()
{
    // The notifiers may be inside their own signal: disabled now, deleted later (or with this).
    for (QSocketNotifier **notifier : { &m_readNotifier, &m_writeNotifier }) {
        if (*notifier) {
            (*notifier)->setEnabled(false);
            (*notifier)->deleteLater();
            *notifier = nullptr;
        }
    }
    m_transport.reset();
    if (m_reader) {
        redisReaderFree(m_reader);
        m_reader = nullptr;
    }
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
    m_readWantsWrite = m_writeWantsRead = false;
    m_retryLength = 0;
}

} // namespace RediStore
