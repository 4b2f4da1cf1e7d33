#include "cli.h"

#include <QtCore/QLocale>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace Cli {

bool Arguments::isSet(const QString &name) const
{
    return count(name) > 0;
}

QString Arguments::value(const QString &name) const
{
    for (auto it = options.crbegin(); it != options.crend(); ++it) {
        if (it->first == name)
            return it->second;
    }
    return QString();
}

int Arguments::count(const QString &name) const
{
    int n = 0;
    for (const auto &option : options)
        n += option.first == name ? 1 : 0;
    return n;
}

bool parse(const Command &command, const QStringList &arguments, Arguments *parsed, QString *error)
{
    auto find = [&command](const QString &name) -> const Option * {
        for (const Option &option : command.options) {
            if (option.name == name)
                return &option;
        }
        return nullptr;
    };
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == QLatin1String("--")) {
            parsed->positional += arguments.mid(i + 1);
            break;
        }
        if (argument == QLatin1String("--help") || argument == QLatin1String("-h")) {
            parsed->help = true;
            continue;
        }
        // "-" is stdin; "-5" is a (negative number) value.
        const bool isOption = argument.startsWith(QLatin1String("--"))
            || (argument.size() > 1 && argument.startsWith(QLatin1Char('-'))
                && !argument.at(1).isDigit());
        if (!isOption) {
            parsed->positional.append(argument);
            continue;
        }
        QString name = argument.mid(argument.startsWith(QLatin1String("--")) ? 2 : 1);
        QString value;
        bool hasInlineValue = false;
        if (const qsizetype eq = name.indexOf(QLatin1Char('=')); eq >= 0) {
            value = name.mid(eq + 1);
            name.truncate(eq);
            hasInlineValue = true;
        }
        const Option *option = find(name);
        if (!option) {
            *error = QStringLiteral("unknown option '%1'").arg(argument);
            return false;
        }
        if (option->valueName.isEmpty()) {
            if (hasInlineValue) {
                *error = QStringLiteral("option '--%1' takes no value").arg(name);
                return false;
            }
        } else if (!hasInlineValue) {
            if (i + 1 >= arguments.size()) {
                *error = QStringLiteral("option '--%1' needs a value (%2)")
                             .arg(name, option->valueName);
                return false;
            }
            value = arguments.at(++i);
        }
        parsed->options.append({ name, value });
    }
    return true;
}

void printHelp(const Command &command)
{
    QString text = QStringLiteral("Usage: %1\n\n%2\n").arg(command.usage, command.description);
    QList<Option> options = command.options;
    options.append({ QStringLiteral("help"), QString(), QStringLiteral("Show this help.") });
    text += QStringLiteral("\nOptions:\n");
    for (const Option &option : options) {
        const QString left = QStringLiteral("--") + option.name
            + (option.valueName.isEmpty() ? QString() : QLatin1Char(' ') + option.valueName);
        text += QStringLiteral("  %1  %2\n").arg(left, -26).arg(option.description);
    }
    printOut(text.toUtf8());
}

int usageError(const Command &command, const QString &program, const QString &message)
{
    printErr(QStringLiteral("%1: %2\nUsage: %3\nTry '%1 --help'.\n")
                 .arg(program, message, command.usage));
    return UsageError;
}

int dispatch(const QStringList &arguments, std::initializer_list<Subcommand> subcommands,
             const Command &group, const QString &program)
{
    const QString name = arguments.value(0);
    for (const Subcommand &subcommand : subcommands) {
        if (name == QLatin1String(subcommand.name))
            return subcommand.run(arguments.mid(1));
    }
    if (name == QLatin1String("--help") || name == QLatin1String("-h")) {
        printHelp(group);
        return Success;
    }
    return usageError(group, program,
                      name.isEmpty() ? QStringLiteral("no command given")
                                     : QStringLiteral("unknown command '%1'").arg(name));
}

RediStore::Result<RediStore::SecretInput::Value, RediStore::SecretError>
readUrl(const Arguments &arguments)
{
    const RediStore::SecretInput url(QStringLiteral("url"), QStringLiteral("REDISTORE_URL"));
    auto given = [&arguments](const QString &name) -> std::optional<QString> {
        if (!arguments.isSet(name))
            return std::nullopt;
        return arguments.value(name);
    };
    return url.read(given(url.optionName()), given(url.fileOptionName()));
}

bool toInt64(const QString &text, qint64 *value)
{
    bool ok = false;
    *value = text.toLongLong(&ok);
    return ok;
}

namespace {

void appendString(QByteArray &out, const QString &text)
{
    out += '"';
    const QByteArray utf8 = text.toUtf8();
    for (char c : utf8) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (uchar(c) < 0x20) {
                char buffer[8];
                std::snprintf(buffer, sizeof buffer, "\\u%04x", unsigned(uchar(c)));
                out += buffer;
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

void appendJson(QByteArray &out, const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::UnknownType:
    case QMetaType::Nullptr:
        out += "null";
        return;
    case QMetaType::Bool:
        out += value.toBool() ? "true" : "false";
        return;
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::Short:
    case QMetaType::Long:
        out += QByteArray::number(value.toLongLong());
        return;
    case QMetaType::UInt:
    case QMetaType::ULongLong:
    case QMetaType::UShort:
    case QMetaType::ULong:
        out += QByteArray::number(value.toULongLong());
        return;
    case QMetaType::Double:
    case QMetaType::Float: {
        const double d = value.toDouble();
        if (!std::isfinite(d)) {
            out += "null";
            return;
        }
        QByteArray text = QByteArray::number(d, 'g', QLocale::FloatingPointShortest);
        if (!text.contains('.') && !text.contains('e'))
            text += ".0";
        out += text;
        return;
    }
    case QMetaType::QByteArray:
        out += '"' + value.toByteArray().toBase64() + '"';
        return;
    case QMetaType::QVariantList:
    case QMetaType::QStringList: {
        out += '[';
        const QVariantList list = value.toList();
        for (qsizetype i = 0; i < list.size(); ++i) {
            if (i)
                out += ',';
            appendJson(out, list.at(i));
        }
        out += ']';
        return;
    }
    case QMetaType::QVariantMap:
    case QMetaType::QVariantHash: {
        out += '{';
        const QVariantMap map
            = value.typeId() == QMetaType::QVariantMap ? value.toMap() : [&value] {
                  QVariantMap sorted;
                  const QVariantHash hash = value.toHash();
                  for (auto it = hash.cbegin(); it != hash.cend(); ++it)
                      sorted.insert(it.key(), it.value());
                  return sorted;
              }();
        bool first = true;
        for (auto it = map.cbegin(); it != map.cend(); ++it) {
            if (!first)
                out += ',';
            first = false;
            appendString(out, it.key());
            out += ':';
            appendJson(out, it.value());
        }
        out += '}';
        return;
    }
    default:
        appendString(out, value.toString());
    }
}

// A small strict JSON reader that keeps integers apart from other numbers.
class JsonReader
{
public:
    explicit JsonReader(const QByteArray &text)
        : m_text(text)
    { }

    bool read(QVariant *value, QString *error)
    {
        skipBlanks();
        if (!readValue(value, 0)) {
            *error = m_error;
            return false;
        }
        skipBlanks();
        if (m_pos != m_text.size()) {
            *error = QStringLiteral("unexpected text after the JSON value at byte %1").arg(m_pos);
            return false;
        }
        return true;
    }

private:
    bool fail(const QString &what)
    {
        if (m_error.isEmpty())
            m_error = QStringLiteral("%1 at byte %2").arg(what).arg(m_pos);
        return false;
    }
    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return atEnd() ? '\0' : m_text.at(m_pos); }
    void skipBlanks()
    {
        while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r'))
            ++m_pos;
    }
    bool literal(const char *word, QVariant value, QVariant *out)
    {
        const QByteArrayView w(word);
        if (m_text.mid(m_pos, w.size()) != w)
            return fail(QStringLiteral("invalid JSON"));
        m_pos += w.size();
        *out = std::move(value);
        return true;
    }

    bool readValue(QVariant *out, int depth)
    {
        if (depth > 64)
            return fail(QStringLiteral("JSON nested too deeply"));
        switch (peek()) {
        case '{':
            return readObject(out, depth);
        case '[':
            return readArray(out, depth);
        case '"': {
            QString s;
            if (!readString(&s))
                return false;
            *out = s;
            return true;
        }
        case 't':
            return literal("true", true, out);
        case 'f':
            return literal("false", false, out);
        case 'n':
            return literal("null", QVariant(), out);
        default:
            return readNumber(out);
        }
    }

    bool readObject(QVariant *out, int depth)
    {
        ++m_pos; // '{'
        QVariantMap map;
        skipBlanks();
        if (peek() == '}') {
            ++m_pos;
            *out = map;
            return true;
        }
        for (;;) {
            skipBlanks();
            QString key;
            if (peek() != '"' || !readString(&key))
                return fail(QStringLiteral("expected a string key"));
            skipBlanks();
            if (peek() != ':')
                return fail(QStringLiteral("expected ':'"));
            ++m_pos;
            skipBlanks();
            QVariant value;
            if (!readValue(&value, depth + 1))
                return false;
            map.insert(key, value);
            skipBlanks();
            if (peek() == ',') {
                ++m_pos;
                continue;
            }
            if (peek() == '}') {
                ++m_pos;
                *out = map;
                return true;
            }
            return fail(QStringLiteral("expected ',' or '}'"));
        }
    }

    bool readArray(QVariant *out, int depth)
    {
        ++m_pos; // '['
        QVariantList list;
        skipBlanks();
        if (peek() == ']') {
            ++m_pos;
            *out = list;
            return true;
        }
        for (;;) {
            skipBlanks();
            QVariant value;
            if (!readValue(&value, depth + 1))
                return false;
            list.append(value);
            skipBlanks();
            if (peek() == ',') {
                ++m_pos;
                continue;
            }
            if (peek() == ']') {
                ++m_pos;
                *out = list;
                return true;
            }
            return fail(QStringLiteral("expected ',' or ']'"));
        }
    }

    bool readHex4(char16_t *unit)
    {
        if (m_pos + 4 > m_text.size())
            return fail(QStringLiteral("short \\u escape"));
        bool ok = false;
        *unit = char16_t(m_text.mid(m_pos, 4).toUShort(&ok, 16));
        if (!ok)
            return fail(QStringLiteral("invalid \\u escape"));
        m_pos += 4;
        return true;
    }

    bool readString(QString *out)
    {
        ++m_pos; // '"'
        QByteArray utf8;
        QString text;
        for (;;) {
            if (atEnd())
                return fail(QStringLiteral("unterminated string"));
            const char c = m_text.at(m_pos++);
            if (c == '"')
                break;
            if (uchar(c) < 0x20)
                return fail(QStringLiteral("control character in a string"));
            if (c != '\\') {
                utf8 += c;
                continue;
            }
            if (atEnd())
                return fail(QStringLiteral("unterminated string"));
            const char e = m_text.at(m_pos++);
            switch (e) {
            case '"':
            case '\\':
            case '/':
                utf8 += e;
                break;
            case 'b':
                utf8 += '\b';
                break;
            case 'f':
                utf8 += '\f';
                break;
            case 'n':
                utf8 += '\n';
                break;
            case 'r':
                utf8 += '\r';
                break;
            case 't':
                utf8 += '\t';
                break;
            case 'u': {
                char16_t units[2];
                if (!readHex4(&units[0]))
                    return false;
                int count = 1;
                if (QChar::isHighSurrogate(units[0]) && m_text.mid(m_pos, 2) == "\\u") {
                    m_pos += 2;
                    if (!readHex4(&units[1]))
                        return false;
                    count = 2;
                }
                utf8 += QString(reinterpret_cast<const QChar *>(units), count).toUtf8();
                break;
            }
            default:
                return fail(QStringLiteral("invalid escape"));
            }
        }
        *out = QString::fromUtf8(utf8);
        return true;
    }

    bool readNumber(QVariant *out)
    {
        const qsizetype start = m_pos;
        bool integral = true;
        if (peek() == '-')
            ++m_pos;
        if (!std::isdigit(uchar(peek())))
            return fail(QStringLiteral("invalid JSON"));
        while (std::isdigit(uchar(peek())))
            ++m_pos;
        if (peek() == '.') {
            integral = false;
            ++m_pos;
            if (!std::isdigit(uchar(peek())))
                return fail(QStringLiteral("invalid number"));
            while (std::isdigit(uchar(peek())))
                ++m_pos;
        }
        if (peek() == 'e' || peek() == 'E') {
            integral = false;
            ++m_pos;
            if (peek() == '+' || peek() == '-')
                ++m_pos;
            if (!std::isdigit(uchar(peek())))
                return fail(QStringLiteral("invalid number"));
            while (std::isdigit(uchar(peek())))
                ++m_pos;
        }
        const QByteArray text = m_text.mid(start, m_pos - start);
        bool ok = false;
        if (integral) {
            const qint64 i = text.toLongLong(&ok);
            if (ok) {
                *out = i;
                return true;
            }
        }
        const double d = text.toDouble(&ok);
        if (!ok)
            return fail(QStringLiteral("invalid number"));
        *out = d;
        return true;
    }

    const QByteArray &m_text;
    qsizetype m_pos = 0;
    QString m_error;
};

} // namespace

QByteArray toJson(const QVariant &value)
{
    QByteArray out;
    appendJson(out, value);
    return out;
}

bool fromJson(const QByteArray &text, QVariant *value, QString *error)
{
    return JsonReader(text).read(value, error);
}

void printOut(const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

namespace {

QList<CommandGroup> &registry()
{
    static QList<CommandGroup> groups;
    return groups;
}

} // namespace

CommandGroupRegistration::CommandGroupRegistration(const CommandGroup &group)
{
    registry().append(group);
}

QList<CommandGroup> commandGroups()
{
    QList<CommandGroup> groups = registry();
    std::sort(groups.begin(), groups.end(), [](const CommandGroup &a, const CommandGroup &b) {
        return qstrcmp(a.name, b.name) < 0;
    });
    return groups;
}

void printErr(const QString &text)
{
    const QByteArray bytes = text.toLocal8Bit();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

} // namespace Cli
