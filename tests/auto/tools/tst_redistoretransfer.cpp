// "redistore sessions export" and "import", run as an operator runs them: the built binary
// through QProcess against a private redis-server, a round trip from one database into an empty
// one, the refusal to overwrite, --match, "-" for standard output and input, and the errors.

#include <redisserver.h>

#include "clitesthelpers.h"

#include <libredistore/serializer/sessionserializer.h>
#include <libredistore/utcdatetime_p.h>

#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

using RediStore::SessionSerializer;
using RediStore::Test::RedisServer;

using namespace CliTest;

class tst_RedistoreTransfer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void help_data();
    void help();
    void roundTripIntoAnEmptyDatabase();
    void importRefusesToOverwrite();
    void matchToStandardOutput();
    void importFromStandardInput();
    void failedSessionsAreNamed();
    void errors_data();
    void errors();
    void redisDownWritesNoFile();

private:
    Run sessions(const QStringList &arguments, int db = 0, const QByteArray &input = {}) const
    {
        return redistore(QStringList { QStringLiteral("sessions") } + arguments
                             + QStringList { QStringLiteral("--url"), m_server.url(db) },
                         input);
    }
    QVariant onDb(int db, const QByteArray &command, const QByteArray &key) const
    {
        return m_server.command({ "EVAL",
                                  "redis.call('SELECT', ARGV[1]); return redis.call(ARGV[2], "
                                  "ARGV[3])",
                                  "0", QByteArray::number(db), command, key });
    }
    QByteArrayList keys(int db) const
    {
        QByteArrayList result;
        const QVariantList list = m_server
                                      .command({ "EVAL",
                                                 "redis.call('SELECT', ARGV[1]); return "
                                                 "redis.call('KEYS', '*')",
                                                 "0", QByteArray::number(db) })
                                      .toList();
        for (const QVariant &key : list)
            result.append(key.toByteArray());
        std::sort(result.begin(), result.end());
        return result;
    }
    void put(const QString &id, const QString &serializer, const QVariantMap &values, int ttl = 0)
    {
        const QByteArray bytes = SessionSerializer::byName(serializer)->serialize(values).value();
        if (ttl > 0)
            m_server.command({ "SETEX", "session_" + id.toUtf8(), QByteArray::number(ttl), bytes });
        else
            m_server.command({ "SET", "session_" + id.toUtf8(), bytes });
    }
    void fill()
    {
        put(QStringLiteral("alice-gob"), QStringLiteral("gob"),
            { { QStringLiteral("user"), QStringLiteral("alice") },
              { QStringLiteral("n"), QVariant::fromValue(qint64(3)) },
              { QStringLiteral("b"), QByteArray("\x00\x01", 2) } },
            3600);
        put(QStringLiteral("alice-json"), QStringLiteral("json"),
            { { QStringLiteral("cart"), QVariantList { 1, QStringLiteral("x") } } }, 1800);
        put(QStringLiteral("bob-ds"), QStringLiteral("datastream"),
            { { QStringLiteral("when"), RediStore::utcDateTime(QDate(2026, 1, 1), QTime(1, 2, 3)) },
              { QStringLiteral("unicode"), QStringLiteral("\u00e4\u00f6\u00fc \u2603") } },
            900);
        put(QStringLiteral("bob-forever"), QStringLiteral("json"),
            { { QStringLiteral("theme"), QStringLiteral("dark") } });
        m_server.command(
            { "SET", "session_corrupt", QByteArray("\x00\x07garbage", 9), "EX", "600" });
    }

    RedisServer m_server;
    QTemporaryDir m_dir;
};

void tst_RedistoreTransfer::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    QVERIFY(m_dir.isValid());
}

void tst_RedistoreTransfer::init()
{
    m_server.command({ "FLUSHALL" });
}

void tst_RedistoreTransfer::help_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("group") << QStringList { QStringLiteral("sessions"), QStringLiteral("--help") }
                           << "export [--match P] FILE";
    QTest::newRow("export") << QStringList { QStringLiteral("sessions"), QStringLiteral("export"),
                                             QStringLiteral("--help") }
                            << "--match PATTERN";
    QTest::newRow("import") << QStringList { QStringLiteral("sessions"), QStringLiteral("import"),
                                             QStringLiteral("--help") }
                            << "use --overwrite";
}

void tst_RedistoreTransfer::help()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, mentions);
    checkHelp(arguments, mentions);
}

void tst_RedistoreTransfer::roundTripIntoAnEmptyDatabase()
{
    fill();
    const QString file = m_dir.filePath(QStringLiteral("round-trip.json"));
    const Run exported = sessions({ QStringLiteral("export"), file });
    QVERIFY2(exported.exitCode == 0, qPrintable(dump(exported)));
    QCOMPARE(exported.out, QByteArray());
    QCOMPARE(exported.err,
             QStringLiteral("exported 5 sessions to %1 (1 that do not decode: stored bytes only)\n")
                 .arg(file)
                 .toUtf8());
    // Session values are their users' secrets: the file is its owner's only.
    QCOMPARE(QFile::permissions(file) & (QFile::ReadGroup | QFile::ReadOther),
             QFile::Permissions());
    QFile read(file);
    QVERIFY(read.open(QIODevice::ReadOnly));
    const QJsonDocument document = QJsonDocument::fromJson(read.readAll());
    QCOMPARE(document.object().value(QLatin1String("sessions")).toArray().size(), 5);

    QVERIFY(keys(1).isEmpty());
    const Run imported = sessions({ QStringLiteral("import"), file }, 1);
    QVERIFY2(imported.exitCode == 0, qPrintable(dump(imported)));
    QCOMPARE(imported.err, QByteArray("imported 5, skipped 0 existing, 0 failed\n"));
    QCOMPARE(keys(1), keys(0));
    for (const QByteArray &key : keys(0)) {
        QCOMPARE(onDb(1, "GET", key).toByteArray(), onDb(0, "GET", key).toByteArray());
        const qint64 before = onDb(0, "PTTL", key).toLongLong();
        const qint64 after = onDb(1, "PTTL", key).toLongLong();
        QVERIFY2(
            before == -1 ? after == -1 : qAbs(after - before) < 1000,
            qPrintable(
                QStringLiteral("%1: %2 vs %3").arg(QString::fromUtf8(key)).arg(before).arg(after)));
    }
}

void tst_RedistoreTransfer::importRefusesToOverwrite()
{
    fill();
    const QString file = m_dir.filePath(QStringLiteral("overwrite.json"));
    QCOMPARE(sessions({ QStringLiteral("export"), file }).exitCode, 0);
    QCOMPARE(sessions({ QStringLiteral("import"), file }, 1).exitCode, 0);
    onDb(1, "DEL", "session_bob-ds");
    m_server.command({ "EVAL", "redis.call('SELECT', 1); return redis.call('SET', KEYS[1], 'new')",
                       "1", "session_alice-gob" });

    const Run refused = sessions({ QStringLiteral("import"), file }, 1);
    QCOMPARE(refused.exitCode, 1);
    QCOMPARE(refused.err,
             QByteArray("imported 1, skipped 4 existing (use --overwrite to replace them), 0 "
                        "failed\n"));
    QCOMPARE(onDb(1, "GET", "session_alice-gob").toByteArray(), QByteArray("new"));
    QCOMPARE(onDb(1, "GET", "session_bob-ds").toByteArray(),
             onDb(0, "GET", "session_bob-ds").toByteArray());

    const Run replaced
        = sessions({ QStringLiteral("import"), QStringLiteral("--overwrite"), file }, 1);
    QVERIFY2(replaced.exitCode == 0, qPrintable(dump(replaced)));
    QCOMPARE(replaced.err, QByteArray("imported 5, skipped 0 existing, 0 failed\n"));
    QCOMPARE(onDb(1, "GET", "session_alice-gob").toByteArray(),
             onDb(0, "GET", "session_alice-gob").toByteArray());
    QVERIFY(onDb(1, "PTTL", "session_alice-gob").toLongLong() > 3500000);
}

void tst_RedistoreTransfer::matchToStandardOutput()
{
    fill();
    const Run exported = sessions({ QStringLiteral("export"), QStringLiteral("--match"),
                                    QStringLiteral("alice-*"), QStringLiteral("-") });
    QVERIFY2(exported.exitCode == 0, qPrintable(dump(exported)));
    QCOMPARE(exported.err, QByteArray("exported 2 sessions to standard output\n"));
    const QJsonArray list
        = QJsonDocument::fromJson(exported.out).object().value(QLatin1String("sessions")).toArray();
    QStringList ids;
    for (const QJsonValue &session : list)
        ids.append(session.toObject().value(QLatin1String("id")).toString());
    ids.sort();
    QCOMPARE(ids, (QStringList { QStringLiteral("alice-gob"), QStringLiteral("alice-json") }));
}

void tst_RedistoreTransfer::importFromStandardInput()
{
    fill();
    const Run exported = sessions({ QStringLiteral("export"), QStringLiteral("-") });
    QCOMPARE(exported.exitCode, 0);
    const Run imported
        = sessions({ QStringLiteral("import"), QStringLiteral("-") }, 2, exported.out);
    QVERIFY2(imported.exitCode == 0, qPrintable(dump(imported)));
    QCOMPARE(imported.err, QByteArray("imported 5, skipped 0 existing, 0 failed\n"));
    QCOMPARE(keys(2), keys(0));
    // Through standard input again: every session is there, and left alone.
    const Run again = sessions({ QStringLiteral("import"), QStringLiteral("-") }, 2, exported.out);
    QCOMPARE(again.exitCode, 1);
    QVERIFY2(again.err.contains("skipped 5 existing (use --overwrite"), again.err.constData());
}

void tst_RedistoreTransfer::failedSessionsAreNamed()
{
    const QByteArray file = R"({"format":"redistore-sessions","version":1,"sessions":[
{"id":"good","ttlMs":60000,"raw":"eA=="},
{"id":"bad","serializer":"xml","raw":"eA=="},
{"id":"expired","ttlMs":0,"raw":"eA=="}
],"count":3}
)";
    const Run run = sessions({ QStringLiteral("import"), QStringLiteral("-") }, 0, file);
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.err,
             QByteArray("redistore sessions import: line 3, session bad: unknown serializer 'xml' "
                        "(known: datastream, json, gob)\n"
                        "imported 1, skipped 0 existing, 1 expired, 1 failed\n"));
    QCOMPARE(keys(0), QByteArrayList { "session_good" });
}

void tst_RedistoreTransfer::errors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("mentions");
    const QString export_ = QStringLiteral("export");
    const QString import = QStringLiteral("import");
    QTest::newRow("export without FILE")
        << QStringList { export_ } << QByteArray() << 2 << "missing arguments (expected FILE)";
    QTest::newRow("import two files")
        << QStringList { import, QStringLiteral("a"), QStringLiteral("b") } << QByteArray() << 2
        << "unexpected argument 'b'";
    QTest::newRow("import a missing file")
        << QStringList { import, QStringLiteral("/nonexistent/sessions.json") } << QByteArray() << 1
        << "cannot read /nonexistent/sessions.json";
    QTest::newRow("export into a missing folder")
        << QStringList { export_, QStringLiteral("/nonexistent/sessions.json") } << QByteArray()
        << 1 << "cannot write /nonexistent/sessions.json";
    QTest::newRow("import the URL and the file from standard input")
        << QStringList { import, QStringLiteral("-"), QStringLiteral("--url-file"),
                         QStringLiteral("-") }
        << QByteArray("redis://127.0.0.1:1/0\n") << 2 << "standard input cannot give both";
    QTest::newRow("import not JSON") << QStringList { import, QStringLiteral("-") }
                                     << QByteArray("id;ttl\n") << 1 << "line 1: not JSON";
    QTest::newRow("import another JSON")
        << QStringList { import, QStringLiteral("-") } << QByteArray("{\"a\":1}\n") << 1
        << "not a session export";
}

void tst_RedistoreTransfer::errors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, input);
    QFETCH(int, exitCode);
    QFETCH(QString, mentions);
    // The private server's URL, unless the row gives the URL itself.
    const Run run = arguments.contains(QStringLiteral("--url-file"))
        ? redistore(QStringList { QStringLiteral("sessions") } + arguments, input)
        : sessions(arguments, 0, input);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.err.contains(mentions.toUtf8()), qPrintable(dump(run)));
    QVERIFY(run.out.isEmpty());
}

void tst_RedistoreTransfer::redisDownWritesNoFile()
{
    const QString file = m_dir.filePath(QStringLiteral("never.json"));
    // A port nothing listens on (the server's, stopped, would do too; this keeps it running).
    const Run run = redistore({ QStringLiteral("sessions"), QStringLiteral("export"), file,
                                QStringLiteral("--url"), QStringLiteral("redis://127.0.0.1:1/0") });
    QCOMPARE(run.exitCode, 1);
    QVERIFY(!run.err.isEmpty());
    QVERIFY2(!QFile::exists(file), qPrintable(dump(run)));
}

QTEST_GUILESS_MAIN(tst_RedistoreTransfer)
#include "tst_redistoretransfer.moc"
