#ifndef REDISTORE_ADMIN_PROFILESTORE_H
#define REDISTORE_ADMIN_PROFILESTORE_H

#include "connection/connectionprofile.h"

#include <QtCore/QSettings>
#include <QtCore/QStringList>

#include <functional>
#include <memory>

namespace RediStore::Admin {

class SecretStore;

// Remembered secrets the keychain did not give (locked, refused, did not answer): their fields
// are empty but their entries may well hold them, so saving must leave those entries alone.
struct UnreadSecrets
{
    bool password = false;
    bool cookieKeys = false;
    bool sentinelPassword = false;
};

// What the keychain holds for one profile.
struct ProfileSecrets
{
    QString password;
    QString sentinelPassword; // remembered with the password, for a sentinel profile
    QStringList cookieKeys;
    QString problem; // why a remembered secret could not be read, for the user; empty when fine
    UnreadSecrets unread;
};

// The saved connection profiles, by name, in QSettings (the user's settings by default; a given
// file for tests), readable by the user only. Passwords (a sentinel password too) and cookie keys
// never go to the file: they go to the system keychain (SecretStore) when the profile asks to
// remember them; a sentinel password goes with the password ("Remember"). Profiles
// written by earlier versions, with secrets in the file, are moved there when the store opens.
class ProfileStore
{
public:
    ProfileStore(); // the application's settings and the system keychain
    // secrets may be null: then nothing secret is ever remembered.
    explicit ProfileStore(const QString &iniFile, SecretStore *secrets = nullptr);
    ~ProfileStore();

    SecretStore *secrets() const { return m_secrets; }
    QString fileName() const;

    QStringList names() const;
    bool contains(const QString &name) const;
    // The profile without its secrets: loadSecrets() reads those.
    ConnectionProfile load(const QString &name) const;
    // By profile.name, which must not be empty. The file at once; the keychain entries
    // (written when remembered, removed when not) follow asynchronously. An unread secret that
    // is still to be remembered keeps its entry as it is. While the keychain is unavailable the
    // remember flags in the file and the entries stay as they are.
    void save(const ConnectionProfile &profile, UnreadSecrets unread = {});
    // Its keychain entries too, when the keychain takes the removal; a failure is only logged.
    void remove(const QString &name);
    void loadSecrets(const ConnectionProfile &profile, QObject *context,
                     std::function<void(const ProfileSecrets &)> done) const;
    // Earlier versions kept this profile's secrets in the file; they were removed from it but
    // the keychain could not take them: they must be typed again. Saving the profile clears it.
    bool secretsLost(const QString &name) const;

    QString lastUsed() const;
    void setLastUsed(const QString &name);

    QSettings &settings() { return *m_settings; }

    enum class SecretKind { Password, CookieKeys, SentinelPassword };
    static QString secretKey(const QString &name, SecretKind kind); // the keychain entry's key

private:
    static QString groupFor(const QString &name);
    void protectFile();
    void migrate();
    using SecretDone = std::function<void(bool ok, const QString &errorString)>;
    void keepSecret(const QString &name, SecretKind kind, const QString &secret,
                    SecretDone done = {});
    void markSecretsLost(const QString &name, bool lost = true);

    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<SecretStore> m_ownSecrets;
    SecretStore *m_secrets = nullptr;
    std::unique_ptr<QObject> m_context; // callbacks end with this store
};

} // namespace RediStore::Admin

#endif // REDISTORE_ADMIN_PROFILESTORE_H
