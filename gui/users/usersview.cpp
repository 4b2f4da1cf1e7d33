#include "users/usersview.h"

#include "common/displayformat.h"
#include "common/errormessages.h"
#include "common/icons.h"
#include "connection/sessionconnection.h"
#include "users/userlistmodel.h"
#include "users/usersessionsmodel.h"
#include "values/valuedelegate.h"
#include "values/valuetreemodel.h"

#include <libredistore/async.h>

#include <QtCore/QSortFilterProxyModel>
#include <QtGui/QAction>
#include <QtGui/QFontDatabase>
#include <QtGui/QKeyEvent>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QSplitter>
#include <QtWidgets/QStackedWidget>
#include <QtWidgets/QTableView>
#include <QtWidgets/QToolButton>
#include <QtWidgets/QTreeView>
#include <QtWidgets/QVBoxLayout>

namespace RediStore::Admin {

namespace {

bool isEnter(const QKeyEvent *key)
{
    return key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
}

void setUpTable(QTableView *table)
{
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setAlternatingRowColors(true);
    table->setShowGrid(false);
    table->setWordWrap(false);
    table->setTextElideMode(Qt::ElideRight);
    table->verticalHeader()->hide();
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
    table->horizontalHeader()->setHighlightSections(false);
    table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    table->horizontalHeader()->setStretchLastSection(true);
}

} // namespace

UsersView::UsersView(SessionConnection *connection, QWidget *parent)
    : ViewPage(parent)
    , m_connection(connection)
    , m_users(new UserListModel(this))
    , m_sessions(new UserSessionsModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_values(new ValueTreeModel(this))
{
    m_proxy->setSourceModel(m_users);
    m_proxy->setFilterKeyColumn(UserListModel::UserColumn);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_values->setReadOnly(true);

    m_findAction = new QAction(Icons::get(QStringLiteral("users")), tr("Find a user"), this);
    m_findAction->setToolTip(tr("Show the users and type a part of a user's name or ID"));
    m_findAction->setShortcut(Qt::CTRL | Qt::Key_U);
    m_revokeAction = new QAction(Icons::get(QStringLiteral("delete")),
                                 tr("End all sessions of the user\u2026"), this);
    m_revokeTip = tr("Log the chosen user out everywhere: every session of theirs ends");
    m_revokeAction->setToolTip(m_revokeTip);
    m_revokeAction->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_Delete);

    m_asker = [this](const SessionActions::Question &question, std::function<void(bool)> answer) {
        auto *box = new QMessageBox(QMessageBox::Warning, question.title, question.text,
                                    QMessageBox::Yes | QMessageBox::No, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setWindowModality(Qt::WindowModal);
        box->button(QMessageBox::Yes)->setText(question.acceptText);
        box->button(QMessageBox::No)->setText(tr("Cancel"));
        box->setDefaultButton(QMessageBox::No);
        connect(box, &QMessageBox::finished, this,
                [box, answer]() { answer(box->clickedButton() == box->button(QMessageBox::Yes)); });
        box->open();
    };

    buildUi();

    connect(m_findAction, &QAction::triggered, this, [this]() {
        if (showsValueSearch()) {
            m_searchEdit->setFocus(Qt::ShortcutFocusReason);
            m_searchEdit->selectAll();
        } else {
            m_filter->setFocus(Qt::ShortcutFocusReason);
            m_filter->selectAll();
        }
    });
    connect(m_revokeAction, &QAction::triggered, this, &UsersView::revokeCurrent);
    connect(m_users, &UserListModel::loaded, this, &UsersView::onUsersLoaded);
    connect(m_sessions, &UserSessionsModel::loaded, this, [this]() {
        updateUserCount(); // the index was read just now
        updateHeading();
        updateActions();
        if (!m_sessionTable->currentIndex().isValid() && m_sessions->rowCount() > 0)
            m_sessionTable->setCurrentIndex(m_sessions->index(0, 0));
    });
    connect(m_sessions, &UserSessionsModel::progress, this, &UsersView::updateHeading);
    auto sessionsChanged = [this]() {
        updateHeading();
        updateActions();
    };
    connect(m_sessions, &QAbstractItemModel::rowsInserted, this, sessionsChanged);
    connect(m_sessions, &QAbstractItemModel::rowsRemoved, this, sessionsChanged);
    connect(m_sessions, &QAbstractItemModel::modelReset, this, sessionsChanged);
    connect(m_sessions, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &from, const QModelIndex &to) {
                const QModelIndex current = m_sessionTable->currentIndex();
                if (current.isValid() && current.row() >= from.row() && current.row() <= to.row())
                    onCurrentSessionChanged();
            });
    connect(m_userTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &UsersView::onCurrentUserChanged);
    connect(m_sessionTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &UsersView::onCurrentSessionChanged);
    connect(m_sessionTable, &QAbstractItemView::doubleClicked, this,
            &UsersView::openCurrentSession);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text);
        if (!m_userTable->currentIndex().isValid() && m_proxy->rowCount() > 0)
            m_userTable->setCurrentIndex(m_proxy->index(0, 0));
    });
    connect(m_searchEdit, &QLineEdit::returnPressed, this,
            [this]() { searchValues(m_searchEdit->text().trimmed()); });

    if (m_connection) {
        connect(m_connection, &SessionConnection::opened, this, &UsersView::onOpened);
        connect(m_connection, &SessionConnection::aboutToClose, this, [this]() {
            m_users->setAdmin(nullptr);
            m_sessions->setAdmin(nullptr);
            m_values->setValues({});
            m_stale = true;
            updateHeading();
        });
        connect(m_connection, &SessionConnection::stateChanged, this, &UsersView::updateActions);
    }
    updateHeading();
    updateActions();
}

UsersView::~UsersView() = default;

void UsersView::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->setSpacing(6);

    auto *top = new QHBoxLayout;
    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(
        tr("Find a user (%1)").arg(m_findAction->shortcut().toString(QKeySequence::NativeText)));
    m_filter->setClearButtonEnabled(true);
    m_filter->addAction(Icons::get(QStringLiteral("filter")), QLineEdit::LeadingPosition);
    m_filter->installEventFilter(this);
    m_summary = new QLabel(this);
    auto *refresh = new QToolButton(this);
    refresh->setIcon(Icons::get(QStringLiteral("refresh")));
    refresh->setToolTip(
        tr("Read the users again (%1)")
            .arg(QKeySequence(QKeySequence::Refresh).toString(QKeySequence::NativeText)));
    refresh->setAutoRaise(true);
    connect(refresh, &QToolButton::clicked, this, &UsersView::refresh);
    top->addWidget(m_filter, 1);
    top->addWidget(m_summary, 2);
    top->addWidget(refresh);
    layout->addLayout(top);

    auto *split = new QSplitter(Qt::Horizontal, this);
    m_left = new QStackedWidget(split);
    m_userTable = new QTableView(m_left);
    m_userTable->setObjectName(QStringLiteral("users"));
    m_userTable->setModel(m_proxy);
    setUpTable(m_userTable);
    m_userTable->horizontalHeader()->setStretchLastSection(false);
    m_userTable->horizontalHeader()->setSectionResizeMode(UserListModel::UserColumn,
                                                          QHeaderView::Stretch);
    m_userTable->horizontalHeader()->resizeSection(UserListModel::SessionsColumn, 80);
    m_userTable->installEventFilter(this);
    m_left->addWidget(m_userTable);

    auto *noIndex = new QWidget(m_left);
    auto *noIndexLayout = new QVBoxLayout(noIndex);
    m_noIndexText = new QLabel(noIndex);
    m_noIndexText->setWordWrap(true);
    m_noIndexText->setTextFormat(Qt::PlainText);
    m_searchEdit = new QLineEdit(noIndex);
    m_searchEdit->setPlaceholderText(tr("A user's name or ID"));
    m_searchEdit->setClearButtonEnabled(true);
    m_searchEdit->addAction(Icons::get(QStringLiteral("search")), QLineEdit::LeadingPosition);
    auto *search
        = new QPushButton(Icons::get(QStringLiteral("search")), tr("Search the values"), noIndex);
    connect(search, &QPushButton::clicked, this,
            [this]() { searchValues(m_searchEdit->text().trimmed()); });
    noIndexLayout->addWidget(m_noIndexText);
    noIndexLayout->addWidget(m_searchEdit);
    noIndexLayout->addWidget(search, 0, Qt::AlignRight);
    noIndexLayout->addStretch(1);
    m_left->addWidget(noIndex);

    auto *right = new QWidget(split);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    auto *headingRow = new QHBoxLayout;
    m_heading = new QLabel(right);
    m_heading->setTextFormat(Qt::RichText);
    m_heading->setWordWrap(true);
    m_revokeButton = new QPushButton(right);
    m_revokeButton->setIcon(m_revokeAction->icon());
    m_revokeButton->setText(tr("End all sessions\u2026"));
    connect(m_revokeButton, &QPushButton::clicked, m_revokeAction, &QAction::trigger);
    headingRow->addWidget(m_heading, 1);
    headingRow->addWidget(m_revokeButton);
    rightLayout->addLayout(headingRow);

    auto *rightSplit = new QSplitter(Qt::Vertical, right);
    m_sessionTable = new QTableView(rightSplit);
    m_sessionTable->setObjectName(QStringLiteral("sessions"));
    m_sessionTable->setModel(m_sessions);
    setUpTable(m_sessionTable);
    m_sessionTable->installEventFilter(this);
    const QFontMetrics mono(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_sessionTable->horizontalHeader()->resizeSection(
        UserSessionsModel::IdColumn, mono.horizontalAdvance(QString(30, QLatin1Char('M'))));
    m_sessionTable->horizontalHeader()->resizeSection(UserSessionsModel::TtlColumn, 80);
    m_sessionTable->horizontalHeader()->resizeSection(UserSessionsModel::SizeColumn, 70);
    m_valueTree = new QTreeView(rightSplit);
    m_valueTree->setModel(m_values);
    ValueDelegate::setUpTree(m_valueTree);
    m_valueTree->header()->resizeSection(0, 200);
    rightSplit->addWidget(m_sessionTable);
    rightSplit->addWidget(m_valueTree);
    rightSplit->setStretchFactor(0, 3);
    rightSplit->setStretchFactor(1, 2);
    rightSplit->setChildrenCollapsible(false);
    rightLayout->addWidget(rightSplit, 1);

    split->addWidget(m_left);
    split->addWidget(right);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);
    split->setSizes({ 300, 1000 });
    split->setChildrenCollapsible(false);
    layout->addWidget(split, 1);
}

void UsersView::onOpened()
{
    SessionAdmin *admin = m_connection ? m_connection->admin() : nullptr;
    m_users->setAdmin(admin);
    m_sessions->setAdmin(admin);
    m_values->setValues({});
    m_stale = true;
    if (isVisible())
        refresh();
    updateHeading();
    updateActions();
}

void UsersView::activated()
{
    if (m_stale)
        refresh();
}

void UsersView::followChanged(const QStringList &ids)
{
    m_sessions->reread(ids);
}

void UsersView::followRemoved(const QStringList &ids)
{
    const int before = m_sessions->rowCount();
    m_sessions->removeSessions(ids);
    if (m_sessions->rowCount() != before && !m_sessions->isLoading())
        updateUserCount();
}

// The user list's count follows the sessions shown from the index (0 drops the user).
void UsersView::updateUserCount()
{
    if (m_sessions->source() == UserSessionsModel::Source::Index && !m_sessions->isTruncated()
        && !m_sessions->error().isError() && !m_sessions->user().isEmpty()) {
        m_users->setSessionCount(m_sessions->user(), m_sessions->rowCount());
    }
}

void UsersView::refresh()
{
    if (!m_connection || !m_connection->admin())
        return;
    if (!isVisible()) {
        m_stale = true; // read when next shown
        return;
    }
    m_stale = false;
    m_users->refresh();
    m_summary->setText(tr("Reading the users\u2026"));
    // The chosen user's sessions are read again too.
    const QString user = m_sessions->user();
    if (m_sessions->source() == UserSessionsModel::Source::Index && !user.isEmpty()) {
        m_values->setValues({});
        m_sessions->showUser(user);
    }
}

void UsersView::onUsersLoaded()
{
    const QString prefix = m_connection ? m_connection->profile().keyPrefix : QString();
    if (m_users->error().isError()) {
        m_summary->setText(
            tr("Reading the users failed: %1")
                .arg(ErrorMessages::forSession(
                    m_users->error(), m_connection ? m_connection->endpoint() : QString())));
        return;
    }
    const int count = m_users->rowCount();
    if (count == 0) {
        m_left->setCurrentIndex(1);
        m_summary->setText(tr("No per-user index"));
        m_noIndexText->setText(
            tr("No user is indexed under the prefix \u201c%1\u201d: its sessions were stored "
               "without RedisStore's withUserIndex option, or nobody is logged in. You can still "
               "find a user's sessions by searching every session's values for their name or ID "
               "(this reads every session).")
                .arg(prefix));
        updateHeading();
        updateActions();
        return;
    }
    m_left->setCurrentIndex(0);
    m_summary->setText(
        m_users->isTruncated()
            ? tr("The first %1 users of the per-user index").arg(DisplayFormat::count(count))
            : tr("%n user(s) in the per-user index", nullptr, count));
    const QString shown
        = m_sessions->source() == UserSessionsModel::Source::Index ? m_sessions->user() : QString();
    const int row = m_users->rowOf(shown);
    const QModelIndex keep = m_proxy->mapFromSource(m_users->index(qMax(row, 0), 0));
    if (keep.isValid())
        m_userTable->selectionModel()->setCurrentIndex(
            keep, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    updateActions();
}

bool UsersView::showsValueSearch() const
{
    return m_left->currentIndex() == 1;
}

QString UsersView::currentUser() const
{
    return m_sessions->source() == UserSessionsModel::Source::Index ? m_sessions->user()
                                                                    : QString();
}

void UsersView::selectUser(const QString &user)
{
    const int row = m_users->rowOf(user);
    if (row >= 0) {
        const QModelIndex at = m_proxy->mapFromSource(m_users->index(row, 0));
        if (at.isValid()) {
            m_userTable->selectionModel()->setCurrentIndex(
                at, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            if (m_sessions->user() == user
                && m_sessions->source() == UserSessionsModel::Source::Index)
                return;
        }
    }
    m_values->setValues({});
    m_sessions->showUser(user);
    updateHeading();
    updateActions();
}

void UsersView::searchValues(const QString &text)
{
    m_values->setValues({});
    m_sessions->showSearch(text);
    updateHeading();
    updateActions();
}

void UsersView::onCurrentUserChanged()
{
    const QModelIndex current = m_userTable->currentIndex();
    if (!current.isValid())
        return;
    const QString user = current.data(UserListModel::UserRole).toString();
    if (user == m_sessions->user() && m_sessions->source() == UserSessionsModel::Source::Index)
        return;
    m_values->setValues({});
    m_sessions->showUser(user);
    updateHeading();
    updateActions();
}

void UsersView::onCurrentSessionChanged()
{
    const QModelIndex current = m_sessionTable->currentIndex();
    m_values->setValues(current.isValid() ? m_sessions->values(current.row()) : QVariantMap());
    m_valueTree->expandToDepth(0);
}

void UsersView::openCurrentSession()
{
    const QModelIndex current = m_sessionTable->currentIndex();
    if (current.isValid())
        Q_EMIT openSessionRequested(m_sessions->sessionId(current.row()));
}

QString UsersView::headingText() const
{
    return m_heading->text();
}

void UsersView::updateHeading()
{
    const int rows = m_sessions->rowCount();
    QString text;
    switch (m_sessions->source()) {
    case UserSessionsModel::Source::None:
        text = m_connection && m_connection->admin() ? tr("Choose a user to see their sessions.")
                                                     : tr("Not connected.");
        break;
    case UserSessionsModel::Source::Index:
        if (m_sessions->isLoading() && rows == 0)
            text = tr("<b>%1</b> \u2014 reading their sessions\u2026")
                       .arg(m_sessions->user().toHtmlEscaped());
        else
            text = tr("<b>%1</b> \u2014 %n live session(s), from the per-user index", nullptr, rows)
                       .arg(m_sessions->user().toHtmlEscaped());
        break;
    case UserSessionsModel::Source::ValueSearch:
        text = tr("Sessions whose values contain <b>%1</b> \u2014 %n found", nullptr, rows)
                   .arg(m_sessions->user().toHtmlEscaped());
        text += QLatin1Char(' ')
            + tr("in %1 read, by a value search (no per-user index)")
                  .arg(DisplayFormat::count(m_sessions->checkedCount()));
        if (m_sessions->isLoading())
            text += tr("; searching\u2026");
        break;
    }
    if (m_sessions->isTruncated())
        text += QLatin1Char(' ')
            + tr("(only the first %1 shown)").arg(UserSessionsModel::maxSessions);
    if (m_sessions->error().isError())
        text += QStringLiteral("<br>")
            + tr("Reading failed: %1").arg(m_sessions->error().message().toHtmlEscaped());
    m_heading->setText(text);
}

void UsersView::updateActions()
{
    const bool connected = m_connection
        && (m_connection->state() == SessionConnection::State::Connected
            || m_connection->state() == SessionConnection::State::Lost);
    const bool readOnly = m_connection && m_connection->isReadOnly();
    const bool chosen = (m_sessions->source() == UserSessionsModel::Source::Index
                         && !m_sessions->user().isEmpty())
        || (m_sessions->source() == UserSessionsModel::Source::ValueSearch
            && !m_sessions->isLoading() && m_sessions->rowCount() > 0);
    const bool enabled = connected && !readOnly && chosen && !m_revoking;
    m_revokeAction->setEnabled(enabled);
    m_revokeButton->setEnabled(enabled);
    const QString tip
        = readOnly ? tr("Read-only profile: sessions cannot be ended from here") : m_revokeTip;
    const QString shortcut = m_revokeAction->shortcut().toString(QKeySequence::NativeText);
    m_revokeAction->setToolTip(QStringLiteral("%1 (%2)").arg(tip, shortcut));
    m_revokeButton->setToolTip(m_revokeAction->toolTip());
}

void UsersView::revokeCurrent()
{
    if (!m_connection || !m_connection->admin()) {
        Q_EMIT finished(tr("Not connected."), false);
        return;
    }
    if (m_connection->isReadOnly()) {
        Q_EMIT finished(tr("Read-only mode: nothing was written to Redis."), false);
        return;
    }
    const QString user = m_sessions->user();
    const QStringList ids = m_sessions->ids();
    SessionActions::Question question;
    if (m_sessions->source() == UserSessionsModel::Source::Index && !user.isEmpty()) {
        const int count = int(ids.size());
        question.title = tr("End all sessions of %1").arg(user);
        question.text = tr("End all %n session(s) of user \u201c%1\u201d? They are logged out "
                           "everywhere, at once.",
                           nullptr, count)
                            .arg(user);
        question.acceptText = tr("End the sessions");
        m_asker(question, [this, user, ids](bool yes) {
            if (yes)
                revoke(user, ids, true);
        });
    } else if (m_sessions->source() == UserSessionsModel::Source::ValueSearch && !ids.isEmpty()) {
        question.title = tr("Delete the sessions found");
        question.text = tr("Delete the %n session(s) whose values contain \u201c%1\u201d? There "
                           "is no per-user index, so these are the sessions the value search "
                           "found.",
                           nullptr, int(ids.size()))
                            .arg(user);
        question.acceptText = tr("Delete the sessions");
        m_asker(question, [this, user, ids](bool yes) {
            if (yes)
                revoke(user, ids, false);
        });
    }
}

void UsersView::revoke(const QString &user, const QStringList &ids, bool byIndex)
{
    SessionAdmin *admin = m_connection ? m_connection->admin() : nullptr;
    if (!admin)
        return;
    m_revoking = true;
    updateActions();
    auto done = [this, user, ids, byIndex](qint64 ended, const SessionError &error) {
        m_revoking = false;
        if (error.isError()) {
            Q_EMIT finished(
                tr("Ending the sessions of %1 failed: %2")
                    .arg(user,
                         ErrorMessages::forSession(
                             error, m_connection ? m_connection->endpoint() : QString())),
                false);
            updateActions();
            return;
        }
        if (byIndex) {
            // The row goes; the choice does not move on to the next user by itself (a second
            // Delete would otherwise aim at someone else).
            m_userTable->selectionModel()->clear();
            m_users->setSessionCount(user, 0);
        }
        m_sessions->removeSessions(ids);
        m_values->setValues({});
        Q_EMIT sessionsRemoved(ids);
        Q_EMIT finished(byIndex ? tr("%n session(s) of %1 ended.", nullptr, int(ended)).arg(user)
                                : tr("%n session(s) deleted.", nullptr, int(ended)),
                        true);
        updateHeading();
        updateActions();
    };
    if (byIndex) {
        whenFinished(admin->revokeUser(user), this,
                     [done](const UserRevocation &revoked) { done(revoked.ended, revoked.error); });
    } else {
        whenFinished(admin->remove(ids), this, [done](const SessionDeletion &deletion) {
            done(deletion.deleted, deletion.error);
        });
    }
}

bool UsersView::isSettled() const
{
    if (!m_connection || m_connection->state() != SessionConnection::State::Connected)
        return true;
    if (!m_users->isLoaded() || m_users->isLoading())
        return false;
    if (m_users->rowCount() > 0 && m_sessions->source() == UserSessionsModel::Source::None)
        return false;
    return !m_sessions->isLoading();
}

bool UsersView::eventFilter(QObject *watched, QEvent *event)
{
    const bool override = event->type() == QEvent::ShortcutOverride;
    if (!override && event->type() != QEvent::KeyPress)
        return ViewPage::eventFilter(watched, event);
    auto *key = static_cast<QKeyEvent *>(event);
    if (key->modifiers() & ~Qt::KeypadModifier)
        return ViewPage::eventFilter(watched, event);
    // Delete and Enter here mean this view's actions, not the window's (Delete deletes the
    // sessions chosen in the session browser).
    const bool ours = (watched == m_userTable && (key->key() == Qt::Key_Delete || isEnter(key)))
        || (watched == m_sessionTable && isEnter(key))
        || (watched == m_filter && (isEnter(key) || key->key() == Qt::Key_Down));
    if (!ours)
        return ViewPage::eventFilter(watched, event);
    if (override) {
        event->accept();
        return true;
    }
    if (watched == m_userTable && key->key() == Qt::Key_Delete) {
        if (m_revokeAction->isEnabled())
            revokeCurrent();
    } else if (watched == m_userTable) {
        m_sessionTable->setFocus(Qt::TabFocusReason);
        if (!m_sessionTable->currentIndex().isValid() && m_sessions->rowCount() > 0)
            m_sessionTable->setCurrentIndex(m_sessions->index(0, 0));
    } else if (watched == m_sessionTable) {
        openCurrentSession();
    } else {
        m_userTable->setFocus(Qt::TabFocusReason);
        if (!m_userTable->currentIndex().isValid() && m_proxy->rowCount() > 0)
            m_userTable->setCurrentIndex(m_proxy->index(0, 0));
    }
    return true;
}

} // namespace RediStore::Admin
