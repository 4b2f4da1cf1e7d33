#include <libredistore/serializer/datastreamserializer.h>

#include "../codec/govalues.h"

#include <libredistore/utcdatetime_p.h>

#include <QtCore/QBitArray>
#include <QtCore/QCborArray>
#include <QtCore/QCborMap>
#include <QtCore/QCborValue>
#include <QtCore/QDataStream>
#include <QtCore/QDateTime>
#include <QtCore/QEasingCurve>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QLine>
#include <QtCore/QLocale>
#include <QtCore/QModelIndex>
#include <QtCore/QRect>
#include <QtCore/QRegularExpression>
#include <QtCore/QTimeZone>
#include <QtCore/QUrl>
#include <QtCore/QUuid>
#include <QtTest/QtTest>

#include <cmath>
#include <limits>

using namespace RediStore;
using namespace RediStore::Test;

// An application type with stream operators, as a user stores their own struct.
struct CartItem
{
    QString sku;
    qint32 quantity = 0;
    bool operator==(const CartItem &other) const
    {
        return sku == other.sku && quantity == other.quantity;
    }
};
QDataStream &operator<<(QDataStream &out, const CartItem &item)
{
    return out << item.sku << item.quantity;
}
QDataStream &operator>>(QDataStream &in, CartItem &item)
{
    return in >> item.sku >> item.quantity;
}
Q_DECLARE_METATYPE(CartItem)

// A type without stream operators.
struct Opaque
{
    int value = 0;
    bool operator==(const Opaque &other) const { return value == other.value; }
};
Q_DECLARE_METATYPE(Opaque)

namespace {

const DataStreamSerializer serializer;

QByteArray header()
{
    return QByteArray("\0RSD\x01", 5);
}

// Writes crafted payloads the way QDataStream (Qt_6_4) does.
QByteArray payload(const std::function<void(QDataStream &)> &write)
{
    QByteArray bytes = header();
    QDataStream stream(&bytes, QIODevice::WriteOnly | QIODevice::Append);
    stream.setVersion(QDataStream::Qt_6_4);
    write(stream);
    return bytes;
}

bool sameStored(const QVariant &a, const QVariant &b)
{
    if (a.metaType() != b.metaType())
        return false;
    if (a.metaType().id() == QMetaType::Double || a.metaType().id() == QMetaType::QVariantList
        || a.metaType().id() == QMetaType::QVariantMap
        || a.metaType().id() == QMetaType::QVariantHash)
        return sameValue(a, b);
    if (a.metaType().id() == QMetaType::Float)
        return std::memcmp(a.constData(), b.constData(), sizeof(float)) == 0;
    return a == b;
}

} // namespace

class tst_DataStreamSerializer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void roundTripsEveryStorableType_data();
    void roundTripsEveryStorableType();
    void roundTripsRandomSessions();
    void formatIsPinned();
    void refusesTypesNotSafeToReadBack_data();
    void refusesTypesNotSafeToReadBack();
    void refusesDeeperThanTheLimit();

    void rejectsOtherHeaders_data();
    void rejectsOtherHeaders();
    void everyTruncationIsATypedError();
    void byteFlipsNeverCrash();
    void hostileInput_data();
    void hostileInput();
    void limitsInputSize();
};

void tst_DataStreamSerializer::initTestCase()
{
    qRegisterMetaType<CartItem>();
    qRegisterMetaType<Opaque>();
    QCOMPARE(serializer.name(), QStringLiteral("datastream"));
}

void tst_DataStreamSerializer::roundTripsEveryStorableType_data()
{
    QTest::addColumn<QVariant>("value");
    const QDate date(2025, 6, 15);
    const QTime time(12, 34, 56, 789);
    QTest::newRow("invalid") << QVariant();
    QTest::newRow("bool") << QVariant(true);
    QTest::newRow("int") << QVariant(int(-7));
    QTest::newRow("uint") << QVariant(uint(7));
    QTest::newRow("qlonglong") << QVariant(std::numeric_limits<qlonglong>::min());
    QTest::newRow("qulonglong") << QVariant(std::numeric_limits<qulonglong>::max());
    QTest::newRow("double") << QVariant(3.5);
    QTest::newRow("double -0") << QVariant(-0.0);
    QTest::newRow("double NaN") << QVariant(std::nan(""));
    QTest::newRow("double inf") << QVariant(std::numeric_limits<double>::infinity());
    QTest::newRow("float") << QVariant(1.25f);
    QTest::newRow("long") << QVariant::fromValue(long(-5));
    QTest::newRow("ulong") << QVariant::fromValue(ulong(5));
    QTest::newRow("short") << QVariant::fromValue(short(-3));
    QTest::newRow("ushort") << QVariant::fromValue(ushort(3));
    QTest::newRow("char") << QVariant::fromValue(char('c'));
    QTest::newRow("schar") << QVariant::fromValue((signed char)(-2));
    QTest::newRow("uchar") << QVariant::fromValue(uchar(200));
    QTest::newRow("char16_t") << QVariant::fromValue(char16_t(0x20ac));
    QTest::newRow("char32_t") << QVariant::fromValue(char32_t(0x1f600));
    QTest::newRow("nullptr") << QVariant::fromValue(nullptr);
    QTest::newRow("QChar") << QVariant(QChar(0x4e2d));
    QTest::newRow("QString") << QVariant(QString::fromUtf16(u"h\u00e9llo \U0001F600"));
    QTest::newRow("null QString") << QVariant(QString());
    QTest::newRow("empty QString") << QVariant(QStringLiteral(""));
    QTest::newRow("QByteArray") << QVariant(QByteArray("\0\x01\xff", 3));
    QTest::newRow("null QByteArray") << QVariant(QByteArray());
    QTest::newRow("QBitArray") << QVariant(QBitArray(13, true));
    QTest::newRow("QDate") << QVariant(date);
    QTest::newRow("QTime") << QVariant(time);
    QTest::newRow("QDateTime UTC") << QVariant(RediStore::utcDateTime(date, time));
    QTest::newRow("QDateTime offset") << QVariant(RediStore::offsetDateTime(date, time, -3 * 3600));
    QTest::newRow("QDateTime local") << QVariant(QDateTime(date, time));
    QTest::newRow("QDateTime zone")
        << QVariant(QDateTime(date, time, QTimeZone(QByteArrayLiteral("Europe/Berlin"))));
    QTest::newRow("QUrl") << QVariant(QUrl(QStringLiteral("https://example.com/a?b=c#d")));
    QTest::newRow("QLocale") << QVariant(QLocale(QLocale::German, QLocale::Switzerland));
    QTest::newRow("QRect") << QVariant(QRect(1, 2, 3, 4));
    QTest::newRow("QRectF") << QVariant(QRectF(1.5, 2, 3, 4));
    QTest::newRow("QSize") << QVariant(QSize(3, 4));
    QTest::newRow("QSizeF") << QVariant(QSizeF(3.5, 4));
    QTest::newRow("QLine") << QVariant(QLine(1, 2, 3, 4));
    QTest::newRow("QLineF") << QVariant(QLineF(1, 2, 3, 4.5));
    QTest::newRow("QPoint") << QVariant(QPoint(-1, 2));
    QTest::newRow("QPointF") << QVariant(QPointF(-1.5, 2));
    QTest::newRow("QUuid") << QVariant(
        QUuid(QStringLiteral("{67c8770b-44f1-410a-ab9a-f9b5446f13ee}")));
    QTest::newRow("QRegularExpression") << QVariant(
        QRegularExpression(QStringLiteral("^a+$"), QRegularExpression::CaseInsensitiveOption));
    QTest::newRow("QJsonValue") << QVariant(QJsonValue(QStringLiteral("x")));
    QTest::newRow("QJsonObject") << QVariant(
        QJsonObject { { QStringLiteral("a"), 1 }, { QStringLiteral("b"), true } });
    QTest::newRow("QJsonArray") << QVariant(QJsonArray { 1, QStringLiteral("two") });
    QTest::newRow("QJsonDocument")
        << QVariant(QJsonDocument(QJsonObject { { QStringLiteral("k"), QStringLiteral("v") } }));
    QTest::newRow("QCborValue") << QVariant::fromValue(QCborValue(42));
    QTest::newRow("QCborArray") << QVariant::fromValue(QCborArray { 1, QStringLiteral("two") });
    QTest::newRow("QCborMap") << QVariant::fromValue(QCborMap { { QStringLiteral("k"), 2.5 } });
    QTest::newRow("QCborSimpleType") << QVariant::fromValue(QCborSimpleType(42));
    QTest::newRow("QStringList") << QVariant(
        QStringList { QStringLiteral("a"), QString(), QStringLiteral("c") });
    QTest::newRow("QByteArrayList")
        << QVariant::fromValue(QByteArrayList { "a", QByteArray(), "c" });
    QTest::newRow("QVariantList") << QVariant(
        QVariantList { 1, QStringLiteral("two"), QVariant(), QVariantList { 3.5 } });
    QTest::newRow("QVariantMap") << QVariant(QVariantMap {
        { QStringLiteral("nested"), QVariantMap { { QStringLiteral("x"), QDate(2020, 1, 1) } } } });
    QTest::newRow("QVariantHash") << QVariant(
        QVariantHash { { QStringLiteral("a"), 1 }, { QStringLiteral("b"), 2 } });
    QTest::newRow("QVariantPair") << QVariant::fromValue(
        QVariantPair(QStringLiteral("k"), QVariantList { 1 }));
    QTest::newRow("application type")
        << QVariant::fromValue(CartItem { QStringLiteral("sku-1"), 3 });
}

void tst_DataStreamSerializer::roundTripsEveryStorableType()
{
    QFETCH(QVariant, value);
    const QVariantMap values { { QStringLiteral("v"), value },
                               { QStringLiteral("list"), QVariantList { value, value } } };
    const auto bytes = serializer.serialize(values);
    QVERIFY2(bytes.ok(), qPrintable(bytes.ok() ? QString() : bytes.error().message()));
    QVERIFY(bytes.value().startsWith(header()));
    const auto back = serializer.deserialize(bytes.value());
    QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().message()));
    const QVariant stored = back.value().value(QStringLiteral("v"));
    QVERIFY2(
        sameStored(stored, value),
        qPrintable(QStringLiteral("%1 came back as %2").arg(describe(value), describe(stored))));
    QCOMPARE(back.value().value(QStringLiteral("list")).toList().size(), 2);
    QVERIFY(sameStored(back.value().value(QStringLiteral("list")).toList().at(1), value));
}

void tst_DataStreamSerializer::roundTripsRandomSessions()
{
    QRandomGenerator random(4242);
    for (int i = 0; i < 300; ++i) {
        const QVariantMap session = randomSession(random, RandomFlavor::Gob);
        const auto bytes = serializer.serialize(session);
        QVERIFY(bytes.ok());
        const auto back = serializer.deserialize(bytes.value());
        QVERIFY(back.ok());
        REDISTORE_COMPARE_VALUES(back.value(), session);
    }
}

// Stored bytes outlive Qt upgrades: the layout is fixed by the header and Qt_6_4.
void tst_DataStreamSerializer::formatIsPinned()
{
    const QVariantMap values { { QStringLiteral("a"), 1 },
                               { QStringLiteral("s"), QStringLiteral("x") } };
    const auto bytes = serializer.serialize(values);
    QVERIFY(bytes.ok());
    QCOMPARE(bytes.value().toHex(),
             QByteArray("0052534401"
                        "00000002"
                        "000000020061"
                        "000000020000000001"
                        "000000020073"
                        "0000000a00000000020078"));
}

void tst_DataStreamSerializer::refusesTypesNotSafeToReadBack_data()
{
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QString>("named");
    const QVariant nestedVariant(1);
    QTest::newRow("QEasingCurve") << QVariant(QEasingCurve(QEasingCurve::InOutQuad))
                                  << QStringLiteral("QEasingCurve");
    QTest::newRow("QObject pointer")
        << QVariant::fromValue(static_cast<QObject *>(this)) << QStringLiteral("QObject*");
    QTest::newRow("QModelIndex") << QVariant(QModelIndex()) << QStringLiteral("QModelIndex");
    QTest::newRow("no stream operators")
        << QVariant::fromValue(Opaque { 1 }) << QStringLiteral("Opaque");
    QTest::newRow("QVariant in QVariant")
        << QVariant(QMetaType::fromType<QVariant>(), &nestedVariant) << QStringLiteral("QVariant");
    QTest::newRow("nested") << QVariant(
        QVariantList { QVariantMap { { QStringLiteral("e"), QEasingCurve() } } })
                            << QStringLiteral("QEasingCurve");
}

void tst_DataStreamSerializer::refusesTypesNotSafeToReadBack()
{
    QFETCH(QVariant, value);
    QFETCH(QString, named);
    const auto bytes = serializer.serialize({ { QStringLiteral("v"), value } });
    QVERIFY(!bytes.ok());
    QCOMPARE(bytes.error().code(), SerializerError::Code::UnsupportedType);
    QVERIFY2(bytes.error().message().contains(named), qPrintable(bytes.error().message()));
}

void tst_DataStreamSerializer::refusesDeeperThanTheLimit()
{
    QVariant value = 1;
    for (int i = 0; i < 62; ++i)
        value = QVariantList { value };
    QVERIFY(serializer.serialize({ { QStringLiteral("v"), value } }).ok());
    value = QVariantList { value };
    const auto bytes = serializer.serialize({ { QStringLiteral("v"), value } });
    QVERIFY(!bytes.ok());
    QCOMPARE(bytes.error().code(), SerializerError::Code::LimitExceeded);
}

void tst_DataStreamSerializer::rejectsOtherHeaders_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<SerializerError::Code>("code");
    QTest::newRow("empty") << QByteArray() << SerializerError::Code::BadMagic;
    QTest::newRow("gob") << QByteArray::fromHex("080c000568656c6c6f")
                         << SerializerError::Code::BadMagic;
    QTest::newRow("json") << QByteArray("{\"a\":1}") << SerializerError::Code::BadMagic;
    QTest::newRow("magic only") << QByteArray("\0RSD", 4) << SerializerError::Code::Truncated;
    QTest::newRow("version 2") << QByteArray("\0RSD\x02\0\0\0\0", 9)
                               << SerializerError::Code::UnsupportedVersion;
    QTest::newRow("trailing bytes")
        << QByteArray("\0RSD\x01\0\0\0\0\x01", 10) << SerializerError::Code::Corrupt;
}

void tst_DataStreamSerializer::rejectsOtherHeaders()
{
    QFETCH(QByteArray, bytes);
    QFETCH(SerializerError::Code, code);
    const auto values = serializer.deserialize(bytes);
    QVERIFY(!values.ok());
    QCOMPARE(values.error().code(), code);
    QVERIFY(values.error().message().startsWith(QStringLiteral("DataStreamSerializer: ")));
}

void tst_DataStreamSerializer::everyTruncationIsATypedError()
{
    QVariantMap values;
    values.insert(QStringLiteral("list"), QVariantList { 1, QStringLiteral("two"), QVariant() });
    values.insert(QStringLiteral("when"), RediStore::utcDateTime(QDate(2025, 1, 2), QTime(3, 4)));
    values.insert(QStringLiteral("bits"), QBitArray(20, true));
    values.insert(QStringLiteral("names"),
                  QStringList { QStringLiteral("a"), QStringLiteral("b") });
    values.insert(QStringLiteral("json"), QJsonObject { { QStringLiteral("k"), 1 } });
    values.insert(QStringLiteral("item"), QVariant::fromValue(CartItem { QStringLiteral("s"), 2 }));
    values.insert(QStringLiteral("pair"), QVariant::fromValue(QVariantPair(1, 2)));
    const auto bytes = serializer.serialize(values);
    QVERIFY(bytes.ok());
    for (qsizetype n = 0; n < bytes.value().size(); ++n) {
        const auto back = serializer.deserialize(bytes.value().left(n));
        QVERIFY2(!back.ok(), qPrintable(QStringLiteral("cut at %1 decoded").arg(n)));
        QVERIFY(back.error().isError());
    }
}

void tst_DataStreamSerializer::byteFlipsNeverCrash()
{
    QRandomGenerator random(99);
    for (int i = 0; i < 40; ++i) {
        QVariantMap values = randomSession(random, RandomFlavor::Gob);
        values.insert(QStringLiteral("when"),
                      RediStore::utcDateTime(QDate(2025, 1, 2), QTime(3, 4)));
        values.insert(QStringLiteral("url"), QUrl(QStringLiteral("https://a.example/")));
        const auto bytes = serializer.serialize(values);
        QVERIFY(bytes.ok());
        for (qsizetype at = 5; at < bytes.value().size(); ++at) {
            QByteArray mutated = bytes.value();
            mutated[at] = char(uchar(mutated[at]) ^ (1 + random.bounded(255)));
            const auto back = serializer.deserialize(mutated);
            if (!back.ok())
                QVERIFY(!back.error().message().isEmpty());
        }
    }
}

void tst_DataStreamSerializer::hostileInput_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<SerializerError::Code>("code");
    const quint32 huge = 0xfffffff0U;
    const QString key = QStringLiteral("k");

    QTest::newRow("map count") << payload([&](QDataStream &s) { s << huge; })
                               << SerializerError::Code::Truncated;
    QTest::newRow("list count") << payload([&](QDataStream &s) {
        s << quint32(1) << key << quint32(QMetaType::QVariantList) << qint8(0) << huge;
    }) << SerializerError::Code::Truncated;
    QTest::newRow("string list count") << payload([&](QDataStream &s) {
        s << quint32(1) << key << quint32(QMetaType::QStringList) << qint8(0) << huge;
    }) << SerializerError::Code::Truncated;
    QTest::newRow("string length") << payload([&](QDataStream &s) {
        s << quint32(1) << key << quint32(QMetaType::QString) << qint8(0) << quint32(0x7ffffffe);
    }) << SerializerError::Code::Truncated;
    QTest::newRow("odd string length") << payload([&](QDataStream &s) {
        s << quint32(1) << key << quint32(QMetaType::QString) << qint8(0) << quint32(3);
        s.writeRawData("abc", 3);
    }) << SerializerError::Code::Corrupt;
    QTest::newRow("key length") << payload([&](QDataStream &s) {
        s << quint32(1) << quint32(0x7ffffffe);
    }) << SerializerError::Code::Truncated;
    QTest::newRow("bit array length") << payload([&](QDataStream &s) {
        s << quint32(1) << key << quint32(QMetaType::QBitArray) << qint8(0) << huge;
    }) << SerializerError::Code::Truncated;
    QTest::newRow("deep lists") << payload([&](QDataStream &s) {
        s << quint32(1) << key;
        for (int i = 0; i < 100000; ++i)
            s << quint32(QMetaType::QVariantList) << qint8(0) << quint32(1);
        s << quint32(0) << qint8(1);
    }) << SerializerError::Code::LimitExceeded;
    QTest::newRow("deep pairs") << payload([&](QDataStream &s) {
        s << quint32(1) << key;
        for (int i = 0; i < 100000; ++i)
            s << quint32(QMetaType::QVariantPair) << qint8(0);
    }) << SerializerError::Code::LimitExceeded;
    QTest::newRow("QEasingCurve") << payload([&](QDataStream &s) {
        s << quint32(1) << key << quint32(QMetaType::QEasingCurve) << qint8(0) << quint8(0)
          << quint64(0xdeadbeef);
    }) << SerializerError::Code::UnsupportedType;
    QTest::newRow("QVariant in QVariant") << payload([&](QDataStream &s) {
        s << quint32(1) << key << quint32(QMetaType::QVariant) << qint8(0)
          << quint32(QMetaType::Int) << qint8(0) << qint32(1);
    }) << SerializerError::Code::UnsupportedType;
    QTest::newRow("unknown type id")
        << payload([&](QDataStream &s) { s << quint32(1) << key << quint32(4711) << qint8(0); })
        << SerializerError::Code::Corrupt;
    QTest::newRow("unknown user type") << payload([&](QDataStream &s) {
        s << quint32(1) << key << quint32(QMetaType::User) << qint8(0) << "NoSuchType" << qint32(1);
    }) << SerializerError::Code::UnsupportedType;
    QTest::newRow("user type without operators") << payload([&](QDataStream &s) {
        s << quint32(1) << key << quint32(QMetaType::User) << qint8(0) << "Opaque" << qint32(1);
    }) << SerializerError::Code::UnsupportedType;
    QTest::newRow("huge type name") << payload([&](QDataStream &s) {
        s << quint32(1) << key << quint32(QMetaType::User) << qint8(0) << huge;
    }) << SerializerError::Code::Corrupt;
}

void tst_DataStreamSerializer::hostileInput()
{
    QFETCH(QByteArray, bytes);
    QFETCH(SerializerError::Code, code);
    const auto values = serializer.deserialize(bytes);
    QVERIFY(!values.ok());
    QCOMPARE(values.error().code(), code);
}

void tst_DataStreamSerializer::limitsInputSize()
{
    DataStreamSerializer::Limits limits;
    limits.maxInputSize = 32;
    const DataStreamSerializer small(limits);
    const QVariantMap values { { QStringLiteral("text"), QString(20, QLatin1Char('x')) } };
    const auto bytes = serializer.serialize(values);
    QVERIFY(bytes.ok());
    QVERIFY(bytes.value().size() > 32);
    const auto read = small.deserialize(bytes.value());
    QVERIFY(!read.ok());
    QCOMPARE(read.error().code(), SerializerError::Code::LimitExceeded);
    // What it could not read back, it does not write.
    const auto written = small.serialize(values);
    QVERIFY(!written.ok());
    QCOMPARE(written.error().code(), SerializerError::Code::ValueTooLarge);
    QCOMPARE(written.error().codeName(), QStringLiteral("ValueTooLarge"));
}

QTEST_GUILESS_MAIN(tst_DataStreamSerializer)
#include "tst_datastreamserializer.moc"
