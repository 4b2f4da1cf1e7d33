#include "socketnotifieradapter_p.h"

#include <hiredis/async.h>

namespace RediStore {

SocketNotifierAdapter::SocketNotifierAdapter(redisAsyncContext *context,
                                             std::function<void()> onGone, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_read(context->c.fd, QSocketNotifier::Read)
    , m_write(context->c.fd, QSocketNotifier::Write)
    , m_onGone(std::move(onGone))
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
    static_cast<SocketNotifierAdapter *>(self)->m_write.setEnabled(true);
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
    // The context may be freed inside this call (the cleanup hook then runs): touch nothing
    // of ours afterwards.
    if (m_context)
        redisAsyncHandleRead(m_context);
}

void SocketNotifierAdapter::handleWrite()
{
    if (m_context)
        redisAsyncHandleWrite(m_context);
}

} // namespace RediStore
