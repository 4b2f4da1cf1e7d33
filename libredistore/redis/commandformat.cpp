#include "commandformat_p.h"

#include <cstring>

namespace RediStore::CommandFormat {

namespace {

char *appendDecimal(char *out, size_t value)
{
    char digits[20];
    int n = 0;
    do {
        digits[n++] = char('0' + value % 10);
        value /= 10;
    } while (value);
    while (n)
        *out++ = digits[--n];
    return out;
}

} // namespace

qsizetype maxSize(const QByteArrayList &args)
{
    qsizetype size = 1 + 20 + 2;
    for (const QByteArray &arg : args)
        size += 1 + 20 + 2 + arg.size() + 2;
    return size;
}

qsizetype write(const QByteArrayList &args, char *begin)
{
    char *out = begin;
    *out++ = '*';
    out = appendDecimal(out, size_t(args.size()));
    *out++ = '\r';
    *out++ = '\n';
    for (const QByteArray &arg : args) {
        *out++ = '$';
        out = appendDecimal(out, size_t(arg.size()));
        *out++ = '\r';
        *out++ = '\n';
        if (!arg.isEmpty())
            std::memcpy(out, arg.constData(), size_t(arg.size()));
        out += arg.size();
        *out++ = '\r';
        *out++ = '\n';
    }
    return out - begin;
}

} // namespace RediStore::CommandFormat
