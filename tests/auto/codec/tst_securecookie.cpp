#include <libredistore/codec/gob.h>
#include <libredistore/codec/gojson.h>
#include <libredistore/codec/securecookie.h>

#include <testdata.h>

#include <QtCore/QJsonArray>
#include <QtCore/QRandomGenerator>
#include <QtTest/QtTest>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <atomic>
#include <cctype>
#include <thread>
#include <vector>

using namespace RediStore;
using Code = CodecError::Code;

namespace {

QByteArray hex(const QJsonValue &value)
{
    return QByteArray::fromHex(value.toString().toLatin1());
}

// The vectors' typed rendering of a Go value ({type, v} / {type, entries} / {type, items}) as
// the QVariant our codecs give for it.
QVariant goValue(const QJsonObject &typed)
{
    if (typed.isEmpty())
        return QVariant();
    const QString type = typed.value(QLatin1String("type")).toString();
    if (type.startsWith(QLatin1String("map["))) {
        QVariantMap map;
        const QJsonArray entries = typed.value(QLatin1String("entries")).toArray();
        for (const QJsonValue &entry : entries) {
            const QJsonObject e = entry.toObject();
            map.insert(goValue(e.value(QLatin1String("k")).toObject()).toString(),
                       goValue(e.value(QLatin1String("v")).toObject()));
        }
        return map;
    }
    if (type.startsWith(QLatin1String("[]interface"))) {
        QVariantList list;
        const QJsonArray items = typed.value(QLatin1String("items")).toArray();
        for (const QJsonValue &item : items)
            list.append(goValue(item.toObject()));
        return list;
    }
    const QJsonValue v = typed.value(QLatin1String("v"));
    if (type == QLatin1String("string"))
        return v.toString();
    if (type == QLatin1String("int") || type == QLatin1String("int64"))
        return qint64(v.toInteger());
    if (type == QLatin1String("float64"))
        return v.toDouble();
    if (type == QLatin1String("bool"))
        return v.toBool();
    qWarning() << "unhandled Go type in vectors:" << type;
    return QVariant();
}

// Values compare by kind (string, integer, float, bool, map, list) and content, so that a Go
// int may come back as int or qint64 but never as a double or a string.
QString canonical(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::QString:
        return QLatin1String("s:") + value.toString();
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
        return QLatin1String("i:") + value.toString();
    case QMetaType::Double:
        return QLatin1String("f:") + QString::number(value.toDouble(), 'g', 17);
    case QMetaType::Bool:
        return QLatin1String("b:") + value.toString();
    case QMetaType::QVariantMap: {
        QString out = QLatin1String("{");
        const QVariantMap map = value.toMap();
        for (auto it = map.cbegin(); it != map.cend(); ++it)
            out += it.key() + QLatin1Char('=') + canonical(it.value()) + QLatin1Char(',');
        return out + QLatin1Char('}');
    }
    case QMetaType::QVariantList: {
        QString out = QLatin1String("[");
        const QVariantList list = value.toList();
        for (const QVariant &item : list)
            out += canonical(item) + QLatin1Char(',');
        return out + QLatin1Char(']');
    }
    default:
        return QLatin1String("?") + QString::fromLatin1(value.typeName()) + QLatin1Char(':')
            + value.toString();
    }
}

SecureCookie::Encoding encodingOf(const QJsonValue &encoder)
{
    return encoder.toString() == QLatin1String("json") ? SecureCookie::Encoding::Json
                                                       : SecureCookie::Encoding::Gob;
}

KeyRing ringOf(const QJsonArray &keys)
{
    KeyRing ring;
    for (const QJsonValue &key : keys) {
        const QJsonObject k = key.toObject();
        ring.append(hex(k.value(QLatin1String("hash_key_hex"))),
                    hex(k.value(QLatin1String("block_key_hex"))));
    }
    return ring;
}

SecureCookie::Clock fixedClock(qint64 now)
{
    return [now] { return now; };
}

// Go's error text -> our code.
Code codeForGoError(const QString &text)
{
    static const QList<QPair<QLatin1String, Code>> table = {
        { QLatin1String("securecookie: the value is not valid"), Code::MacInvalid },
        { QLatin1String("securecookie: the value is too long"), Code::CookieTooLong },
        { QLatin1String("securecookie: base64 decode failed"), Code::Base64DecodeFailed },
        { QLatin1String("securecookie: invalid timestamp"), Code::InvalidTimestamp },
        { QLatin1String("securecookie: expired timestamp"), Code::Expired },
        { QLatin1String("securecookie: timestamp is too new"), Code::TooNew },
        { QLatin1String("securecookie: the value could not be decrypted"), Code::DecryptFailed },
        { QLatin1String("securecookie: error - caused by: securecookie: error"),
          Code::CannotDeserialize },
        { QLatin1String("securecookie: hash key is not set"), Code::HashKeyNotSet },
    };
    for (const auto &[prefix, code] : table) {
        if (text.startsWith(prefix))
            return code;
    }
    return Code::NoError;
}

CodecError::Class classOf(const QJsonObject &error)
{
    if (error.value(QLatin1String("is_usage")).toBool())
        return CodecError::Class::Usage;
    if (error.value(QLatin1String("is_internal")).toBool())
        return CodecError::Class::Internal;
    return CodecError::Class::Decode;
}

// Our messages are Go's text plus a hint in parentheses; where the text comes from Go's gob or
// JSON decoder (after "caused by: "), only securecookie's part is compared.
void verifyGoMessage(const QString &ours, const QString &go, Code code)
{
    if (code == Code::CannotDeserialize) {
        const QString prefix = QStringLiteral("securecookie: error - caused by: securecookie: "
                                              "error - caused by: ");
        QVERIFY2(ours.startsWith(prefix), qPrintable(ours));
    } else if (code == Code::HashKeyNotSet) {
        // Reported at construction, naming the key pair.
        QVERIFY2(ours.contains(QLatin1String("hash key is not set")), qPrintable(ours));
    } else {
        QVERIFY2(ours.startsWith(go), qPrintable(ours + QLatin1String(" <> ") + go));
    }
}

} // namespace

class tst_SecureCookie : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void knownAnswers_data();
    void decodePayloadVectors();
    void decodePayloadVectors_data() { knownAnswers_data(); }
    void reencodePayloadVectors();
    void reencodePayloadVectors_data() { knownAnswers_data(); }
    void decodeVectors();
    void decodeVectors_data() { knownAnswers_data(); }
    void reencodeVectors();
    void reencodeVectors_data() { knownAnswers_data(); }

    void multiCodec_data();
    void multiCodec();
    void invalidVectors_data();
    void invalidVectors();

    void multiErrorText_data();
    void multiErrorText();
    void inspectReportsEveryKey();
    void rotationEncodesWithFirstPair();
    void keyErrorsAreReturnedByEveryCall_data();
    void keyErrorsAreReturnedByEveryCall();
    void ageLimits_data();
    void ageLimits();
    void lengthLimits();
    void settersIgnoreNegativeValues();
    void copiesAreIndependent();

    void payloadRoundTrips_data();
    void payloadRoundTrips();
    void valueRoundTrips_data();
    void valueRoundTrips();
    void cookieNameIsSigned();
    void freshIvPerCookie();
    void flippedBytesAreRejected_data();
    void flippedBytesAreRejected();
    void concurrentUse();

private:
    QJsonObject m_vectors;
};

void tst_SecureCookie::initTestCase()
{
    m_vectors = Test::goVectors();
    QVERIFY2(!m_vectors.isEmpty(), "tests/data/go-redistore.json not readable");
    QVERIFY(!m_vectors.value(QLatin1String("securecookie")).toArray().isEmpty());
}

void tst_SecureCookie::knownAnswers_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("hashKey");
    QTest::addColumn<QByteArray>("blockKey");
    QTest::addColumn<int>("encoding");
    QTest::addColumn<QByteArray>("cookie");
    QTest::addColumn<qint64>("timestamp");
    QTest::addColumn<QByteArray>("iv");
    QTest::addColumn<QByteArray>("serialized");
    QTest::addColumn<qint64>("decodeNow");
    QTest::addColumn<bool>("realClock");
    QTest::addColumn<bool>("deterministic");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QVariant>("decoded");

    const QJsonArray vectors = m_vectors.value(QLatin1String("securecookie")).toArray();
    for (const QJsonValue &entry : vectors) {
        const QJsonObject v = entry.toObject();
        QTest::newRow(qPrintable(v.value(QLatin1String("id")).toString()))
            << v.value(QLatin1String("name")).toString().toUtf8()
            << hex(v.value(QLatin1String("hash_key_hex")))
            << hex(v.value(QLatin1String("block_key_hex")))
            << int(encodingOf(v.value(QLatin1String("encoder"))))
            << v.value(QLatin1String("cookie")).toString().toLatin1()
            << qint64(v.value(QLatin1String("timestamp")).toInteger())
            << hex(v.value(QLatin1String("iv_hex")))
            << hex(v.value(QLatin1String("serialized_hex")))
            << qint64(v.value(QLatin1String("decode_now")).toInteger())
            << v.value(QLatin1String("real_clock")).toBool()
            << v.value(QLatin1String("serialization_deterministic")).toBool()
            << goValue(v.value(QLatin1String("value")).toObject())
            << goValue(v.value(QLatin1String("decoded")).toObject());
    }
}

// The crypto and format layers alone: signature, timestamp, AES-CTR and both base64 levels.
void tst_SecureCookie::decodePayloadVectors()
{
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, hashKey);
    QFETCH(QByteArray, blockKey);
    QFETCH(QByteArray, cookie);
    QFETCH(QByteArray, serialized);
    QFETCH(qint64, decodeNow);

    SecureCookie codec(hashKey, blockKey);
    QVERIFY(codec.isValid());
    codec.setClock(fixedClock(decodeNow));
    int keyIndex = -1;
    const auto payload = codec.decodePayload(name, cookie, &keyIndex);
    QVERIFY2(payload.ok(), qPrintable(payload.ok() ? QString() : payload.error().message()));
    QCOMPARE(payload.value().toHex(), serialized.toHex());
    QCOMPARE(keyIndex, 0);
}

void tst_SecureCookie::reencodePayloadVectors()
{
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, hashKey);
    QFETCH(QByteArray, blockKey);
    QFETCH(QByteArray, cookie);
    QFETCH(qint64, timestamp);
    QFETCH(QByteArray, iv);
    QFETCH(QByteArray, serialized);

    const SecureCookie codec(hashKey, blockKey);
    const auto encoded = codec.encodePayloadForTesting(name, serialized, timestamp, iv);
    QVERIFY(encoded.ok());
    QCOMPARE(encoded.value(), cookie);
}

void tst_SecureCookie::decodeVectors()
{
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, hashKey);
    QFETCH(QByteArray, blockKey);
    QFETCH(int, encoding);
    QFETCH(QByteArray, cookie);
    QFETCH(qint64, timestamp);
    QFETCH(qint64, decodeNow);
    QFETCH(bool, realClock);
    QFETCH(QVariant, decoded);

    SecureCookie codec(hashKey, blockKey);
    codec.setEncoding(SecureCookie::Encoding(encoding));
    if (realClock) {
        // Produced with Go's real clock: decodes with ours, unless older than 30 days by now.
        codec.setMaxAge(0);
    } else {
        codec.setClock(fixedClock(decodeNow));
    }
    const SecureCookie::Inspection found = codec.inspect(name, cookie);
    QVERIFY2(found.ok(), qPrintable(found.error.message()));
    QCOMPARE(found.keyIndex, 0);
    QCOMPARE(found.timestamp, timestamp);
    QVERIFY(found.keyErrors.isEmpty());
    QCOMPARE(canonical(found.value), canonical(decoded));

    if (!realClock) {
        const auto value = codec.decode(name, cookie);
        QVERIFY(value.ok());
        QCOMPARE(canonical(value.value()), canonical(decoded));
    }
}

void tst_SecureCookie::reencodeVectors()
{
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, hashKey);
    QFETCH(QByteArray, blockKey);
    QFETCH(int, encoding);
    QFETCH(QByteArray, cookie);
    QFETCH(qint64, timestamp);
    QFETCH(QByteArray, iv);
    QFETCH(bool, deterministic);
    QFETCH(QVariant, value);

    SecureCookie codec(hashKey, blockKey);
    codec.setEncoding(SecureCookie::Encoding(encoding));
    const auto encoded = codec.encodeForTesting(name, value, timestamp, iv);
    QVERIFY2(encoded.ok(), qPrintable(encoded.ok() ? QString() : encoded.error().message()));
    if (deterministic) {
        QCOMPARE(encoded.value(), cookie);
    } else {
        // Go wrote the map entries in its random order: compare what decodes.
        codec.setClock(fixedClock(timestamp));
        const auto ours = codec.decode(name, encoded.value());
        QVERIFY(ours.ok());
        QCOMPARE(canonical(ours.value()), canonical(value));
        QCOMPARE(encoded.value().size(), cookie.size());
    }
}

void tst_SecureCookie::multiCodec_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("cookie");
    QTest::addColumn<KeyRing>("encodeKeys");
    QTest::addColumn<KeyRing>("decodeKeys");
    QTest::addColumn<qint64>("decodeNow");
    QTest::addColumn<int>("keyIndex"); // -1: fails
    QTest::addColumn<QString>("goError");
    QTest::addColumn<QVariant>("decoded");

    const QJsonArray cases = m_vectors.value(QLatin1String("multi_codec")).toArray();
    QVERIFY(!cases.isEmpty());
    for (const QJsonValue &entry : cases) {
        const QJsonObject c = entry.toObject();
        int keyIndex = -1;
        const QJsonArray perCodec = c.value(QLatin1String("per_codec_results")).toArray();
        for (const QJsonValue &r : perCodec) {
            if (r.toObject().value(QLatin1String("result")).toString() == QLatin1String("ok"))
                keyIndex = r.toObject().value(QLatin1String("index")).toInt();
        }
        QTest::newRow(qPrintable(c.value(QLatin1String("id")).toString()))
            << c.value(QLatin1String("name")).toString().toUtf8()
            << c.value(QLatin1String("cookie")).toString().toLatin1()
            << ringOf(c.value(QLatin1String("encode_keys")).toArray())
            << ringOf(c.value(QLatin1String("decode_keys")).toArray())
            << qint64(c.value(QLatin1String("decode_now")).toInteger()) << keyIndex
            << c.value(QLatin1String("error")).toObject().value(QLatin1String("error")).toString()
            << goValue(c.value(QLatin1String("decoded")).toObject());
    }
}

void tst_SecureCookie::multiCodec()
{
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, cookie);
    QFETCH(KeyRing, encodeKeys);
    QFETCH(KeyRing, decodeKeys);
    QFETCH(qint64, decodeNow);
    QFETCH(int, keyIndex);
    QFETCH(QString, goError);
    QFETCH(QVariant, decoded);

    SecureCookie decoder(decodeKeys);
    QVERIFY(decoder.isValid());
    decoder.setClock(fixedClock(decodeNow));
    const SecureCookie::Inspection found = decoder.inspect(name, cookie);
    QCOMPARE(found.keyIndex, keyIndex);
    if (keyIndex >= 0) {
        QCOMPARE(canonical(found.value), canonical(decoded));
        QCOMPARE(found.keyErrors.size(), qsizetype(keyIndex));
    } else {
        QCOMPARE(found.error.code(), codeForGoError(goError));
        QCOMPARE(found.error.errorClass(), CodecError::Class::Decode);
        verifyGoMessage(found.error.message(), goError, found.error.code());
        QCOMPARE(found.keyErrors.size(), decodeKeys.size());
    }

    // A cookie we encode with the same ring behaves the same.
    SecureCookie encoder(encodeKeys);
    encoder.setClock(fixedClock(decodeNow));
    const auto ours
        = encoder.encode(name, decoded.isValid() ? decoded : QVariant(QStringLiteral("x")));
    QVERIFY(ours.ok());
    int index = -2;
    const auto again = decoder.decode(name, ours.value(), &index);
    QCOMPARE(again.ok(), keyIndex >= 0);
    QCOMPARE(index, keyIndex);
}

void tst_SecureCookie::invalidVectors_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("hashKey");
    QTest::addColumn<QByteArray>("blockKey");
    QTest::addColumn<int>("encoding");
    QTest::addColumn<qint64>("maxAge");
    QTest::addColumn<qint64>("minAge");
    QTest::addColumn<qsizetype>("maxLength");
    QTest::addColumn<QByteArray>("cookie");
    QTest::addColumn<qint64>("decodeNow");
    QTest::addColumn<QString>("goError"); // empty: decodes
    QTest::addColumn<int>("errorClass");
    QTest::addColumn<QVariant>("decoded");

    const QJsonArray cases = m_vectors.value(QLatin1String("invalid")).toArray();
    QVERIFY(!cases.isEmpty());
    for (const QJsonValue &entry : cases) {
        const QJsonObject c = entry.toObject();
        QCOMPARE(c.value(QLatin1String("operation")).toString(), QLatin1String("decode"));
        const QJsonObject settings = c.value(QLatin1String("settings")).toObject();
        const QJsonObject error = c.value(QLatin1String("error")).toObject();
        QTest::newRow(qPrintable(c.value(QLatin1String("id")).toString()))
            << c.value(QLatin1String("name")).toString().toUtf8()
            << hex(c.value(QLatin1String("hash_key_hex")))
            << hex(c.value(QLatin1String("block_key_hex")))
            << int(encodingOf(c.value(QLatin1String("encoder"))))
            << qint64(settings.value(QLatin1String("max_age")).toInteger())
            << qint64(settings.value(QLatin1String("min_age")).toInteger())
            << qsizetype(settings.value(QLatin1String("max_length")).toInteger())
            << c.value(QLatin1String("cookie")).toString().toLatin1()
            << qint64(c.value(QLatin1String("decode_now")).toInteger())
            << error.value(QLatin1String("error")).toString() << int(classOf(error))
            << goValue(c.value(QLatin1String("decoded")).toObject());
    }
}

void tst_SecureCookie::invalidVectors()
{
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, hashKey);
    QFETCH(QByteArray, blockKey);
    QFETCH(int, encoding);
    QFETCH(qint64, maxAge);
    QFETCH(qint64, minAge);
    QFETCH(qsizetype, maxLength);
    QFETCH(QByteArray, cookie);
    QFETCH(qint64, decodeNow);
    QFETCH(QString, goError);
    QFETCH(int, errorClass);
    QFETCH(QVariant, decoded);

    SecureCookie codec(hashKey, blockKey);
    codec.setEncoding(SecureCookie::Encoding(encoding));
    codec.setMaxAge(maxAge);
    codec.setMinAge(minAge);
    codec.setMaxLength(maxLength);
    codec.setClock(fixedClock(decodeNow));
    const auto result = codec.decode(name, cookie);
    if (goError.isEmpty()) {
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message()));
        QCOMPARE(canonical(result.value()), canonical(decoded));
        return;
    }
    QVERIFY(!result.ok());
    const Code expected = codeForGoError(goError);
    QVERIFY2(expected != Code::NoError, qPrintable(goError));
    QCOMPARE(result.error().code(), expected);
    QCOMPARE(int(result.error().errorClass()), errorClass);
    verifyGoMessage(result.error().message(), goError, expected);
}

void tst_SecureCookie::multiErrorText_data()
{
    QTest::addColumn<int>("keys");
    QTest::addColumn<QString>("suffix");
    QTest::newRow("one key") << 1 << QString();
    QTest::newRow("two keys") << 2 << QStringLiteral(" (and 1 other error)");
    QTest::newRow("three keys") << 3 << QStringLiteral(" (and 2 other errors)");
}

void tst_SecureCookie::multiErrorText()
{
    QFETCH(int, keys);
    QFETCH(QString, suffix);
    KeyRing ring;
    for (int i = 0; i < keys; ++i)
        ring.append(QByteArray(32, char('a' + i)));
    const SecureCookie codec(ring);
    const SecureCookie other(QByteArray(32, 'z'));
    const auto cookie = other.encodePayload("n", "payload");
    QVERIFY(cookie.ok());

    const auto result = codec.decodePayload("n", cookie.value());
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code(), Code::MacInvalid);
    QVERIFY(
        result.error().message().startsWith(QLatin1String("securecookie: the value is not valid")));
    if (suffix.isEmpty())
        QVERIFY(!result.error().message().contains(QLatin1String("other error")));
    else
        QVERIFY2(result.error().message().endsWith(suffix), qPrintable(result.error().message()));

    // A check that comes before the keys fails the same way for each of them, as in Go.
    const auto garbage = codec.decodePayload("n", "!!!!");
    QCOMPARE(garbage.error().code(), Code::Base64DecodeFailed);
    QVERIFY(garbage.error().message().startsWith(QLatin1String(
        "securecookie: base64 decode failed - caused by: illegal base64 data at input byte 0")));
    QCOMPARE(garbage.error().message().endsWith(suffix), true);
}

void tst_SecureCookie::inspectReportsEveryKey()
{
    const QByteArray k1(32, '1'), k2(32, '2'), k3(32, '3'), b3(16, 'b');
    const SecureCookie third(k3, b3);
    const auto cookie = third.encode("session", QStringLiteral("id"));
    QVERIFY(cookie.ok());

    const SecureCookie ring(KeyRing::keys({ k1, {}, k2, QByteArray(32, 'x'), k3, b3 }));
    QVERIFY(ring.isValid());
    const SecureCookie::Inspection found = ring.inspect("session", cookie.value());
    QCOMPARE(found.keyIndex, 2);
    QCOMPARE(found.keyErrors.size(), 2);
    QCOMPARE(found.keyErrors.at(0).code(), Code::MacInvalid);
    QCOMPARE(found.keyErrors.at(1).code(), Code::MacInvalid);
    QVERIFY(qAbs(found.timestamp - QDateTime::currentSecsSinceEpoch()) < 5);
    QVERIFY(!found.error.isError());
    QCOMPARE(found.value, QVariant(QStringLiteral("id")));

    int index = -1;
    const auto payload = ring.decodePayload("session", cookie.value(), &index);
    QCOMPARE(payload.value(), Gob::encode(QStringLiteral("id")).value());
    QCOMPARE(index, 2);

    // Signed by a known key but expired: the per-key list says so even though Go's text leads
    // with the first key's MAC error.
    SecureCookie later = ring;
    later.setClock(fixedClock(QDateTime::currentSecsSinceEpoch() + 31 * 86400));
    const SecureCookie::Inspection expired = later.inspect("session", cookie.value());
    QVERIFY(!expired.ok());
    QCOMPARE(expired.error.code(), Code::MacInvalid);
    QVERIFY(expired.error.message().endsWith(QLatin1String(" (and 2 other errors)")));
    QCOMPARE(expired.keyErrors.size(), 3);
    QCOMPARE(expired.keyErrors.at(2).code(), Code::Expired);
}

void tst_SecureCookie::rotationEncodesWithFirstPair()
{
    const KeyRing ring = KeyRing::keys(
        { QByteArray(64, 'n'), QByteArray(32, 'N'), QByteArray(32, 'o'), QByteArray(16, 'O') });
    const SecureCookie store(ring);
    const auto cookie = store.encodePayload("s", "value");
    QVERIFY(cookie.ok());
    QCOMPARE(SecureCookie(ring.at(0).hashKey, ring.at(0).blockKey)
                 .decodePayload("s", cookie.value())
                 .value(),
             QByteArray("value"));
    QVERIFY(!SecureCookie(ring.at(1).hashKey, ring.at(1).blockKey)
                 .decodePayload("s", cookie.value())
                 .ok());
}

void tst_SecureCookie::keyErrorsAreReturnedByEveryCall_data()
{
    QTest::addColumn<KeyRing>("keys");
    QTest::addColumn<Code>("code");
    QTest::addColumn<QString>("message");
    QTest::newRow("no keys") << KeyRing() << Code::NoKeys
                             << QStringLiteral("securecookie: no codecs provided");
    QTest::newRow("empty hash key")
        << KeyRing { { QByteArray(), QByteArray() } } << Code::HashKeyNotSet
        << QStringLiteral("key pair 1: hash key");
    QTest::newRow("20-byte block key")
        << KeyRing { { "h1", QByteArray(16, 'b') }, { "h2", QByteArray(20, 'b') } }
        << Code::InvalidBlockKey
        << QStringLiteral("key pair 2: block key is 20 bytes; AES needs 16, 24 or 32");
}

void tst_SecureCookie::keyErrorsAreReturnedByEveryCall()
{
    QFETCH(KeyRing, keys);
    QFETCH(Code, code);
    QFETCH(QString, message);
    const SecureCookie codec(keys);
    QVERIFY(!codec.isValid());
    QCOMPARE(codec.keyError().code(), code);
    QCOMPARE(codec.keyError().errorClass(), CodecError::Class::Usage);
    QVERIFY2(codec.keyError().message().startsWith(message),
             qPrintable(codec.keyError().message()));
    QCOMPARE(codec.encodePayload("n", "v").error().code(), code);
    QCOMPARE(codec.encode("n", QStringLiteral("v")).error().code(), code);
    QCOMPARE(codec.decode("n", "MTc1MDAwMDAwMHx8").error().code(), code);
    QCOMPARE(codec.inspect("n", "x").error.code(), code);
    QCOMPARE(SecureCookie().keyError().code(), Code::NoKeys);
}

void tst_SecureCookie::ageLimits_data()
{
    QTest::addColumn<qint64>("maxAge");
    QTest::addColumn<qint64>("minAge");
    QTest::addColumn<qint64>("age"); // now - timestamp
    QTest::addColumn<Code>("code");
    QTest::newRow("fresh") << qint64(60) << qint64(0) << qint64(0) << Code::NoError;
    QTest::newRow("exactly maxAge") << qint64(60) << qint64(0) << qint64(60) << Code::NoError;
    QTest::newRow("maxAge + 1") << qint64(60) << qint64(0) << qint64(61) << Code::Expired;
    QTest::newRow("future") << qint64(60) << qint64(0) << qint64(-86400) << Code::NoError;
    QTest::newRow("maxAge 0") << qint64(0) << qint64(0) << qint64(40) * 365 * 86400
                              << Code::NoError;
    QTest::newRow("exactly minAge") << qint64(60) << qint64(10) << qint64(10) << Code::NoError;
    QTest::newRow("younger than minAge") << qint64(60) << qint64(10) << qint64(9) << Code::TooNew;
}

void tst_SecureCookie::ageLimits()
{
    QFETCH(qint64, maxAge);
    QFETCH(qint64, minAge);
    QFETCH(qint64, age);
    QFETCH(Code, code);
    const qint64 signedAt = 1750000000;
    SecureCookie codec(QByteArray("k"));
    codec.setClock(fixedClock(signedAt));
    const auto cookie = codec.encodePayload("n", "v");
    QVERIFY(cookie.ok());
    codec.setMaxAge(maxAge);
    codec.setMinAge(minAge);
    codec.setClock(fixedClock(signedAt + age));
    const auto result = codec.decodePayload("n", cookie.value());
    QCOMPARE(result.ok() ? Code::NoError : result.error().code(), code);
    if (!result.ok()) {
        // The message says when it was signed and which limit applied.
        QVERIFY2(result.error().message().contains(QLatin1String("2025-06-15T15:06:40Z")),
                 qPrintable(result.error().message()));
    }
}

void tst_SecureCookie::lengthLimits()
{
    SecureCookie codec(QByteArray(32, 'k'));
    codec.setMaxLength(0);
    // Hash-only cookie size: base64(ts "|" base64(payload) "|" mac32).
    const auto sized = [&](int payload) {
        return codec.encodePayload("n", QByteArray(payload, 'x')).value().size();
    };
    const qsizetype big = sized(3000);
    QVERIFY(big > 4096);

    codec.setMaxLength(big);
    QVERIFY(codec.encodePayload("n", QByteArray(3000, 'x')).ok());
    codec.setMaxLength(big - 1);
    const auto tooLong = codec.encodePayload("n", QByteArray(3000, 'x'));
    QCOMPARE(tooLong.error().code(), Code::ValueTooLong);
    QCOMPARE(tooLong.error().errorClass(), CodecError::Class::Usage);
    QVERIFY(
        tooLong.error().message().startsWith(QLatin1String("securecookie: the value is too long")));

    // decode checks the raw length first, before anything else.
    const QByteArray junk(4097, '!');
    codec.setMaxLength(4096);
    QCOMPARE(codec.decodePayload("n", junk).error().code(), Code::CookieTooLong);
    QCOMPARE(codec.decodePayload("n", junk.left(4096)).error().code(), Code::Base64DecodeFailed);
    QCOMPARE(SecureCookie(QByteArray("k")).maxLength(), SecureCookie::DefaultMaxLength);
}

void tst_SecureCookie::settersIgnoreNegativeValues()
{
    SecureCookie codec(QByteArray("k"));
    QCOMPARE(codec.maxAge(), SecureCookie::DefaultMaxAge);
    QCOMPARE(codec.minAge(), qint64(0));
    codec.setMaxAge(-1);
    codec.setMinAge(-1);
    codec.setMaxLength(-1);
    QCOMPARE(codec.maxAge(), SecureCookie::DefaultMaxAge);
    QCOMPARE(codec.minAge(), qint64(0));
    QCOMPARE(codec.maxLength(), SecureCookie::DefaultMaxLength);
    QCOMPARE(codec.encoding(), SecureCookie::Encoding::Gob);
}

void tst_SecureCookie::copiesAreIndependent()
{
    SecureCookie a(QByteArray("k"));
    SecureCookie b = a;
    b.setMaxAge(10);
    b.setEncoding(SecureCookie::Encoding::Json);
    b.setClock(fixedClock(5));
    QCOMPARE(a.maxAge(), SecureCookie::DefaultMaxAge);
    QCOMPARE(a.encoding(), SecureCookie::Encoding::Gob);
    QVERIFY(a.now() > 1700000000);
    QCOMPARE(b.now(), qint64(5));
    QCOMPARE(b.keys(), a.keys());
}

void tst_SecureCookie::payloadRoundTrips_data()
{
    QTest::addColumn<int>("hashSize");
    QTest::addColumn<int>("blockSize");
    for (int hashSize : { 1, 16, 32, 63, 64, 65, 100 }) {
        for (int blockSize : { 0, 16, 24, 32 }) {
            QTest::addRow("hash%d-block%d", hashSize, blockSize) << hashSize << blockSize;
        }
    }
}

void tst_SecureCookie::payloadRoundTrips()
{
    QFETCH(int, hashSize);
    QFETCH(int, blockSize);
    QRandomGenerator *random = QRandomGenerator::global();
    auto randomBytes = [random](int size) {
        QByteArray bytes(size, Qt::Uninitialized);
        for (char &c : bytes)
            c = char(random->bounded(256));
        return bytes;
    };
    const SecureCookie codec(randomBytes(hashSize), randomBytes(blockSize));
    QVERIFY(codec.isValid());
    for (int size : { 0, 1, 2, 3, 15, 16, 17, 100, 1000 }) {
        const QByteArray payload = randomBytes(size);
        const QByteArray name = randomBytes(random->bounded(1, 20)).toBase64();
        const auto cookie = codec.encodePayload(name, payload);
        QVERIFY(cookie.ok());
        // The cookie is base64url with padding only.
        for (char c : cookie.value())
            QVERIFY(std::isalnum(uchar(c)) || c == '-' || c == '_' || c == '=');
        // Its MAC is OpenSSL's HMAC-SHA256 of "name|date|value" (keys of any length).
        const QByteArray decoded = QByteArray::fromBase64(
            cookie.value(),
            QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
        const qsizetype macAt = decoded.size() - 33; // the MAC is 32 raw bytes after a '|'
        QVERIFY(macAt > 0 && decoded.at(macAt) == '|');
        const QByteArray signedPart = name + '|' + decoded.left(macAt);
        const QByteArray hashKey = codec.keys().at(0).hashKey;
        uchar expected[32];
        unsigned int expectedSize = 0;
        QVERIFY(HMAC(EVP_sha256(), hashKey.constData(), int(hashKey.size()),
                     reinterpret_cast<const uchar *>(signedPart.constData()),
                     size_t(signedPart.size()), expected, &expectedSize));
        QCOMPARE(decoded.sliced(macAt + 1),
                 QByteArray(reinterpret_cast<const char *>(expected), int(expectedSize)));
        const auto back = codec.decodePayload(name, cookie.value());
        if (blockSize && size == 0) {
            // Nothing but the IV: Go's decrypt refuses that too (gob and JSON never give an
            // empty payload).
            QCOMPARE(back.error().code(), Code::DecryptFailed);
            continue;
        }
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().message()));
        QCOMPARE(back.value(), payload);
    }
}

void tst_SecureCookie::valueRoundTrips_data()
{
    QTest::addColumn<int>("encoding");
    QTest::addColumn<QVariant>("value");
    const QVariantMap map { { QStringLiteral("user"), QStringLiteral("alice") },
                            { QStringLiteral("n"), qint64(42) },
                            { QStringLiteral("admin"), true },
                            { QStringLiteral("ratio"), 0.25 } };
    for (int encoding : { int(SecureCookie::Encoding::Gob), int(SecureCookie::Encoding::Json) }) {
        const char *tag = encoding == int(SecureCookie::Encoding::Gob) ? "gob" : "json";
        QTest::addRow("%s-empty-string", tag) << encoding << QVariant(QString());
        QTest::addRow("%s-session-id", tag)
            << encoding
            << QVariant(QStringLiteral("52ZPY4ZW3RFICLUBZPWCHWFNRNXJIQRRKIRB4ZNWI2LC2IO6JSPA"));
        QTest::addRow("%s-unicode", tag)
            << encoding << QVariant(QStringLiteral("h\u00e9llo \u2603 <&>"));
        QTest::addRow("%s-map", tag) << encoding << QVariant(map);
    }
    QTest::newRow("gob-int") << int(SecureCookie::Encoding::Gob) << QVariant(qint64(-1234567));
    QTest::newRow("json-number") << int(SecureCookie::Encoding::Json) << QVariant(1234567.0);
}

void tst_SecureCookie::valueRoundTrips()
{
    QFETCH(int, encoding);
    QFETCH(QVariant, value);
    for (int blockSize : { 0, 16, 32 }) {
        SecureCookie codec(QByteArray(32, 'h'), QByteArray(blockSize, 'b'));
        codec.setEncoding(SecureCookie::Encoding(encoding));
        const auto cookie = codec.encode("session", value);
        QVERIFY2(cookie.ok(), qPrintable(cookie.ok() ? QString() : cookie.error().message()));
        const auto back = codec.decode("session", cookie.value());
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().message()));
        QVariant expected = value;
        if (encoding == int(SecureCookie::Encoding::Json)
            && value.typeId() == QMetaType::QVariantMap) {
            // Go's JSON gives every number back as float64.
            QVariantMap m = value.toMap();
            m[QStringLiteral("n")] = 42.0;
            expected = m;
        }
        QCOMPARE(canonical(back.value()), canonical(expected));
    }
}

void tst_SecureCookie::cookieNameIsSigned()
{
    const SecureCookie codec(QByteArray(32, 'h'), QByteArray(16, 'b'));
    const auto cookie = codec.encodePayload("session", "id");
    QVERIFY(codec.decodePayload("session", cookie.value()).ok());
    const auto other = codec.decodePayload("session2", cookie.value());
    QCOMPARE(other.error().code(), Code::MacInvalid);
    // The name is not stored in the cookie.
    QVERIFY(
        !QByteArray::fromBase64(cookie.value(), QByteArray::Base64UrlEncoding).contains("session"));
}

void tst_SecureCookie::freshIvPerCookie()
{
    const SecureCookie codec(QByteArray(32, 'h'), QByteArray(32, 'b'));
    const auto a = codec.encodePayload("n", "same value");
    const auto b = codec.encodePayload("n", "same value");
    QVERIFY(a.ok() && b.ok());
    QVERIFY(a.value() != b.value());
    QCOMPARE(a.value().size(), b.value().size());
}

void tst_SecureCookie::flippedBytesAreRejected_data()
{
    QTest::addColumn<QByteArray>("hashKey");
    QTest::addColumn<QByteArray>("blockKey");
    QTest::newRow("hash only") << QByteArray(32, 'h') << QByteArray();
    QTest::newRow("aes-128") << QByteArray(32, 'h') << QByteArray(16, 'b');
    QTest::newRow("aes-256") << QByteArray(64, 'h') << QByteArray(32, 'b');
}

void tst_SecureCookie::flippedBytesAreRejected()
{
    QFETCH(QByteArray, hashKey);
    QFETCH(QByteArray, blockKey);
    SecureCookie codec(hashKey, blockKey);
    codec.setClock(fixedClock(1750000000));
    const QByteArray payload("52ZPY4ZW3RFICLUBZPWCHWFNRNXJIQRRKIRB4ZNWI2LC2IO6JSPA");
    const QByteArray cookie = codec.encodePayload("session", payload).value();
    QVERIFY(codec.decodePayload("session", cookie).ok());

    // Every bit of the signed bytes matters.
    const QByteArray raw = QByteArray::fromBase64(cookie, QByteArray::Base64UrlEncoding);
    for (qsizetype i = 0; i < raw.size(); ++i) {
        for (int bit = 0; bit < 8; ++bit) {
            QByteArray changed = raw;
            changed[i] = char(changed[i] ^ (1 << bit));
            const QByteArray text = changed.toBase64(QByteArray::Base64UrlEncoding);
            QVERIFY2(!codec.decodePayload("session", text).ok(),
                     qPrintable(QStringLiteral("byte %1 bit %2 accepted").arg(i).arg(bit)));
        }
    }
    // Every character of the text: rejected, unless it only changes the unused low bits of
    // the last quantum before the padding (Go's decoder ignores those, so the bytes are the
    // same and nothing is gained).
    const QByteArray alphabet(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/.|\n ");
    for (qsizetype i = 0; i < cookie.size(); ++i) {
        for (char replacement : alphabet) {
            if (replacement == cookie.at(i))
                continue;
            QByteArray changed = cookie;
            changed[i] = replacement;
            const auto result = codec.decodePayload("session", changed);
            if (result.ok()) {
                QCOMPARE(QByteArray::fromBase64(changed, QByteArray::Base64UrlEncoding), raw);
                QCOMPARE(result.value(), payload);
            }
        }
    }
}

void tst_SecureCookie::concurrentUse()
{
    const SecureCookie shared(QByteArray(32, 'h'), QByteArray(16, 'b'));
    std::atomic<int> failures { 0 };
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&shared, &failures, t] {
            SecureCookie copy = shared; // shares the key material
            for (int i = 0; i < 500; ++i) {
                const QByteArray payload = QByteArray::number(t * 100000 + i);
                const SecureCookie &codec = (i % 2) ? copy : shared;
                const auto cookie = codec.encodePayload("n", payload);
                if (!cookie.ok() || codec.decodePayload("n", cookie.value()).valueOr({}) != payload)
                    ++failures;
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    QCOMPARE(failures.load(), 0);
}

QTEST_GUILESS_MAIN(tst_SecureCookie)
#include "tst_securecookie.moc"
