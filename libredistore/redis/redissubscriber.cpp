#include "redissubscriber.h"
#include "redislink_p.h"

#include <QtCore/QLoggingCategory>
#include <QtCore/QPointer>
#include <QtCore/QSet>
#include <QtCore/QThread>

#include <vector>

namespace RediStore {

Q_DECLARE_LOGGING_CATEGORY(lcRedis)

class RedisSubscriberPrivate final : public RedisLinkListener
{
public:
    struct Message
    {
        enum class Kind { Message, PatternMessage, Subscribed } kind;
        QByteArray pattern;
        QByteArray channel;
        QByteArray payload;
    };

    RedisSubscriberPrivate(RedisSubscriber *subscriber, const RedisConfig &config)
        : q(subscriber)
        , link(config, this, subscriber)
    { }
    ~RedisSubscriberPrivate() override
    {
        destroying = true;
        link.close();
    }

    void linkReady() override
    {
        sendAll("SUBSCRIBE", channels);
        sendAll("PSUBSCRIBE", patterns);
    }

    void linkReply(const RedisReply &reply) override
    {
        if (reply.isError()) {
            const RedisError error(RedisError::Code::ServerError,
                                   QStringLiteral("Redis at %1 refused a subscription: %2")
                                       .arg(link.endpoint(), QString::fromUtf8(reply.data())));
            qCWarning(lcRedis, "%s", qPrintable(error.message()));
            QMetaObject::invokeMethod(
                q, [s = q, error]() { Q_EMIT s->errorOccurred(error); }, Qt::QueuedConnection);
            return;
        }
        if (!reply.isArray() || reply.size() < 3)
            return;
        const QByteArray kind = reply.at(0).data();
        if (kind == "message")
            messages.push_back(
                { Message::Kind::Message, {}, reply.at(1).data(), reply.at(2).data() });
        else if (kind == "pmessage" && reply.size() >= 4)
            messages.push_back({ Message::Kind::PatternMessage, reply.at(1).data(),
                                 reply.at(2).data(), reply.at(3).data() });
        else if (kind == "subscribe" || kind == "psubscribe")
            messages.push_back({ Message::Kind::Subscribed, {}, reply.at(1).data(), {} });
    }

    void linkReadDone() override
    {
        std::vector<Message> batch;
        batch.swap(messages);
        const QPointer<RedisSubscriber> guard(q);
        for (const Message &message : batch) {
            if (!guard)
                return;
            switch (message.kind) {
            case Message::Kind::Message:
                Q_EMIT q->messageReceived(message.channel, message.payload);
                break;
            case Message::Kind::PatternMessage:
                Q_EMIT q->patternMessageReceived(message.pattern, message.channel, message.payload);
                break;
            case Message::Kind::Subscribed:
                Q_EMIT q->subscribed(message.channel);
                break;
            }
        }
    }

    void linkDown(const RedisError &error, bool wasReady, bool) override
    {
        messages.clear();
        if (destroying)
            return;
        if (wasReady) {
            QMetaObject::invokeMethod(
                q, [s = q]() { Q_EMIT s->disconnected(); }, Qt::QueuedConnection);
        }
        QMetaObject::invokeMethod(
            q, [s = q, error]() { Q_EMIT s->errorOccurred(error); }, Qt::QueuedConnection);
    }

    bool linkHasWaiters() const override { return false; }

    void linkStateChanged(RedisClient::State state) override
    {
        if (destroying)
            return;
        QMetaObject::invokeMethod(
            q,
            [s = q, state]() {
                Q_EMIT s->stateChanged(state);
                if (state == RedisClient::State::Connected)
                    Q_EMIT s->connected();
            },
            Qt::QueuedConnection);
    }

    void sendAll(const char *command, const QSet<QByteArray> &names)
    {
        if (names.isEmpty() || !link.isReady())
            return;
        QByteArrayList args = { command };
        for (const QByteArray &name : names)
            args << name;
        link.send(args);
    }

    bool checkThread() const
    {
        if (QThread::currentThread() == q->thread())
            return true;
        qCCritical(lcRedis, "RedisSubscriber used from a thread it does not belong to");
        Q_ASSERT_X(false, "RedisSubscriber", "used from a thread it does not belong to");
        return false;
    }

    void change(QSet<QByteArray> &set, const QByteArrayList &names, bool add, const char *command)
    {
        if (!checkThread())
            return;
        QSet<QByteArray> changed;
        for (const QByteArray &name : names) {
            if (add ? !set.contains(name) : set.contains(name))
                changed.insert(name);
            if (add)
                set.insert(name);
            else
                set.remove(name);
        }
        if (link.isReady())
            sendAll(command, changed);
        else if (add && link.state() == RedisClient::State::Disconnected)
            link.open();
    }

    RedisSubscriber *q;
    RedisLink link;
    QSet<QByteArray> channels;
    QSet<QByteArray> patterns;
    std::vector<Message> messages;
    bool destroying = false;
};

RedisSubscriber::RedisSubscriber(const RedisConfig &config, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<RedisSubscriberPrivate>(this, config))
{
    qRegisterMetaType<RedisError>();
}

RedisSubscriber::~RedisSubscriber() = default;

RedisConfig RedisSubscriber::config() const
{
    return d->link.config();
}
RedisClient::State RedisSubscriber::state() const
{
    return d->link.state();
}
RedisError RedisSubscriber::lastError() const
{
    return d->link.lastError();
}

void RedisSubscriber::subscribe(const QByteArrayList &channels)
{
    d->change(d->channels, channels, true, "SUBSCRIBE");
}
void RedisSubscriber::unsubscribe(const QByteArrayList &channels)
{
    d->change(d->channels, channels, false, "UNSUBSCRIBE");
}
void RedisSubscriber::psubscribe(const QByteArrayList &patterns)
{
    d->change(d->patterns, patterns, true, "PSUBSCRIBE");
}
void RedisSubscriber::punsubscribe(const QByteArrayList &patterns)
{
    d->change(d->patterns, patterns, false, "PUNSUBSCRIBE");
}
QByteArrayList RedisSubscriber::channels() const
{
    return QByteArrayList(d->channels.begin(), d->channels.end());
}
QByteArrayList RedisSubscriber::patterns() const
{
    return QByteArrayList(d->patterns.begin(), d->patterns.end());
}

void RedisSubscriber::disconnectFromServer()
{
    if (d->checkThread())
        d->link.close();
}

} // namespace RediStore
