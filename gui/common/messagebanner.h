#ifndef REDISTORE_ADMIN_MESSAGEBANNER_H
#define REDISTORE_ADMIN_MESSAGEBANNER_H

#include <QtWidgets/QFrame>

#include <functional>

QT_BEGIN_NAMESPACE
class QHBoxLayout;
class QLabel;
class QToolButton;
QT_END_NAMESPACE

namespace RediStore::Admin {

// A coloured strip inside the window that says what happened, in a sentence, with up to a
// few buttons for what to do about it. Used instead of message boxes for anything that is not
// a question, so the window never blocks.
class MessageBanner : public QFrame
{
    Q_OBJECT

public:
    enum class Level { Info, Success, Warning, Error };

    explicit MessageBanner(QWidget *parent = nullptr);

    void showMessage(Level level, const QString &text);
    // A button that runs action (and hides the banner when hide is true).
    void addButton(const QString &text, std::function<void()> action, bool hide = true);
    void clearButtons();
    void dismiss();

    QString text() const;
    Level level() const { return m_level; }

private:
    QLabel *m_icon;
    QLabel *m_text;
    QHBoxLayout *m_buttons;
    QToolButton *m_close;
    Level m_level = Level::Info;
};

} // namespace RediStore::Admin

#endif // REDISTORE_ADMIN_MESSAGEBANNER_H
