// The whole window against a real redis-server: it connects and shows the first session
// (and --screenshot writes the picture), says plainly when it cannot connect or loses the
// connection, follows deletions into the detail, and in read-only mode writes nothing at all.

#include "common/messagebanner.h"
#include "connection/profilestore.h"
#include "connection/sessionconnection.h"
#include "guitestsupport.h"
#include "live/liveupdates.h"
#include "mainwindow.h"
#include "screenshotrunner.h"
#include "sessions/sessionactions.h"
#include "sessions/sessionfilterproxymodel.h"
#include "sessions/sessiontablemodel.h"
#include "transfer/transferactions.h"
#include "translationloader.h"
#include "values/sessiondetailwidget.h"
#include "values/valuetreemodel.h"

#include <QtCore/QTemporaryDir>
#include <QtGui/QAction>
#include <QtGui/QImage>
#include <QtTest/QtTest>
#include <QtWidgets/QAbstractButton>
#include <QtWidgets/QApplication>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QMenu>
#include <QtWidgets/QMenuBar>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QTableView>

#include <memory>

using namespace RediStore;
using namespace RediStore::Admin;
using RediStore::Test::RedisServer;

class tst_MainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void connectsAndWritesAScreenshot();
    void refusedConnectionIsSaidInTheWindow();
    void sessionDeletedElsewhereIsMarkedGone();
    void readOnlyWritesNothing();
    void lostConnectionIsShownAndRetried();
    void everyActionIsInAMenuWithItsShortcut();
    void viewsAreReachedByKeyboard();
    void transferUnderWayCanBeStopped();

private:
    void open(bool readOnly = false);

    QTemporaryDir m_dir;
    RedisServer m_server;
    std::unique_ptr<ProfileStore> m_store;
    std::unique_ptr<MainWindow> m_window;
};

void tst_MainWindow::initTestCase()
{
    TranslationLoader::install(qApp, QStringLiteral("en"));
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
}

void tst_MainWindow::init()
{
    if (!m_server.isRunning())
        QVERIFY(m_server.restart());
    m_server.command({ "FLUSHALL" });
    m_server.command({ "CONFIG", "SET", "notify-keyspace-events", "" });
    m_store = std::make_unique<ProfileStore>(m_dir.filePath(QStringLiteral("profiles.ini")));
    m_window = std::make_unique<MainWindow>(m_store.get());
    m_window->resize(1280, 800);
    m_window->show();
}

void tst_MainWindow::cleanup()
{
    m_window.reset();
    m_store.reset();
}

void tst_MainWindow::open(bool readOnly)
{
    ConnectionProfile profile = ConnectionProfile::fromUrl(m_server.url());
    profile.readOnly = readOnly;
    m_window->openProfile(profile);
    QTRY_COMPARE(m_window->connection()->state(), SessionConnection::State::Connected);
}

void tst_MainWindow::connectsAndWritesAScreenshot()
{
    Test::fillSessions(m_server, 120);
    const QString path = m_dir.filePath(QStringLiteral("shot.png"));
    ScreenshotRunner runner(m_window.get(), path);
    QSignalSpy done(&runner, &ScreenshotRunner::done);
    runner.start();
    open();
    QVERIFY(done.wait(20000));
    QCOMPARE(done.first().first().toInt(), 0);
    QCOMPARE(m_window->detail()->sessionId(), m_window->sessionModel()->sessionId(0));
    QVERIFY(m_window->detail()->isLoaded());
    QCOMPARE(m_window->selectedIds(), QStringList { m_window->detail()->sessionId() });
    const QImage image(path);
    QCOMPARE(image.size(), m_window->size() * m_window->devicePixelRatio());
    QVERIFY(m_window->windowTitle().contains(QStringLiteral("RediStore Admin")));
}

void tst_MainWindow::refusedConnectionIsSaidInTheWindow()
{
    ConnectionProfile profile;
    profile.port = RedisServer::freePort();
    m_window->openProfile(profile);
    QTRY_COMPARE(m_window->connection()->state(), SessionConnection::State::Failed);
    QVERIFY(m_window->banner()->isVisible());
    QCOMPARE(m_window->banner()->level(), MessageBanner::Level::Error);
    QVERIFY(m_window->banner()->text().contains(QStringLiteral("refused the connection")));
    QStringList buttons;
    for (const QPushButton *button : m_window->banner()->findChildren<QPushButton *>())
        buttons << button->text();
    QVERIFY(buttons.contains(QStringLiteral("Try again")));
    QVERIFY(!m_window->action(QStringLiteral("delete"))->isEnabled());
}

void tst_MainWindow::sessionDeletedElsewhereIsMarkedGone()
{
    m_server.command({ "CONFIG", "SET", "notify-keyspace-events", "KA" });
    Test::fillSessions(m_server, 30);
    open();
    QTRY_VERIFY(m_window->sessionModel()->isScanComplete());
    QTRY_COMPARE(m_window->liveUpdates()->mode(), LiveUpdates::Mode::Live);
    m_window->selectRow(5);
    const QString id = m_window->selectedIds().value(0);
    QTRY_VERIFY(m_window->detail()->isLoaded() && m_window->detail()->sessionId() == id);
    m_server.command({ "DEL", "session_" + id.toUtf8() });
    QTRY_VERIFY(m_window->detail()->isGone());
    QCOMPARE(m_window->sessionModel()->rowOf(id), -1);
    QCOMPARE(m_window->proxyModel()->rowCount(), 29);
}

void tst_MainWindow::readOnlyWritesNothing()
{
    const QStringList ids = Test::fillSessions(m_server, 40);
    m_server.command({ "CONFIG", "RESETSTAT" });
    m_window->liveUpdates()->setMinimumPollInterval(100);
    open(true);
    QTRY_VERIFY(m_window->sessionModel()->isScanComplete());
    QVERIFY(m_window->windowTitle().contains(QStringLiteral("read-only")));
    QTRY_COMPARE(m_window->liveUpdates()->mode(), LiveUpdates::Mode::Polling);

    m_window->sessionView()->selectAll();
    QCOMPARE(m_window->selectedIds().size(), 40);
    for (const QString &name :
         { QStringLiteral("expire"), QStringLiteral("persist"), QStringLiteral("delete") }) {
        QAction *action = m_window->action(name);
        QVERIFY2(!action->isEnabled(), qPrintable(name));
        action->trigger();
    }
    // Even asked directly, nothing goes out.
    m_window->sessionActions()->setAsker(
        [](const SessionActions::Question &, std::function<void(bool)> answer) { answer(true); });
    m_window->sessionActions()->setExpireAsker(
        [](int, qint64, std::function<void(qint64)> accept) { accept(5); });
    m_window->sessionActions()->expire(ids);
    m_window->sessionActions()->persist(ids);
    m_window->sessionActions()->remove(ids);
    m_window->sessionActions()->applyRemove(ids);

    m_window->selectRow(0);
    SessionDetailWidget *detail = m_window->detail();
    QTRY_VERIFY(detail->isLoaded());
    for (QPushButton *button : detail->findChildren<QPushButton *>())
        QVERIFY2(!button->isEnabled(), qPrintable(button->text()));
    QVERIFY(!detail->valueModel()->setData(detail->valueModel()->index(0, 2), QStringLiteral("x")));
    QVERIFY(!detail->valueModel()->addEntry().isValid());
    detail->save();
    QVERIFY(!m_window->liveUpdates()->canEnable());
    m_window->liveUpdates()->enableNotifications();

    // Let a few periodic rescans and previews run too.
    const qint64 scans = Test::commandStats(m_server).value(QStringLiteral("scan"));
    for (int row = 0; row < 30; ++row)
        m_window->sessionModel()->index(row, SessionTableModel::ValuesColumn).data();
    QTRY_VERIFY(Test::commandStats(m_server).value(QStringLiteral("scan")) >= scans + 2);
    // A read through the window's admin, answered: what was sent before it has reached Redis.
    const QFuture<SessionContent> read = m_window->connection()->admin()->load(ids.first());
    QTRY_VERIFY(read.isFinished());
    const auto stats = Test::commandStats(m_server);
    QCOMPARE(Test::writeCommands(stats), QStringList());
    QVERIFY(stats.value(QStringLiteral("scan")) > 0); // it did read
    QCOMPARE(m_server.command({ "DBSIZE" }).toLongLong(), 40);
}

void tst_MainWindow::lostConnectionIsShownAndRetried()
{
    Test::fillSessions(m_server, 10);
    m_window->connection()->setHeartbeatInterval(200);
    open();
    QTRY_VERIFY(m_window->sessionModel()->isScanComplete());
    m_server.kill();
    QTRY_COMPARE_WITH_TIMEOUT(m_window->connection()->state(), SessionConnection::State::Lost,
                              5000);
    QVERIFY(m_window->banner()->text().contains(QStringLiteral("was lost")));
    QVERIFY(m_window->banner()->text().contains(QStringLiteral("Retrying automatically")));
    QVERIFY(m_server.restart());
    QTRY_COMPARE_WITH_TIMEOUT(m_window->connection()->state(), SessionConnection::State::Connected,
                              15000);
    QTRY_COMPARE(m_window->banner()->text(), QStringLiteral("The connection is back."));
}

// Every action is in a menu of the menu bar, each but About with a shortcut of its own that the
// menu shows; a toolbar tooltip names the shortcut too.
void tst_MainWindow::everyActionIsInAMenuWithItsShortcut()
{
    QSet<QAction *> inMenus;
    const QList<QAction *> menus = m_window->menuBar()->actions();
    QVERIFY(menus.size() >= 5);
    for (QAction *menuAction : menus) {
        QVERIFY(menuAction->menu());
        QVERIFY2(menuAction->text().contains(QLatin1Char('&')), qPrintable(menuAction->text()));
        const QList<QAction *> entries = menuAction->menu()->actions();
        for (QAction *entry : entries)
            inMenus.insert(entry);
    }
    QHash<QKeySequence, QString> taken;
    const QStringList names = m_window->actionNames();
    for (const QString &name : names) {
        QAction *action = m_window->action(name);
        QVERIFY2(inMenus.contains(action), qPrintable(name + QStringLiteral(" is in no menu")));
        if (name == QLatin1String("about"))
            continue;
        QVERIFY2(!action->shortcut().isEmpty(), qPrintable(name + QStringLiteral(" has none")));
        QVERIFY2(!taken.contains(action->shortcut()),
                 qPrintable(name + QStringLiteral(" shares its shortcut with ")
                            + taken.value(action->shortcut())));
        taken.insert(action->shortcut(), name);
        if (action->icon().isNull())
            continue;
        QVERIFY2(action->toolTip().contains(action->shortcut().toString(QKeySequence::NativeText)),
                 qPrintable(action->toolTip()));
    }
    for (const char *name : { "connect", "refresh", "expire", "persist", "delete", "copy", "find",
                              "search-values", "cookies", "quit" })
        QVERIFY2(names.contains(QLatin1String(name)), name);
}

// Ctrl+1... switch the views, the View menu follows, and Ctrl+F lands in the ID filter.
void tst_MainWindow::viewsAreReachedByKeyboard()
{
    const QStringList views = m_window->viewNames();
    QCOMPARE(views.value(0), QStringLiteral("sessions"));
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    for (qsizetype i = views.size() - 1; i >= 0; --i) {
        QTest::keyClick(m_window.get(), Qt::Key(Qt::Key_1 + i), Qt::ControlModifier);
        QCOMPARE(m_window->currentViewName(), views.at(i));
        QVERIFY(m_window->action(QStringLiteral("view-") + views.at(i))->isChecked());
    }
    QVERIFY(!m_window->showView(QStringLiteral("nosuchview")));
    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
    auto *focused = qobject_cast<QLineEdit *>(QApplication::focusWidget());
    QVERIFY(focused);
    QVERIFY(focused->placeholderText().contains(QStringLiteral("session ID")));
}

// An export under way is said in the banner, whose Stop button (or File > Stop Export or
// Import, Ctrl+.) ends it without writing the file.
void tst_MainWindow::transferUnderWayCanBeStopped()
{
    Test::fillSessions(m_server, 3000);
    open();
    QAction *stop = m_window->action(QStringLiteral("stop-transfer"));
    QVERIFY(stop);
    QVERIFY(!stop->isEnabled());
    QCOMPARE(stop->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Period));
    auto *transfer = m_window->findChild<TransferActions *>();
    QVERIFY(transfer);
    auto *banner = m_window->findChild<MessageBanner *>();
    QVERIFY(banner);
    QSignalSpy finished(transfer, &TransferActions::finished);
    const QString file = m_dir.filePath(QStringLiteral("stopped.json"));
    transfer->exportTo(file, {});
    QVERIFY(transfer->isBusy());
    QVERIFY(stop->isEnabled());
    QVERIFY2(banner->isVisible() && banner->text().contains(QStringLiteral("Exporting")),
             qPrintable(banner->text()));
    QAbstractButton *stopButton = nullptr;
    for (QAbstractButton *button : banner->findChildren<QAbstractButton *>()) {
        if (button->text() == QStringLiteral("Stop"))
            stopButton = button;
    }
    QVERIFY(stopButton);
    stopButton->click();
    QVERIFY(finished.wait(15000) || !finished.isEmpty());
    QVERIFY2(banner->text().contains(QStringLiteral("cancelled")), qPrintable(banner->text()));
    QVERIFY(!finished.last().at(1).toBool());
    QVERIFY(!QFile::exists(file));
    QVERIFY(!stop->isEnabled());
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
