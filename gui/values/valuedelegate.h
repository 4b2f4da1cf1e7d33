#ifndef REDISTORE_ADMIN_VALUEDELEGATE_H
#define REDISTORE_ADMIN_VALUEDELEGATE_H

#include <QtWidgets/QStyledItemDelegate>

namespace RediStore::Admin {

// Editors for the value tree that fit each kind: a list of kinds for the type, true/false for
// booleans, date pickers for dates, checked text fields for numbers and hex bytes.
class ValueDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit ValueDelegate(QObject *parent = nullptr);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace RediStore::Admin

#endif // REDISTORE_ADMIN_VALUEDELEGATE_H
