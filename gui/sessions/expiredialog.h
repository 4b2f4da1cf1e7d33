#ifndef REDISTORE_ADMIN_EXPIREDIALOG_H
#define REDISTORE_ADMIN_EXPIREDIALOG_H

#include <QtCore/QDateTime>
#include <QtWidgets/QDialog>

QT_BEGIN_NAMESPACE
class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QRadioButton;
class QSpinBox;
QT_END_NAMESPACE

namespace RediStore::Admin {

// Asks for a new time to live: in N seconds, minutes, hours or days, or at a date and time.
// The title and the OK button say how many sessions it applies to.
class ExpireDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Unit { Seconds, Minutes, Hours, Days };

    // currentTtlMs prefills the choice (for one session; -1: none).
    ExpireDialog(int count, qint64 currentTtlMs, QWidget *parent = nullptr);

    void setIn(qint64 amount, Unit unit);
    void setAt(const QDateTime &time);
    // The chosen time to live in seconds, at least 1.
    qint64 seconds() const;

private:
    void updateSummary();

    QRadioButton *m_inButton;
    QRadioButton *m_atButton;
    QSpinBox *m_amount;
    QComboBox *m_unit;
    QDateTimeEdit *m_at;
    QLabel *m_summary;
    QDialogButtonBox *m_buttons;
};

} // namespace RediStore::Admin

#endif // REDISTORE_ADMIN_EXPIREDIALOG_H
