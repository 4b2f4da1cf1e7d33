// redistore-qml, the script runner, as a user runs it: exit statuses, the script's arguments,
// script errors with file:line, --timeout, usage errors, and the examples find-user.qml and
// expire-idle.qml against a real redis-server, and a Redis Cluster's URL in a script.

#include "redisfixture.h"

#include <rediscluster.h>

#include <libredistore/serializer/sessionserializer.h>

#include <QtCore/QDateTime>
#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QProcess>
#include <QtCore/QSet>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

using RediStore::Test::RedisFixture;

class tst_RediStoreQml : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void exitStatus_data();
    void exitStatus();
    void scriptArguments();
    void timeout();
    void usage_data();
    void usage();
    void moduleAgainstRedis();
    void deadRedis();
    void callbackThrows();
    void findUser();
    void expireIdle();
    void urlForTheScript_data();
    void urlForTheScript();
    void examplesTakeTheUrlFromTheEnvironment();
    void clusterUrl();

private:
    struct Run
    {
        int exitCode = -1;
        bool crashed = false;
        QString out;
        QString err;
        qint64 elapsedMs = 0;
    };

    QString writeScript(const QString &source, const QString &name = QStringLiteral("script.qml"));
    // environment: "NAME=value" added to the test's (without REDISTORE_URL); input: stdin.
    Run run(const QStringList &arguments, int waitMs = 30000, const QStringList &environment = {},
            const QByteArray &input = QByteArray());

    QTemporaryDir m_dir;
    RedisFixture m_redis;
};

void tst_RediStoreQml::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_redis.start(), qPrintable(m_redis.errorString()));
    QVERIFY(QFile::exists(QStringLiteral(REDISTORE_QML_RUNNER)));
}

void tst_RediStoreQml::init()
{
    m_redis.flush();
}

QString tst_RediStoreQml::writeScript(const QString &source, const QString &name)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return QString();
    file.write(source.toUtf8());
    return path;
}

tst_RediStoreQml::Run tst_RediStoreQml::run(const QStringList &arguments, int waitMs,
                                            const QStringList &environment, const QByteArray &input)
{
    QProcess process;
    QProcessEnvironment variables = QProcessEnvironment::systemEnvironment();
    variables.remove(QStringLiteral("REDISTORE_URL"));
    for (const QString &variable : environment) {
        const qsizetype eq = variable.indexOf(QLatin1Char('='));
        variables.insert(variable.left(eq), variable.mid(eq + 1));
    }
    process.setProcessEnvironment(variables);
    QElapsedTimer clock;
    clock.start();
    process.start(QStringLiteral(REDISTORE_QML_RUNNER), arguments);
    if (process.waitForStarted()) {
        process.write(input);
        process.closeWriteChannel();
    }
    Run result;
    if (!process.waitForFinished(waitMs)) {
        process.kill();
        process.waitForFinished();
        result.crashed = true;
    }
    result.elapsedMs = clock.elapsed();
    result.crashed = result.crashed || process.exitStatus() != QProcess::NormalExit;
    result.exitCode = process.exitCode();
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

void tst_RediStoreQml::exitStatus_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("stdoutHas");
    QTest::addColumn<QString>("stderrHas");

    const QString header = QStringLiteral("import QtQml\nimport RediStore\n");
    QTest::newRow("Qt.quit()") << header
            + QStringLiteral("QtObject { Component.onCompleted: Qt.quit() }")
                               << 0 << QString() << QString();
    QTest::newRow("Qt.exit(7)") << header
            + QStringLiteral("QtObject { Component.onCompleted: Qt.exit(7) }")
                                << 7 << QString() << QString();
    QTest::newRow("Qt.exit later") << header
            + QStringLiteral("QtObject { property Timer t: Timer { interval: 20; running: true;\n"
                             "    onTriggered: Qt.exit(5) } }")
                                   << 5 << QString() << QString();
    QTest::newRow("console") << header
            + QStringLiteral("QtObject { Component.onCompleted: { console.log(\"to stdout\");\n"
                             "    console.warn(\"to stderr\"); Qt.quit() } }")
                             << 0 << QStringLiteral("to stdout\n") << QStringLiteral("to stderr");
    QTest::newRow("throw in onCompleted") << header
            + QStringLiteral("QtObject {\n"
                             "    Component.onCompleted: {\n"
                             "        throw new Error(\"boom\")\n"
                             "    }\n"
                             "}\n") << 1 << QString()
                                          << QStringLiteral("script.qml:5: Error: boom");
    QTest::newRow("TypeError in a timer")
        << header
            + QStringLiteral("QtObject {\n"
                             "    property Timer t: Timer { interval: 10; running: true\n"
                             "        onTriggered: undefinedThing.call() }\n"
                             "}\n")
        << 1 << QString() << QStringLiteral("script.qml:5: ReferenceError: undefinedThing");
    QTest::newRow("module method with a wrong type")
        << header
            + QStringLiteral("SessionAdmin {\n"
                             "    url: \"redis://127.0.0.1:1/0\"\n"
                             "    Component.onCompleted: get(42, function () {})\n"
                             "}\n")
        << 1 << QString()
        << QStringLiteral("script.qml:5: TypeError: SessionAdmin.get(): id must be a non-empty "
                          "string, got number 42");
    QTest::newRow("syntax error") << header + QStringLiteral("QtObject {\n    property int x: \n")
                                  << 1 << QString() << QStringLiteral("script.qml:5");
    QTest::newRow("unknown import") << QStringLiteral("import NoSuchModule\nQtObject {}\n") << 1
                                    << QString() << QStringLiteral("script.qml:1");
}

void tst_RediStoreQml::exitStatus()
{
    QFETCH(QString, source);
    QFETCH(int, status);
    QFETCH(QString, stdoutHas);
    QFETCH(QString, stderrHas);

    const Run result
        = run({ writeScript(source), QStringLiteral("--timeout"), QStringLiteral("20") });
    QVERIFY2(!result.crashed, qPrintable(result.err));
    QCOMPARE(result.exitCode, status);
    QVERIFY2(result.out.contains(stdoutHas), qPrintable(result.out));
    QVERIFY2(result.err.contains(stderrHas), qPrintable(result.err));
    if (!stdoutHas.isEmpty())
        QVERIFY(!result.err.contains(stdoutHas));
}

void tst_RediStoreQml::scriptArguments()
{
    const QString script = writeScript(QStringLiteral(
        "import QtQml\n"
        "QtObject { Component.onCompleted: {\n"
        "    console.log(JSON.stringify(Qt.application.arguments.slice(1))); Qt.quit() } }\n"));
    const Run result = run({ script, QStringLiteral("--timeout=20"), QStringLiteral("--"),
                             QStringLiteral("alice"), QStringLiteral("two words"),
                             QStringLiteral("--timeout"), QStringLiteral("-x") });
    QCOMPARE(result.exitCode, 0);
    // [script, ARGS...]: the runner's own options and the "--" are not there.
    QCOMPARE(result.out.trimmed(),
             QStringLiteral("[\"%1\",\"alice\",\"two words\",\"--timeout\",\"-x\"]").arg(script));
}

void tst_RediStoreQml::timeout()
{
    const QString script = writeScript(QStringLiteral("import QtQml\nQtObject {}\n"));
    const Run result = run({ script, QStringLiteral("--timeout"), QStringLiteral("0.5") });
    QVERIFY(!result.crashed);
    QCOMPARE(result.exitCode, 124);
    QVERIFY2(result.err.contains(QStringLiteral("--timeout")), qPrintable(result.err));
    QVERIFY2(result.elapsedMs >= 450 && result.elapsedMs < 10000,
             qPrintable(QString::number(result.elapsedMs)));
}

void tst_RediStoreQml::usage_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("outputHas");

    const QString script = QStringLiteral("SCRIPT");
    QTest::newRow("no arguments") << QStringList() << 2 << QStringLiteral("Usage:");
    QTest::newRow("missing script") << QStringList { QStringLiteral("/nonexistent/x.qml") } << 2
                                    << QStringLiteral("cannot read the script");
    QTest::newRow("timeout not a number")
        << QStringList { script, QStringLiteral("--timeout"), QStringLiteral("soon") } << 2
        << QStringLiteral("--timeout needs a number");
    QTest::newRow("timeout zero") << QStringList { script, QStringLiteral("--timeout=0") } << 2
                                  << QStringLiteral("--timeout needs a number");
    QTest::newRow("timeout without value") << QStringList { script, QStringLiteral("--timeout") }
                                           << 2 << QStringLiteral("--timeout needs a value");
    QTest::newRow("argument without --")
        << QStringList { script, QStringLiteral("alice") } << 2 << QStringLiteral("after --");
    QTest::newRow("unknown option") << QStringList { script, QStringLiteral("--bogus") } << 2
                                    << QStringLiteral("unknown option '--bogus'");
    QTest::newRow("--url and --url-file")
        << QStringList { script, QStringLiteral("--url"), QStringLiteral("redis://h"),
                         QStringLiteral("--url-file"), QStringLiteral("/nonexistent/url") }
        << 2 << QStringLiteral("give --url or --url-file, not both");
    QTest::newRow("--url-file missing")
        << QStringList { script, QStringLiteral("--url-file"), QStringLiteral("/nonexistent/url") }
        << 2 << QStringLiteral("--url-file /nonexistent/url: No such file or directory");
    QTest::newRow("--url-file without value")
        << QStringList { script, QStringLiteral("--url-file") } << 2
        << QStringLiteral("--url-file needs a value");
    QTest::newRow("--help") << QStringList { QStringLiteral("--help") } << 0
                            << QStringLiteral("Usage: redistore-qml SCRIPT.qml");
    QTest::newRow("--version") << QStringList { QStringLiteral("--version") } << 0
                               << QStringLiteral("redistore-qml ");
}

void tst_RediStoreQml::usage()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, status);
    QFETCH(QString, outputHas);

    const QString script = writeScript(
        QStringLiteral("import QtQml\nQtObject { Component.onCompleted: Qt.quit() }\n"));
    arguments.replaceInStrings(QStringLiteral("SCRIPT"), script);
    const Run result = run(arguments);
    QCOMPARE(result.exitCode, status);
    const QString output = result.out + result.err;
    QVERIFY2(output.contains(outputHas), qPrintable(output));
}

void tst_RediStoreQml::moduleAgainstRedis()
{
    QVERIFY(m_redis.putSession(QStringLiteral("A"),
                               { { QStringLiteral("user"), QStringLiteral("alice") } }));
    QVERIFY(m_redis.putSession(QStringLiteral("B"),
                               { { QStringLiteral("user"), QStringLiteral("bob") } },
                               QStringLiteral("gob")));
    const QString script = writeScript(
        QStringLiteral("import QtQml\nimport RediStore\n"
                       "SessionAdmin {\n"
                       "    url: Qt.application.arguments[2]\n"
                       "    Component.onCompleted: count(function (error, n) {\n"
                       "        if (error) { console.error(error); Qt.exit(3); return }\n"
                       "        console.log(\"sessions: \" + n); Qt.quit() })\n"
                       "}\n"));
    const Run result = run({ script, QStringLiteral("--timeout"), QStringLiteral("20"),
                             QStringLiteral("--"), m_redis.url() });
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QCOMPARE(result.out, QStringLiteral("sessions: 2\n"));
}

void tst_RediStoreQml::deadRedis()
{
    const QString script = writeScript(
        QStringLiteral("import QtQml\nimport RediStore\n"
                       "SessionAdmin {\n"
                       "    url: Qt.application.arguments[2]\n"
                       "    timeout: 300\n"
                       "    Component.onCompleted: list(function (error, sessions) {\n"
                       "        console.log(error === null ? \"no error\" : \"error: \" + error)\n"
                       "        Qt.exit(error === null ? 0 : 3) })\n"
                       "}\n"));
    const Run result = run({ script, QStringLiteral("--timeout"), QStringLiteral("20"),
                             QStringLiteral("--"), m_redis.refusedUrl() });
    QCOMPARE(result.exitCode, 3);
    QVERIFY2(result.out.startsWith(QStringLiteral("error: ")), qPrintable(result.out));
    QVERIFY2(result.elapsedMs < 10000, qPrintable(QString::number(result.elapsedMs)));
}

void tst_RediStoreQml::callbackThrows()
{
    const QString script
        = writeScript(QStringLiteral("import QtQml\nimport RediStore\n"
                                     "SessionAdmin {\n"
                                     "    url: Qt.application.arguments[2]\n"
                                     "    Component.onCompleted: count(function (error, n) {\n"
                                     "        throw new Error(\"bad callback\")\n"
                                     "    })\n"
                                     "}\n"));
    const Run result = run({ script, QStringLiteral("--timeout"), QStringLiteral("20"),
                             QStringLiteral("--"), m_redis.url() });
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(QStringLiteral("script.qml:6: Error: bad callback")),
             qPrintable(result.err));
    QVERIFY2(result.err.contains(QStringLiteral("SessionAdmin.count")), qPrintable(result.err));
}

void tst_RediStoreQml::findUser()
{
    const auto values = [](const QString &user) {
        return QVariantMap { { QStringLiteral("user"), user }, { QStringLiteral("visits"), 3 } };
    };
    QVERIFY(m_redis.putSession(QStringLiteral("ALICE1"), values(QStringLiteral("alice")),
                               QStringLiteral("datastream"), 600));
    QVERIFY(m_redis.putSession(QStringLiteral("ALICE2"), values(QStringLiteral("alice")),
                               QStringLiteral("gob"), 0));
    QVERIFY(m_redis.putSession(QStringLiteral("ALICE3"), values(QStringLiteral("alice")),
                               QStringLiteral("json"), 60));
    QVERIFY(m_redis.putSession(QStringLiteral("BOB"), values(QStringLiteral("bob")),
                               QStringLiteral("gob"), 600));
    QVERIFY(m_redis.putSession(QStringLiteral("ALICIA"), values(QStringLiteral("alicia")),
                               QStringLiteral("gob"), 600));
    QVERIFY(m_redis.putSession(QStringLiteral("OTHER"), values(QStringLiteral("alice")),
                               QStringLiteral("gob"), 600, QStringLiteral("app_")));
    m_redis.command(
        { QStringLiteral("SET"), QStringLiteral("session_JUNK"), QStringLiteral("junk") });

    const QString example = QStringLiteral(REDISTORE_QML_EXAMPLES_DIR "/find-user.qml");
    Run result = run({ example, QStringLiteral("--timeout"), QStringLiteral("20"),
                       QStringLiteral("--"), m_redis.url(), QStringLiteral("alice") });
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    const QStringList lines = result.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    QVERIFY2(lines.at(0).startsWith(QStringLiteral("ALICE1\t")), qPrintable(lines.at(0)));
    QVERIFY(lines.at(0).contains(QStringLiteral("\"user\":\"alice\"")));
    QVERIFY2(lines.at(1).startsWith(QStringLiteral("ALICE2\t-1\t")), qPrintable(lines.at(1)));
    QVERIFY(lines.at(2).startsWith(QStringLiteral("ALICE3\t")));
    QCOMPARE(lines.at(3), QStringLiteral("3 of 6 sessions belong to alice"));
    QVERIFY2(result.err.contains(QStringLiteral("JUNK")), qPrintable(result.err));

    // Another prefix.
    result = run({ example, QStringLiteral("--timeout"), QStringLiteral("20"), QStringLiteral("--"),
                   m_redis.url(), QStringLiteral("alice"), QStringLiteral("app_") });
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.startsWith(QStringLiteral("OTHER\t")), qPrintable(result.out));

    // Missing arguments, and a Redis that is not there.
    result = run({ example, QStringLiteral("--"), m_redis.url() });
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.err.contains(QStringLiteral("usage")));
    result = run({ example, QStringLiteral("--timeout"), QStringLiteral("30"), QStringLiteral("--"),
                   m_redis.refusedUrl(), QStringLiteral("alice") });
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(QStringLiteral("cannot list the sessions")),
             qPrintable(result.err));
}

void tst_RediStoreQml::expireIdle()
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const auto seen = [](qint64 when) {
        return QVariantMap { { QStringLiteral("user"), QStringLiteral("u") },
                             { QStringLiteral("lastSeen"), when } };
    };
    QVERIFY(m_redis.putSession(QStringLiteral("IDLE"), seen(now - 7200), QStringLiteral("gob")));
    QVERIFY(m_redis.putSession(QStringLiteral("IDLE2"), seen(now - 4000), QStringLiteral("json")));
    QVERIFY(m_redis.putSession(QStringLiteral("ACTIVE"), seen(now - 60), QStringLiteral("gob")));
    QVERIFY(m_redis.putSession(QStringLiteral("NOFIELD"),
                               { { QStringLiteral("user"), QStringLiteral("u") } }));

    const QString example = QStringLiteral(REDISTORE_QML_EXAMPLES_DIR "/expire-idle.qml");
    Run result
        = run({ example, QStringLiteral("--timeout"), QStringLiteral("20"), QStringLiteral("--"),
                m_redis.url(), QStringLiteral("1800"), QStringLiteral("--dry-run") });
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QVERIFY2(result.out.contains(QStringLiteral("would expire 2 of 4 sessions")),
             qPrintable(result.out));
    QVERIFY(m_redis.exists(QStringLiteral("session_IDLE")));

    result = run({ example, QStringLiteral("--timeout"), QStringLiteral("20"), QStringLiteral("--"),
                   m_redis.url(), QStringLiteral("1800") });
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QVERIFY2(result.out.contains(QStringLiteral("expired 2 of 4 sessions")),
             qPrintable(result.out));
    QVERIFY(!m_redis.exists(QStringLiteral("session_IDLE")));
    QVERIFY(!m_redis.exists(QStringLiteral("session_IDLE2")));
    QVERIFY(m_redis.exists(QStringLiteral("session_ACTIVE")));
    QVERIFY(m_redis.exists(QStringLiteral("session_NOFIELD")));
}

// The script finds redistore-qml's --url, --url-file (a file or standard input) or
// REDISTORE_URL in redistoreUrl; --url beats --url-file beats REDISTORE_URL.
void tst_RediStoreQml::urlForTheScript_data()
{
    QTest::addColumn<QStringList>("arguments"); // FILE: a file holding redis://from-file
    QTest::addColumn<QStringList>("environment");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("url");
    const QString urlFile = QStringLiteral("--url-file");
    const QStringList environment { QStringLiteral("REDISTORE_URL=redis://from-environment") };
    QTest::newRow("none") << QStringList() << QStringList() << QByteArray() << QString();
    QTest::newRow("environment") << QStringList() << environment << QByteArray()
                                 << QStringLiteral("redis://from-environment");
    QTest::newRow("file") << QStringList { urlFile, QStringLiteral("FILE") } << environment
                          << QByteArray() << QStringLiteral("redis://from-file");
    QTest::newRow("standard input")
        << QStringList { QStringLiteral("--url-file=-") } << environment
        << QByteArray("redis://:pw@from-stdin\n") << QStringLiteral("redis://:pw@from-stdin");
    QTest::newRow("option") << QStringList { QStringLiteral("--url"), QStringLiteral("redis://o") }
                            << environment << QByteArray() << QStringLiteral("redis://o");
}

void tst_RediStoreQml::urlForTheScript()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, environment);
    QFETCH(QByteArray, input);
    QFETCH(QString, url);
    const QString script
        = writeScript(QStringLiteral("import QtQml\nQtObject { Component.onCompleted: { "
                                     "console.log('url=' + redistoreUrl); Qt.quit() } }\n"));
    const QString file = writeScript(QStringLiteral("redis://from-file\n"), QStringLiteral("url"));
    arguments.replaceInStrings(QStringLiteral("FILE"), file);
    const Run result = run(QStringList { script } + arguments, 30000, environment, input);
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QCOMPARE(result.out, QStringLiteral("url=") + url + QLatin1Char('\n'));
}

// find-user.qml and expire-idle.qml take the URL from redistore-qml when their first argument
// is not one, so that a password need not be on the command line.
void tst_RediStoreQml::examplesTakeTheUrlFromTheEnvironment()
{
    QVERIFY(m_redis.putSession(QStringLiteral("ALICE"),
                               { { QStringLiteral("user"), QStringLiteral("alice") } },
                               QStringLiteral("gob"), 600));
    const QString findUser = QStringLiteral(REDISTORE_QML_EXAMPLES_DIR "/find-user.qml");
    const QString expireIdle = QStringLiteral(REDISTORE_QML_EXAMPLES_DIR "/expire-idle.qml");
    const QString urlFile
        = writeScript(m_redis.url() + QLatin1Char('\n'), QStringLiteral("redis-url"));
    const QStringList environment { QStringLiteral("REDISTORE_URL=") + m_redis.url() };
    const QString timeout = QStringLiteral("--timeout");

    Run result = run(
        { findUser, timeout, QStringLiteral("20"), QStringLiteral("--"), QStringLiteral("alice") },
        30000, environment);
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QVERIFY2(result.out.endsWith(QStringLiteral("1 of 1 sessions belong to alice\n")),
             qPrintable(result.out));

    result = run({ findUser, QStringLiteral("--url-file"), urlFile, timeout, QStringLiteral("20"),
                   QStringLiteral("--"), QStringLiteral("alice") });
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QVERIFY2(result.out.endsWith(QStringLiteral("1 of 1 sessions belong to alice\n")),
             qPrintable(result.out));

    // An argument URL beats the environment's.
    result = run({ findUser, timeout, QStringLiteral("20"), QStringLiteral("--"), m_redis.url(),
                   QStringLiteral("alice") },
                 30000, { QStringLiteral("REDISTORE_URL=") + m_redis.refusedUrl() });
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));

    result = run({ expireIdle, QStringLiteral("--url-file"), QStringLiteral("-"), timeout,
                   QStringLiteral("20"), QStringLiteral("--"), QStringLiteral("1800"),
                   QStringLiteral("--dry-run") },
                 30000, {}, m_redis.url().toUtf8());
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QVERIFY2(result.out.contains(QStringLiteral("would expire 0 of 1 sessions")),
             qPrintable(result.out));

    // No URL anywhere: the usage, which names both ways.
    result = run({ findUser, QStringLiteral("--"), QStringLiteral("alice") });
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(QStringLiteral("--url-file FILE")), qPrintable(result.err));
}

// A redis+cluster:// URL: SessionAdmin, SessionListModel and the find-user example see the
// sessions of every master, each once.
void tst_RediStoreQml::clusterUrl()
{
    RediStore::Test::RedisCluster cluster;
    QVERIFY2(cluster.start(), qPrintable(cluster.errorString()));
    QSet<quint16> masters;
    for (int i = 0; i < 30; ++i) {
        const QByteArray key = "session_ID" + QByteArray::number(i);
        const QString user = i % 3 == 0 ? QStringLiteral("alice") : QStringLiteral("bob");
        const QByteArray bytes = RediStore::SessionSerializer::byName(QStringLiteral("gob"))
                                     ->serialize({ { QStringLiteral("user"), user } })
                                     .value();
        const quint16 master = cluster.masterOfSlot(RediStore::Test::RedisCluster::keySlot(key));
        QCOMPARE(cluster.command(master, { "SET", key, bytes, "EX", "600" }).toByteArray(),
                 QByteArray("OK"));
        masters.insert(master);
    }
    QCOMPARE(masters.size(), 3);

    const QString script = writeScript(
        QStringLiteral(
            "import QtQml\nimport RediStore\n"
            "QtObject {\n"
            "    property SessionAdmin admin: SessionAdmin { id: sessionAdmin; url: redistoreUrl "
            "}\n"
            "    property SessionListModel model: SessionListModel {\n"
            "        admin: sessionAdmin; live: false; loadValues: false\n"
            "        onRefreshed: sessionAdmin.list(function (error, sessions) {\n"
            "            if (error) { console.error(error); Qt.exit(3); return }\n"
            "            console.log(\"model \" + count + \", list \" + sessions.length)\n"
            "            sessionAdmin.count(function (error, n) {\n"
            "                console.log(\"count \" + n); Qt.quit() }) })\n"
            "        onErrorChanged: if (error !== \"\") { console.error(error); Qt.exit(4) }\n"
            "    }\n"
            "}\n"),
        QStringLiteral("cluster.qml"));
    Run result = run({ script, QStringLiteral("--timeout"), QStringLiteral("20"),
                       QStringLiteral("--url"), cluster.url() });
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QCOMPARE(result.out, QStringLiteral("model 30, list 30\ncount 30\n"));

    const QString example = QStringLiteral(REDISTORE_QML_EXAMPLES_DIR "/find-user.qml");
    result = run({ example, QStringLiteral("--timeout"), QStringLiteral("20"), QStringLiteral("--"),
                   cluster.url(), QStringLiteral("alice") });
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QVERIFY2(result.out.endsWith(QStringLiteral("10 of 30 sessions belong to alice\n")),
             qPrintable(result.out));
}

QTEST_GUILESS_MAIN(tst_RediStoreQml)

#include "tst_redistoreqml.moc"
