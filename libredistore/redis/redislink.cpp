#include "redislink_p.h"

#include <QtCore/QHash>
#include <QtCore/QLoggingCategory>
#include <QtCore/QMutex>
#include <QtCore/QRandomGenerator>
#include <QtCore/QThread>

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
    , m_endpoint(config.endpoint())
    , m_listener(listener)
    , m_owner(owner)
{
    m_clock.start();
    // Children of the owner, so that moving it to another thread takes them along.
    m_reconnectTimer.setParent(owner);
    m_reconnectTimer.setSingleShot(true);
    QObject::connect(&m_reconnectTimer, &QTimer::timeout, owner, [this]() { open(); });
    if (isSentinel()) {
        m_resolver = std::make_unique<SentinelResolver>(
            config, owner, [this](const SentinelResolver::Answer &answer, const RedisError &error) {
                resolved(answer, error);
            });
    }
}

RedisLink::~RedisLink()
{
    if (m_resolver)
        m_resolver->cancel();
    QObject::disconnect(m_switchConnection);
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
    if (isSentinel()) {
        followSentinels();
        m_resolver->start(m_sentinels); // then resolved()
        return;
    }
    connectTo(m_config);
}

void RedisLink::connectTo(const RedisConfig &nodeConfig)
{
    m_demoted = false;
    m_connection = new RedisConnection(nodeConfig, this);
    m_connection->setParent(m_owner);
    m_connection->setEndpointLabel(m_endpoint);
    m_connection->open();
}

// The group of this thread: the first time, and again after the owner moved to another thread.
void RedisLink::followSentinels()
{
    if (m_sentinels && m_sentinels->thread() == QThread::currentThread())
        return;
    QObject::disconnect(m_switchConnection);
    m_sentinels = SentinelGroup::forConfig(m_config);
    m_switchConnection = QObject::connect(m_sentinels.get(), &SentinelGroup::masterSwitched,
                                          m_owner, [this](const QString &host, int port) {
                                              masterSwitched({ host, quint16(port) });
                                          });
}

void RedisLink::resolved(const SentinelResolver::Answer &answer, const RedisError &error)
{
    if (error.isError()) {
        // Wrong sentinel credentials are not retried, like a server's; the rest is an outage.
        m_refused = error.code() == RedisError::Code::AuthenticationFailed;
        down(error);
        return;
    }
    m_master = answer.master;
    m_endpoint = QStringLiteral("%1 at %2 (sentinel)")
                     .arg(m_config.sentinelMasterName(), m_master.toString());
    qCDebug(lcRedis, "the sentinel at %s says master %s is at %s",
            qPrintable(answer.sentinel.toString()), qPrintable(m_config.sentinelMasterName()),
            qPrintable(m_master.toString()));
    connectTo(m_config.forNode(m_master));
}

// A hint from the sentinels: a connection to another address is to the old master.
void RedisLink::masterSwitched(const RedisNodeAddress &master)
{
    if (!m_connection || !m_master.isValid() || m_master == master)
        return; // not connected, or resolving (ROLE checks that answer)
    const RedisError error(
        RedisError::Code::NotMaster,
        QStringLiteral("the sentinels moved master '%1' from %2 to %3")
            .arg(m_config.sentinelMasterName(), m_master.toString(), master.toString()));
    dropConnection();
    down(error);
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
    const bool resolving = m_resolver && m_resolver->isRunning();
    if (m_resolver)
        m_resolver->cancel();
    if (m_connection || resolving) {
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
    // The sentinels' answer may be old news (a failover under way): the node itself says.
    m_roleCheck = isSentinel();
    if (m_roleCheck)
        steps << QByteArrayList { "ROLE" };
    m_handshakeRemaining = int(steps.size());
    m_handshakeError = {};
    for (const QByteArrayList &step : std::as_const(steps))
        m_connection->send(step);
    if (m_handshakeRemaining == 0)
        becomeReady();
}

void RedisLink::connectionReply(const RedisReply &reply)
{
    if (m_handshakeRemaining > 0) {
        handshakeReply(reply);
        return;
    }
    // The master was demoted under us: this command fails, the connection goes after this read.
    if (reply.isError() && isSentinel() && reply.data().startsWith("READONLY"))
        m_demoted = true;
    m_listener->linkReply(reply);
}

void RedisLink::connectionReadDone()
{
    if (m_demoted) {
        m_demoted = false;
        const RedisError error(RedisError::Code::NotMaster,
                               QStringLiteral("Redis at %1 answered READONLY: it is no longer "
                                              "the master")
                                   .arg(m_endpoint));
        dropConnection();
        down(error);
    }
    m_listener->linkReadDone(); // may delete the owner
}

RedisError RedisLink::roleError(const RedisReply &reply) const
{
    if (reply.isError()) {
        // A user that may not run ROLE: the sentinels' word is all there is.
        qCDebug(lcRedis, "ROLE refused by %s (%s): not checked", qPrintable(m_endpoint),
                reply.data().constData());
        return {};
    }
    const QByteArray role = reply.isArray() && reply.size() > 0 ? reply.at(0).data() : QByteArray();
    if (role == "master")
        return {};
    const QString what = role == "slave" ? QStringLiteral("a replica")
        : role.isEmpty()                 ? reply.toDisplayString()
                                         : QStringLiteral("a %1").arg(QString::fromUtf8(role));
    return RedisError(RedisError::Code::NotMaster,
                      QStringLiteral("Redis at %1 is %2, not the master").arg(m_endpoint, what));
}

void RedisLink::handshakeReply(const RedisReply &reply)
{
    const bool roleReply = m_roleCheck && m_handshakeRemaining == 1;
    --m_handshakeRemaining;
    if (roleReply) {
        if (!m_handshakeError.isError())
            m_handshakeError = roleError(reply);
    } else if (reply.isError() && !m_handshakeError.isError()) {
        QString text = QString::fromUtf8(reply.data());
        while (text.endsWith(QLatin1Char('.'))) // Redis's own sentence ends with one
            text.chop(1);
        if (text.startsWith(QLatin1String("WRONGPASS")) || text.startsWith(QLatin1String("NOAUTH"))
            || text.contains(QLatin1String("AUTH"), Qt::CaseInsensitive)) {
            m_handshakeError = RedisError(
                RedisError::Code::AuthenticationFailed,
                QStringLiteral("Redis at %1 refused the credentials%2: %3. Check the user "
                               "name and password.")
                    .arg(m_endpoint,
                         m_config.username().isEmpty()
                             ? QString()
                             : QStringLiteral(" of user '%1'").arg(m_config.username()),
                         text));
        } else if (text.contains(QLatin1String("DB index"), Qt::CaseInsensitive)) {
            m_handshakeError = RedisError(RedisError::Code::SelectFailed,
                                          QStringLiteral("Redis at %1 has no database %2: %3")
                                              .arg(m_endpoint)
                                              .arg(m_config.database())
                                              .arg(text));
        } else {
            m_handshakeError = RedisError(RedisError::Code::ServerError,
                                          QStringLiteral("Redis at %1 refused the connection "
                                                         "setup: %2")
                                              .arg(m_endpoint, text));
        }
    }
    if (m_handshakeRemaining > 0)
        return;
    if (m_handshakeError.isError()) {
        // Refused credentials or database are not retried; a node that is no master is.
        m_refused = m_handshakeError.code() != RedisError::Code::NotMaster;
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
                   qPrintable(m_endpoint), lasted, m_outageFailures);
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
