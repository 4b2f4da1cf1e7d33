#include "connection/profilestore.h"

#include "connection/secretstore.h"

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
    // Only a file has permissions: not the registry (Windows) nor CFPreferences (macOS).
#if defined(Q_OS_WIN) || defined(Q_OS_DARWIN)
    const bool isFile = m_settings->format() == QSettings::IniFormat;
#else
    const bool isFile = m_settings->format() == QSettings::IniFormat
        || m_settings->format() == QSettings::NativeFormat;
#endif
    const QString path = m_settings->fileName();
    if (!isFile || path.isEmpty())
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
    switch (kind) {
    case SecretKind::Password:
        return QStringLiteral("password:") + name;
    case SecretKind::SentinelPassword:
        return QStringLiteral("sentinel-password:") + name;
    case SecretKind::CookieKeys:
        break;
    }
    return QStringLiteral("cookie-keys:") + name;
}

// Earlier versions kept the password (in the URL, and as "password" when remembered) and the
// cookie keys in the file. They leave it now, whatever the keychain says; a remembered one goes
// to the keychain. Until the keychain confirms every one, the profile says its secrets must be
// typed again: a process that ends before then loses nothing silently.
void ProfileStore::migrate()
{
    struct Move
    {
        QString name;
        QString password; // empty: none to move
        QString sentinelPassword;
        QString cookieKeys;
        bool dropped = false; // a secret left the file without a place in the keychain
    };
    QList<Move> moves;
    const QStringList profiles = names();
    for (const QString &name : profiles) {
        m_settings->beginGroup(groupFor(name));
        const QString url = m_settings->value(QStringLiteral("url")).toString();
        const QString urlPassword = ConnectionProfile::passwordInUrl(url);
        const QString sentinelPassword
            = QUrl::fromPercentEncoding(ConnectionProfile::sentinelPasswordInUrl(url).toUtf8());
        const bool hasPassword = m_settings->contains(QStringLiteral("password"));
        const bool hasKeys = m_settings->contains(QStringLiteral("cookieKeys"));
        if (urlPassword.isEmpty() && sentinelPassword.isEmpty() && !hasPassword && !hasKeys) {
            m_settings->endGroup();
            continue;
        }
        const bool savePassword = m_settings->value(QStringLiteral("savePassword")).toBool();
        const bool saveKeys = m_settings->value(QStringLiteral("saveCookieKeys")).toBool();
        QString password = m_settings->value(QStringLiteral("password")).toString();
        if (password.isEmpty())
            password = QUrl::fromPercentEncoding(urlPassword.toUtf8());
        const QStringList keys = m_settings->value(QStringLiteral("cookieKeys")).toStringList();
        Move move;
        move.name = name;
        if (savePassword) {
            move.password = password;
            move.sentinelPassword = sentinelPassword;
        } else {
            // in the URL without "Remember"
            move.dropped = !password.isEmpty() || !sentinelPassword.isEmpty();
        }
        if (saveKeys)
            move.cookieKeys = keys.join(QLatin1Char('\n'));
        m_settings->setValue(QStringLiteral("url"), ConnectionProfile::urlWithoutPassword(url));
        m_settings->remove(QStringLiteral("password"));
        m_settings->remove(QStringLiteral("cookieKeys"));
        if (move.dropped || !move.password.isEmpty() || !move.sentinelPassword.isEmpty()
            || !move.cookieKeys.isEmpty())
            m_settings->setValue(QStringLiteral("secretsLost"), true);
        m_settings->endGroup();
        moves << move;
    }
    if (moves.isEmpty())
        return;
    m_settings->sync();

    for (const Move &move : std::as_const(moves)) {
        const int writes = int(!move.password.isEmpty()) + int(!move.sentinelPassword.isEmpty())
            + int(!move.cookieKeys.isEmpty());
        if (writes == 0)
            continue;
        auto waiting = std::make_shared<int>(writes);
        auto failed = std::make_shared<bool>(move.dropped);
        const QString name = move.name;
        auto done = [this, name, waiting, failed](bool ok, const QString &errorString) {
            if (!ok) {
                qWarning("redistore-admin: a secret of a saved connection could not be moved to "
                         "the keychain (%s); it was removed from the settings file",
                         qPrintable(errorString));
                *failed = true;
            }
            if (--*waiting == 0 && !*failed)
                markSecretsLost(name, false);
        };
        if (!move.password.isEmpty())
            keepSecret(name, SecretKind::Password, move.password, done);
        if (!move.sentinelPassword.isEmpty())
            keepSecret(name, SecretKind::SentinelPassword, move.sentinelPassword, done);
        if (!move.cookieKeys.isEmpty())
            keepSecret(name, SecretKind::CookieKeys, move.cookieKeys, done);
    }
}

void ProfileStore::keepSecret(const QString &name, SecretKind kind, const QString &secret,
                              SecretDone done)
{
    const QString key = secretKey(name, kind);
    if (!m_secrets) {
        if (done)
            done(false, QStringLiteral("no keychain"));
        return;
    }
    const bool writing = !secret.isEmpty();
    auto answer = [key, writing, done](const SecretStore::Reply &reply) {
        const bool ok = reply.outcome == SecretStore::Outcome::Ok;
        if (!ok && !done)
            qWarning("redistore-admin: the keychain did not %s \"%s\" (%s)",
                     writing ? "keep" : "remove", qPrintable(key), qPrintable(reply.errorString));
        if (done)
            done(ok, reply.errorString);
    };
    if (writing)
        m_secrets->write(key, secret, m_context.get(), answer);
    else
        m_secrets->remove(key, m_context.get(), answer);
}

void ProfileStore::markSecretsLost(const QString &name, bool lost)
{
    m_settings->beginGroup(groupFor(name));
    if (m_settings->contains(QStringLiteral("name"))) {
        if (lost)
            m_settings->setValue(QStringLiteral("secretsLost"), true);
        else
            m_settings->remove(QStringLiteral("secretsLost"));
    }
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

void ProfileStore::save(const ConnectionProfile &profile, UnreadSecrets unread)
{
    Q_ASSERT(!profile.name.isEmpty());
    ConnectionProfile stored = profile;
    // A password typed in the URL is the profile's password as much as the field's.
    QString password = profile.password;
    if (password.isEmpty())
        password
            = QUrl::fromPercentEncoding(ConnectionProfile::passwordInUrl(profile.url).toUtf8());
    QString sentinelPassword = profile.sentinelPassword;
    if (sentinelPassword.isEmpty())
        sentinelPassword = QUrl::fromPercentEncoding(
            ConnectionProfile::sentinelPasswordInUrl(profile.url).toUtf8());
    const bool keychain
        = m_secrets && m_secrets->availability() != SecretStore::Availability::Unavailable;
    const ConnectionProfile before = load(profile.name);
    if (!keychain) {
        // What the keychain holds can be neither confirmed nor removed now: the flags stay as
        // the file has them (off for a new profile), and so do the entries.
        stored.savePassword = m_secrets && before.savePassword;
        stored.saveCookieKeys = m_secrets && before.saveCookieKeys;
    }
    m_settings->beginGroup(groupFor(profile.name));
    stored.save(*m_settings);
    m_settings->remove(QStringLiteral("secretsLost"));
    m_settings->endGroup();
    m_settings->sync();
    if (!keychain)
        return;

    // Not remembered: an entry kept earlier goes too. Remembered but unread: left as it is.
    if (!(unread.password && stored.savePassword))
        keepSecret(profile.name, SecretKind::Password, stored.savePassword ? password : QString());
    if (!(unread.cookieKeys && stored.saveCookieKeys))
        keepSecret(profile.name, SecretKind::CookieKeys,
                   stored.saveCookieKeys ? profile.cookieKeys.join(QLatin1Char('\n')) : QString());
    // Only a sentinel profile has a sentinel password (and one that no longer is loses it).
    const bool sentinel = stored.isSentinel();
    if ((sentinel || before.isSentinel()) && !(unread.sentinelPassword && stored.savePassword))
        keepSecret(profile.name, SecretKind::SentinelPassword,
                   sentinel && stored.savePassword ? sentinelPassword : QString());
}

void ProfileStore::remove(const QString &name)
{
    m_settings->remove(groupFor(name));
    if (lastUsed() == name)
        m_settings->remove(QStringLiteral("lastProfile"));
    m_settings->sync();
    keepSecret(name, SecretKind::Password, QString());
    keepSecret(name, SecretKind::CookieKeys, QString());
    keepSecret(name, SecretKind::SentinelPassword, QString());
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
    // Whether the keychain failed to give it (NotFound is an answer: nothing to keep).
    auto note = [secrets](const SecretStore::Reply &reply) {
        const bool failed = reply.outcome != SecretStore::Outcome::Ok
            && reply.outcome != SecretStore::Outcome::NotFound;
        if (failed && secrets->problem.isEmpty())
            secrets->problem = reply.errorString;
        return failed;
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
                        secrets->unread.cookieKeys = note(reply);
                        if (reply.outcome == SecretStore::Outcome::Ok && !reply.secret.isEmpty())
                            secrets->cookieKeys = reply.secret.split(QLatin1Char('\n'));
                        finish();
                    });
    };
    if (!profile.savePassword) {
        readCookieKeys();
        return;
    }
    const QString sentinelKey = secretKey(profile.name, SecretKind::SentinelPassword);
    const bool readSentinel = profile.isSentinel();
    auto readSentinelPassword
        = [store, sentinelKey, readSentinel, secrets, note, readCookieKeys, this]() {
              if (!readSentinel) {
                  readCookieKeys();
                  return;
              }
              store->read(sentinelKey, m_context.get(),
                          [secrets, note, readCookieKeys](const SecretStore::Reply &reply) {
                              secrets->unread.sentinelPassword = note(reply);
                              if (reply.outcome == SecretStore::Outcome::Ok)
                                  secrets->sentinelPassword = reply.secret;
                              readCookieKeys();
                          });
          };
    store->read(secretKey(profile.name, SecretKind::Password), m_context.get(),
                [secrets, note, readSentinelPassword](const SecretStore::Reply &reply) {
                    secrets->unread.password = note(reply);
                    if (reply.outcome == SecretStore::Outcome::Ok)
                        secrets->password = reply.secret;
                    readSentinelPassword();
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
