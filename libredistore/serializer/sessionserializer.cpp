#include <libredistore/serializer/sessionserializer.h>

#include <libredistore/serializer/datastreamserializer.h>
#include <libredistore/serializer/gobserializer.h>
#include <libredistore/serializer/jsonserializer.h>

namespace RediStore {

SessionSerializer::~SessionSerializer() = default;

namespace {

const std::shared_ptr<const SessionSerializer> &dataStreamInstance()
{
    static const std::shared_ptr<const SessionSerializer> instance
        = std::make_shared<const DataStreamSerializer>();
    return instance;
}

const std::shared_ptr<const SessionSerializer> &jsonInstance()
{
    static const std::shared_ptr<const SessionSerializer> instance
        = std::make_shared<const JsonSerializer>();
    return instance;
}

const std::shared_ptr<const SessionSerializer> &gobInstance()
{
    static const std::shared_ptr<const SessionSerializer> instance
        = std::make_shared<const GobSerializer>();
    return instance;
}

} // namespace

std::shared_ptr<const SessionSerializer> SessionSerializer::byName(const QString &name)
{
    const QString key = name.trimmed().toLower();
    if (key == QStringLiteral("datastream"))
        return dataStreamInstance();
    if (key == QStringLiteral("json"))
        return jsonInstance();
    if (key == QStringLiteral("gob"))
        return gobInstance();
    return nullptr;
}

QStringList SessionSerializer::names()
{
    return { QStringLiteral("datastream"), QStringLiteral("json"), QStringLiteral("gob") };
}

std::shared_ptr<const SessionSerializer> SessionSerializer::defaultSerializer()
{
    return dataStreamInstance();
}

Result<SessionSerializer::Detection, SerializerError>
SessionSerializer::detect(const QByteArray &bytes)
{
    QStringList reasons;
    for (const auto *instance : { &dataStreamInstance(), &gobInstance(), &jsonInstance() }) {
        auto result = (*instance)->deserialize(bytes);
        if (result.ok())
            return Detection { *instance, std::move(result).value() };
        reasons.append((*instance)->name() + QStringLiteral(": ") + result.error().message());
    }
    return SerializerError(SerializerError::Code::UnknownFormat,
                           QStringLiteral("the value is not in a known session format (%1)")
                               .arg(reasons.join(QStringLiteral("; "))));
}

} // namespace RediStore
