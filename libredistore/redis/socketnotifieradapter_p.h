#ifndef REDISTORE_SOCKETNOTIFIERADAPTER_P_H
#define REDISTORE_SOCKETNOTIFIERADAPTER_P_H

#include <QtCore/QObject>
#include <QtCore/QPointer>
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
// Output: when hiredis asks for write interest, the adapter is listed for its thread and its
// write notifier is enabled. During a read (hiredis parsing it and the owner delivering its
// replies) the notifier is left alone: when the read is done, the adapter writes every listed
// context of its thread (flushPendingWrites()), so that commands sent from completions leave
// in the same turn of the event loop, without a poll-set change for each of them. A nested
// QEventLoop in a completion gets write notifiers as usual; a completion that calls
// processEvents() itself is covered by the event dispatcher's aboutToBlock() and awake(),
// which flush too, and any other event loop by a zero-time timer. A connection that is still
// connecting always gets its notifier.
//
// Unlike hiredis's adapters/qt.h this is safe to tear down from either side.
class SocketNotifierAdapter : public QObject
{
    Q_OBJECT

public:
    // Attaches to the context; onGone runs once, from the cleanup hook. onRead, when set, runs
    // with true just before each read is handed to hiredis and with false right after it,
    // outside hiredis: the owner delivers the replies of that read then. That second call may
    // delete the adapter's owner, and the adapter with it.
    SocketNotifierAdapter(redisAsyncContext *context, std::function<void()> onGone,
                          std::function<void(bool reading)> onRead, QObject *parent);
    ~SocketNotifierAdapter() override;

    bool isAttached() const { return m_context != nullptr; }

    // Writes now what commands issued since the last poll left in the output buffers of this
    // thread's contexts, instead of waiting for the next trip through the event loop. Output
    // that does not fit into the socket is left to the write notifier.
    static void flushPendingWrites();

protected:
    bool event(QEvent *event) override;

private:
    void unlistPendingWrite();
    static void addRead(void *self);
    static void delRead(void *self);
    static void addWrite(void *self);
    static void delWrite(void *self);
    static void cleanup(void *self);

    void handleRead();
    void readReplies(const QPointer<SocketNotifierAdapter> &self);
    void handleWrite();
    void writeOutput(bool writable);

    redisAsyncContext *m_context;
    QSocketNotifier m_read;
    QSocketNotifier m_write;
    std::function<void()> m_onGone;
    std::function<void(bool)> m_onRead;
    bool m_pendingWrite = false; // listed for flushPendingWrites()
    bool m_wantsWrite = false; // hiredis has output (its addWrite came after its last delWrite)
};

} // namespace RediStore

#endif // REDISTORE_SOCKETNOTIFIERADAPTER_P_H
