#ifndef REDISTORE_SECRETERROR_H
#define REDISTORE_SECRETERROR_H

#include <libredistore/redistore_export.h>

#include <QtCore/QMetaType>
#include <QtCore/QString>

namespace RediStore {

// Why a secret (a Redis URL with a password, a cookie key) could not be read. The message names
// the option, the file or the environment variable, never the secret itself.
class REDISTORE_EXPORT SecretError
{
    Q_GADGET

public:
    enum class Code {
        NoError = 0,

        // 100: usage errors (the command line asks for something that cannot be)
        OptionConflict = 100, // both --url and --url-file
        StandardInputTaken, // "-" given to a second file option: standard input is read once

        // 200: the file cannot give a secret
        FileUnreadable = 200, // missing, a folder, no permission, a read error
        FileEmpty, // nothing in it (or only a newline)
    };
    Q_ENUM(Code)

    SecretError() = default;
    SecretError(Code code, QString message)
        : m_code(code)
        , m_message(std::move(message))
    { }

    Code code() const noexcept { return m_code; }
    // E.g. "--hash-key-file /etc/app/key: No such file or directory".
    QString message() const { return m_message; }
    // The code's name, e.g. "FileUnreadable".
    QString codeName() const;
    bool isError() const noexcept { return m_code != Code::NoError; }
    bool isUsageError() const noexcept { return int(m_code) >= 100 && int(m_code) < 200; }

private:
    Code m_code = Code::NoError;
    QString m_message;
};

} // namespace RediStore

Q_DECLARE_METATYPE(RediStore::SecretError)

#endif // REDISTORE_SECRETERROR_H
