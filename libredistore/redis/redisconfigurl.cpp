#include "redisconfig.h"
#include "redisconfig_p.h"

#include <QtCore/QUrl>
#include <QtCore/QUrlQuery>

// The URL forms of a RedisConfig: redis://, rediss:// (TLS) and unix://.

namespace RediStore {

namespace {

// URL text for a message, without what could be a password: "redis://alice:***@host".
QString withoutPassword(const QString &text)
{
    const qsizetype scheme = text.indexOf(QLatin1String("://"));
    const qsizetype at = text.lastIndexOf(QLatin1Char('@'));
    if (scheme < 0 || at < scheme)
        return text;
    const qsizetype colon = text.indexOf(QLatin1Char(':'), scheme + 3);
    if (colon < 0 || colon > at)
        return text;
    return text.left(colon + 1) + QStringLiteral("***") + text.mid(at);
}

// The parts of a redis+cluster:// or redis+sentinel:// URL, whose authority lists several
// hosts (which QUrl does not take).
struct TopologyUrl
{
    QString baseScheme; // redis or rediss
    bool sentinel = false;
    QString userInfo; // as written (percent-encoded)
    QList<RedisNodeAddress> nodes;
    QString masterName;
    QString databasePath; // "/N" or empty
    QString query; // without the sentinel_* parameters
    QString sentinelUsername;
    QString sentinelPassword;
};

Result<TopologyUrl, RedisError> splitTopologyUrl(const QString &text, const QString &scheme)
{
    TopologyUrl parts;
    const qsizetype plus = scheme.indexOf(QLatin1Char('+'));
    parts.baseScheme = scheme.left(plus);
    parts.sentinel = scheme.mid(plus + 1) == QLatin1String("sentinel");
    const QString shape = parts.sentinel
        ? QStringLiteral("%1://[user:password@]host:port[,host:port...]/MASTERNAME[/db]")
              .arg(scheme)
        : QStringLiteral("%1://[user:password@]host:port[,host:port...]").arg(scheme);
    auto invalid = [&](const QString &why) {
        return RedisError(RedisError::Code::InvalidUrl,
                          QStringLiteral("'%1' is not a valid Redis URL: %2; use %3")
                              .arg(withoutPassword(text), why, shape));
    };
    if (parts.baseScheme != QLatin1String("redis") && parts.baseScheme != QLatin1String("rediss"))
        return invalid(QStringLiteral("unknown scheme '%1'").arg(scheme));

    QString rest = text.mid(text.indexOf(QLatin1String("://")) + 3);
    if (rest.contains(QLatin1Char('#')))
        return invalid(QStringLiteral("a fragment (#) has no meaning here"));
    if (const qsizetype question = rest.indexOf(QLatin1Char('?')); question >= 0) {
        const QUrlQuery query(rest.mid(question + 1));
        QUrlQuery kept;
        const auto items = query.queryItems(QUrl::FullyDecoded);
        for (const auto &[key, value] : items) {
            if (key == QLatin1String("sentinel_password") && parts.sentinel)
                parts.sentinelPassword = value;
            else if (key == QLatin1String("sentinel_username") && parts.sentinel)
                parts.sentinelUsername = value;
            else
                kept.addQueryItem(key, value);
        }
        parts.query = kept.toString(QUrl::FullyEncoded);
        rest.truncate(question);
    }
    const qsizetype slash = rest.indexOf(QLatin1Char('/'));
    const QString path = slash >= 0 ? rest.mid(slash) : QString();
    QString authority = slash >= 0 ? rest.left(slash) : rest;
    if (const qsizetype at = authority.lastIndexOf(QLatin1Char('@')); at >= 0) {
        parts.userInfo = authority.left(at);
        authority = authority.mid(at + 1);
    }
    const int defaultPort = parts.sentinel ? defaultSentinelPort : defaultRedisPort;
    const QStringList hosts = authority.split(QLatin1Char(','));
    for (const QString &host : hosts) {
        QString written = host.trimmed();
        if (written.isEmpty())
            return invalid(QStringLiteral("an empty host in the list"));
        const bool bracketed = written.startsWith(QLatin1Char('['));
        if ((bracketed && written.endsWith(QLatin1Char(']')))
            || (!bracketed && !written.contains(QLatin1Char(':'))))
            written += QStringLiteral(":%1").arg(defaultPort);
        const RedisNodeAddress address = RedisNodeAddress::parse(written);
        if (!address.isValid())
            return invalid(QStringLiteral("'%1' is not host:port").arg(host));
        parts.nodes << address;
    }

    QStringList segments = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (parts.sentinel) {
        if (segments.isEmpty())
            return invalid(QStringLiteral("the master's name is missing"));
        parts.masterName = QUrl::fromPercentEncoding(segments.takeFirst().toUtf8());
    }
    if (segments.size() > 1)
        return invalid(QStringLiteral("the path '%1' has too many parts").arg(path));
    if (!segments.isEmpty())
        parts.databasePath = QLatin1Char('/') + segments.first();
    return parts;
}

} // namespace

Result<RedisConfig, RedisError> RedisConfig::fromUrl(const QString &url)
{
    return RedisConfig().applyUrl(url);
}

Result<RedisConfig, RedisError> RedisConfig::applyUrl(const QString &text) const
{
    if (const qsizetype end = text.indexOf(QLatin1String("://")); end > 0) {
        const QString scheme = text.left(end).trimmed().toLower();
        if (scheme.endsWith(QLatin1String("+cluster"))
            || scheme.endsWith(QLatin1String("+sentinel")))
            return applyTopologyUrl(text.trimmed(), scheme);
    }
    const QUrl url(text, QUrl::StrictMode);
    if (text.trimmed().isEmpty())
        return RedisError(RedisError::Code::InvalidUrl, QStringLiteral("the Redis URL is empty"));
    if (!url.isValid()) {
        // QUrl's reason goes on with the source and its parts, password included.
        QString reason = url.errorString();
        if (const qsizetype source = reason.indexOf(QLatin1String("; source was")); source >= 0)
            reason.truncate(source);
        return RedisError(
            RedisError::Code::InvalidUrl,
            QStringLiteral("'%1' is not a valid Redis URL: %2").arg(withoutPassword(text), reason));
    }

    RedisConfig result = *this;
    RedisConfigData &r = *result.d;
    const unsigned wasExplicit = d->explicitFields;
    auto conflict = [&](const QString &field, const QString &fromUrl,
                        const QString &explicitValue) {
        return RedisError(RedisError::Code::ConflictingSettings,
                          QStringLiteral("%1: the URL says %2 but %3 was set explicitly; set it in "
                                         "one place only")
                              .arg(field, fromUrl, explicitValue));
    };

    const QString scheme = url.scheme().toLower();
    Transport transport;
    QString host;
    int port = defaultRedisPort;
    QString socketPath;
    int database = -1;
    const bool tls = scheme == QLatin1String("rediss");
    if (scheme == QLatin1String("redis") || tls) {
        transport = Transport::Tcp;
        host = url.host();
        if (host.isEmpty()) {
            return RedisError(RedisError::Code::InvalidHost,
                              QStringLiteral("'%1' names no host: use %2://host[:port][/db]")
                                  .arg(url.toDisplayString(), scheme));
        }
        port = url.port(defaultRedisPort);
        const QString path = url.path();
        if (!path.isEmpty() && path != QLatin1String("/")) {
            bool ok = false;
            database = path.mid(1).toInt(&ok);
            if (!ok || database < 0) {
                return RedisError(RedisError::Code::InvalidDatabase,
                                  QStringLiteral("the URL path '%1' must be a database number "
                                                 "such as /0")
                                      .arg(path));
            }
        }
    } else if (scheme == QLatin1String("unix")) {
        transport = Transport::Unix;
        socketPath = url.path();
        if (socketPath.isEmpty() || !url.host().isEmpty()) {
            return RedisError(RedisError::Code::InvalidUrl,
                              QStringLiteral("'%1' must name a socket path: "
                                             "unix:///path/to.sock[?db=N]")
                                  .arg(url.toDisplayString()));
        }
    } else {
        return RedisError(RedisError::Code::InvalidUrl,
                          QStringLiteral("unsupported URL scheme '%1': use redis://, rediss:// "
                                         "(TLS), unix://, redis+cluster:// or "
                                         "redis+sentinel://")
                              .arg(url.scheme()));
    }

    const QUrlQuery query(url);
    const auto items = query.queryItems(QUrl::FullyDecoded);
    RedisTlsOptions tlsOptions;
    bool tlsParameters = false;
    for (const auto &[key, value] : items) {
        if (key == QLatin1String("db")) {
            bool ok = false;
            const int db = value.toInt(&ok);
            if (!ok || db < 0) {
                return RedisError(
                    RedisError::Code::InvalidDatabase,
                    QStringLiteral("db=%1 in the URL is not a database number").arg(value));
            }
            if (database >= 0 && database != db) {
                return RedisError(RedisError::Code::ConflictingSettings,
                                  QStringLiteral("database: the URL path says %1 but its query "
                                                 "says db=%2")
                                      .arg(database)
                                      .arg(db));
            }
            database = db;
            continue;
        }
        if (!key.startsWith(QLatin1String("tls_"))) {
            return RedisError(RedisError::Code::InvalidUrl,
                              QStringLiteral("unknown URL parameter '%1': db, tls_ca, tls_cert, "
                                             "tls_key, tls_server_name and tls_verify are "
                                             "understood")
                                  .arg(key));
        }
        if (!tls) {
            return RedisError(RedisError::Code::InvalidUrl,
                              QStringLiteral("%1 is a TLS parameter: use rediss://").arg(key));
        }
        tlsParameters = true;
        if (key == QLatin1String("tls_ca")) {
            tlsOptions.caFile = value;
        } else if (key == QLatin1String("tls_cert")) {
            tlsOptions.certFile = value;
        } else if (key == QLatin1String("tls_key")) {
            tlsOptions.keyFile = value;
        } else if (key == QLatin1String("tls_server_name")) {
            tlsOptions.serverName = value;
        } else if (key == QLatin1String("tls_verify")) {
            if (value == QLatin1String("none")) {
                tlsOptions.verifyPeer = false;
            } else if (value != QLatin1String("full")) {
                return RedisError(RedisError::Code::InvalidUrl,
                                  QStringLiteral("tls_verify=%1: use tls_verify=none (no "
                                                 "verification) or tls_verify=full")
                                      .arg(value));
            }
        } else {
            return RedisError(RedisError::Code::InvalidUrl,
                              QStringLiteral("unknown TLS parameter '%1': tls_ca, tls_cert, "
                                             "tls_key, tls_server_name and tls_verify are "
                                             "understood")
                                  .arg(key));
        }
    }

    // Merge, refusing to drop an explicit setting that disagrees.
    if (wasExplicit & AddressField) {
        const bool same = transport == d->transport
            && (transport == Transport::Tcp ? (host == d->host && port == d->port)
                                            : socketPath == d->unixSocket);
        if (!same) {
            const QString fromUrl = transport == Transport::Tcp
                ? QStringLiteral("%1:%2").arg(host).arg(port)
                : QStringLiteral("unix:%1").arg(socketPath);
            return conflict(QStringLiteral("address"), fromUrl, endpoint());
        }
    }
    r.transport = transport;
    r.host = transport == Transport::Tcp ? host : d->host;
    r.port = transport == Transport::Tcp ? port : d->port;
    r.unixSocket = socketPath;
    r.explicitFields |= AddressField;

    const QString user = url.userName(QUrl::FullyDecoded);
    if (!user.isEmpty()) {
        if ((wasExplicit & UsernameField) && d->username != user)
            return conflict(QStringLiteral("username"), user, d->username);
        r.username = user;
        r.explicitFields |= UsernameField;
    }
    const QString password = url.password(QUrl::FullyDecoded);
    if (!password.isEmpty()) {
        if ((wasExplicit & PasswordField) && d->password != password) {
            return conflict(QStringLiteral("password"), QStringLiteral("one password"),
                            QStringLiteral("another"));
        }
        r.password = password;
        r.explicitFields |= PasswordField;
    }
    if (database >= 0) {
        if ((wasExplicit & DatabaseField) && d->database != database)
            return conflict(QStringLiteral("database"), QString::number(database),
                            QString::number(d->database));
        r.database = database;
        r.explicitFields |= DatabaseField;
    }
    if (tls) {
        // rediss:// names TLS and its options; redis:// leaves an explicit TLS setting alone.
        if ((wasExplicit & TlsField) && d->tls && tlsParameters && d->tlsOptions != tlsOptions)
            return conflict(QStringLiteral("TLS options"), QStringLiteral("one set"),
                            QStringLiteral("another"));
        r.tls = true;
        if (tlsParameters || !(wasExplicit & TlsField))
            r.tlsOptions = tlsOptions;
        r.explicitFields |= TlsField;
    }
    if (auto valid = result.validate(); !valid)
        return valid.error();
    return result;
}

Result<RedisConfig, RedisError> RedisConfig::applyTopologyUrl(const QString &text,
                                                              const QString &scheme) const
{
    auto parts = splitTopologyUrl(text, scheme);
    if (!parts)
        return parts.error();
    // The user, password, database and TLS parts are those of a one-host URL: parsed and merged
    // the same way.
    const TopologyUrl &p = parts.value();
    QString single = p.baseScheme + QStringLiteral("://");
    if (!p.userInfo.isEmpty())
        single += p.userInfo + QLatin1Char('@');
    single += p.nodes.first().toString() + p.databasePath;
    if (!p.query.isEmpty())
        single += QLatin1Char('?') + p.query;
    auto merged = applyUrl(single);
    if (!merged)
        return merged.error();
    RedisConfig result = merged.value();
    if (p.sentinel) {
        result.setSentinel(p.nodes, p.masterName);
        if (!p.sentinelUsername.isEmpty() || !p.sentinelPassword.isEmpty())
            result.setSentinelCredentials(p.sentinelUsername, p.sentinelPassword);
    } else {
        result.setCluster(p.nodes);
    }
    if (auto valid = result.validate(); !valid)
        return valid.error();
    return result;
}

QString RedisConfig::toDisplayUrl() const
{
    if (d->topology != Topology::Standalone) {
        // The one-host form for the user and the query, then the host list and path put in.
        const QString single = forNode(d->seeds.value(0)).toDisplayUrl();
        const qsizetype hostStart = single.indexOf(QLatin1String("://")) + 3;
        const qsizetype at = single.indexOf(QLatin1Char('@'), hostStart);
        const qsizetype authorityStart = at >= 0 ? at + 1 : hostStart;
        const qsizetype question = single.indexOf(QLatin1Char('?'));
        QStringList nodes;
        for (const RedisNodeAddress &seed : d->seeds)
            nodes << seed.toString();
        QString path;
        QUrlQuery query(question >= 0 ? single.mid(question + 1) : QString());
        if (d->topology == Topology::Sentinel) {
            path = QLatin1Char('/')
                + QString::fromUtf8(QUrl::toPercentEncoding(d->sentinelMasterName))
                + QStringLiteral("/%1").arg(d->database);
            if (!d->sentinelUsername.isEmpty())
                query.addQueryItem(QStringLiteral("sentinel_username"), d->sentinelUsername);
        }
        QString url = single.left(hostStart - 3)
            + (d->topology == Topology::Cluster ? QStringLiteral("+cluster://")
                                                : QStringLiteral("+sentinel://"))
            + single.mid(hostStart, authorityStart - hostStart) + nodes.join(QLatin1Char(','))
            + path;
        if (!query.isEmpty())
            url += QLatin1Char('?') + query.toString(QUrl::FullyEncoded);
        return url;
    }
    QUrl url;
    if (d->transport == Transport::Unix) {
        url.setScheme(QStringLiteral("unix"));
        url.setPath(d->unixSocket);
        if (d->database != 0)
            url.setQuery(QStringLiteral("db=%1").arg(d->database));
    } else {
        url.setScheme(d->tls ? QStringLiteral("rediss") : QStringLiteral("redis"));
        url.setHost(d->host);
        url.setPort(d->port);
        url.setPath(QStringLiteral("/%1").arg(d->database));
        if (d->tls) {
            QUrlQuery query;
            const RedisTlsOptions &tls = d->tlsOptions;
            if (!tls.caFile.isEmpty())
                query.addQueryItem(QStringLiteral("tls_ca"), tls.caFile);
            if (!tls.certFile.isEmpty())
                query.addQueryItem(QStringLiteral("tls_cert"), tls.certFile);
            if (!tls.keyFile.isEmpty())
                query.addQueryItem(QStringLiteral("tls_key"), tls.keyFile);
            if (!tls.serverName.isEmpty())
                query.addQueryItem(QStringLiteral("tls_server_name"), tls.serverName);
            if (!tls.verifyPeer)
                query.addQueryItem(QStringLiteral("tls_verify"), QStringLiteral("none"));
            url.setQuery(query);
        }
    }
    if (!d->username.isEmpty())
        url.setUserName(d->username);
    return url.toString();
}

} // namespace RediStore
