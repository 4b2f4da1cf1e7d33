// "redistore sessions ...", run as an operator runs it: the built binary through QProcess,
// against a private redis-server holding sessions written with each serializer.

#include <redisserver.h>
#include <testdata.h>

#include "clitesthelpers.h"

#include <libredistore/serializer/sessionserializer.h>

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>
#include <QtCore/QRegularExpression>
#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

using RediStore::SessionSerializer;
using RediStore::Test::RedisServer;

using namespace CliTest;

namespace {

const QStringList serializerNames { QStringLiteral("gob"), QStringLiteral("json"),
                                    QStringLiteral("datastream") };

// A session ID as the store makes them: 52 base32 characters.
QString sessionId(const QString &tag)
{
    const QString id
        = tag.toUpper() + QStringLiteral("QWERTYUIOPASDFGHJKLZXCVBNM234567QWERTYUIOPASDFGHJKLZ");
    return id.left(52);
}

} // namespace

class tst_RedistoreSessions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void help_data();
    void help();
    void listShowsEverySession();
    void listJson();
    void listStreamsManyPages();
    void listEmpty();
    void listSkipsKeysOfOtherTypes();
    void prefixAndDatabase();
    void aclUserInUrl();
    void urlFromFileOrEnvironment();
    void urlInputErrors();
    void unixSocketUrl();
    void count();
    void show_data();
    void show();
    void showGoWrittenSessions_data();
    void showGoWrittenSessions();
    void showWithExplicitSerializer();
    void set_data();
    void set();
    void setKeepsNoExpiry();
    void setNeverCreatesASession();
    void expire();
    void persist();
    void deleteSessions();
    void missingSession_data();
    void missingSession();
    void redisRefused_data();
    void redisRefused();
    void badArguments_data();
    void badArguments();
    void sessionsOfAUser();
    void revokeUser();

private:
    // "redistore sessions ARGS --url <the private server>"
    Run sessions(const QStringList &arguments) const
    {
        return redistore(QStringList { QStringLiteral("sessions") } + arguments
                         + QStringList { QStringLiteral("--url"), m_server.url() });
    }
    // Stores a session as a store with that serializer would; ttl 0: no expiry.
    void put(const QString &id, const QString &serializer, const QVariantMap &values, int ttl = 0,
             const QByteArray &prefix = "session_")
    {
        const auto bytes = SessionSerializer::byName(serializer)->serialize(values);
        QVERIFY(bytes.ok());
        const QVariant reply = ttl > 0
            ? m_server.command(
                { "SETEX", prefix + id.toUtf8(), QByteArray::number(ttl), bytes.value() })
            : m_server.command({ "SET", prefix + id.toUtf8(), bytes.value() });
        QCOMPARE(reply.toByteArray(), QByteArray("OK"));
    }
    QByteArray stored(const QString &id) const
    {
        return m_server.command({ "GET", "session_" + id.toUtf8() }).toByteArray();
    }
    qint64 pttl(const QString &id) const
    {
        return m_server.command({ "PTTL", "session_" + id.toUtf8() }).toLongLong();
    }
    bool exists(const QString &id) const
    {
        return m_server.command({ "EXISTS", "session_" + id.toUtf8() }).toLongLong() == 1;
    }

    // Files id under user in the per-user index, as a store with withUserIndex does.
    void index(const QString &user, const QString &id)
    {
        const qint64 expiry = QDateTime::currentMSecsSinceEpoch() + 3600 * 1000;
        m_server.command({ "ZADD", "redistore:user:session_:" + user.toUtf8(),
                           QByteArray::number(expiry), id.toUtf8() });
    }

    RedisServer m_server;
    QJsonObject m_vectors;
};

void tst_RedistoreSessions::initTestCase()
{
    QVERIFY2(QFile::exists(QStringLiteral(REDISTORE_CLI)), REDISTORE_CLI);
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    m_vectors = RediStore::Test::goVectors();
    QVERIFY(!m_vectors.isEmpty());
}

void tst_RedistoreSessions::init()
{
    m_server.command({ "FLUSHALL" });
}

void tst_RedistoreSessions::help_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("redistore --help")
        << QStringList { QStringLiteral("--help") } << QStringLiteral("sessions");
    QTest::newRow("sessions --help")
        << QStringList { QStringLiteral("sessions"), QStringLiteral("--help") }
        << QStringLiteral("set ID KEY JSON_VALUE");
    const QList<QPair<const char *, const char *>> commands {
        { "list", "--json" },    { "count", "--prefix P" }, { "show", "ID" },
        { "set", "JSON_VALUE" }, { "expire", "SECONDS" },   { "persist", "--serializer NAME" },
        { "delete", "ID..." },
    };
    for (const auto &[command, mention] : commands) {
        QTest::addRow("sessions %s --help", command)
            << QStringList { QStringLiteral("sessions"), QString::fromLatin1(command),
                             QStringLiteral("--help") }
            << QString::fromLatin1(mention);
    }
    QTest::newRow("--help wins over bad arguments")
        << QStringList { QStringLiteral("sessions"), QStringLiteral("expire"), QStringLiteral("x"),
                         QStringLiteral("--help") }
        << QStringLiteral("--url URL");
}

void tst_RedistoreSessions::help()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, mentions);
    checkHelp(arguments, mentions);
}

void tst_RedistoreSessions::listShowsEverySession()
{
    const QString gob = sessionId(QStringLiteral("gob"));
    const QString json = sessionId(QStringLiteral("json"));
    const QString ds = sessionId(QStringLiteral("ds"));
    const QString corrupt = sessionId(QStringLiteral("bad"));
    put(gob, QStringLiteral("gob"),
        { { QStringLiteral("user"), QStringLiteral("alice") },
          { QStringLiteral("authenticated"), true } },
        3600);
    put(json, QStringLiteral("json"), { { QStringLiteral("user"), QStringLiteral("bob") } });
    put(ds, QStringLiteral("datastream"),
        { { QStringLiteral("note"), QString(QStringLiteral("x")).repeated(200) } }, 60);
    m_server.command({ "SET", "session_" + corrupt.toUtf8(), "not a session" });
    m_server.command({ "SET", "other_" + gob.toUtf8(), "x" });

    const Run run = sessions({ QStringLiteral("list") });
    QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));
    QVERIFY2(run.err.isEmpty(), run.err.constData());
    QStringList lines = QString::fromUtf8(run.out).split(QLatin1Char('\n'));
    QCOMPARE(lines.takeLast(), QString());
    QCOMPARE(lines.size(), 4);
    QHash<QString, QString> byId;
    for (const QString &line : std::as_const(lines))
        byId.insert(line.section(QLatin1Char(' '), 0, 0), line);
    QCOMPARE(byId.size(), 4);

    // ID, TTL, size in bytes (the stored value's), preview of the values.
    const QRegularExpression gobLine(QStringLiteral("^%1 +(\\d+)s +%2 B  authenticated=true "
                                                    "user=\"alice\"$")
                                         .arg(gob)
                                         .arg(stored(gob).size()));
    const auto match = gobLine.match(byId.value(gob));
    QVERIFY2(match.hasMatch(), qPrintable(byId.value(gob)));
    QVERIFY(match.captured(1).toInt() > 3590 && match.captured(1).toInt() <= 3600);
    QVERIFY2(byId.value(json).contains(QStringLiteral(" no expiry ")),
             qPrintable(byId.value(json)));
    QVERIFY2(byId.value(json).endsWith(QStringLiteral(" user=\"bob\"")),
             qPrintable(byId.value(json)));
    // A long value is cut; the line stays short.
    QVERIFY2(byId.value(ds).contains(QStringLiteral("  note=\"xxxx")), qPrintable(byId.value(ds)));
    QVERIFY2(byId.value(ds).endsWith(QStringLiteral("...")), qPrintable(byId.value(ds)));
    QVERIFY(byId.value(ds).size() < 150);
    QVERIFY2(byId.value(corrupt).endsWith(QStringLiteral(" 13 B  (does not decode)")),
             qPrintable(byId.value(corrupt)));
}

void tst_RedistoreSessions::listJson()
{
    put(QStringLiteral("a"), QStringLiteral("gob"), { { QStringLiteral("n"), 1 } }, 100);
    put(QStringLiteral("b"), QStringLiteral("json"), { { QStringLiteral("n"), 2 } });
    put(QStringLiteral("c"), QStringLiteral("datastream"), { { QStringLiteral("n"), 3 } }, 5000);

    const Run run = sessions({ QStringLiteral("list"), QStringLiteral("--json") });
    QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(run.out, &error);
    QVERIFY2(document.isArray(), qPrintable(error.errorString()));
    QCOMPARE(document.array().size(), 3);
    QHash<QString, QJsonObject> byId;
    for (const QJsonValue &entry : document.array()) {
        const QJsonObject object = entry.toObject();
        QCOMPARE(object.keys(),
                 (QStringList { QStringLiteral("id"), QStringLiteral("size"),
                                QStringLiteral("ttl_ms") }));
        byId.insert(object.value(QLatin1String("id")).toString(), object);
    }
    for (const char *id : { "a", "b", "c" }) {
        const QJsonObject object = byId.value(QString::fromLatin1(id));
        QCOMPARE(object.value(QLatin1String("size")).toInteger(),
                 stored(QString::fromLatin1(id)).size());
    }
    const qint64 ttlA = byId.value(QStringLiteral("a")).value(QLatin1String("ttl_ms")).toInteger();
    QVERIFY2(ttlA > 90000 && ttlA <= 100000, qPrintable(QString::number(ttlA)));
    QCOMPARE(byId.value(QStringLiteral("b")).value(QLatin1String("ttl_ms")).toInteger(), -1);
}

// More sessions than one SCAN page: every one is listed once, in both forms.
void tst_RedistoreSessions::listStreamsManyPages()
{
    const int total = 1500;
    const QByteArray bytes = SessionSerializer::byName(QStringLiteral("gob"))
                                 ->serialize({ { QStringLiteral("user"), QStringLiteral("u") } })
                                 .value();
    QByteArrayList mset { "MSET" };
    for (int i = 0; i < total; ++i)
        mset << "session_id" + QByteArray::number(i) << bytes;
    QCOMPARE(m_server.command(mset).toByteArray(), QByteArray("OK"));

    Run run = sessions({ QStringLiteral("list"), QStringLiteral("--json") });
    QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));
    const QJsonArray array = QJsonDocument::fromJson(run.out).array();
    QSet<QString> ids;
    for (const QJsonValue &entry : array)
        ids.insert(entry.toObject().value(QLatin1String("id")).toString());
    QCOMPARE(ids.size(), total);
    QVERIFY(ids.contains(QStringLiteral("id0")) && ids.contains(QStringLiteral("id1499")));

    run = sessions({ QStringLiteral("list") });
    QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));
    QCOMPARE(run.out.count('\n'), total);
    QCOMPARE(run.out.count(" user=\"u\"\n"), total);
}

void tst_RedistoreSessions::listEmpty()
{
    m_server.command({ "SET", "unrelated", "x" });
    Run run = sessions({ QStringLiteral("list") });
    QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));
    QCOMPARE(run.out, QByteArray());
    run = sessions({ QStringLiteral("list"), QStringLiteral("--json") });
    QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));
    QCOMPARE(run.out, QByteArray("[]\n"));
}

// A key of another type under the prefix is not a session: named on stderr, not listed.
void tst_RedistoreSessions::listSkipsKeysOfOtherTypes()
{
    put(QStringLiteral("good"), QStringLiteral("json"), { { QStringLiteral("n"), 1 } });
    m_server.command({ "HSET", "session_hash", "a", "b" });
    for (const bool json : { false, true }) {
        const Run run
            = sessions(json ? QStringList { QStringLiteral("list"), QStringLiteral("--json") }
                            : QStringList { QStringLiteral("list") });
        QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));
        QVERIFY2(run.out.contains("good"), run.out.constData());
        QVERIFY2(!run.out.contains("hash"), run.out.constData());
        QVERIFY2(run.err.contains("key session_hash is a hash, not a session"),
                 run.err.constData());
    }
}

void tst_RedistoreSessions::prefixAndDatabase()
{
    put(QStringLiteral("one"), QStringLiteral("gob"), { { QStringLiteral("n"), 1 } });
    put(QStringLiteral("two"), QStringLiteral("gob"), { { QStringLiteral("n"), 2 } }, 0, "app:");
    put(QStringLiteral("three"), QStringLiteral("gob"), { { QStringLiteral("n"), 3 } }, 0, "app:");
    // A prefix with glob characters matches itself only.
    put(QStringLiteral("x"), QStringLiteral("gob"), { { QStringLiteral("n"), 4 } }, 0, "a*:");

    Run run
        = sessions({ QStringLiteral("count"), QStringLiteral("--prefix"), QStringLiteral("app:") });
    QCOMPARE(run.out, QByteArray("2\n"));
    run = sessions({ QStringLiteral("count"), QStringLiteral("--prefix"), QStringLiteral("a*:") });
    QCOMPARE(run.out, QByteArray("1\n"));
    // Options may come before the subcommand.
    run = redistore({ QStringLiteral("sessions"), QStringLiteral("--prefix=app:"),
                      QStringLiteral("--url"), m_server.url(), QStringLiteral("show"),
                      QStringLiteral("--json"), QStringLiteral("two") });
    QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));
    QCOMPARE(run.out, QByteArray("{\"n\":2}\n"));
    // The default prefix is session_.
    run = sessions({ QStringLiteral("list"), QStringLiteral("--json") });
    QCOMPARE(QJsonDocument::fromJson(run.out).array().size(), 1);

    // Database 3 of the same server holds other sessions.
    QCOMPARE(m_server.command({ "MOVE", "session_one", "3" }).toLongLong(), 1);
    run = redistore({ QStringLiteral("sessions"), QStringLiteral("count"), QStringLiteral("--url"),
                      m_server.url(3) });
    QCOMPARE(run.out, QByteArray("1\n"));
    run = sessions({ QStringLiteral("count") });
    QCOMPARE(run.out, QByteArray("0\n"));
}

void tst_RedistoreSessions::aclUserInUrl()
{
    put(QStringLiteral("acl"), QStringLiteral("json"), { { QStringLiteral("n"), 1 } });
    QString url = m_server.url();
    url.replace(QStringLiteral("redis://"), QStringLiteral("redis://alice:alice-secret@"));
    Run run = redistore(
        { QStringLiteral("sessions"), QStringLiteral("count"), QStringLiteral("--url"), url });
    QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));
    QCOMPARE(run.out, QByteArray("1\n"));

    url.replace(QStringLiteral("alice-secret"), QStringLiteral("wrong"));
    run = redistore(
        { QStringLiteral("sessions"), QStringLiteral("count"), QStringLiteral("--url"), url });
    QVERIFY2(run.exitCode == 1, qPrintable(dump(run)));
    QVERIFY(run.out.isEmpty());
    QVERIFY2(!run.err.isEmpty() && run.err.endsWith('\n'), run.err.constData());
}

namespace {

Run redistoreWith(const QStringList &arguments, const QString &redistoreUrl,
                  const QByteArray &input = QByteArray())
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("REDISTORE_URL"));
    if (!redistoreUrl.isEmpty())
        environment.insert(QStringLiteral("REDISTORE_URL"), redistoreUrl);
    return runProgram(QStringLiteral(REDISTORE_CLI), arguments, input, 60000, environment);
}

} // namespace

// A URL with a password stays off the command line: --url-file FILE, --url-file - (standard
// input) or REDISTORE_URL; --url beats --url-file beats REDISTORE_URL.
void tst_RedistoreSessions::urlFromFileOrEnvironment()
{
    put(QStringLiteral("acl"), QStringLiteral("json"), { { QStringLiteral("n"), 1 } });
    QString url = m_server.url();
    url.replace(QStringLiteral("redis://"), QStringLiteral("redis://alice:alice-secret@"));
    QString wrong = url;
    wrong.replace(QStringLiteral("alice-secret"), QStringLiteral("wrong-secret"));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile file(dir.filePath(QStringLiteral("url")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(url.toUtf8() + '\n');
    file.close();
    const QStringList count { QStringLiteral("sessions"), QStringLiteral("count") };
    const QString urlFile = QStringLiteral("--url-file");

    const struct
    {
        const char *name;
        QStringList arguments;
        QString environment;
        QByteArray input;
    } forms[] = {
        { "environment", count, url, {} },
        { "file", count + QStringList { urlFile, file.fileName() }, {}, {} },
        { "file before the subcommand",
          QStringList { QStringLiteral("sessions"), urlFile, file.fileName(),
                        QStringLiteral("count") },
          {},
          {} },
        { "standard input",
          count + QStringList { urlFile, QStringLiteral("-") },
          {},
          url.toUtf8() },
        { "file beats environment", count + QStringList { urlFile, file.fileName() }, wrong, {} },
        { "option beats environment",
          count + QStringList { QStringLiteral("--url"), url },
          wrong,
          {} },
    };
    for (const auto &form : forms) {
        const Run run = redistoreWith(form.arguments, form.environment, form.input);
        QVERIFY2(run.exitCode == 0,
                 qPrintable(QLatin1String(form.name) + QLatin1Char(' ') + dump(run)));
        QCOMPARE(run.out, QByteArray("1\n"));
    }

    // A wrong password from the environment: Redis's refusal, without the password.
    const Run run = redistoreWith(count, wrong);
    QVERIFY2(run.exitCode == 1, qPrintable(dump(run)));
    QVERIFY2(!run.err.isEmpty() && !run.err.contains("wrong-secret"), run.err.constData());
}

void tst_RedistoreSessions::urlInputErrors()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile file(dir.filePath(QStringLiteral("url")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("redis://alice:s3cret-pw@localhost:99999\n");
    file.close();
    const QStringList count { QStringLiteral("sessions"), QStringLiteral("count") };
    const struct
    {
        QStringList arguments;
        QString environment;
        const char *message;
    } cases[] = {
        { count
              + QStringList { QStringLiteral("--url"), QStringLiteral("redis://localhost"),
                              QStringLiteral("--url-file"), file.fileName() },
          {},
          "give --url or --url-file, not both" },
        { count
              + QStringList { QStringLiteral("--url-file"), dir.filePath(QStringLiteral("none")) },
          {},
          "--url-file %1: No such file or directory" },
        { count + QStringList { QStringLiteral("--url-file"), file.fileName() },
          {},
          "--url-file %2: " },
        { count, QStringLiteral("redis://alice:s3cret-pw@[::1"), "REDISTORE_URL: " },
    };
    for (const auto &c : cases) {
        const Run run = redistoreWith(c.arguments, c.environment);
        QVERIFY2(run.exitCode == 2, qPrintable(dump(run)));
        const QString message
            = QString::fromUtf8(c.message)
                  .replace(QStringLiteral("%1"), dir.filePath(QStringLiteral("none")))
                  .replace(QStringLiteral("%2"), file.fileName());
        QVERIFY2(run.err.contains(message.toUtf8()), run.err.constData());
        QVERIFY2(!run.err.contains("s3cret-pw"), run.err.constData());
    }
}

void tst_RedistoreSessions::unixSocketUrl()
{
    put(QStringLiteral("sock"), QStringLiteral("json"), { { QStringLiteral("n"), 1 } });
    const Run run
        = redistore({ QStringLiteral("sessions"), QStringLiteral("count"), QStringLiteral("--url"),
                      QStringLiteral("unix://") + m_server.unixSocket() });
    QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));
    QCOMPARE(run.out, QByteArray("1\n"));
}

void tst_RedistoreSessions::count()
{
    Run run = sessions({ QStringLiteral("count") });
    QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));
    QCOMPARE(run.out, QByteArray("0\n"));
    QVERIFY(run.err.isEmpty());
    for (int i = 0; i < 7; ++i)
        put(QStringLiteral("s%1").arg(i), serializerNames.at(i % 3),
            { { QStringLiteral("i"), i } });
    m_server.command({ "SET", "sessionless", "x" });
    run = sessions({ QStringLiteral("count") });
    QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));
    QCOMPARE(run.out, QByteArray("7\n"));
}

void tst_RedistoreSessions::show_data()
{
    QTest::addColumn<QString>("serializer");
    QTest::addColumn<QJsonValue>("expected"); // what --json prints
    for (const QString &serializer : serializerNames) {
        // Go's JSON serializer reads every number back as float64.
        const bool floats = serializer == QLatin1String("json");
        QTest::addRow("%s", qPrintable(serializer))
            << serializer
            << QJsonValue(QJsonObject {
                   { QStringLiteral("user"), QStringLiteral("al\u00efce") },
                   { QStringLiteral("authenticated"), true },
                   { QStringLiteral("visits"), floats ? QJsonValue(3.0) : QJsonValue(3) },
                   { QStringLiteral("tags"),
                     QJsonArray { QStringLiteral("a"), QStringLiteral("b") } },
                   { QStringLiteral("two words"), QStringLiteral("line\nbreak") },
               });
    }
}

void tst_RedistoreSessions::show()
{
    QFETCH(QString, serializer);
    QFETCH(QJsonValue, expected);
    const QString id = sessionId(serializer);
    put(id, serializer, expected.toObject().toVariantMap(), 1200);

    Run run = sessions({ QStringLiteral("show"), QStringLiteral("--json"), id });
    QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));
    QVERIFY(run.err.isEmpty());
    QVERIFY(run.out.endsWith("}\n") && run.out.count('\n') == 1);
    QCOMPARE(parseJson(run.out.trimmed()), expected);

    run = sessions({ QStringLiteral("show"), id });
    QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));
    const QString text = QString::fromUtf8(run.out);
    QVERIFY2(text.startsWith(QStringLiteral("id:         %1\nkey:        session_%1\n").arg(id)),
             qPrintable(text));
    QVERIFY2(QRegularExpression(QStringLiteral("\nttl:        (11\\d\\d|1200)s\n"))
                 .match(text)
                 .hasMatch(),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("\nsize:       %1 bytes\n").arg(stored(id).size())),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("\nserializer: %1\nvalues:\n").arg(serializer)),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("\n  authenticated: true\n")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("\n  user: \"al\u00efce\"\n")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("\n  \"two words\": \"line\\nbreak\"\n")),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("\n  tags: [\"a\",\"b\"]\n")), qPrintable(text));
}

// Sessions that Go's redistore wrote, gob and JSON, read back as Go read them.
void tst_RedistoreSessions::showGoWrittenSessions_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("serializer");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QJsonValue>("expected");
    const QJsonArray vectors = m_vectors.value(QLatin1String("redistore"))
                                   .toObject()
                                   .value(QLatin1String("vectors"))
                                   .toArray();
    for (const QJsonValue &entry : vectors) {
        const QJsonObject v = entry.toObject();
        const QByteArray bytes
            = QByteArray::fromHex(v.value(QLatin1String("redis_value_hex")).toString().toLatin1());
        const QJsonObject reload = v.value(QLatin1String("reload")).toObject();
        const QString id = v.value(QLatin1String("session_id")).toString();
        if (bytes.isEmpty() || id.isEmpty() || !reload.value(QLatin1String("values")).isObject())
            continue;
        QTest::newRow(qPrintable(v.value(QLatin1String("id")).toString()))
            << id << v.value(QLatin1String("serializer")).toString() << bytes
            << goJson(reload.value(QLatin1String("values")).toObject());
    }
}

void tst_RedistoreSessions::showGoWrittenSessions()
{
    QFETCH(QString, id);
    QFETCH(QString, serializer);
    QFETCH(QByteArray, bytes);
    QFETCH(QJsonValue, expected);
    m_server.command({ "SETEX", "session_" + id.toUtf8(), "1200", bytes });
    Run run = sessions({ QStringLiteral("show"), id, QStringLiteral("--json") });
    QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));
    QCOMPARE(parseJson(run.out.trimmed()), expected);
    run = sessions({ QStringLiteral("show"), id });
    QVERIFY2(run.out.contains(QByteArray("\nserializer: " + serializer.toUtf8() + '\n')),
             run.out.constData());

    // Edited, it stays what Go reads: same serializer, Go's other values untouched.
    run = sessions({ QStringLiteral("set"), id, QStringLiteral("edited"), QStringLiteral("true") });
    QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));
    const auto values = SessionSerializer::byName(serializer)->deserialize(stored(id));
    QVERIFY2(values.ok(), values.ok() ? "" : qPrintable(values.error().message()));
    QCOMPARE(values.value().value(QStringLiteral("edited")), QVariant(true));
    QJsonObject withEdit = expected.toObject();
    withEdit.insert(QStringLiteral("edited"), true);
    run = sessions({ QStringLiteral("show"), id, QStringLiteral("--json") });
    QCOMPARE(parseJson(run.out.trimmed()), QJsonValue(withEdit));
}

void tst_RedistoreSessions::showWithExplicitSerializer()
{
    put(QStringLiteral("g"), QStringLiteral("gob"), { { QStringLiteral("n"), 1 } });
    Run run = sessions({ QStringLiteral("show"), QStringLiteral("g"), QStringLiteral("--json"),
                         QStringLiteral("--serializer"), QStringLiteral("gob") });
    QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));
    QCOMPARE(run.out, QByteArray("{\"n\":1}\n"));

    run = sessions({ QStringLiteral("show"), QStringLiteral("g"), QStringLiteral("--serializer"),
                     QStringLiteral("datastream") });
    QVERIFY2(run.exitCode == 1, qPrintable(dump(run)));
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.contains("session g does not decode with datastream"), run.err.constData());

    // In a listing, the preview says so.
    run = sessions(
        { QStringLiteral("list"), QStringLiteral("--serializer"), QStringLiteral("json") });
    QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));
    QVERIFY2(run.out.endsWith("  (does not decode as json)\n"), run.out.constData());

    // set with a serializer that does not read the session changes nothing.
    const QByteArray before = stored(QStringLiteral("g"));
    run = sessions({ QStringLiteral("set"), QStringLiteral("g"), QStringLiteral("n"),
                     QStringLiteral("2"), QStringLiteral("--serializer"), QStringLiteral("json") });
    QVERIFY2(run.exitCode == 1, qPrintable(dump(run)));
    QCOMPARE(stored(QStringLiteral("g")), before);
}

void tst_RedistoreSessions::set_data()
{
    QTest::addColumn<QString>("serializer");
    QTest::addColumn<QString>("jsonValue"); // the argument
    QTest::addColumn<QJsonValue>("expected"); // what show --json prints for it
    for (const QString &serializer : serializerNames) {
        const bool floats = serializer == QLatin1String("json");
        const QByteArray name = serializer.toLatin1();
        const char *s = name.constData();
        QTest::addRow("%s string", s)
            << serializer << QStringLiteral("\"alice\"") << QJsonValue(QStringLiteral("alice"));
        QTest::addRow("%s integer", s)
            << serializer << QStringLiteral("42") << (floats ? QJsonValue(42.0) : QJsonValue(42));
        QTest::addRow("%s negative", s)
            << serializer << QStringLiteral("-7") << (floats ? QJsonValue(-7.0) : QJsonValue(-7));
        QTest::addRow("%s double", s) << serializer << QStringLiteral("1.5") << QJsonValue(1.5);
        QTest::addRow("%s bool", s) << serializer << QStringLiteral("true") << QJsonValue(true);
        QTest::addRow("%s null", s) << serializer << QStringLiteral("null") << QJsonValue();
        QTest::addRow("%s array", s)
            << serializer << QStringLiteral("[1, \"x\"]")
            << QJsonValue(
                   QJsonArray { floats ? QJsonValue(1.0) : QJsonValue(1), QStringLiteral("x") });
        QTest::addRow("%s object", s)
            << serializer << QStringLiteral("{\"a\": 1, \"b\": {\"c\": false}}")
            << QJsonValue(QJsonObject {
                   { QStringLiteral("a"), floats ? QJsonValue(1.0) : QJsonValue(1) },
                   { QStringLiteral("b"), QJsonObject { { QStringLiteral("c"), false } } } });
        QTest::addRow("%s unicode", s)
            << serializer << QStringLiteral("\"\\u00e9t\u00e9 \U0001F600\"")
            << QJsonValue(QStringLiteral("\u00e9t\u00e9 \U0001F600"));
    }
}

void tst_RedistoreSessions::set()
{
    QFETCH(QString, serializer);
    QFETCH(QString, jsonValue);
    QFETCH(QJsonValue, expected);
    const QString id = sessionId(QStringLiteral("set"));
    put(id, serializer,
        { { QStringLiteral("user"), QStringLiteral("bob") }, { QStringLiteral("key"), 0 } }, 600);
    QVERIFY(m_server.command({ "PEXPIRE", "session_" + id.toUtf8(), "500000" }).toLongLong() == 1);

    const Run run = sessions({ QStringLiteral("set"), id, QStringLiteral("key"), jsonValue });
    QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));
    QVERIFY(run.out.isEmpty());
    QVERIFY(run.err.isEmpty());

    // The TTL is kept (not reset to a default, not removed).
    const qint64 ttl = pttl(id);
    QVERIFY2(ttl > 490000 && ttl <= 500000, qPrintable(QString::number(ttl)));
    // Still written by the same serializer: it reads the new bytes, and detection agrees.
    const QByteArray bytes = stored(id);
    QVERIFY(SessionSerializer::byName(serializer)->deserialize(bytes).ok());
    const auto detected = SessionSerializer::detect(bytes);
    QVERIFY(detected.ok());
    QCOMPARE(detected.value().serializer->name(), serializer);

    const Run shown = sessions({ QStringLiteral("show"), id, QStringLiteral("--json") });
    QVERIFY2(shown.exitCode == 0, qPrintable(dump(shown)));
    const QJsonObject values = parseJson(shown.out.trimmed()).toObject();
    QCOMPARE(values.value(QLatin1String("key")), expected);
    QCOMPARE(values.value(QLatin1String("user")), QJsonValue(QStringLiteral("bob")));
    QCOMPARE(values.size(), 2);
}

void tst_RedistoreSessions::setKeepsNoExpiry()
{
    put(QStringLiteral("forever"), QStringLiteral("datastream"), { { QStringLiteral("n"), 1 } });
    const Run run = sessions({ QStringLiteral("set"), QStringLiteral("forever"),
                               QStringLiteral("m"), QStringLiteral("2") });
    QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));
    QCOMPARE(pttl(QStringLiteral("forever")), -1);
}

void tst_RedistoreSessions::setNeverCreatesASession()
{
    const Run run = sessions({ QStringLiteral("set"), QStringLiteral("nobody"),
                               QStringLiteral("user"), QStringLiteral("\"mallory\"") });
    QVERIFY2(run.exitCode == 1, qPrintable(dump(run)));
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.contains("session nobody does not exist"), run.err.constData());
    QVERIFY(!exists(QStringLiteral("nobody")));
}

void tst_RedistoreSessions::expire()
{
    put(QStringLiteral("e"), QStringLiteral("gob"), { { QStringLiteral("n"), 1 } });
    QCOMPARE(pttl(QStringLiteral("e")), -1);
    Run run = sessions({ QStringLiteral("expire"), QStringLiteral("e"), QStringLiteral("90") });
    QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));
    QVERIFY(run.out.isEmpty() && run.err.isEmpty());
    qint64 ttl = pttl(QStringLiteral("e"));
    QVERIFY2(ttl > 85000 && ttl <= 90000, qPrintable(QString::number(ttl)));

    // Shortening works too, and the value is untouched.
    const QByteArray before = stored(QStringLiteral("e"));
    run = sessions({ QStringLiteral("expire"), QStringLiteral("e"), QStringLiteral("5") });
    QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));
    ttl = pttl(QStringLiteral("e"));
    QVERIFY2(ttl > 0 && ttl <= 5000, qPrintable(QString::number(ttl)));
    QCOMPARE(stored(QStringLiteral("e")), before);
}

void tst_RedistoreSessions::persist()
{
    put(QStringLiteral("p"), QStringLiteral("json"), { { QStringLiteral("n"), 1 } }, 30);
    QVERIFY(pttl(QStringLiteral("p")) > 0);
    Run run = sessions({ QStringLiteral("persist"), QStringLiteral("p") });
    QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));
    QVERIFY(run.out.isEmpty() && run.err.isEmpty());
    QCOMPARE(pttl(QStringLiteral("p")), -1);
    // Already without expiry: still a success.
    run = sessions({ QStringLiteral("persist"), QStringLiteral("p") });
    QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));
    run = sessions({ QStringLiteral("show"), QStringLiteral("p") });
    QVERIFY2(run.out.contains("\nttl:        no expiry\n"), run.out.constData());
}

void tst_RedistoreSessions::deleteSessions()
{
    for (const char *id : { "d1", "d2", "d3", "d4" })
        put(QString::fromLatin1(id), QStringLiteral("gob"), { { QStringLiteral("n"), 1 } }, 100);

    Run run = sessions({ QStringLiteral("delete"), QStringLiteral("d1"), QStringLiteral("d2") });
    QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));
    QCOMPARE(run.out, QByteArray("2\n"));
    QVERIFY(run.err.isEmpty());
    QVERIFY(!exists(QStringLiteral("d1")) && !exists(QStringLiteral("d2")));
    QVERIFY(exists(QStringLiteral("d3")) && exists(QStringLiteral("d4")));

    // The same ID twice is one session.
    run = sessions({ QStringLiteral("delete"), QStringLiteral("d3"), QStringLiteral("d3") });
    QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));
    QCOMPARE(run.out, QByteArray("1\n"));

    // Some missing: the count of those deleted, and exit 1 saying how many did not exist.
    run = sessions({ QStringLiteral("delete"), QStringLiteral("d4"), QStringLiteral("d1"),
                     QStringLiteral("gone") });
    QVERIFY2(run.exitCode == 1, qPrintable(dump(run)));
    QCOMPARE(run.out, QByteArray("1\n"));
    QVERIFY2(run.err.contains("2 of the 3 sessions did not exist"), run.err.constData());
    QVERIFY(!exists(QStringLiteral("d4")));

    run = sessions({ QStringLiteral("delete"), QStringLiteral("d4") });
    QVERIFY2(run.exitCode == 1, qPrintable(dump(run)));
    QCOMPARE(run.out, QByteArray("0\n"));
    QVERIFY2(run.err.contains("session d4 does not exist"), run.err.constData());

    // Only sessions under the prefix: an ID is never a bare key.
    m_server.command({ "SET", "d5", "x" });
    run = sessions({ QStringLiteral("delete"), QStringLiteral("d5") });
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(m_server.command({ "EXISTS", "d5" }).toLongLong(), 1);
}

void tst_RedistoreSessions::missingSession_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QString gone = QStringLiteral("session nobody does not exist");
    QTest::newRow("show") << QStringList { QStringLiteral("show"), QStringLiteral("nobody") }
                          << gone;
    QTest::newRow("show --json") << QStringList { QStringLiteral("show"), QStringLiteral("--json"),
                                                  QStringLiteral("nobody") }
                                 << gone;
    QTest::newRow("set") << QStringList { QStringLiteral("set"), QStringLiteral("nobody"),
                                          QStringLiteral("k"), QStringLiteral("1") }
                         << gone;
    QTest::newRow("expire") << QStringList { QStringLiteral("expire"), QStringLiteral("nobody"),
                                             QStringLiteral("10") }
                            << gone;
    QTest::newRow("persist") << QStringList { QStringLiteral("persist"), QStringLiteral("nobody") }
                             << gone;
    QTest::newRow("delete") << QStringList { QStringLiteral("delete"), QStringLiteral("nobody") }
                            << gone;
}

void tst_RedistoreSessions::missingSession()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Run run = sessions(arguments);
    QVERIFY2(run.exitCode == 1, qPrintable(dump(run)));
    QVERIFY2(
        run.err.startsWith(QByteArray("redistore sessions " + arguments.first().toUtf8() + ": ")),
        run.err.constData());
    QVERIFY2(run.err.contains(message.toUtf8()), run.err.constData());
    QVERIFY2(!run.err.contains("Usage:"), run.err.constData());
    QCOMPARE(m_server.command({ "DBSIZE" }).toLongLong(), 0);
}

void tst_RedistoreSessions::redisRefused_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("list") << QStringList { QStringLiteral("list") };
    QTest::newRow("list --json") << QStringList { QStringLiteral("list"),
                                                  QStringLiteral("--json") };
    QTest::newRow("count") << QStringList { QStringLiteral("count") };
    QTest::newRow("show") << QStringList { QStringLiteral("show"), QStringLiteral("x") };
    QTest::newRow("set") << QStringList { QStringLiteral("set"), QStringLiteral("x"),
                                          QStringLiteral("k"), QStringLiteral("1") };
    QTest::newRow("expire") << QStringList { QStringLiteral("expire"), QStringLiteral("x"),
                                             QStringLiteral("10") };
    QTest::newRow("persist") << QStringList { QStringLiteral("persist"), QStringLiteral("x") };
    QTest::newRow("delete") << QStringList { QStringLiteral("delete"), QStringLiteral("x") };
}

void tst_RedistoreSessions::redisRefused()
{
    QFETCH(QStringList, arguments);
    const quint16 port = RedisServer::freePort();
    QElapsedTimer timer;
    timer.start();
    const Run run = redistore(QStringList { QStringLiteral("sessions") } + arguments
                              + QStringList { QStringLiteral("--url"),
                                              QStringLiteral("redis://127.0.0.1:%1/0").arg(port) });
    QVERIFY2(run.exitCode == 1, qPrintable(dump(run)));
    QVERIFY2(run.out.isEmpty(), run.out.constData());
    // One clear line naming the server, not the library's log besides it.
    QCOMPARE(run.err.count('\n'), 1);
    QVERIFY2(run.err.contains(
                 QStringLiteral("cannot connect to Redis at 127.0.0.1:%1").arg(port).toUtf8()),
             run.err.constData());
    QVERIFY2(run.err.contains("refused"), run.err.constData());
    // No retrying until a timeout: a refused connection fails at once.
    QVERIFY2(timer.elapsed() < 4000, qPrintable(QString::number(timer.elapsed())));
}

void tst_RedistoreSessions::badArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    auto row = [](const char *name, const QStringList &arguments, const char *message) {
        QTest::newRow(name) << arguments << QString::fromLatin1(message);
    };
    row("no command", {}, "no command given");
    row("unknown command", { QStringLiteral("frob") }, "unknown command 'frob'");
    row("unknown option", { QStringLiteral("list"), QStringLiteral("--bogus") },
        "unknown option '--bogus'");
    row("list operand", { QStringLiteral("list"), QStringLiteral("x") }, "unexpected argument 'x'");
    row("count --json", { QStringLiteral("count"), QStringLiteral("--json") },
        "unknown option '--json'");
    row("show without ID", { QStringLiteral("show") }, "missing arguments (expected ID)");
    row("show two IDs", { QStringLiteral("show"), QStringLiteral("a"), QStringLiteral("b") },
        "unexpected argument 'b'");
    row("show empty ID", { QStringLiteral("show"), QString() }, "not a session ID");
    row("set without value", { QStringLiteral("set"), QStringLiteral("a"), QStringLiteral("k") },
        "missing arguments (expected ID KEY JSON_VALUE)");
    row("set bad JSON",
        { QStringLiteral("set"), QStringLiteral("a"), QStringLiteral("k"),
          QStringLiteral("alice") },
        "JSON_VALUE is not JSON");
    row("set trailing JSON",
        { QStringLiteral("set"), QStringLiteral("a"), QStringLiteral("k"), QStringLiteral("1 2") },
        "JSON_VALUE is not JSON");
    row("expire without seconds", { QStringLiteral("expire"), QStringLiteral("a") },
        "missing arguments (expected ID SECONDS)");
    row("expire text", { QStringLiteral("expire"), QStringLiteral("a"), QStringLiteral("soon") },
        "SECONDS must be a positive integer");
    row("expire zero", { QStringLiteral("expire"), QStringLiteral("a"), QStringLiteral("0") },
        "SECONDS must be a positive integer");
    row("expire negative", { QStringLiteral("expire"), QStringLiteral("a"), QStringLiteral("-5") },
        "SECONDS must be a positive integer");
    row("persist without ID", { QStringLiteral("persist") }, "missing arguments (expected ID)");
    row("delete without IDs", { QStringLiteral("delete") }, "missing arguments (expected ID...)");
    row("unknown serializer",
        { QStringLiteral("count"), QStringLiteral("--serializer"), QStringLiteral("xml") },
        "unknown serializer 'xml' (known: datastream, json, gob)");
    row("bad URL", { QStringLiteral("count"), QStringLiteral("--url"), QStringLiteral("http://x") },
        "--url: ");
    row("option without value", { QStringLiteral("count"), QStringLiteral("--prefix") },
        "option '--prefix' needs a value");
}

void tst_RedistoreSessions::badArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    // A refused --url would fail with 1: bad arguments are found before any connection.
    const Run run = redistore(QStringList { QStringLiteral("sessions") } + arguments);
    QVERIFY2(run.exitCode == 2, qPrintable(dump(run)));
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.contains("Usage: redistore sessions"), run.err.constData());
    QVERIFY2(run.err.contains(message.toUtf8()), run.err.constData());
}

void tst_RedistoreSessions::sessionsOfAUser()
{
    put(QStringLiteral("A1"), QStringLiteral("gob"),
        { { QStringLiteral("user"), QStringLiteral("alice") } }, 600);
    put(QStringLiteral("A2"), QStringLiteral("json"),
        { { QStringLiteral("user"), QStringLiteral("alice") }, { QStringLiteral("n"), 2 } }, 600);
    put(QStringLiteral("B1"), QStringLiteral("gob"),
        { { QStringLiteral("user"), QStringLiteral("bob") } }, 600);
    index(QStringLiteral("alice"), QStringLiteral("A1"));
    index(QStringLiteral("alice"), QStringLiteral("A2"));
    index(QStringLiteral("alice"), QStringLiteral("GONE")); // its session expired
    index(QStringLiteral("bob"), QStringLiteral("B1"));

    Run run = sessions({ QStringLiteral("user"), QStringLiteral("alice") });
    QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));
    const QList<QByteArray> lines = run.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    QVERIFY(lines.at(0).startsWith("A1 ") || lines.at(1).startsWith("A1 "));
    QVERIFY2(run.out.contains("user=\"alice\""), run.out.constData());
    QVERIFY2(run.out.contains("n=2"), run.out.constData());
    QVERIFY(!run.out.contains("GONE"));

    run = sessions({ QStringLiteral("user"), QStringLiteral("alice"), QStringLiteral("--json") });
    QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));
    QCOMPARE(parseJson(run.out).toArray().size(), 2);

    // Nobody: nothing printed, success.
    run = sessions({ QStringLiteral("user"), QStringLiteral("carol") });
    QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));
    QCOMPARE(run.out, QByteArray());
    QCOMPARE(sessions({ QStringLiteral("user") }).exitCode, 2);
}

void tst_RedistoreSessions::revokeUser()
{
    put(QStringLiteral("A1"), QStringLiteral("gob"),
        { { QStringLiteral("user"), QStringLiteral("alice") } }, 600);
    put(QStringLiteral("A2"), QStringLiteral("gob"),
        { { QStringLiteral("user"), QStringLiteral("alice") } }, 600);
    put(QStringLiteral("B1"), QStringLiteral("gob"),
        { { QStringLiteral("user"), QStringLiteral("bob") } }, 600);
    index(QStringLiteral("alice"), QStringLiteral("A1"));
    index(QStringLiteral("alice"), QStringLiteral("A2"));
    index(QStringLiteral("bob"), QStringLiteral("B1"));
    Run run = sessions({ QStringLiteral("revoke-user"), QStringLiteral("alice") });
    QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));
    QCOMPARE(run.out, QByteArray("2\n"));
    QVERIFY(!exists(QStringLiteral("A1")));
    QVERIFY(!exists(QStringLiteral("A2")));
    QVERIFY(exists(QStringLiteral("B1")));
    run = sessions({ QStringLiteral("revoke-user"), QStringLiteral("alice") });
    QCOMPARE(run.out, QByteArray("0\n"));
    QCOMPARE(run.exitCode, 0);
}

QTEST_GUILESS_MAIN(tst_RedistoreSessions)
#include "tst_redistoresessions.moc"
