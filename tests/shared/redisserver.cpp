#include "redisserver.h"

#include <QtCore/QDeadlineTimer>
#include <QtCore/QFile>
#include <QtCore/QStandardPaths>
#include <QtCore/QThread>
#include <QtNetwork/QLocalSocket>
#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>

#include <csignal>

namespace RediStore::Test {

namespace {

QByteArray encodeCommand(const QByteArrayList &args)
{
    QByteArray out = '*' + QByteArray::number(args.size()) + "\r\n";
    for (const QByteArray &arg : args)
        out += '$' + QByteArray::number(arg.size()) + "\r\n" + arg + "\r\n";
    return out;
}

// Reads one RESP2 reply from a blocking socket. Good enough for test setup.
class ReplyReader
{
public:
    explicit ReplyReader(QTcpSocket &socket)
        : m_socket(socket)
    { }

    bool ok() const { return m_ok; }

    QVariant read()
    {
        const QByteArray line = readLine();
        if (!m_ok || line.isEmpty())
            return failed();
        const char type = line.at(0);
        const QByteArray rest = line.mid(1);
        switch (type) {
        case '+':
            return rest;
        case '-':
            return QByteArray('-' + rest);
        case ':':
            return rest.toLongLong();
        case '$': {
            const qint64 size = rest.toLongLong();
            if (size < 0)
                return QVariant();
            const QByteArray data = readExactly(size + 2);
            return data.left(size);
        }
        case '*': {
            const qint64 count = rest.toLongLong();
            if (count < 0)
                return QVariant();
            QVariantList items;
            for (qint64 i = 0; i < count && m_ok; ++i)
                items.append(read());
            return items;
        }
        }
        return failed();
    }

private:
    QVariant failed()
    {
        m_ok = false;
        return {};
    }

    bool waitForData()
    {
        if (m_socket.bytesAvailable() > 0)
            return true;
        if (!m_socket.waitForReadyRead(5000)) {
            m_ok = false;
            return false;
        }
        return true;
    }

    QByteArray readLine()
    {
        QByteArray line;
        while (m_ok && !line.endsWith("\r\n")) {
            if (!waitForData())
                break;
            char c;
            if (m_socket.getChar(&c))
                line += c;
        }
        line.chop(2);
        return line;
    }

    QByteArray readExactly(qint64 size)
    {
        QByteArray data;
        while (m_ok && data.size() < size) {
            if (!waitForData())
                break;
            data += m_socket.read(size - data.size());
        }
        return data;
    }

    QTcpSocket &m_socket;
    bool m_ok = true;
};

} // namespace

RedisServer::RedisServer()
    : RedisServer(Options {})
{ }

RedisServer::RedisServer(Options options)
    : m_options(std::move(options))
{ }

RedisServer::~RedisServer()
{
    kill();
}

QString RedisServer::serverBinary()
{
    // A path, or a name looked up on PATH (REDISTORE_REDIS_SERVER=valkey-server).
    const QString fromEnv = qEnvironmentVariable("REDISTORE_REDIS_SERVER");
    if (fromEnv.contains(QLatin1Char('/')))
        return fromEnv;
    return QStandardPaths::findExecutable(fromEnv.isEmpty() ? QStringLiteral("redis-server")
                                                            : fromEnv);
}

QString RedisServer::software() const
{
    const QByteArray info = command({ "INFO", "server" }, aclUser, aclPassword).toByteArray();
    QString redis;
    for (const QByteArray &line : info.split('\n')) {
        if (line.startsWith("valkey_version:"))
            return QStringLiteral("Valkey ") + QString::fromLatin1(line.mid(15).trimmed());
        if (line.startsWith("redis_version:"))
            redis = QStringLiteral("Redis ") + QString::fromLatin1(line.mid(14).trimmed());
    }
    return redis;
}

quint16 RedisServer::freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

QString RedisServer::unixSocket() const
{
    return m_dir.filePath(QStringLiteral("redis.sock"));
}

QString RedisServer::url(int db) const
{
    return QStringLiteral("redis://127.0.0.1:%1/%2").arg(m_port).arg(db);
}

QString RedisServer::tlsUrl(int db) const
{
    return QStringLiteral("rediss://localhost:%1/%2?tls_ca=%3")
        .arg(m_tlsPort)
        .arg(db)
        .arg(certificates().caFile);
}

const RedisServer::Certificates &RedisServer::certificates()
{
    static QTemporaryDir dir;
    static const Certificates certs = [] {
        Certificates c;
        auto path = [](const char *name) { return dir.filePath(QLatin1String(name)); };
        c.caFile = path("ca.crt");
        c.serverCert = path("server.crt");
        c.serverKey = path("server.key");
        c.clientCert = path("client.crt");
        c.clientKey = path("client.key");
        c.otherCaFile = path("other-ca.crt");
        // One recipe for the tests, the demo and the benchmarks: scripts/tls-certs.sh.
        if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty()) {
            c.error = QStringLiteral("the openssl tool is not installed (package openssl)");
            return c;
        }
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(QStringLiteral("bash"),
                      { QStringLiteral(REDISTORE_SOURCE_DIR "/scripts/tls-certs.sh"), dir.path() });
        if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit
            || process.exitCode() != 0) {
            c.error = QStringLiteral("scripts/tls-certs.sh failed: %1")
                          .arg(QString::fromLocal8Bit(process.readAll()));
        }
        return c;
    }();
    return certs;
}

bool RedisServer::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

bool RedisServer::start()
{
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("cannot create a temporary folder for redis-server");
        return false;
    }
    m_port = freePort();
    m_tlsPort = m_options.tls ? freePort() : 0;
    if (m_port == 0 || (m_options.tls && (m_tlsPort == 0 || m_tlsPort == m_port))) {
        m_error = QStringLiteral("no free loopback port");
        return false;
    }
    return launch();
}

bool RedisServer::restart()
{
    kill();
    return launch();
}

bool RedisServer::launch()
{
    const QString binary = serverBinary();
    if (binary.isEmpty() || !QFile::exists(binary)) {
        const QString asked
            = qEnvironmentVariable("REDISTORE_REDIS_SERVER", QStringLiteral("redis-server"));
        m_error = QStringLiteral("%1 not found (install its package, or set "
                                 "REDISTORE_REDIS_SERVER to a server's name or path)")
                      .arg(asked);
        return false;
    }
    QStringList config = {
        QStringLiteral("port %1").arg(m_port),
        QStringLiteral("bind 127.0.0.1"),
        QStringLiteral("unixsocket %1").arg(unixSocket()),
        QStringLiteral("unixsocketperm 700"),
        QStringLiteral("save \"\""),
        QStringLiteral("appendonly no"),
        QStringLiteral("dir %1").arg(m_dir.path()),
        QStringLiteral("loglevel warning"),
        QStringLiteral("logfile %1").arg(m_dir.filePath(QStringLiteral("redis.log"))),
        QStringLiteral("enable-debug-command yes"),
        QStringLiteral("user %1 on >%2 ~* &* +@all")
            .arg(QLatin1String(aclUser), QLatin1String(aclPassword)),
    };
    if (m_options.requirePassword)
        config << QStringLiteral("requirepass %1").arg(QLatin1String(defaultPassword));
    if (m_options.tls) {
        const Certificates &certs = certificates();
        if (!certs.error.isEmpty()) {
            m_error = certs.error;
            return false;
        }
        config << QStringLiteral("tls-port %1").arg(m_tlsPort)
               << QStringLiteral("tls-cert-file %1").arg(certs.serverCert)
               << QStringLiteral("tls-key-file %1").arg(certs.serverKey)
               << QStringLiteral("tls-ca-cert-file %1").arg(certs.caFile)
               << QStringLiteral("tls-auth-clients %1")
                      .arg(m_options.tlsAuthClients ? QLatin1String("yes") : QLatin1String("no"));
    }
    config << m_options.extraConfig;

    const QString configPath = m_dir.filePath(QStringLiteral("redis.conf"));
    QFile file(configPath);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        m_error = QStringLiteral("cannot write %1").arg(configPath);
        return false;
    }
    file.write(config.join(QLatin1Char('\n')).toUtf8() + '\n');
    file.close();

    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process->start(binary, { configPath });
    if (!m_process->waitForStarted(5000)) {
        m_error = QStringLiteral("cannot start %1: %2").arg(binary, m_process->errorString());
        return false;
    }
    const QByteArray password = m_options.requirePassword ? defaultPassword : QByteArray();
    const QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired()) {
        if (m_process->state() != QProcess::Running)
            break;
        const QVariant pong
            = command({ "PING" }, password.isEmpty() ? QByteArray() : "default", password);
        if (pong.toByteArray() == "PONG")
            return true;
        QThread::msleep(20);
    }
    QFile log(m_dir.filePath(QStringLiteral("redis.log")));
    log.open(QIODevice::ReadOnly);
    m_error = QStringLiteral("redis-server did not answer on port %1: %2")
                  .arg(m_port)
                  .arg(QString::fromUtf8(log.readAll().right(500)));
    kill();
    return false;
}

void RedisServer::stop()
{
    if (!isRunning())
        return;
    m_process->terminate();
    if (!m_process->waitForFinished(5000))
        kill();
}

void RedisServer::kill()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
    m_process.reset();
}

QVariant RedisServer::command(const QByteArrayList &args, const QByteArray &user,
                              const QByteArray &password) const
{
    return redisCommand(m_port, args, user, password);
}

QVariant redisCommand(quint16 port, const QByteArrayList &args, const QByteArray &user,
                      const QByteArray &password)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(2000))
        return QVariant();
    QByteArray request;
    if (!password.isEmpty())
        request
            += encodeCommand({ "AUTH", user.isEmpty() ? QByteArray("default") : user, password });
    request += encodeCommand(args);
    socket.write(request);
    if (!socket.waitForBytesWritten(5000))
        return QVariant();
    ReplyReader reader(socket);
    if (!password.isEmpty())
        reader.read();
    return reader.read();
}

} // namespace RediStore::Test
