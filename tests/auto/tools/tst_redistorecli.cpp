// The redistore command-line tool, run as a user runs it: the built binary through QProcess.

#include <redisserver.h>
#include <testdata.h>

#include "clitesthelpers.h"

#include <libredistore/codec/keyring.h>
#include <libredistore/codec/securecookie.h>
#include <libredistore/serializer/sessionserializer.h>

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>
#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

using RediStore::KeyRing;
using RediStore::SecureCookie;
using RediStore::SessionSerializer;
using RediStore::Test::RedisServer;

using namespace CliTest;

namespace {

QStringList keyArguments(const QJsonArray &keys)
{
    QStringList arguments;
    for (const QJsonValue &key : keys) {
        const QJsonObject k = key.toObject();
        arguments << QStringLiteral("--hash-key")
                  << QStringLiteral("hex:") + k.value(QLatin1String("hash_key_hex")).toString();
        if (!k.value(QLatin1String("block_key_hex")).isNull())
            arguments << QStringLiteral("--block-key")
                      << QStringLiteral("hex:")
                    + k.value(QLatin1String("block_key_hex")).toString();
    }
    return arguments;
}

const QString hashKeyHex
    = QStringLiteral("63f5bc1fa8d07612eb2b1b11f7414f544ef04fd9d833d9aa8cf7a4f643774be7");
const QString blockKeyHex = QStringLiteral("382805d6d0fc3d001af026bd3735192e");
const QString hashKey = QStringLiteral("hex:") + hashKeyHex;
const QString blockKey = QStringLiteral("hex:") + blockKeyHex;

} // namespace

class tst_RedistoreCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void help_data();
    void help();
    void version();
    void decodeVectors_data();
    void decodeVectors();
    void decodeWithRotation_data();
    void decodeWithRotation();
    void keyOrderMatters();
    void keyFormsMatchTheLibrary_data();
    void keyFormsMatchTheLibrary();
    void bareHexIsText();
    void cookieForms_data();
    void cookieForms();
    void cookieMissingFromHeader();
    void encryptedNeedsBlockKey_data();
    void encryptedNeedsBlockKey();
    void otherEncodingIsNotEncrypted();
    void showSession_data();
    void showSession();
    void showSessionGone();
    void showSessionErrors();
    void keysFromFilesAndEnvironment_data();
    void keysFromFilesAndEnvironment();
    void encodeWithKeysFromTheEnvironment();
    void secretInputErrors_data();
    void secretInputErrors();
    void showSessionUrlFromFileAndEnvironment();
    void roundTrip_data();
    void roundTrip();
    void wrongKeyFails();
    void expiredCookieFails();
    void badArguments_data();
    void badArguments();
    void valueRoundTrip_data();
    void valueRoundTrip();
    void valueDecodesGoRedisValues_data();
    void valueDecodesGoRedisValues();
    void valueErrors();

private:
    // A private redis-server for the --show-session tests, started by the first that needs it.
    bool startRedis();
    // "redistore cookie encode --name my-session --hash-key <hashKey> OPTIONS JSON", at a fixed
    // time; the cookie, or empty on failure.
    QString encode(const QString &json, const QStringList &options = {});
    // Stores a session as a store with that serializer would; ttl 0: no expiry.
    void put(const QByteArray &key, const QString &serializer, const QVariantMap &values,
             int ttl = 0);

    QJsonObject m_vectors;
    RedisServer m_server;
};

void tst_RedistoreCli::initTestCase()
{
    QVERIFY2(QFile::exists(QStringLiteral(REDISTORE_CLI)), REDISTORE_CLI);
    m_vectors = RediStore::Test::goVectors();
    QVERIFY(!m_vectors.isEmpty());
}

void tst_RedistoreCli::help_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("redistore --help")
        << QStringList { QStringLiteral("--help") } << QStringLiteral("cookie");
    QTest::newRow("redistore cookie --help")
        << QStringList { QStringLiteral("cookie"), QStringLiteral("--help") }
        << QStringLiteral("decode");
    QTest::newRow("redistore cookie decode --help")
        << QStringList { QStringLiteral("cookie"), QStringLiteral("decode"),
                         QStringLiteral("--help") }
        << QStringLiteral("--block-key KEY");
    QTest::newRow("redistore cookie encode --help")
        << QStringList { QStringLiteral("cookie"), QStringLiteral("encode"),
                         QStringLiteral("--help") }
        << QStringLiteral("JSON_VALUE");
    const QString keys = QStringLiteral(
        "Keys: hex:HEX, base64:B64, or the text itself, as the library reads them");
    QTest::newRow("redistore cookie decode --help: key forms")
        << QStringList { QStringLiteral("cookie"), QStringLiteral("decode"),
                         QStringLiteral("--help") }
        << keys;
    QTest::newRow("redistore cookie encode --help: key forms")
        << QStringList { QStringLiteral("cookie"), QStringLiteral("encode"),
                         QStringLiteral("--help") }
        << keys;
    QTest::newRow("redistore cookie decode --help: --show-session")
        << QStringList { QStringLiteral("cookie"), QStringLiteral("decode"),
                         QStringLiteral("--help") }
        << QStringLiteral("--show-session");
    QTest::newRow("--help wins over other arguments")
        << QStringList { QStringLiteral("cookie"), QStringLiteral("decode"), QStringLiteral("x"),
                         QStringLiteral("--help") }
        << QStringLiteral("--max-age S");
}

void tst_RedistoreCli::help()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, mentions);
    checkHelp(arguments, mentions);
}

void tst_RedistoreCli::version()
{
    const Run run = redistore({ QStringLiteral("--version") });
    QCOMPARE(run.exitCode, 0);
    QVERIFY(QRegularExpression(QStringLiteral("^redistore \\d+\\.\\d+\\.\\d+\n$"))
                .match(QString::fromUtf8(run.out))
                .hasMatch());
}

void tst_RedistoreCli::decodeVectors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QJsonValue>("expected");
    const QJsonArray vectors = m_vectors.value(QLatin1String("securecookie")).toArray();
    for (const QJsonValue &entry : vectors) {
        const QJsonObject v = entry.toObject();
        QStringList arguments { QStringLiteral("cookie"), QStringLiteral("decode"),
                                QStringLiteral("--name"),
                                v.value(QLatin1String("name")).toString() };
        arguments += keyArguments(QJsonArray { v });
        arguments << QStringLiteral("--encoding") << v.value(QLatin1String("encoder")).toString();
        if (v.value(QLatin1String("real_clock")).toBool())
            arguments << QStringLiteral("--max-age") << QStringLiteral("0");
        else
            arguments << QStringLiteral("--now")
                      << QString::number(v.value(QLatin1String("decode_now")).toInteger());
        arguments << v.value(QLatin1String("cookie")).toString();
        QTest::newRow(qPrintable(v.value(QLatin1String("id")).toString()))
            << arguments << goJson(v.value(QLatin1String("decoded")).toObject());
    }
}

void tst_RedistoreCli::decodeVectors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QJsonValue, expected);
    const Run run = redistore(arguments);
    QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));
    QVERIFY(run.out.endsWith('\n'));
    QCOMPARE(parseJson(run.out.trimmed()), expected);
}

void tst_RedistoreCli::decodeWithRotation_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QJsonValue>("expected");
    const QJsonArray cases = m_vectors.value(QLatin1String("multi_codec")).toArray();
    for (const QJsonValue &entry : cases) {
        const QJsonObject c = entry.toObject();
        QStringList arguments { QStringLiteral("cookie"), QStringLiteral("decode"),
                                QStringLiteral("--name"),
                                c.value(QLatin1String("name")).toString() };
        arguments += keyArguments(c.value(QLatin1String("decode_keys")).toArray());
        arguments << QStringLiteral("--now")
                  << QString::number(c.value(QLatin1String("decode_now")).toInteger())
                  << c.value(QLatin1String("cookie")).toString();
        const bool ok = c.value(QLatin1String("result")).toString() == QLatin1String("ok");
        QTest::newRow(qPrintable(c.value(QLatin1String("id")).toString()))
            << arguments << (ok ? 0 : 1) << goJson(c.value(QLatin1String("decoded")).toObject());
    }
}

void tst_RedistoreCli::decodeWithRotation()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QJsonValue, expected);
    const Run run = redistore(arguments);
    QVERIFY2(run.exitCode == exitCode, qPrintable(dump(run)));
    if (exitCode == 0)
        QCOMPARE(parseJson(run.out.trimmed()), expected);
    else
        QVERIFY2(run.err.contains("MacInvalid: securecookie: the value is not valid"),
                 run.err.constData());
}

// A --block-key belongs to the --hash-key before it, whatever the options around it.
void tst_RedistoreCli::keyOrderMatters()
{
    const QString otherHash = QStringLiteral("hex:") + QString(64, QLatin1Char('a'));
    const QString otherBlock = QStringLiteral("hex:") + QString(32, QLatin1Char('b'));
    const Run encoded
        = redistore({ QStringLiteral("cookie"), QStringLiteral("encode"), QStringLiteral("--name"),
                      QStringLiteral("s"), QStringLiteral("--hash-key"), hashKey,
                      QStringLiteral("--block-key"), blockKey, QStringLiteral("\"id\"") });
    QVERIFY2(encoded.exitCode == 0, qPrintable(dump(encoded)));
    const QString cookie = QString::fromLatin1(encoded.out.trimmed());

    // (other hash, no block), (hash, block): matches the second pair.
    Run run = redistore({ QStringLiteral("cookie"), QStringLiteral("decode"),
                          QStringLiteral("--hash-key"), otherHash, QStringLiteral("--name"),
                          QStringLiteral("s"), QStringLiteral("--hash-key"), hashKey,
                          QStringLiteral("--encoding"), QStringLiteral("gob"),
                          QStringLiteral("--block-key"), blockKey, cookie });
    QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));
    QCOMPARE(run.out, QByteArray("\"id\"\n"));

    // (other hash, block), (hash, other block): the block key is now on the wrong pair.
    run = redistore({ QStringLiteral("cookie"), QStringLiteral("decode"), QStringLiteral("--name"),
                      QStringLiteral("s"), QStringLiteral("--hash-key"), otherHash,
                      QStringLiteral("--block-key"), blockKey, QStringLiteral("--hash-key"),
                      hashKey, QStringLiteral("--block-key"), otherBlock, cookie });
    QVERIFY2(run.exitCode == 1, qPrintable(dump(run)));
    // Go's MultiError text, then each pair's reason.
    QVERIFY2(run.err.contains("(and 1 other error)"), run.err.constData());
    QVERIFY2(run.err.contains("key pair 1: MacInvalid"), run.err.constData());
    QVERIFY2(run.err.contains("key pair 2: CannotDeserialize"), run.err.constData());
}

bool tst_RedistoreCli::startRedis()
{
    if (m_server.isRunning())
        return true;
    if (!m_server.start()) {
        qWarning("%s", qPrintable(m_server.errorString()));
        return false;
    }
    return true;
}

QString tst_RedistoreCli::encode(const QString &json, const QStringList &options)
{
    const Run run = redistore(QStringList { QStringLiteral("cookie"), QStringLiteral("encode"),
                                            QStringLiteral("--name"), QStringLiteral("my-session"),
                                            QStringLiteral("--hash-key"), hashKey,
                                            QStringLiteral("--now"), QStringLiteral("1750000000") }
                              + options + QStringList { json });
    if (run.exitCode != 0) {
        qWarning("%s", qPrintable(dump(run)));
        return QString();
    }
    return QString::fromLatin1(run.out.trimmed());
}

void tst_RedistoreCli::put(const QByteArray &key, const QString &serializer,
                           const QVariantMap &values, int ttl)
{
    const auto bytes = SessionSerializer::byName(serializer)->serialize(values);
    QVERIFY(bytes.ok());
    const QVariant reply = ttl > 0
        ? m_server.command({ "SETEX", key, QByteArray::number(ttl), bytes.value() })
        : m_server.command({ "SET", key, bytes.value() });
    QCOMPARE(reply.toByteArray(), QByteArray("OK"));
}

// Each form of a key names the same bytes on the command line as in the library
// (KeyRing::keysFromStrings): a cookie the library makes, the tool reads, and the reverse.
void tst_RedistoreCli::keyFormsMatchTheLibrary_data()
{
    QTest::addColumn<QString>("hash");
    QTest::addColumn<QString>("block"); // empty: signed only
    const QByteArray hashBytes = QByteArray::fromHex(hashKeyHex.toLatin1());
    const QByteArray blockBytes = QByteArray::fromHex(blockKeyHex.toLatin1());
    QTest::newRow("hex") << hashKey << blockKey;
    QTest::newRow("hex, upper case") << QStringLiteral("hex:") + hashKeyHex.toUpper()
                                     << QStringLiteral("hex:") + blockKeyHex.toUpper();
    QTest::newRow("base64") << QStringLiteral("base64:") + QString::fromLatin1(hashBytes.toBase64())
                            << QStringLiteral("base64:")
            + QString::fromLatin1(blockBytes.toBase64());
    QTest::newRow("base64url without padding") << QStringLiteral("base64:")
            + QString::fromLatin1(hashBytes.toBase64(QByteArray::Base64UrlEncoding
                                                     | QByteArray::OmitTrailingEquals))
                                               << QStringLiteral("base64:")
            + QString::fromLatin1(blockBytes.toBase64(QByteArray::Base64UrlEncoding
                                                      | QByteArray::OmitTrailingEquals));
    QTest::newRow("text") << QStringLiteral("a hash key, as Go's []byte(\"...\")")
                          << QStringLiteral("sixteen byte key");
    QTest::newRow("text, signed only") << QStringLiteral("signing-only-key") << QString();
    QTest::newRow("bare hex digits are text") << hashKeyHex << blockKeyHex;
    QTest::newRow("mixed forms") << QStringLiteral("base64:")
            + QString::fromLatin1(hashBytes.toBase64())
                                 << QStringLiteral("0123456789abcdef0123456789abcdef");
}

void tst_RedistoreCli::keyFormsMatchTheLibrary()
{
    QFETCH(QString, hash);
    QFETCH(QString, block);
    const auto ring = KeyRing::keysFromStrings({ hash, block });
    QVERIFY(ring.ok());
    QVERIFY(ring.value().validate().ok());
    const SecureCookie library(ring.value());
    QVERIFY(library.isValid());
    const QVariantMap value { { QStringLiteral("user"), QStringLiteral("alice") },
                              { QStringLiteral("n"), qint64(7) } };
    const QByteArray valueJson = "{\"n\":7,\"user\":\"alice\"}";
    QStringList keys { QStringLiteral("--hash-key"), hash };
    if (!block.isEmpty())
        keys << QStringLiteral("--block-key") << block;

    // The library's cookie decodes with the tool.
    const auto cookie = library.encode("my-session", value);
    QVERIFY(cookie.ok());
    Run run = redistore(QStringList { QStringLiteral("cookie"), QStringLiteral("decode"),
                                      QStringLiteral("--name"), QStringLiteral("my-session") }
                        + keys + QStringList { QString::fromLatin1(cookie.value()) });
    QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));
    QCOMPARE(run.out, valueJson + '\n');

    // The tool's cookie decodes with the library.
    run = redistore(QStringList { QStringLiteral("cookie"), QStringLiteral("encode"),
                                  QStringLiteral("--name"), QStringLiteral("my-session") }
                    + keys + QStringList { QString::fromUtf8(valueJson) });
    QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));
    const auto decoded = library.decode("my-session", run.out.trimmed());
    QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : decoded.error().message()));
    QCOMPARE(decoded.value().toMap(), value);
}

// Hex digits without "hex:" are the text's own bytes, as in the library: not the same key.
void tst_RedistoreCli::bareHexIsText()
{
    const QString cookie = encode(QStringLiteral("\"ID\""));
    QVERIFY(!cookie.isEmpty());
    auto decodeWith = [&](const QString &key) {
        return redistore({ QStringLiteral("cookie"), QStringLiteral("decode"),
                           QStringLiteral("--name"), QStringLiteral("my-session"),
                           QStringLiteral("--hash-key"), key, QStringLiteral("--now"),
                           QStringLiteral("1750000000"), cookie });
    };
    Run run = decodeWith(hashKey);
    QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));
    QCOMPARE(run.out, QByteArray("\"ID\"\n"));
    run = decodeWith(hashKeyHex);
    QVERIFY2(run.exitCode == 1, qPrintable(dump(run)));
    QVERIFY2(run.err.contains("MacInvalid"), run.err.constData());
}

// COOKIE as the bare value, as name=value, or as a Cookie header line.
void tst_RedistoreCli::cookieForms_data()
{
    QTest::addColumn<QString>("form"); // VALUE stands for the cookie value
    QTest::newRow("bare value") << QStringLiteral("VALUE");
    QTest::newRow("quoted value") << QStringLiteral("\"VALUE\"");
    QTest::newRow("name=value") << QStringLiteral("my-session=VALUE");
    QTest::newRow("Cookie: header") << QStringLiteral("Cookie: a=1; my-session=VALUE; b=2");
    QTest::newRow("header without Cookie:") << QStringLiteral("a=1; my-session=VALUE; b=2");
    QTest::newRow("cookie: in lower case, no blank") << QStringLiteral("cookie:my-session=VALUE");
    QTest::newRow("header, quoted value") << QStringLiteral("Cookie: my-session=\"VALUE\"; b=2");
    QTest::newRow("header, blanks around")
        << QStringLiteral("  Cookie:  a=1 ;  my-session=VALUE  ");
    QTest::newRow("a cookie of another name ending in the name")
        << QStringLiteral("old-my-session=x; my-session=VALUE");
    // A browser sends one cookie per matching path: the first that decodes counts.
    QTest::newRow("first of the name does not decode")
        << QStringLiteral("Cookie: my-session=forged; my-session=VALUE");
}

void tst_RedistoreCli::cookieForms()
{
    QFETCH(QString, form);
    // Cookies with and without base64 '=' padding: a bare value may end in '='.
    bool padded = false;
    bool unpadded = false;
    for (int length = 1; length <= 6; ++length) {
        const QString id(length, QLatin1Char('A'));
        const QString cookie = encode(QStringLiteral("\"%1\"").arg(id));
        QVERIFY(!cookie.isEmpty());
        (cookie.endsWith(QLatin1Char('=')) ? padded : unpadded) = true;
        QString argument = form;
        argument.replace(QStringLiteral("VALUE"), cookie);
        const Run run = redistore({ QStringLiteral("cookie"), QStringLiteral("decode"),
                                    QStringLiteral("--name"), QStringLiteral("my-session"),
                                    QStringLiteral("--hash-key"), hashKey, QStringLiteral("--now"),
                                    QStringLiteral("1750000000"), argument });
        QVERIFY2(run.exitCode == 0, qPrintable(argument + QLatin1Char('\n') + dump(run)));
        QCOMPARE(run.out, QStringLiteral("\"%1\"\n").arg(id).toUtf8());
    }
    QVERIFY(padded && unpadded);
}

void tst_RedistoreCli::cookieMissingFromHeader()
{
    const QString cookie = encode(QStringLiteral("\"ID\""));
    QVERIFY(!cookie.isEmpty());
    auto decode = [&](const QString &argument) {
        return redistore({ QStringLiteral("cookie"), QStringLiteral("decode"),
                           QStringLiteral("--name"), QStringLiteral("my-session"),
                           QStringLiteral("--hash-key"), hashKey, QStringLiteral("--now"),
                           QStringLiteral("1750000000"), argument });
    };
    Run run = decode(QStringLiteral("Cookie: a=1; other=") + cookie);
    QVERIFY2(run.exitCode == 1, qPrintable(dump(run)));
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.contains("COOKIE has no cookie called 'my-session' (it has a, other)"),
             run.err.constData());
    // Under another name, the value does not verify (the name is signed).
    run = decode(QStringLiteral("other=") + cookie);
    QVERIFY2(run.exitCode == 1, qPrintable(dump(run)));
    QVERIFY2(run.err.contains("no cookie called 'my-session'"), run.err.constData());
    // A forged one alone: the reason it does not decode.
    run = decode(QStringLiteral("Cookie: my-session=forged"));
    QVERIFY2(run.exitCode == 1, qPrintable(dump(run)));
    QVERIFY2(run.err.contains("cookie does not decode"), run.err.constData());
}

// An encrypted cookie read without its block key: the signature verifies, the payload is not
// plain gob or JSON. The tool says so instead of the decoding error.
void tst_RedistoreCli::encryptedNeedsBlockKey_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QStringList>("options");
    const QStringList json { QStringLiteral("--encoding"), QStringLiteral("json") };
    QTest::newRow("session ID, gob") << QStringLiteral("\"ID\"") << QStringList();
    QTest::newRow("long session ID, gob")
        << QStringLiteral("\"52ZPY4ZW3RFICLUBZPWCHWFNRNXJIQRRKIRB4ZNWI2LC2IO6JSPA\"")
        << QStringList();
    QTest::newRow("map, gob") << QStringLiteral("{\"user\":\"alice\",\"n\":3}") << QStringList();
    QTest::newRow("map, json") << QStringLiteral("{\"user\":\"alice\",\"n\":3}") << json;
}

void tst_RedistoreCli::encryptedNeedsBlockKey()
{
    QFETCH(QString, json);
    QFETCH(QStringList, options);
    // Random IVs: several cookies, so that no lucky IV hides a wrong verdict. The checks that do
    // not depend on the IV run for the first of them only.
    for (int i = 0; i < 6; ++i) {
        const QString cookie
            = encode(json, options + QStringList { QStringLiteral("--block-key"), blockKey });
        QVERIFY(!cookie.isEmpty());
        const QStringList common = QStringList {
            QStringLiteral("cookie"),     QStringLiteral("decode"), QStringLiteral("--name"),
            QStringLiteral("my-session"), QStringLiteral("--now"),  QStringLiteral("1750000000")
        } + options;
        Run run = redistore(common
                            + QStringList { QStringLiteral("--hash-key"), hashKey,
                                            QStringLiteral("my-session=") + cookie });
        QVERIFY2(run.exitCode == 1, qPrintable(dump(run)));
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.contains("cookie does not decode: encrypted: give --block-key"),
                 run.err.constData());
        QVERIFY2(!run.err.contains("MacInvalid"), run.err.constData());
        if (i > 0)
            continue;

        // With the block key it decodes; with another hash key it is a plain MAC failure.
        run = redistore(common
                        + QStringList { QStringLiteral("--hash-key"), hashKey,
                                        QStringLiteral("--block-key"), blockKey, cookie });
        QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));
        QCOMPARE(parseJson(run.out.trimmed()), parseJson(json.toUtf8()));
        run = redistore(common
                        + QStringList { QStringLiteral("--hash-key"),
                                        QStringLiteral("another hash key"), cookie });
        QVERIFY2(run.exitCode == 1, qPrintable(dump(run)));
        QVERIFY2(run.err.contains("MacInvalid"), run.err.constData());
        QVERIFY2(!run.err.contains("encrypted"), run.err.constData());

        // In a key ring, the pair that verifies is named.
        run = redistore(common
                        + QStringList { QStringLiteral("--hash-key"), QStringLiteral("old key"),
                                        QStringLiteral("--hash-key"), hashKey, cookie });
        QVERIFY2(run.exitCode == 1, qPrintable(dump(run)));
        QVERIFY2(run.err.contains("encrypted: give --block-key (key pair 2 verifies"),
                 run.err.constData());
    }
}

// A plain cookie read with the wrong --encoding does not decode, but it is not encrypted.
void tst_RedistoreCli::otherEncodingIsNotEncrypted()
{
    const QString cookie = encode(QStringLiteral("{\"user\":\"a user with a long enough name\"}"),
                                  { QStringLiteral("--encoding"), QStringLiteral("json") });
    QVERIFY(!cookie.isEmpty());
    const Run run
        = redistore({ QStringLiteral("cookie"), QStringLiteral("decode"), QStringLiteral("--name"),
                      QStringLiteral("my-session"), QStringLiteral("--hash-key"), hashKey,
                      QStringLiteral("--now"), QStringLiteral("1750000000"), cookie });
    QVERIFY2(run.exitCode == 1, qPrintable(dump(run)));
    QVERIFY2(run.err.contains("CannotDeserialize"), run.err.constData());
    QVERIFY2(!run.err.contains("encrypted"), run.err.constData());
    QVERIFY2(run.err.contains("the payload is JSON: give --encoding json"), run.err.constData());
}

// --show-session prints the session the cookie names exactly as "redistore sessions show".
void tst_RedistoreCli::showSession_data()
{
    QTest::addColumn<QString>("serializer");
    QTest::addColumn<QString>("prefix"); // empty: the default
    QTest::addColumn<QString>("form"); // VALUE stands for the cookie value
    QTest::addColumn<QByteArray>("visits"); // how the integer reads back
    QTest::newRow("gob") << QStringLiteral("gob") << QString() << QStringLiteral("VALUE")
                         << QByteArray("12");
    QTest::newRow("json, from a Cookie: line")
        << QStringLiteral("json") << QString() << QStringLiteral("Cookie: a=1; my-session=VALUE")
        << QByteArray("12.0"); // JSON has only float64
    QTest::newRow("datastream, other prefix")
        << QStringLiteral("datastream") << QStringLiteral("app:sess:")
        << QStringLiteral("my-session=VALUE") << QByteArray("12");
}

void tst_RedistoreCli::showSession()
{
    QFETCH(QString, serializer);
    QFETCH(QString, prefix);
    QFETCH(QString, form);
    QFETCH(QByteArray, visits);
    QVERIFY(startRedis());
    m_server.command({ "FLUSHALL" });
    const QString id = QStringLiteral("52ZPY4ZW3RFICLUBZPWCHWFNRNXJIQRRKIRB4ZNWI2LC2IO6JSPA");
    const QVariantMap values { { QStringLiteral("user"), QStringLiteral("alice") },
                               { QStringLiteral("visits"), 12 },
                               { QStringLiteral("cart"), QVariantList { 3, 7 } },
                               { QStringLiteral("a key with blanks"), true } };
    const QString keyPrefix = prefix.isEmpty() ? QStringLiteral("session_") : prefix;
    put((keyPrefix + id).toUtf8(), serializer, values);
    const QString cookie = encode(QStringLiteral("\"%1\"").arg(id));
    QVERIFY(!cookie.isEmpty());
    QString argument = form;
    argument.replace(QStringLiteral("VALUE"), cookie);

    QStringList where { QStringLiteral("--url"), m_server.url() };
    if (!prefix.isEmpty())
        where << QStringLiteral("--prefix") << prefix;
    const Run run
        = redistore(QStringList { QStringLiteral("cookie"), QStringLiteral("decode"),
                                  QStringLiteral("--name"), QStringLiteral("my-session"),
                                  QStringLiteral("--hash-key"), hashKey, QStringLiteral("--now"),
                                  QStringLiteral("1750000000"), QStringLiteral("--show-session") }
                    + where + QStringList { argument });
    QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));
    QVERIFY2(run.err.isEmpty(), run.err.constData());
    const Run show
        = redistore(QStringList { QStringLiteral("sessions"), QStringLiteral("show"), id } + where);
    QVERIFY2(show.exitCode == 0, qPrintable(dump(show)));
    QCOMPARE(run.out, "\"" + id.toUtf8() + "\"\n" + show.out);
    // What a user reads there.
    QVERIFY2(run.out.contains(QByteArray("\nkey:        " + (keyPrefix + id).toUtf8() + '\n')),
             run.out.constData());
    QVERIFY2(run.out.contains(QByteArray("\nserializer: " + serializer.toUtf8() + '\n')),
             run.out.constData());
    QVERIFY2(run.out.contains("\n  user: \"alice\"\n"), run.out.constData());
    QVERIFY2(run.out.contains(QByteArray("\n  visits: " + visits + '\n')), run.out.constData());
    QVERIFY2(run.out.contains("\n  \"a key with blanks\": true\n"), run.out.constData());
}

void tst_RedistoreCli::showSessionGone()
{
    QVERIFY(startRedis());
    m_server.command({ "FLUSHALL" });
    const QString id = QStringLiteral("GONEGONEGONEGONEGONEGONEGONEGONEGONEGONEGONEGONEGONE");
    // Another session is there; the cookie's is not (expired or logged out).
    put("session_OTHER", QStringLiteral("gob"),
        { { QStringLiteral("user"), QStringLiteral("bob") } });
    const QString cookie = encode(QStringLiteral("\"%1\"").arg(id));
    QVERIFY(!cookie.isEmpty());
    const Run run = redistore({ QStringLiteral("cookie"), QStringLiteral("decode"),
                                QStringLiteral("--name"), QStringLiteral("my-session"),
                                QStringLiteral("--hash-key"), hashKey, QStringLiteral("--now"),
                                QStringLiteral("1750000000"), QStringLiteral("--show-session"),
                                QStringLiteral("--url"), m_server.url(), cookie });
    QVERIFY2(run.exitCode == 1, qPrintable(dump(run)));
    // The cookie itself decoded; its session is gone.
    QCOMPARE(run.out, "\"" + id.toUtf8() + "\"\n");
    QVERIFY2(run.err.contains(QByteArray("session " + id.toUtf8()
                                         + " is gone: Redis has no key session_" + id.toUtf8())),
             run.err.constData());
    QCOMPARE(m_server.command({ "EXISTS", "session_" + id.toUtf8() }).toLongLong(), 0);
}

void tst_RedistoreCli::showSessionErrors()
{
    const QStringList decode { QStringLiteral("cookie"),     QStringLiteral("decode"),
                               QStringLiteral("--name"),     QStringLiteral("my-session"),
                               QStringLiteral("--hash-key"), hashKey,
                               QStringLiteral("--now"),      QStringLiteral("1750000000") };
    const QString idCookie = encode(QStringLiteral("\"ID\""));
    QVERIFY(!idCookie.isEmpty());

    // Redis refuses: exit 1 with the reason, after the decoded value.
    const QString refused = QStringLiteral("redis://127.0.0.1:%1").arg(RedisServer::freePort());
    Run run = redistore(decode
                        + QStringList { QStringLiteral("--show-session"), QStringLiteral("--url"),
                                        refused, idCookie });
    QVERIFY2(run.exitCode == 1, qPrintable(dump(run)));
    QCOMPARE(run.out, QByteArray("\"ID\"\n"));
    QVERIFY2(!run.err.isEmpty() && !run.err.contains("is gone"), run.err.constData());

    // A cookie that holds no session ID.
    const QString mapCookie = encode(QStringLiteral("{\"n\":1}"));
    QVERIFY(!mapCookie.isEmpty());
    run = redistore(decode
                    + QStringList { QStringLiteral("--show-session"), QStringLiteral("--url"),
                                    refused, mapCookie });
    QVERIFY2(run.exitCode == 1, qPrintable(dump(run)));
    QVERIFY2(run.err.contains("the cookie holds no session ID"), run.err.constData());

    // Bad arguments: exit 2.
    run = redistore(decode + QStringList { QStringLiteral("--url"), refused, idCookie });
    QVERIFY2(run.exitCode == 2, qPrintable(dump(run)));
    QVERIFY2(run.err.contains("--url, --url-file and --prefix go with --show-session"),
             run.err.constData());
    run = redistore(decode
                    + QStringList { QStringLiteral("--show-session"), QStringLiteral("--url"),
                                    QStringLiteral("http://example.com"), idCookie });
    QVERIFY2(run.exitCode == 2, qPrintable(dump(run)));
    QVERIFY2(run.err.contains("--url: "), run.err.constData());
}

namespace {

// The environment without RediStore's secrets, plus those given.
QProcessEnvironment secretEnvironment(const QStringList &variables = {})
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : { "REDISTORE_URL", "REDISTORE_HASH_KEY", "REDISTORE_BLOCK_KEY" })
        environment.remove(QString::fromLatin1(name));
    for (const QString &variable : variables) {
        const qsizetype eq = variable.indexOf(QLatin1Char('='));
        environment.insert(variable.left(eq), variable.mid(eq + 1));
    }
    return environment;
}

Run redistoreWith(const QStringList &arguments, const QStringList &environment,
                  const QByteArray &input = QByteArray())
{
    return runProgram(QStringLiteral(REDISTORE_CLI), arguments, input, 60000,
                      secretEnvironment(environment));
}

} // namespace

// --hash-key-file and --block-key-file stand where --hash-key and --block-key would;
// REDISTORE_HASH_KEY and REDISTORE_BLOCK_KEY give a pair when no key option does.
void tst_RedistoreCli::keysFromFilesAndEnvironment_data()
{
    QTest::addColumn<QStringList>("keys"); // HASH and BLOCK stand for the files' paths
    QTest::addColumn<QStringList>("environment");
    QTest::addColumn<QByteArray>("input");
    const QString hashOption = QStringLiteral("--hash-key");
    const QString blockOption = QStringLiteral("--block-key");
    const QString hashFile = QStringLiteral("--hash-key-file");
    const QString blockFile = QStringLiteral("--block-key-file");
    const QString hashPath = QStringLiteral("HASH");
    const QString blockPath = QStringLiteral("BLOCK");
    const QStringList environment { QStringLiteral("REDISTORE_HASH_KEY=") + hashKey,
                                    QStringLiteral("REDISTORE_BLOCK_KEY=") + blockKey };
    const QStringList wrongEnvironment { QStringLiteral("REDISTORE_HASH_KEY=wrong key"),
                                         QStringLiteral("REDISTORE_BLOCK_KEY=wrong block key!") };

    QTest::newRow("options") << QStringList { hashOption, hashKey, blockOption, blockKey }
                             << QStringList() << QByteArray();
    QTest::newRow("environment") << QStringList() << environment << QByteArray();
    QTest::newRow("files") << QStringList { hashFile, hashPath, blockFile, blockPath }
                           << QStringList() << QByteArray();
    QTest::newRow("hash key on standard input")
        << QStringList { hashFile, QStringLiteral("-"), blockFile, blockPath } << QStringList()
        << (hashKey + QLatin1Char('\n')).toUtf8();
    QTest::newRow("block key on standard input")
        << QStringList { hashOption, hashKey, blockFile, QStringLiteral("-") } << QStringList()
        << blockKey.toUtf8();
    QTest::newRow("files beat the environment")
        << QStringList { hashFile, hashPath, blockFile, blockPath } << wrongEnvironment
        << QByteArray();
    QTest::newRow("options beat the environment")
        << QStringList { hashOption, hashKey, blockOption, blockKey } << wrongEnvironment
        << QByteArray();
    QTest::newRow("key ring of options and files")
        << QStringList { hashOption, QStringLiteral("old key"), hashFile, hashPath, blockFile,
                         blockPath }
        << wrongEnvironment << QByteArray();
    QTest::newRow("key ring, file first")
        << QStringList { hashFile, hashPath,   blockOption,
                         blockKey, hashOption, QStringLiteral("old key") }
        << QStringList() << QByteArray();
}

void tst_RedistoreCli::keysFromFilesAndEnvironment()
{
    QFETCH(QStringList, keys);
    QFETCH(QStringList, environment);
    QFETCH(QByteArray, input);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString hashPath
        = RediStore::Test::writeFile(dir, QStringLiteral("hash"), hashKey.toUtf8() + '\n');
    const QString blockPath
        = RediStore::Test::writeFile(dir, QStringLiteral("block"), blockKey.toUtf8() + "\r\n");
    keys.replaceInStrings(QStringLiteral("HASH"), hashPath);
    keys.replaceInStrings(QStringLiteral("BLOCK"), blockPath);

    const QString cookie
        = encode(QStringLiteral("\"from a file\""), { QStringLiteral("--block-key"), blockKey });
    QVERIFY(!cookie.isEmpty());
    const Run run
        = redistoreWith(QStringList { QStringLiteral("cookie"), QStringLiteral("decode"),
                                      QStringLiteral("--name"), QStringLiteral("my-session"),
                                      QStringLiteral("--now"), QStringLiteral("1750000000") }
                            + keys + QStringList { cookie },
                        environment, input);
    QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));
    QCOMPARE(run.out, QByteArray("\"from a file\"\n"));
    QVERIFY(run.err.isEmpty());
}

void tst_RedistoreCli::encodeWithKeysFromTheEnvironment()
{
    const Run encoded = redistoreWith({ QStringLiteral("cookie"), QStringLiteral("encode"),
                                        QStringLiteral("--name"), QStringLiteral("my-session"),
                                        QStringLiteral("--now"), QStringLiteral("1750000000"),
                                        QStringLiteral("42") },
                                      { QStringLiteral("REDISTORE_HASH_KEY=") + hashKey,
                                        QStringLiteral("REDISTORE_BLOCK_KEY=") + blockKey });
    QVERIFY2(encoded.exitCode == 0, qPrintable(dump(encoded)));
    // Encrypted with the block key: only the pair decodes it.
    const Run decoded
        = redistore({ QStringLiteral("cookie"), QStringLiteral("decode"), QStringLiteral("--name"),
                      QStringLiteral("my-session"), QStringLiteral("--hash-key"), hashKey,
                      QStringLiteral("--block-key"), blockKey, QStringLiteral("--now"),
                      QStringLiteral("1750000000"), QString::fromUtf8(encoded.out.trimmed()) });
    QVERIFY2(decoded.exitCode == 0, qPrintable(dump(decoded)));
    QCOMPARE(decoded.out, QByteArray("42\n"));
}

// Usage errors name the option and the file, and never hold the secret.
void tst_RedistoreCli::secretInputErrors_data()
{
    QTest::addColumn<QStringList>("arguments"); // SECRET is a file holding the secret
    QTest::addColumn<QStringList>("environment");
    QTest::addColumn<QString>("message");
    const QString hashFile = QStringLiteral("--hash-key-file");
    const QString blockFile = QStringLiteral("--block-key-file");
    const QString secretPath = QStringLiteral("SECRET");
    QTest::newRow("missing file")
        << QStringList { hashFile, QStringLiteral("/nonexistent/key") } << QStringList()
        << QStringLiteral("--hash-key-file /nonexistent/key: No such file or directory");
    QTest::newRow("folder") << QStringList { hashFile, QStringLiteral("/") } << QStringList()
                            << QStringLiteral("--hash-key-file /: is a folder, not a file");
    QTest::newRow("empty file") << QStringList { hashFile, QStringLiteral("EMPTY") }
                                << QStringList() << QStringLiteral(": is empty");
    QTest::newRow("standard input twice")
        << QStringList { hashFile, QStringLiteral("-"), blockFile, QStringLiteral("-") }
        << QStringList()
        << QStringLiteral("--block-key-file -: standard input was already read for another "
                          "option");
    QTest::newRow("block key file first")
        << QStringList { blockFile, secretPath, hashFile, secretPath } << QStringList()
        << QStringLiteral("--block-key-file must follow the --hash-key");
    QTest::newRow("key in the file not hex")
        << QStringList { hashFile, secretPath } << QStringList()
        << QStringLiteral("key pair 1: hash key is not valid hex");
    QTest::newRow("key in the environment not hex")
        << QStringList()
        << QStringList { QStringLiteral("REDISTORE_HASH_KEY=") + hashKey + QStringLiteral("zz") }
        << QStringLiteral("key pair 1: hash key is not valid hex");
    QTest::newRow("block key in the environment is 20 bytes")
        << QStringList()
        << QStringList { QStringLiteral("REDISTORE_HASH_KEY=") + hashKey,
                         QStringLiteral("REDISTORE_BLOCK_KEY=") + QString(20, QLatin1Char('k')) }
        << QStringLiteral("key pair 1: block key is 20 bytes");
    QTest::newRow("block key alone in the environment")
        << QStringList() << QStringList { QStringLiteral("REDISTORE_BLOCK_KEY=") + blockKey }
        << QStringLiteral("REDISTORE_BLOCK_KEY is set but REDISTORE_HASH_KEY is not");
    QTest::newRow("no key at all") << QStringList() << QStringList()
                                   << QStringLiteral("give at least one --hash-key or "
                                                     "--hash-key-file, or set REDISTORE_HASH_KEY");
    QTest::newRow("--url and --url-file")
        << QStringList { QStringLiteral("--hash-key"),
                         hashKey,
                         QStringLiteral("--show-session"),
                         QStringLiteral("--url"),
                         QStringLiteral("redis://u:p@127.0.0.1:1"),
                         QStringLiteral("--url-file"),
                         secretPath }
        << QStringList() << QStringLiteral("give --url or --url-file, not both");
    QTest::newRow("--url-file without --show-session")
        << QStringList { QStringLiteral("--hash-key"), hashKey, QStringLiteral("--url-file"),
                         secretPath }
        << QStringList() << QStringLiteral("go with --show-session");
    QTest::newRow("URL in the file not a Redis URL")
        << QStringList { QStringLiteral("--hash-key"), hashKey, QStringLiteral("--show-session"),
                         QStringLiteral("--url-file"), QStringLiteral("URL") }
        << QStringList() << QStringLiteral("--url-file ");
    QTest::newRow("URL in the environment not valid")
        << QStringList { QStringLiteral("--hash-key"), hashKey, QStringLiteral("--show-session") }
        << QStringList { QStringLiteral("REDISTORE_URL=redis://user:hex:0123zz-pw@[::1") }
        << QStringLiteral("REDISTORE_URL: ");
}

void tst_RedistoreCli::secretInputErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, environment);
    QFETCH(QString, message);
    // A secret that is no valid key or URL, to see that no message repeats it.
    const QByteArray secret = "hex:0123zz-pw";
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    arguments.replaceInStrings(
        QStringLiteral("SECRET"),
        RediStore::Test::writeFile(dir, QStringLiteral("secret"), secret + '\n'));
    arguments.replaceInStrings(
        QStringLiteral("EMPTY"),
        RediStore::Test::writeFile(dir, QStringLiteral("empty"), QByteArray()));
    arguments.replaceInStrings(
        QStringLiteral("URL"),
        RediStore::Test::writeFile(dir, QStringLiteral("url"),
                                   "http://user:" + secret + "@example.com\n"));
    const Run run = redistoreWith(QStringList { QStringLiteral("cookie"), QStringLiteral("decode"),
                                                QStringLiteral("--name"), QStringLiteral("s") }
                                      + arguments + QStringList { QStringLiteral("COOKIE") },
                                  environment, secret + '\n' + secret + '\n');
    QVERIFY2(run.exitCode == 2, qPrintable(dump(run)));
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.contains(message.toUtf8()), run.err.constData());
    QVERIFY2(!run.err.contains("0123zz"), run.err.constData());
}

// --show-session finds Redis through --url-file or REDISTORE_URL as through --url.
void tst_RedistoreCli::showSessionUrlFromFileAndEnvironment()
{
    QVERIFY(startRedis());
    m_server.command({ "FLUSHALL" });
    const QString id = QStringLiteral("FILEFILEFILEFILEFILEFILEFILEFILEFILEFILEFILEFILEFILE");
    put("session_" + id.toUtf8(), QStringLiteral("json"),
        { { QStringLiteral("user"), QStringLiteral("carol") } });
    const QString cookie = encode(QStringLiteral("\"%1\"").arg(id));
    QVERIFY(!cookie.isEmpty());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString urlFile
        = RediStore::Test::writeFile(dir, QStringLiteral("url"), m_server.url().toUtf8() + '\n');
    const QString refused = QStringLiteral("redis://127.0.0.1:%1").arg(RedisServer::freePort());
    const QStringList decode { QStringLiteral("cookie"),        QStringLiteral("decode"),
                               QStringLiteral("--name"),        QStringLiteral("my-session"),
                               QStringLiteral("--hash-key"),    hashKey,
                               QStringLiteral("--now"),         QStringLiteral("1750000000"),
                               QStringLiteral("--show-session") };
    const struct
    {
        QStringList arguments;
        QStringList environment;
        QByteArray input;
    } forms[] = {
        { { QStringLiteral("--url-file"), urlFile }, {}, {} },
        { { QStringLiteral("--url-file"), QStringLiteral("-") }, {}, m_server.url().toUtf8() },
        { {}, { QStringLiteral("REDISTORE_URL=") + m_server.url() }, {} },
        { { QStringLiteral("--url-file"), urlFile },
          { QStringLiteral("REDISTORE_URL=") + refused },
          {} },
        { { QStringLiteral("--url"), m_server.url() },
          { QStringLiteral("REDISTORE_URL=") + refused },
          {} },
    };
    for (const auto &form : forms) {
        const Run run = redistoreWith(decode + form.arguments + QStringList { cookie },
                                      form.environment, form.input);
        QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));
        QVERIFY2(run.out.contains("\n  user: \"carol\"\n"), run.out.constData());
    }
}

void tst_RedistoreCli::roundTrip_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QStringList>("options");
    const QStringList aes {
        QStringLiteral("--block-key"),
        QStringLiteral("hex:00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff")
    };
    const QStringList jsonEncoding { QStringLiteral("--encoding"), QStringLiteral("json") };
    QTest::newRow("session ID") << QStringLiteral(
        "\"52ZPY4ZW3RFICLUBZPWCHWFNRNXJIQRRKIRB4ZNWI2LC2IO6JSPA\"")
                                << QStringList();
    QTest::newRow("session ID, AES-256") << QStringLiteral("\"ID\"") << aes;
    QTest::newRow("integer") << QStringLiteral("-42") << QStringList();
    QTest::newRow("map") << QStringLiteral(
        "{\"admin\":true,\"n\":42,\"ratio\":0.25,\"tags\":[\"a\",1],\"user\":\"alice\"}")
                         << aes;
    QTest::newRow("nested map") << QStringLiteral("{\"m\":{\"k\":\"v\"}}") << QStringList();
    QTest::newRow("unicode") << QStringLiteral("\"h\u00e9llo \u2603 \\\"quoted\\\" \\n\"")
                             << QStringList();
    QTest::newRow("json encoding") << QStringLiteral("{\"n\":42.5,\"s\":\"<&>\"}") << jsonEncoding;
    QTest::newRow("json encoding, AES")
        << QStringLiteral("[1.5,\"x\",null,false]") << (jsonEncoding + aes);
}

void tst_RedistoreCli::roundTrip()
{
    QFETCH(QString, json);
    QFETCH(QStringList, options);
    const QStringList common = QStringList { QStringLiteral("--name"), QStringLiteral("my-session"),
                                             QStringLiteral("--hash-key"), hashKey }
        + options;
    const Run encoded = redistore(QStringList { QStringLiteral("cookie"), QStringLiteral("encode") }
                                  + common + QStringList { json });
    QVERIFY2(encoded.exitCode == 0, qPrintable(dump(encoded)));
    const QString cookie = QString::fromLatin1(encoded.out.trimmed());
    QVERIFY(!cookie.isEmpty());
    QCOMPARE(encoded.out.count('\n'), 1);

    const Run decoded = redistore(QStringList { QStringLiteral("cookie"), QStringLiteral("decode") }
                                  + common + QStringList { cookie });
    QVERIFY2(decoded.exitCode == 0, qPrintable(dump(decoded)));
    QCOMPARE(parseJson(decoded.out.trimmed()), parseJson(json.toUtf8()));
}

void tst_RedistoreCli::wrongKeyFails()
{
    const QJsonObject v
        = m_vectors.value(QLatin1String("securecookie")).toArray().first().toObject();
    const Run run = redistore(
        { QStringLiteral("cookie"), QStringLiteral("decode"), QStringLiteral("--name"),
          v.value(QLatin1String("name")).toString(), QStringLiteral("--hash-key"),
          QStringLiteral("hex:") + QString(64, QLatin1Char('0')), QStringLiteral("--now"),
          QStringLiteral("1750000060"), v.value(QLatin1String("cookie")).toString() });
    QVERIFY2(run.exitCode == 1, qPrintable(dump(run)));
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.contains("MacInvalid: securecookie: the value is not valid"),
             run.err.constData());
    QVERIFY2(run.err.contains("wrong hash key"), run.err.constData());
}

void tst_RedistoreCli::expiredCookieFails()
{
    const QStringList common { QStringLiteral("--name"), QStringLiteral("s"),
                               QStringLiteral("--hash-key"), hashKey };
    const Run encoded
        = redistore(QStringList { QStringLiteral("cookie"), QStringLiteral("encode"),
                                  QStringLiteral("--now"), QStringLiteral("1750000000") }
                    + common + QStringList { QStringLiteral("\"x\"") });
    QCOMPARE(encoded.exitCode, 0);
    const QString cookie = QString::fromLatin1(encoded.out.trimmed());
    auto decodeAt = [&](const QString &now, const QStringList &extra) {
        return redistore(QStringList { QStringLiteral("cookie"), QStringLiteral("decode"),
                                       QStringLiteral("--now"), now }
                         + common + extra + QStringList { cookie });
    };
    QCOMPARE(decodeAt(QStringLiteral("1750000100"), {}).exitCode, 0);
    Run run = decodeAt(QStringLiteral("1750000100"),
                       { QStringLiteral("--max-age"), QStringLiteral("99") });
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("Expired: securecookie: expired timestamp"), run.err.constData());
    run = decodeAt(QStringLiteral("1750000100"),
                   { QStringLiteral("--min-age"), QStringLiteral("101") });
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("TooNew"), run.err.constData());
    run = decodeAt(QStringLiteral("1750000100"),
                   { QStringLiteral("--max-length"), QStringLiteral("10") });
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("CookieTooLong"), run.err.constData());
}

void tst_RedistoreCli::badArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QString decode = QStringLiteral("decode");
    const QString cookie = QStringLiteral("cookie");
    auto args = [&](std::initializer_list<QString> list) {
        return QStringList { cookie, decode } + QStringList(list);
    };
    const QString name = QStringLiteral("--name");
    const QString hash = QStringLiteral("--hash-key");
    const QString block = QStringLiteral("--block-key");
    const QString n = QStringLiteral("s");
    const QString c = QStringLiteral("COOKIE");

    QTest::newRow("no command") << QStringList() << QStringLiteral("no command given");
    QTest::newRow("unknown command") << QStringList { QStringLiteral("frobnicate") }
                                     << QStringLiteral("unknown command 'frobnicate'");
    QTest::newRow("cookie without command")
        << QStringList { cookie } << QStringLiteral("no command given");
    QTest::newRow("unknown cookie command") << QStringList { cookie, QStringLiteral("sign") }
                                            << QStringLiteral("unknown command 'sign'");
    QTest::newRow("no name") << args({ hash, hashKey, c }) << QStringLiteral("--name");
    QTest::newRow("two names") << args({ name, n, name, n, hash, hashKey, c })
                               << QStringLiteral("--name");
    QTest::newRow("no hash key") << args({ name, n, c }) << QStringLiteral("--hash-key");
    QTest::newRow("hash key not hex") << args({ name, n, hash, QStringLiteral("hex:xyz1"), c })
                                      << QStringLiteral("key pair 1: hash key is not valid hex");
    QTest::newRow("odd hex digits") << args({ name, n, hash, QStringLiteral("hex:abc"), c })
                                    << QStringLiteral("key pair 1: hash key is not valid hex");
    QTest::newRow("block key not base64")
        << args({ name, n, hash, hashKey, block, QStringLiteral("base64:!!!!"), c })
        << QStringLiteral("key pair 1: block key is not valid base64");
    QTest::newRow("second pair's hash key not hex")
        << args({ name, n, hash, hashKey, hash, QStringLiteral("hex:0g"), c })
        << QStringLiteral("key pair 2: hash key is not valid hex");
    QTest::newRow("empty hash key")
        << args({ name, n, hash, QString(), c }) << QStringLiteral("key pair 1: hash key is empty");
    QTest::newRow("block key first") << args({ name, n, block, blockKey, hash, hashKey, c })
                                     << QStringLiteral("must follow the --hash-key");
    QTest::newRow("two block keys")
        << args({ name, n, hash, hashKey, block, blockKey, block, blockKey, c })
        << QStringLiteral("two --block-key");
    QTest::newRow("20-byte block key")
        << args({ name, n, hash, hashKey, block,
                  QStringLiteral("hex:") + QString(40, QLatin1Char('1')), c })
        << QStringLiteral("key pair 1: block key is 20 bytes; AES needs 16, 24 or 32");
    QTest::newRow("unknown option")
        << args({ name, n, hash, hashKey, QStringLiteral("--colour"), c })
        << QStringLiteral("unknown option '--colour'");
    QTest::newRow("missing value") << args({ name, n, c, hash }) << QStringLiteral("needs a value");
    QTest::newRow("bad encoding") << args(
        { name, n, hash, hashKey, QStringLiteral("--encoding"), QStringLiteral("xml"), c })
                                  << QStringLiteral("gob or json");
    QTest::newRow("negative max age")
        << args({ name, n, hash, hashKey, QStringLiteral("--max-age"), QStringLiteral("-1"), c })
        << QStringLiteral("--max-age");
    QTest::newRow("bad now") << args(
        { name, n, hash, hashKey, QStringLiteral("--now"), QStringLiteral("noon"), c })
                             << QStringLiteral("--now");
    QTest::newRow("no cookie") << args({ name, n, hash, hashKey }) << QStringLiteral("COOKIE");
    QTest::newRow("two cookies") << args({ name, n, hash, hashKey, c, c })
                                 << QStringLiteral("COOKIE");
    QTest::newRow("encode: bad JSON")
        << QStringList { cookie,  QStringLiteral("encode"), name, n, hash,
                         hashKey, QStringLiteral("{x}") }
        << QStringLiteral("JSON_VALUE");
    QTest::newRow("encode: two hash keys")
        << QStringList { cookie,  QStringLiteral("encode"), name, n, hash, hashKey, hash,
                         hashKey, QStringLiteral("1") }
        << QStringLiteral("one --hash-key");
}

void tst_RedistoreCli::badArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Run run = redistore(arguments);
    QVERIFY2(run.exitCode == 2, qPrintable(dump(run)));
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.contains("Usage: redistore"), run.err.constData());
    QVERIFY2(run.err.contains(message.toUtf8()), run.err.constData());
}

void tst_RedistoreCli::valueRoundTrip_data()
{
    QTest::addColumn<QString>("serializer");
    QTest::addColumn<QString>("json");
    const QString values
        = QStringLiteral("{\"admin\":true,\"flash\":[\"hello\",2],\"n\":42,\"name\":\"al\u00efce\","
                         "\"nested\":{\"k\":\"v\"},\"ratio\":0.25}");
    for (const char *serializer : { "datastream", "gob", "json" }) {
        QTest::addRow("%s empty", serializer)
            << QString::fromLatin1(serializer) << QStringLiteral("{}");
        QTest::addRow("%s values", serializer) << QString::fromLatin1(serializer) << values;
    }
}

void tst_RedistoreCli::valueRoundTrip()
{
    QFETCH(QString, serializer);
    QFETCH(QString, json);
    const Run encoded = redistore({ QStringLiteral("value"), QStringLiteral("encode"),
                                    QStringLiteral("--serializer"), serializer, json });
    QVERIFY2(encoded.exitCode == 0, qPrintable(dump(encoded)));
    QVERIFY(!encoded.out.isEmpty());

    // From standard input, with and without "-".
    Run decoded = redistore({ QStringLiteral("value"), QStringLiteral("decode"),
                              QStringLiteral("--serializer"), serializer },
                            encoded.out);
    QVERIFY2(decoded.exitCode == 0, qPrintable(dump(decoded)));
    QCOMPARE(parseJson(decoded.out.trimmed()), parseJson(json.toUtf8()));

    // From a file.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("value.bin"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(encoded.out);
    file.close();
    decoded = redistore({ QStringLiteral("value"), QStringLiteral("decode"),
                          QStringLiteral("--serializer"), serializer, path });
    QVERIFY2(decoded.exitCode == 0, qPrintable(dump(decoded)));
    QCOMPARE(parseJson(decoded.out.trimmed()), parseJson(json.toUtf8()));
}

// What Go's redistore stored in Redis decodes to the values it saved.
void tst_RedistoreCli::valueDecodesGoRedisValues_data()
{
    QTest::addColumn<QString>("serializer");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QJsonValue>("expected");
    const QJsonArray vectors = m_vectors.value(QLatin1String("redistore"))
                                   .toObject()
                                   .value(QLatin1String("vectors"))
                                   .toArray();
    for (const QJsonValue &entry : vectors) {
        const QJsonObject v = entry.toObject();
        const QByteArray bytes
            = QByteArray::fromHex(v.value(QLatin1String("redis_value_hex")).toString().toLatin1());
        // What Go read back (JSON turns every number into float64 and []byte into base64).
        const QJsonObject reload = v.value(QLatin1String("reload")).toObject();
        if (bytes.isEmpty() || !reload.value(QLatin1String("values")).isObject())
            continue;
        QTest::newRow(qPrintable(v.value(QLatin1String("id")).toString()))
            << v.value(QLatin1String("serializer")).toString() << bytes
            << goJson(reload.value(QLatin1String("values")).toObject());
    }
}

void tst_RedistoreCli::valueDecodesGoRedisValues()
{
    QFETCH(QString, serializer);
    QFETCH(QByteArray, bytes);
    QFETCH(QJsonValue, expected);
    const Run run = redistore({ QStringLiteral("value"), QStringLiteral("decode"),
                                QStringLiteral("--serializer"), serializer, QStringLiteral("-") },
                              bytes);
    QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));
    QCOMPARE(parseJson(run.out.trimmed()), expected);
}

void tst_RedistoreCli::valueErrors()
{
    // Not a gob stream: exit 1 with the reason.
    Run run = redistore({ QStringLiteral("value"), QStringLiteral("decode"),
                          QStringLiteral("--serializer"), QStringLiteral("gob") },
                        QByteArray("{\"not\":\"gob\"}"));
    QVERIFY2(run.exitCode == 1, qPrintable(dump(run)));
    QVERIFY2(run.err.contains("not a gob session value"), run.err.constData());
    run = redistore({ QStringLiteral("value"), QStringLiteral("decode"),
                      QStringLiteral("--serializer"), QStringLiteral("json"),
                      QStringLiteral("/nonexistent/value.bin") });
    QVERIFY2(run.exitCode == 1, qPrintable(dump(run)));
    QVERIFY2(run.err.contains("cannot read /nonexistent/value.bin"), run.err.constData());

    // Bad arguments: exit 2 with usage.
    const QList<QStringList> bad {
        { QStringLiteral("value") },
        { QStringLiteral("value"), QStringLiteral("decode") },
        { QStringLiteral("value"), QStringLiteral("decode"), QStringLiteral("--serializer"),
          QStringLiteral("xml") },
        { QStringLiteral("value"), QStringLiteral("encode"), QStringLiteral("--serializer"),
          QStringLiteral("gob"), QStringLiteral("[1,2]") },
        { QStringLiteral("value"), QStringLiteral("encode"), QStringLiteral("--serializer"),
          QStringLiteral("gob"), QStringLiteral("{") },
        { QStringLiteral("value"), QStringLiteral("encode"), QStringLiteral("--serializer"),
          QStringLiteral("gob") },
    };
    for (const QStringList &arguments : bad) {
        run = redistore(arguments);
        QVERIFY2(run.exitCode == 2, qPrintable(arguments.join(QLatin1Char(' ')) + dump(run)));
        QVERIFY2(run.err.contains("Usage: redistore value"), run.err.constData());
    }
    run = redistore({ QStringLiteral("value"), QStringLiteral("--help") });
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains("decode"));
    run = redistore(
        { QStringLiteral("value"), QStringLiteral("encode"), QStringLiteral("--help") });
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains("--serializer"));
}

QTEST_GUILESS_MAIN(tst_RedistoreCli)
#include "tst_redistorecli.moc"
