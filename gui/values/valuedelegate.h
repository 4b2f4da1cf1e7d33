#ifndef REDISTORE_ADMIN_VALUEDELEGATE_H
#define REDISTORE_ADMIN_VALUEDELEGATE_H

#include <QtWidgets/QStyledItemDelegate>

class QTreeView;

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

    // A tree of values as every view shows one: this delegate (a list entry's position as
    // [n]), alternating rows of one height, with room around the text.
    static void setUpTree(QTreeView *tree);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace RediStore::Admin

#endif // REDISTORE_ADMIN_VALUEDELEGATE_H
