#include "socketnotifieradapter_p.h"

#include <QtCore/QAbstractEventDispatcher>
#include <QtCore/QEvent>
#include <QtCore/QPointer>
#include <QtCore/QThread>
#include <QtCore/QTimer>

// hiredis 0.14's sds.h has no C++ guard of its own, and hiredis.h includes it outside its
// guard: it must come first.
extern "C" {
#include <hiredis/sds.h>
}
#include <hiredis/async.h>
#include <hiredis/hiredis.h>

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <algorithm>
#include <utility>
#include <vector>

// Our contexts are plain sockets (hiredis 1.x's TLS is never used), which the adapter may read
// and write itself. redisProcessCallbacks() is exported by libhiredis 0.14 and 1.x but declared
// in neither's headers: the second half of redisAsyncHandleRead() (parse the reader's buffer,
// run the replies' callbacks). The build checks that the library has it.
#if defined(REDISTORE_HAVE_REDIS_PROCESS_CALLBACKS)
#define REDISTORE_OWN_SOCKET_IO 1
extern "C" void redisProcessCallbacks(redisAsyncContext *ac);
#endif

namespace RediStore {

namespace {
// The adapters of this thread whose context has output waiting since the last flush.
thread_local std::vector<SocketNotifierAdapter *> t_pendingWrites;
// While an adapter hands a read to hiredis and its owner delivers the replies, new output is
// only listed: the adapter writes it when the read is done. This is the event-loop level of
// that read, or -1. A nested event loop (another level) gets write notifiers as usual.
thread_local int t_deferLevel = -1;
// The dispatcher whose aboutToBlock() and awake() also flush: a completion that waits for a
// reply by calling processEvents() itself (no nested QEventLoop, so the same level) gets its
// commands sent before that call polls.
thread_local QPointer<QAbstractEventDispatcher> t_flushHook;
// And a zero-time timer as the last resort: an event loop that is neither a QEventLoop nor
// the dispatcher's processEvents() (a platform's native modal dialog) still runs Qt's timers.
struct Backstop
{
    QTimer *timer = nullptr; // made on first use, in its thread
    ~Backstop() { delete timer; } // at the thread's end (never active then)
};
thread_local Backstop t_backstop;

#ifdef REDISTORE_OWN_SOCKET_IO
// Records an error on the context as hiredis does, then lets hiredis's own handler see it and
// disconnect (with the same callbacks and messages as when hiredis reads or writes itself).
void failAsHiredis(redisAsyncContext *context, int error, const char *message, bool reading)
{
    context->c.err = error;
    std::snprintf(context->c.errstr, sizeof context->c.errstr, "%s", message);
    if (reading)
        redisAsyncHandleRead(context);
    else
        redisAsyncHandleWrite(context);
}
#endif

int loopLevel()
{
    return QThread::currentThread()->loopLevel();
}

void armBackstop()
{
    QTimer *&timer = t_backstop.timer;
    if (!timer) {
        timer = new QTimer;
        timer->setSingleShot(true);
        timer->setInterval(0);
        QObject::connect(timer, &QTimer::timeout, &SocketNotifierAdapter::flushPendingWrites);
    }
    if (!timer->isActive())
        timer->start();
}

// Deferred output is written when the read is done; these make sure it is written anyway if a
// completion waits for events in the meantime.
void armFlushBackups()
{
    armBackstop();
    QAbstractEventDispatcher *dispatcher = QThread::currentThread()->eventDispatcher();
    if (!dispatcher || t_flushHook == dispatcher)
        return;
    t_flushHook = dispatcher;
    QObject::connect(dispatcher, &QAbstractEventDispatcher::aboutToBlock, dispatcher,
                     &SocketNotifierAdapter::flushPendingWrites, Qt::DirectConnection);
    QObject::connect(dispatcher, &QAbstractEventDispatcher::awake, dispatcher,
                     &SocketNotifierAdapter::flushPendingWrites, Qt::DirectConnection);
}
} // namespace

SocketNotifierAdapter::SocketNotifierAdapter(redisAsyncContext *context,
                                             std::function<void()> onGone,
                                             std::function<void(bool)> onRead, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_read(context->c.fd, QSocketNotifier::Read)
    , m_write(context->c.fd, QSocketNotifier::Write)
    , m_onGone(std::move(onGone))
    , m_onRead(std::move(onRead))
{
    m_read.setParent(this);
    m_write.setParent(this);
    m_read.setEnabled(false);
    m_write.setEnabled(false);
    connect(&m_read, &QSocketNotifier::activated, this, &SocketNotifierAdapter::handleRead);
    connect(&m_write, &QSocketNotifier::activated, this, &SocketNotifierAdapter::handleWrite);

    context->ev.data = this;
    context->ev.addRead = &SocketNotifierAdapter::addRead;
    context->ev.delRead = &SocketNotifierAdapter::delRead;
    context->ev.addWrite = &SocketNotifierAdapter::addWrite;
    context->ev.delWrite = &SocketNotifierAdapter::delWrite;
    context->ev.cleanup = &SocketNotifierAdapter::cleanup;
}

SocketNotifierAdapter::~SocketNotifierAdapter()
{
    unlistPendingWrite();
    // Normally the context is gone first (cleanup ran). If not, detach the hooks so hiredis
    // never calls into freed memory.
    if (m_context) {
        m_context->ev = {};
        m_context = nullptr;
    }
    // The notifiers are members: unparent them so QObject does not delete them twice.
    m_read.setParent(nullptr);
    m_write.setParent(nullptr);
}

// The list is this thread's: leave it when deleted or moved to another thread (the write
// notifier, enabled on the way, then writes what is left from there).
void SocketNotifierAdapter::unlistPendingWrite()
{
    if (!m_pendingWrite)
        return;
    std::replace(t_pendingWrites.begin(), t_pendingWrites.end(), this,
                 static_cast<SocketNotifierAdapter *>(nullptr));
    m_pendingWrite = false;
}

bool SocketNotifierAdapter::event(QEvent *event)
{
    if (event->type() == QEvent::ThreadChange) {
        if (m_context && m_wantsWrite)
            m_write.setEnabled(true);
        unlistPendingWrite();
    }
    return QObject::event(event);
}

void SocketNotifierAdapter::addRead(void *self)
{
    static_cast<SocketNotifierAdapter *>(self)->m_read.setEnabled(true);
}

void SocketNotifierAdapter::delRead(void *self)
{
    static_cast<SocketNotifierAdapter *>(self)->m_read.setEnabled(false);
}

void SocketNotifierAdapter::addWrite(void *self)
{
    auto *adapter = static_cast<SocketNotifierAdapter *>(self);
    adapter->m_wantsWrite = true;
    // Enabling a notifier costs the dispatcher a poll-set change (and GLib a wake-up write):
    // not worth it for output that is written before the event loop polls again. A context
    // still connecting waits for its notifier: hiredis finds out with its first write event.
    if (t_deferLevel >= 0 && t_deferLevel == loopLevel() && adapter->m_context
        && (adapter->m_context->c.flags & REDIS_CONNECTED)) {
        if (!adapter->m_pendingWrite) {
            adapter->m_pendingWrite = true;
            t_pendingWrites.push_back(adapter);
        }
        armFlushBackups();
        return;
    }
    adapter->m_write.setEnabled(true);
}

void SocketNotifierAdapter::flushPendingWrites()
{
    if (t_backstop.timer)
        t_backstop.timer->stop();
    // Nothing is deferred in here: output that does not fit gets the write notifier.
    const int deferLevel = std::exchange(t_deferLevel, -1);
    std::vector<SocketNotifierAdapter *> adapters;
    adapters.swap(t_pendingWrites);
    for (SocketNotifierAdapter *adapter : adapters) {
        if (!adapter)
            continue;
        adapter->m_pendingWrite = false;
        if (adapter->m_context && adapter->m_wantsWrite)
            adapter->writeOutput(false);
    }
    adapters.clear();
    if (t_pendingWrites.empty())
        t_pendingWrites.swap(adapters); // keeps the capacity for the next round
    t_deferLevel = deferLevel;
}

void SocketNotifierAdapter::delWrite(void *self)
{
    auto *adapter = static_cast<SocketNotifierAdapter *>(self);
    adapter->m_wantsWrite = false;
    adapter->m_write.setEnabled(false);
}

void SocketNotifierAdapter::cleanup(void *self)
{
    auto *adapter = static_cast<SocketNotifierAdapter *>(self);
    adapter->m_read.setEnabled(false);
    adapter->m_write.setEnabled(false);
    adapter->m_wantsWrite = false;
    adapter->m_context = nullptr;
    const auto onGone = std::move(adapter->m_onGone);
    adapter->deleteLater();
    if (onGone)
        onGone();
}

void SocketNotifierAdapter::handleRead()
{
    if (!m_context)
        return;
    // The owner's hooks may delete this adapter (a deleted client takes it along), and the
    // context may be freed on the way (the cleanup hook runs; the adapter is deleted later).
    const QPointer<SocketNotifierAdapter> self(this);
    const auto onRead = m_onRead; // a copy: the adapter may be gone when it returns
    const int outerLevel = std::exchange(t_deferLevel, loopLevel());
    if (onRead)
        onRead(true);
    readReplies(self);
    if (self && onRead)
        onRead(false);
    // Commands sent from the replies' completions leave now, in one write per connection.
    t_deferLevel = outerLevel;
    flushPendingWrites();
}

// redisAsyncHandleRead(), except that what one read brings is handed to hiredis's reader in
// slices: once it has consumed 1 KiB, the reader moves what is left of its buffer to the front
// after every reply, so that 16 KiB fed at once would be copied again for every reply in it.
// Subscribed and monitoring connections keep hiredis's own way (it handles their replies
// differently when a read ends in the middle of one).
void SocketNotifierAdapter::readReplies(const QPointer<SocketNotifierAdapter> &self)
{
#ifdef REDISTORE_OWN_SOCKET_IO
    redisContext *c = &m_context->c;
    if (!(c->flags & REDIS_CONNECTED) || (c->flags & (REDIS_SUBSCRIBED | REDIS_MONITORING))
        || c->err) {
        redisAsyncHandleRead(m_context);
        return;
    }
    char buffer[16 * 1024];
    const ssize_t count = ::read(c->fd, buffer, sizeof buffer);
    if (count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
        return;
    if (count <= 0) {
        if (count == 0)
            failAsHiredis(m_context, REDIS_ERR_EOF, "Server closed the connection", true);
        else
            failAsHiredis(m_context, REDIS_ERR_IO, std::strerror(errno), true);
        return;
    }
    constexpr ssize_t slice = 4096;
    for (ssize_t at = 0; at < count; at += slice) {
        if (redisReaderFeed(c->reader, buffer + at, size_t(std::min(slice, count - at)))
            != REDIS_OK) {
            failAsHiredis(m_context, c->reader->err, c->reader->errstr, true);
            return;
        }
        redisProcessCallbacks(m_context); // may free the context, or delete this adapter
        if (!self || !m_context)
            return;
    }
#else
    Q_UNUSED(self);
    redisAsyncHandleRead(m_context);
#endif
}

void SocketNotifierAdapter::handleWrite()
{
    if (m_context)
        writeOutput(true);
}

// redisAsyncHandleWrite(), except that a fully written output buffer is emptied, not freed:
// hiredis would allocate a new one and grow it again, by reallocation, for the next batch.
// Only the write notifier may tell hiredis that a connection is writable while it connects
// (hiredis takes that for the end of the connect).
void SocketNotifierAdapter::writeOutput(bool writable)
{
#ifdef REDISTORE_OWN_SOCKET_IO
    redisContext *c = &m_context->c;
    const bool own = (c->flags & REDIS_CONNECTED) && !c->err && c->obuf;
#else
    const bool own = false;
#endif
    if (!own) {
        if (writable)
            redisAsyncHandleWrite(m_context);
        else
            m_write.setEnabled(true);
        return;
    }
#ifdef REDISTORE_OWN_SOCKET_IO
    const size_t length = sdslen(c->obuf);
    if (length > 0) {
        const ssize_t written = ::write(c->fd, c->obuf, length);
        if (written < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
            failAsHiredis(m_context, REDIS_ERR_IO, std::strerror(errno), false);
            return;
        }
        if (written == ssize_t(length)) {
            // Kept up to 64 KiB, as the client's own formatting buffer is.
            if (sdsalloc(c->obuf) > 64 * 1024) {
                sdsfree(c->obuf);
                c->obuf = sdsempty();
            } else {
                sdsclear(c->obuf);
            }
        } else if (written > 0) {
            sdsrange(c->obuf, int(written), -1);
        }
    }
    if (sdslen(c->obuf) > 0) {
        m_wantsWrite = true;
        m_write.setEnabled(true); // the rest when the socket takes more
    } else {
        delWrite(this);
    }
    addRead(this); // as hiredis: reads are always scheduled after writes
#endif
}

} // namespace RediStore
