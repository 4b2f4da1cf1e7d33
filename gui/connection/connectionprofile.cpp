#include "connection/connectionprofile.h"

#include <QtCore/QRegularExpression>
#include <QtCore/QSettings>
#include <QtCore/QUrl>

#include <utility>

namespace RediStore::Admin {

ConnectionProfile ConnectionProfile::fromUrl(const QString &url)
{
    ConnectionProfile profile;
    profile.transport = Transport::Url;
    profile.url = url;
    return profile;
}

// The password part of url's user info, as [start, end); empty when there is none.
static std::pair<qsizetype, qsizetype> passwordSpan(const QString &url)
{
    const qsizetype scheme = url.indexOf(QLatin1String("://"));
    if (scheme < 0)
        return { 0, 0 };
    const qsizetype start = scheme + 3;
    // The user info ends at the last '@' before the query: a password may hold '/' or '@'.
    qsizetype end = url.size();
    for (QChar stop : { QLatin1Char('?'), QLatin1Char('#') }) {
        const qsizetype at = url.indexOf(stop, start);
        if (at >= 0)
            end = qMin(end, at);
    }
    const qsizetype at = url.lastIndexOf(QLatin1Char('@'), end - 1);
    if (at < start)
        return { 0, 0 };
    const qsizetype colon = url.indexOf(QLatin1Char(':'), start);
    if (colon < 0 || colon > at)
        return { 0, 0 };
    return { colon + 1, at };
}

// The query's parameters of url as [start, end) spans of "name=value", and where the query
// ends (at a '#' or the end).
struct QuerySpans
{
    QList<std::pair<qsizetype, qsizetype>> parameters;
    qsizetype begin = -1; // the '?'
    qsizetype end = 0;
};

static QuerySpans querySpans(const QString &url)
{
    QuerySpans spans;
    // After the user info: a password typed with a '?' in it is no query.
    spans.begin = url.indexOf(QLatin1Char('?'), passwordSpan(url).second);
    if (spans.begin < 0)
        return spans;
    spans.end = url.indexOf(QLatin1Char('#'), spans.begin);
    if (spans.end < 0)
        spans.end = url.size();
    qsizetype start = spans.begin + 1;
    while (start <= spans.end) {
        qsizetype stop = url.indexOf(QLatin1Char('&'), start);
        if (stop < 0 || stop > spans.end)
            stop = spans.end;
        spans.parameters.append({ start, stop });
        start = stop + 1;
    }
    return spans;
}

static bool isSentinelPassword(QStringView parameter)
{
    const QStringView name = parameter.left(parameter.indexOf(QLatin1Char('=')));
    return QUrl::fromPercentEncoding(name.toUtf8()) == QLatin1String("sentinel_password");
}

QString ConnectionProfile::urlWithoutPassword(const QString &url)
{
    QString result = url;
    const auto [start, end] = passwordSpan(url);
    if (start != end) {
        const qsizetype userStart = url.indexOf(QLatin1String("://")) + 3;
        if (start - 1 == userStart) // no user name: "redis://:pw@host" becomes "redis://host"
            result.remove(userStart, end + 1 - userStart);
        else
            result.remove(start - 1, end + 1 - start);
    }
    const QuerySpans query = querySpans(result);
    if (query.begin < 0)
        return result;
    QStringList kept;
    bool dropped = false;
    for (const auto &[from, to] : query.parameters) {
        const QStringView parameter = QStringView(result).mid(from, to - from);
        if (isSentinelPassword(parameter))
            dropped = true;
        else
            kept.append(parameter.toString());
    }
    if (!dropped)
        return result;
    kept.removeAll(QString());
    return result.left(query.begin)
        + (kept.isEmpty() ? QString() : QLatin1Char('?') + kept.join(QLatin1Char('&')))
        + result.mid(query.end);
}

QString ConnectionProfile::passwordInUrl(const QString &url)
{
    const auto [start, end] = passwordSpan(url);
    return url.mid(start, end - start);
}

QString ConnectionProfile::sentinelPasswordInUrl(const QString &url)
{
    QString found;
    const QuerySpans query = querySpans(url);
    for (const auto &[from, to] : query.parameters) {
        const QStringView parameter = QStringView(url).mid(from, to - from);
        if (isSentinelPassword(parameter)) // the last one counts
            found = parameter.mid(parameter.indexOf(QLatin1Char('=')) + 1).toString();
    }
    return found;
}

bool ConnectionProfile::isSentinelUrl(const QString &url)
{
    const QString text = url.trimmed();
    return text.startsWith(QLatin1String("redis+sentinel://"), Qt::CaseInsensitive)
        || text.startsWith(QLatin1String("rediss+sentinel://"), Qt::CaseInsensitive);
}

bool ConnectionProfile::isSentinel() const
{
    return transport == Transport::Sentinel || (transport == Transport::Url && isSentinelUrl(url));
}

Result<QList<RedisNodeAddress>, RedisError> ConnectionProfile::parseNodes(const QString &text,
                                                                          quint16 defaultPort)
{
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    const QStringList parts = text.split(separators, Qt::SkipEmptyParts);
    if (parts.isEmpty())
        return RedisError(RedisError::Code::InvalidHost,
                          tr("enter at least one node as host:port"));
    QList<RedisNodeAddress> nodes;
    for (const QString &part : parts) {
        QString withPort = part;
        const bool bracketed = part.startsWith(QLatin1Char('['));
        if ((bracketed && !part.contains(QLatin1String("]:")))
            || (!bracketed && !part.contains(QLatin1Char(':'))))
            withPort += QLatin1Char(':') + QString::number(defaultPort);
        const RedisNodeAddress node = RedisNodeAddress::parse(withPort);
        if (!node.isValid())
            return RedisError(
                RedisError::Code::InvalidHost,
                tr("\u201c%1\u201d is not a node address (host:port, [IPv6]:port)").arg(part));
        nodes.append(node);
    }
    return nodes;
}

// A URL that does not parse comes back in the error message, its passwords too.
static RedisError withoutPassword(const RedisError &error, const QString &url)
{
    const QStringList secrets { ConnectionProfile::passwordInUrl(url),
                                ConnectionProfile::sentinelPasswordInUrl(url) };
    if (secrets.join(QString()).isEmpty())
        return error;
    QString message = error.message();
    message.replace(url, ConnectionProfile::urlWithoutPassword(url));
    for (const QString &secret : secrets) {
        if (secret.isEmpty())
            continue;
        const QString decoded = QUrl::fromPercentEncoding(secret.toUtf8());
        for (const QString &form : { secret, decoded })
            message.replace(form, QStringLiteral("\u2022\u2022\u2022"));
    }
    return RedisError(error.code(), message);
}

Result<RedisConfig, RedisError> ConnectionProfile::toRedisConfig() const
{
    RedisConfig config;
    config.setClientName(QStringLiteral("redistore-admin"));
    switch (transport) {
    case Transport::Url: {
        if (url.trimmed().isEmpty())
            return RedisError(RedisError::Code::InvalidUrl,
                              tr("enter a redis://, rediss://, unix://, redis+cluster:// or "
                                 "redis+sentinel:// URL"));
        auto withUrl = config.applyUrl(url.trimmed());
        if (!withUrl.ok())
            return withoutPassword(withUrl.error(), url.trimmed());
        config = withUrl.value();
        break;
    }
    case Transport::Tcp:
        config.setHost(host.trimmed());
        config.setPort(port);
        break;
    case Transport::Unix:
        config.setUnixSocket(unixSocket.trimmed());
        break;
    case Transport::Cluster: {
        auto seeds = parseNodes(nodes, 6379);
        if (!seeds.ok())
            return seeds.error();
        config.setCluster(seeds.value());
        break;
    }
    case Transport::Sentinel: {
        auto sentinels = parseNodes(nodes, 26379);
        if (!sentinels.ok())
            return sentinels.error();
        if (masterName.trimmed().isEmpty())
            return RedisError(RedisError::Code::InvalidOption,
                              tr("enter the name of the master that the sentinels watch"));
        config.setSentinel(sentinels.value(), masterName.trimmed());
        break;
    }
    }
    // Fields typed in the dialog add to what a URL says (a conflict is an error).
    if (!username.isEmpty() && config.username() != username) {
        if (!config.username().isEmpty())
            return RedisError(
                RedisError::Code::ConflictingSettings,
                tr("the URL names user %1, the user field %2").arg(config.username(), username));
        config.setUsername(username);
    }
    if (!password.isEmpty() && config.password() != password) {
        if (!config.password().isEmpty())
            return RedisError(RedisError::Code::ConflictingSettings,
                              tr("the URL and the password field give different passwords"));
        config.setPassword(password);
    }
    if (!sentinelPassword.isEmpty() && config.topology() == RedisConfig::Topology::Sentinel
        && config.sentinelPassword() != sentinelPassword) {
        if (!config.sentinelPassword().isEmpty())
            return RedisError(RedisError::Code::ConflictingSettings,
                              tr("the URL and the sentinel password field give different "
                                 "sentinel passwords"));
        config.setSentinelCredentials(config.sentinelUsername(), sentinelPassword);
    }
    if (database != 0 && config.database() != database) {
        if (config.database() != 0)
            return RedisError(RedisError::Code::ConflictingSettings,
                              tr("the URL selects database %1, the database field %2")
                                  .arg(config.database())
                                  .arg(database));
        config.setDatabase(database);
    }
    if (tls) {
        // The TLS fields add to what a rediss:// URL says; an empty field leaves it alone.
        RedisTlsOptions options = config.tlsOptions();
        if (!tlsCaFile.trimmed().isEmpty())
            options.caFile = tlsCaFile.trimmed();
        if (!tlsCertFile.trimmed().isEmpty())
            options.certFile = tlsCertFile.trimmed();
        if (!tlsKeyFile.trimmed().isEmpty())
            options.keyFile = tlsKeyFile.trimmed();
        if (!tlsVerify)
            options.verifyPeer = false;
        config.setTlsOptions(options);
    }
    auto valid = config.validate();
    if (!valid.ok())
        return valid.error();
    return config;
}

Result<KeyRing, CodecError> ConnectionProfile::keyRing() const
{
    return KeyRing::keysFromStrings(cookieKeys);
}

QString ConnectionProfile::endpointText() const
{
    auto config = toRedisConfig();
    if (!config.ok()) {
        switch (transport) {
        case Transport::Url:
            return urlWithoutPassword(url);
        case Transport::Cluster:
        case Transport::Sentinel:
            return nodes.simplified();
        case Transport::Unix:
            return unixSocket;
        case Transport::Tcp:
            break;
        }
        return host;
    }
    if (config.value().topology() == RedisConfig::Topology::Cluster)
        return config.value().endpoint(); // database 0 only
    return tr("%1, database %2").arg(config.value().endpoint()).arg(config.value().database());
}

QString ConnectionProfile::title() const
{
    return name.isEmpty() ? endpointText() : name;
}

QStringList ConnectionProfile::serializerNames()
{
    return { QStringLiteral("auto"), QStringLiteral("datastream"), QStringLiteral("gob"),
             QStringLiteral("json") };
}

QString ConnectionProfile::serializerTitle(const QString &name)
{
    if (name == QLatin1String("datastream"))
        return tr("Qt DataStream");
    if (name == QLatin1String("gob"))
        return tr("Go gob");
    if (name == QLatin1String("json"))
        return tr("Go JSON");
    return tr("Detect automatically");
}

static QString transportName(ConnectionProfile::Transport transport)
{
    switch (transport) {
    case ConnectionProfile::Transport::Url:
        return QStringLiteral("url");
    case ConnectionProfile::Transport::Unix:
        return QStringLiteral("unix");
    case ConnectionProfile::Transport::Cluster:
        return QStringLiteral("cluster");
    case ConnectionProfile::Transport::Sentinel:
        return QStringLiteral("sentinel");
    case ConnectionProfile::Transport::Tcp:
        break;
    }
    return QStringLiteral("tcp");
}

void ConnectionProfile::save(QSettings &settings) const
{
    settings.setValue(QStringLiteral("name"), name);
    settings.setValue(QStringLiteral("transport"), transportName(transport));
    settings.setValue(QStringLiteral("url"), urlWithoutPassword(url));
    settings.setValue(QStringLiteral("host"), host);
    settings.setValue(QStringLiteral("port"), port);
    settings.setValue(QStringLiteral("unixSocket"), unixSocket);
    settings.setValue(QStringLiteral("nodes"), nodes);
    settings.setValue(QStringLiteral("masterName"), masterName);
    settings.setValue(QStringLiteral("username"), username);
    settings.setValue(QStringLiteral("savePassword"), savePassword);
    settings.remove(QStringLiteral("password")); // where earlier versions kept it
    settings.setValue(QStringLiteral("database"), database);
    settings.setValue(QStringLiteral("tls"), tls);
    settings.setValue(QStringLiteral("tlsCaFile"), tlsCaFile);
    settings.setValue(QStringLiteral("tlsCertFile"), tlsCertFile);
    settings.setValue(QStringLiteral("tlsKeyFile"), tlsKeyFile);
    settings.setValue(QStringLiteral("tlsVerify"), tlsVerify);
    settings.setValue(QStringLiteral("keyPrefix"), keyPrefix);
    settings.setValue(QStringLiteral("serializer"), serializer);
    settings.setValue(QStringLiteral("cookieName"), cookieName);
    settings.setValue(QStringLiteral("saveCookieKeys"), saveCookieKeys);
    settings.remove(QStringLiteral("cookieKeys"));
    settings.setValue(QStringLiteral("cookieMaxAge"), cookieMaxAge);
    settings.setValue(QStringLiteral("readOnly"), readOnly);
}

ConnectionProfile ConnectionProfile::load(QSettings &settings)
{
    ConnectionProfile p;
    p.name = settings.value(QStringLiteral("name")).toString();
    const QString transport = settings.value(QStringLiteral("transport")).toString();
    p.transport = transport == QLatin1String("url") ? Transport::Url
        : transport == QLatin1String("unix")        ? Transport::Unix
        : transport == QLatin1String("cluster")     ? Transport::Cluster
        : transport == QLatin1String("sentinel")    ? Transport::Sentinel
                                                    : Transport::Tcp;
    p.url = urlWithoutPassword(settings.value(QStringLiteral("url")).toString());
    p.host = settings.value(QStringLiteral("host"), p.host).toString();
    p.port = settings.value(QStringLiteral("port"), p.port).toInt();
    p.unixSocket = settings.value(QStringLiteral("unixSocket")).toString();
    p.nodes = settings.value(QStringLiteral("nodes")).toString();
    p.masterName = settings.value(QStringLiteral("masterName")).toString();
    p.username = settings.value(QStringLiteral("username")).toString();
    p.savePassword = settings.value(QStringLiteral("savePassword"), false).toBool();
    p.database = settings.value(QStringLiteral("database"), 0).toInt();
    p.tls = settings.value(QStringLiteral("tls"), false).toBool();
    p.tlsCaFile = settings.value(QStringLiteral("tlsCaFile")).toString();
    p.tlsCertFile = settings.value(QStringLiteral("tlsCertFile")).toString();
    p.tlsKeyFile = settings.value(QStringLiteral("tlsKeyFile")).toString();
    p.tlsVerify = settings.value(QStringLiteral("tlsVerify"), true).toBool();
    p.keyPrefix = settings.value(QStringLiteral("keyPrefix"), p.keyPrefix).toString();
    p.serializer = settings.value(QStringLiteral("serializer"), p.serializer).toString();
    p.cookieName = settings.value(QStringLiteral("cookieName"), p.cookieName).toString();
    p.saveCookieKeys = settings.value(QStringLiteral("saveCookieKeys"), false).toBool();
    p.cookieMaxAge = settings.value(QStringLiteral("cookieMaxAge"), p.cookieMaxAge).toLongLong();
    p.readOnly = settings.value(QStringLiteral("readOnly"), false).toBool();
    return p;
}

} // namespace RediStore::Admin
