// Runs each example program as a user would, against a private redis-server, and talks to it
// through QNetworkAccessManager with a cookie jar.
#include "exampleprocess.h"
#include "httptestclient.h"
#include "redisserver.h"
#include "testdata.h"

#include <libredistore/codec/securecookie.h>
#include <libredistore/serializer/sessionserializer.h>

#include <QtCore/QProcess>
#include <QtCore/QRegularExpression>
#include <QtCore/QTemporaryDir>
#include <QtNetwork/QNetworkReply>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <memory>

using namespace RediStore::Test;

namespace {

// Runs a program that should exit by itself; gives its exit code.
int runToEnd(const QString &program, const QStringList &arguments, QByteArray *output,
             const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
             const QByteArray &input = QByteArray())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    process.write(input);
    process.closeWriteChannel(); // a program reading standard input gets its end
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

// The test's environment without the examples' secrets, plus those given ("NAME=value").
QString exampleProgram(const QString &name)
{
    const QHash<QString, const char *> programs {
        { QStringLiteral("complete"), EXAMPLE_COMPLETE },
        { QStringLiteral("shop"), EXAMPLE_SHOP },
        { QStringLiteral("custom-pool"), EXAMPLE_CUSTOM_POOL },
        { QStringLiteral("key-rotation"), EXAMPLE_KEY_ROTATION },
        { QStringLiteral("quickstart"), EXAMPLE_QUICKSTART },
    };
    return program(programs.value(name));
}

QProcessEnvironment secretEnvironment(const QStringList &variables = {})
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : { "REDISTORE_URL", "REDISTORE_HASH_KEY", "REDISTORE_BLOCK_KEY",
                              "SESSION_KEYS", "REDIS_PASSWORD" })
        environment.remove(QString::fromLatin1(name));
    for (const QString &variable : variables) {
        const qsizetype eq = variable.indexOf(QLatin1Char('='));
        environment.insert(variable.left(eq), variable.mid(eq + 1));
    }
    return environment;
}

const QByteArray publicKeyWarning
    = "warning: no key given (--hash-key-file or REDISTORE_HASH_KEY): "
      "using the example's built-in key, which is public: anyone "
      "can forge this example's sessions";

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
    void secretsFromFilesAndEnvironment_data();
    void secretsFromFilesAndEnvironment();
    void builtInKeyIsSaidToBePublic_data();
    void builtInKeyIsSaidToBePublic();
    void secretErrors_data();
    void secretErrors();
    void urlAuthDbSecretsOffTheCommandLine();

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
    QTRY_VERIFY_WITH_TIMEOUT(example.standardError().contains("warning: redis://127.0.0.1:"),
                             15000);
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

// Each example with keys reads them from --hash-key-file/--block-key-file ("-": standard input)
// or REDISTORE_HASH_KEY/REDISTORE_BLOCK_KEY, and its URL from --redis-url-file (--url-file) or
// REDISTORE_URL: the cookie is signed with the given key, the sessions land in the given Redis.
void tst_Examples::secretsFromFilesAndEnvironment_data()
{
    QTest::addColumn<QString>("example");
    QTest::addColumn<QStringList>("arguments"); // HASH, BLOCK and URL are files holding them
    QTest::addColumn<QStringList>("environment"); // HASHKEY, BLOCKKEY and REDISURL: the values
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("cookieName");
    const QString hashFile = QStringLiteral("--hash-key-file");
    const QString blockFile = QStringLiteral("--block-key-file");
    const QStringList environment { QStringLiteral("REDISTORE_URL=REDISURL"),
                                    QStringLiteral("REDISTORE_HASH_KEY=HASHKEY"),
                                    QStringLiteral("REDISTORE_BLOCK_KEY=BLOCKKEY") };
    const QStringList files { QStringLiteral("--redis-url-file"),
                              QStringLiteral("URL"),
                              hashFile,
                              QStringLiteral("HASH"),
                              blockFile,
                              QStringLiteral("BLOCK") };
    const QStringList wrongEnvironment { QStringLiteral("REDISTORE_URL=redis://127.0.0.1:1/0"),
                                         QStringLiteral("REDISTORE_HASH_KEY=wrong"),
                                         QStringLiteral("REDISTORE_BLOCK_KEY=wrong") };
    for (const char *example : { "complete", "shop", "custom-pool", "key-rotation" }) {
        const QString name = QString::fromLatin1(example);
        const QString cookie = name == QLatin1String("complete") ? QStringLiteral("my-session")
            : name == QLatin1String("shop")                      ? QStringLiteral("shop")
                                                                 : QStringLiteral("session-key");
        QTest::addRow("%s, environment", example)
            << name << QStringList() << environment << QByteArray() << cookie;
        QTest::addRow("%s, files", example)
            << name << files << QStringList() << QByteArray() << cookie;
        QTest::addRow("%s, files beat the environment", example)
            << name << files << wrongEnvironment << QByteArray() << cookie;
        QTest::addRow("%s, --url-file and a key on standard input", example)
            << name << QStringList { QStringLiteral("--url-file"),
                                     QStringLiteral("URL"),
                                     hashFile,
                                     QStringLiteral("-"),
                                     blockFile,
                                     QStringLiteral("BLOCK") }
            << QStringList() << QByteArray("HASHKEY\n") << cookie;
        QTest::addRow("%s, URL on standard input", example)
            << name << QStringList { QStringLiteral("--url-file"),
                                     QStringLiteral("-"),
                                     hashFile,
                                     QStringLiteral("HASH"),
                                     blockFile,
                                     QStringLiteral("BLOCK") }
            << QStringList() << QByteArray("REDISURL") << cookie;
    }
    QTest::newRow("quickstart, key file")
        << QStringLiteral("quickstart")
        << QStringList { hashFile, QStringLiteral("HASH"), blockFile, QStringLiteral("BLOCK") }
        << QStringList() << QByteArray() << QStringLiteral("session-key");
    QTest::newRow("quickstart, environment")
        << QStringLiteral("quickstart") << QStringList() << environment << QByteArray()
        << QStringLiteral("session-key");
}

void tst_Examples::secretsFromFilesAndEnvironment()
{
    QFETCH(QString, example);
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, environment);
    QFETCH(QByteArray, input);
    QFETCH(QString, cookieName);
    const QString hashKey = QStringLiteral("hex:") + QString(64, QLatin1Char('a'));
    const QString blockKey
        = QStringLiteral("base64:") + QString::fromLatin1(QByteArray(32, 'b').toBase64());
    // Database 3: the example's default (0) would hide a URL that went unread.
    const QString url = m_redis.url(3);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto fill = [&](QString text) {
        return text.replace(QStringLiteral("HASHKEY"), hashKey)
            .replace(QStringLiteral("BLOCKKEY"), blockKey)
            .replace(QStringLiteral("REDISURL"), url);
    };
    arguments.replaceInStrings(
        QStringLiteral("HASH"),
        RediStore::Test::writeFile(dir, QStringLiteral("hash"), hashKey.toUtf8() + '\n'));
    arguments.replaceInStrings(
        QStringLiteral("BLOCK"),
        RediStore::Test::writeFile(dir, QStringLiteral("block"), blockKey.toUtf8() + '\n'));
    arguments.replaceInStrings(
        QStringLiteral("URL"),
        RediStore::Test::writeFile(dir, QStringLiteral("url"), url.toUtf8() + '\n'));
    for (QString &variable : environment)
        variable = fill(variable);
    input = fill(QString::fromUtf8(input)).toUtf8();

    QStringList where { QStringLiteral("--port"), QStringLiteral("0") };
    if (example == QLatin1String("quickstart")) {
        where << QStringLiteral("--redis-address")
              << QStringLiteral("127.0.0.1:%1").arg(m_redis.port());
    }
    const QByteArray path = example == QLatin1String("complete") ? "/set"
        : example == QLatin1String("shop")                       ? "/login?user=alice"
                                                                 : "/";
    ExampleProcess process(exampleProgram(example), where + arguments,
                           secretEnvironment(environment));
    if (!input.isEmpty()) {
        process.process().write(input);
        process.process().closeWriteChannel();
    }
    const QUrl base = process.waitForUrl();
    QVERIFY2(base.isValid(), process.standardError().constData());
    QVERIFY2(!process.standardError().contains("warning: no key given"),
             process.standardError().constData());
    HttpTestClient browser(base);
    const HttpResult result = browser.get(QString::fromLatin1(path));
    QVERIFY2(result.status == 200, result.body.constData());
    const QByteArray cookie = browser.cookie(cookieName.toUtf8());
    QVERIFY(!cookie.isEmpty());
    const auto keys = RediStore::KeyRing::keysFromStrings({ hashKey, blockKey });
    QVERIFY(keys.ok());
    const auto id = RediStore::SecureCookie(keys.value()).decode(cookieName.toUtf8(), cookie);
    QVERIFY2(id.ok(), id.ok() ? "" : qPrintable(id.error().message()));
    if (example != QLatin1String("quickstart")) {
        const QByteArray keyspace = m_redis.command({ "INFO", "keyspace" }).toByteArray();
        QVERIFY2(keyspace.contains("db3:keys=") && !keyspace.contains("db0:"),
                 keyspace.constData());
    }
}

// Without keys an example runs with its built-in one, and says once that it is public.
void tst_Examples::builtInKeyIsSaidToBePublic_data()
{
    QTest::addColumn<QString>("example");
    for (const char *example : { "complete", "shop", "custom-pool", "key-rotation", "quickstart" })
        QTest::newRow(example) << QString::fromLatin1(example);
}

void tst_Examples::builtInKeyIsSaidToBePublic()
{
    QFETCH(QString, example);
    ExampleProcess process(exampleProgram(example),
                           { QStringLiteral("--port"), QStringLiteral("0"),
                             example == QLatin1String("quickstart")
                                 ? QStringLiteral("--redis-address")
                                 : QStringLiteral("--redis-url"),
                             example == QLatin1String("quickstart")
                                 ? QStringLiteral("127.0.0.1:%1").arg(m_redis.port())
                                 : m_redis.url(0) },
                           secretEnvironment());
    const QUrl base = process.waitForUrl();
    QVERIFY2(base.isValid(), process.standardError().constData());
    HttpTestClient browser(base);
    QVERIFY(browser.get(QStringLiteral("/")).status > 0); // serving, with the built-in key
    const QByteArray err = process.standardError();
    QCOMPARE(err.count(publicKeyWarning), 1);
}

// Unreadable files, both forms of the URL, keys that do not decode: exit 2 before serving, with
// a message that names the option or the variable and never holds the secret.
void tst_Examples::secretErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("environment");
    QTest::addColumn<QByteArray>("message");
    const QString secret = QStringLiteral("hex:5ecre7zz");
    QTest::newRow("missing key file")
        << QStringList { QStringLiteral("--hash-key-file"), QStringLiteral("/nonexistent/key") }
        << QStringList()
        << QByteArray("--hash-key-file /nonexistent/key: No such file or directory");
    QTest::newRow("missing URL file")
        << QStringList { QStringLiteral("--url-file"), QStringLiteral("/nonexistent/url") }
        << QStringList()
        << QByteArray("--redis-url-file /nonexistent/url: No such file or directory");
    QTest::newRow("--redis-url and --redis-url-file")
        << QStringList { QStringLiteral("--redis-url"), QStringLiteral("redis://127.0.0.1:1/0"),
                         QStringLiteral("--redis-url-file"), QStringLiteral("/nonexistent/url") }
        << QStringList() << QByteArray("give --redis-url or --redis-url-file, not both");
    QTest::newRow("key and block key on standard input")
        << QStringList { QStringLiteral("--hash-key-file"), QStringLiteral("-"),
                         QStringLiteral("--block-key-file"), QStringLiteral("-") }
        << QStringList() << QByteArray("--block-key-file -: standard input was already read");
    QTest::newRow("key in the environment not hex")
        << QStringList() << QStringList { QStringLiteral("REDISTORE_HASH_KEY=") + secret }
        << QByteArray("REDISTORE_HASH_KEY: key pair 1: hash key is not valid hex");
    QTest::newRow("block key of 20 bytes")
        << QStringList()
        << QStringList { QStringLiteral("REDISTORE_HASH_KEY=a-hash-key"),
                         QStringLiteral("REDISTORE_BLOCK_KEY=5ecre7zz5ecre7zz5ecr") }
        << QByteArray("block key is 20 bytes");
    QTest::newRow("block key alone")
        << QStringList() << QStringList { QStringLiteral("REDISTORE_BLOCK_KEY=5ecre7zz5ecre7zz") }
        << QByteArray("REDISTORE_BLOCK_KEY: a block key needs a hash key");
}

void tst_Examples::secretErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, environment);
    QFETCH(QByteArray, message);
    for (const char *example : { EXAMPLE_COMPLETE, EXAMPLE_SHOP }) {
        QByteArray output;
        QCOMPARE(runToEnd(program(example),
                          QStringList { QStringLiteral("--port"), QStringLiteral("0") } + arguments,
                          &output, secretEnvironment(environment), "a-hash-key\n"),
                 2);
        QVERIFY2(output.contains(message), output.constData());
        QVERIFY2(!output.contains("5ecre7zz"), output.constData());
        QVERIFY(!output.contains("Server started"));
    }
}

// url-auth-db's URL and password off the command line: REDISTORE_URL, --url-file,
// --password-file and REDIS_PASSWORD; an explicit --redis-address beats REDISTORE_URL.
void tst_Examples::urlAuthDbSecretsOffTheCommandLine()
{
    const QString port = QString::number(m_redis.port());
    const QString url = QStringLiteral("redis://alice:alice-secret@127.0.0.1:%1/5").arg(port);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString urlFile
        = RediStore::Test::writeFile(dir, QStringLiteral("url"), url.toUtf8() + '\n');
    const QString passwordFile
        = RediStore::Test::writeFile(dir, QStringLiteral("password"), "alice-secret\n");
    const QString address = QStringLiteral("127.0.0.1:%1").arg(port);
    const struct
    {
        QStringList arguments;
        QStringList environment;
    } forms[] = {
        { {}, { QStringLiteral("REDISTORE_URL=") + url } },
        { { QStringLiteral("--url-file"), urlFile }, {} },
        { { QStringLiteral("--redis-address"), address, QStringLiteral("--user"),
            QStringLiteral("alice"), QStringLiteral("--password-file"), passwordFile,
            QStringLiteral("--db"), QStringLiteral("5") },
          { QStringLiteral("REDISTORE_URL=redis://127.0.0.1:1/0") } },
    };
    for (const auto &form : forms) {
        m_redis.command({ "FLUSHALL" });
        ExampleProcess example(program(EXAMPLE_URL_AUTH_DB),
                               QStringList { QStringLiteral("--port"), QStringLiteral("0") }
                                   + form.arguments,
                               secretEnvironment(form.environment));
        const QUrl base = example.waitForUrl();
        QVERIFY2(base.isValid(), example.standardError().constData());
        QVERIFY(!example.standardOutput().contains("alice-secret"));
        HttpTestClient browser(base);
        QCOMPARE(browser.get(QStringLiteral("/")).body,
                 QByteArray("Visit 1, kept in database 5 as user alice\n"));
    }
    QByteArray output;
    QCOMPARE(runToEnd(program(EXAMPLE_URL_AUTH_DB),
                      { QStringLiteral("--password"), QStringLiteral("x"),
                        QStringLiteral("--password-file"), passwordFile },
                      &output, secretEnvironment()),
             2);
    QVERIFY2(output.contains("give --password or --password-file, not both"), output.constData());
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
