// Saved connections keep no password and no cookie key in the settings file: they go to the
// system keychain when remembered, a saved URL loses its password, profiles of earlier versions
// are moved out of the file, and the file is the user's alone. CTest runs this twice: in a
// private Secret Service (gnome-keyring in its own D-Bus session, REDISTORE_TEST_KEYCHAIN set)
// and with no D-Bus session at all, where "Remember" is off and says why.

#include "connection/connectiondialog.h"
#include "connection/connectionprofile.h"
#include "connection/profilestore.h"
#include "connection/secretstore.h"
#include "guitestsupport.h"
#include "translationloader.h"

#include <QtCore/QFile>
#include <QtCore/QSettings>
#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>

using namespace RediStore;
using namespace RediStore::Admin;
using RediStore::Test::RedisServer;

static const char password[] = "pa55-w0rd-of-bob";
static const char hashKey[] = "hex:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcd";

class tst_ProfileStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void urlsLoseTheirPassword_data();
    void urlsLoseTheirPassword();
    void invalidUrlIsShownWithoutPassword();
    void fileIsTheUsersAlone();
    void applicationSettingsAreTheUsersAlone();
    void rememberedSecretsGoToTheKeychain();
    void sentinelPasswordIsRememberedWithThePassword();
    void earlierProfilesAreMovedOutOfTheFile();
    void migrationSaysLostUntilTheKeychainConfirms();
    void temporaryFailureKeepsWhatIsRemembered();
    void failedReadDeletesNothing();
    void connectWaitsForTheRememberedPassword();
    void withoutKeychainRememberIsOff();
    void withoutKeychainEarlierSecretsLeaveTheFile();
    void withoutKeychainSavedProfileKeepsItsFlags();

private:
    static bool haveKeychain() { return qEnvironmentVariableIsSet("REDISTORE_TEST_KEYCHAIN"); }
    QByteArray fileBytes(const QString &path) const;
    void waitForKeychain();
    SecretStore::Reply readBack(const QString &key, SecretStore *store = nullptr);
    static void failNextJobs(SecretStore *store, int count) { store->m_failNextJobs = count; }

    QTemporaryDir m_dir;
    SecretStore *m_secrets = nullptr;
};

void tst_ProfileStore::initTestCase()
{
    TranslationLoader::install(qApp, QStringLiteral("en"));
    QVERIFY(m_dir.isValid());
    m_secrets = new SecretStore(QStringLiteral("redistore-admin-test"), this);
    m_secrets->checkAvailability();
    QTRY_VERIFY_WITH_TIMEOUT(m_secrets->availability() != SecretStore::Availability::Unknown,
                             20000);
    if (haveKeychain())
        QVERIFY2(m_secrets->availability() == SecretStore::Availability::Available,
                 qPrintable(m_secrets->unavailableReason()));
    else
        QCOMPARE(m_secrets->availability(), SecretStore::Availability::Unavailable);
}

QByteArray tst_ProfileStore::fileBytes(const QString &path) const
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void tst_ProfileStore::waitForKeychain()
{
    QTRY_COMPARE_WITH_TIMEOUT(m_secrets->pendingJobs(), 0, 20000);
    QCoreApplication::processEvents(); // the queued answers
}

SecretStore::Reply tst_ProfileStore::readBack(const QString &key, SecretStore *store)
{
    SecretStore::Reply result;
    bool done = false;
    (store ? store : m_secrets)->read(key, this, [&](const SecretStore::Reply &reply) {
        result = reply;
        done = true;
    });
    [&]() { QTRY_VERIFY_WITH_TIMEOUT(done, 20000); }();
    return result;
}

void tst_ProfileStore::urlsLoseTheirPassword_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("saved");
    QTest::newRow("user and password") << "redis://bob:s3cret@127.0.0.1:6379/2"
                                       << "redis://bob@127.0.0.1:6379/2";
    QTest::newRow("password only") << "redis://:s3cret@host"
                                   << "redis://host";
    QTest::newRow("tls parameters kept as typed")
        << "rediss://bob:s%40cret@redis.example.com:6380/0?tls_ca=/etc/ssl/ca%20x.pem"
           "&tls_verify=none"
        << "rediss://bob@redis.example.com:6380/0?tls_ca=/etc/ssl/ca%20x.pem&tls_verify=none";
    QTest::newRow("'@' and '/' in the password") << "redis://bob:a/b@c@host:1/0"
                                                 << "redis://bob@host:1/0";
    QTest::newRow("unix socket") << "unix://:pw@/run/redis.sock?db=1"
                                 << "unix:///run/redis.sock?db=1";
    QTest::newRow("no password") << "redis://bob@host:6379?db=3"
                                 << "redis://bob@host:6379?db=3";
    QTest::newRow("cluster seeds") << "redis+cluster://bob:s3cret@10.0.0.1:7000,10.0.0.2:7000"
                                   << "redis+cluster://bob@10.0.0.1:7000,10.0.0.2:7000";
    QTest::newRow("sentinel, both passwords")
        << "redis+sentinel://:s3cret@h1:26379,[::1]:26380/mymaster/2?sentinel_username=mon"
           "&sentinel_password=s3cret2"
        << "redis+sentinel://h1:26379,[::1]:26380/mymaster/2?sentinel_username=mon";
    QTest::newRow("sentinel password only")
        << "rediss+sentinel://h1,h2/mymaster?sentinel_password=s3cret"
        << "rediss+sentinel://h1,h2/mymaster";
    QTest::newRow("sentinel password among parameters")
        << "rediss+sentinel://bob:s3cret@h1/mymaster?tls_verify=none&sentinel%5Fpassword=s%26cret"
           "&tls_ca=/ca.pem"
        << "rediss+sentinel://bob@h1/mymaster?tls_verify=none&tls_ca=/ca.pem";
    QTest::newRow("not a URL") << "host:6379"
                               << "host:6379";
}

void tst_ProfileStore::urlsLoseTheirPassword()
{
    QFETCH(QString, url);
    QFETCH(QString, saved);
    QCOMPARE(ConnectionProfile::urlWithoutPassword(url), saved);

    const QString ini = m_dir.filePath(QStringLiteral("urls.ini"));
    {
        ProfileStore store(ini);
        ConnectionProfile profile = ConnectionProfile::fromUrl(url);
        profile.name = QStringLiteral("url");
        store.save(profile);
        QCOMPARE(store.load(profile.name).url, saved);
    }
    QVERIFY(!fileBytes(ini).contains("s3cret"));
    QVERIFY(!fileBytes(ini).contains("cret"));
}

void tst_ProfileStore::invalidUrlIsShownWithoutPassword()
{
    // Port out of range: the URL does not parse, and the error says what was typed.
    ConnectionProfile profile
        = ConnectionProfile::fromUrl(QStringLiteral("redis://bob:s3cret@host:99999/0"));
    const auto config = profile.toRedisConfig();
    QVERIFY(!config.ok());
    QVERIFY2(!config.error().message().contains(QLatin1String("s3cret")),
             qPrintable(config.error().message()));
    QVERIFY(!profile.endpointText().contains(QLatin1String("s3cret")));
    QVERIFY(!profile.title().contains(QLatin1String("s3cret")));
}

void tst_ProfileStore::fileIsTheUsersAlone()
{
    const QString ini = m_dir.filePath(QStringLiteral("mode/new.ini"));
    {
        ProfileStore store(ini);
        ConnectionProfile profile;
        profile.name = QStringLiteral("p");
        store.save(profile);
    }
    constexpr QFile::Permissions others
        = QFile::ReadGroup | QFile::WriteGroup | QFile::ReadOther | QFile::WriteOther;
    QCOMPARE(QFile(ini).permissions() & others, QFile::Permissions());
    QVERIFY(QFile(ini).permissions() & QFile::ReadOwner);

    // A file an earlier version made readable by all is fixed.
    QVERIFY(
        QFile::setPermissions(ini, QFile::permissions(ini) | QFile::ReadGroup | QFile::ReadOther));
    ProfileStore again(ini);
    QCOMPARE(QFile(ini).permissions() & others, QFile::Permissions());
    QCOMPARE(again.names(), QStringList { QStringLiteral("p") });
}

void tst_ProfileStore::applicationSettingsAreTheUsersAlone()
{
    // The application's own settings: on Unix a file too (QSettings' native format).
    const QString dir = m_dir.filePath(QStringLiteral("native"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir);
    QCoreApplication::setOrganizationName(QStringLiteral("RediStoreTest"));
    QCoreApplication::setApplicationName(QStringLiteral("profiles"));
    ProfileStore store;
    ConnectionProfile profile;
    profile.name = QStringLiteral("p");
    store.save(profile);
    QCOMPARE(store.settings().format(), QSettings::NativeFormat);
#if defined(Q_OS_WIN) || defined(Q_OS_DARWIN)
    QSKIP("the native settings are no file here");
#endif
    QVERIFY2(QFile::exists(store.fileName()), qPrintable(store.fileName()));
    QVERIFY(store.fileName().startsWith(dir));
    QCOMPARE(QFile(store.fileName()).permissions()
                 & (QFile::ReadGroup | QFile::WriteGroup | QFile::ReadOther | QFile::WriteOther),
             QFile::Permissions());
}

void tst_ProfileStore::rememberedSecretsGoToTheKeychain()
{
    if (!haveKeychain())
        QSKIP("needs the private Secret Service");
    const QString ini = m_dir.filePath(QStringLiteral("remembered.ini"));
    ProfileStore store(ini, m_secrets);
    ConnectionProfile p = ConnectionProfile::fromUrl(
        QStringLiteral("rediss://bob:%1@redis.example.com:6380/1?tls_verify=none")
            .arg(QLatin1String(password)));
    p.name = QStringLiteral("Prod / EU");
    p.savePassword = true;
    p.cookieKeys = { QLatin1String(hashKey), QString() };
    p.saveCookieKeys = true;
    store.save(p);
    waitForKeychain();

    QByteArray bytes = fileBytes(ini);
    QVERIFY(!bytes.isEmpty());
    QVERIFY(!bytes.contains(password));
    QVERIFY(!bytes.contains(hashKey));
    QCOMPARE(store.load(p.name).url,
             QStringLiteral("rediss://bob@redis.example.com:6380/1?tls_verify=none"));
    QVERIFY(store.load(p.name).password.isEmpty());
    QCOMPARE(readBack(ProfileStore::secretKey(p.name, ProfileStore::SecretKind::Password)).secret,
             QLatin1String(password));

    ProfileSecrets secrets;
    bool loaded = false;
    store.loadSecrets(store.load(p.name), this, [&](const ProfileSecrets &s) {
        secrets = s;
        loaded = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(loaded, 20000);
    QCOMPARE(secrets.password, QLatin1String(password));
    QCOMPARE(secrets.cookieKeys, p.cookieKeys);
    QVERIFY(secrets.problem.isEmpty());
    // The profile, its secrets put back, connects as it did.
    ConnectionProfile back = store.load(p.name);
    back.password = secrets.password;
    QCOMPARE(back.toRedisConfig().value().password(), QLatin1String(password));

    // Unticking "Remember" removes what the keychain kept.
    p.savePassword = false;
    store.save(p);
    waitForKeychain();
    QCOMPARE(readBack(ProfileStore::secretKey(p.name, ProfileStore::SecretKind::Password)).outcome,
             SecretStore::Outcome::NotFound);
    QCOMPARE(readBack(ProfileStore::secretKey(p.name, ProfileStore::SecretKind::CookieKeys)).secret,
             p.cookieKeys.join(QLatin1Char('\n')));
    bytes = fileBytes(ini);
    QVERIFY(!bytes.contains(password));
    QVERIFY(!bytes.contains(hashKey));

    // Deleting the profile deletes its entries.
    store.remove(p.name);
    waitForKeychain();
    QCOMPARE(
        readBack(ProfileStore::secretKey(p.name, ProfileStore::SecretKind::CookieKeys)).outcome,
        SecretStore::Outcome::NotFound);
}

// The sentinels' password, in its field or in the URL, is a secret like the password: never in
// the file, in the keychain when "Remember" is ticked, gone from it when not, or when the profile
// no longer uses sentinels.
void tst_ProfileStore::sentinelPasswordIsRememberedWithThePassword()
{
    const QString ini = m_dir.filePath(QStringLiteral("sentinel.ini"));
    ProfileStore store(ini, m_secrets);
    ConnectionProfile p;
    p.name = QStringLiteral("HA");
    p.transport = ConnectionProfile::Transport::Sentinel;
    p.nodes = QStringLiteral("127.0.0.1:26379, 127.0.0.1:26380");
    p.masterName = QStringLiteral("mymaster");
    p.password = QLatin1String(password);
    p.sentinelPassword = QStringLiteral("sentinel-pa55");
    p.savePassword = true;
    store.save(p);
    waitForKeychain();
    QByteArray bytes = fileBytes(ini);
    QVERIFY(bytes.contains("mymaster"));
    QVERIFY(!bytes.contains(password));
    QVERIFY(!bytes.contains("sentinel-pa55"));
    const ConnectionProfile loaded = store.load(p.name);
    QCOMPARE(loaded.transport, ConnectionProfile::Transport::Sentinel);
    QCOMPARE(loaded.nodes, p.nodes);
    QVERIFY(loaded.sentinelPassword.isEmpty());
    const QString key = ProfileStore::secretKey(p.name, ProfileStore::SecretKind::SentinelPassword);
    if (!haveKeychain())
        return; // nothing is remembered, and nothing reached a file

    QCOMPARE(readBack(key).secret, QStringLiteral("sentinel-pa55"));
    ProfileSecrets secrets;
    bool loadedSecrets = false;
    store.loadSecrets(loaded, this, [&](const ProfileSecrets &s) {
        secrets = s;
        loadedSecrets = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(loadedSecrets, 20000);
    QCOMPARE(secrets.password, QLatin1String(password));
    QCOMPARE(secrets.sentinelPassword, QStringLiteral("sentinel-pa55"));

    // The dialog puts it back in its field.
    store.setLastUsed(p.name);
    ConnectionDialog again(&store);
    QTRY_COMPARE_WITH_TIMEOUT(again.profile().sentinelPassword, QStringLiteral("sentinel-pa55"),
                              20000);

    // In the URL instead: taken out of it, and kept.
    ConnectionProfile url = ConnectionProfile::fromUrl(
        QStringLiteral("redis+sentinel://127.0.0.1:26379/mymaster?sentinel_password=url%2Dpa55"));
    url.name = p.name;
    url.savePassword = true;
    store.save(url);
    waitForKeychain();
    QVERIFY(!fileBytes(ini).contains("pa55"));
    QCOMPARE(store.load(p.name).url, QStringLiteral("redis+sentinel://127.0.0.1:26379/mymaster"));
    QCOMPARE(readBack(key).secret, QStringLiteral("url-pa55"));

    // Not remembered: removed.
    url.savePassword = false;
    store.save(url);
    waitForKeychain();
    QCOMPARE(readBack(key).outcome, SecretStore::Outcome::NotFound);

    // Remembered again, then the profile becomes a plain server: removed too.
    store.save(p);
    waitForKeychain();
    QCOMPARE(readBack(key).secret, QStringLiteral("sentinel-pa55"));
    ConnectionProfile plain = p;
    plain.transport = ConnectionProfile::Transport::Tcp;
    store.save(plain);
    waitForKeychain();
    QCOMPARE(readBack(key).outcome, SecretStore::Outcome::NotFound);
    store.save(p);
    waitForKeychain();
    store.remove(p.name);
    waitForKeychain();
    QCOMPARE(readBack(key).outcome, SecretStore::Outcome::NotFound);
}

// A settings file as version 1 wrote it: the URL with its password, the remembered password and
// the cookie keys in plain text, readable by all.
static void writeEarlierFile(const QString &ini)
{
    {
        QSettings old(ini, QSettings::IniFormat);
        old.beginGroup(QStringLiteral("profiles/Old"));
        old.setValue(QStringLiteral("name"), QStringLiteral("Old"));
        old.setValue(QStringLiteral("transport"), QStringLiteral("url"));
        old.setValue(
            QStringLiteral("url"),
            QStringLiteral("redis://bob:%1@127.0.0.1:6379/0").arg(QLatin1String(password)));
        old.setValue(QStringLiteral("savePassword"), true);
        old.setValue(QStringLiteral("password"), QLatin1String(password));
        old.setValue(QStringLiteral("saveCookieKeys"), true);
        old.setValue(QStringLiteral("cookieKeys"),
                     QStringList { QLatin1String(hashKey), QStringLiteral("hex:00ff") });
        old.endGroup();
        old.setValue(QStringLiteral("lastProfile"), QStringLiteral("Old"));
    }
    QFile::setPermissions(
        ini, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
}

void tst_ProfileStore::earlierProfilesAreMovedOutOfTheFile()
{
    if (!haveKeychain())
        QSKIP("needs the private Secret Service");
    const QString ini = m_dir.filePath(QStringLiteral("earlier.ini"));
    writeEarlierFile(ini);
    QVERIFY(fileBytes(ini).contains(password));
    QVERIFY(fileBytes(ini).contains(hashKey));

    ProfileStore store(ini, m_secrets);
    QVERIFY(store.secretsLost(QStringLiteral("Old"))); // until the keychain has them
    waitForKeychain();
    const QByteArray bytes = fileBytes(ini);
    QVERIFY2(!bytes.contains(password), bytes.constData());
    QVERIFY2(!bytes.contains(hashKey), bytes.constData());
    QVERIFY(bytes.contains("redis://bob@127.0.0.1:6379/0"));
    QVERIFY(!(QFile::permissions(ini) & (QFile::ReadOther | QFile::ReadGroup)));
    QVERIFY(!store.secretsLost(QStringLiteral("Old")));
    QCOMPARE(
        readBack(ProfileStore::secretKey(QStringLiteral("Old"), ProfileStore::SecretKind::Password))
            .secret,
        QLatin1String(password));
    QCOMPARE(readBack(ProfileStore::secretKey(QStringLiteral("Old"),
                                              ProfileStore::SecretKind::CookieKeys))
                 .secret,
             QLatin1String(hashKey) + QStringLiteral("\nhex:00ff"));

    // Loading again finds nothing left to move, and the dialog gets the secrets back.
    ProfileStore again(ini, m_secrets);
    ConnectionDialog dialog(&again);
    QTRY_COMPARE_WITH_TIMEOUT(dialog.profile().password, QLatin1String(password), 20000);
    QCOMPARE(dialog.profile().cookieKeys,
             (QStringList { QLatin1String(hashKey), QStringLiteral("hex:00ff") }));
    QVERIFY(dialog.profile().savePassword);
    QVERIFY(!fileBytes(ini).contains(password));
    // The warning on cookie keys shows, and the dialog still fits on a small screen.
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(dialog.canRememberSecrets());
    QVERIFY2(dialog.sizeHint().height() <= 760,
             qPrintable(QString::number(dialog.sizeHint().height())));
    bool warned = false;
    for (QLabel *label : dialog.findChildren<QLabel *>())
        warned = warned
            || (label->isVisible() && label->text().contains(QLatin1String("forge any session")));
    QVERIFY(warned);
    const QString shots = qEnvironmentVariable("REDISTORE_SCREENSHOT_DIR");
    if (!shots.isEmpty())
        QVERIFY(dialog.grab().save(shots + QStringLiteral("/connection-keychain.png")));
    again.remove(QStringLiteral("Old"));
    waitForKeychain();
}

void tst_ProfileStore::connectWaitsForTheRememberedPassword()
{
    if (!haveKeychain())
        QSKIP("needs the private Secret Service");
    RedisServer server(RedisServer::Options { true, {} });
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    const QString ini = m_dir.filePath(QStringLiteral("connect.ini"));
    {
        ProfileStore store(ini, m_secrets);
        ConnectionProfile p;
        p.name = QStringLiteral("local");
        p.host = server.host();
        p.port = server.port();
        p.password = QLatin1String(RedisServer::defaultPassword);
        p.savePassword = true;
        store.save(p);
        store.setLastUsed(p.name);
        waitForKeychain();
    }
    ProfileStore store(ini, m_secrets);
    {
        // Save before the password came back from the keychain: it waits, and keeps it.
        ConnectionDialog early(&store);
        QPushButton *save = nullptr;
        for (QPushButton *button : early.findChildren<QPushButton *>())
            if (button->text() == QLatin1String("Save"))
                save = button;
        QVERIFY(save);
        save->click();
        QTRY_VERIFY_WITH_TIMEOUT(early.statusText().startsWith(QLatin1String("Saved")), 20000);
        waitForKeychain();
        QCOMPARE(readBack(ProfileStore::secretKey(QStringLiteral("local"),
                                                  ProfileStore::SecretKind::Password))
                     .secret,
                 QLatin1String(RedisServer::defaultPassword));
    }
    ConnectionDialog dialog(&store);
    QSignalSpy failed(&dialog, &ConnectionDialog::connectionFailed);
    dialog.tryConnect(); // at once: the password is still on its way
    QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 20000);
    QCOMPARE(failed.count(), 0);
    QVERIFY(!fileBytes(ini).contains(RedisServer::defaultPassword));
    store.remove(QStringLiteral("local"));
    waitForKeychain();
}

void tst_ProfileStore::withoutKeychainRememberIsOff()
{
    if (haveKeychain())
        QSKIP("runs without a D-Bus session");
    const QString ini = m_dir.filePath(QStringLiteral("nokeychain.ini"));
    ProfileStore store(ini, m_secrets);
    ConnectionDialog dialog(&store);
    QCheckBox *remember = nullptr;
    QCheckBox *rememberKeys = nullptr;
    for (QCheckBox *box : dialog.findChildren<QCheckBox *>()) {
        if (box->text() == QLatin1String("Remember"))
            remember = box;
        else if (box->text() == QLatin1String("Remember the keys"))
            rememberKeys = box;
    }
    QVERIFY(remember && rememberKeys);
    QVERIFY(!dialog.canRememberSecrets());
    QVERIFY(!remember->isEnabled());
    QVERIFY(!remember->isChecked());
    QVERIFY(!rememberKeys->isEnabled());
    QVERIFY2(remember->toolTip().contains(QLatin1String("no system keychain")),
             qPrintable(remember->toolTip()));
    bool noteShown = false;
    for (QLabel *label : dialog.findChildren<QLabel *>())
        noteShown = noteShown || label->text() == remember->toolTip();
    QVERIFY(noteShown);

    // A profile that asks to remember is saved without its secrets, and says it does not.
    ConnectionProfile p;
    p.name = QStringLiteral("p");
    p.password = QLatin1String(password);
    p.savePassword = true;
    p.cookieKeys = { QLatin1String(hashKey) };
    p.saveCookieKeys = true;
    dialog.setProfile(p);
    QVERIFY(!remember->isEnabled());
    store.save(p);
    waitForKeychain();
    const QByteArray bytes = fileBytes(ini);
    QVERIFY(!bytes.contains(password));
    QVERIFY(!bytes.contains(hashKey));
    QVERIFY(!store.load(p.name).savePassword);
}

void tst_ProfileStore::withoutKeychainEarlierSecretsLeaveTheFile()
{
    if (haveKeychain())
        QSKIP("runs without a D-Bus session");
    const QString ini = m_dir.filePath(QStringLiteral("earlier-nokeychain.ini"));
    writeEarlierFile(ini);
    ProfileStore store(ini, m_secrets);
    QVERIFY(!fileBytes(ini).contains(password));
    QVERIFY(!fileBytes(ini).contains(hashKey));
    QTRY_VERIFY_WITH_TIMEOUT(store.secretsLost(QStringLiteral("Old")), 20000);
    waitForKeychain();
    QVERIFY(!fileBytes(ini).contains(password));

    // The dialog says the secrets must be typed again.
    ConnectionDialog dialog(&store);
    QVERIFY2(dialog.statusText().contains(QLatin1String("type them again")),
             qPrintable(dialog.statusText()));
}

// Earlier secrets leave the file at once; until the keychain confirms them the profile says they
// are lost, so a process that ends before then does not lose them silently.
void tst_ProfileStore::migrationSaysLostUntilTheKeychainConfirms()
{
    if (!haveKeychain())
        QSKIP("needs the private Secret Service");
    const QString ini = m_dir.filePath(QStringLiteral("migrating.ini"));
    writeEarlierFile(ini);
    {
        ProfileStore store(ini, m_secrets);
        // As another process (or this one, after a crash) would find the file now.
        QSettings file(ini, QSettings::IniFormat);
        QVERIFY(file.value(QStringLiteral("profiles/Old/secretsLost")).toBool());
        QVERIFY(!fileBytes(ini).contains(password));
        QVERIFY(!fileBytes(ini).contains(hashKey));
        waitForKeychain();
        QVERIFY(!store.secretsLost(QStringLiteral("Old")));
        store.remove(QStringLiteral("Old"));
        waitForKeychain();
    }

    // The keychain refuses one of them: the profile stays marked.
    writeEarlierFile(ini);
    failNextJobs(m_secrets, 1);
    ProfileStore store(ini, m_secrets);
    waitForKeychain();
    QVERIFY(store.secretsLost(QStringLiteral("Old")));
    QVERIFY(!fileBytes(ini).contains(password));
    QCOMPARE(m_secrets->availability(), SecretStore::Availability::Available);
    store.remove(QStringLiteral("Old"));
    waitForKeychain();
}

static QCheckBox *checkBox(QWidget *dialog, const QString &text)
{
    for (QCheckBox *box : dialog->findChildren<QCheckBox *>())
        if (box->text() == text)
            return box;
    return nullptr;
}

static QPushButton *button(QWidget *dialog, const QString &text)
{
    for (QPushButton *b : dialog->findChildren<QPushButton *>())
        if (b->text() == text)
            return b;
    return nullptr;
}

static ConnectionProfile rememberingProfile(const QString &name)
{
    ConnectionProfile p;
    p.name = name;
    p.password = QLatin1String(password);
    p.savePassword = true;
    p.cookieKeys = { QLatin1String(hashKey) };
    p.saveCookieKeys = true;
    return p;
}

// A keychain that fails for a while (a D-Bus timeout, a keyring daemon not started yet) changes
// nothing that is remembered: not the file's flags, not the entries.
void tst_ProfileStore::temporaryFailureKeepsWhatIsRemembered()
{
    if (!haveKeychain())
        QSKIP("needs the private Secret Service");
    const QString ini = m_dir.filePath(QStringLiteral("temporary.ini"));
    const ConnectionProfile p = rememberingProfile(QStringLiteral("temporary"));
    const QString passwordKey = ProfileStore::secretKey(p.name, ProfileStore::SecretKind::Password);
    const QString keysKey = ProfileStore::secretKey(p.name, ProfileStore::SecretKind::CookieKeys);
    {
        ProfileStore store(ini, m_secrets);
        store.save(p);
        store.setLastUsed(p.name);
        waitForKeychain();
    }

    // One failed job of a keychain that answered is that job's failure only.
    failNextJobs(m_secrets, 1);
    QCOMPARE(readBack(passwordKey).outcome, SecretStore::Outcome::Failed);
    QCOMPARE(m_secrets->availability(), SecretStore::Availability::Available);

    // A keychain that fails from the start: the check and both reads, twice (Save reloads).
    SecretStore starting(m_secrets->service());
    failNextJobs(&starting, 5);
    ProfileStore store(ini, &starting);
    ConnectionDialog dialog(&store);
    QTRY_COMPARE_WITH_TIMEOUT(starting.availability(), SecretStore::Availability::Unavailable,
                              20000);
    QTRY_COMPARE_WITH_TIMEOUT(starting.pendingJobs(), 0, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.statusText().contains(QLatin1String("keychain did not give")),
                             20000);
    QCheckBox *remember = checkBox(&dialog, QStringLiteral("Remember"));
    QCheckBox *rememberKeys = checkBox(&dialog, QStringLiteral("Remember the keys"));
    QVERIFY(remember && rememberKeys);
    QVERIFY(!remember->isEnabled());
    QVERIFY(!rememberKeys->isEnabled());
    QVERIFY(remember->isChecked()); // the profile still remembers them
    QVERIFY(rememberKeys->isChecked());

    button(&dialog, QStringLiteral("Save"))->click();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.statusText().startsWith(QLatin1String("Saved")), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(starting.pendingJobs(), 0, 20000);
    QCOMPARE(starting.availability(), SecretStore::Availability::Unavailable);
    // Even a profile that asks to forget them: nothing can be confirmed now.
    ConnectionProfile unticked = p;
    unticked.savePassword = false;
    unticked.saveCookieKeys = false;
    store.save(unticked);
    QCOMPARE(starting.pendingJobs(), 0);
    QVERIFY(store.load(p.name).savePassword);
    QVERIFY(store.load(p.name).saveCookieKeys);
    QVERIFY(!fileBytes(ini).contains(password));
    QCOMPARE(readBack(passwordKey).secret, QLatin1String(password));
    QCOMPARE(readBack(keysKey).secret, QLatin1String(hashKey));

    // The keychain answers again: "Remember" is back.
    QCOMPARE(readBack(passwordKey, &starting).secret, QLatin1String(password));
    QCOMPARE(starting.availability(), SecretStore::Availability::Available);
    QTRY_VERIFY(remember->isEnabled());
    QVERIFY(rememberKeys->isEnabled());
    QVERIFY(dialog.canRememberSecrets());

    store.remove(p.name);
    QTRY_COMPARE_WITH_TIMEOUT(starting.pendingJobs(), 0, 20000);
    QCOMPARE(readBack(passwordKey).outcome, SecretStore::Outcome::NotFound);
}

// A remembered secret the keychain did not give leaves its field empty; Save and Connect keep
// its entry until a new value is typed.
void tst_ProfileStore::failedReadDeletesNothing()
{
    if (!haveKeychain())
        QSKIP("needs the private Secret Service");
    RedisServer server;
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    const QString ini = m_dir.filePath(QStringLiteral("unread.ini"));
    ConnectionProfile p = rememberingProfile(QStringLiteral("unread"));
    p.host = server.host();
    p.port = server.port();
    const QString passwordKey = ProfileStore::secretKey(p.name, ProfileStore::SecretKind::Password);
    const QString keysKey = ProfileStore::secretKey(p.name, ProfileStore::SecretKind::CookieKeys);
    ProfileStore store(ini, m_secrets);
    store.save(p);
    store.setLastUsed(p.name);
    waitForKeychain();
    auto unchanged = [&]() {
        waitForKeychain();
        QVERIFY(store.load(p.name).savePassword);
        QVERIFY(store.load(p.name).saveCookieKeys);
        QCOMPARE(readBack(passwordKey).secret, QLatin1String(password));
        QCOMPARE(readBack(keysKey).secret, QLatin1String(hashKey));
    };

    {
        failNextJobs(m_secrets, 2);
        ConnectionDialog dialog(&store);
        QTRY_VERIFY_WITH_TIMEOUT(
            dialog.statusText().contains(QLatin1String("keychain did not give")), 20000);
        QVERIFY(dialog.profile().password.isEmpty());
        QVERIFY(dialog.profile().cookieKeys.isEmpty());
        QVERIFY(dialog.profile().savePassword);
        button(&dialog, QStringLiteral("Save"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.statusText().startsWith(QLatin1String("Saved")), 20000);
        unchanged();
    }
    {
        // Connect at once: it waits for the reads, which fail, and connects without them.
        failNextJobs(m_secrets, 2);
        ConnectionDialog dialog(&store);
        dialog.tryConnect();
        QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 20000);
        unchanged();
    }
    {
        // A password typed after the failed read replaces the entry; the keys stay.
        failNextJobs(m_secrets, 2);
        ConnectionDialog dialog(&store);
        QTRY_VERIFY_WITH_TIMEOUT(
            dialog.statusText().contains(QLatin1String("keychain did not give")), 20000);
        QLineEdit *passwordEdit = nullptr;
        for (QLineEdit *edit : dialog.findChildren<QLineEdit *>())
            if (edit->echoMode() == QLineEdit::Password && edit->isEnabled()) // not the sentinels'
                passwordEdit = edit;
        QVERIFY(passwordEdit);
        QTest::keyClicks(passwordEdit, QStringLiteral("typed-again"));
        button(&dialog, QStringLiteral("Save"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.statusText().startsWith(QLatin1String("Saved")), 20000);
        waitForKeychain();
        QCOMPARE(readBack(passwordKey).secret, QStringLiteral("typed-again"));
        QCOMPARE(readBack(keysKey).secret, QLatin1String(hashKey));
        QVERIFY(!fileBytes(ini).contains("typed-again"));
    }
    store.remove(p.name);
    waitForKeychain();
}

// Without a keychain a profile saved with "Remember" keeps its flags: the dialog shows them
// (and cannot change them), and saving it, with the boxes as shown or not, leaves them.
void tst_ProfileStore::withoutKeychainSavedProfileKeepsItsFlags()
{
    if (haveKeychain())
        QSKIP("runs without a D-Bus session");
    const QString ini = m_dir.filePath(QStringLiteral("kept-nokeychain.ini"));
    {
        QSettings file(ini, QSettings::IniFormat);
        file.beginGroup(QStringLiteral("profiles/kept"));
        ConnectionProfile p;
        p.name = QStringLiteral("kept");
        p.savePassword = true;
        p.saveCookieKeys = true;
        p.save(file);
        file.endGroup();
        file.setValue(QStringLiteral("lastProfile"), p.name);
    }
    ProfileStore store(ini, m_secrets);
    QVERIFY(store.load(QStringLiteral("kept")).savePassword);
    ConnectionDialog dialog(&store);
    QCheckBox *remember = checkBox(&dialog, QStringLiteral("Remember"));
    QCheckBox *rememberKeys = checkBox(&dialog, QStringLiteral("Remember the keys"));
    QVERIFY(remember && rememberKeys);
    QTRY_VERIFY_WITH_TIMEOUT(m_secrets->pendingJobs() == 0, 20000);
    QCoreApplication::processEvents();
    QVERIFY(!remember->isEnabled());
    QVERIFY(remember->isChecked());
    QVERIFY(rememberKeys->isChecked());
    QCOMPARE(dialog.profile().name, QStringLiteral("kept"));

    button(&dialog, QStringLiteral("Save"))->click();
    // Without D-Bus each keychain job first fails to start one: slow under a sanitizer on a
    // busy machine.
    QTRY_VERIFY_WITH_TIMEOUT(dialog.statusText().startsWith(QLatin1String("Saved")), 60000);
    QVERIFY(store.load(QStringLiteral("kept")).savePassword);
    QVERIFY(store.load(QStringLiteral("kept")).saveCookieKeys);

    ConnectionProfile unticked = store.load(QStringLiteral("kept"));
    unticked.savePassword = false;
    unticked.saveCookieKeys = false;
    store.save(unticked);
    QVERIFY(store.load(QStringLiteral("kept")).savePassword);
    QVERIFY(store.load(QStringLiteral("kept")).saveCookieKeys);
}

QTEST_MAIN(tst_ProfileStore)
#include "tst_profilestore.moc"
