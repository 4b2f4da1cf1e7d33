#ifndef REDISTORE_ADMIN_ICONS_H
#define REDISTORE_ADMIN_ICONS_H

#include <QtGui/QIcon>

namespace RediStore::Admin {

// The app's own SVG icons, from the resources (resources/icons/<name>.svg).
class Icons
{
public:
    static QIcon get(const QString &name);
    static QIcon app();
};

} // namespace RediStore::Admin

#endif // REDISTORE_ADMIN_ICONS_H
