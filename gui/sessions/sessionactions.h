#ifndef REDISTORE_ADMIN_SESSIONACTIONS_H
#define REDISTORE_ADMIN_SESSIONACTIONS_H

#include <libredistore/session/sessionadmin.h>

#include <QtCore/QObject>
#include <QtCore/QPointer>

#include <functional>

QT_BEGIN_NAMESPACE
class QWidget;
QT_END_NAMESPACE

namespace RediStore::Admin {

// Expire, persist and delete, for one session or many: asks first (saying how many), then
// asks SessionAdmin (a bounded number of sessions per call) and reports what happened in one
// sentence.
// In read-only mode nothing is sent at all.
class SessionActions : public QObject
{
    Q_OBJECT

public:
    struct Question
    {
        QString title;
        QString text;
        QString acceptText;
    };
    // Shows question and calls answer(true) if the user agrees. The default opens a message box.
    using Asker = std::function<void(const Question &question, std::function<void(bool)> answer)>;
    // Asks for a time to live for count sessions and calls accept(seconds) if the user chooses
    // one. The default opens an ExpireDialog.
    using ExpireAsker
        = std::function<void(int count, qint64 currentTtlMs, std::function<void(qint64)> accept)>;

    explicit SessionActions(QWidget *window, QObject *parent = nullptr);

    void setAdmin(SessionAdmin *admin, const QString &endpoint, bool readOnly);
    void setAsker(Asker asker) { m_asker = std::move(asker); }
    void setExpireAsker(ExpireAsker asker) { m_expireAsker = std::move(asker); }
    bool isReadOnly() const { return m_readOnly; }

    // Ask, then act.
    void expire(const QStringList &ids, qint64 currentTtlMs = -1);
    void persist(const QStringList &ids);
    void remove(const QStringList &ids);

    // Act without asking.
    void applyExpire(const QStringList &ids, qint64 seconds);
    void applyPersist(const QStringList &ids);
    void applyRemove(const QStringList &ids);

    bool isBusy() const { return m_running > 0; }

Q_SIGNALS:
    void finished(const QString &summary, bool ok);
    // Sessions whose TTL changed, and sessions that are gone (deleted, or found missing).
    void sessionsChanged(const QStringList &ids);
    void sessionsRemoved(const QStringList &ids);

private:
    struct Outcome;
    using Step = std::function<QFuture<SessionChange>(const QStringList &ids)>;
    void runChunks(const QStringList &ids, const Step &step,
                   std::function<QString(const Outcome &)> summary);
    bool refuseIfReadOnly();
    void ask(const Question &question, std::function<void()> onYes);

    QPointer<QWidget> m_window;
    QPointer<SessionAdmin> m_admin;
    QString m_endpoint;
    bool m_readOnly = true;
    int m_running = 0;
    Asker m_asker;
    ExpireAsker m_expireAsker;
};

} // namespace RediStore::Admin

#endif // REDISTORE_ADMIN_SESSIONACTIONS_H
