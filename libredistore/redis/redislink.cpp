#include "redislink_p.h"

#include <QtCore/QHash>
#include <QtCore/QLoggingCategory>
#include <QtCore/QMutex>
#include <QtCore/QRandomGenerator>

namespace RediStore {

Q_DECLARE_LOGGING_CATEGORY(lcRedis)

namespace {
constexpr int firstFastAttemptMs = 50;
constexpr int fastIntervalMs = 200;
constexpr int fastJitterMs = 50;

int jitter(int bound)
{
    return int(QRandomGenerator::global()->bounded(quint32(bound) + 1));
}

// The links of the process that are in an outage, per endpoint: the first one to lose a server
// warns, the last one back says so, and a pool of ten connections logs an outage once.
struct Outages
{
    QMutex mutex;
    QHash<QString, int> links;
};
Outages &outages()
{
    static Outages instance;
    return instance;
}

bool firstInOutage(const QString &endpoint)
{
    Outages &o = outages();
    const QMutexLocker locker(&o.mutex);
    return o.links[endpoint]++ == 0;
}

bool lastOutOfOutage(const QString &endpoint)
{
    Outages &o = outages();
    const QMutexLocker locker(&o.mutex);
    const auto it = o.links.find(endpoint);
    if (it == o.links.end() || --*it > 0)
        return it == o.links.end();
    o.links.erase(it);
    return true;
}
} // namespace

RedisLink::RedisLink(const RedisConfig &config, RedisLinkListener *listener, QObject *owner)
    : m_config(config)
    , m_listener(listener)
    , m_owner(owner)
{
    m_clock.start();
    // Children of the owner, so that moving it to another thread takes them along.
    m_reconnectTimer.setParent(owner);
    m_reconnectTimer.setSingleShot(true);
    QObject::connect(&m_reconnectTimer, &QTimer::timeout, owner, [this]() { open(); });
}

RedisLink::~RedisLink()
{
    dropConnection();
    leaveOutage();
}

// Ends this link's part in an outage without a word (closed, or not retrying).
void RedisLink::leaveOutage()
{
    if (m_outageSince < 0)
        return;
    m_outageSince = -1;
    lastOutOfOutage(m_config.endpoint());
}

void RedisLink::dropConnection()
{
    if (RedisConnection *connection = std::exchange(m_connection, nullptr))
        connection->dispose();
}

void RedisLink::setState(RedisClient::State state)
{
    if (m_state == state)
        return;
    m_state = state;
    m_listener->linkStateChanged(state);
}

void RedisLink::open()
{
    m_closedByOwner = false;
    if (m_state != RedisClient::State::Disconnected)
        return;
    m_reconnectTimer.stop();
    if (auto valid = m_config.validate(); !valid) {
        m_refused = true;
        down(valid.error());
        return;
    }
    m_refused = false;
    m_lastAttemptAt = m_clock.elapsed();
    setState(RedisClient::State::Connecting);
    m_connection = new RedisConnection(m_config, this);
    m_connection->setParent(m_owner);
    m_connection->open();
}

void RedisLink::nudge()
{
    if (m_state != RedisClient::State::Disconnected)
        return;
    const qint64 since = m_clock.elapsed() - m_lastAttemptAt;
    int delay = 0;
    if (since < fastIntervalMs)
        delay = int(fastIntervalMs - since) + jitter(fastJitterMs);
    if (m_reconnectTimer.isActive() && m_reconnectTimer.remainingTime() <= delay)
        return;
    if (delay == 0 && !m_reconnectTimer.isActive() && m_outageSince < 0) {
        open(); // not in an outage: the first connect, or after the owner closed it
        return;
    }
    m_reconnectTimer.start(delay ? delay : jitter(firstFastAttemptMs));
}

void RedisLink::close()
{
    m_closedByOwner = true;
    m_reconnectTimer.stop();
    if (m_connection) {
        dropConnection();
        leaveOutage();
        setState(RedisClient::State::Disconnected);
    }
}

void RedisLink::connectionOpened()
{
    QList<QByteArrayList> steps;
    if (!m_config.password().isEmpty()) {
        QByteArrayList auth = { "AUTH" };
        if (!m_config.username().isEmpty())
            auth << m_config.username().toUtf8();
        auth << m_config.password().toUtf8();
        steps << auth;
    }
    if (m_config.database() != 0)
        steps << QByteArrayList { "SELECT", QByteArray::number(m_config.database()) };
    if (!m_config.clientName().isEmpty())
        steps << QByteArrayList { "CLIENT", "SETNAME", m_config.clientName().toUtf8() };
    m_handshakeRemaining = int(steps.size());
    m_handshakeError = {};
    for (const QByteArrayList &step : std::as_const(steps))
        m_connection->send(step);
    if (m_handshakeRemaining == 0)
        becomeReady();
}

void RedisLink::connectionReply(const RedisReply &reply)
{
    if (m_handshakeRemaining > 0)
        handshakeReply(reply);
    else
        m_listener->linkReply(reply);
}

void RedisLink::connectionReadDone()
{
    m_listener->linkReadDone();
}

void RedisLink::handshakeReply(const RedisReply &reply)
{
    --m_handshakeRemaining;
    if (reply.isError() && !m_handshakeError.isError()) {
        const QString text = QString::fromUtf8(reply.data());
        if (text.startsWith(QLatin1String("WRONGPASS")) || text.startsWith(QLatin1String("NOAUTH"))
            || text.contains(QLatin1String("AUTH"), Qt::CaseInsensitive)) {
            m_handshakeError = RedisError(
                RedisError::Code::AuthenticationFailed,
                QStringLiteral("Redis at %1 refused the credentials%2: %3. Check the user "
                               "name and password.")
                    .arg(m_config.endpoint(),
                         m_config.username().isEmpty()
                             ? QString()
                             : QStringLiteral(" of user '%1'").arg(m_config.username()),
                         text));
        } else if (text.contains(QLatin1String("DB index"), Qt::CaseInsensitive)) {
            m_handshakeError = RedisError(RedisError::Code::SelectFailed,
                                          QStringLiteral("Redis at %1 has no database %2: %3")
                                              .arg(m_config.endpoint())
                                              .arg(m_config.database())
                                              .arg(text));
        } else {
            m_handshakeError = RedisError(RedisError::Code::ServerError,
                                          QStringLiteral("Redis at %1 refused the connection "
                                                         "setup: %2")
                                              .arg(m_config.endpoint(), text));
        }
    }
    if (m_handshakeRemaining > 0)
        return;
    if (m_handshakeError.isError()) {
        m_refused = true;
        dropConnection();
        down(m_handshakeError);
        return;
    }
    becomeReady();
}

void RedisLink::becomeReady()
{
    m_idleAttempt = 0;
    m_lastError = {};
    if (m_outageSince >= 0) {
        const qint64 lasted = m_clock.elapsed() - m_outageSince;
        m_outageSince = -1;
        if (lastOutOfOutage(m_config.endpoint())) {
            qCInfo(lcRedis, "Redis at %s is back after %lld ms (%d failed attempts)",
                   qPrintable(m_config.endpoint()), lasted, m_outageFailures);
        }
    }
    m_outageFailures = 0;
    setState(RedisClient::State::Connected);
    m_listener->linkReady();
}

void RedisLink::connectionClosed(const RedisError &error)
{
    m_connection->dispose();
    m_connection = nullptr;
    down(error);
}

void RedisLink::down(const RedisError &error)
{
    const bool wasReady = m_state == RedisClient::State::Connected;
    m_lastError = error;
    if (m_outageSince < 0) {
        m_outageSince = m_clock.elapsed();
        m_outageFailures = 0;
        if (firstInOutage(m_config.endpoint()))
            qCWarning(lcRedis, "%s: %s", qPrintable(error.codeName()), qPrintable(error.message()));
        else
            qCDebug(lcRedis, "%s: %s", qPrintable(error.codeName()), qPrintable(error.message()));
    } else {
        ++m_outageFailures;
        qCDebug(lcRedis, "%s: %s", qPrintable(error.codeName()), qPrintable(error.message()));
    }
    setState(RedisClient::State::Disconnected);
    const bool retry = !m_closedByOwner && !m_refused && m_config.autoReconnect();
    m_listener->linkDown(error, wasReady, retry); // may close or reopen the link
    if (retry && !m_closedByOwner && m_state == RedisClient::State::Disconnected)
        scheduleReconnect();
    else if (!retry)
        leaveOutage();
}

void RedisLink::scheduleReconnect()
{
    if (m_reconnectTimer.isActive())
        return;
    if (m_listener->linkHasWaiters()) {
        const qint64 since = m_clock.elapsed() - m_lastAttemptAt;
        const int delay = m_outageFailures == 0
            ? jitter(firstFastAttemptMs)
            : int(qMax<qint64>(0, fastIntervalMs + jitter(fastJitterMs) - since));
        m_reconnectTimer.start(delay);
        return;
    }
    const int shift = qMin(m_idleAttempt, 16);
    ++m_idleAttempt;
    qint64 delay = qint64(m_config.reconnectMinDelayMs()) << shift;
    delay = qMin<qint64>(delay, m_config.reconnectMaxDelayMs());
    delay += jitter(int(delay / 5)); // so that many clients do not reconnect in lockstep
    qCDebug(lcRedis, "reconnecting to %s in %lld ms", qPrintable(m_config.endpoint()), delay);
    m_reconnectTimer.start(int(delay));
}

} // namespace RediStore
