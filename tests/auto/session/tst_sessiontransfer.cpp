// SessionExporter and SessionImporter against real redis-servers: a round trip of every
// serializer into an empty database is byte-identical with the TTLs kept, an import never
// overwrites unless asked, edited values are encoded, bad files give typed errors and keep what
// was written, read-only mode writes nothing, and no secret reaches the file. SessionValueJson's
// typed values come back with their exact Qt types.

#include <libredistore/async.h>
#include <libredistore/serializer/sessionserializer.h>
#include <libredistore/session/sessionadmin.h>
#include <libredistore/session/sessionexporter.h>
#include <libredistore/session/sessionimporter.h>
#include <libredistore/session/sessionvaluejson.h>
#include <libredistore/utcdatetime_p.h>

#include "asyncwait.h"
#include "redisserver.h"

#include <QtCore/QBuffer>
#include <QtCore/QDateTime>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QUrl>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace RediStore;
using namespace RediStore::Test;

using Code = SessionTransferError::Code;

class tst_SessionTransfer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void typedValuesKeepTheirTypes_data();
    void typedValuesKeepTheirTypes();
    void typedValueErrorsNameThePath();
    void roundTripIsByteIdenticalWithTtls();
    void fileIsJsonWithTypedValues();
    void importNeverOverwritesUnlessAsked();
    void editedValuesAreEncoded();
    void valuesOnlyAndRawOnly();
    void expiredSessionsAreNotImported();
    void exportByPatternAndByIds();
    void manyPagesAndBatches();
    void fileLaidOutByAnotherTool();
    void badFiles_data();
    void badFiles();
    void badSessionsFailAlone();
    void readOnlyImportsNothing();
    void writesRefusedByRedisStopTheImport();
    void noSecretsInTheFile();
    void secondStartIsRefused();

private:
    RedisConfig config(int db) const
    {
        RedisConfig config;
        config.setPort(m_server.port());
        config.setDatabase(db);
        return config;
    }
    void put(int db, const QString &id, const QString &serializer, const QVariantMap &values,
             qint64 ttlMs = -1)
    {
        putRaw(db, id, SessionSerializer::byName(serializer)->serialize(values).value(), ttlMs);
    }
    void putRaw(int db, const QString &id, const QByteArray &bytes, qint64 ttlMs = -1)
    {
        QByteArrayList args { "SET", "session_" + id.toUtf8(), bytes };
        if (ttlMs > 0)
            args << "PX" << QByteArray::number(ttlMs);
        // command() opens a connection a call: the script selects the database for itself.
        m_server.command(QByteArrayList { "EVAL",
                                          "redis.call('SELECT', ARGV[1]); return "
                                          "redis.call(unpack(ARGV, 2))",
                                          "0", QByteArray::number(db) }
                         + args);
    }
    QVariant get(int db, const QByteArray &key) const
    {
        return m_server.command({ "EVAL",
                                  "redis.call('SELECT', ARGV[1]); return "
                                  "redis.call('GET', ARGV[2])",
                                  "0", QByteArray::number(db), key });
    }
    qint64 pttl(int db, const QByteArray &key) const
    {
        return m_server
            .command({ "EVAL", "redis.call('SELECT', ARGV[1]); return redis.call('PTTL', ARGV[2])",
                       "0", QByteArray::number(db), key })
            .toLongLong();
    }
    qint64 dbSize(int db) const
    {
        return m_server
            .command({ "EVAL", "redis.call('SELECT', ARGV[1]); return redis.call('DBSIZE')", "0",
                       QByteArray::number(db) })
            .toLongLong();
    }
    QByteArrayList keys(int db) const
    {
        const QVariantList list = m_server
                                      .command({ "EVAL",
                                                 "redis.call('SELECT', ARGV[1]); return "
                                                 "redis.call('KEYS', '*')",
                                                 "0", QByteArray::number(db) })
                                      .toList();
        QByteArrayList result;
        for (const QVariant &key : list)
            result.append(key.toByteArray());
        std::sort(result.begin(), result.end());
        return result;
    }
    // Exports db (with the exporter set up by setup) and returns the file.
    QByteArray exportFrom(int db, const std::function<void(SessionExporter &)> &setup = {},
                          SessionExportResult *out = nullptr)
    {
        SessionAdmin admin(config(db));
        SessionExporter exporter(&admin);
        if (setup)
            setup(exporter);
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        const auto result = waitFor(exporter.start(&buffer), 30000);
        if (!result)
            return "(no result)";
        if (out)
            *out = *result;
        if (!result->ok())
            return "(failed: " + result->error.message().toUtf8() + ')';
        return buffer.data();
    }
    SessionImportResult importInto(int db, const QByteArray &file, bool overwrite = false,
                                   bool readOnly = false)
    {
        return importWith(config(db), file, overwrite, readOnly);
    }
    // The same as an ACL user.
    SessionImportResult importAs(int db, const QString &user, const QString &password,
                                 const QByteArray &file)
    {
        RedisConfig as = config(db);
        as.setUsername(user);
        as.setPassword(password);
        return importWith(as, file);
    }
    SessionImportResult importWith(const RedisConfig &config, const QByteArray &file,
                                   bool overwrite = false, bool readOnly = false)
    {
        SessionAdmin admin(config);
        admin.setReadOnly(readOnly);
        SessionImporter importer(&admin);
        importer.setOverwrite(overwrite);
        QBuffer buffer;
        buffer.setData(file);
        buffer.open(QIODevice::ReadOnly);
        const auto result = waitFor(importer.start(&buffer), 30000);
        if (!result) {
            SessionImportResult none;
            none.error = SessionTransferError(Code::Cancelled, QStringLiteral("no result"));
            return none;
        }
        return *result;
    }
    void fillEverySerializer();

    RedisServer m_server;
};

void tst_SessionTransfer::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
}

void tst_SessionTransfer::init()
{
    m_server.command({ "FLUSHALL" });
}

void tst_SessionTransfer::typedValuesKeepTheirTypes_data()
{
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QString>("type");
    QTest::newRow("null") << QVariant() << "null";
    QTest::newRow("string") << QVariant(QStringLiteral("h\u00e9llo \u2603 \U0001F600")) << "string";
    QTest::newRow("int") << QVariant(-7) << "int32";
    QTest::newRow("qint64") << QVariant::fromValue(qint64(-42)) << "int64";
    QTest::newRow("qint64 beyond 2^53")
        << QVariant::fromValue(qint64(9007199254740993LL)) << "int64";
    QTest::newRow("uint") << QVariant(uint(4000000000u)) << "uint32";
    QTest::newRow("quint64 max") << QVariant::fromValue(std::numeric_limits<quint64>::max())
                                 << "uint64";
    QTest::newRow("double") << QVariant(0.1) << "double";
    QTest::newRow("infinity") << QVariant(-std::numeric_limits<double>::infinity()) << "double";
    QTest::newRow("float") << QVariant(1.5f) << "float";
    QTest::newRow("bool") << QVariant(true) << "bool";
    QTest::newRow("datetime utc") << QVariant(utcDateTime(QDate(2026, 12, 3), QTime(18, 0, 1, 234)))
                                  << "datetime";
    QTest::newRow("datetime offset")
        << QVariant(offsetDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), 3600)) << "datetime";
    QTest::newRow("date") << QVariant(QDate(1999, 12, 31)) << "date";
    QTest::newRow("bytes") << QVariant(QByteArray("\x00\xff\x10 x", 5)) << "bytes";
    QTest::newRow("empty map") << QVariant(QVariantMap()) << "map";
    QTest::newRow("nested map") << QVariant(QVariantMap {
        { QStringLiteral("a"), QVariantList { 1, QStringLiteral("x"), QVariantMap() } },
        { QStringLiteral("\u00fc"), QByteArray("b") } })
                                << "map";
    QTest::newRow("hash") << QVariant(QVariantHash { { QStringLiteral("k"), 2 } }) << "hash";
    QTest::newRow("list") << QVariant(QVariantList { QVariant(), 1.25, QDate(2000, 1, 1) })
                          << "list";
    QTest::newRow("string list") << QVariant(QStringList { QStringLiteral("a"), QString() })
                                 << "stringlist";
    QTest::newRow("url (other)") << QVariant(QUrl(QStringLiteral("https://example.org/?q=1")))
                                 << "qvariant";
}

void tst_SessionTransfer::typedValuesKeepTheirTypes()
{
    QFETCH(QVariant, value);
    QFETCH(QString, type);
    const QJsonObject json = SessionValueJson::toJson(value);
    QCOMPARE(json.value(QLatin1String("type")).toString(), type);
    // Through text, as a file carries it.
    const QJsonObject read
        = QJsonDocument::fromJson(QJsonDocument(json).toJson(QJsonDocument::Compact)).object();
    QString error;
    const auto back = SessionValueJson::fromJson(read, &error);
    QVERIFY2(back.has_value(), qPrintable(error));
    QCOMPARE(back->metaType(), value.metaType());
    QCOMPARE(*back, value);
    if (type == QLatin1String("datetime"))
        QCOMPARE(back->toDateTime().offsetFromUtc(), value.toDateTime().offsetFromUtc());
}

void tst_SessionTransfer::typedValueErrorsNameThePath()
{
    QString error;
    const QJsonObject bad = QJsonDocument::fromJson(R"({"cart":{"type":"list","value":[
        {"type":"int32","value":1},{"type":"int32","value":"x"}]}})")
                                .object();
    QVERIFY(!SessionValueJson::mapFromJson(bad, &error, QStringLiteral("values")));
    QVERIFY2(error.startsWith(QLatin1String("values.cart[1]: ")), qPrintable(error));
    QVERIFY(!SessionValueJson::fromJson(
        QJsonObject { { QStringLiteral("type"), QStringLiteral("complex") } }, &error));
    QVERIFY2(error.contains(QLatin1String("unknown type 'complex'")), qPrintable(error));
    QVERIFY(!SessionValueJson::fromJson(
        QJsonObject { { QStringLiteral("type"), QStringLiteral("bytes") },
                      { QStringLiteral("value"), QStringLiteral("not base64!") } },
        &error));
    QVERIFY(!SessionValueJson::fromJson(QJsonValue(42), &error));
}

void tst_SessionTransfer::fillEverySerializer()
{
    const QDateTime when = utcDateTime(QDate(2026, 12, 3), QTime(18, 30, 0, 5));
    // DataStream: the richest types.
    put(0, QStringLiteral("ds-rich"), QStringLiteral("datastream"),
        { { QStringLiteral("user"), QStringLiteral("J\u00fcrgen \u65e5\u672c") },
          { QStringLiteral("count"), 42 },
          { QStringLiteral("big"), QVariant::fromValue(qint64(1) << 60) },
          { QStringLiteral("when"), when },
          { QStringLiteral("day"), QDate(2026, 2, 28) },
          { QStringLiteral("blob"), QByteArray("\x00\x01\xfe\xff", 4) },
          { QStringLiteral("ratio"), 0.25 },
          { QStringLiteral("empty"), QVariantMap() },
          { QStringLiteral("nested"),
            QVariantMap { { QStringLiteral("list"),
                            QVariantList { 1, QStringLiteral("two"), QVariantList {} } } } } },
        3600000);
    put(0, QStringLiteral("ds-empty"), QStringLiteral("datastream"), {}, 120000);
    // Gob: Go's types; a map of several entries (Go's order is random).
    put(0, QStringLiteral("gob-1"), QStringLiteral("gob"),
        { { QStringLiteral("user"), QStringLiteral("alice") },
          { QStringLiteral("n"), QVariant::fromValue(qint64(-3)) },
          { QStringLiteral("u"), QVariant::fromValue(quint64(7)) },
          { QStringLiteral("b"), QByteArray("bytes") },
          { QStringLiteral("m"), QVariantMap { { QStringLiteral("x"), true } } } },
        1800000);
    // JSON: spaces and an order of its own (as Go or a person wrote it) decode to the same
    // values that JsonSerializer would write differently: only "raw" keeps these bytes.
    putRaw(0, QStringLiteral("json-hand"),
           R"({ "z": [1, 2.5, "x"],  "a": {"k": null}, "t": "2026-12-03T18:30:00Z" })", 60000);
    // No expiry.
    put(0, QStringLiteral("forever"), QStringLiteral("json"),
        { { QStringLiteral("theme"), QStringLiteral("dark") } });
    // Does not decode.
    putRaw(0, QStringLiteral("corrupt"), QByteArray("\x00\x13not a session\xff", 16), 90000);
}

void tst_SessionTransfer::roundTripIsByteIdenticalWithTtls()
{
    fillEverySerializer();
    SessionExportResult exported;
    const QByteArray file = exportFrom(0, {}, &exported);
    QVERIFY2(exported.ok(), file.constData());
    QCOMPARE(exported.exported, 6);
    QCOMPARE(exported.undecodable, 1);

    QCOMPARE(dbSize(1), 0);
    const SessionImportResult imported = importInto(1, file);
    QVERIFY2(imported.ok(), qPrintable(imported.error.message()));
    QCOMPARE(imported.imported, 6);
    QCOMPARE(imported.existing, 0);
    QCOMPARE(imported.failed, 0);

    QCOMPARE(keys(1), keys(0));
    for (const QByteArray &key : keys(0)) {
        QCOMPARE(get(1, key).toByteArray(), get(0, key).toByteArray());
        const qint64 before = pttl(0, key);
        const qint64 after = pttl(1, key);
        if (key == "session_forever") {
            QCOMPARE(after, -1);
        } else {
            QVERIFY2(before > 0 && qAbs(after - before) < 1000,
                     qPrintable(QStringLiteral("%1: %2 vs %3")
                                    .arg(QString::fromUtf8(key))
                                    .arg(before)
                                    .arg(after)));
        }
    }
}

void tst_SessionTransfer::fileIsJsonWithTypedValues()
{
    fillEverySerializer();
    const QByteArray file = exportFrom(0);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file, &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    const QJsonObject root = document.object();
    QCOMPARE(root.value(QLatin1String("format")).toString(), QStringLiteral("redistore-sessions"));
    QCOMPARE(root.value(QLatin1String("version")).toInt(), 1);
    QCOMPARE(root.value(QLatin1String("keyPrefix")).toString(), QStringLiteral("session_"));
    QVERIFY(
        QDateTime::fromString(root.value(QLatin1String("exportedAt")).toString(), Qt::ISODateWithMs)
            .isValid());
    const QJsonArray sessions = root.value(QLatin1String("sessions")).toArray();
    QCOMPARE(sessions.size(), 6);
    QCOMPARE(root.value(QLatin1String("count")).toInt(), 6);
    // A session a line: the header, six sessions, the closing line.
    QCOMPARE(file.count('\n'), 8);

    QHash<QString, QJsonObject> byId;
    for (const QJsonValue &session : sessions)
        byId.insert(session.toObject().value(QLatin1String("id")).toString(), session.toObject());
    const QJsonObject rich = byId.value(QStringLiteral("ds-rich"));
    QCOMPARE(rich.value(QLatin1String("serializer")).toString(), QStringLiteral("datastream"));
    const QJsonObject values = rich.value(QLatin1String("values")).toObject();
    auto typeOf = [&](const char *key) {
        return values.value(QLatin1String(key)).toObject().value(QLatin1String("type")).toString();
    };
    QCOMPARE(typeOf("user"), QStringLiteral("string"));
    QCOMPARE(typeOf("count"), QStringLiteral("int32"));
    QCOMPARE(typeOf("big"), QStringLiteral("int64"));
    QCOMPARE(typeOf("when"), QStringLiteral("datetime"));
    QCOMPARE(typeOf("day"), QStringLiteral("date"));
    QCOMPARE(typeOf("blob"), QStringLiteral("bytes"));
    QCOMPARE(typeOf("ratio"), QStringLiteral("double"));
    QCOMPARE(typeOf("empty"), QStringLiteral("map"));
    QCOMPARE(typeOf("nested"), QStringLiteral("map"));
    QCOMPARE(values.value(QLatin1String("when")).toObject().value(QLatin1String("value")),
             QJsonValue(QStringLiteral("2026-12-03T18:30:00.005Z")));
    QVERIFY(qAbs(rich.value(QLatin1String("ttlMs")).toDouble() - 3600000) < 5000);
    QCOMPARE(byId.value(QStringLiteral("gob-1")).value(QLatin1String("serializer")).toString(),
             QStringLiteral("gob"));
    QCOMPARE(byId.value(QStringLiteral("forever")).value(QLatin1String("ttlMs")).toInt(), -1);
    const QJsonObject corrupt = byId.value(QStringLiteral("corrupt"));
    QVERIFY(!corrupt.contains(QLatin1String("values")));
    QVERIFY(!corrupt.value(QLatin1String("error")).toString().isEmpty());
    QCOMPARE(QByteArray::fromBase64(corrupt.value(QLatin1String("raw")).toString().toLatin1()),
             QByteArray("\x00\x13not a session\xff", 16));
}

void tst_SessionTransfer::importNeverOverwritesUnlessAsked()
{
    fillEverySerializer();
    const QByteArray file = exportFrom(0);
    QCOMPARE(importInto(1, file).imported, 6);
    // Changed after the first import: a second import leaves it, and every other, alone.
    putRaw(1, QStringLiteral("gob-1"), "changed", 5000);
    const SessionImportResult again = importInto(1, file);
    QCOMPARE(again.imported, 0);
    QCOMPARE(again.existing, 6);
    QCOMPARE(again.failed, 0);
    QVERIFY(!again.error.isError());
    QCOMPARE(get(1, "session_gob-1").toByteArray(), QByteArray("changed"));
    QVERIFY(pttl(1, "session_gob-1") <= 5000);

    const SessionImportResult replaced = importInto(1, file, true);
    QVERIFY2(replaced.ok(), qPrintable(replaced.error.message()));
    QCOMPARE(replaced.imported, 6);
    QCOMPARE(replaced.existing, 0);
    QCOMPARE(get(1, "session_gob-1").toByteArray(), get(0, "session_gob-1").toByteArray());
    QVERIFY(pttl(1, "session_gob-1") > 1700000);
    // Overwriting a session with one without expiry removes its TTL.
    putRaw(1, QStringLiteral("forever"), "x", 5000);
    QCOMPARE(importInto(1, file, true).imported, 6);
    QCOMPARE(pttl(1, "session_forever"), -1);
}

void tst_SessionTransfer::editedValuesAreEncoded()
{
    fillEverySerializer();
    QByteArray file = exportFrom(0);
    // As a person edits the file: one value of the gob session, and one of the hand-written
    // JSON session.
    QVERIFY(file.contains(R"("user":{"type":"string","value":"alice"})"));
    file.replace(R"("user":{"type":"string","value":"alice"})",
                 R"("user":{"type":"string","value":"bob"})");
    QVERIFY(file.contains(R"("k":{"type":"null","value":null})"));
    file.replace(R"("k":{"type":"null","value":null})", R"("k":{"type":"int64","value":7})");
    const SessionImportResult imported = importInto(1, file);
    QVERIFY2(imported.ok(), qPrintable(imported.error.message()));
    QCOMPARE(imported.imported, 6);

    SessionAdmin admin(config(1));
    const auto gob = waitFor(admin.load(QStringLiteral("gob-1")));
    QVERIFY(gob && gob->ok());
    QCOMPARE(gob->serializer, QStringLiteral("gob"));
    QCOMPARE(gob->values.value(QStringLiteral("user")).toString(), QStringLiteral("bob"));
    QCOMPARE(gob->values.value(QStringLiteral("u")), QVariant::fromValue(quint64(7)));
    QVERIFY(get(1, "session_gob-1") != get(0, "session_gob-1"));
    const auto json = waitFor(admin.load(QStringLiteral("json-hand")));
    QVERIFY(json && json->ok());
    QCOMPARE(json->serializer, QStringLiteral("json"));
    QCOMPARE(json->values.value(QStringLiteral("a")).toMap().value(QStringLiteral("k")).toInt(), 7);
    // The TTL stays that of the file.
    QVERIFY(pttl(1, "session_gob-1") > 1700000);
    // The sessions not edited are byte-identical still.
    QCOMPARE(get(1, "session_ds-rich").toByteArray(), get(0, "session_ds-rich").toByteArray());
}

void tst_SessionTransfer::valuesOnlyAndRawOnly()
{
    const QByteArray file = R"({"format":"redistore-sessions","version":1,"sessions":[
{"id":"typed-gob","ttlMs":60000,"serializer":"gob","values":{"n":{"type":"int64","value":5}}},
{"id":"typed-default","ttlMs":-1,"values":{"s":{"type":"string","value":"x"}}},
{"id":"raw-only","raw":"aGVsbG8="}
],"count":3}
)";
    const SessionImportResult imported = importInto(0, file);
    QVERIFY2(imported.ok(), qPrintable(imported.error.message()));
    QCOMPARE(imported.imported, 3);
    SessionAdmin admin(config(0));
    const auto gob = waitFor(admin.load(QStringLiteral("typed-gob")));
    QVERIFY(gob && gob->ok());
    QCOMPARE(gob->serializer, QStringLiteral("gob"));
    QCOMPARE(gob->values.value(QStringLiteral("n")), QVariant::fromValue(qint64(5)));
    QVERIFY(pttl(0, "session_typed-gob") > 59000);
    const auto byDefault = waitFor(admin.load(QStringLiteral("typed-default")));
    QVERIFY(byDefault && byDefault->ok());
    QCOMPARE(byDefault->serializer, QStringLiteral("datastream"));
    QCOMPARE(pttl(0, "session_typed-default"), -1);
    QCOMPARE(get(0, "session_raw-only").toByteArray(), QByteArray("hello"));
    QCOMPARE(pttl(0, "session_raw-only"), -1);
}

void tst_SessionTransfer::expiredSessionsAreNotImported()
{
    const QByteArray file = R"({"format":"redistore-sessions","version":1,"sessions":[
{"id":"ran-out","ttlMs":0,"raw":"eA=="},
{"id":"gone","ttlMs":-2,"raw":"eA=="},
{"id":"alive","ttlMs":1000,"raw":"eA=="}
],"count":3}
)";
    const SessionImportResult imported = importInto(0, file);
    QVERIFY(imported.ok());
    QCOMPARE(imported.imported, 1);
    QCOMPARE(imported.expired, 2);
    QCOMPARE(keys(0), QByteArrayList { "session_alive" });
}

void tst_SessionTransfer::exportByPatternAndByIds()
{
    for (const char *id : { "alice-1", "alice-2", "bob-1" })
        put(0, QString::fromLatin1(id), QStringLiteral("json"), { { QStringLiteral("a"), 1 } });
    m_server.command({ "SET", "other_alice-3", "x" });
    m_server.command({ "HSET", "session_alice-hash", "field", "x" }); // under the prefix
    SessionExportResult result;
    QByteArray file = exportFrom(
        0, [](SessionExporter &exporter) { exporter.setIdPattern(QStringLiteral("alice-*")); },
        &result);
    QCOMPARE(result.exported, 2);
    QVERIFY(file.contains("\"alice-1\"") && file.contains("\"alice-2\""));
    QVERIFY(!file.contains("bob") && !file.contains("alice-3") && !file.contains("alice-hash"));
    // The hash is no session: left out, and said so.
    QCOMPARE(result.notSessions, 1);
    QCOMPARE(result.skipped.size(), 1);
    QCOMPARE(result.skipped.first().key, QByteArray("session_alice-hash"));
    QCOMPARE(result.skipped.first().type, QByteArray("hash"));

    file = exportFrom(
        0,
        [](SessionExporter &exporter) {
            exporter.setIds(
                { QStringLiteral("bob-1"), QStringLiteral("nobody"), QStringLiteral("bob-1") });
        },
        &result);
    QVERIFY(result.ok());
    QCOMPARE(result.exported, 1);
    QCOMPARE(result.gone, 1);
    QVERIFY(file.contains("\"bob-1\""));
    QVERIFY(!file.contains("alice"));
}

void tst_SessionTransfer::manyPagesAndBatches()
{
    // More than a SCAN page and an import batch, with progress along the way.
    QByteArrayList args { "MSET" };
    const QByteArray bytes = SessionSerializer::byName(QStringLiteral("gob"))
                                 ->serialize({ { QStringLiteral("k"), 1 } })
                                 .value();
    for (int i = 0; i < 1234; ++i)
        args << "session_s" + QByteArray::number(i) << bytes;
    m_server.command(args);
    SessionAdmin admin(config(0));
    SessionExporter exporter(&admin);
    QSignalSpy exportProgress(&exporter, &SessionExporter::progress);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    const auto exported = waitFor(exporter.start(&buffer), 30000);
    QVERIFY(exported && exported->ok());
    QCOMPARE(exported->exported, 1234);
    QVERIFY(exportProgress.size() >= 2);
    QCOMPARE(exportProgress.last().at(0).toLongLong(), 1234);
    QCOMPARE(exportProgress.last().at(1).toLongLong(), -1);

    SessionAdmin target(config(1));
    SessionImporter importer(&target);
    QSignalSpy importProgress(&importer, &SessionImporter::progress);
    buffer.close();
    buffer.open(QIODevice::ReadOnly);
    const auto imported = waitFor(importer.start(&buffer), 30000);
    QVERIFY(imported && imported->ok());
    QCOMPARE(imported->imported, 1234);
    QVERIFY(importProgress.size() >= 6); // batches of 200
    QCOMPARE(dbSize(1), 1234);
}

void tst_SessionTransfer::fileLaidOutByAnotherTool()
{
    fillEverySerializer();
    const QByteArray file = exportFrom(0);
    // As `jq .` prints it: indented, several lines a session.
    const QByteArray pretty = QJsonDocument::fromJson(file).toJson(QJsonDocument::Indented);
    QVERIFY(pretty.count('\n') > 20);
    const SessionImportResult imported = importInto(1, pretty);
    QVERIFY2(imported.ok(), qPrintable(imported.error.message()));
    QCOMPARE(imported.imported, 6);
    for (const QByteArray &key : keys(0))
        QCOMPARE(get(1, key).toByteArray(), get(0, key).toByteArray());
}

void tst_SessionTransfer::badFiles_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<int>("code");
    QTest::addColumn<qint64>("line");
    QTest::addColumn<int>("imported");
    QTest::addColumn<QString>("mentions");
    const QByteArray header = R"({"format":"redistore-sessions","version":1,"sessions":[)";
    QTest::newRow("empty") << QByteArray() << int(Code::WrongFormat) << qint64(0) << 0 << "empty";
    QTest::newRow("not json") << QByteArray("id,ttl\nabc,12\n") << int(Code::NotJson) << qint64(1)
                              << 0 << "not JSON";
    QTest::newRow("other json") << QByteArray(R"({"sessions":[]})") << int(Code::WrongFormat)
                                << qint64(0) << 0 << "redistore-sessions";
    QTest::newRow("newer version")
        << QByteArray(R"({"format":"redistore-sessions","version":2,"sessions":[)"
                      "\n],\"count\":0}\n")
        << int(Code::UnsupportedVersion) << qint64(1) << 0 << "version 2";
    QTest::newRow("cut short") << header + "\n{\"id\":\"a\",\"raw\":\"eA==\"},\n"
                               << int(Code::Truncated) << qint64(2) << 1 << "ends at line 2";
    QTest::newRow("closing line cut short")
        << header + "\n{\"id\":\"a\",\"raw\":\"eA==\"}\n],\"count\":1\n"
        << int(Code::Truncated) << qint64(3) << 1 << "closing line";
    QTest::newRow("a session line lost") << header
            + "\n{\"id\":\"a\",\"raw\":\"eA==\"},\n{\"id\":\"b\",\"raw\":\"eA==\"}\n],"
              "\"count\":3}\n" << int(Code::Truncated)
                                         << qint64(4) << 2 << "holds 3 sessions, but 2 were read";
    QTest::newRow("bad line after good ones") << header
            + "\n{\"id\":\"a\",\"raw\":\"eA==\"},\n{\"id\":\"b\",\"raw\":\n"
              "{\"id\":\"c\",\"raw\":\"eA==\"}\n],\"count\":3}\n"
                                              << int(Code::NotJson) << qint64(3) << 1 << "line 3";
}

void tst_SessionTransfer::badFiles()
{
    QFETCH(QByteArray, file);
    QFETCH(int, code);
    QFETCH(qint64, line);
    QFETCH(int, imported);
    QFETCH(QString, mentions);
    const SessionImportResult result = importInto(0, file);
    QCOMPARE(int(result.error.code()), code);
    QCOMPARE(result.error.line(), line);
    QVERIFY2(result.error.message().contains(mentions), qPrintable(result.error.message()));
    QVERIFY(!result.ok());
    // What came before the bad part is written, and stays.
    QCOMPARE(result.imported, imported);
    QCOMPARE(dbSize(0), imported);
}

void tst_SessionTransfer::badSessionsFailAlone()
{
    const QByteArray file = R"({"format":"redistore-sessions","version":1,"sessions":[
{"id":"ok-1","raw":"eA=="},
{"id":"bad-base64","raw":"**not base64**"},
{"id":"bad-serializer","serializer":"protobuf","raw":"eA=="},
{"raw":"eA=="},
{"id":"bad-value","serializer":"json","values":{"n":{"type":"int32","value":"x"}}},
{"id":"cannot-encode","serializer":"gob","values":{"d":{"type":"date","value":"2020-01-01"}}},
{"id":"bad-ttl","ttlMs":"soon","raw":"eA=="},
{"id":"ok-2","raw":"eA=="}
],"count":8}
)";
    const SessionImportResult result = importInto(0, file);
    QVERIFY(!result.error.isError());
    QVERIFY(!result.ok());
    QCOMPARE(result.imported, 2);
    QCOMPARE(result.failed, 6);
    QCOMPARE(result.failures.size(), 6);
    QCOMPARE(result.failures.at(0).code(), Code::BadSession);
    QCOMPARE(result.failures.at(0).line(), 3);
    QCOMPARE(result.failures.at(0).id(), QStringLiteral("bad-base64"));
    QVERIFY2(
        result.failures.at(0).message().startsWith(QLatin1String("line 3, session bad-base64: ")),
        qPrintable(result.failures.at(0).message()));
    QCOMPARE(result.failures.at(1).code(), Code::UnknownSerializer);
    QVERIFY(result.failures.at(1).message().contains(QLatin1String("protobuf")));
    QCOMPARE(result.failures.at(2).code(), Code::BadSession);
    QCOMPARE(result.failures.at(2).line(), 5);
    QCOMPARE(result.failures.at(3).code(), Code::BadSession);
    QVERIFY2(result.failures.at(3).message().contains(QLatin1String("values.n")),
             qPrintable(result.failures.at(3).message()));
    QCOMPARE(result.failures.at(4).code(), Code::SerializeFailed);
    QCOMPARE(result.failures.at(5).code(), Code::BadSession);
    QCOMPARE(keys(0), (QByteArrayList { "session_ok-1", "session_ok-2" }));
}

void tst_SessionTransfer::readOnlyImportsNothing()
{
    fillEverySerializer();
    const QByteArray file = exportFrom(0);
    // SET calls so far, from INFO commandstats ("cmdstat_set:calls=N,...").
    auto setCalls = [this]() {
        const QByteArray stats = m_server.command({ "INFO", "commandstats" }).toByteArray();
        const qsizetype at = stats.indexOf("cmdstat_set:calls=");
        if (at < 0)
            return qint64(0);
        const qsizetype from = at + qsizetype(qstrlen("cmdstat_set:calls="));
        return stats.mid(from, stats.indexOf(',', from) - from).toLongLong();
    };
    const qint64 commandsBefore = setCalls();
    QVERIFY(commandsBefore > 0); // fillEverySerializer's, through EVAL
    const SessionImportResult result = importInto(1, file, false, true);
    QCOMPARE(result.error.code(), Code::ReadOnly);
    QCOMPARE(result.imported, 0);
    QCOMPARE(dbSize(1), 0);
    // No SET reached Redis.
    QCOMPARE(setCalls(), commandsBefore);
}

// A user that may not write: the import stops at the first batch, not after a refusal for
// every session of the file.
void tst_SessionTransfer::writesRefusedByRedisStopTheImport()
{
    QByteArrayList args { "MSET" };
    const QByteArray bytes = SessionSerializer::byName(QStringLiteral("json"))
                                 ->serialize({ { QStringLiteral("k"), 1 } })
                                 .value();
    for (int i = 0; i < 1000; ++i)
        args << "session_s" + QByteArray::number(i) << bytes;
    m_server.command(args);
    const QByteArray file = exportFrom(0);
    m_server.command(
        { "ACL", "SETUSER", "reader", "on", ">reader-secret", "~*", "+@all", "-@write" });
    const SessionImportResult refused
        = importAs(1, QStringLiteral("reader"), QStringLiteral("reader-secret"), file);
    m_server.command({ "ACL", "DELUSER", "reader" });
    QCOMPARE(refused.error.code(), Code::RedisFailed);
    QVERIFY2(refused.error.message().contains(QLatin1String("NOPERM")),
             qPrintable(refused.error.message()));
    QVERIFY2(refused.error.message().contains(QLatin1String("every write")),
             qPrintable(refused.error.message()));
    QCOMPARE(refused.imported, 0);
    QVERIFY2(refused.failed > 0 && refused.failed < 1000,
             qPrintable(QString::number(refused.failed)));
    QCOMPARE(dbSize(1), 0);

    // Refused for some keys only (an ACL for part of them, one full node of a cluster): the
    // import goes on, each refused session failing alone.
    m_server.command(
        { "ACL", "SETUSER", "partial", "on", ">partial-secret", "~session_s1*", "+@all" });
    const SessionImportResult partial
        = importAs(2, QStringLiteral("partial"), QStringLiteral("partial-secret"), file);
    m_server.command({ "ACL", "DELUSER", "partial" });
    QCOMPARE(partial.error.code(), Code::NoError);
    QCOMPARE(partial.imported, 111); // s1, s10..s19, s100..s199
    QCOMPARE(partial.failed, 1000 - 111);
    QCOMPARE(dbSize(2), 111);
}

void tst_SessionTransfer::noSecretsInTheFile()
{
    RedisServer secured(RedisServer::Options { true, {}, false, false });
    QVERIFY2(secured.start(), qPrintable(secured.errorString()));
    const QByteArray bytes = SessionSerializer::byName(QStringLiteral("json"))
                                 ->serialize({ { QStringLiteral("a"), 1 } })
                                 .value();
    secured.command({ "SET", "session_s1", bytes }, RedisServer::aclUser, RedisServer::aclPassword);
    auto config = RedisConfig::fromUrl(
        QStringLiteral("redis://%1:%2@127.0.0.1:%3/0")
            .arg(QLatin1String(RedisServer::aclUser), QLatin1String(RedisServer::aclPassword))
            .arg(secured.port()));
    QVERIFY(config.ok());
    SessionAdmin admin(config.value());
    SessionExporter exporter(&admin);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    const auto result = waitFor(exporter.start(&buffer));
    QVERIFY(result && result->ok());
    QCOMPARE(result->exported, 1);
    const QByteArray file = buffer.data();
    QVERIFY(!file.contains(RedisServer::aclPassword));
    QVERIFY(!file.contains(RedisServer::aclUser));
    QVERIFY(!file.contains(QByteArray::number(secured.port())));
    QVERIFY(!file.contains("redis://"));
    QVERIFY(!file.contains("127.0.0.1"));
}

void tst_SessionTransfer::secondStartIsRefused()
{
    put(0, QStringLiteral("a"), QStringLiteral("json"), { { QStringLiteral("k"), 1 } });
    SessionAdmin admin(config(0));
    SessionExporter exporter(&admin);
    QBuffer first;
    QBuffer second;
    first.open(QIODevice::WriteOnly);
    second.open(QIODevice::WriteOnly);
    const auto running = exporter.start(&first);
    const auto refused = waitFor(exporter.start(&second));
    QVERIFY(refused);
    QCOMPARE(refused->error.code(), Code::AlreadyStarted);
    const auto exported = waitFor(running);
    QVERIFY(exported && exported->ok());
    QCOMPARE(exported->exported, 1);
    QVERIFY(second.data().isEmpty());

    SessionImporter importer(&admin);
    QBuffer file;
    file.setData(first.data());
    file.open(QIODevice::ReadOnly);
    const auto importing = importer.start(&file);
    const auto again = waitFor(importer.start(&file));
    QVERIFY(again);
    QCOMPARE(again->error.code(), Code::AlreadyStarted);
    const auto imported = waitFor(importing);
    QVERIFY(imported && !imported->error.isError());
    QCOMPARE(imported->existing, 1);
}

QTEST_GUILESS_MAIN(tst_SessionTransfer)
#include "tst_sessiontransfer.moc"
