#include "redissentinel.h"
#include "redisserver.h"

#include <QtCore/QDeadlineTimer>
#include <QtCore/QHash>
#include <QtCore/QThread>

namespace RediStore::Test {

namespace {

// SENTINEL MASTER's and SENTINEL REPLICAS' flat field, value lists as a hash.
QHash<QByteArray, QByteArray> fields(const QVariant &reply)
{
    QHash<QByteArray, QByteArray> result;
    const QVariantList items = reply.toList();
    for (qsizetype i = 0; i + 1 < items.size(); i += 2)
        result.insert(items.at(i).toByteArray(), items.at(i + 1).toByteArray());
    return result;
}

} // namespace

RedisSentinelSetup::RedisSentinelSetup()
    : RedisSentinelSetup(Options {})
{ }

RedisSentinelSetup::RedisSentinelSetup(Options options)
    : m_options(std::move(options))
    , m_nodes(QStringLiteral("private-sentinel.sh"))
{ }

RedisSentinelSetup::~RedisSentinelSetup()
{
    stop();
}

bool RedisSentinelSetup::start()
{
    QStringList options;
    if (!m_options.password.isEmpty())
        options << QStringLiteral("--password") << QString::fromUtf8(m_options.password);
    if (!m_options.sentinelPassword.isEmpty())
        options << QStringLiteral("--sentinel-password")
                << QString::fromUtf8(m_options.sentinelPassword);
    if (!m_nodes.start(options))
        return false;
    m_dataPorts = { m_nodes.value(QStringLiteral("MASTER_PORT")).toUShort(),
                    m_nodes.value(QStringLiteral("REPLICA_PORT")).toUShort() };
    m_sentinelPorts = m_nodes.ports(QStringLiteral("SENTINEL_PORTS"));
    return !m_dataPorts.contains(0) && m_sentinelPorts.size() == 3;
}

void RedisSentinelSetup::stop()
{
    m_nodes.stop();
    m_dataPorts.clear();
    m_sentinelPorts.clear();
}

QString RedisSentinelSetup::url(int db) const
{
    return m_options.password.isEmpty()
        ? url(db, QString(), QString())
        : url(db, QStringLiteral("default"), QString::fromUtf8(m_options.password));
}

QString RedisSentinelSetup::url(int db, const QString &user, const QString &password) const
{
    QString text = QStringLiteral("redis+sentinel://") + urlCredentials(user, password)
        + hostList(m_sentinelPorts) + QLatin1Char('/') + masterName() + QLatin1Char('/')
        + QString::number(db);
    if (!m_options.sentinelPassword.isEmpty())
        text += QStringLiteral("?sentinel_password=")
            + QString::fromUtf8(m_options.sentinelPassword.toPercentEncoding());
    return text;
}

QVariant RedisSentinelSetup::command(quint16 port, const QByteArrayList &args,
                                     const QByteArray &user, const QByteArray &password) const
{
    if (password.isEmpty()) {
        const QByteArray own
            = m_sentinelPorts.contains(port) ? m_options.sentinelPassword : m_options.password;
        if (!own.isEmpty())
            return redisCommand(port, args, "default", own);
    }
    return redisCommand(port, args, user, password);
}

quint16 RedisSentinelSetup::askedMaster(quint16 sentinel) const
{
    const QVariantList address
        = command(sentinel, { "SENTINEL", "GET-MASTER-ADDR-BY-NAME", masterName().toUtf8() })
              .toList();
    return address.size() == 2 ? address.at(1).toByteArray().toUShort() : 0;
}

quint16 RedisSentinelSetup::masterPort() const
{
    for (const quint16 sentinel : m_sentinelPorts) {
        if (const quint16 master = askedMaster(sentinel))
            return master;
    }
    return 0;
}

quint16 RedisSentinelSetup::replicaPort() const
{
    const quint16 master = masterPort();
    if (!m_dataPorts.contains(master))
        return 0;
    return master == m_dataPorts.at(0) ? m_dataPorts.at(1) : m_dataPorts.at(0);
}

void RedisSentinelSetup::kill(quint16 port)
{
    m_nodes.kill(port);
}

bool RedisSentinelSetup::restart(quint16 port)
{
    return m_nodes.restart(port);
}

bool RedisSentinelSetup::failover()
{
    for (const quint16 sentinel : std::as_const(m_sentinelPorts)) {
        const QVariant reply = command(sentinel, { "SENTINEL", "FAILOVER", masterName().toUtf8() });
        if (reply.isValid()) {
            m_failoverAsked.start();
            return reply.toByteArray() == "OK";
        }
    }
    return false;
}

quint16 RedisSentinelSetup::waitForNewMaster(quint16 oldMaster, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        quint16 named = 0;
        bool agreed = true;
        for (const quint16 sentinel : std::as_const(m_sentinelPorts)) {
            if (!isRunning(sentinel))
                continue;
            const quint16 master = askedMaster(sentinel);
            if (master == 0 || master == oldMaster || (named != 0 && master != named)) {
                agreed = false;
                break;
            }
            named = master;
        }
        if (agreed && named != 0 && roleOf(command(named, { "ROLE" })) == "master") {
            m_failoverAsked.invalidate();
            return named;
        }
        askFailoverAgainIfStalled();
        QThread::msleep(50);
    }
    return 0;
}

bool RedisSentinelSetup::askFailoverAgainIfStalled()
{
    if (!m_failoverAsked.isValid() || !m_failoverAsked.hasExpired(8000))
        return false;
    qInfo("no promotion 8 s after SENTINEL FAILOVER: asking again");
    failover();
    m_failoverAsked.invalidate();
    return true;
}

bool RedisSentinelSetup::waitUntilSynced(int timeoutMs, bool repointOldMaster)
{
    m_failoverAsked.invalidate();
    const QByteArray name = masterName().toUtf8();
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        // Every running sentinel names the same master, sees it up, with one replica and the
        // two other sentinels.
        quint16 named = 0;
        bool ok = true;
        QList<quint16> running;
        for (const quint16 sentinel : std::as_const(m_sentinelPorts)) {
            const quint16 master = isRunning(sentinel) ? askedMaster(sentinel) : 0;
            if (!isRunning(sentinel))
                continue;
            running << sentinel;
            const auto state = fields(command(sentinel, { "SENTINEL", "MASTER", name }));
            ok = ok && master != 0 && (named == 0 || master == named)
                && state.value("flags") == "master" && state.value("num-slaves") == "1"
                && state.value("num-other-sentinels") == "2";
            named = master;
        }
        ok = ok && !running.isEmpty() && roleOf(command(named, { "ROLE" })) == "master";
        const quint16 replica
            = named == m_dataPorts.value(0) ? m_dataPorts.value(1) : m_dataPorts.value(0);
        if (ok && isRunning(replica)) {
            const QVariantList role = command(replica, { "ROLE" }).toList();
            if (repointOldMaster && roleOf(role) == "master") {
                // What the sentinels do some 8 s after they see it as a master again.
                command(replica, { "REPLICAOF", "127.0.0.1", QByteArray::number(named) });
                command(replica, { "CONFIG", "REWRITE" });
            }
            ok = roleOf(role) == "slave" && role.value(2).toLongLong() == named
                && role.value(3).toByteArray() == "connected";
            // Each sentinel has it as a replica that is not down.
            for (const quint16 sentinel : std::as_const(running)) {
                bool listed = false;
                const QVariantList replicas
                    = command(sentinel, { "SENTINEL", "REPLICAS", name }).toList();
                for (const QVariant &entry : replicas) {
                    const auto state = fields(entry);
                    if (state.value("port").toUShort() == replica)
                        listed = state.value("flags") == "slave";
                }
                ok = ok && listed;
            }
        }
        if (ok)
            return true;
        QThread::msleep(50);
    }
    return false;
}

} // namespace RediStore::Test
