#include "stats/statisticsview.h"

#include "common/displayformat.h"
#include "common/errormessages.h"
#include "common/icons.h"
#include "sessions/sessiontablemodel.h"
#include "stats/barchart.h"
#include "stats/distributionmodel.h"

#include <libredistore/async.h>

#include <QtGui/QAction>
#include <QtGui/QClipboard>
#include <QtGui/QGuiApplication>
#include <QtWidgets/QFrame>
#include <QtWidgets/QGridLayout>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QProgressBar>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QScrollArea>
#include <QtWidgets/QTableView>
#include <QtWidgets/QVBoxLayout>

namespace RediStore::Admin {

StatisticsView::StatisticsView(SessionTableModel *model, QWidget *parent)
    : ViewPage(parent)
    , m_model(model)
{
    m_models[TtlChart] = new DistributionModel(tr("Time to live"), this);
    m_models[SizeChart] = new DistributionModel(tr("Size"), this);
    m_models[SerializerChart] = new DistributionModel(tr("Serializer"), this);
    m_models[UserChart] = new DistributionModel(tr("User"), this);
    buildUi();

    m_repaint.setSingleShot(true);
    m_repaint.setInterval(250);
    connect(&m_repaint, &QTimer::timeout, this, &StatisticsView::showNumbers);
    connect(model, &SessionTableModel::listingRestarted, this, &StatisticsView::onRestarted);
    connect(model, &SessionTableModel::sessionsListed, this, &StatisticsView::onListed);
    connect(model, &SessionTableModel::scanStateChanged, this, &StatisticsView::onScanState);
    connect(model, &SessionTableModel::scanFailed, this, [this](const SessionError &error) {
        m_scanError = ErrorMessages::forSession(error, QString());
        showNumbers();
    });
    onRestarted();
}

void StatisticsView::buildUi()
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 6, 0, 0);
    outer->setSpacing(6);

    auto *top = new QHBoxLayout;
    m_progress = new QLabel(this);
    m_progress->setWordWrap(true);
    m_progress->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progressBar = new QProgressBar(this);
    m_progressBar->setTextVisible(false);
    m_progressBar->setFixedWidth(160);
    m_progressBar->setMaximumHeight(m_progress->fontMetrics().height());
    auto *copy = new QPushButton(Icons::get(QStringLiteral("copy")), tr("Copy numbers"), this);
    auto *copyAction = new QAction(this);
    copyAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    copyAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(copyAction);
    copy->setToolTip(tr("Copy every chart's numbers as text (%1)")
                         .arg(copyAction->shortcut().toString(QKeySequence::NativeText)));
    const auto copyNumbers = [this]() { QGuiApplication::clipboard()->setText(numbersText()); };
    connect(copy, &QPushButton::clicked, this, copyNumbers);
    connect(copyAction, &QAction::triggered, this, copyNumbers);
    top->addWidget(m_progress, 1);
    top->addWidget(m_progressBar);
    top->addWidget(copy);
    outer->addLayout(top);

    auto *scroll = new QScrollArea(this);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    auto *content = new QWidget(scroll);
    auto *grid = new QGridLayout(content);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(10);
    grid->addWidget(
        makeCard(TtlChart, tr("Time to live"), tr("Time to live"), QColor(0x1e, 0x6f, 0xb8)), 0, 0);
    grid->addWidget(makeCard(SizeChart, tr("Size"), tr("Size"), QColor(0x2a, 0x9d, 0x8f)), 0, 1);
    grid->addWidget(
        makeCard(SerializerChart, tr("Serializer"), tr("Serializer"), QColor(0x8e, 0x5b, 0xb5)), 1,
        0);
    grid->addWidget(makeCard(UserChart, tr("Users with the most sessions"), tr("User"),
                             QColor(0xd0, 0x7a, 0x1a)),
                    1, 1);
    grid->setRowStretch(2, 1);
    scroll->setWidget(content);
    outer->addWidget(scroll, 1);

    m_charts[UserChart]->setPlaceholderText(tr("No per-user index"));
}

QWidget *StatisticsView::makeCard(Chart chart, const QString &title, const QString &labelTitle,
                                  const QColor &color)
{
    Q_UNUSED(labelTitle);
    auto *card = new QFrame(this);
    card->setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(card);
    layout->setContentsMargins(12, 10, 12, 10);
    layout->setSpacing(4);
    m_titles[chart] = new QLabel(title, card);
    QFont bold = m_titles[chart]->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    m_titles[chart]->setFont(bold);
    m_summaries[chart] = new QLabel(card);
    m_summaries[chart]->setWordWrap(true);
    m_summaries[chart]->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_titles[chart]);
    layout->addWidget(m_summaries[chart]);

    auto *row = new QHBoxLayout;
    row->setSpacing(12);
    m_charts[chart] = new BarChart(m_models[chart], card);
    m_charts[chart]->setColor(color);
    m_charts[chart]->setPlaceholderText(tr("No sessions listed yet"));
    m_charts[chart]->setAccessibleName(tr("%1 chart").arg(title));
    auto *table = new QTableView(card);
    table->setModel(m_models[chart]);
    table->setAccessibleName(tr("%1 numbers").arg(title));
    table->verticalHeader()->hide();
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setSectionResizeMode(DistributionModel::LabelColumn,
                                                    QHeaderView::Stretch);
    table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    table->horizontalHeader()->setHighlightSections(false);
    table->setShowGrid(false);
    table->setAlternatingRowColors(true);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setTabKeyNavigation(false); // Tab goes on to the next chart
    table->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    table->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_tables[chart] = table;
    row->addWidget(m_charts[chart], 3, Qt::AlignTop);
    row->addWidget(table, 2, Qt::AlignTop);
    layout->addLayout(row);
    layout->addStretch(1);
    return card;
}

void StatisticsView::onRestarted()
{
    ++m_token;
    m_admin = m_model->admin();
    m_stats.clear();
    m_users = UserList();
    m_usersAnswered = false;
    m_about = -1;
    m_scanError.clear();
    m_completedAt = QDateTime();
    m_shownSessions = -1;
    m_usersRequested = false;
    if (m_admin) {
        if (isVisible())
            requestUsers();
        requestSize();
    }
    showNumbers();
}

void StatisticsView::showEvent(QShowEvent *event)
{
    ViewPage::showEvent(event);
    if (m_admin && !m_usersRequested)
        requestUsers();
}

void StatisticsView::onListed(const QList<SessionInfo> &sessions)
{
    m_stats.add(sessions);
    m_scanError.clear();
    if (!m_repaint.isActive())
        m_repaint.start();
}

void StatisticsView::onScanState()
{
    if (m_model->isScanComplete() && !m_completedAt.isValid()) {
        m_completedAt = QDateTime::currentDateTime();
        m_repaint.stop();
        showNumbers();
    }
}

void StatisticsView::requestUsers()
{
    m_usersRequested = true;
    const quint64 token = m_token;
    whenFinished(m_admin->users(), this, [this, token](const UserList &users) {
        if (token != m_token)
            return;
        m_users = users;
        m_usersAnswered = true;
        showNumbers();
    });
}

void StatisticsView::requestSize()
{
    const quint64 token = m_token;
    whenFinished(m_admin->databaseSize(), this, [this, token](const SessionCount &size) {
        if (token != m_token || !size.ok())
            return;
        m_about = size.count;
        showNumbers();
    });
}

QString StatisticsView::progressText() const
{
    const QString listed = DisplayFormat::count(m_stats.sessions());
    if (!m_admin)
        return tr("Not connected.");
    if (!m_scanError.isEmpty())
        return tr("The scan stopped (%1). The numbers cover the %2 sessions listed so far.")
            .arg(m_scanError, listed);
    if (m_completedAt.isValid())
        return tr("%1 sessions, as of the last scan (%2). Sessions changed since are counted "
                  "at the next refresh.")
            .arg(listed, QLocale().toString(m_completedAt.time(), QLocale::ShortFormat));
    if (m_about > 0 && m_about >= m_stats.sessions())
        return tr("Scanning\u2026 %1 of about %2 sessions listed.")
            .arg(listed, DisplayFormat::count(m_about));
    return tr("Scanning\u2026 %1 sessions listed.").arg(listed);
}

void StatisticsView::showNumbers()
{
    m_repaint.stop();
    const StatsCollector &s = m_stats;

    using Bar = DistributionModel::Bar;
    const QString ttlLabels[StatsCollector::TtlBucketCount]
        = { tr("Gone while listed"), tr("< 1 min"),        tr("< 10 min"),
            tr("< 1 hour"),          tr("< 6 hours"),      tr("< 1 day"),
            tr("< 7 days"),          tr("7 days or more"), tr("No expiry") };
    // Shortest first, then none; the sessions gone while listed last.
    QList<Bar> ttl;
    for (int bucket = StatsCollector::TtlGone + 1; bucket < StatsCollector::TtlBucketCount;
         ++bucket)
        ttl.append({ ttlLabels[bucket], s.ttlCount(StatsCollector::TtlBucket(bucket)) });
    ttl.append({ ttlLabels[StatsCollector::TtlGone], s.gone() });
    m_models[TtlChart]->setBars(ttl);

    const QString sizeLabels[StatsCollector::SizeBucketCount]
        = { tr("< 64 B"),   tr("< 256 B"),  tr("< 1 KiB"),       tr("< 4 KiB"),
            tr("< 16 KiB"), tr("< 64 KiB"), tr("64 KiB or more") };
    QList<Bar> sizes;
    for (int bucket = 0; bucket < StatsCollector::SizeBucketCount; ++bucket)
        sizes.append({ sizeLabels[bucket], s.sizeCount(StatsCollector::SizeBucket(bucket)) });
    m_models[SizeChart]->setBars(sizes);

    const QString formatLabels[StatsCollector::FormatCount]
        = { tr("DataStream (Qt)"), tr("gob (Go)"), tr("JSON (Go)"), tr("Unknown") };
    QList<Bar> formats;
    for (int format = 0; format < StatsCollector::FormatCount; ++format)
        formats.append({ formatLabels[format], s.formatCount(StatsCollector::Format(format)) });
    m_models[SerializerChart]->setBars(formats);

    QList<Bar> users;
    qint64 indexed = 0;
    for (const UserEntry &entry : std::as_const(m_users.users))
        indexed += entry.sessions;
    for (const UserEntry &entry : m_users.top(topUsers))
        users.append({ entry.user, entry.sessions });
    m_models[UserChart]->setBars(users, indexed);

    m_summaries[TtlChart]->setText(
        tr("Time left when listed: %1 without expiry, %2 gone between listing and reading.")
            .arg(DisplayFormat::count(s.ttlCount(StatsCollector::TtlNone)),
                 DisplayFormat::count(s.gone())));
    m_summaries[SizeChart]->setText(
        tr("%1 in all \u00b7 smallest %2 \u00b7 median about %3 \u00b7 largest %4")
            .arg(DisplayFormat::size(s.totalBytes()), DisplayFormat::size(s.smallest()),
                 DisplayFormat::size(s.medianSize()), DisplayFormat::size(s.largest())));
    m_summaries[SerializerChart]->setText(
        tr("Told apart by the first bytes of each value (not decoded)."));
    QString usersSummary;
    if (!m_admin)
        usersSummary = QString();
    else if (!m_usersAnswered)
        usersSummary = tr("Reading the per-user index\u2026");
    else if (!m_users.ok())
        usersSummary = ErrorMessages::forSession(m_users.error, QString());
    else if (m_users.users.isEmpty())
        usersSummary = tr("No per-user index: these sessions are not indexed by user "
                          "(withUserIndex), or nobody is logged in.");
    else if (m_users.truncated)
        usersSummary
            = tr("The first %1 users of the per-user index, %2 sessions; more are "
                 "indexed.")
                  .arg(DisplayFormat::count(m_users.users.size()), DisplayFormat::count(indexed));
    else
        usersSummary
            = tr("%1 users in the per-user index, %2 sessions in all. Shares are of "
                 "those sessions.")
                  .arg(DisplayFormat::count(m_users.users.size()), DisplayFormat::count(indexed));
    m_summaries[UserChart]->setText(usersSummary);
    m_charts[UserChart]->setPlaceholderText(
        m_usersAnswered && m_users.ok() ? tr("No per-user index") : QString());

    m_progress->setText(progressText());
    const bool scanning = m_admin && !m_completedAt.isValid() && m_scanError.isEmpty();
    m_progressBar->setVisible(scanning);
    if (m_about > 0) {
        m_progressBar->setRange(0, 1000);
        m_progressBar->setValue(int(qMin(qint64(1000), s.sessions() * 1000 / m_about)));
    } else {
        m_progressBar->setRange(0, 0); // busy
    }
    for (QTableView *table : m_tables)
        table->updateGeometry();
    m_shownSessions = s.sessions() + s.gone();
    Q_EMIT updated();
}

bool StatisticsView::isSettled() const
{
    return m_admin && m_model->isScanComplete() && m_completedAt.isValid() && m_usersAnswered
        && m_shownSessions == m_stats.sessions() + m_stats.gone();
}

QString StatisticsView::numbersText() const
{
    QStringList parts;
    parts << progressText();
    for (int chart = 0; chart < ChartCount; ++chart) {
        QString part = m_titles[chart]->text();
        if (!m_summaries[chart]->text().isEmpty())
            part += QLatin1Char('\n') + m_summaries[chart]->text();
        if (m_models[chart]->maxCount() > 0)
            part += QLatin1Char('\n') + m_models[chart]->text();
        parts << part;
    }
    return parts.join(QStringLiteral("\n\n")) + QLatin1Char('\n');
}

} // namespace RediStore::Admin
