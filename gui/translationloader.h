#ifndef REDISTORE_ADMIN_TRANSLATIONLOADER_H
#define REDISTORE_ADMIN_TRANSLATIONLOADER_H

#include <QtCore/QString>
#include <QtCore/QStringList>

QT_BEGIN_NAMESPACE
class QCoreApplication;
class QTranslator;
QT_END_NAMESPACE

namespace RediStore::Admin {

// Chooses and installs the app's translation: the language given (--lang), else the system's
// UI languages; English needs none. Qt's own strings (dialog buttons) follow when Qt's
// translations are installed.
class TranslationLoader
{
public:
    static QStringList languages(); // "en", "de", "fr"
    // The resource path of a language's compiled translation.
    static QString resourcePath(const QString &language);
    // "de" for "de", "de_AT" or "de-DE"; the first supported system language when empty; "en"
    // when nothing fits.
    static QString resolve(const QString &requested);
    // Whether a language given by name ("fr", "fr_CA", "de-DE") is one of languages().
    static bool isSupported(const QString &requested);
    // Loads a language into translator; false when there is no such translation.
    static bool load(QTranslator &translator, const QString &language);
    // Installs the translations of language on app (and sets the default locale). Returns the
    // language in use.
    static QString install(QCoreApplication *app, const QString &requested);
};

} // namespace RediStore::Admin

#endif // REDISTORE_ADMIN_TRANSLATIONLOADER_H
