#ifndef REDISTORE_ADMIN_MAINWINDOW_H
#define REDISTORE_ADMIN_MAINWINDOW_H

#include "connection/connectionprofile.h"

#include <QtCore/QHash>
#include <QtCore/QTimer>
#include <QtWidgets/QMainWindow>

QT_BEGIN_NAMESPACE
class QAction;
class QLineEdit;
class QMenu;
class QTabWidget;
class QTableView;
QT_END_NAMESPACE

namespace RediStore::Admin {

class LiveUpdates;
class MessageBanner;
class ProfileStore;
class SessionActions;
class TransferActions;
class SessionConnection;
class SessionDetailWidget;
class SessionFilterProxyModel;
class SessionTableModel;
class StatusPanel;
class TtlTicker;
class ViewPage;

// The admin app's window: views in tabs, the first the session browser (filterable, sortable,
// filled by SCAN in the background) beside the selected session's detail; a menu bar with
// every action and its shortcut, the main ones also on the toolbar; banners for what went
// wrong; a status bar with counts, progress and the live state.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(ProfileStore *store, QWidget *parent = nullptr);
    ~MainWindow() override;

    void openProfile(const ConnectionProfile &profile);
    void showConnectionDialog();
    void showCookieInspector();
    // Shows session id in the browser's detail (selected when listed).
    void openSession(const QString &id);
    void refresh();

    SessionConnection *connection() const { return m_connection; }
    SessionTableModel *sessionModel() const { return m_model; }
    SessionFilterProxyModel *proxyModel() const { return m_proxy; }
    QTableView *sessionView() const { return m_view; }
    SessionDetailWidget *detail() const { return m_detail; }
    SessionActions *sessionActions() const { return m_actions; }
    LiveUpdates *liveUpdates() const { return m_live; }
    MessageBanner *banner() const { return m_banner; }
    StatusPanel *statusPanel() const { return m_status; }
    // "connect", "refresh", "expire", "persist", "delete", "cookies", "copy", "find",
    // "search-values", "find-user", "revoke-user", "export", "import", "quit", "about", and
    // "view-NAME" for each view.
    QAction *action(const QString &name) const;
    // Every named action (for a check that each has a shortcut, and for tests).
    QStringList actionNames() const { return m_namedActions.keys(); }

    // The views, by name: "sessions", then those added. A view shows as a tab and in the View
    // menu with Ctrl+1, Ctrl+2, ... in the order added.
    void addView(ViewPage *view, const QString &name, const QString &title, const QString &icon);
    ViewPage *view(const QString &name) const;
    QString currentViewName() const;
    // false when there is no such view.
    bool showView(const QString &name);
    QStringList viewNames() const { return m_viewNames; }
    // The IDs of the selected rows.
    QStringList selectedIds() const;
    void selectRow(int row);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildActions();
    void buildUi();
    void buildMenus();
    void buildViews();
    void nameAction(const QString &name, QAction *action);
    void wire();
    void onOpened();
    void onCurrentRowChanged();
    void updateActions();
    void updateStatus();
    void updateTitle();
    void showTableMenu(const QPoint &pos);
    void requestDatabaseSize();
    // Asks whether unsaved edits may go (a modal question: the user is in the middle of it).
    bool askDiscard(const QString &text);

    ProfileStore *m_store;
    SessionConnection *m_connection;
    SessionTableModel *m_model;
    SessionFilterProxyModel *m_proxy;
    SessionActions *m_actions;
    TransferActions *m_transfer;
    LiveUpdates *m_live;
    TtlTicker *m_ticker;
    QTableView *m_view = nullptr;
    SessionDetailWidget *m_detail = nullptr;
    MessageBanner *m_banner = nullptr;
    MessageBanner *m_liveBanner = nullptr;
    QTabWidget *m_views = nullptr;
    QStringList m_viewNames;
    QMenu *m_fileMenu = nullptr;
    QMenu *m_sessionMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QHash<QString, QAction *> m_namedActions;
    QLineEdit *m_idFilter = nullptr;
    QLineEdit *m_valueFilter = nullptr;
    StatusPanel *m_status = nullptr;
    QTimer m_filterTimer;
    QTimer m_statusTimer;
    QTimer m_dbSizeTimer;
    qint64 m_dbSize = -1;
    QString m_shownId;
    int m_rowsMoving = 0; // inside a removal or layout change of the proxy
    bool m_transferShown = false; // the banner shows an export or import under way

    QAction *m_connectAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_expireAction = nullptr;
    QAction *m_persistAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_cookieAction = nullptr;
    QAction *m_copyAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_searchAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_aboutAction = nullptr;
};

} // namespace RediStore::Admin

#endif // REDISTORE_ADMIN_MAINWINDOW_H
