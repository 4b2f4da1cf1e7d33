#ifndef REDISTORE_ADMIN_STATUSPANEL_H
#define REDISTORE_ADMIN_STATUSPANEL_H

#include "live/liveupdates.h"

#include <libredistore/redis/redisconfig.h>

#include <QtCore/QObject>

QT_BEGIN_NAMESPACE
class QLabel;
class QProgressBar;
class QStatusBar;
QT_END_NAMESPACE

namespace RediStore::Admin {

// The main window's status bar: where we are connected, how many sessions there are (and how
// many the filters show), how far the scan and the value search got, and whether changes are
// followed live.
class StatusPanel : public QObject
{
    Q_OBJECT

public:
    explicit StatusPanel(QStatusBar *bar);

    void setConnection(const QString &text, bool readOnly, bool connected,
                       const QString &toolTip = QString());
    void setCounts(qint64 shown, qint64 total, bool filtered);
    // dbSize: keys in the database (for the progress), or -1 when unknown.
    void setScan(bool scanning, bool complete, qint64 rows, qint64 dbSize);
    void setValueSearch(bool active, bool running, qint64 checked, qint64 total);
    void setLive(LiveUpdates::Mode mode, const QString &text);

    // Everything the status bar says, for tests and the screenshot log.
    QString text() const;

    // Where the sessions are: "127.0.0.1:6379", "Cluster: 3 masters (127.0.0.1:7000, ...)",
    // "Sentinel mymaster → 10.0.0.5:6379" once the master's address is known, else the
    // sentinels. masters as SessionConnection::masters() gives them.
    static QString nodesText(const RedisConfig &config, const QList<RedisConfig> &masters);
    // Every node, one a line, for the tooltip.
    static QString nodesToolTip(const RedisConfig &config, const QList<RedisConfig> &masters);

private:
    QLabel *m_connection;
    QLabel *m_readOnly;
    QLabel *m_count;
    QProgressBar *m_progress;
    QLabel *m_search;
    QLabel *m_live;
};

} // namespace RediStore::Admin

#endif // REDISTORE_ADMIN_STATUSPANEL_H
