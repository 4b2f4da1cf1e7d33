#include "stats/distributionmodel.h"

#include "common/displayformat.h"

#include <QtCore/QLocale>

namespace RediStore::Admin {

DistributionModel::DistributionModel(const QString &labelTitle, QObject *parent)
    : QAbstractTableModel(parent)
    , m_labelTitle(labelTitle)
{ }

void DistributionModel::setBars(const QList<Bar> &bars, qint64 total)
{
    qint64 sum = 0;
    for (const Bar &bar : bars)
        sum += bar.count;
    const qint64 newTotal = total >= 0 ? total : sum;
    bool sameLabels = bars.size() == m_bars.size();
    for (qsizetype i = 0; sameLabels && i < bars.size(); ++i)
        sameLabels = bars[i].label == m_bars[i].label;
    if (!sameLabels) {
        beginResetModel();
        m_bars = bars;
        m_total = newTotal;
        endResetModel();
        return;
    }
    m_bars = bars;
    m_total = newTotal;
    if (!m_bars.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

qint64 DistributionModel::maxCount() const
{
    qint64 most = 0;
    for (const Bar &bar : m_bars)
        most = qMax(most, bar.count);
    return most;
}

double DistributionModel::share(int row) const
{
    return m_total > 0 ? double(m_bars.at(row).count) / double(m_total) : 0.0;
}

QString DistributionModel::shareText(double share)
{
    return tr("%1%").arg(QLocale().toString(share * 100.0, 'f', 1));
}

QString DistributionModel::text() const
{
    QStringList lines;
    for (int row = 0; row < m_bars.size(); ++row) {
        lines << tr("%1: %2 (%3)")
                     .arg(m_bars[row].label, DisplayFormat::count(m_bars[row].count),
                          shareText(share(row)));
    }
    return lines.join(QLatin1Char('\n'));
}

int DistributionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_bars.size());
}

int DistributionModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DistributionModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const Bar &bar = m_bars.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case LabelColumn:
            return bar.label;
        case CountColumn:
            return DisplayFormat::count(bar.count);
        case ShareColumn:
            return shareText(share(index.row()));
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() != LabelColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case CountRole:
        return bar.count;
    case ShareRole:
        return share(index.row());
    }
    return QVariant();
}

QVariant DistributionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case LabelColumn:
        return m_labelTitle;
    case CountColumn:
        return tr("Sessions");
    case ShareColumn:
        return tr("Share");
    }
    return QVariant();
}

} // namespace RediStore::Admin
