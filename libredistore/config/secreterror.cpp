#include "secreterror.h"

#include <QtCore/QMetaEnum>

namespace RediStore {

QString SecretError::codeName() const
{
    return QString::fromLatin1(QMetaEnum::fromType<Code>().valueToKey(int(m_code)));
}

} // namespace RediStore
