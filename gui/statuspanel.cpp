#include "statuspanel.h"

#include "common/displayformat.h"
#include "common/icons.h"

#include <QtWidgets/QLabel>
#include <QtWidgets/QProgressBar>
#include <QtWidgets/QStatusBar>

namespace RediStore::Admin {

StatusPanel::StatusPanel(QStatusBar *bar)
    : QObject(bar)
    , m_connection(new QLabel(bar))
    , m_readOnly(new QLabel(tr("READ-ONLY"), bar))
    , m_count(new QLabel(bar))
    , m_progress(new QProgressBar(bar))
    , m_search(new QLabel(bar))
    , m_live(new QLabel(bar))
{
    m_readOnly->setStyleSheet(
        QStringLiteral("color: white; background: #607d8b; border-radius: 3px;"
                       " padding: 0 6px; font-weight: 600;"));
    m_readOnly->setToolTip(tr("Nothing is ever written to Redis in this window"));
    m_readOnly->hide();
    m_progress->setMaximumWidth(180);
    m_progress->setMaximumHeight(16);
    m_progress->setTextVisible(true);
    m_progress->hide();
    m_search->hide();
    bar->addWidget(m_connection);
    bar->addWidget(m_readOnly);
    bar->addPermanentWidget(m_search);
    bar->addPermanentWidget(m_progress);
    bar->addPermanentWidget(m_count);
    bar->addPermanentWidget(m_live);
}

void StatusPanel::setConnection(const QString &text, bool readOnly, bool connected,
                                const QString &toolTip)
{
    m_connection->setText(text);
    m_connection->setToolTip(toolTip);
    m_connection->setStyleSheet(connected ? QString() : QStringLiteral("color: #b71c1c;"));
    m_readOnly->setVisible(readOnly);
}

void StatusPanel::setCounts(qint64 shown, qint64 total, bool filtered)
{
    if (filtered)
        m_count->setText(
            tr("%1 of %Ln session(s) shown", nullptr, int(qMin(total, qint64(INT_MAX))))
                .arg(DisplayFormat::count(shown)));
    else
        m_count->setText(tr("%Ln session(s)", nullptr, int(qMin(total, qint64(INT_MAX)))));
}

void StatusPanel::setScan(bool scanning, bool complete, qint64 rows, qint64 dbSize)
{
    m_progress->setVisible(scanning);
    if (!scanning) {
        m_count->setToolTip(complete ? tr("Every session is listed") : QString());
        return;
    }
    if (dbSize > 0) {
        m_progress->setRange(0, 1000);
        m_progress->setValue(int(qBound(qint64(0), rows * 1000 / dbSize, qint64(999))));
        m_progress->setFormat(tr("Scanning\u2026 %1%").arg(qMin(qint64(99), rows * 100 / dbSize)));
    } else {
        m_progress->setRange(0, 0); // busy
        m_progress->setFormat(tr("Scanning\u2026"));
    }
}

void StatusPanel::setValueSearch(bool active, bool running, qint64 checked, qint64 total)
{
    m_search->setVisible(active);
    if (!active)
        return;
    m_search->setText(
        running ? tr("Searching values: %1 of %2 checked")
                      .arg(DisplayFormat::count(checked), DisplayFormat::count(total))
                : tr("Value search done (%1 checked)").arg(DisplayFormat::count(checked)));
}

void StatusPanel::setLive(LiveUpdates::Mode mode, const QString &text)
{
    QString color;
    switch (mode) {
    case LiveUpdates::Mode::Live:
        color = QStringLiteral("#2e7d32");
        break;
    case LiveUpdates::Mode::Polling:
        color = QStringLiteral("#ef8f00");
        break;
    default:
        color = QStringLiteral("#90a4ae");
        break;
    }
    m_live->setProperty("plainText", text);
    m_live->setText(
        QStringLiteral("<span style='color:%1'>\u25cf</span> %2").arg(color, text.toHtmlEscaped()));
}

namespace {

constexpr int shownNodes = 3; // more go to the tooltip

QStringList addresses(const QList<RedisNodeAddress> &nodes)
{
    QStringList list;
    for (const RedisNodeAddress &node : nodes)
        list << node.toString();
    return list;
}

QStringList endpoints(const QList<RedisConfig> &configs)
{
    QStringList list;
    for (const RedisConfig &config : configs)
        list << config.endpoint();
    return list;
}

QString firstFew(const QStringList &list)
{
    if (list.size() <= shownNodes)
        return list.join(QStringLiteral(", "));
    return list.mid(0, shownNodes).join(QStringLiteral(", ")) + QStringLiteral(", \u2026");
}

// The master the sentinels named, when the pool knows it: a single server's configuration.
QString sentinelMaster(const QList<RedisConfig> &masters)
{
    if (masters.size() != 1 || masters.first().topology() != RedisConfig::Topology::Standalone)
        return QString();
    return masters.first().endpoint();
}

} // namespace

QString StatusPanel::nodesText(const RedisConfig &config, const QList<RedisConfig> &masters)
{
    switch (config.topology()) {
    case RedisConfig::Topology::Cluster:
        if (masters.isEmpty())
            return tr("Cluster (seeds %1)").arg(firstFew(addresses(config.seeds())));
        return tr("Cluster: %n master(s) (%1)", nullptr, int(masters.size()))
            .arg(firstFew(endpoints(masters)));
    case RedisConfig::Topology::Sentinel: {
        const QString master = sentinelMaster(masters);
        if (!master.isEmpty())
            return tr("Sentinel %1 \u2192 %2").arg(config.sentinelMasterName(), master);
        return tr("Sentinel %1 (sentinels %2)")
            .arg(config.sentinelMasterName(), firstFew(addresses(config.seeds())));
    }
    case RedisConfig::Topology::Standalone:
        break;
    }
    return config.endpoint();
}

QString StatusPanel::nodesToolTip(const RedisConfig &config, const QList<RedisConfig> &masters)
{
    switch (config.topology()) {
    case RedisConfig::Topology::Cluster:
        if (masters.isEmpty())
            return tr("Seed nodes:") + QLatin1Char('\n')
                + addresses(config.seeds()).join(QLatin1Char('\n'));
        return tr("Masters:") + QLatin1Char('\n') + endpoints(masters).join(QLatin1Char('\n'));
    case RedisConfig::Topology::Sentinel: {
        QString text;
        const QString master = sentinelMaster(masters);
        if (!master.isEmpty())
            text = tr("Master %1 at %2").arg(config.sentinelMasterName(), master)
                + QLatin1Char('\n');
        return text + tr("Sentinels:") + QLatin1Char('\n')
            + addresses(config.seeds()).join(QLatin1Char('\n'));
    }
    case RedisConfig::Topology::Standalone:
        break;
    }
    return QString();
}

QString StatusPanel::text() const
{
    QStringList parts { m_connection->text() };
    if (!m_readOnly->isHidden())
        parts << m_readOnly->text();
    if (!m_search->isHidden())
        parts << m_search->text();
    if (!m_progress->isHidden())
        parts << m_progress->text();
    parts << m_count->text() << m_live->property("plainText").toString();
    return parts.join(QStringLiteral(" | "));
}

} // namespace RediStore::Admin
