#include "values/valuetreemodel.h"

#include <QtGui/QColor>
#include <QtGui/QFont>

namespace RediStore::Admin {

ValueTreeModel::ValueTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(ValueNode::fromVariant(QString(), QVariantMap(), nullptr))
{ }

ValueTreeModel::~ValueTreeModel() = default;

void ValueTreeModel::setValues(const QVariantMap &values)
{
    beginResetModel();
    m_root = ValueNode::fromVariant(QString(), values, nullptr);
    endResetModel();
    setModified(false);
}

QVariantMap ValueTreeModel::values() const
{
    return m_root->toVariant().toMap();
}

void ValueTreeModel::setModified(bool modified)
{
    if (m_modified == modified)
        return;
    m_modified = modified;
    Q_EMIT modifiedChanged(modified);
}

void ValueTreeModel::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
}

void ValueTreeModel::changed()
{
    setModified(true);
}

bool ValueTreeModel::refuse(const QString &reason)
{
    m_lastError = reason;
    Q_EMIT editRefused(reason);
    return false;
}

ValueNode *ValueTreeModel::nodeFor(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<ValueNode *>(index.internalPointer()) : m_root.get();
}

QModelIndex ValueTreeModel::indexFor(ValueNode *node, int column) const
{
    if (!node || node == m_root.get())
        return QModelIndex();
    return createIndex(node->row(), column, node);
}

QModelIndex ValueTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return QModelIndex();
    return createIndex(row, column, nodeFor(parent)->child(row));
}

QModelIndex ValueTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return QModelIndex();
    return indexFor(nodeFor(child)->parent, 0);
}

int ValueTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return nodeFor(parent)->childCount();
}

int ValueTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant ValueTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return QVariant();
    const ValueNode *node = nodeFor(index);
    const bool inList = node->parent && node->parent->kind == ValueKind::List;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case KeyColumn:
            // A list entry's position is painted by the delegate: as data it would change under
            // the other entries whenever one is added or removed.
            return inList ? QString() : node->key;
        case TypeColumn:
            if (ValueType::isContainer(node->kind))
                return tr("%1 (%n entry(s))", nullptr, node->childCount())
                    .arg(ValueType::name(node->kind));
            if (node->kind == ValueKind::Other)
                return QString::fromLatin1(node->value.typeName());
            return ValueType::name(node->kind);
        case ValueColumn:
            return ValueType::isContainer(node->kind) ? QString()
                                                      : ValueType::displayText(node->value);
        }
        break;
    case Qt::EditRole:
        switch (index.column()) {
        case KeyColumn:
            return node->key;
        case TypeColumn:
            return int(node->kind);
        case ValueColumn:
            if (node->kind == ValueKind::Boolean || node->kind == ValueKind::DateTime
                || node->kind == ValueKind::Date)
                return node->value;
            return ValueType::editText(node->value);
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == KeyColumn && inList)
            return QStringLiteral("[%1]").arg(index.row());
        if (index.column() == ValueColumn && !ValueType::isContainer(node->kind))
            return ValueType::displayText(node->value);
        break;
    case Qt::ForegroundRole:
        if (index.column() == TypeColumn)
            return QColor(0x60, 0x7d, 0x8b);
        if (index.column() == KeyColumn && inList)
            return QColor(0x90, 0xa4, 0xae);
        if (index.column() == ValueColumn && node->kind == ValueKind::Null)
            return QColor(0x9e, 0x9e, 0x9e);
        break;
    case Qt::FontRole:
        if (index.column() == KeyColumn && !inList) {
            QFont font;
            font.setWeight(QFont::DemiBold);
            return font;
        }
        break;
    case KindRole:
        return int(node->kind);
    case VariantRole:
        return node->toVariant();
    default:
        break;
    }
    return QVariant();
}

bool ValueTreeModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid)
        || !(flags(index) & Qt::ItemIsEditable))
        return false;
    ValueNode *node = nodeFor(index);
    bool done = false;
    switch (index.column()) {
    case KeyColumn:
        done = setKey(node, value.toString());
        break;
    case TypeColumn:
        done = setKind(index, ValueKind(value.toInt()));
        break;
    case ValueColumn:
        done = setValue(node, value);
        break;
    }
    if (done) {
        m_lastError.clear();
        Q_EMIT dataChanged(index.siblingAtColumn(KeyColumn), index.siblingAtColumn(ValueColumn));
        changed();
    }
    return done;
}

bool ValueTreeModel::setKey(ValueNode *node, const QString &key)
{
    if (key == node->key)
        return false;
    if (key.isEmpty())
        return refuse(tr("A key cannot be empty."));
    if (node->parent && node->parent->hasChildKey(key, node))
        return refuse(tr("There is already an entry called \u201c%1\u201d here.").arg(key));
    node->key = key;
    return true;
}

bool ValueTreeModel::setKind(const QModelIndex &index, ValueKind kind)
{
    ValueNode *node = nodeFor(index);
    if (kind == node->kind || kind == ValueKind::Other)
        return false;
    const QVariant converted = ValueType::convert(node->toVariant(), kind);
    const QModelIndex keyIndex = index.siblingAtColumn(KeyColumn);
    if (node->childCount() > 0) {
        beginRemoveRows(keyIndex, 0, node->childCount() - 1);
        node->children.clear();
        endRemoveRows();
    }
    ValueNode replacement;
    replacement.assign(converted);
    const int count = replacement.childCount();
    if (count > 0)
        beginInsertRows(keyIndex, 0, count - 1);
    node->assign(converted);
    if (count > 0)
        endInsertRows();
    return true;
}

bool ValueTreeModel::setValue(ValueNode *node, const QVariant &value)
{
    if (ValueType::isContainer(node->kind) || node->kind == ValueKind::Other)
        return false;
    QVariant newValue;
    if (value.metaType().id() == QMetaType::QString && node->kind != ValueKind::String) {
        const auto parsed
            = ValueType::fromText(node->kind, value.toString(), node->value.metaType());
        if (!parsed)
            return refuse(tr("\u201c%1\u201d is not a valid value of type %2.")
                              .arg(value.toString(), ValueType::name(node->kind)));
        newValue = *parsed;
    } else if (ValueType::kindOf(value) == node->kind) {
        newValue = value;
    } else {
        newValue = ValueType::convert(value, node->kind);
    }
    if (newValue == node->value && newValue.metaType() == node->value.metaType())
        return false;
    node->value = newValue;
    return true;
}

QModelIndex ValueTreeModel::addEntry(const QModelIndex &parent)
{
    if (m_readOnly)
        return QModelIndex();
    QModelIndex parentIndex = parent.siblingAtColumn(KeyColumn);
    ValueNode *container = nodeFor(parentIndex);
    if (!ValueType::isContainer(container->kind)) {
        parentIndex = parentIndex.parent(); // a scalar: add next to it
        container = nodeFor(parentIndex);
    }
    const int row = container->childCount();
    beginInsertRows(parentIndex, row, row);
    const QString key = container->kind == ValueKind::Map
        ? container->uniqueChildKey(QStringLiteral("new_key"))
        : QString();
    container->children.push_back(ValueNode::fromVariant(key, QString(), container));
    endInsertRows();
    changed();
    return index(row, container->kind == ValueKind::Map ? KeyColumn : ValueColumn, parentIndex);
}

bool ValueTreeModel::removeEntry(const QModelIndex &index)
{
    if (m_readOnly || !index.isValid())
        return false;
    ValueNode *node = nodeFor(index);
    ValueNode *container = node->parent;
    const int row = node->row();
    // Taken before the removal: index points at the node about to be deleted.
    const QModelIndex parentIndex = index.parent();
    beginRemoveRows(parentIndex, row, row);
    container->children.erase(container->children.begin() + row);
    endRemoveRows();
    if (container->kind == ValueKind::List && row < container->childCount()) {
        // List keys are positions: the ones after the removed entry changed.
        Q_EMIT dataChanged(this->index(row, KeyColumn, parentIndex),
                           this->index(container->childCount() - 1, KeyColumn, parentIndex));
    }
    changed();
    return true;
}

QVariant ValueTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QVariant();
    switch (section) {
    case KeyColumn:
        return tr("Key");
    case TypeColumn:
        return tr("Type");
    case ValueColumn:
        return tr("Value");
    }
    return QVariant();
}

Qt::ItemFlags ValueTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags result = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
    const ValueNode *node = nodeFor(index);
    if (!ValueType::isContainer(node->kind))
        result |= Qt::ItemNeverHasChildren;
    if (m_readOnly)
        return result;
    switch (index.column()) {
    case KeyColumn:
        if (node->parent && node->parent->kind == ValueKind::Map)
            result |= Qt::ItemIsEditable;
        break;
    case TypeColumn:
        if (node->kind != ValueKind::Other)
            result |= Qt::ItemIsEditable;
        break;
    case ValueColumn:
        if (!ValueType::isContainer(node->kind) && node->kind != ValueKind::Other
            && node->kind != ValueKind::Null)
            result |= Qt::ItemIsEditable;
        break;
    }
    return result;
}

} // namespace RediStore::Admin
