#include <libredistore/codec/keyring.h>

#include <QtTest/QtTest>

using namespace RediStore;
using Code = CodecError::Code;

class tst_KeyRing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keysTakesPairs_data();
    void keysTakesPairs();
    void validate_data();
    void validate();
    void keysFromStrings_data();
    void keysFromStrings();
    void badKeyTextNamesTheKey_data();
    void badKeyTextNamesTheKey();
};

void tst_KeyRing::keysTakesPairs_data()
{
    QTest::addColumn<QList<QByteArray>>("flat");
    QTest::addColumn<KeyRing>("ring");
    const QByteArray h1("hash-1"), b1(16, 'b'), h2("hash-2"), b2(32, 'c');
    QTest::newRow("none") << QList<QByteArray>() << KeyRing();
    QTest::newRow("hash only") << QList<QByteArray> { h1 } << KeyRing { { h1, {} } };
    QTest::newRow("one pair") << QList<QByteArray> { h1, b1 } << KeyRing { { h1, b1 } };
    QTest::newRow("odd count: last is hash only")
        << QList<QByteArray> { h1, b1, h2 } << KeyRing { { h1, b1 }, { h2, {} } };
    QTest::newRow("empty block key in the middle")
        << QList<QByteArray> { h1, {}, h2, b2 } << KeyRing { { h1, {} }, { h2, b2 } };
}

void tst_KeyRing::keysTakesPairs()
{
    QFETCH(QList<QByteArray>, flat);
    QFETCH(KeyRing, ring);
    const KeyRing built = KeyRing::keys(flat);
    QCOMPARE(built.size(), ring.size());
    QVERIFY(built == ring);
}

void tst_KeyRing::validate_data()
{
    QTest::addColumn<KeyRing>("ring");
    QTest::addColumn<Code>("code");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty ring") << KeyRing() << Code::NoKeys
                                << QStringLiteral("securecookie: no codecs provided");
    QTest::newRow("hash only") << KeyRing { { "k", {} } } << Code::NoError << QString();
    for (int size : { 16, 24, 32 })
        QTest::addRow("block %d", size)
            << KeyRing { { "k", QByteArray(size, 'b') } } << Code::NoError << QString();
    for (int size : { 1, 15, 17, 20, 31, 33, 64 }) {
        QTest::addRow("block %d on pair 2", size)
            << KeyRing { { "k", QByteArray(16, 'b') }, { "k2", QByteArray(size, 'b') } }
            << Code::InvalidBlockKey
            << QStringLiteral("key pair 2: block key is %1 bytes; AES needs 16, 24 or 32")
                   .arg(size);
    }
    QTest::newRow("empty hash key")
        << KeyRing { { "k", {} }, { "k", {} }, { {}, {} } } << Code::HashKeyNotSet
        << QStringLiteral("key pair 3: hash key is empty");
}

void tst_KeyRing::validate()
{
    QFETCH(KeyRing, ring);
    QFETCH(Code, code);
    QFETCH(QString, message);
    const auto result = ring.validate();
    if (code == Code::NoError) {
        QVERIFY2(result.ok(), qPrintable(result.error().message()));
        return;
    }
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code(), code);
    QCOMPARE(result.error().errorClass(), CodecError::Class::Usage);
    QVERIFY2(result.error().message().startsWith(message), qPrintable(result.error().message()));
}

void tst_KeyRing::keysFromStrings_data()
{
    QTest::addColumn<QStringList>("texts");
    QTest::addColumn<KeyRing>("ring");
    QTest::newRow("raw text, like Go's []byte(\"secret-key\")")
        << QStringList { QStringLiteral("secret-key") } << KeyRing { { "secret-key", {} } };
    QTest::newRow("utf-8") << QStringList { QStringLiteral("cl\u00e9") }
                           << KeyRing { { "cl\xc3\xa9", {} } };
    QTest::newRow("hex, both cases")
        << QStringList { QStringLiteral("hex:00ff10Ab"), QStringLiteral("hex:") }
        << KeyRing { { QByteArray::fromHex("00ff10ab"), {} } };
    QTest::newRow("base64 standard, url, unpadded")
        << QStringList { QStringLiteral("base64:+/8="), QStringLiteral("base64:-_8"),
                         QStringLiteral("base64:AAEC") }
        << KeyRing { { QByteArray::fromHex("fbff"), QByteArray::fromHex("fbff") },
                     { QByteArray::fromHex("000102"), {} } };
    QTest::newRow("empty block key")
        << QStringList { QStringLiteral("a"), QString() } << KeyRing { { "a", {} } };
}

void tst_KeyRing::keysFromStrings()
{
    QFETCH(QStringList, texts);
    QFETCH(KeyRing, ring);
    const auto built = KeyRing::keysFromStrings(texts);
    QVERIFY2(built.ok(), qPrintable(built.ok() ? QString() : built.error().message()));
    QVERIFY(built.value() == ring);
}

void tst_KeyRing::badKeyTextNamesTheKey_data()
{
    QTest::addColumn<QStringList>("texts");
    QTest::addColumn<Code>("code");
    QTest::addColumn<QString>("message");
    QTest::newRow("odd hex") << QStringList { QStringLiteral("hex:abc") } << Code::HashKeyNotSet
                             << QStringLiteral("key pair 1: hash key is not valid hex");
    QTest::newRow("not hex") << QStringList { QStringLiteral("a"), QStringLiteral("b"),
                                              QStringLiteral("c"), QStringLiteral("hex:zz") }
                             << Code::InvalidBlockKey
                             << QStringLiteral("key pair 2: block key is not valid hex");
    QTest::newRow("bad base64") << QStringList { QStringLiteral("base64:a*b=") }
                                << Code::HashKeyNotSet
                                << QStringLiteral("key pair 1: hash key is not valid base64");
    QTest::newRow("mixed base64 alphabets")
        << QStringList { QStringLiteral("base64:+-AA") } << Code::HashKeyNotSet
        << QStringLiteral("key pair 1: hash key is not valid base64");
}

void tst_KeyRing::badKeyTextNamesTheKey()
{
    QFETCH(QStringList, texts);
    QFETCH(Code, code);
    QFETCH(QString, message);
    const auto built = KeyRing::keysFromStrings(texts);
    QVERIFY(!built.ok());
    QCOMPARE(built.error().code(), code);
    QVERIFY2(built.error().message().startsWith(message), qPrintable(built.error().message()));
    // Never the secret itself.
    QVERIFY(!built.error().message().contains(texts.last().mid(4)));
}

QTEST_GUILESS_MAIN(tst_KeyRing)
#include "tst_keyring.moc"
