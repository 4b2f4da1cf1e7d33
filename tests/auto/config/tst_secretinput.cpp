// SecretInput: the option beats its file form beats the environment, both forms together are a
// usage error, files lose one trailing newline, and no message ever holds the secret.
#include <libredistore/config/secretinput.h>

#include <QtCore/QCommandLineParser>
#include <testdata.h>

#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

#include <unistd.h>

using RediStore::SecretError;
using RediStore::SecretInput;

namespace {

const QByteArray secret = "s3cr3t-v4lue-do-not-print";
const char variable[] = "REDISTORE_TEST_SECRET";

} // namespace

class tst_SecretInput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void nothingGiven();
    void optionBeatsFileBeatsEnvironment();
    void bothFormsAreAUsageError();
    void emptyVariableIsUnset();
    void fileContent_data();
    void fileContent();
    void unreadableFiles_data();
    void unreadableFiles();
    void parserForm();
    void standardInputOnce(); // last: it replaces the test's standard input

private:
    QString writeFile(const QString &name, const QByteArray &content)
    {
        return RediStore::Test::writeFile(m_dir, name, content);
    }

    QTemporaryDir m_dir;
    const SecretInput m_input { QStringLiteral("url"), QString::fromLatin1(variable) };
};

void tst_SecretInput::init()
{
    QVERIFY(m_dir.isValid());
    qunsetenv(variable);
}

void tst_SecretInput::cleanup()
{
    qunsetenv(variable);
}

void tst_SecretInput::nothingGiven()
{
    const auto value = m_input.read(std::nullopt, std::nullopt);
    QVERIFY(value.ok());
    QVERIFY(!value.value().isSet());
    QCOMPARE(value.value().source, SecretInput::Source::None);
    QCOMPARE(m_input.fileOptionName(), QStringLiteral("url-file"));
}

void tst_SecretInput::optionBeatsFileBeatsEnvironment()
{
    qputenv(variable, "from-environment");
    auto value = m_input.read(std::nullopt, std::nullopt);
    QVERIFY(value.ok());
    QCOMPARE(value.value().text, QStringLiteral("from-environment"));
    QCOMPARE(value.value().source, SecretInput::Source::Environment);
    QCOMPARE(value.value().origin, QString::fromLatin1(variable));

    const QString path = writeFile(QStringLiteral("url"), "from-file\n");
    value = m_input.read(std::nullopt, path);
    QVERIFY(value.ok());
    QCOMPARE(value.value().text, QStringLiteral("from-file"));
    QCOMPARE(value.value().source, SecretInput::Source::File);
    QCOMPARE(value.value().origin, QStringLiteral("--url-file ") + path);

    value = m_input.read(QStringLiteral("from-option"), std::nullopt);
    QVERIFY(value.ok());
    QCOMPARE(value.value().text, QStringLiteral("from-option"));
    QCOMPARE(value.value().source, SecretInput::Source::Option);
    QCOMPARE(value.value().origin, QStringLiteral("--url"));
}

void tst_SecretInput::bothFormsAreAUsageError()
{
    const QString path = writeFile(QStringLiteral("url"), secret);
    const auto value = m_input.read(QString::fromLatin1(secret), path);
    QVERIFY(!value.ok());
    QCOMPARE(value.error().code(), SecretError::Code::OptionConflict);
    QVERIFY(value.error().isUsageError());
    QCOMPARE(value.error().message(), QStringLiteral("give --url or --url-file, not both"));
    QCOMPARE(value.error().codeName(), QStringLiteral("OptionConflict"));
}

void tst_SecretInput::emptyVariableIsUnset()
{
    qputenv(variable, "");
    const auto value = m_input.read(std::nullopt, std::nullopt);
    QVERIFY(value.ok());
    QVERIFY(!value.value().isSet());
}

void tst_SecretInput::fileContent_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no newline") << QByteArray("hex:00ff") << QStringLiteral("hex:00ff");
    QTest::newRow("one newline") << QByteArray("hex:00ff\n") << QStringLiteral("hex:00ff");
    QTest::newRow("CRLF") << QByteArray("hex:00ff\r\n") << QStringLiteral("hex:00ff");
    QTest::newRow("only one newline stripped") << QByteArray("key\n\n") << QStringLiteral("key\n");
    QTest::newRow("spaces kept") << QByteArray(" key \n") << QStringLiteral(" key ");
    QTest::newRow("UTF-8") << QByteArray("schl\xc3\xbcssel\n") << QStringLiteral("schl\u00fcssel");
}

void tst_SecretInput::fileContent()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    const auto text = SecretInput::readFile(writeFile(QStringLiteral("key"), content),
                                            QStringLiteral("hash-key-file"));
    QVERIFY(text.ok());
    QCOMPARE(text.value(), expected);
}

void tst_SecretInput::unreadableFiles_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("reason");
    const QString missing = QStringLiteral("/nonexistent-folder/key");
    QTest::newRow("missing") << missing << int(SecretError::Code::FileUnreadable)
                             << QStringLiteral("No such file or directory");
    QTest::newRow("folder") << QStringLiteral("/") << int(SecretError::Code::FileUnreadable)
                            << QStringLiteral("is a folder, not a file");
    QTest::newRow("empty") << QStringLiteral("empty") << int(SecretError::Code::FileEmpty)
                           << QStringLiteral("is empty");
    QTest::newRow("only a newline")
        << QStringLiteral("newline") << int(SecretError::Code::FileEmpty)
        << QStringLiteral("is empty");
    QTest::newRow("too big") << QStringLiteral("big") << int(SecretError::Code::FileUnreadable)
                             << QStringLiteral("over 64 KiB");
    QTest::newRow("no permission")
        << QStringLiteral("locked") << int(SecretError::Code::FileUnreadable)
        << QStringLiteral("Permission denied");
}

void tst_SecretInput::unreadableFiles()
{
    QFETCH(QString, path);
    QFETCH(int, code);
    QFETCH(QString, reason);
    if (path == QLatin1String("empty")) {
        path = writeFile(path, QByteArray());
    } else if (path == QLatin1String("newline")) {
        path = writeFile(path, "\n");
    } else if (path == QLatin1String("big")) {
        path = writeFile(path, secret + QByteArray(70 * 1024, 'x'));
    } else if (path == QLatin1String("locked")) {
        if (::geteuid() == 0)
            QSKIP("root reads every file");
        path = writeFile(path, secret);
        QVERIFY(QFile::setPermissions(path, QFileDevice::WriteOwner));
    }
    const auto text = SecretInput::readFile(path, QStringLiteral("hash-key-file"));
    QVERIFY(!text.ok());
    QCOMPARE(int(text.error().code()), code);
    QVERIFY(!text.error().isUsageError());
    QVERIFY2(text.error().message().startsWith(QStringLiteral("--hash-key-file ") + path
                                               + QStringLiteral(": ")),
             qPrintable(text.error().message()));
    QVERIFY2(text.error().message().contains(reason), qPrintable(text.error().message()));
    QVERIFY(!text.error().message().contains(QString::fromLatin1(secret)));
}

void tst_SecretInput::parserForm()
{
    const SecretInput input(QStringLiteral("redis-url"), QString::fromLatin1(variable));
    const QCommandLineOption urlOption(QStringLiteral("redis-url"), QString(),
                                       QStringLiteral("URL"), QStringLiteral("redis://default"));
    const QCommandLineOption fileOption
        = input.fileOption(QStringLiteral("The URL's file."), { QStringLiteral("url-file") });
    QCOMPARE(fileOption.names(),
             QStringList({ QStringLiteral("redis-url-file"), QStringLiteral("url-file") }));
    const QString path = writeFile(QStringLiteral("url"), "redis://file\n");
    qputenv(variable, "redis://environment");

    auto parse = [&](const QStringList &arguments) {
        QCommandLineParser parser;
        parser.addOptions({ urlOption, fileOption });
        if (!parser.parse(QStringList { QStringLiteral("program") } + arguments))
            return RediStore::Result<SecretInput::Value, SecretError>(
                SecretError(SecretError::Code::OptionConflict, parser.errorText()));
        return input.read(parser, fileOption, &urlOption);
    };
    // A default value is not an explicit option: the environment still counts.
    auto value = parse({});
    QVERIFY(value.ok());
    QCOMPARE(value.value().text, QStringLiteral("redis://environment"));
    value = parse({ QStringLiteral("--url-file"), path });
    QVERIFY(value.ok());
    QCOMPARE(value.value().text, QStringLiteral("redis://file"));
    QCOMPARE(value.value().origin, QStringLiteral("--redis-url-file ") + path);
    value = parse({ QStringLiteral("--redis-url"), QStringLiteral("redis://option") });
    QVERIFY(value.ok());
    QCOMPARE(value.value().text, QStringLiteral("redis://option"));
    value = parse({ QStringLiteral("--redis-url"), QStringLiteral("redis://option"),
                    QStringLiteral("--redis-url-file"), path });
    QVERIFY(!value.ok());
    QCOMPARE(value.error().message(),
             QStringLiteral("give --redis-url or --redis-url-file, not both"));
}

void tst_SecretInput::standardInputOnce()
{
    int fds[2];
    QCOMPARE(::pipe(fds), 0);
    QCOMPARE(::write(fds[1], "from-stdin\n", 11), ssize_t(11));
    ::close(fds[1]);
    QVERIFY(::dup2(fds[0], STDIN_FILENO) >= 0);
    ::close(fds[0]);

    const auto first = SecretInput::readFile(QStringLiteral("-"), QStringLiteral("url-file"));
    QVERIFY(first.ok());
    QCOMPARE(first.value(), QStringLiteral("from-stdin"));
    const auto second
        = SecretInput::readFile(QStringLiteral("-"), QStringLiteral("block-key-file"));
    QVERIFY(!second.ok());
    QCOMPARE(second.error().code(), SecretError::Code::StandardInputTaken);
    QCOMPARE(second.error().message(),
             QStringLiteral("--block-key-file -: standard input was already read for another "
                            "option"));
}

QTEST_GUILESS_MAIN(tst_SecretInput)
#include "tst_secretinput.moc"
