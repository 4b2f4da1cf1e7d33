#ifndef REDISTORE_SESSIONVALUEJSON_H
#define REDISTORE_SESSIONVALUEJSON_H

#include <libredistore/redistore_export.h>

#include <QtCore/QJsonObject>
#include <QtCore/QJsonValue>
#include <QtCore/QString>
#include <QtCore/QVariant>

#include <optional>

namespace RediStore {

// Session values as typed JSON, so that they come back with the exact Qt type they had (an
// int stays an int, a qint64 a qint64, bytes stay bytes, a time a time): each value is
// {"type": NAME, "value": ...}. The names follow the kinds the admin app's value tree shows:
//
//   "null"                         an invalid QVariant (Null)
//   "string"                       QString (String)
//   "int32", "int64"               int, qint64 (Integer)
//   "uint32", "uint64"             uint, quint64 (Unsigned integer); 64-bit numbers beyond
//                                  2^53 are written as decimal strings, which JSON numbers
//                                  (doubles in most tools) would round
//   "double", "float"              double, float (Floating point); "NaN", "Infinity",
//                                  "-Infinity" as strings
//   "bool"                         bool (Boolean)
//   "datetime"                     QDateTime, ISO 8601 with milliseconds (Date and time)
//   "date"                         QDate, ISO 8601 (Date)
//   "bytes"                        QByteArray, base64 (Bytes)
//   "map", "hash"                  QVariantMap, QVariantHash: an object of typed values (Map)
//   "list", "stringlist"           QVariantList, QStringList: an array of typed values (List)
//   "qvariant"                     any other type QDataStream can write, as base64 of the
//                                  QVariant streamed with QDataStream::Qt_6_0 (Other)
class REDISTORE_EXPORT SessionValueJson
{
public:
    static QJsonObject toJson(const QVariant &value);
    // A map's entries, each a typed value (a session's "values" object).
    static QJsonObject mapToJson(const QVariantMap &values);

    // The value typed JSON describes; nothing, with *error set ("values.cart[2]: ..."), when
    // it is not a typed value. path names where the value is, for messages.
    static std::optional<QVariant> fromJson(const QJsonValue &typed, QString *error,
                                            const QString &path = QString());
    static std::optional<QVariantMap> mapFromJson(const QJsonValue &object, QString *error,
                                                  const QString &path = QString());
};

} // namespace RediStore

#endif // REDISTORE_SESSIONVALUEJSON_H
