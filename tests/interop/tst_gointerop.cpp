#include <libredistore/serializer/sessionserializer.h>
#include <libredistore/session/redisstore.h>

#include "asyncwait.h"
#include "redisserver.h"

#include <QtCore/QDeadlineTimer>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>
#include <QtTest/QTest>

#include <algorithm>
#include <cmath>

using namespace RediStore;
using namespace RediStore::Test;

namespace {

const QByteArray hashKey("0123456789abcdef0123456789abcdef");
const QByteArray newHashKey("fedcba9876543210fedcba9876543210");
const QByteArray newBlockKey("new-aes-key-16by");
const qint64 thirtyDays = 86400 * 30;

// One run of the Go helper: its JSON report, or why it failed.
struct GoRun
{
    QJsonObject report;
    QString failure;

    bool ok() const { return failure.isEmpty(); }
    QString id() const { return report.value(QLatin1String("id")).toString(); }
    bool isNew() const { return report.value(QLatin1String("isNew")).toBool(); }
    QString loadError() const { return report.value(QLatin1String("loadError")).toString(); }
    QString saveError() const { return report.value(QLatin1String("saveError")).toString(); }
    QByteArray setCookie() const
    {
        return report.value(QLatin1String("setCookie")).toString().toUtf8();
    }
};

// The Cookie header a browser sends back for a Set-Cookie line: "name=value".
QByteArray cookieFrom(const QByteArray &setCookie)
{
    const qsizetype end = setCookie.indexOf(';');
    return end < 0 ? setCookie : setCookie.left(end);
}

// Doubles print the same on both sides: integral ones as integers, others in the shortest
// form that reads back exactly (as Go's strconv does).
QString numberText(double d)
{
    if (std::isfinite(d) && d == std::trunc(d) && std::fabs(d) < 1e17)
        return QString::number(static_cast<qint64>(d));
    return QString::number(d, 'g', QLocale::FloatingPointShortest);
}

QString quoted(const QString &text)
{
    return QLatin1Char('"') + text + QLatin1Char('"');
}

// A Go value as the helper reports it, in Go's words: int(42), string("a"),
// []interface {}{...}, map[string]interface {}{"k": ...} (keys sorted).
QString goText(const QJsonValue &node)
{
    const QJsonObject object = node.toObject();
    const QString type = object.value(QLatin1String("type")).toString();
    const QJsonValue value = object.value(QLatin1String("value"));
    if (type == QLatin1String("nil"))
        return type;
    if (type == QLatin1String("[]interface {}")) {
        QStringList parts;
        for (const QJsonValue &element : value.toArray())
            parts << goText(element);
        return type + QLatin1Char('{') + parts.join(QLatin1String(", ")) + QLatin1Char('}');
    }
    if (type == QLatin1String("map[string]interface {}")) {
        const QJsonObject map = value.toObject();
        QStringList keys = map.keys();
        std::sort(keys.begin(), keys.end());
        QStringList parts;
        for (const QString &key : std::as_const(keys))
            parts << quoted(key) + QLatin1String(": ") + goText(map.value(key));
        return type + QLatin1Char('{') + parts.join(QLatin1String(", ")) + QLatin1Char('}');
    }
    if (type == QLatin1String("string") || type == QLatin1String("[]uint8")) // []uint8: base64
        return type + QLatin1Char('(') + quoted(value.toString()) + QLatin1Char(')');
    if (type == QLatin1String("bool"))
        return type + (value.toBool() ? QLatin1String("(true)") : QLatin1String("(false)"));
    if (type == QLatin1String("float64") || type == QLatin1String("float32"))
        return type + QLatin1Char('(') + numberText(value.toDouble()) + QLatin1Char(')');
    return type + QLatin1Char('(') + value.toString() + QLatin1Char(')'); // integers: decimal text
}

// A Qt value in the same style: qlonglong(42), QString("a"), QVariantList{...}.
QString qtText(const QVariant &value)
{
    if (!value.isValid())
        return QStringLiteral("invalid");
    switch (value.typeId()) {
    case QMetaType::QString:
        return QLatin1String("QString(") + quoted(value.toString()) + QLatin1Char(')');
    case QMetaType::QByteArray:
        return QLatin1String("QByteArray(")
            + quoted(QString::fromLatin1(value.toByteArray().toBase64())) + QLatin1Char(')');
    case QMetaType::Bool:
        return value.toBool() ? QStringLiteral("bool(true)") : QStringLiteral("bool(false)");
    case QMetaType::Double:
        return QLatin1String("double(") + numberText(value.toDouble()) + QLatin1Char(')');
    case QMetaType::QVariantList: {
        QStringList parts;
        const QVariantList list = value.toList();
        for (const QVariant &element : list)
            parts << qtText(element);
        return QLatin1String("QVariantList{") + parts.join(QLatin1String(", ")) + QLatin1Char('}');
    }
    case QMetaType::QVariantMap: {
        QStringList parts;
        const QVariantMap map = value.toMap();
        for (auto it = map.cbegin(); it != map.cend(); ++it)
            parts << quoted(it.key()) + QLatin1String(": ") + qtText(it.value());
        return QLatin1String("QVariantMap{") + parts.join(QLatin1String(", ")) + QLatin1Char('}');
    }
    default:
        return QString::fromLatin1(value.metaType().name()) + QLatin1Char('(') + value.toString()
            + QLatin1Char(')');
    }
}

// "key: text" for every value, sorted, so that a QCOMPARE names the first difference.
QStringList goValues(const GoRun &run)
{
    const QJsonObject values = run.report.value(QLatin1String("values")).toObject();
    QStringList lines;
    for (auto it = values.constBegin(); it != values.constEnd(); ++it)
        lines << it.key() + QLatin1String(": ") + goText(it.value());
    lines.sort();
    return lines;
}

QStringList qtValues(const Session &session)
{
    QStringList lines;
    const QVariantMap values = session.values();
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        lines << it.key() + QLatin1String(": ") + qtText(it.value());
    lines.sort();
    return lines;
}

QStringList sorted(QStringList lines)
{
    lines.sort();
    return lines;
}

QString goHelperPath()
{
    const QString fromEnvironment = qEnvironmentVariable("REDISTORE_GOHELPER");
    return fromEnvironment.isEmpty() ? QStringLiteral(REDISTORE_GOHELPER) : fromEnvironment;
}

} // namespace

// Go's real session store (boj/redistore v1.2 with gorilla/sessions and securecookie, as
// Debian ships them, driven by tests/interop/gohelper) and our RedisStore share one Redis and
// one cookie: each side reads what the other wrote, changes it, and the other side sees the
// change, with the gob and the JSON serializer, signed only and encrypted.
class tst_GoInterop : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void goWritesQtReadsAndChanges_data() { rows(); }
    void goWritesQtReadsAndChanges();
    void qtWritesGoReadsAndChanges_data() { rows(); }
    void qtWritesGoReadsAndChanges();
    void qtDeletesGoSession_data() { rows(); }
    void qtDeletesGoSession();
    void goDeletesQtSession_data() { rows(); }
    void goDeletesQtSession();
    void keyRotationAcrossLanguages_data() { rows(); }
    void keyRotationAcrossLanguages();
    void browserSessionCookieFromQt_data() { rows(); }
    void browserSessionCookieFromQt();
    void qtWritesTheBytesGoWrites_data();
    void qtWritesTheBytesGoWrites();
    void serializerMismatchIsATypedError_data() { rows(); }
    void serializerMismatchIsATypedError();

private:
    void rows();
    bool isGob() const;
    QByteArray blockKey() const;
    QString serializer() const;
    std::unique_ptr<RedisStore> qtStore(const KeyRing &keys, const QString &serializer);
    std::unique_ptr<RedisStore> qtStore(const KeyRing &keys) { return qtStore(keys, serializer()); }
    std::unique_ptr<RedisStore> qtStore()
    {
        return qtStore(KeyRing::keys({ hashKey, blockKey() }));
    }
    QStringList goKeyArgs(const QList<QByteArray> &hashAndBlockKeys) const;
    GoRun go(const QStringList &keyArgs, const QStringList &command);
    GoRun go(const QStringList &command) { return go(goKeyArgs({ hashKey, blockKey() }), command); }
    SessionLoadResult qtLoad(RedisStore &store, const QByteArray &name, const QByteArray &cookie);
    SessionSaveResult qtSave(RedisStore &store, const Session &session);
    QVariant redis(const QByteArrayList &command) const { return m_server.command(command); }

    RedisServer m_server;
    QString m_goHelper;
};

void tst_GoInterop::rows()
{
    QTest::addColumn<QString>("serializer");
    QTest::addColumn<QByteArray>("blockKey");
    QTest::newRow("gob, signed") << QStringLiteral("gob") << QByteArray();
    QTest::newRow("gob, AES-128") << QStringLiteral("gob") << QByteArray("0123456789ABCDEF");
    QTest::newRow("gob, AES-256") << QStringLiteral("gob")
                                  << QByteArray("0123456789ABCDEF0123456789ABCDEF");
    QTest::newRow("json, signed") << QStringLiteral("json") << QByteArray();
    QTest::newRow("json, AES-192")
        << QStringLiteral("json") << QByteArray("0123456789ABCDEF01234567");
}

QString tst_GoInterop::serializer() const
{
    QFETCH(QString, serializer);
    return serializer;
}

bool tst_GoInterop::isGob() const
{
    return serializer() == QLatin1String("gob");
}

QByteArray tst_GoInterop::blockKey() const
{
    QFETCH(QByteArray, blockKey);
    return blockKey;
}

void tst_GoInterop::initTestCase()
{
    m_goHelper = goHelperPath();
    if (m_goHelper.isEmpty())
        QSKIP("the Go helper was not built: configuring found no go command or no "
              "github.com/boj/redistore (apt-get install golang-go "
              "golang-github-boj-redistore-dev, then configure again)");
    QVERIFY2(QFileInfo(m_goHelper).isExecutable(),
             qPrintable(QStringLiteral("the Go helper %1 is missing (build the "
                                       "redistore_gohelper target)")
                            .arg(m_goHelper)));
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
}

std::unique_ptr<RedisStore> tst_GoInterop::qtStore(const KeyRing &keys, const QString &serializer)
{
    auto store = RedisStore::create(
        keys,
        { withAddress(QStringLiteral("tcp"), QStringLiteral("127.0.0.1:%1").arg(m_server.port())),
          withSerializer(SessionSerializer::byName(serializer)) });
    if (!store.ok()) {
        qWarning("%s", qPrintable(store.error().message()));
        return nullptr;
    }
    return std::move(store).value();
}

QStringList tst_GoInterop::goKeyArgs(const QList<QByteArray> &hashAndBlockKeys) const
{
    QStringList args;
    for (qsizetype i = 0; i < hashAndBlockKeys.size(); ++i) {
        args << (i % 2 == 0 ? QStringLiteral("-hash") : QStringLiteral("-block"))
             << QString::fromLatin1(hashAndBlockKeys.at(i).toHex());
    }
    return args;
}

GoRun tst_GoInterop::go(const QStringList &keyArgs, const QStringList &command)
{
    QProcess process;
    process.setProgram(m_goHelper);
    process.setArguments(QStringList { QStringLiteral("-redis"),
                                       QStringLiteral("127.0.0.1:%1").arg(m_server.port()),
                                       QStringLiteral("-serializer"), serializer() }
                         + keyArgs + command);
    process.start();
    // The event loop keeps running meanwhile, so the Qt store's connections stay serviced.
    const QDeadlineTimer deadline(30000);
    while (process.state() != QProcess::NotRunning && !deadline.hasExpired())
        QTest::qWait(5);
    GoRun run;
    const QString commandLine = process.arguments().join(QLatin1Char(' '));
    if (process.error() == QProcess::FailedToStart) {
        run.failure = QStringLiteral("cannot start %1: %2").arg(m_goHelper, process.errorString());
        return run;
    }
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished();
        run.failure = QStringLiteral("timed out: ") + commandLine;
        return run;
    }
    const QByteArray out = process.readAllStandardOutput().trimmed();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        run.failure = QStringLiteral("gohelper %1 failed (%2): %3")
                          .arg(commandLine)
                          .arg(process.exitCode())
                          .arg(QString::fromUtf8(process.readAllStandardError()));
        return run;
    }
    // The report is the last line (redistore's JSONSerializer prints its errors unterminated).
    QJsonParseError parseError;
    const QJsonDocument report
        = QJsonDocument::fromJson(out.mid(out.lastIndexOf('\n') + 1), &parseError);
    if (!report.isObject()) {
        run.failure = QStringLiteral("gohelper printed no report: ") + QString::fromUtf8(out);
        return run;
    }
    run.report = report.object();
    return run;
}

SessionLoadResult tst_GoInterop::qtLoad(RedisStore &store, const QByteArray &name,
                                        const QByteArray &cookie)
{
    const QByteArrayList cookies = cookie.isEmpty() ? QByteArrayList() : QByteArrayList { cookie };
    return waitFor(store.load(name, cookies))
        .value_or(SessionLoadResult { Session(),
                                      SessionError(SessionError::Code::RedisUnavailable,
                                                   QStringLiteral("the load never completed")) });
}

SessionSaveResult tst_GoInterop::qtSave(RedisStore &store, const Session &session)
{
    return waitFor(store.save(session))
        .value_or(SessionSaveResult { SessionError(SessionError::Code::RedisUnavailable,
                                                   QStringLiteral("the save never completed")),
                                      {} });
}

void tst_GoInterop::goWritesQtReadsAndChanges()
{
    const bool gob = isGob();
    // Gob keeps Go's int; JSON turns every number into float64 (Go) / double (Qt).
    const auto qtInt = [gob](const char *digits) -> QString {
        return (gob ? QLatin1String("qlonglong(") : QLatin1String("double("))
            + QLatin1String(digits) + QLatin1Char(')');
    };
    const auto goInt = [gob](const char *digits) -> QString {
        return (gob ? QLatin1String("int(") : QLatin1String("float64(")) + QLatin1String(digits)
            + QLatin1Char(')');
    };
    const QString text = QStringLiteral("Grüße <&> ✓ 😀 \"quoted\"");

    // Go: a new session with every kind of value redistore users keep, and a flash.
    const GoRun written
        = go({ QStringLiteral("write"),
               QStringLiteral("-name"),
               QStringLiteral("my-session"),
               QStringLiteral("-set"),
               QStringLiteral("user=alice"),
               QStringLiteral("-int"),
               QStringLiteral("count=42"),
               QStringLiteral("-int"),
               QStringLiteral("negative=-7"),
               QStringLiteral("-int"),
               QStringLiteral("big=9007199254740993"),
               QStringLiteral("-float"),
               QStringLiteral("ratio=3.5"),
               QStringLiteral("-float"),
               QStringLiteral("sum=0.30000000000000004"),
               QStringLiteral("-bool"),
               QStringLiteral("admin=true"),
               QStringLiteral("-set"),
               QStringLiteral("text=") + text,
               QStringLiteral("-json"),
               QStringLiteral("tags=[\"go\",2,true,1.5]"),
               QStringLiteral("-json"),
               QStringLiteral("profile={\"name\":\"Alice\",\"age\":30,\"langs\":[\"go\",\"c++\"]}"),
               QStringLiteral("-flash"),
               QStringLiteral("from go") });
    QVERIFY2(written.ok(), qPrintable(written.failure));
    QVERIFY2(written.saveError().isEmpty(), qPrintable(written.saveError()));
    QVERIFY(written.setCookie().startsWith("my-session="));
    QCOMPARE(written.id().size(), 52);

    // Qt reads it with the cookie Go set.
    auto store = qtStore();
    QVERIFY(store);
    SessionLoadResult loaded = qtLoad(*store, "my-session", cookieFrom(written.setCookie()));
    QVERIFY2(!loaded.error.isError(), qPrintable(loaded.error.message()));
    QVERIFY(!loaded.session.isNew());
    QCOMPARE(loaded.session.id(), written.id());
    QCOMPARE(loaded.session.flashes(), QVariantList { QStringLiteral("from go") });
    const QStringList expectedInQt = sorted(
        { QStringLiteral("admin: bool(true)"),
          QStringLiteral("big: ") + qtInt(gob ? "9007199254740993" : "9007199254740992"),
          QStringLiteral("count: ") + qtInt("42"), QStringLiteral("negative: ") + qtInt("-7"),
          QStringLiteral("profile: QVariantMap{\"age\": ") + qtInt("30")
              + QStringLiteral(", \"langs\": QVariantList{QString(\"go\"), "
                               "QString(\"c++\")}, \"name\": QString(\"Alice\")}"),
          QStringLiteral("ratio: double(3.5)"), QStringLiteral("sum: double(0.30000000000000004)"),
          QStringLiteral("tags: QVariantList{QString(\"go\"), ") + qtInt("2")
              + QStringLiteral(", bool(true), double(1.5)}"),
          QStringLiteral("text: QString(") + quoted(text) + QLatin1Char(')'),
          QStringLiteral("user: QString(\"alice\")") });
    QCOMPARE(qtValues(loaded.session), expectedInQt);

    // Qt changes it and saves.
    Session session = loaded.session;
    session.setValue(QStringLiteral("user"), QStringLiteral("bob"));
    session.setValue(QStringLiteral("count"), qint64(43));
    session.remove(QStringLiteral("admin"));
    session.setValue(QStringLiteral("qt"), QStringLiteral("set by qt"));
    QVariantMap profile = session.value(QStringLiteral("profile")).toMap();
    profile.insert(QStringLiteral("langs"),
                   profile.value(QStringLiteral("langs")).toList() << QStringLiteral("qml"));
    session.setValue(QStringLiteral("profile"), profile);
    const SessionSaveResult saved = qtSave(*store, session);
    QVERIFY2(saved.ok(), qPrintable(saved.error.message()));
    QVERIFY(saved.setCookie.startsWith("my-session="));
    QCOMPARE(session.id(), written.id());
    // The same key and TTL rules as Go: prefix + ID, SETEX with the 30-day MaxAge.
    const QByteArray key = "session_" + written.id().toLatin1();
    const qint64 ttl = redis({ "TTL", key }).toLongLong();
    QVERIFY2(ttl > thirtyDays - 60 && ttl <= thirtyDays, qPrintable(QString::number(ttl)));

    // Go reads the change with the cookie Qt set.
    const GoRun reread
        = go({ QStringLiteral("read"), QStringLiteral("-name"), QStringLiteral("my-session"),
               QStringLiteral("-cookie"), QString::fromLatin1(cookieFrom(saved.setCookie)) });
    QVERIFY2(reread.ok(), qPrintable(reread.failure));
    QVERIFY2(reread.loadError().isEmpty(), qPrintable(reread.loadError()));
    QVERIFY(!reread.isNew());
    QCOMPARE(reread.id(), written.id());
    const QStringList expectedInGo = sorted(
        { QStringLiteral("big: ") + goInt(gob ? "9007199254740993" : "9007199254740992"),
          QStringLiteral("count: ") + goInt("43"), QStringLiteral("negative: ") + goInt("-7"),
          QStringLiteral("profile: map[string]interface {}{\"age\": ") + goInt("30")
              + QStringLiteral(", \"langs\": []interface {}{string(\"go\"), "
                               "string(\"c++\"), string(\"qml\")}, \"name\": "
                               "string(\"Alice\")}"),
          QStringLiteral("qt: string(\"set by qt\")"), QStringLiteral("ratio: float64(3.5)"),
          QStringLiteral("sum: float64(0.30000000000000004)"),
          QStringLiteral("tags: []interface {}{string(\"go\"), ") + goInt("2")
              + QStringLiteral(", bool(true), float64(1.5)}"),
          QStringLiteral("text: string(") + quoted(text) + QLatin1Char(')'),
          QStringLiteral("user: string(\"bob\")") });
    QCOMPARE(goValues(reread), expectedInGo);
}

void tst_GoInterop::qtWritesGoReadsAndChanges()
{
    const bool gob = isGob();
    const auto qtInt = [gob](const char *digits) -> QString {
        return (gob ? QLatin1String("qlonglong(") : QLatin1String("double("))
            + QLatin1String(digits) + QLatin1Char(')');
    };
    const auto goInt = [gob](const char *digits) -> QString {
        return (gob ? QLatin1String("int(") : QLatin1String("float64(")) + QLatin1String(digits)
            + QLatin1Char(')');
    };
    const QString text = QStringLiteral("Ünïcödé ✓ 😀 <&>");
    // gob: Go's []byte; json: a base64 string, as encoding/json writes []byte.
    const QByteArray raw("\x00\x01\xfe\xff", 4);

    // Qt: a new session with every value type the serializers carry, and a flash.
    auto store = qtStore();
    QVERIFY(store);
    SessionLoadResult created = qtLoad(*store, "qt-session", {});
    QVERIFY(!created.error.isError());
    QVERIFY(created.session.isNew());
    Session session = created.session;
    session.setValue(QStringLiteral("user"), QStringLiteral("carol"));
    session.setValue(QStringLiteral("count"), qint64(7));
    session.setValue(QStringLiteral("small"), 5);
    session.setValue(QStringLiteral("ratio"), 2.25);
    session.setValue(QStringLiteral("admin"), false);
    session.setValue(QStringLiteral("tags"),
                     QVariantList { QStringLiteral("x"), qint64(1), true, 0.5 });
    session.setValue(
        QStringLiteral("profile"),
        QVariantMap { { QStringLiteral("name"), QStringLiteral("Carol") },
                      { QStringLiteral("age"), qint64(41) },
                      { QStringLiteral("roles"), QVariantList { QStringLiteral("admin") } } });
    session.setValue(QStringLiteral("raw"), raw);
    session.setValue(QStringLiteral("text"), text);
    session.addFlash(QStringLiteral("from qt"));
    const SessionSaveResult saved = qtSave(*store, session);
    QVERIFY2(saved.ok(), qPrintable(saved.error.message()));
    QCOMPARE(session.id().size(), 52);

    // Go reads it with Qt's cookie, takes the flash, changes values and saves.
    const GoRun read
        = go({ QStringLiteral("read"), QStringLiteral("-name"), QStringLiteral("qt-session"),
               QStringLiteral("-cookie"), QString::fromLatin1(cookieFrom(saved.setCookie)),
               QStringLiteral("-flashes"), QStringLiteral("-set"), QStringLiteral("user=dave"),
               QStringLiteral("-int"), QStringLiteral("count=8"), QStringLiteral("-delete"),
               QStringLiteral("admin"), QStringLiteral("-json"),
               QStringLiteral("extra={\"list\":[1,2.5,\"s\"],\"on\":false}") });
    QVERIFY2(read.ok(), qPrintable(read.failure));
    QVERIFY2(read.loadError().isEmpty(), qPrintable(read.loadError()));
    QVERIFY(!read.isNew());
    QCOMPARE(read.id(), session.id());
    const QJsonArray flashes = read.report.value(QLatin1String("flashes")).toArray();
    QCOMPARE(flashes.size(), 1);
    QCOMPARE(goText(flashes.at(0)), QStringLiteral("string(\"from qt\")"));
    const QStringList expectedInGo
        = sorted({ QStringLiteral("admin: bool(false)"), QStringLiteral("count: ") + goInt("7"),
                   QStringLiteral("profile: map[string]interface {}{\"age\": ") + goInt("41")
                       + QStringLiteral(", \"name\": string(\"Carol\"), \"roles\": "
                                        "[]interface {}{string(\"admin\")}}"),
                   QStringLiteral("ratio: float64(2.25)"),
                   (gob ? QStringLiteral("raw: []uint8(\"AAH+/w==\")")
                        : QStringLiteral("raw: string(\"AAH+/w==\")")),
                   QStringLiteral("small: ") + goInt("5"),
                   QStringLiteral("tags: []interface {}{string(\"x\"), ") + goInt("1")
                       + QStringLiteral(", bool(true), float64(0.5)}"),
                   QStringLiteral("text: string(") + quoted(text) + QLatin1Char(')'),
                   QStringLiteral("user: string(\"carol\")") });
    QCOMPARE(goValues(read), expectedInGo);
    QVERIFY2(read.saveError().isEmpty(), qPrintable(read.saveError()));
    QVERIFY(read.setCookie().startsWith("qt-session="));

    // Qt reads Go's change with the cookie Go set.
    SessionLoadResult reloaded = qtLoad(*store, "qt-session", cookieFrom(read.setCookie()));
    QVERIFY2(!reloaded.error.isError(), qPrintable(reloaded.error.message()));
    QVERIFY(!reloaded.session.isNew());
    QCOMPARE(reloaded.session.id(), session.id());
    const QStringList expectedInQt
        = sorted({ QStringLiteral("count: ") + qtInt("8"),
                   QStringLiteral("extra: QVariantMap{\"list\": QVariantList{") + qtInt("1")
                       + QStringLiteral(", double(2.5), QString(\"s\")}, \"on\": "
                                        "bool(false)}"),
                   QStringLiteral("profile: QVariantMap{\"age\": ") + qtInt("41")
                       + QStringLiteral(", \"name\": QString(\"Carol\"), \"roles\": "
                                        "QVariantList{QString(\"admin\")}}"),
                   QStringLiteral("ratio: double(2.25)"),
                   (gob ? QStringLiteral("raw: QByteArray(\"AAH+/w==\")")
                        : QStringLiteral("raw: QString(\"AAH+/w==\")")),
                   QStringLiteral("small: ") + qtInt("5"),
                   QStringLiteral("tags: QVariantList{QString(\"x\"), ") + qtInt("1")
                       + QStringLiteral(", bool(true), double(0.5)}"),
                   QStringLiteral("text: QString(") + quoted(text) + QLatin1Char(')'),
                   QStringLiteral("user: QString(\"dave\")") });
    QCOMPARE(qtValues(reloaded.session), expectedInQt);
    QVERIFY(reloaded.session.flashes().isEmpty());
}

void tst_GoInterop::qtDeletesGoSession()
{
    const GoRun written
        = go({ QStringLiteral("write"), QStringLiteral("-name"), QStringLiteral("doomed"),
               QStringLiteral("-set"), QStringLiteral("user=alice") });
    QVERIFY2(written.ok(), qPrintable(written.failure));
    const QByteArray cookie = cookieFrom(written.setCookie());
    const QByteArray key = "session_" + written.id().toLatin1();
    QCOMPARE(redis({ "EXISTS", key }).toLongLong(), 1);

    auto store = qtStore();
    QVERIFY(store);
    SessionLoadResult loaded = qtLoad(*store, "doomed", cookie);
    QVERIFY2(!loaded.error.isError(), qPrintable(loaded.error.message()));
    QVERIFY(!loaded.session.isNew());
    loaded.session.setMaxAge(-1);
    const SessionSaveResult deleted = qtSave(*store, loaded.session);
    QVERIFY2(deleted.ok(), qPrintable(deleted.error.message()));
    QVERIFY2(deleted.setCookie.startsWith("doomed=;"), deleted.setCookie.constData());
    QVERIFY2(deleted.setCookie.contains("Max-Age=0"), deleted.setCookie.constData());
    QCOMPARE(redis({ "EXISTS", key }).toLongLong(), 0);

    // Go, still holding its cookie, gets a new empty session.
    const GoRun reread
        = go({ QStringLiteral("read"), QStringLiteral("-name"), QStringLiteral("doomed"),
               QStringLiteral("-cookie"), QString::fromLatin1(cookie) });
    QVERIFY2(reread.ok(), qPrintable(reread.failure));
    QVERIFY2(reread.loadError().isEmpty(), qPrintable(reread.loadError()));
    QVERIFY(reread.isNew());
    QVERIFY(goValues(reread).isEmpty());
}

void tst_GoInterop::goDeletesQtSession()
{
    // Go deletes the gorilla way, Options.MaxAge = -1 and Save; v1.2 also deletes on
    // MaxAge 0 (v2 made 0 a browser-session cookie), with a cookie that has no Max-Age.
    for (const char *maxAge : { "-1", "0" }) {
        const QByteArray context = QByteArray("Go's MaxAge ") + maxAge;
        auto store = qtStore();
        QVERIFY(store);
        Session session = store->newSession("doomed");
        session.setValue(QStringLiteral("user"), QStringLiteral("carol"));
        const SessionSaveResult saved = qtSave(*store, session);
        QVERIFY2(saved.ok(), qPrintable(saved.error.message()));
        const QByteArray cookie = cookieFrom(saved.setCookie);
        const QString oldId = session.id();
        const QByteArray key = "session_" + oldId.toLatin1();
        QCOMPARE(redis({ "EXISTS", key }).toLongLong(), 1);

        const GoRun deleted
            = go({ QStringLiteral("read"), QStringLiteral("-name"), QStringLiteral("doomed"),
                   QStringLiteral("-cookie"), QString::fromLatin1(cookie),
                   QStringLiteral("-maxage"), QString::fromLatin1(maxAge) });
        QVERIFY2(deleted.ok(), qPrintable(deleted.failure));
        QVERIFY2(!deleted.isNew(), context.constData());
        QCOMPARE(goValues(deleted), QStringList { QStringLiteral("user: string(\"carol\")") });
        QVERIFY2(deleted.saveError().isEmpty(), qPrintable(deleted.saveError()));
        QVERIFY2(deleted.setCookie().startsWith("doomed=;"), deleted.setCookie().constData());
        QVERIFY2(deleted.setCookie().contains("Max-Age") == (qstrcmp(maxAge, "-1") == 0),
                 deleted.setCookie().constData());
        QVERIFY2(redis({ "EXISTS", key }).toLongLong() == 0, context.constData());

        // Qt, still holding its cookie, gets a new empty session, and never the old ID again
        // (Go v1.2 would keep it: session fixation).
        SessionLoadResult reloaded = qtLoad(*store, "doomed", cookie);
        QVERIFY2(!reloaded.error.isError(), qPrintable(reloaded.error.message()));
        QVERIFY2(reloaded.session.isNew(), context.constData());
        QVERIFY(reloaded.session.values().isEmpty());
        reloaded.session.setValue(QStringLiteral("user"), QStringLiteral("eve"));
        QVERIFY(qtSave(*store, reloaded.session).ok());
        QVERIFY(reloaded.session.id() != oldId);
        QCOMPARE(redis({ "EXISTS", key }).toLongLong(), 0);
    }
}

void tst_GoInterop::keyRotationAcrossLanguages()
{
    // Go still signs with the old pair; Qt has rotated to a new pair and keeps the old one
    // for decoding, as securecookie.CodecsFromPairs(new..., old...) does.
    const QList<QByteArray> oldPair { hashKey, blockKey() };
    const QList<QByteArray> rotated { newHashKey, newBlockKey, hashKey, blockKey() };
    const GoRun written
        = go(goKeyArgs(oldPair),
             { QStringLiteral("write"), QStringLiteral("-name"), QStringLiteral("rotating"),
               QStringLiteral("-set"), QStringLiteral("user=alice") });
    QVERIFY2(written.ok(), qPrintable(written.failure));

    auto store = qtStore(KeyRing::keys(rotated));
    QVERIFY(store);
    SessionLoadResult loaded = qtLoad(*store, "rotating", cookieFrom(written.setCookie()));
    QVERIFY2(!loaded.error.isError(), qPrintable(loaded.error.message()));
    QVERIFY(!loaded.session.isNew());
    QCOMPARE(loaded.session.id(), written.id());
    loaded.session.setValue(QStringLiteral("user"), QStringLiteral("bob"));
    const SessionSaveResult saved = qtSave(*store, loaded.session);
    QVERIFY2(saved.ok(), qPrintable(saved.error.message()));
    const QString qtCookie = QString::fromLatin1(cookieFrom(saved.setCookie));

    // Qt's new cookie is signed with the new pair: Go with only the old pair refuses it...
    const QStringList read { QStringLiteral("read"), QStringLiteral("-name"),
                             QStringLiteral("rotating"), QStringLiteral("-cookie"), qtCookie };
    const GoRun refused = go(goKeyArgs(oldPair), read);
    QVERIFY2(refused.ok(), qPrintable(refused.failure));
    QVERIFY(refused.isNew());
    QVERIFY(!refused.loadError().isEmpty());
    // ...and Go with the rotated pairs reads the change.
    const GoRun accepted = go(goKeyArgs(rotated), read);
    QVERIFY2(accepted.ok(), qPrintable(accepted.failure));
    QVERIFY2(accepted.loadError().isEmpty(), qPrintable(accepted.loadError()));
    QVERIFY(!accepted.isNew());
    QCOMPARE(accepted.id(), written.id());
    QCOMPARE(goValues(accepted), QStringList { QStringLiteral("user: string(\"bob\")") });
}

void tst_GoInterop::browserSessionCookieFromQt()
{
    // MaxAge 0 (v2 semantics): a cookie without Expires/Max-Age and the DefaultMaxAge TTL
    // (1200 s) in Redis. Go v1.2 reads such a session; its own Save would rewrite it with its
    // 30-day default, as Go's options live in the store, not in the cookie.
    auto store = qtStore();
    QVERIFY(store);
    Session session = store->newSession("browser");
    session.setMaxAge(0);
    session.setValue(QStringLiteral("user"), QStringLiteral("carol"));
    const SessionSaveResult saved = qtSave(*store, session);
    QVERIFY2(saved.ok(), qPrintable(saved.error.message()));
    QVERIFY2(!saved.setCookie.contains("Max-Age") && !saved.setCookie.contains("Expires"),
             saved.setCookie.constData());
    const QByteArray key = "session_" + session.id().toLatin1();
    const qint64 ttl = redis({ "TTL", key }).toLongLong();
    QVERIFY2(ttl > 1190 && ttl <= 1200, qPrintable(QString::number(ttl)));

    const GoRun read
        = go({ QStringLiteral("read"), QStringLiteral("-name"), QStringLiteral("browser"),
               QStringLiteral("-cookie"), QString::fromLatin1(cookieFrom(saved.setCookie)),
               QStringLiteral("-save") });
    QVERIFY2(read.ok(), qPrintable(read.failure));
    QVERIFY2(read.loadError().isEmpty(), qPrintable(read.loadError()));
    QVERIFY(!read.isNew());
    QCOMPARE(goValues(read), QStringList { QStringLiteral("user: string(\"carol\")") });
    QVERIFY2(read.setCookie().contains("Max-Age=2592000"), read.setCookie().constData());
    QVERIFY(redis({ "TTL", key }).toLongLong() > thirtyDays - 60);
}

void tst_GoInterop::qtWritesTheBytesGoWrites_data()
{
    QTest::addColumn<QString>("serializer");
    QTest::addColumn<QByteArray>("blockKey");
    QTest::addColumn<QStringList>("goChanges");
    QTest::addColumn<QVariantMap>("qtValues");
    const auto s = [](const char *text) { return QString::fromUtf8(text); };

    // Gob: one entry per session, as Go's map order is random; each Go run is a fresh process,
    // so its type ids start at 65 as Qt's do in every value.
    QTest::newRow("gob string") << s("gob") << QByteArray()
                                << QStringList { s("-set"), s("user=alice") }
                                << QVariantMap { { s("user"), s("alice") } };
    QTest::newRow("gob int") << s("gob") << QByteArray() << QStringList { s("-int"), s("n=-7") }
                             << QVariantMap { { s("n"), qint64(-7) } };
    QTest::newRow("gob float") << s("gob") << QByteArray()
                               << QStringList { s("-float"), s("f=3.5") }
                               << QVariantMap { { s("f"), 3.5 } };
    QTest::newRow("gob bool") << s("gob") << QByteArray() << QStringList { s("-bool"), s("b=true") }
                              << QVariantMap { { s("b"), true } };
    QTest::newRow("gob list") << s("gob") << QByteArray()
                              << QStringList { s("-json"), s("l=[\"go\",2,true,1.5]") }
                              << QVariantMap { { s("l"),
                                                 QVariantList { s("go"), qint64(2), true, 1.5 } } };
    QTest::newRow("gob map") << s("gob") << QByteArray()
                             << QStringList { s("-json"), s("m={\"name\":\"A\"}") }
                             << QVariantMap { { s("m"), QVariantMap { { s("name"), s("A") } } } };
    QTest::newRow("gob list in map")
        << s("gob") << QByteArray() << QStringList { s("-json"), s("m={\"l\":[1,\"x\"]}") }
        << QVariantMap { { s("m"),
                           QVariantMap { { s("l"), QVariantList { qint64(1), s("x") } } } } };
    QTest::newRow("gob empty") << s("gob") << QByteArray() << QStringList() << QVariantMap();

    // JSON: Go sorts the keys, so a whole session compares.
    QTest::newRow("json session")
        << s("json") << QByteArray()
        << QStringList { s("-set"),   s("user=alice"),
                         s("-int"),   s("count=42"),
                         s("-int"),   s("big=9007199254740993"),
                         s("-float"), s("sum=0.30000000000000004"),
                         s("-float"), s("tiny=1e-07"),
                         s("-float"), s("huge=1e+21"),
                         s("-bool"),  s("admin=false"),
                         s("-set"),   s("html=<a href=\"x\">&</a> \u2028 Grüße 😀"),
                         s("-json"),  s("tags=[\"go\",2,true,1.5]"),
                         s("-json"),  s("profile={\"name\":\"A\",\"age\":30}") }
        << QVariantMap { { s("user"), s("alice") },
                         { s("count"), qint64(42) },
                         { s("big"), qint64(9007199254740993LL) },
                         { s("sum"), 0.30000000000000004 },
                         { s("tiny"), 1e-07 },
                         { s("huge"), 1e+21 },
                         { s("admin"), false },
                         { s("html"), s("<a href=\"x\">&</a> \u2028 Grüße 😀") },
                         { s("tags"), QVariantList { s("go"), qint64(2), true, 1.5 } },
                         { s("profile"),
                           QVariantMap { { s("name"), s("A") }, { s("age"), qint64(30) } } } };
}

void tst_GoInterop::qtWritesTheBytesGoWrites()
{
    QFETCH(QStringList, goChanges);
    QFETCH(QVariantMap, qtValues);
    const GoRun written = go(
        QStringList { QStringLiteral("write"), QStringLiteral("-name"), QStringLiteral("bytes") }
        + goChanges);
    QVERIFY2(written.ok(), qPrintable(written.failure));
    const QByteArray goBytes = redis({ "GET", "session_" + written.id().toLatin1() }).toByteArray();
    QVERIFY(!goBytes.isEmpty());

    auto store = qtStore();
    QVERIFY(store);
    Session session = store->newSession("bytes");
    if (qtValues.isEmpty()) {
        // A new session that holds nothing is not written (Go writes it): the bytes of an
        // empty session come from a stored one that was emptied.
        session.setValue(QStringLiteral("placeholder"), true);
        QVERIFY(qtSave(*store, session).ok());
        session.clear();
    }
    session.setValues(qtValues);
    const SessionSaveResult saved = qtSave(*store, session);
    QVERIFY2(saved.ok(), qPrintable(saved.error.message()));
    const QByteArray qtBytes = redis({ "GET", "session_" + session.id().toLatin1() }).toByteArray();
    if (isGob())
        QCOMPARE(qtBytes.toHex(' '), goBytes.toHex(' '));
    else
        QCOMPARE(qtBytes, goBytes);
}

void tst_GoInterop::serializerMismatchIsATypedError()
{
    // A Qt service configured for the other serializer than the Go service gets a typed
    // error and a new session, and the Go data stays as it was.
    const GoRun written
        = go({ QStringLiteral("write"), QStringLiteral("-name"), QStringLiteral("mismatch"),
               QStringLiteral("-set"), QStringLiteral("user=alice") });
    QVERIFY2(written.ok(), qPrintable(written.failure));
    const QByteArray key = "session_" + written.id().toLatin1();
    const QVariant before = redis({ "GET", key });

    auto store = qtStore(KeyRing::keys({ hashKey, blockKey() }),
                         isGob() ? QStringLiteral("json") : QStringLiteral("gob"));
    QVERIFY(store);
    const SessionLoadResult loaded = qtLoad(*store, "mismatch", cookieFrom(written.setCookie()));
    QCOMPARE(loaded.error.code(), SessionError::Code::CorruptData);
    QVERIFY(loaded.session.isNew());
    QVERIFY(loaded.session.values().isEmpty());
    QCOMPARE(redis({ "GET", key }), before);
}

QTEST_GUILESS_MAIN(tst_GoInterop)
#include "tst_gointerop.moc"
