#include "sessions/ttlticker.h"

#include <QtWidgets/QTableView>

namespace RediStore::Admin {

TtlTicker::TtlTicker(QObject *parent)
    : QObject(parent)
{
    m_timer.setInterval(1000);
    m_timer.setTimerType(Qt::CoarseTimer);
    connect(&m_timer, &QTimer::timeout, this, &TtlTicker::onTimeout);
    m_timer.start();
}

void TtlTicker::watch(QTableView *view, int column)
{
    m_views.append({ view, column });
}

void TtlTicker::onTimeout()
{
    ++m_ticks;
    for (const Watched &watched : std::as_const(m_views)) {
        QTableView *view = watched.view;
        if (!view || !view->isVisible() || view->isColumnHidden(watched.column))
            continue;
        QWidget *viewport = view->viewport();
        const int x = view->columnViewportPosition(watched.column);
        viewport->update(x, 0, view->columnWidth(watched.column), viewport->height());
    }
    Q_EMIT tick();
}

} // namespace RediStore::Admin
