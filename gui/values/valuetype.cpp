#include "values/valuetype.h"

#include "common/displayformat.h"

#include <QtCore/QDateTime>
#include <QtCore/QLocale>

namespace RediStore::Admin {

ValueKind ValueType::kindOf(const QVariant &value)
{
    switch (value.metaType().id()) {
    case QMetaType::UnknownType:
    case QMetaType::Nullptr:
        return ValueKind::Null;
    case QMetaType::QString:
    case QMetaType::QChar:
        return ValueKind::String;
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::Long:
    case QMetaType::Short:
    case QMetaType::SChar:
    case QMetaType::Char:
        return ValueKind::Integer;
    case QMetaType::UInt:
    case QMetaType::ULongLong:
    case QMetaType::ULong:
    case QMetaType::UShort:
    case QMetaType::UChar:
        return ValueKind::Unsigned;
    case QMetaType::Double:
    case QMetaType::Float:
        return ValueKind::Float;
    case QMetaType::Bool:
        return ValueKind::Boolean;
    case QMetaType::QDateTime:
        return ValueKind::DateTime;
    case QMetaType::QDate:
        return ValueKind::Date;
    case QMetaType::QByteArray:
        return ValueKind::Bytes;
    case QMetaType::QVariantMap:
    case QMetaType::QVariantHash:
        return ValueKind::Map;
    case QMetaType::QVariantList:
    case QMetaType::QStringList:
        return ValueKind::List;
    default:
        return ValueKind::Other;
    }
}

QString ValueType::name(ValueKind kind)
{
    switch (kind) {
    case ValueKind::Null:
        return tr("Null");
    case ValueKind::String:
        return tr("String");
    case ValueKind::Integer:
        return tr("Integer");
    case ValueKind::Unsigned:
        return tr("Unsigned integer");
    case ValueKind::Float:
        return tr("Floating point");
    case ValueKind::Boolean:
        return tr("Boolean");
    case ValueKind::DateTime:
        return tr("Date and time");
    case ValueKind::Date:
        return tr("Date");
    case ValueKind::Bytes:
        return tr("Bytes");
    case ValueKind::Map:
        return tr("Map");
    case ValueKind::List:
        return tr("List");
    case ValueKind::Other:
        break;
    }
    return tr("Other");
}

QList<ValueKind> ValueType::choosableKinds()
{
    return { ValueKind::String,  ValueKind::Integer,  ValueKind::Unsigned, ValueKind::Float,
             ValueKind::Boolean, ValueKind::DateTime, ValueKind::Date,     ValueKind::Bytes,
             ValueKind::Map,     ValueKind::List,     ValueKind::Null };
}

QVariant ValueType::defaultValue(ValueKind kind)
{
    switch (kind) {
    case ValueKind::String:
        return QString();
    case ValueKind::Integer:
        return QVariant::fromValue(qint64(0));
    case ValueKind::Unsigned:
        return QVariant::fromValue(quint64(0));
    case ValueKind::Float:
        return 0.0;
    case ValueKind::Boolean:
        return false;
    case ValueKind::DateTime: {
        QDateTime now = QDateTime::currentDateTimeUtc();
        now.setTime(QTime(now.time().hour(), now.time().minute(), now.time().second()));
        return now;
    }
    case ValueKind::Date:
        return QDate::currentDate();
    case ValueKind::Bytes:
        return QByteArray();
    case ValueKind::Map:
        return QVariantMap();
    case ValueKind::List:
        return QVariantList();
    case ValueKind::Null:
    case ValueKind::Other:
        break;
    }
    return QVariant();
}

QString ValueType::displayText(const QVariant &value)
{
    switch (kindOf(value)) {
    case ValueKind::Null:
        return QStringLiteral("null");
    case ValueKind::Bytes: {
        const QByteArray bytes = value.toByteArray();
        QString hex = QString::fromLatin1(bytes.left(48).toHex(' '));
        if (bytes.size() > 48)
            hex += QStringLiteral(" \u2026");
        return tr("%1 (%n byte(s))", nullptr, int(bytes.size())).arg(hex);
    }
    case ValueKind::DateTime:
        return value.toDateTime().toString(Qt::ISODateWithMs);
    case ValueKind::Date:
        return value.toDate().toString(Qt::ISODate);
    case ValueKind::Other:
        return DisplayFormat::valueSummary(value, 200);
    default:
        return DisplayFormat::valueSummary(value, -1);
    }
}

QString ValueType::editText(const QVariant &value)
{
    switch (kindOf(value)) {
    case ValueKind::Bytes:
        return QString::fromLatin1(value.toByteArray().toHex(' '));
    case ValueKind::DateTime:
        return value.toDateTime().toString(Qt::ISODateWithMs);
    case ValueKind::Date:
        return value.toDate().toString(Qt::ISODate);
    case ValueKind::Float:
        return QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
    case ValueKind::Boolean:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    default:
        return value.toString();
    }
}

static QVariant castLike(const QVariant &value, QMetaType like)
{
    if (!like.isValid() || like == value.metaType())
        return value;
    QVariant converted = value;
    if (converted.convert(like) && converted.toString() == value.toString())
        return converted;
    return value; // does not fit the old type (e.g. too large for int): keep the wide one
}

std::optional<QVariant> ValueType::fromText(ValueKind kind, const QString &text, QMetaType like)
{
    const QString trimmed = text.trimmed();
    bool ok = false;
    switch (kind) {
    case ValueKind::String:
        return QVariant(text);
    case ValueKind::Integer: {
        const qint64 number = trimmed.toLongLong(&ok);
        if (!ok)
            return std::nullopt;
        return castLike(QVariant::fromValue(number), like);
    }
    case ValueKind::Unsigned: {
        const quint64 number = trimmed.toULongLong(&ok);
        if (!ok)
            return std::nullopt;
        return castLike(QVariant::fromValue(number), like);
    }
    case ValueKind::Float: {
        const double number = trimmed.toDouble(&ok);
        if (!ok)
            return std::nullopt;
        if (like.id() == QMetaType::Float)
            return QVariant(float(number));
        return QVariant(number);
    }
    case ValueKind::Boolean:
        if (trimmed.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0
            || trimmed == QLatin1String("1"))
            return QVariant(true);
        if (trimmed.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0
            || trimmed == QLatin1String("0"))
            return QVariant(false);
        return std::nullopt;
    case ValueKind::DateTime: {
        const QDateTime time = QDateTime::fromString(trimmed, Qt::ISODateWithMs);
        if (!time.isValid())
            return std::nullopt;
        return QVariant(time);
    }
    case ValueKind::Date: {
        const QDate date = QDate::fromString(trimmed, Qt::ISODate);
        if (!date.isValid())
            return std::nullopt;
        return QVariant(date);
    }
    case ValueKind::Bytes: {
        QString hex = trimmed;
        hex.remove(QLatin1Char(' '));
        if (hex.size() % 2 != 0)
            return std::nullopt;
        for (const QChar c : hex) {
            if (!c.isDigit()
                && !(c.toLower() >= QLatin1Char('a') && c.toLower() <= QLatin1Char('f')))
                return std::nullopt;
        }
        return QVariant(QByteArray::fromHex(hex.toLatin1()));
    }
    case ValueKind::Null:
        return QVariant();
    case ValueKind::Map:
    case ValueKind::List:
    case ValueKind::Other:
        break;
    }
    return std::nullopt;
}

QVariant ValueType::convert(const QVariant &value, ValueKind kind)
{
    const ValueKind from = kindOf(value);
    if (from == kind)
        return value;
    if (kind == ValueKind::Map) {
        QVariantMap map;
        if (from == ValueKind::List) {
            const QVariantList list = value.toList();
            for (qsizetype i = 0; i < list.size(); ++i)
                map.insert(QString::number(i), list.at(i));
        }
        return map;
    }
    if (kind == ValueKind::List) {
        if (from == ValueKind::Map)
            return QVariant(value.toMap().values());
        if (from == ValueKind::Null)
            return QVariantList();
        return QVariantList { value };
    }
    if (isContainer(from))
        return defaultValue(kind);
    if (kind == ValueKind::String && from == ValueKind::Bytes)
        return QString::fromUtf8(value.toByteArray());
    if (kind == ValueKind::Bytes && from == ValueKind::String)
        return value.toString().toUtf8();
    if (auto parsed = fromText(kind, editText(value)))
        return *parsed;
    return defaultValue(kind);
}

} // namespace RediStore::Admin
