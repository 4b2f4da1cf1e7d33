#ifndef REDISTORE_GOJSONREADER_P_H
#define REDISTORE_GOJSONREADER_P_H

#include <libredistore/codec/gojson.h>

#include <string>

namespace RediStore {

// json.Unmarshal into interface{}: RFC 8259 syntax checked as strictly as Go's scanner, with
// Go's error texts and offsets (bytes read when the error was seen); strings decoded as Go's
// unquote does (invalid UTF-8 and lone surrogate escapes become U+FFFD); numbers become double
// as strconv.ParseFloat gives them (out of range is an error, underflow gives 0).
class GoJsonReader
{
public:
    explicit GoJsonReader(const GoJson::Limits &limits)
        : m_limits(limits)
    { }

    Result<QVariant, CodecError> unmarshal(const QByteArray &json);

private:
    bool syntaxError(const QString &what, qsizetype offset);
    bool invalidCharacter(const char *context);
    bool unexpectedEnd();

    void skipSpace();
    bool parseValue(QVariant &out, int depth);
    bool parseObject(QVariant &out, int depth);
    bool parseArray(QVariant &out, int depth);
    bool countElement();
    bool parseString(QString &out);
    bool parseNumber(QVariant &out);
    bool parseLiteral(const char *literal, qsizetype length);

    GoJson::Limits m_limits;
    const char *m_begin = nullptr;
    const char *m_pos = nullptr;
    const char *m_end = nullptr;
    std::u16string m_scratch;
    CodecError m_error;
    CodecError m_rangeError; // reported only if the whole input is valid JSON, as Go does
    qsizetype m_elements = 0;
};

} // namespace RediStore

#endif // REDISTORE_GOJSONREADER_P_H
