#include "profilestore.h"

#include "secretstore.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QPointer>
#include <QtCore/QUrl>

namespace RediStore::Admin {

ProfileStore::ProfileStore()
    : m_settings(std::make_unique<QSettings>())
    , m_ownSecrets(std::make_unique<SecretStore>())
    , m_secrets(m_ownSecrets.get())
    , m_context(std::make_unique<QObject>())
{
    protectFile();
    migrate();
}

ProfileStore::ProfileStore(const QString &iniFile, SecretStore *secrets)
    : m_settings(std::make_unique<QSettings>(iniFile, QSettings::IniFormat))
    , m_secrets(secrets)
    , m_context(std::make_unique<QObject>())
{
    protectFile();
    migrate();
}

ProfileStore::~ProfileStore() = default;

QString ProfileStore::fileName() const
{
    return m_settings->fileName();
}

// The file is made before QSettings writes it, so that it is never readable by others, not even
// for a moment; QSettings keeps a file's permissions when it rewrites it.
void ProfileStore::protectFile()
{
    const QString path = m_settings->fileName();
    if (path.isEmpty())
        return;
    constexpr QFile::Permissions ownerOnly = QFile::ReadOwner | QFile::WriteOwner;
    QFile file(path);
    if (!file.exists()) {
        QDir().mkpath(QFileInfo(path).absolutePath());
        if (file.open(QIODevice::WriteOnly, ownerOnly))
            file.close();
    } else if (file.permissions()
               & (QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther
                  | QFile::WriteOther | QFile::ExeOther)) {
        file.setPermissions(ownerOnly); // made 0644 by an earlier version
    }
}

// Profile names are free text; group names must not contain '/'.
QString ProfileStore::groupFor(const QString &name)
{
    return QStringLiteral("profiles/")
        + QString::fromLatin1(QUrl::toPercentEncoding(name, QByteArray(), "/"));
}

QString ProfileStore::secretKey(const QString &name, SecretKind kind)
{
    return (kind == SecretKind::Password ? QStringLiteral("password:")
                                         : QStringLiteral("cookie-keys:"))
        + name;
}

// Earlier versions kept the password (in the URL, and as "password" when remembered) and the
// cookie keys in the file. They leave it now, whatever the keychain says; a remembered one goes
// to the keychain, and when that fails the profile says it must be typed again.
void ProfileStore::migrate()
{
    const QStringList profiles = names();
    bool changed = false;
    for (const QString &name : profiles) {
        m_settings->beginGroup(groupFor(name));
        const QString url = m_settings->value(QStringLiteral("url")).toString();
        const QString urlPassword = ConnectionProfile::passwordInUrl(url);
        const bool hasPassword = m_settings->contains(QStringLiteral("password"));
        const bool hasKeys = m_settings->contains(QStringLiteral("cookieKeys"));
        if (urlPassword.isEmpty() && !hasPassword && !hasKeys) {
            m_settings->endGroup();
            continue;
        }
        changed = true;
        const bool savePassword = m_settings->value(QStringLiteral("savePassword")).toBool();
        const bool saveKeys = m_settings->value(QStringLiteral("saveCookieKeys")).toBool();
        QString password = m_settings->value(QStringLiteral("password")).toString();
        if (password.isEmpty())
            password = QUrl::fromPercentEncoding(urlPassword.toUtf8());
        const QStringList keys = m_settings->value(QStringLiteral("cookieKeys")).toStringList();
        m_settings->setValue(QStringLiteral("url"), ConnectionProfile::urlWithoutPassword(url));
        m_settings->remove(QStringLiteral("password"));
        m_settings->remove(QStringLiteral("cookieKeys"));
        m_settings->endGroup();
        if (savePassword && !password.isEmpty())
            keepSecret(name, SecretKind::Password, password, true);
        else if (!password.isEmpty())
            markSecretsLost(name); // in the URL without "Remember": not kept anywhere now
        if (saveKeys && !keys.isEmpty())
            keepSecret(name, SecretKind::CookieKeys, keys.join(QLatin1Char('\n')), true);
    }
    if (changed)
        m_settings->sync();
}

void ProfileStore::keepSecret(const QString &name, SecretKind kind, const QString &secret,
                              bool migrating)
{
    const QString key = secretKey(name, kind);
    if (!m_secrets) {
        if (migrating)
            markSecretsLost(name);
        return;
    }
    const bool writing = !secret.isEmpty();
    auto done = [this, name, kind, migrating, writing](const SecretStore::Reply &reply) {
        if (reply.outcome == SecretStore::Outcome::Ok || !writing)
            return;
        if (migrating) {
            qWarning("redistore-admin: a secret of a saved connection could not be moved to "
                     "the keychain (%s); it was removed from the settings file",
                     qPrintable(reply.errorString));
            markSecretsLost(name);
        } else {
            forgetRemember(name, kind); // the profile must not claim what the keychain refused
        }
    };
    if (secret.isEmpty())
        m_secrets->remove(key, m_context.get(), done);
    else
        m_secrets->write(key, secret, m_context.get(), done);
}

void ProfileStore::markSecretsLost(const QString &name)
{
    m_settings->beginGroup(groupFor(name));
    const bool exists = m_settings->contains(QStringLiteral("name"));
    if (exists)
        m_settings->setValue(QStringLiteral("secretsLost"), true);
    m_settings->endGroup();
    m_settings->sync();
}

void ProfileStore::forgetRemember(const QString &name, SecretKind kind)
{
    m_settings->beginGroup(groupFor(name));
    if (m_settings->contains(QStringLiteral("name")))
        m_settings->setValue(kind == SecretKind::Password ? QStringLiteral("savePassword")
                                                          : QStringLiteral("saveCookieKeys"),
                             false);
    m_settings->endGroup();
    m_settings->sync();
}

bool ProfileStore::secretsLost(const QString &name) const
{
    return m_settings->value(groupFor(name) + QStringLiteral("/secretsLost"), false).toBool();
}

QStringList ProfileStore::names() const
{
    m_settings->beginGroup(QStringLiteral("profiles"));
    const QStringList groups = m_settings->childGroups();
    m_settings->endGroup();
    QStringList names;
    for (const QString &group : groups)
        names << QUrl::fromPercentEncoding(group.toLatin1());
    names.sort(Qt::CaseInsensitive);
    return names;
}

bool ProfileStore::contains(const QString &name) const
{
    return names().contains(name);
}

ConnectionProfile ProfileStore::load(const QString &name) const
{
    m_settings->beginGroup(groupFor(name));
    ConnectionProfile profile = ConnectionProfile::load(*m_settings);
    m_settings->endGroup();
    profile.name = name;
    return profile;
}

void ProfileStore::save(const ConnectionProfile &profile)
{
    Q_ASSERT(!profile.name.isEmpty());
    ConnectionProfile stored = profile;
    // A password typed in the URL is the profile's password as much as the field's.
    QString password = profile.password;
    if (password.isEmpty())
        password
            = QUrl::fromPercentEncoding(ConnectionProfile::passwordInUrl(profile.url).toUtf8());
    const bool keychain
        = m_secrets && m_secrets->availability() != SecretStore::Availability::Unavailable;
    stored.savePassword = profile.savePassword && keychain;
    stored.saveCookieKeys = profile.saveCookieKeys && keychain;
    m_settings->beginGroup(groupFor(profile.name));
    stored.save(*m_settings);
    m_settings->remove(QStringLiteral("secretsLost"));
    m_settings->endGroup();
    m_settings->sync();

    // Not remembered: an entry kept earlier goes too.
    keepSecret(profile.name, SecretKind::Password, stored.savePassword ? password : QString(),
               false);
    keepSecret(profile.name, SecretKind::CookieKeys,
               stored.saveCookieKeys ? profile.cookieKeys.join(QLatin1Char('\n')) : QString(),
               false);
}

void ProfileStore::remove(const QString &name)
{
    m_settings->remove(groupFor(name));
    if (lastUsed() == name)
        m_settings->remove(QStringLiteral("lastProfile"));
    m_settings->sync();
    keepSecret(name, SecretKind::Password, QString(), false);
    keepSecret(name, SecretKind::CookieKeys, QString(), false);
}

void ProfileStore::loadSecrets(const ConnectionProfile &profile, QObject *context,
                               std::function<void(const ProfileSecrets &)> done) const
{
    auto secrets = std::make_shared<ProfileSecrets>();
    QPointer<QObject> target(context);
    auto finish = [target, secrets, done = std::move(done)]() {
        if (target)
            QMetaObject::invokeMethod(
                target.data(), [done, secrets]() { done(*secrets); }, Qt::QueuedConnection);
    };
    if (!m_secrets || (!profile.savePassword && !profile.saveCookieKeys)) {
        finish();
        return;
    }
    auto note = [secrets](const SecretStore::Reply &reply) {
        if (reply.outcome != SecretStore::Outcome::Ok
            && reply.outcome != SecretStore::Outcome::NotFound && secrets->problem.isEmpty())
            secrets->problem = reply.errorString;
    };
    SecretStore *store = m_secrets;
    const QString keysKey = secretKey(profile.name, SecretKind::CookieKeys);
    const bool readKeys = profile.saveCookieKeys;
    auto readCookieKeys = [store, keysKey, readKeys, secrets, note, finish, this]() {
        if (!readKeys) {
            finish();
            return;
        }
        store->read(keysKey, m_context.get(),
                    [secrets, note, finish](const SecretStore::Reply &reply) {
                        note(reply);
                        if (reply.outcome == SecretStore::Outcome::Ok && !reply.secret.isEmpty())
                            secrets->cookieKeys = reply.secret.split(QLatin1Char('\n'));
                        finish();
                    });
    };
    if (!profile.savePassword) {
        readCookieKeys();
        return;
    }
    store->read(secretKey(profile.name, SecretKind::Password), m_context.get(),
                [secrets, note, readCookieKeys](const SecretStore::Reply &reply) {
                    note(reply);
                    if (reply.outcome == SecretStore::Outcome::Ok)
                        secrets->password = reply.secret;
                    readCookieKeys();
                });
}

QString ProfileStore::lastUsed() const
{
    return m_settings->value(QStringLiteral("lastProfile")).toString();
}

void ProfileStore::setLastUsed(const QString &name)
{
    m_settings->setValue(QStringLiteral("lastProfile"), name);
}

} // namespace RediStore::Admin
