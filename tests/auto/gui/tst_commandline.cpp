// redistore-admin's command line: the Redis URL from --url, --url-file (a file or standard
// input) or REDISTORE_URL, in that order; errors name the file, never the URL, and are
// translated.

#include "commandline.h"
#include "translationloader.h"

#include <testdata.h>

#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtCore/QTranslator>
#include <QtTest/QtTest>

#include <unistd.h>

using namespace RediStore::Admin;

namespace {

const QString secretUrl = QStringLiteral("redis://admin:s3cret-pw@127.0.0.1:6390/2");

} // namespace

class tst_CommandLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void urlForms_data();
    void urlForms();
    void urlErrors_data();
    void urlErrors();
    void screenshotTakesAnyForm();
    void conflictIsTranslated();
    void urlFromStandardInput(); // last: it replaces the test's standard input

private:
    QString writeFile(const QString &name, const QByteArray &content)
    {
        return RediStore::Test::writeFile(m_dir, name, content);
    }
    bool parse(const QStringList &arguments, CommandLine *options, QString *error)
    {
        return options->parse(QStringList { QStringLiteral("redistore-admin") } + arguments, error);
    }

    QTemporaryDir m_dir;
};

void tst_CommandLine::init()
{
    QVERIFY(m_dir.isValid());
    qunsetenv("REDISTORE_URL");
}

void tst_CommandLine::cleanup()
{
    qunsetenv("REDISTORE_URL");
}

void tst_CommandLine::urlForms_data()
{
    QTest::addColumn<QStringList>("arguments"); // FILE: a file holding secretUrl
    QTest::addColumn<QByteArray>("environment"); // REDISTORE_URL
    QTest::addColumn<QString>("url");
    const QByteArray other = "redis://127.0.0.1:1/0";
    QTest::newRow("none") << QStringList() << QByteArray() << QString();
    QTest::newRow("--url") << QStringList { QStringLiteral("--url"), secretUrl } << QByteArray()
                           << secretUrl;
    QTest::newRow("--url-file") << QStringList { QStringLiteral("--url-file"),
                                                 QStringLiteral("FILE") }
                                << QByteArray() << secretUrl;
    QTest::newRow("--url-file=") << QStringList { QStringLiteral("--url-file=FILE") }
                                 << QByteArray() << secretUrl;
    QTest::newRow("REDISTORE_URL") << QStringList() << secretUrl.toUtf8() << secretUrl;
    QTest::newRow("--url-file beats REDISTORE_URL")
        << QStringList { QStringLiteral("--url-file"), QStringLiteral("FILE") } << other
        << secretUrl;
    QTest::newRow("--url beats REDISTORE_URL")
        << QStringList { QStringLiteral("--url"), secretUrl } << other << secretUrl;
}

void tst_CommandLine::urlForms()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, environment);
    QFETCH(QString, url);
    const QString file = writeFile(QStringLiteral("url"), secretUrl.toUtf8() + '\n');
    arguments.replaceInStrings(QStringLiteral("FILE"), file);
    if (!environment.isEmpty())
        qputenv("REDISTORE_URL", environment);
    CommandLine options;
    QString error;
    QVERIFY2(parse(arguments, &options, &error), qPrintable(error));
    QCOMPARE(options.url, url);
}

void tst_CommandLine::urlErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("error");
    QTest::newRow("both") << QStringList { QStringLiteral("--url"), secretUrl,
                                           QStringLiteral("--url-file"), QStringLiteral("FILE") }
                          << QStringLiteral("Give --url or --url-file, not both.");
    QTest::newRow("missing file") << QStringList {
        QStringLiteral("--url-file"), QStringLiteral("/nonexistent/url")
    } << QStringLiteral("--url-file /nonexistent/url: No such file or directory");
    QTest::newRow("empty file") << QStringList { QStringLiteral("--url-file"),
                                                 QStringLiteral("EMPTY") }
                                << QStringLiteral("--url-file EMPTY: is empty");
    QTest::newRow("unknown view") << QStringList {
        QStringLiteral("--view"), QStringLiteral("charts")
    } << QStringLiteral("Unknown view “charts”: use sessions, users or statistics.");
    QTest::newRow("unknown language")
        << QStringList { QStringLiteral("--lang"), QStringLiteral("xx") }
        << QStringLiteral("Unknown language “xx”: use en, de or fr.");
    QTest::newRow("screenshot without a URL")
        << QStringList { QStringLiteral("--screenshot"), QStringLiteral("shot.png") }
        << QStringLiteral("--screenshot needs a URL: --url, --url-file or REDISTORE_URL.");
}

void tst_CommandLine::urlErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, error);
    const QString file = writeFile(QStringLiteral("url"), secretUrl.toUtf8());
    const QString empty = writeFile(QStringLiteral("empty"), QByteArray());
    arguments.replaceInStrings(QStringLiteral("FILE"), file);
    arguments.replaceInStrings(QStringLiteral("EMPTY"), empty);
    error.replace(QStringLiteral("EMPTY"), empty);
    CommandLine options;
    QString message;
    QVERIFY(!parse(arguments, &options, &message));
    QCOMPARE(message, error);
    QVERIFY(!message.contains(QLatin1String("s3cret-pw")));
}

void tst_CommandLine::screenshotTakesAnyForm()
{
    qputenv("REDISTORE_URL", secretUrl.toUtf8());
    CommandLine options;
    QString error;
    QVERIFY2(
        parse({ QStringLiteral("--screenshot"), QStringLiteral("shot.png") }, &options, &error),
        qPrintable(error));
    QCOMPARE(options.url, secretUrl);
    QCOMPARE(options.screenshot, QStringLiteral("shot.png"));
    QVERIFY(options.view.isEmpty());
    QVERIFY2(parse({ QStringLiteral("--screenshot"), QStringLiteral("shot.png"),
                     QStringLiteral("--view"), QStringLiteral("Statistics") },
                   &options, &error),
             qPrintable(error));
    QCOMPARE(options.view, QStringLiteral("statistics"));
}

void tst_CommandLine::conflictIsTranslated()
{
    QTranslator translator;
    QVERIFY(TranslationLoader::load(translator, QStringLiteral("de")));
    QCoreApplication::installTranslator(&translator);
    CommandLine options;
    QString error;
    const bool parsed = parse(
        { QStringLiteral("--url"), secretUrl, QStringLiteral("--url-file"), QStringLiteral("/x") },
        &options, &error);
    QCoreApplication::removeTranslator(&translator);
    QVERIFY(!parsed);
    QCOMPARE(error, QStringLiteral("--url oder --url-file angeben, nicht beide."));
}

void tst_CommandLine::urlFromStandardInput()
{
    int fds[2];
    QCOMPARE(::pipe(fds), 0);
    const QByteArray text = secretUrl.toUtf8() + '\n';
    QCOMPARE(::write(fds[1], text.constData(), size_t(text.size())), ssize_t(text.size()));
    ::close(fds[1]);
    QVERIFY(::dup2(fds[0], STDIN_FILENO) >= 0);
    ::close(fds[0]);
    CommandLine options;
    QString error;
    QVERIFY2(parse({ QStringLiteral("--url-file"), QStringLiteral("-") }, &options, &error),
             qPrintable(error));
    QCOMPARE(options.url, secretUrl);
}

QTEST_GUILESS_MAIN(tst_CommandLine)
#include "tst_commandline.moc"
