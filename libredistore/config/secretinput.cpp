#include "secretinput.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>

#include <atomic>
#include <cstdio>

namespace RediStore {

namespace {

// A secret is a key or a URL: anything bigger is the wrong file (or /dev/zero).
constexpr qint64 maxSecretFileSize = 64 * 1024;

std::atomic<bool> standardInputTaken { false };

SecretError fileError(SecretError::Code code, const QString &optionName, const QString &path,
                      const QString &reason)
{
    return SecretError(code, QStringLiteral("--%1 %2: %3").arg(optionName, path, reason));
}

} // namespace

SecretInput::SecretInput(const QString &optionName, const QString &environmentVariable)
    : m_optionName(optionName)
    , m_environmentVariable(environmentVariable)
{ }

Result<SecretInput::Value, SecretError>
SecretInput::read(const std::optional<QString> &optionValue,
                  const std::optional<QString> &filePath) const
{
    if (optionValue && filePath) {
        return SecretError(
            SecretError::Code::OptionConflict,
            QStringLiteral("give --%1 or --%2, not both").arg(m_optionName, fileOptionName()));
    }
    if (optionValue)
        return Value { *optionValue, Source::Option, QStringLiteral("--") + m_optionName };
    if (filePath) {
        auto text = readFile(*filePath, fileOptionName());
        if (!text.ok())
            return text.error();
        return Value { std::move(text).value(), Source::File,
                       QStringLiteral("--%1 %2").arg(fileOptionName(), *filePath) };
    }
    if (!m_environmentVariable.isEmpty()) {
        const QString text = qEnvironmentVariable(m_environmentVariable.toLatin1().constData());
        if (!text.isEmpty())
            return Value { text, Source::Environment, m_environmentVariable };
    }
    return Value {};
}

Result<SecretInput::Value, SecretError>
SecretInput::read(const QCommandLineParser &parser, const QCommandLineOption &fileOption,
                  const QCommandLineOption *valueOption) const
{
    std::optional<QString> value;
    if (valueOption && parser.isSet(*valueOption))
        value = parser.value(*valueOption);
    std::optional<QString> file;
    if (parser.isSet(fileOption))
        file = parser.value(fileOption);
    return read(value, file);
}

QCommandLineOption SecretInput::fileOption(const QString &description,
                                           const QStringList &aliases) const
{
    return QCommandLineOption(QStringList { fileOptionName() } + aliases, description,
                              QStringLiteral("FILE"));
}

Result<QString, SecretError> SecretInput::readFile(const QString &path, const QString &optionName)
{
    QFile file;
    if (path == QLatin1String("-")) {
        if (standardInputTaken.exchange(true)) {
            return fileError(SecretError::Code::StandardInputTaken, optionName, path,
                             QStringLiteral("standard input was already read for another "
                                            "option"));
        }
        if (!file.open(stdin, QIODevice::ReadOnly)) {
            return fileError(SecretError::Code::FileUnreadable, optionName, path,
                             file.errorString());
        }
    } else {
        if (path.isEmpty()) {
            return fileError(SecretError::Code::FileUnreadable, optionName, QStringLiteral("''"),
                             QStringLiteral("no file name"));
        }
        if (QFileInfo(path).isDir()) {
            return fileError(SecretError::Code::FileUnreadable, optionName, path,
                             QStringLiteral("is a folder, not a file"));
        }
        file.setFileName(path);
        if (!file.open(QIODevice::ReadOnly)) {
            return fileError(SecretError::Code::FileUnreadable, optionName, path,
                             file.errorString());
        }
    }
    QByteArray bytes = file.read(maxSecretFileSize + 1);
    if (file.error() != QFileDevice::NoError) {
        return fileError(SecretError::Code::FileUnreadable, optionName, path, file.errorString());
    }
    if (bytes.size() > maxSecretFileSize) {
        return fileError(SecretError::Code::FileUnreadable, optionName, path,
                         QStringLiteral("over 64 KiB: a secret file holds one key or URL"));
    }
    if (bytes.endsWith('\n')) {
        bytes.chop(1);
        if (bytes.endsWith('\r'))
            bytes.chop(1);
    }
    if (bytes.isEmpty())
        return fileError(SecretError::Code::FileEmpty, optionName, path,
                         QStringLiteral("is empty"));
    return QString::fromUtf8(bytes);
}

} // namespace RediStore
