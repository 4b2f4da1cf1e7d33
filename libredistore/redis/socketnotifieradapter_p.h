#ifndef REDISTORE_SOCKETNOTIFIERADAPTER_P_H
#define REDISTORE_SOCKETNOTIFIERADAPTER_P_H

#include <QtCore/QObject>
#include <QtCore/QSocketNotifier>

#include <functional>

struct redisAsyncContext;

namespace RediStore {

// Drives one hiredis async context from the Qt event loop. hiredis asks for read and write
// interest through its ev hooks; we answer by enabling and disabling two QSocketNotifiers made
// once for the context's socket. hiredis's cleanup hook is the one sign that the context is
// gone: from then on the adapter never touches it again, tells its owner, and deletes itself
// later (it may be inside one of its own notifiers' signals at that moment).
//
// Unlike hiredis's adapters/qt.h this is safe to tear down from either side.
class SocketNotifierAdapter : public QObject
{
    Q_OBJECT

public:
    // Attaches to the context; onGone runs once, from the cleanup hook.
    SocketNotifierAdapter(redisAsyncContext *context, std::function<void()> onGone,
                          QObject *parent);
    ~SocketNotifierAdapter() override;

    bool isAttached() const { return m_context != nullptr; }

private:
    static void addRead(void *self);
    static void delRead(void *self);
    static void addWrite(void *self);
    static void delWrite(void *self);
    static void cleanup(void *self);

    void handleRead();
    void handleWrite();

    redisAsyncContext *m_context;
    QSocketNotifier m_read;
    QSocketNotifier m_write;
    std::function<void()> m_onGone;
};

} // namespace RediStore

#endif // REDISTORE_SOCKETNOTIFIERADAPTER_P_H
