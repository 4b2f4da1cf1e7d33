#include "redissubscriber.h"
#include "sentinelresolver_p.h"

#include <QtCore/QLoggingCategory>
#include <QtCore/QThread>

#include <vector>

namespace RediStore {

Q_DECLARE_LOGGING_CATEGORY(lcRedis)

namespace {

constexpr int maxSentinelBudgetMs = 1000;
constexpr int rewatchDelayMs = 1000;
const QByteArray switchMasterChannel = QByteArrayLiteral("+switch-master");

// This thread's groups; a group lives as long as a link holds it.
thread_local std::vector<std::weak_ptr<SentinelGroup>> t_groups;

QString joined(const QList<RedisNodeAddress> &nodes)
{
    QStringList names;
    for (const RedisNodeAddress &node : nodes)
        names << node.toString();
    return names.join(QStringLiteral(", "));
}

} // namespace

// --- SentinelGroup ---

std::shared_ptr<SentinelGroup> SentinelGroup::forConfig(const RedisConfig &config)
{
    std::shared_ptr<SentinelGroup> found;
    for (auto it = t_groups.begin(); it != t_groups.end();) {
        std::shared_ptr<SentinelGroup> group = it->lock();
        if (!group) {
            it = t_groups.erase(it);
            continue;
        }
        if (!found && group->sameSentinels(config))
            found = std::move(group);
        ++it;
    }
    if (found)
        return found;
    // The last holder may be a link that moved to another thread: the group is deleted in its own.
    std::shared_ptr<SentinelGroup> group(new SentinelGroup(config), [](SentinelGroup *g) {
        if (QThread::currentThread() == g->thread())
            delete g;
        else
            g->deleteLater();
    });
    t_groups.push_back(group);
    return group;
}

SentinelGroup::SentinelGroup(const RedisConfig &config)
    : m_config(config)
    , m_sentinels(config.seeds())
{
    // The subscription keeps itself up whatever the links' settings say.
    m_config.setAutoReconnect(true);
    m_rewatchTimer.setParent(this);
    m_rewatchTimer.setSingleShot(true);
    connect(&m_rewatchTimer, &QTimer::timeout, this, &SentinelGroup::watchNext);
}

SentinelGroup::~SentinelGroup() = default; // the subscription is a child

bool SentinelGroup::sameSentinels(const RedisConfig &config) const
{
    return config.seeds() == m_config.seeds()
        && config.sentinelMasterName() == m_config.sentinelMasterName()
        && config.sentinelUsername() == m_config.sentinelUsername()
        && config.sentinelPassword() == m_config.sentinelPassword()
        && config.tlsEnabled() == m_config.tlsEnabled()
        && config.tlsOptions() == m_config.tlsOptions();
}

void SentinelGroup::answered(const RedisNodeAddress &sentinel)
{
    if (QThread::currentThread() != thread())
        return; // a link on its way to another thread: that thread's group will learn it
    const qsizetype at = m_sentinels.indexOf(sentinel);
    if (at > 0)
        m_sentinels.move(at, 0);
    watch(sentinel);
}

void SentinelGroup::watch(const RedisNodeAddress &sentinel)
{
    if (m_watch && m_watched == sentinel)
        return;
    if (m_watch)
        m_watch->deleteLater(); // may be inside its own signal
    m_watched = sentinel;
    m_watch = new RedisSubscriber(m_config.forSentinel(sentinel), this);
    connect(m_watch, &RedisSubscriber::messageReceived, this,
            [this](const QByteArray &channel, const QByteArray &payload) {
                if (channel == switchMasterChannel)
                    onSwitchMessage(payload);
            });
    connect(m_watch, &RedisSubscriber::errorOccurred, this, [this]() {
        if (!m_rewatchTimer.isActive())
            m_rewatchTimer.start(rewatchDelayMs);
    });
    m_watch->subscribe({ switchMasterChannel });
}

// The watched sentinel is down: the next one in the list, unless it came back meanwhile.
void SentinelGroup::watchNext()
{
    if (!m_watch || m_watch->state() == RedisClient::State::Connected || m_sentinels.size() < 2)
        return;
    const qsizetype at = m_sentinels.indexOf(m_watched);
    watch(m_sentinels.at((at + 1) % m_sentinels.size()));
}

void SentinelGroup::onSwitchMessage(const QByteArray &payload)
{
    // "<master name> <old ip> <old port> <new ip> <new port>"
    const QList<QByteArray> parts = payload.split(' ');
    if (parts.size() != 5 || parts.at(0) != masterName().toUtf8())
        return;
    bool ok = false;
    const uint port = parts.at(4).toUInt(&ok);
    if (!ok || port == 0 || port > 65535)
        return;
    const RedisNodeAddress to { QString::fromUtf8(parts.at(3)), quint16(port) };
    qCInfo(lcRedis, "the sentinels moved master %s from %s:%s to %s", qPrintable(masterName()),
           parts.at(1).constData(), parts.at(2).constData(), qPrintable(to.toString()));
    Q_EMIT masterSwitched(to.host, to.port);
}

// --- SentinelResolver ---

SentinelResolver::SentinelResolver(const RedisConfig &config, QObject *owner, Done done)
    : m_config(config)
    , m_owner(owner)
    , m_done(std::move(done))
{
    m_timer.setParent(owner);
    m_timer.setSingleShot(true);
    QObject::connect(&m_timer, &QTimer::timeout, owner, [this]() {
        if (m_index < 0 || m_index >= m_order.size()) {
            askNext();
            return;
        }
        failed(QStringLiteral("the sentinel at %1 did not answer within %2 ms")
                   .arg(m_order.at(m_index).toString())
                   .arg(sentinelBudgetMs(m_config)));
    });
}

SentinelResolver::~SentinelResolver()
{
    cancel();
}

int SentinelResolver::sentinelBudgetMs(const RedisConfig &config)
{
    const int connect = config.connectTimeoutMs();
    return connect > 0 ? qMin(connect, maxSentinelBudgetMs) : maxSentinelBudgetMs;
}

void SentinelResolver::start(const std::shared_ptr<SentinelGroup> &group)
{
    cancel();
    m_group = group;
    m_order = group->sentinels();
    m_index = -1;
    m_answeredUnknown.clear();
    m_refused = {};
    m_lastError.clear();
    m_running = true;
    if (m_order.isEmpty()) {
        m_timer.start(0); // the answer (none) comes from the event loop
        return;
    }
    askNext();
}

void SentinelResolver::cancel()
{
    m_running = false;
    m_timer.stop();
    dropConnection();
    m_group.reset();
}

void SentinelResolver::dropConnection()
{
    if (RedisConnection *connection = std::exchange(m_connection, nullptr))
        connection->dispose();
}

void SentinelResolver::askNext()
{
    dropConnection();
    ++m_index;
    if (m_index >= m_order.size()) {
        const QString all = joined(m_order);
        if (!m_answeredUnknown.isEmpty()) {
            finish({},
                   RedisError(RedisError::Code::SentinelUnknownMaster,
                              QStringLiteral("the sentinels at %1 do not know master '%2'")
                                  .arg(m_answeredUnknown.join(QStringLiteral(", ")),
                                       m_config.sentinelMasterName())));
        } else if (m_refused.isError()) {
            finish({}, m_refused);
        } else {
            finish(
                {},
                RedisError(RedisError::Code::NoSentinelReachable,
                           QStringLiteral("no sentinel reachable at %1: last error: %2")
                               .arg(all.isEmpty() ? QStringLiteral("(none)") : all,
                                    m_lastError.isEmpty() ? QStringLiteral("none") : m_lastError)));
        }
        return;
    }
    const RedisNodeAddress sentinel = m_order.at(m_index);
    const int budget = sentinelBudgetMs(m_config);
    RedisConfig config = m_config.forSentinel(sentinel);
    config.setConnectTimeoutMs(budget);
    m_connection = new RedisConnection(config, this);
    m_connection->setParent(m_owner);
    m_connection->setEndpointLabel(QStringLiteral("%1 (sentinel)").arg(sentinel.toString()));
    m_repliesBeforeAnswer = 0;
    if (!config.password().isEmpty()) {
        QByteArrayList auth = { "AUTH" };
        if (!config.username().isEmpty())
            auth << config.username().toUtf8();
        auth << config.password().toUtf8();
        m_connection->send(auth);
        m_repliesBeforeAnswer = 1;
    }
    m_connection->send(
        { "SENTINEL", "get-master-addr-by-name", m_config.sentinelMasterName().toUtf8() });
    m_timer.start(budget);
    m_connection->open();
}

void SentinelResolver::failed(const QString &why)
{
    m_lastError = why;
    qCDebug(lcRedis, "%s", qPrintable(why));
    askNext();
}

void SentinelResolver::connectionOpened() { }

void SentinelResolver::connectionReply(const RedisReply &reply)
{
    const RedisNodeAddress sentinel = m_order.at(m_index);
    const QString text = QString::fromUtf8(reply.data());
    const bool authReply = m_repliesBeforeAnswer > 0;
    if (authReply)
        --m_repliesBeforeAnswer;
    if (reply.isError()
        && (authReply || text.startsWith(QLatin1String("NOAUTH"))
            || text.startsWith(QLatin1String("WRONGPASS")))) {
        const QString user = m_config.sentinelUsername();
        m_refused = RedisError(
            RedisError::Code::AuthenticationFailed,
            QStringLiteral("the sentinel at %1 refused the credentials%2 (check "
                           "sentinel_username and sentinel_password): %3")
                .arg(sentinel.toString(),
                     user.isEmpty() ? QString() : QStringLiteral(" of user '%1'").arg(user), text));
        failed(m_refused.message());
        return;
    }
    if (authReply)
        return;
    if (reply.isNil()) {
        m_answeredUnknown << sentinel.toString();
        failed(QStringLiteral("the sentinel at %1 does not know master '%2'")
                   .arg(sentinel.toString(), m_config.sentinelMasterName()));
        return;
    }
    if (reply.isError()) {
        failed(QStringLiteral("the sentinel at %1 refused SENTINEL GET-MASTER-ADDR-BY-NAME: %2")
                   .arg(sentinel.toString(), text));
        return;
    }
    bool ok = false;
    const uint port = reply.isArray() && reply.size() == 2 ? reply.at(1).data().toUInt(&ok) : 0;
    const QString host
        = reply.isArray() && reply.size() == 2 ? QString::fromUtf8(reply.at(0).data()) : QString();
    if (!ok || port == 0 || port > 65535 || host.isEmpty()) {
        failed(
            QStringLiteral("the sentinel at %1 gave no address for master '%2': %3")
                .arg(sentinel.toString(), m_config.sentinelMasterName(), reply.toDisplayString()));
        return;
    }
    finish({ RedisNodeAddress { host, quint16(port) }, sentinel }, {});
}

void SentinelResolver::connectionClosed(const RedisError &error)
{
    m_connection->dispose();
    m_connection = nullptr;
    failed(error.message());
}

void SentinelResolver::finish(const Answer &answer, const RedisError &error)
{
    const std::shared_ptr<SentinelGroup> group = std::move(m_group);
    cancel();
    if (!error.isError() && group)
        group->answered(answer.sentinel);
    m_done(answer, error); // may start this resolver again
}

} // namespace RediStore
