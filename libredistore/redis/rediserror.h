#ifndef REDISTORE_REDISERROR_H
#define REDISTORE_REDISERROR_H

#include <libredistore/redistore_export.h>

#include <QtCore/QMetaType>
#include <QtCore/QObject>
#include <QtCore/QString>

namespace RediStore {

// The errors of the redis layer, in numbered bands: configuration (100), connection (200),
// command (300), topology and durability (400). A Redis error reply ("-ERR ...", "-WRONGTYPE ...")
// is ServerError with the server's text as the message.
class REDISTORE_EXPORT RedisError
{
    Q_GADGET

public:
    enum class Code {
        NoError = 0,

        // 100: configuration, found before any connection is made
        InvalidUrl = 100,
        InvalidHost,
        InvalidPort,
        InvalidDatabase,
        InvalidTimeout,
        InvalidClientName,
        InvalidOption,
        ConflictingSettings, // a URL part and an explicit setting disagree

        // 200: connection
        HostNotFound = 200,
        ConnectionRefused,
        ConnectTimeout,
        AuthenticationFailed, // wrong user or password (WRONGPASS, NOAUTH)
        SelectFailed, // SELECT refused: no such database
        Disconnected, // the connection was lost with the command in flight
        NotConnected, // not connected and the offline policy fails at once
        QueueFull, // the offline queue is at its limit
        ProtocolError,
        SocketError,
        TlsSetupFailed, // a CA, certificate or key file could not be used
        TlsHandshakeFailed, // no TLS with the server (not a TLS port, no common protocol)
        TlsCertificateRejected, // the server's certificate is not trusted or names another host

        // 300: command
        ServerError = 300, // Redis answered with an error reply
        CommandTimeout, // no reply within the command timeout
        ClientDestroyed, // the client was deleted with the command pending
        WrongThread, // called from a thread other than the client's
        InvalidCommand, // an empty argument list
        UnexpectedReply, // a reply of a type the caller did not expect

        // 400: topology (Sentinel, Cluster) and durability
        NoSentinelReachable = 400, // none of the sentinels answered
        SentinelUnknownMaster, // the sentinels answered but do not know the master's name
        NotMaster, // the address the sentinels gave is not (or no longer) a master
        ClusterSlotUnserved, // no node of the cluster serves the key's slot
        ClusterRedirectLimit, // still redirected or refused after the retry budget
        CrossSlot, // a transaction's keys are in different slots of the cluster
        ReplicaAckTimeout, // WAIT: fewer replicas confirmed the write than asked for
    };
    Q_ENUM(Code)

    RedisError() = default;
    RedisError(Code code, QString message)
        : m_code(code)
        , m_message(std::move(message))
    { }

    Code code() const noexcept { return m_code; }
    QString message() const { return m_message; }
    QString codeName() const;
    bool isError() const noexcept { return m_code != Code::NoError; }
    // True for the failures that a later retry may cure (connection lost, timeouts).
    bool isTransient() const noexcept;

    friend bool operator==(const RedisError &a, const RedisError &b)
    {
        return a.m_code == b.m_code && a.m_message == b.m_message;
    }

private:
    Code m_code = Code::NoError;
    QString m_message;
};

} // namespace RediStore

Q_DECLARE_METATYPE(RediStore::RedisError)

#endif // REDISTORE_REDISERROR_H
