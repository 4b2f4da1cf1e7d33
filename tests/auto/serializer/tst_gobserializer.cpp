#include <libredistore/serializer/gobserializer.h>

#include "../codec/govalues.h"
#include "testdata.h"

#include <QtCore/QDateTime>
#include <QtTest/QtTest>

using namespace RediStore;
using namespace RediStore::Test;

#if defined(__SANITIZE_ADDRESS__)
#define REDISTORE_INSTRUMENTED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define REDISTORE_INSTRUMENTED 1
#endif
#endif

namespace {

const GobSerializer serializer;

QJsonArray redistoreVectors(const QJsonObject &vectors)
{
    return vectors.value(QStringLiteral("redistore"))
        .toObject()
        .value(QStringLiteral("vectors"))
        .toArray();
}

} // namespace

class tst_GobSerializer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void readsWhatGoRedistoreStores_data();
    void readsWhatGoRedistoreStores();
    void writesWhatGoRedistoreStores_data();
    void writesWhatGoRedistoreStores();
    void topLevelMustBeAMap();
    void refusesQtTypesWithoutGoCounterpart();
    void reportsCorruptAndTruncatedStreams();
    void honoursLimits();
    void roundTripsRandomSessions();

private:
    QJsonObject m_vectors;
};

void tst_GobSerializer::initTestCase()
{
    m_vectors = goVectors();
    QVERIFY(!m_vectors.isEmpty());
    QCOMPARE(serializer.name(), QStringLiteral("gob"));
}

void tst_GobSerializer::readsWhatGoRedistoreStores_data()
{
    QTest::addColumn<QByteArray>("stored");
    QTest::addColumn<QVariant>("values");
    for (const QJsonValue &v : redistoreVectors(m_vectors)) {
        const QJsonObject o = v.toObject();
        if (o.value(QStringLiteral("serializer")).toString() != QStringLiteral("gob")
            || !o.contains(QStringLiteral("redis_value_hex")))
            continue;
        QTest::newRow(qPrintable(o.value(QStringLiteral("id")).toString()))
            << QByteArray::fromHex(o.value(QStringLiteral("redis_value_hex")).toString().toLatin1())
            << fromGoRendering(o.value(QStringLiteral("reload"))
                                   .toObject()
                                   .value(QStringLiteral("values"))
                                   .toObject());
    }
}

void tst_GobSerializer::readsWhatGoRedistoreStores()
{
    QFETCH(QByteArray, stored);
    QFETCH(QVariant, values);
    const auto read = serializer.deserialize(stored);
    QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error().message()));
    REDISTORE_COMPARE_VALUES(QVariant(read.value()), values);
}

void tst_GobSerializer::writesWhatGoRedistoreStores_data()
{
    QTest::addColumn<QVariant>("values");
    QTest::addColumn<QByteArray>("stored");
    QTest::addColumn<bool>("deterministic");
    for (const QJsonValue &v : redistoreVectors(m_vectors)) {
        const QJsonObject o = v.toObject();
        if (o.value(QStringLiteral("serializer")).toString() != QStringLiteral("gob")
            || !o.contains(QStringLiteral("redis_value_hex")))
            continue;
        QTest::newRow(qPrintable(o.value(QStringLiteral("id")).toString()))
            << fromGoRendering(o.value(QStringLiteral("values")).toObject())
            << QByteArray::fromHex(o.value(QStringLiteral("redis_value_hex")).toString().toLatin1())
            << o.value(QStringLiteral("serialization_deterministic")).toBool();
    }
}

// Byte for byte where Go's output is deterministic (single entry); otherwise the same size,
// since only the entry order differs.
void tst_GobSerializer::writesWhatGoRedistoreStores()
{
    QFETCH(QVariant, values);
    QFETCH(QByteArray, stored);
    QFETCH(bool, deterministic);
    const auto bytes = serializer.serialize(values.toMap());
    QVERIFY(bytes.ok());
    if (deterministic)
        QCOMPARE(bytes.value().toHex(), stored.toHex());
    else
        QCOMPARE(bytes.value().size(), stored.size());
}

void tst_GobSerializer::topLevelMustBeAMap()
{
    // The securecookie payload: gob of a bare string.
    const auto values = serializer.deserialize(QByteArray::fromHex("080c000568656c6c6f"));
    QVERIFY(!values.ok());
    QCOMPARE(values.error().code(), SerializerError::Code::NotAMap);
    QVERIFY(values.error().message().contains(QStringLiteral("QString")));
}

void tst_GobSerializer::refusesQtTypesWithoutGoCounterpart()
{
    const auto bytes
        = serializer.serialize({ { QStringLiteral("when"), QDateTime::currentDateTimeUtc() } });
    QVERIFY(!bytes.ok());
    QCOMPARE(bytes.error().code(), SerializerError::Code::UnsupportedType);
    QCOMPARE(bytes.error().codecError().code(), CodecError::Code::GobUnsupportedType);
    QVERIFY(bytes.error().message().startsWith(QStringLiteral("GobSerializer: gob: ")));
    QVERIFY(bytes.error().message().contains(QStringLiteral("QDateTime")));
}

void tst_GobSerializer::reportsCorruptAndTruncatedStreams()
{
    const QByteArray stored = QByteArray::fromHex(
        "0eff81040102ff82000110011000001cff82000106737472696e670c0300016b06737472696e670c03000176");
    QVERIFY(serializer.deserialize(stored).ok());
    for (qsizetype n = 0; n < stored.size(); ++n) {
        const auto values = serializer.deserialize(stored.left(n));
        QVERIFY(!values.ok());
        QVERIFY(values.error().code() == SerializerError::Code::Truncated
                || values.error().code() == SerializerError::Code::Corrupt);
        QVERIFY(values.error().codecError().isError());
        QVERIFY(values.error().message().contains(values.error().codecError().message()));
    }
}

void tst_GobSerializer::honoursLimits()
{
    Gob::Limits limits;
    limits.maxElements = 2;
    const GobSerializer small(limits);
    const auto bytes = small.serialize(
        { { QStringLiteral("a"), 1 }, { QStringLiteral("b"), 2 }, { QStringLiteral("c"), 3 } });
    QVERIFY(bytes.ok());
    const auto values = small.deserialize(bytes.value());
    QVERIFY(!values.ok());
    QCOMPARE(values.error().code(), SerializerError::Code::LimitExceeded);

    Gob::Limits tiny;
    tiny.maxInputSize = 16;
    const auto tooLarge = GobSerializer(tiny).serialize({ { QStringLiteral("a"), 1 } });
    QVERIFY(!tooLarge.ok());
    QCOMPARE(tooLarge.error().code(), SerializerError::Code::ValueTooLarge);
}

void tst_GobSerializer::roundTripsRandomSessions()
{
    QRandomGenerator random(8080);
    for (int i = 0; i < 300; ++i) {
        const QVariantMap session = randomSession(random, RandomFlavor::Gob);
        const auto bytes = serializer.serialize(session);
        QVERIFY(bytes.ok());
        const auto back = serializer.deserialize(bytes.value());
        QVERIFY(back.ok());
        REDISTORE_COMPARE_VALUES(QVariant(back.value()), QVariant(session));
    }
}

QTEST_GUILESS_MAIN(tst_GobSerializer)
#include "tst_gobserializer.moc"
