// The smallest use of RedisClient: connect, write, read back, print what happened.
//   redistore-example-client [redis://127.0.0.1:6379/0]
//   redistore-example-client --url-file FILE      (or REDISTORE_URL: a password stays out of `ps`)
#include <libredistore/config/secretinput.h>
#include <libredistore/redis/redisclient.h>

#include <QtCore/QCoreApplication>
#include <QtCore/QTextStream>

using namespace RediStore;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // The URL as an argument, else from --url-file FILE ("-": standard input), else from
    // REDISTORE_URL, else the local Redis.
    const QStringList arguments = app.arguments().mid(1);
    if (arguments.value(0) == QLatin1String("--help")) {
        QTextStream(stdout)
            << "Usage: redistore-example-client [URL | --url-file FILE]\n"
               "Writes a key to Redis and reads it back. The URL (redis://[user:password@]host"
               "[:port][/db], rediss://, unix://, or the master that sentinels name: "
               "redis+sentinel://host:port[,host:port...]/MASTER) comes from the argument, else "
               "from --url-file FILE (\"-\": standard input), else from REDISTORE_URL, else "
               "redis://127.0.0.1:6379/0; the file and environment forms keep a password out of "
               "the process list. One RedisClient is one connection to one server: a Redis "
               "Cluster (redis+cluster://) needs RedisPool, which sends each key to its master "
               "(see the custom-pool example).\n";
        return 0;
    }
    const bool fromFile = arguments.value(0) == QLatin1String("--url-file");
    const auto url
        = SecretInput(QStringLiteral("url"), QStringLiteral("REDISTORE_URL"))
              .read(fromFile || arguments.isEmpty() ? std::nullopt
                                                    : std::optional<QString>(arguments.first()),
                    fromFile ? std::optional<QString>(arguments.value(1)) : std::nullopt);
    if (!url.ok()) {
        QTextStream(stderr) << url.error().message() << Qt::endl;
        return 2;
    }
    const auto config = RedisConfig::fromUrl(
        url.value().isSet() ? url.value().text : QStringLiteral("redis://127.0.0.1:6379/0"));
    QTextStream out(stdout);
    if (!config.ok()) {
        QTextStream(stderr) << config.error().message() << Qt::endl;
        return 2;
    }

    if (config.value().topology() == RedisConfig::Topology::Cluster) {
        QTextStream(stderr) << "a RedisClient is one connection to one server; a Redis Cluster "
                               "needs RedisPool (see the custom-pool example)"
                            << Qt::endl;
        return 2;
    }
    RedisClient client(config.value());
    out << "connecting to " << config.value().toDisplayUrl() << Qt::endl;

    // Three commands in flight at once; the replies come back in order.
    const QByteArray key = "redistore:example:greeting";
    client.execute({ "SET", key, "hello from Qt", "EX", "60" });
    client.execute({ "INCR", "redistore:example:runs" }, &app, [&out](const RedisReply &reply) {
        if (!reply.isError())
            out << "INCR redistore:example:runs -> " << reply.toInteger() << Qt::endl;
    });
    client.execute({ "GET", key }, &app, [&](const RedisReply &reply) {
        if (reply.isError()) {
            QTextStream(stderr) << "failed: " << reply.error().message() << Qt::endl;
            app.exit(1);
            return;
        }
        out << "SET " << key << " \"hello from Qt\" EX 60 -> OK" << Qt::endl;
        out << "GET " << key << " -> \"" << reply.data() << '"' << Qt::endl;
        app.exit(0);
    });
    return app.exec();
}
