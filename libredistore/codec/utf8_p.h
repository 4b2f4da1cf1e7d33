#ifndef REDISTORE_UTF8_P_H
#define REDISTORE_UTF8_P_H

#include <QtCore/QByteArray>
#include <QtCore/QStringEncoder>
#include <QtCore/QStringView>

#include <cstring>

namespace RediStore {

// Writes text as UTF-8 at out, which has room for 3 * text.size() bytes, and returns the end:
// the bytes QString::toUtf8() gives (a lone surrogate becomes '?'), without a temporary.
inline char *writeUtf8(char *out, QStringView text)
{
    QStringEncoder encoder(QStringConverter::Utf8, QStringConverter::Flag::Stateless);
    char *end = encoder.appendToBuffer(out, text);
    if (!encoder.hasError())
        return end;
    // QStringEncoder writes U+FFFD where toUtf8() writes '?': keep toUtf8()'s bytes, which
    // are the ones every other path (keys, Go JSON, the admin tools) produces.
    const QByteArray utf8 = text.toUtf8();
    if (!utf8.isEmpty())
        std::memcpy(out, utf8.constData(), size_t(utf8.size()));
    return out + utf8.size();
}

} // namespace RediStore

#endif // REDISTORE_UTF8_P_H
