#include "screenshotrunner.h"

#include "common/viewpage.h"
#include "connection/sessionconnection.h"
#include "mainwindow.h"
#include "sessions/previewcache.h"
#include "sessions/sessionfilterproxymodel.h"
#include "sessions/sessiontablemodel.h"
#include "statuspanel.h"
#include "values/sessiondetailwidget.h"

#include <QtGui/QPixmap>
#include <QtWidgets/QTableView>

#include <cstdio>

namespace RediStore::Admin {

ScreenshotRunner::ScreenshotRunner(MainWindow *window, const QString &path, int timeoutMs)
    : QObject(window)
    , m_window(window)
    , m_path(path)
{
    m_poll.setInterval(50);
    connect(&m_poll, &QTimer::timeout, this, &ScreenshotRunner::check);
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(timeoutMs);
    connect(&m_timeout, &QTimer::timeout, this, [this]() { shoot(2); });
}

void ScreenshotRunner::start()
{
    m_poll.start();
    m_timeout.start();
}

void ScreenshotRunner::check()
{
    if (!m_window || m_finished)
        return;
    const SessionConnection::State state = m_window->connection()->state();
    if (state == SessionConnection::State::Failed) {
        if (!m_settle.isValid())
            m_settle.start();
        if (m_settle.elapsed() > 300)
            shoot(1);
        return;
    }
    if (state != SessionConnection::State::Connected)
        return;
    SessionTableModel *model = m_window->sessionModel();
    if (!m_selected) {
        if (model->rowCount() == 0) {
            if (model->isScanComplete())
                shoot(0); // no sessions: the empty browser is the picture
            return;
        }
        m_window->selectRow(0);
        m_selected = true;
        return;
    }
    SessionDetailWidget *detail = m_window->detail();
    if (!detail->isLoaded())
        return;
    // Let the visible previews load too (or give up on them after a while).
    if (!m_settle.isValid())
        m_settle.start();
    if (model->previewCache()->pendingCount() > 0 && m_settle.elapsed() < 3000)
        return;
    if (m_settle.elapsed() < 400)
        return;
    // Another view in front (--view): once it shows what it waits for.
    if (const ViewPage *page = m_window->view(m_window->currentViewName());
        page && !page->isSettled())
        return;
    shoot(0);
}

void ScreenshotRunner::shoot(int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
    m_poll.stop();
    m_timeout.stop();
    if (m_window) {
        const QPixmap picture = m_window->grab();
        if (!picture.save(m_path, "PNG")) {
            std::fprintf(stderr, "redistore-admin: cannot write %s\n", qPrintable(m_path));
            exitCode = 3;
        } else {
            std::fprintf(stderr, "redistore-admin: wrote %s (%dx%d): %s\n", qPrintable(m_path),
                         picture.width(), picture.height(),
                         qPrintable(m_window->statusPanel()->text()));
        }
    }
    Q_EMIT done(exitCode);
}

} // namespace RediStore::Admin
