#include "common/icons.h"

#include <QtCore/QHash>

namespace RediStore::Admin {

QIcon Icons::get(const QString &name)
{
    static QHash<QString, QIcon> cache;
    auto it = cache.find(name);
    if (it == cache.end())
        it = cache.insert(
            name,
            QIcon(QStringLiteral(":/redistore-admin/icons/") + name + QStringLiteral(".svg")));
    return it.value();
}

QIcon Icons::app()
{
    return QIcon(QStringLiteral(":/redistore-admin/redistore-admin.svg"));
}

} // namespace RediStore::Admin
