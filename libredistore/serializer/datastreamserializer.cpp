#include <libredistore/serializer/datastreamserializer.h>

#include <QtCore/QBuffer>
#include <QtCore/QDataStream>
#include <QtCore/QtEndian>

namespace RediStore {

namespace {

constexpr char Magic[4] = { '\0', 'R', 'S', 'D' };
constexpr qsizetype HeaderSize = 5;
constexpr QDataStream::Version StreamVersion = QDataStream::Qt_6_4;
constexpr qsizetype MaxTypeNameLength = 1024;

// QtCore value types whose stream operators read a bounded amount of data and build nothing
// from it that can hurt: no nested QVariant (recursion we could not bound), no function
// pointers (QEasingCurve), no raw pointers.
bool isSafeLeafType(int id)
{
    switch (id) {
    case QMetaType::Bool:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Double:
    case QMetaType::Long:
    case QMetaType::Short:
    case QMetaType::Char:
    case QMetaType::Char16:
    case QMetaType::Char32:
    case QMetaType::ULong:
    case QMetaType::UShort:
    case QMetaType::UChar:
    case QMetaType::Float:
    case QMetaType::SChar:
    case QMetaType::Nullptr:
    case QMetaType::QCborSimpleType:
    case QMetaType::QChar:
    case QMetaType::QString:
    case QMetaType::QByteArray:
    case QMetaType::QBitArray:
    case QMetaType::QDate:
    case QMetaType::QTime:
    case QMetaType::QDateTime:
    case QMetaType::QUrl:
    case QMetaType::QLocale:
    case QMetaType::QRect:
    case QMetaType::QRectF:
    case QMetaType::QSize:
    case QMetaType::QSizeF:
    case QMetaType::QLine:
    case QMetaType::QLineF:
    case QMetaType::QPoint:
    case QMetaType::QPointF:
    case QMetaType::QUuid:
    case QMetaType::QRegularExpression:
    case QMetaType::QJsonValue:
    case QMetaType::QJsonObject:
    case QMetaType::QJsonArray:
    case QMetaType::QJsonDocument:
    case QMetaType::QCborValue:
    case QMetaType::QCborArray:
    case QMetaType::QCborMap:
        return true;
    default:
        return false;
    }
}

// Qt types with an id of their own that are never read from stored bytes.
bool isRefusedBuiltinType(quint32 id)
{
    switch (id) {
    case QMetaType::QEasingCurve:
    case QMetaType::QVariant:
    case QMetaType::VoidStar:
    case QMetaType::QObjectStar:
    case QMetaType::Void:
    case QMetaType::QModelIndex:
    case QMetaType::QPersistentModelIndex:
        return true;
    default:
        // QtGui's and QtWidgets' types (QColor, QImage, QSizePolicy ...).
        return (id >= 0x1000 && id <= 0x10ff) || (id >= 0x2000 && id <= 0x20ff);
    }
}

// Without constructing a QMetaType for an id that may not be registered (Qt warns then).
QString refusedTypeName(quint32 id)
{
    if (id < 0x1000)
        return QString::fromLatin1(QMetaType(int(id)).name());
    return QStringLiteral("GUI type %1").arg(id);
}

// The application's own types: found by name when read back, with stream operators.
bool isStorableUserType(QMetaType type)
{
    return type.id() >= QMetaType::User && !(type.flags() & QMetaType::IsPointer)
        && type.hasRegisteredDataStreamOperators();
}

QString typeName(QMetaType type)
{
    return type.isValid() ? QString::fromLatin1(type.name()) : QStringLiteral("invalid");
}

SerializerError unsupported(QMetaType type)
{
    return SerializerError(SerializerError::Code::UnsupportedType,
                           QStringLiteral("DataStreamSerializer: cannot store a value of Qt type "
                                          "%1 (not a QtCore value type with stream operators "
                                          "that is safe to read back)")
                               .arg(typeName(type)));
}

bool checkWritable(const QVariant &value, int depth, int maxDepth, SerializerError &error)
{
    const int id = value.metaType().id();
    if (id == QMetaType::UnknownType)
        return true;
    if (depth > maxDepth) {
        error = SerializerError(
            SerializerError::Code::LimitExceeded,
            QStringLiteral("DataStreamSerializer: values nested deeper than %1").arg(maxDepth));
        return false;
    }
    switch (id) {
    case QMetaType::QVariantList:
        for (const QVariant &item : *static_cast<const QVariantList *>(value.constData())) {
            if (!checkWritable(item, depth + 1, maxDepth, error))
                return false;
        }
        return true;
    case QMetaType::QVariantMap:
        for (const QVariant &item : *static_cast<const QVariantMap *>(value.constData())) {
            if (!checkWritable(item, depth + 1, maxDepth, error))
                return false;
        }
        return true;
    case QMetaType::QVariantHash:
        for (const QVariant &item : *static_cast<const QVariantHash *>(value.constData())) {
            if (!checkWritable(item, depth + 1, maxDepth, error))
                return false;
        }
        return true;
    case QMetaType::QVariantPair: {
        const auto *pair = static_cast<const QVariantPair *>(value.constData());
        return checkWritable(pair->first, depth + 1, maxDepth, error)
            && checkWritable(pair->second, depth + 1, maxDepth, error);
    }
    case QMetaType::QStringList:
    case QMetaType::QByteArrayList:
        return true;
    default:
        break;
    }
    if ((isSafeLeafType(id) && value.metaType().hasRegisteredDataStreamOperators())
        || isStorableUserType(value.metaType()))
        return true;
    error = unsupported(value.metaType());
    return false;
}

// Reads what QDataStream << QVariantMap wrote, container by container, so that no count from
// the input reaches QList::reserve() and nesting stays bounded; leaf values go through
// QVariant's own loader once their header and length are checked.
class Reader
{
public:
    Reader(const QByteArray &bytes, const DataStreamSerializer::Limits &limits)
        : m_bytes(bytes)
        , m_buffer(&m_bytes)
        , m_limits(limits)
    {
        m_buffer.open(QIODevice::ReadOnly);
        m_stream.setDevice(&m_buffer);
        m_stream.setVersion(StreamVersion);
    }

    Result<QVariantMap, SerializerError> read()
    {
        m_buffer.seek(HeaderSize);
        QVariantMap values;
        if (!readMap(values, 1))
            return m_error;
        if (!m_buffer.atEnd()) {
            return SerializerError(
                SerializerError::Code::Corrupt,
                QStringLiteral("DataStreamSerializer: %1 bytes after the values").arg(remaining()));
        }
        return values;
    }

private:
    qsizetype remaining() const { return m_bytes.size() - m_buffer.pos(); }

    bool fail(SerializerError::Code code, const QString &message)
    {
        if (!m_error.isError())
            m_error = SerializerError(code, QStringLiteral("DataStreamSerializer: ") + message);
        return false;
    }

    bool truncated(const char *what)
    {
        return fail(SerializerError::Code::Truncated,
                    QStringLiteral("the data ends inside %1").arg(QLatin1String(what)));
    }

    bool peekLength(quint32 &length) const
    {
        if (remaining() < 4)
            return false;
        length = qFromBigEndian<quint32>(m_bytes.constData() + m_buffer.pos());
        return true;
    }

    bool checkStream(const char *what)
    {
        switch (m_stream.status()) {
        case QDataStream::Ok:
            return true;
        case QDataStream::ReadPastEnd:
            return truncated(what);
        default:
            return fail(SerializerError::Code::Corrupt,
                        QStringLiteral("%1 is not valid").arg(QLatin1String(what)));
        }
    }

    bool checkDepth(int depth)
    {
        if (depth <= m_limits.maxDepth)
            return true;
        return fail(SerializerError::Code::LimitExceeded,
                    QStringLiteral("values nested deeper than %1").arg(m_limits.maxDepth));
    }

    // A container's element count, which every element needs at least minBytesEach for.
    bool readCount(quint32 &count, qsizetype minBytesEach, const char *what)
    {
        if (remaining() < 4)
            return truncated(what);
        m_stream >> count;
        if (qint64(count) * minBytesEach > remaining()) {
            return fail(SerializerError::Code::Truncated,
                        QStringLiteral("%1 claims %2 elements but only %3 bytes are left")
                            .arg(QLatin1String(what))
                            .arg(count)
                            .arg(remaining()));
        }
        return true;
    }

    // QString and QByteArray: a quint32 byte length (0xffffffff for null), then the bytes.
    bool checkLength(bool utf16, const char *what)
    {
        quint32 length = 0;
        if (!peekLength(length))
            return truncated(what);
        if (length == 0xffffffff)
            return true;
        if (qint64(length) > remaining() - 4)
            return truncated(what);
        if (utf16 && (length & 1))
            return fail(SerializerError::Code::Corrupt,
                        QStringLiteral("a string of an odd number of bytes"));
        return true;
    }

    bool readString(QString &text)
    {
        if (!checkLength(true, "a string"))
            return false;
        m_stream >> text;
        return checkStream("a string");
    }

    bool readByteArray(QByteArray &bytes)
    {
        if (!checkLength(false, "a byte array"))
            return false;
        m_stream >> bytes;
        return checkStream("a byte array");
    }

    template<typename Map> bool readMap(Map &map, int depth)
    {
        if (!checkDepth(depth))
            return false;
        quint32 count = 0;
        if (!readCount(count, 4 + 5, "a map"))
            return false;
        QString key;
        for (quint32 i = 0; i < count; ++i) {
            if (!readString(key) || !readVariant(map[key], depth + 1))
                return false;
        }
        return true;
    }

    bool readVariant(QVariant &out, int depth)
    {
        const qint64 start = m_buffer.pos();
        if (remaining() < 5)
            return truncated("a value");
        quint32 typeId = 0;
        qint8 isNull = 0;
        m_stream >> typeId >> isNull;

        switch (typeId) {
        case QMetaType::UnknownType:
            out = QVariant();
            return true;
        case QMetaType::QVariantList: {
            if (!checkDepth(depth))
                return false;
            quint32 count = 0;
            if (!readCount(count, 5, "a list"))
                return false;
            out = QVariant(QMetaType::fromType<QVariantList>());
            auto *list = static_cast<QVariantList *>(out.data());
            list->reserve(count);
            for (quint32 i = 0; i < count; ++i) {
                if (!readVariant(list->emplaceBack(), depth + 1))
                    return false;
            }
            return true;
        }
        case QMetaType::QStringList: {
            quint32 count = 0;
            if (!readCount(count, 4, "a string list"))
                return false;
            out = QVariant(QMetaType::fromType<QStringList>());
            auto *list = static_cast<QStringList *>(out.data());
            list->reserve(count);
            for (quint32 i = 0; i < count; ++i) {
                if (!readString(list->emplaceBack()))
                    return false;
            }
            return true;
        }
        case QMetaType::QByteArrayList: {
            quint32 count = 0;
            if (!readCount(count, 4, "a byte array list"))
                return false;
            out = QVariant(QMetaType::fromType<QByteArrayList>());
            auto *list = static_cast<QByteArrayList *>(out.data());
            list->reserve(count);
            for (quint32 i = 0; i < count; ++i) {
                if (!readByteArray(list->emplaceBack()))
                    return false;
            }
            return true;
        }
        case QMetaType::QVariantMap:
            out = QVariant(QMetaType::fromType<QVariantMap>());
            return readMap(*static_cast<QVariantMap *>(out.data()), depth);
        case QMetaType::QVariantHash:
            out = QVariant(QMetaType::fromType<QVariantHash>());
            return readMap(*static_cast<QVariantHash *>(out.data()), depth);
        case QMetaType::QVariantPair: {
            if (!checkDepth(depth))
                return false;
            QVariantPair pair;
            if (!readVariant(pair.first, depth + 1) || !readVariant(pair.second, depth + 1))
                return false;
            out = QVariant::fromValue(pair);
            return true;
        }
        default:
            break;
        }

        if (typeId == QMetaType::User) {
            quint32 length = 0;
            if (!peekLength(length))
                return truncated("a type name");
            if (length == 0 || length == 0xffffffff || qint64(length) > MaxTypeNameLength)
                return fail(SerializerError::Code::Corrupt, QStringLiteral("invalid type name"));
            QByteArray name;
            if (!readByteArray(name))
                return false;
            if (name.endsWith('\0'))
                name.chop(1);
            const QMetaType type = QMetaType::fromName(name);
            if (!isStorableUserType(type)) {
                return fail(SerializerError::Code::UnsupportedType,
                            QStringLiteral("a value of type %1, which this application does not "
                                           "register with stream operators")
                                .arg(QString::fromLatin1(name.left(80))));
            }
        } else if (!isSafeLeafType(int(typeId))) {
            if (isRefusedBuiltinType(typeId)) {
                return fail(SerializerError::Code::UnsupportedType,
                            QStringLiteral("a value of Qt type %1, which is not read from stored "
                                           "data")
                                .arg(refusedTypeName(typeId)));
            }
            return fail(SerializerError::Code::Corrupt,
                        QStringLiteral("unknown type id %1").arg(typeId));
        } else if (typeId == QMetaType::QString || typeId == QMetaType::QByteArray) {
            if (!checkLength(typeId == QMetaType::QString, "a value"))
                return false;
        } else if (typeId == QMetaType::QBitArray) {
            quint32 bits = 0;
            if (!peekLength(bits) || (qint64(bits) + 7) / 8 > remaining() - 4)
                return truncated("a bit array");
        }

        // The header checked: let QVariant read it all again, as it wrote it.
        m_buffer.seek(start);
        m_stream >> out;
        return checkStream("a value");
    }

    QByteArray m_bytes;
    QBuffer m_buffer;
    QDataStream m_stream;
    DataStreamSerializer::Limits m_limits;
    SerializerError m_error;
};

} // namespace

QString DataStreamSerializer::name() const
{
    return QStringLiteral("datastream");
}

bool DataStreamSerializer::hasMagic(const QByteArray &bytes)
{
    return bytes.size() >= 4 && std::equal(Magic, Magic + 4, bytes.constData());
}

Result<QByteArray, SerializerError> DataStreamSerializer::serialize(const QVariantMap &values) const
{
    SerializerError error;
    for (const QVariant &value : values) {
        if (!checkWritable(value, 2, m_limits.maxDepth, error))
            return error;
    }
    QByteArray bytes;
    bytes.reserve(64);
    QDataStream stream(&bytes, QIODevice::WriteOnly);
    stream.setVersion(StreamVersion);
    stream.writeRawData(Magic, sizeof Magic);
    stream << quint8(FormatVersion) << values;
    if (stream.status() != QDataStream::Ok) {
        return SerializerError(SerializerError::Code::Internal,
                               QStringLiteral("DataStreamSerializer: QDataStream failed to write "
                                              "the values"));
    }
    if (bytes.size() > m_limits.maxInputSize) {
        return SerializerError(
            SerializerError::Code::ValueTooLarge,
            QStringLiteral("DataStreamSerializer: the values take %1 bytes, more "
                           "than the %2 this serializer reads back")
                .arg(bytes.size())
                .arg(m_limits.maxInputSize));
    }
    return bytes;
}

Result<QVariantMap, SerializerError>
DataStreamSerializer::deserialize(const QByteArray &bytes) const
{
    if (bytes.size() > m_limits.maxInputSize) {
        return SerializerError(SerializerError::Code::LimitExceeded,
                               QStringLiteral("DataStreamSerializer: %1 bytes is larger than the "
                                              "limit of %2")
                                   .arg(bytes.size())
                                   .arg(m_limits.maxInputSize));
    }
    if (!hasMagic(bytes)) {
        return SerializerError(SerializerError::Code::BadMagic,
                               QStringLiteral("DataStreamSerializer: the value does not start with "
                                              "the format's header (00 'RSD')"));
    }
    if (bytes.size() < HeaderSize) {
        return SerializerError(SerializerError::Code::Truncated,
                               QStringLiteral("DataStreamSerializer: the header is cut short"));
    }
    const quint8 version = quint8(bytes.at(4));
    if (version != FormatVersion) {
        return SerializerError(SerializerError::Code::UnsupportedVersion,
                               QStringLiteral("DataStreamSerializer: format version %1; this build "
                                              "reads version %2")
                                   .arg(version)
                                   .arg(FormatVersion));
    }
    Reader reader(bytes, m_limits);
    return reader.read();
}

} // namespace RediStore
