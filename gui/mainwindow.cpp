#include "mainwindow.h"

#include "common/icons.h"
#include "common/messagebanner.h"
#include "common/viewpage.h"
#include "connection/connectiondialog.h"
#include "connection/profilestore.h"
#include "connection/sessionconnection.h"
#include "inspector/cookieinspectordialog.h"
#include "live/liveupdates.h"
#include "sessions/sessionactions.h"
#include "sessions/sessionfilterproxymodel.h"
#include "sessions/sessiontablemodel.h"
#include "sessions/ttlticker.h"
#include "stats/statisticsview.h"
#include "statuspanel.h"
#include "transfer/transferactions.h"
#include "users/usersview.h"
#include "values/sessiondetailwidget.h"

#include <libredistore/async.h>

#include <QtGui/QActionGroup>
#include <QtGui/QClipboard>
#include <QtGui/QCloseEvent>
#include <QtGui/QFontDatabase>
#include <QtGui/QGuiApplication>
#include <QtWidgets/QApplication>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QMenu>
#include <QtWidgets/QMenuBar>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QSplitter>
#include <QtWidgets/QStatusBar>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QTableView>
#include <QtWidgets/QToolBar>
#include <QtWidgets/QVBoxLayout>

namespace RediStore::Admin {

MainWindow::MainWindow(ProfileStore *store, QWidget *parent)
    : QMainWindow(parent)
    , m_store(store)
    , m_connection(new SessionConnection(this))
    , m_model(new SessionTableModel(this))
    , m_proxy(new SessionFilterProxyModel(this))
    , m_actions(new SessionActions(this, this))
    , m_transfer(new TransferActions(this, this))
    , m_live(new LiveUpdates(m_model, this))
    , m_ticker(new TtlTicker(this))
{
    setWindowIcon(Icons::app());
    m_proxy->setSessionModel(m_model);
    // When the shown session's row goes away, the current row moves to a neighbour: that is
    // not the user choosing another session, so the detail stays (and says the session is gone).
    // Connected before the view's selection model, so these run first.
    connect(m_proxy, &QAbstractItemModel::rowsAboutToBeRemoved, this, [this]() { ++m_rowsMoving; });
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, [this]() { --m_rowsMoving; });
    connect(m_proxy, &QAbstractItemModel::layoutAboutToBeChanged, this,
            [this]() { ++m_rowsMoving; });
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, [this]() { --m_rowsMoving; });
    buildActions();
    buildUi();
    buildViews();
    buildMenus();
    wire();
    updateTitle();
    updateActions();
    updateStatus();
}

MainWindow::~MainWindow()
{
    m_live->stop();
    m_model->setAdmin(nullptr);
}

void MainWindow::buildActions()
{
    auto make = [this](const QString &icon, const QString &text, const QString &tip) {
        auto *action = new QAction(Icons::get(icon), text, this);
        action->setToolTip(tip);
        return action;
    };
    m_connectAction = make(QStringLiteral("connect"), tr("Connect\u2026"),
                           tr("Connect to another Redis or change the connection settings"));
    m_connectAction->setShortcut(QKeySequence::Open);
    m_refreshAction = make(QStringLiteral("refresh"), tr("Refresh"), tr("Scan the sessions again"));
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    m_expireAction = make(QStringLiteral("expire"), tr("Expire\u2026"),
                          tr("Set when the selected sessions expire"));
    m_persistAction = make(QStringLiteral("persist"), tr("Persist"),
                           tr("Remove the expiry of the selected sessions"));
    m_deleteAction = make(QStringLiteral("delete"), tr("Delete"),
                          tr("Delete the selected sessions now (their users are logged out)"));
    m_deleteAction->setShortcut(QKeySequence::Delete);
    m_cookieAction = make(QStringLiteral("cookie"), tr("Cookie inspector"),
                          tr("Decode a session cookie and open its session"));
    m_copyAction = make(QStringLiteral("copy"), tr("Copy ID"), tr("Copy the session ID"));
    m_copyAction->setShortcut(QKeySequence::Copy);
    m_expireAction->setShortcut(Qt::CTRL | Qt::Key_T);
    m_persistAction->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_T);
    m_cookieAction->setShortcut(Qt::CTRL | Qt::Key_K);
    m_findAction = make(QStringLiteral("filter"), tr("Filter by ID"),
                        tr("Show only the sessions whose ID contains a text"));
    m_findAction->setShortcut(QKeySequence::Find);
    m_searchAction = make(QStringLiteral("search"), tr("Search the values"),
                          tr("Show only the sessions whose values contain a text"));
    m_searchAction->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_F);
    m_quitAction = new QAction(tr("Quit"), this);
    // Not QKeySequence::Quit: it has no key on some platforms (offscreen, Windows).
    m_quitAction->setShortcut(Qt::CTRL | Qt::Key_Q);
    m_quitAction->setMenuRole(QAction::QuitRole);
    m_aboutAction = new QAction(tr("About RediStore Admin"), this);
    m_aboutAction->setMenuRole(QAction::AboutRole);

    nameAction(QStringLiteral("connect"), m_connectAction);
    nameAction(QStringLiteral("refresh"), m_refreshAction);
    nameAction(QStringLiteral("expire"), m_expireAction);
    nameAction(QStringLiteral("persist"), m_persistAction);
    nameAction(QStringLiteral("delete"), m_deleteAction);
    nameAction(QStringLiteral("cookies"), m_cookieAction);
    nameAction(QStringLiteral("copy"), m_copyAction);
    nameAction(QStringLiteral("find"), m_findAction);
    nameAction(QStringLiteral("search-values"), m_searchAction);
    nameAction(QStringLiteral("quit"), m_quitAction);
    nameAction(QStringLiteral("about"), m_aboutAction);

    // Export and import (transfer/): the selected sessions or all, to a file and back.
    QAction *exportAction
        = make(QStringLiteral("save"), tr("Export Sessions\u2026"),
               tr("Save the selected sessions (or all, when none is selected) to a JSON file"));
    exportAction->setShortcut(Qt::CTRL | Qt::Key_E);
    nameAction(QStringLiteral("export"), exportAction);
    connect(exportAction, &QAction::triggered, this,
            [this]() { m_transfer->exportSessions(selectedIds()); });
    QAction *importAction = make(QStringLiteral("add"), tr("Import Sessions\u2026"),
                                 tr("Store the sessions of an exported JSON file"));
    importAction->setShortcut(Qt::CTRL | Qt::Key_I);
    nameAction(QStringLiteral("import"), importAction);
    connect(importAction, &QAction::triggered, m_transfer, &TransferActions::importSessions);
    QAction *stopTransferAction = make(QStringLiteral("close"), tr("Stop Export or Import"),
                                       tr("Stop the export or import under way"));
    stopTransferAction->setShortcut(Qt::CTRL | Qt::Key_Period);
    nameAction(QStringLiteral("stop-transfer"), stopTransferAction);
    connect(stopTransferAction, &QAction::triggered, m_transfer, &TransferActions::cancel);

    connect(m_findAction, &QAction::triggered, this, [this]() {
        showView(QStringLiteral("session"));
        m_idFilter->setFocus(Qt::ShortcutFocusReason);
        m_idFilter->selectAll();
    });
    connect(m_searchAction, &QAction::triggered, this, [this]() {
        showView(QStringLiteral("session"));
        m_valueFilter->setFocus(Qt::ShortcutFocusReason);
        m_valueFilter->selectAll();
    });
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);
    connect(m_aboutAction, &QAction::triggered, this, [this]() {
        QMessageBox::about(
            this, tr("About RediStore Admin"),
            tr("<p><b>RediStore Admin %1</b></p><p>Browses, edits and expires the sessions that "
               "RediStore for Qt and Go's redistore keep in Redis.</p>")
                .arg(QCoreApplication::applicationVersion().toHtmlEscaped()));
    });

    connect(m_connectAction, &QAction::triggered, this, &MainWindow::showConnectionDialog);
    connect(m_refreshAction, &QAction::triggered, this, &MainWindow::refresh);
    connect(m_expireAction, &QAction::triggered, this, [this]() {
        const QStringList ids = selectedIds();
        const int row = m_model->rowOf(ids.value(0));
        m_actions->expire(ids, m_model->ttlMs(row));
    });
    connect(m_persistAction, &QAction::triggered, this,
            [this]() { m_actions->persist(selectedIds()); });
    connect(m_deleteAction, &QAction::triggered, this,
            [this]() { m_actions->remove(selectedIds()); });
    connect(m_cookieAction, &QAction::triggered, this, &MainWindow::showCookieInspector);
    connect(m_copyAction, &QAction::triggered, this, [this]() {
        QGuiApplication::clipboard()->setText(selectedIds().join(QLatin1Char('\n')));
    });
}

void MainWindow::nameAction(const QString &name, QAction *action)
{
    action->setObjectName(name);
    m_namedActions.insert(name, action);
}

QAction *MainWindow::action(const QString &name) const
{
    return m_namedActions.value(name);
}

void MainWindow::buildUi()
{
    auto *toolbar = addToolBar(tr("Actions"));
    toolbar->setObjectName(QStringLiteral("actions"));
    toolbar->setMovable(false);
    toolbar->setIconSize(QSize(20, 20));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addAction(m_connectAction);
    toolbar->addAction(m_refreshAction);
    toolbar->addSeparator();
    toolbar->addAction(m_expireAction);
    toolbar->addAction(m_persistAction);
    toolbar->addAction(m_deleteAction);
    toolbar->addSeparator();
    toolbar->addAction(m_cookieAction);

    auto *central = new QWidget(this);
    auto *outer = new QVBoxLayout(central);
    outer->setContentsMargins(8, 6, 8, 0);
    outer->setSpacing(6);
    m_banner = new MessageBanner(central);
    m_liveBanner = new MessageBanner(central);
    outer->addWidget(m_banner);
    outer->addWidget(m_liveBanner);
    m_views = new QTabWidget(central);
    m_views->setDocumentMode(true);
    outer->addWidget(m_views, 1);

    auto *sessions = new ViewPage(m_views);
    auto *layout = new QVBoxLayout(sessions);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->setSpacing(6);

    auto *filters = new QHBoxLayout;
    m_idFilter = new QLineEdit(sessions);
    m_idFilter->setPlaceholderText(tr("Filter by session ID"));
    m_idFilter->setClearButtonEnabled(true);
    m_idFilter->addAction(Icons::get(QStringLiteral("filter")), QLineEdit::LeadingPosition);
    m_valueFilter = new QLineEdit(sessions);
    m_valueFilter->setPlaceholderText(tr("Search the values (e.g. a user name)"));
    m_valueFilter->setClearButtonEnabled(true);
    m_valueFilter->addAction(Icons::get(QStringLiteral("search")), QLineEdit::LeadingPosition);
    filters->addWidget(m_idFilter, 1);
    filters->addWidget(m_valueFilter, 1);
    layout->addLayout(filters);

    auto *split = new QSplitter(Qt::Horizontal, sessions);
    m_view = new QTableView(split);
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSortingEnabled(false);
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_view->horizontalHeader()->setSortIndicatorShown(true);
    m_view->horizontalHeader()->setSectionsClickable(true);
    m_view->setSortingEnabled(true);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->verticalHeader()->hide();
    // Fixed row heights: the view never measures a million rows.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    QHeaderView *header = m_view->horizontalHeader();
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    const QFontMetrics mono(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    header->resizeSection(SessionTableModel::IdColumn,
                          mono.horizontalAdvance(QString(52, QLatin1Char('M'))) + 16);
    header->resizeSection(SessionTableModel::TtlColumn, 90);
    header->resizeSection(SessionTableModel::SizeColumn, 80);
    header->setStretchLastSection(true);
    m_detail = new SessionDetailWidget(split);
    split->addWidget(m_view);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({ 800, 520 });
    split->setChildrenCollapsible(false);
    layout->addWidget(split, 1);
    setCentralWidget(central);
    addView(sessions, QStringLiteral("sessions"), tr("Sessions"), QStringLiteral("session"));

    m_status = new StatusPanel(statusBar());
    m_ticker->watch(m_view, SessionTableModel::TtlColumn);
}

void MainWindow::buildViews()
{
    // The other views, each from its room, in the order of the View menu.
    auto *users = new UsersView(m_connection, m_views);
    addView(users, QStringLiteral("users"), tr("Users"), QStringLiteral("users"));
    nameAction(QStringLiteral("find-user"), users->findAction());
    nameAction(QStringLiteral("revoke-user"), users->revokeAction());
    connect(users->findAction(), &QAction::triggered, this,
            [this]() { showView(QStringLiteral("users")); });
    connect(users, &UsersView::openSessionRequested, this, [this](const QString &id) {
        showView(QStringLiteral("sessions"));
        openSession(id);
    });
    connect(users, &UsersView::sessionsRemoved, m_model, &SessionTableModel::removeSessions);
    connect(m_model, &SessionTableModel::sessionsRemoved, users, &UsersView::followRemoved);
    connect(m_model, &SessionTableModel::sessionsTouched, users, &UsersView::followChanged);
    connect(m_refreshAction, &QAction::triggered, users, &UsersView::refresh);
    connect(users, &UsersView::finished, this, [this](const QString &summary, bool ok) {
        m_banner->clearButtons();
        m_banner->showMessage(ok ? MessageBanner::Level::Success : MessageBanner::Level::Error,
                              summary);
    });
    addView(new StatisticsView(m_model, m_views), QStringLiteral("statistics"), tr("Statistics"),
            QStringLiteral("statistics"));
}

void MainWindow::addView(ViewPage *view, const QString &name, const QString &title,
                         const QString &icon)
{
    view->setObjectName(name);
    m_views->addTab(view, Icons::get(icon), title);
    m_viewNames.append(name);
    auto *show = new QAction(Icons::get(icon), title, this);
    show->setToolTip(tr("Show the %1 view").arg(title));
    const int number = int(m_viewNames.size());
    if (number <= 9)
        show->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_0 + number)));
    show->setCheckable(true);
    nameAction(QStringLiteral("view-") + name, show);
    connect(show, &QAction::triggered, this, [this, name]() { showView(name); });
    if (m_viewMenu)
        m_viewMenu->addAction(show);
}

ViewPage *MainWindow::view(const QString &name) const
{
    const qsizetype at = m_viewNames.indexOf(name);
    return at >= 0 ? static_cast<ViewPage *>(m_views->widget(int(at))) : nullptr;
}

QString MainWindow::currentViewName() const
{
    return m_viewNames.value(m_views->currentIndex());
}

bool MainWindow::showView(const QString &name)
{
    ViewPage *page = view(name);
    if (!page)
        return false;
    m_views->setCurrentWidget(page);
    return true;
}

void MainWindow::buildMenus()
{
    QMenuBar *bar = menuBar();
    m_fileMenu = bar->addMenu(tr("&File"));
    m_fileMenu->addAction(m_connectAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(action(QStringLiteral("export")));
    m_fileMenu->addAction(action(QStringLiteral("import")));
    m_fileMenu->addAction(action(QStringLiteral("stop-transfer")));
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quitAction);

    m_sessionMenu = bar->addMenu(tr("&Sessions"));
    m_sessionMenu->addAction(m_refreshAction);
    m_sessionMenu->addSeparator();
    m_sessionMenu->addAction(m_findAction);
    m_sessionMenu->addAction(m_searchAction);
    m_sessionMenu->addSeparator();
    m_sessionMenu->addAction(m_copyAction);
    m_sessionMenu->addAction(m_expireAction);
    m_sessionMenu->addAction(m_persistAction);
    m_sessionMenu->addAction(m_deleteAction);
    m_sessionMenu->addSeparator();
    m_sessionMenu->addAction(action(QStringLiteral("find-user")));
    m_sessionMenu->addAction(action(QStringLiteral("revoke-user")));

    m_viewMenu = bar->addMenu(tr("&View"));
    for (const QString &name : std::as_const(m_viewNames))
        m_viewMenu->addAction(action(QStringLiteral("view-") + name));
    auto *group = new QActionGroup(this);
    for (const QString &name : std::as_const(m_viewNames))
        group->addAction(action(QStringLiteral("view-") + name));
    action(QStringLiteral("view-") + m_viewNames.value(0))->setChecked(true);
    connect(m_views, &QTabWidget::currentChanged, this, [this](int index) {
        const QString name = m_viewNames.value(index);
        if (QAction *show = action(QStringLiteral("view-") + name))
            show->setChecked(true);
        if (ViewPage *page = view(name))
            page->activated();
    });

    QMenu *tools = bar->addMenu(tr("&Tools"));
    tools->addAction(m_cookieAction);

    QMenu *help = bar->addMenu(tr("&Help"));
    help->addAction(m_aboutAction);

    // A tooltip names the shortcut too, as the menus do (unless its view wrote it already).
    for (QAction *named : std::as_const(m_namedActions)) {
        const QString shortcut = named->shortcut().toString(QKeySequence::NativeText);
        if (!shortcut.isEmpty() && !named->toolTip().isEmpty()
            && !named->toolTip().contains(shortcut))
            named->setToolTip(QStringLiteral("%1 (%2)").arg(named->toolTip(), shortcut));
    }
}

void MainWindow::wire()
{
    connect(m_connection, &SessionConnection::opened, this, &MainWindow::onOpened);
    connect(m_connection, &SessionConnection::failed, this, [this](const QString &message) {
        m_banner->clearButtons();
        m_banner->showMessage(MessageBanner::Level::Error, message);
        m_banner->addButton(tr("Try again"), [this]() { m_connection->reopen(); });
        m_banner->addButton(tr("Connection settings\u2026"), [this]() { showConnectionDialog(); });
        updateTitle();
        updateStatus();
    });
    connect(m_connection, &SessionConnection::lost, this, [this](const QString &message) {
        m_banner->clearButtons();
        m_banner->showMessage(MessageBanner::Level::Warning,
                              message + QLatin1Char(' ') + tr("Retrying automatically\u2026"));
        updateStatus();
    });
    connect(m_connection, &SessionConnection::restored, this, [this]() {
        m_banner->clearButtons();
        m_banner->showMessage(MessageBanner::Level::Success, tr("The connection is back."));
        QTimer::singleShot(4000, m_banner, [banner = m_banner]() {
            if (banner->level() == MessageBanner::Level::Success)
                banner->dismiss();
        });
        m_live->catchUp();
        m_detail->reload();
        updateStatus();
    });
    connect(m_connection, &SessionConnection::topologyChanged, this, &MainWindow::updateStatus);
    connect(m_connection, &SessionConnection::aboutToClose, this, [this]() {
        m_live->stop();
        m_model->setAdmin(nullptr);
        m_detail->setAdmin(nullptr, QString());
        m_actions->setAdmin(nullptr, QString(), true);
        m_transfer->setAdmin(nullptr, true);
        m_shownId.clear();
    });
    connect(m_connection, &SessionConnection::stateChanged, this, [this]() {
        updateActions();
        updateStatus();
    });

    connect(m_model, &SessionTableModel::scanFailed, this, [this](const SessionError &error) {
        if (m_connection->state() == SessionConnection::State::Lost)
            return; // the connection banner says it already; the scan resumes on return
        m_banner->clearButtons();
        m_banner->showMessage(MessageBanner::Level::Error,
                              tr("Listing the sessions failed: %1").arg(error.message()));
        m_banner->addButton(tr("Try again"), [this]() { m_model->retry(); });
    });
    connect(m_model, &SessionTableModel::scanStateChanged, this, [this]() {
        if (!m_statusTimer.isActive())
            m_statusTimer.start();
    });
    connect(m_model, &SessionTableModel::valueSearchStateChanged, this, [this]() {
        if (!m_statusTimer.isActive())
            m_statusTimer.start();
    });
    connect(m_model, &SessionTableModel::sessionsRemoved, this, [this](const QStringList &ids) {
        if (!m_detail->sessionId().isEmpty() && ids.contains(m_detail->sessionId()))
            m_detail->markGone();
    });
    connect(m_model, &SessionTableModel::sessionsTouched, this, [this](const QStringList &ids) {
        if (!m_detail->sessionId().isEmpty() && ids.contains(m_detail->sessionId()))
            m_detail->noteChangedInRedis();
    });
    for (auto signal : { &QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved }) {
        connect(m_proxy, signal, this, [this]() {
            if (!m_statusTimer.isActive())
                m_statusTimer.start();
        });
    }
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &MainWindow::updateStatus);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::onCurrentRowChanged);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::updateActions);
    connect(m_view, &QTableView::customContextMenuRequested, this, &MainWindow::showTableMenu);

    connect(m_actions, &SessionActions::sessionsChanged, m_model,
            &SessionTableModel::touchSessions);
    connect(m_actions, &SessionActions::sessionsRemoved, m_model,
            &SessionTableModel::removeSessions);
    connect(m_actions, &SessionActions::finished, this, [this](const QString &summary, bool ok) {
        m_banner->clearButtons();
        m_banner->showMessage(ok ? MessageBanner::Level::Success : MessageBanner::Level::Error,
                              summary);
    });
    // A transfer under way shows its progress in the banner, with a button that stops it.
    connect(m_transfer, &TransferActions::progress, this, [this](const QString &text) {
        statusBar()->showMessage(text);
        if (!m_transferShown) {
            m_transferShown = true;
            m_banner->clearButtons();
            m_banner->addButton(
                tr("Stop"), [this]() { m_transfer->cancel(); }, false);
            updateActions();
        }
        m_banner->showMessage(MessageBanner::Level::Info, text);
    });
    connect(m_transfer, &TransferActions::finished, this, [this](const QString &summary, bool ok) {
        m_transferShown = false;
        updateActions();
        statusBar()->clearMessage();
        m_banner->clearButtons();
        m_banner->showMessage(ok ? MessageBanner::Level::Success : MessageBanner::Level::Error,
                              summary);
    });
    connect(m_transfer, &TransferActions::sessionsImported, this, &MainWindow::refresh);

    connect(m_detail, &SessionDetailWidget::expireRequested, this, [this](const QString &id) {
        m_actions->expire({ id }, m_model->ttlMs(m_model->rowOf(id)));
    });
    connect(m_detail, &SessionDetailWidget::persistRequested, this,
            [this](const QString &id) { m_actions->persist({ id }); });
    connect(m_detail, &SessionDetailWidget::deleteRequested, this,
            [this](const QString &id) { m_actions->remove({ id }); });
    connect(m_detail, &SessionDetailWidget::saved, this,
            [this](const QString &id) { m_model->touchSessions({ id }); });

    connect(m_live, &LiveUpdates::modeChanged, this, &MainWindow::updateStatus);
    connect(m_live, &LiveUpdates::enableOffered, this, [this]() {
        m_liveBanner->clearButtons();
        m_liveBanner->showMessage(
            MessageBanner::Level::Info,
            tr("This Redis does not send keyspace notifications, so changes show up only "
               "when the sessions are rescanned. Turn them on for live updates? (This runs "
               "CONFIG SET notify-keyspace-events \u201c%1\u201d on the server.)")
                .arg(SessionWatcher::flagsWithKeyspace(m_live->watcher()->flags())));
        m_liveBanner->addButton(tr("Turn on"), [this]() { m_live->enableNotifications(); });
        m_liveBanner->addButton(tr("Not now"), []() {});
    });
    connect(m_live, &LiveUpdates::enableFailed, this, [this](const QString &message) {
        m_liveBanner->clearButtons();
        m_liveBanner->showMessage(MessageBanner::Level::Error,
                                  tr("Could not turn keyspace notifications on: %1").arg(message));
    });

    connect(m_ticker, &TtlTicker::tick, m_detail, &SessionDetailWidget::updateTtl);

    m_filterTimer.setSingleShot(true);
    m_filterTimer.setInterval(250);
    connect(&m_filterTimer, &QTimer::timeout, this, [this]() {
        m_proxy->setIdFilter(m_idFilter->text());
        m_proxy->setValueFilter(m_valueFilter->text());
        updateStatus();
    });
    connect(m_idFilter, &QLineEdit::textChanged, this, [this]() { m_filterTimer.start(); });
    connect(m_valueFilter, &QLineEdit::textChanged, this, [this]() { m_filterTimer.start(); });

    m_statusTimer.setSingleShot(true);
    m_statusTimer.setInterval(200);
    connect(&m_statusTimer, &QTimer::timeout, this, &MainWindow::updateStatus);
    m_dbSizeTimer.setInterval(5000);
    connect(&m_dbSizeTimer, &QTimer::timeout, this, &MainWindow::requestDatabaseSize);
}

void MainWindow::openProfile(const ConnectionProfile &profile)
{
    m_banner->dismiss();
    m_liveBanner->dismiss();
    m_connection->open(profile);
    updateTitle();
    updateStatus();
}

void MainWindow::onOpened()
{
    SessionAdmin *admin = m_connection->admin();
    const QString endpoint = m_connection->endpoint();
    const bool readOnly = m_connection->isReadOnly();
    m_banner->dismiss();
    m_model->setAdmin(admin);
    m_detail->setAdmin(admin, endpoint);
    m_detail->setReadOnly(readOnly);
    m_actions->setAdmin(admin, endpoint, readOnly);
    m_transfer->setAdmin(admin, readOnly);
    m_live->start(m_connection);
    m_proxy->setIdFilter(m_idFilter->text());
    m_proxy->setValueFilter(m_valueFilter->text());
    m_dbSize = -1;
    requestDatabaseSize();
    m_dbSizeTimer.start();
    m_model->fetchMore(QModelIndex());
    updateTitle();
    updateActions();
    updateStatus();
}

void MainWindow::requestDatabaseSize()
{
    SessionAdmin *admin = m_connection->admin();
    if (!admin)
        return;
    if (m_model->isScanComplete() && m_dbSize >= 0) {
        m_dbSizeTimer.stop();
        return;
    }
    whenFinished(admin->databaseSize(), this, [this](const SessionCount &size) {
        if (size.ok())
            m_dbSize = size.count;
        updateStatus();
    });
}

void MainWindow::refresh()
{
    if (m_connection->state() == SessionConnection::State::Failed) {
        m_connection->reopen();
        return;
    }
    m_model->retry();
    m_model->refresh();
    m_dbSize = -1;
    requestDatabaseSize();
    m_dbSizeTimer.start();
    m_live->watcher()->recheck();
}

void MainWindow::showConnectionDialog()
{
    auto *dialog = new ConnectionDialog(m_store, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (m_connection->state() != SessionConnection::State::Closed)
        dialog->setProfile(m_connection->profile());
    connect(dialog, &QDialog::accepted, this, [this, dialog]() { openProfile(dialog->profile()); });
    dialog->open();
}

void MainWindow::showCookieInspector()
{
    auto *dialog = new CookieInspectorDialog(m_connection->profile(), m_connection->admin(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CookieInspectorDialog::openSessionRequested, this, &MainWindow::openSession);
    dialog->show();
}

void MainWindow::openSession(const QString &id)
{
    m_idFilter->clear();
    m_proxy->setIdFilter(QString());
    const int sourceRow = m_model->rowOf(id);
    if (sourceRow >= 0)
        selectRow(m_proxy->mapFromSource(m_model->index(sourceRow, 0)).row());
    else
        m_detail->showSession(id); // not listed (yet): show it anyway
    m_shownId = id;
}

QStringList MainWindow::selectedIds() const
{
    QStringList ids;
    const QModelIndexList rows
        = m_view->selectionModel()->selectedRows(SessionTableModel::IdColumn);
    ids.reserve(rows.size());
    for (const QModelIndex &index : rows)
        ids << index.data(SessionTableModel::IdRole).toString();
    return ids;
}

void MainWindow::selectRow(int row)
{
    const QModelIndex index = m_proxy->index(row, SessionTableModel::IdColumn);
    if (!index.isValid())
        return;
    m_view->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

void MainWindow::onCurrentRowChanged()
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    const QString id
        = current.isValid() ? current.data(SessionTableModel::IdRole).toString() : QString();
    if (id.isEmpty() || id == m_shownId || m_rowsMoving > 0)
        return;
    if (m_detail->isModified()) {
        const bool discard = askDiscard(
            tr("The values of session %1 were changed but not saved. Discard the changes?")
                .arg(m_detail->sessionId()));
        if (!discard)
            return;
    }
    m_shownId = id;
    m_detail->showSession(id);
}

void MainWindow::updateActions()
{
    const bool connected = m_connection->state() == SessionConnection::State::Connected
        || m_connection->state() == SessionConnection::State::Lost;
    const bool writable = connected && !m_connection->isReadOnly();
    const bool selected = m_view && m_view->selectionModel()->hasSelection();
    m_refreshAction->setEnabled(m_connection->state() != SessionConnection::State::Closed);
    m_expireAction->setEnabled(writable && selected);
    m_persistAction->setEnabled(writable && selected);
    m_deleteAction->setEnabled(writable && selected);
    m_copyAction->setEnabled(selected);
    m_cookieAction->setEnabled(connected);
    action(QStringLiteral("export"))->setEnabled(connected);
    action(QStringLiteral("import"))->setEnabled(writable);
    action(QStringLiteral("stop-transfer"))->setEnabled(m_transfer->isBusy());
}

void MainWindow::updateTitle()
{
    const SessionConnection::State state = m_connection->state();
    if (state == SessionConnection::State::Closed) {
        setWindowTitle(tr("RediStore Admin"));
        return;
    }
    QString title = tr("%1 \u2014 RediStore Admin").arg(m_connection->profile().title());
    if (m_connection->isReadOnly())
        title += QLatin1Char(' ') + tr("(read-only)");
    setWindowTitle(title);
}

void MainWindow::updateStatus()
{
    if (!m_status)
        return;
    const SessionConnection::State state = m_connection->state();
    QString where;
    QString toolTip;
    switch (state) {
    case SessionConnection::State::Closed:
        where = tr("Not connected");
        break;
    case SessionConnection::State::Connecting:
        where = tr("Connecting to %1\u2026").arg(m_connection->endpoint());
        break;
    case SessionConnection::State::Failed:
        where = tr("Not connected");
        break;
    case SessionConnection::State::Lost:
        where = tr("Connection lost, retrying");
        break;
    case SessionConnection::State::Connected: {
        const ConnectionProfile p = m_connection->profile();
        const RedisConfig config = m_connection->config();
        const QList<RedisConfig> masters = m_connection->masters();
        const QString nodes = StatusPanel::nodesText(config, masters);
        toolTip = StatusPanel::nodesToolTip(config, masters);
        if (config.topology() == RedisConfig::Topology::Cluster) // database 0 only
            where = tr("%1 \u00b7 %2*").arg(nodes, p.keyPrefix);
        else
            where = tr("%1 \u00b7 database %2 \u00b7 %3*")
                        .arg(nodes)
                        .arg(config.database())
                        .arg(p.keyPrefix);
        if (!m_connection->serverSoftware().isEmpty())
            where += QStringLiteral(" \u00b7 ") + m_connection->serverSoftware();
        break;
    }
    }
    m_status->setConnection(where, m_connection->isReadOnly(),
                            state == SessionConnection::State::Connected, toolTip);
    const bool filtered = !m_proxy->idFilter().isEmpty() || !m_proxy->valueFilter().isEmpty();
    m_status->setCounts(m_proxy->rowCount(), m_model->rowCount(), filtered);
    m_status->setScan(m_model->isScanning(), m_model->isScanComplete(), m_model->rowCount(),
                      m_dbSize);
    m_status->setValueSearch(!m_model->valueFilter().isEmpty(), m_model->isValueSearchRunning(),
                             m_model->valueSearchChecked(), m_model->rowCount());
    m_status->setLive(m_live->mode(), m_live->statusText());
    updateActions();
}

void MainWindow::showTableMenu(const QPoint &pos)
{
    if (!m_view->indexAt(pos).isValid())
        return;
    QMenu menu(this);
    menu.addAction(m_expireAction);
    menu.addAction(m_persistAction);
    menu.addAction(m_deleteAction);
    menu.addSeparator();
    menu.addAction(m_copyAction);
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

bool MainWindow::askDiscard(const QString &text)
{
    QMessageBox box(QMessageBox::Question, tr("Unsaved changes"), text, QMessageBox::NoButton,
                    this);
    QPushButton *discard = box.addButton(tr("Discard changes"), QMessageBox::DestructiveRole);
    QPushButton *keep = box.addButton(tr("Keep editing"), QMessageBox::RejectRole);
    box.setDefaultButton(keep);
    box.exec();
    return box.clickedButton() == discard;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_detail->isModified()) {
        const bool discard
            = askDiscard(tr("The values of session %1 were changed but not saved. Quit anyway?")
                             .arg(m_detail->sessionId()));
        if (!discard) {
            event->ignore();
            return;
        }
    }
    event->accept();
}

} // namespace RediStore::Admin
