#include "sessionvaluejson.h"

#include <QtCore/QDataStream>
#include <QtCore/QDateTime>
#include <QtCore/QIODevice>
#include <QtCore/QJsonArray>

#include <cmath>
#include <limits>

namespace RediStore {

namespace {

// Integers JSON tools read exactly (doubles hold 53 bits).
constexpr qint64 exactLimit = qint64(1) << 53;

QJsonObject typed(const QString &type, const QJsonValue &value)
{
    return QJsonObject { { QStringLiteral("type"), type }, { QStringLiteral("value"), value } };
}

QJsonValue signedNumber(qint64 number)
{
    if (number > -exactLimit && number < exactLimit)
        return QJsonValue(double(number));
    return QJsonValue(QString::number(number));
}

QJsonValue unsignedNumber(quint64 number)
{
    if (number < quint64(exactLimit))
        return QJsonValue(double(number));
    return QJsonValue(QString::number(number));
}

QJsonValue floatNumber(double number)
{
    if (std::isnan(number))
        return QStringLiteral("NaN");
    if (std::isinf(number))
        return number > 0 ? QStringLiteral("Infinity") : QStringLiteral("-Infinity");
    return number;
}

QJsonValue base64(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toBase64());
}

QString joinPath(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + QLatin1Char('.') + key;
}

QString indexPath(const QString &path, qsizetype index)
{
    return (path.isEmpty() ? QStringLiteral("value") : path) + QLatin1Char('[')
        + QString::number(index) + QLatin1Char(']');
}

QString where(const QString &path)
{
    return path.isEmpty() ? QStringLiteral("value") : path;
}

std::optional<qint64> toSigned(const QJsonValue &value)
{
    if (value.isString()) {
        bool ok = false;
        const qint64 number = value.toString().toLongLong(&ok);
        return ok ? std::optional<qint64>(number) : std::nullopt;
    }
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    if (number != std::floor(number) || number <= -9.3e18 || number >= 9.3e18)
        return std::nullopt;
    return qint64(number);
}

std::optional<quint64> toUnsigned(const QJsonValue &value)
{
    if (value.isString()) {
        bool ok = false;
        const quint64 number = value.toString().toULongLong(&ok);
        return ok ? std::optional<quint64>(number) : std::nullopt;
    }
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    if (number != std::floor(number) || number < 0 || number >= 1.8e19)
        return std::nullopt;
    return quint64(number);
}

std::optional<double> toFloat(const QJsonValue &value)
{
    if (value.isDouble())
        return value.toDouble();
    const QString text = value.toString();
    if (text == QLatin1String("NaN"))
        return std::numeric_limits<double>::quiet_NaN();
    if (text == QLatin1String("Infinity"))
        return std::numeric_limits<double>::infinity();
    if (text == QLatin1String("-Infinity"))
        return -std::numeric_limits<double>::infinity();
    return std::nullopt;
}

std::optional<QByteArray> fromBase64(const QJsonValue &value)
{
    if (!value.isString())
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(value.toString().toLatin1(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return decoded.decoded;
}

} // namespace

QJsonObject SessionValueJson::toJson(const QVariant &value)
{
    switch (value.metaType().id()) {
    case QMetaType::UnknownType:
    case QMetaType::Nullptr:
        return typed(QStringLiteral("null"), QJsonValue::Null);
    case QMetaType::QString:
        return typed(QStringLiteral("string"), value.toString());
    case QMetaType::Int:
        return typed(QStringLiteral("int32"), value.toInt());
    case QMetaType::LongLong:
        return typed(QStringLiteral("int64"), signedNumber(value.toLongLong()));
    case QMetaType::UInt:
        return typed(QStringLiteral("uint32"), double(value.toUInt()));
    case QMetaType::ULongLong:
        return typed(QStringLiteral("uint64"), unsignedNumber(value.toULongLong()));
    case QMetaType::Double:
        return typed(QStringLiteral("double"), floatNumber(value.toDouble()));
    case QMetaType::Float:
        return typed(QStringLiteral("float"), floatNumber(double(value.toFloat())));
    case QMetaType::Bool:
        return typed(QStringLiteral("bool"), value.toBool());
    case QMetaType::QDateTime:
        return typed(QStringLiteral("datetime"), value.toDateTime().toString(Qt::ISODateWithMs));
    case QMetaType::QDate:
        return typed(QStringLiteral("date"), value.toDate().toString(Qt::ISODate));
    case QMetaType::QByteArray:
        return typed(QStringLiteral("bytes"), base64(value.toByteArray()));
    case QMetaType::QVariantMap:
        return typed(QStringLiteral("map"), mapToJson(value.toMap()));
    case QMetaType::QVariantHash: {
        QJsonObject object;
        const QVariantHash hash = value.toHash();
        for (auto it = hash.cbegin(); it != hash.cend(); ++it)
            object.insert(it.key(), toJson(it.value()));
        return typed(QStringLiteral("hash"), object);
    }
    case QMetaType::QVariantList: {
        QJsonArray array;
        const QVariantList list = value.toList();
        for (const QVariant &item : list)
            array.append(toJson(item));
        return typed(QStringLiteral("list"), array);
    }
    case QMetaType::QStringList: {
        QJsonArray array;
        const QStringList list = value.toStringList();
        for (const QString &item : list)
            array.append(toJson(item));
        return typed(QStringLiteral("stringlist"), array);
    }
    default:
        break;
    }
    // Anything else QDataStream knows (QUrl, QTime, QUuid, ...) goes through it unchanged.
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_0);
    out << value;
    return typed(QStringLiteral("qvariant"), base64(bytes));
}

QJsonObject SessionValueJson::mapToJson(const QVariantMap &values)
{
    QJsonObject object;
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        object.insert(it.key(), toJson(it.value()));
    return object;
}

std::optional<QVariantMap> SessionValueJson::mapFromJson(const QJsonValue &object, QString *error,
                                                         const QString &path)
{
    if (!object.isObject()) {
        *error = QStringLiteral("%1: not a JSON object of typed values").arg(where(path));
        return std::nullopt;
    }
    QVariantMap map;
    const QJsonObject entries = object.toObject();
    for (auto it = entries.constBegin(); it != entries.constEnd(); ++it) {
        auto value = fromJson(it.value(), error, joinPath(path, it.key()));
        if (!value)
            return std::nullopt;
        map.insert(it.key(), *value);
    }
    return map;
}

std::optional<QVariant> SessionValueJson::fromJson(const QJsonValue &typedValue, QString *error,
                                                   const QString &path)
{
    const QJsonObject object = typedValue.toObject();
    const QString type = object.value(QLatin1String("type")).toString();
    const QJsonValue value = object.value(QLatin1String("value"));
    auto bad = [&](const QString &expected) {
        *error = QStringLiteral("%1: a %2 value must be %3").arg(where(path), type, expected);
        return std::nullopt;
    };
    if (!typedValue.isObject() || type.isEmpty()) {
        *error = QStringLiteral("%1: not a typed value ({\"type\": ..., \"value\": ...})")
                     .arg(where(path));
        return std::nullopt;
    }
    if (type == QLatin1String("null"))
        return QVariant();
    if (type == QLatin1String("string")) {
        if (!value.isString())
            return bad(QStringLiteral("a string"));
        return QVariant(value.toString());
    }
    if (type == QLatin1String("int32") || type == QLatin1String("int64")) {
        const auto number = toSigned(value);
        if (!number)
            return bad(QStringLiteral("an integer"));
        if (type == QLatin1String("int64"))
            return QVariant::fromValue(*number);
        if (*number < std::numeric_limits<int>::min() || *number > std::numeric_limits<int>::max())
            return bad(QStringLiteral("a 32-bit integer"));
        return QVariant(int(*number));
    }
    if (type == QLatin1String("uint32") || type == QLatin1String("uint64")) {
        const auto number = toUnsigned(value);
        if (!number)
            return bad(QStringLiteral("an integer of 0 or more"));
        if (type == QLatin1String("uint64"))
            return QVariant::fromValue(*number);
        if (*number > std::numeric_limits<uint>::max())
            return bad(QStringLiteral("a 32-bit unsigned integer"));
        return QVariant(uint(*number));
    }
    if (type == QLatin1String("double") || type == QLatin1String("float")) {
        const auto number = toFloat(value);
        if (!number)
            return bad(QStringLiteral("a number, \"NaN\", \"Infinity\" or \"-Infinity\""));
        return type == QLatin1String("float") ? QVariant(float(*number)) : QVariant(*number);
    }
    if (type == QLatin1String("bool")) {
        if (!value.isBool())
            return bad(QStringLiteral("true or false"));
        return QVariant(value.toBool());
    }
    if (type == QLatin1String("datetime")) {
        const QString text = value.toString();
        const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (!value.isString() || (!text.isEmpty() && !time.isValid()))
            return bad(QStringLiteral("an ISO 8601 date and time"));
        return QVariant(time);
    }
    if (type == QLatin1String("date")) {
        const QString text = value.toString();
        const QDate date = QDate::fromString(text, Qt::ISODate);
        if (!value.isString() || (!text.isEmpty() && !date.isValid()))
            return bad(QStringLiteral("an ISO 8601 date"));
        return QVariant(date);
    }
    if (type == QLatin1String("bytes")) {
        const auto bytes = fromBase64(value);
        if (!bytes)
            return bad(QStringLiteral("base64 text"));
        return QVariant(*bytes);
    }
    if (type == QLatin1String("map")) {
        auto map = mapFromJson(value, error, path);
        if (!map)
            return std::nullopt;
        return QVariant(*map);
    }
    if (type == QLatin1String("hash")) {
        auto map = mapFromJson(value, error, path);
        if (!map)
            return std::nullopt;
        QVariantHash hash;
        for (auto it = map->cbegin(); it != map->cend(); ++it)
            hash.insert(it.key(), it.value());
        return QVariant(hash);
    }
    if (type == QLatin1String("list") || type == QLatin1String("stringlist")) {
        if (!value.isArray())
            return bad(QStringLiteral("an array of typed values"));
        const QJsonArray array = value.toArray();
        QVariantList list;
        QStringList strings;
        for (qsizetype i = 0; i < array.size(); ++i) {
            auto item = fromJson(array.at(i), error, indexPath(path, i));
            if (!item)
                return std::nullopt;
            if (type == QLatin1String("stringlist")) {
                if (item->metaType().id() != QMetaType::QString) {
                    *error = QStringLiteral("%1: a stringlist holds strings only")
                                 .arg(indexPath(path, i));
                    return std::nullopt;
                }
                strings.append(item->toString());
            } else {
                list.append(*item);
            }
        }
        return type == QLatin1String("list") ? QVariant(list) : QVariant(strings);
    }
    if (type == QLatin1String("qvariant")) {
        const auto bytes = fromBase64(value);
        if (!bytes)
            return bad(QStringLiteral("base64 text"));
        QDataStream in(*bytes);
        in.setVersion(QDataStream::Qt_6_0);
        QVariant streamed;
        in >> streamed;
        if (in.status() != QDataStream::Ok || !in.atEnd())
            return bad(QStringLiteral("a QVariant streamed by QDataStream, in base64"));
        return streamed;
    }
    *error = QStringLiteral("%1: unknown type '%2'").arg(where(path), type);
    return std::nullopt;
}

} // namespace RediStore
