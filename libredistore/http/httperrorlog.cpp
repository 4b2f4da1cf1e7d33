#include "httperrorlog_p.h"

#include <QtCore/QLocale>

#include <algorithm>

namespace RediStore {

namespace {

QString duration(qint64 ms)
{
    if (ms >= 1000)
        return QString::number((ms + 500) / 1000) + QStringLiteral(" s");
    return QString::number(ms) + QStringLiteral(" ms");
}

} // namespace

HttpErrorLog::HttpErrorLog(Category category)
    : m_category(category)
    , m_interval(std::chrono::seconds(60))
{ }

HttpErrorLog::~HttpErrorLog()
{
    for (const auto &[kind, state] : m_kinds) {
        if (state.left > 0)
            writeSummary(kind, state, state.since.elapsed());
    }
}

void HttpErrorLog::setInterval(std::chrono::milliseconds interval)
{
    m_interval = std::max(interval, std::chrono::milliseconds(0));
}

bool HttpErrorLog::admit(const QString &kind, QtMsgType type)
{
    if (m_interval.count() == 0)
        return true;
    const auto found = m_kinds.find(kind);
    if (found != m_kinds.end()) {
        ++found->second.left;
        return false;
    }
    Kind &state = m_kinds[kind];
    state.type = type;
    state.since.start();
    state.timer = std::make_unique<QTimer>();
    state.timer->setSingleShot(true);
    // The timer belongs to the kind, which belongs to this log: it never fires after either.
    QObject::connect(state.timer.get(), &QTimer::timeout, state.timer.get(),
                     [this, kind]() { intervalEnded(kind); });
    state.timer->start(m_interval);
    return true;
}

void HttpErrorLog::intervalEnded(const QString &kind)
{
    const auto found = m_kinds.find(kind);
    if (found == m_kinds.end())
        return;
    Kind &state = found->second;
    if (state.left == 0) {
        // A quiet interval: the next error of this kind is written at once. The timer is
        // deleted later, as it is still in its timeout().
        state.timer.release()->deleteLater();
        m_kinds.erase(found);
        return;
    }
    // Still coming: one summary, and another interval to count the next ones in.
    writeSummary(kind, state, qint64(m_interval.count()));
    state.left = 0;
    state.since.start();
    state.timer->start(m_interval);
}

void HttpErrorLog::writeSummary(const QString &kind, const Kind &state, qint64 elapsedMs) const
{
    const QString text = kind + QStringLiteral(" ... and ")
        + QLocale(QLocale::English).toString(state.left) + QStringLiteral(" more in the last ")
        + duration(elapsedMs);
    if (state.type == QtWarningMsg || state.type == QtCriticalMsg)
        qCWarning(m_category).noquote() << text;
    else
        qCInfo(m_category).noquote() << text;
}

} // namespace RediStore
