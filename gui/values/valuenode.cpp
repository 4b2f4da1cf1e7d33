#include "values/valuenode.h"

#include <QtCore/QStringList>

namespace RediStore::Admin {

std::unique_ptr<ValueNode> ValueNode::fromVariant(const QString &key, const QVariant &value,
                                                  ValueNode *parent)
{
    auto node = std::make_unique<ValueNode>();
    node->key = key;
    node->parent = parent;
    node->assign(value);
    return node;
}

void ValueNode::assign(const QVariant &newValue)
{
    children.clear();
    kind = ValueType::kindOf(newValue);
    containerType = newValue.metaType().id();
    if (kind == ValueKind::Map) {
        value = QVariant();
        const QVariantMap map = newValue.toMap();
        for (auto it = map.cbegin(); it != map.cend(); ++it)
            children.push_back(fromVariant(it.key(), it.value(), this));
    } else if (kind == ValueKind::List) {
        value = QVariant();
        const QVariantList list = newValue.toList();
        for (const QVariant &item : list)
            children.push_back(fromVariant(QString(), item, this));
    } else {
        value = newValue;
    }
}

QVariant ValueNode::toVariant() const
{
    if (kind == ValueKind::Map) {
        if (containerType == QMetaType::QVariantHash) {
            QVariantHash hash;
            for (const auto &child : children)
                hash.insert(child->key, child->toVariant());
            return hash;
        }
        QVariantMap map;
        for (const auto &child : children)
            map.insert(child->key, child->toVariant());
        return map;
    }
    if (kind == ValueKind::List) {
        QVariantList list;
        bool allStrings = true;
        for (const auto &child : children) {
            list.append(child->toVariant());
            allStrings = allStrings && child->kind == ValueKind::String;
        }
        if (containerType == QMetaType::QStringList && allStrings) {
            QStringList strings;
            for (const QVariant &item : std::as_const(list))
                strings.append(item.toString());
            return strings;
        }
        return list;
    }
    return value;
}

int ValueNode::row() const
{
    if (!parent)
        return 0;
    for (size_t i = 0; i < parent->children.size(); ++i) {
        if (parent->children[i].get() == this)
            return int(i);
    }
    return 0;
}

bool ValueNode::hasChildKey(const QString &key, const ValueNode *except) const
{
    for (const auto &child : children) {
        if (child.get() != except && child->key == key)
            return true;
    }
    return false;
}

QString ValueNode::uniqueChildKey(const QString &base) const
{
    QString key = base;
    for (int n = 2; hasChildKey(key); ++n)
        key = base + QLatin1Char('_') + QString::number(n);
    return key;
}

} // namespace RediStore::Admin
