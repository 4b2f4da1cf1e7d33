// SessionDetailWidget against a real redis-server: edits round trip through every serializer
// keeping values and TTL, sessions Go wrote decode, what does not decode shows raw with its
// error, and a session that is gone is never re-created by Save.

#include "guitestsupport.h"
#include "testdata.h"
#include "translationloader.h"
#include "values/sessiondetailwidget.h"
#include "values/valuetreemodel.h"

#include <libredistore/redis/redispool.h>
#include <libredistore/serializer/sessionserializer.h>
#include <libredistore/session/sessionadmin.h>

#include <QtCore/QJsonArray>
#include <QtTest/QtTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QTabWidget>

#include <memory>

using namespace RediStore;
using namespace RediStore::Admin;
using RediStore::Test::RedisServer;

class tst_SessionDetailWidget : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void editRoundTripKeepsValuesAndTtl_data();
    void editRoundTripKeepsValuesAndTtl();
    void showsSessionsGoWrote();
    void undecodableValueShowsRawWithTheError();
    void sessionDeletedWhileOpenIsNotRecreated();
    void sessionExpiringWhileOpenIsMarkedGone();
    void readOnlyDisablesEditingAndSaving();

private:
    QModelIndex find(const QString &key) const;
    bool open(const QString &id);
    bool roundTrip();

    RedisServer m_server;
    std::unique_ptr<RedisPool> m_pool;
    std::unique_ptr<SessionAdmin> m_admin;
    std::unique_ptr<SessionDetailWidget> m_detail;
};

void tst_SessionDetailWidget::initTestCase()
{
    TranslationLoader::install(qApp, QStringLiteral("en"));
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
}

void tst_SessionDetailWidget::init()
{
    m_server.command({ "FLUSHALL" });
    m_pool = std::make_unique<RedisPool>(RedisConfig::fromUrl(m_server.url()).value());
    m_admin = std::make_unique<SessionAdmin>(m_pool.get(), QStringLiteral("session_"), nullptr);
    m_detail = std::make_unique<SessionDetailWidget>();
    m_detail->setAdmin(m_admin.get(), QStringLiteral("test"));
    m_detail->resize(600, 500);
    m_detail->show();
}

void tst_SessionDetailWidget::cleanup()
{
    m_detail.reset();
    m_admin.reset();
    m_pool.reset();
}

QModelIndex tst_SessionDetailWidget::find(const QString &key) const
{
    ValueTreeModel *model = m_detail->valueModel();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(Qt::EditRole).toString() == key)
            return model->index(row, 0);
    }
    return QModelIndex();
}

bool tst_SessionDetailWidget::open(const QString &id)
{
    QSignalSpy loaded(m_detail.get(), &SessionDetailWidget::loaded);
    m_detail->showSession(id);
    return loaded.wait(5000) || loaded.count() == 1;
}

// A PING through the admin's pool, answered. With the pool held to one connection, whatever
// the widget sent before it has been handled by Redis by then.
bool tst_SessionDetailWidget::roundTrip()
{
    const QFuture<RedisReply> ping = m_pool->execute({ "PING" });
    return QTest::qWaitFor([&ping] { return ping.isFinished(); }, 5000)
        && ping.result().data() == "PONG";
}

void tst_SessionDetailWidget::editRoundTripKeepsValuesAndTtl_data()
{
    QTest::addColumn<QString>("serializer");
    QTest::addColumn<bool>("autoDetect");
    for (const QString &name :
         { QStringLiteral("datastream"), QStringLiteral("gob"), QStringLiteral("json") }) {
        QTest::addRow("%s, admin detects", qPrintable(name)) << name << true;
        QTest::addRow("%s, admin configured", qPrintable(name)) << name << false;
    }
}

void tst_SessionDetailWidget::editRoundTripKeepsValuesAndTtl()
{
    QFETCH(QString, serializer);
    QFETCH(bool, autoDetect);
    if (!autoDetect) {
        m_admin = std::make_unique<SessionAdmin>(m_pool.get(), QStringLiteral("session_"),
                                                 SessionSerializer::byName(serializer));
        m_detail->setAdmin(m_admin.get(), QStringLiteral("test"));
    }
    const QVariantMap original = {
        { QStringLiteral("name"), QStringLiteral("alice") },
        { QStringLiteral("user_id"), qint64(42) },
        { QStringLiteral("admin"), false },
        { QStringLiteral("roles"), QVariantList { QStringLiteral("viewer") } },
        { QStringLiteral("cart"), QVariantMap { { QStringLiteral("items"), qint64(2) } } },
        { QStringLiteral("drop_me"), QStringLiteral("x") },
    };
    QVERIFY(
        Test::storeSession(m_server, QStringLiteral("session_EDIT"), original, serializer, 900));
    QVERIFY(open(QStringLiteral("EDIT")));
    QCOMPARE(m_detail->content().serializer, serializer);
    ValueTreeModel *model = m_detail->valueModel();

    // Change a string and a bool, rename an entry, add one, delete one.
    QVERIFY(model->setData(find(QStringLiteral("name")).siblingAtColumn(2),
                           QStringLiteral("alice cooper")));
    QVERIFY(model->setData(find(QStringLiteral("admin")).siblingAtColumn(2), true));
    QVERIFY(model->setData(find(QStringLiteral("user_id")), QStringLiteral("uid")));
    const QModelIndex added = model->addEntry();
    QVERIFY(model->setData(added, QStringLiteral("theme")));
    QVERIFY(model->setData(added.siblingAtColumn(2), QStringLiteral("dark")));
    QVERIFY(model->removeEntry(find(QStringLiteral("drop_me"))));
    QVERIFY(m_detail->isModified());
    const QVariantMap edited = model->values();

    m_server.command({ "EXPIRE", "session_EDIT", "777" });
    QSignalSpy saved(m_detail.get(), &SessionDetailWidget::saved);
    QSignalSpy loaded(m_detail.get(), &SessionDetailWidget::loaded);
    m_detail->save();
    QVERIFY(saved.wait(5000));
    QTRY_VERIFY(!m_detail->isModified());
    QVERIFY(m_detail->bannerText().contains(QStringLiteral("TTL was kept")));

    // In Redis: the same serializer wrote it, the values are the edited ones, the TTL is kept.
    const QByteArray stored = m_server.command({ "GET", "session_EDIT" }).toByteArray();
    auto decoded = SessionSerializer::byName(serializer)->deserialize(stored);
    QVERIFY2(decoded.ok(), decoded.ok() ? "" : qPrintable(decoded.error().message()));
    QCOMPARE(decoded.value(), edited); // JSON reads 42 back as 42.0: still equal as a number
    QCOMPARE(decoded.value().value(QStringLiteral("name")).toString(),
             QStringLiteral("alice cooper"));
    QCOMPARE(decoded.value().value(QStringLiteral("theme")).toString(), QStringLiteral("dark"));
    QVERIFY(!decoded.value().contains(QStringLiteral("drop_me")));
    const qint64 ttl = m_server.command({ "TTL", "session_EDIT" }).toLongLong();
    QVERIFY2(ttl > 770 && ttl <= 777, qPrintable(QString::number(ttl)));
    // The detail shows what is stored now.
    QTRY_COMPARE(m_detail->valueModel()->values(), decoded.value());
}

void tst_SessionDetailWidget::showsSessionsGoWrote()
{
    const QJsonArray vectors = Test::goVectors()
                                   .value(QStringLiteral("redistore"))
                                   .toObject()
                                   .value(QStringLiteral("vectors"))
                                   .toArray();
    QJsonObject basic;
    for (const QJsonValue &vector : vectors) {
        if (vector.toObject().value(QStringLiteral("id")).toString()
            == QLatin1String("rs-gob-basic-hashonly"))
            basic = vector.toObject();
    }
    QVERIFY(!basic.isEmpty());
    const QByteArray value
        = QByteArray::fromHex(basic.value(QStringLiteral("redis_value_hex")).toString().toLatin1());
    const QByteArray key = basic.value(QStringLiteral("redis_key")).toString().toUtf8();
    m_server.command({ "SET", key, value, "EX", "600" });
    const QString id = basic.value(QStringLiteral("session_id")).toString();
    QVERIFY(open(id));
    QCOMPARE(m_detail->content().serializer, QStringLiteral("gob"));
    const QVariantMap values = m_detail->valueModel()->values();
    QCOMPARE(values.value(QStringLiteral("name")).toString(), QStringLiteral("alice"));
    QCOMPARE(values.value(QStringLiteral("user_id")).toLongLong(), 42);
    QCOMPARE(values.value(QStringLiteral("admin")).toBool(), true);
    QCOMPARE(values.value(QStringLiteral("score")).toDouble(), 3.5);

    // Edit and save: still gob that Go reads (the same serializer), the TTL kept.
    QVERIFY(m_detail->valueModel()->setData(find(QStringLiteral("name")).siblingAtColumn(2),
                                            QStringLiteral("bob")));
    QSignalSpy saved(m_detail.get(), &SessionDetailWidget::saved);
    m_detail->save();
    QVERIFY(saved.wait(5000));
    auto back = SessionSerializer::byName(QStringLiteral("gob"))
                    ->deserialize(m_server.command({ "GET", key }).toByteArray());
    QVERIFY(back.ok());
    QCOMPARE(back.value().value(QStringLiteral("name")).toString(), QStringLiteral("bob"));
    QCOMPARE(back.value().value(QStringLiteral("user_id")).toLongLong(), 42);
    QVERIFY(m_server.command({ "TTL", key }).toLongLong() > 590);
}

void tst_SessionDetailWidget::undecodableValueShowsRawWithTheError()
{
    m_server.command(
        { "SET", "session_RAW", QByteArray("\x00\x13not a session\xff", 17), "EX", "60" });
    QVERIFY(open(QStringLiteral("RAW")));
    const auto *tabs = m_detail->findChild<QTabWidget *>();
    QVERIFY(tabs);
    QCOMPARE(tabs->currentIndex(), 1); // the raw view
    QVERIFY(!tabs->isTabEnabled(0));
    const auto *hex = m_detail->findChild<QPlainTextEdit *>(QStringLiteral("hexView"));
    const auto *text = m_detail->findChild<QPlainTextEdit *>(QStringLiteral("textView"));
    QVERIFY(hex && text);
    QCOMPARE(hex->toPlainText(),
             QStringLiteral(
                 "00000000  00 13 6e 6f 74 20 61 20  73 65 73 73 69 6f 6e ff  |..not a session.|\n"
                 "00000010  00                                                |.|\n"));
    QCOMPARE(text->toPlainText(), QStringLiteral("\u00b7\u00b7not a session\u00b7\u00b7"));
    // The decode error is said, both in the banner and above the bytes.
    QVERIFY(
        m_detail->bannerText().contains(QStringLiteral("No serializer reads the stored value")));
    const auto *error = m_detail->findChild<QLabel *>(QStringLiteral("decodeError"));
    QVERIFY(error && error->text().startsWith(QStringLiteral("Does not decode:")));
    QVERIFY(error->text().contains(QStringLiteral("gob")));
    QCOMPARE(m_detail->content().error.code(), SessionError::Code::UnknownSerializer);
}

void tst_SessionDetailWidget::sessionDeletedWhileOpenIsNotRecreated()
{
    m_pool->setMaxConnections(1); // for roundTrip()
    QVERIFY(Test::storeSession(m_server, QStringLiteral("session_GONE"),
                               { { QStringLiteral("name"), QStringLiteral("carol") } },
                               QStringLiteral("datastream"), 300));
    QVERIFY(open(QStringLiteral("GONE")));
    QVERIFY(m_detail->valueModel()->setData(find(QStringLiteral("name")).siblingAtColumn(2),
                                            QStringLiteral("mallory")));
    m_server.command({ "DEL", "session_GONE" });
    QSignalSpy failed(m_detail.get(), &SessionDetailWidget::saveFailed);
    m_detail->save();
    QVERIFY(failed.wait(5000));
    QVERIFY(m_detail->isGone());
    QVERIFY(m_detail->bannerText().contains(QStringLiteral("will not re-create it")));
    QCOMPARE(m_server.command({ "EXISTS", "session_GONE" }).toLongLong(), 0);
    // Save stays off.
    QPushButton *save = nullptr;
    for (QPushButton *button : m_detail->findChildren<QPushButton *>()) {
        if (button->text() == QLatin1String("Save"))
            save = button;
    }
    QVERIFY(save && !save->isEnabled());
    m_detail->save();
    QVERIFY(roundTrip());
    QCOMPARE(m_server.command({ "EXISTS", "session_GONE" }).toLongLong(), 0);
}

void tst_SessionDetailWidget::sessionExpiringWhileOpenIsMarkedGone()
{
    QVERIFY(Test::storeSession(m_server, QStringLiteral("session_SHORT"),
                               { { QStringLiteral("name"), QStringLiteral("dave") } },
                               QStringLiteral("json"), 0));
    m_server.command({ "PEXPIRE", "session_SHORT", "400" });
    QVERIFY(open(QStringLiteral("SHORT")));
    QVERIFY(m_detail->valueModel()->setData(find(QStringLiteral("name")).siblingAtColumn(2),
                                            QStringLiteral("eve")));
    QTRY_COMPARE(m_server.command({ "EXISTS", "session_SHORT" }).toLongLong(), 0);
    m_detail->save(); // too late: Redis expired it
    QTRY_VERIFY(m_detail->isGone());
    QCOMPARE(m_server.command({ "EXISTS", "session_SHORT" }).toLongLong(), 0);
    // Marked gone by the browser (keyspace event or rescan) works the same.
    m_detail->markGone();
    QVERIFY(m_detail->isGone());
}

void tst_SessionDetailWidget::readOnlyDisablesEditingAndSaving()
{
    m_pool->setMaxConnections(1); // for roundTrip()
    m_admin->setReadOnly(true);
    m_detail->setReadOnly(true);
    QVERIFY(Test::storeSession(m_server, QStringLiteral("session_RO"),
                               { { QStringLiteral("name"), QStringLiteral("frank") } },
                               QStringLiteral("gob"), 300));
    // From here on, every command the widget sends is counted.
    m_server.command({ "CONFIG", "RESETSTAT" });
    QVERIFY(open(QStringLiteral("RO")));
    const QModelIndex name = find(QStringLiteral("name")).siblingAtColumn(2);
    QVERIFY(!(m_detail->valueModel()->flags(name) & Qt::ItemIsEditable));
    QVERIFY(!m_detail->valueModel()->setData(name, QStringLiteral("x")));
    for (QPushButton *button : m_detail->findChildren<QPushButton *>())
        QVERIFY2(!button->isEnabled(), qPrintable(button->text()));
    m_detail->save();
    QVERIFY(roundTrip());
    const auto stats = Test::commandStats(m_server);
    QCOMPARE(Test::writeCommands(stats), QStringList());
    QVERIFY(stats.value(QStringLiteral("get")) > 0); // it did read, and the count sees it
    QVERIFY(stats.value(QStringLiteral("ping")) > 0);
    QCOMPARE(m_server.command({ "TTL", "session_RO" }).toLongLong() > 290, true);
}

QTEST_MAIN(tst_SessionDetailWidget)
#include "tst_sessiondetailwidget.moc"
