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

// The environment of a user's shell: nothing that points into the build tree.
QProcessEnvironment userEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("LD_LIBRARY_PATH"));
    environment.remove(QStringLiteral("QML_IMPORT_PATH"));
    environment.remove(QStringLiteral("QML2_IMPORT_PATH"));
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
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
    // Copied elsewhere with its lib folder, the prefix still runs: nothing names the prefix.
    const QString moved = m_dir.filePath(u"moved"_s);
    QVERIFY(QDir().rename(m_dir.filePath(u"prefix"_s), moved));
    const Run run = runProgram(moved + u"/bin/redistore"_s, { QStringLiteral("--version") }, {},
                               60000, userEnvironment());
    QVERIFY(QDir().rename(moved, m_dir.filePath(u"prefix"_s)));
    QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));
    QVERIFY2(run.out.contains(REDISTORE_VERSION), qPrintable(dump(run)));
}

void tst_Install::installedExampleBuildsWithCMake()
{
    const QString source = prefixPath(u"share/doc/redistore/examples/redis-client"_s);
    QVERIFY2(QFileInfo::exists(source + u"/CMakeLists.txt"_s), qPrintable(source));
    QVERIFY(QFileInfo::exists(prefixPath(u"share/doc/redistore/examples/quickstart/main.cpp"_s)));
    const QString build = m_dir.filePath(u"example-build"_s);
    const Run configure = cmake({ u"-S"_s, source, u"-B"_s, build,
                                  u"-DCMAKE_PREFIX_PATH="_s + m_dir.filePath(u"prefix"_s) });
    QVERIFY2(configure.exitCode == 0, qPrintable(dump(configure)));
    const Run compile = cmake({ u"--build"_s, build });
    QVERIFY2(compile.exitCode == 0, qPrintable(dump(compile)));

    const Run run = runProgram(build + u"/redistore-example-client"_s, { m_redis.url(3) }, {},
                               60000, userEnvironment());
    QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));
    QVERIFY2(run.out.contains("GET redistore:example:greeting -> \"hello from Qt\""),
             qPrintable(dump(run)));
}

void tst_Install::consumerBuildsWithPkgConfig()
{
    QProcessEnvironment environment = userEnvironment();
    environment.insert(u"PKG_CONFIG_PATH"_s, m_libDir + u"/pkgconfig"_s);
    const Run version = runProgram(u"pkg-config"_s, { u"--modversion"_s, u"redistore"_s }, {},
                                   60000, environment);
    QVERIFY2(version.exitCode == 0, qPrintable(dump(version)));
    QCOMPARE(version.out.trimmed(), QByteArray(REDISTORE_VERSION));
    const Run flags = runProgram(u"pkg-config"_s, { u"--cflags"_s, u"--libs"_s, u"redistore"_s },
                                 {}, 60000, environment);
    QVERIFY2(flags.exitCode == 0, qPrintable(dump(flags)));
    QVERIFY2(flags.out.contains(QDir(m_libDir).canonicalPath().toUtf8())
                 || flags.out.contains(m_libDir.toUtf8()),
             flags.out.constData());

    const QString consumer = m_dir.filePath(u"consumer"_s);
    QStringList arguments { u"-std=c++17"_s, QStringLiteral(REDISTORE_CONSUMER_SOURCE), u"-o"_s,
                            consumer, u"-Wl,-rpath,"_s + m_libDir };
    arguments += QString::fromUtf8(flags.out.trimmed()).split(u' ', Qt::SkipEmptyParts);
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
    // found, a later minor version is not (0.x may change the API between minor versions).
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

    const Run later = cmake(
        { u"-S"_s, source, u"-B"_s, m_dir.filePath(u"consumer-later"_s), prefix, u"-DWANT=0.3"_s });
    QVERIFY2(later.exitCode != 0, qPrintable(dump(later)));
    QVERIFY2(later.err.contains("0.3") || later.out.contains("0.3"), qPrintable(dump(later)));
}

QTEST_GUILESS_MAIN(tst_Install)
#include "tst_install.moc"
