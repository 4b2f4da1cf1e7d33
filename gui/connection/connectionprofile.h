#ifndef REDISTORE_ADMIN_CONNECTIONPROFILE_H
#define REDISTORE_ADMIN_CONNECTIONPROFILE_H

#include <libredistore/codec/codecerror.h>
#include <libredistore/codec/keyring.h>
#include <libredistore/redis/redisconfig.h>
#include <libredistore/result.h>

#include <QtCore/QCoreApplication>
#include <QtCore/QString>
#include <QtCore/QStringList>

QT_BEGIN_NAMESPACE
class QSettings;
QT_END_NAMESPACE

namespace RediStore::Admin {

// Everything the app needs to open one Redis holding sessions: where it is, who logs in, which
// sessions (key prefix) and how they are stored (serializer), the cookie keys for the cookie
// inspector, and whether writes are allowed at all.
class ConnectionProfile
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionProfile)

public:
    // Tcp and Unix: one server; Cluster: a Redis Cluster from seed nodes; Sentinel: the master
    // that sentinels name; Url: whatever the URL says (any of them).
    enum class Transport { Url, Tcp, Unix, Cluster, Sentinel };

    QString name;
    Transport transport = Transport::Tcp;
    QString url;
    QString host = QStringLiteral("127.0.0.1");
    int port = 6379;
    QString unixSocket;
    // Cluster seed nodes or sentinels: "host:port" separated by commas or spaces (a port left
    // out is 6379 for a cluster, 26379 for a sentinel).
    QString nodes;
    QString masterName; // the master the sentinels watch
    // The sentinels' own password (their requirepass), a secret like the password: remembered in
    // the keychain with it, never in the settings. A URL's sentinel_password= is the same.
    QString sentinelPassword;
    QString username;
    QString password;
    bool savePassword = false; // kept in the system keychain when asked, never in the settings
    int database = 0;
    // TLS (rediss://): with a Host, or added to what a URL says.
    bool tls = false;
    QString tlsCaFile; // empty: the system's CAs
    QString tlsCertFile; // client certificate, for servers with tls-auth-clients
    QString tlsKeyFile;
    bool tlsVerify = true; // false: encrypted but not verified
    QString keyPrefix = QStringLiteral("session_");
    QString serializer = QStringLiteral("auto"); // auto, datastream, gob, json
    QString cookieName = QStringLiteral("session");
    QStringList cookieKeys; // hash key, block key, ... as KeyRing::keysFromStrings() reads them
    bool saveCookieKeys = false;
    qint64 cookieMaxAge = 86400 * 30;
    bool readOnly = false;

    // A profile that connects with url (redis://, rediss://, unix://, redis+cluster://,
    // redis+sentinel:// and their rediss+ forms).
    static ConnectionProfile fromUrl(const QString &url);
    // The URL as typed but without its secrets: the password and a sentinel_password= parameter
    // ("redis+sentinel://bob@h1,h2/mymaster?tls_ca=..."), for the settings and for anything
    // shown; it works on URLs that do not parse too.
    static QString urlWithoutPassword(const QString &url);
    static QString passwordInUrl(const QString &url); // as typed, still percent-encoded
    static QString sentinelPasswordInUrl(const QString &url); // likewise
    // Whether the profile reaches Redis through sentinels (the form or a sentinel URL); only
    // then does it have a sentinel password.
    bool isSentinel() const;
    static bool isSentinelUrl(const QString &url);
    // The seed nodes or sentinels typed in nodes; an error naming the one that does not parse.
    static Result<QList<RedisNodeAddress>, RedisError> parseNodes(const QString &text,
                                                                  quint16 defaultPort);

    // The Redis configuration; an error when the URL or a field is not valid.
    Result<RedisConfig, RedisError> toRedisConfig() const;
    // The cookie key ring; an error naming the key that does not decode.
    Result<KeyRing, CodecError> keyRing() const;
    // "127.0.0.1:6379, database 0" (the nodes of a cluster or sentinel setup), for titles and
    // messages.
    QString endpointText() const;
    QString title() const; // the name, or the endpoint when unnamed

    static QStringList serializerNames(); // auto, datastream, gob, json
    static QString serializerTitle(const QString &name);

    // Writes and reads the profile in the current group of settings, never its secrets: the
    // password and the sentinel password, those in the URL included, and the cookie keys
    // (ProfileStore keeps them in the system keychain).
    void save(QSettings &settings) const;
    static ConnectionProfile load(QSettings &settings);
};

} // namespace RediStore::Admin

#endif // REDISTORE_ADMIN_CONNECTIONPROFILE_H
