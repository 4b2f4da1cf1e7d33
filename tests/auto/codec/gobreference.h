#ifndef REDISTORE_TEST_GOBREFERENCE_H
#define REDISTORE_TEST_GOBREFERENCE_H

// What Go 1.19's gob.NewEncoder(&buf).Encode(v) wrote for the cases tst_gob.cpp pins, one fresh
// process per case, printed by go/gobvectors.go (which has each Go value).

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QVariant>

#include <limits>

namespace RediStore::Test {

inline QByteArray hex(const QByteArray &text)
{
    return QByteArray::fromHex(text);
}

inline QVariantMap map1(const QString &key, const QVariant &value)
{
    return QVariantMap { { key, value } };
}

inline QVariant i64(qint64 v)
{
    return QVariant(qlonglong(v));
}

inline QVariant u64(quint64 v)
{
    return QVariant(qulonglong(v));
}

struct GoReference
{
    const char *name;
    QByteArray hex;
    QVariant expected;
    bool reproducible; // our encoder writes exactly these bytes for `expected`
};

inline QList<GoReference> goReferenceTable()
{
    const QVariantList lists8 = { QVariantList { QVariantList { QVariantList { QVariantList {
        QVariantList { QVariantList { QVariantList { QStringLiteral("bottom") } } } } } } } };
    return {
        { "nested-one",
          "0eff81040102ff82000110011000002bff82000106737472696e670c0300016b0e5b5d696e746572666163"
          "65207b7dff83020102ff84000110000019ff8416000206737472696e670c0300016103696e7404020002",
          map1(QStringLiteral("k"), QVariantList { QStringLiteral("a"), i64(1) }), true },
        { "nested-two",
          "0eff81040102ff82000110011000002bff82000106737472696e670c0300016b0e5b5d696e746572666163"
          "65207b7dff83020102ff8400011000005bff8434000206737472696e670c03000161176d61705b73747269"
          "6e675d696e74657266616365207b7dff85040102ff8600010c0110000023ff8620000101780e5b5d696e74"
          "657266616365207b7dff840a000103696e7404020002",
          map1(QStringLiteral("k"),
               QVariantList { QStringLiteral("a"),
                              map1(QStringLiteral("x"), QVariantList { i64(1) }) }),
          true },
        { "nested-map",
          "0eff81040102ff820001100110000036ff82000106737472696e670c0300016d176d61705b737472696e67"
          "5d696e74657266616365207b7dff83040102ff8400010c0110000013ff84100001016106737472696e670c"
          "03000162",
          map1(QStringLiteral("m"), map1(QStringLiteral("a"), QStringLiteral("b"))), true },
        { "map-then-list",
          "0eff81040102ff820001100110000036ff82000106737472696e670c0300016b176d61705b737472696e67"
          "5d696e74657266616365207b7dff83040102ff8400010c0110000032ff841f0001016c0e5b5d696e746572"
          "66616365207b7dff85020102ff8600011000000fff860c000204626f6f6c0202000100",
          map1(QStringLiteral("k"), map1(QStringLiteral("l"), QVariantList { true, QVariant() })),
          true },
        { "deep",
          "0eff81040102ff82000110011000002bff82000106737472696e670c030001640e5b5d696e746572666163"
          "65207b7dff83020102ff840001100000ffa4ff84ffa000010e5b5d696e74657266616365207b7dff84ff8b"
          "00010e5b5d696e74657266616365207b7dff847700010e5b5d696e74657266616365207b7dff846300010e"
          "5b5d696e74657266616365207b7dff844f00010e5b5d696e74657266616365207b7dff843b00010e5b5d69"
          "6e74657266616365207b7dff842700010e5b5d696e74657266616365207b7dff8413000106737472696e67"
          "0c080006626f74746f6d",
          map1(QStringLiteral("d"), lists8), true },
        { "nil-value", "0eff81040102ff820001100110000011ff82000106737472696e670c0300016b00",
          map1(QStringLiteral("k"), QVariant()), true },
        { "bytes",
          "0eff81040102ff820001100110000020ff82000106737472696e670c03000162075b5d75696e74380a0600"
          "04000102ff",
          map1(QStringLiteral("b"), QByteArray::fromHex("000102ff")), true },
        { "empty-bytes",
          "0eff81040102ff82000110011000001cff82000106737472696e670c03000162075b5d75696e74380a0200"
          "00",
          map1(QStringLiteral("b"), QByteArray("")), true },
        { "uint",
          "0eff81040102ff820001100110000019ff82000106737472696e670c030001750475696e7406020007",
          map1(QStringLiteral("u"), u64(7)), true },
        { "uint64-max",
          "0eff81040102ff820001100110000023ff82000106737472696e670c030001750675696e743634060a00f8"
          "ffffffffffffffff",
          map1(QStringLiteral("u"), u64(std::numeric_limits<quint64>::max())), false },
        { "int64-min",
          "0eff81040102ff820001100110000022ff82000106737472696e670c0300016905696e743634040a00f8ff"
          "ffffffffffffff",
          map1(QStringLiteral("i"), i64(std::numeric_limits<qint64>::min())), false },
        { "int8",
          "0eff81040102ff820001100110000019ff82000106737472696e670c0300016904696e743804020005",
          map1(QStringLiteral("i"), i64(-3)), false },
        { "float32",
          "0eff81040102ff82000110011000001eff82000106737472696e670c0300016607666c6f61743332080400"
          "fef83f",
          map1(QStringLiteral("f"), 1.5), false },
        { "float-negzero",
          "0eff81040102ff82000110011000001dff82000106737472696e670c0300016607666c6f61743634080300"
          "ff80",
          map1(QStringLiteral("f"), -0.0), true },
        { "string-300",
          QByteArray("0eff81040102ff8200011001100000fe014eff82000106737472696e670c060004626c6f6206"
                     "737472696e670cfe013000fe012c")
              .append(QByteArray(300, 'x').toHex()),
          map1(QStringLiteral("blob"), QString(300, QLatin1Char('x'))), true },
        { "string-utf8",
          "0eff81040102ff820001100110000026ff82000106737472696e670c0300017306737472696e670c0d000b"
          "68c3a96c6c6f20f09f9880",
          map1(QStringLiteral("s"), QString::fromUtf8("h\xc3\xa9llo \xf0\x9f\x98\x80")), true },
        { "empty-list",
          "0eff81040102ff82000110011000002bff82000106737472696e670c030001650e5b5d696e746572666163"
          "65207b7dff83020102ff84000110000005ff84020000",
          map1(QStringLiteral("e"), QVariantList {}), true },
        { "empty-map", "0eff81040102ff820001100110000004ff820000", QVariantMap {}, true },
        { "empty-nested-map",
          "0eff81040102ff820001100110000036ff82000106737472696e670c03000165176d61705b737472696e67"
          "5d696e74657266616365207b7dff83040102ff8400010c0110000005ff84020000",
          map1(QStringLiteral("e"), QVariantMap {}), true },
        { "string-slice",
          "0eff81040102ff820001100110000025ff82000106737472696e670c03000173085b5d737472696e67ff83"
          "020102ff8400010c000009ff8406000201610162",
          map1(QStringLiteral("s"), QVariantList { QStringLiteral("a"), QStringLiteral("b") }),
          false },
        { "int-slice",
          "0eff81040102ff820001100110000022ff82000106737472696e670c03000173055b5d696e74ff83020102"
          "ff84000104000007ff840400020203",
          map1(QStringLiteral("s"), QVariantList { i64(1), i64(-2) }), false },
        { "map-string-string",
          "0eff81040102ff820001100110000030ff82000106737472696e670c03000173116d61705b737472696e67"
          "5d737472696e67ff83040102ff8400010c010c000009ff8406000101610162",
          map1(QStringLiteral("s"), map1(QStringLiteral("a"), QStringLiteral("b"))), false },
        { "array",
          "0eff81040102ff820001100110000025ff82000106737472696e670c03000161065b335d696e74ff830101"
          "02ff840001040106000008ff84050003020406",
          map1(QStringLiteral("a"), QVariantList { i64(1), i64(2), i64(3) }), false },
        { "top-string", "080c000568656c6c6f", QStringLiteral("hello"), true },
        { "top-int", "060400fd25ad0e", i64(1234567), true },
        { "top-bool", "03020001", true, true },
        { "top-float", "050800fe0c40", 3.5, true },
        { "top-list",
          "0cff81020102ff82000110000018ff82000206737472696e670c0300016103696e7404020004",
          QVariantList { QStringLiteral("a"), i64(2) }, true },
        { "top-map-string-interface",
          "0eff81040102ff8200010c011000000eff820001016103696e7404020002",
          map1(QStringLiteral("a"), i64(1)), false },
    };
}

struct GoUnsupported
{
    const char *name;
    const char *hex;
    const char *goType;
};

inline const GoUnsupported goUnsupportedStreams[] = {
    { "unsupported-struct",
      "0eff81040102ff82000110011000003aff82000106737472696e670c030001700a6d61696e2e506f696e74ff"
      "8303010105506f696e7401ff84000102010158010400010159010400000008ff84050102010400",
      "main.Point" },
    { "unsupported-named",
      "0eff81040102ff82000110011000001fff82000106737472696e670c0300016e096d61696e2e4e616d650c03"
      "000178",
      "main.Name" },
    { "unsupported-complex",
      "0eff81040102ff820001100110000022ff82000106737472696e670c030001630a636f6d706c65783132380e"
      "0500fef03f40",
      "complex128" },
    { "unsupported-time",
      "0eff81040102ff82000110011000002aff82000106737472696e670c030001740974696d652e54696d65ff83"
      "0501010454696d6501ff8400000014ff8411000f010000000edfe0acc000000000ffff",
      "time.Time" },
    { "unsupported-int-keys",
      "0eff81040102ff82000110011000002dff82000106737472696e670c0300016b0e6d61705b696e745d737472"
      "696e67ff83040102ff84000104010c000008ff84050001020161",
      "map[int]string" },
    { "unsupported-top-struct",
      "1fff8103010105506f696e7401ff82000102010158010400010159010400000007ff820102010400", "Point" },
};

} // namespace RediStore::Test

#endif // REDISTORE_TEST_GOBREFERENCE_H
