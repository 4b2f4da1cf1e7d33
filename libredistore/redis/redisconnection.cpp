#include "commandformat_p.h"
#include "redisconnection_p.h"
#include "replybuilder_p.h"

#include <QtCore/QAbstractEventDispatcher>
#include <QtCore/QEvent>
#include <QtCore/QPointer>
#include <QtCore/QSocketNotifier>
#include <QtCore/QThread>
#include <QtNetwork/QHostInfo>

#include <hiredis/read.h>

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

} // namespace

RedisConnection::RedisConnection(const RedisConfig &config, RedisConnectionListener *listener)
    : m_config(config)
    , m_endpoint(config.endpoint())
    , m_listener(listener)
{
    m_connectTimer.setSingleShot(true);
    connect(&m_connectTimer, &QTimer::timeout, this, [this]() {
        fail(RedisError(RedisError::Code::ConnectTimeout,
                        QStringLiteral("could not connect to Redis at %1 within %2 ms%3")
                            .arg(m_endpoint)
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
    setParent(nullptr); // its owner's end must not delete it while its handler runs
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

bool RedisConnection::event(QEvent *event)
{
    // Moved with its owner to another thread: this thread's list of pending output is not the
    // new thread's; the write notifier, which moves along, writes what waits.
    if (event->type() == QEvent::ThreadChange && m_listed) {
        unlist();
        if (m_writeNotifier && m_outHead < m_out.size())
            m_writeNotifier->setEnabled(true);
    }
    return QObject::event(event);
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
        code, QStringLiteral("lost the connection to Redis at %1: %2").arg(m_endpoint, reason)));
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
