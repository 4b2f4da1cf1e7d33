// session-browser: opens browse.qml, a window that browses the sessions of a Redis.
//
//   session-browser [REDIS_URL]
//
// The RediStore module is linked in (RediStore::Qml), so nothing needs to be installed.

#include <QtCore/QUrl>
#include <QtGui/QGuiApplication>
#include <QtQml/QQmlApplicationEngine>

extern void qml_register_types_RediStore();

int main(int argc, char **argv)
{
    volatile auto registration = &qml_register_types_RediStore; // keeps the module linked in
    Q_UNUSED(registration);

    QGuiApplication app(argc, argv);
    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    QObject::connect(
        &engine, &QQmlApplicationEngine::objectCreationFailed, &app,
        []() { QCoreApplication::exit(1); }, Qt::QueuedConnection);
    engine.load(QUrl(QStringLiteral("qrc:/examples/browse.qml")));
    return app.exec();
}
