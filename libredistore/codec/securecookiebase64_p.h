#ifndef REDISTORE_SECURECOOKIEBASE64_P_H
#define REDISTORE_SECURECOOKIEBASE64_P_H

#include <QtCore/QtGlobal>

// Go's base64.URLEncoding (RFC 4648 section 5 alphabet, '=' padding), as securecookie uses it
// twice per cookie. Not Qt's decoder: the cookie format needs Go's exact acceptance rules
// (padding mandatory, '\r' and '\n' skipped, '+' and '/' refused) and its error offsets.
namespace RediStore::SecureCookieBase64 {

constexpr qsizetype encodedSize(qsizetype size) noexcept
{
    return (size + 2) / 3 * 4;
}

// The most bytes decode() can write for size characters.
constexpr qsizetype maxDecodedSize(qsizetype size) noexcept
{
    return size / 4 * 3 + 3;
}

// Writes encodedSize(size) characters to out.
void encode(const uchar *in, qsizetype size, char *out) noexcept;

// Go's Encoding.Decode: returns the number of bytes written to out (which has room for
// maxDecodedSize(size)), or -1 with *errorOffset set to Go's CorruptInputError offset.
qsizetype decode(const char *in, qsizetype size, uchar *out, qsizetype *errorOffset) noexcept;

} // namespace RediStore::SecureCookieBase64

#endif // REDISTORE_SECURECOOKIEBASE64_P_H
