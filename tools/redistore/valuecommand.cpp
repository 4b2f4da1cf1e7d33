#include "cli.h"

#include <libredistore/serializer/sessionserializer.h>

#include <QtCore/QFile>

#include <cstdio>

namespace {

const QString groupProgram = QStringLiteral("redistore value");

Cli::Option serializerOption()
{
    return { QStringLiteral("serializer"), QStringLiteral("NAME"),
             QStringLiteral("The format: ")
                 + RediStore::SessionSerializer::names().join(QStringLiteral(", "))
                 + QLatin1Char('.') };
}

const Cli::Command decodeCommand {
    QStringLiteral("redistore value decode --serializer gob|json|datastream [FILE|-]"),
    QStringLiteral("Decodes a stored session value (the bytes of the Redis key) and prints its "
                   "values as a JSON object. Reads FILE, or standard input when FILE is - or "
                   "missing.\nExit status: 0 decoded, 1 does not decode or cannot be read, 2 "
                   "bad arguments."),
    { serializerOption() },
};

const Cli::Command encodeCommand {
    QStringLiteral("redistore value encode --serializer gob|json|datastream JSON"),
    QStringLiteral("Encodes session values given as a JSON object and writes the bytes to "
                   "standard output, ready for SET. JSON integers become integers (Go int), "
                   "other numbers doubles (float64)."),
    { serializerOption() },
};

const Cli::Command groupCommand {
    QStringLiteral("redistore value <decode|encode> [options]"),
    QStringLiteral("Session values as a store keeps them in Redis.\n\nCommands:\n"
                   "  decode   Print a stored value as JSON.\n"
                   "  encode   Write the stored bytes for a JSON object.\n\n"
                   "redistore value <command> --help shows a command's options."),
    {},
};

// The --serializer option, exactly once and known; nullptr with *error otherwise.
std::shared_ptr<const RediStore::SessionSerializer> serializerFrom(const Cli::Arguments &arguments,
                                                                   QString *error)
{
    if (arguments.count(QStringLiteral("serializer")) != 1) {
        *error = QStringLiteral("give --serializer exactly once (%1)")
                     .arg(RediStore::SessionSerializer::names().join(QStringLiteral(", ")));
        return nullptr;
    }
    const QString name = arguments.value(QStringLiteral("serializer"));
    auto serializer = RediStore::SessionSerializer::byName(name);
    if (!serializer) {
        *error = QStringLiteral("unknown serializer '%1' (known: %2)")
                     .arg(name, RediStore::SessionSerializer::names().join(QStringLiteral(", ")));
    }
    return serializer;
}

int runDecode(const QStringList &args)
{
    const QString program = groupProgram + QStringLiteral(" decode");
    Cli::Arguments arguments;
    QString error;
    if (!Cli::parse(decodeCommand, args, &arguments, &error))
        return Cli::usageError(decodeCommand, program, error);
    if (arguments.help) {
        Cli::printHelp(decodeCommand);
        return Cli::Success;
    }
    const auto serializer = serializerFrom(arguments, &error);
    if (!serializer)
        return Cli::usageError(decodeCommand, program, error);
    if (arguments.positional.size() > 1)
        return Cli::usageError(decodeCommand, program, QStringLiteral("give at most one FILE"));

    const QString path = arguments.positional.value(0, QStringLiteral("-"));
    QFile file;
    const bool opened = path == QLatin1String("-")
        ? file.open(stdin, QIODevice::ReadOnly)
        : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    if (!opened) {
        Cli::printErr(
            QStringLiteral("%1: cannot read %2: %3\n").arg(program, path, file.errorString()));
        return Cli::Failure;
    }
    const QByteArray bytes = file.readAll();
    const auto values = serializer->deserialize(bytes);
    if (!values.ok()) {
        Cli::printErr(QStringLiteral("%1: not a %2 session value: %3: %4\n")
                          .arg(program, serializer->name(), values.error().codeName(),
                               values.error().message()));
        return Cli::Failure;
    }
    Cli::printOut(Cli::toJson(values.value()) + '\n');
    return Cli::Success;
}

int runEncode(const QStringList &args)
{
    const QString program = groupProgram + QStringLiteral(" encode");
    Cli::Arguments arguments;
    QString error;
    if (!Cli::parse(encodeCommand, args, &arguments, &error))
        return Cli::usageError(encodeCommand, program, error);
    if (arguments.help) {
        Cli::printHelp(encodeCommand);
        return Cli::Success;
    }
    const auto serializer = serializerFrom(arguments, &error);
    if (!serializer)
        return Cli::usageError(encodeCommand, program, error);
    if (arguments.positional.size() != 1)
        return Cli::usageError(encodeCommand, program, QStringLiteral("give one JSON object"));
    QVariant value;
    if (!Cli::fromJson(arguments.positional.first().toUtf8(), &value, &error))
        return Cli::usageError(encodeCommand, program, QStringLiteral("JSON: ") + error);
    if (value.typeId() != QMetaType::QVariantMap) {
        return Cli::usageError(encodeCommand, program,
                               QStringLiteral("JSON must be an object (the session's values)"));
    }
    const auto bytes = serializer->serialize(value.toMap());
    if (!bytes.ok()) {
        Cli::printErr(QStringLiteral("%1: cannot encode as %2: %3: %4\n")
                          .arg(program, serializer->name(), bytes.error().codeName(),
                               bytes.error().message()));
        return Cli::Failure;
    }
    Cli::printOut(bytes.value());
    return Cli::Success;
}

int runValueCommand(const QStringList &arguments)
{
    return Cli::dispatch(arguments, { { "decode", runDecode }, { "encode", runEncode } },
                         groupCommand, groupProgram);
}

} // namespace

REDISTORE_COMMAND_GROUP("value", "Encode and decode stored session values", runValueCommand);
