#include "sessionfiller.h"

#include <libredistore/serializer/sessionserializer.h>

#include <libredistore/utcdatetime_p.h>

#include <QtCore/QDateTime>

namespace RediStore::Test {

namespace {
const char *const firstNames[]
    = { "alice",  "bob",   "carol", "dave",    "erin",   "frank",  "grace",
        "heidi",  "ivan",  "judy",  "mallory", "niaj",   "olivia", "peggy",
        "rupert", "sybil", "trent", "victor",  "walter", "zoe" };
const char *const roles[] = { "admin", "editor", "viewer", "billing", "support" };
const char *const pages[]
    = { "/", "/cart", "/checkout", "/account", "/orders", "/help", "/search" };
} // namespace

SessionFiller::SessionFiller(Options options)
    : m_options(std::move(options))
    , m_random(m_options.seed)
{ }

QString SessionFiller::randomId(QRandomGenerator &random)
{
    // base32 of 32 random bytes without padding, as Go's redistore makes them.
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    QByteArray bytes(32, Qt::Uninitialized);
    for (char &c : bytes)
        c = char(random.bounded(256));
    QString id;
    quint32 buffer = 0;
    int bits = 0;
    for (const char c : std::as_const(bytes)) {
        buffer = (buffer << 8) | quint8(c);
        bits += 8;
        while (bits >= 5) {
            id += QLatin1Char(alphabet[(buffer >> (bits - 5)) & 31]);
            bits -= 5;
        }
    }
    if (bits > 0)
        id += QLatin1Char(alphabet[(buffer << (5 - bits)) & 31]);
    return id;
}

QVariantMap SessionFiller::values(QRandomGenerator &random, int index, bool forGo)
{
    const QString name = QString::fromLatin1(firstNames[random.bounded(20)]);
    QVariantMap values;
    values.insert(QStringLiteral("user_id"), qint64(1000 + index));
    values.insert(QStringLiteral("name"), name);
    values.insert(QStringLiteral("email"),
                  QString(name + QString::number(index) + QStringLiteral("@example.com")));
    values.insert(QStringLiteral("authenticated"), random.bounded(10) != 0);
    QVariantList userRoles;
    for (int i = 0, n = 1 + int(random.bounded(2)); i < n; ++i)
        userRoles << QString::fromLatin1(roles[random.bounded(5)]);
    values.insert(QStringLiteral("roles"), userRoles);
    values.insert(QStringLiteral("last_page"), QString::fromLatin1(pages[random.bounded(7)]));
    if (random.bounded(3) == 0) {
        QVariantMap cart;
        cart.insert(QStringLiteral("items"), qint64(random.bounded(5) + 1));
        cart.insert(QStringLiteral("total"), double(random.bounded(20000)) / 100.0);
        values.insert(QStringLiteral("cart"), cart);
    }
    QByteArray csrf(16, Qt::Uninitialized);
    for (char &c : csrf)
        c = char(random.bounded(256));
    values.insert(QStringLiteral("csrf"), csrf);
    const QDateTime login = RediStore::utcDateTime(1764200000 - random.bounded(86400 * 7));
    if (forGo)
        values.insert(QStringLiteral("login_at"), login.toString(Qt::ISODate));
    else
        values.insert(QStringLiteral("login_at"), login);
    return values;
}

QByteArray SessionFiller::command(const QByteArrayList &args)
{
    QByteArray out = '*' + QByteArray::number(args.size()) + "\r\n";
    for (const QByteArray &arg : args)
        out += '$' + QByteArray::number(arg.size()) + "\r\n" + arg + "\r\n";
    return out;
}

QByteArray SessionFiller::next(QString *id)
{
    const int index = m_index++;
    QString serializer = m_options.serializer;
    if (serializer == QLatin1String("mixed")) {
        static const QString names[]
            = { QStringLiteral("datastream"), QStringLiteral("gob"), QStringLiteral("json") };
        serializer = names[index % 3];
    }
    const QString sessionId = randomId(m_random);
    if (id)
        *id = sessionId;
    QByteArray value;
    if (m_options.corruptPercent > 0 && int(m_random.bounded(100)) < m_options.corruptPercent) {
        value = QByteArrayLiteral("\x00\x13not a session \xff\xfe") + QByteArray::number(index);
    } else {
        const auto codec = SessionSerializer::byName(serializer);
        auto bytes
            = codec->serialize(values(m_random, index, serializer != QLatin1String("datastream")));
        value = bytes.ok() ? bytes.value() : QByteArray("?");
    }
    const QByteArray key = m_options.prefix.toUtf8() + sessionId.toUtf8();
    if (int(m_random.bounded(100)) < m_options.persistentPercent)
        return command({ "SET", key, value });
    const int ttl
        = m_options.minTtl + int(m_random.bounded(qMax(1, m_options.maxTtl - m_options.minTtl)));
    return command({ "SET", key, value, "EX", QByteArray::number(ttl) });
}

QByteArray SessionFiller::batch(int count)
{
    QByteArray out;
    for (int i = 0; i < count; ++i)
        out += next();
    return out;
}

} // namespace RediStore::Test
