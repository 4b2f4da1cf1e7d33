#include "socketnotifieradapter_p.h"

#include <QtCore/QEvent>

#include <hiredis/async.h>

#include <algorithm>
#include <vector>

namespace RediStore {

namespace {
// The adapters of this thread whose context has output waiting since the last flush.
thread_local std::vector<SocketNotifierAdapter *> t_pendingWrites;
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
// notifier, still enabled, then writes what is left from there).
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
    if (event->type() == QEvent::ThreadChange)
        unlistPendingWrite();
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
    adapter->m_write.setEnabled(true);
    if (!adapter->m_pendingWrite) {
        adapter->m_pendingWrite = true;
        t_pendingWrites.push_back(adapter);
    }
}

void SocketNotifierAdapter::flushPendingWrites()
{
    std::vector<SocketNotifierAdapter *> adapters;
    adapters.swap(t_pendingWrites);
    for (SocketNotifierAdapter *adapter : adapters) {
        if (!adapter)
            continue;
        adapter->m_pendingWrite = false;
        if (adapter->m_context && adapter->m_write.isEnabled())
            redisAsyncHandleWrite(adapter->m_context);
    }
    adapters.clear();
    if (t_pendingWrites.empty())
        t_pendingWrites.swap(adapters); // keeps the capacity for the next round
}

void SocketNotifierAdapter::delWrite(void *self)
{
    static_cast<SocketNotifierAdapter *>(self)->m_write.setEnabled(false);
}

void SocketNotifierAdapter::cleanup(void *self)
{
    auto *adapter = static_cast<SocketNotifierAdapter *>(self);
    adapter->m_read.setEnabled(false);
    adapter->m_write.setEnabled(false);
    adapter->m_context = nullptr;
    const auto onGone = std::move(adapter->m_onGone);
    adapter->deleteLater();
    if (onGone)
        onGone();
}

void SocketNotifierAdapter::handleRead()
{
    // The context may be freed inside redisAsyncHandleRead (the cleanup hook then runs, and
    // this adapter is only deleted later); the hook may delete this adapter: touch nothing of
    // ours after it.
    if (!m_context)
        return;
    const auto onRead = m_onRead; // a copy: the adapter may be gone when it returns
    if (onRead)
        onRead(true);
    redisAsyncHandleRead(m_context);
    if (onRead)
        onRead(false);
}

void SocketNotifierAdapter::handleWrite()
{
    if (m_context)
        redisAsyncHandleWrite(m_context);
}

} // namespace RediStore
