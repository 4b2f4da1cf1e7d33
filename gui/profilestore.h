#ifndef REDISTORE_ADMIN_PROFILESTORE_H
#define REDISTORE_ADMIN_PROFILESTORE_H

#include "connectionprofile.h"

#include <QtCore/QSettings>
#include <QtCore/QStringList>

#include <memory>

namespace RediStore::Admin {

// The saved connection profiles, by name, in QSettings (the user's settings by default; a given
// file for tests).
class ProfileStore
{
public:
    ProfileStore(); // the application's settings
    explicit ProfileStore(const QString &iniFile);

    QStringList names() const;
    bool contains(const QString &name) const;
    ConnectionProfile load(const QString &name) const;
    void save(const ConnectionProfile &profile); // by profile.name, which must not be empty
    void remove(const QString &name);

    QString lastUsed() const;
    void setLastUsed(const QString &name);

    QSettings &settings() { return *m_settings; }

private:
    static QString groupFor(const QString &name);
    std::unique_ptr<QSettings> m_settings;
};

} // namespace RediStore::Admin

#endif // REDISTORE_ADMIN_PROFILESTORE_H
