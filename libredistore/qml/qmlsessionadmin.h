#ifndef REDISTORE_QMLSESSIONADMIN_H
#define REDISTORE_QMLSESSIONADMIN_H

#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtQml/QJSValue>
#include <QtQml/QQmlParserStatus>
#include <QtQml/qqmlregistration.h>

namespace RediStore {

class SessionAdmin;
class SessionError;

// SessionAdmin in QML: the stored sessions of one Redis, for scripts and views.
//
//   SessionAdmin {
//       id: admin
//       url: "redis://127.0.0.1:6379/0"
//       Component.onCompleted: admin.list(function(error, sessions) { ... })
//   }
//
// Every method takes a callback last and calls it exactly once, later, from the event loop,
// as callback(error, value): error is null on success, else a message. Nothing blocks. Wrong
// argument types are script errors (TypeError) naming the method. A Redis that is down gives
// the callback an error within `timeout` milliseconds.
class QmlSessionAdmin : public QObject, public QQmlParserStatus
{
    Q_OBJECT
    Q_INTERFACES(QQmlParserStatus)
    QML_NAMED_ELEMENT(SessionAdmin)

    // redis://[user:password@]host[:port][/db], rediss://...[?tls_ca=FILE&tls_cert=FILE
    // &tls_key=FILE&tls_server_name=NAME&tls_verify=none] (TLS), unix:///path/to.sock[?db=N],
    // redis+cluster://[user:password@]host:port[,host:port...] (a Redis Cluster from seed
    // nodes) or redis+sentinel://[user:password@]host:port[,host:port...]/MASTER[/db]
    // [?sentinel_password=...] (the master the sentinels name); rediss+cluster:// and
    // rediss+sentinel:// with TLS
    Q_PROPERTY(QString url READ url WRITE setUrl NOTIFY urlChanged)
    Q_PROPERTY(QString keyPrefix READ keyPrefix WRITE setKeyPrefix NOTIFY keyPrefixChanged)
    // "auto" (default: each session is read by whichever serializer decodes it and written
    // back with it), "gob", "json" or "datastream"
    Q_PROPERTY(QString serializer READ serializer WRITE setSerializer NOTIFY serializerChanged)
    Q_PROPERTY(bool readOnly READ isReadOnly WRITE setReadOnly NOTIFY readOnlyChanged)
    // Milliseconds for connecting and for each command (default 5000)
    Q_PROPERTY(int timeout READ timeout WRITE setTimeout NOTIFY timeoutChanged)
    // True once Redis answered; false after a connection failure
    Q_PROPERTY(bool connected READ isConnected NOTIFY connectedChanged)
    // The last error (configuration or Redis); empty after a success
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)

public:
    explicit QmlSessionAdmin(QObject *parent = nullptr);
    ~QmlSessionAdmin() override;

    QString url() const { return m_url; }
    void setUrl(const QString &url);
    QString keyPrefix() const { return m_keyPrefix; }
    void setKeyPrefix(const QString &prefix);
    QString serializer() const { return m_serializer; }
    void setSerializer(const QString &name);
    bool isReadOnly() const { return m_readOnly; }
    void setReadOnly(bool readOnly);
    int timeout() const { return m_timeout; }
    void setTimeout(int ms);
    bool isConnected() const { return m_connected; }
    QString error() const { return m_error; }

    // list(callback): callback(error, [{id, key, ttl, ttlMs, size}, ...]); ttl in seconds,
    // -1 for no expiry. Sorted by id.
    Q_INVOKABLE void list(const QJSValue &callback = QJSValue());
    // count(callback): callback(error, number)
    Q_INVOKABLE void count(const QJSValue &callback = QJSValue());
    // get(id, callback): callback(error, {key: value, ...})
    Q_INVOKABLE void get(const QJSValue &id = QJSValue(), const QJSValue &callback = QJSValue());
    // set(id, key, value, callback): callback(error, true); keeps the TTL and the serializer
    Q_INVOKABLE void set(const QJSValue &id = QJSValue(), const QJSValue &key = QJSValue(),
                         const QJSValue &value = QJSValue(), const QJSValue &callback = QJSValue());
    // expire(id, seconds, callback): callback(error, true); 0 expires at once
    Q_INVOKABLE void expire(const QJSValue &id = QJSValue(), const QJSValue &seconds = QJSValue(),
                            const QJSValue &callback = QJSValue());
    // persist(id, callback): callback(error, true); the session no longer expires
    Q_INVOKABLE void persist(const QJSValue &id = QJSValue(),
                             const QJSValue &callback = QJSValue());
    // remove(id or [ids], callback): callback(error, number of sessions deleted)
    Q_INVOKABLE void remove(const QJSValue &ids = QJSValue(),
                            const QJSValue &callback = QJSValue());
    // sessionsOfUser(user, callback): callback(error, [{id, ttl, ttlMs}, ...]), from the per-user
    // index a store keeps with withUserIndex; [] when the user has none.
    Q_INVOKABLE void sessionsOfUser(const QJSValue &user = QJSValue(),
                                    const QJSValue &callback = QJSValue());
    // revokeUser(user, callback): callback(error, number of sessions ended): log out everywhere.
    Q_INVOKABLE void revokeUser(const QJSValue &user = QJSValue(),
                                const QJSValue &callback = QJSValue());

    // For C++ users of the module (SessionListModel): the library's admin for the current
    // properties, or null when they are not valid (error() says why).
    RediStore::SessionAdmin *admin();

    void classBegin() override;
    void componentComplete() override;

Q_SIGNALS:
    void urlChanged();
    void keyPrefixChanged();
    void serializerChanged();
    void readOnlyChanged();
    void timeoutChanged();
    void connectedChanged();
    void errorChanged();
    // The properties that select Redis, the prefix or the serializer changed: views reload.
    void reconfigured();

private:
    void invalidate();
    void probe();
    void setConnected(bool connected);
    void setError(const QString &message);
    // Records the outcome of a call; returns the error text for the callback (empty: none).
    QString noteResult(const SessionError &error);
    void failLater(const char *method, const QJSValue &callback, const QString &message);
    void deliver(const char *method, const QJSValue &callback, const QString &error,
                 const QJSValue &value);
    void scanStep(QPointer<RediStore::SessionAdmin> admin, const QByteArray &cursor,
                  const QJSValue &callback, std::shared_ptr<QVariantList> sessions);

    QString m_url;
    QString m_keyPrefix = QStringLiteral("session_");
    QString m_serializer = QStringLiteral("auto");
    bool m_readOnly = false;
    int m_timeout = 5000;
    bool m_connected = false;
    QString m_error;
    QString m_configError;
    bool m_complete = true;
    RediStore::SessionAdmin *m_admin = nullptr;
};

} // namespace RediStore

#endif // REDISTORE_QMLSESSIONADMIN_H
