#ifndef REDISTORE_SESSIONTRANSFER_P_H
#define REDISTORE_SESSIONTRANSFER_P_H

#include <QtCore/QByteArray>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QJsonValue>
#include <QtCore/QString>

// What SessionExporter writes and SessionImporter reads: the file's name for itself, its
// version, and one JSON value as compact text.
namespace RediStore::SessionTransfer {

inline QString formatName()
{
    return QStringLiteral("redistore-sessions");
}
constexpr int formatVersion = 1;

// A value's compact JSON text (QJsonDocument writes only objects and arrays).
inline QByteArray jsonText(const QJsonValue &value)
{
    if (value.isObject())
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    const QByteArray array = QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

} // namespace RediStore::SessionTransfer

#endif // REDISTORE_SESSIONTRANSFER_P_H
