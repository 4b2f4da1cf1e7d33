#ifndef REDISTORE_GOJSONWRITER_P_H
#define REDISTORE_GOJSONWRITER_P_H

#include <libredistore/codec/gojson.h>

#include <QtCore/QStringView>

namespace RediStore {

// json.Marshal with Go's encodeState: HTML-safe string escaping, sorted map keys, Go's float
// format, compact output.
class GoJsonWriter
{
public:
    Result<QByteArray, CodecError> marshal(const QVariant &value);

    // Go's encodeState.string(s, escapeHTML=true) for a Qt string (UTF-16; a lone surrogate,
    // which Go would see as invalid UTF-8, becomes \ufffd as Go writes invalid bytes).
    static void appendString(QByteArray &out, QStringView text);
    // Go's floatEncoder: strconv 'f' shortest, 'e' below 1e-6 and from 1e21, e-07 -> e-7.
    static void appendFloat(QByteArray &out, double value, bool is32);

private:
    bool fail(CodecError::Code code, const QString &message);
    bool write(const QVariant &value, int depth);
    template<typename Map> bool writeMap(const Map &map, int depth);

    QByteArray m_out;
    CodecError m_error;
};

} // namespace RediStore

#endif // REDISTORE_GOJSONWRITER_P_H
