// The README's first command, scripts/demo.sh, run as a user runs it: it starts a private
// redis-server and the complete example, prints the curl commands to try, serves them, and
// Ctrl+C stops the server and the private Redis.
#include "exampleprocess.h"
#include "httptestclient.h"

#include <QtCore/QDir>
#include <QtCore/QRegularExpression>
#include <QtNetwork/QTcpSocket>
#include <QtTest/QTest>

using namespace RediStore::Test;

class tst_Demo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void servesTheCompleteExample_data();
    void servesTheCompleteExample();
};

void tst_Demo::servesTheCompleteExample_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("scheme");
    QTest::newRow("plain") << QStringList() << "redis";
    // --tls: a private Redis that speaks only TLS, reached through rediss:// with its own CA.
    QTest::newRow("tls") << QStringList { QStringLiteral("--tls") } << "rediss";
}

void tst_Demo::servesTheCompleteExample()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, scheme);
    if (QStringLiteral(DEMO_GENERATOR) != QLatin1String("Ninja"))
        QSKIP("the demo configures its build folder with Ninja; this one uses " DEMO_GENERATOR);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("BUILD_DIR"), QStringLiteral(DEMO_BUILD_DIR));
    environment.insert(QStringLiteral("SKIP_INSTALL_DEPS"), QStringLiteral("1")); // built here
    environment.remove(QStringLiteral("DISPLAY")); // no admin app window
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    ExampleProcess demo(QStringLiteral("bash"),
                        QStringList { QStringLiteral(DEMO_SCRIPT) } + arguments, environment, true);
    // What the demo builds is built already (the test depends on it): it only checks.
    QVERIFY2(demo.waitForOutput("Server started on http://127.0.0.1:", 240000),
             QByteArray(demo.standardOutput() + demo.standardError()).constData());
    const QString output = QString::fromUtf8(demo.standardOutput());

    static const QRegularExpression redisLine(QStringLiteral(
        "== private redis-server on (rediss?)://(?:127\\.0\\.0\\.1|localhost):(\\d+)/0"
        "\\S* \\(data in (\\S+),"));
    const QRegularExpressionMatch redis = redisLine.match(output);
    QVERIFY2(redis.hasMatch(), qPrintable(output));
    QCOMPARE(redis.captured(1), scheme);
    const quint16 redisPort = quint16(redis.captured(2).toUInt());
    const QString dataDir = redis.captured(3);
    QVERIFY(QDir(dataDir).exists());

    static const QRegularExpression serverLine(
        QStringLiteral("Server started on http://127\\.0\\.0\\.1:(\\d+)/"));
    const QRegularExpressionMatch server = serverLine.match(output);
    QVERIFY2(server.hasMatch(), qPrintable(output));
    const QString base = QStringLiteral("http://127.0.0.1:%1").arg(server.captured(1));
    for (const char *path : { "/set", "/get", "/delete" }) {
        const QString line = QStringLiteral("curl -c $jar -b $jar ") + base + QLatin1String(path);
        QVERIFY2(output.contains(line), qPrintable(output));
    }

    // The curl commands it prints, through a cookie jar.
    HttpTestClient browser(QUrl(base + QLatin1Char('/')));
    QCOMPARE(browser.get(QStringLiteral("/get")).body, QByteArray("No user in session"));
    const HttpResult saved = browser.get(QStringLiteral("/set"));
    QCOMPARE(saved.body, QByteArray("Session saved!"));
    QCOMPARE(saved.setCookies.size(), 1);
    QVERIFY(saved.setCookies.first().startsWith("my-session="));
    QCOMPARE(browser.get(QStringLiteral("/get")).body, QByteArray("User: john_doe"));
    QCOMPARE(browser.get(QStringLiteral("/delete")).body, QByteArray("Session deleted!"));
    QCOMPARE(browser.get(QStringLiteral("/get")).body, QByteArray("No user in session"));

    // Ctrl+C: the example, the script and the private Redis stop, and its data goes.
    QVERIFY(demo.interrupt());
    QTRY_VERIFY_WITH_TIMEOUT(!QDir(dataDir).exists(), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(
        [redisPort]() {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, redisPort);
            return !socket.waitForConnected(1000);
        }(),
        5000);
}

QTEST_GUILESS_MAIN(tst_Demo)
#include "tst_demo.moc"
