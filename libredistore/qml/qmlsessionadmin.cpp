#include "qmlsessionadmin.h"

#include "qmljs_p.h"

#include <libredistore/redis/redisconfig.h>
#include <libredistore/serializer/sessionserializer.h>
#include <libredistore/session/sessionadmin.h>

#include <QtCore/QLoggingCategory>
#include <QtCore/QTimer>
#include <QtQml/QJSEngine>

#include <algorithm>
#include <cmath>

namespace RediStore {

Q_DECLARE_LOGGING_CATEGORY(lcQml)

namespace {

QString errorText(const SessionError &error)
{
    if (!error.isError())
        return QString();
    return error.message().isEmpty() ? error.codeName() : error.message();
}

} // namespace

QmlSessionAdmin::QmlSessionAdmin(QObject *parent)
    : QObject(parent)
{ }

QmlSessionAdmin::~QmlSessionAdmin() = default;

void QmlSessionAdmin::setUrl(const QString &url)
{
    if (m_url == url)
        return;
    m_url = url;
    Q_EMIT urlChanged();
    invalidate();
}

void QmlSessionAdmin::setKeyPrefix(const QString &prefix)
{
    if (m_keyPrefix == prefix)
        return;
    m_keyPrefix = prefix;
    Q_EMIT keyPrefixChanged();
    invalidate();
}

void QmlSessionAdmin::setSerializer(const QString &name)
{
    if (m_serializer == name)
        return;
    m_serializer = name;
    Q_EMIT serializerChanged();
    invalidate();
}

void QmlSessionAdmin::setReadOnly(bool readOnly)
{
    if (m_readOnly == readOnly)
        return;
    m_readOnly = readOnly;
    if (m_admin)
        m_admin->setReadOnly(readOnly);
    Q_EMIT readOnlyChanged();
}

void QmlSessionAdmin::setTimeout(int ms)
{
    if (m_timeout == ms)
        return;
    m_timeout = ms;
    Q_EMIT timeoutChanged();
    invalidate();
}

void QmlSessionAdmin::setConnected(bool connected)
{
    if (m_connected == connected)
        return;
    m_connected = connected;
    Q_EMIT connectedChanged();
}

void QmlSessionAdmin::setError(const QString &message)
{
    if (m_error == message)
        return;
    m_error = message;
    Q_EMIT errorChanged();
}

void QmlSessionAdmin::classBegin()
{
    m_complete = false;
}

void QmlSessionAdmin::componentComplete()
{
    m_complete = true;
    probe();
}

void QmlSessionAdmin::invalidate()
{
    if (m_admin) {
        // Its pending calls finish with an error; their callbacks still run once.
        m_admin->deleteLater();
        m_admin = nullptr;
    }
    m_configError.clear();
    setConnected(false);
    if (!m_complete)
        return;
    Q_EMIT reconfigured();
    // Several properties often change together: check the connection once they have.
    QMetaObject::invokeMethod(this, &QmlSessionAdmin::probe, Qt::QueuedConnection);
}

SessionAdmin *QmlSessionAdmin::admin()
{
    if (m_admin)
        return m_admin;
    if (!m_configError.isEmpty())
        return nullptr;

    auto fail = [this](const QString &message) -> SessionAdmin * {
        m_configError = QStringLiteral("SessionAdmin: ") + message;
        setError(m_configError);
        return nullptr;
    };
    if (m_url.isEmpty())
        return fail(QStringLiteral("the url property is not set"));
    if (m_timeout < 0)
        return fail(
            QStringLiteral("timeout must be 0 or more milliseconds, not %1").arg(m_timeout));
    auto config = RedisConfig::fromUrl(m_url);
    if (!config.ok())
        return fail(config.error().message());
    RedisConfig redis = config.value();
    redis.setConnectTimeoutMs(m_timeout);
    redis.setCommandTimeoutMs(m_timeout);
    if (const auto valid = redis.validate(); !valid.ok())
        return fail(valid.error().message());

    std::shared_ptr<const SessionSerializer> serializer;
    if (m_serializer.compare(QLatin1String("auto"), Qt::CaseInsensitive) != 0) {
        serializer = SessionSerializer::byName(m_serializer);
        if (!serializer) {
            return fail(QStringLiteral("unknown serializer '%1' (use auto, gob, json or "
                                       "datastream)")
                            .arg(m_serializer));
        }
    }
    m_admin = new SessionAdmin(redis, m_keyPrefix, std::move(serializer), this);
    m_admin->setReadOnly(m_readOnly);
    return m_admin;
}

void QmlSessionAdmin::probe()
{
    SessionAdmin *current = admin();
    if (!current)
        return;
    QPointer<SessionAdmin> guard(current);
    QmlJs::whenDone(this, current->ping(), [this, guard](const SessionPing &ping) {
        if (!guard || guard != m_admin)
            return; // reconfigured meanwhile
        setConnected(ping.ok());
        setError(ping.ok() ? QString() : ping.error.message());
    });
}

QString QmlSessionAdmin::noteResult(const SessionError &error)
{
    // A call of an admin replaced since (reconfigured): it says nothing about the current one.
    if (error.redisError().code() == RedisError::Code::ClientDestroyed)
        return errorText(error);
    switch (error.code()) {
    case SessionError::Code::NoError:
        setConnected(true);
        setError(QString());
        return QString();
    case SessionError::Code::RedisUnavailable:
        setConnected(false);
        break;
    case SessionError::Code::ReadOnly:
    case SessionError::Code::InvalidOption:
    case SessionError::Code::SerializeFailed:
    case SessionError::Code::ValueTooLarge:
        break;
    default:
        setConnected(true); // Redis answered
        break;
    }
    const QString text = errorText(error);
    setError(text);
    return text;
}

void QmlSessionAdmin::failLater(const char *method, const QJSValue &callback,
                                const QString &message)
{
    QTimer::singleShot(0, this, [this, method, callback, message]() {
        deliver(method, callback, message, QJSValue(QJSValue::NullValue));
    });
}

void QmlSessionAdmin::deliver(const char *method, const QJSValue &callback, const QString &error,
                              const QJSValue &value)
{
    QmlJs::invoke(
        this, method, callback,
        { QmlJs::errorValue(error), error.isEmpty() ? value : QJSValue(QJSValue::NullValue) });
}

void QmlSessionAdmin::list(const QJSValue &callback)
{
    static constexpr const char method[] = "SessionAdmin.list";
    if (!QmlJs::requireCallback(this, method, callback))
        return;
    SessionAdmin *current = admin();
    if (!current)
        return failLater(method, callback, m_configError);
    scanStep(current, QByteArrayLiteral("0"), callback, std::make_shared<QVariantList>());
}

void QmlSessionAdmin::scanStep(QPointer<SessionAdmin> current, const QByteArray &cursor,
                               const QJSValue &callback, std::shared_ptr<QVariantList> sessions)
{
    static constexpr const char method[] = "SessionAdmin.list";
    QmlJs::whenDone(
        this, current->scan(cursor), [this, current, callback, sessions](const SessionPage &page) {
            if (!page.ok())
                return deliver(method, callback, noteResult(page.error), QJSValue());
            if (page.restarted)
                sessions->clear(); // the cluster's masters changed: the listing began again
            for (const SessionInfo &info : page.sessions) {
                if (info.ttlMs == -2)
                    continue; // expired or deleted between SCAN and PTTL
                QVariantMap session;
                session.insert(QStringLiteral("id"), info.id);
                session.insert(QStringLiteral("key"), QString::fromUtf8(info.key));
                session.insert(QStringLiteral("ttl"), QmlJs::secondsFromMs(info.ttlMs));
                session.insert(QStringLiteral("ttlMs"), info.ttlMs);
                session.insert(QStringLiteral("size"), info.size);
                sessions->append(session);
            }
            if (!page.finished) {
                if (!current) {
                    return deliver(method, callback,
                                   QStringLiteral("SessionAdmin: reconfigured while listing"),
                                   QJSValue());
                }
                return scanStep(current, page.nextCursor, callback, sessions);
            }
            // SCAN may return a key twice; sort by id and keep each once.
            auto idOf = [](const QVariant &session) {
                return session.toMap().value(QStringLiteral("id")).toString();
            };
            std::sort(sessions->begin(), sessions->end(),
                      [&](const QVariant &a, const QVariant &b) { return idOf(a) < idOf(b); });
            sessions->erase(std::unique(sessions->begin(), sessions->end(),
                                        [&](const QVariant &a, const QVariant &b) {
                                            return idOf(a) == idOf(b);
                                        }),
                            sessions->end());
            noteResult(SessionError());
            QJSEngine *engine = qjsEngine(this);
            deliver(method, callback, QString(),
                    engine ? engine->toScriptValue(*sessions) : QJSValue());
        });
}

void QmlSessionAdmin::count(const QJSValue &callback)
{
    static constexpr const char method[] = "SessionAdmin.count";
    if (!QmlJs::requireCallback(this, method, callback))
        return;
    SessionAdmin *current = admin();
    if (!current)
        return failLater(method, callback, m_configError);
    QmlJs::whenDone(this, current->count(), [this, callback](const SessionCount &result) {
        const QString error = noteResult(result.error);
        deliver(method, callback, error, QJSValue(double(result.count)));
    });
}

void QmlSessionAdmin::get(const QJSValue &idValue, const QJSValue &callback)
{
    static constexpr const char method[] = "SessionAdmin.get";
    QString id;
    if (!QmlJs::requireString(this, method, "id", idValue, &id)
        || !QmlJs::requireCallback(this, method, callback)) {
        return;
    }
    SessionAdmin *current = admin();
    if (!current)
        return failLater(method, callback, m_configError);
    QmlJs::whenDone(this, current->load(id), [this, callback, id](const SessionContent &content) {
        QString error = noteResult(content.error);
        if (error.isEmpty() && !content.exists)
            error = QStringLiteral("no session with id %1").arg(id);
        QJSEngine *engine = qjsEngine(this);
        deliver(method, callback, error,
                engine ? engine->toScriptValue(content.values) : QJSValue());
    });
}

void QmlSessionAdmin::set(const QJSValue &idValue, const QJSValue &keyValue, const QJSValue &value,
                          const QJSValue &callback)
{
    static constexpr const char method[] = "SessionAdmin.set";
    QString id;
    QString key;
    if (!QmlJs::requireString(this, method, "id", idValue, &id)
        || !QmlJs::requireString(this, method, "key", keyValue, &key)) {
        return;
    }
    if (value.isUndefined() || value.isCallable()) {
        QmlJs::throwError(this, QJSValue::TypeError, method,
                          QStringLiteral("value must be a string, number, boolean, array or "
                                         "object, got ")
                              + QmlJs::describe(value));
        return;
    }
    if (!QmlJs::requireCallback(this, method, callback))
        return;
    SessionAdmin *current = admin();
    if (!current)
        return failLater(method, callback, m_configError);
    QmlJs::whenDone(this, current->setValue(id, key, QmlJs::toStorable(value)),
                    [this, callback](const SessionChange &result) {
                        deliver(method, callback, noteResult(result.error), QJSValue(true));
                    });
}

void QmlSessionAdmin::expire(const QJSValue &idValue, const QJSValue &seconds,
                             const QJSValue &callback)
{
    static constexpr const char method[] = "SessionAdmin.expire";
    QString id;
    if (!QmlJs::requireString(this, method, "id", idValue, &id))
        return;
    if (!seconds.isNumber()) {
        QmlJs::throwError(this, QJSValue::TypeError, method,
                          QStringLiteral("seconds must be a number, got ")
                              + QmlJs::describe(seconds));
        return;
    }
    const double number = seconds.toNumber();
    if (!std::isfinite(number) || number < 0 || std::trunc(number) != number || number > 1e15) {
        QmlJs::throwError(this, QJSValue::RangeError, method,
                          QStringLiteral("seconds must be a whole number, 0 or more, got ")
                              + seconds.toString());
        return;
    }
    if (!QmlJs::requireCallback(this, method, callback))
        return;
    SessionAdmin *current = admin();
    if (!current)
        return failLater(method, callback, m_configError);
    QmlJs::whenDone(this, current->expire(id, qint64(number)),
                    [this, callback](const SessionChange &result) {
                        deliver(method, callback, noteResult(result.error), QJSValue(true));
                    });
}

void QmlSessionAdmin::persist(const QJSValue &idValue, const QJSValue &callback)
{
    static constexpr const char method[] = "SessionAdmin.persist";
    QString id;
    if (!QmlJs::requireString(this, method, "id", idValue, &id)
        || !QmlJs::requireCallback(this, method, callback)) {
        return;
    }
    SessionAdmin *current = admin();
    if (!current)
        return failLater(method, callback, m_configError);
    QmlJs::whenDone(this, current->persist(id), [this, callback](const SessionChange &result) {
        deliver(method, callback, noteResult(result.error), QJSValue(true));
    });
}

void QmlSessionAdmin::remove(const QJSValue &idsValue, const QJSValue &callback)
{
    static constexpr const char method[] = "SessionAdmin.remove";
    QStringList ids;
    if (idsValue.isArray()) {
        const int length = idsValue.property(QStringLiteral("length")).toInt();
        for (int i = 0; i < length; ++i) {
            QString id;
            if (!QmlJs::requireString(this, method, "every id", idsValue.property(quint32(i)),
                                      &id)) {
                return;
            }
            ids.append(id);
        }
    } else {
        QString id;
        if (!QmlJs::requireString(this, method, "id", idsValue, &id))
            return;
        ids.append(id);
    }
    if (!QmlJs::requireCallback(this, method, callback))
        return;
    SessionAdmin *current = admin();
    if (!current)
        return failLater(method, callback, m_configError);
    if (ids.isEmpty()) {
        // Nothing to ask Redis: connected and error stay as they are.
        QTimer::singleShot(
            0, this, [this, callback]() { deliver(method, callback, QString(), QJSValue(0)); });
        return;
    }
    QmlJs::whenDone(this, current->remove(ids), [this, callback](const SessionDeletion &result) {
        const QString error = noteResult(result.error);
        deliver(method, callback, error, QJSValue(double(result.deleted)));
    });
}

void QmlSessionAdmin::sessionsOfUser(const QJSValue &userValue, const QJSValue &callback)
{
    static constexpr const char method[] = "SessionAdmin.sessionsOfUser";
    QString user;
    if (!QmlJs::requireString(this, method, "user", userValue, &user)
        || !QmlJs::requireCallback(this, method, callback)) {
        return;
    }
    SessionAdmin *current = admin();
    if (!current)
        return failLater(method, callback, m_configError);
    QmlJs::whenDone(
        this, current->sessionsOfUser(user), [this, callback](const UserSessions &result) {
            const QString error = noteResult(result.error);
            QVariantList sessions;
            for (const UserSession &session : result.sessions) {
                sessions.append(
                    QVariantMap { { QStringLiteral("id"), session.id },
                                  { QStringLiteral("ttl"), QmlJs::secondsFromMs(session.ttlMs) },
                                  { QStringLiteral("ttlMs"), session.ttlMs } });
            }
            QJSEngine *engine = qjsEngine(this);
            deliver(method, callback, error, engine ? engine->toScriptValue(sessions) : QJSValue());
        });
}

void QmlSessionAdmin::revokeUser(const QJSValue &userValue, const QJSValue &callback)
{
    static constexpr const char method[] = "SessionAdmin.revokeUser";
    QString user;
    if (!QmlJs::requireString(this, method, "user", userValue, &user)
        || !QmlJs::requireCallback(this, method, callback)) {
        return;
    }
    SessionAdmin *current = admin();
    if (!current)
        return failLater(method, callback, m_configError);
    QmlJs::whenDone(this, current->revokeUser(user),
                    [this, callback](const UserRevocation &result) {
                        const QString error = noteResult(result.error);
                        deliver(method, callback, error, QJSValue(double(result.ended)));
                    });
}

} // namespace RediStore
