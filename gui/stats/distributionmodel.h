#ifndef REDISTORE_ADMIN_DISTRIBUTIONMODEL_H
#define REDISTORE_ADMIN_DISTRIBUTIONMODEL_H

#include <QtCore/QAbstractTableModel>
#include <QtCore/QList>

namespace RediStore::Admin {

// One chart's numbers as a table (bucket, sessions, share): what BarChart paints, and what a
// screen reader or a keyboard user reads in the table beside it.
class DistributionModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { LabelColumn, CountColumn, ShareColumn, ColumnCount };
    enum Role { CountRole = Qt::UserRole + 1, ShareRole }; // qint64, double 0..1

    struct Bar
    {
        QString label;
        qint64 count = 0;
    };

    // labelTitle: the heading of the first column ("Time to live", "User", ...).
    explicit DistributionModel(const QString &labelTitle, QObject *parent = nullptr);

    // Same labels as before: one dataChanged; else a reset. total: what shares are of (-1: the
    // sum of the counts).
    void setBars(const QList<Bar> &bars, qint64 total = -1);
    const QList<Bar> &bars() const { return m_bars; }
    qint64 total() const { return m_total; }
    qint64 maxCount() const;
    double share(int row) const;
    // "12.5%", as the table shows it.
    static QString shareText(double share);
    // "< 1 min: 120 (12.5%)", one bar a line.
    QString text() const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QString m_labelTitle;
    QList<Bar> m_bars;
    qint64 m_total = 0;
};

} // namespace RediStore::Admin

#endif // REDISTORE_ADMIN_DISTRIBUTIONMODEL_H
