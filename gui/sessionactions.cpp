#include "sessionactions.h"

#include "displayformat.h"
#include "errormessages.h"
#include "expiredialog.h"

#include <QtWidgets/QMessageBox>
#include <QtWidgets/QPushButton>

namespace RediStore::Admin {

namespace {
constexpr int maxInFlight = 256;
constexpr int deleteChunk = 500;
} // namespace

struct SessionActions::Outcome
{
    QStringList done;
    QStringList gone;
    QStringList failed;
    QString firstError;
};

SessionActions::SessionActions(QWidget *window, QObject *parent)
    : QObject(parent)
    , m_window(window)
{
    m_asker = [this](const Question &question, std::function<void(bool)> answer) {
        auto *box = new QMessageBox(QMessageBox::Warning, question.title, question.text,
                                    QMessageBox::Cancel, m_window);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setWindowModality(Qt::WindowModal);
        QPushButton *yes = box->addButton(question.acceptText, QMessageBox::AcceptRole);
        box->button(QMessageBox::Cancel)->setText(tr("Cancel"));
        box->setDefaultButton(QMessageBox::Cancel);
        connect(box, &QMessageBox::finished, this,
                [box, yes, answer]() { answer(box->clickedButton() == yes); });
        box->open();
    };
    m_expireAsker = [this](int count, qint64 ttl, std::function<void(qint64)> accept) {
        auto *dialog = new ExpireDialog(count, ttl, m_window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setWindowModality(Qt::WindowModal);
        connect(dialog, &QDialog::accepted, this,
                [dialog, accept]() { accept(dialog->seconds()); });
        dialog->open();
    };
}

void SessionActions::setAdmin(SessionAdmin *admin, const QString &endpoint, bool readOnly)
{
    m_admin = admin;
    m_endpoint = endpoint;
    m_readOnly = readOnly;
    m_running = 0;
}

bool SessionActions::refuseIfReadOnly()
{
    if (!m_readOnly && m_admin)
        return false;
    Q_EMIT finished(m_admin ? tr("Read-only mode: nothing was written to Redis.")
                            : tr("Not connected."),
                    false);
    return true;
}

void SessionActions::ask(const Question &question, std::function<void()> onYes)
{
    m_asker(question, [onYes = std::move(onYes)](bool yes) {
        if (yes)
            onYes();
    });
}

void SessionActions::expire(const QStringList &ids, qint64 currentTtlMs)
{
    if (ids.isEmpty() || refuseIfReadOnly())
        return;
    m_expireAsker(int(ids.size()), ids.size() == 1 ? currentTtlMs : -1,
                  [this, ids](qint64 seconds) { applyExpire(ids, seconds); });
}

void SessionActions::persist(const QStringList &ids)
{
    if (ids.isEmpty() || refuseIfReadOnly())
        return;
    if (ids.size() == 1) {
        applyPersist(ids);
        return;
    }
    const int n = int(ids.size());
    ask({ tr("Remove expiry"),
          tr("Remove the expiry of %Ln session(s)? They will be kept until someone deletes them.",
             nullptr, n),
          tr("Persist %Ln session(s)", nullptr, n) },
        [this, ids]() { applyPersist(ids); });
}

void SessionActions::remove(const QStringList &ids)
{
    if (ids.isEmpty() || refuseIfReadOnly())
        return;
    const int n = int(ids.size());
    const QString text = n == 1
        ? tr("Delete session %1 now? Its user is logged out at once.").arg(ids.first())
        : tr("Delete %Ln session(s) now? Their users are logged out at once. This cannot be "
             "undone.",
             nullptr, n);
    ask({ tr("Delete sessions"), text, tr("Delete %Ln session(s)", nullptr, n) },
        [this, ids]() { applyRemove(ids); });
}

void SessionActions::applyExpire(const QStringList &ids, qint64 seconds)
{
    if (ids.isEmpty() || refuseIfReadOnly())
        return;
    QPointer<SessionAdmin> admin = m_admin;
    runEach(
        ids, [admin, seconds](const QString &id) { return admin->expire(id, seconds); },
        [seconds](const Outcome &outcome) {
            return tr("%Ln session(s) now expire in %1.", nullptr, int(outcome.done.size()))
                .arg(DisplayFormat::duration(seconds));
        });
}

void SessionActions::applyPersist(const QStringList &ids)
{
    if (ids.isEmpty() || refuseIfReadOnly())
        return;
    QPointer<SessionAdmin> admin = m_admin;
    runEach(
        ids, [admin](const QString &id) { return admin->persist(id); },
        [](const Outcome &outcome) {
            return tr("%Ln session(s) no longer expire.", nullptr, int(outcome.done.size()));
        });
}

void SessionActions::runEach(const QStringList &ids, Step step,
                             std::function<QString(const Outcome &)> summary)
{
    struct Batch
    {
        QStringList ids;
        qsizetype next = 0;
        int inFlight = 0;
        Outcome outcome;
        Step step;
        std::function<QString(const Outcome &)> summary;
        std::function<void(std::shared_ptr<Batch>)> pump;
    };
    ++m_running;
    auto batch = std::make_shared<Batch>();
    batch->ids = ids;
    batch->step = std::move(step);
    batch->summary = std::move(summary);
    // The pump takes the batch as an argument, so nothing holds a cycle of shared pointers.
    batch->pump = [this](std::shared_ptr<Batch> b) {
        while (b->next < b->ids.size() && b->inFlight < maxInFlight && m_admin) {
            const QString id = b->ids.at(b->next++);
            ++b->inFlight;
            b->step(id).then(this, [this, b, id](const SessionError &error) {
                --b->inFlight;
                if (!error.isError()) {
                    b->outcome.done << id;
                } else if (error.code() == SessionError::Code::SessionGone) {
                    b->outcome.gone << id;
                } else {
                    b->outcome.failed << id;
                    if (b->outcome.firstError.isEmpty())
                        b->outcome.firstError = ErrorMessages::forSession(error, m_endpoint);
                }
                b->pump(b);
            });
        }
        if (b->inFlight > 0 || b->next < b->ids.size())
            return;
        --m_running;
        QString text = b->summary(b->outcome);
        if (!b->outcome.gone.isEmpty())
            text += QLatin1Char(' ')
                + tr("%Ln no longer existed.", nullptr, int(b->outcome.gone.size()));
        if (!b->outcome.failed.isEmpty())
            text += QLatin1Char(' ')
                + tr("%Ln could not be changed: %1", nullptr, int(b->outcome.failed.size()))
                      .arg(b->outcome.firstError);
        if (!b->outcome.done.isEmpty())
            Q_EMIT sessionsChanged(b->outcome.done);
        if (!b->outcome.gone.isEmpty())
            Q_EMIT sessionsRemoved(b->outcome.gone);
        Q_EMIT finished(text, b->outcome.failed.isEmpty());
    };
    batch->pump(batch);
}

void SessionActions::applyRemove(const QStringList &ids)
{
    if (ids.isEmpty() || refuseIfReadOnly())
        return;
    struct Batch
    {
        int chunksLeft = 0;
        qint64 deleted = 0;
        QString firstError;
    };
    auto batch = std::make_shared<Batch>();
    ++m_running;
    for (qsizetype i = 0; i < ids.size(); i += deleteChunk)
        ++batch->chunksLeft;
    for (qsizetype i = 0; i < ids.size(); i += deleteChunk) {
        m_admin->remove(ids.mid(i, deleteChunk))
            .then(this, [this, batch, ids](const SessionDeletion &deletion) {
                batch->deleted += deletion.deleted;
                if (deletion.error.isError() && batch->firstError.isEmpty())
                    batch->firstError = ErrorMessages::forSession(deletion.error, m_endpoint);
                if (--batch->chunksLeft > 0)
                    return;
                --m_running;
                QString text = tr("Deleted %Ln session(s).", nullptr, int(batch->deleted));
                if (batch->deleted < ids.size() && batch->firstError.isEmpty())
                    text += QLatin1Char(' ')
                        + tr("%Ln no longer existed.", nullptr, int(ids.size() - batch->deleted));
                if (!batch->firstError.isEmpty())
                    text += QLatin1Char(' ') + batch->firstError;
                if (batch->firstError.isEmpty())
                    Q_EMIT sessionsRemoved(ids);
                else
                    Q_EMIT sessionsChanged(ids); // re-read: which ones are gone?
                Q_EMIT finished(text, batch->firstError.isEmpty());
            });
    }
}

} // namespace RediStore::Admin
