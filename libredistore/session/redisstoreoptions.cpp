#include "redisstoreoptions.h"

namespace RediStore {

namespace {

SessionError invalid(const char *option, const QString &why)
{
    return SessionError(SessionError::Code::InvalidOption,
                        QLatin1String(option) + QStringLiteral(": ") + why);
}

} // namespace

RedisStoreOption withPool(RedisPool *pool)
{
    return { QStringLiteral("withPool"), [pool](RedisStoreSettings &s) {
                if (!pool)
                    return invalid("withPool", QStringLiteral("the pool is null"));
                s.pool = pool;
                return SessionError();
            } };
}

RedisStoreOption withAddress(const QString &network, const QString &address)
{
    return { QStringLiteral("withAddress"), [network, address](RedisStoreSettings &s) {
                if (network != QLatin1String("tcp") && network != QLatin1String("unix")) {
                    return invalid(
                        "withAddress",
                        QStringLiteral("network '%1' is not \"tcp\" or \"unix\"").arg(network));
                }
                if (address.trimmed().isEmpty())
                    return invalid("withAddress", QStringLiteral("the address is empty"));
                s.network = network;
                s.address = address;
                return SessionError();
            } };
}

RedisStoreOption withUrl(const QString &url)
{
    return { QStringLiteral("withUrl"), [url](RedisStoreSettings &s) {
                if (url.trimmed().isEmpty())
                    return invalid("withUrl", QStringLiteral("the URL is empty"));
                s.url = url;
                return SessionError();
            } };
}

namespace {

SessionError parseNodes(const char *option, const QStringList &nodes, QList<RedisNodeAddress> *out)
{
    if (nodes.isEmpty())
        return invalid(option, QStringLiteral("no node given"));
    for (const QString &node : nodes) {
        const RedisNodeAddress address = RedisNodeAddress::parse(node.trimmed());
        if (!address.isValid())
            return invalid(option, QStringLiteral("'%1' is not host:port").arg(node));
        out->append(address);
    }
    return SessionError();
}

} // namespace

RedisStoreOption withCluster(const QStringList &seedNodes)
{
    return { QStringLiteral("withCluster"), [seedNodes](RedisStoreSettings &s) {
                QList<RedisNodeAddress> nodes;
                if (SessionError error = parseNodes("withCluster", seedNodes, &nodes);
                    error.isError())
                    return error;
                s.clusterNodes = nodes;
                return SessionError();
            } };
}

RedisStoreOption withSentinel(const QStringList &sentinels, const QString &masterName)
{
    return { QStringLiteral("withSentinel"), [sentinels, masterName](RedisStoreSettings &s) {
                QList<RedisNodeAddress> nodes;
                if (SessionError error = parseNodes("withSentinel", sentinels, &nodes);
                    error.isError())
                    return error;
                if (masterName.trimmed().isEmpty())
                    return invalid("withSentinel", QStringLiteral("the master's name is empty"));
                s.sentinels = nodes;
                s.sentinelMaster = masterName;
                return SessionError();
            } };
}

RedisStoreOption withReplicaAcks(int replicas, int timeoutMs)
{
    return { QStringLiteral("withReplicaAcks"), [replicas, timeoutMs](RedisStoreSettings &s) {
                if (replicas < 0 || replicas > 16) {
                    return invalid(
                        "withReplicaAcks",
                        QStringLiteral("%1 is not a number of replicas (0 to 16)").arg(replicas));
                }
                if (replicas > 0 && (timeoutMs < 1 || timeoutMs > 60000)) {
                    return invalid(
                        "withReplicaAcks",
                        QStringLiteral("%1 ms is not a timeout (1 to 60000 ms)").arg(timeoutMs));
                }
                s.replicaAcks = replicas;
                s.replicaAckTimeoutMs = timeoutMs;
                return SessionError();
            } };
}

RedisStoreOption withAuth(const QString &username, const QString &password)
{
    return { QStringLiteral("withAuth"), [username, password](RedisStoreSettings &s) {
                if (password.isEmpty())
                    return invalid("withAuth", QStringLiteral("the password is empty"));
                s.username = username;
                s.password = password;
                return SessionError();
            } };
}

RedisStoreOption withPassword(const QString &password)
{
    return { QStringLiteral("withPassword"), [password](RedisStoreSettings &s) {
                s.password = password;
                return SessionError();
            } };
}

RedisStoreOption withDb(const QString &database)
{
    return { QStringLiteral("withDb"), [database](RedisStoreSettings &s) {
                if (database.isEmpty())
                    return SessionError(); // Go: an empty string selects nothing
                bool ok = false;
                const int number = database.toInt(&ok);
                if (!ok || number < 0) {
                    return invalid("withDb",
                                   QStringLiteral("'%1' is not a database number").arg(database));
                }
                s.database = number;
                return SessionError();
            } };
}

RedisStoreOption withDbNum(int database)
{
    return { QStringLiteral("withDbNum"), [database](RedisStoreSettings &s) {
                if (database < 0) {
                    return invalid("withDbNum",
                                   QStringLiteral("%1 is not a database number").arg(database));
                }
                s.database = database;
                return SessionError();
            } };
}

RedisStoreOption withPoolSize(int size)
{
    return { QStringLiteral("withPoolSize"), [size](RedisStoreSettings &s) {
                if (size < 1) {
                    return invalid("withPoolSize",
                                   QStringLiteral("%1 is not a pool size (1 or more)").arg(size));
                }
                s.poolSize = size;
                return SessionError();
            } };
}

RedisStoreOption withIdleTimeout(int seconds)
{
    return { QStringLiteral("withIdleTimeout"), [seconds](RedisStoreSettings &s) {
                if (seconds < 0) {
                    return invalid("withIdleTimeout",
                                   QStringLiteral("%1 s is negative (0: never)").arg(seconds));
                }
                s.idleTimeoutSeconds = seconds;
                return SessionError();
            } };
}

RedisStoreOption withMaxLength(qsizetype length)
{
    return { QStringLiteral("withMaxLength"), [length](RedisStoreSettings &s) {
                if (length < 0) {
                    return invalid("withMaxLength",
                                   QStringLiteral("%1 is negative (0: no limit)").arg(length));
                }
                s.maxLength = length;
                return SessionError();
            } };
}

RedisStoreOption withKeyPrefix(const QString &prefix)
{
    return { QStringLiteral("withKeyPrefix"), [prefix](RedisStoreSettings &s) {
                s.keyPrefix = prefix;
                return SessionError();
            } };
}

RedisStoreOption withDefaultMaxAge(qint64 seconds)
{
    return { QStringLiteral("withDefaultMaxAge"), [seconds](RedisStoreSettings &s) {
                if (seconds < 1) {
                    return invalid("withDefaultMaxAge",
                                   QStringLiteral("%1 s is not a TTL (1 or more)").arg(seconds));
                }
                s.defaultMaxAge = seconds;
                return SessionError();
            } };
}

RedisStoreOption withSerializer(std::shared_ptr<const SessionSerializer> serializer)
{
    return { QStringLiteral("withSerializer"), [serializer](RedisStoreSettings &s) {
                if (!serializer)
                    return invalid("withSerializer", QStringLiteral("the serializer is null"));
                s.serializer = serializer;
                return SessionError();
            } };
}

RedisStoreOption withSessionOptions(const SessionOptions &options)
{
    return { QStringLiteral("withSessionOptions"), [options](RedisStoreSettings &s) {
                s.sessionOptions = options;
                return SessionError();
            } };
}

RedisStoreOption withPath(const QString &path)
{
    return { QStringLiteral("withPath"), [path](RedisStoreSettings &s) {
                s.sessionOptions.setPath(path);
                return SessionError();
            } };
}

RedisStoreOption withMaxAge(qint64 seconds)
{
    return { QStringLiteral("withMaxAge"), [seconds](RedisStoreSettings &s) {
                s.sessionOptions.setMaxAge(seconds);
                return SessionError();
            } };
}

RedisStoreOption withLazySave(bool enabled)
{
    return { QStringLiteral("withLazySave"), [enabled](RedisStoreSettings &s) {
                s.lazySave = enabled;
                return SessionError();
            } };
}

RedisStoreOption withRefreshThreshold(qint64 seconds)
{
    return { QStringLiteral("withRefreshThreshold"), [seconds](RedisStoreSettings &s) {
                if (seconds < 0) {
                    return invalid("withRefreshThreshold",
                                   QStringLiteral("%1 s is negative").arg(seconds));
                }
                s.refreshThreshold = seconds;
                return SessionError();
            } };
}

RedisStoreOption withCommandTimeout(int milliseconds)
{
    return { QStringLiteral("withCommandTimeout"), [milliseconds](RedisStoreSettings &s) {
                if (milliseconds < 0) {
                    return invalid("withCommandTimeout",
                                   QStringLiteral("%1 ms is negative (0: none)").arg(milliseconds));
                }
                s.commandTimeoutMs = milliseconds;
                return SessionError();
            } };
}

RedisStoreOption withOfflineWait(int milliseconds)
{
    return { QStringLiteral("withOfflineWait"), [milliseconds](RedisStoreSettings &s) {
                if (milliseconds < 0) {
                    return invalid("withOfflineWait",
                                   QStringLiteral("%1 ms is negative (0: the command timeout)")
                                       .arg(milliseconds));
                }
                s.offlineWaitMs = milliseconds;
                return SessionError();
            } };
}

RedisStoreOption withTls(const RedisTlsOptions &options)
{
    return { QStringLiteral("withTls"), [options](RedisStoreSettings &s) {
                if (!options.keyFile.isEmpty() && options.certFile.isEmpty()) {
                    return invalid("withTls",
                                   QStringLiteral("a key file needs its certificate "
                                                  "file"));
                }
                s.tls = options;
                return SessionError();
            } };
}

RedisStoreOption withConcurrency(SessionConcurrency mode, int maxAttempts)
{
    return { QStringLiteral("withConcurrency"), [mode, maxAttempts](RedisStoreSettings &s) {
                if (maxAttempts < 1 || maxAttempts > 100) {
                    return invalid("withConcurrency",
                                   QStringLiteral("%1 is not a number of attempts (1 to 100)")
                                       .arg(maxAttempts));
                }
                s.concurrency = mode;
                s.maxAttempts = maxAttempts;
                return SessionError();
            } };
}

RedisStoreOption withUserIndex(const QString &valueKey)
{
    return { QStringLiteral("withUserIndex"), [valueKey](RedisStoreSettings &s) {
                if (valueKey.isEmpty())
                    return invalid("withUserIndex", QStringLiteral("the value key is empty"));
                s.userIndexKey = valueKey;
                return SessionError();
            } };
}

RedisStoreOption withAnonymousMaxAge(qint64 seconds)
{
    return { QStringLiteral("withAnonymousMaxAge"), [seconds](RedisStoreSettings &s) {
                if (seconds < 0) {
                    return invalid(
                        "withAnonymousMaxAge",
                        QStringLiteral("%1 is not a number of seconds (0 or more)").arg(seconds));
                }
                s.anonymousMaxAge = seconds;
                return SessionError();
            } };
}

RedisStoreOption withStrictKeys(bool strict)
{
    return { QStringLiteral("withStrictKeys"), [strict](RedisStoreSettings &s) {
                s.strictKeys = strict;
                return SessionError();
            } };
}

} // namespace RediStore
