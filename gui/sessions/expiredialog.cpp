#include "sessions/expiredialog.h"

#include "common/displayformat.h"
#include "common/icons.h"

#include <QtCore/QLocale>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QDateTimeEdit>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QGridLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QRadioButton>
#include <QtWidgets/QSpinBox>
#include <QtWidgets/QVBoxLayout>

namespace RediStore::Admin {

ExpireDialog::ExpireDialog(int count, qint64 currentTtlMs, QWidget *parent)
    : QDialog(parent)
    , m_inButton(new QRadioButton(tr("Expire in"), this))
    , m_atButton(new QRadioButton(tr("Expire at"), this))
    , m_amount(new QSpinBox(this))
    , m_unit(new QComboBox(this))
    , m_at(new QDateTimeEdit(this))
    , m_summary(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Set expiry"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    setWindowIcon(Icons::get(QStringLiteral("expire")));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(
        count == 1 ? tr("Choose when this session expires.")
                   : tr("Choose when the %Ln selected sessions expire.", nullptr, count),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_amount->setRange(1, 999999);
    m_unit->addItem(tr("seconds"), int(Unit::Seconds));
    m_unit->addItem(tr("minutes"), int(Unit::Minutes));
    m_unit->addItem(tr("hours"), int(Unit::Hours));
    m_unit->addItem(tr("days"), int(Unit::Days));
    m_at->setCalendarPopup(true);
    m_at->setDisplayFormat(QLocale().dateTimeFormat(QLocale::ShortFormat));
    m_at->setMinimumDateTime(QDateTime::currentDateTime().addSecs(1));
    auto *grid = new QGridLayout;
    grid->addWidget(m_inButton, 0, 0);
    grid->addWidget(m_amount, 0, 1);
    grid->addWidget(m_unit, 0, 2);
    grid->addWidget(m_atButton, 1, 0);
    grid->addWidget(m_at, 1, 1, 1, 2);
    layout->addLayout(grid);
    m_summary->setStyleSheet(QStringLiteral("color: #546e7a;"));
    layout->addWidget(m_summary);
    layout->addWidget(m_buttons);
    m_buttons->button(QDialogButtonBox::Ok)
        ->setText(count == 1 ? tr("Set expiry") : tr("Set expiry of %Ln sessions", nullptr, count));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    // Start from the session's TTL when there is one, else 30 minutes.
    if (currentTtlMs > 0) {
        const qint64 seconds = (currentTtlMs + 999) / 1000;
        if (seconds % 86400 == 0)
            setIn(seconds / 86400, Unit::Days);
        else if (seconds % 3600 == 0)
            setIn(seconds / 3600, Unit::Hours);
        else if (seconds >= 3600)
            setIn((seconds + 1800) / 3600, Unit::Hours);
        else if (seconds >= 60)
            setIn((seconds + 30) / 60, Unit::Minutes);
        else
            setIn(seconds, Unit::Seconds);
    } else {
        setIn(30, Unit::Minutes);
    }
    m_at->setDateTime(QDateTime::currentDateTime().addSecs(3600));

    connect(m_inButton, &QRadioButton::toggled, this, &ExpireDialog::updateSummary);
    connect(m_amount, &QSpinBox::valueChanged, this, [this]() {
        m_inButton->setChecked(true);
        updateSummary();
    });
    connect(m_unit, &QComboBox::currentIndexChanged, this, [this]() {
        m_inButton->setChecked(true);
        updateSummary();
    });
    connect(m_at, &QDateTimeEdit::dateTimeChanged, this, [this]() {
        m_atButton->setChecked(true);
        updateSummary();
    });
    updateSummary();
}

void ExpireDialog::setIn(qint64 amount, Unit unit)
{
    m_amount->setValue(int(qBound(qint64(1), amount, qint64(m_amount->maximum()))));
    m_unit->setCurrentIndex(m_unit->findData(int(unit)));
    m_inButton->setChecked(true);
    updateSummary();
}

void ExpireDialog::setAt(const QDateTime &time)
{
    m_at->setDateTime(time);
    m_atButton->setChecked(true);
    updateSummary();
}

qint64 ExpireDialog::seconds() const
{
    if (m_atButton->isChecked()) {
        const qint64 ms = QDateTime::currentDateTime().msecsTo(m_at->dateTime());
        return qMax(qint64(1), (ms + 999) / 1000);
    }
    static const qint64 factors[] = { 1, 60, 3600, 86400 };
    return qMax(qint64(1), qint64(m_amount->value()) * factors[m_unit->currentData().toInt()]);
}

void ExpireDialog::updateSummary()
{
    const qint64 secs = seconds();
    const QDateTime at = QDateTime::currentDateTime().addSecs(secs);
    m_summary->setText(
        tr("Redis deletes it at %1 (in %2).")
            .arg(QLocale().toString(at, QLocale::ShortFormat), DisplayFormat::duration(secs)));
}

} // namespace RediStore::Admin
