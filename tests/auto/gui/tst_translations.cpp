// The translations: German and French are complete (every message translated, placeholders
// kept, and every text of gui/'s code in them, as lupdate finds it), each compiled translation
// loads and translates, and the window speaks the language.

#include "connection/profilestore.h"
#include "mainwindow.h"
#include "sessions/sessiontablemodel.h"
#include "translationloader.h"

#include <QtCore/QFile>
#include <QtCore/QLibraryInfo>
#include <QtCore/QProcess>
#include <QtCore/QRegularExpression>
#include <QtCore/QSet>
#include <QtCore/QTemporaryDir>
#include <QtCore/QTranslator>
#include <QtCore/QXmlStreamReader>
#include <QtGui/QAction>
#include <QtTest/QtTest>
#include <QtWidgets/QApplication>

using namespace RediStore::Admin;

class tst_Translations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyMessageIsTranslated_data();
    void everyMessageIsTranslated();
    void everySourceTextIsInTheTranslations_data();
    void everySourceTextIsInTheTranslations();
    void compiledTranslationsLoad_data();
    void compiledTranslationsLoad();
    void resolvesLanguages();
    void windowSpeaksTheLanguage();
};

static QString tsFile(const QString &language)
{
    return QStringLiteral(REDISTORE_TEST_DATA_DIR "/../../translations/redistore-admin_") + language
        + QStringLiteral(".ts");
}

static QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression marker(QStringLiteral("%L?(\\d+|n)"));
    QSet<QString> found;
    for (auto it = marker.globalMatch(text); it.hasNext();)
        found.insert(it.next().captured());
    return found;
}

void tst_Translations::everyMessageIsTranslated_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("de") << "de";
    QTest::newRow("fr") << "fr";
}

void tst_Translations::everyMessageIsTranslated()
{
    QFETCH(QString, language);
    QFile file(tsFile(language));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    QXmlStreamReader xml(&file);
    int messages = 0;
    QString source;
    bool numerus = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("message")) {
            numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        } else if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            ++messages;
            const QString type = xml.attributes().value(QLatin1String("type")).toString();
            QVERIFY2(type.isEmpty(), qPrintable(QStringLiteral("%1: %2").arg(type, source)));
            QStringList forms;
            if (numerus) {
                while (xml.readNextStartElement())
                    forms << xml.readElementText();
                QCOMPARE(forms.size(), 2);
            } else {
                forms << xml.readElementText();
            }
            for (const QString &form : std::as_const(forms)) {
                QVERIFY2(!form.trimmed().isEmpty(), qPrintable(source));
                QSet<QString> expected = placeholders(source);
                QSet<QString> got = placeholders(form);
                if (numerus) { // a singular form may spell out the one
                    for (const QString &n : { QStringLiteral("%n"), QStringLiteral("%Ln") }) {
                        expected.remove(n);
                        got.remove(n);
                    }
                }
                QVERIFY2(expected == got, qPrintable(source + QStringLiteral(" -> ") + form));
            }
        }
    }
    QVERIFY(!xml.hasError());
    QVERIFY2(messages > 250, qPrintable(QString::number(messages)));
}

void tst_Translations::everySourceTextIsInTheTranslations_data()
{
    everyMessageIsTranslated_data();
}

// lupdate run over gui/ into a copy of the translation adds nothing untranslated: no text of the
// code is missing from the file.
void tst_Translations::everySourceTextIsInTheTranslations()
{
    QFETCH(QString, language);
    const QString lupdate
        = QLibraryInfo::path(QLibraryInfo::BinariesPath) + QStringLiteral("/lupdate");
    if (!QFile::exists(lupdate))
        QSKIP("no lupdate beside this Qt (Debian: qt6-l10n-tools)");
    QTemporaryDir dir;
    const QString copy = dir.filePath(QStringLiteral("copy_") + language + QStringLiteral(".ts"));
    QVERIFY(QFile::copy(tsFile(language), copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
    QProcess run;
    run.start(lupdate,
              { QStringLiteral("-no-obsolete"), QStringLiteral("-locations"),
                QStringLiteral("none"), QStringLiteral(REDISTORE_TEST_DATA_DIR "/../../gui"),
                QStringLiteral("-ts"), copy });
    QVERIFY(run.waitForFinished(120000));
    QVERIFY2(run.exitCode() == 0, run.readAllStandardError().constData());
    QFile file(copy);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    QString source;
    QStringList missing;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("source"))
            source = xml.readElementText();
        else if (xml.name() == QLatin1String("translation")
                 && xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished"))
            missing << source;
    }
    QVERIFY(!xml.hasError());
    QVERIFY2(missing.isEmpty(),
             qPrintable(QStringLiteral("not in the %1 translation: ").arg(language)
                        + missing.join(QStringLiteral(" | "))));
}

void tst_Translations::compiledTranslationsLoad_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("refresh");
    QTest::addColumn<QString>("fiveSessions");
    QTest::addColumn<QString>("oneSession");
    QTest::newRow("de") << "de"
                        << "Aktualisieren"
                        << "5 Sitzungen"
                        << "1 Sitzung";
    QTest::newRow("fr") << "fr"
                        << "Actualiser"
                        << "5 sessions"
                        << "1 session";
    QTest::newRow("en plural forms") << "en"
                                     << ""
                                     << "5 sessions"
                                     << "1 session";
}

void tst_Translations::compiledTranslationsLoad()
{
    QFETCH(QString, language);
    QFETCH(QString, refresh);
    QFETCH(QString, fiveSessions);
    QFETCH(QString, oneSession);
    QTranslator translator;
    QVERIFY2(TranslationLoader::load(translator, language),
             qPrintable(TranslationLoader::resourcePath(language)));
    QCOMPARE(translator.translate("RediStore::Admin::MainWindow", "Refresh"), refresh);
    QCOMPARE(translator.translate("RediStore::Admin::StatusPanel", "%Ln session(s)", nullptr, 5)
                 .replace(QStringLiteral("%Ln"), QStringLiteral("5")),
             fiveSessions);
    QCOMPARE(translator.translate("RediStore::Admin::StatusPanel", "%Ln session(s)", nullptr, 1)
                 .replace(QStringLiteral("%Ln"), QStringLiteral("1")),
             oneSession);
}

void tst_Translations::resolvesLanguages()
{
    QCOMPARE(TranslationLoader::resolve(QStringLiteral("de_AT")), QStringLiteral("de"));
    QCOMPARE(TranslationLoader::resolve(QStringLiteral("fr-CA")), QStringLiteral("fr"));
    QCOMPARE(TranslationLoader::resolve(QStringLiteral("EN")), QStringLiteral("en"));
    QCOMPARE(TranslationLoader::resolve(QStringLiteral("ja")), QStringLiteral("en"));
    QVERIFY(TranslationLoader::languages().contains(TranslationLoader::resolve(QString())));
}

void tst_Translations::windowSpeaksTheLanguage()
{
    QCOMPARE(TranslationLoader::install(qApp, QStringLiteral("de")), QStringLiteral("de"));
    QTemporaryDir dir;
    ProfileStore store(dir.filePath(QStringLiteral("p.ini")));
    MainWindow window(&store);
    QCOMPARE(window.action(QStringLiteral("refresh"))->text(), QStringLiteral("Aktualisieren"));
    QCOMPARE(window.action(QStringLiteral("cookies"))->text(), QStringLiteral("Cookie-Inspektor"));
    QCOMPARE(
        window.sessionModel()->headerData(SessionTableModel::IdColumn, Qt::Horizontal).toString(),
        QStringLiteral("Sitzungs-ID"));
    QCOMPARE(window.windowTitle(), QStringLiteral("RediStore Admin"));
}

QTEST_MAIN(tst_Translations)
#include "tst_translations.moc"
