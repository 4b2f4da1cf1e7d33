#ifndef REDISTORE_COMMANDFORMAT_P_H
#define REDISTORE_COMMANDFORMAT_P_H

#include <QtCore/QByteArrayList>

namespace RediStore::CommandFormat {

// The most bytes write() writes for args.
qsizetype maxSize(const QByteArrayList &args);
// The command in RESP ("*argc\r\n", then "$len\r\narg\r\n" for each argument) at out, which
// has maxSize(args) bytes. Returns the length written.
qsizetype write(const QByteArrayList &args, char *out);

} // namespace RediStore::CommandFormat

#endif // REDISTORE_COMMANDFORMAT_P_H
