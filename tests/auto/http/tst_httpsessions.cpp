// End to end: QHttpServer on port 0 with a RedisStore on a private redis-server, driven by
// QNetworkAccessManager with a cookie jar, as a browser would.
#include <libredistore/http/httpsessions.h>
#include <libredistore/serializer/sessionserializer.h>
#include <libredistore/session/redisstore.h>
#include <libredistore/session/sessionregistry.h>

#include "httptestclient.h"
#include "redisserver.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QRandomGenerator>
#include <QtCore/QRegularExpression>
#include <QtCore/QTimer>
#include <QtHttpServer/QHttpServer>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace RediStore;
using namespace RediStore::Test;

namespace {

const QByteArray sessionName = "my-session";
const QByteArray hashKey = "0123456789abcdef0123456789abcdef";
const QByteArray blockKey = "fedcba9876543210";
constexpr int commandTimeoutMs = 1000;

QString user(const Session &session)
{
    return session.value(QStringLiteral("user")).toString();
}

} // namespace

class tst_HttpSessions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void setGetDelete();
    void routeFormSavesBeforeAnswering();
    void routeFormWithPathArguments();
    void routeFormAnswersAsANewVisitorWhenLoggedOutMeanwhile();
    void updateThatStaysContendedAnswers409();
    void logoutRacingASlowSaveStaysLoggedOut();
    void loginRegeneratesId();
    void severalSessionsInOneRequest();
    void badCookieGivesNewSession_data();
    void badCookieGivesNewSession();
    void corruptDataGivesNewSession();
    void oversizedDataGivesNewSession();
    void clientDisconnectsEarly_data();
    void clientDisconnectsEarly();
    void handlerThatNeverAnswersGets503();
    void headRequestHasNoBody();
    void headerInjectionIsRefused();
    void serverDeletedWithAnExchangePending();
    void slowRedisTimesOutWhileOtherRoutesAnswer();
    void redisDownGivesErrorWhileOtherRoutesAnswer();
    void cleanupTestCase();

private:
    QByteArray redisKey(const QString &id) const { return "session_" + id.toLatin1(); }
    qint64 exists(const QString &id) const
    {
        return m_redis.command({ "EXISTS", redisKey(id) }).toLongLong();
    }

    RedisServer m_redis;
    std::unique_ptr<RedisStore> m_store;
    std::unique_ptr<HttpSessions> m_sessions;
    std::unique_ptr<QHttpServer> m_server;
    HttpTestClient m_client;
    int m_handlersEntered = 0;
};

void tst_HttpSessions::initTestCase()
{
    QVERIFY2(m_redis.start(), qPrintable(m_redis.errorString()));
    auto store = RedisStore::create(
        KeyRing::keys({ hashKey, blockKey }),
        { withAddress(QStringLiteral("tcp"), QStringLiteral("127.0.0.1:%1").arg(m_redis.port())),
          withCommandTimeout(commandTimeoutMs) });
    QVERIFY2(store.ok(), store.ok() ? "" : qPrintable(store.error().message()));
    m_store = std::move(store).value();
    m_sessions = std::make_unique<HttpSessions>(m_store.get());
    m_server = std::make_unique<QHttpServer>();
    HttpSessions &sessions = *m_sessions;

    // The Go README's complete example, plus what a login needs.
    sessions.route(m_server.get(), QStringLiteral("/set"), [this](HttpExchange *exchange) {
        ++m_handlersEntered;
        exchange->session(sessionName, [exchange](Session session) {
            session.setValue(QStringLiteral("user"), QStringLiteral("john_doe"));
            session.setValue(QStringLiteral("authenticated"), true);
            exchange->saveAndRespond("Session saved!");
        });
    });
    sessions.route(m_server.get(), QStringLiteral("/get"), [this](HttpExchange *exchange) {
        ++m_handlersEntered;
        exchange->session(sessionName, [exchange](Session session) {
            exchange->respond(session.contains(QStringLiteral("user"))
                                  ? "User: " + user(session).toUtf8()
                                  : QByteArray("No user in session"));
        });
    });
    sessions.route(m_server.get(), QStringLiteral("/delete"), [](HttpExchange *exchange) {
        exchange->session(sessionName, [exchange](Session session) {
            session.setMaxAge(-1);
            exchange->saveAndRespond("Session deleted!");
        });
    });
    sessions.route(m_server.get(), QStringLiteral("/id"), [](HttpExchange *exchange) {
        exchange->session(sessionName, [exchange](Session session) {
            exchange->respond(session.id().toLatin1());
        });
    });
    sessions.route(m_server.get(), QStringLiteral("/login"), [](HttpExchange *exchange) {
        exchange->session(sessionName, [exchange](Session session) {
            session.setValue(QStringLiteral("role"), QStringLiteral("admin"));
            session.regenerateId();
            exchange->save(session, [exchange, session](const SessionSaveResult &saved) {
                if (!saved.ok()) {
                    exchange->fail(saved.error);
                    return;
                }
                exchange->respond(session.id().toLatin1());
            });
        });
    });
    sessions.route(m_server.get(), QStringLiteral("/two"), [](HttpExchange *exchange) {
        exchange->session("cart", [exchange](Session cart) {
            cart.setValue(QStringLiteral("items"), 3);
            exchange->session("prefs", [exchange](Session prefs) {
                prefs.setValue(QStringLiteral("theme"), QStringLiteral("dark"));
                exchange->saveAndRespond("two sessions");
            });
        });
    });
    sessions.route(m_server.get(), QStringLiteral("/ping"),
                   [](HttpExchange *exchange) { exchange->respond("pong"); });
    sessions.route(m_server.get(), QStringLiteral("/silent"), [](HttpExchange *) {});
    // Copies the query's "v" into a header, as a careless handler would.
    sessions.route(m_server.get(), QStringLiteral("/echo-header"), [](HttpExchange *exchange) {
        const QByteArray value
            = exchange->query().queryItemValue(QStringLiteral("v"), QUrl::FullyDecoded).toUtf8();
        const auto added = exchange->addHeader(QByteArrayLiteral("X-Echo"), value);
        exchange->respond(added ? QByteArrayLiteral("added")
                                : "refused " + added.error().codeName().toLatin1());
    });
    sessions.route(m_server.get(), QStringLiteral("/echo-name"), [](HttpExchange *exchange) {
        const QByteArray name
            = exchange->query().queryItemValue(QStringLiteral("n"), QUrl::FullyDecoded).toUtf8();
        const auto added = exchange->addHeader(name, "1");
        exchange->respond(added ? QByteArrayLiteral("added")
                                : "refused " + added.error().codeName().toLatin1());
    });
    // Copies the query's "t" into the content type.
    sessions.route(m_server.get(), QStringLiteral("/echo-type"), [](HttpExchange *exchange) {
        exchange->respond(
            "body",
            exchange->query().queryItemValue(QStringLiteral("t"), QUrl::FullyDecoded).toUtf8());
    });

    // The route form: the handler gets its session, saved before the answer when changed.
    sessions.setSessionName(sessionName);
    sessions.route(m_server.get(), QStringLiteral("/visits"),
                   [](HttpExchange *exchange, Session &session) {
                       const int visits = session.value(QStringLiteral("visits")).toInt() + 1;
                       session.setValue(QStringLiteral("visits"), visits);
                       exchange->respond(QByteArray::number(visits));
                   });
    // The route form with QHttpServer's path arguments.
    sessions.route(m_server.get(), QStringLiteral("/items/<arg>/<arg>"),
                   [](HttpExchange *exchange, Session &session, const QString &item, int count) {
                       session.setValue(item, count);
                       exchange->respond(item.toUtf8() + '=' + QByteArray::number(count) + ' '
                                         + QByteArray::number(session.values().size()));
                   });
    // An update that another writer beats every time: 409.
    sessions.route(m_server.get(), QStringLiteral("/contended"), [this](HttpExchange *exchange) {
        exchange->update(
            sessionName,
            [this](Session &session) {
                if (!session.id().isEmpty()) {
                    const auto other
                        = SessionSerializer::byName(QStringLiteral("datastream"))
                              ->serialize({ { QStringLiteral("other"),
                                              QRandomGenerator::global()->generate() } });
                    m_redis.command({ "SETEX", redisKey(session.id()), "600", other.value() });
                }
                session.setValue(QStringLiteral("n"), 1);
            },
            [exchange](Session) { exchange->respond("updated"); });
    });
    // The route form, slow: a logout may come between its load and its save.
    sessions.route(m_server.get(), QStringLiteral("/slow-visits"),
                   [](HttpExchange *exchange, Session &session) {
                       QTimer::singleShot(300, exchange, [exchange, session]() mutable {
                           const int visits = session.value(QStringLiteral("visits")).toInt() + 1;
                           session.setValue(QStringLiteral("visits"), visits);
                           exchange->respond(QByteArray::number(visits) + ' '
                                             + (session.contains(QStringLiteral("user"))
                                                    ? QByteArrayLiteral("user")
                                                    : QByteArrayLiteral("anonymous")));
                       });
                   });
    // Loads, waits, then saves: a logout may come in between.
    sessions.route(m_server.get(), QStringLiteral("/slow-cart"), [](HttpExchange *exchange) {
        exchange->session(sessionName, [exchange](Session session) {
            QTimer::singleShot(300, exchange, [exchange, session]() mutable {
                session.setValue(QStringLiteral("cart"), QStringLiteral("tea"));
                exchange->saveAndRespond("added");
            });
        });
    });
    sessions.route(m_server.get(), QStringLiteral("/logout"), [](HttpExchange *exchange) {
        exchange->destroy(sessionName, [exchange]() { exchange->respond("Logged out"); });
    });

    const quint16 port = HttpSessions::listen(m_server.get(), QHostAddress::LocalHost);
    QVERIFY(port != 0);
    m_client.setBase(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port)));
}

void tst_HttpSessions::init()
{
    m_client.clearCookies();
}

void tst_HttpSessions::setGetDelete()
{
    HttpResult result = m_client.get(QStringLiteral("/get"));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.body, QByteArray("No user in session"));
    QVERIFY(result.setCookies.isEmpty()); // nothing saved, nothing sent

    result = m_client.get(QStringLiteral("/set"));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.body, QByteArray("Session saved!"));
    QCOMPARE(result.setCookies.size(), 1);
    QVERIFY(result.setCookies.first().startsWith(QByteArray(sessionName + '=')));
    QVERIFY(result.setCookies.first().contains("HttpOnly"));
    QVERIFY(!m_client.cookie(sessionName).isEmpty());

    const QString id = QString::fromLatin1(m_client.get(QStringLiteral("/id")).body);
    QCOMPARE(id.size(), 52);
    QCOMPARE(exists(id), 1);

    result = m_client.get(QStringLiteral("/get"));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.body, QByteArray("User: john_doe"));

    result = m_client.get(QStringLiteral("/delete"));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.body, QByteArray("Session deleted!"));
    QCOMPARE(result.setCookies.size(), 1);
    QVERIFY(result.setCookies.first().contains("Max-Age=0"));
    QVERIFY(m_client.cookie(sessionName).isEmpty()); // the browser dropped it
    QCOMPARE(exists(id), 0);

    result = m_client.get(QStringLiteral("/get"));
    QCOMPARE(result.body, QByteArray("No user in session"));
    QCOMPARE(m_sessions->pendingCount(), 0);
}

void tst_HttpSessions::loginRegeneratesId()
{
    QCOMPARE(m_client.get(QStringLiteral("/set")).status, 200);
    const QByteArray cookieBefore = m_client.cookie(sessionName);
    const QString before = QString::fromLatin1(m_client.get(QStringLiteral("/id")).body);
    QCOMPARE(before.size(), 52);

    const HttpResult login = m_client.get(QStringLiteral("/login"));
    QCOMPARE(login.status, 200);
    const QString after = QString::fromLatin1(login.body);
    QCOMPARE(after.size(), 52);
    QVERIFY(after != before);
    QVERIFY(m_client.cookie(sessionName) != cookieBefore);
    QCOMPARE(exists(before), 0); // the old key is gone: a stolen pre-login cookie is worthless
    QCOMPARE(exists(after), 1);

    // The data came along.
    QCOMPARE(m_client.get(QStringLiteral("/get")).body, QByteArray("User: john_doe"));
    QCOMPARE(QString::fromLatin1(m_client.get(QStringLiteral("/id")).body), after);

    // The pre-login cookie, replayed, opens nothing.
    HttpTestClient attacker(m_client.url(QStringLiteral("/")));
    attacker.setCookie(sessionName, cookieBefore);
    QCOMPARE(attacker.get(QStringLiteral("/get")).body, QByteArray("No user in session"));
}

void tst_HttpSessions::severalSessionsInOneRequest()
{
    const HttpResult result = m_client.get(QStringLiteral("/two"));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.setCookies.size(), 2);
    QVERIFY(!m_client.cookie("cart").isEmpty());
    QVERIFY(!m_client.cookie("prefs").isEmpty());
}

void tst_HttpSessions::badCookieGivesNewSession_data()
{
    QTest::addColumn<QByteArray>("cookie");

    // A genuine cookie, to damage.
    HttpTestClient browser(m_client.url(QStringLiteral("/")));
    QCOMPARE(browser.get(QStringLiteral("/set")).status, 200);
    const QByteArray genuine = browser.cookie(sessionName);
    QVERIFY(genuine.size() > 20);
    QByteArray tampered = genuine;
    const qsizetype middle = tampered.size() / 2;
    tampered[middle] = tampered.at(middle) == 'A' ? 'B' : 'A';

    // The same kind of cookie signed with other keys.
    auto other = RedisStore::create(
        KeyRing::keys({ QByteArray("another-hash-key-another-hash-key"), blockKey }),
        { withAddress(QStringLiteral("tcp"), QStringLiteral("127.0.0.1:%1").arg(m_redis.port())) });
    QVERIFY(other.ok());
    auto loaded = other.value()->load(sessionName, {});
    QTRY_VERIFY(loaded.isFinished());
    Session session = loaded.result().session;
    session.setValue(QStringLiteral("user"), QStringLiteral("mallory"));
    auto saved = other.value()->save(session);
    QTRY_VERIFY(saved.isFinished());
    QVERIFY(saved.result().ok());
    const QByteArray foreignKey = saved.result().setCookie.split(';').first().split('=').last();

    // A genuine cookie of another session name, moved under this one.
    HttpTestClient twoSessions(m_client.url(QStringLiteral("/")));
    QCOMPARE(twoSessions.get(QStringLiteral("/two")).status, 200);

    QTest::newRow("garbage") << QByteArray("not-a-cookie");
    QTest::newRow("empty") << QByteArray("");
    QTest::newRow("tampered") << tampered;
    QTest::newRow("truncated") << genuine.left(genuine.size() - 5);
    QTest::newRow("signed with other keys") << foreignKey;
    QTest::newRow("another session's cookie") << twoSessions.cookie("cart");
}

void tst_HttpSessions::badCookieGivesNewSession()
{
    QFETCH(QByteArray, cookie);
    QSignalSpy errors(m_sessions.get(), &HttpSessions::sessionError);

    const HttpResult result = m_client.get(
        QStringLiteral("/get"), { { "Cookie", QByteArray(sessionName + '=' + cookie) } });
    QCOMPARE(result.status, 200);
    QCOMPARE(result.body, QByteArray("No user in session"));
    if (!cookie.isEmpty()) {
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.first().at(0).toByteArray(), sessionName);
        const auto error = errors.first().at(1).value<SessionError>();
        QCOMPARE(error.code(), SessionError::Code::CookieInvalid);
        QVERIFY(HttpSessions::isRecoverable(error));
    }

    // Saving gives a fresh session with a cookie of its own.
    const HttpResult set = m_client.get(QStringLiteral("/set"),
                                        { { "Cookie", QByteArray(sessionName + '=' + cookie) } });
    QCOMPARE(set.status, 200);
    QCOMPARE(set.setCookies.size(), 1);
    QVERIFY(!m_client.cookie(sessionName).isEmpty());
    QVERIFY(m_client.cookie(sessionName) != cookie);
    QCOMPARE(m_client.get(QStringLiteral("/get")).body, QByteArray("User: john_doe"));
}

void tst_HttpSessions::oversizedDataGivesNewSession()
{
    // Bytes longer than the store's max length (4096), written by another writer: not
    // decoded, and the client still gets a page and a new session.
    QCOMPARE(m_client.get(QStringLiteral("/set")).status, 200);
    const QString id = QString::fromLatin1(m_client.get(QStringLiteral("/id")).body);
    const QByteArray oversized(64 * 1024, 'x');
    m_redis.command({ "SET", redisKey(id), oversized });
    QSignalSpy errors(m_sessions.get(), &HttpSessions::sessionError);
    HttpResult result = m_client.get(QStringLiteral("/get"));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.body, QByteArray("No user in session"));
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().at(1).value<SessionError>().code(),
             SessionError::Code::StoredValueTooLarge);
    result = m_client.get(QStringLiteral("/set"));
    QCOMPARE(result.status, 200);
    QCOMPARE(m_client.get(QStringLiteral("/get")).body, QByteArray("User: john_doe"));
    QCOMPARE(m_redis.command({ "STRLEN", redisKey(id) }).toLongLong(), oversized.size());
}

void tst_HttpSessions::corruptDataGivesNewSession()
{
    QCOMPARE(m_client.get(QStringLiteral("/set")).status, 200);
    const QByteArray cookie = m_client.cookie(sessionName);
    const QString id = QString::fromLatin1(m_client.get(QStringLiteral("/id")).body);
    QCOMPARE(exists(id), 1);
    const QByteArray garbage("\x00\x01garbage\xff", 11);
    m_redis.command({ "SET", redisKey(id), garbage });

    // The page still answers, with a new session and an error the server can log.
    QSignalSpy errors(m_sessions.get(), &HttpSessions::sessionError);
    HttpResult result = m_client.get(QStringLiteral("/get"));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.body, QByteArray("No user in session"));
    QCOMPARE(errors.size(), 1);
    const auto error = errors.first().at(1).value<SessionError>();
    QCOMPARE(error.code(), SessionError::Code::CorruptData);
    QVERIFY(HttpSessions::isRecoverable(error));

    // Saving writes a session under a new ID; the damaged bytes stay for an operator.
    result = m_client.get(QStringLiteral("/set"));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.setCookies.size(), 1);
    QVERIFY(m_client.cookie(sessionName) != cookie);
    const QString fresh = QString::fromLatin1(m_client.get(QStringLiteral("/id")).body);
    QVERIFY(fresh != id);
    QCOMPARE(m_client.get(QStringLiteral("/get")).body, QByteArray("User: john_doe"));
    QCOMPARE(m_redis.command({ "GET", redisKey(id) }).toByteArray(), garbage);
}

void tst_HttpSessions::clientDisconnectsEarly_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("pause"); // what Redis holds back meanwhile

    QTest::newRow("while loading") << QStringLiteral("/get") << QByteArray("ALL");
    QTest::newRow("while saving") << QStringLiteral("/set") << QByteArray("WRITE");
}

void tst_HttpSessions::clientDisconnectsEarly()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, pause);

    QCOMPARE(m_client.get(QStringLiteral("/set")).status, 200);
    QSignalSpy abandoned(m_sessions.get(), &HttpSessions::requestAbandoned);
    // Nothing may try to write to the closed connection ("QIODevice::write (QTcpSocket):
    // device not open", "Cannot write to socket").
    QTest::failOnWarning(QRegularExpression(QStringLiteral("QIODevice|[Ss]ocket")));

    // Redis holds the command back while the client gives up.
    QCOMPARE(m_redis.command({ "CLIENT", "PAUSE", "700", pause }).toByteArray(), QByteArray("OK"));
    const int entered = m_handlersEntered;
    QNetworkReply *reply = m_client.start(path);
    QTRY_COMPARE(m_handlersEntered, entered + 1);
    QCOMPARE(m_sessions->pendingCount(), 1);
    reply->abort();
    reply->deleteLater();

    QTRY_COMPARE(abandoned.size(), 1);
    QCOMPARE(abandoned.first().first().toUrl().path(), path);
    QCOMPARE(m_sessions->pendingCount(), 0);

    // Redis answers the dropped request when the pause ends (before the store's command
    // timeout); nothing is written anywhere and the server goes on serving.
    QTRY_COMPARE_WITH_TIMEOUT(m_client.get(QStringLiteral("/set")).status, 200, 10000);
    const HttpResult result = m_client.get(QStringLiteral("/get"));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.body, QByteArray("User: john_doe"));
    QCOMPARE(m_sessions->pendingCount(), 0);
}

void tst_HttpSessions::handlerThatNeverAnswersGets503()
{
    m_sessions->setResponseTimeoutMs(200);
    const HttpResult result = m_client.get(QStringLiteral("/silent"));
    m_sessions->setResponseTimeoutMs(HttpSessions::defaultResponseTimeoutMs);
    QCOMPARE(result.status, 503);
    QCOMPARE(m_sessions->pendingCount(), 0);
}

void tst_HttpSessions::headRequestHasNoBody()
{
    QCOMPARE(m_client.get(QStringLiteral("/set")).status, 200);
    const HttpResult result = m_client.send(QStringLiteral("/get"), "HEAD");
    QCOMPARE(result.status, 200);
    QVERIFY(result.body.isEmpty());
    // The headers of the GET answer, its Content-Length included.
    QCOMPARE(result.header("Content-Length"), QByteArray::number(qsizetype(14)));
    QVERIFY(result.header("Content-Type").startsWith("text/plain"));
    // The connection stays usable: the next answer is not mixed up with a stray body.
    QCOMPARE(m_client.get(QStringLiteral("/get")).body, QByteArray("User: john_doe"));
}

void tst_HttpSessions::headerInjectionIsRefused()
{
    const HttpResult plain = m_client.get(QStringLiteral("/echo-header?v=hello"));
    QCOMPARE(plain.body, QByteArray("added"));
    QCOMPARE(plain.header("X-Echo"), QByteArray("hello"));

    // One log line for the first refusal (it names neither the header's name nor its value);
    // the others of the minute are counted, not written.
    QTest::ignoreMessage(
        QtWarningMsg,
        QRegularExpression(QStringLiteral("^a header for GET /echo-header was refused: the value "
                                          "of header X-Echo holds CR, LF or NUL")));
    const HttpResult injected
        = m_client.get(QStringLiteral("/echo-header?v=a%0D%0AX-Injected:%201"));
    QCOMPARE(injected.status, 200);
    QCOMPARE(injected.body, QByteArray("refused InvalidValue"));
    QVERIFY(injected.header("X-Echo").isEmpty());
    QVERIFY(injected.header("X-Injected").isEmpty());
    for (const char *value : { "a%0Ab", "a%0Db", "a%00b" }) {
        const HttpResult refused
            = m_client.get(QStringLiteral("/echo-header?v=") + QLatin1String(value));
        QCOMPARE(refused.body, QByteArray("refused InvalidValue"));
    }
    for (const char *name : { "", "X%20Y", "X:Y", "X%0D%0AY", "X%00", "%C3%A9" }) {
        const HttpResult refused
            = m_client.get(QStringLiteral("/echo-name?n=") + QLatin1String(name));
        QCOMPARE(refused.body, QByteArray("refused InvalidName"));
    }
    QCOMPARE(m_client.get(QStringLiteral("/echo-name?n=X-Ok_1.2%21")).header("X-Ok_1.2!"),
             QByteArray("1"));

    // The content type is a header too: an answer that would carry CR/LF in it becomes a 500.
    QCOMPARE(m_client.get(QStringLiteral("/echo-type?t=text/html")).header("Content-Type"),
             QByteArray("text/html"));
    QTest::ignoreMessage(
        QtWarningMsg,
        QRegularExpression(QStringLiteral("^the answer to GET /echo-type was replaced by 500")));
    const HttpResult badType
        = m_client.get(QStringLiteral("/echo-type?t=text/html%0D%0ASet-Cookie:%20x=1"));
    QCOMPARE(badType.status, 500);
    QVERIFY(badType.header("Set-Cookie").isEmpty());
    QVERIFY(badType.header("Content-Type").startsWith("text/plain"));

    // The check itself, for code that builds headers of its own.
    QCOMPARE(HttpHeaderError::check("Location", "/next").code(), HttpHeaderError::Code::NoError);
    QCOMPARE(HttpHeaderError::check("Location", "/a\r\nB: c").code(),
             HttpHeaderError::Code::InvalidValue);
    QVERIFY(!HttpHeaderError::check("Location", "/a\r\nB: c")
                 .message()
                 .contains(QLatin1String("B: c")));
    QCOMPARE(HttpHeaderError::check("Bad Name", "v").code(), HttpHeaderError::Code::InvalidName);
}

void tst_HttpSessions::serverDeletedWithAnExchangePending()
{
    // A server of its own, deleted while a request waits for Redis: the exchange is dropped
    // without touching the deleted connection, and the sessions object goes after it.
    auto server = std::make_unique<QHttpServer>();
    auto sessions = std::make_unique<HttpSessions>(m_store.get());
    int entered = 0;
    sessions->route(server.get(), QStringLiteral("/wait"), [&entered](HttpExchange *exchange) {
        ++entered;
        exchange->session(sessionName, [exchange](Session session) {
            session.setValue(QStringLiteral("user"), QStringLiteral("late"));
            exchange->saveAndRespond("saved"); // waits for Redis, which is paused
        });
    });
    const quint16 port = HttpSessions::listen(server.get(), QHostAddress::LocalHost);
    QVERIFY(port != 0);
    QCOMPARE(m_redis.command({ "CLIENT", "PAUSE", "500", "ALL" }).toByteArray(), QByteArray("OK"));
    HttpTestClient client;
    client.setBase(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port)));
    QNetworkReply *reply = client.start(QStringLiteral("/wait"));
    QTRY_COMPARE(entered, 1);
    QCOMPARE(sessions->pendingCount(), 1);
    server.reset();
    QTRY_COMPARE(sessions->pendingCount(), 0);
    sessions.reset();
    QTRY_VERIFY(reply->isFinished());
    reply->deleteLater();
    // Redis answers the dropped load when the pause ends; the main server still serves.
    QTRY_COMPARE_WITH_TIMEOUT(m_client.get(QStringLiteral("/ping")).body, QByteArray("pong"), 5000);
}

void tst_HttpSessions::slowRedisTimesOutWhileOtherRoutesAnswer()
{
    QCOMPARE(m_client.get(QStringLiteral("/set")).status, 200);
    QSignalSpy errors(m_sessions.get(), &HttpSessions::sessionError);

    QCOMPARE(m_redis.command({ "CLIENT", "PAUSE", "2500", "ALL" }).toByteArray(), QByteArray("OK"));
    QElapsedTimer timer;
    timer.start();
    std::unique_ptr<QNetworkReply> slow(m_client.start(QStringLiteral("/get")));
    QSignalSpy slowFinished(slow.get(), &QNetworkReply::finished);

    // Meanwhile the server answers what does not need Redis.
    const HttpResult ping = m_client.get(QStringLiteral("/ping"));
    QCOMPARE(ping.status, 200);
    QCOMPARE(ping.body, QByteArray("pong"));
    QVERIFY(!slow->isFinished());

    QVERIFY(slowFinished.wait(10000));
    QCOMPARE(slow->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 503);
    QVERIFY2(timer.elapsed() < 2500, "the store's command timeout, not Redis, ended the wait");
    QVERIFY(!errors.isEmpty());
    QCOMPARE(errors.first().at(1).value<SessionError>().code(),
             SessionError::Code::RedisUnavailable);

    // Once Redis is back, so are the sessions.
    QTRY_VERIFY_WITH_TIMEOUT(m_client.get(QStringLiteral("/get")).body == "User: john_doe", 10000);
}

void tst_HttpSessions::redisDownGivesErrorWhileOtherRoutesAnswer()
{
    QCOMPARE(m_client.get(QStringLiteral("/set")).status, 200);
    m_redis.kill();

    HttpResult result = m_client.get(QStringLiteral("/get"));
    QCOMPARE(result.status, 503);
    QVERIFY(!result.body.contains("127.0.0.1")); // nothing about the server's insides
    result = m_client.get(QStringLiteral("/set"));
    QCOMPARE(result.status, 503);
    QVERIFY(result.setCookies.isEmpty());

    result = m_client.get(QStringLiteral("/ping"));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.body, QByteArray("pong"));
    QCOMPARE(m_sessions->pendingCount(), 0);

    // Redis restarts (empty): the server recovers by itself, with a new session.
    QVERIFY2(m_redis.restart(), qPrintable(m_redis.errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(m_client.get(QStringLiteral("/set")).status == 200, 10000);
    QCOMPARE(m_client.get(QStringLiteral("/get")).body, QByteArray("User: john_doe"));
}

void tst_HttpSessions::cleanupTestCase()
{
    // The server goes first: its sockets, then the sessions glue, then the store.
    m_server.reset();
    m_sessions.reset();
    m_store.reset();
}

void tst_HttpSessions::routeFormSavesBeforeAnswering()
{
    HttpResult result = m_client.get(QStringLiteral("/visits"));
    QCOMPARE(result.body, QByteArray("1"));
    QCOMPARE(result.setCookies.size(), 1);
    QCOMPARE(m_client.get(QStringLiteral("/visits")).body, QByteArray("2"));
    result = m_client.get(QStringLiteral("/visits"));
    QCOMPARE(result.body, QByteArray("3"));
    const QString id = QString::fromLatin1(m_client.get(QStringLiteral("/id")).body);
    QCOMPARE(exists(id), 1);
}

void tst_HttpSessions::routeFormWithPathArguments()
{
    QCOMPARE(m_client.get(QStringLiteral("/items/tea/3")).body, QByteArray("tea=3 1"));
    QCOMPARE(m_client.get(QStringLiteral("/items/milk/2")).body, QByteArray("milk=2 2"));
    QCOMPARE(m_client.get(QStringLiteral("/items/milk/x")).status, 404); // not an int
}

void tst_HttpSessions::routeFormAnswersAsANewVisitorWhenLoggedOutMeanwhile()
{
    QCOMPARE(m_client.get(QStringLiteral("/set")).status, 200);
    const QString id = QString::fromLatin1(m_client.get(QStringLiteral("/id")).body);
    std::unique_ptr<QNetworkReply> slow(m_client.start(QStringLiteral("/slow-visits")));
    QCOMPARE(m_client.get(QStringLiteral("/logout")).body, QByteArray("Logged out"));
    QSignalSpy finished(slow.get(), &QNetworkReply::finished);
    QVERIFY(slow->isFinished() || finished.wait(5000));
    // The handler ran again on a new visitor's session: nothing of the old one came back.
    QCOMPARE(slow->readAll(), QByteArray("1 anonymous"));
    QVERIFY(slow->rawHeader("Set-Cookie").startsWith(QByteArray(sessionName + '=')));
    QCOMPARE(exists(id), 0);
    QCOMPARE(m_client.get(QStringLiteral("/get")).body, QByteArray("No user in session"));
}

void tst_HttpSessions::updateThatStaysContendedAnswers409()
{
    QCOMPARE(m_client.get(QStringLiteral("/set")).status, 200);
    const HttpResult result = m_client.get(QStringLiteral("/contended"));
    QCOMPARE(result.status, 409);
    QVERIFY(result.body.contains("try again"));
}

void tst_HttpSessions::logoutRacingASlowSaveStaysLoggedOut()
{
    QCOMPARE(m_client.get(QStringLiteral("/set")).status, 200);
    const QString id = QString::fromLatin1(m_client.get(QStringLiteral("/id")).body);
    std::unique_ptr<QNetworkReply> slow(m_client.start(QStringLiteral("/slow-cart")));
    QCOMPARE(m_client.get(QStringLiteral("/logout")).body, QByteArray("Logged out"));
    QSignalSpy finished(slow.get(), &QNetworkReply::finished);
    QVERIFY(slow->isFinished() || finished.wait(5000));
    QCOMPARE(slow->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    // No cookie (it names nothing now), and the session stays gone.
    QVERIFY(slow->rawHeader("Set-Cookie").isEmpty());
    QCOMPARE(exists(id), 0);
    QCOMPARE(m_client.get(QStringLiteral("/get")).body, QByteArray("No user in session"));
}

QTEST_MAIN(tst_HttpSessions)
#include "tst_httpsessions.moc"
