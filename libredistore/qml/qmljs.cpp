#include "qmljs_p.h"

#include <QtCore/QDateTime>
#include <QtCore/QLoggingCategory>
#include <QtCore/QUrl>
#include <QtQml/QJSEngine>
#include <QtQml/QQmlEngine>
#include <QtQml/QQmlError>

#include <cmath>

namespace RediStore {

Q_LOGGING_CATEGORY(lcQml, "redistore.qml")

namespace QmlJs {

QString describe(const QJSValue &value)
{
    if (value.isUndefined())
        return QStringLiteral("undefined");
    if (value.isNull())
        return QStringLiteral("null");
    if (value.isNumber())
        return QStringLiteral("number ") + value.toString();
    if (value.isBool())
        return QStringLiteral("boolean ") + value.toString();
    if (value.isString()) {
        QString text = value.toString();
        if (text.size() > 40)
            text = text.left(40) + QStringLiteral("...");
        return QStringLiteral("string \"") + text + QLatin1Char('"');
    }
    if (value.isCallable())
        return QStringLiteral("a function");
    if (value.isArray())
        return QStringLiteral("an array");
    if (value.isDate())
        return QStringLiteral("a date");
    if (value.isQObject() && value.toQObject())
        return QStringLiteral("an object of type ")
            + QString::fromLatin1(value.toQObject()->metaObject()->className());
    return QStringLiteral("an object");
}

void throwError(const QObject *object, QJSValue::ErrorType type, const char *method,
                const QString &message)
{
    const QString text = QString::fromLatin1(method) + QStringLiteral("(): ") + message;
    if (QJSEngine *engine = qjsEngine(object)) {
        engine->throwError(type, text);
        return;
    }
    qCWarning(lcQml).noquote() << text;
}

bool requireCallback(const QObject *object, const char *method, const QJSValue &callback)
{
    if (callback.isCallable())
        return true;
    throwError(object, QJSValue::TypeError, method,
               QStringLiteral("the last argument must be a callback function(error, value), "
                              "got ")
                   + describe(callback));
    return false;
}

bool requireString(const QObject *object, const char *method, const char *argument,
                   const QJSValue &value, QString *out)
{
    if (value.isString() && !value.toString().isEmpty()) {
        *out = value.toString();
        return true;
    }
    throwError(object, QJSValue::TypeError, method,
               QString::fromLatin1(argument) + QStringLiteral(" must be a non-empty string, got ")
                   + describe(value));
    return false;
}

static void report(const QObject *object, const char *method, const QJSValue &exception)
{
    QQmlError error;
    const QString fileName = exception.property(QStringLiteral("fileName")).toString();
    if (!fileName.isEmpty() && fileName != QLatin1String("undefined"))
        error.setUrl(QUrl(fileName));
    const QJSValue line = exception.property(QStringLiteral("lineNumber"));
    if (line.isNumber())
        error.setLine(line.toInt());
    error.setDescription(exception.toString() + QStringLiteral(" (in the callback of ")
                         + QString::fromLatin1(method) + QStringLiteral("())"));
    error.setMessageType(QtCriticalMsg);
    error.setObject(const_cast<QObject *>(object));

    QQmlEngine *engine = qmlEngine(object);
    if (!engine || engine->outputWarningsToStandardError()) {
        const QByteArray file = error.url().toString().toUtf8();
        QMessageLogger(file.constData(), error.line(), nullptr, "qml").critical().noquote()
            << error.toString();
    }
    if (engine)
        Q_EMIT engine->warnings({ error });
}

void invoke(const QObject *object, const char *method, QJSValue callback, const QJSValueList &args)
{
    const QJSValue result = callback.call(args);
    if (result.isError())
        report(object, method, result);
}

QVariant toStorable(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::Double:
    case QMetaType::Float: {
        const double number = value.toDouble();
        constexpr double exactLimit = 9007199254740992.0; // 2^53
        if (std::isfinite(number) && std::trunc(number) == number
            && std::fabs(number) <= exactLimit)
            return QVariant::fromValue(qint64(number));
        return number;
    }
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::Long:
    case QMetaType::LongLong:
        return QVariant::fromValue(value.toLongLong());
    case QMetaType::QVariantMap: {
        QVariantMap map = value.toMap();
        for (auto it = map.begin(); it != map.end(); ++it)
            it.value() = toStorable(it.value());
        return map;
    }
    case QMetaType::QVariantList: {
        QVariantList list = value.toList();
        for (QVariant &element : list)
            element = toStorable(element);
        return list;
    }
    case QMetaType::QStringList:
        return value;
    default:
        break;
    }
    if (value.metaType() == QMetaType::fromType<QJSValue>())
        return toStorable(value.value<QJSValue>());
    return value;
}

QVariant toStorable(const QJSValue &value)
{
    return toStorable(value.toVariant());
}

QJSValue errorValue(const QString &message)
{
    if (message.isEmpty())
        return QJSValue(QJSValue::NullValue);
    return QJSValue(message);
}

} // namespace QmlJs
} // namespace RediStore
