#ifndef REDISTORE_SECRETINPUT_H
#define REDISTORE_SECRETINPUT_H

#include <libredistore/config/secreterror.h>
#include <libredistore/redistore_export.h>
#include <libredistore/result.h>

#include <QtCore/QCommandLineOption>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <optional>

QT_BEGIN_NAMESPACE
class QCommandLineParser;
QT_END_NAMESPACE

namespace RediStore {

// One secret setting of a program, and the three places it may come from: an option
// (--url URL), the option's file form (--url-file FILE, "-" for standard input) and an
// environment variable (REDISTORE_URL). The option beats the file, the file beats the
// environment; an option and its file form together are a usage error. Only the option shows
// the secret to `ps`; the file and the environment keep it out of the process list.
//
//   const SecretInput url(QStringLiteral("url"), QStringLiteral("REDISTORE_URL"));
//   const auto secret = url.read(urlArgument, urlFileArgument);
//   if (!secret.ok())
//       fail(secret.error().message()); // "--url-file /run/redis: No such file or directory"
//
// Messages name the option, the file or the variable, never the secret.
class REDISTORE_EXPORT SecretInput
{
public:
    enum class Source { None, Option, File, Environment };

    struct Value
    {
        QString text;
        Source source = Source::None;
        // Where it came from, for messages: "--url", "--url-file /run/redis" or "REDISTORE_URL".
        QString origin;

        bool isSet() const noexcept { return source != Source::None; }
    };

    // --<optionName>, --<optionName>-file and environmentVariable (none if empty).
    SecretInput(const QString &optionName, const QString &environmentVariable);

    QString optionName() const { return m_optionName; } // "url"
    QString fileOptionName() const { return m_optionName + QStringLiteral("-file"); } // "url-file"
    QString environmentVariable() const { return m_environmentVariable; } // "REDISTORE_URL"

    // The secret from the option's value, else from the file, else from the environment (an
    // empty variable counts as unset); Source::None when none of them is given.
    Result<Value, SecretError> read(const std::optional<QString> &optionValue,
                                    const std::optional<QString> &filePath) const;

    // The same from a parser that knows fileOption (made by fileOption()) and, if given,
    // valueOption.
    Result<Value, SecretError> read(const QCommandLineParser &parser,
                                    const QCommandLineOption &fileOption,
                                    const QCommandLineOption *valueOption = nullptr) const;

    // The file form as a QCommandLineOption ("FILE"), under fileOptionName() and aliases.
    QCommandLineOption fileOption(const QString &description,
                                  const QStringList &aliases = {}) const;

    // One secret from a file, "-" for standard input (which a process reads once: a second
    // "-" is StandardInputTaken). One trailing newline ("\n" or "\r\n") is stripped, so that
    // `echo KEY > FILE` works; the text is UTF-8. An empty file, a folder, a file that cannot
    // be opened or one over 64 KiB is an error naming optionName ("hash-key-file") and path.
    static Result<QString, SecretError> readFile(const QString &path, const QString &optionName);

private:
    QString m_optionName;
    QString m_environmentVariable;
};

} // namespace RediStore

#endif // REDISTORE_SECRETINPUT_H
