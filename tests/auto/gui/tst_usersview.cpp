// Sessions by user against a real redis-server: SessionAdmin::users() (counts, pattern, limit,
// read commands only; also on a private Redis Cluster, with the view there), the Users view's
// models under QAbstractItemModelTester, a user's sessions with TTL, size and values, "End all
// sessions" after a question (nothing without a yes, nothing in read-only mode), the value search
// where there is no per-user index, a session opened from the view in the browser, and the
// chosen user's sessions following keyspace notifications.

#include "connection/profilestore.h"
#include "connection/sessionconnection.h"
#include "guitestsupport.h"
#include "live/liveupdates.h"
#include "mainwindow.h"
#include "rediscluster.h"
#include "sessions/sessiontablemodel.h"
#include "users/userlistmodel.h"
#include "users/usersessionsmodel.h"
#include "users/usersview.h"
#include "values/sessiondetailwidget.h"

#include <libredistore/session/redisstore.h>
#include <libredistore/session/sessionadmin.h>

#include "asyncwait.h"

#include <QtCore/QSortFilterProxyModel>
#include <QtCore/QTemporaryDir>
#include <QtGui/QAction>
#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QtTest>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QMenu>
#include <QtWidgets/QMenuBar>
#include <QtWidgets/QTableView>

#include <memory>

using namespace RediStore;
using namespace RediStore::Admin;
using RediStore::Test::RedisCluster;
using RediStore::Test::RedisServer;

namespace {

const QByteArray hashKey("0123456789abcdef0123456789abcdef");

std::unique_ptr<RedisStore> indexedStore(const QString &url)
{
    auto store = RedisStore::create(KeyRing::keys({ hashKey }),
                                    { withUrl(url), withUserIndex(QStringLiteral("user")) });
    if (!store.ok()) {
        qWarning("%s", qPrintable(store.error().message()));
        return nullptr;
    }
    return std::move(store).value();
}

// A session saved through the store (so indexed when it has a user); its ID.
QString saveSession(RedisStore &store, const QString &user, int visit)
{
    Session session = store.newSession("s");
    if (!user.isEmpty())
        session.setValue(QStringLiteral("user"), user);
    session.setValue(QStringLiteral("last_page"), QStringLiteral("/page/%1").arg(visit));
    const auto saved = Test::waitFor(store.save(session));
    if (!saved || !saved->ok())
        return QString();
    return session.id();
}

} // namespace

class tst_UsersView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void usersAreListedWithTheirSessionCounts();
    void viewShowsAUsersSessions();
    void revokeAsksThenEndsEverySessionOfTheUser();
    void readOnlyRefusesToRevoke();
    void withoutAnIndexTheValuesAreSearched();
    void enterOpensTheSessionInTheBrowser();
    void shownSessionsFollowRedisLive();
    void usersOfAClusterComeFromEveryMaster();

private:
    void fill();
    std::unique_ptr<UsersView> openView(bool readOnly = false);
    // The main window, shown, on its Users view (*view; null when that fails), not connected.
    std::unique_ptr<MainWindow> windowOnUsers(ProfileStore *store, UsersView **view) const;
    static QByteArray keyOf(const QString &id) { return QByteArray("session_" + id.toUtf8()); }
    bool exists(const QString &id) const
    {
        return m_server.command({ "EXISTS", keyOf(id) }).toLongLong() == 1;
    }

    QTemporaryDir m_dir;
    RedisServer m_server;
    std::unique_ptr<SessionConnection> m_connection;
    QHash<QString, QStringList> m_ids; // user ("" for none) -> session IDs
};

void tst_UsersView::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
}

void tst_UsersView::init()
{
    m_server.command({ "FLUSHALL" });
    m_ids.clear();
    m_connection = std::make_unique<SessionConnection>();
}

void tst_UsersView::cleanup()
{
    m_connection.reset();
    m_server.command({ "CONFIG", "SET", "notify-keyspace-events", "" });
}

// alice 3 sessions, bob 2, carol 1, and 2 without a user.
void tst_UsersView::fill()
{
    auto store = indexedStore(m_server.url());
    QVERIFY(store);
    const QList<QPair<QString, int>> users = { { QStringLiteral("alice"), 3 },
                                               { QStringLiteral("bob"), 2 },
                                               { QStringLiteral("carol"), 1 },
                                               { QString(), 2 } };
    for (const auto &[user, count] : users) {
        for (int i = 0; i < count; ++i) {
            const QString id = saveSession(*store, user, i);
            QVERIFY(!id.isEmpty());
            m_ids[user].append(id);
        }
    }
}

std::unique_ptr<UsersView> tst_UsersView::openView(bool readOnly)
{
    auto view = std::make_unique<UsersView>(m_connection.get());
    view->resize(1000, 600);
    view->show();
    ConnectionProfile profile = ConnectionProfile::fromUrl(m_server.url());
    profile.readOnly = readOnly;
    m_connection->open(profile);
    if (!QTest::qWaitFor(
            [this]() { return m_connection->state() == SessionConnection::State::Connected; }))
        return nullptr;
    return view;
}

std::unique_ptr<MainWindow> tst_UsersView::windowOnUsers(ProfileStore *store,
                                                         UsersView **view) const
{
    auto window = std::make_unique<MainWindow>(store);
    window->resize(1280, 800);
    window->show();
    *view = window->showView(QStringLiteral("users"))
        ? qobject_cast<UsersView *>(window->view(QStringLiteral("users")))
        : nullptr;
    return window;
}

void tst_UsersView::usersAreListedWithTheirSessionCounts()
{
    fill();
    // An index whose only entry has expired: no live session, so no user.
    m_server.command({ "ZADD", "redistore:user:session_:dave", "1000", "old" });
    // Another prefix's users are not this prefix's.
    m_server.command({ "ZADD", "redistore:user:other_:erin", "99999999999999", "x" });

    SessionAdmin admin(RedisConfig::fromUrl(m_server.url()).value());
    admin.setReadOnly(true);
    const auto before = Test::commandStats(m_server);
    const auto list = Test::waitFor(admin.users());
    QVERIFY(list);
    QVERIFY2(list->ok(), qPrintable(list->error.message()));
    QCOMPARE(list->users.size(), 3);
    QCOMPARE(list->users.at(0).user, QStringLiteral("alice"));
    QCOMPARE(list->users.at(0).sessions, qint64(3));
    QCOMPARE(list->users.at(1).user, QStringLiteral("bob"));
    QCOMPARE(list->users.at(1).sessions, qint64(2));
    QCOMPARE(list->users.at(2).user, QStringLiteral("carol"));
    QCOMPARE(list->users.at(2).sessions, qint64(1));
    QVERIFY(!list->truncated);
    QCOMPARE(list->top(1).value(0).user, QStringLiteral("alice"));
    // Read commands only.
    QCOMPARE(Test::writeCommands(Test::commandStats(m_server)), Test::writeCommands(before));

    const auto matching = Test::waitFor(admin.users(QStringLiteral("b*")));
    QVERIFY(matching && matching->ok());
    QCOMPARE(matching->users.size(), 1);
    QCOMPARE(matching->users.at(0).user, QStringLiteral("bob"));

    const auto capped = Test::waitFor(admin.users(QStringLiteral("*"), 2));
    QVERIFY(capped && capped->ok());
    QCOMPARE(capped->users.size(), 2);
    QVERIFY(capped->truncated);

    const auto refused = Test::waitFor(admin.users(QStringLiteral("*"), 0));
    QVERIFY(refused);
    QCOMPARE(refused->error.code(), SessionError::Code::InvalidOption);
}

void tst_UsersView::viewShowsAUsersSessions()
{
    fill();
    auto view = openView();
    QVERIFY(view);
    QAbstractItemModelTester usersTester(view->userModel(),
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester sessionsTester(view->sessionsModel(),
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(view->userTable()->model(),
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY(view->isSettled());
    UserListModel *users = view->userModel();
    QCOMPARE(users->rowCount(), 3);
    QCOMPARE(users->user(0), QStringLiteral("alice"));
    QCOMPARE(users->sessionCount(0), qint64(3));
    QVERIFY(!view->showsValueSearch());

    // The first user is chosen: their sessions with TTL, size and values.
    QCOMPARE(view->currentUser(), QStringLiteral("alice"));
    UserSessionsModel *sessions = view->sessionsModel();
    QCOMPARE(sessions->source(), UserSessionsModel::Source::Index);
    QCOMPARE(sessions->rowCount(), 3);
    QStringList listed = sessions->ids();
    listed.sort();
    QStringList expected = m_ids.value(QStringLiteral("alice"));
    expected.sort();
    QCOMPARE(listed, expected);
    for (int row = 0; row < 3; ++row) {
        QVERIFY(sessions->index(row, 0).data(UserSessionsModel::TtlRole).toLongLong() > 0);
        QVERIFY(sessions->index(row, 0).data(UserSessionsModel::SizeRole).toLongLong() > 0);
        const QString preview
            = sessions->index(row, UserSessionsModel::ValuesColumn).data().toString();
        QVERIFY2(preview.contains(QStringLiteral("alice"))
                     && preview.contains(QStringLiteral("/page/")),
                 qPrintable(preview));
        QVERIFY(!sessions->index(row, UserSessionsModel::TtlColumn).data().toString().isEmpty());
    }
    QVERIFY(view->headingText().contains(QStringLiteral("per-user index")));

    // Type to filter, then pick bob with the keyboard.
    view->findAction()->trigger();
    QCOMPARE(QApplication::focusWidget(), view->filterEdit());
    QTest::keyClicks(view->filterEdit(), QStringLiteral("bo"));
    QCOMPARE(view->userTable()->model()->rowCount(), 1);
    QTest::keyClick(view->filterEdit(), Qt::Key_Down);
    QCOMPARE(QApplication::focusWidget(), view->userTable());
    view->userTable()->setCurrentIndex(view->userTable()->model()->index(0, 0));
    QTRY_COMPARE(view->currentUser(), QStringLiteral("bob"));
    QTRY_VERIFY(!sessions->isLoading());
    QCOMPARE(sessions->rowCount(), 2);

    // A refresh (F5 in the window) reads the users and the chosen user's sessions again.
    auto store = indexedStore(m_server.url());
    QVERIFY(store);
    QVERIFY(!saveSession(*store, QStringLiteral("bob"), 9).isEmpty());
    view->refresh();
    QVERIFY(!view->isSettled());
    QTRY_VERIFY(view->isSettled());
    QCOMPARE(view->currentUser(), QStringLiteral("bob"));
    QCOMPARE(sessions->rowCount(), 3);
    QCOMPARE(users->sessionCount(users->rowOf(QStringLiteral("bob"))), qint64(3));
}

void tst_UsersView::revokeAsksThenEndsEverySessionOfTheUser()
{
    fill();
    auto view = openView();
    QVERIFY(view);
    QAbstractItemModelTester usersTester(view->userModel(),
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester sessionsTester(view->sessionsModel(),
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY(view->isSettled());
    QCOMPARE(view->currentUser(), QStringLiteral("alice"));
    QVERIFY(view->revokeAction()->isEnabled());

    QList<SessionActions::Question> questions;
    bool answer = false;
    view->setAsker([&](const SessionActions::Question &question, std::function<void(bool)> yes) {
        questions.append(question);
        yes(answer);
    });
    QSignalSpy finished(view.get(), &UsersView::finished);
    QSignalSpy removed(view.get(), &UsersView::sessionsRemoved);

    // No: nothing happens (the round trip of users() shows that Redis got nothing).
    view->userTable()->setFocus();
    QTest::keyClick(view->userTable(), Qt::Key_Delete);
    QCOMPARE(questions.size(), 1);
    QVERIFY(questions.at(0).text.contains(QStringLiteral("alice")));
    QVERIFY(questions.at(0).text.contains(QStringLiteral("3")));
    SessionAdmin admin(RedisConfig::fromUrl(m_server.url()).value());
    QCOMPARE(Test::waitFor(admin.users())->users.size(), 3);
    for (const QString &id : m_ids.value(QStringLiteral("alice")))
        QVERIFY(exists(id));
    QCOMPARE(finished.size(), 0);

    // Yes: alice's sessions are gone, everybody else's stay.
    answer = true;
    view->revokeAction()->trigger();
    QCOMPARE(questions.size(), 2);
    QTRY_COMPARE(finished.size(), 1);
    QVERIFY(finished.first().at(1).toBool());
    QVERIFY2(finished.first().at(0).toString().contains(QStringLiteral("3")),
             qPrintable(finished.first().at(0).toString()));
    for (const QString &id : m_ids.value(QStringLiteral("alice")))
        QVERIFY(!exists(id));
    for (const QString &user : { QStringLiteral("bob"), QStringLiteral("carol"), QString() }) {
        for (const QString &id : m_ids.value(user))
            QVERIFY(exists(id));
    }
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.first().first().toStringList().size(), 3);
    // The list follows.
    QCOMPARE(view->userModel()->rowOf(QStringLiteral("alice")), -1);
    QCOMPARE(view->userModel()->rowCount(), 2);
    QCOMPARE(view->sessionsModel()->rowCount(), 0);
    QCOMPARE(view->currentUser(), QStringLiteral("alice"));
    QVERIFY(!view->userTable()->currentIndex().isValid());
    const auto after = Test::waitFor(admin.users());
    QCOMPARE(after->users.size(), 2);
}

void tst_UsersView::readOnlyRefusesToRevoke()
{
    fill();
    auto view = openView(true);
    QVERIFY(view);
    QTRY_VERIFY(view->isSettled());
    QCOMPARE(view->currentUser(), QStringLiteral("alice"));
    QVERIFY(!view->revokeAction()->isEnabled());
    QVERIFY2(view->revokeAction()->toolTip().contains(QStringLiteral("Read-only")),
             qPrintable(view->revokeAction()->toolTip()));
    int asked = 0;
    view->setAsker([&](const SessionActions::Question &, std::function<void(bool)> yes) {
        ++asked;
        yes(true);
    });
    QSignalSpy finished(view.get(), &UsersView::finished);
    const auto before = Test::commandStats(m_server);
    view->revokeCurrent();
    QCOMPARE(asked, 0);
    QCOMPARE(finished.size(), 1);
    QVERIFY(!finished.first().at(1).toBool());
    // A round trip: Redis has had every command the view sent, and none wrote.
    SessionAdmin admin(RedisConfig::fromUrl(m_server.url()).value());
    QCOMPARE(Test::waitFor(admin.users())->users.size(), 3);
    QCOMPARE(Test::writeCommands(Test::commandStats(m_server)), Test::writeCommands(before));
    for (const QString &id : m_ids.value(QStringLiteral("alice")))
        QVERIFY(exists(id));
}

void tst_UsersView::withoutAnIndexTheValuesAreSearched()
{
    // Sessions stored without the index (as a Go service or an older store would).
    for (int i = 0; i < 5; ++i) {
        const QString user = i < 2 ? QStringLiteral("erin") : QStringLiteral("frank");
        QVERIFY(Test::storeSession(
            m_server, QStringLiteral("session_plain%1").arg(i),
            { { QStringLiteral("user"), user }, { QStringLiteral("visits"), i } },
            QStringLiteral("json"), 600));
    }
    auto view = openView();
    QVERIFY(view);
    QAbstractItemModelTester sessionsTester(view->sessionsModel(),
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY(view->isSettled());
    QCOMPARE(view->userModel()->rowCount(), 0);
    QVERIFY(view->showsValueSearch());

    view->findAction()->trigger();
    QCOMPARE(QApplication::focusWidget(), view->searchEdit());
    QTest::keyClicks(view->searchEdit(), QStringLiteral("Erin"));
    QTest::keyClick(view->searchEdit(), Qt::Key_Return);
    UserSessionsModel *sessions = view->sessionsModel();
    QCOMPARE(sessions->source(), UserSessionsModel::Source::ValueSearch);
    QTRY_VERIFY(view->isSettled());
    QStringList found = sessions->ids();
    found.sort();
    QCOMPARE(found, (QStringList { QStringLiteral("plain0"), QStringLiteral("plain1") }));
    QCOMPARE(sessions->checkedCount(), qint64(5));
    QVERIFY2(view->headingText().contains(QStringLiteral("value search")),
             qPrintable(view->headingText()));
    QVERIFY(sessions->index(0, UserSessionsModel::ValuesColumn)
                .data()
                .toString()
                .contains(QStringLiteral("erin")));

    // Ending them deletes what the search found, after asking.
    view->setAsker([](const SessionActions::Question &question, std::function<void(bool)> yes) {
        QVERIFY(question.text.contains(QStringLiteral("Erin")));
        yes(true);
    });
    QSignalSpy finished(view.get(), &UsersView::finished);
    view->revokeAction()->trigger();
    QTRY_COMPARE(finished.size(), 1);
    QVERIFY(!exists(QStringLiteral("plain0")));
    QVERIFY(!exists(QStringLiteral("plain1")));
    QVERIFY(exists(QStringLiteral("plain2")));
}

void tst_UsersView::enterOpensTheSessionInTheBrowser()
{
    fill();
    ProfileStore store(m_dir.filePath(QStringLiteral("profiles.ini")));
    UsersView *view = nullptr;
    const auto window = windowOnUsers(&store, &view);
    QVERIFY(view);
    QVERIFY(window->action(QStringLiteral("revoke-user")));
    QCOMPARE(window->action(QStringLiteral("revoke-user")), view->revokeAction());
    // Both in a menu, each with its shortcut named once in its tooltip.
    QSet<QAction *> inMenus;
    for (QAction *menu : window->menuBar()->actions()) {
        for (QAction *entry : menu->menu()->actions())
            inMenus.insert(entry);
    }
    for (const char *name : { "find-user", "revoke-user", "view-users" }) {
        QAction *action = window->action(QLatin1String(name));
        QVERIFY2(action && inMenus.contains(action), name);
        const QString shortcut = action->shortcut().toString(QKeySequence::NativeText);
        QVERIFY2(!shortcut.isEmpty(), name);
        QCOMPARE(action->toolTip().count(shortcut), 1);
    }
    window->openProfile(ConnectionProfile::fromUrl(m_server.url()));
    QTRY_COMPARE(window->connection()->state(), SessionConnection::State::Connected);
    QTRY_VERIFY(view->isSettled());
    QCOMPARE(view->sessionsModel()->rowCount(), 3);
    const QString id = view->sessionsModel()->sessionId(1);
    view->sessionTable()->setFocus();
    view->sessionTable()->setCurrentIndex(view->sessionsModel()->index(1, 0));
    QTest::keyClick(view->sessionTable(), Qt::Key_Return);
    QCOMPARE(window->currentViewName(), QStringLiteral("sessions"));
    QTRY_COMPARE(window->detail()->sessionId(), id);
    QTRY_VERIFY(window->detail()->isLoaded());

    // Ctrl+U comes back to the users and their filter.
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    QTest::keyClick(window.get(), Qt::Key_U, Qt::ControlModifier);
    QCOMPARE(window->currentViewName(), QStringLiteral("users"));
    QCOMPARE(QApplication::focusWidget(), view->filterEdit());
}

// With keyspace notifications, the chosen user's sessions follow what happens in Redis: a
// changed TTL or value is read again, a deleted session leaves the list and the user's count, and
// the user goes with their last session. Sessions of other users are not touched.
void tst_UsersView::shownSessionsFollowRedisLive()
{
    m_server.command({ "CONFIG", "SET", "notify-keyspace-events", "KA" });
    fill();
    ProfileStore store(m_dir.filePath(QStringLiteral("live.ini")));
    UsersView *view = nullptr;
    const auto window = windowOnUsers(&store, &view);
    QVERIFY(view);
    QAbstractItemModelTester sessionsTester(view->sessionsModel(),
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester usersTester(view->userModel(),
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    window->openProfile(ConnectionProfile::fromUrl(m_server.url()));
    QTRY_COMPARE(window->connection()->state(), SessionConnection::State::Connected);
    QTRY_VERIFY(view->isSettled());
    QTRY_VERIFY(window->sessionModel()->isScanComplete());
    QTRY_COMPARE(window->liveUpdates()->mode(), LiveUpdates::Mode::Live);
    QCOMPARE(view->currentUser(), QStringLiteral("alice"));
    UserSessionsModel *sessions = view->sessionsModel();
    UserListModel *users = view->userModel();
    QCOMPARE(sessions->rowCount(), 3);
    const QStringList alice = sessions->ids();
    const auto ttlOf = [sessions](const QString &id) {
        return sessions->index(sessions->rowOf(id), 0)
            .data(UserSessionsModel::TtlRole)
            .toLongLong();
    };
    QVERIFY(ttlOf(alice.at(0)) > 9000 * 1000);

    // Changed: the TTL is read again.
    m_server.command({ "EXPIRE", keyOf(alice.at(0)), "9000" });
    QTRY_VERIFY(ttlOf(alice.at(0)) <= 9000 * 1000);
    QVERIFY(ttlOf(alice.at(0)) > 8000 * 1000);
    // Changed: new values (and TTL) are read again.
    const QString previewBefore
        = sessions->index(sessions->rowOf(alice.at(2)), UserSessionsModel::ValuesColumn)
              .data()
              .toString();
    QVERIFY(!previewBefore.contains(QStringLiteral("/changed")));
    QVERIFY(Test::storeSession(m_server, QString::fromUtf8(keyOf(alice.at(2))),
                               { { QStringLiteral("user"), QStringLiteral("alice") },
                                 { QStringLiteral("last_page"), QStringLiteral("/changed") } },
                               QStringLiteral("json"), 600));
    QTRY_VERIFY(sessions->index(sessions->rowOf(alice.at(2)), UserSessionsModel::ValuesColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("/changed")));
    QVERIFY(ttlOf(alice.at(2)) <= 600 * 1000);

    // Another user's session goes: alice's list stays as it is.
    m_server.command({ "DEL", keyOf(m_ids.value(QStringLiteral("bob")).at(0)) });
    QTRY_VERIFY(window->sessionModel()->rowOf(m_ids.value(QStringLiteral("bob")).at(0)) < 0);
    QCOMPARE(sessions->rowCount(), 3);

    // Deleted: the row leaves, and the count with it.
    m_server.command({ "DEL", keyOf(alice.at(1)) });
    QTRY_COMPARE(sessions->rowCount(), 2);
    QCOMPARE(sessions->rowOf(alice.at(1)), -1);
    QCOMPARE(users->sessionCount(users->rowOf(QStringLiteral("alice"))), qint64(2));
    QVERIFY(view->headingText().contains(QStringLiteral("2 live session")));

    // The last ones go: so does alice.
    m_server.command({ "DEL", keyOf(alice.at(0)), keyOf(alice.at(2)) });
    QTRY_COMPARE(users->rowOf(QStringLiteral("alice")), -1);
    QCOMPARE(users->rowCount(), 2);
}

void tst_UsersView::usersOfAClusterComeFromEveryMaster()
{
    RedisCluster cluster;
    QVERIFY2(cluster.start(), qPrintable(cluster.errorString()));
    auto store = indexedStore(cluster.url());
    QVERIFY(store);
    // Enough users that their index keys land on every master.
    for (int user = 0; user < 30; ++user) {
        for (int i = 0; i <= user % 3; ++i)
            QVERIFY(!saveSession(*store, QStringLiteral("user%1").arg(user), i).isEmpty());
    }
    QVERIFY(!saveSession(*store, QString(), 0).isEmpty());
    QSet<quint16> masters;
    for (int user = 0; user < 30; ++user)
        masters.insert(cluster.masterOfSlot(
            RedisCluster::keySlot("redistore:user:session_:user" + QByteArray::number(user))));
    QCOMPARE(masters.size(), cluster.masterPorts().size());

    SessionAdmin admin(RedisConfig::fromUrl(cluster.url()).value());
    const auto list = Test::waitFor(admin.users(), 20000);
    QVERIFY(list);
    QVERIFY2(list->ok(), qPrintable(list->error.message()));
    QCOMPARE(list->users.size(), 30);
    qint64 total = 0;
    for (const UserEntry &entry : list->users) {
        const int number = entry.user.mid(4).toInt();
        QCOMPARE(entry.sessions, qint64(number % 3 + 1));
        total += entry.sessions;
    }
    QCOMPARE(total, qint64(60));
    QCOMPARE(list->users.first().sessions, qint64(3));

    // The view, through the cluster: every user, and one user's sessions ended after a yes.
    SessionConnection connection;
    UsersView view(&connection);
    view.resize(1000, 600);
    view.show();
    connection.open(ConnectionProfile::fromUrl(cluster.url()));
    QTRY_COMPARE(connection.state(), SessionConnection::State::Connected);
    QTRY_VERIFY_WITH_TIMEOUT(view.isSettled() && view.userModel()->rowCount() > 0, 20000);
    QCOMPARE(view.userModel()->rowCount(), 30);
    view.selectUser(QStringLiteral("user2"));
    QTRY_VERIFY(view.isSettled());
    QCOMPARE(view.sessionsModel()->rowCount(), 3);
    QVERIFY(!view.sessionsModel()
                 ->index(0, UserSessionsModel::ValuesColumn)
                 .data()
                 .toString()
                 .contains(QStringLiteral("Loading")));
    view.setAsker(
        [](const SessionActions::Question &, std::function<void(bool)> yes) { yes(true); });
    QSignalSpy finished(&view, &UsersView::finished);
    view.revokeAction()->trigger();
    QTRY_COMPARE(finished.size(), 1);
    QVERIFY(finished.first().at(1).toBool());
    const auto after = Test::waitFor(admin.users(), 20000);
    QVERIFY(after && after->ok());
    QCOMPARE(after->users.size(), 29);
    const auto gone = Test::waitFor(admin.sessionsOfUser(QStringLiteral("user2")));
    QVERIFY(gone && gone->ok());
    QVERIFY(gone->sessions.isEmpty());
}

QTEST_MAIN(tst_UsersView)
#include "tst_usersview.moc"
