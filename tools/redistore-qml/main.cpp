// redistore-qml: runs a QML script without a window (QtQml only), with the RediStore module.
//
//   redistore-qml SCRIPT.qml [--timeout SECONDS] [-I DIR]... [--url URL | --url-file FILE]
//                 [-- ARGS...]
//
// The script's root object is created once; the script ends with Qt.quit() (exit status 0)
// or Qt.exit(code). Qt.application.arguments is [program, SCRIPT, ARGS...]; the Redis URL of
// --url, --url-file or REDISTORE_URL is the context property redistoreUrl. console.log()
// and console.info() print to stdout, console.warn() and console.error() to stderr.

#include <libredistore/config/secretinput.h>
#include <libredistore/version.h>

#include <QtCore/QCoreApplication>
#include <QtCore/QFileInfo>
#include <QtCore/QLoggingCategory>
#include <QtCore/QRegularExpression>
#include <QtCore/QTimer>
#include <QtCore/QUrl>
#include <QtQml/QQmlComponent>
#include <QtQml/QQmlContext>
#include <QtQml/QQmlEngine>
#include <QtQml/QQmlError>

#include <cmath>
#include <cstdio>
#include <memory>
#include <optional>
#include <vector>

// The module's types, linked in: referencing the registration keeps them in the binary.
extern void qml_register_types_RediStore();

namespace {

enum ExitCode {
    ExitScriptError = 1, // the script did not load, or threw an uncaught error
    ExitUsage = 2, // bad command line, or the script file is missing
    ExitTimeout = 124, // --timeout passed (as timeout(1) does)
};

constexpr const char usageText[]
    = "Usage: redistore-qml SCRIPT.qml [--timeout SECONDS] [-I DIR]... [--url URL | --url-file "
      "FILE]\n"
      "                    [-- ARGS...]\n"
      "\n"
      "Runs a QML script without a window, with the RediStore module (import RediStore).\n"
      "\n"
      "Options:\n"
      "  --timeout SECONDS  stop a script that has not ended after SECONDS (exit status 124)\n"
      "  -I, --import DIR   add DIR to the QML import path\n"
      "  --url URL          the Redis URL the script finds in redistoreUrl\n"
      "  --url-file FILE    read that URL (which may hold a password) from FILE, \"-\" for\n"
      "                     standard input; else REDISTORE_URL gives it. Both keep it out of\n"
      "                     the process list. --url beats --url-file beats REDISTORE_URL.\n"
      "  -h, --help         show this help\n"
      "  -v, --version      show the version\n"
      "  --                 the arguments after it go to the script\n"
      "\n"
      "The script sees Qt.application.arguments = [program, SCRIPT, ARGS...] and ends with\n"
      "Qt.quit() (exit status 0) or Qt.exit(code). console.log() prints to stdout.\n"
      "redistoreUrl is the URL of --url, --url-file or REDISTORE_URL (\"\" without them);\n"
      "the examples use it when their arguments start with no Redis URL. The URL forms:\n"
      "redis://[user:pass@]host[:port][/db], rediss:// (TLS), unix:///path.sock, a cluster\n"
      "redis+cluster://host:port[,host:port...], Sentinel\n"
      "redis+sentinel://host:port[,host:port...]/MASTER[/db][?sentinel_password=...];\n"
      "rediss+cluster:// and rediss+sentinel:// with TLS.\n"
      "Exit status: the script's, 1 for a script error (printed as file:line: message),\n"
      "2 for a usage error, 124 when --timeout passed.\n"
      "The library's log is off; QT_LOGGING_RULES=\"redistore.*=true\" shows it.\n";

struct Options
{
    QString script;
    double timeoutSeconds = 0;
    QStringList importPaths;
    QStringList scriptArguments;
    std::optional<QString> url; // --url
    std::optional<QString> urlFile; // --url-file
    QString redisUrl; // what the script sees as redistoreUrl
};

void printError(const QString &message)
{
    std::fprintf(stderr, "redistore-qml: %s\n", qUtf8Printable(message));
}

// Parses the command line before QCoreApplication exists, so that the application's arguments
// can be exactly what the script should see. Returns -1 to go on, else an exit status.
int parseArguments(int argc, char **argv, Options *options)
{
    for (int i = 1; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        auto value = [&](const QString &name, QString *out) {
            if (arg.startsWith(name + QLatin1Char('='))) {
                *out = arg.mid(name.size() + 1);
                return true;
            }
            if (i + 1 >= argc) {
                printError(QStringLiteral("%1 needs a value").arg(name));
                return false;
            }
            *out = QString::fromLocal8Bit(argv[++i]);
            return true;
        };
        if (arg == QLatin1String("--")) {
            for (++i; i < argc; ++i)
                options->scriptArguments.append(QString::fromLocal8Bit(argv[i]));
            break;
        }
        if (arg == QLatin1String("-h") || arg == QLatin1String("--help")) {
            std::fputs(usageText, stdout);
            return 0;
        }
        if (arg == QLatin1String("-v") || arg == QLatin1String("--version")) {
            std::printf("redistore-qml %s\n", qUtf8Printable(RediStore::versionString()));
            return 0;
        }
        if (arg == QLatin1String("--timeout") || arg.startsWith(QLatin1String("--timeout="))) {
            QString text;
            if (!value(QStringLiteral("--timeout"), &text))
                return ExitUsage;
            bool ok = false;
            const double seconds = text.toDouble(&ok);
            if (!ok || !std::isfinite(seconds) || seconds <= 0 || seconds > 86400.0 * 365) {
                printError(QStringLiteral("--timeout needs a number of seconds above 0, not '%1'")
                               .arg(text));
                return ExitUsage;
            }
            options->timeoutSeconds = seconds;
            continue;
        }
        if (arg == QLatin1String("-I") || arg == QLatin1String("--import")
            || arg.startsWith(QLatin1String("--import="))) {
            QString dir;
            if (!value(arg == QLatin1String("-I") ? arg : QStringLiteral("--import"), &dir))
                return ExitUsage;
            options->importPaths.append(dir);
            continue;
        }
        if (arg == QLatin1String("--url") || arg.startsWith(QLatin1String("--url="))
            || arg == QLatin1String("--url-file") || arg.startsWith(QLatin1String("--url-file="))) {
            const bool file = arg.startsWith(QLatin1String("--url-file"));
            QString text;
            if (!value(file ? QStringLiteral("--url-file") : QStringLiteral("--url"), &text))
                return ExitUsage;
            (file ? options->urlFile : options->url) = text;
            continue;
        }
        if (arg.startsWith(QLatin1Char('-')) && arg.size() > 1) {
            printError(QStringLiteral("unknown option '%1' (arguments for the script go after "
                                      "--; see --help)")
                           .arg(arg));
            return ExitUsage;
        }
        if (!options->script.isEmpty()) {
            printError(QStringLiteral("unexpected argument '%1': put the script's arguments "
                                      "after --, as in: redistore-qml %2 -- %1")
                           .arg(arg, options->script));
            return ExitUsage;
        }
        options->script = arg;
    }
    if (options->script.isEmpty()) {
        std::fputs(usageText, stderr);
        return ExitUsage;
    }
    const QFileInfo file(options->script);
    if (!file.isFile() || !file.isReadable()) {
        printError(QStringLiteral("cannot read the script '%1'").arg(options->script));
        return ExitUsage;
    }
    const auto url = RediStore::SecretInput(QStringLiteral("url"), QStringLiteral("REDISTORE_URL"))
                         .read(options->url, options->urlFile);
    if (!url.ok()) {
        printError(url.error().message());
        return ExitUsage;
    }
    options->redisUrl = url.value().text;
    return -1;
}

// console.log/info to stdout, plain, as a script's output; everything else to stderr.
void messageHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const bool console = context.category
        && (qstrcmp(context.category, "qml") == 0 || qstrcmp(context.category, "js") == 0);
    if (console && (type == QtDebugMsg || type == QtInfoMsg)) {
        std::fprintf(stdout, "%s\n", qUtf8Printable(message));
        std::fflush(stdout);
        return;
    }
    const QString text = console ? message : qFormatLogMessage(type, context, message);
    std::fprintf(stderr, "%s\n", qUtf8Printable(text));
    std::fflush(stderr);
}

QString location(const QQmlError &error)
{
    QString where = error.url().isLocalFile() ? error.url().toLocalFile() : error.url().toString();
    if (where.isEmpty())
        where = QStringLiteral("<unknown>");
    if (error.line() > 0) {
        where += QLatin1Char(':') + QString::number(error.line());
        if (error.column() > 0)
            where += QLatin1Char(':') + QString::number(error.column());
    }
    return where;
}

void printQmlError(const QQmlError &error)
{
    std::fprintf(stderr, "%s: %s\n", qUtf8Printable(location(error)),
                 qUtf8Printable(error.description()));
    std::fflush(stderr);
}

// An uncaught exception, as opposed to a warning the engine also reports (a binding that
// could not be assigned, say): the engine describes exceptions as "TypeError: ...",
// "Error: ...", and the RediStore module reports exceptions thrown by callbacks as critical.
bool isScriptError(const QQmlError &error)
{
    if (error.messageType() == QtCriticalMsg || error.messageType() == QtFatalMsg)
        return true;
    static const QRegularExpression exception(QStringLiteral("^[A-Za-z]*Error: "));
    return exception.match(error.description()).hasMatch();
}

} // namespace

int main(int argc, char **argv)
{
    volatile auto registration = &qml_register_types_RediStore;
    Q_UNUSED(registration);

    Options options;
    if (const int status = parseArguments(argc, argv, &options); status >= 0)
        return status;

    // The application's arguments are what the script sees: program, script, ARGS.
    std::vector<QByteArray> storage;
    storage.push_back(QByteArray(argv[0]));
    storage.push_back(options.script.toLocal8Bit());
    for (const QString &arg : std::as_const(options.scriptArguments))
        storage.push_back(arg.toLocal8Bit());
    std::vector<char *> appArgv;
    for (QByteArray &arg : storage)
        appArgv.push_back(arg.data());
    appArgv.push_back(nullptr);
    int appArgc = int(storage.size());

    qInstallMessageHandler(messageHandler);
    // The library's log (reconnect attempts, refused connections) is not script output: the
    // script gets those errors in its callbacks. QT_LOGGING_RULES still turns it on.
    QLoggingCategory::setFilterRules(QStringLiteral("redistore.*.debug=false\n"
                                                    "redistore.*.info=false\n"
                                                    "redistore.redis.warning=false"));

    QCoreApplication app(appArgc, appArgv.data());
    QCoreApplication::setApplicationName(QStringLiteral("redistore-qml"));
    QCoreApplication::setApplicationVersion(RediStore::versionString());

    QQmlEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    for (const QString &dir : std::as_const(options.importPaths))
        engine.addImportPath(QFileInfo(dir).absoluteFilePath());
    engine.setOutputWarningsToStandardError(false);
    // The URL of --url, --url-file or REDISTORE_URL, "" without them.
    engine.rootContext()->setContextProperty(QStringLiteral("redistoreUrl"), options.redisUrl);

    bool creating = true;
    bool failed = false;
    QObject::connect(&engine, &QQmlEngine::warnings, &app,
                     [&creating, &failed](const QList<QQmlError> &warnings) {
                         for (const QQmlError &warning : warnings) {
                             printQmlError(warning);
                             if (!isScriptError(warning) || failed)
                                 continue;
                             failed = true;
                             if (!creating)
                                 QCoreApplication::exit(ExitScriptError);
                         }
                     });
    // Queued: Qt.quit() in Component.onCompleted runs before the event loop does.
    QObject::connect(
        &engine, &QQmlEngine::quit, &app, []() { QCoreApplication::exit(0); },
        Qt::QueuedConnection);
    QObject::connect(
        &engine, &QQmlEngine::exit, &app, [](int code) { QCoreApplication::exit(code); },
        Qt::QueuedConnection);

    const QUrl url = QUrl::fromLocalFile(QFileInfo(options.script).absoluteFilePath());
    QQmlComponent component(&engine, url);
    if (component.isError()) {
        const QList<QQmlError> errors = component.errors();
        for (const QQmlError &error : errors)
            printQmlError(error);
        return ExitScriptError;
    }
    std::unique_ptr<QObject> root(component.create());
    creating = false;
    if (!root) {
        const QList<QQmlError> errors = component.errors();
        for (const QQmlError &error : errors)
            printQmlError(error);
        return ExitScriptError;
    }
    if (failed)
        return ExitScriptError;

    QTimer timeout;
    if (options.timeoutSeconds > 0) {
        timeout.setSingleShot(true);
        QObject::connect(&timeout, &QTimer::timeout, &app, [&options]() {
            printError(QStringLiteral("%1 did not end within %2 s (--timeout); stopped")
                           .arg(options.script)
                           .arg(options.timeoutSeconds));
            QCoreApplication::exit(ExitTimeout);
        });
        timeout.start(int(std::min(options.timeoutSeconds * 1000.0, 2147483647.0)));
    }
    const int status = app.exec();
    root.reset();
    return status;
}
