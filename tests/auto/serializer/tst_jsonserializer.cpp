#include <libredistore/serializer/jsonserializer.h>

#include "../codec/govalues.h"
#include "testdata.h"

#include <libredistore/utcdatetime_p.h>

#include <QtCore/QDateTime>
#include <QtCore/QRect>
#include <QtTest/QtTest>

#include <cmath>

using namespace RediStore;
using namespace RediStore::Test;

namespace {

const JsonSerializer serializer;

} // namespace

class tst_JsonSerializer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void writesWhatGoRedistoreStores();
    void readsWhatGoRedistoreStores();
    void matchesSecurecookieJsonWithoutTheNewline();
    void changesTypesAsDocumented();
    void nullIsNoValues();
    void refusesWhatJsonCannotHold_data();
    void refusesWhatJsonCannotHold();
    void rejectsInvalidInput_data();
    void rejectsInvalidInput();
    void honoursLimits();
    void roundTripsRandomSessions();

private:
    QJsonObject m_vectors;
};

void tst_JsonSerializer::initTestCase()
{
    m_vectors = goVectors();
    QVERIFY(!m_vectors.isEmpty());
    QCOMPARE(serializer.name(), QStringLiteral("json"));
}

void tst_JsonSerializer::writesWhatGoRedistoreStores()
{
    int checked = 0;
    const QJsonArray rs = m_vectors.value(QStringLiteral("redistore"))
                              .toObject()
                              .value(QStringLiteral("vectors"))
                              .toArray();
    for (const QJsonValue &v : rs) {
        const QJsonObject o = v.toObject();
        if (o.value(QStringLiteral("serializer")).toString() != QStringLiteral("json"))
            continue;
        const QVariantMap values
            = fromGoRendering(o.value(QStringLiteral("values")).toObject()).toMap();
        const auto bytes = serializer.serialize(values);
        QVERIFY(bytes.ok());
        QCOMPARE(
            bytes.value(),
            QByteArray::fromHex(o.value(QStringLiteral("redis_value_hex")).toString().toLatin1()));
        QCOMPARE(bytes.value().size(), o.value(QStringLiteral("redis_value_len")).toInt());
        QVERIFY(!bytes.value().endsWith('\n'));
        ++checked;
    }
    QVERIFY(checked > 0);
}

void tst_JsonSerializer::readsWhatGoRedistoreStores()
{
    const QJsonArray rs = m_vectors.value(QStringLiteral("redistore"))
                              .toObject()
                              .value(QStringLiteral("vectors"))
                              .toArray();
    for (const QJsonValue &v : rs) {
        const QJsonObject o = v.toObject();
        if (o.value(QStringLiteral("serializer")).toString() != QStringLiteral("json"))
            continue;
        const auto values = serializer.deserialize(
            QByteArray::fromHex(o.value(QStringLiteral("redis_value_hex")).toString().toLatin1()));
        QVERIFY(values.ok());
        REDISTORE_COMPARE_VALUES(QVariant(values.value()),
                                 fromGoRendering(o.value(QStringLiteral("reload"))
                                                     .toObject()
                                                     .value(QStringLiteral("values"))
                                                     .toObject()));
    }
}

// securecookie's JSONEncoder output is the same JSON plus a newline.
void tst_JsonSerializer::matchesSecurecookieJsonWithoutTheNewline()
{
    int checked = 0;
    for (const QJsonValue &v : m_vectors.value(QStringLiteral("securecookie")).toArray()) {
        const QJsonObject o = v.toObject();
        if (o.value(QStringLiteral("encoder")).toString() != QStringLiteral("json")
            || !o.value(QStringLiteral("value_go_type"))
                    .toString()
                    .startsWith(QStringLiteral("map")))
            continue;
        const auto bytes = serializer.serialize(
            fromGoRendering(o.value(QStringLiteral("value")).toObject()).toMap());
        QVERIFY(bytes.ok());
        QCOMPARE(
            bytes.value() + '\n',
            QByteArray::fromHex(o.value(QStringLiteral("serialized_hex")).toString().toLatin1()));
        ++checked;
    }
    QVERIFY(checked > 0);
}

void tst_JsonSerializer::changesTypesAsDocumented()
{
    QVariantMap values;
    values.insert(QStringLiteral("big"), QVariant(qlonglong(9007199254740993LL)));
    values.insert(QStringLiteral("bytes"), QByteArray::fromHex("000102ff"));
    values.insert(QStringLiteral("when"),
                  RediStore::utcDateTime(QDate(2025, 6, 15), QTime(12, 0, 0, 500)));
    values.insert(QStringLiteral("hash"), QVariantHash { { QStringLiteral("k"), 1 } });
    values.insert(QStringLiteral("names"), QStringList { QStringLiteral("a") });
    const auto bytes = serializer.serialize(values);
    QVERIFY(bytes.ok());
    QCOMPARE(bytes.value(),
             QByteArray("{\"big\":9007199254740993,\"bytes\":\"AAEC/w==\",\"hash\":{\"k\":1},"
                        "\"names\":[\"a\"],\"when\":\"2025-06-15T12:00:00.5Z\"}"));
    const auto back = serializer.deserialize(bytes.value());
    QVERIFY(back.ok());
    QVariantMap expected;
    expected.insert(QStringLiteral("big"), 9007199254740992.0);
    expected.insert(QStringLiteral("bytes"), QStringLiteral("AAEC/w=="));
    expected.insert(QStringLiteral("when"), QStringLiteral("2025-06-15T12:00:00.5Z"));
    expected.insert(QStringLiteral("hash"), QVariantMap { { QStringLiteral("k"), 1.0 } });
    expected.insert(QStringLiteral("names"), QVariantList { QStringLiteral("a") });
    REDISTORE_COMPARE_VALUES(QVariant(back.value()), QVariant(expected));
}

void tst_JsonSerializer::nullIsNoValues()
{
    const auto values = serializer.deserialize("null");
    QVERIFY(values.ok());
    QVERIFY(values.value().isEmpty());
}

void tst_JsonSerializer::refusesWhatJsonCannotHold_data()
{
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<SerializerError::Code>("code");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("NaN") << QVariant(std::nan("")) << SerializerError::Code::UnsupportedValue
                         << QStringLiteral("NaN");
    QTest::newRow("QRect") << QVariant(QRect(1, 2, 3, 4)) << SerializerError::Code::UnsupportedValue
                           << QStringLiteral("QRect");
}

void tst_JsonSerializer::refusesWhatJsonCannotHold()
{
    QFETCH(QVariant, value);
    QFETCH(SerializerError::Code, code);
    QFETCH(QString, mentions);
    const auto bytes = serializer.serialize({ { QStringLiteral("v"), value } });
    QVERIFY(!bytes.ok());
    QCOMPARE(bytes.error().code(), code);
    QCOMPARE(bytes.error().codecError().code(), CodecError::Code::JsonUnsupportedValue);
    QVERIFY2(bytes.error().message().contains(mentions), qPrintable(bytes.error().message()));
    QVERIFY(bytes.error().message().startsWith(QStringLiteral("JsonSerializer: ")));
}

void tst_JsonSerializer::rejectsInvalidInput_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<SerializerError::Code>("code");
    QTest::newRow("empty") << QByteArray() << SerializerError::Code::Corrupt;
    QTest::newRow("cut") << QByteArray("{\"a\":") << SerializerError::Code::Corrupt;
    QTest::newRow("array") << QByteArray("[1]") << SerializerError::Code::NotAMap;
    QTest::newRow("string") << QByteArray("\"x\"") << SerializerError::Code::NotAMap;
    QTest::newRow("number out of range")
        << QByteArray("{\"a\":1e400}") << SerializerError::Code::Corrupt;
    QTest::newRow("gob") << QByteArray::fromHex("080c000568656c6c6f")
                         << SerializerError::Code::Corrupt;
}

void tst_JsonSerializer::rejectsInvalidInput()
{
    QFETCH(QByteArray, bytes);
    QFETCH(SerializerError::Code, code);
    const auto values = serializer.deserialize(bytes);
    QVERIFY(!values.ok());
    QCOMPARE(values.error().code(), code);
    QVERIFY(!values.error().message().isEmpty());
}

void tst_JsonSerializer::honoursLimits()
{
    GoJson::Limits limits;
    limits.maxDepth = 3;
    const JsonSerializer shallow(limits);
    QVERIFY(shallow.deserialize("{\"a\":[[1]]}").ok());
    const auto values = shallow.deserialize("{\"a\":[[[1]]]}");
    QVERIFY(!values.ok());
    QCOMPARE(values.error().code(), SerializerError::Code::LimitExceeded);

    GoJson::Limits tiny;
    tiny.maxInputSize = 8;
    const auto bytes
        = JsonSerializer(tiny).serialize({ { QStringLiteral("key"), QStringLiteral("value") } });
    QVERIFY(!bytes.ok());
    QCOMPARE(bytes.error().code(), SerializerError::Code::ValueTooLarge);
}

void tst_JsonSerializer::roundTripsRandomSessions()
{
    QRandomGenerator random(31337);
    for (int i = 0; i < 300; ++i) {
        const QVariantMap session = randomSession(random, RandomFlavor::Json);
        const auto bytes = serializer.serialize(session);
        QVERIFY(bytes.ok());
        const auto back = serializer.deserialize(bytes.value());
        QVERIFY(back.ok());
        REDISTORE_COMPARE_VALUES(QVariant(back.value()), QVariant(session));
    }
}

QTEST_GUILESS_MAIN(tst_JsonSerializer)
#include "tst_jsonserializer.moc"
