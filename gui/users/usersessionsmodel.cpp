#include "users/usersessionsmodel.h"

#include "common/displayformat.h"
#include "sessions/valuesearch.h"

#include <libredistore/async.h>

#include <QtCore/QSet>

#include <algorithm>

namespace RediStore::Admin {

namespace {
constexpr int chunkSize = 200; // sessions per loadMany()
constexpr int searchPage = 500; // SCAN COUNT of a value search
} // namespace

UserSessionsModel::UserSessionsModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void UserSessionsModel::setAdmin(SessionAdmin *admin)
{
    m_admin = admin;
    clear();
}

void UserSessionsModel::clear()
{
    reset(Source::None, QString());
}

void UserSessionsModel::reset(Source source, const QString &user)
{
    ++m_token;
    beginResetModel();
    m_rows.clear();
    m_user = user;
    m_source = source;
    m_error = SessionError();
    m_pending = 0;
    m_checked = 0;
    m_truncated = false;
    endResetModel();
}

void UserSessionsModel::fail(const SessionError &error)
{
    if (!m_error.isError())
        m_error = error;
}

void UserSessionsModel::done(quint64 token)
{
    if (token != m_token)
        return;
    if (--m_pending == 0)
        Q_EMIT loaded();
}

void UserSessionsModel::showUser(const QString &user)
{
    reset(Source::Index, user);
    if (!m_admin || user.isEmpty())
        return;
    const quint64 token = m_token;
    ++m_pending;
    whenFinished(m_admin->sessionsOfUser(user), this, [this, token](const UserSessions &found) {
        if (token != m_token)
            return;
        if (!found.ok())
            fail(found.error);
        QList<UserSession> sessions = found.sessions;
        // Most recently active first: the longest time to live.
        std::stable_sort(sessions.begin(), sessions.end(),
                         [](const UserSession &a, const UserSession &b) {
                             const qint64 ta = a.ttlMs < 0 ? LLONG_MAX : a.ttlMs;
                             const qint64 tb = b.ttlMs < 0 ? LLONG_MAX : b.ttlMs;
                             return ta > tb;
                         });
        if (sessions.size() > maxSessions) {
            sessions.resize(maxSessions);
            m_truncated = true;
        }
        QStringList ids;
        if (!sessions.isEmpty()) {
            beginInsertRows(QModelIndex(), 0, int(sessions.size()) - 1);
            for (const UserSession &session : std::as_const(sessions)) {
                Row row;
                row.id = session.id;
                row.ttlMs = session.ttlMs;
                m_rows.append(row);
                ids.append(session.id);
            }
            endInsertRows();
        }
        fillDetails(token, ids);
        done(token);
    });
}

void UserSessionsModel::fillDetails(quint64 token, const QStringList &ids)
{
    if (ids.isEmpty() || !m_admin)
        return;
    ++m_pending;
    whenFinished(m_admin->probe(ids), this, [this, token](const SessionProbe &probe) {
        if (token != m_token)
            return;
        if (!probe.ok())
            fail(probe.error);
        for (const SessionInfo &info : probe.sessions) {
            const int row = rowOf(info.id);
            if (row < 0)
                continue;
            m_rows[row].size = info.size;
            if (info.ttlMs != -2)
                m_rows[row].ttlMs = info.ttlMs;
            Q_EMIT dataChanged(index(row, TtlColumn), index(row, SizeColumn));
        }
        done(token);
    });
    for (qsizetype at = 0; at < ids.size(); at += chunkSize) {
        ++m_pending;
        whenFinished(m_admin->loadMany(ids.mid(at, chunkSize)), this,
                     [this, token](const SessionContentList &list) {
                         if (token != m_token)
                             return;
                         if (!list.ok())
                             fail(list.error);
                         for (const SessionContent &content : list.sessions) {
                             const int row = rowOf(content.id);
                             if (row < 0)
                                 continue;
                             m_rows[row].values = content.values;
                             m_rows[row].preview = previewOf(content);
                             m_rows[row].valuesRead = true;
                             Q_EMIT dataChanged(index(row, ValuesColumn), index(row, ValuesColumn));
                         }
                         done(token);
                     });
    }
}

void UserSessionsModel::showSearch(const QString &text)
{
    reset(Source::ValueSearch, text);
    if (!m_admin || text.isEmpty())
        return;
    ++m_pending;
    searchStep(m_token, "0");
}

void UserSessionsModel::searchStep(quint64 token, const QByteArray &cursor)
{
    whenFinished(m_admin->scan(cursor, searchPage), this, [this, token](const SessionPage &page) {
        if (token != m_token)
            return;
        if (!m_admin) {
            done(token);
            return;
        }
        if (!page.ok()) {
            fail(page.error);
            done(token);
            return;
        }
        if (page.restarted && !m_rows.isEmpty()) {
            // The cluster's masters changed: the scan began again.
            beginResetModel();
            m_rows.clear();
            endResetModel();
            m_checked = 0;
        }
        QStringList ids;
        QHash<QString, SessionInfo> infos;
        for (const SessionInfo &info : page.sessions) {
            ids.append(info.id);
            infos.insert(info.id, info);
        }
        const QByteArray next = page.nextCursor;
        auto continueOrFinish = [this, token, next]() {
            Q_EMIT progress();
            if (next == "0" || next.isEmpty() || m_truncated)
                done(token);
            else
                searchStep(token, next);
        };
        if (ids.isEmpty()) {
            continueOrFinish();
            return;
        }
        whenFinished(m_admin->loadMany(ids), this,
                     [this, token, infos, continueOrFinish](const SessionContentList &list) {
                         if (token != m_token)
                             return;
                         if (!list.ok()) {
                             fail(list.error);
                             done(token);
                             return;
                         }
                         m_checked += list.sessions.size();
                         for (const SessionContent &content : list.sessions) {
                             if (!content.exists || !ValueSearch::matches(content, m_user))
                                 continue;
                             if (m_rows.size() >= maxSessions) {
                                 m_truncated = true;
                                 break;
                             }
                             const SessionInfo info = infos.value(content.id);
                             Row row;
                             row.id = content.id;
                             row.ttlMs = info.ttlMs;
                             row.size = info.size;
                             row.values = content.values;
                             row.preview = previewOf(content);
                             row.valuesRead = true;
                             const int at = int(m_rows.size());
                             beginInsertRows(QModelIndex(), at, at);
                             m_rows.append(row);
                             endInsertRows();
                         }
                         continueOrFinish();
                     });
    });
}

QString UserSessionsModel::previewOf(const SessionContent &content)
{
    if (!content.exists)
        return tr("(gone)");
    if (content.error.isError())
        return tr("(not decoded: %1)").arg(content.error.message());
    return DisplayFormat::preview(content.values, 160);
}

QString UserSessionsModel::sessionId(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : QString();
}

QVariantMap UserSessionsModel::values(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).values : QVariantMap();
}

QStringList UserSessionsModel::ids() const
{
    QStringList list;
    list.reserve(m_rows.size());
    for (const Row &row : m_rows)
        list.append(row.id);
    return list;
}

int UserSessionsModel::rowOf(const QString &id) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == id)
            return int(i);
    }
    return -1;
}

QStringList UserSessionsModel::shownAmong(const QStringList &ids) const
{
    QStringList shown;
    if (m_rows.isEmpty() || ids.isEmpty())
        return shown;
    QSet<QString> rows;
    rows.reserve(m_rows.size());
    for (const Row &row : m_rows)
        rows.insert(row.id);
    for (const QString &id : ids) {
        if (rows.remove(id))
            shown << id;
    }
    return shown;
}

void UserSessionsModel::reread(const QStringList &ids)
{
    fillDetails(m_token, shownAmong(ids));
}

void UserSessionsModel::removeSessions(const QStringList &ids)
{
    for (const QString &id : shownAmong(ids)) {
        const int row = rowOf(id);
        if (row < 0)
            continue;
        beginRemoveRows(QModelIndex(), row, row);
        m_rows.removeAt(row);
        endRemoveRows();
    }
}

int UserSessionsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int UserSessionsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UserSessionsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case IdColumn:
            return row.id;
        case TtlColumn:
            return DisplayFormat::ttl(row.ttlMs);
        case SizeColumn:
            return row.size < 0 ? QString() : DisplayFormat::size(row.size);
        case ValuesColumn:
            return row.valuesRead ? row.preview : tr("Loading\u2026");
        default:
            return QVariant();
        }
    case Qt::ToolTipRole:
        if (index.column() == ValuesColumn)
            return row.preview;
        return QVariant();
    case Qt::TextAlignmentRole:
        if (index.column() == SizeColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant();
    case IdRole:
        return row.id;
    case TtlRole:
        return row.ttlMs;
    case SizeRole:
        return row.size;
    case ValuesRole:
        return row.values;
    default:
        return QVariant();
    }
}

QVariant UserSessionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn:
        return tr("Session ID");
    case TtlColumn:
        return tr("TTL");
    case SizeColumn:
        return tr("Size");
    case ValuesColumn:
        return tr("Last values");
    default:
        return QVariant();
    }
}

} // namespace RediStore::Admin
