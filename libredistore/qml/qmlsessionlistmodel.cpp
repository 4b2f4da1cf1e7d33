#include "qmlsessionlistmodel.h"

#include "qmljs_p.h"
#include "qmlsessionadmin.h"

#include <libredistore/session/sessionadmin.h>
#include <libredistore/session/sessionwatcher.h>

#include <QtCore/QLoggingCategory>
#include <QtQml/QJSEngine>

#include <algorithm>

namespace RediStore {

Q_DECLARE_LOGGING_CATEGORY(lcQml)

QmlSessionListModel::QmlSessionListModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

QmlSessionListModel::~QmlSessionListModel() = default;

void QmlSessionListModel::setAdmin(QmlSessionAdmin *admin)
{
    if (m_admin == admin)
        return;
    if (m_admin)
        disconnect(m_admin, nullptr, this, nullptr);
    m_admin = admin;
    if (m_admin) {
        connect(m_admin, &QmlSessionAdmin::reconfigured, this, &QmlSessionListModel::restart);
        connect(m_admin, &QObject::destroyed, this, &QmlSessionListModel::restart);
    }
    Q_EMIT adminChanged();
    restart();
}

void QmlSessionListModel::setLive(bool live)
{
    if (m_live == live)
        return;
    m_live = live;
    Q_EMIT liveChanged();
    if (!m_complete)
        return;
    if (m_live) {
        startWatching();
        refresh(); // catch up on what happened while not live
    } else {
        stopWatching();
    }
}

void QmlSessionListModel::setPollInterval(int ms)
{
    ms = qMax(50, ms);
    if (m_pollInterval == ms)
        return;
    m_pollInterval = ms;
    if (m_watcher)
        m_watcher->setPollInterval(ms);
    Q_EMIT pollIntervalChanged();
}

void QmlSessionListModel::setLoadValues(bool load)
{
    if (m_loadValues == load)
        return;
    m_loadValues = load;
    Q_EMIT loadValuesChanged();
    if (m_complete)
        restart();
}

void QmlSessionListModel::classBegin()
{
    m_complete = false;
}

void QmlSessionListModel::componentComplete()
{
    m_complete = true;
    restart();
}

int QmlSessionListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant QmlSessionListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case IdRole:
        return row.id;
    case TtlRole:
        return row.ttl;
    case SizeRole:
        return row.size;
    case ValuesRole:
        return row.values;
    default:
        return QVariant();
    }
}

QHash<int, QByteArray> QmlSessionListModel::roleNames() const
{
    return {
        { IdRole, QByteArrayLiteral("id") },
        { TtlRole, QByteArrayLiteral("ttl") },
        { SizeRole, QByteArrayLiteral("size") },
        { ValuesRole, QByteArrayLiteral("values") },
    };
}

QJSValue QmlSessionListModel::get(int row) const
{
    QJSEngine *engine = qjsEngine(this);
    if (!engine || row < 0 || row >= m_rows.size())
        return QJSValue();
    const Row &r = m_rows.at(row);
    return engine->toScriptValue(QVariantMap {
        { QStringLiteral("id"), r.id },
        { QStringLiteral("ttl"), r.ttl },
        { QStringLiteral("size"), r.size },
        { QStringLiteral("values"), r.values },
    });
}

int QmlSessionListModel::indexOf(const QString &id) const
{
    return int(rowOf(id));
}

void QmlSessionListModel::restart()
{
    ++m_generation;
    stopWatching();
    m_listing.clear();
    m_refreshAgain = false;
    setLoading(false);
    if (!m_rows.isEmpty()) {
        beginResetModel();
        m_rows.clear();
        endResetModel();
        Q_EMIT countChanged();
    }
    if (!m_complete || !m_admin)
        return;
    refresh();
    if (m_live)
        startWatching();
}

void QmlSessionListModel::refresh()
{
    if (!m_admin)
        return;
    SessionAdmin *admin = m_admin->admin();
    if (!admin) {
        setError(m_admin->error());
        return;
    }
    if (m_loading) {
        m_refreshAgain = true;
        return;
    }
    setLoading(true);
    m_listing.clear();
    m_scanAdmin = admin;
    scanStep(QByteArrayLiteral("0"));
}

void QmlSessionListModel::scanStep(const QByteArray &cursor)
{
    if (!m_scanAdmin) {
        setLoading(false);
        return;
    }
    const quint64 generation = m_generation;
    QmlJs::whenDone(this, m_scanAdmin->scan(cursor), [this, generation](const SessionPage &page) {
        if (generation != m_generation)
            return;
        if (!page.ok()) {
            setError(page.error.message());
            setLoading(false);
            m_refreshAgain = false;
            return;
        }
        if (page.restarted)
            m_listing.clear(); // the cluster's masters changed: the listing began again
        for (const SessionInfo &info : page.sessions) {
            if (info.ttlMs != -2) // -2: gone between SCAN and PTTL
                m_listing.append(Row { info.id, QmlJs::secondsFromMs(info.ttlMs), info.size, {} });
        }
        if (page.finished)
            finishRefresh();
        else
            scanStep(page.nextCursor);
    });
}

void QmlSessionListModel::finishRefresh()
{
    QList<Row> listing = std::move(m_listing);
    m_listing.clear();
    applyListing(listing);
    setError(QString());
    setLoading(false);
    Q_EMIT refreshed();
    if (m_refreshAgain) {
        m_refreshAgain = false;
        refresh();
    }
}

void QmlSessionListModel::applyListing(const QList<Row> &unsorted)
{
    QList<Row> listing = unsorted;
    std::sort(listing.begin(), listing.end(),
              [](const Row &a, const Row &b) { return a.id < b.id; });
    listing.erase(std::unique(listing.begin(), listing.end(),
                              [](const Row &a, const Row &b) { return a.id == b.id; }),
                  listing.end());

    // Rows that are gone, from the back so the indexes stay valid.
    for (qsizetype i = m_rows.size() - 1; i >= 0; --i) {
        const QString &id = m_rows.at(i).id;
        const auto it
            = std::lower_bound(listing.cbegin(), listing.cend(), id,
                               [](const Row &row, const QString &key) { return row.id < key; });
        if (it == listing.cend() || it->id != id) {
            beginRemoveRows(QModelIndex(), int(i), int(i));
            m_rows.removeAt(i);
            endRemoveRows();
        }
    }
    const qsizetype before = m_rows.size();
    for (const Row &row : listing) {
        const qsizetype existing = rowOf(row.id);
        const bool changed = existing < 0 || m_rows.at(existing).size != row.size;
        upsert(row, true);
        // The size is the cheap sign of a changed value: load the values again then.
        if (changed && m_loadValues)
            reloadSession(row.id);
    }
    if (before != m_rows.size() || listing.size() != before)
        Q_EMIT countChanged();
}

qsizetype QmlSessionListModel::rowOf(const QString &id) const
{
    const qsizetype at = insertionPoint(id);
    return at < m_rows.size() && m_rows.at(at).id == id ? at : -1;
}

qsizetype QmlSessionListModel::insertionPoint(const QString &id) const
{
    const auto it
        = std::lower_bound(m_rows.cbegin(), m_rows.cend(), id,
                           [](const Row &row, const QString &key) { return row.id < key; });
    return it - m_rows.cbegin();
}

void QmlSessionListModel::upsert(const Row &row, bool keepValues)
{
    const qsizetype at = insertionPoint(row.id);
    if (at >= m_rows.size() || m_rows.at(at).id != row.id) {
        beginInsertRows(QModelIndex(), int(at), int(at));
        m_rows.insert(at, row);
        endInsertRows();
        Q_EMIT countChanged();
        return;
    }
    Row &current = m_rows[at];
    QList<int> roles;
    if (current.ttl != row.ttl) {
        current.ttl = row.ttl;
        roles.append(TtlRole);
    }
    if (current.size != row.size) {
        current.size = row.size;
        roles.append(SizeRole);
    }
    if (!keepValues && current.values != row.values) {
        current.values = row.values;
        roles.append(ValuesRole);
    }
    if (!roles.isEmpty()) {
        const QModelIndex changed = index(int(at));
        Q_EMIT dataChanged(changed, changed, roles);
    }
}

void QmlSessionListModel::removeId(const QString &id)
{
    const qsizetype at = rowOf(id);
    if (at < 0)
        return;
    beginRemoveRows(QModelIndex(), int(at), int(at));
    m_rows.removeAt(at);
    endRemoveRows();
    Q_EMIT countChanged();
}

void QmlSessionListModel::reloadSession(const QString &id)
{
    if (!m_admin)
        return;
    SessionAdmin *admin = m_admin->admin();
    if (!admin)
        return;
    const quint64 generation = m_generation;
    // A later event for the same session wins over an earlier load still on its way.
    PendingLoad &pending = m_pendingLoads[id];
    const quint64 token = pending.token = ++m_eventCounter;
    ++pending.inFlight;
    QmlJs::whenDone(this, admin->load(id),
                    [this, generation, token, id](const SessionContent &content) {
                        if (generation != m_generation)
                            return;
                        const auto it = m_pendingLoads.find(id);
                        if (it == m_pendingLoads.end())
                            return;
                        const bool stale = it->token != token;
                        if (--it->inFlight == 0)
                            m_pendingLoads.erase(it);
                        if (stale)
                            return;
                        if (!content.exists) {
                            if (content.error.isError()
                                && content.error.code() != SessionError::Code::SessionGone) {
                                setError(content.error.message());
                                return;
                            }
                            removeId(id);
                            return;
                        }
                        // A session that does not decode is still listed, with its size and no
                        // values.
                        upsert(Row { id, QmlJs::secondsFromMs(content.ttlMs), content.raw.size(),
                                     m_loadValues ? content.values : QVariantMap() },
                               false);
                    });
}

void QmlSessionListModel::onSessionChanged(const QString &id, SessionWatcher::Event event)
{
    if (SessionWatcher::isRemoval(event)) {
        const auto it = m_pendingLoads.find(id);
        if (it != m_pendingLoads.end())
            it->token = ++m_eventCounter; // a load still on its way is stale
        removeId(id);
        return;
    }
    reloadSession(id);
}

void QmlSessionListModel::startWatching()
{
    if (!m_admin)
        return;
    SessionAdmin *admin = m_admin->admin();
    if (!admin)
        return;
    m_watcher = new SessionWatcher(admin, this);
    m_watcher->setPollInterval(m_pollInterval);
    connect(m_watcher, &SessionWatcher::modeChanged, this, [this](SessionWatcher::Mode mode) {
        switch (mode) {
        case SessionWatcher::Mode::Listening:
            setUpdateMode(QStringLiteral("notifications"));
            break;
        case SessionWatcher::Mode::Polling:
            qCDebug(lcQml, "keyspace notifications are off: polling every %d ms", m_pollInterval);
            setUpdateMode(QStringLiteral("polling"));
            break;
        case SessionWatcher::Mode::Off:
        case SessionWatcher::Mode::Checking:
            setUpdateMode(QString());
            break;
        }
    });
    connect(m_watcher, &SessionWatcher::sessionChanged, this,
            &QmlSessionListModel::onSessionChanged);
    // Changes made before the watcher saw every one (subscribing, the first poll): reload.
    connect(m_watcher, &SessionWatcher::resyncNeeded, this, &QmlSessionListModel::refresh);
    connect(m_watcher, &SessionWatcher::polled, this, &QmlSessionListModel::refreshed);
    m_watcher->start();
}

void QmlSessionListModel::stopWatching()
{
    if (m_watcher) {
        disconnect(m_watcher, nullptr, this, nullptr);
        m_watcher->stop();
        m_watcher->deleteLater();
        m_watcher = nullptr;
    }
    m_pendingLoads.clear();
    setUpdateMode(QString());
}

void QmlSessionListModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged();
}

void QmlSessionListModel::setUpdateMode(const QString &mode)
{
    if (m_updateMode == mode)
        return;
    m_updateMode = mode;
    Q_EMIT updateModeChanged();
}

void QmlSessionListModel::setError(const QString &error)
{
    if (m_error == error)
        return;
    m_error = error;
    Q_EMIT errorChanged();
}

} // namespace RediStore
