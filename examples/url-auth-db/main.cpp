// Where the sessions live, as the Go README's "With Authentication", "Specific Database" and
// "Using Redis URL": a URL, or an address with a user, a password and a database. A URL and
// explicit settings merge; where they disagree, create() fails with an error naming the option
// (Go's library silently drops them).
//
//   redistore-example-url-auth-db --redis-url redis://alice:secret@127.0.0.1:6379/5
//   redistore-example-url-auth-db --redis-address 127.0.0.1:6379 --user alice --db 5
//                                 (password from REDIS_PASSWORD or --password-file FILE)
//   REDISTORE_URL=redis://alice:secret@127.0.0.1:6379/5 redistore-example-url-auth-db
//                                 (or --redis-url-file FILE: the password stays out of `ps`)
//   curl -c jar -b jar http://127.0.0.1:8080/     Visit 1, kept in database 5 as user alice
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
    parser.setApplicationDescription(QStringLiteral(
        "Sessions in a chosen Redis database, with a user and password. Give --redis-url "
        "(or --redis-url-file, or REDISTORE_URL) or --redis-address; the password may come "
        "from --password-file or REDIS_PASSWORD."));
    parser.addHelpOption();
    const QCommandLineOption portOption(
        QStringLiteral("port"),
        QStringLiteral("Port to listen on, 0 for any free one (default 8080)."),
        QStringLiteral("N"), QStringLiteral("8080"));
    const QCommandLineOption addressOption(QStringLiteral("redis-address"),
                                           QStringLiteral("host:port of Redis."),
                                           QStringLiteral("ADDRESS"));
    const QCommandLineOption userOption(QStringLiteral("user"), QStringLiteral("ACL user."),
                                        QStringLiteral("USER"));
    const QCommandLineOption passwordOption(
        QStringLiteral("password"),
        QStringLiteral("Password (prefer --password-file or REDIS_PASSWORD: the command line is "
                       "public)."),
        QStringLiteral("PASSWORD"));
    const SecretInput passwordInput(QStringLiteral("password"), QStringLiteral("REDIS_PASSWORD"));
    const QCommandLineOption passwordFileOption = passwordInput.fileOption(
        QStringLiteral("Read the password from FILE (\"-\": standard input)."));
    const QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("Database number."),
                                      QStringLiteral("N"));
    parser.addOptions(
        { portOption, addressOption, userOption, passwordOption, passwordFileOption, dbOption });
    const ExampleSecrets::RedisUrl urlOptions(&parser, QString());
    const ExampleSecrets::CookieKeys keyOptions(&parser);
    parser.process(app);
    const std::optional<QString> url = urlOptions.read(parser);
    const auto password = passwordInput.read(parser, passwordFileOption, &passwordOption);
    if (!password.ok())
        err << password.error().message() << Qt::endl;
    if (!url || !password.ok())
        return 2;

    // One connection option, then the settings that go with it, as Go's options. REDISTORE_URL
    // gives way to an explicit --redis-address.
    QList<RedisStoreOption> options;
    const bool urlOnCommandLine = parser.isSet(QStringLiteral("redis-url"))
        || parser.isSet(QStringLiteral("redis-url-file"));
    if (!url->isEmpty() && (urlOnCommandLine || !parser.isSet(addressOption)))
        options << withUrl(*url);
    if (parser.isSet(addressOption))
        options << withAddress(QStringLiteral("tcp"), parser.value(addressOption));
    if (parser.isSet(userOption))
        options << withAuth(parser.value(userOption), password.value().text); // Redis 6 ACL user
    else if (password.value().isSet())
        options << withPassword(password.value().text); // the default user
    if (parser.isSet(dbOption))
        options << withDb(parser.value(dbOption)); // "5", as Go's WithDB

    // Errors are found here, before serving: no connection option, two of them, a URL whose
    // database or user disagrees with --db or --user, a database that is not a number.
    const std::optional<KeyRing> keys
        = keyOptions.read(parser, KeyRing::keys({ QByteArray("secret-key") }));
    if (!keys)
        return 2;
    auto store = RedisStore::create(*keys, options);
    if (!store.ok()) {
        err << store.error().message() << Qt::endl;
        return 2;
    }
    const RedisConfig redis = store.value()->pool()->config();
    const QString where
        = QStringLiteral("database %1 as %2")
              .arg(redis.database())
              .arg(redis.username().isEmpty() ? QStringLiteral("the default user")
                                              : QStringLiteral("user ") + redis.username());

    HttpSessions sessions(store.value().get());
    QHttpServer server;
    sessions.route(&server, QStringLiteral("/"), [where](HttpExchange *exchange) {
        exchange->session("session-key", [exchange, where](Session session) {
            const int visits = session.value(QStringLiteral("visits")).toInt() + 1;
            session.setValue(QStringLiteral("visits"), visits);
            exchange->saveAndRespond(
                QStringLiteral("Visit %1, kept in %2\n").arg(visits).arg(where).toUtf8());
        });
    });

    const quint16 port = HttpSessions::listen(&server, QHostAddress::LocalHost,
                                              parser.value(portOption).toUShort());
    if (port == 0) {
        err << "cannot listen on port " << parser.value(portOption) << Qt::endl;
        return 1;
    }
    // toDisplayUrl() hides the password.
    out << "Listening on http://127.0.0.1:" << port << "/ with sessions in " << redis.toDisplayUrl()
        << " (" << where << ")" << Qt::endl;
    return app.exec();
}
