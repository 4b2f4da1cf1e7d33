#ifndef REDISTORE_EXAMPLESECRETS_H
#define REDISTORE_EXAMPLESECRETS_H

// What the examples share: their secrets (the Redis URL, which may hold a password, and the
// cookie keys) come from a file or the environment, so that `ps` does not show them.
//
//   --redis-url URL | --redis-url-file FILE (or --url-file) | REDISTORE_URL | the default
//   --hash-key-file FILE [--block-key-file FILE] | REDISTORE_HASH_KEY [REDISTORE_BLOCK_KEY]
//       | the example's built-in key, which is public (said once on stderr)
//
// FILE "-" is standard input; keys are written as KeyRing::keysFromStrings reads them:
// "hex:...", "base64:..." or the text itself.
#include <libredistore/codec/keyring.h>
#include <libredistore/config/secretinput.h>

#include <QtCore/QCommandLineParser>
#include <QtCore/QTextStream>

#include <optional>

namespace ExampleSecrets {

// --redis-url URL, --redis-url-file FILE (alias --url-file) and REDISTORE_URL, in that order.
class RedisUrl
{
public:
    // Adds the options to parser; defaultUrl is used when none of them is given (none: the
    // example needs no URL then).
    RedisUrl(QCommandLineParser *parser, const QString &defaultUrl)
        : m_defaultUrl(defaultUrl)
        , m_input(QStringLiteral("redis-url"), QStringLiteral("REDISTORE_URL"))
        , m_urlOption(QStringLiteral("redis-url"),
                      (defaultUrl.isEmpty()
                           ? QStringLiteral("Redis: ")
                           : QStringLiteral("Redis to keep the sessions in (default: "
                                            "--redis-url-file's, else REDISTORE_URL's, else ")
                               + defaultUrl + QStringLiteral("): "))
                          + urlForms(),
                      QStringLiteral("URL"))
        , m_fileOption(m_input.fileOption(QStringLiteral("Read --redis-url from FILE (\"-\": "
                                                         "standard input): a URL with a "
                                                         "password stays out of the process "
                                                         "list. REDISTORE_URL does the same."),
                                          { QStringLiteral("url-file") }))
    {
        parser->addOptions({ m_urlOption, m_fileOption });
    }

    // The URLs RedisConfig takes, for --help.
    static QString urlForms()
    {
        return QStringLiteral(
            "redis://[user:password@]host[:port][/db], rediss://... (TLS), unix:///path.sock, "
            "a Redis Cluster redis+cluster://[user:password@]host:port[,host:port...] (seed "
            "nodes), a master found through Sentinel "
            "redis+sentinel://[user:password@]host:port[,host:port...]/MASTER[/db]"
            "[?sentinel_password=...]; rediss+cluster:// and rediss+sentinel:// with TLS.");
    }

    // After parser.process(): the URL (the default when nothing is given, empty if there is
    // none), or nullopt after printing why to stderr.
    std::optional<QString> read(const QCommandLineParser &parser) const
    {
        const auto url = m_input.read(parser, m_fileOption, &m_urlOption);
        if (!url.ok()) {
            QTextStream(stderr) << url.error().message() << Qt::endl;
            return std::nullopt;
        }
        return url.value().isSet() ? url.value().text : m_defaultUrl;
    }

private:
    QString m_defaultUrl;
    RediStore::SecretInput m_input;
    QCommandLineOption m_urlOption;
    QCommandLineOption m_fileOption;
};

// Says once on stderr that the example runs with a key everyone can read.
inline void warnPublicKey(const QString &howToSetIt)
{
    QTextStream(stderr) << "warning: no key given (" << howToSetIt
                        << "): using the example's built-in key, which is public: anyone can "
                           "forge this example's sessions"
                        << Qt::endl;
}

// --hash-key-file FILE and --block-key-file FILE, else REDISTORE_HASH_KEY and
// REDISTORE_BLOCK_KEY: one key pair.
class CookieKeys
{
public:
    explicit CookieKeys(QCommandLineParser *parser)
        : m_hash(QStringLiteral("hash-key"), QStringLiteral("REDISTORE_HASH_KEY"))
        , m_block(QStringLiteral("block-key"), QStringLiteral("REDISTORE_BLOCK_KEY"))
        , m_hashFile(m_hash.fileOption(QStringLiteral(
              "The cookies' HMAC key (hex:..., base64:... or text; 32 or 64 random bytes) from "
              "FILE (\"-\": standard input); else REDISTORE_HASH_KEY.")))
        , m_blockFile(m_block.fileOption(QStringLiteral(
              "The cookies' AES key (16, 24 or 32 bytes) from FILE; else REDISTORE_BLOCK_KEY. "
              "None: cookies are signed, not encrypted.")))
    {
        parser->addOptions({ m_hashFile, m_blockFile });
    }

    // The given pair, else builtIn (with the warning that it is public); nullopt after printing
    // why the keys cannot be read.
    std::optional<RediStore::KeyRing> read(const QCommandLineParser &parser,
                                           const RediStore::KeyRing &builtIn) const
    {
        QTextStream err(stderr);
        const auto hash = m_hash.read(parser, m_hashFile);
        const auto block = m_block.read(parser, m_blockFile);
        for (const auto *value : { &hash, &block }) {
            if (!value->ok()) {
                err << value->error().message() << Qt::endl;
                return std::nullopt;
            }
        }
        if (!hash.value().isSet()) {
            if (block.value().isSet()) {
                err << block.value().origin << ": a block key needs a hash key "
                    << "(--hash-key-file or REDISTORE_HASH_KEY)" << Qt::endl;
                return std::nullopt;
            }
            warnPublicKey(QStringLiteral("--hash-key-file or REDISTORE_HASH_KEY"));
            return builtIn;
        }
        // The messages name the key, never its text.
        const auto keys
            = RediStore::KeyRing::keysFromStrings({ hash.value().text, block.value().text });
        if (!keys.ok()) {
            err << hash.value().origin << ": " << keys.error().message() << Qt::endl;
            return std::nullopt;
        }
        if (const auto valid = keys.value().validate(); !valid.ok()) {
            err << hash.value().origin << ": " << valid.error().message() << Qt::endl;
            return std::nullopt;
        }
        return keys.value();
    }

private:
    RediStore::SecretInput m_hash;
    RediStore::SecretInput m_block;
    QCommandLineOption m_hashFile;
    QCommandLineOption m_blockFile;
};

} // namespace ExampleSecrets

#endif // REDISTORE_EXAMPLESECRETS_H
