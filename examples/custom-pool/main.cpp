// A pool of your own, as the Go README's "Using a Custom Pool": the application sizes its
// Redis connections, and the session store and the rest of the application share them.
//
//   redistore-example-custom-pool [--port 8080] [--redis-url redis://127.0.0.1:6379/0]
//       [--hash-key-file FILE] (or REDISTORE_URL, REDISTORE_HASH_KEY: see examplesecrets.h)
//   curl -c jar -b jar http://127.0.0.1:8080/
//       Your visit 1; 1 visit(s) to this server in all; 1 Redis connection(s) open
#include "../examplesecrets.h"

#include <libredistore/http/httpsessions.h>
#include <libredistore/redis/redispool.h>
#include <libredistore/session/redisstore.h>

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QTextStream>
#include <QtHttpServer/QHttpServer>

using namespace RediStore;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QTextStream err(stderr);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Sessions in a Redis connection pool the application owns."));
    parser.addHelpOption();
    const QCommandLineOption portOption(
        QStringLiteral("port"),
        QStringLiteral("Port to listen on, 0 for any free one (default 8080)."),
        QStringLiteral("N"), QStringLiteral("8080"));
    parser.addOption(portOption);
    const ExampleSecrets::RedisUrl urlOptions(&parser, QStringLiteral("redis://127.0.0.1:6379/0"));
    const ExampleSecrets::CookieKeys keyOptions(&parser);
    parser.process(app);
    const std::optional<QString> url = urlOptions.read(parser);
    if (!url)
        return 2;

    // Go: &redis.Pool{MaxIdle: 100, IdleTimeout: 5 * time.Minute, Dial: ...}
    auto config = RedisConfig::fromUrl(*url);
    if (!config.ok()) {
        err << "--redis-url: " << config.error().message() << Qt::endl;
        return 2;
    }
    RedisConfig settings = config.value();
    settings.setClientName(QStringLiteral("custom-pool-example")); // shows in CLIENT LIST
    settings.setCommandTimeoutMs(2000);
    RedisPool pool(settings);
    pool.setMaxConnections(4); // connections open on demand, up to 4
    pool.setIdleTimeoutMs(5 * 60 * 1000); // closed after 5 idle minutes

    // The store uses the pool and does not own it: the pool must outlive the store.
    const std::optional<KeyRing> keys
        = keyOptions.read(parser, KeyRing::keys({ QByteArray("secret-key") }));
    if (!keys)
        return 2;
    auto store = RedisStore::create(*keys, { withPool(&pool) });
    if (!store.ok()) {
        err << store.error().message() << Qt::endl;
        return 2;
    }

    HttpSessions sessions(store.value().get());
    QHttpServer server;
    sessions.route(&server, QStringLiteral("/"), [&pool](HttpExchange *exchange) {
        exchange->session("session-key", [exchange, &pool](Session session) {
            const int visits = session.value(QStringLiteral("visits")).toInt() + 1;
            session.setValue(QStringLiteral("visits"), visits);
            // The application's own command goes through the same pool. The exchange is the
            // callback's context: if the client has left, the callback does not run.
            pool.execute({ "INCR", "custom-pool-example:visits" }, exchange,
                         [exchange, &pool, visits](const RedisReply &reply) {
                             if (reply.isError()) {
                                 // 503 for the client, the details for the log.
                                 exchange->fail(SessionError::fromRedis(
                                     reply.error(), QStringLiteral("counting visits")));
                                 return;
                             }
                             exchange->saveAndRespond(
                                 QStringLiteral("Your visit %1; %2 visit(s) to this server in "
                                                "all; %3 Redis connection(s) open\n")
                                     .arg(visits)
                                     .arg(reply.toInteger())
                                     .arg(pool.connectionCount())
                                     .toUtf8());
                         });
        });
    });

    const quint16 port = HttpSessions::listen(&server, QHostAddress::LocalHost,
                                              parser.value(portOption).toUShort());
    if (port == 0) {
        err << "cannot listen on port " << parser.value(portOption) << Qt::endl;
        return 1;
    }
    out << "Listening on http://127.0.0.1:" << port << "/ with a pool of up to "
        << pool.maxConnections() << " connections to " << settings.toDisplayUrl() << Qt::endl;
    return app.exec();
}
