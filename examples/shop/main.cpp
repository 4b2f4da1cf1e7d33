// A small shop: log in, fill a cart from several tabs at once without losing an item, see your
// sessions, and log out everywhere.
//
//   redistore-example-shop [--port 8080] [--redis-url redis://127.0.0.1:6379/0]
//
//   curl -c jar -b jar 'http://127.0.0.1:8080/login?user=alice'   Logged in as alice
//   curl -c jar -b jar http://127.0.0.1:8080/me                   alice
//   curl -c jar -b jar 'http://127.0.0.1:8080/cart/add?item=tea'  1 items
//   curl -c jar -b jar http://127.0.0.1:8080/cart                 tea
//   curl -c jar -b jar http://127.0.0.1:8080/sessions             1 sessions, then the IDs
//   curl -c jar -b jar http://127.0.0.1:8080/logout-everywhere    Ended 1 sessions
//   curl -c jar -b jar http://127.0.0.1:8080/logout               Logged out
//
// Sixteen /cart/add at once keep sixteen items: each is an update(), which runs again on the
// fresh cart when another request changed it first. The per-user index (withUserIndex) lists a
// user's sessions and ends them all; a guest's session (a cart, no user) lives a day
// (withAnonymousMaxAge), and a visit that puts nothing in its session leaves nothing in Redis.
#include "../examplesecrets.h"
#include <libredistore/async.h>

#include <libredistore/http/httpsessions.h>
#include <libredistore/redis/redispool.h>
#include <libredistore/session/redisstore.h>

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QTextStream>
#include <QtHttpServer/QHttpServer>

using namespace RediStore;

namespace {

const QString userKey = QStringLiteral("user");
const QString cartKey = QStringLiteral("cart");
using Status = HttpExchange::StatusCode;

void notLoggedIn(HttpExchange *exchange)
{
    exchange->respond("Not logged in", HttpExchange::textPlain, Status::Unauthorized);
}

void addRoutes(HttpSessions &sessions, QHttpServer &server, RedisStore *store)
{
    // The route form hands the handler its session and saves it, when changed, before answering.
    sessions.route(&server, QStringLiteral("/login"), [](HttpExchange *exchange, Session &session) {
        const QString user = exchange->query().queryItemValue(userKey, QUrl::FullyDecoded);
        if (user.isEmpty()) {
            exchange->respond("Give a user: /login?user=NAME", HttpExchange::textPlain,
                              Status::BadRequest);
            return;
        }
        session.setValue(userKey, user);
        session.regenerateId(); // a new ID at login: no session fixation
        exchange->respond("Logged in as " + user.toUtf8());
    });

    sessions.route(&server, QStringLiteral("/me"), [](HttpExchange *exchange, Session &session) {
        const QString user = session.value(userKey).toString();
        if (user.isEmpty())
            notLoggedIn(exchange);
        else
            exchange->respond(user.toUtf8());
    });

    // A read-modify-write of the cart: update() runs the change again if another request
    // changed the session first, so concurrent adds all stay.
    sessions.route(&server, QStringLiteral("/cart/add"), [](HttpExchange *exchange) {
        const QString item
            = exchange->query().queryItemValue(QStringLiteral("item"), QUrl::FullyDecoded);
        if (item.isEmpty()) {
            exchange->respond("Give an item: /cart/add?item=X", HttpExchange::textPlain,
                              Status::BadRequest);
            return;
        }
        exchange->update(
            exchange->sessions()->sessionName(),
            [item](Session &session) {
                QVariantList cart = session.value(cartKey).toList();
                cart.append(item);
                session.setValue(cartKey, cart);
            },
            [exchange](Session session) {
                const qsizetype count = session.value(cartKey).toList().size();
                exchange->respond(QByteArray::number(count) + " items");
            });
    });

    sessions.route(&server, QStringLiteral("/cart"), [](HttpExchange *exchange, Session &session) {
        QStringList items;
        for (const QVariant &item : session.value(cartKey).toList())
            items.append(item.toString());
        exchange->respond(items.join(QLatin1Char(',')).toUtf8());
    });

    sessions.route(&server, QStringLiteral("/logout"), [](HttpExchange *exchange) {
        exchange->destroy(exchange->sessions()->sessionName(),
                          [exchange]() { exchange->respond("Logged out"); });
    });

    sessions.route(
        &server, QStringLiteral("/logout-everywhere"),
        [store](HttpExchange *exchange, Session &session) {
            const QString user = session.value(userKey).toString();
            if (user.isEmpty()) {
                notLoggedIn(exchange);
                return;
            }
            whenFinished(
                store->revokeUser(user), exchange, [exchange](const UserRevocation &revoked) {
                    if (!revoked.ok()) {
                        exchange->fail(revoked.error);
                        return;
                    }
                    // This browser's cookie goes too.
                    exchange->destroy(
                        exchange->sessions()->sessionName(), [exchange, ended = revoked.ended]() {
                            exchange->respond("Ended " + QByteArray::number(ended) + " sessions");
                        });
                });
        });

    sessions.route(
        &server, QStringLiteral("/sessions"), [store](HttpExchange *exchange, Session &session) {
            const QString user = session.value(userKey).toString();
            if (user.isEmpty()) {
                notLoggedIn(exchange);
                return;
            }
            whenFinished(
                store->sessionsOfUser(user), exchange, [exchange](const UserSessions &found) {
                    if (!found.ok()) {
                        exchange->fail(found.error);
                        return;
                    }
                    QStringList lines { QStringLiteral("%1 sessions").arg(found.sessions.size()) };
                    lines += found.ids();
                    exchange->respond(lines.join(QLatin1Char('\n')).toUtf8());
                });
        });
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("redistore-example-shop"));
    QTextStream out(stdout);
    QTextStream err(stderr);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("A shop with a cart that loses no item to concurrent requests, and "
                       "\"log out everywhere\". The hash key comes from --hash-key-file or "
                       "REDISTORE_HASH_KEY (hex:..., base64:... or text, at least 32 bytes)."));
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

    const std::optional<KeyRing> keys = keyOptions.read(
        parser, KeyRing::keys({ QByteArray("redistore-shop-example-key-is-public-0123456789") }));
    if (!keys)
        return 2;
    // A guest's cart lives a day; a logged-in user's session the full 30 days.
    auto created = RedisStore::create(
        *keys, { withUrl(*url), withUserIndex(userKey), withAnonymousMaxAge(24 * 3600) });
    if (!created.ok()) {
        err << created.error().message() << Qt::endl;
        return 2;
    }
    std::unique_ptr<RedisStore> store = std::move(created).value();

    HttpSessions sessions(store.get());
    sessions.setSessionName("shop");
    QHttpServer server;
    addRoutes(sessions, server, store.get());

    const quint16 listening = HttpSessions::listen(&server, QHostAddress::LocalHost, port);
    if (listening == 0) {
        err << "cannot listen on 127.0.0.1:" << port << " (is the port in use?)" << Qt::endl;
        return 1;
    }
    out << "Server started on http://127.0.0.1:" << listening << "/ with sessions in "
        << store->pool()->config().toDisplayUrl() << Qt::endl;
    return app.exec();
}
