#ifndef REDISTORE_REDISCONNECTION_P_H
#define REDISTORE_REDISCONNECTION_P_H

#include "bytetransport_p.h"
#include "redisconfig.h"
#include "rediserror.h"
#include "redisreply.h"

#include <QtCore/QByteArrayList>
#include <QtCore/QObject>
#include <QtCore/QTimer>
#include <QtNetwork/QHostAddress>

#include <memory>
#include <vector>

class QSocketNotifier;
struct redisReader;

namespace RediStore {

// What a connection tells its owner. Never called from inside a call the owner made.
class RedisConnectionListener
{
public:
    virtual ~RedisConnectionListener() = default;
    // The socket is connected (and TLS is up): commands sent before now leave.
    virtual void connectionOpened() = 0;
    // One reply, in the order of the commands (or a pushed pub/sub message).
    virtual void connectionReply(const RedisReply &reply) = 0;
    // Every reply of one read has been handed over. The owner may delete itself here.
    virtual void connectionReadDone() = 0;
    // The connection could not be opened, or was lost; it is dead from now on.
    virtual void connectionClosed(const RedisError &error) = 0;
};

// One socket to Redis on the Qt event loop: a non-blocking connect (TCP over IPv4 or IPv6, or a
// Unix socket; names resolved without blocking), the TLS handshake when configured, and then
// commands formatted into one output buffer and replies parsed by hiredis's redisReader. Two
// QSocketNotifiers drive it; the byte transport (plain or TLS) may ask to read for a write and
// to write for a read, and both are honoured.
//
// Output: send() only appends. The buffer is written when the current read's replies have been
// handed over (commands sent from completions leave in one write), else before the event loop
// next waits (the dispatcher's aboutToBlock and awake) or at the latest by a zero-time timer.
//
// connectTimeoutMs bounds resolving, connecting and the TLS handshake together.
class RedisConnection : public QObject
{
    Q_OBJECT

public:
    RedisConnection(const RedisConfig &config, RedisConnectionListener *listener);
    ~RedisConnection() override;

    // What messages call the server: the configuration's endpoint() unless set ("mymaster at
    // 10.0.0.5:6379 (sentinel)" for a master found through Sentinel).
    void setEndpointLabel(const QString &label) { m_endpoint = label; }

    void open();
    bool isOpen() const { return m_phase == Phase::Open; }
    // Appends the command to the output. Before the connection is open it waits there.
    void send(const QByteArrayList &args);
    // The TLS goodbye where there is one, then closes the socket. No more calls to the listener.
    // Deletes the connection now, or as soon as its own handler has returned.
    void dispose();

    // Writes what this thread's connections have waiting, now.
    static void flushPendingWrites();

protected:
    bool event(QEvent *event) override;

private:
    enum class Phase { Idle, Resolving, Connecting, Handshaking, Open, Closed };

    void start();
    void resolved(const QList<QHostAddress> &addresses, const QString &error);
    void connectNext();
    void connectFailed(RedisError::Code code, const QString &reason);
    void socketConnected();
    void startTransport();
    void continueHandshake();
    void opened();
    void onReadable();
    void onWritable();
    void readInput();
    bool parseReplies();
    void writeOutput();
    void scheduleWrite();
    void updateWriteNotifier();
    void lose(RedisError::Code code, const QString &reason);
    void fail(const RedisError &error);
    void closeSocket();
    void unlist();

    RedisConfig m_config;
    QString m_endpoint;
    RedisConnectionListener *m_listener;
    Phase m_phase = Phase::Idle;
    int m_fd = -1;
    QSocketNotifier *m_readNotifier = nullptr; // children
    QSocketNotifier *m_writeNotifier = nullptr;
    std::unique_ptr<ByteTransport> m_transport;
    redisReader *m_reader = nullptr;
    QTimer m_connectTimer;
    int m_lookupId = -1;
    QList<QHostAddress> m_addresses;
    QString m_lastConnectError;
    RedisError::Code m_lastConnectCode = RedisError::Code::SocketError;

    std::vector<char> m_out; // formatted commands; m_outHead bytes of it are written
    size_t m_outHead = 0;
    qint64 m_retryLength = 0; // a write that must be repeated with the same length (TLS)
    bool m_readWantsWrite = false;
    bool m_writeWantsRead = false;
    bool m_listed = false; // in this thread's list of connections with output to write
    int m_busy = 0; // inside one of its own handlers
    bool m_disposed = false;
};

} // namespace RediStore

#endif // REDISTORE_REDISCONNECTION_P_H
