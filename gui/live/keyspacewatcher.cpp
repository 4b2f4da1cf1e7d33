#include "live/keyspacewatcher.h"

#include "common/errormessages.h"

#include <libredistore/async.h>

namespace RediStore::Admin {

KeyspaceWatcher::KeyspaceWatcher(QObject *parent)
    : QObject(parent)
{
    m_batchTimer.setSingleShot(true);
    m_batchTimer.setInterval(100);
    connect(&m_batchTimer, &QTimer::timeout, this, &KeyspaceWatcher::flush);
}

KeyspaceWatcher::~KeyspaceWatcher() = default;

void KeyspaceWatcher::start(SessionAdmin *admin, const QString &endpoint)
{
    stop();
    if (!admin)
        return;
    m_endpoint = endpoint;
    m_watcher = new SessionWatcher(admin, this);
    m_watcher->setPollInterval(0); // the browser rescans its own listing instead
    connect(m_watcher, &SessionWatcher::modeChanged, this, &KeyspaceWatcher::updateStatus);
    connect(m_watcher, &SessionWatcher::sessionChanged, this, &KeyspaceWatcher::onSessionChanged);
    m_watcher->start();
}

void KeyspaceWatcher::stop()
{
    ++m_token;
    if (m_watcher) {
        m_watcher->disconnect(this);
        m_watcher->stop();
        m_watcher->deleteLater();
        m_watcher = nullptr;
    }
    m_events.clear();
    m_batchTimer.stop();
    updateStatus();
}

void KeyspaceWatcher::recheck()
{
    if (m_watcher)
        m_watcher->recheck();
}

QString KeyspaceWatcher::flags() const
{
    return m_watcher ? m_watcher->notificationFlags() : QString();
}

void KeyspaceWatcher::enableNotifications()
{
    if (!m_watcher)
        return;
    const quint64 token = m_token;
    whenFinished(m_watcher->enableNotifications(), this,
                 [this, token](const SessionChange &change) {
                     if (token == m_token && !change.ok())
                         Q_EMIT enableFailed(ErrorMessages::forSession(change.error, m_endpoint));
                 });
}

void KeyspaceWatcher::updateStatus()
{
    Status status = Status::Off;
    if (m_watcher) {
        switch (m_watcher->mode()) {
        case SessionWatcher::Mode::Off:
            status = Status::Off;
            break;
        case SessionWatcher::Mode::Checking:
            status = Status::Checking;
            break;
        case SessionWatcher::Mode::Listening:
            status = Status::Live;
            break;
        case SessionWatcher::Mode::Polling:
            status = m_watcher->notifications() == SessionWatcher::Notifications::Disabled
                ? Status::Disabled
                : Status::Unavailable;
            break;
        }
    }
    if (m_status == status)
        return;
    m_status = status;
    Q_EMIT statusChanged(status);
}

void KeyspaceWatcher::onSessionChanged(const QString &id, SessionWatcher::Event event)
{
    m_events.insert(id, SessionWatcher::isRemoval(event));
    if (!m_batchTimer.isActive())
        m_batchTimer.start();
}

void KeyspaceWatcher::flush()
{
    QStringList changed, removed;
    for (auto it = m_events.cbegin(); it != m_events.cend(); ++it)
        (it.value() ? removed : changed) << it.key();
    m_events.clear();
    if (!removed.isEmpty())
        Q_EMIT sessionsRemoved(removed);
    if (!changed.isEmpty())
        Q_EMIT sessionsChanged(changed);
}

} // namespace RediStore::Admin
