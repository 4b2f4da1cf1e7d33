#include <libredistore/serializer/datastreamserializer.h>
#include <libredistore/serializer/gobserializer.h>
#include <libredistore/serializer/jsonserializer.h>
#include <libredistore/serializer/sessionserializer.h>

#include "../codec/govalues.h"
#include "testdata.h"

#include <QtCore/QDateTime>
#include <QtTest/QtTest>

#include <thread>
#include <vector>

using namespace RediStore;
using namespace RediStore::Test;

class tst_SessionSerializer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void byNameKnowsTheThreeFormats_data();
    void byNameKnowsTheThreeFormats();
    void byNameRefusesUnknownNames();
    void defaultIsDataStream();
    void detectFindsTheFormat_data();
    void detectFindsTheFormat();
    void detectExplainsWhatFailed();
    void guessFromPrefixNamesTheFormat_data();
    void guessFromPrefixNamesTheFormat();
    void guessFromPrefixLeavesOtherBytesUnnamed_data();
    void guessFromPrefixLeavesOtherBytesUnnamed();
    void sharedInstancesAreUsableFromManyThreads();
    void errorCodesHaveNames();
};

void tst_SessionSerializer::byNameKnowsTheThreeFormats_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("canonical");
    QTest::newRow("datastream") << QStringLiteral("datastream") << QStringLiteral("datastream");
    QTest::newRow("json") << QStringLiteral("json") << QStringLiteral("json");
    QTest::newRow("gob") << QStringLiteral("gob") << QStringLiteral("gob");
    QTest::newRow("case and spaces") << QStringLiteral(" GOB ") << QStringLiteral("gob");
}

void tst_SessionSerializer::byNameKnowsTheThreeFormats()
{
    QFETCH(QString, name);
    QFETCH(QString, canonical);
    const auto serializer = SessionSerializer::byName(name);
    QVERIFY(serializer);
    QCOMPARE(serializer->name(), canonical);
    QCOMPARE(SessionSerializer::byName(canonical).get(), serializer.get()); // shared instance
    QVERIFY(SessionSerializer::names().contains(canonical));
}

void tst_SessionSerializer::byNameRefusesUnknownNames()
{
    QVERIFY(!SessionSerializer::byName(QStringLiteral("auto")));
    QVERIFY(!SessionSerializer::byName(QStringLiteral("xml")));
    QVERIFY(!SessionSerializer::byName(QString()));
    QCOMPARE(SessionSerializer::names(),
             (QStringList { QStringLiteral("datastream"), QStringLiteral("json"),
                            QStringLiteral("gob") }));
}

void tst_SessionSerializer::defaultIsDataStream()
{
    QCOMPARE(SessionSerializer::defaultSerializer()->name(), QStringLiteral("datastream"));
}

void tst_SessionSerializer::detectFindsTheFormat_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QVariantMap>("values");

    const QVariantMap values { { QStringLiteral("user"), QStringLiteral("alice") },
                               { QStringLiteral("admin"), true } };
    QTest::newRow("datastream") << DataStreamSerializer().serialize(values).value()
                                << QStringLiteral("datastream") << values;
    QTest::newRow("json") << JsonSerializer().serialize(values).value() << QStringLiteral("json")
                          << values;
    QTest::newRow("gob") << GobSerializer().serialize(values).value() << QStringLiteral("gob")
                         << values;

    // What Go redistore stored.
    const QJsonArray rs = goVectors()
                              .value(QStringLiteral("redistore"))
                              .toObject()
                              .value(QStringLiteral("vectors"))
                              .toArray();
    for (const QJsonValue &v : rs) {
        const QJsonObject o = v.toObject();
        if (!o.contains(QStringLiteral("redis_value_hex")))
            continue;
        QTest::newRow(qPrintable(o.value(QStringLiteral("id")).toString()))
            << QByteArray::fromHex(o.value(QStringLiteral("redis_value_hex")).toString().toLatin1())
            << o.value(QStringLiteral("serializer")).toString()
            << fromGoRendering(o.value(QStringLiteral("reload"))
                                   .toObject()
                                   .value(QStringLiteral("values"))
                                   .toObject())
                   .toMap();
    }
}

void tst_SessionSerializer::detectFindsTheFormat()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, format);
    QFETCH(QVariantMap, values);
    const auto detected = SessionSerializer::detect(bytes);
    QVERIFY2(detected.ok(), qPrintable(detected.ok() ? QString() : detected.error().message()));
    QCOMPARE(detected.value().serializer->name(), format);
    REDISTORE_COMPARE_VALUES(QVariant(detected.value().values), QVariant(values));
}

void tst_SessionSerializer::detectExplainsWhatFailed()
{
    const auto detected = SessionSerializer::detect("not a session");
    QVERIFY(!detected.ok());
    QCOMPARE(detected.error().code(), SerializerError::Code::UnknownFormat);
    QCOMPARE(detected.error().codeName(), QStringLiteral("UnknownFormat"));
    for (const QString &name : SessionSerializer::names())
        QVERIFY2(detected.error().message().contains(name + QStringLiteral(": ")),
                 qPrintable(detected.error().message()));
}

void tst_SessionSerializer::guessFromPrefixNamesTheFormat_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("format");

    // Real encodings by each serializer: empty, small, and random sessions of each flavour.
    QRandomGenerator random(17);
    const QVariantMap small { { QStringLiteral("user"), QStringLiteral("alice") },
                              { QStringLiteral("admin"), true } };
    for (const QString &name : SessionSerializer::names()) {
        const auto serializer = SessionSerializer::byName(name);
        QTest::addRow("%s empty", qPrintable(name))
            << serializer->serialize(QVariantMap()).value() << name;
        QTest::addRow("%s small", qPrintable(name)) << serializer->serialize(small).value() << name;
        // DataStream holds whatever gob holds.
        const RandomFlavor flavor
            = name == QStringLiteral("json") ? RandomFlavor::Json : RandomFlavor::Gob;
        for (int i = 0; i < 20; ++i) {
            QTest::addRow("%s random %d", qPrintable(name), i)
                << serializer->serialize(randomSession(random, flavor)).value() << name;
        }
    }
    // What Go redistore stored.
    const QJsonArray rs = goVectors()
                              .value(QStringLiteral("redistore"))
                              .toObject()
                              .value(QStringLiteral("vectors"))
                              .toArray();
    for (const QJsonValue &v : rs) {
        const QJsonObject o = v.toObject();
        if (!o.contains(QStringLiteral("redis_value_hex")))
            continue;
        QTest::newRow(qPrintable(QStringLiteral("go ") + o.value(QStringLiteral("id")).toString()))
            << QByteArray::fromHex(o.value(QStringLiteral("redis_value_hex")).toString().toLatin1())
            << o.value(QStringLiteral("serializer")).toString();
    }
    QTest::newRow("json with white space")
        << QByteArray(" \n{ \"a\": 1}") << QStringLiteral("json");
}

void tst_SessionSerializer::guessFromPrefixNamesTheFormat()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, format);
    // The bytes decode as that format (the rows are real encodings), and their first 16 bytes,
    // all that a listing gives, already name it.
    const auto detected = SessionSerializer::detect(bytes);
    QVERIFY(detected.ok());
    QCOMPARE(detected.value().serializer->name(), format);
    QCOMPARE(SessionSerializer::guessFromPrefix(bytes.left(16)), format);
    QCOMPARE(SessionSerializer::guessFromPrefix(bytes), format);
}

void tst_SessionSerializer::guessFromPrefixLeavesOtherBytesUnnamed_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("nothing") << QByteArray();
    QTest::newRow("text") << QByteArray("not a session");
    QTest::newRow("number") << QByteArray("12345");
    QTest::newRow("json array") << QByteArray("[1,2,3]");
    QTest::newRow("json null") << QByteArray("null");
    QTest::newRow("brace then text") << QByteArray("{abc");
    QTest::newRow("datastream header cut") << QByteArray("\0RS", 3);
    QTest::newRow("other magic") << QByteArray("\0RSX\x01", 5);
    QTest::newRow("gob length only") << QByteArray("\x0e");
    QTest::newRow("gob built-in type") << QByteArray::fromHex("0e0a"); // a positive type ID
    QTest::newRow("gob zero length") << QByteArray::fromHex("00ff81");
    QTest::newRow("gob length cut") << QByteArray::fromHex("fe01");
}

void tst_SessionSerializer::guessFromPrefixLeavesOtherBytesUnnamed()
{
    QFETCH(QByteArray, bytes);
    QCOMPARE(SessionSerializer::guessFromPrefix(bytes), QString());
}

void tst_SessionSerializer::sharedInstancesAreUsableFromManyThreads()
{
    std::vector<std::thread> threads;
    std::atomic<int> failures { 0 };
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([t, &failures] {
            QRandomGenerator random { quint32(t) };
            for (int i = 0; i < 200; ++i) {
                const QVariantMap session = randomSession(random, RandomFlavor::Gob);
                for (const QString &name : SessionSerializer::names()) {
                    const auto serializer = SessionSerializer::byName(name);
                    const auto bytes = serializer->serialize(session);
                    if (!bytes.ok() || !serializer->deserialize(bytes.value()).ok())
                        ++failures;
                }
            }
        });
    }
    for (auto &thread : threads)
        thread.join();
    QCOMPARE(failures.load(), 0);
}

void tst_SessionSerializer::errorCodesHaveNames()
{
    QCOMPARE(SerializerError().codeName(), QStringLiteral("NoError"));
    QVERIFY(!SerializerError().isError());
    const SerializerError error = SerializerError::fromCodecError(
        QStringLiteral("GobSerializer"),
        CodecError(CodecError::Code::GobTruncated, QStringLiteral("gob: unexpected end")));
    QCOMPARE(error.code(), SerializerError::Code::Truncated);
    QCOMPARE(error.codeName(), QStringLiteral("Truncated"));
    QCOMPARE(error.message(), QStringLiteral("GobSerializer: gob: unexpected end"));
    QCOMPARE(error.codecError().codeName(), QStringLiteral("GobTruncated"));
}

QTEST_GUILESS_MAIN(tst_SessionSerializer)
#include "tst_sessionserializer.moc"
