#include "version.h"

namespace RediStore {

QString versionString()
{
    return QStringLiteral(REDISTORE_VERSION_STRING);
}

} // namespace RediStore
