#include "live/liveupdates.h"

#include "common/displayformat.h"
#include "connection/sessionconnection.h"
#include "sessions/sessiontablemodel.h"

namespace RediStore::Admin {

LiveUpdates::LiveUpdates(SessionTableModel *model, QObject *parent)
    : QObject(parent)
    , m_model(model)
    , m_watcher(new KeyspaceWatcher(this))
{
    m_poll.setSingleShot(true);
    connect(&m_poll, &QTimer::timeout, this, &LiveUpdates::poll);
    connect(m_watcher, &KeyspaceWatcher::statusChanged, this, &LiveUpdates::onStatus);
    connect(m_watcher, &KeyspaceWatcher::enableFailed, this, &LiveUpdates::enableFailed);
    connect(m_watcher, &KeyspaceWatcher::sessionsChanged, this, [this](const QStringList &ids) {
        m_model->touchSessions(ids);
        Q_EMIT sessionsChanged(ids);
    });
    connect(m_watcher, &KeyspaceWatcher::sessionsRemoved, this, [this](const QStringList &ids) {
        m_model->removeSessions(ids);
        Q_EMIT sessionsRemoved(ids);
    });
    // Space the rescans by ten times the last scan's duration: a big database is not rescanned
    // back to back (a million sessions take Redis a few million commands).
    connect(m_model, &SessionTableModel::scanStateChanged, this, [this]() {
        if (m_mode == Mode::Polling && m_model->isScanComplete() && !m_poll.isActive()) {
            const qint64 took = m_scanClock.isValid() ? m_scanClock.elapsed() : 0;
            m_poll.start(int(qBound(qint64(m_minPollMs), took * 10, qint64(30 * 60 * 1000))));
        }
    });
}

void LiveUpdates::start(SessionConnection *connection)
{
    stop();
    m_connection = connection;
    if (!connection || !connection->admin())
        return;
    setMode(Mode::Checking);
    m_scanClock.start();
    m_watcher->start(connection->admin(), connection->endpoint());
}

void LiveUpdates::stop()
{
    m_poll.stop();
    m_watcher->stop();
    setMode(Mode::Off);
}

void LiveUpdates::catchUp()
{
    if (m_mode == Mode::Off)
        return;
    m_model->retry();
    m_scanClock.start();
    m_model->refresh();
    m_watcher->recheck();
}

bool LiveUpdates::canEnable() const
{
    return m_watcher->status() == KeyspaceWatcher::Status::Disabled && m_connection
        && !m_connection->isReadOnly();
}

void LiveUpdates::enableNotifications()
{
    if (canEnable())
        m_watcher->enableNotifications();
}

void LiveUpdates::onStatus(KeyspaceWatcher::Status status)
{
    switch (status) {
    case KeyspaceWatcher::Status::Off:
        setMode(Mode::Off);
        break;
    case KeyspaceWatcher::Status::Checking:
        setMode(Mode::Checking);
        break;
    case KeyspaceWatcher::Status::Live:
        m_poll.stop();
        if (m_mode == Mode::Polling)
            m_model->refresh(); // catch up with what happened before the events flowed
        setMode(Mode::Live);
        break;
    case KeyspaceWatcher::Status::Disabled:
    case KeyspaceWatcher::Status::Unavailable:
        setMode(Mode::Polling);
        if (m_model->isScanComplete() && !m_poll.isActive())
            m_poll.start(m_minPollMs);
        if (canEnable())
            Q_EMIT enableOffered();
        break;
    }
}

void LiveUpdates::setMode(Mode mode)
{
    if (m_mode == mode)
        return;
    m_mode = mode;
    Q_EMIT modeChanged(mode);
}

void LiveUpdates::poll()
{
    if (m_mode != Mode::Polling)
        return;
    if (m_model->isScanning()) {
        m_poll.start(m_minPollMs);
        return;
    }
    m_scanClock.start();
    m_model->refresh();
}

QString LiveUpdates::statusText() const
{
    switch (m_mode) {
    case Mode::Off:
        return tr("Not following changes");
    case Mode::Checking:
        return tr("Checking keyspace notifications\u2026");
    case Mode::Live:
        return tr("Live");
    case Mode::Polling:
        return tr("Refreshing every %1")
            .arg(DisplayFormat::duration(
                qMax(m_minPollMs, m_poll.isActive() ? m_poll.interval() : m_minPollMs) / 1000));
    }
    return QString();
}

} // namespace RediStore::Admin
