#include <libredistore/codec/gob.h>

#include "gobreference.h"
#include "govalues.h"
#include "testdata.h"

#include <QtCore/QDateTime>
#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QRect>
#include <QtTest/QtTest>

#include <limits>

using namespace RediStore;
using namespace RediStore::Test;

namespace {

// Writes hand-made gob streams: message framing and gob integers, so tests can craft what the
// Go encoder never sends (other type ids, hostile counts, deep recursion).
class GobBuilder
{
public:
    GobBuilder &uint(quint64 x)
    {
        if (x <= 0x7f) {
            m_message.append(char(x));
            return *this;
        }
        QByteArray bytes;
        while (x) {
            bytes.prepend(char(x & 0xff));
            x >>= 8;
        }
        m_message.append(char(256 - bytes.size()));
        m_message.append(bytes);
        return *this;
    }
    GobBuilder &sint(qint64 i) { return uint(i < 0 ? (quint64(~i) << 1) | 1 : quint64(i) << 1); }
    GobBuilder &raw(const QByteArray &bytes)
    {
        m_message.append(bytes);
        return *this;
    }
    GobBuilder &string(const QByteArray &text)
    {
        uint(quint64(text.size()));
        return raw(text);
    }
    // wireType{SliceT: {CommonType{Id: id}, Elem: elem}} as a "-id" definition.
    GobBuilder &sliceDefinition(qint64 id, qint64 elem)
    {
        sint(-id).uint(2).uint(1).uint(2).sint(id).uint(0).uint(1).sint(elem).uint(0).uint(0);
        return *this;
    }
    GobBuilder &mapDefinition(qint64 id, qint64 key, qint64 elem)
    {
        sint(-id).uint(4).uint(1).uint(2).sint(id).uint(0);
        uint(1).sint(key).uint(1).sint(elem).uint(0).uint(0);
        return *this;
    }
    GobBuilder &endMessage()
    {
        QByteArray length;
        GobBuilder counter;
        counter.uint(quint64(m_message.size()));
        m_stream.append(counter.m_message);
        m_stream.append(m_message);
        m_message.clear();
        return *this;
    }
    QByteArray stream() const { return m_stream; }

private:
    QByteArray m_message;
    QByteArray m_stream;
};

struct Stream
{
    QString name;
    QByteArray bytes;
};

// Every valid stream the tests know: the Go vectors and the Go reference table.
QList<Stream> validStreams()
{
    QList<Stream> streams;
    const QJsonObject vectors = goVectors();
    for (const QJsonValue &v : vectors.value(QStringLiteral("securecookie")).toArray()) {
        const QJsonObject o = v.toObject();
        if (o.value(QStringLiteral("encoder")).toString() == QStringLiteral("gob")) {
            streams.append(
                { o.value(QStringLiteral("id")).toString(),
                  QByteArray::fromHex(
                      o.value(QStringLiteral("serialized_hex")).toString().toLatin1()) });
        }
    }
    const QJsonArray rs = vectors.value(QStringLiteral("redistore"))
                              .toObject()
                              .value(QStringLiteral("vectors"))
                              .toArray();
    for (const QJsonValue &v : rs) {
        const QJsonObject o = v.toObject();
        if (o.value(QStringLiteral("serializer")).toString() == QStringLiteral("gob")
            && o.contains(QStringLiteral("redis_value_hex"))) {
            streams.append(
                { o.value(QStringLiteral("id")).toString(),
                  QByteArray::fromHex(
                      o.value(QStringLiteral("redis_value_hex")).toString().toLatin1()) });
        }
    }
    for (const GoReference &ref : goReferenceTable())
        streams.append({ QString::fromLatin1(ref.name), hex(ref.hex) });
    return streams;
}

bool isGobError(CodecError::Code code)
{
    return int(code) >= 300 && int(code) < 400;
}

} // namespace

class tst_Gob : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void decodesGoVectors_data();
    void decodesGoVectors();
    void encodesGoVectorsByteForByte_data();
    void encodesGoVectorsByteForByte();
    void encodesMultiEntryMapsAsGoDoesUpToOrder_data();
    void encodesMultiEntryMapsAsGoDoesUpToOrder();
    void encodesMaxLengthVectorToExactly4096Bytes();

    void goReferenceStreams_data();
    void goReferenceStreams();
    void matchesGoOnRandomNestedValues();
    void goTypesOutsideTheSupportedSetAreNamed_data();
    void goTypesOutsideTheSupportedSetAreNamed();

    void honoursDefinitionsWhateverTheirIds();
    void honoursDefinitionsSentInTheMiddleOfAValue();
    void ignoresDataAfterTheValueAsGoDoes();
    void qtTypesWithoutGoCounterpartAreRejected_data();
    void qtTypesWithoutGoCounterpartAreRejected();
    void writesQtIntegerAndListFlavoursAsGoTypes();

    void roundTripsRandomValues();
    void encodesLongAndMultiByteStringsAsGo_data();
    void encodesLongAndMultiByteStringsAsGo();
    void topLevelStrings();
    void outputBuffersAreNeverShared();
    void mapKeysDecodeRightWhateverTheKeysBefore();
    void loneSurrogatesAreWrittenAsToUtf8Does();
    void everyTruncationIsATypedError();
    void byteFlipsNeverCrash();

    void limitsBoundNestingDepth();
    void limitsBoundSelfReferentialTypes();
    void limitsBoundElementCounts();
    void limitsBoundInputSize();
    void limitsBoundTypeDefinitions();
    void rejectsMalformedStreams_data();
    void rejectsMalformedStreams();

private:
    QJsonObject m_vectors;
};

void tst_Gob::initTestCase()
{
    m_vectors = goVectors();
    QVERIFY2(!m_vectors.isEmpty(), "tests/data/go-redistore.json not readable");
}

void tst_Gob::decodesGoVectors_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<QVariant>("expected");

    int rows = 0;
    for (const QJsonValue &v : m_vectors.value(QStringLiteral("securecookie")).toArray()) {
        const QJsonObject o = v.toObject();
        if (o.value(QStringLiteral("encoder")).toString() != QStringLiteral("gob"))
            continue;
        QTest::newRow(qPrintable(o.value(QStringLiteral("id")).toString()))
            << QByteArray::fromHex(o.value(QStringLiteral("serialized_hex")).toString().toLatin1())
            << fromGoRendering(o.value(QStringLiteral("decoded")).toObject());
        ++rows;
    }
    const QJsonArray rs = m_vectors.value(QStringLiteral("redistore"))
                              .toObject()
                              .value(QStringLiteral("vectors"))
                              .toArray();
    for (const QJsonValue &v : rs) {
        const QJsonObject o = v.toObject();
        const QString id = o.value(QStringLiteral("id")).toString();
        if (o.contains(QStringLiteral("cookie_serialized_hex"))) {
            // The cookie holds gob(session ID string).
            QTest::newRow(qPrintable(id + QStringLiteral("/cookie")))
                << QByteArray::fromHex(
                       o.value(QStringLiteral("cookie_serialized_hex")).toString().toLatin1())
                << QVariant(o.value(QStringLiteral("session_id")).toString());
            ++rows;
        }
        if (o.value(QStringLiteral("serializer")).toString() != QStringLiteral("gob")
            || !o.contains(QStringLiteral("redis_value_hex")))
            continue;
        const QByteArray stream
            = QByteArray::fromHex(o.value(QStringLiteral("redis_value_hex")).toString().toLatin1());
        QTest::newRow(qPrintable(id + QStringLiteral("/values")))
            << stream << fromGoRendering(o.value(QStringLiteral("values")).toObject());
        QTest::newRow(qPrintable(id + QStringLiteral("/reload")))
            << stream
            << fromGoRendering(o.value(QStringLiteral("reload"))
                                   .toObject()
                                   .value(QStringLiteral("values"))
                                   .toObject());
        rows += 2;
    }
    QVERIFY(rows >= 20);
}

void tst_Gob::decodesGoVectors()
{
    QFETCH(QByteArray, stream);
    QFETCH(QVariant, expected);
    const auto decoded = Gob::decode(stream);
    QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : decoded.error().message()));
    REDISTORE_COMPARE_VALUES(decoded.value(), expected);
}

void tst_Gob::encodesGoVectorsByteForByte_data()
{
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QByteArray>("expected");

    for (const QJsonValue &v : m_vectors.value(QStringLiteral("securecookie")).toArray()) {
        const QJsonObject o = v.toObject();
        if (o.value(QStringLiteral("encoder")).toString() != QStringLiteral("gob")
            || !o.value(QStringLiteral("serialization_deterministic")).toBool())
            continue;
        QTest::newRow(qPrintable(o.value(QStringLiteral("id")).toString()))
            << fromGoRendering(o.value(QStringLiteral("value")).toObject())
            << QByteArray::fromHex(o.value(QStringLiteral("serialized_hex")).toString().toLatin1());
    }
    const QJsonArray rs = m_vectors.value(QStringLiteral("redistore"))
                              .toObject()
                              .value(QStringLiteral("vectors"))
                              .toArray();
    for (const QJsonValue &v : rs) {
        const QJsonObject o = v.toObject();
        const QString id = o.value(QStringLiteral("id")).toString();
        if (o.contains(QStringLiteral("cookie_serialized_hex"))) {
            QTest::newRow(qPrintable(id + QStringLiteral("/cookie")))
                << QVariant(o.value(QStringLiteral("session_id")).toString())
                << QByteArray::fromHex(
                       o.value(QStringLiteral("cookie_serialized_hex")).toString().toLatin1());
        }
        if (o.value(QStringLiteral("serializer")).toString() == QStringLiteral("gob")
            && o.value(QStringLiteral("serialization_deterministic")).toBool()
            && o.contains(QStringLiteral("redis_value_hex"))) {
            QTest::newRow(qPrintable(id + QStringLiteral("/values")))
                << fromGoRendering(o.value(QStringLiteral("values")).toObject())
                << QByteArray::fromHex(
                       o.value(QStringLiteral("redis_value_hex")).toString().toLatin1());
        }
    }
}

void tst_Gob::encodesGoVectorsByteForByte()
{
    QFETCH(QVariant, value);
    QFETCH(QByteArray, expected);
    const auto encoded = Gob::encode(value);
    QVERIFY2(encoded.ok(), qPrintable(encoded.ok() ? QString() : encoded.error().message()));
    QCOMPARE(encoded.value().toHex(), expected.toHex());
}

void tst_Gob::encodesMultiEntryMapsAsGoDoesUpToOrder_data()
{
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QByteArray>("goStream");

    for (const QJsonValue &v : m_vectors.value(QStringLiteral("securecookie")).toArray()) {
        const QJsonObject o = v.toObject();
        if (o.value(QStringLiteral("encoder")).toString() == QStringLiteral("gob")
            && !o.value(QStringLiteral("serialization_deterministic")).toBool()) {
            QTest::newRow(qPrintable(o.value(QStringLiteral("id")).toString()))
                << fromGoRendering(o.value(QStringLiteral("value")).toObject())
                << QByteArray::fromHex(
                       o.value(QStringLiteral("serialized_hex")).toString().toLatin1());
        }
    }
    const QJsonArray rs = m_vectors.value(QStringLiteral("redistore"))
                              .toObject()
                              .value(QStringLiteral("vectors"))
                              .toArray();
    for (const QJsonValue &v : rs) {
        const QJsonObject o = v.toObject();
        if (o.value(QStringLiteral("serializer")).toString() == QStringLiteral("gob")
            && !o.value(QStringLiteral("serialization_deterministic")).toBool()
            && o.contains(QStringLiteral("redis_value_hex"))) {
            QTest::newRow(qPrintable(o.value(QStringLiteral("id")).toString()))
                << fromGoRendering(o.value(QStringLiteral("values")).toObject())
                << QByteArray::fromHex(
                       o.value(QStringLiteral("redis_value_hex")).toString().toLatin1());
        }
    }
}

// Go writes map entries in random order; ours are sorted. The type definition message, the
// length and the decoded value must still be Go's.
void tst_Gob::encodesMultiEntryMapsAsGoDoesUpToOrder()
{
    QFETCH(QVariant, value);
    QFETCH(QByteArray, goStream);
    const auto encoded = Gob::encode(value);
    QVERIFY(encoded.ok());
    QCOMPARE(encoded.value().size(), goStream.size());
    QCOMPARE(encoded.value().left(20).toHex(), goStream.left(20).toHex());
    const auto decoded = Gob::decode(encoded.value());
    QVERIFY(decoded.ok());
    REDISTORE_COMPARE_VALUES(decoded.value(), value);
}

void tst_Gob::encodesMaxLengthVectorToExactly4096Bytes()
{
    const QJsonArray rs = m_vectors.value(QStringLiteral("redistore"))
                              .toObject()
                              .value(QStringLiteral("vectors"))
                              .toArray();
    for (const QJsonValue &v : rs) {
        const QJsonObject o = v.toObject();
        if (o.value(QStringLiteral("id")).toString() != QStringLiteral("rs-maxlength-4096-ok"))
            continue;
        const QVariant values = fromGoRendering(o.value(QStringLiteral("values")).toObject());
        const QByteArray prefix
            = QByteArray::fromHex(o.value(QStringLiteral("extra"))
                                      .toObject()
                                      .value(QStringLiteral("redis_value_prefix_hex"))
                                      .toString()
                                      .toLatin1());
        const auto encoded = Gob::encode(values);
        QVERIFY(encoded.ok());
        QCOMPARE(encoded.value().size(), o.value(QStringLiteral("redis_value_len")).toInt());
        QCOMPARE(encoded.value().size(), 4096);
        QCOMPARE(encoded.value().left(prefix.size()).toHex(), prefix.toHex());
        return;
    }
    QFAIL("vector rs-maxlength-4096-ok missing");
}

void tst_Gob::goReferenceStreams_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<QVariant>("expected");
    QTest::addColumn<bool>("reproducible");
    for (const GoReference &ref : goReferenceTable())
        QTest::newRow(ref.name) << hex(ref.hex) << ref.expected << ref.reproducible;
}

void tst_Gob::goReferenceStreams()
{
    QFETCH(QByteArray, stream);
    QFETCH(QVariant, expected);
    QFETCH(bool, reproducible);

    const auto decoded = Gob::decode(stream);
    QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : decoded.error().message()));
    REDISTORE_COMPARE_VALUES(decoded.value(), expected);

    const auto encoded = Gob::encode(expected);
    QVERIFY2(encoded.ok(), qPrintable(encoded.ok() ? QString() : encoded.error().message()));
    if (reproducible)
        QCOMPARE(encoded.value().toHex(), stream.toHex());
    const auto again = Gob::decode(encoded.value());
    QVERIFY(again.ok());
    REDISTORE_COMPARE_VALUES(again.value(), expected);
}

// The value a gob-random.jsonl description stands for (see go/gobrandom.go).
static QVariant fromRandomDescription(const QJsonObject &d)
{
    const QString t = d.value(QStringLiteral("t")).toString();
    const QJsonValue v = d.value(QStringLiteral("v"));
    if (t == QStringLiteral("string"))
        return v.toString();
    if (t == QStringLiteral("int"))
        return i64(v.toString().toLongLong());
    if (t == QStringLiteral("uint"))
        return u64(v.toString().toULongLong());
    if (t == QStringLiteral("float64"))
        return doubleFromHexBits(v.toString());
    if (t == QStringLiteral("bool"))
        return v.toBool();
    if (t == QStringLiteral("bytes"))
        return QByteArray::fromHex(v.toString().toLatin1());
    if (t == QStringLiteral("list")) {
        QVariantList list;
        for (const QJsonValue &item : v.toArray())
            list.append(fromRandomDescription(item.toObject()));
        return list;
    }
    if (t == QStringLiteral("map")) {
        QVariantMap map;
        if (!d.value(QStringLiteral("k")).isNull())
            map.insert(d.value(QStringLiteral("k")).toString(),
                       fromRandomDescription(v.toObject()));
        return map;
    }
    return QVariant();
}

// Random nesting of every supported type, each encoded by a fresh Go process: our bytes must
// be Go's (type ids, definitions cut into the value, length prefixes), and Go's must decode.
void tst_Gob::matchesGoOnRandomNestedValues()
{
    QFile file(QFINDTESTDATA("go/gob-random.jsonl"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    int cases = 0;
    while (!file.atEnd()) {
        const QJsonObject line = QJsonDocument::fromJson(file.readLine()).object();
        const QVariantMap value { { line.value(QStringLiteral("key")).toString(),
                                    fromRandomDescription(
                                        line.value(QStringLiteral("value")).toObject()) } };
        const QByteArray goHex = line.value(QStringLiteral("hex")).toString().toLatin1();
        const auto encoded = Gob::encode(value);
        QVERIFY(encoded.ok());
        QCOMPARE(encoded.value().toHex(), goHex);
        const auto decoded = Gob::decode(QByteArray::fromHex(goHex));
        QVERIFY(decoded.ok());
        REDISTORE_COMPARE_VALUES(decoded.value(), value);
        ++cases;
    }
    QCOMPARE(cases, 150);
}

void tst_Gob::goTypesOutsideTheSupportedSetAreNamed_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<QString>("goType");
    for (const GoUnsupported &u : goUnsupportedStreams)
        QTest::newRow(u.name) << hex(u.hex) << QString::fromLatin1(u.goType);
}

void tst_Gob::goTypesOutsideTheSupportedSetAreNamed()
{
    QFETCH(QByteArray, stream);
    QFETCH(QString, goType);
    const auto decoded = Gob::decode(stream);
    QVERIFY(!decoded.ok());
    QCOMPARE(decoded.error().code(), CodecError::Code::GobUnsupportedType);
    QCOMPARE(decoded.error().codeName(), QStringLiteral("GobUnsupportedType"));
    QVERIFY2(decoded.error().message().contains(goType), qPrintable(decoded.error().message()));
}

// The ids in a stream are the sender's: a long-running Go process gives other ids than a fresh
// one. Definitions with arbitrary ids, in any order, must decode the same.
void tst_Gob::honoursDefinitionsWhateverTheirIds()
{
    GobBuilder b;
    b.mapDefinition(1000, 8, 8).endMessage();
    b.sint(1000).uint(0).uint(1);
    b.string("string").sint(6).uint(3).uint(0).string("k");
    b.string("[]interface {}").sliceDefinition(77, 8).endMessage();
    b.sint(77).uint(6).uint(0).uint(1).string("bool").sint(1).uint(2).uint(0).uint(1).endMessage();
    const auto decoded = Gob::decode(b.stream());
    QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : decoded.error().message()));
    REDISTORE_COMPARE_VALUES(decoded.value(), map1(QStringLiteral("k"), QVariantList { true }));
}

// A definition cut into the middle of a value: the first message ends in "-id wireType", the
// value continues in the next one; nested in a list inside an interface, the definition is
// followed by the rest of the delimited value, whose count Go skips (decodeTypeSequence).
void tst_Gob::honoursDefinitionsSentInTheMiddleOfAValue()
{
    // The Go reference "nested-two" has both shapes; check the pieces are where Go put them.
    const QByteArray stream = hex(goReferenceTable().at(1).hex);
    QVERIFY(stream.contains(hex("0e5b5d696e74657266616365207b7dff83020102ff8400011000005bff84")));
    QVERIFY(stream.contains(hex("ff85040102ff8600010c0110000023ff86")));
    const auto decoded = Gob::decode(stream);
    QVERIFY(decoded.ok());

    // And a definition in the middle of a map of maps, with a second definition in the same
    // cut-off message as the rest of the outer value (Go's pushWriter nesting).
    QVariantMap inner;
    inner.insert(QStringLiteral("list"),
                 QVariantList { 1, QVariantMap { { QStringLiteral("z"), 2 } } });
    const QVariantMap value { { QStringLiteral("a"), inner },
                              { QStringLiteral("b"), QVariantList {} } };
    const auto encoded = Gob::encode(value);
    QVERIFY(encoded.ok());
    const auto back = Gob::decode(encoded.value());
    QVERIFY(back.ok());
    QVariantMap expectedInner;
    expectedInner.insert(QStringLiteral("list"),
                         QVariantList { i64(1), map1(QStringLiteral("z"), i64(2)) });
    REDISTORE_COMPARE_VALUES(back.value(),
                             (QVariantMap { { QStringLiteral("a"), expectedInner },
                                            { QStringLiteral("b"), QVariantList {} } }));
}

void tst_Gob::ignoresDataAfterTheValueAsGoDoes()
{
    // gob.Decoder.Decode reads one value; what follows is left for a next Decode call.
    const auto decoded = Gob::decode(hex("080c000568656c6c6f") + hex("03020001"));
    QVERIFY(decoded.ok());
    REDISTORE_COMPARE_VALUES(decoded.value(), QStringLiteral("hello"));
}

void tst_Gob::qtTypesWithoutGoCounterpartAreRejected_data()
{
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QString>("named");
    QTest::newRow("datetime") << QVariant(QDateTime::currentDateTimeUtc())
                              << QStringLiteral("QDateTime");
    QTest::newRow("rect") << QVariant(QRect(1, 2, 3, 4)) << QStringLiteral("QRect");
    QTest::newRow("nested") << QVariant(map1(QStringLiteral("r"), QRect(1, 2, 3, 4)))
                            << QStringLiteral("QRect");
    QTest::newRow("nil at top") << QVariant() << QStringLiteral("nil");
}

void tst_Gob::qtTypesWithoutGoCounterpartAreRejected()
{
    QFETCH(QVariant, value);
    QFETCH(QString, named);
    const auto encoded = Gob::encode(value);
    QVERIFY(!encoded.ok());
    QCOMPARE(encoded.error().code(), CodecError::Code::GobUnsupportedType);
    QVERIFY2(encoded.error().message().contains(named), qPrintable(encoded.error().message()));
}

void tst_Gob::writesQtIntegerAndListFlavoursAsGoTypes()
{
    QVariantHash hash;
    hash.insert(QStringLiteral("i"), QVariant(int(-5)));
    hash.insert(QStringLiteral("u"), QVariant(uint(5)));
    hash.insert(QStringLiteral("f"), QVariant(float(0.5f)));
    hash.insert(QStringLiteral("l"), QStringList { QStringLiteral("x") });
    const auto encoded = Gob::encode(hash);
    QVERIFY(encoded.ok());
    const auto decoded = Gob::decode(encoded.value());
    QVERIFY(decoded.ok());
    QVariantMap expected;
    expected.insert(QStringLiteral("i"), i64(-5));
    expected.insert(QStringLiteral("u"), u64(5));
    expected.insert(QStringLiteral("f"), 0.5);
    expected.insert(QStringLiteral("l"), QVariantList { QStringLiteral("x") });
    REDISTORE_COMPARE_VALUES(decoded.value(), expected);
    // An int is Go's int, so a Go program reads it with `.(int)`.
    QVERIFY(encoded.value().contains(hex("03696e7404")));
}

void tst_Gob::roundTripsRandomValues()
{
    QRandomGenerator random(20260527);
    for (int i = 0; i < 500; ++i) {
        const QVariantMap session = randomSession(random, RandomFlavor::Gob);
        const auto encoded = Gob::encode(session);
        QVERIFY2(encoded.ok(), qPrintable(encoded.ok() ? QString() : encoded.error().message()));
        const auto decoded = Gob::decode(encoded.value());
        QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : decoded.error().message()));
        REDISTORE_COMPARE_VALUES(decoded.value(), session);
    }
}

// Strings whose UTF-8 length crosses the one-, two- and three-byte length prefixes, in
// characters of one to four UTF-8 bytes, against a stream built by hand as Go writes it:
// map[interface{}]interface{}{"k": s}.
void tst_Gob::encodesLongAndMultiByteStringsAsGo_data()
{
    QTest::addColumn<QString>("text");
    const QString characters[] = { QStringLiteral("x"), QStringLiteral("\u00e9"),
                                   QStringLiteral("\u20ac"), QStringLiteral("\U0001F600") };
    const int counts[] = { 0,   1,   31,  32,  42,   43,    63,    64,    85,    86,   126,
                           127, 128, 255, 256, 1000, 21845, 21846, 65535, 65536, 70000 };
    for (const QString &c : characters) {
        for (const int n : counts) {
            QTest::addRow("%d x U+%04X", n, c.toUcs4().constFirst()) << c.repeated(n);
        }
    }
}

void tst_Gob::encodesLongAndMultiByteStringsAsGo()
{
    QFETCH(QString, text);
    const QByteArray utf8 = text.toUtf8();
    auto uintSize = [](quint64 x) {
        GobBuilder b;
        b.uint(x).endMessage();
        return quint64(b.stream().size() - 1);
    };
    GobBuilder expected;
    expected.mapDefinition(65, 8, 8).endMessage();
    expected.sint(65).uint(0).uint(1);
    expected.string("string").sint(6).uint(3).uint(0).string("k");
    expected.string("string").sint(6);
    expected.uint(1 + uintSize(quint64(utf8.size())) + quint64(utf8.size()));
    expected.uint(0).string(utf8).endMessage();

    const QVariantMap value { { QStringLiteral("k"), text } };
    const auto encoded = Gob::encode(value);
    QVERIFY(encoded.ok());
    QCOMPARE(encoded.value().size(), expected.stream().size());
    QVERIFY(encoded.value() == expected.stream());
    const auto decoded = Gob::decode(encoded.value());
    QVERIFY(decoded.ok());
    QCOMPARE(decoded.value().toMap().value(QStringLiteral("k")).toString(), text);
}

// A lone surrogate has no UTF-8: it is written as QString::toUtf8() writes it ('?'), in keys
// and values alike, at any length (found by fuzz_gob_serializer).
void tst_Gob::loneSurrogatesAreWrittenAsToUtf8Does()
{
    const QString texts[] = { QString(QChar(0xd800)), QStringLiteral("a") + QChar(0xdc00),
                              QString(300, QLatin1Char('x')) + QChar(0xd83d),
                              QString(QChar(0xdc00)) + QChar(0xd800) };
    for (const QString &text : texts) {
        const QVariantMap value { { text, text },
                                  { QStringLiteral("list"), QVariantList { text } } };
        const auto encoded = Gob::encode(value);
        QVERIFY(encoded.ok());
        const auto decoded = Gob::decode(encoded.value());
        QVERIFY(decoded.ok());
        const QString expected = QString::fromUtf8(text.toUtf8());
        const QVariantMap map = decoded.value().toMap();
        QCOMPARE(map.value(expected).toString(), expected);
        QCOMPARE(map.value(QStringLiteral("list")).toList().value(0).toString(), expected);
        QCOMPARE(Gob::decode(Gob::encode(text).value()).value().toString(), expected);
    }
}

// The encoder reuses the buffer of its last session-sized output once nobody holds it; an
// output that is still held is never written over.
void tst_Gob::outputBuffersAreNeverShared()
{
    auto session = [](char fill, int size) {
        return QVariant(QVariantMap { { QStringLiteral("blob"), QString(size, QLatin1Char(fill)) },
                                      { QStringLiteral("n"), qint64(size) } });
    };
    const QByteArray first = Gob::encode(session('a', 1000)).value();
    const QByteArray firstCopy(first.constData(), first.size()); // a deep copy
    const QByteArray second = Gob::encode(session('b', 1000)).value();
    QVERIFY(first.constData() != second.constData());
    QCOMPARE(first, firstCopy);
    QCOMPARE(Gob::decode(first).value().toMap().value(QStringLiteral("blob")).toString(),
             QString(1000, QLatin1Char('a')));

    // Released: the next output of that size may use the same memory, with its own bytes.
    const char *memory = nullptr;
    {
        const QByteArray third = Gob::encode(session('c', 1200)).value();
        memory = third.constData();
    }
    const QByteArray fourth = Gob::encode(session('d', 900)).value();
    QVERIFY(fourth.constData() == memory); // the same memory (only compared, never read)
    QCOMPARE(Gob::decode(fourth).value().toMap().value(QStringLiteral("blob")).toString(),
             QString(900, QLatin1Char('d')));
    QByteArray changed = fourth; // writing to a shared output copies it first
    changed[changed.size() - 1] = 'X';
    QVERIFY(fourth.constData() != changed.constData());
    QCOMPARE(Gob::decode(fourth).value().toMap().value(QStringLiteral("n")).toLongLong(), 900);
    // After a huge session (whose buffer is not kept), a small one is still right.
    {
        const QByteArray huge = Gob::encode(session('e', 100000)).value();
    }
    const QByteArray small = Gob::encode(session('f', 600)).value();
    QCOMPARE(Gob::decode(small).value().toMap().value(QStringLiteral("blob")).toString(),
             QString(600, QLatin1Char('f')));
}

// Map keys are handed out from a per-thread table of recent keys: whatever keys came before
// (many, colliding, long, invalid UTF-8, empty), every key decodes to what its bytes say.
void tst_Gob::mapKeysDecodeRightWhateverTheKeysBefore()
{
    QList<QString> keys { QString(), QStringLiteral("é"), QString(32, QLatin1Char('k')),
                          QString(33, QLatin1Char('k')), QString(200, QLatin1Char('l')) };
    for (int i = 0; i < 300; ++i)
        keys << QStringLiteral("key%1").arg(i);
    for (int round = 0; round < 2; ++round) {
        for (qsizetype i = 0; i + 1 < keys.size(); ++i) {
            const QVariantMap map { { keys[i], qint64(i) }, { keys[i + 1], keys[i] } };
            const QVariantMap decoded = Gob::decode(Gob::encode(map).value()).value().toMap();
            QCOMPARE(decoded, map);
        }
    }
    // Invalid UTF-8 in a key (Go strings may hold any bytes) decodes as QString::fromUtf8 does,
    // before and after a valid key of the same length.
    const QByteArray valid = Gob::encode(QVariantMap { { QStringLiteral("ab"), 1 } }).value();
    QByteArray invalid = valid;
    const qsizetype at = invalid.indexOf("ab");
    QVERIFY(at > 0);
    invalid[at] = char(0xff);
    QCOMPARE(Gob::decode(valid).value().toMap().firstKey(), QStringLiteral("ab"));
    QCOMPARE(Gob::decode(invalid).value().toMap().firstKey(),
             QString::fromUtf8("\xff"
                               "b"));
    QCOMPARE(Gob::decode(valid).value().toMap().firstKey(), QStringLiteral("ab"));
}

// A top-level string (what a session cookie holds) as Go writes it, and back; streams that are
// not exactly that still decode as Go decodes them.
void tst_Gob::topLevelStrings()
{
    const QString texts[] = { QString(),
                              QStringLiteral("A"),
                              QString(127, QLatin1Char('x')),
                              QString(128, QLatin1Char('x')),
                              QStringLiteral("\u00e9\U0001F600"),
                              QString(70000, QChar(0x20ac)) };
    for (const QString &text : texts) {
        GobBuilder b;
        b.sint(6).uint(0).string(text.toUtf8()).endMessage();
        const QByteArray stream = b.stream();
        const auto encoded = Gob::encode(text);
        QVERIFY(encoded.ok());
        QVERIFY(encoded.value() == stream);
        const auto decoded = Gob::decode(stream);
        QVERIFY(decoded.ok());
        QCOMPARE(decoded.value().typeId(), QMetaType::QString);
        QCOMPARE(decoded.value().toString(), text);
        // Data after the value is ignored, as by Go.
        const auto trailing = Gob::decode(stream + QByteArray("\x03\x0c\x00\x00"));
        QVERIFY(trailing.ok());
        QCOMPARE(trailing.value().toString(), text);
        // Cut anywhere: a typed error.
        for (qsizetype n : { qsizetype(1), stream.size() / 2, stream.size() - 1 }) {
            const auto cut = Gob::decode(stream.left(n));
            QVERIFY(!cut.ok());
            QCOMPARE(cut.error().code(), CodecError::Code::GobTruncated);
        }
    }
    // Another type id in the same shape is not a string.
    GobBuilder bytes;
    bytes.sint(5).uint(0).string("ab").endMessage();
    const auto decodedBytes = Gob::decode(bytes.stream());
    QVERIFY(decodedBytes.ok());
    QCOMPARE(decodedBytes.value().typeId(), QMetaType::QByteArray);
    // Over the size limit: refused before anything is read.
    Gob::Limits limits;
    limits.maxInputSize = 8;
    GobBuilder longer;
    longer.sint(6).uint(0).string("0123456789").endMessage();
    const auto refused = Gob::decode(longer.stream(), limits);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code(), CodecError::Code::GobLimitExceeded);
}

void tst_Gob::everyTruncationIsATypedError()
{
    int checked = 0;
    for (const Stream &stream : validStreams()) {
        for (qsizetype n = 0; n < stream.bytes.size(); ++n) {
            const auto decoded = Gob::decode(stream.bytes.left(n));
            if (decoded.ok())
                QFAIL(qPrintable(QStringLiteral("%1 cut at %2 decoded").arg(stream.name).arg(n)));
            QVERIFY2(decoded.error().code() == CodecError::Code::GobTruncated
                         || decoded.error().code() == CodecError::Code::GobCorrupt,
                     qPrintable(stream.name + QStringLiteral(": ") + decoded.error().message()));
            ++checked;
        }
    }
    QVERIFY(checked > 1000);
}

void tst_Gob::byteFlipsNeverCrash()
{
    QRandomGenerator random(7);
    int failures = 0;
    int total = 0;
    for (const Stream &stream : validStreams()) {
        for (qsizetype i = 0; i < stream.bytes.size(); ++i) {
            for (const uchar mask :
                 { uchar(0x01), uchar(0x80), uchar(0xff), uchar(1 + random.bounded(255)) }) {
                QByteArray mutated = stream.bytes;
                mutated[i] = char(uchar(mutated[i]) ^ mask);
                const auto decoded = Gob::decode(mutated);
                ++total;
                if (!decoded.ok()) {
                    ++failures;
                    QVERIFY2(isGobError(decoded.error().code()),
                             qPrintable(decoded.error().codeName()));
                    QVERIFY(!decoded.error().message().isEmpty());
                }
            }
        }
    }
    QVERIFY(failures > total / 4); // most flips break the stream, and say so
}

void tst_Gob::limitsBoundNestingDepth()
{
    QVariant value = QStringLiteral("bottom");
    for (int i = 0; i < 20; ++i)
        value = QVariantList { value };
    const auto encoded = Gob::encode(map1(QStringLiteral("d"), value));
    QVERIFY(encoded.ok());
    QVERIFY(Gob::decode(encoded.value()).ok());

    Gob::Limits shallow;
    shallow.maxDepth = 10;
    const auto decoded = Gob::decode(encoded.value(), shallow);
    QVERIFY(!decoded.ok());
    QCOMPARE(decoded.error().code(), CodecError::Code::GobLimitExceeded);

    // The encoder refuses what the default limits would refuse to read back.
    for (int i = 0; i < 60; ++i)
        value = QVariantList { value };
    const auto tooDeep = Gob::encode(map1(QStringLiteral("d"), value));
    QVERIFY(!tooDeep.ok());
    QCOMPARE(tooDeep.error().code(), CodecError::Code::GobLimitExceeded);
}

// type T []T: a hostile stream nests a value as deep as its bytes allow, without any name.
void tst_Gob::limitsBoundSelfReferentialTypes()
{
    GobBuilder b;
    b.sliceDefinition(65, 65).endMessage();
    b.sint(65).uint(0);
    for (int i = 0; i < 100000; ++i)
        b.uint(1);
    b.uint(0).endMessage();
    const auto decoded = Gob::decode(b.stream());
    QVERIFY(!decoded.ok());
    QCOMPARE(decoded.error().code(), CodecError::Code::GobLimitExceeded);
}

void tst_Gob::limitsBoundElementCounts()
{
    // A count far above the input: refused before anything is allocated.
    GobBuilder huge;
    huge.sliceDefinition(65, 8).endMessage();
    huge.sint(65).uint(0).uint(quint64(1) << 60).uint(0).endMessage();
    auto decoded = Gob::decode(huge.stream());
    QVERIFY(!decoded.ok());
    QCOMPARE(decoded.error().code(), CodecError::Code::GobCorrupt);

    // A count the input could hold, above Limits::maxElements.
    GobBuilder many;
    many.sliceDefinition(65, 8).endMessage();
    many.sint(65).uint(0).uint(5000);
    for (int i = 0; i < 5000; ++i)
        many.uint(0); // nil interfaces
    many.endMessage();
    QVERIFY(Gob::decode(many.stream()).ok());
    Gob::Limits few;
    few.maxElements = 4999;
    decoded = Gob::decode(many.stream(), few);
    QVERIFY(!decoded.ok());
    QCOMPARE(decoded.error().code(), CodecError::Code::GobLimitExceeded);

    // A huge string length.
    GobBuilder text;
    text.sint(6).uint(0).uint(quint64(1) << 40).raw("abc").endMessage();
    decoded = Gob::decode(text.stream());
    QVERIFY(!decoded.ok());
    QCOMPARE(decoded.error().code(), CodecError::Code::GobCorrupt);

    // A message length beyond the stream.
    decoded = Gob::decode(hex("fe1000") + QByteArray(100, '\0'));
    QVERIFY(!decoded.ok());
    QCOMPARE(decoded.error().code(), CodecError::Code::GobTruncated);
}

void tst_Gob::limitsBoundInputSize()
{
    Gob::Limits tiny;
    tiny.maxInputSize = 8;
    const auto decoded = Gob::decode(hex("080c000568656c6c6f"), tiny);
    QVERIFY(!decoded.ok());
    QCOMPARE(decoded.error().code(), CodecError::Code::GobLimitExceeded);
    QVERIFY(Gob::decode(hex("080c000568656c6c6f")).ok());
}

void tst_Gob::limitsBoundTypeDefinitions()
{
    GobBuilder b;
    for (int id = 65; id < 65 + 2000; ++id)
        b.sliceDefinition(id, 8).endMessage();
    b.sint(6).uint(0).string("x").endMessage();
    const auto decoded = Gob::decode(b.stream());
    QVERIFY(!decoded.ok());
    QCOMPARE(decoded.error().code(), CodecError::Code::GobLimitExceeded);
}

void tst_Gob::rejectsMalformedStreams_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<int>("code");
    const int corrupt = int(CodecError::Code::GobCorrupt);
    const int truncated = int(CodecError::Code::GobTruncated);

    QTest::newRow("empty") << QByteArray() << truncated;
    QTest::newRow("zero-length message") << hex("00") << corrupt;
    QTest::newRow("uint wider than 8 bytes") << hex("f7") << corrupt;
    QTest::newRow("definition only") << hex("0eff81040102ff82000110011000") << truncated;
    QTest::newRow("value of an undefined type") << hex("04ff820000") << corrupt;
    QTest::newRow("redefined type") << hex("0eff81040102ff8200011001100000"
                                           "0eff81040102ff8200011001100000")
                                    << corrupt;
    QTest::newRow("definition of a predefined id") << hex("0c0b040102ff82000110011000") << corrupt;
    QTest::newRow("non-zero singleton delta") << hex("080c010568656c6c6f") << corrupt;
    QTest::newRow("string past its message") << hex("080c000968656c6c6f") << corrupt;
    QTest::newRow("definition then extra data")
        << hex("0fff81040102ff8200011001100000ff") << corrupt;
    QTest::newRow("wire type field out of range") << hex("04ff810800") << corrupt;
    QTest::newRow("definition without a kind") << hex("03ff8100") << corrupt;
    QTest::newRow("interface named string holding an int")
        << hex("0eff81040102ff8200011001100000"
               "1bff82000106737472696e670c0300016b06737472696e6704030054")
        << corrupt;
    QTest::newRow("int8 out of range")
        << hex("0eff81040102ff8200011001100000"
               "1bff82000106737472696e670c0300016904696e7438040300fe0100")
        << corrupt;
    QTest::newRow("interface holding an interface")
        << hex("0eff81040102ff8200011001100000"
               "20ff82000106737472696e670c0300016b0c696e74657266616365207b7d100200")
        << corrupt;
    QTest::newRow("name longer than its message")
        << hex("0eff81040102ff820001100110000008ff82000106737472") << corrupt;
}

void tst_Gob::rejectsMalformedStreams()
{
    QFETCH(QByteArray, stream);
    QFETCH(int, code);
    const auto decoded = Gob::decode(stream);
    QVERIFY(!decoded.ok());
    QCOMPARE(int(decoded.error().code()), code);
    QVERIFY(decoded.error().message().startsWith(QStringLiteral("gob: ")));
    QCOMPARE(decoded.error().errorClass(), CodecError::Class::Decode);
}

QTEST_GUILESS_MAIN(tst_Gob)
#include "tst_gob.moc"
