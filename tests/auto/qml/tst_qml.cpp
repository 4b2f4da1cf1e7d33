// Runs the Qt Quick Test files tst_*.qml of this folder against a private redis-server.
// The QML sees: redis (RedisFixture), goVectors (tests/data/go-redistore.json) and
// examplesDir (the source folder of examples/qml).

#include "redisfixture.h"
#include "testdata.h"

#include <QtCore/QJsonObject>
#include <QtQml/QQmlContext>
#include <QtQml/QQmlEngine>
#include <QtQuickTest/quicktest.h>

#include <cstdio>

class Setup : public QObject
{
    Q_OBJECT

public Q_SLOTS:
    void applicationAvailable()
    {
        if (!m_redis.start())
            std::fprintf(stderr, "redis-server did not start: %s\n",
                         qPrintable(m_redis.errorString()));
    }

    void qmlEngineAvailable(QQmlEngine *engine)
    {
        // The module as the build tree holds it: the plugin, as an installed one is loaded.
        engine->addImportPath(QStringLiteral(REDISTORE_QML_IMPORT_DIR));
        QQmlContext *context = engine->rootContext();
        context->setContextProperty(QStringLiteral("redis"), &m_redis);
        context->setContextProperty(QStringLiteral("goVectors"),
                                    RediStore::Test::goVectors().toVariantMap());
        context->setContextProperty(QStringLiteral("examplesDir"),
                                    QStringLiteral(REDISTORE_QML_EXAMPLES_DIR));
    }

    void cleanupTestCase() { m_redis.server().stop(); }

private:
    RediStore::Test::RedisFixture m_redis;
};

QUICK_TEST_MAIN_WITH_SETUP(qml, Setup)

#include "tst_qml.moc"
