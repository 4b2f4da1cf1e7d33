#include "values/valuedelegate.h"

#include "values/valuetreemodel.h"
#include "values/valuetype.h"

#include <QtCore/QRegularExpression>
#include <QtGui/QRegularExpressionValidator>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QDateEdit>
#include <QtWidgets/QDateTimeEdit>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QTreeView>

namespace RediStore::Admin {

ValueDelegate::ValueDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

QWidget *ValueDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                     const QModelIndex &index) const
{
    const auto kind = ValueKind(index.data(ValueTreeModel::KindRole).toInt());
    if (index.column() == ValueTreeModel::TypeColumn) {
        auto *combo = new QComboBox(parent);
        const QList<ValueKind> kinds = ValueType::choosableKinds();
        for (ValueKind k : kinds)
            combo->addItem(ValueType::name(k), int(k));
        return combo;
    }
    if (index.column() != ValueTreeModel::ValueColumn)
        return QStyledItemDelegate::createEditor(parent, option, index);
    switch (kind) {
    case ValueKind::Boolean: {
        auto *combo = new QComboBox(parent);
        combo->addItem(QStringLiteral("true"), true);
        combo->addItem(QStringLiteral("false"), false);
        return combo;
    }
    case ValueKind::DateTime: {
        auto *edit = new QDateTimeEdit(parent);
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz t"));
        return edit;
    }
    case ValueKind::Date: {
        auto *edit = new QDateEdit(parent);
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        return edit;
    }
    default:
        break;
    }
    auto *line = new QLineEdit(parent);
    line->setFrame(false);
    QString pattern;
    if (kind == ValueKind::Integer)
        pattern = QStringLiteral("\\s*[-+]?\\d{1,19}\\s*");
    else if (kind == ValueKind::Unsigned)
        pattern = QStringLiteral("\\s*\\+?\\d{1,20}\\s*");
    else if (kind == ValueKind::Float)
        pattern
            = QStringLiteral("\\s*[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?\\s*|[-+]?inf|nan");
    else if (kind == ValueKind::Bytes)
        pattern = QStringLiteral("[0-9a-fA-F ]*");
    if (!pattern.isEmpty())
        line->setValidator(new QRegularExpressionValidator(QRegularExpression(pattern), line));
    if (kind == ValueKind::Bytes)
        line->setPlaceholderText(tr("hexadecimal, e.g. 48 65 6c 6c 6f"));
    return line;
}

void ValueDelegate::setUpTree(QTreeView *tree)
{
    tree->setItemDelegate(new ValueDelegate(tree));
    tree->setAlternatingRowColors(true);
    tree->setUniformRowHeights(true);
    tree->setStyleSheet(QStringLiteral("QTreeView::item { padding: 3px 0; }"));
}

void ValueDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const QModelIndex parent = index.parent();
    if (index.column() == ValueTreeModel::KeyColumn && parent.isValid()
        && ValueKind(parent.data(ValueTreeModel::KindRole).toInt()) == ValueKind::List) {
        option->text = QStringLiteral("[%1]").arg(index.row());
        option->palette.setColor(QPalette::Text, QColor(0x90, 0xa4, 0xae));
    }
}

void ValueDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    const QVariant value = index.data(Qt::EditRole);
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        const int at = combo->findData(
            index.column() == ValueTreeModel::TypeColumn ? value : QVariant(value.toBool()));
        combo->setCurrentIndex(qMax(0, at));
    } else if (auto *dateTime = qobject_cast<QDateTimeEdit *>(editor)) {
        if (value.metaType().id() == QMetaType::QDate)
            dateTime->setDate(value.toDate());
        else
            dateTime->setDateTime(value.toDateTime());
    } else if (auto *line = qobject_cast<QLineEdit *>(editor)) {
        line->setText(value.toString());
    } else {
        QStyledItemDelegate::setEditorData(editor, index);
    }
}

void ValueDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                 const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        model->setData(index, combo->currentData());
    } else if (auto *date = qobject_cast<QDateEdit *>(editor)) {
        model->setData(index, date->date());
    } else if (auto *dateTime = qobject_cast<QDateTimeEdit *>(editor)) {
        model->setData(index, dateTime->dateTime());
    } else if (auto *line = qobject_cast<QLineEdit *>(editor)) {
        model->setData(index, line->text());
    } else {
        QStyledItemDelegate::setModelData(editor, model, index);
    }
}

} // namespace RediStore::Admin
