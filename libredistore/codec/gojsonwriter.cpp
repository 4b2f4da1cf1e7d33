#include "gojsonwriter_p.h"

#include <QtCore/QDateTime>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QJsonValue>
#include <QtCore/QUrl>
#include <QtCore/QUuid>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <vector>

namespace RediStore {

namespace {

const char Hex[] = "0123456789abcdef";

// Go's htmlSafeSet: printable ASCII except " \ < > & (DEL is safe).
constexpr bool htmlSafe(char16_t c)
{
    return c >= 0x20 && c < 0x80 && c != u'"' && c != u'\\' && c != u'<' && c != u'>' && c != u'&';
}

inline void appendUtf8(QByteArray &out, char32_t c)
{
    char buffer[4];
    int n = 0;
    if (c < 0x80) {
        buffer[n++] = char(c);
    } else if (c < 0x800) {
        buffer[n++] = char(0xc0 | (c >> 6));
        buffer[n++] = char(0x80 | (c & 0x3f));
    } else if (c < 0x10000) {
        buffer[n++] = char(0xe0 | (c >> 12));
        buffer[n++] = char(0x80 | ((c >> 6) & 0x3f));
        buffer[n++] = char(0x80 | (c & 0x3f));
    } else {
        buffer[n++] = char(0xf0 | (c >> 18));
        buffer[n++] = char(0x80 | ((c >> 12) & 0x3f));
        buffer[n++] = char(0x80 | ((c >> 6) & 0x3f));
        buffer[n++] = char(0x80 | (c & 0x3f));
    }
    out.append(buffer, n);
}

// Code point at i (a lone surrogate reads as U+FFFD); advances i.
inline char32_t codePointAt(QStringView text, qsizetype &i)
{
    const char16_t c = text.utf16()[i++];
    if (c < 0xd800 || c >= 0xe000)
        return c;
    if (c < 0xdc00 && i < text.size()) {
        const char16_t low = text.utf16()[i];
        if (low >= 0xdc00 && low < 0xe000) {
            ++i;
            return 0x10000 + ((char32_t(c) - 0xd800) << 10) + (low - 0xdc00);
        }
    }
    return 0xfffd;
}

// Go sorts map keys as byte strings: UTF-8 order, which is code point order (UTF-16 order
// differs once surrogates are involved).
bool goKeyLess(QStringView a, QStringView b)
{
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < a.size() && j < b.size()) {
        const char32_t ca = codePointAt(a, i);
        const char32_t cb = codePointAt(b, j);
        if (ca != cb)
            return ca < cb;
    }
    return i == a.size() && j < b.size();
}

bool hasSurrogates(QStringView text)
{
    for (QChar c : text) {
        if (c.isSurrogate())
            return true;
    }
    return false;
}

QString typeName(const QVariant &value)
{
    return QString::fromLatin1(value.metaType().name());
}

// time.Time.MarshalJSON: RFC 3339 with the fraction trimmed, "Z" for a zero offset.
bool appendDateTime(QByteArray &out, const QDateTime &dateTime)
{
    if (!dateTime.isValid())
        return false;
    const QDate date = dateTime.date();
    const QTime time = dateTime.time();
    if (date.year() < 0 || date.year() > 9999)
        return false;
    char buffer[48];
    int n = std::snprintf(buffer, sizeof buffer, "\"%04d-%02d-%02dT%02d:%02d:%02d", date.year(),
                          date.month(), date.day(), time.hour(), time.minute(), time.second());
    int millis = time.msec();
    if (millis != 0) {
        int digits = 3;
        while (millis % 10 == 0) {
            millis /= 10;
            --digits;
        }
        n += std::snprintf(buffer + n, sizeof buffer - size_t(n), ".%0*d", digits, millis);
    }
    const int offset = dateTime.offsetFromUtc();
    if (offset == 0) {
        n += std::snprintf(buffer + n, sizeof buffer - size_t(n), "Z\"");
    } else {
        const int minutes = std::abs(offset) / 60;
        n += std::snprintf(buffer + n, sizeof buffer - size_t(n), "%c%02d:%02d\"",
                           offset < 0 ? '-' : '+', minutes / 60, minutes % 60);
    }
    out.append(buffer, n);
    return true;
}

} // namespace

void GoJsonWriter::appendString(QByteArray &out, QStringView text)
{
    out.append('"');
    const char16_t *p = text.utf16();
    const char16_t *end = p + text.size();
    while (p < end) {
        const char16_t *run = p;
        while (p < end && htmlSafe(*p))
            ++p;
        if (p > run) {
            const qsizetype start = out.size();
            out.resize(start + (p - run));
            char *w = out.data() + start;
            for (const char16_t *q = run; q < p; ++q)
                *w++ = char(*q);
        }
        if (p == end)
            break;
        const char16_t c = *p;
        if (c < 0x80) {
            ++p;
            switch (c) {
            case u'"':
                out.append("\\\"", 2);
                break;
            case u'\\':
                out.append("\\\\", 2);
                break;
            case u'\n':
                out.append("\\n", 2);
                break;
            case u'\r':
                out.append("\\r", 2);
                break;
            case u'\t':
                out.append("\\t", 2);
                break;
            default: {
                const char escaped[6] = { '\\', 'u', '0', '0', Hex[c >> 4], Hex[c & 0xf] };
                out.append(escaped, 6);
                break;
            }
            }
            continue;
        }
        qsizetype i = p - text.utf16();
        const bool loneSurrogate = c >= 0xd800 && c < 0xe000
            && !(c < 0xdc00 && p + 1 < end && p[1] >= 0xdc00 && p[1] < 0xe000);
        const char32_t cp = codePointAt(text, i);
        p = text.utf16() + i;
        if (loneSurrogate) {
            out.append("\\ufffd", 6);
        } else if (cp == 0x2028 || cp == 0x2029) {
            const char escaped[6] = { '\\', 'u', '2', '0', '2', Hex[cp & 0xf] };
            out.append(escaped, 6);
        } else {
            appendUtf8(out, cp);
        }
    }
    out.append('"');
}

void GoJsonWriter::appendFloat(QByteArray &out, double value, bool is32)
{
    const double magnitude = std::fabs(value);
    bool exponent = false;
    if (magnitude != 0) {
        exponent = is32 ? (float(magnitude) < 1e-6f || float(magnitude) >= 1e21f)
                        : (magnitude < 1e-6 || magnitude >= 1e21);
    }
    // The shortest digits that round-trip, in scientific form ("-1.2345e+20").
    char buffer[64];
    const std::to_chars_result result = is32
        ? std::to_chars(buffer, buffer + sizeof buffer, float(value), std::chars_format::scientific)
        : std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
    qsizetype n = result.ptr - buffer;
    if (exponent) {
        // Go's 'e' format has at least two exponent digits; json then trims e-07 to e-7.
        if (n >= 4 && buffer[n - 4] == 'e' && buffer[n - 3] == '-' && buffer[n - 2] == '0') {
            buffer[n - 2] = buffer[n - 1];
            --n;
        }
        out.append(buffer, n);
        return;
    }
    // strconv 'f' with the shortest digits: the digits placed around the decimal point and
    // padded with zeros (1.2345678901234568e+20 -> 123456789012345680000, not the exact
    // 123456789012345683968 that printf's %f gives).
    const char *p = buffer;
    if (*p == '-') {
        out.append('-');
        ++p;
    }
    char digits[32];
    int count = 0;
    const char *e = p;
    for (; e < result.ptr && *e != 'e'; ++e) {
        if (*e != '.')
            digits[count++] = *e;
    }
    int exp10 = 0;
    std::from_chars(e + (e[1] == '+' ? 2 : 1), result.ptr, exp10);
    if (exp10 < 0) {
        out.append("0.", 2);
        out.append(QByteArray(-exp10 - 1, '0'));
        out.append(digits, count);
    } else if (exp10 + 1 >= count) {
        out.append(digits, count);
        out.append(QByteArray(exp10 + 1 - count, '0'));
    } else {
        out.append(digits, exp10 + 1);
        out.append('.');
        out.append(digits + exp10 + 1, count - exp10 - 1);
    }
}

bool GoJsonWriter::fail(CodecError::Code code, const QString &message)
{
    if (!m_error.isError())
        m_error = CodecError(code, message);
    return false;
}

Result<QByteArray, CodecError> GoJsonWriter::marshal(const QVariant &value)
{
    m_out.reserve(128);
    if (!write(value, 1))
        return m_error;
    return std::move(m_out);
}

bool GoJsonWriter::write(const QVariant &value, int depth)
{
    const int type = value.metaType().id();
    switch (type) {
    case QMetaType::UnknownType:
    case QMetaType::Nullptr:
        m_out.append("null", 4);
        return true;
    case QMetaType::Bool:
        if (value.toBool())
            m_out.append("true", 4);
        else
            m_out.append("false", 5);
        return true;
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::Long:
    case QMetaType::Short:
    case QMetaType::SChar:
    case QMetaType::Char:
        m_out.append(QByteArray::number(value.toLongLong()));
        return true;
    case QMetaType::UInt:
    case QMetaType::ULongLong:
    case QMetaType::ULong:
    case QMetaType::UShort:
    case QMetaType::UChar:
        m_out.append(QByteArray::number(value.toULongLong()));
        return true;
    case QMetaType::Double:
    case QMetaType::Float: {
        const double d = value.toDouble();
        if (!std::isfinite(d)) {
            return fail(CodecError::Code::JsonUnsupportedValue,
                        QStringLiteral("json: unsupported value: %1")
                            .arg(std::isnan(d) ? QStringLiteral("NaN")
                                     : d > 0   ? QStringLiteral("+Inf")
                                               : QStringLiteral("-Inf")));
        }
        appendFloat(m_out, d, type == QMetaType::Float);
        return true;
    }
    case QMetaType::QString:
        appendString(m_out, *static_cast<const QString *>(value.constData()));
        return true;
    case QMetaType::QChar: {
        const QChar c = value.toChar();
        appendString(m_out, QStringView(&c, 1));
        return true;
    }
    case QMetaType::QByteArray:
        m_out.append('"');
        m_out.append(static_cast<const QByteArray *>(value.constData())->toBase64());
        m_out.append('"');
        return true;
    case QMetaType::QDateTime:
        if (!appendDateTime(m_out, value.toDateTime())) {
            return fail(CodecError::Code::JsonUnsupportedValue,
                        QStringLiteral("json: a QDateTime must be valid and its year within "
                                       "[0,9999] to be written as RFC 3339"));
        }
        return true;
    case QMetaType::QUrl:
        appendString(m_out, value.toUrl().toString(QUrl::FullyEncoded));
        return true;
    case QMetaType::QUuid:
        appendString(m_out, value.toUuid().toString(QUuid::WithoutBraces));
        return true;
    case QMetaType::QJsonValue:
    case QMetaType::QJsonObject:
    case QMetaType::QJsonArray:
        return write(value.toJsonValue().toVariant(), depth);
    case QMetaType::QJsonDocument: {
        const QJsonDocument document = value.toJsonDocument();
        return write(document.isArray()        ? QVariant(document.array().toVariantList())
                         : document.isObject() ? QVariant(document.object().toVariantMap())
                                               : QVariant(),
                     depth);
    }
    default:
        break;
    }

    if (depth > GoJson::Limits {}.maxDepth) {
        return fail(
            CodecError::Code::JsonLimitExceeded,
            QStringLiteral("json: values nested deeper than %1").arg(GoJson::Limits {}.maxDepth));
    }
    switch (type) {
    case QMetaType::QVariantList: {
        m_out.append('[');
        bool first = true;
        for (const QVariant &item : *static_cast<const QVariantList *>(value.constData())) {
            if (!first)
                m_out.append(',');
            first = false;
            if (!write(item, depth + 1))
                return false;
        }
        m_out.append(']');
        return true;
    }
    case QMetaType::QStringList: {
        m_out.append('[');
        bool first = true;
        for (const QString &item : *static_cast<const QStringList *>(value.constData())) {
            if (!first)
                m_out.append(',');
            first = false;
            appendString(m_out, item);
        }
        m_out.append(']');
        return true;
    }
    case QMetaType::QVariantMap:
        return writeMap(*static_cast<const QVariantMap *>(value.constData()), depth);
    case QMetaType::QVariantHash:
        return writeMap(*static_cast<const QVariantHash *>(value.constData()), depth);
    default:
        return fail(CodecError::Code::JsonUnsupportedValue,
                    QStringLiteral("json: unsupported type: %1 (Go's JSON has no such value)")
                        .arg(typeName(value)));
    }
}

template<typename Map> bool GoJsonWriter::writeMap(const Map &map, int depth)
{
    m_out.append('{');
    bool first = true;
    auto writeEntry = [&](const QString &key, const QVariant &item) {
        if (!first)
            m_out.append(',');
        first = false;
        appendString(m_out, key);
        m_out.append(':');
        return write(item, depth + 1);
    };

    bool sorted = std::is_same_v<Map, QVariantMap>;
    if (sorted) {
        for (auto it = map.cbegin(); it != map.cend() && sorted; ++it)
            sorted = !hasSurrogates(it.key());
    }
    if (sorted) {
        // QMap's UTF-16 order is Go's byte order when no key has a surrogate pair.
        for (auto it = map.cbegin(); it != map.cend(); ++it) {
            if (!writeEntry(it.key(), it.value()))
                return false;
        }
    } else {
        std::vector<typename Map::const_iterator> entries;
        entries.reserve(size_t(map.size()));
        for (auto it = map.cbegin(); it != map.cend(); ++it)
            entries.push_back(it);
        std::sort(entries.begin(), entries.end(),
                  [](const auto &a, const auto &b) { return goKeyLess(a.key(), b.key()); });
        for (const auto &it : entries) {
            if (!writeEntry(it.key(), it.value()))
                return false;
        }
    }
    m_out.append('}');
    return true;
}

} // namespace RediStore
