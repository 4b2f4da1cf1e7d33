#ifndef REDISTORE_ADMIN_HEXDUMP_H
#define REDISTORE_ADMIN_HEXDUMP_H

#include <QtCore/QByteArray>
#include <QtCore/QCoreApplication>
#include <QtCore/QString>

namespace RediStore::Admin {

// The classic hex dump: offset, 16 bytes in hex, the same bytes as ASCII.
//   00000000  0e ff 81 04 01 02 ff 82  00 01 10 01 10 00 00 74  |...............t|
class HexDump
{
    Q_DECLARE_TR_FUNCTIONS(HexDump)

public:
    // At most maxBytes are shown; a last line says how many more there are.
    static QString format(const QByteArray &bytes, int maxBytes = 64 * 1024);
};

} // namespace RediStore::Admin

#endif // REDISTORE_ADMIN_HEXDUMP_H
