#include "users/userlistmodel.h"

#include "common/displayformat.h"

#include <libredistore/async.h>

namespace RediStore::Admin {

UserListModel::UserListModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void UserListModel::setAdmin(SessionAdmin *admin)
{
    ++m_token;
    m_admin = admin;
    beginResetModel();
    m_users.clear();
    m_error = SessionError();
    m_loading = false;
    m_loaded = false;
    m_truncated = false;
    endResetModel();
}

void UserListModel::refresh()
{
    if (!m_admin)
        return;
    const quint64 token = ++m_token;
    m_loading = true;
    whenFinished(m_admin->users(), this, [this, token](const UserList &list) {
        if (token != m_token)
            return;
        m_loading = false;
        m_loaded = true;
        m_error = list.error;
        if (list.ok()) {
            beginResetModel();
            m_users = list.users;
            m_truncated = list.truncated;
            endResetModel();
        }
        Q_EMIT loaded();
    });
}

QString UserListModel::user(int row) const
{
    return row >= 0 && row < m_users.size() ? m_users.at(row).user : QString();
}

qint64 UserListModel::sessionCount(int row) const
{
    return row >= 0 && row < m_users.size() ? m_users.at(row).sessions : 0;
}

int UserListModel::rowOf(const QString &user) const
{
    for (qsizetype i = 0; i < m_users.size(); ++i) {
        if (m_users.at(i).user == user)
            return int(i);
    }
    return -1;
}

void UserListModel::setSessionCount(const QString &user, qint64 count)
{
    const int row = rowOf(user);
    if (row < 0)
        return;
    if (count <= 0) {
        beginRemoveRows(QModelIndex(), row, row);
        m_users.removeAt(row);
        endRemoveRows();
        return;
    }
    if (m_users.at(row).sessions == count)
        return;
    m_users[row].sessions = count;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int UserListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_users.size());
}

int UserListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UserListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const UserEntry &entry = m_users.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return index.column() == UserColumn ? QVariant(entry.user)
                                            : QVariant(DisplayFormat::count(entry.sessions));
    case Qt::ToolTipRole:
        return tr("%1: %n live session(s)", nullptr, int(qMin<qint64>(entry.sessions, INT_MAX)))
            .arg(entry.user);
    case Qt::TextAlignmentRole:
        if (index.column() == SessionsColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant();
    case UserRole:
        return entry.user;
    case SessionCountRole:
        return entry.sessions;
    default:
        return QVariant();
    }
}

QVariant UserListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case UserColumn:
        return tr("User");
    case SessionsColumn:
        return tr("Sessions");
    default:
        return QVariant();
    }
}

} // namespace RediStore::Admin
