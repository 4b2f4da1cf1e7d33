#include "values/sessiondetailwidget.h"

#include "common/displayformat.h"
#include "common/errormessages.h"
#include "common/icons.h"
#include "common/messagebanner.h"
#include "connection/connectionprofile.h"
#include "values/hexdump.h"
#include "values/valuedelegate.h"
#include "values/valuetreemodel.h"

#include <libredistore/async.h>

#include <QtGui/QFontDatabase>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QSplitter>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QToolButton>
#include <QtWidgets/QTreeView>
#include <QtWidgets/QVBoxLayout>

namespace RediStore::Admin {

namespace {
QToolButton *toolButton(const QString &icon, const QString &text, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setIcon(Icons::get(icon));
    button->setText(text);
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    button->setAutoRaise(true);
    return button;
}

QPushButton *pushButton(const QString &icon, const QString &text, QWidget *parent)
{
    auto *button = new QPushButton(Icons::get(icon), text, parent);
    return button;
}
} // namespace

SessionDetailWidget::SessionDetailWidget(QWidget *parent)
    : QWidget(parent)
    , m_model(new ValueTreeModel(this))
{
    buildUi();
    connect(m_model, &ValueTreeModel::modifiedChanged, this, [this](bool modified) {
        updateButtons();
        Q_EMIT modifiedChanged(modified);
    });
    connect(m_model, &ValueTreeModel::editRefused, this, [this](const QString &reason) {
        m_banner->clearButtons();
        m_banner->showMessage(MessageBanner::Level::Warning, reason);
    });
    clear();
}

SessionDetailWidget::~SessionDetailWidget() = default;

void SessionDetailWidget::buildUi()
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);

    auto *placeholder = new QLabel(tr("Select a session to see its values."), this);
    placeholder->setAlignment(Qt::AlignCenter);
    placeholder->setStyleSheet(QStringLiteral("color: #78909c; font-size: 11pt;"));
    m_placeholder = placeholder;
    outer->addWidget(m_placeholder);

    m_body = new QWidget(this);
    auto *layout = new QVBoxLayout(m_body);
    layout->setContentsMargins(12, 10, 12, 10);
    layout->setSpacing(8);
    outer->addWidget(m_body);

    m_title = new QLabel(tr("SESSION"), m_body);
    m_title->setStyleSheet(
        QStringLiteral("color: #78909c; font-size: 8pt; font-weight: 600; letter-spacing: 1px;"));
    m_idLabel = new QLabel(m_body);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(mono.pointSizeF() * 1.1);
    mono.setWeight(QFont::DemiBold);
    m_idLabel->setFont(mono);
    m_idLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_idLabel->setStyleSheet(QStringLiteral("color: #263238;"));
    m_stateChip = new QLabel(m_body);
    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(m_title);
    titleRow->addStretch(1);
    titleRow->addWidget(m_stateChip);
    layout->addLayout(titleRow);
    layout->addWidget(m_idLabel);

    auto *factsRow = new QHBoxLayout;
    auto *clock = new QLabel(m_body);
    clock->setPixmap(Icons::get(QStringLiteral("expire")).pixmap(16, 16));
    m_ttlLabel = new QLabel(m_body);
    m_ttlLabel->setStyleSheet(QStringLiteral("font-weight: 600;"));
    m_facts = new QLabel(m_body);
    m_facts->setStyleSheet(QStringLiteral("color: #546e7a;"));
    factsRow->addWidget(clock);
    factsRow->addWidget(m_ttlLabel);
    factsRow->addSpacing(12);
    factsRow->addWidget(m_facts, 1);
    layout->addLayout(factsRow);

    m_banner = new MessageBanner(m_body);
    layout->addWidget(m_banner);

    m_tabs = new QTabWidget(m_body);
    layout->addWidget(m_tabs, 1);

    auto *valuesPage = new QWidget(m_tabs);
    auto *valuesLayout = new QVBoxLayout(valuesPage);
    valuesLayout->setContentsMargins(4, 6, 4, 4);
    auto *editRow = new QHBoxLayout;
    m_addButton = toolButton(QStringLiteral("add"), tr("Add entry"), valuesPage);
    m_addButton->setToolTip(tr("Add an entry next to the selected one"));
    m_addInsideButton = toolButton(QStringLiteral("add-child"), tr("Add inside"), valuesPage);
    m_addInsideButton->setToolTip(tr("Add an entry inside the selected map or list"));
    m_removeButton = toolButton(QStringLiteral("remove"), tr("Delete entry"), valuesPage);
    editRow->addWidget(m_addButton);
    editRow->addWidget(m_addInsideButton);
    editRow->addWidget(m_removeButton);
    editRow->addStretch(1);
    valuesLayout->addLayout(editRow);
    m_tree = new QTreeView(valuesPage);
    m_tree->setModel(m_model);
    ValueDelegate::setUpTree(m_tree);
    m_tree->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                            | QAbstractItemView::SelectedClicked);
    m_tree->header()->setStretchLastSection(true);
    m_tree->header()->resizeSection(ValueTreeModel::KeyColumn, 160);
    m_tree->header()->resizeSection(ValueTreeModel::TypeColumn, 130);
    valuesLayout->addWidget(m_tree, 1);
    m_tabs->addTab(valuesPage, Icons::get(QStringLiteral("tree")), tr("Values"));

    auto *rawPage = new QWidget(m_tabs);
    auto *rawLayout = new QVBoxLayout(rawPage);
    rawLayout->setContentsMargins(4, 6, 4, 4);
    m_rawError = new QLabel(rawPage);
    m_rawError->setObjectName(QStringLiteral("decodeError"));
    m_rawError->setWordWrap(true);
    m_rawError->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_rawError->setStyleSheet(QStringLiteral("color: #b71c1c;"));
    rawLayout->addWidget(m_rawError);
    auto *split = new QSplitter(Qt::Vertical, rawPage);
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_hex = new QPlainTextEdit(split);
    m_hex->setObjectName(QStringLiteral("hexView"));
    m_hex->setReadOnly(true);
    m_hex->setFont(fixed);
    m_hex->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_hex->setPlaceholderText(tr("Hex"));
    m_text = new QPlainTextEdit(split);
    m_text->setObjectName(QStringLiteral("textView"));
    m_text->setReadOnly(true);
    m_text->setFont(fixed);
    m_text->setPlaceholderText(tr("Text"));
    split->addWidget(m_hex);
    split->addWidget(m_text);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    rawLayout->addWidget(split, 1);
    m_tabs->addTab(rawPage, Icons::get(QStringLiteral("raw")), tr("Raw"));

    auto *buttons = new QHBoxLayout;
    m_saveButton = pushButton(QStringLiteral("save"), tr("Save"), m_body);
    m_saveButton->setDefault(true);
    m_saveButton->setToolTip(
        tr("Write the values back, with the same serializer, keeping the TTL"));
    m_revertButton = pushButton(QStringLiteral("revert"), tr("Revert"), m_body);
    m_expireButton = pushButton(QStringLiteral("expire"), tr("Expire\u2026"), m_body);
    m_persistButton = pushButton(QStringLiteral("persist"), tr("Persist"), m_body);
    m_persistButton->setToolTip(tr("Remove the expiry: the session is kept until deleted"));
    m_deleteButton = pushButton(QStringLiteral("delete"), tr("Delete"), m_body);
    buttons->addWidget(m_saveButton);
    buttons->addWidget(m_revertButton);
    buttons->addStretch(1);
    buttons->addWidget(m_expireButton);
    buttons->addWidget(m_persistButton);
    buttons->addWidget(m_deleteButton);
    layout->addLayout(buttons);

    connect(m_saveButton, &QPushButton::clicked, this, &SessionDetailWidget::save);
    connect(m_revertButton, &QPushButton::clicked, this, &SessionDetailWidget::revert);
    connect(m_expireButton, &QPushButton::clicked, this,
            [this]() { Q_EMIT expireRequested(m_id); });
    connect(m_persistButton, &QPushButton::clicked, this,
            [this]() { Q_EMIT persistRequested(m_id); });
    connect(m_deleteButton, &QPushButton::clicked, this,
            [this]() { Q_EMIT deleteRequested(m_id); });
    connect(m_addButton, &QToolButton::clicked, this, [this]() { addEntry(false); });
    connect(m_addInsideButton, &QToolButton::clicked, this, [this]() { addEntry(true); });
    connect(m_removeButton, &QToolButton::clicked, this, &SessionDetailWidget::removeEntry);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &SessionDetailWidget::updateButtons);
}

void SessionDetailWidget::setAdmin(SessionAdmin *admin, const QString &endpoint)
{
    m_admin = admin;
    m_endpoint = endpoint;
    clear();
}

void SessionDetailWidget::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    m_model->setReadOnly(readOnly || m_gone);
    updateButtons();
}

void SessionDetailWidget::clear()
{
    ++m_token;
    m_id.clear();
    m_content = SessionContent();
    m_loaded = m_gone = m_saving = false;
    m_model->setValues({});
    m_hex->clear();
    m_text->clear();
    m_banner->dismiss();
    m_body->hide();
    m_placeholder->show();
    updateButtons();
}

void SessionDetailWidget::showSession(const QString &id)
{
    if (!m_admin) {
        clear();
        return;
    }
    const quint64 token = ++m_token;
    m_id = id;
    m_loaded = m_gone = m_saving = false;
    m_idLabel->setText(id);
    m_idLabel->setToolTip(id);
    m_ttlLabel->setText(tr("loading\u2026"));
    m_facts->clear();
    m_banner->dismiss();
    m_placeholder->hide();
    m_body->show();
    updateButtons();
    whenFinished(m_admin->load(id), this, [this, token, id](const SessionContent &content) {
        if (token != m_token)
            return;
        showContent(content);
        Q_EMIT loaded(id);
    });
}

void SessionDetailWidget::reload()
{
    if (!m_id.isEmpty())
        showSession(m_id);
}

void SessionDetailWidget::showContent(const SessionContent &content)
{
    m_content = content;
    m_loaded = true;
    m_ttlClock.start();
    m_gone = !content.exists;
    const bool decoded = content.exists && content.ok();
    m_model->setReadOnly(m_readOnly || m_gone);
    m_model->setValues(decoded ? content.values : QVariantMap());
    m_tree->expandToDepth(0);
    m_hex->setPlainText(HexDump::format(content.raw));
    m_text->setPlainText(DisplayFormat::printable(content.raw, 64 * 1024));
    m_rawError->setText(content.error.isError() && content.exists
                            ? tr("Does not decode: %1").arg(content.error.message())
                            : QString());
    m_rawError->setVisible(!m_rawError->text().isEmpty());
    m_tabs->setTabEnabled(0, decoded);
    m_tabs->setCurrentIndex(decoded || !content.exists ? 0 : 1);

    QStringList facts;
    if (content.exists) {
        facts << DisplayFormat::size(content.raw.size());
        if (!content.serializer.isEmpty())
            facts << ConnectionProfile::serializerTitle(content.serializer);
        facts << tr("%n value(s)", nullptr, int(content.values.size()));
    }
    m_facts->setText(facts.join(QStringLiteral("  \u00b7  ")));

    if (m_gone) {
        markGone();
    } else if (!decoded) {
        m_banner->clearButtons();
        m_banner->showMessage(MessageBanner::Level::Error,
                              ErrorMessages::forSession(content.error, m_endpoint)
                                  + QLatin1Char(' ') + tr("The raw bytes are shown as they are."));
    }
    updateTtl();
    updateButtons();
}

void SessionDetailWidget::updateTtl()
{
    if (!m_loaded)
        return;
    if (m_gone) {
        m_ttlLabel->setText(tr("gone"));
        return;
    }
    if (m_content.ttlMs < 0) {
        m_ttlLabel->setText(tr("no expiry"));
        return;
    }
    const qint64 left = qMax(qint64(0), m_content.ttlMs - m_ttlClock.elapsed());
    m_ttlLabel->setText(left == 0 ? tr("expired")
                                  : tr("expires in %1").arg(DisplayFormat::ttl(left)));
}

bool SessionDetailWidget::isModified() const
{
    return m_model->isModified();
}

QString SessionDetailWidget::bannerText() const
{
    return m_banner->text();
}

void SessionDetailWidget::save()
{
    if (!m_admin || m_readOnly || m_gone || !m_loaded || m_saving || !isModified())
        return;
    m_saving = true;
    updateButtons();
    const quint64 token = m_token;
    const QString id = m_id;
    const QString serializer = m_content.serializer;
    whenFinished(
        m_admin->write(id, m_model->values(), serializer), this,
        [this, token, id, serializer](const SessionChange &change) {
            if (token != m_token)
                return;
            m_saving = false;
            const SessionError &error = change.error;
            if (change.ok()) {
                m_model->setModified(false);
                m_banner->clearButtons();
                m_banner->showMessage(MessageBanner::Level::Success,
                                      tr("Saved with %1. The TTL was kept.")
                                          .arg(ConnectionProfile::serializerTitle(serializer)));
                Q_EMIT saved(id);
                // Show what is stored now (e.g. JSON reads integers back as floats).
                const quint64 reloadToken = ++m_token;
                whenFinished(m_admin->load(id), this,
                             [this, reloadToken](const SessionContent &content) {
                                 if (reloadToken != m_token)
                                     return;
                                 const QString notice = m_banner->text();
                                 showContent(content);
                                 if (!m_gone && !notice.isEmpty() && content.exists)
                                     m_banner->showMessage(MessageBanner::Level::Success, notice);
                             });
                return;
            }
            const QString message = ErrorMessages::forSession(error, m_endpoint);
            if (error.code() == SessionError::Code::SessionGone)
                markGone();
            else
                m_banner->showMessage(MessageBanner::Level::Error, message);
            updateButtons();
            Q_EMIT saveFailed(id, message);
        });
}

void SessionDetailWidget::revert()
{
    m_model->setValues(m_content.values);
    m_tree->expandToDepth(0);
    m_banner->dismiss();
    updateButtons();
}

void SessionDetailWidget::markGone()
{
    if (m_id.isEmpty())
        return;
    m_gone = true;
    m_model->setReadOnly(true);
    m_banner->clearButtons();
    m_banner->showMessage(MessageBanner::Level::Warning,
                          tr("This session no longer exists in Redis: it expired or was "
                             "deleted. Saving will not re-create it."));
    updateTtl();
    updateButtons();
}

void SessionDetailWidget::noteChangedInRedis()
{
    if (!m_loaded || m_gone || m_saving)
        return;
    if (!isModified()) {
        reload();
        return;
    }
    m_banner->clearButtons();
    m_banner->showMessage(MessageBanner::Level::Info,
                          tr("This session was changed in Redis since you opened it."));
    m_banner->addButton(tr("Discard my edits and reload"), [this]() { reload(); });
}

void SessionDetailWidget::updateButtons()
{
    const bool decoded = m_loaded && m_content.exists && !m_content.error.isError();
    const bool writable = m_admin && m_loaded && !m_gone && !m_readOnly;
    const bool modified = isModified();
    m_saveButton->setEnabled(writable && decoded && modified && !m_saving);
    m_revertButton->setEnabled(m_loaded && modified && !m_saving);
    m_expireButton->setEnabled(writable);
    m_persistButton->setEnabled(writable && m_content.ttlMs >= 0);
    m_deleteButton->setEnabled(writable);
    const bool editable = writable && decoded;
    const QModelIndex current = m_tree->currentIndex();
    m_addButton->setEnabled(editable);
    m_addInsideButton->setEnabled(
        editable && current.isValid()
        && ValueType::isContainer(ValueKind(current.data(ValueTreeModel::KindRole).toInt())));
    m_removeButton->setEnabled(editable && current.isValid());

    QString chip, color;
    if (m_gone) {
        chip = tr("Gone");
        color = QStringLiteral("#d32f2f");
    } else if (m_readOnly) {
        chip = tr("Read-only");
        color = QStringLiteral("#607d8b");
    } else if (modified) {
        chip = tr("Modified");
        color = QStringLiteral("#ef8f00");
    }
    m_stateChip->setText(chip);
    m_stateChip->setVisible(!chip.isEmpty());
    m_stateChip->setStyleSheet(QStringLiteral("color: white; background: %1; border-radius: 8px;"
                                              " padding: 1px 8px; font-weight: 600;")
                                   .arg(color));
}

void SessionDetailWidget::addEntry(bool inside)
{
    const QModelIndex current = m_tree->currentIndex().siblingAtColumn(0);
    const QModelIndex parent = inside ? current : current.parent();
    const QModelIndex added = m_model->addEntry(parent);
    if (!added.isValid())
        return;
    m_tree->expand(added.parent());
    m_tree->setCurrentIndex(added);
    m_tree->edit(added);
}

void SessionDetailWidget::removeEntry()
{
    m_model->removeEntry(m_tree->currentIndex());
    updateButtons();
}

} // namespace RediStore::Admin
