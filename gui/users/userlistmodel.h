#ifndef REDISTORE_ADMIN_USERLISTMODEL_H
#define REDISTORE_ADMIN_USERLISTMODEL_H

#include <libredistore/session/sessionadmin.h>

#include <QtCore/QAbstractTableModel>
#include <QtCore/QPointer>

namespace RediStore::Admin {

// The users of the per-user index (SessionAdmin::users()), most sessions first: one row per
// user with the number of their live sessions. Read once per refresh; at most
// SessionAdmin::defaultUserLimit users (isTruncated() says when there were more).
class UserListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { UserColumn, SessionsColumn, ColumnCount };
    enum Role { UserRole = Qt::UserRole + 1, SessionCountRole };

    explicit UserListModel(QObject *parent = nullptr);

    void setAdmin(SessionAdmin *admin); // clears; refresh() reads
    void refresh();

    bool isLoading() const { return m_loading; }
    bool isLoaded() const { return m_loaded; } // the last refresh finished (ok or not)
    bool isTruncated() const { return m_truncated; }
    SessionError error() const { return m_error; }

    QString user(int row) const;
    qint64 sessionCount(int row) const;
    int rowOf(const QString &user) const;
    // What is known about user changed (their sessions were read): 0 removes the row.
    void setSessionCount(const QString &user, qint64 count);
    // The users with the most sessions (for a top list).
    QList<UserEntry> top(int count) const { return m_users.mid(0, count); }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void loaded(); // a refresh finished; error() says whether it failed

private:
    QPointer<SessionAdmin> m_admin;
    QList<UserEntry> m_users;
    SessionError m_error;
    quint64 m_token = 0; // results of an earlier refresh (or admin) are dropped
    bool m_loading = false;
    bool m_loaded = false;
    bool m_truncated = false;
};

} // namespace RediStore::Admin

#endif // REDISTORE_ADMIN_USERLISTMODEL_H
