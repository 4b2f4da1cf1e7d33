// Runs each example program as a user would, against a private redis-server, and talks to it
// through QNetworkAccessManager with a cookie jar.
#include "exampleprocess.h"
#include "httptestclient.h"
#include "redisserver.h"

#include <libredistore/codec/securecookie.h>
#include <libredistore/serializer/sessionserializer.h>

#include <QtCore/QProcess>
#include <QtCore/QRegularExpression>
#include <QtNetwork/QNetworkReply>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <memory>

using namespace RediStore::Test;

namespace {

// Runs a program that should exit by itself; gives its exit code.
int runToEnd(const QString &program, const QStringList &arguments, QByteArray *output)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(20000)) {
        process.kill();
        process.waitForFinished();
        return -1;
    }
    *output = process.readAllStandardOutput() + process.readAllStandardError();
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

QString program(const char *path)
{
    return QString::fromLocal8Bit(path);
}

} // namespace

class tst_Examples : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void complete();
    void completeHelpAndBadArguments();
    void completeWithRedisDown();
    void quickstart();
    void keyRotation();
    void customPool();
    void urlAuthDb_data();
    void urlAuthDb();
    void urlAuthDbConflicts();
    void shop();
    void shopCartKeepsConcurrentAdds();
    void shopLogoutEverywhere();

private:
    QStringList shopArguments() const
    {
        return { QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--redis-url"),
                 m_redis.url(0) };
    }
    QStringList keys(const QByteArray &pattern) const
    {
        QStringList names;
        for (const QVariant &key : m_redis.command({ "KEYS", pattern }).toList())
            names << QString::fromLatin1(key.toByteArray());
        return names;
    }

    RedisServer m_redis;
};

void tst_Examples::initTestCase()
{
    QVERIFY2(m_redis.start(), qPrintable(m_redis.errorString()));
}

void tst_Examples::init()
{
    m_redis.command({ "FLUSHALL" });
}

void tst_Examples::complete()
{
    ExampleProcess example(program(EXAMPLE_COMPLETE),
                           { QStringLiteral("--port"), QStringLiteral("0"),
                             QStringLiteral("--redis-url"), m_redis.url(0) });
    const QUrl base = example.waitForUrl();
    QVERIFY2(base.isValid(), example.standardError().constData());
    QVERIFY(example.standardOutput().startsWith("Server started on http://127.0.0.1:"));
    HttpTestClient browser(base);

    HttpResult result = browser.get(QStringLiteral("/get"));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.body, QByteArray("No user in session"));

    result = browser.get(QStringLiteral("/set"));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.body, QByteArray("Session saved!"));
    QCOMPARE(result.setCookies.size(), 1);
    QVERIFY(result.setCookies.first().startsWith("my-session="));
    const QStringList stored = keys("webapp_*"); // the Go example's key prefix
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.first().size(), int(qstrlen("webapp_")) + 52);
    // Gob values, and gob(ID) in the cookie signed with the example's key: what tst_gointerop
    // shows Go's redistore reading.
    const auto values
        = RediStore::SessionSerializer::byName(QStringLiteral("gob"))
              ->deserialize(m_redis.command({ "GET", stored.first().toUtf8() }).toByteArray());
    QVERIFY(values.ok());
    QCOMPARE(values.value().value(QStringLiteral("user")), QVariant(QStringLiteral("john_doe")));
    QCOMPARE(values.value().value(QStringLiteral("authenticated")), QVariant(true));
    const QByteArray cookie = result.setCookies.first();
    const auto id
        = RediStore::SecureCookie(RediStore::KeyRing::keys({ QByteArray("secret-key-123") }))
              .decode("my-session", cookie.mid(11, cookie.indexOf(';') - 11));
    QVERIFY(id.ok());
    QCOMPARE(QStringLiteral("webapp_") + id.value().toString(), stored.first());

    result = browser.get(QStringLiteral("/get"));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.body, QByteArray("User: john_doe"));

    // Another browser has a session of its own.
    HttpTestClient other(base);
    QCOMPARE(other.get(QStringLiteral("/get")).body, QByteArray("No user in session"));

    result = browser.get(QStringLiteral("/delete"));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.body, QByteArray("Session deleted!"));
    QVERIFY(keys("webapp_*").isEmpty());
    QCOMPARE(browser.get(QStringLiteral("/get")).body, QByteArray("No user in session"));
}

void tst_Examples::completeHelpAndBadArguments()
{
    QByteArray output;
    QCOMPARE(runToEnd(program(EXAMPLE_COMPLETE), { QStringLiteral("--help") }, &output), 0);
    QVERIFY(output.contains("--port <N>"));
    QVERIFY(output.contains("--redis-url <URL>"));
    QVERIFY(output.contains("8080"));
    QVERIFY(output.contains("redis://127.0.0.1:6379/0"));

    QCOMPARE(runToEnd(program(EXAMPLE_COMPLETE),
                      { QStringLiteral("--port"), QStringLiteral("eighty") }, &output),
             2);
    QVERIFY(output.contains("--port"));
    QCOMPARE(runToEnd(program(EXAMPLE_COMPLETE),
                      { QStringLiteral("--redis-url"), QStringLiteral("http://example.com/") },
                      &output),
             2);
    QVERIFY(output.contains("withUrl"));
}

void tst_Examples::completeWithRedisDown()
{
    // Nothing listens there: the server still starts, says so, and answers 503 where a session
    // is needed.
    const QString deadUrl = QStringLiteral("redis://127.0.0.1:%1/0").arg(RedisServer::freePort());
    ExampleProcess example(
        program(EXAMPLE_COMPLETE),
        { QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--redis-url"), deadUrl });
    const QUrl base = example.waitForUrl();
    QVERIFY(base.isValid());
    HttpTestClient browser(base);
    const HttpResult result = browser.get(QStringLiteral("/set"));
    QCOMPARE(result.status, 503);
    QVERIFY(result.setCookies.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(example.standardError().contains("warning: "), 15000);
}

void tst_Examples::quickstart()
{
    ExampleProcess example(program(EXAMPLE_QUICKSTART),
                           { QStringLiteral("--port"), QStringLiteral("0"),
                             QStringLiteral("--redis-address"),
                             QStringLiteral("127.0.0.1:%1").arg(m_redis.port()) });
    const QUrl base = example.waitForUrl();
    QVERIFY2(base.isValid(), example.standardError().constData());
    HttpTestClient browser(base);
    const HttpResult result = browser.get(QStringLiteral("/"));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.setCookies.size(), 1);
    QVERIFY(result.setCookies.first().startsWith("session-key="));
    QCOMPARE(keys("session_*").size(), 1); // Go's default prefix
}

void tst_Examples::keyRotation()
{
    // Keys in each of the forms SESSION_KEYS takes: text, hex and base64.
    const QString oldPair = QStringLiteral("old-hash-key-0123456789abcdef0123 hex:")
        + QString::fromLatin1(QByteArray(16, '\x11').toHex());
    const QString newPair = QStringLiteral("base64:")
        + QString::fromLatin1(QByteArray(32, '\x22').toBase64())
        + QStringLiteral(" new-block-key-0123456789abcdef01");
    const auto serve = [this](const QString &sessionKeys) {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("SESSION_KEYS"), sessionKeys);
        return std::make_unique<ExampleProcess>(
            program(EXAMPLE_KEY_ROTATION),
            QStringList { QStringLiteral("--port"), QStringLiteral("0"),
                          QStringLiteral("--redis-url"), m_redis.url(0) },
            environment);
    };
    HttpTestClient browser;

    // 1. Today's keys.
    auto example = serve(oldPair);
    browser.setBase(example->waitForUrl());
    QVERIFY2(browser.url(QString()).isValid(), example->standardError().constData());
    QCOMPARE(browser.get(QStringLiteral("/")).body,
             QByteArray("Visit 1 (cookie signed with key pair 1 of 1)\n"));
    const QByteArray oldCookie = browser.cookie("session-key");
    QVERIFY(!oldCookie.isEmpty());

    // 2. A new pair in front: the old cookie still opens the session, which is re-signed.
    example = serve(newPair + u' ' + oldPair);
    browser.setBase(example->waitForUrl());
    QCOMPARE(browser.get(QStringLiteral("/")).body,
             QByteArray("Visit 2 (cookie signed with key pair 1 of 2)\n"));
    QVERIFY(browser.cookie("session-key") != oldCookie);

    // 3. The old pair retired: the re-signed cookie goes on working...
    example = serve(newPair);
    browser.setBase(example->waitForUrl());
    QCOMPARE(browser.get(QStringLiteral("/")).body,
             QByteArray("Visit 3 (cookie signed with key pair 1 of 1)\n"));
    // ...and a cookie never re-signed gets a new session.
    HttpTestClient late(browser.url(QStringLiteral("/")));
    late.setCookie("session-key", oldCookie);
    QCOMPARE(late.get(QStringLiteral("/")).body,
             QByteArray("Visit 1 (cookie signed with key pair 1 of 1)\n"));
    example.reset();

    // Bad keys stop the program before it serves, naming the pair.
    QProcess bad;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("SESSION_KEYS"),
                       QStringLiteral("a-hash-key short-block-key"));
    bad.setProcessEnvironment(environment);
    bad.start(program(EXAMPLE_KEY_ROTATION), { QStringLiteral("--port"), QStringLiteral("0") });
    QVERIFY(bad.waitForFinished(20000));
    QCOMPARE(bad.exitCode(), 2);
    const QByteArray message = bad.readAllStandardError();
    QVERIFY2(message.contains("key pair 1") && message.contains("block key"), message.constData());
}

void tst_Examples::customPool()
{
    ExampleProcess example(program(EXAMPLE_CUSTOM_POOL),
                           { QStringLiteral("--port"), QStringLiteral("0"),
                             QStringLiteral("--redis-url"), m_redis.url(0) });
    const QUrl base = example.waitForUrl();
    QVERIFY2(base.isValid(), example.standardError().constData());
    HttpTestClient browser(base);
    HttpResult result = browser.get(QStringLiteral("/"));
    QCOMPARE(result.status, 200);
    QVERIFY2(result.body.startsWith("Your visit 1; 1 visit(s) to this server in all;"),
             result.body.constData());
    result = browser.get(QStringLiteral("/"));
    QVERIFY2(result.body.startsWith("Your visit 2; 2 visit(s)"), result.body.constData());
    HttpTestClient other(base);
    result = other.get(QStringLiteral("/"));
    QVERIFY2(result.body.startsWith("Your visit 1; 3 visit(s)"), result.body.constData());
    // The pool's own settings reach Redis.
    QVERIFY(
        m_redis.command({ "CLIENT", "LIST" }).toByteArray().contains("name=custom-pool-example"));
}

void tst_Examples::urlAuthDb_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("password"); // REDIS_PASSWORD
    QTest::addColumn<QByteArray>("answer");

    const QString port = QString::number(m_redis.port());
    QTest::newRow("url with user, password and db")
        << QStringList { QStringLiteral("--redis-url"),
                         QStringLiteral("redis://alice:alice-secret@127.0.0.1:%1/5").arg(port) }
        << QString() << QByteArray("Visit 1, kept in database 5 as user alice\n");
    QTest::newRow("address, --user, REDIS_PASSWORD, --db")
        << QStringList { QStringLiteral("--redis-address"),
                         QStringLiteral("127.0.0.1:%1").arg(port),
                         QStringLiteral("--user"),
                         QStringLiteral("alice"),
                         QStringLiteral("--db"),
                         QStringLiteral("5") }
        << QStringLiteral("alice-secret")
        << QByteArray("Visit 1, kept in database 5 as user alice\n");
    QTest::newRow("url plus --db and --user that agree") << QStringList {
        QStringLiteral("--redis-url"), QStringLiteral("redis://127.0.0.1:%1/5").arg(port),
        QStringLiteral("--user"),      QStringLiteral("alice"),
        QStringLiteral("--password"),  QStringLiteral("alice-secret"),
        QStringLiteral("--db"),        QStringLiteral("5")
    } << QString() << QByteArray("Visit 1, kept in database 5 as user alice\n");
}

void tst_Examples::urlAuthDb()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, password);
    QFETCH(QByteArray, answer);

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("REDIS_PASSWORD"));
    if (!password.isEmpty())
        environment.insert(QStringLiteral("REDIS_PASSWORD"), password);
    ExampleProcess example(
        program(EXAMPLE_URL_AUTH_DB),
        QStringList { QStringLiteral("--port"), QStringLiteral("0") } + arguments, environment);
    const QUrl base = example.waitForUrl();
    QVERIFY2(base.isValid(), example.standardError().constData());
    QVERIFY(!example.standardOutput().contains("alice-secret")); // the password stays hidden

    HttpTestClient browser(base);
    const HttpResult result = browser.get(QStringLiteral("/"));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.body, answer);
    const QByteArray keyspace = m_redis.command({ "INFO", "keyspace" }).toByteArray();
    QVERIFY2(keyspace.contains("db5:keys=1"), keyspace.constData());
    QVERIFY(!keyspace.contains("db0:"));
    QCOMPARE(browser.get(QStringLiteral("/")).body,
             QByteArray(answer).replace("Visit 1", "Visit 2"));
}

void tst_Examples::urlAuthDbConflicts()
{
    const QString url = QStringLiteral("redis://127.0.0.1:%1/5").arg(m_redis.port());
    QByteArray output;
    // The URL says database 5, --db says 3: an error naming the option, before serving.
    QCOMPARE(runToEnd(program(EXAMPLE_URL_AUTH_DB),
                      { QStringLiteral("--redis-url"), url, QStringLiteral("--db"),
                        QStringLiteral("3") },
                      &output),
             2);
    QVERIFY2(output.contains("with"), output.constData());
    QVERIFY(!output.contains("Listening"));
    // Two connection options.
    QCOMPARE(runToEnd(program(EXAMPLE_URL_AUTH_DB),
                      { QStringLiteral("--redis-url"), url, QStringLiteral("--redis-address"),
                        QStringLiteral("127.0.0.1:6379") },
                      &output),
             2);
    QVERIFY2(output.contains("withAddress") || output.contains("withUrl"), output.constData());
    // None.
    QCOMPARE(runToEnd(program(EXAMPLE_URL_AUTH_DB), {}, &output), 2);
    QVERIFY2(output.contains("withUrl"), output.constData());
}

namespace {

QStringList lines(const QByteArray &body)
{
    return QString::fromUtf8(body).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

} // namespace

void tst_Examples::shop()
{
    ExampleProcess example(program(EXAMPLE_SHOP), shopArguments());
    const QUrl base = example.waitForUrl();
    QVERIFY2(base.isValid(), example.standardError().constData());
    HttpTestClient browser(base);

    HttpResult result = browser.get(QStringLiteral("/me"));
    QCOMPARE(result.status, 401);
    QCOMPARE(browser.get(QStringLiteral("/login")).status, 400);
    result = browser.get(QStringLiteral("/login?user=alice"));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.body, QByteArray("Logged in as alice"));
    QCOMPARE(result.header("content-type"), QByteArray("text/plain; charset=utf-8"));
    QCOMPARE(browser.get(QStringLiteral("/me")).body, QByteArray("alice"));
    QCOMPARE(browser.get(QStringLiteral("/cart")).body, QByteArray());
    QCOMPARE(browser.get(QStringLiteral("/cart/add?item=tea")).body, QByteArray("1 items"));
    QCOMPARE(browser.get(QStringLiteral("/cart/add?item=milk")).body, QByteArray("2 items"));
    QCOMPARE(browser.get(QStringLiteral("/cart")).body, QByteArray("tea,milk"));
    // The index knows the session, under its own key outside the session prefix.
    result = browser.get(QStringLiteral("/sessions"));
    QCOMPARE(result.status, 200);
    const QStringList listed = lines(result.body);
    QCOMPARE(listed.size(), 2);
    QCOMPARE(listed.first(), QStringLiteral("1 sessions"));
    QCOMPARE(listed.at(1).size(), 52);
    QCOMPARE(keys("session_*"), QStringList { QStringLiteral("session_") + listed.at(1) });
    QCOMPARE(keys("redistore:user:*").size(), 1);

    result = browser.get(QStringLiteral("/logout"));
    QCOMPARE(result.body, QByteArray("Logged out"));
    QVERIFY(keys("session_*").isEmpty());
    QCOMPARE(browser.get(QStringLiteral("/me")).status, 401);
    QCOMPARE(browser.get(QStringLiteral("/sessions")).status, 401);
    QCOMPARE(browser.get(QStringLiteral("/logout-everywhere")).status, 401);
}

void tst_Examples::shopCartKeepsConcurrentAdds()
{
    ExampleProcess example(program(EXAMPLE_SHOP), shopArguments());
    const QUrl base = example.waitForUrl();
    QVERIFY2(base.isValid(), example.standardError().constData());
    HttpTestClient browser(base);
    QCOMPARE(browser.get(QStringLiteral("/login?user=bob")).status, 200);
    // Many tabs add at once: every item stays.
    constexpr int adds = 32;
    std::vector<std::unique_ptr<QNetworkReply>> replies;
    for (int i = 0; i < adds; ++i)
        replies.emplace_back(browser.start(QStringLiteral("/cart/add?item=i%1").arg(i)));
    for (const auto &reply : replies) {
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        QVERIFY(reply->isFinished() || finished.wait(20000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QVERIFY(reply->readAll().endsWith(" items"));
    }
    const QStringList items
        = QString::fromUtf8(browser.get(QStringLiteral("/cart")).body).split(QLatin1Char(','));
    QCOMPARE(items.size(), adds);
    QCOMPARE(QSet<QString>(items.cbegin(), items.cend()).size(), adds);
}

void tst_Examples::shopLogoutEverywhere()
{
    ExampleProcess example(program(EXAMPLE_SHOP), shopArguments());
    const QUrl base = example.waitForUrl();
    QVERIFY2(base.isValid(), example.standardError().constData());
    HttpTestClient laptop(base);
    HttpTestClient phone(base);
    HttpTestClient other(base);
    QCOMPARE(laptop.get(QStringLiteral("/login?user=carol")).status, 200);
    QCOMPARE(phone.get(QStringLiteral("/login?user=carol")).status, 200);
    QCOMPARE(other.get(QStringLiteral("/login?user=dave")).status, 200);
    QVERIFY(laptop.cookie("shop") != phone.cookie("shop"));
    const QStringList listed = lines(phone.get(QStringLiteral("/sessions")).body);
    QCOMPARE(listed.first(), QStringLiteral("2 sessions"));

    HttpResult result = phone.get(QStringLiteral("/logout-everywhere"));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.body, QByteArray("Ended 2 sessions"));
    QCOMPARE(laptop.get(QStringLiteral("/me")).status, 401);
    QCOMPARE(phone.get(QStringLiteral("/me")).status, 401);
    QCOMPARE(other.get(QStringLiteral("/me")).body, QByteArray("dave"));
    QCOMPARE(keys("session_*").size(), 1);
    // The laptop's cart is a new visitor's: nothing of carol's session comes back.
    QCOMPARE(laptop.get(QStringLiteral("/cart/add?item=x")).body, QByteArray("1 items"));
    QCOMPARE(laptop.get(QStringLiteral("/me")).status, 401);
}

QTEST_MAIN(tst_Examples)
#include "tst_examples.moc"
