// TransferActions against a real redis-server, offscreen: Export Sessions (the selection, or
// all) and Import Sessions with the file dialog and the question answered by the test; the file
// is written only when complete, existing sessions are kept unless replacing was chosen, the
// list is told to refresh, and read-only mode imports nothing.

#include "asyncwait.h"
#include "guitestsupport.h"
#include "transfer/transferactions.h"
#include "translationloader.h"

#include <libredistore/redis/redispool.h>
#include <libredistore/session/sessionadmin.h>

#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QRegularExpression>
#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QWidget>

#include <memory>

using namespace RediStore;
using namespace RediStore::Admin;
using RediStore::Test::RedisServer;

class tst_TransferActions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void exportAllThenImportIntoAnotherDatabase();
    void exportTheSelection();
    void importKeepsOrReplacesExisting_data();
    void importKeepsOrReplacesExisting();
    void cancelledDialogDoesNothing();
    void readOnlyImportsNothing();
    void unwritableFileIsSaid();

private:
    void put(const QString &id, const QString &value, int seconds = 0)
    {
        const QByteArray bytes = SessionSerializer::byName(QStringLiteral("json"))
                                     ->serialize({ { QStringLiteral("v"), value } })
                                     .value();
        if (seconds > 0)
            m_server.command(
                { "SETEX", "session_" + id.toUtf8(), QByteArray::number(seconds), bytes });
        else
            m_server.command({ "SET", "session_" + id.toUtf8(), bytes });
    }
    // Runs until finished is emitted; returns (summary, ok). Plurals as English says them, also
    // before the English translation has this text's forms ("1 session(s)" -> "1 session").
    std::pair<QString, bool> waitFinished(QSignalSpy &spy)
    {
        if (!spy.wait(15000) && spy.isEmpty())
            return { QStringLiteral("(no finished signal)"), false };
        QString summary = spy.last().at(0).toString();
        summary.replace(QRegularExpression(QStringLiteral("\\b(1 (?:\\w+ )?session)\\(s\\)")),
                        QStringLiteral("\\1"));
        summary.replace(QStringLiteral("(s)"), QStringLiteral("s"));
        return { summary, spy.last().at(1).toBool() };
    }
    std::unique_ptr<SessionAdmin> adminOn(int db)
    {
        auto config = RedisConfig::fromUrl(m_server.url(db)).value();
        return std::make_unique<SessionAdmin>(config);
    }

    RedisServer m_server;
    QTemporaryDir m_dir;
    QWidget m_window;
    std::unique_ptr<SessionAdmin> m_admin;
    std::unique_ptr<TransferActions> m_actions;
    QString m_file; // what the file asker answers; empty: the user cancels
    bool m_overwrite = false;
    int m_overwriteAsked = 0;
};

void tst_TransferActions::initTestCase()
{
    TranslationLoader::install(qApp, QStringLiteral("en"));
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    QVERIFY(m_dir.isValid());
}

void tst_TransferActions::init()
{
    m_server.command({ "FLUSHALL" });
    m_admin = adminOn(0);
    m_actions = std::make_unique<TransferActions>(&m_window);
    m_actions->setAdmin(m_admin.get(), false);
    m_file.clear();
    m_overwrite = false;
    m_overwriteAsked = 0;
    m_actions->setFileAsker([this](bool, std::function<void(const QString &)> accept) {
        if (!m_file.isEmpty())
            accept(m_file);
    });
    m_actions->setOverwriteAsker([this](std::function<void(bool)> answer) {
        ++m_overwriteAsked;
        answer(m_overwrite);
    });
}

void tst_TransferActions::cleanup()
{
    m_actions.reset();
    m_admin.reset();
}

void tst_TransferActions::exportAllThenImportIntoAnotherDatabase()
{
    put(QStringLiteral("a"), QStringLiteral("alpha"), 600);
    put(QStringLiteral("b"), QStringLiteral("beta"));
    put(QStringLiteral("c"), QStringLiteral("gamma"), 300);
    m_file = m_dir.filePath(QStringLiteral("all.json"));
    QSignalSpy finished(m_actions.get(), &TransferActions::finished);
    QSignalSpy progress(m_actions.get(), &TransferActions::progress);
    m_actions->exportSessions({});
    QVERIFY(m_actions->isBusy());
    const auto [summary, ok] = waitFinished(finished);
    QVERIFY2(ok, qPrintable(summary));
    QVERIFY2(summary.startsWith(QStringLiteral("Exported 3 sessions to ")), qPrintable(summary));
    QVERIFY(!progress.isEmpty());
    QVERIFY(!m_actions->isBusy());
    QVERIFY(QFile::exists(m_file));

    // Into database 1, through a new connection.
    auto target = adminOn(1);
    m_actions->setAdmin(target.get(), false);
    QSignalSpy imported(m_actions.get(), &TransferActions::sessionsImported);
    m_actions->importSessions();
    QCOMPARE(m_overwriteAsked, 1);
    const auto [importSummary, importOk] = waitFinished(finished);
    QVERIFY2(importOk, qPrintable(importSummary));
    QCOMPARE(importSummary,
             QStringLiteral("Imported 3 sessions from %1.").arg(QDir::toNativeSeparators(m_file)));
    QCOMPARE(imported.size(), 1);
    QCOMPARE(imported.first().at(0).toLongLong(), 3);
    const QVariant stored = m_server.command(
        { "EVAL", "redis.call('SELECT', 1); return redis.call('GET', 'session_a')", "0" });
    QCOMPARE(stored.toByteArray(), m_server.command({ "GET", "session_a" }).toByteArray());
    m_actions->setAdmin(nullptr, true);
}

void tst_TransferActions::exportTheSelection()
{
    for (const char *id : { "x1", "x2", "x3", "x4" })
        put(QString::fromLatin1(id), QStringLiteral("v"));
    m_file = m_dir.filePath(QStringLiteral("selection.json"));
    QSignalSpy finished(m_actions.get(), &TransferActions::finished);
    m_actions->exportSessions({ QStringLiteral("x2"), QStringLiteral("x4") });
    const auto [summary, ok] = waitFinished(finished);
    QVERIFY2(ok, qPrintable(summary));
    QFile file(m_file);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonArray sessions = QJsonDocument::fromJson(file.readAll())
                                    .object()
                                    .value(QLatin1String("sessions"))
                                    .toArray();
    QStringList ids;
    for (const QJsonValue &session : sessions)
        ids << session.toObject().value(QLatin1String("id")).toString();
    QCOMPARE(ids, (QStringList { QStringLiteral("x2"), QStringLiteral("x4") }));
    // Its owner's only.
    QCOMPARE(file.permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
}

void tst_TransferActions::importKeepsOrReplacesExisting_data()
{
    QTest::addColumn<bool>("overwrite");
    QTest::newRow("keep") << false;
    QTest::newRow("replace") << true;
}

void tst_TransferActions::importKeepsOrReplacesExisting()
{
    QFETCH(bool, overwrite);
    put(QStringLiteral("a"), QStringLiteral("from the file"));
    put(QStringLiteral("b"), QStringLiteral("from the file"));
    m_file = m_dir.filePath(QStringLiteral("keep.json"));
    QSignalSpy finished(m_actions.get(), &TransferActions::finished);
    m_actions->exportSessions({});
    QVERIFY(waitFinished(finished).second);
    put(QStringLiteral("a"), QStringLiteral("changed since"));
    m_server.command({ "DEL", "session_b" });

    m_overwrite = overwrite;
    m_actions->importSessions();
    const auto [summary, ok] = waitFinished(finished);
    const QString file = QDir::toNativeSeparators(m_file);
    if (overwrite) {
        QVERIFY2(ok, qPrintable(summary));
        QCOMPARE(summary, QStringLiteral("Imported 2 sessions from %1.").arg(file));
        QVERIFY(m_server.command({ "GET", "session_a" }).toByteArray().contains("from the file"));
    } else {
        QVERIFY2(ok, qPrintable(summary));
        QCOMPARE(summary,
                 QStringLiteral("Imported 1 session from %1. 1 existing session kept.").arg(file));
        QVERIFY(m_server.command({ "GET", "session_a" }).toByteArray().contains("changed since"));
    }
    QVERIFY(m_server.command({ "GET", "session_b" }).toByteArray().contains("from the file"));
}

void tst_TransferActions::cancelledDialogDoesNothing()
{
    put(QStringLiteral("a"), QStringLiteral("v"));
    QSignalSpy finished(m_actions.get(), &TransferActions::finished);
    m_file.clear();
    m_actions->exportSessions({});
    m_actions->importSessions();
    QVERIFY(!m_actions->isBusy());
    QCOMPARE(m_overwriteAsked, 0);
    // A round trip through Redis: nothing was sent meanwhile, nothing was said.
    const auto size = RediStore::Test::waitFor(m_admin->databaseSize());
    QVERIFY(size && size->ok());
    QCOMPARE(size->count, 1);
    QCOMPARE(finished.size(), 0);
}

void tst_TransferActions::readOnlyImportsNothing()
{
    put(QStringLiteral("a"), QStringLiteral("v"));
    m_file = m_dir.filePath(QStringLiteral("read-only.json"));
    QSignalSpy finished(m_actions.get(), &TransferActions::finished);
    m_actions->exportSessions({});
    QVERIFY(waitFinished(finished).second);
    m_server.command({ "FLUSHALL" });

    m_admin->setReadOnly(true);
    m_actions->setAdmin(m_admin.get(), true);
    m_actions->importSessions();
    QCOMPARE(finished.size(), 2);
    QCOMPARE(finished.last().at(0).toString(),
             QStringLiteral("Read-only mode: nothing was written to Redis."));
    QCOMPARE(finished.last().at(1).toBool(), false);
    m_actions->importFrom(m_file, true);
    QCOMPARE(finished.size(), 3);
    QCOMPARE(finished.last().at(1).toBool(), false);
    QCOMPARE(m_server.command({ "DBSIZE" }).toLongLong(), 0);
}

void tst_TransferActions::unwritableFileIsSaid()
{
    put(QStringLiteral("a"), QStringLiteral("v"));
    QSignalSpy finished(m_actions.get(), &TransferActions::finished);
    m_actions->exportTo(QStringLiteral("/nonexistent/folder/sessions.json"), {});
    QCOMPARE(finished.size(), 1);
    QVERIFY2(finished.first().at(0).toString().startsWith(
                 QStringLiteral("Cannot write /nonexistent/folder/sessions.json: ")),
             qPrintable(finished.first().at(0).toString()));
    QCOMPARE(finished.first().at(1).toBool(), false);
    QVERIFY(!m_actions->isBusy());
}

QTEST_MAIN(tst_TransferActions)
#include "tst_transferactions.moc"
