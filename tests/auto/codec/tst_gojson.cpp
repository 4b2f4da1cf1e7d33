#include <libredistore/codec/gojson.h>

#include "govalues.h"
#include "testdata.h"

#include <libredistore/utcdatetime_p.h>

#include <QtCore/QDateTime>
#include <QtCore/QJsonObject>
#include <QtCore/QRect>
#include <QtCore/QUrl>
#include <QtCore/QUuid>
#include <QtTest/QtTest>

#include <cmath>
#include <limits>

using namespace RediStore;
using namespace RediStore::Test;

namespace {

QByteArray marshalled(const QVariant &value)
{
    const auto json = GoJson::marshal(value);
    return json.ok() ? json.value()
                     : QByteArray("<error: ") + json.error().message().toUtf8() + '>';
}

QVariantList jsonRows(const QJsonObject &vectors, const QString &serializer)
{
    QVariantList rows;
    const QJsonArray rs = vectors.value(QStringLiteral("redistore"))
                              .toObject()
                              .value(QStringLiteral("vectors"))
                              .toArray();
    for (const QJsonValue &v : rs) {
        if (v.toObject().value(QStringLiteral("serializer")).toString() == serializer)
            rows.append(v.toObject().toVariantMap());
    }
    return rows;
}

} // namespace

class tst_GoJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void securecookieJsonVectors_data();
    void securecookieJsonVectors();
    void redistoreJsonVector();

    void float64AsGo_data();
    void float64AsGo();
    void float32AsGo_data();
    void float32AsGo();
    void integersAreExact();
    void stringsAsGo_data();
    void stringsAsGo();
    void loneSurrogatesBecomeReplacementCharacters();
    void keysSortedAsGoSortsBytes();
    void qtTypesAsDocumented();
    void unsupportedValuesAreRefused_data();
    void unsupportedValuesAreRefused();
    void encodeAddsNewline();

    void unmarshalAsGo_data();
    void unmarshalAsGo();

    void roundTripsRandomValues();
    void everyTruncationIsASyntaxError();
    void byteFlipsNeverCrash();
    void limitsBoundDepthAndSize();
    void limitsBoundElements();

private:
    QJsonObject m_vectors;
};

void tst_GoJson::initTestCase()
{
    m_vectors = goVectors();
    QVERIFY2(!m_vectors.isEmpty(), "tests/data/go-redistore.json not readable");
}

void tst_GoJson::securecookieJsonVectors_data()
{
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QByteArray>("serialized");
    QTest::addColumn<QVariant>("decoded");
    int rows = 0;
    for (const QJsonValue &v : m_vectors.value(QStringLiteral("securecookie")).toArray()) {
        const QJsonObject o = v.toObject();
        if (o.value(QStringLiteral("encoder")).toString() != QStringLiteral("json"))
            continue;
        QTest::newRow(qPrintable(o.value(QStringLiteral("id")).toString()))
            << fromGoRendering(o.value(QStringLiteral("value")).toObject())
            << QByteArray::fromHex(o.value(QStringLiteral("serialized_hex")).toString().toLatin1())
            << fromGoRendering(o.value(QStringLiteral("decoded")).toObject());
        ++rows;
    }
    QVERIFY(rows >= 5);
}

// securecookie's JSONEncoder: json.NewEncoder(buf).Encode(v), so a trailing newline.
void tst_GoJson::securecookieJsonVectors()
{
    QFETCH(QVariant, value);
    QFETCH(QByteArray, serialized);
    QFETCH(QVariant, decoded);
    const auto encoded = GoJson::encode(value);
    QVERIFY(encoded.ok());
    QCOMPARE(encoded.value(), serialized);
    const auto back = GoJson::unmarshal(serialized);
    QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().message()));
    REDISTORE_COMPARE_VALUES(back.value(), decoded);
}

// JSONSerializer's Redis value: json.Marshal, no newline; read back, every number a float64
// and the []byte a base64 string.
void tst_GoJson::redistoreJsonVector()
{
    const QVariantList rows = jsonRows(m_vectors, QStringLiteral("json"));
    QVERIFY(!rows.isEmpty());
    for (const QVariant &row : rows) {
        const QJsonObject o = QJsonObject::fromVariantMap(row.toMap());
        const QVariant values = fromGoRendering(o.value(QStringLiteral("values")).toObject());
        const QByteArray stored
            = QByteArray::fromHex(o.value(QStringLiteral("redis_value_hex")).toString().toLatin1());
        QCOMPARE(stored, o.value(QStringLiteral("redis_value_text")).toString().toUtf8());
        QCOMPARE(marshalled(values), stored);
        const auto back = GoJson::unmarshal(stored);
        QVERIFY(back.ok());
        REDISTORE_COMPARE_VALUES(back.value(),
                                 fromGoRendering(o.value(QStringLiteral("reload"))
                                                     .toObject()
                                                     .value(QStringLiteral("values"))
                                                     .toObject()));
    }
}

// Printed by tests/auto/codec/go/jsonvectors.go (Go 1.19 json.Marshal).
void tst_GoJson::float64AsGo_data()
{
    QTest::addColumn<QString>("bits");
    QTest::addColumn<QByteArray>("expected");
    const char *const table[][2] = {
        { "0000000000000000", "0" },           { "8000000000000000", "-0" },
        { "3ff0000000000000", "1" },           { "bff0000000000000", "-1" },
        { "3fb999999999999a", "0.1" },         { "3fd0000000000000", "0.25" },
        { "4004000000000000", "2.5" },         { "4415af1d78b58c40", "100000000000000000000" },
        { "444b1ae4d6e2ef50", "1e+21" },       { "441ac53a7e04bcda", "123456789012345680000" },
        { "3eb0c6f7a0b5ed8d", "0.000001" },    { "3eb0c6f784902b25", "9.999999e-7" },
        { "3e7ad7f29abcaf48", "1e-7" },        { "3e8421f5f40d8376", "1.5e-7" },
        { "0000000000000001", "5e-324" },      { "7fefffffffffffff", "1.7976931348623157e+308" },
        { "81a56e1fc2f8f359", "-1e-300" },     { "54b249ad2594c37d", "1e+100" },
        { "400921f9f01b866e", "3.14159" },     { "4059000000000000", "100" },
        { "4132d687e0000000", "1234567.875" }, { "4340000000000000", "9007199254740992" },
        { "3eb4b3fd5942cd96", "0.000001234" }, { "3e61b77c47680d49", "3.3e-8" },
    };
    for (const auto &row : table)
        QTest::newRow(row[1]) << QString::fromLatin1(row[0]) << QByteArray(row[1]);
}

void tst_GoJson::float64AsGo()
{
    QFETCH(QString, bits);
    QFETCH(QByteArray, expected);
    const double value = doubleFromHexBits(bits);
    QCOMPARE(marshalled(value), expected);
    // And the reader gives the same double back.
    const auto back = GoJson::unmarshal(expected);
    QVERIFY(back.ok());
    QCOMPARE(bitsOf(back.value().toDouble()), bitsOf(value));
}

void tst_GoJson::float32AsGo_data()
{
    QTest::addColumn<quint32>("bits");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("0.1") << 0x3dcccccdU << QByteArray("0.1");
    QTest::newRow("1.5") << 0x3fc00000U << QByteArray("1.5");
    QTest::newRow("1e-7") << 0x33d6bf95U << QByteArray("1e-7");
    QTest::newRow("1e+21") << 0x6258d727U << QByteArray("1e+21");
    QTest::newRow("16777216") << 0x4b800000U << QByteArray("16777216");
    QTest::newRow("max") << 0x7f7fffffU << QByteArray("3.4028235e+38");
}

void tst_GoJson::float32AsGo()
{
    QFETCH(quint32, bits);
    QFETCH(QByteArray, expected);
    float value;
    std::memcpy(&value, &bits, sizeof value);
    QCOMPARE(marshalled(QVariant(value)), expected);
}

void tst_GoJson::integersAreExact()
{
    QCOMPARE(marshalled(QVariant(qlonglong(9007199254740993LL))), QByteArray("9007199254740993"));
    QCOMPARE(marshalled(QVariant(std::numeric_limits<qlonglong>::min())),
             QByteArray("-9223372036854775808"));
    QCOMPARE(marshalled(QVariant(std::numeric_limits<qulonglong>::max())),
             QByteArray("18446744073709551615"));
    QCOMPARE(marshalled(QVariant(int(-42))), QByteArray("-42"));
    QCOMPARE(marshalled(QVariant(uint(42))), QByteArray("42"));
}

void tst_GoJson::stringsAsGo_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("plain") << QStringLiteral("plain") << QByteArray("\"plain\"");
    QTest::newRow("quotes") << QStringLiteral("a\"b\\c/d") << QByteArray("\"a\\\"b\\\\c/d\"");
    QTest::newRow("controls") << QString::fromLatin1("\n\r\t\b\f\x00\x01\x1f\x7f", 9)
                              << QByteArray("\"\\n\\r\\t\\u0008\\u000c\\u0000\\u0001\\u001f"
                                            "\x7f\"");
    QTest::newRow("html") << QStringLiteral("<script>&amp;</script>")
                          << QByteArray("\"\\u003cscript\\u003e\\u0026amp;\\u003c/script\\u003e\"");
    QTest::newRow("separators") << QString::fromUtf16(u"\u2028\u2029")
                                << QByteArray("\"\\u2028\\u2029\"");
    QTest::newRow("latin") << QString::fromUtf16(u"h\u00e9llo w\u00f6rld")
                           << QByteArray("\"h\xc3\xa9llo w\xc3\xb6rld\"");
    QTest::newRow("astral") << QString::fromUtf16(u"\U0001F600")
                            << QByteArray("\"\xf0\x9f\x98\x80\"");
    QTest::newRow("replacement") << QString::fromUtf16(u"\uFFFD") << QByteArray("\"\xef\xbf\xbd\"");
    QTest::newRow("soft hyphen") << QString::fromUtf16(u"\u00ad\u0080")
                                 << QByteArray("\"\xc2\xad\xc2\x80\"");
}

void tst_GoJson::stringsAsGo()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, expected);
    QCOMPARE(marshalled(text), expected);
    const auto back = GoJson::unmarshal(expected);
    QVERIFY(back.ok());
    QCOMPARE(back.value().toString(), text);
}

// A lone surrogate is not valid Unicode; Go, which sees invalid UTF-8 there, writes \ufffd.
void tst_GoJson::loneSurrogatesBecomeReplacementCharacters()
{
    const QChar high(char16_t(0xd83d));
    const QChar low(char16_t(0xde00));
    QCOMPARE(marshalled(QString(QString(high) + QLatin1Char('x'))), QByteArray("\"\\ufffdx\""));
    QCOMPARE(marshalled(QString(low)), QByteArray("\"\\ufffd\""));
    QCOMPARE(marshalled(QString(QString(low) + QString(high))), QByteArray("\"\\ufffd\\ufffd\""));
}

// Go sorts map keys as byte strings: UTF-8 order, not QString's UTF-16 order.
void tst_GoJson::keysSortedAsGoSortsBytes()
{
    const QByteArray expected("{\"\":6,\"B\":5,\"a\":2,\"aa\":7,\"b\":1,\"\xef\xbc\x81\":3,"
                              "\"\xf0\x9f\x98\x80\":4}");
    QVariantMap map;
    map.insert(QStringLiteral("b"), 1);
    map.insert(QStringLiteral("a"), 2);
    map.insert(QString::fromUtf16(u"\uFF01"), 3);
    map.insert(QString::fromUtf16(u"\U0001F600"), 4);
    map.insert(QStringLiteral("B"), 5);
    map.insert(QString(), 6);
    map.insert(QStringLiteral("aa"), 7);
    QCOMPARE(marshalled(map), expected);
    QVariantHash hash;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        hash.insert(it.key(), it.value());
    QCOMPARE(marshalled(hash), expected);
}

void tst_GoJson::qtTypesAsDocumented()
{
    QCOMPARE(marshalled(QByteArray::fromHex("000102ff")), QByteArray("\"AAEC/w==\""));
    QCOMPARE(marshalled(QByteArray()), QByteArray("\"\""));
    QCOMPARE(marshalled(QVariant()), QByteArray("null"));
    QCOMPARE(marshalled(QVariant::fromValue(nullptr)), QByteArray("null"));
    QCOMPARE(marshalled(QStringList { QStringLiteral("a"), QStringLiteral("<") }),
             QByteArray("[\"a\",\"\\u003c\"]"));
    QCOMPARE(marshalled(QVariantList {}), QByteArray("[]"));
    QCOMPARE(marshalled(QVariantMap {}), QByteArray("{}"));
    QCOMPARE(marshalled(QUrl(QStringLiteral("https://example.com/a b?x=<1>"))),
             QByteArray("\"https://example.com/a%20b?x=%3C1%3E\""));
    QCOMPARE(marshalled(QUuid(QStringLiteral("{67c8770b-44f1-410a-ab9a-f9b5446f13ee}"))),
             QByteArray("\"67c8770b-44f1-410a-ab9a-f9b5446f13ee\""));
    QCOMPARE(marshalled(QJsonObject { { QStringLiteral("k"), 1.5 } }), QByteArray("{\"k\":1.5}"));

    // QDateTime as Go's time.Time: RFC 3339, fraction trimmed, Z for UTC.
    const QDate date(2025, 6, 15);
    QCOMPARE(marshalled(RediStore::utcDateTime(date, QTime(12, 0, 0))),
             QByteArray("\"2025-06-15T12:00:00Z\""));
    QCOMPARE(marshalled(RediStore::utcDateTime(date, QTime(12, 0, 0, 500))),
             QByteArray("\"2025-06-15T12:00:00.5Z\""));
    QCOMPARE(marshalled(RediStore::offsetDateTime(date, QTime(12, 0, 0, 120), 2 * 3600)),
             QByteArray("\"2025-06-15T12:00:00.12+02:00\""));
    QCOMPARE(marshalled(RediStore::offsetDateTime(date, QTime(1, 2, 3, 4), -(5 * 3600 + 1800))),
             QByteArray("\"2025-06-15T01:02:03.004-05:30\""));
}

void tst_GoJson::unsupportedValuesAreRefused_data()
{
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QString>("mentions");
    const int unsupported = int(CodecError::Code::JsonUnsupportedValue);
    Q_UNUSED(unsupported);
    QTest::newRow("NaN") << QVariant(std::nan("")) << QStringLiteral("NaN");
    QTest::newRow("+Inf") << QVariant(std::numeric_limits<double>::infinity())
                          << QStringLiteral("+Inf");
    QTest::newRow("-Inf nested") << QVariant(QVariantMap {
        { QStringLiteral("x"), QVariantList { -std::numeric_limits<double>::infinity() } } })
                                 << QStringLiteral("-Inf");
    QTest::newRow("QRect") << QVariant(QRect(0, 0, 1, 1)) << QStringLiteral("QRect");
    QTest::newRow("invalid date") << QVariant(QDateTime()) << QStringLiteral("QDateTime");
    QTest::newRow("year 10000") << QVariant(RediStore::utcDateTime(QDate(10000, 1, 1), QTime(0, 0)))
                                << QStringLiteral("[0,9999]");
}

void tst_GoJson::unsupportedValuesAreRefused()
{
    QFETCH(QVariant, value);
    QFETCH(QString, mentions);
    const auto json = GoJson::marshal(value);
    QVERIFY(!json.ok());
    QCOMPARE(json.error().code(), CodecError::Code::JsonUnsupportedValue);
    QVERIFY2(json.error().message().contains(mentions), qPrintable(json.error().message()));
}

void tst_GoJson::encodeAddsNewline()
{
    const auto json = GoJson::encode(QVariantMap { { QStringLiteral("a"), true } });
    QVERIFY(json.ok());
    QCOMPARE(json.value(), QByteArray("{\"a\":true}\n"));
    // And the reader takes it back (whitespace after the value).
    QVERIFY(GoJson::unmarshal(json.value()).ok());
}

void tst_GoJson::unmarshalAsGo_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("error"); // Go's SyntaxError or UnmarshalTypeError text
    QTest::addColumn<int>("offset"); // SyntaxError.Offset, -1 if none
    QTest::addColumn<QVariant>("expected");

    struct Failure
    {
        const char *input;
        const char *error;
        int offset;
    };
    // Printed by tests/auto/codec/go/jsonvectors.go (Go 1.19 json.Unmarshal into interface{}).
    const Failure failures[] = {
        { "", "unexpected end of JSON input", 0 },
        { " ", "unexpected end of JSON input", 1 },
        { "{", "unexpected end of JSON input", 1 },
        { "[", "unexpected end of JSON input", 1 },
        { "[1,]", "invalid character ']' looking for beginning of value", 4 },
        { "{\"a\":1,}", "invalid character '}' looking for beginning of object key string", 8 },
        { "{\"a\" 1}", "invalid character '1' after object key", 6 },
        { "{1:2}", "invalid character '1' looking for beginning of object key string", 2 },
        { "[1 2]", "invalid character '2' after array element", 4 },
        { "01", "invalid character '1' after top-level value", 2 },
        { "-", "invalid character ' ' in numeric literal", 1 },
        { "1.", "invalid character ' ' after decimal point in numeric literal", 2 },
        { "1e", "invalid character ' ' in exponent of numeric literal", 2 },
        { "1e+", "invalid character ' ' in exponent of numeric literal", 3 },
        { "tru", "invalid character ' ' in literal true (expecting 'e')", 3 },
        { "trUe", "invalid character 'U' in literal true (expecting 'u')", 3 },
        { "nul", "invalid character ' ' in literal null (expecting 'l')", 3 },
        { "falsy", "invalid character 'y' in literal false (expecting 'e')", 5 },
        { "\"abc", "unexpected end of JSON input", 4 },
        { "\"a\nb\"", "invalid character '\\n' in string literal", 3 },
        { "\"\\x\"", "invalid character 'x' in string escape code", 3 },
        { "\"\\u12g4\"", "invalid character 'g' in \\u hexadecimal character escape", 6 },
        { "{\"a\":1}x", "invalid character 'x' after top-level value", 8 },
        { "nan", "invalid character 'a' in literal null (expecting 'u')", 2 },
        { "1e400", "json: cannot unmarshal number 1e400 into Go value of type float64", -1 },
        { "-1e400", "json: cannot unmarshal number -1e400 into Go value of type float64", -1 },
        { "[1e400, x]", "invalid character 'x' looking for beginning of value", 9 },
        { "'x'", "invalid character '\\'' looking for beginning of value", 1 },
        { "\x01", "invalid character '\\x01' looking for beginning of value", 1 },
    };
    for (const Failure &f : failures) {
        QTest::newRow(QByteArray(f.input).toPercentEncoding(" {}[]\":,'").constData())
            << QByteArray(f.input) << QString::fromLatin1(f.error) << f.offset << QVariant();
    }

    const QString replacement = QString::fromUtf16(u"\uFFFD");
    auto ok = [](const char *name, const QByteArray &input, const QVariant &expected) {
        QTest::newRow(name) << input << QString() << -1 << expected;
    };
    ok("underflow", "1e-400", 0.0);
    ok("surrogate pair", "\"\\ud83d\\ude00\"", QString::fromUtf16(u"\U0001F600"));
    ok("lone high", "\"\\ud83d\"", replacement);
    ok("lone low", "\"\\ude00\"", replacement);
    ok("high then other", "\"\\ud83d\\u0041\"", QString(replacement + QLatin1Char('A')));
    ok("invalid byte", "\"\xff\"", replacement);
    ok("encoded surrogate", "\"\xed\xa0\x80\"", QString(replacement + replacement + replacement));
    ok("cut sequence", "\"\xe2\x82\"", QString(replacement + replacement));
    ok("astral utf8", "\"\xf0\x9f\x98\x80\"", QString::fromUtf16(u"\U0001F600"));
    ok("mixed", "  {\"b\" : [true, false, null, -0, 1E2, 2.5e-3]}  ",
       QVariantMap { { QStringLiteral("b"),
                       QVariantList { true, false, QVariant(), -0.0, 100.0, 0.0025 } } });
    ok("duplicate keys", "{\"a\":1,\"a\":2}", QVariantMap { { QStringLiteral("a"), 2.0 } });
    ok("escapes", "\"\\/\\b\\f\"", QStringLiteral("/\b\f"));
    ok("big integer", "9007199254740993", 9007199254740992.0);
}

void tst_GoJson::unmarshalAsGo()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, error);
    QFETCH(int, offset);
    QFETCH(QVariant, expected);
    const auto value = GoJson::unmarshal(input);
    if (error.isEmpty()) {
        QVERIFY2(value.ok(), qPrintable(value.ok() ? QString() : value.error().message()));
        REDISTORE_COMPARE_VALUES(value.value(), expected);
        return;
    }
    QVERIFY(!value.ok());
    QVERIFY2(value.error().message().startsWith(error), qPrintable(value.error().message()));
    if (offset >= 0) {
        QCOMPARE(value.error().code(), CodecError::Code::JsonSyntax);
        QVERIFY2(
            value.error().message().endsWith(QStringLiteral("(at byte offset %1)").arg(offset)),
            qPrintable(value.error().message()));
    } else {
        QCOMPARE(value.error().code(), CodecError::Code::JsonUnsupportedValue);
    }
}

void tst_GoJson::roundTripsRandomValues()
{
    QRandomGenerator random(515);
    for (int i = 0; i < 500; ++i) {
        const QVariantMap session = randomSession(random, RandomFlavor::Json);
        const QByteArray json = marshalled(session);
        const auto back = GoJson::unmarshal(json);
        QVERIFY2(back.ok(), json.constData());
        REDISTORE_COMPARE_VALUES(back.value(), session);
        QCOMPARE(marshalled(back.value()), json);
    }
}

void tst_GoJson::everyTruncationIsASyntaxError()
{
    QList<QByteArray> documents;
    for (const QVariant &row : jsonRows(m_vectors, QStringLiteral("json")))
        documents.append(row.toMap().value(QStringLiteral("redis_value_text")).toString().toUtf8());
    QRandomGenerator random(9);
    for (int i = 0; i < 50; ++i)
        documents.append(marshalled(randomSession(random, RandomFlavor::Json)));
    int checked = 0;
    for (const QByteArray &document : std::as_const(documents)) {
        for (qsizetype n = 0; n < document.size(); ++n) {
            const auto value = GoJson::unmarshal(document.left(n));
            QVERIFY2(!value.ok(), document.left(n).constData());
            QCOMPARE(value.error().code(), CodecError::Code::JsonSyntax);
            ++checked;
        }
    }
    QVERIFY(checked > 1000);
}

void tst_GoJson::byteFlipsNeverCrash()
{
    QRandomGenerator random(11);
    for (int i = 0; i < 100; ++i) {
        const QByteArray document = marshalled(randomSession(random, RandomFlavor::Json));
        for (qsizetype at = 0; at < document.size(); ++at) {
            QByteArray mutated = document;
            mutated[at] = char(uchar(mutated[at]) ^ (1 + random.bounded(255)));
            const auto value = GoJson::unmarshal(mutated);
            if (!value.ok()) {
                const int code = int(value.error().code());
                QVERIFY(code >= 400 && code < 500);
            }
        }
    }
}

void tst_GoJson::limitsBoundDepthAndSize()
{
    const QByteArray deep64 = QByteArray(64, '[') + QByteArray(64, ']');
    QVERIFY(GoJson::unmarshal(deep64).ok());
    const QByteArray deep65 = QByteArray(65, '[') + QByteArray(65, ']');
    auto value = GoJson::unmarshal(deep65);
    QVERIFY(!value.ok());
    QCOMPARE(value.error().code(), CodecError::Code::JsonLimitExceeded);

    // Hostile depth far beyond the stack's reach.
    value = GoJson::unmarshal(QByteArray(1000000, '['));
    QVERIFY(!value.ok());
    QCOMPARE(value.error().code(), CodecError::Code::JsonLimitExceeded);

    GoJson::Limits small;
    small.maxInputSize = 4;
    value = GoJson::unmarshal("12345", small);
    QVERIFY(!value.ok());
    QCOMPARE(value.error().code(), CodecError::Code::JsonLimitExceeded);

    // The writer refuses what the default reader would refuse.
    QVariant nested = QVariantList {};
    for (int i = 0; i < 70; ++i)
        nested = QVariantList { nested };
    const auto json = GoJson::marshal(nested);
    QVERIFY(!json.ok());
    QCOMPARE(json.error().code(), CodecError::Code::JsonLimitExceeded);
}

void tst_GoJson::limitsBoundElements()
{
    // The default allows what gob allows: 1,048,576 members and items in one value.
    QByteArray exactly = "[0";
    for (int i = 1; i < 1024 * 1024; ++i)
        exactly += ",0";
    exactly += ']';
    auto value = GoJson::unmarshal(exactly);
    QVERIFY(value.ok());
    QCOMPARE(value.value().toList().size(), 1024 * 1024);

    // A 16 MB "[0,0,...]" stored in Redis is refused, not decoded into ~260 MB of variants.
    QByteArray flood(16 * 1024 * 1024 - 2, ',');
    for (qsizetype i = 0; i < flood.size(); i += 2)
        flood[i] = '0';
    flood = '[' + flood.chopped(1) + ']';
    value = GoJson::unmarshal(flood);
    QVERIFY(!value.ok());
    QCOMPARE(value.error().code(), CodecError::Code::JsonLimitExceeded);
    QVERIFY2(value.error().message().contains(QLatin1String("1048576")),
             qPrintable(value.error().message()));

    // Members and items count together, at every depth.
    GoJson::Limits few;
    few.maxElements = 4;
    QVERIFY(GoJson::unmarshal(R"({"a":[1,2],"b":{}})", few).ok());
    value = GoJson::unmarshal(R"({"a":[1,2],"b":{"c":1}})", few);
    QVERIFY(!value.ok());
    QCOMPARE(value.error().code(), CodecError::Code::JsonLimitExceeded);
}

QTEST_GUILESS_MAIN(tst_GoJson)
#include "tst_gojson.moc"
