#include "redisconfig.h"
#include "redisconfig_p.h"

// The topologies of a RedisConfig: one server, a cluster from its seeds, a master through
// Sentinel; and node addresses.

namespace RediStore {

QString RedisNodeAddress::toString() const
{
    const QString shown = host.contains(QLatin1Char(':')) ? QStringLiteral("[%1]").arg(host) : host;
    return QStringLiteral("%1:%2").arg(shown).arg(port);
}

RedisNodeAddress RedisNodeAddress::parse(const QString &text)
{
    QString host;
    QString port;
    if (text.startsWith(QLatin1Char('['))) {
        const qsizetype close = text.indexOf(QLatin1Char(']'));
        if (close < 0 || text.mid(close + 1, 1) != QLatin1String(":"))
            return {};
        host = text.mid(1, close - 1);
        port = text.mid(close + 2);
    } else {
        const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
        if (colon <= 0 || text.indexOf(QLatin1Char(':')) != colon)
            return {};
        host = text.left(colon);
        port = text.mid(colon + 1);
    }
    bool ok = false;
    const uint number = port.toUInt(&ok);
    if (!ok || number == 0 || number > 65535 || host.isEmpty())
        return {};
    return { host, quint16(number) };
}

RedisConfig::Topology RedisConfig::topology() const
{
    return d->topology;
}

void RedisConfig::setCluster(const QList<RedisNodeAddress> &seeds)
{
    d->topology = Topology::Cluster;
    d->seeds = seeds;
    d->sentinelMasterName.clear();
    d->transport = Transport::Tcp;
    if (!seeds.isEmpty()) {
        d->host = seeds.first().host;
        d->port = seeds.first().port;
    }
    d->explicitFields |= AddressField;
}

void RedisConfig::setSentinel(const QList<RedisNodeAddress> &sentinels, const QString &masterName)
{
    d->topology = Topology::Sentinel;
    d->seeds = sentinels;
    d->sentinelMasterName = masterName;
    d->transport = Transport::Tcp;
    if (!sentinels.isEmpty()) {
        d->host = sentinels.first().host;
        d->port = sentinels.first().port;
    }
    d->explicitFields |= AddressField;
}

QList<RedisNodeAddress> RedisConfig::seeds() const
{
    return d->seeds;
}
QString RedisConfig::sentinelMasterName() const
{
    return d->sentinelMasterName;
}
QString RedisConfig::sentinelUsername() const
{
    return d->sentinelUsername;
}
QString RedisConfig::sentinelPassword() const
{
    return d->sentinelPassword;
}
void RedisConfig::setSentinelCredentials(const QString &username, const QString &password)
{
    d->sentinelUsername = username;
    d->sentinelPassword = password;
}

RedisConfig RedisConfig::forNode(const RedisNodeAddress &address) const
{
    RedisConfig node = *this;
    RedisConfigData &n = *node.d;
    n.topology = Topology::Standalone;
    n.seeds.clear();
    n.sentinelMasterName.clear();
    n.sentinelUsername.clear();
    n.sentinelPassword.clear();
    n.transport = Transport::Tcp;
    n.host = address.host;
    n.port = address.port;
    return node;
}

RedisConfig RedisConfig::forSentinel(const RedisNodeAddress &address) const
{
    RedisConfig sentinel = forNode(address);
    RedisConfigData &s = *sentinel.d;
    s.username = d->sentinelUsername;
    s.password = d->sentinelPassword;
    s.database = 0;
    s.clientName.clear();
    return sentinel;
}

} // namespace RediStore
