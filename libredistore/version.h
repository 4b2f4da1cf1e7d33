#ifndef REDISTORE_VERSION_H
#define REDISTORE_VERSION_H

#include <libredistore/redistore_export.h>

#include <QtCore/QString>

namespace RediStore {

// The library's version as "major.minor.patch", for logs and --version output.
REDISTORE_EXPORT QString versionString();

} // namespace RediStore

#endif // REDISTORE_VERSION_H
