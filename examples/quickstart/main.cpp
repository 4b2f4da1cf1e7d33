// The Go redistore README's quick start, in Qt: every request to / stores foo=bar in the
// session called "session-key".
//
//   redistore-example-quickstart [--port 8080] [--redis-address :6379] [--hash-key-file FILE]
//   curl -i http://127.0.0.1:8080/          (look at the Set-Cookie header)
#include "../examplesecrets.h"

#include <libredistore/http/httpsessions.h>
#include <libredistore/session/redisstore.h>

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QTextStream>
#include <QtHttpServer/QHttpServer>

using namespace RediStore;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The Go redistore README's quick start."));
    parser.addHelpOption();
    const QCommandLineOption portOption(
        QStringLiteral("port"),
        QStringLiteral("Port to listen on, 0 for any free one (default 8080)."),
        QStringLiteral("N"), QStringLiteral("8080"));
    const QCommandLineOption addressOption(QStringLiteral("redis-address"),
                                           QStringLiteral("Redis host:port (default \":6379\", "
                                                          "which is 127.0.0.1:6379)."),
                                           QStringLiteral("ADDRESS"), QStringLiteral(":6379"));
    parser.addOptions({ portOption, addressOption });
    const ExampleSecrets::CookieKeys keyOptions(&parser);
    parser.process(app);

    // The key from --hash-key-file or REDISTORE_HASH_KEY, else the Go example's public one.
    const std::optional<KeyRing> keys
        = keyOptions.read(parser, KeyRing::keys({ QByteArray("secret-key") }));
    if (!keys)
        return 2;
    // Create a new store with options.
    auto store = RedisStore::create(
        *keys, { withAddress(QStringLiteral("tcp"), parser.value(addressOption)) });
    if (!store.ok()) {
        QTextStream(stderr) << store.error().message() << Qt::endl;
        return 2;
    }

    HttpSessions sessions(store.value().get());
    QHttpServer server;
    sessions.route(&server, QStringLiteral("/"), [](HttpExchange *exchange) {
        // Get a session. A bad cookie gives a new session (and a line in the log); if Redis
        // fails, the exchange answers 503 and this callback does not run.
        exchange->session("session-key", [exchange](Session session) {
            // Set a value.
            session.setValue(QStringLiteral("foo"), QStringLiteral("bar"));
            // Save the session, then answer with its cookie.
            exchange->saveAndRespond("foo=bar is in your session\n");
        });
    });

    const quint16 port = HttpSessions::listen(&server, QHostAddress::LocalHost,
                                              parser.value(portOption).toUShort());
    if (port == 0) {
        QTextStream(stderr) << "cannot listen on port " << parser.value(portOption) << Qt::endl;
        return 1;
    }
    QTextStream(stdout) << "Listening on http://127.0.0.1:" << port << "/" << Qt::endl;
    return app.exec();
}
