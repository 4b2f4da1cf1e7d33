#include "privatenodes.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QFile>
#include <QtCore/QProcess>
#include <QtCore/QUrl>
#include <QtNetwork/QHostAddress>
#include <QtNetwork/QTcpSocket>

namespace RediStore::Test {

PrivateNodes::PrivateNodes(const QString &scriptName)
    : m_script(QStringLiteral(REDISTORE_SOURCE_DIR "/scripts/") + scriptName)
{ }

PrivateNodes::~PrivateNodes()
{
    stop();
}

bool PrivateNodes::run(const QStringList &arguments, int timeoutMs, QByteArray *out)
{
    QProcess process;
    process.start(QStringLiteral("bash"), QStringList { m_script } + arguments);
    if (!process.waitForStarted(10000)) {
        m_error = QStringLiteral("cannot run bash %1: %2").arg(m_script, process.errorString());
        return false;
    }
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        m_error = QStringLiteral("%1 %2 did not finish in %3 s: %4")
                      .arg(m_script, arguments.value(0))
                      .arg(timeoutMs / 1000)
                      .arg(QString::fromLocal8Bit(process.readAllStandardError()));
        return false;
    }
    if (out)
        *out = process.readAllStandardOutput();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        m_error = QStringLiteral("%1 %2 failed: %3")
                      .arg(m_script, arguments.join(QLatin1Char(' ')),
                           QString::fromLocal8Bit(process.readAllStandardError()).trimmed());
        return false;
    }
    return true;
}

bool PrivateNodes::start(const QStringList &options)
{
    stop();
    m_dir = std::make_unique<QTemporaryDir>();
    if (!m_dir->isValid()) {
        m_error = QStringLiteral("cannot create a temporary folder");
        m_dir.reset();
        return false;
    }
    QByteArray out;
    // Three tries on other ports at most, each waiting up to 30 s for the setup.
    const bool started
        = run(QStringList { QStringLiteral("start"), m_dir->path() } + options
                  + QStringList { QStringLiteral("--owner"),
                                  QString::number(QCoreApplication::applicationPid()) },
              120000, &out);
    if (!started) {
        stop();
        return false;
    }
    m_values.clear();
    for (const QByteArray &line : out.split('\n')) {
        const qsizetype equals = line.indexOf('=');
        if (equals > 0)
            m_values.insert(QString::fromUtf8(line.left(equals)),
                            QString::fromUtf8(line.mid(equals + 1)));
    }
    return true;
}

void PrivateNodes::stop()
{
    if (!m_dir)
        return;
    const QString error = m_error;
    run({ QStringLiteral("stop"), m_dir->path() }, 30000);
    m_error = error;
    m_dir.reset();
    m_values.clear();
}

QList<quint16> PrivateNodes::ports(const QString &key) const
{
    QList<quint16> result;
    const QStringList words = value(key).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &word : words)
        result << word.toUShort();
    return result;
}

void PrivateNodes::kill(quint16 port)
{
    if (m_dir)
        run({ QStringLiteral("kill"), m_dir->path(), QString::number(port) }, 30000);
}

bool PrivateNodes::restart(quint16 port)
{
    return m_dir && run({ QStringLiteral("restart"), m_dir->path(), QString::number(port) }, 30000);
}

bool PrivateNodes::isListening(quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    return socket.waitForConnected(1000);
}

QString PrivateNodes::logTail(quint16 port, int bytes) const
{
    if (!m_dir)
        return {};
    QFile log(m_dir->filePath(QStringLiteral("%1/redis.log").arg(port)));
    if (!log.open(QIODevice::ReadOnly))
        return {};
    if (log.size() > bytes)
        log.seek(log.size() - bytes);
    return QString::fromUtf8(log.readAll());
}

QByteArray infoField(const QByteArray &info, const QByteArray &key)
{
    for (const QByteArray &line : info.split('\n')) {
        if (line.startsWith(key) && line.size() > key.size() && line.at(key.size()) == ':')
            return line.mid(key.size() + 1).trimmed();
    }
    return {};
}

QString urlCredentials(const QString &user, const QString &password)
{
    if (user.isEmpty() && password.isEmpty())
        return {};
    return QString::fromUtf8(QUrl::toPercentEncoding(user)) + QLatin1Char(':')
        + QString::fromUtf8(QUrl::toPercentEncoding(password)) + QLatin1Char('@');
}

QString hostList(const QList<quint16> &ports)
{
    QStringList hosts;
    for (const quint16 port : ports)
        hosts << QStringLiteral("127.0.0.1:%1").arg(port);
    return hosts.join(QLatin1Char(','));
}

QByteArray roleOf(const QVariant &roleReply)
{
    const QVariantList items = roleReply.toList();
    return items.isEmpty() ? QByteArray() : items.first().toByteArray();
}

} // namespace RediStore::Test
