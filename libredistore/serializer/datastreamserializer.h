#ifndef REDISTORE_DATASTREAMSERIALIZER_H
#define REDISTORE_DATASTREAMSERIALIZER_H

#include <libredistore/serializer/sessionserializer.h>

namespace RediStore {

// The Qt-native format and the stores' default: a 5-byte header (the magic bytes 00 'R' 'S' 'D'
// and format version 1), then the QVariantMap written by QDataStream at the fixed version
// Qt_6_4, so newer Qt versions keep reading what older ones stored.
//
// It holds every QtCore value type QDataStream supports and the containers, nested as deep as
// the limits allow: the numbers, bool, QChar, QString, QByteArray, QBitArray, QDate, QTime,
// QDateTime, QUrl, QUuid, QLocale, QRegularExpression, the geometry types (QPoint, QRectF ...),
// QJsonValue/Object/Array/Document, QCborValue/Array/Map, QVariantList, QVariantMap,
// QVariantHash, QVariantPair, QStringList, QByteArrayList, null QVariants, and the
// application's own types registered with QMetaType and stream operators. Types that are not
// safe to read from stored bytes are refused on both sides: QEasingCurve (its stream format
// carries a function pointer), a QVariant nested in a QVariant, pointers, and GUI types.
//
// Reading checks every count and length against the remaining input before anything is
// allocated, bounds nesting, and never lets QDataStream reserve what the input asks for:
// corrupt, truncated or hostile bytes give a typed error.
class REDISTORE_EXPORT DataStreamSerializer final : public SessionSerializer
{
public:
    struct Limits
    {
        qsizetype maxInputSize = 64 * 1024 * 1024;
        int maxDepth = 64;
    };

    DataStreamSerializer() = default;
    explicit DataStreamSerializer(const Limits &limits)
        : m_limits(limits)
    { }

    QString name() const override;
    Result<QByteArray, SerializerError> serialize(const QVariantMap &values) const override;
    Result<QVariantMap, SerializerError> deserialize(const QByteArray &bytes) const override;

    // Whether bytes start with this format's magic (any version).
    static bool hasMagic(const QByteArray &bytes);
    static constexpr quint8 FormatVersion = 1;

private:
    Limits m_limits;
};

} // namespace RediStore

#endif // REDISTORE_DATASTREAMSERIALIZER_H
