// Key rotation, as in the Go redistore README: new cookies are signed and encrypted with the
// first key pair; cookies made with a later pair are still read, and re-signed with the first
// pair on their next save. So keys change without logging anyone out:
//
//   1. today:        SESSION_KEYS="old-hash old-block"
//   2. rotate:       SESSION_KEYS="new-hash new-block old-hash old-block"
//   3. a while later (sessions have been re-saved): SESSION_KEYS="new-hash new-block"
//
//   SESSION_KEYS="..." redistore-example-key-rotation [--port 8080]
//                                                   [--redis-url redis://127.0.0.1:6379/0]
//   redistore-example-key-rotation --session-keys-file FILE     (the same text from FILE)
//   curl -c jar -b jar http://127.0.0.1:8080/       Visit 1 ... Visit 2 ... (restart, rotate) Visit
//   3
//
// Each key is written as KeyRing::keysFromStrings reads it: "hex:...", "base64:..." or plain
// text. A hash key is 32 or 64 random bytes; a block key 16, 24 or 32 (AES-128/192/256).
// Keys come from the environment or a file, not the command line, which other users can read.
// Without SESSION_KEYS, --hash-key-file/--block-key-file or REDISTORE_HASH_KEY/_BLOCK_KEY give
// one pair (see examplesecrets.h); without those, demonstration keys that are public.
#include "../examplesecrets.h"

#include <libredistore/http/httpsessions.h>
#include <libredistore/session/redisstore.h>

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QRegularExpression>
#include <QtCore/QTextStream>
#include <QtHttpServer/QHttpServer>

using namespace RediStore;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QTextStream err(stderr);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Sessions whose keys rotate: set SESSION_KEYS to the key pairs, newest first."));
    parser.addHelpOption();
    const QCommandLineOption portOption(
        QStringLiteral("port"),
        QStringLiteral("Port to listen on, 0 for any free one (default 8080)."),
        QStringLiteral("N"), QStringLiteral("8080"));
    parser.addOption(portOption);
    const ExampleSecrets::RedisUrl urlOptions(&parser, QStringLiteral("redis://127.0.0.1:6379/0"));
    const ExampleSecrets::CookieKeys keyOptions(&parser);
    const SecretInput ringInput(QStringLiteral("session-keys"), QStringLiteral("SESSION_KEYS"));
    const QCommandLineOption ringFileOption = ringInput.fileOption(
        QStringLiteral("The key pairs, newest first, as SESSION_KEYS gives them, from FILE "
                       "(\"-\": standard input)."));
    parser.addOption(ringFileOption);
    parser.process(app);
    const std::optional<QString> url = urlOptions.read(parser);
    if (!url)
        return 2;

    const auto ring = ringInput.read(parser, ringFileOption);
    if (!ring.ok()) {
        err << ring.error().message() << Qt::endl;
        return 2;
    }
    KeyRing keys;
    // A key file on the command line beats the SESSION_KEYS environment variable.
    const bool keyFileGiven = parser.isSet(QStringLiteral("hash-key-file"));
    const bool ringFromEnvironment = ring.value().source == SecretInput::Source::Environment;
    const QStringList keyStrings
        = (ringFromEnvironment && keyFileGiven ? QString() : ring.value().text)
              .split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    if (!keyStrings.isEmpty()) {
        const auto fromRing = KeyRing::keysFromStrings(keyStrings);
        if (!fromRing.ok()) {
            err << ring.value().origin << ": " << fromRing.error().message() << Qt::endl;
            return 2;
        }
        keys = fromRing.value();
    } else {
        const std::optional<KeyRing> pair
            = keyOptions.read(parser,
                              KeyRing::keys({ QByteArray("demo-hash-key-0123456789abcdef"),
                                              QByteArray("demo-block-key-0123456789abcdef0") }));
        if (!pair)
            return 2;
        keys = *pair;
    }

    // create() validates the keys too: a block key of the wrong size is an error naming the
    // pair, not a silent failure at the first request.
    auto store = RedisStore::create(keys, { withUrl(*url) });
    if (!store.ok()) {
        err << store.error().message() << Qt::endl;
        return 2;
    }
    const qsizetype pairs = keys.size();

    HttpSessions sessions(store.value().get());
    QHttpServer server;
    sessions.route(&server, QStringLiteral("/"), [pairs](HttpExchange *exchange) {
        // A cookie made with a pair that is no longer in SESSION_KEYS gives a new session.
        exchange->session("session-key", [exchange, pairs](Session session) {
            const int visits = session.value(QStringLiteral("visits")).toInt() + 1;
            session.setValue(QStringLiteral("visits"), visits);
            // Saving writes the cookie again, signed with the first pair.
            exchange->saveAndRespond(
                QStringLiteral("Visit %1 (cookie signed with key pair 1 of %2)\n")
                    .arg(visits)
                    .arg(pairs)
                    .toUtf8());
        });
    });

    const quint16 port = HttpSessions::listen(&server, QHostAddress::LocalHost,
                                              parser.value(portOption).toUShort());
    if (port == 0) {
        err << "cannot listen on port " << parser.value(portOption) << Qt::endl;
        return 1;
    }
    out << "Listening on http://127.0.0.1:" << port << "/ with " << pairs
        << " key pair(s); new cookies use pair 1" << Qt::endl;
    return app.exec();
}
