#ifndef REDISTORE_ADMIN_STATISTICSVIEW_H
#define REDISTORE_ADMIN_STATISTICSVIEW_H

#include "common/viewpage.h"
#include "stats/statscollector.h"

#include <libredistore/session/sessionadmin.h>

#include <QtCore/QDateTime>
#include <QtCore/QPointer>
#include <QtCore/QTimer>

class QLabel;
class QProgressBar;
class QTableView;

namespace RediStore::Admin {

class BarChart;
class DistributionModel;
class SessionTableModel;

// Statistics of the sessions from the session browser's own scan (no second walk over
// Redis): TTLs, sizes and serializers counted page by page as the scan goes (repainted at
// most every 250 ms), and the users with the most sessions from the per-user index. Each
// chart has its numbers beside it as a table; "Copy numbers" copies them all as text. The
// per-user index is read only once the view is shown: that read walks every key, and a
// million of them cost Redis about a second that the session browser's own scan would wait for.
// Sessions changed after the scan are not counted until the next one (Refresh).
class StatisticsView : public ViewPage
{
    Q_OBJECT

public:
    enum Chart { TtlChart, SizeChart, SerializerChart, UserChart, ChartCount };
    static constexpr int topUsers = 10;

    explicit StatisticsView(SessionTableModel *model, QWidget *parent = nullptr);

    // The scan is complete, the users call answered, and the charts show both.
    bool isSettled() const override;

    const StatsCollector &collector() const { return m_stats; }
    DistributionModel *distribution(Chart chart) const { return m_models[chart]; }
    BarChart *chart(Chart chart) const { return m_charts[chart]; }
    QTableView *table(Chart chart) const { return m_tables[chart]; }
    // The progress line ("1,200 of about 5,000 sessions scanned").
    QString progressText() const;
    bool usersAnswered() const { return m_usersAnswered; }
    // Every chart's numbers as text (what "Copy numbers" copies).
    QString numbersText() const;

Q_SIGNALS:
    // The charts show new numbers.
    void updated();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void buildUi();
    QWidget *makeCard(Chart chart, const QString &title, const QString &labelTitle,
                      const QColor &color);
    void onRestarted();
    void onListed(const QList<RediStore::SessionInfo> &sessions);
    void onScanState();
    void requestUsers();
    void requestSize();
    void showNumbers();

    SessionTableModel *m_model;
    QPointer<SessionAdmin> m_admin;
    StatsCollector m_stats;
    qint64 m_shownSessions = -1; // what the charts show, to know whether they are up to date
    QTimer m_repaint;
    quint64 m_token = 0; // changes with each listing, to drop answers meant for an older one
    UserList m_users;
    bool m_usersRequested = false; // for this listing
    bool m_usersAnswered = false;
    qint64 m_about = -1; // DBSIZE (all keys)
    QString m_scanError;
    QDateTime m_completedAt;

    DistributionModel *m_models[ChartCount] = {};
    BarChart *m_charts[ChartCount] = {};
    QTableView *m_tables[ChartCount] = {};
    QLabel *m_titles[ChartCount] = {};
    QLabel *m_summaries[ChartCount] = {};
    QLabel *m_progress = nullptr;
    QProgressBar *m_progressBar = nullptr;
};

} // namespace RediStore::Admin

#endif // REDISTORE_ADMIN_STATISTICSVIEW_H
