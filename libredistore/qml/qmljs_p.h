#ifndef REDISTORE_QMLJS_P_H
#define REDISTORE_QMLJS_P_H

#include <libredistore/async.h>

#include <QtCore/QString>
#include <QtCore/QVariant>
#include <QtQml/QJSValue>

namespace RediStore::QmlJs {

// How a script value reads in an error message: "undefined", "number 42", "string \"a\"".
QString describe(const QJSValue &value);

// Throws a script error "Type.method(): message" in the engine that owns object, so the
// script's own file and line come with it.
void throwError(const QObject *object, QJSValue::ErrorType type, const char *method,
                const QString &message);

// Argument checks for Q_INVOKABLE methods; each throws a TypeError naming the method.
bool requireCallback(const QObject *object, const char *method, const QJSValue &callback);
bool requireString(const QObject *object, const char *method, const char *argument,
                   const QJSValue &value, QString *out);

// Calls callback(args...). An exception thrown by the callback is reported as the engine
// reports any uncaught script error (a critical QQmlError through QQmlEngine::warnings).
void invoke(const QObject *object, const char *method, QJSValue callback, const QJSValueList &args);

// A script value as a session value: whole numbers become qint64 (JavaScript has only
// doubles; Go's session values are usually ints), objects and arrays recursively.
QVariant toStorable(const QJSValue &value);
QVariant toStorable(const QVariant &value);

// The error argument of a callback: null for an empty message, else the message.
QJSValue errorValue(const QString &message);

// A TTL in milliseconds as scripts see it, in whole seconds (rounded); -1 and -2 (no expiry,
// no such key) as they are.
inline qint64 secondsFromMs(qint64 ms)
{
    return ms < 0 ? ms : (ms + 500) / 1000;
}

// Runs handler(result) from the event loop once the future has finished (RediStore::whenFinished
// with the arguments in the order of the QML glue).
template<typename T, typename F>
void whenDone(QObject *context, const QFuture<T> &future, F handler)
{
    whenFinished(future, context, std::move(handler));
}

} // namespace RediStore::QmlJs

#endif // REDISTORE_QMLJS_P_H
