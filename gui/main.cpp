// redistore-admin: browse, edit and expire the sessions RediStore and Go's redistore keep in
// Redis. See CommandLine for the options.

#include "commandline.h"
#include "common/heaptuning.h"
#include "common/icons.h"
#include "connection/profilestore.h"
#include "mainwindow.h"
#include "screenshotrunner.h"
#include "translationloader.h"

#include <libredistore/version.h>

#include <QtWidgets/QApplication>

#include <cstdio>

using namespace RediStore::Admin;

int main(int argc, char **argv)
{
    keepLargeBlocksMapped();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("RediStore"));
    QApplication::setApplicationName(QStringLiteral("redistore-admin"));
    QApplication::setApplicationVersion(RediStore::versionString());
    QApplication::setDesktopFileName(QStringLiteral("redistore-admin"));
    QApplication::setWindowIcon(Icons::app());

    const QStringList arguments = QApplication::arguments();
    TranslationLoader::install(&app, CommandLine::languageFrom(arguments));
    QApplication::setApplicationDisplayName(QApplication::translate("main", "RediStore Admin"));

    CommandLine options;
    QString error;
    if (!options.parse(arguments, &error)) {
        std::fprintf(stderr, "redistore-admin: %s\n", qPrintable(error));
        return 2;
    }

    ProfileStore store;
    MainWindow window(&store);
    window.resize(1360, 820);
    window.show();
    if (!options.view.isEmpty() && !window.showView(options.view)) {
        std::fprintf(stderr, "redistore-admin: this build has no %s view\n",
                     qPrintable(options.view));
        return 2;
    }

    if (!options.url.isEmpty()) {
        ConnectionProfile profile = ConnectionProfile::fromUrl(options.url);
        if (!options.prefix.isEmpty())
            profile.keyPrefix = options.prefix;
        if (!options.serializer.isEmpty())
            profile.serializer = options.serializer;
        profile.readOnly = options.readOnly;
        window.openProfile(profile);
    } else {
        QMetaObject::invokeMethod(&window, &MainWindow::showConnectionDialog, Qt::QueuedConnection);
    }

    if (!options.screenshot.isEmpty()) {
        auto *runner = new ScreenshotRunner(&window, options.screenshot);
        QObject::connect(runner, &ScreenshotRunner::done, &app,
                         [](int code) { QCoreApplication::exit(code); });
        runner->start();
    }
    return app.exec();
}
