#ifndef REDISTORE_ADMIN_COMMANDLINE_H
#define REDISTORE_ADMIN_COMMANDLINE_H

#include <QtCore/QCoreApplication>
#include <QtCore/QStringList>

namespace RediStore::Admin {

// redistore-admin [--url URL | --url-file FILE] [--prefix P] [--serializer S] [--read-only]
//                 [--lang de|fr|en] [--screenshot FILE.png] [--view sessions|users|statistics]
// The URL may also come from REDISTORE_URL; --url beats --url-file beats the environment.
class CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    QString url; // from --url, --url-file or REDISTORE_URL
    QString prefix;
    QString serializer;
    QString language;
    QString screenshot;
    QString view; // lower case, one of viewNames(); empty: the sessions
    bool readOnly = false;

    // The views --view accepts, as MainWindow names them.
    static QStringList viewNames()
    {
        return { QStringLiteral("sessions"), QStringLiteral("users"),
                 QStringLiteral("statistics") };
    }
    // Only --lang, read before the translations are installed (so --help is translated).
    static QString languageFrom(const QStringList &arguments);
    // Parses arguments; exits the process for --help and --version. On a usage error returns
    // false and sets *error.
    bool parse(const QStringList &arguments, QString *error);
};

} // namespace RediStore::Admin

#endif // REDISTORE_ADMIN_COMMANDLINE_H
