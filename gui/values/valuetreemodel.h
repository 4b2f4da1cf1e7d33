#ifndef REDISTORE_ADMIN_VALUETREEMODEL_H
#define REDISTORE_ADMIN_VALUETREEMODEL_H

#include "values/valuenode.h"

#include <QtCore/QAbstractItemModel>

#include <memory>

namespace RediStore::Admin {

// A session's values as an editable tree: key, type and value per entry; maps and lists nest.
// Keys of map entries can be renamed (not to a key the map already has), types changed (the
// value is converted as well as it goes) and values edited as text or as the native type.
class ValueTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { KeyColumn, TypeColumn, ValueColumn, ColumnCount };
    enum Role {
        KindRole = Qt::UserRole + 1, // int(ValueKind)
        VariantRole, // the entry's value as a QVariant (containers included)
    };

    explicit ValueTreeModel(QObject *parent = nullptr);
    ~ValueTreeModel() override;

    // Shows values; not modified afterwards.
    void setValues(const QVariantMap &values);
    QVariantMap values() const;
    bool isModified() const { return m_modified; }
    void setModified(bool modified);
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly; }

    // Adds an entry to the map or list at parent (the root map when invalid) or, when parent is
    // a scalar, next to it. Returns the new entry's key index (for editing).
    QModelIndex addEntry(const QModelIndex &parent = QModelIndex());
    bool removeEntry(const QModelIndex &index);
    // Why the last setData() was refused (e.g. a duplicate key).
    QString lastError() const { return m_lastError; }

    QModelIndex index(int row, int column,
                      const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

Q_SIGNALS:
    void modifiedChanged(bool modified);
    void editRefused(const QString &reason);

private:
    ValueNode *nodeFor(const QModelIndex &index) const;
    QModelIndex indexFor(ValueNode *node, int column) const;
    bool setKey(ValueNode *node, const QString &key);
    bool setKind(const QModelIndex &index, ValueKind kind);
    bool setValue(ValueNode *node, const QVariant &value);
    bool refuse(const QString &reason);
    void changed();

    std::unique_ptr<ValueNode> m_root;
    bool m_modified = false;
    bool m_readOnly = false;
    QString m_lastError;
};

} // namespace RediStore::Admin

#endif // REDISTORE_ADMIN_VALUETREEMODEL_H
