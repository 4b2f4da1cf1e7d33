#ifndef REDISTORE_ADMIN_COMMANDLINE_H
#define REDISTORE_ADMIN_COMMANDLINE_H

#include <QtCore/QCoreApplication>
#include <QtCore/QStringList>

namespace RediStore::Admin {

// redistore-admin [--url URL | --url-file FILE] [--prefix P] [--serializer S] [--read-only]
//                 [--lang de|fr|en] [--screenshot FILE.png]
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
    bool readOnly = false;

    // Only --lang, read before the translations are installed (so --help is translated).
    static QString languageFrom(const QStringList &arguments);
    // Parses arguments; exits the process for --help and --version. On a usage error returns
    // false and sets *error.
    bool parse(const QStringList &arguments, QString *error);
};

} // namespace RediStore::Admin

#endif // REDISTORE_ADMIN_COMMANDLINE_H
