#include "benchredis.h"

#include <QtCore/QStandardPaths>
#include <QtCore/QThread>
#include <QtCore/QUrl>
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

bool BenchRedis::start(const QString &url)
{
    if (!url.isEmpty()) {
        const QUrl parsed(url);
        m_url = url;
        m_host = parsed.host();
        m_port = quint16(parsed.port(6379));
        if (!parsed.userName().isEmpty())
            m_access << QStringLiteral("--user") << parsed.userName();
        if (!parsed.password().isEmpty())
            m_access << QStringLiteral("-a") << parsed.password();
        if (const QString database = parsed.path().mid(1); !database.isEmpty())
            m_access << QStringLiteral("--dbnum") << database;
        return true;
    }
    const QString binary = QStandardPaths::findExecutable(QStringLiteral("redis-server"));
    if (binary.isEmpty()) {
        m_error = QStringLiteral("redis-server not found: install it or pass --redis-url");
        return false;
    }
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        m_port = probe.serverPort();
    }
    m_server = std::make_unique<QProcess>();
    m_server->start(binary,
                    { QStringLiteral("--port"), QString::number(m_port), QStringLiteral("--bind"),
                      QStringLiteral("127.0.0.1"), QStringLiteral("--save"), QString(),
                      QStringLiteral("--appendonly"), QStringLiteral("no"), QStringLiteral("--dir"),
                      m_dir.path() });
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
                                                 int pipeline, int requests) const
{
    return runRedisBenchmark(
        { QStringLiteral("-t"), test.toLower(), QStringLiteral("-d"), QString::number(valueSize),
          QStringLiteral("-c"), QString::number(clients), QStringLiteral("-P"),
          QString::number(pipeline), QStringLiteral("-n"), QString::number(requests),
          QStringLiteral("-r"), QStringLiteral("10000") });
}

std::optional<double> BenchRedis::redisBenchmarkCommand(const QStringList &command, int keyspace,
                                                        int clients, int pipeline,
                                                        int requests) const
{
    return runRedisBenchmark(QStringList { QStringLiteral("-c"), QString::number(clients),
                                           QStringLiteral("-P"), QString::number(pipeline),
                                           QStringLiteral("-n"), QString::number(requests),
                                           QStringLiteral("-r"), QString::number(keyspace) }
                             + command);
}

std::optional<double> BenchRedis::runRedisBenchmark(const QStringList &arguments) const
{
    const QString binary = QStandardPaths::findExecutable(QStringLiteral("redis-benchmark"));
    if (binary.isEmpty())
        return std::nullopt;
    QProcess process;
    // Options first: redis-benchmark takes whatever follows them as the command to run.
    process.start(binary,
                  QStringList { QStringLiteral("-h"), m_host, QStringLiteral("-p"),
                                QString::number(m_port), QStringLiteral("--csv") }
                      + m_access + arguments);
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
