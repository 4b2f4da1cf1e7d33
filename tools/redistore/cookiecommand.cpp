#include "cli.h"
#include "sessionscommand.h"
#include "sessiontext.h"

#include <libredistore/codec/cookieheader.h>
#include <libredistore/codec/gob.h>
#include <libredistore/codec/gojson.h>
#include <libredistore/codec/securecookie.h>
#include <libredistore/config/secretinput.h>
#include <libredistore/redis/redisconfig.h>
#include <libredistore/session/sessionadmin.h>

#include <QtCore/QLoggingCategory>

#include <algorithm>

namespace {

using Cli::Option;
using RediStore::SecureCookie;

const QString groupProgram = QStringLiteral("redistore cookie");
const QString defaultUrl = QStringLiteral("redis://127.0.0.1:6379/0");
const QString defaultPrefix = QStringLiteral("session_");
const QString keysLine = QStringLiteral(
    "Keys: hex:HEX, base64:B64, or the text itself, as the library reads them. To keep them off "
    "the command line (where ps shows them), --hash-key-file FILE and --block-key-file FILE "
    "read a key from a file (\"-\": standard input; one trailing newline is dropped) in place "
    "of --hash-key and --block-key, and without key options REDISTORE_HASH_KEY and "
    "REDISTORE_BLOCK_KEY give one key pair.");
const QString urlLine = QStringLiteral(
    "The URL may hold a password: --url-file FILE (\"-\": standard input) or REDISTORE_URL "
    "keep it off the command line; --url beats --url-file beats REDISTORE_URL.");
const Option hashKeyFileOption { QStringLiteral("hash-key-file"), QStringLiteral("FILE"),
                                 QStringLiteral("--hash-key read from FILE (\"-\": standard "
                                                "input).") };
const Option blockKeyFileOption { QStringLiteral("block-key-file"), QStringLiteral("FILE"),
                                  QStringLiteral("--block-key read from FILE (\"-\": standard "
                                                 "input).") };

const Option nameOption { QStringLiteral("name"), QStringLiteral("NAME"),
                          QStringLiteral("The cookie name (it is signed, not stored).") };
const Option encodingOption { QStringLiteral("encoding"), QStringLiteral("gob|json"),
                              QStringLiteral("Payload encoding (default gob).") };
const Option nowOption { QStringLiteral("now"), QStringLiteral("UNIX_SECONDS"),
                         QStringLiteral("Use this time instead of the clock.") };

const Cli::Command decodeCommand {
    QStringLiteral("redistore cookie decode --name NAME --hash-key KEY [--block-key KEY] "
                   "[--hash-key KEY [--block-key KEY]]... [--encoding gob|json] [--max-age S] "
                   "[--min-age S] [--max-length N] [--now UNIX_SECONDS] "
                   "[--show-session [--url URL | --url-file FILE] [--prefix P]] COOKIE"),
    QStringLiteral("Decodes a gorilla/securecookie value and prints it as JSON.\n"
                   "COOKIE is the value, NAME=VALUE, or a Cookie header line (\"Cookie: a=1; "
                   "NAME=VALUE; b=2\", with or without \"Cookie:\"); of several cookies called "
                   "NAME, the first that decodes counts, as for the store.\n"
                   "Repeated --hash-key options form the key ring, tried in order; a "
                   "--block-key belongs to the --hash-key before it.\n")
        + keysLine
        + QStringLiteral("\nWith --show-session, the session the cookie names is then loaded "
                         "from Redis and shown as 'redistore sessions show' shows it. ")
        + urlLine
        + QStringLiteral("\n"
                         "Exit status: 0 decoded, 1 does not decode, the session is gone or "
                         "Redis failed (the reason on stderr), 2 bad arguments."),
    { nameOption,
      { QStringLiteral("hash-key"), QStringLiteral("KEY"),
        QStringLiteral("HMAC-SHA256 key of a key pair (repeatable).") },
      { QStringLiteral("block-key"), QStringLiteral("KEY"),
        QStringLiteral("AES key (16, 24 or 32 bytes) of the pair before it.") },
      hashKeyFileOption,
      blockKeyFileOption,
      encodingOption,
      { QStringLiteral("max-age"), QStringLiteral("S"),
        QStringLiteral("Reject cookies signed more than S seconds ago (default 2592000; 0: no "
                       "limit).") },
      { QStringLiteral("min-age"), QStringLiteral("S"),
        QStringLiteral("Reject cookies signed less than S seconds ago (default 0).") },
      { QStringLiteral("max-length"), QStringLiteral("N"),
        QStringLiteral("Reject cookies longer than N characters (default 4096; 0: no limit).") },
      nowOption,
      { QStringLiteral("show-session"), QString(),
        QStringLiteral("Also load the session the cookie names from Redis and show it.") },
      { QStringLiteral("url"), QStringLiteral("URL"),
        QStringLiteral("With --show-session: Redis, redis://[user:pass@]host[:port][/db], "
                       "rediss://... (TLS) or unix:///path.sock (default ")
            + defaultUrl + QStringLiteral(").") },
      { QStringLiteral("url-file"), QStringLiteral("FILE"),
        QStringLiteral("With --show-session: --url read from FILE (\"-\": standard input).") },
      { QStringLiteral("prefix"), QStringLiteral("P"),
        QStringLiteral("With --show-session: key prefix of the sessions (default ") + defaultPrefix
            + QStringLiteral(").") } },
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
      hashKeyFileOption,
      blockKeyFileOption,
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
    SecureCookie::Encoding encoding = SecureCookie::Encoding::Gob;
    std::optional<qint64> now;
    qint64 maxAge = SecureCookie::DefaultMaxAge;
    qint64 minAge = 0;
    qsizetype maxLength = SecureCookie::DefaultMaxLength;
};

// Reads --name, the key options in order, --encoding and --now; false with *error on misuse.
bool readSettings(const Cli::Arguments &arguments, CookieSettings *settings, QString *error)
{
    if (arguments.count(QStringLiteral("name")) != 1) {
        *error = QStringLiteral("give --name exactly once");
        return false;
    }
    settings->name = arguments.value(QStringLiteral("name")).toUtf8();

    // Keys in command-line order: a --block-key completes the --hash-key before it, and a
    // --*-key-file stands where its --*-key would. The texts go to the library as they are, so
    // that a key reads the same here as in a program's settings.
    QStringList keyTexts; // hash key, block key, hash key, block key, ...
    bool blockAllowed = false;
    for (const auto &[option, argument] : arguments.options) {
        const bool isHash
            = option == QLatin1String("hash-key") || option == QLatin1String("hash-key-file");
        const bool isBlock
            = option == QLatin1String("block-key") || option == QLatin1String("block-key-file");
        if (!isHash && !isBlock)
            continue;
        QString value = argument;
        if (option.endsWith(QLatin1String("-file"))) {
            const auto text = RediStore::SecretInput::readFile(argument, option);
            if (!text.ok()) {
                *error = text.error().message();
                return false;
            }
            value = text.value();
        }
        if (isHash) {
            keyTexts << value << QString();
            blockAllowed = true;
        } else if (blockAllowed) {
            keyTexts.last() = value;
            blockAllowed = false;
        } else {
            *error = keyTexts.isEmpty()
                ? QStringLiteral("--%1 must follow the --hash-key it belongs to").arg(option)
                : QStringLiteral("key pair %1 has two --block-key or --block-key-file "
                                 "options")
                      .arg(keyTexts.size() / 2);
            return false;
        }
    }
    if (keyTexts.isEmpty()) {
        // Without key options, the environment gives one pair.
        const RediStore::SecretInput hashKey(QStringLiteral("hash-key"),
                                             QStringLiteral("REDISTORE_HASH_KEY"));
        const RediStore::SecretInput blockKey(QStringLiteral("block-key"),
                                              QStringLiteral("REDISTORE_BLOCK_KEY"));
        const auto hash = hashKey.read(std::nullopt, std::nullopt);
        const auto block = blockKey.read(std::nullopt, std::nullopt);
        if (hash.value().isSet()) {
            keyTexts << hash.value().text << block.value().text;
        } else if (block.value().isSet()) {
            *error = QStringLiteral("REDISTORE_BLOCK_KEY is set but REDISTORE_HASH_KEY is not");
            return false;
        }
    }
    if (keyTexts.isEmpty()) {
        *error = QStringLiteral("give at least one --hash-key or --hash-key-file, or set "
                                "REDISTORE_HASH_KEY");
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
        settings->encoding = SecureCookie::Encoding::Json;
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

// A codec with the settings' keys (or the given ones), encoding, clock and limits.
SecureCookie makeCodec(const CookieSettings &settings, const RediStore::KeyRing &keys)
{
    SecureCookie codec(keys);
    codec.setEncoding(settings.encoding);
    if (settings.now) {
        const qint64 now = *settings.now;
        codec.setClock([now] { return now; });
    }
    codec.setMaxAge(settings.maxAge);
    codec.setMinAge(settings.minAge);
    codec.setMaxLength(settings.maxLength);
    return codec;
}

SecureCookie makeCodec(const CookieSettings &settings)
{
    return makeCodec(settings, settings.keys);
}

// The values COOKIE holds for the cookie called name: the value itself, "name=value", or a
// Cookie header line ("Cookie: a=1; name=value", with or without "Cookie:"), read as the store
// reads a request's Cookie header. False with *error when no cookie has that name.
bool cookieValues(const QString &argument, const QByteArray &name, QByteArrayList *values,
                  QString *error)
{
    QByteArray text = argument.toUtf8().trimmed();
    if (text.size() >= 2 && text.startsWith('"') && text.endsWith('"'))
        text = text.sliced(1, text.size() - 2); // a quoted value, as a header may carry it
    const QByteArrayView headerName("cookie:");
    bool isHeader
        = text.size() >= headerName.size() && text.first(headerName.size()).toLower() == headerName;
    if (isHeader) {
        text = text.sliced(headerName.size());
    } else {
        // A bare value has '=' only as base64 padding at its end; "name=value" has one before.
        const qsizetype eq = text.indexOf('=');
        isHeader = text.contains(';')
            || (eq > 0
                && std::any_of(text.cbegin() + eq, text.cend(), [](char c) { return c != '='; }));
    }
    if (!isHeader) {
        *values = { text };
        return true;
    }
    *values = RediStore::CookieHeader::values({ text }, name);
    if (!values->isEmpty())
        return true;
    QStringList names;
    for (const QNetworkCookie &cookie : RediStore::CookieHeader::parse(text))
        names << QString::fromUtf8(cookie.name());
    *error = names.isEmpty() ? QStringLiteral("COOKIE holds no cookie")
                             : QStringLiteral("COOKIE has no cookie called '%1' (it has %2)")
                                   .arg(QString::fromUtf8(name), names.join(QStringLiteral(", ")));
    return false;
}

// Why the payload under a verified signature does not decode, for a key pair without a block
// key: the cookie was encrypted with a block key that was not given, or it is plain in the
// other encoding.
struct PayloadVerdict
{
    enum Kind { Unknown, Encrypted, OtherEncoding } kind = Unknown;
    int pair = -1; // 0-based
    RediStore::CodecError reason; // Encrypted: why the payload is not the plain encoding
};

RediStore::Result<QVariant, RediStore::CodecError> decodeAs(SecureCookie::Encoding encoding,
                                                            const QByteArray &payload)
{
    return encoding == SecureCookie::Encoding::Gob ? RediStore::Gob::decode(payload)
                                                   : RediStore::GoJson::unmarshal(payload);
}

PayloadVerdict judgePayload(const CookieSettings &settings, const QByteArray &cookie,
                            const SecureCookie::Inspection &found)
{
    using Code = RediStore::CodecError::Code;
    for (qsizetype i = 0; i < found.keyErrors.size() && i < settings.keys.size(); ++i) {
        const RediStore::KeyRing::Pair &pair = settings.keys.at(i);
        if (!pair.blockKey.isEmpty() || found.keyErrors.at(i).code() != Code::CannotDeserialize)
            continue;
        // The MAC verifies under this pair alone; what it signed is the payload.
        const auto payload
            = makeCodec(settings, RediStore::KeyRing { pair }).decodePayload(settings.name, cookie);
        if (!payload.ok())
            continue;
        const auto plain = decodeAs(settings.encoding, payload.value());
        if (plain.ok())
            continue;
        const SecureCookie::Encoding other = settings.encoding == SecureCookie::Encoding::Gob
            ? SecureCookie::Encoding::Json
            : SecureCookie::Encoding::Gob;
        if (decodeAs(other, payload.value()).ok())
            return { PayloadVerdict::OtherEncoding, int(i), {} };
        // Well formed but holding a type this codec does not read: plain after all. AES-CTR
        // puts a 16-byte IV before at least one byte of ciphertext.
        const Code code = plain.error().code();
        if (code == Code::GobUnsupportedType || code == Code::JsonUnsupportedValue
            || payload.value().size() <= 16) {
            continue;
        }
        return { PayloadVerdict::Encrypted, int(i), plain.error() };
    }
    return {};
}

QString encodingName(SecureCookie::Encoding encoding)
{
    return encoding == SecureCookie::Encoding::Gob ? QStringLiteral("gob") : QStringLiteral("json");
}

// Why a cookie does not decode, for stderr.
QString decodeFailure(const QString &program, const CookieSettings &settings,
                      const QByteArray &cookie, const SecureCookie::Inspection &found)
{
    QString text;
    const PayloadVerdict verdict = judgePayload(settings, cookie, found);
    if (verdict.kind == PayloadVerdict::Encrypted) {
        text = QStringLiteral("%1: cookie does not decode: encrypted: give --block-key (key pair "
                              "%2 verifies the signature, but the payload is not plain %3: %4: "
                              "%5)\n")
                   .arg(program)
                   .arg(verdict.pair + 1)
                   .arg(encodingName(settings.encoding), verdict.reason.codeName(),
                        verdict.reason.message());
    } else {
        text = QStringLiteral("%1: cookie does not decode: %2: %3\n")
                   .arg(program, found.error.codeName(), found.error.message());
        if (verdict.kind == PayloadVerdict::OtherEncoding) {
            text += settings.encoding == SecureCookie::Encoding::Gob
                ? QStringLiteral("  the payload is JSON: give --encoding json\n")
                : QStringLiteral("  the payload is gob: give --encoding gob\n");
        }
    }
    if (found.keyErrors.size() > 1) {
        for (qsizetype i = 0; i < found.keyErrors.size(); ++i) {
            const RediStore::CodecError &keyError = found.keyErrors.at(i);
            text += QStringLiteral("  key pair %1: %2: %3\n")
                        .arg(i + 1)
                        .arg(keyError.codeName(), keyError.message());
        }
    }
    return text;
}

// Where --show-session looks; false with *error for a bad --url.
struct SessionLocation
{
    RediStore::RedisConfig redis;
    QString prefix;
};

bool readSessionLocation(const Cli::Arguments &arguments, SessionLocation *location, QString *error)
{
    const auto url = Cli::readUrl(arguments);
    if (!url.ok()) {
        *error = url.error().message();
        return false;
    }
    const auto config
        = RediStore::RedisConfig::fromUrl(url.value().isSet() ? url.value().text : defaultUrl);
    if (!config.ok()) {
        *error = (url.value().isSet() ? url.value().origin : QStringLiteral("--url"))
            + QStringLiteral(": ") + config.error().message();
        return false;
    }
    location->redis = config.value();
    // One attempt: a refused or unreachable server fails the command at once.
    location->redis.setAutoReconnect(false);
    location->prefix = arguments.isSet(QStringLiteral("prefix"))
        ? arguments.value(QStringLiteral("prefix"))
        : defaultPrefix;
    return true;
}

// Loads the session a decoded cookie names and prints it as "redistore sessions show" does.
int showSession(const QString &program, const SessionLocation &location, const QVariant &value)
{
    if (value.typeId() != QMetaType::QString || value.toString().isEmpty()) {
        Cli::printErr(QStringLiteral("%1: --show-session: the cookie holds no session ID (a "
                                     "store's cookie holds one string)\n")
                          .arg(program));
        return Cli::Failure;
    }
    // The library's log (a refused connection, ...) would repeat the error printed here.
    // QT_LOGGING_RULES still turns it on.
    QLoggingCategory::setFilterRules(QStringLiteral("redistore.*.debug=false\n"
                                                    "redistore.*.info=false\n"
                                                    "redistore.*.warning=false"));
    RediStore::SessionAdmin admin(location.redis, location.prefix);
    const QString id = value.toString();
    const RediStore::SessionContent content = Cli::await(admin.load(id));
    if (content.error.code() == RediStore::SessionError::Code::SessionGone) {
        Cli::printErr(QStringLiteral("%1: session %2 is gone: Redis has no key %3 (it expired, "
                                     "was deleted or was never saved)\n")
                          .arg(program, id, QString::fromUtf8(admin.keyFor(id))));
        return Cli::Failure;
    }
    if (content.error.isError()) {
        Cli::printErr(program + QStringLiteral(": ") + content.error.message() + QLatin1Char('\n'));
        return Cli::Failure;
    }
    Cli::printOut(Cli::sessionText(id, admin.keyFor(id), content).toUtf8());
    return Cli::Success;
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
    if (!readSettings(arguments, &settings, &error)
        || !readLimit(arguments, QStringLiteral("max-age"), &settings.maxAge, &error)
        || !readLimit(arguments, QStringLiteral("min-age"), &settings.minAge, &error)
        || !readLimit(arguments, QStringLiteral("max-length"), &settings.maxLength, &error)) {
        return Cli::usageError(decodeCommand, program, error);
    }
    if (arguments.positional.size() != 1)
        return Cli::usageError(decodeCommand, program, QStringLiteral("give one COOKIE"));
    const bool show = arguments.isSet(QStringLiteral("show-session"));
    if (!show
        && (arguments.isSet(QStringLiteral("url")) || arguments.isSet(QStringLiteral("url-file"))
            || arguments.isSet(QStringLiteral("prefix")))) {
        return Cli::usageError(decodeCommand, program,
                               QStringLiteral("--url, --url-file and --prefix go with "
                                              "--show-session"));
    }
    SessionLocation location;
    if (show && !readSessionLocation(arguments, &location, &error))
        return Cli::usageError(decodeCommand, program, error);

    const SecureCookie codec = makeCodec(settings);
    if (!codec.isValid())
        return Cli::usageError(decodeCommand, program, codec.keyError().message());

    QByteArrayList cookies;
    if (!cookieValues(arguments.positional.first(), settings.name, &cookies, &error)) {
        Cli::printErr(program + QStringLiteral(": ") + error + QLatin1Char('\n'));
        return Cli::Failure;
    }
    // Of several cookies with the name (a browser sends one per path), the first that decodes
    // counts; otherwise the first one's reasons are shown.
    SecureCookie::Inspection found;
    QByteArray cookie;
    for (qsizetype i = 0; i < cookies.size() && !found.ok(); ++i) {
        SecureCookie::Inspection inspection = codec.inspect(settings.name, cookies.at(i));
        if (i == 0 || inspection.ok()) {
            found = std::move(inspection);
            cookie = cookies.at(i);
        }
    }
    if (!found.ok()) {
        Cli::printErr(decodeFailure(program, settings, cookie, found));
        return Cli::Failure;
    }
    Cli::printOut(Cli::toJson(found.value) + '\n');
    return show ? showSession(program, location, found.value) : Cli::Success;
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

    const SecureCookie codec = makeCodec(settings);
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
