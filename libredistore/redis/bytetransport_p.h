#ifndef REDISTORE_BYTETRANSPORT_P_H
#define REDISTORE_BYTETRANSPORT_P_H

#include <QtCore/QString>
#include <QtCore/QtGlobal>

#include <memory>

namespace RediStore {

class RedisConfig;

// How bytes go over a connected socket: as they are, or through TLS. The connection drives a
// transport from its two socket notifiers; a transport never blocks and never waits itself.
class ByteTransport
{
public:
    enum class Status {
        Ok, // read or wrote the count returned (read: at least one byte)
        WantRead, // try again once the socket is readable
        WantWrite, // try again once the socket is writable
        Closed, // the peer closed the connection cleanly
        Failed, // errorString() says why
    };

    virtual ~ByteTransport() = default;

    // Ok once the transport is ready for read() and write(). Plain sockets are at once.
    virtual Status handshake() { return Status::Ok; }
    // Reads at most size bytes into buffer; returns the count (status Ok) or 0.
    virtual qint64 read(char *buffer, qint64 size, Status &status) = 0;
    // Writes at most size bytes; returns the count written (status Ok) or 0. After WantRead or
    // WantWrite, the next call must pass the same size again (TLS demands it).
    virtual qint64 write(const char *data, qint64 size, Status &status) = 0;
    // Bytes that the transport holds already and read() would return without the socket.
    virtual bool hasBufferedInput() const { return false; }
    // Says goodbye where the protocol has a goodbye (TLS close_notify), without waiting.
    virtual void close() { }
    virtual QString errorString() const = 0;
    // True when the error was the peer's certificate (not trusted, wrong name).
    virtual bool certificateRejected() const { return false; }

    // The transport for a configuration: TLS when it asks for TLS. fd stays owned by the
    // caller. host is the address the socket reached (an IP) and name the host as configured.
    static std::unique_ptr<ByteTransport> create(const RedisConfig &config, int fd,
                                                 const QString &name, QString *error);
};

} // namespace RediStore

#endif // REDISTORE_BYTETRANSPORT_P_H
