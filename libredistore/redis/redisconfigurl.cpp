#include "redisconfig.h"
#include "redisconfig_p.h"

#include <QtCore/QUrl>
#include <QtCore/QUrlQuery>

// The URL forms of a RedisConfig: redis://, rediss:// (TLS) and unix://.

namespace RediStore {

namespace {

RedisError configError(RedisError::Code code, const QString &message)
{
    return RedisError(code, message);
}

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

} // namespace

Result<RedisConfig, RedisError> RedisConfig::fromUrl(const QString &url)
{
    return RedisConfig().applyUrl(url);
}

Result<RedisConfig, RedisError> RedisConfig::applyUrl(const QString &text) const
{
    const QUrl url(text, QUrl::StrictMode);
    if (text.trimmed().isEmpty())
        return configError(RedisError::Code::InvalidUrl, QStringLiteral("the Redis URL is empty"));
    if (!url.isValid()) {
        // QUrl's reason goes on with the source and its parts, password included.
        QString reason = url.errorString();
        if (const qsizetype source = reason.indexOf(QLatin1String("; source was")); source >= 0)
            reason.truncate(source);
        return configError(
            RedisError::Code::InvalidUrl,
            QStringLiteral("'%1' is not a valid Redis URL: %2").arg(withoutPassword(text), reason));
    }

    RedisConfig result = *this;
    RedisConfigData &r = *result.d;
    const unsigned wasExplicit = d->explicitFields;
    auto conflict
        = [&](const QString &field, const QString &fromUrl, const QString &explicitValue) {
              return configError(
                  RedisError::Code::ConflictingSettings,
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
            return configError(RedisError::Code::InvalidHost,
                               QStringLiteral("'%1' names no host: use %2://host[:port][/db]")
                                   .arg(url.toDisplayString(), scheme));
        }
        port = url.port(defaultRedisPort);
        const QString path = url.path();
        if (!path.isEmpty() && path != QLatin1String("/")) {
            bool ok = false;
            database = path.mid(1).toInt(&ok);
            if (!ok || database < 0) {
                return configError(RedisError::Code::InvalidDatabase,
                                   QStringLiteral("the URL path '%1' must be a database number "
                                                  "such as /0")
                                       .arg(path));
            }
        }
    } else if (scheme == QLatin1String("unix")) {
        transport = Transport::Unix;
        socketPath = url.path();
        if (socketPath.isEmpty() || !url.host().isEmpty()) {
            return configError(RedisError::Code::InvalidUrl,
                               QStringLiteral("'%1' must name a socket path: "
                                              "unix:///path/to.sock[?db=N]")
                                   .arg(url.toDisplayString()));
        }
    } else {
        return configError(RedisError::Code::InvalidUrl,
                           QStringLiteral("unsupported URL scheme '%1': use redis://, rediss:// "
                                          "(TLS) or unix://")
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
                return configError(
                    RedisError::Code::InvalidDatabase,
                    QStringLiteral("db=%1 in the URL is not a database number").arg(value));
            }
            if (database >= 0 && database != db) {
                return configError(RedisError::Code::ConflictingSettings,
                                   QStringLiteral("database: the URL path says %1 but its query "
                                                  "says db=%2")
                                       .arg(database)
                                       .arg(db));
            }
            database = db;
            continue;
        }
        if (!key.startsWith(QLatin1String("tls_"))) {
            return configError(RedisError::Code::InvalidUrl,
                               QStringLiteral("unknown URL parameter '%1': db, tls_ca, tls_cert, "
                                              "tls_key, tls_server_name and tls_verify are "
                                              "understood")
                                   .arg(key));
        }
        if (!tls) {
            return configError(RedisError::Code::InvalidUrl,
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
                return configError(RedisError::Code::InvalidUrl,
                                   QStringLiteral("tls_verify=%1: use tls_verify=none (no "
                                                  "verification) or tls_verify=full")
                                       .arg(value));
            }
        } else {
            return configError(RedisError::Code::InvalidUrl,
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

QString RedisConfig::toDisplayUrl() const
{
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
