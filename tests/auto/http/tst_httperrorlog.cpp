// The log of per-request errors under load: a client that sends a bad cookie on every request,
// or a dead Redis, writes a few lines, not one per request, and no line holds a query string, a
// cookie value or a password.
#include <libredistore/http/httpsessions.h>
#include <libredistore/session/redisstore.h>

#include "httptestclient.h"
#include "redisserver.h"

#include <QtCore/QRegularExpression>
#include <QtHttpServer/QHttpServer>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace RediStore;
using namespace RediStore::Test;
using namespace std::chrono_literals;

namespace {

const QByteArray sessionName = "my-session";
const QByteArray hashKey = "0123456789abcdef0123456789abcdef";
// What a client may send that must never reach the log.
const QByteArray cookieMarker = "COOKIE-MARKER";
const QByteArray queryMarker = "QUERY-SECRET";
const QString floodPath = QStringLiteral("/get?token=") + QString::fromLatin1(queryMarker);
const QByteArray badCookie = sessionName + "=bad-" + cookieMarker;

struct LogLine
{
    QString category;
    QString text;
};
QList<LogLine> capturedLines;

void capture(QtMsgType, const QMessageLogContext &context, const QString &text)
{
    capturedLines.append({ QString::fromLatin1(context.category), text });
}

} // namespace

class tst_HttpErrorLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void floodOfBadCookiesWritesOneLineAndASummary();
    void summaryComesWhenTheIntervalEnds();
    void zeroIntervalWritesEveryError();
    void deadRedisUnderLoadWritesFewLines();
    void cleanupTestCase();

private:
    void serve(SessionStore *store);
    // Sends count requests to path at once, with cookie; returns their statuses.
    QList<int> flood(int count, const QString &path = floodPath,
                     const QByteArray &cookie = badCookie);
    QStringList httpLines(const QString &containing) const;
    static QString allLines();
    static qint64 summaryCount(const QString &line);

    RedisServer m_redis { RedisServer::Options { true, {}, false, false } };
    std::unique_ptr<RedisStore> m_store;
    std::unique_ptr<HttpSessions> m_sessions;
    std::unique_ptr<QHttpServer> m_server;
    HttpTestClient m_client;
    QtMessageHandler m_previousHandler = nullptr;
};

void tst_HttpErrorLog::initTestCase()
{
    QVERIFY2(m_redis.start(), qPrintable(m_redis.errorString()));
}

void tst_HttpErrorLog::init()
{
    // The password is in the URL: no line may show it.
    auto store
        = RedisStore::create(KeyRing::keys({ hashKey }),
                             { withUrl(QStringLiteral("redis://:%1@127.0.0.1:%2/0")
                                           .arg(QString::fromLatin1(RedisServer::defaultPassword))
                                           .arg(m_redis.port())),
                               withCommandTimeout(250) });
    QVERIFY2(store.ok(), store.ok() ? "" : qPrintable(store.error().message()));
    m_store = std::move(store).value();
    QSignalSpy reachable(m_store.get(), &RedisStore::reachabilityChecked);
    QVERIFY(reachable.wait(10000));
    serve(m_store.get());
    capturedLines.clear();
    m_previousHandler = qInstallMessageHandler(capture);
}

void tst_HttpErrorLog::cleanup()
{
    m_server.reset();
    m_sessions.reset();
    m_store.reset();
    qInstallMessageHandler(m_previousHandler);
    for (const LogLine &line : std::as_const(capturedLines)) {
        QVERIFY2(!line.text.contains(QLatin1String(queryMarker)), qPrintable(line.text));
        QVERIFY2(!line.text.contains(QLatin1String(cookieMarker)), qPrintable(line.text));
        QVERIFY2(!line.text.contains(QLatin1String(RedisServer::defaultPassword)),
                 qPrintable(line.text));
    }
}

void tst_HttpErrorLog::cleanupTestCase()
{
    m_redis.stop();
}

void tst_HttpErrorLog::serve(SessionStore *store)
{
    m_sessions = std::make_unique<HttpSessions>(store);
    m_server = std::make_unique<QHttpServer>();
    m_sessions->route(m_server.get(), QStringLiteral("/get"), [](HttpExchange *exchange) {
        exchange->session(sessionName, [exchange](Session session) {
            exchange->respond(session.isNew() ? "new" : "known");
        });
    });
    // Saves before answering: a new visitor needs Redis.
    m_sessions->route(m_server.get(), QStringLiteral("/visit"),
                      [](HttpExchange *exchange, Session &session) {
                          session.setValue(QStringLiteral("seen"), true);
                          exchange->respond("saved");
                      });
    const quint16 port = HttpSessions::listen(m_server.get(), QHostAddress::LocalHost);
    QVERIFY(port != 0);
    m_client.setBase(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port)));
}

QList<int> tst_HttpErrorLog::flood(int count, const QString &path, const QByteArray &cookie)
{
    QList<int> statuses;
    for (int i = 0; i < count; ++i) {
        QNetworkReply *reply = m_client.start(path, "GET", { { "Cookie", cookie } });
        connect(reply, &QNetworkReply::finished, reply, [reply, &statuses]() {
            statuses.append(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt());
            reply->deleteLater();
        });
    }
    [&]() { QTRY_COMPARE_WITH_TIMEOUT(statuses.size(), count, 120000); }();
    return statuses;
}

QStringList tst_HttpErrorLog::httpLines(const QString &containing) const
{
    QStringList lines;
    for (const LogLine &line : std::as_const(capturedLines)) {
        if (line.category == QLatin1String("redistore.http") && line.text.contains(containing))
            lines.append(line.text);
    }
    return lines;
}

QString tst_HttpErrorLog::allLines()
{
    QStringList texts;
    for (const LogLine &line : std::as_const(capturedLines))
        texts.append(line.category + QStringLiteral(": ") + line.text);
    return texts.join(QLatin1Char('\n'));
}

qint64 tst_HttpErrorLog::summaryCount(const QString &line)
{
    static const QRegularExpression more(
        QStringLiteral("\\.\\.\\. and ([0-9,]+) more in the last"));
    const QRegularExpressionMatch match = more.match(line);
    return match.hasMatch() ? match.captured(1).remove(QLatin1Char(',')).toLongLong() : -1;
}

void tst_HttpErrorLog::floodOfBadCookiesWritesOneLineAndASummary()
{
    constexpr int requests = 5000;
    QCOMPARE(m_sessions->errorLogInterval(), std::chrono::milliseconds(60s));
    QSignalSpy errors(m_sessions.get(), &HttpSessions::sessionError);

    const QList<int> statuses = flood(requests);
    QCOMPARE(statuses.count(200), requests); // a bad cookie gives a new session
    // The signal counts every error; the log writes the first.
    QCOMPARE(errors.size(), requests);
    QCOMPARE(errors.last().at(1).value<SessionError>().code(), SessionError::Code::CookieInvalid);
    QVERIFY2(capturedLines.size() == 1, qPrintable(allLines()));
    const QString first = capturedLines.first().text;
    QVERIFY2(first.contains(QLatin1String("session my-session (GET /get from 127.0.0.1) starts "
                                          "anew: CookieInvalid")),
             qPrintable(first));

    // The rest are counted: the summary owed is written when the sessions go.
    m_server.reset();
    m_sessions.reset();
    QVERIFY2(capturedLines.size() == 2, qPrintable(allLines()));
    const QString summary = capturedLines.last().text;
    QVERIFY2(summary.startsWith(QLatin1String("session my-session CookieInvalid ... and 4,999 "
                                              "more in the last ")),
             qPrintable(summary));
}

void tst_HttpErrorLog::summaryComesWhenTheIntervalEnds()
{
    // Long enough that a loaded machine still sends the 20 requests within one interval.
    m_sessions->setErrorLogInterval(3s);
    QSignalSpy errors(m_sessions.get(), &HttpSessions::sessionError);

    QCOMPARE(flood(20).count(200), 20);
    QCOMPARE(errors.size(), 20);
    QCOMPARE(httpLines(QStringLiteral("starts anew")).size(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(capturedLines.size(), 2, 10000);
    QCOMPARE(capturedLines.last().text,
             QStringLiteral("session my-session CookieInvalid ... and 19 more in the last 3 s"));

    // One more within the next interval: counted, and written when that interval ends even
    // though nothing else comes.
    QCOMPARE(flood(1).count(200), 1);
    QVERIFY2(capturedLines.size() == 2, qPrintable(allLines()));
    QTRY_COMPARE_WITH_TIMEOUT(capturedLines.size(), 3, 10000);
    QCOMPARE(summaryCount(capturedLines.last().text), 1);
}

void tst_HttpErrorLog::zeroIntervalWritesEveryError()
{
    m_sessions->setErrorLogInterval(0s);
    QCOMPARE(flood(10).count(200), 10);
    QCOMPARE(httpLines(QStringLiteral("starts anew: CookieInvalid")).size(), 10);
    QVERIFY2(capturedLines.size() == 10, qPrintable(allLines()));
}

void tst_HttpErrorLog::deadRedisUnderLoadWritesFewLines()
{
    constexpr int requests = 120;
    QCOMPARE(m_client.get(QStringLiteral("/visit")).status, 200);
    m_redis.kill();
    QSignalSpy errors(m_sessions.get(), &HttpSessions::sessionError);

    const QString path = QStringLiteral("/visit?token=") + QString::fromLatin1(queryMarker);
    QCOMPARE(flood(requests, path, QByteArray()).count(503), requests);
    QCOMPARE(errors.size(), requests);
    // One line from the Redis client for the outage, one per kind of session error: a few,
    // however many requests fail.
    QVERIFY2(capturedLines.size() <= 4, qPrintable(allLines()));
    QVERIFY(httpLines(QStringLiteral("failed:")).size() >= 1);

    QVERIFY2(m_redis.restart(), qPrintable(m_redis.errorString()));
}

QTEST_GUILESS_MAIN(tst_HttpErrorLog)
#include "tst_httperrorlog.moc"
