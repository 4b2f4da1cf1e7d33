#ifndef REDISTORE_BENCHREDIS_H
#define REDISTORE_BENCHREDIS_H

#include <QtCore/QProcess>
#include <QtCore/QString>
#include <QtCore/QTemporaryDir>

#include <memory>
#include <optional>

// The Redis a benchmark measures against: the server at --redis-url, or a private
// redis-server started on a free loopback port (and stopped at the end). With TLS, the private
// server also listens with TLS (certificates made by scripts/tls-certs.sh), and redis-benchmark
// runs with --tls against that port.
class BenchRedis
{
public:
    ~BenchRedis();
    // Empty url: start a private server. Returns false with errorString() on failure.
    bool start(const QString &url, bool tls = false);
    // The plaintext URL (empty when only a rediss:// URL was given).
    QString url() const { return m_url; }
    // The TLS URL (empty without TLS).
    QString tlsUrl() const { return m_tlsUrl; }
    QString host() const { return m_host; }
    quint16 port() const { return m_port; }
    QString errorString() const { return m_error; }

    // Writes values of valueSize bytes, expiring after lifetimeSeconds, under the keys that
    // redisBenchmark()'s tests read: its GET then fetches values of that size (a GET of a
    // missing key answers nil, which costs Redis less).
    bool fillBenchmarkKeys(int valueSize, int lifetimeSeconds) const;
    // Runs redis-benchmark against the server and returns requests/s for the test ("SET" or
    // "GET", keys key:__rand_int__ of 10000); nothing when redis-benchmark is missing or fails.
    // The URL's user, password and database apply.
    std::optional<double> redisBenchmark(const QString &test, int valueSize, int clients,
                                         int pipeline, int requests, bool tls = false) const;
    // Runs redis-benchmark on one command of its own (`__rand_int__` in it takes `keyspace`
    // values) and returns its requests/s; nothing when redis-benchmark is missing or fails.
    std::optional<double> redisBenchmarkCommand(const QStringList &command, int keyspace,
                                                int clients, int pipeline, int requests,
                                                bool tls = false) const;

    // The private server only: killed with SIGKILL (waits for its end), and started again on
    // the same ports without waiting (startAgain() returns at once).
    void kill();
    bool startAgain();

private:
    bool startPrivate(bool tls);
    std::optional<double> runRedisBenchmark(const QStringList &arguments, bool tls) const;

    std::unique_ptr<QProcess> m_server;
    QString m_binary;
    QStringList m_arguments;
    QTemporaryDir m_dir;
    QString m_url;
    QString m_host = QStringLiteral("127.0.0.1");
    quint16 m_port = 0;
    QString m_tlsUrl;
    quint16 m_tlsPort = 0;
    QStringList m_tlsArguments; // redis-benchmark's --tls and certificates
    QStringList m_access; // redis-benchmark's --user, -a and --dbnum for the URL
    QString m_error;
};

#endif // REDISTORE_BENCHREDIS_H
