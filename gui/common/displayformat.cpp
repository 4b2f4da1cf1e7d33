#include "common/displayformat.h"

#include <QtCore/QDateTime>
#include <QtCore/QLocale>
#include <QtCore/QStringList>

namespace RediStore::Admin {

QString DisplayFormat::ttl(qint64 ms)
{
    if (ms == -1)
        return tr("no expiry");
    if (ms == -2)
        return tr("gone");
    if (ms <= 0)
        return tr("expired");
    const qint64 seconds = (ms + 999) / 1000;
    const qint64 days = seconds / 86400;
    const qint64 hours = (seconds % 86400) / 3600;
    const qint64 minutes = (seconds % 3600) / 60;
    const qint64 secs = seconds % 60;
    if (days > 0)
        return tr("%1d %2h").arg(days).arg(hours, 2, 10, QLatin1Char('0'));
    if (hours > 0)
        return tr("%1h %2m").arg(hours).arg(minutes, 2, 10, QLatin1Char('0'));
    if (minutes > 0)
        return tr("%1m %2s").arg(minutes).arg(secs, 2, 10, QLatin1Char('0'));
    return tr("%1s").arg(secs);
}

QString DisplayFormat::duration(qint64 seconds)
{
    if (seconds <= 0)
        return tr("now");
    const qint64 days = seconds / 86400;
    const qint64 hours = (seconds % 86400) / 3600;
    const qint64 minutes = (seconds % 3600) / 60;
    const qint64 secs = seconds % 60;
    QStringList parts;
    if (days > 0)
        parts << tr("%n day(s)", nullptr, int(qMin(days, qint64(INT_MAX))));
    if (hours > 0)
        parts << tr("%n hour(s)", nullptr, int(hours));
    if (minutes > 0 && days == 0)
        parts << tr("%n minute(s)", nullptr, int(minutes));
    if (secs > 0 && days == 0 && hours == 0)
        parts << tr("%n second(s)", nullptr, int(secs));
    return parts.join(QLatin1Char(' '));
}

QString DisplayFormat::size(qint64 bytes)
{
    if (bytes < 1024)
        return tr("%n byte(s)", nullptr, int(bytes));
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeIecFormat);
}

QString DisplayFormat::count(qint64 number)
{
    return QLocale().toString(number);
}

QString DisplayFormat::valueSummary(const QVariant &value, int maxLength)
{
    QString text;
    switch (value.metaType().id()) {
    case QMetaType::UnknownType:
    case QMetaType::Nullptr:
        text = QStringLiteral("null");
        break;
    case QMetaType::Bool:
        text = value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        break;
    case QMetaType::QByteArray: {
        const QByteArray bytes = value.toByteArray();
        text = QStringLiteral("0x") + QString::fromLatin1(bytes.left(maxLength / 2).toHex());
        break;
    }
    case QMetaType::QVariantList:
    case QMetaType::QStringList:
        text = tr("[%n item(s)]", nullptr, int(value.toList().size()));
        break;
    case QMetaType::QVariantMap:
    case QMetaType::QVariantHash:
        text = tr("{%n entry(s)}", nullptr, int(value.toMap().size()));
        break;
    case QMetaType::QDateTime:
        text = value.toDateTime().toString(Qt::ISODate);
        break;
    case QMetaType::Double:
    case QMetaType::Float:
        text = QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
        break;
    default:
        text = value.toString();
        if (text.isEmpty() && !value.canConvert<QString>())
            text = QStringLiteral("<%1>").arg(QString::fromLatin1(value.typeName()));
        break;
    }
    text.replace(QLatin1Char('\n'), QChar(0x21b5));
    if (maxLength > 0 && text.size() > maxLength)
        text = text.left(maxLength - 1) + QChar(0x2026);
    return text;
}

QString DisplayFormat::preview(const QVariantMap &values, int maxLength)
{
    if (values.isEmpty())
        return tr("(no values)");
    // Who the session belongs to first: that is what an operator looks for.
    static const QStringList identity
        = { QStringLiteral("user"),    QStringLiteral("username"), QStringLiteral("user_name"),
            QStringLiteral("login"),   QStringLiteral("name"),     QStringLiteral("email"),
            QStringLiteral("user_id"), QStringLiteral("userid"),   QStringLiteral("uid"),
            QStringLiteral("account"), QStringLiteral("roles"),    QStringLiteral("role") };
    QStringList keys;
    for (const QString &wanted : identity) {
        for (auto it = values.cbegin(); it != values.cend(); ++it) {
            if (it.key().compare(wanted, Qt::CaseInsensitive) == 0 && !keys.contains(it.key()))
                keys << it.key();
        }
    }
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        if (!keys.contains(it.key()))
            keys << it.key();
    }
    QString text;
    for (const QString &key : std::as_const(keys)) {
        if (!text.isEmpty())
            text += QStringLiteral("  \u00b7  ");
        text += key + QStringLiteral(": ") + valueSummary(values.value(key), 40);
        if (text.size() > maxLength)
            return text.left(maxLength - 1) + QChar(0x2026);
    }
    return text;
}

static void appendSearchText(QString &out, const QVariant &value)
{
    switch (value.metaType().id()) {
    case QMetaType::QVariantMap:
    case QMetaType::QVariantHash: {
        const QVariantMap map = value.toMap();
        for (auto it = map.cbegin(); it != map.cend(); ++it) {
            out += it.key() + QLatin1Char('\n');
            appendSearchText(out, it.value());
        }
        break;
    }
    case QMetaType::QVariantList:
    case QMetaType::QStringList: {
        const QVariantList list = value.toList();
        for (const QVariant &item : list)
            appendSearchText(out, item);
        break;
    }
    case QMetaType::QByteArray:
        out += DisplayFormat::printable(value.toByteArray()) + QLatin1Char('\n');
        break;
    default:
        out += DisplayFormat::valueSummary(value, -1) + QLatin1Char('\n');
        break;
    }
}

QString DisplayFormat::searchText(const QVariantMap &values)
{
    QString text;
    appendSearchText(text, values);
    return text;
}

QString DisplayFormat::printable(const QByteArray &bytes, int maxLength)
{
    const QByteArray part = maxLength >= 0 ? bytes.left(maxLength) : bytes;
    QString text = QString::fromUtf8(part);
    for (QChar &c : text) {
        if (c == QChar::ReplacementCharacter || (!c.isPrint() && c != QLatin1Char('\n')))
            c = QChar(0x00b7);
    }
    return text;
}

} // namespace RediStore::Admin
