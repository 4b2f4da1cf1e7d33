#include "benchredis.h"

#include <QtCore/QStandardPaths>
#include <QtCore/QThread>
#include <QtCore/QUrl>
#include <QtCore/QUrlQuery>
#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>

BenchRedis::~BenchRedis()
{
    if (m_server) {
        m_server->terminate();
        if (!m_server->waitForFinished(3000))
            m_server->kill();
    }
}

namespace {

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

} // namespace

bool BenchRedis::start(const QString &url, bool tls)
{
    if (url.isEmpty())
        return startPrivate(tls);
    const QUrl parsed(url);
    m_host = parsed.host();
    if (!parsed.userName().isEmpty())
        m_access << QStringLiteral("--user") << parsed.userName();
    if (!parsed.password().isEmpty())
        m_access << QStringLiteral("-a") << parsed.password();
    if (const QString database = parsed.path().mid(1); !database.isEmpty())
        m_access << QStringLiteral("--dbnum") << database;
    if (parsed.scheme() != QLatin1String("rediss")) {
        if (tls) {
            m_error = QStringLiteral("--tls with --redis-url needs a rediss:// URL");
            return false;
        }
        m_url = url;
        m_port = quint16(parsed.port(6379));
        return true;
    }
    // Only TLS: the same parameters for redis-benchmark.
    m_tlsUrl = url;
    m_tlsPort = quint16(parsed.port(6379));
    const QUrlQuery query(parsed);
    m_tlsArguments << QStringLiteral("--tls");
    const std::pair<const char *, const char *> files[] = { { "tls_ca", "--cacert" },
                                                            { "tls_cert", "--cert" },
                                                            { "tls_key", "--key" },
                                                            { "tls_server_name", "--sni" } };
    for (const auto &[parameter, option] : files) {
        const QString value = query.queryItemValue(QLatin1String(parameter), QUrl::FullyDecoded);
        if (!value.isEmpty())
            m_tlsArguments << QLatin1String(option) << value;
    }
    if (query.queryItemValue(QStringLiteral("tls_verify")) == QLatin1String("none"))
        m_tlsArguments << QStringLiteral("--insecure");
    return true;
}

bool BenchRedis::startPrivate(bool tls)
{
    const QString binary = QStandardPaths::findExecutable(QStringLiteral("redis-server"));
    if (binary.isEmpty()) {
        m_error = QStringLiteral("redis-server not found: install it or pass --redis-url");
        return false;
    }
    m_port = freePort();
    QStringList arguments = { QStringLiteral("--port"),       QString::number(m_port),
                              QStringLiteral("--bind"),       QStringLiteral("127.0.0.1"),
                              QStringLiteral("--save"),       QString(),
                              QStringLiteral("--appendonly"), QStringLiteral("no"),
                              QStringLiteral("--dir"),        m_dir.path() };
    if (tls) {
        const QString certs = m_dir.filePath(QStringLiteral("tls"));
        const QString script = QStringLiteral(REDISTORE_SOURCE_DIR "/scripts/tls-certs.sh");
        if (QProcess::execute(QStringLiteral("bash"), { script, certs }) != 0) {
            m_error = QStringLiteral("cannot make TLS certificates with %1 (is openssl "
                                     "installed?); or give --redis-url rediss://...")
                          .arg(script);
            return false;
        }
        do {
            m_tlsPort = freePort();
        } while (m_tlsPort == m_port);
        const QString ca = certs + QStringLiteral("/ca.crt");
        arguments << QStringLiteral("--tls-port") << QString::number(m_tlsPort)
                  << QStringLiteral("--tls-cert-file") << certs + QStringLiteral("/server.crt")
                  << QStringLiteral("--tls-key-file") << certs + QStringLiteral("/server.key")
                  << QStringLiteral("--tls-ca-cert-file") << ca
                  << QStringLiteral("--tls-auth-clients") << QStringLiteral("no");
        m_tlsUrl = QStringLiteral("rediss://127.0.0.1:%1/0?tls_ca=%2").arg(m_tlsPort).arg(ca);
        m_tlsArguments = { QStringLiteral("--tls"), QStringLiteral("--cacert"), ca };
    }
    m_binary = binary;
    m_arguments = arguments;
    m_server = std::make_unique<QProcess>();
    m_server->start(binary, arguments);
    if (!m_server->waitForStarted(5000)) {
        m_error = QStringLiteral("cannot start redis-server");
        return false;
    }
    for (int i = 0; i < 200; ++i) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_port);
        if (socket.waitForConnected(100)) {
            m_url = QStringLiteral("redis://127.0.0.1:%1/0").arg(m_port);
            return true;
        }
        QThread::msleep(20);
    }
    m_error = QStringLiteral("redis-server did not start on port %1").arg(m_port);
    return false;
}

void BenchRedis::kill()
{
    if (!m_server)
        return;
    m_server->kill();
    m_server->waitForFinished(5000);
}

bool BenchRedis::startAgain()
{
    if (!m_server)
        return false;
    m_server = std::make_unique<QProcess>();
    m_server->start(m_binary, m_arguments);
    return true;
}

bool BenchRedis::fillBenchmarkKeys(int valueSize, int lifetimeSeconds) const
{
    // 10 writes per key: each of the 10000 keys is written with a probability of 1 - e^-10.
    return redisBenchmarkCommand({ QStringLiteral("SETEX"), QStringLiteral("key:__rand_int__"),
                                   QString::number(lifetimeSeconds),
                                   QString(valueSize, QLatin1Char('x')) },
                                 10000, 16, 16, 100000)
        .has_value();
}

std::optional<double> BenchRedis::redisBenchmark(const QString &test, int valueSize, int clients,
                                                 int pipeline, int requests, bool tls) const
{
    return runRedisBenchmark(
        { QStringLiteral("-t"), test.toLower(), QStringLiteral("-d"), QString::number(valueSize),
          QStringLiteral("-c"), QString::number(clients), QStringLiteral("-P"),
          QString::number(pipeline), QStringLiteral("-n"), QString::number(requests),
          QStringLiteral("-r"), QStringLiteral("10000") },
        tls);
}

std::optional<double> BenchRedis::redisBenchmarkCommand(const QStringList &command, int keyspace,
                                                        int clients, int pipeline, int requests,
                                                        bool tls) const
{
    return runRedisBenchmark(QStringList { QStringLiteral("-c"), QString::number(clients),
                                           QStringLiteral("-P"), QString::number(pipeline),
                                           QStringLiteral("-n"), QString::number(requests),
                                           QStringLiteral("-r"), QString::number(keyspace) }
                                 + command,
                             tls);
}

std::optional<double> BenchRedis::runRedisBenchmark(const QStringList &arguments, bool tls) const
{
    const QString binary = QStandardPaths::findExecutable(QStringLiteral("redis-benchmark"));
    if (binary.isEmpty())
        return std::nullopt;
    tls = tls || m_url.isEmpty(); // only a rediss:// URL was given
    QProcess process;
    // Options first: redis-benchmark takes whatever follows them as the command to run.
    process.start(binary,
                  QStringList { QStringLiteral("-h"), m_host, QStringLiteral("-p"),
                                QString::number(tls ? m_tlsPort : m_port), QStringLiteral("--csv") }
                      + (tls ? m_tlsArguments : QStringList()) + m_access + arguments);
    const bool finished = process.waitForFinished(120000);
    const QByteArray output = process.readAllStandardOutput();
    const auto failed = [&]() -> std::optional<double> {
        qWarning("redis-benchmark %s: %s", qPrintable(arguments.join(QLatin1Char(' ')).left(80)),
                 finished ? process.readAllStandardError().trimmed().constData() : "timed out");
        return std::nullopt;
    };
    if (!finished || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return failed();
    // One test: a header row, then "NAME","123456.79","0.1",... (NAME may hold commas).
    const QList<QByteArray> lines = output.split('\n');
    for (const QByteArray &line : lines) {
        if (!line.startsWith('"') || line.startsWith("\"test\""))
            continue;
        const qsizetype end = line.indexOf("\",\"");
        if (end < 0)
            continue;
        const qsizetype from = end + 3;
        bool ok = false;
        const double value = line.mid(from, line.indexOf('"', from) - from).toDouble(&ok);
        if (ok)
            return value;
    }
    return failed(); // no figure in its output
}
