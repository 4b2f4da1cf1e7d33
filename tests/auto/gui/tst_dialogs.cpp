// The dialogs build and render offscreen in every language and fit on a small screen. With
// REDISTORE_SCREENSHOT_DIR set, each rendering is saved there as a PNG to look at.

#include "connection/connectiondialog.h"
#include "connection/profilestore.h"
#include "inspector/cookieinspectordialog.h"
#include "sessions/expiredialog.h"
#include "translationloader.h"

#include <libredistore/codec/securecookie.h>

#include <QtCore/QDir>
#include <QtCore/QTemporaryDir>
#include <QtCore/QTranslator>
#include <QtGui/QPixmap>
#include <QtTest/QtTest>
#include <QtWidgets/QApplication>

using namespace RediStore;
using namespace RediStore::Admin;

class tst_Dialogs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void render_data();
    void render();

private:
    static void check(QWidget *dialog, const QString &name);
};

void tst_Dialogs::render_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << "en";
    QTest::newRow("de") << "de";
    QTest::newRow("fr") << "fr";
}

void tst_Dialogs::check(QWidget *dialog, const QString &name)
{
    dialog->resize(dialog->size().expandedTo(dialog->sizeHint()));
    dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    const QSize hint = dialog->sizeHint();
    QVERIFY2(
        hint.width() <= 1100 && hint.height() <= 760,
        qPrintable(QStringLiteral("%1 is %2x%3").arg(name).arg(hint.width()).arg(hint.height())));
    const QPixmap picture = dialog->grab();
    QVERIFY(!picture.isNull());
    const QString dir = qEnvironmentVariable("REDISTORE_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QVERIFY(picture.save(QDir(dir).filePath(name + QStringLiteral(".png"))));
}

void tst_Dialogs::render()
{
    QFETCH(QString, language);
    QTranslator translator;
    QVERIFY(TranslationLoader::load(translator, language));
    qApp->installTranslator(&translator);
    QLocale::setDefault(QLocale(language));

    QTemporaryDir dir;
    ProfileStore store(dir.filePath(QStringLiteral("p.ini")));
    ConnectionProfile profile;
    profile.name = QStringLiteral("Production");
    profile.cookieKeys
        = { QStringLiteral("hex:") + QString::fromLatin1(QByteArray(32, 'h').toHex()), QString() };
    store.save(profile);
    store.setLastUsed(profile.name);

    ConnectionDialog connection(&store);
    check(&connection, QStringLiteral("connection-") + language);

    // The sentinel form: sentinels, the master's name and the sentinels' password enabled.
    ConnectionProfile sentinel;
    sentinel.name = QStringLiteral("HA");
    sentinel.transport = ConnectionProfile::Transport::Sentinel;
    sentinel.nodes = QStringLiteral("10.0.0.1:26379, 10.0.0.2:26379, 10.0.0.3:26379");
    sentinel.masterName = QStringLiteral("mymaster");
    store.save(sentinel);
    store.setLastUsed(sentinel.name);
    ConnectionDialog sentinelConnection(&store);
    QCOMPARE(sentinelConnection.profile().transport, ConnectionProfile::Transport::Sentinel);
    QCOMPARE(sentinelConnection.profile().masterName, sentinel.masterName);
    check(&sentinelConnection, QStringLiteral("connection-sentinel-") + language);

    ExpireDialog expire(3, -1, nullptr);
    check(&expire, QStringLiteral("expire-") + language);

    CookieInspectorDialog inspector(profile, nullptr);
    const QByteArray good
        = SecureCookie(QByteArray(32, 'h'))
              .encode("session",
                      QStringLiteral("ND5QS72U2FN3E7IZK5QGSEMFKUG6DCL6S6DB5AWI6XX5653P4Z2Q"))
              .value();
    const QByteArray bad
        = SecureCookie(QByteArray(32, 'x')).encode("session", QStringLiteral("X")).value();
    inspector.setInput(QStringLiteral("Cookie: session=") + QString::fromLatin1(good)
                       + QStringLiteral("\nSet-Cookie: session=") + QString::fromLatin1(bad)
                       + QStringLiteral("; Path=/; HttpOnly"));
    inspector.inspect();
    QVERIFY(inspector.findings().size() == 2);
    check(&inspector, QStringLiteral("cookie-inspector-") + language);

    qApp->removeTranslator(&translator);
}

QTEST_MAIN(tst_Dialogs)
#include "tst_dialogs.moc"
