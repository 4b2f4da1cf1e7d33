#ifndef REDISTORE_ADMIN_VIEWPAGE_H
#define REDISTORE_ADMIN_VIEWPAGE_H

#include <QtWidgets/QWidget>

namespace RediStore::Admin {

// One of the window's views (a tab: sessions, users, statistics). The shell lists each in the
// View menu with a shortcut, and asks it, for --screenshot, whether what it shows has come.
class ViewPage : public QWidget
{
    Q_OBJECT

public:
    using QWidget::QWidget;

    // Whether the view shows what it waits for (a screenshot is taken once it does).
    virtual bool isSettled() const { return true; }
    // The view became the current one (it may start what it only does when seen).
    virtual void activated() { }
};

} // namespace RediStore::Admin

#endif // REDISTORE_ADMIN_VIEWPAGE_H
