#ifndef REDISTORE_CLI_H
#define REDISTORE_CLI_H

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QPair>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <libredistore/config/secretinput.h>

#include <QtCore/QVariant>
#include <initializer_list>

// What the subcommands of the redistore tool share: exit codes, an argument parser that keeps
// the order of options (QCommandLineParser does not: "--hash-key A --block-key B --hash-key C"
// must pair B with A), and JSON in and out.
namespace Cli {

enum ExitCode {
    Success = 0,
    Failure = 1, // the operation failed (a cookie that does not decode, ...)
    UsageError = 2, // bad arguments
};

struct Option
{
    QString name; // without "--"
    QString valueName; // empty: a flag without a value
    QString description;
};

// A subcommand's interface, for parsing and --help.
struct Command
{
    QString usage; // "redistore cookie decode [options] COOKIE"
    QString description;
    QList<Option> options; // --help is always accepted
};

struct Arguments
{
    QList<QPair<QString, QString>> options; // in command-line order; flags have empty values
    QStringList positional;
    bool help = false;

    bool isSet(const QString &name) const;
    QString value(const QString &name) const; // the last one given
    int count(const QString &name) const;
};

// Parses "--name value", "--name=value", "--" (the rest is positional) and "-" (positional).
// On error returns false with a message in *error.
bool parse(const Command &command, const QStringList &arguments, Arguments *parsed, QString *error);

void printHelp(const Command &command);
// "<usage>\n<program>: <message>\nTry '<program> --help'." on stderr; returns UsageError.
int usageError(const Command &command, const QString &program, const QString &message);

// A group's subcommand and the function that runs it with the arguments after its name.
struct Subcommand
{
    const char *name;
    int (*run)(const QStringList &arguments);
};
// Runs the subcommand named by the first argument; --help prints the group's help; anything
// else is a usage error.
int dispatch(const QStringList &arguments, std::initializer_list<Subcommand> subcommands,
             const Command &group, const QString &program);

// The Redis URL from --url, else --url-file FILE ("-": standard input), else REDISTORE_URL;
// not set when none is given. Both options together are a usage error.
RediStore::Result<RediStore::SecretInput::Value, RediStore::SecretError>
readUrl(const Arguments &arguments);

// Strict integer parsing for option values.
bool toInt64(const QString &text, qint64 *value);

// JSON text of a value: QString string, integers, double (with ".0" when integral, so that it
// reads back as a double), bool, invalid QVariant null, QByteArray base64, QVariantList array,
// QVariantMap/QVariantHash object (keys sorted).
QByteArray toJson(const QVariant &value);
// JSON text to a value: integers without fraction or exponent become qint64, other numbers
// double, objects QVariantMap, arrays QVariantList, null an invalid QVariant.
bool fromJson(const QByteArray &text, QVariant *value, QString *error);

void printOut(const QByteArray &bytes);
void printErr(const QString &text);

// A command group ("redistore cookie ...", "redistore value ..."). Each group's file registers
// itself with REDISTORE_COMMAND_GROUP, so adding a group is adding its file to CMakeLists.txt.
struct CommandGroup
{
    const char *name;
    const char *summary;
    int (*run)(const QStringList &arguments); // the arguments after the group name
};

// Every registered group, sorted by name.
QList<CommandGroup> commandGroups();

struct CommandGroupRegistration
{
    explicit CommandGroupRegistration(const CommandGroup &group);
};

#define REDISTORE_COMMAND_GROUP(name, summary, run) \
    static const Cli::CommandGroupRegistration commandGroupRegistration({ name, summary, run })

} // namespace Cli

#endif // REDISTORE_CLI_H
