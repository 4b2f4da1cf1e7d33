#include "rediscluster.h"
#include "redisserver.h"

#include <QtCore/QDeadlineTimer>
#include <QtCore/QThread>

#include <algorithm>

namespace RediStore::Test {

// One line of CLUSTER NODES.
struct RedisCluster::Node
{
    QByteArray id;
    quint16 port = 0;
    QByteArrayList flags;
    QByteArray masterId; // "-" for a master
    QList<QPair<int, int>> slots; // ranges, without the [slot->-id] migration marks

    bool isMaster() const { return flags.contains("master"); }
    bool isFailing() const { return flags.contains("fail") || flags.contains("fail?"); }
    bool serves(int slot) const
    {
        return std::any_of(slots.cbegin(), slots.cend(), [slot](const QPair<int, int> &range) {
            return slot >= range.first && slot <= range.second;
        });
    }
    int firstSlot() const { return slots.isEmpty() ? 16384 : slots.first().first; }
};

namespace {

quint16 crc16(const QByteArray &data)
{
    quint16 crc = 0;
    for (const char c : data) {
        crc ^= quint16(quint8(c)) << 8;
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc & 0x8000) ? quint16((crc << 1) ^ 0x1021) : quint16(crc << 1);
    }
    return crc;
}

bool isOk(const QVariant &reply)
{
    return reply.toByteArray() == "OK";
}

// A reply that is text (not nil, an array or an error).
bool isText(const QVariant &reply)
{
    return reply.typeId() == QMetaType::QByteArray && !reply.toByteArray().startsWith('-');
}

} // namespace

QList<RedisCluster::Node> RedisCluster::parseNodes(const QByteArray &text)
{
    QList<RedisCluster::Node> nodes;
    for (const QByteArray &line : text.split('\n')) {
        const QByteArrayList fields = line.trimmed().split(' ');
        if (fields.size() < 8)
            continue;
        Node node;
        node.id = fields.at(0);
        // ip:port@cport[,hostname]
        const QByteArray address = fields.at(1).left(fields.at(1).indexOf('@'));
        node.port = address.mid(address.lastIndexOf(':') + 1).toUShort();
        node.flags = fields.at(2).split(',');
        node.masterId = fields.at(3);
        for (qsizetype i = 8; i < fields.size(); ++i) {
            const QByteArray &range = fields.at(i);
            if (range.startsWith('['))
                continue;
            const qsizetype dash = range.indexOf('-');
            const int first = (dash < 0 ? range : range.left(dash)).toInt();
            const int last = dash < 0 ? first : range.mid(dash + 1).toInt();
            node.slots.append({ first, last });
        }
        nodes.append(node);
    }
    return nodes;
}

RedisCluster::RedisCluster()
    : RedisCluster(Options {})
{ }

RedisCluster::RedisCluster(Options options)
    : m_options(std::move(options))
    , m_nodes(QStringLiteral("private-cluster.sh"))
{ }

RedisCluster::~RedisCluster()
{
    stop();
}

bool RedisCluster::start()
{
    QStringList options
        = { QStringLiteral("--node-timeout"), QString::number(m_options.nodeTimeoutMs) };
    if (!m_options.password.isEmpty())
        options << QStringLiteral("--password") << QString::fromUtf8(m_options.password);
    m_killedSlots.clear();
    if (!m_nodes.start(options))
        return false;
    m_ports = m_nodes.ports(QStringLiteral("PORTS"));
    m_startMasters = m_nodes.ports(QStringLiteral("MASTERS"));
    return m_ports.size() == 6 && m_startMasters.size() == 3;
}

void RedisCluster::stop()
{
    m_nodes.stop();
    m_ports.clear();
    m_startMasters.clear();
}

QString RedisCluster::url() const
{
    return m_options.password.isEmpty()
        ? url(QString(), QString())
        : url(QStringLiteral("default"), QString::fromUtf8(m_options.password));
}

QString RedisCluster::url(const QString &user, const QString &password) const
{
    return QStringLiteral("redis+cluster://") + urlCredentials(user, password)
        + hostList(m_startMasters);
}

QVariant RedisCluster::command(quint16 port, const QByteArrayList &args, const QByteArray &user,
                               const QByteArray &password) const
{
    if (password.isEmpty() && !m_options.password.isEmpty())
        return redisCommand(port, args, "default", m_options.password);
    return redisCommand(port, args, user, password);
}

QList<RedisCluster::Node> RedisCluster::view() const
{
    QList<Node> fallback;
    for (const quint16 port : m_ports) {
        const QVariant nodes = command(port, { "CLUSTER", "NODES" });
        if (!isText(nodes))
            continue;
        const QList<Node> parsed = parseNodes(nodes.toByteArray());
        const QVariant info = command(port, { "CLUSTER", "INFO" });
        if (infoField(info.toByteArray(), "cluster_state") == "ok")
            return parsed;
        if (fallback.isEmpty())
            fallback = parsed;
    }
    return fallback;
}

QList<quint16> RedisCluster::masterPorts() const
{
    QList<Node> masters;
    const QList<Node> nodes = view();
    std::copy_if(nodes.cbegin(), nodes.cend(), std::back_inserter(masters),
                 [](const Node &node) { return node.isMaster() && !node.isFailing(); });
    std::stable_sort(masters.begin(), masters.end(),
                     [](const Node &a, const Node &b) { return a.firstSlot() < b.firstSlot(); });
    QList<quint16> ports;
    for (const Node &node : masters)
        ports << node.port;
    return ports;
}

QList<quint16> RedisCluster::replicaPorts(quint16 master) const
{
    const QList<Node> nodes = view();
    QByteArray masterId;
    for (const Node &node : nodes) {
        if (node.port == master)
            masterId = node.id;
    }
    QList<quint16> ports;
    for (const Node &node : nodes) {
        if (!masterId.isEmpty() && node.masterId == masterId && !node.isFailing())
            ports << node.port;
    }
    return ports;
}

quint16 RedisCluster::masterOfSlot(int slot) const
{
    const QList<Node> nodes = view();
    for (const Node &node : nodes) {
        if (node.isMaster() && node.serves(slot))
            return node.port;
    }
    return 0;
}

QByteArray RedisCluster::nodeId(quint16 port) const
{
    const QVariant id = command(port, { "CLUSTER", "MYID" });
    return isText(id) ? id.toByteArray() : QByteArray();
}

int RedisCluster::keySlot(const QByteArray &key)
{
    QByteArray hashed = key;
    const qsizetype open = key.indexOf('{');
    if (open >= 0) {
        const qsizetype close = key.indexOf('}', open + 1);
        if (close > open + 1)
            hashed = key.mid(open + 1, close - open - 1);
    }
    return crc16(hashed) & 16383;
}

void RedisCluster::kill(quint16 port)
{
    const QVariant nodes = command(port, { "CLUSTER", "NODES" });
    if (isText(nodes)) {
        for (const Node &node : parseNodes(nodes.toByteArray())) {
            if (node.flags.contains("myself") && node.isMaster() && !node.slots.isEmpty()) {
                QList<int> slots;
                for (const auto &range : node.slots)
                    slots << range.first;
                m_killedSlots.insert(port, slots);
            }
        }
    }
    m_nodes.kill(port);
}

bool RedisCluster::restart(quint16 port)
{
    return m_nodes.restart(port);
}

quint16 RedisCluster::waitForFailover(quint16 killedMaster, int timeoutMs)
{
    QList<int> slots = m_killedSlots.value(killedMaster);
    if (slots.isEmpty()) {
        for (const Node &node : view()) {
            if (node.port == killedMaster && node.isMaster() && !node.slots.isEmpty())
                slots << node.slots.first().first;
        }
    }
    if (slots.isEmpty())
        return 0;
    const int slot = slots.first();
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        quint16 owner = 0;
        bool agreed = true;
        int survivors = 0;
        for (const quint16 port : std::as_const(m_ports)) {
            if (port == killedMaster)
                continue;
            const QVariant nodes = command(port, { "CLUSTER", "NODES" });
            if (!isText(nodes))
                continue; // not running
            ++survivors;
            const QVariant info = command(port, { "CLUSTER", "INFO" });
            quint16 seen = 0;
            for (const Node &node : parseNodes(nodes.toByteArray())) {
                if (node.isMaster() && node.serves(slot))
                    seen = node.port;
            }
            if (infoField(info.toByteArray(), "cluster_state") != "ok" || seen == 0
                || seen == killedMaster || (owner != 0 && seen != owner)) {
                agreed = false;
                break;
            }
            owner = seen;
        }
        if (agreed && survivors > 0 && roleOf(command(owner, { "ROLE" })) == "master")
            return owner;
        QThread::msleep(50);
    }
    return 0;
}

bool RedisCluster::beginMigration(int slot, quint16 from, quint16 to)
{
    const QByteArray fromId = nodeId(from);
    const QByteArray toId = nodeId(to);
    if (fromId.isEmpty() || toId.isEmpty())
        return false;
    const QByteArray number = QByteArray::number(slot);
    return isOk(command(to, { "CLUSTER", "SETSLOT", number, "IMPORTING", fromId }))
        && isOk(command(from, { "CLUSTER", "SETSLOT", number, "MIGRATING", toId }));
}

int RedisCluster::migrateKeys(int slot, quint16 from, quint16 to, int count)
{
    const QVariant reply = command(
        from, { "CLUSTER", "GETKEYSINSLOT", QByteArray::number(slot), QByteArray::number(count) });
    if (reply.typeId() != QMetaType::QVariantList)
        return -1;
    const QVariantList keys = reply.toList();
    if (keys.isEmpty())
        return 0;
    QByteArrayList migrate = { "MIGRATE", "127.0.0.1", QByteArray::number(to), "", "0", "5000" };
    if (!m_options.password.isEmpty())
        migrate << "AUTH" << m_options.password;
    migrate << "KEYS";
    for (const QVariant &key : keys)
        migrate << key.toByteArray();
    const QByteArray answer = command(from, migrate).toByteArray();
    if (answer == "OK")
        return int(keys.size());
    return answer == "NOKEY" ? 0 : -1;
}

bool RedisCluster::endMigration(int slot, quint16 to)
{
    const QByteArray toId = nodeId(to);
    if (toId.isEmpty())
        return false;
    const QByteArrayList setSlot = { "CLUSTER", "SETSLOT", QByteArray::number(slot), "NODE", toId };
    const QList<quint16> masters = masterPorts();
    if (!isOk(command(to, setSlot)))
        return false;
    bool ok = true;
    for (const quint16 master : masters) {
        if (master != to && !isOk(command(master, setSlot)))
            ok = false;
    }
    return ok;
}

bool RedisCluster::moveSlot(int slot, quint16 from, quint16 to)
{
    if (!beginMigration(slot, from, to))
        return false;
    for (;;) {
        const int moved = migrateKeys(slot, from, to, 100);
        if (moved < 0)
            return false;
        if (moved == 0)
            break;
    }
    return endMigration(slot, to);
}

bool RedisCluster::waitUntilOk(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        QList<quint16> running;
        QList<QList<Node>> views;
        bool ok = true;
        for (const quint16 port : std::as_const(m_ports)) {
            const QVariant nodes = command(port, { "CLUSTER", "NODES" });
            if (!isText(nodes))
                continue;
            running << port;
            views << parseNodes(nodes.toByteArray());
            const QVariant info = command(port, { "CLUSTER", "INFO" });
            const QVariantList role = command(port, { "ROLE" }).toList();
            if (infoField(info.toByteArray(), "cluster_state") != "ok"
                || (roleOf(role) == "slave" && role.value(3).toByteArray() != "connected"))
                ok = false;
        }
        // Each view as "port:first-last ..." of the masters, and no running node failing.
        QByteArrayList signatures;
        for (const QList<Node> &nodes : std::as_const(views)) {
            QByteArrayList masters;
            for (const Node &node : nodes) {
                // A running node is failing, or seen as a master without slots: a former
                // master that has not turned into the new one's replica yet.
                if (running.contains(node.port)
                    && (node.isFailing() || (node.isMaster() && node.slots.isEmpty())))
                    ok = false;
                if (!node.isMaster() || node.slots.isEmpty())
                    continue;
                QByteArray text = QByteArray::number(node.port) + ':';
                for (const auto &range : node.slots)
                    text += QByteArray::number(range.first) + '-' + QByteArray::number(range.second)
                        + ' ';
                masters << text;
            }
            std::sort(masters.begin(), masters.end());
            signatures << masters.join('|');
        }
        if (ok && !running.isEmpty()
            && std::all_of(signatures.cbegin(), signatures.cend(),
                           [&](const QByteArray &s) { return s == signatures.first(); }))
            return true;
        QThread::msleep(50);
    }
    return false;
}

} // namespace RediStore::Test
