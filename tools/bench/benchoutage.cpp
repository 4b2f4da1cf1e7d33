#include "benchoutage.h"
#include "benchredis.h"

#include <libredistore/serializer/sessionserializer.h>
#include <libredistore/session/redisstore.h>

#include <QtCore/QCommandLineParser>
#include <QtCore/QElapsedTimer>
#include <QtCore/QEventLoop>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QTextStream>
#include <QtCore/QTimer>
#include <QtNetwork/QTcpSocket>

#include <algorithm>
#include <memory>
#include <vector>

using namespace RediStore;

namespace {

struct Op
{
    qint64 started = 0; // ms on the run's clock
    qint64 finished = 0;
    bool ok = false;
};

double percentile(std::vector<qint64> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return double(values[std::min(values.size() - 1, size_t(p * double(values.size())))]);
}

// Says when a server answers PING again, polling every few milliseconds from the event loop
// (never blocking it, so that the store reconnects as it would in a server).
class Prober : public QObject
{
public:
    Prober(quint16 port, std::function<void()> onBack)
        : m_port(port)
        , m_onBack(std::move(onBack))
    {
        m_retry.setSingleShot(true);
        m_retry.setInterval(5);
        connect(&m_retry, &QTimer::timeout, this, &Prober::attempt);
    }
    void start() { attempt(); }

private:
    void attempt()
    {
        m_socket = std::make_unique<QTcpSocket>();
        connect(m_socket.get(), &QTcpSocket::connected, this,
                [this]() { m_socket->write("PING\r\n"); });
        connect(m_socket.get(), &QTcpSocket::readyRead, this, [this]() {
            if (m_socket->readAll().startsWith("+PONG"))
                m_onBack();
            else
                m_retry.start();
        });
        connect(m_socket.get(), &QTcpSocket::errorOccurred, this, [this]() { m_retry.start(); });
        m_socket->connectToHost(QHostAddress::LocalHost, m_port);
    }

    quint16 m_port;
    std::function<void()> m_onBack;
    std::unique_ptr<QTcpSocket> m_socket;
    QTimer m_retry;
};

} // namespace

int runOutageBench(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "RedisStore under load (load + change + save per op, a fixed number in flight) while "
        "its private redis-server is killed (SIGKILL) and started again on the same port. "
        "Prints how long the ops that failed during the outage waited for their error, and how "
        "soon after Redis answers again the store serves again."));
    parser.addHelpOption();
    parser.addOption({ QStringLiteral("down"),
                       QStringLiteral("Milliseconds between the kill and the restart (default "
                                      "2000)."),
                       QStringLiteral("MS"), QStringLiteral("2000") });
    parser.addOption({ QStringLiteral("concurrency"), QStringLiteral("Ops in flight (default 64)."),
                       QStringLiteral("N"), QStringLiteral("64") });
    parser.addOption({ QStringLiteral("json"), QStringLiteral("Print JSON.") });
    parser.process(arguments);
    const int down = qMax(100, parser.value(QStringLiteral("down")).toInt());
    const int concurrency = qMax(1, parser.value(QStringLiteral("concurrency")).toInt());
    QTextStream out(stdout);
    QTextStream err(stderr);

    BenchRedis redis;
    if (!redis.start(QString())) {
        err << redis.errorString() << Qt::endl;
        return 1;
    }
    auto created = RedisStore::create(
        KeyRing::keys({ QByteArray("0123456789abcdef0123456789abcdef") }),
        { withUrl(redis.url()), withSerializer(SessionSerializer::byName(QStringLiteral("gob"))) });
    if (!created.ok()) {
        err << created.error().message() << Qt::endl;
        return 1;
    }
    RedisStore &store = *created.value();
    // One session that every op loads (GET) and saves (SETEX).
    QByteArrayList cookie;
    {
        QEventLoop ready;
        Session first = store.newSession("session");
        first.setValue(QStringLiteral("n"), 0);
        store.save(first, &ready, [&](const SessionSaveResult &saved) {
            cookie = { saved.setCookie.left(saved.setCookie.indexOf(';')) };
            ready.quit();
        });
        ready.exec();
    }

    // Timeline: 1 s of load, the kill, `down` ms without Redis, the restart, 2 s more.
    QElapsedTimer clock;
    clock.start();
    std::vector<Op> ops;
    ops.reserve(1 << 20);
    qint64 killedAt = -1;
    qint64 restartedAt = -1;
    qint64 backAt = -1;
    bool stopping = false;
    int inFlight = 0;
    QEventLoop loop;
    std::function<void()> issue = [&]() {
        const size_t index = ops.size();
        ops.push_back({ clock.elapsed(), 0, false });
        ++inFlight;
        store.load("session", cookie, &loop, [&, index](const SessionLoadResult &loaded) {
            auto finish = [&, index](bool ok) {
                ops[index].finished = clock.elapsed();
                ops[index].ok = ok;
                --inFlight;
                if (!stopping)
                    issue();
                else if (inFlight == 0)
                    loop.quit();
            };
            // Valid cookie, data gone (the restarted Redis is empty): a new session, saved.
            if (!loaded.error.isError() || loaded.error.code() == SessionError::Code::SessionGone) {
                Session session = loaded.session;
                session.setValue(QStringLiteral("n"), qint64(index));
                store.save(session, &loop,
                           [finish](const SessionSaveResult &saved) { finish(saved.ok()); });
            } else {
                finish(false);
            }
        });
    };
    Prober prober(redis.port(), [&]() {
        if (backAt < 0)
            backAt = clock.elapsed();
    });
    QTimer::singleShot(1000, &loop, [&]() {
        killedAt = clock.elapsed();
        redis.kill();
        QTimer::singleShot(down, &loop, [&]() {
            restartedAt = clock.elapsed();
            redis.startAgain();
            prober.start();
        });
    });
    QTimer::singleShot(1000 + down + 2000, &loop, [&]() { stopping = true; });
    for (int i = 0; i < concurrency; ++i)
        issue();
    loop.exec();

    std::vector<qint64> failedWaits;
    qint64 firstSuccessAfterBack = -1;
    qint64 failed = 0;
    for (const Op &op : ops) {
        if (!op.ok) {
            ++failed;
            failedWaits.push_back(op.finished - op.started);
        } else if (backAt >= 0 && op.finished >= backAt
                   && (firstSuccessAfterBack < 0 || op.finished < firstSuccessAfterBack)) {
            firstSuccessAfterBack = op.finished;
        }
    }
    const qint64 recovery
        = backAt >= 0 && firstSuccessAfterBack >= 0 ? firstSuccessAfterBack - backAt : -1;
    const QJsonObject result {
        { QStringLiteral("down_ms"), down },
        { QStringLiteral("concurrency"), concurrency },
        { QStringLiteral("ops"), qint64(ops.size()) },
        { QStringLiteral("failed"), failed },
        { QStringLiteral("failed_wait_p50_ms"), percentile(failedWaits, 0.5) },
        { QStringLiteral("failed_wait_p99_ms"), percentile(failedWaits, 0.99) },
        { QStringLiteral("failed_wait_max_ms"), percentile(failedWaits, 1.0) },
        { QStringLiteral("redis_answered_after_restart_ms"), backAt - restartedAt },
        { QStringLiteral("serving_again_after_redis_answered_ms"), recovery },
    };
    if (parser.isSet(QStringLiteral("json"))) {
        out << QJsonDocument(result).toJson(QJsonDocument::Compact) << '\n';
        return 0;
    }
    out << "RedisStore, " << concurrency << " ops in flight, Redis killed at " << killedAt
        << " ms and started again " << down << " ms later\n"
        << "  ops: " << ops.size() << ", failed: " << failed << "\n"
        << "  wait of the failed ops: p50 " << percentile(failedWaits, 0.5) << " ms, p99 "
        << percentile(failedWaits, 0.99) << " ms, max " << percentile(failedWaits, 1.0) << " ms\n"
        << "  Redis answered " << (backAt - restartedAt) << " ms after its restart; the store "
        << "served again " << recovery << " ms after that\n";
    return 0;
}
