// Where the sessions live, as the Go README's "With Authentication", "Specific Database" and
// "Using Redis URL": a URL, or an address with a user, a password and a database. A URL and
// explicit settings merge; where they disagree, create() fails with an error naming the option
// (Go's library silently drops them).
//
//   redistore-example-url-auth-db --redis-url redis://alice:secret@127.0.0.1:6379/5
//   redistore-example-url-auth-db --redis-address 127.0.0.1:6379 --user alice --db 5
//                                 (password from REDIS_PASSWORD)
//   curl -c jar -b jar http://127.0.0.1:8080/     Visit 1, kept in database 5 as user alice
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
        "or --redis-address; the password may come from REDIS_PASSWORD."));
    parser.addHelpOption();
    const QCommandLineOption portOption(
        QStringLiteral("port"),
        QStringLiteral("Port to listen on, 0 for any free one (default 8080)."),
        QStringLiteral("N"), QStringLiteral("8080"));
    const QCommandLineOption urlOption(
        QStringLiteral("redis-url"),
        QStringLiteral("redis://[user[:password]@]host[:port][/db], rediss://... (TLS: "
                       "?tls_ca=FILE&tls_cert=FILE&tls_key=FILE) or unix://path"),
        QStringLiteral("URL"));
    const QCommandLineOption addressOption(QStringLiteral("redis-address"),
                                           QStringLiteral("host:port of Redis."),
                                           QStringLiteral("ADDRESS"));
    const QCommandLineOption userOption(QStringLiteral("user"), QStringLiteral("ACL user."),
                                        QStringLiteral("USER"));
    const QCommandLineOption passwordOption(
        QStringLiteral("password"),
        QStringLiteral("Password (prefer REDIS_PASSWORD: the command line is public)."),
        QStringLiteral("PASSWORD"));
    const QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("Database number."),
                                      QStringLiteral("N"));
    parser.addOptions(
        { portOption, urlOption, addressOption, userOption, passwordOption, dbOption });
    parser.process(app);

    // One connection option, then the settings that go with it, as Go's options.
    QList<RedisStoreOption> options;
    if (parser.isSet(urlOption))
        options << withUrl(parser.value(urlOption));
    if (parser.isSet(addressOption))
        options << withAddress(QStringLiteral("tcp"), parser.value(addressOption));
    const QString password = parser.isSet(passwordOption) ? parser.value(passwordOption)
                                                          : qEnvironmentVariable("REDIS_PASSWORD");
    if (parser.isSet(userOption))
        options << withAuth(parser.value(userOption), password); // Redis 6 ACL user
    else if (!password.isEmpty())
        options << withPassword(password); // the default user
    if (parser.isSet(dbOption))
        options << withDb(parser.value(dbOption)); // "5", as Go's WithDB

    // Errors are found here, before serving: no connection option, two of them, a URL whose
    // database or user disagrees with --db or --user, a database that is not a number.
    auto store = RedisStore::create(KeyRing::keys({ QByteArray("secret-key") }), options);
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
