#include "commandline.h"

#include "connection/connectionprofile.h"
#include "translationloader.h"

#include <libredistore/config/secretinput.h>

#include <QtCore/QCommandLineParser>

namespace RediStore::Admin {

QString CommandLine::languageFrom(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument.startsWith(QLatin1String("--lang=")))
            return argument.mid(7);
        if (argument == QLatin1String("--lang") && i + 1 < arguments.size())
            return arguments.at(i + 1);
    }
    return QString();
}

bool CommandLine::parse(const QStringList &arguments, QString *error)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Browse, edit and expire the web sessions that RediStore and Go's redistore keep "
           "in Redis."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption urlOption(QStringLiteral("url"),
                                       tr("Connect to this Redis at start: redis://[user:password@]"
                                          "host[:port][/db], rediss://... (TLS, with tls_ca, "
                                          "tls_cert, tls_key, tls_server_name, tls_verify=none "
                                          "parameters), unix:///path/to.sock, a Redis Cluster "
                                          "redis+cluster://host:port[,host:port...] or a master "
                                          "through Sentinel redis+sentinel://host:port[,host:port"
                                          "...]/MASTER[/db][?sentinel_password=...] "
                                          "(rediss+cluster://, rediss+sentinel:// with TLS)."),
                                       tr("URL"));
    // A URL with a password stays out of the process list in a file or the environment.
    const SecretInput urlInput(QStringLiteral("url"), QStringLiteral("REDISTORE_URL"));
    const QCommandLineOption urlFileOption(
        urlInput.fileOptionName(),
        tr("Read the URL from this file (\u201c-\u201d: standard input), so that a password "
           "stays out of the process list; REDISTORE_URL does the same. --url beats --url-file "
           "beats REDISTORE_URL."),
        tr("file"));
    const QCommandLineOption prefixOption(QStringLiteral("prefix"),
                                          tr("The key prefix of the sessions (default session_)."),
                                          tr("prefix"));
    const QCommandLineOption serializerOption(
        QStringLiteral("serializer"),
        tr("How sessions are stored: datastream, gob, json, or auto to detect (default)."),
        tr("name"));
    const QCommandLineOption readOnlyOption(QStringLiteral("read-only"),
                                            tr("Never write to Redis."));
    const QCommandLineOption langOption(
        QStringLiteral("lang"), tr("The language of the window: en, de or fr."), tr("language"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        tr("Connect, show the first session, save a PNG of the window to this file and quit."),
        tr("file"));
    const QCommandLineOption viewOption(
        QStringLiteral("view"),
        tr("The view to open (and, with --screenshot, to picture): sessions, users or "
           "statistics."),
        tr("view"));
    parser.addOptions({ urlOption, urlFileOption, prefixOption, serializerOption, readOnlyOption,
                        langOption, screenshotOption, viewOption });
    parser.process(arguments);

    const auto givenUrl = urlInput.read(parser, urlFileOption, &urlOption);
    if (!givenUrl.ok()) {
        // The library's message names the file and the reason, never the URL.
        *error = givenUrl.error().code() == SecretError::Code::OptionConflict
            ? tr("Give --url or --url-file, not both.")
            : givenUrl.error().message();
        return false;
    }
    url = givenUrl.value().text;
    prefix = parser.value(prefixOption);
    serializer = parser.value(serializerOption).toLower();
    language = parser.value(langOption);
    screenshot = parser.value(screenshotOption);
    view = parser.value(viewOption).toLower();
    readOnly = parser.isSet(readOnlyOption);
    if (!serializer.isEmpty() && !ConnectionProfile::serializerNames().contains(serializer)) {
        *error = tr("Unknown serializer \u201c%1\u201d: use datastream, gob, json or auto.")
                     .arg(serializer);
        return false;
    }
    if (!language.isEmpty() && !TranslationLoader::isSupported(language)) {
        *error = tr("Unknown language \u201c%1\u201d: use en, de or fr.").arg(language);
        return false;
    }
    if (!view.isEmpty() && !viewNames().contains(view)) {
        *error = tr("Unknown view “%1”: use sessions, users or statistics.").arg(view);
        return false;
    }
    if (!screenshot.isEmpty() && url.isEmpty()) {
        *error = tr("--screenshot needs a URL: --url, --url-file or REDISTORE_URL.");
        return false;
    }
    if (!parser.positionalArguments().isEmpty()) {
        *error
            = tr("Unexpected argument \u201c%1\u201d.").arg(parser.positionalArguments().first());
        return false;
    }
    return true;
}

} // namespace RediStore::Admin
