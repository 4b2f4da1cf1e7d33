#include "rediserror.h"

#include <QtCore/QMetaEnum>

namespace RediStore {

QString RedisError::codeName() const
{
    return QString::fromLatin1(QMetaEnum::fromType<Code>().valueToKey(static_cast<int>(m_code)));
}

bool RedisError::isTransient() const noexcept
{
    switch (m_code) {
    case Code::HostNotFound:
    case Code::ConnectionRefused:
    case Code::ConnectTimeout:
    case Code::Disconnected:
    case Code::NotConnected:
    case Code::QueueFull:
    case Code::SocketError:
    case Code::TlsHandshakeFailed:
    case Code::CommandTimeout:
    case Code::NoSentinelReachable:
    case Code::NotMaster:
    case Code::ClusterSlotUnserved:
    case Code::ClusterRedirectLimit:
    case Code::ReplicaAckTimeout:
        return true;
    default:
        return false;
    }
}

} // namespace RediStore
