#include "gojsonreader_p.h"

#include <charconv>
#include <cmath>
#include <cstring>

namespace RediStore {

namespace {

inline bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

inline bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

inline int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Go's quoteChar: the byte as strconv.Quote shows the rune of the same value, in '...'.
QString quoteChar(uchar c)
{
    if (c == '\'')
        return QStringLiteral("'\\''");
    if (c == '"')
        return QStringLiteral("'\"'");
    switch (c) {
    case '\a':
        return QStringLiteral("'\\a'");
    case '\b':
        return QStringLiteral("'\\b'");
    case '\f':
        return QStringLiteral("'\\f'");
    case '\n':
        return QStringLiteral("'\\n'");
    case '\r':
        return QStringLiteral("'\\r'");
    case '\t':
        return QStringLiteral("'\\t'");
    case '\v':
        return QStringLiteral("'\\v'");
    case '\\':
        return QStringLiteral("'\\\\'");
    default:
        break;
    }
    if (c < 0x20 || c == 0x7f)
        return QStringLiteral("'\\x%1'").arg(c, 2, 16, QLatin1Char('0'));
    if ((c >= 0x80 && c <= 0xa0) || c == 0xad)
        return QStringLiteral("'\\u%1'").arg(c, 4, 16, QLatin1Char('0'));
    return QLatin1Char('\'') + QChar(char16_t(c)) + QLatin1Char('\'');
}

// utf8.DecodeRune: the code point at p and its length; an invalid sequence is U+FFFD, 1 byte.
inline char32_t decodeRune(const uchar *p, const uchar *end, int &size)
{
    const uchar b0 = p[0];
    size = 1;
    int need = 0;
    char32_t cp = 0;
    uchar lo = 0x80;
    uchar hi = 0xbf;
    if (b0 >= 0xc2 && b0 <= 0xdf) {
        need = 1;
        cp = b0 & 0x1f;
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
        need = 2;
        cp = b0 & 0x0f;
        if (b0 == 0xe0)
            lo = 0xa0;
        else if (b0 == 0xed)
            hi = 0x9f;
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
        need = 3;
        cp = b0 & 0x07;
        if (b0 == 0xf0)
            lo = 0x90;
        else if (b0 == 0xf4)
            hi = 0x8f;
    } else {
        return 0xfffd;
    }
    if (end - p <= need)
        return 0xfffd;
    for (int i = 1; i <= need; ++i) {
        const uchar b = p[i];
        if (b < lo || b > hi)
            return 0xfffd;
        lo = 0x80;
        hi = 0xbf;
        cp = (cp << 6) | (b & 0x3f);
    }
    size = need + 1;
    return cp;
}

inline void appendUtf16(std::u16string &out, char32_t cp)
{
    if (cp < 0x10000) {
        out.push_back(char16_t(cp));
    } else {
        cp -= 0x10000;
        out.push_back(char16_t(0xd800 + (cp >> 10)));
        out.push_back(char16_t(0xdc00 + (cp & 0x3ff)));
    }
}

} // namespace

bool GoJsonReader::syntaxError(const QString &what, qsizetype offset)
{
    if (!m_error.isError()) {
        m_error = CodecError(CodecError::Code::JsonSyntax,
                             QStringLiteral("%1 (at byte offset %2)").arg(what).arg(offset));
    }
    return false;
}

// The scanner counts the offending byte as read: Offset is its index + 1. At the end of the
// input Go's scanner feeds a space, so a value cut inside a number, literal or escape reports
// "invalid character ' '" at the input's length.
bool GoJsonReader::invalidCharacter(const char *context)
{
    const bool atEnd = m_pos >= m_end;
    QString message = QStringLiteral("invalid character ") + quoteChar(atEnd ? ' ' : uchar(*m_pos));
    if (*context)
        message += QLatin1Char(' ') + QLatin1String(context);
    return syntaxError(message, atEnd ? m_end - m_begin : m_pos - m_begin + 1);
}

bool GoJsonReader::unexpectedEnd()
{
    return syntaxError(QStringLiteral("unexpected end of JSON input"), m_end - m_begin);
}

Result<QVariant, CodecError> GoJsonReader::unmarshal(const QByteArray &json)
{
    if (json.size() > m_limits.maxInputSize) {
        return CodecError(CodecError::Code::JsonLimitExceeded,
                          QStringLiteral("json: input of %1 bytes is larger than the limit of %2")
                              .arg(json.size())
                              .arg(m_limits.maxInputSize));
    }
    m_begin = m_pos = json.constData();
    m_end = m_begin + json.size();
    QVariant value;
    skipSpace();
    if (!parseValue(value, 1))
        return m_error;
    skipSpace();
    if (m_pos != m_end) {
        invalidCharacter("after top-level value");
        return m_error;
    }
    if (m_rangeError.isError())
        return m_rangeError;
    return value;
}

void GoJsonReader::skipSpace()
{
    while (m_pos < m_end && isSpace(*m_pos))
        ++m_pos;
}

bool GoJsonReader::parseValue(QVariant &out, int depth)
{
    if (m_pos >= m_end)
        return unexpectedEnd();
    switch (*m_pos) {
    case '{':
        return parseObject(out, depth);
    case '[':
        return parseArray(out, depth);
    case '"': {
        QString text;
        if (!parseString(text))
            return false;
        out = QVariant(text);
        return true;
    }
    case 't':
        if (!parseLiteral("true", 4))
            return false;
        out = QVariant(true);
        return true;
    case 'f':
        if (!parseLiteral("false", 5))
            return false;
        out = QVariant(false);
        return true;
    case 'n':
        if (!parseLiteral("null", 4))
            return false;
        out = QVariant();
        return true;
    default:
        if (*m_pos == '-' || isDigit(*m_pos))
            return parseNumber(out);
        return invalidCharacter("looking for beginning of value");
    }
}

bool GoJsonReader::parseLiteral(const char *literal, qsizetype length)
{
    static const char *const contexts[] = {
        "in literal true (expecting 'r')",  "in literal true (expecting 'u')",
        "in literal true (expecting 'e')",  "in literal false (expecting 'a')",
        "in literal false (expecting 'l')", "in literal false (expecting 's')",
        "in literal false (expecting 'e')", "in literal null (expecting 'u')",
        "in literal null (expecting 'l')",  "in literal null (expecting 'l')",
    };
    const int base = literal[0] == 't' ? 0 : literal[0] == 'f' ? 3 : 7;
    ++m_pos;
    for (qsizetype i = 1; i < length; ++i, ++m_pos) {
        if (m_pos >= m_end || *m_pos != literal[i])
            return invalidCharacter(contexts[base + i - 1]);
    }
    return true;
}

bool GoJsonReader::parseObject(QVariant &out, int depth)
{
    if (depth > m_limits.maxDepth) {
        m_error
            = CodecError(CodecError::Code::JsonLimitExceeded,
                         QStringLiteral("json: values nested deeper than %1 (at byte offset %2)")
                             .arg(m_limits.maxDepth)
                             .arg(m_pos - m_begin + 1));
        return false;
    }
    ++m_pos; // {
    out = QVariant(QMetaType::fromType<QVariantMap>());
    auto *map = static_cast<QVariantMap *>(out.data());
    skipSpace();
    if (m_pos < m_end && *m_pos == '}') {
        ++m_pos;
        return true;
    }
    QString key;
    for (;;) {
        if (m_pos >= m_end)
            return unexpectedEnd();
        if (*m_pos != '"')
            return invalidCharacter("looking for beginning of object key string");
        if (!parseString(key))
            return false;
        skipSpace();
        if (m_pos >= m_end)
            return unexpectedEnd();
        if (*m_pos != ':')
            return invalidCharacter("after object key");
        ++m_pos;
        skipSpace();
        if (!countElement() || !parseValue((*map)[key], depth + 1))
            return false;
        skipSpace();
        if (m_pos >= m_end)
            return unexpectedEnd();
        if (*m_pos == '}') {
            ++m_pos;
            return true;
        }
        if (*m_pos != ',')
            return invalidCharacter("after object key:value pair");
        ++m_pos;
        skipSpace();
    }
}

bool GoJsonReader::parseArray(QVariant &out, int depth)
{
    if (depth > m_limits.maxDepth) {
        m_error
            = CodecError(CodecError::Code::JsonLimitExceeded,
                         QStringLiteral("json: values nested deeper than %1 (at byte offset %2)")
                             .arg(m_limits.maxDepth)
                             .arg(m_pos - m_begin + 1));
        return false;
    }
    ++m_pos; // [
    out = QVariant(QMetaType::fromType<QVariantList>());
    auto *list = static_cast<QVariantList *>(out.data());
    skipSpace();
    if (m_pos < m_end && *m_pos == ']') {
        ++m_pos;
        return true;
    }
    for (;;) {
        if (!countElement() || !parseValue(list->emplaceBack(), depth + 1))
            return false;
        skipSpace();
        if (m_pos >= m_end)
            return unexpectedEnd();
        if (*m_pos == ']') {
            ++m_pos;
            return true;
        }
        if (*m_pos != ',')
            return invalidCharacter("after array element");
        ++m_pos;
        skipSpace();
    }
}

bool GoJsonReader::countElement()
{
    if (++m_elements <= m_limits.maxElements)
        return true;
    m_error = CodecError(CodecError::Code::JsonLimitExceeded,
                         QStringLiteral("json: more than %1 object members and array items "
                                        "(at byte offset %2)")
                             .arg(m_limits.maxElements)
                             .arg(m_pos - m_begin + 1));
    return false;
}

bool GoJsonReader::parseString(QString &out)
{
    ++m_pos; // opening quote
    // Fast path: printable ASCII without escapes.
    const char *start = m_pos;
    while (m_pos < m_end) {
        const uchar c = uchar(*m_pos);
        if (c == '"') {
            out = QString::fromLatin1(start, m_pos - start);
            ++m_pos;
            return true;
        }
        if (c == '\\' || c < 0x20 || c >= 0x80)
            break;
        ++m_pos;
    }
    m_scratch.clear();
    for (const char *p = start; p < m_pos; ++p)
        m_scratch.push_back(char16_t(uchar(*p)));
    while (m_pos < m_end) {
        const uchar c = uchar(*m_pos);
        if (c == '"') {
            ++m_pos;
            out = QString(reinterpret_cast<const QChar *>(m_scratch.data()),
                          qsizetype(m_scratch.size()));
            return true;
        }
        if (c < 0x20)
            return invalidCharacter("in string literal");
        if (c < 0x80 && c != '\\') {
            m_scratch.push_back(char16_t(c));
            ++m_pos;
            continue;
        }
        if (c >= 0x80) {
            int size = 1;
            const char32_t cp = decodeRune(reinterpret_cast<const uchar *>(m_pos),
                                           reinterpret_cast<const uchar *>(m_end), size);
            appendUtf16(m_scratch, cp);
            m_pos += size;
            continue;
        }
        // Escape.
        ++m_pos;
        if (m_pos >= m_end)
            return invalidCharacter("in string escape code");
        char16_t simple = 0;
        switch (*m_pos) {
        case '"':
        case '\\':
        case '/':
            simple = char16_t(*m_pos);
            break;
        case 'b':
            simple = u'\b';
            break;
        case 'f':
            simple = u'\f';
            break;
        case 'n':
            simple = u'\n';
            break;
        case 'r':
            simple = u'\r';
            break;
        case 't':
            simple = u'\t';
            break;
        case 'u':
            break;
        default:
            return invalidCharacter("in string escape code");
        }
        ++m_pos;
        if (simple) {
            m_scratch.push_back(simple);
            continue;
        }
        char32_t unit = 0;
        for (int i = 0; i < 4; ++i, ++m_pos) {
            const int digit = m_pos < m_end ? hexValue(*m_pos) : -1;
            if (digit < 0)
                return invalidCharacter("in \\u hexadecimal character escape");
            unit = (unit << 4) | char32_t(digit);
        }
        if (unit >= 0xd800 && unit < 0xe000) {
            // A surrogate: valid only as a high one followed by an escaped low one; otherwise
            // U+FFFD, and a following escape is read on its own (Go's unquote).
            if (unit < 0xdc00 && m_end - m_pos >= 6 && m_pos[0] == '\\' && m_pos[1] == 'u') {
                char32_t low = 0;
                bool hex = true;
                for (int i = 2; i < 6 && hex; ++i) {
                    const int digit = hexValue(m_pos[i]);
                    hex = digit >= 0;
                    low = (low << 4) | char32_t(digit < 0 ? 0 : digit);
                }
                if (hex && low >= 0xdc00 && low < 0xe000) {
                    m_pos += 6;
                    m_scratch.push_back(char16_t(unit));
                    m_scratch.push_back(char16_t(low));
                    continue;
                }
            }
            unit = 0xfffd;
        }
        m_scratch.push_back(char16_t(unit));
    }
    return unexpectedEnd();
}

bool GoJsonReader::parseNumber(QVariant &out)
{
    const char *start = m_pos;
    if (*m_pos == '-')
        ++m_pos;
    if (m_pos >= m_end)
        return invalidCharacter("in numeric literal");
    if (*m_pos == '0') {
        ++m_pos;
    } else if (isDigit(*m_pos)) {
        while (m_pos < m_end && isDigit(*m_pos))
            ++m_pos;
    } else {
        return invalidCharacter("in numeric literal");
    }
    if (m_pos < m_end && *m_pos == '.') {
        ++m_pos;
        if (m_pos >= m_end || !isDigit(*m_pos))
            return invalidCharacter("after decimal point in numeric literal");
        while (m_pos < m_end && isDigit(*m_pos))
            ++m_pos;
    }
    if (m_pos < m_end && (*m_pos == 'e' || *m_pos == 'E')) {
        ++m_pos;
        if (m_pos < m_end && (*m_pos == '+' || *m_pos == '-'))
            ++m_pos;
        if (m_pos >= m_end || !isDigit(*m_pos))
            return invalidCharacter("in exponent of numeric literal");
        while (m_pos < m_end && isDigit(*m_pos))
            ++m_pos;
    }

    double value = 0;
    const std::from_chars_result result = std::from_chars(start, m_pos, value);
    if (result.ec == std::errc::result_out_of_range) {
        // ParseFloat: underflow rounds to (signed) zero without error; overflow is an error.
        // Decide by the decimal exponent of the first significant digit.
        const char *p = start + (*start == '-' ? 1 : 0);
        qint64 magnitude = 0;
        bool seenDigit = false;
        bool afterPoint = false;
        for (; p < m_pos && *p != 'e' && *p != 'E'; ++p) {
            if (*p == '.') {
                afterPoint = true;
                continue;
            }
            if (!seenDigit && *p == '0') {
                if (afterPoint)
                    --magnitude;
                continue;
            }
            if (!seenDigit) {
                seenDigit = true;
                if (afterPoint)
                    --magnitude;
            } else if (!afterPoint) {
                ++magnitude;
            }
        }
        qint64 exponent = 0;
        if (p < m_pos) {
            ++p;
            const bool negative = *p == '-';
            if (*p == '+' || *p == '-')
                ++p;
            for (; p < m_pos; ++p)
                exponent = qMin<qint64>(exponent * 10 + (*p - '0'), qint64(1) << 40);
            if (negative)
                exponent = -exponent;
        }
        if (magnitude + exponent < 0) {
            value = *start == '-' ? -0.0 : 0.0;
        } else {
            if (!m_rangeError.isError()) {
                m_rangeError = CodecError(
                    CodecError::Code::JsonUnsupportedValue,
                    QStringLiteral("json: cannot unmarshal number %1 into Go value of type "
                                   "float64")
                        .arg(QString::fromLatin1(start, qMin<qsizetype>(m_pos - start, 64))));
            }
            value = 0;
        }
    } else if (result.ec != std::errc() || result.ptr != m_pos) {
        return syntaxError(QStringLiteral("invalid number"), start - m_begin + 1);
    }
    out = QVariant(value);
    return true;
}

} // namespace RediStore
