#ifndef REDISTORE_ADMIN_BARCHART_H
#define REDISTORE_ADMIN_BARCHART_H

#include <QtGui/QColor>
#include <QtWidgets/QWidget>

namespace RediStore::Admin {

class DistributionModel;

// A horizontal bar chart of a DistributionModel: a label, a bar and "count (share)" a row,
// painted in logical coordinates (crisp at any device pixel ratio). It takes the focus (Tab),
// Up and Down walk the bars; its accessible description is the chart as text.
class BarChart : public QWidget
{
    Q_OBJECT

public:
    explicit BarChart(DistributionModel *model, QWidget *parent = nullptr);

    void setColor(const QColor &color);
    // Shown instead of bars when the model has none, or only zeros.
    void setPlaceholderText(const QString &text);
    int currentBar() const { return m_current; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    bool event(QEvent *event) override;

private:
    void onModelChanged();
    int rowHeight() const;
    int barAt(const QPoint &pos) const;

    DistributionModel *m_model;
    QColor m_color;
    QString m_placeholder;
    int m_current = 0;
};

} // namespace RediStore::Admin

#endif // REDISTORE_ADMIN_BARCHART_H
