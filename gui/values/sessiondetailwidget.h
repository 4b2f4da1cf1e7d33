#ifndef REDISTORE_ADMIN_SESSIONDETAILWIDGET_H
#define REDISTORE_ADMIN_SESSIONDETAILWIDGET_H

#include <libredistore/session/sessionadmin.h>

#include <QtCore/QElapsedTimer>
#include <QtCore/QPointer>
#include <QtWidgets/QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QToolButton;
class QTreeView;
QT_END_NAMESPACE

namespace RediStore::Admin {

class MessageBanner;
class ValueTreeModel;

// One session in detail: its values as an editable typed tree, its raw bytes (hex and text)
// with the decode error when they do not decode, its TTL counting down, and Save (which writes
// back with the serializer that read it, keeping the TTL, and never re-creates a session that
// is gone).
class SessionDetailWidget : public QWidget
{
    Q_OBJECT

public:
    explicit SessionDetailWidget(QWidget *parent = nullptr);
    ~SessionDetailWidget() override;

    void setAdmin(SessionAdmin *admin, const QString &endpoint);
    void setReadOnly(bool readOnly);

    // Loads and shows a session (a pending load for another one is dropped).
    void showSession(const QString &id);
    void clear();
    void reload();
    void save();
    void revert();
    // The session was deleted or expired in Redis: say so, and refuse to save.
    void markGone();
    // The session changed in Redis: reload, or (with unsaved edits) offer to.
    void noteChangedInRedis();
    // Updates the TTL shown; called by the TtlTicker once a second.
    void updateTtl();

    QString sessionId() const { return m_id; }
    bool isLoaded() const { return m_loaded; }
    bool isModified() const;
    bool isGone() const { return m_gone; }
    SessionContent content() const { return m_content; }
    ValueTreeModel *valueModel() const { return m_model; }
    QTreeView *valueView() const { return m_tree; }
    QString bannerText() const;

Q_SIGNALS:
    void loaded(const QString &id);
    void saved(const QString &id);
    void saveFailed(const QString &id, const QString &message);
    void modifiedChanged(bool modified);
    void expireRequested(const QString &id);
    void persistRequested(const QString &id);
    void deleteRequested(const QString &id);

private:
    void buildUi();
    void showContent(const SessionContent &content);
    void updateButtons();
    void addEntry(bool inside);
    void removeEntry();

    QPointer<SessionAdmin> m_admin;
    QString m_endpoint;
    bool m_readOnly = false;
    QString m_id;
    SessionContent m_content;
    bool m_loaded = false;
    bool m_gone = false;
    bool m_saving = false;
    quint64 m_token = 0;
    QElapsedTimer m_ttlClock;

    QLabel *m_title;
    QLabel *m_idLabel;
    QLabel *m_facts;
    QLabel *m_ttlLabel;
    QLabel *m_stateChip;
    MessageBanner *m_banner;
    QTabWidget *m_tabs;
    ValueTreeModel *m_model;
    QTreeView *m_tree;
    QToolButton *m_addButton;
    QToolButton *m_addInsideButton;
    QToolButton *m_removeButton;
    QLabel *m_rawError;
    QPlainTextEdit *m_hex;
    QPlainTextEdit *m_text;
    QPushButton *m_saveButton;
    QPushButton *m_revertButton;
    QPushButton *m_expireButton;
    QPushButton *m_persistButton;
    QPushButton *m_deleteButton;
    QWidget *m_placeholder;
    QWidget *m_body;
};

} // namespace RediStore::Admin

#endif // REDISTORE_ADMIN_SESSIONDETAILWIDGET_H
