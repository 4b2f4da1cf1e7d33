#include "stats/barchart.h"

#include "common/displayformat.h"
#include "stats/distributionmodel.h"

#include <QtGui/QHelpEvent>
#include <QtGui/QKeyEvent>
#include <QtGui/QPainter>
#include <QtWidgets/QToolTip>

namespace RediStore::Admin {

namespace {
constexpr int margin = 4;
constexpr int gap = 10;
} // namespace

BarChart::BarChart(DistributionModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_color(0x1e, 0x6f, 0xb8)
{
    setFocusPolicy(Qt::StrongFocus);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Minimum);
    connect(model, &QAbstractItemModel::modelReset, this, &BarChart::onModelChanged);
    connect(model, &QAbstractItemModel::dataChanged, this, &BarChart::onModelChanged);
    onModelChanged();
}

void BarChart::setColor(const QColor &color)
{
    m_color = color;
    update();
}

void BarChart::setPlaceholderText(const QString &text)
{
    m_placeholder = text;
    onModelChanged();
}

void BarChart::onModelChanged()
{
    m_current = qBound(0, m_current, qMax(0, m_model->rowCount() - 1));
    // What a screen reader says: every bar with its numbers.
    setAccessibleDescription(m_model->maxCount() > 0 ? m_model->text() : m_placeholder);
    updateGeometry();
    update();
}

int BarChart::rowHeight() const
{
    return fontMetrics().height() + 8; // as the tables' rows beside the charts
}

QSize BarChart::sizeHint() const
{
    return QSize(420, minimumSizeHint().height());
}

QSize BarChart::minimumSizeHint() const
{
    const int rows = qMax(3, m_model->rowCount());
    return QSize(240, rows * rowHeight() + 2 * margin);
}

int BarChart::barAt(const QPoint &pos) const
{
    const int row = (pos.y() - margin) / rowHeight();
    return pos.y() >= margin && row < m_model->rowCount() ? row : -1;
}

void BarChart::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF area = QRectF(rect()).adjusted(margin, margin, -margin, -margin);
    const qint64 most = m_model->maxCount();
    if (most <= 0) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(area, Qt::AlignCenter | Qt::TextWordWrap, m_placeholder);
        return;
    }

    const QFontMetrics metrics = fontMetrics();
    const QList<DistributionModel::Bar> &bars = m_model->bars();
    // Columns: labels (at most 40% of the width), bars, then the numbers.
    int labelWidth = 0;
    int valueWidth = 0;
    QStringList values;
    for (int row = 0; row < bars.size(); ++row) {
        labelWidth = qMax(labelWidth, metrics.horizontalAdvance(bars[row].label));
        values << tr("%1 (%2)").arg(DisplayFormat::count(bars[row].count),
                                    DistributionModel::shareText(m_model->share(row)));
        valueWidth = qMax(valueWidth, metrics.horizontalAdvance(values.last()));
    }
    labelWidth = qMin(labelWidth + 4, int(area.width() * 0.4));
    const qreal barLeft = area.left() + labelWidth + gap;
    const qreal barSpace = qMax(qreal(10), area.right() - barLeft - valueWidth - gap);
    const int height = rowHeight();
    const QColor track = [this]() {
        QColor c = palette().color(QPalette::Text);
        c.setAlphaF(0.06f);
        return c;
    }();
    const QColor muted = palette().color(QPalette::PlaceholderText);

    for (int row = 0; row < bars.size(); ++row) {
        const QRectF line(area.left(), area.top() + row * height, area.width(), height);
        if (hasFocus() && row == m_current) {
            QColor highlight = palette().color(QPalette::Highlight);
            highlight.setAlphaF(0.15f);
            painter.setPen(Qt::NoPen);
            painter.setBrush(highlight);
            painter.drawRoundedRect(line, 4, 4);
        }
        const QRectF labelRect(line.left(), line.top(), labelWidth, height);
        painter.setPen(palette().color(QPalette::Text));
        painter.drawText(labelRect, Qt::AlignRight | Qt::AlignVCenter,
                         metrics.elidedText(bars[row].label, Qt::ElideRight, labelWidth));

        const qreal barHeight = qMax(qreal(6), height * 0.6);
        const QRectF trackRect(barLeft, line.center().y() - barHeight / 2, barSpace, barHeight);
        painter.setPen(Qt::NoPen);
        painter.setBrush(track);
        painter.drawRoundedRect(trackRect, 3, 3);
        if (bars[row].count > 0) {
            // At least a sliver, so that a bucket with few sessions still shows.
            const qreal length = qMax(qreal(3), barSpace * qreal(bars[row].count) / qreal(most));
            painter.setBrush(m_color);
            painter.drawRoundedRect(QRectF(trackRect.topLeft(), QSizeF(length, barHeight)), 3, 3);
        }
        painter.setPen(bars[row].count > 0 ? palette().color(QPalette::Text) : muted);
        painter.drawText(QRectF(trackRect.right() + gap, line.top(), valueWidth, height),
                         Qt::AlignLeft | Qt::AlignVCenter, values[row]);
    }
}

void BarChart::keyPressEvent(QKeyEvent *event)
{
    const int rows = m_model->rowCount();
    int next = m_current;
    switch (event->key()) {
    case Qt::Key_Up:
        next = m_current - 1;
        break;
    case Qt::Key_Down:
        next = m_current + 1;
        break;
    case Qt::Key_Home:
        next = 0;
        break;
    case Qt::Key_End:
        next = rows - 1;
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    if (rows > 0) {
        m_current = qBound(0, next, rows - 1);
        // The current bar's numbers, for whoever cannot see the bar's length.
        const DistributionModel::Bar &bar = m_model->bars().at(m_current);
        const QPoint at(width() / 2, margin + m_current * rowHeight() + rowHeight());
        QToolTip::showText(mapToGlobal(at),
                           tr("%1: %2 sessions (%3)")
                               .arg(bar.label, DisplayFormat::count(bar.count),
                                    DistributionModel::shareText(m_model->share(m_current))),
                           this);
        update();
    }
    event->accept();
}

void BarChart::mousePressEvent(QMouseEvent *event)
{
    const int row = barAt(event->pos());
    if (row >= 0) {
        m_current = row;
        update();
    }
    QWidget::mousePressEvent(event);
}

bool BarChart::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int row = barAt(help->pos());
        if (row >= 0 && m_model->maxCount() > 0) {
            const DistributionModel::Bar &bar = m_model->bars().at(row);
            QToolTip::showText(help->globalPos(),
                               tr("%1: %2 sessions (%3)")
                                   .arg(bar.label, DisplayFormat::count(bar.count),
                                        DistributionModel::shareText(m_model->share(row))),
                               this);
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    if (event->type() == QEvent::FocusIn || event->type() == QEvent::FocusOut)
        update();
    return QWidget::event(event);
}

} // namespace RediStore::Admin
