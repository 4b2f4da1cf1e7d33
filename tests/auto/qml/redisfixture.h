#ifndef REDISTORE_TEST_REDISFIXTURE_H
#define REDISTORE_TEST_REDISFIXTURE_H

#include "redisserver.h"

#include <QtCore/QObject>
#include <QtCore/QVariantMap>

namespace RediStore::Test {

// A private redis-server and the setup calls the QML tests need, exposed to QML as the
// context property "redis". Sessions are written with the library's serializers (or raw
// bytes, such as Go's), so the module reads them the way it reads real ones.
class RedisFixture : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool running READ isRunning CONSTANT)
    Q_PROPERTY(QString errorString READ errorString CONSTANT)
    Q_PROPERTY(QString url READ url CONSTANT)
    // A loopback port where nothing listens.
    Q_PROPERTY(QString refusedUrl READ refusedUrl CONSTANT)

public:
    explicit RedisFixture(QObject *parent = nullptr);
    ~RedisFixture() override;

    bool start();
    bool isRunning() const { return m_server.isRunning(); }
    QString errorString() const { return m_server.errorString(); }
    QString url() const { return m_server.url(0); }
    QString refusedUrl() const;
    RedisServer &server() { return m_server; }

    Q_INVOKABLE QString urlFor(int db) const { return m_server.url(db); }
    // A command's reply: strings as text, integers, arrays as lists, nil as null.
    Q_INVOKABLE QVariant command(const QStringList &args) const;
    // Stores values under prefix + id with the named serializer ("datastream", "gob",
    // "json"); ttl <= 0 stores without expiry.
    Q_INVOKABLE bool putSession(const QString &id, const QVariantMap &values,
                                const QString &serializer = QStringLiteral("datastream"),
                                int ttl = 600,
                                const QString &prefix = QStringLiteral("session_")) const;
    // Stores raw bytes given in hexadecimal (the Go vectors' redis_value_hex).
    Q_INVOKABLE bool putHex(const QString &key, const QString &hex, int ttl = 600) const;
    // The values stored under prefix + id, read with the named serializer; null if absent or
    // not in that format.
    Q_INVOKABLE QVariant readSession(const QString &id,
                                     const QString &serializer = QStringLiteral("datastream"),
                                     const QString &prefix = QStringLiteral("session_")) const;
    // TTL in seconds (-1 no expiry, -2 no key).
    Q_INVOKABLE int ttl(const QString &key) const;
    Q_INVOKABLE bool exists(const QString &key) const;
    Q_INVOKABLE void flush() const;
    // CONFIG SET notify-keyspace-events flags ("" turns them off).
    Q_INVOKABLE void setNotifications(const QString &flags) const;
    Q_INVOKABLE void kill();
    Q_INVOKABLE bool restart();

private:
    RedisServer m_server;
    quint16 m_refusedPort = 0;
};

} // namespace RediStore::Test

#endif // REDISTORE_TEST_REDISFIXTURE_H
