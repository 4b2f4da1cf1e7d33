#ifndef REDISTORE_TEST_GOVALUES_H
#define REDISTORE_TEST_GOVALUES_H

// Helpers shared by the gob/JSON codec and serializer tests: the Go vectors' typed rendering
// as QVariant, a strict comparison (types and bits, not QVariant's converting operator==),
// readable descriptions, and random session values.

#include <QtCore/QByteArray>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonObject>
#include <QtCore/QRandomGenerator>
#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtCore/QVariant>

#include <cstring>

namespace RediStore::Test {

inline double doubleFromHexBits(const QString &hex)
{
    const quint64 bits = hex.toULongLong(nullptr, 16);
    double value;
    std::memcpy(&value, &bits, sizeof value);
    return value;
}

inline quint64 bitsOf(double value)
{
    quint64 bits;
    std::memcpy(&bits, &value, sizeof bits);
    return bits;
}

// {type, v} / {type, entries} / {type, items} / {type, hex} / {type: "nil"} -> QVariant, typed
// as the gob decoder gives Go values: ints qint64, uints quint64, floats double.
inline QVariant fromGoRendering(const QJsonObject &rendering)
{
    const QString type = rendering.value(QStringLiteral("type")).toString();
    const QJsonValue v = rendering.value(QStringLiteral("v"));
    if (type == QStringLiteral("nil"))
        return QVariant();
    if (type == QStringLiteral("string")) {
        if (rendering.contains(QStringLiteral("len")))
            return QString(rendering.value(QStringLiteral("len")).toInt(), QLatin1Char('x'));
        return v.toString();
    }
    if (type == QStringLiteral("bool"))
        return v.toBool();
    if (type.startsWith(QStringLiteral("int")))
        return QVariant(qlonglong(v.toInteger()));
    if (type.startsWith(QStringLiteral("uint")))
        return QVariant(qulonglong(v.toInteger()));
    if (type == QStringLiteral("float64") || type == QStringLiteral("float32"))
        return doubleFromHexBits(rendering.value(QStringLiteral("bits")).toString());
    if (type == QStringLiteral("[]uint8"))
        return QByteArray::fromHex(rendering.value(QStringLiteral("hex")).toString().toLatin1());
    if (type.startsWith(QStringLiteral("map["))) {
        QVariantMap map;
        const QJsonArray entries = rendering.value(QStringLiteral("entries")).toArray();
        for (const QJsonValue &entry : entries) {
            const QJsonObject e = entry.toObject();
            map.insert(fromGoRendering(e.value(QStringLiteral("k")).toObject()).toString(),
                       fromGoRendering(e.value(QStringLiteral("v")).toObject()));
        }
        return map;
    }
    if (type.startsWith(QStringLiteral("[]"))) {
        QVariantList list;
        const QJsonArray items = rendering.value(QStringLiteral("items")).toArray();
        for (const QJsonValue &item : items)
            list.append(fromGoRendering(item.toObject()));
        return list;
    }
    return QVariant(QStringLiteral("<unknown rendering %1>").arg(type));
}

inline QString describe(const QVariant &value)
{
    switch (value.metaType().id()) {
    case QMetaType::UnknownType:
        return QStringLiteral("nil");
    case QMetaType::QVariantList: {
        QStringList items;
        for (const QVariant &item : value.toList())
            items.append(describe(item));
        return QStringLiteral("[") + items.join(QStringLiteral(", ")) + QStringLiteral("]");
    }
    case QMetaType::QVariantMap: {
        QStringList items;
        const QVariantMap map = value.toMap();
        for (auto it = map.cbegin(); it != map.cend(); ++it)
            items.append(QLatin1Char('"') + it.key() + QStringLiteral("\": ")
                         + describe(it.value()));
        return QStringLiteral("{") + items.join(QStringLiteral(", ")) + QStringLiteral("}");
    }
    case QMetaType::QByteArray:
        return QStringLiteral("bytes(%1)").arg(QString::fromLatin1(value.toByteArray().toHex()));
    case QMetaType::QString:
        return QLatin1Char('"') + value.toString() + QLatin1Char('"');
    case QMetaType::Double:
        return QStringLiteral("double(%1)").arg(value.toDouble(), 0, 'g', 17);
    default:
        return QString::fromLatin1(value.metaType().name()) + QLatin1Char('(') + value.toString()
            + QLatin1Char(')');
    }
}

// Same type and value, recursively; doubles compare by bits (so -0 and NaN are exact).
inline bool sameValue(const QVariant &a, const QVariant &b)
{
    if (a.metaType() != b.metaType())
        return false;
    switch (a.metaType().id()) {
    case QMetaType::UnknownType:
        return true;
    case QMetaType::Double:
        return bitsOf(a.toDouble()) == bitsOf(b.toDouble());
    case QMetaType::QVariantList: {
        const QVariantList la = a.toList();
        const QVariantList lb = b.toList();
        if (la.size() != lb.size())
            return false;
        for (qsizetype i = 0; i < la.size(); ++i) {
            if (!sameValue(la.at(i), lb.at(i)))
                return false;
        }
        return true;
    }
    case QMetaType::QVariantMap: {
        const QVariantMap ma = a.toMap();
        const QVariantMap mb = b.toMap();
        if (ma.keys() != mb.keys())
            return false;
        for (auto it = ma.cbegin(); it != ma.cend(); ++it) {
            if (!sameValue(it.value(), mb.value(it.key())))
                return false;
        }
        return true;
    }
    case QMetaType::QVariantHash: {
        const QVariantHash ha = a.toHash();
        const QVariantHash hb = b.toHash();
        if (ha.size() != hb.size())
            return false;
        for (auto it = ha.cbegin(); it != ha.cend(); ++it) {
            if (!hb.contains(it.key()) || !sameValue(it.value(), hb.value(it.key())))
                return false;
        }
        return true;
    }
    default:
        return a == b;
    }
}

#define REDISTORE_COMPARE_VALUES(actual, expected) \
    do { \
        const QVariant actualValue_ = (actual); \
        const QVariant expectedValue_ = (expected); \
        if (!RediStore::Test::sameValue(actualValue_, expectedValue_)) { \
            QFAIL(qPrintable(QStringLiteral("values differ\n   actual: ") \
                             + RediStore::Test::describe(actualValue_) \
                             + QStringLiteral("\n expected: ") \
                             + RediStore::Test::describe(expectedValue_))); \
        } \
    } while (false)

// A random string: ASCII, Latin-1, BMP and astral characters, sometimes HTML-special ones.
inline QString randomString(QRandomGenerator &random)
{
    static const char32_t pool[]
        = { U'a',  U'Z', U'0', U' ', U'<',   U'>',   U'&',   U'"',    U'\\',  U'\n',
            U'\t', 0x01, 0x7f, 0xe9, 0x2028, 0x4e2d, 0xff01, 0x1f600, 0x10348 };
    const int length = int(random.bounded(12));
    QString text;
    for (int i = 0; i < length; ++i) {
        const char32_t c = pool[random.bounded(int(std::size(pool)))];
        text.append(QString::fromUcs4(&c, 1));
    }
    return text;
}

enum class RandomFlavor {
    Gob, // the Qt types gob writes: ints, uints, doubles, strings, bytes, lists, maps, nil
    Json, // what JSON holds: doubles, strings, bools, lists, maps, null
};

// Random nested session values (a map at the top), with the value each format gives back.
inline QVariant randomValue(QRandomGenerator &random, RandomFlavor flavor, int depth)
{
    const int kinds = depth >= 4 ? 6 : 8;
    switch (random.bounded(kinds)) {
    case 0:
        return randomString(random);
    case 1:
        return random.bounded(2) == 1;
    case 2: {
        if (flavor == RandomFlavor::Json)
            return double(qint64(random.generate64() >> random.bounded(64)) % 9007199254740993LL);
        return QVariant(qlonglong(random.generate64() >> random.bounded(64))
                        * (random.bounded(2) ? 1 : -1));
    }
    case 3: {
        const double values[] = { 0.0, -0.0, 0.1, 2.5, 1e21, 1e-7, 123456.789, -3.5e300, 5e-324 };
        return values[random.bounded(int(std::size(values)))] * (random.bounded(2) ? 1 : -1);
    }
    case 4:
        if (flavor == RandomFlavor::Json)
            return QVariant();
        return QVariant(qulonglong(random.generate64() >> random.bounded(64)));
    case 5: {
        if (flavor == RandomFlavor::Json)
            return QVariant();
        QByteArray bytes(int(random.bounded(20)), Qt::Uninitialized);
        for (char &c : bytes)
            c = char(random.bounded(256));
        return bytes;
    }
    case 6: {
        QVariantList list;
        const int n = int(random.bounded(5));
        for (int i = 0; i < n; ++i)
            list.append(randomValue(random, flavor, depth + 1));
        return list;
    }
    default: {
        QVariantMap map;
        const int n = int(random.bounded(5));
        for (int i = 0; i < n; ++i)
            map.insert(randomString(random), randomValue(random, flavor, depth + 1));
        return map;
    }
    }
}

inline QVariantMap randomSession(QRandomGenerator &random, RandomFlavor flavor)
{
    QVariantMap map;
    const int n = 1 + int(random.bounded(8));
    for (int i = 0; i < n; ++i)
        map.insert(randomString(random), randomValue(random, flavor, 1));
    return map;
}

} // namespace RediStore::Test

#endif // REDISTORE_TEST_GOVALUES_H
