#ifndef REDISTORE_ADMIN_VALUENODE_H
#define REDISTORE_ADMIN_VALUENODE_H

#include "values/valuetype.h"

#include <QtCore/QString>
#include <QtCore/QVariant>

#include <memory>
#include <vector>

namespace RediStore::Admin {

// One entry of the value tree: a key (in a map) and a scalar value, or a map or list of
// child nodes. Converts from and back to QVariant, keeping the exact types it was given
// (QVariantHash stays a hash, QStringList a string list, int stays int).
class ValueNode
{
public:
    ValueNode() = default;
    ValueNode(const ValueNode &) = delete;
    ValueNode &operator=(const ValueNode &) = delete;

    static std::unique_ptr<ValueNode> fromVariant(const QString &key, const QVariant &value,
                                                  ValueNode *parent);
    QVariant toVariant() const;
    // Replaces this node's value (and children) with value.
    void assign(const QVariant &value);

    int row() const; // index in the parent, 0 for the root
    int childCount() const { return int(children.size()); }
    ValueNode *child(int row) const { return children.at(size_t(row)).get(); }
    bool hasChildKey(const QString &key, const ValueNode *except = nullptr) const;
    // A key not used by another child: base, base_2, base_3, ...
    QString uniqueChildKey(const QString &base) const;

    QString key;
    ValueKind kind = ValueKind::Null;
    QVariant value; // scalars only
    int containerType = 0; // the QMetaType id a map or list came as
    ValueNode *parent = nullptr;
    std::vector<std::unique_ptr<ValueNode>> children;
};

} // namespace RediStore::Admin

#endif // REDISTORE_ADMIN_VALUENODE_H
