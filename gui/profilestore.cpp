#include "profilestore.h"

#include <QtCore/QUrl>

namespace RediStore::Admin {

ProfileStore::ProfileStore()
    : m_settings(std::make_unique<QSettings>())
{ }

ProfileStore::ProfileStore(const QString &iniFile)
    : m_settings(std::make_unique<QSettings>(iniFile, QSettings::IniFormat))
{ }

// Profile names are free text; group names must not contain '/'.
QString ProfileStore::groupFor(const QString &name)
{
    return QStringLiteral("profiles/")
        + QString::fromLatin1(QUrl::toPercentEncoding(name, QByteArray(), "/"));
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
    m_settings->beginGroup(groupFor(profile.name));
    profile.save(*m_settings);
    m_settings->endGroup();
    m_settings->sync();
}

void ProfileStore::remove(const QString &name)
{
    m_settings->remove(groupFor(name));
    if (lastUsed() == name)
        m_settings->remove(QStringLiteral("lastProfile"));
    m_settings->sync();
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
