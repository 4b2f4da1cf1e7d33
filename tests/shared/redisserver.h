#ifndef REDISTORE_TEST_REDISSERVER_H
#define REDISTORE_TEST_REDISSERVER_H

#include <QtCore/QByteArrayList>
#include <QtCore/QProcess>
#include <QtCore/QString>
#include <QtCore/QTemporaryDir>
#include <QtCore/QVariant>

#include <memory>

namespace RediStore::Test {

// A private redis-server for one test: a free loopback port and a Unix socket in a temporary
// folder, no persistence. The binary is $REDISTORE_REDIS_SERVER (a path, or a name on PATH such
// as valkey-server), else redis-server.
// ACL user "alice" (password "alice-secret") may run every command; with requirePassword the
// default user needs "default-secret".
class RedisServer
{
public:
    struct Options
    {
        bool requirePassword = false;
        QStringList extraConfig; // extra lines of redis.conf
        // A TLS port too (tlsPort()), with the certificates of certificates(); the plain port
        // stays for command().
        bool tls = false;
        bool tlsAuthClients = false; // clients must present a certificate of the test CA
    };

    // PEM files made once per process with the openssl tool: a CA, the server's certificate
    // (for DNS localhost and IP 127.0.0.1), a client certificate, and an unrelated CA.
    struct Certificates
    {
        QString caFile;
        QString serverCert;
        QString serverKey;
        QString clientCert;
        QString clientKey;
        QString otherCaFile;
        QString error; // empty when the files are there
    };
    static const Certificates &certificates();

    static constexpr const char *aclUser = "alice";
    static constexpr const char *aclPassword = "alice-secret";
    static constexpr const char *defaultPassword = "default-secret";

    RedisServer();
    explicit RedisServer(Options options);
    ~RedisServer();
    RedisServer(const RedisServer &) = delete;
    RedisServer &operator=(const RedisServer &) = delete;

    // Starts the server and waits until it answers PING. On failure, errorString() says why.
    bool start();
    // Stops it cleanly (SHUTDOWN NOSAVE), or kills it with SIGKILL (for fault tests).
    void stop();
    void kill();
    // Starts it again on the same port and socket.
    bool restart();
    bool isRunning() const;

    QString errorString() const { return m_error; }
    QString host() const { return QStringLiteral("127.0.0.1"); }
    quint16 port() const { return m_port; }
    quint16 tlsPort() const { return m_tlsPort; }
    // rediss://localhost:tlsPort/db?tls_ca=...
    QString tlsUrl(int db = 0) const;
    QString unixSocket() const;
    QString url(int db = 0) const;

    // A blocking command on a fresh connection, for setting up and checking test state.
    // Returns the reply: a QByteArray for strings and statuses, qint64 for integers, a
    // QVariantList for arrays, an invalid QVariant for nil, and "ERR..." text prefixed by
    // "-" for errors.
    QVariant command(const QByteArrayList &args, const QByteArray &user = {},
                     const QByteArray &password = {}) const;

    // The server's name and version from INFO: "Redis 8.0.2", "Valkey 8.1.1" (whose
    // redis_version is the Redis version it is compatible with); empty when it does not answer.
    QString software() const;

    static QString serverBinary();
    static quint16 freePort();

private:
    bool launch();

    Options m_options;
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    quint16 m_tlsPort = 0;
    QString m_error;
};

// RedisServer::command to the server on 127.0.0.1:port: a blocking command on a fresh
// connection, after AUTH when there is a password (user "default" when none is named). For
// fixtures of several servers.
QVariant redisCommand(quint16 port, const QByteArrayList &args, const QByteArray &user = {},
                      const QByteArray &password = {});

} // namespace RediStore::Test

#endif // REDISTORE_TEST_REDISSERVER_H
