#include "securecookiebase64_p.h"

#include <array>

namespace RediStore::SecureCookieBase64 {

namespace {

constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr uchar invalid = 0xff;

constexpr std::array<uchar, 256> makeDecodeMap()
{
    std::array<uchar, 256> map {};
    for (auto &entry : map)
        entry = invalid;
    for (int i = 0; i < 64; ++i)
        map[uchar(alphabet[i])] = uchar(i);
    return map;
}

constexpr std::array<uchar, 256> decodeMap = makeDecodeMap();

// Two output characters for each 12-bit value: one lookup per half of a 3-byte group.
constexpr std::array<char, 2 * 4096> makePairs()
{
    std::array<char, 2 * 4096> pairs {};
    for (int i = 0; i < 4096; ++i) {
        pairs[size_t(2 * i)] = alphabet[i >> 6];
        pairs[size_t(2 * i + 1)] = alphabet[i & 0x3f];
    }
    return pairs;
}

constexpr std::array<char, 2 * 4096> encodePairs = makePairs();

inline bool isNewline(char c)
{
    return c == '\n' || c == '\r';
}

} // namespace

void encode(const uchar *in, qsizetype size, char *out) noexcept
{
    qsizetype i = 0;
    for (; i + 3 <= size; i += 3) {
        const quint32 v = quint32(in[i]) << 16 | quint32(in[i + 1]) << 8 | quint32(in[i + 2]);
        const char *hi = &encodePairs[2 * (v >> 12)];
        const char *lo = &encodePairs[2 * (v & 0xfff)];
        out[0] = hi[0];
        out[1] = hi[1];
        out[2] = lo[0];
        out[3] = lo[1];
        out += 4;
    }
    const qsizetype rest = size - i;
    if (rest == 0)
        return;
    quint32 v = quint32(in[i]) << 16;
    if (rest == 2)
        v |= quint32(in[i + 1]) << 8;
    *out++ = alphabet[v >> 18 & 0x3f];
    *out++ = alphabet[v >> 12 & 0x3f];
    *out++ = rest == 2 ? alphabet[v >> 6 & 0x3f] : '=';
    *out++ = '=';
}

// A transcription of Go 1.19 encoding/base64 Decode/decodeQuantum for a padded, non-strict
// encoding, so that acceptance and error offsets are the same.
qsizetype decode(const char *in, qsizetype size, uchar *out, qsizetype *errorOffset) noexcept
{
    qsizetype si = 0;
    qsizetype n = 0;
    while (si < size) {
        if (size - si >= 4) {
            const uchar a = decodeMap[uchar(in[si])];
            const uchar b = decodeMap[uchar(in[si + 1])];
            const uchar c = decodeMap[uchar(in[si + 2])];
            const uchar d = decodeMap[uchar(in[si + 3])];
            // Valid values are below 64, so the OR is 0xff only if one of them is invalid.
            if ((a | b | c | d) != invalid) {
                const quint32 v = quint32(a) << 18 | quint32(b) << 12 | quint32(c) << 6 | d;
                out[n] = uchar(v >> 16);
                out[n + 1] = uchar(v >> 8);
                out[n + 2] = uchar(v);
                n += 3;
                si += 4;
                continue;
            }
        }

        // decodeQuantum
        uchar dbuf[4] = { 0, 0, 0, 0 };
        int dlen = 4;
        qsizetype trailingGarbage = -1;
        for (int j = 0; j < 4; ++j) {
            if (si == size) {
                if (j == 0)
                    return n; // only newlines were left
                *errorOffset = si - j; // a quantum cut short: padding is mandatory
                return -1;
            }
            const char ch = in[si++];
            const uchar value = decodeMap[uchar(ch)];
            if (value != invalid) {
                dbuf[j] = value;
                continue;
            }
            if (isNewline(ch)) {
                --j;
                continue;
            }
            if (ch != '=') {
                *errorOffset = si - 1;
                return -1;
            }
            // Padding: the end of the data.
            if (j < 2) {
                *errorOffset = si - 1;
                return -1;
            }
            if (j == 2) {
                // "==" expected; the first '=' is consumed.
                while (si < size && isNewline(in[si]))
                    ++si;
                if (si == size) {
                    *errorOffset = size;
                    return -1;
                }
                if (in[si] != '=') {
                    *errorOffset = si - 1;
                    return -1;
                }
                ++si;
            }
            while (si < size && isNewline(in[si]))
                ++si;
            if (si < size)
                trailingGarbage = si;
            dlen = j;
            break;
        }

        const quint32 v
            = quint32(dbuf[0]) << 18 | quint32(dbuf[1]) << 12 | quint32(dbuf[2]) << 6 | dbuf[3];
        switch (dlen) {
        case 4:
            out[n + 2] = uchar(v);
            Q_FALLTHROUGH();
        case 3:
            out[n + 1] = uchar(v >> 8);
            Q_FALLTHROUGH();
        default:
            out[n] = uchar(v >> 16);
        }
        n += dlen - 1;
        if (trailingGarbage >= 0) {
            *errorOffset = trailingGarbage;
            return -1;
        }
    }
    return n;
}

} // namespace RediStore::SecureCookieBase64
