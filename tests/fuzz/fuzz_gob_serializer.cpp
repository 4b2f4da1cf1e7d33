// GobSerializer both ways. Inputs starting with a byte below 0x80 are stored bytes to
// deserialize (any result but a crash is fine; what deserializes must round-trip). Other
// inputs are a recipe for session values (nested lists and maps, every supported type), which
// must serialize and deserialize to the same values: this drives the encoder's type ids and
// its definitions in the middle of values.

#include <libredistore/serializer/gobserializer.h>

#include "fuzzsupport.h"

#include <QtCore/QStringList>

#include <cstring>

using namespace RediStore;

namespace {

class Recipe
{
public:
    Recipe(const uint8_t *data, size_t size)
        : m_data(data)
        , m_size(size)
    { }

    bool atEnd() const { return m_pos >= m_size; }
    uint8_t next() { return m_pos < m_size ? m_data[m_pos++] : 0; }

    QString string()
    {
        const int length = next() % 12;
        QString text;
        for (int i = 0; i < length; ++i) {
            const uint8_t c = next();
            // ASCII, Latin-1, BMP and astral characters; sometimes a lone surrogate.
            if (c < 0x80)
                text.append(QChar(char16_t(c)));
            else if (c < 0xc0)
                text.append(QChar(char16_t(0x100 + c * 37)));
            else if (c < 0xf0)
                text.append(QString::fromUcs4(U"\U0001F600", 1));
            else
                text.append(QChar(char16_t(0xd800 + c)));
        }
        return text;
    }

    QVariant value(int depth)
    {
        switch (next() % (depth > 6 ? 9 : 12)) {
        case 0:
            return QVariant();
        case 1:
            return bool(next() & 1);
        case 2: {
            const quint64 magnitude = quint64(next()) << (next() % 64);
            return QVariant(qlonglong((next() & 1) ? magnitude : 0 - magnitude));
        }
        case 3:
            return QVariant(qulonglong(quint64(next()) << (next() % 64)));
        case 4: {
            quint64 bits = 0;
            for (int i = 0; i < 8; ++i)
                bits = (bits << 8) | next();
            double d;
            std::memcpy(&d, &bits, sizeof d);
            return d;
        }
        case 5:
            return string();
        case 6: {
            QByteArray bytes;
            const int length = next() % 16;
            for (int i = 0; i < length; ++i)
                bytes.append(char(next()));
            return bytes;
        }
        case 7:
            return QVariant(int(next()) - 128);
        case 8:
            return QStringList { string(), string() };
        case 9:
        case 10: {
            QVariantList list;
            const int count = next() % 5;
            for (int i = 0; i < count && !atEnd(); ++i)
                list.append(value(depth + 1));
            return list;
        }
        default: {
            QVariantMap map;
            const int count = next() % 5;
            for (int i = 0; i < count && !atEnd(); ++i)
                map.insert(string(), value(depth + 1));
            return map;
        }
        }
    }

private:
    const uint8_t *m_data;
    size_t m_size;
    size_t m_pos = 1;
};

// What the decoder gives back for a value the encoder wrote.
QVariant normalized(const QVariant &value)
{
    switch (value.metaType().id()) {
    case QMetaType::Int:
        return QVariant(qlonglong(value.toInt()));
    case QMetaType::QString: {
        // Lone surrogates cannot be UTF-8: toUtf8() writes U+FFFD for them.
        return QString::fromUtf8(value.toString().toUtf8());
    }
    case QMetaType::QStringList: {
        QVariantList list;
        for (const QString &text : value.toStringList())
            list.append(normalized(text));
        return list;
    }
    case QMetaType::QVariantList: {
        QVariantList list;
        for (const QVariant &item : value.toList())
            list.append(normalized(item));
        return list;
    }
    case QMetaType::QVariantMap: {
        QVariantMap map;
        const QVariantMap in = value.toMap();
        for (auto it = in.cbegin(); it != in.cend(); ++it)
            map.insert(normalized(it.key()).toString(), normalized(it.value()));
        return map;
    }
    default:
        return value;
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const GobSerializer serializer;
    if (size == 0 || data[0] < 0x80) {
        const auto values = serializer.deserialize(Fuzz::bytes(data, size));
        if (!values.ok())
            return 0;
        const auto bytes = serializer.serialize(values.value());
        if (!bytes.ok())
            Fuzz::invariantBroken("deserialized values do not serialize");
        const auto again = serializer.deserialize(bytes.value());
        if (!again.ok() || !Fuzz::sameValue(again.value(), values.value()))
            Fuzz::invariantBroken("deserialize(serialize(v)) != v");
        return 0;
    }

    Recipe recipe(data, size);
    QVariantMap values;
    const int count = recipe.next() % 8;
    for (int i = 0; i < count && !recipe.atEnd(); ++i)
        values.insert(recipe.string(), recipe.value(1));
    const auto bytes = serializer.serialize(values);
    if (!bytes.ok())
        Fuzz::invariantBroken("supported values do not serialize");
    const auto back = serializer.deserialize(bytes.value());
    if (!back.ok())
        Fuzz::invariantBroken("serialized values do not deserialize");
    // Keys that differ only in lone surrogates collapse into one after UTF-8.
    if (!Fuzz::sameValue(back.value(), normalized(values)))
        Fuzz::invariantBroken("deserialize(serialize(v)) != v");
    return 0;
}
