#include "common/errormessages.h"

namespace RediStore::Admin {

QString ErrorMessages::forRedis(const RedisError &error, const QString &endpoint)
{
    using Code = RedisError::Code;
    switch (error.code()) {
    case Code::NoError:
        return QString();
    case Code::ConnectionRefused:
        return tr("Redis at %1 refused the connection. Is the server running, and is this the "
                  "right address and port?")
            .arg(endpoint);
    case Code::ConnectTimeout:
        return tr("Redis at %1 did not answer in time. The host may be down, or a firewall "
                  "drops the connection.")
            .arg(endpoint);
    case Code::HostNotFound:
        return tr("The host of %1 could not be found. Check the host name.").arg(endpoint);
    case Code::AuthenticationFailed:
        if (error.message().startsWith(QLatin1String("NOAUTH")))
            return tr("Redis at %1 requires a password. Enter the password (and the user name, "
                      "if any) of this server.")
                .arg(endpoint);
        return tr("Redis at %1 rejected the user name or password.").arg(endpoint);
    case Code::SelectFailed:
        return tr("Redis at %1 has no such database. Choose a lower database number.")
            .arg(endpoint);
    case Code::Disconnected:
    case Code::NotConnected:
    case Code::SocketError:
        return tr("The connection to Redis at %1 was lost.").arg(endpoint);
    case Code::TlsSetupFailed:
        return tr("TLS cannot be set up for %1: %2").arg(endpoint, error.message());
    case Code::TlsHandshakeFailed:
        return tr("Redis at %1 did not complete a TLS handshake. Does this port speak TLS, "
                  "and does the server accept this client certificate? (%2)")
            .arg(endpoint, error.message());
    case Code::TlsCertificateRejected:
        return tr("The certificate of Redis at %1 was refused: %2. Check the CA certificate "
                  "and the host name.")
            .arg(endpoint, error.message());
    case Code::CommandTimeout:
        return tr("Redis at %1 did not answer in time. The server may be busy or unreachable.")
            .arg(endpoint);
    case Code::QueueFull:
        return tr("Too many requests are waiting for the connection to %1.").arg(endpoint);
    case Code::ServerError:
        if (error.message().contains(QLatin1String("NOPERM")))
            return tr("This Redis user is not allowed to do that: %1").arg(error.message());
        return tr("Redis answered with an error: %1").arg(error.message());
    case Code::InvalidUrl:
    case Code::InvalidHost:
    case Code::InvalidPort:
    case Code::InvalidDatabase:
    case Code::InvalidTimeout:
    case Code::InvalidClientName:
    case Code::InvalidOption:
    case Code::ConflictingSettings:
        return tr("The connection settings are not valid: %1").arg(error.message());
    case Code::NoSentinelReachable:
        return tr("No sentinel of %1 answered. Are they running, and are these their addresses "
                  "and password? %2")
            .arg(endpoint, error.message());
    case Code::SentinelUnknownMaster:
        return tr("The sentinels of %1 do not know this master: check the master's name. %2")
            .arg(endpoint, error.message());
    case Code::NotMaster:
        return tr("The server the sentinels name for %1 is not a master; a failover may be under "
                  "way. %2")
            .arg(endpoint, error.message());
    case Code::ClusterSlotUnserved:
    case Code::ClusterRedirectLimit:
        return tr("The Redis Cluster at %1 cannot serve this now; a failover may be under way. %2")
            .arg(endpoint, error.message());
    default:
        return tr("Redis at %1: %2").arg(endpoint, error.message());
    }
}

QString ErrorMessages::forSession(const SessionError &error, const QString &endpoint)
{
    using Code = SessionError::Code;
    switch (error.code()) {
    case Code::NoError:
        return QString();
    case Code::RedisUnavailable:
    case Code::RedisCommandFailed:
        if (error.redisError().isError())
            return forRedis(error.redisError(), endpoint);
        return tr("Redis at %1: %2").arg(endpoint, error.message());
    case Code::SessionGone:
        return tr("This session no longer exists: it expired or was deleted.");
    case Code::ReadOnly:
        return tr("Read-only mode: nothing was written to Redis.");
    case Code::CorruptData:
        return tr("The stored value does not decode: %1").arg(error.message());
    case Code::UnknownSerializer:
        return tr("No serializer reads the stored value: %1").arg(error.message());
    case Code::SerializeFailed:
        return tr("The values cannot be written with this serializer: %1").arg(error.message());
    case Code::ValueTooLarge:
        return tr("The session is too large to store: %1").arg(error.message());
    default:
        return error.message();
    }
}

} // namespace RediStore::Admin
