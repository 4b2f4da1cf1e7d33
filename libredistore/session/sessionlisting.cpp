#include "sessionlisting.h"

#include "sessionadmin_p.h"

#include <libredistore/redis/redisclient.h>
#include <libredistore/redis/redispool.h>

#include <QtCore/QPointer>

#include <optional>

namespace RediStore {

namespace {

SessionError scanError(const RedisReply &reply)
{
    return SessionError::fromRedis(
        reply.isError() ? reply.error()
                        : RedisError(RedisError::Code::UnexpectedReply, reply.toDisplayString()),
        QStringLiteral("SCAN"));
}

} // namespace

class SessionListingPrivate
{
public:
    // One master's walk (or the one server's).
    struct Node
    {
        std::optional<RedisConfig> master;
        QByteArray cursor = "0";
        bool scanning = false; // a SCAN in flight
        bool scanned = false; // its SCAN returned cursor 0
        bool first = true;
        int describing = 0; // pages in flight
        QList<QByteArrayList> failedPages; // to describe again on resume()
        // The SCANs' own connection: behind the pool's, each SCAN would wait for every page
        // described before it, and Redis would sit idle while the next SCAN's reply travels.
        QPointer<RedisClient> scanClient;
    };

    SessionListingPrivate(SessionListing *listing, SessionAdmin *admin)
        : q(listing)
        , admin(admin)
    { }

    SessionAdminPrivate *adminPrivate() const
    {
        return admin ? SessionAdminPrivate::get(admin) : nullptr;
    }
    RedisPool *pool() const
    {
        SessionAdminPrivate *d = adminPrivate();
        return d ? d->pool.data() : nullptr;
    }
    bool isCluster() const
    {
        RedisPool *p = pool();
        return p && p->topology() == RedisConfig::Topology::Cluster;
    }

    void begin();
    void dropScanClients();
    RedisClient *scanClientFor(Node &node);
    void pump(int node);
    void scan(int node);
    void describe(int node, const QByteArrayList &keys);
    void fail(const SessionError &error);
    void checkFinished();
    void onTopologyChanged();

    SessionListing *q;
    QPointer<SessionAdmin> admin;
    QMetaObject::Connection topologyConnection;
    std::vector<Node> nodes;
    int pageSize = 1000;
    int firstPageSize = 0; // 0: pageSize
    int pagesInFlight = 4;
    int epoch = -1;
    quint64 token = 0; // changes with each walk, to drop replies meant for an earlier one
    qint64 pages = 0;
    bool started = false;
    bool ready = false; // the nodes are known
    bool finished = false;
    bool failed = false;
};

void SessionListingPrivate::dropScanClients()
{
    for (Node &node : nodes) {
        if (node.scanClient)
            node.scanClient->deleteLater(); // may be calling back
        node.scanClient = nullptr;
    }
}

RedisClient *SessionListingPrivate::scanClientFor(Node &node)
{
    RedisPool *p = pool();
    // A Sentinel setup's master is found by the pool: its SCANs go there.
    if (!p || p->topology() == RedisConfig::Topology::Sentinel)
        return nullptr;
    if (!node.scanClient) {
        node.scanClient = new RedisClient(node.master ? *node.master : p->config(), q);
        node.scanClient->connectToServer();
    }
    return node.scanClient;
}

void SessionListingPrivate::begin()
{
    const quint64 walk = ++token;
    dropScanClients();
    nodes.clear();
    pages = 0;
    started = true;
    ready = false;
    finished = false;
    failed = false;
    SessionAdminPrivate *d = adminPrivate();
    if (!d || !d->pool) {
        const SessionError error = adminDeletedError();
        QMetaObject::invokeMethod(
            q,
            [this, walk, error]() {
                if (walk == token)
                    fail(error);
            },
            Qt::QueuedConnection);
        return;
    }
    if (!isCluster()) {
        nodes.emplace_back();
        ready = true;
        pump(0);
        return;
    }
    QPointer<RedisPool> cluster = d->pool;
    if (!topologyConnection)
        topologyConnection = QObject::connect(cluster, &RedisPool::topologyChanged, q,
                                              [this]() { onTopologyChanged(); });
    cluster->whenTopologyKnown(q, [this, walk, cluster](const RedisError &error) {
        if (walk != token)
            return;
        if (!cluster || error.isError()) {
            fail(SessionError::fromRedis(error.isError() ? error : adminDeletedError().redisError(),
                                         QStringLiteral("SCAN")));
            return;
        }
        epoch = cluster->topologyEpoch();
        for (const RedisConfig &master : cluster->masters()) {
            Node node;
            node.master = master;
            nodes.push_back(node);
        }
        ready = true;
        for (int i = 0; i < int(nodes.size()); ++i)
            pump(i);
        checkFinished(); // no masters at all
    });
}

void SessionListingPrivate::onTopologyChanged()
{
    RedisPool *p = pool();
    // A failed walk begins again on resume(); a finished one stays as it is.
    if (!p || !started || !ready || finished || failed || p->topologyEpoch() == epoch)
        return;
    Q_EMIT q->restarted();
    begin();
}

void SessionListingPrivate::pump(int index)
{
    Node &node = nodes[size_t(index)];
    if (failed || finished || node.scanning || node.scanned || node.describing >= pagesInFlight)
        return;
    scan(index);
}

void SessionListingPrivate::scan(int index)
{
    SessionAdminPrivate *d = adminPrivate();
    RedisPool *p = pool();
    if (!d || !p) {
        fail(adminDeletedError());
        return;
    }
    Node &node = nodes[size_t(index)];
    node.scanning = true;
    const int count = node.first && firstPageSize > 0 ? firstPageSize : pageSize;
    const QByteArrayList command { "SCAN",  node.cursor,
                                   "MATCH", globEscape(d->keyPrefixUtf8) + '*',
                                   "COUNT", QByteArray::number(count) };
    const quint64 walk = token;
    auto onReply = [this, walk, index](const RedisReply &reply) {
        if (walk != token)
            return;
        Node &node = nodes[size_t(index)];
        node.scanning = false;
        if (reply.isError() || reply.size() != 2) {
            fail(scanError(reply));
            return;
        }
        node.first = false;
        node.cursor = reply.at(0).data();
        node.scanned = node.cursor == "0";
        QByteArrayList keys;
        SessionAdminPrivate *d = adminPrivate();
        for (const RedisReply &key : reply.at(1).elements()) {
            if (d && d->isSessionKey(key.data()))
                keys.append(key.data());
        }
        if (!keys.isEmpty())
            describe(index, keys);
        pump(index); // the next SCAN goes out while this page is being described
        checkFinished();
    };
    // Replies come on the listing's context: none reaches a deleted listing.
    if (RedisClient *client = scanClientFor(node))
        client->execute(command, q, std::move(onReply));
    else if (node.master)
        p->executeOn(*node.master, command, q, std::move(onReply));
    else
        p->execute(command, q, std::move(onReply));
}

void SessionListingPrivate::describe(int index, const QByteArrayList &keys)
{
    SessionAdminPrivate *d = adminPrivate();
    Node &node = nodes[size_t(index)];
    ++node.describing;
    const quint64 walk = token;
    QPointer<SessionListing> self = q;
    d->describeKeys(keys, node.master ? &*node.master : nullptr,
                    [this, self, walk, index, keys](const SessionPage &page) {
                        if (!self || walk != token)
                            return;
                        Node &node = nodes[size_t(index)];
                        --node.describing;
                        if (!page.ok()) {
                            node.failedPages.append(keys);
                            fail(page.error);
                            return;
                        }
                        ++pages;
                        pump(index);
                        Q_EMIT q->pageReady(page);
                        if (self && walk == token)
                            checkFinished();
                    });
}

void SessionListingPrivate::fail(const SessionError &error)
{
    if (failed)
        return;
    failed = true;
    Q_EMIT q->failed(error);
}

void SessionListingPrivate::checkFinished()
{
    if (!ready || failed || finished)
        return;
    for (const Node &node : nodes) {
        if (!node.scanned || node.scanning || node.describing > 0 || !node.failedPages.isEmpty())
            return;
    }
    finished = true;
    dropScanClients();
    Q_EMIT q->finished();
}

SessionListing::SessionListing(SessionAdmin *admin, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<SessionListingPrivate>(this, admin))
{
    // The admin's replies die with it: a walk under way fails instead of waiting for them.
    if (admin) {
        connect(admin, &QObject::destroyed, this, [this]() {
            if (isRunning())
                d->fail(adminDeletedError());
        });
    }
}

SessionListing::~SessionListing() = default;

void SessionListing::setPageSize(int keys)
{
    d->pageSize = qMax(1, keys);
}

void SessionListing::setFirstPageSize(int keys)
{
    d->firstPageSize = qMax(0, keys);
}

void SessionListing::setPagesInFlight(int pages)
{
    d->pagesInFlight = qMax(1, pages);
}

void SessionListing::start()
{
    d->begin();
}

void SessionListing::stop()
{
    ++d->token;
    d->started = false;
    d->ready = false;
    d->dropScanClients();
    d->nodes.clear();
}

void SessionListing::resume()
{
    if (!d->failed)
        return;
    RedisPool *pool = d->pool();
    if (!d->ready || (d->isCluster() && pool && pool->topologyEpoch() != d->epoch)) {
        // The masters changed (or were never known): begin again.
        if (d->ready)
            Q_EMIT restarted();
        d->begin();
        return;
    }
    d->failed = false;
    d->dropScanClients(); // new connections, in case the old ones gave up
    const quint64 walk = d->token;
    for (int i = 0; i < int(d->nodes.size()) && walk == d->token && !d->failed; ++i) {
        const QList<QByteArrayList> again = std::exchange(d->nodes[size_t(i)].failedPages, {});
        for (const QByteArrayList &keys : again)
            d->describe(i, keys);
        d->pump(i);
    }
    d->checkFinished();
}

bool SessionListing::isRunning() const
{
    return d->started && !d->finished && !d->failed;
}

bool SessionListing::isFinished() const
{
    return d->finished;
}

bool SessionListing::hasFailed() const
{
    return d->failed;
}

qint64 SessionListing::pagesDone() const
{
    return d->pages;
}

} // namespace RediStore
