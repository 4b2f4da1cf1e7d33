// The Go redistore README's complete example, in Qt: a web server that keeps one session per
// browser in Redis.
//
//   redistore-example-complete [--port 8080] [--redis-url redis://127.0.0.1:6379/0]
//       [--hash-key-file FILE] (or REDISTORE_URL, REDISTORE_HASH_KEY: see examplesecrets.h)
//   redistore-example-complete --redis-url redis+cluster://10.0.0.1:7000,10.0.0.2:7000
//   redistore-example-complete --redis-url redis+sentinel://10.0.0.1:26379,10.0.0.2:26379/mymaster
//
//   curl -c jar -b jar http://127.0.0.1:8080/set      Session saved!
//   curl -c jar -b jar http://127.0.0.1:8080/get      User: john_doe
//   curl -c jar -b jar http://127.0.0.1:8080/delete   Session deleted!
//   curl -c jar -b jar http://127.0.0.1:8080/get      No user in session
//
// Go and Qt read each other's sessions: the cookie and the Redis key are the same.
#include "../examplesecrets.h"

#include <libredistore/http/httpsessions.h>
#include <libredistore/redis/redispool.h>
#include <libredistore/serializer/sessionserializer.h>
#include <libredistore/session/redisstore.h>

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QTextStream>
#include <QtHttpServer/QHttpServer>

using namespace RediStore;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("redistore-example-complete"));
    QTextStream out(stdout);
    QTextStream err(stderr);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("The Go redistore README's complete example: /set, /get and /delete "
                       "of a session kept in Redis."));
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
    bool portOk = false;
    const quint16 port = parser.value(portOption).toUShort(&portOk);
    if (!portOk) {
        err << "--port: '" << parser.value(portOption) << "' is not a port number" << Qt::endl;
        return 2;
    }

    // Go: redistore.NewStore(redistore.KeysFromStrings("secret-key-123"),
    //         redistore.WithAddress("tcp", "localhost:6379"), redistore.WithDB("1"),
    //         redistore.WithMaxLength(8192), redistore.WithKeyPrefix("webapp_"),
    //         redistore.WithDefaultMaxAge(3600))
    // In production, load 32 or 64 random bytes (and an AES key) from a secret store: here
    // --hash-key-file or REDISTORE_HASH_KEY, else the Go example's public key.
    const std::optional<KeyRing> keys
        = keyOptions.read(parser, KeyRing::keys({ QByteArray("secret-key-123") }));
    if (!keys)
        return 2;
    // Gob is Go's default serializer (ours is DataStream): a Go service with the same key reads
    // and writes these sessions.
    auto created = RedisStore::create(
        *keys,
        { withUrl(*url), withMaxLength(8192), withKeyPrefix(QStringLiteral("webapp_")),
          withDefaultMaxAge(3600), // 1 hour
          withSerializer(SessionSerializer::byName(QStringLiteral("gob"))) });
    if (!created.ok()) {
        err << created.error().message() << Qt::endl;
        return 2;
    }
    std::unique_ptr<RedisStore> store = std::move(created).value();
    const QString redisUrl = store->pool()->config().toDisplayUrl();
    // The store checks that Redis answers without blocking; meanwhile the server starts.
    QObject::connect(store.get(), &RedisStore::reachabilityChecked,
                     [&err, redisUrl](const SessionError &error) {
                         if (error.isError()) {
                             err << "warning: " << redisUrl << ": " << error.message()
                                 << "\n  (pages that need a session answer 503 until Redis "
                                    "answers)"
                                 << Qt::endl;
                         }
                     });

    HttpSessions sessions(store.get());
    QHttpServer server;

    sessions.route(&server, QStringLiteral("/set"), [](HttpExchange *exchange) {
        exchange->session("my-session", [exchange](Session session) {
            session.setValue(QStringLiteral("user"), QStringLiteral("john_doe"));
            session.setValue(QStringLiteral("authenticated"), true);
            exchange->saveAndRespond("Session saved!");
        });
    });

    sessions.route(&server, QStringLiteral("/get"), [](HttpExchange *exchange) {
        exchange->session("my-session", [exchange](Session session) {
            const QVariant user = session.value(QStringLiteral("user"));
            if (user.isValid())
                exchange->respond("User: " + user.toString().toUtf8());
            else
                exchange->respond("No user in session");
        });
    });

    sessions.route(&server, QStringLiteral("/delete"), [](HttpExchange *exchange) {
        exchange->session("my-session", [exchange](Session session) {
            session.setMaxAge(-1); // deletes the data in Redis and expires the cookie
            exchange->saveAndRespond("Session deleted!");
        });
    });

    // Only this computer can connect; listen on QHostAddress::Any to serve others.
    const quint16 listening = HttpSessions::listen(&server, QHostAddress::LocalHost, port);
    if (listening == 0) {
        err << "cannot listen on 127.0.0.1:" << port << " (is the port in use?)" << Qt::endl;
        return 1;
    }
    out << "Server started on http://127.0.0.1:" << listening << "/ with sessions in " << redisUrl
        << Qt::endl;
    return app.exec();
}
