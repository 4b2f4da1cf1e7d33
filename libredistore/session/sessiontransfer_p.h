#ifndef REDISTORE_SESSIONTRANSFER_P_H
#define REDISTORE_SESSIONTRANSFER_P_H

#include <libredistore/session/sessiontransfererror.h>

#include <QtCore/QByteArray>
#include <QtCore/QFuture>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QJsonValue>
#include <QtCore/QObject>
#include <QtCore/QPromise>
#include <QtCore/QString>

#include <memory>

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

// The result of a second start(): AlreadyStarted, from the event loop like any other result,
// leaving the running transfer alone. what: "exporter" or "importer".
template<typename Result> QFuture<Result> refuseSecondStart(QObject *context, const char *what)
{
    auto promise = std::make_shared<QPromise<Result>>();
    promise->start();
    Result refused;
    refused.error = SessionTransferError(
        SessionTransferError::Code::AlreadyStarted,
        QStringLiteral("this %1 has already started").arg(QLatin1String(what)));
    QMetaObject::invokeMethod(
        context,
        [promise, refused]() {
            promise->addResult(refused);
            promise->finish();
        },
        Qt::QueuedConnection);
    return promise->future();
}

} // namespace RediStore::SessionTransfer

#endif // REDISTORE_SESSIONTRANSFER_P_H
