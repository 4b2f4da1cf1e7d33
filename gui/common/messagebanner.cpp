#include "common/messagebanner.h"

#include "common/icons.h"

#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QToolButton>

namespace RediStore::Admin {

MessageBanner::MessageBanner(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_buttons(new QHBoxLayout)
    , m_close(new QToolButton(this))
{
    setObjectName(QStringLiteral("MessageBanner"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    layout->setSpacing(8);
    m_icon->setFixedSize(20, 20);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_close->setAutoRaise(true);
    m_close->setIcon(Icons::get(QStringLiteral("close")));
    m_close->setToolTip(tr("Dismiss"));
    connect(m_close, &QToolButton::clicked, this, &MessageBanner::dismiss);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addLayout(m_buttons);
    layout->addWidget(m_close, 0, Qt::AlignTop);
    hide();
}

void MessageBanner::showMessage(Level level, const QString &text)
{
    m_level = level;
    m_text->setText(text);
    QString icon, background, border;
    switch (level) {
    case Level::Info:
        icon = QStringLiteral("info");
        background = QStringLiteral("#e8f1fb");
        border = QStringLiteral("#5b9bd5");
        break;
    case Level::Success:
        icon = QStringLiteral("ok");
        background = QStringLiteral("#e9f6ec");
        border = QStringLiteral("#43a047");
        break;
    case Level::Warning:
        icon = QStringLiteral("warning");
        background = QStringLiteral("#fff6e0");
        border = QStringLiteral("#f0a30a");
        break;
    case Level::Error:
        icon = QStringLiteral("error");
        background = QStringLiteral("#fdecea");
        border = QStringLiteral("#d32f2f");
        break;
    }
    m_icon->setPixmap(Icons::get(icon).pixmap(20, 20));
    setStyleSheet(
        QStringLiteral("#MessageBanner { background: %1; border: 1px solid %2;"
                       " border-left: 4px solid %2; border-radius: 4px; }"
                       "#MessageBanner QLabel { color: #263238; background: transparent; }")
            .arg(background, border));
    show();
}

void MessageBanner::addButton(const QString &text, std::function<void()> action, bool hide)
{
    auto *button = new QPushButton(text, this);
    button->setCursor(Qt::PointingHandCursor);
    connect(button, &QPushButton::clicked, this, [this, action = std::move(action), hide]() {
        if (hide)
            dismiss();
        action();
    });
    m_buttons->addWidget(button);
}

void MessageBanner::clearButtons()
{
    while (QLayoutItem *item = m_buttons->takeAt(0)) {
        if (QWidget *widget = item->widget())
            widget->deleteLater();
        delete item;
    }
}

void MessageBanner::dismiss()
{
    clearButtons();
    hide();
}

QString MessageBanner::text() const
{
    return isHidden() ? QString() : m_text->text();
}

} // namespace RediStore::Admin
