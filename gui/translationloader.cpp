#include "translationloader.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QLibraryInfo>
#include <QtCore/QLocale>
#include <QtCore/QTranslator>

namespace RediStore::Admin {

QStringList TranslationLoader::languages()
{
    return { QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("fr") };
}

QString TranslationLoader::resourcePath(const QString &language)
{
    return QStringLiteral(":/redistore-admin/i18n/redistore-admin_") + language
        + QStringLiteral(".qm");
}

static QString baseLanguage(const QString &tag)
{
    return tag.section(QLatin1Char('_'), 0, 0).section(QLatin1Char('-'), 0, 0).toLower();
}

bool TranslationLoader::isSupported(const QString &requested)
{
    return languages().contains(baseLanguage(requested));
}

QString TranslationLoader::resolve(const QString &requested)
{
    if (!requested.isEmpty()) {
        const QString base = baseLanguage(requested);
        return languages().contains(base) ? base : QStringLiteral("en");
    }
    const QStringList system = QLocale::system().uiLanguages();
    for (const QString &tag : system) {
        const QString base = baseLanguage(tag);
        if (languages().contains(base))
            return base;
    }
    return QStringLiteral("en");
}

bool TranslationLoader::load(QTranslator &translator, const QString &language)
{
    return translator.load(resourcePath(language));
}

QString TranslationLoader::install(QCoreApplication *app, const QString &requested)
{
    const QString language = resolve(requested);
    auto *own = new QTranslator(app);
    if (language == QLatin1String("en")) {
        // English needs only its plural forms ("1 session", "2 sessions").
        if (load(*own, language))
            app->installTranslator(own);
        else
            delete own;
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        return language;
    }
    if (!load(*own, language)) {
        delete own;
        return QStringLiteral("en");
    }
    app->installTranslator(own);
    auto *qt = new QTranslator(app);
    if (qt->load(QStringLiteral("qtbase_") + language,
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app->installTranslator(qt);
    else
        delete qt;
    QLocale::setDefault(QLocale(language));
    return language;
}

} // namespace RediStore::Admin
