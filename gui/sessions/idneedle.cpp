#include "sessions/idneedle.h"

#include <QtCore/QLatin1StringView>
#include <QtCore/QString>

#include <algorithm>
#include <bit>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace RediStore::Admin {

namespace {
bool isAscii(const QByteArray &utf8)
{
    return std::all_of(utf8.cbegin(), utf8.cend(), [](char c) { return uchar(c) < 0x80; });
}
} // namespace

// Bit i set where text[i] == c, for the 64 bytes of text.
quint64 IdNeedle::placesOf(const char *text, char c)
{
#if defined(__SSE2__)
    const __m128i wanted = _mm_set1_epi8(c);
    quint64 places = 0;
    for (int i = 0; i < 4; ++i) {
        const __m128i chunk = _mm_load_si128(reinterpret_cast<const __m128i *>(text) + i);
        places |= quint64(quint16(_mm_movemask_epi8(_mm_cmpeq_epi8(chunk, wanted)))) << (16 * i);
    }
    return places;
#else
    quint64 places = 0;
    for (int i = 0; i < 64; ++i)
        places |= quint64(text[i] == c) << i;
    return places;
#endif
}

IdNeedle::IdNeedle(const QString &text)
    : m_utf8(text.toUtf8())
    , m_ascii(isAscii(m_utf8))
{
    // Ignoring case as QString does (case folding), where a few other letters stand for ASCII
    // ones: U+017F long s for 's', U+212A Kelvin sign for 'k'.
    const QByteArray utf8 = m_ascii ? m_utf8 : text.toCaseFolded().toUtf8();
    if (!isAscii(utf8) || utf8.size() > PackedId::textLength)
        return; // not in a store-made ID
    m_upper.resize(utf8.size());
    m_inPacked = true;
    for (qsizetype i = 0; i < utf8.size(); ++i) { // ASCII only: no locale's rules
        const char c = utf8[i];
        m_upper[i] = c >= 'a' && c <= 'z' ? char(c - 'a' + 'A') : c;
        m_inPacked = m_inPacked && PackedId::isAlphabet(m_upper[i]);
    }
}

bool IdNeedle::isIn(const SessionRow &row) const
{
    if (m_utf8.isEmpty())
        return true;
    if (row.isPacked()) {
        // A store-made ID is upper case: the text, in upper case, is looked for as it is; a
        // text with another character is never in one, and no ID is decoded for it.
        if (!m_inPacked)
            return false;
        alignas(16) char text[64] = {};
        PackedId::unpack(row.idBytes, text);
        // Where the text's first two characters are, as bits (one per place), then whether
        // the rest follows at one of those places.
        const qsizetype length = m_upper.size();
        quint64 starts = placesOf(text, m_upper[0]);
        if (length > 1)
            starts &= placesOf(text, m_upper[1]) >> 1;
        starts &= (quint64(1) << (PackedId::textLength - length + 1)) - 1;
        for (; starts; starts &= starts - 1) {
            const int at = std::countr_zero(starts);
            if (length <= 2
                || std::memcmp(text + at + 2, m_upper.constData() + 2, size_t(length - 2)) == 0)
                return true;
        }
        return false;
    }
    const QByteArrayView id = row.storedId();
    if (m_ascii)
        return QLatin1StringView(id.data(), id.size())
            .contains(QLatin1StringView(m_utf8), Qt::CaseInsensitive);
    return QString::fromUtf8(id).contains(QString::fromUtf8(m_utf8), Qt::CaseInsensitive);
}

} // namespace RediStore::Admin
