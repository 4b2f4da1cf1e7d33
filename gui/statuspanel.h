#ifndef REDISTORE_ADMIN_STATUSPANEL_H
#define REDISTORE_ADMIN_STATUSPANEL_H

#include "live/liveupdates.h"

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

    void setConnection(const QString &text, bool readOnly, bool connected);
    void setCounts(qint64 shown, qint64 total, bool filtered);
    // dbSize: keys in the database (for the progress), or -1 when unknown.
    void setScan(bool scanning, bool complete, qint64 rows, qint64 dbSize);
    void setValueSearch(bool active, bool running, qint64 checked, qint64 total);
    void setLive(LiveUpdates::Mode mode, const QString &text);

    // Everything the status bar says, for tests and the screenshot log.
    QString text() const;

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
