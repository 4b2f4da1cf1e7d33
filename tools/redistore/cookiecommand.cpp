#include "cli.h"

#include <libredistore/codec/securecookie.h>

namespace {

using Cli::Option;

const QString groupProgram = QStringLiteral("redistore cookie");
const QString keysLine
    = QStringLiteral("Keys: hex:HEX, base64:B64, or the text itself, as the library reads them.");

const Option nameOption { QStringLiteral("name"), QStringLiteral("NAME"),
                          QStringLiteral("The cookie name (it is signed, not stored).") };
const Option encodingOption { QStringLiteral("encoding"), QStringLiteral("gob|json"),
                              QStringLiteral("Payload encoding (default gob).") };
const Option nowOption { QStringLiteral("now"), QStringLiteral("UNIX_SECONDS"),
                         QStringLiteral("Use this time instead of the clock.") };

const Cli::Command decodeCommand {
    QStringLiteral("redistore cookie decode --name NAME --hash-key KEY [--block-key KEY] "
                   "[--hash-key KEY [--block-key KEY]]... [--encoding gob|json] [--max-age S] "
                   "[--min-age S] [--max-length N] [--now UNIX_SECONDS] COOKIE"),
    QStringLiteral("Decodes a gorilla/securecookie value and prints it as JSON.\n"
                   "Repeated --hash-key options form the key ring, tried in order; a "
                   "--block-key belongs to the --hash-key before it.\n")
        + keysLine
        + QStringLiteral("\nExit status: 0 decoded, 1 does not decode (the reason on stderr), 2 "
                         "bad arguments."),
    { nameOption,
      { QStringLiteral("hash-key"), QStringLiteral("KEY"),
        QStringLiteral("HMAC-SHA256 key of a key pair (repeatable).") },
      { QStringLiteral("block-key"), QStringLiteral("KEY"),
        QStringLiteral("AES key (16, 24 or 32 bytes) of the pair before it.") },
      encodingOption,
      { QStringLiteral("max-age"), QStringLiteral("S"),
        QStringLiteral("Reject cookies signed more than S seconds ago (default 2592000; 0: no "
                       "limit).") },
      { QStringLiteral("min-age"), QStringLiteral("S"),
        QStringLiteral("Reject cookies signed less than S seconds ago (default 0).") },
      { QStringLiteral("max-length"), QStringLiteral("N"),
        QStringLiteral("Reject cookies longer than N characters (default 4096; 0: no limit).") },
      nowOption },
};

const Cli::Command encodeCommand {
    QStringLiteral("redistore cookie encode --name NAME --hash-key KEY [--block-key KEY] "
                   "[--encoding gob|json] [--now UNIX_SECONDS] JSON_VALUE"),
    QStringLiteral("Encodes a JSON value as a gorilla/securecookie value and prints the cookie.\n"
                   "JSON integers become Go ints, other numbers float64, objects maps.\n")
        + keysLine,
    { nameOption,
      { QStringLiteral("hash-key"), QStringLiteral("KEY"), QStringLiteral("HMAC-SHA256 key.") },
      { QStringLiteral("block-key"), QStringLiteral("KEY"),
        QStringLiteral("AES key (16, 24 or 32 bytes); none: signed only.") },
      encodingOption,
      nowOption },
};

const Cli::Command groupCommand {
    QStringLiteral("redistore cookie <decode|encode> [options]"),
    QStringLiteral("gorilla/securecookie values, as Go's redistore and gorilla/sessions write "
                   "them.\n\nCommands:\n"
                   "  decode   Decode a cookie value and print it as JSON.\n"
                   "  encode   Encode a JSON value as a cookie value.\n\n"
                   "redistore cookie <command> --help shows a command's options."),
    {},
};

// Settings common to decode and encode.
struct CookieSettings
{
    RediStore::KeyRing keys;
    QByteArray name;
    RediStore::SecureCookie::Encoding encoding = RediStore::SecureCookie::Encoding::Gob;
    std::optional<qint64> now;
};

// Reads --name, the key options in order, --encoding and --now; false with *error on misuse.
bool readSettings(const Cli::Arguments &arguments, CookieSettings *settings, QString *error)
{
    if (arguments.count(QStringLiteral("name")) != 1) {
        *error = QStringLiteral("give --name exactly once");
        return false;
    }
    settings->name = arguments.value(QStringLiteral("name")).toUtf8();

    // Keys in command-line order: a --block-key completes the --hash-key before it. The texts go
    // to the library as they are, so that a key reads the same here as in a program's settings.
    QStringList keyTexts; // hash key, block key, hash key, block key, ...
    bool blockAllowed = false;
    for (const auto &[option, value] : arguments.options) {
        const bool isHash = option == QLatin1String("hash-key");
        if (!isHash && option != QLatin1String("block-key"))
            continue;
        if (isHash) {
            keyTexts << value << QString();
            blockAllowed = true;
        } else if (blockAllowed) {
            keyTexts.last() = value;
            blockAllowed = false;
        } else {
            *error = keyTexts.isEmpty()
                ? QStringLiteral("--block-key must follow the --hash-key it belongs to")
                : QStringLiteral("key pair %1 has two --block-key options")
                      .arg(keyTexts.size() / 2);
            return false;
        }
    }
    if (keyTexts.isEmpty()) {
        *error = QStringLiteral("give at least one --hash-key");
        return false;
    }
    const auto keys = RediStore::KeyRing::keysFromStrings(keyTexts);
    if (!keys.ok()) {
        *error = keys.error().message();
        return false;
    }
    settings->keys = keys.value();

    const QString encoding = arguments.value(QStringLiteral("encoding"));
    if (encoding == QLatin1String("json")) {
        settings->encoding = RediStore::SecureCookie::Encoding::Json;
    } else if (!encoding.isEmpty() && encoding != QLatin1String("gob")) {
        *error = QStringLiteral("--encoding must be gob or json, not '%1'").arg(encoding);
        return false;
    }
    if (arguments.isSet(QStringLiteral("now"))) {
        qint64 now = 0;
        if (!Cli::toInt64(arguments.value(QStringLiteral("now")), &now)) {
            *error = QStringLiteral("--now must be an integer (seconds since 1970)");
            return false;
        }
        settings->now = now;
    }
    return true;
}

// A non-negative integer option; keeps *value when the option is absent.
template<typename T>
bool readLimit(const Cli::Arguments &arguments, const QString &name, T *value, QString *error)
{
    if (!arguments.isSet(name))
        return true;
    qint64 n = 0;
    if (!Cli::toInt64(arguments.value(name), &n) || n < 0) {
        *error = QStringLiteral("--%1 must be a non-negative integer").arg(name);
        return false;
    }
    *value = T(n);
    return true;
}

RediStore::SecureCookie makeCodec(const CookieSettings &settings)
{
    RediStore::SecureCookie codec(settings.keys);
    codec.setEncoding(settings.encoding);
    if (settings.now) {
        const qint64 now = *settings.now;
        codec.setClock([now] { return now; });
    }
    return codec;
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
    CookieSettings settings;
    if (!readSettings(arguments, &settings, &error))
        return Cli::usageError(decodeCommand, program, error);
    qint64 maxAge = RediStore::SecureCookie::DefaultMaxAge;
    qint64 minAge = 0;
    qsizetype maxLength = RediStore::SecureCookie::DefaultMaxLength;
    if (!readLimit(arguments, QStringLiteral("max-age"), &maxAge, &error)
        || !readLimit(arguments, QStringLiteral("min-age"), &minAge, &error)
        || !readLimit(arguments, QStringLiteral("max-length"), &maxLength, &error)) {
        return Cli::usageError(decodeCommand, program, error);
    }
    if (arguments.positional.size() != 1)
        return Cli::usageError(decodeCommand, program, QStringLiteral("give one COOKIE"));

    RediStore::SecureCookie codec = makeCodec(settings);
    if (!codec.isValid())
        return Cli::usageError(decodeCommand, program, codec.keyError().message());
    codec.setMaxAge(maxAge);
    codec.setMinAge(minAge);
    codec.setMaxLength(maxLength);

    const RediStore::SecureCookie::Inspection found
        = codec.inspect(settings.name, arguments.positional.first().toUtf8());
    if (!found.ok()) {
        QString text = QStringLiteral("%1: cookie does not decode: %2: %3\n")
                           .arg(program, found.error.codeName(), found.error.message());
        if (found.keyErrors.size() > 1) {
            for (qsizetype i = 0; i < found.keyErrors.size(); ++i) {
                const RediStore::CodecError &keyError = found.keyErrors.at(i);
                text += QStringLiteral("  key pair %1: %2: %3\n")
                            .arg(i + 1)
                            .arg(keyError.codeName(), keyError.message());
            }
        }
        Cli::printErr(text);
        return Cli::Failure;
    }
    Cli::printOut(Cli::toJson(found.value) + '\n');
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
    CookieSettings settings;
    if (!readSettings(arguments, &settings, &error))
        return Cli::usageError(encodeCommand, program, error);
    if (settings.keys.size() != 1)
        return Cli::usageError(encodeCommand, program, QStringLiteral("give one --hash-key"));
    if (arguments.positional.size() != 1)
        return Cli::usageError(encodeCommand, program, QStringLiteral("give one JSON_VALUE"));
    QVariant value;
    if (!Cli::fromJson(arguments.positional.first().toUtf8(), &value, &error))
        return Cli::usageError(encodeCommand, program, QStringLiteral("JSON_VALUE: ") + error);

    const RediStore::SecureCookie codec = makeCodec(settings);
    if (!codec.isValid())
        return Cli::usageError(encodeCommand, program, codec.keyError().message());
    const auto cookie = codec.encode(settings.name, value);
    if (!cookie.ok()) {
        Cli::printErr(QStringLiteral("%1: cannot encode: %2: %3\n")
                          .arg(program, cookie.error().codeName(), cookie.error().message()));
        return Cli::Failure;
    }
    Cli::printOut(cookie.value() + '\n');
    return Cli::Success;
}

int runCookieCommand(const QStringList &arguments)
{
    return Cli::dispatch(arguments, { { "decode", runDecode }, { "encode", runEncode } },
                         groupCommand, groupProgram);
}

} // namespace

REDISTORE_COMMAND_GROUP("cookie", "Encode and decode gorilla/securecookie cookie values",
                        runCookieCommand);
