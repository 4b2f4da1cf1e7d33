#ifndef REDISTORE_SESSIONTEXT_H
#define REDISTORE_SESSIONTEXT_H

#include <QtCore/QByteArray>
#include <QtCore/QString>

namespace RediStore {
struct SessionContent;
}

// A loaded session as the tool prints it for people, shared by the commands that show one.
namespace Cli {

// A value's key as printed: as is when plain, else as a JSON string, so that a key with
// blanks, quotes or a line break keeps the output one entry per line and unambiguous.
QString printableKey(const QString &key);

// The lines "redistore sessions show" prints: id, key, ttl, size, serializer and the values,
// one "  key: JSON" line each in key order.
QString sessionText(const QString &id, const QByteArray &key,
                    const RediStore::SessionContent &content);

} // namespace Cli

#endif // REDISTORE_SESSIONTEXT_H
