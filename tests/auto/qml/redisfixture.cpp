#include "redisfixture.h"

#include <libredistore/serializer/sessionserializer.h>

namespace RediStore::Test {

namespace {

QVariant toScript(const QVariant &reply)
{
    if (reply.typeId() == QMetaType::QByteArray)
        return QString::fromUtf8(reply.toByteArray());
    if (reply.typeId() == QMetaType::QVariantList) {
        QVariantList list = reply.toList();
        for (QVariant &element : list)
            element = toScript(element);
        return list;
    }
    return reply;
}

} // namespace

RedisFixture::RedisFixture(QObject *parent)
    : QObject(parent)
{ }

RedisFixture::~RedisFixture() = default;

bool RedisFixture::start()
{
    m_refusedPort = RedisServer::freePort();
    return m_server.start();
}

QString RedisFixture::refusedUrl() const
{
    return QStringLiteral("redis://127.0.0.1:%1/0").arg(m_refusedPort);
}

QVariant RedisFixture::command(const QStringList &args) const
{
    QByteArrayList bytes;
    for (const QString &arg : args)
        bytes.append(arg.toUtf8());
    return toScript(m_server.command(bytes));
}

bool RedisFixture::putSession(const QString &id, const QVariantMap &values,
                              const QString &serializer, int ttl, const QString &prefix) const
{
    const auto codec = SessionSerializer::byName(serializer);
    if (!codec) {
        qWarning("putSession: no serializer %s", qPrintable(serializer));
        return false;
    }
    const auto bytes = codec->serialize(values);
    if (!bytes.ok()) {
        qWarning("putSession: %s", qPrintable(bytes.error().message()));
        return false;
    }
    QByteArrayList args { "SET", (prefix + id).toUtf8(), bytes.value() };
    if (ttl > 0)
        args << "EX" << QByteArray::number(ttl);
    return m_server.command(args).toByteArray() == "OK";
}

bool RedisFixture::putHex(const QString &key, const QString &hex, int ttl) const
{
    QByteArrayList args { "SET", key.toUtf8(), QByteArray::fromHex(hex.toLatin1()) };
    if (ttl > 0)
        args << "EX" << QByteArray::number(ttl);
    return m_server.command(args).toByteArray() == "OK";
}

QVariant RedisFixture::readSession(const QString &id, const QString &serializer,
                                   const QString &prefix) const
{
    const QVariant raw = m_server.command({ "GET", (prefix + id).toUtf8() });
    const auto codec = SessionSerializer::byName(serializer);
    if (!raw.isValid() || !codec)
        return QVariant::fromValue(nullptr);
    const auto values = codec->deserialize(raw.toByteArray());
    if (!values.ok())
        return QVariant::fromValue(nullptr);
    return values.value();
}

int RedisFixture::ttl(const QString &key) const
{
    return m_server.command({ "TTL", key.toUtf8() }).toInt();
}

bool RedisFixture::exists(const QString &key) const
{
    return m_server.command({ "EXISTS", key.toUtf8() }).toInt() == 1;
}

void RedisFixture::flush() const
{
    m_server.command({ "FLUSHALL" });
}

void RedisFixture::setNotifications(const QString &flags) const
{
    m_server.command({ "CONFIG", "SET", "notify-keyspace-events", flags.toUtf8() });
}

void RedisFixture::kill()
{
    m_server.kill();
}

bool RedisFixture::restart()
{
    return m_server.restart();
}

} // namespace RediStore::Test
