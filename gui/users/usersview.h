#ifndef REDISTORE_ADMIN_USERSVIEW_H
#define REDISTORE_ADMIN_USERSVIEW_H

#include "common/viewpage.h"
#include "sessions/sessionactions.h"

#include <QtCore/QPointer>

QT_BEGIN_NAMESPACE
class QAction;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;
class QTreeView;
QT_END_NAMESPACE

namespace RediStore::Admin {

class SessionConnection;
class UserListModel;
class UserSessionsModel;
class ValueTreeModel;

// Sessions by user: the users of the per-user index (type to filter), the chosen user's
// sessions with TTL, size and a preview of their values, and the chosen session's values.
// "End all sessions" logs the user out everywhere (SessionAdmin::revokeUser) after asking.
// Where the prefix has no index, the view says so and finds a user's sessions by searching
// every session's values instead; the heading always says where the list came from.
class UsersView : public ViewPage
{
    Q_OBJECT

public:
    using Asker = SessionActions::Asker;

    explicit UsersView(SessionConnection *connection, QWidget *parent = nullptr);
    ~UsersView() override;

    // Shows the question before sessions end; the default opens a message box (default: No).
    void setAsker(Asker asker) { m_asker = std::move(asker); }

    // "Find user" (focus on the filter) and "End all sessions of the user", for the menus.
    QAction *findAction() const { return m_findAction; }
    QAction *revokeAction() const { return m_revokeAction; }

    UserListModel *userModel() const { return m_users; }
    UserSessionsModel *sessionsModel() const { return m_sessions; }
    QTableView *userTable() const { return m_userTable; }
    QTableView *sessionTable() const { return m_sessionTable; }
    QLineEdit *filterEdit() const { return m_filter; }
    QLineEdit *searchEdit() const { return m_searchEdit; }
    // Whether the no-index panel (the value search) shows instead of the user list.
    bool showsValueSearch() const;
    QString headingText() const;

    void refresh();
    // Sessions that changed in Redis or are gone from it (live updates, the session browser's
    // actions, a rescan): the sessions shown follow, a gone one leaving the list and the user's
    // count. Others are not looked at: a user's new session shows on refresh.
    void followChanged(const QStringList &ids);
    void followRemoved(const QStringList &ids);
    // Shows user's sessions (selecting the user in the list when listed).
    void selectUser(const QString &user);
    QString currentUser() const;
    // The fallback: the sessions whose values contain text.
    void searchValues(const QString &text);
    // Asks, then ends every session shown: the user's (revokeUser), or those a value search
    // found (deleted by ID). Refused in read-only mode.
    void revokeCurrent();

    bool isSettled() const override;
    void activated() override;

Q_SIGNALS:
    // Enter or a double click on a session: show it in the session browser.
    void openSessionRequested(const QString &id);
    void finished(const QString &summary, bool ok);
    void sessionsRemoved(const QStringList &ids);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildUi();
    void onOpened();
    void onUsersLoaded();
    void onCurrentUserChanged();
    void onCurrentSessionChanged();
    void updateHeading();
    void updateActions();
    void updateUserCount();
    void openCurrentSession();
    void revoke(const QString &user, const QStringList &ids, bool byIndex);

    QPointer<SessionConnection> m_connection;
    UserListModel *m_users;
    UserSessionsModel *m_sessions;
    QSortFilterProxyModel *m_proxy;
    ValueTreeModel *m_values;
    QLineEdit *m_filter = nullptr;
    QLabel *m_summary = nullptr;
    QStackedWidget *m_left = nullptr;
    QTableView *m_userTable = nullptr;
    QLabel *m_noIndexText = nullptr;
    QLineEdit *m_searchEdit = nullptr;
    QLabel *m_heading = nullptr;
    QPushButton *m_revokeButton = nullptr;
    QTableView *m_sessionTable = nullptr;
    QTreeView *m_valueTree = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_revokeAction = nullptr;
    QString m_revokeTip;
    Asker m_asker;
    bool m_stale = true; // to be read when next seen
    bool m_revoking = false;
};

} // namespace RediStore::Admin

#endif // REDISTORE_ADMIN_USERSVIEW_H
