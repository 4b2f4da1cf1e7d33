// What a user gets from `cmake --install build --prefix P`: the programs start from P as they
// are, an installed example builds with CMake against the package and runs, and a consumer
// builds with pkg-config and runs. Nothing from the build tree is used after the install.

#include <redisserver.h>
#include <runprogram.h>

#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QProcessEnvironment>
#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

using RediStore::Test::dump;
using RediStore::Test::RedisServer;
using RediStore::Test::Run;
using RediStore::Test::runProgram;
using namespace Qt::StringLiterals;

namespace {

const int buildTimeoutMs = 300000;

// What a consumer of this build adds to its compiler's flags (a sanitizer build's runtime).
QStringList consumerFlags()
{
    return QStringLiteral(REDISTORE_CONSUMER_FLAGS).split(u' ', Qt::SkipEmptyParts);
}

// The environment of a user's shell: nothing that points into the build tree.
QProcessEnvironment userEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("LD_LIBRARY_PATH"));
    environment.remove(QStringLiteral("QML_IMPORT_PATH"));
    environment.remove(QStringLiteral("QML2_IMPORT_PATH"));
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    // CMake takes a first configure's flags from these.
    if (!consumerFlags().isEmpty()) {
        environment.insert(QStringLiteral("CXXFLAGS"), consumerFlags().join(u' '));
        environment.insert(QStringLiteral("LDFLAGS"), consumerFlags().join(u' '));
    }
    return environment;
}

} // namespace

class tst_Install : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void programsStartFromThePrefix_data();
    void programsStartFromThePrefix();
    void programsHaveARelativeRunpath();
    void installedExampleBuildsWithCMake();
    void consumerBuildsWithPkgConfig();
    void findPackageChecksTheVersion();

private:
    QString prefixPath(const QString &relative) const
    {
        return m_dir.filePath(u"prefix/"_s + relative);
    }
    Run cmake(const QStringList &arguments) const;

    QTemporaryDir m_dir;
    RedisServer m_redis;
    QString m_libDir;
};

Run tst_Install::cmake(const QStringList &arguments) const
{
    return runProgram(QStringLiteral(REDISTORE_CMAKE), arguments, {}, buildTimeoutMs,
                      userEnvironment());
}

void tst_Install::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_redis.start(), qPrintable(m_redis.errorString()));
    const Run install = cmake({ QStringLiteral("--install"), QStringLiteral(REDISTORE_BUILD_DIR),
                                QStringLiteral("--prefix"), m_dir.filePath(u"prefix"_s) });
    QVERIFY2(install.exitCode == 0, qPrintable(dump(install)));
    m_libDir = prefixPath(QStringLiteral(REDISTORE_INSTALL_LIBDIR));
    QVERIFY(QFileInfo::exists(m_libDir + u"/libredistore.so"_s));
}

void tst_Install::programsStartFromThePrefix_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QByteArray>("usage");
    QTest::newRow("redistore") << u"redistore"_s << QByteArray("Usage: redistore");
#ifdef REDISTORE_HAVE_GUI
    QTest::newRow("redistore-admin") << u"redistore-admin"_s << QByteArray("redistore-admin");
#endif
#ifdef REDISTORE_HAVE_QML
    QTest::newRow("redistore-qml") << u"redistore-qml"_s << QByteArray("Usage: redistore-qml");
#endif
}

void tst_Install::programsStartFromThePrefix()
{
    QFETCH(QString, program);
    QFETCH(QByteArray, usage);
    const QString path = prefixPath(u"bin/"_s + program);
    QVERIFY2(QFileInfo(path).isExecutable(), qPrintable(path));
    const Run run = runProgram(path, { QStringLiteral("--help") }, {}, 60000, userEnvironment());
    QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));
    QVERIFY2(run.out.contains(usage) || run.err.contains(usage), qPrintable(dump(run)));
}

void tst_Install::programsHaveARelativeRunpath()
{
    // Moved elsewhere as a whole, the prefix still runs: nothing in it names where it was.
    const QString moved = m_dir.filePath(u"moved"_s);
    QVERIFY(QDir().rename(m_dir.filePath(u"prefix"_s), moved));
    QList<Run> runs;
    const QStringList programs = QDir(moved + u"/bin"_s).entryList(QDir::Files);
    for (const QString &program : programs) {
        runs << runProgram(moved + u"/bin/"_s + program, { QStringLiteral("--version") }, {}, 60000,
                           userEnvironment());
    }
    QVERIFY(QDir().rename(moved, m_dir.filePath(u"prefix"_s)));
    QVERIFY(!runs.isEmpty());
    for (const Run &run : std::as_const(runs)) {
        QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));
        QVERIFY2(run.out.contains(REDISTORE_VERSION), qPrintable(dump(run)));
    }
}

void tst_Install::installedExampleBuildsWithCMake()
{
    const QString examples = prefixPath(u"share/doc/redistore/examples/"_s);
    const QString prefix = u"-DCMAKE_PREFIX_PATH="_s + m_dir.filePath(u"prefix"_s);
    for (const QString &example : { u"redis-client"_s, u"quickstart"_s }) {
        const QString build = m_dir.filePath(u"example-"_s + example);
        const Run configure = cmake({ u"-S"_s, examples + example, u"-B"_s, build, prefix });
        QVERIFY2(configure.exitCode == 0, qPrintable(dump(configure)));
        const Run compile = cmake({ u"--build"_s, build });
        QVERIFY2(compile.exitCode == 0, qPrintable(dump(compile)));
    }

    // The plain client against a real Redis; the HTTP quick start (RediStore::Http) starts.
    const Run client
        = runProgram(m_dir.filePath(u"example-redis-client/redistore-example-client"_s),
                     { m_redis.url(3) }, {}, 60000, userEnvironment());
    QVERIFY2(client.exitCode == 0, qPrintable(dump(client)));
    QVERIFY2(client.out.contains("GET redistore:example:greeting -> \"hello from Qt\""),
             qPrintable(dump(client)));
    const Run quickstart
        = runProgram(m_dir.filePath(u"example-quickstart/redistore-example-quickstart"_s),
                     { u"--help"_s }, {}, 60000, userEnvironment());
    QVERIFY2(quickstart.exitCode == 0, qPrintable(dump(quickstart)));
    QVERIFY2(quickstart.out.contains("--redis-address"), qPrintable(dump(quickstart)));
}

void tst_Install::consumerBuildsWithPkgConfig()
{
    QProcessEnvironment environment = userEnvironment();
    environment.insert(u"PKG_CONFIG_PATH"_s, m_libDir + u"/pkgconfig"_s);
    const auto pkgConfig = [&environment](const QStringList &arguments) {
        return runProgram(u"pkg-config"_s, arguments, {}, 60000, environment);
    };
    for (const QString &package : { u"redistore"_s, u"redistore-http"_s }) {
        const Run version = pkgConfig({ u"--modversion"_s, package });
        QVERIFY2(version.exitCode == 0, qPrintable(dump(version)));
        QCOMPARE(version.out.trimmed(), QByteArray(REDISTORE_VERSION));
        // The .pc file finds the prefix from its own folder.
        const Run libdir = pkgConfig({ u"--variable=libdir"_s, package });
        QCOMPARE(QDir::cleanPath(QString::fromUtf8(libdir.out.trimmed())), m_libDir);
    }
    const Run flags = pkgConfig({ u"--cflags"_s, u"--libs"_s, u"redistore"_s });
    QVERIFY2(flags.exitCode == 0, qPrintable(dump(flags)));

    const QString consumer = m_dir.filePath(u"consumer"_s);
    QStringList arguments { u"-std=c++17"_s, QStringLiteral(REDISTORE_CONSUMER_SOURCE), u"-o"_s,
                            consumer, u"-Wl,-rpath,"_s + m_libDir };
    arguments += QString::fromUtf8(flags.out.trimmed()).split(u' ', Qt::SkipEmptyParts);
    arguments += consumerFlags();
    const Run compile
        = runProgram(QStringLiteral(REDISTORE_CXX), arguments, {}, buildTimeoutMs, environment);
    QVERIFY2(compile.exitCode == 0, qPrintable(dump(compile)));
    const Run run = runProgram(consumer, {}, {}, 60000, userEnvironment());
    QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));
    QVERIFY2(run.out.startsWith("RediStore " REDISTORE_VERSION), qPrintable(dump(run)));
}

void tst_Install::findPackageChecksTheVersion()
{
    // The consumer project asks for find_package(RediStore ${WANT}): the version installed is
    // found, an earlier or later minor version is not (0.x changes its API between minors).
    const QString prefix = u"-DCMAKE_PREFIX_PATH="_s + m_dir.filePath(u"prefix"_s);
    const QString source = QStringLiteral(REDISTORE_CONSUMER_PROJECT);
    const Run found = cmake(
        { u"-S"_s, source, u"-B"_s, m_dir.filePath(u"consumer-ok"_s), prefix, u"-DWANT=0.2"_s });
    QVERIFY2(found.exitCode == 0, qPrintable(dump(found)));
    const Run compile = cmake({ u"--build"_s, m_dir.filePath(u"consumer-ok"_s) });
    QVERIFY2(compile.exitCode == 0, qPrintable(dump(compile)));
    const Run run
        = runProgram(m_dir.filePath(u"consumer-ok/consumer"_s), {}, {}, 60000, userEnvironment());
    QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));

    for (const QString &other : { u"0.1"_s, u"0.3"_s }) {
        const Run refused
            = cmake({ u"-S"_s, source, u"-B"_s, m_dir.filePath(u"consumer-"_s + other), prefix,
                      u"-DWANT="_s + other });
        QVERIFY2(refused.exitCode != 0, qPrintable(dump(refused)));
        QVERIFY2(refused.err.contains(REDISTORE_VERSION), qPrintable(dump(refused)));
    }
}

QTEST_GUILESS_MAIN(tst_Install)
#include "tst_install.moc"
