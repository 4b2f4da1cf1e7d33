// redistore: the command-line tool. main() only dispatches to a command group; each group lives
// in its own file (cookiecommand.cpp, valuecommand.cpp, ...) and registers itself there with
// REDISTORE_COMMAND_GROUP.

#include "cli.h"

#include <libredistore/version.h>

#include <QtCore/QCoreApplication>

namespace {

QString usage()
{
    QString text = QStringLiteral("Usage: redistore <command> [options]\n\n"
                                  "RediStore for Qt: Redis sessions compatible with Go's "
                                  "redistore.\n\nCommands:\n");
    for (const Cli::CommandGroup &group : Cli::commandGroups()) {
        text += QStringLiteral("  %1 %2\n")
                    .arg(QLatin1String(group.name), -10)
                    .arg(QLatin1String(group.summary));
    }
    text += QStringLiteral("\nOptions:\n  --help     Show this help.\n"
                           "  --version  Show the version.\n\n"
                           "redistore <command> --help shows a command's help.\n");
    return text;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("redistore"));
    QCoreApplication::setApplicationVersion(RediStore::versionString());
    const QStringList arguments = QCoreApplication::arguments();

    const QString name = arguments.value(1);
    if (name == QLatin1String("--help") || name == QLatin1String("-h")) {
        Cli::printOut(usage().toUtf8());
        return Cli::Success;
    }
    if (name == QLatin1String("--version")) {
        Cli::printOut("redistore " + RediStore::versionString().toUtf8() + '\n');
        return Cli::Success;
    }
    for (const Cli::CommandGroup &group : Cli::commandGroups()) {
        if (name == QLatin1String(group.name))
            return group.run(arguments.mid(2));
    }
    Cli::printErr((name.isEmpty() ? QStringLiteral("redistore: no command given\n")
                                  : QStringLiteral("redistore: unknown command '%1'\n").arg(name))
                  + usage());
    return Cli::UsageError;
}
