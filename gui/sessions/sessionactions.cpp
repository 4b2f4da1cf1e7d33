#include "sessions/sessionactions.h"

#include "common/displayformat.h"
#include "common/errormessages.h"
#include "sessions/expiredialog.h"

#include <libredistore/async.h>

#include <QtCore/QSet>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QPushButton>

namespace RediStore::Admin {

namespace {
constexpr int chunkSize = 500; // sessions per call
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
    SessionAdmin *admin = m_admin;
    runChunks(
        ids, [admin, seconds](const QStringList &chunk) { return admin->expire(chunk, seconds); },
        [seconds](const Outcome &outcome) {
            return tr("%Ln session(s) now expire in %1.", nullptr, int(outcome.done.size()))
                .arg(DisplayFormat::duration(seconds));
        });
}

void SessionActions::applyPersist(const QStringList &ids)
{
    if (ids.isEmpty() || refuseIfReadOnly())
        return;
    SessionAdmin *admin = m_admin;
    runChunks(
        ids, [admin](const QStringList &chunk) { return admin->persist(chunk); },
        [](const Outcome &outcome) {
            return tr("%Ln session(s) no longer expire.", nullptr, int(outcome.done.size()));
        });
}

void SessionActions::runChunks(const QStringList &ids, const Step &step,
                               std::function<QString(const Outcome &)> summary)
{
    struct Batch
    {
        int chunksLeft = 0;
        Outcome outcome;
        std::function<QString(const Outcome &)> summary;
    };
    ++m_running;
    auto batch = std::make_shared<Batch>();
    batch->summary = std::move(summary);
    batch->chunksLeft = int((ids.size() + chunkSize - 1) / chunkSize);
    for (qsizetype i = 0; i < ids.size(); i += chunkSize) {
        const QStringList chunk = ids.mid(i, chunkSize);
        whenFinished(step(chunk), this, [this, batch, chunk](const SessionChange &change) {
            const QSet<QString> missing(change.missing.cbegin(), change.missing.cend());
            Outcome &outcome = batch->outcome;
            for (const QString &id : chunk) {
                if (missing.contains(id))
                    outcome.gone << id;
                else if (change.ok())
                    outcome.done << id;
                else
                    outcome.failed << id;
            }
            if (!change.ok() && outcome.firstError.isEmpty())
                outcome.firstError = ErrorMessages::forSession(change.error, m_endpoint);
            if (--batch->chunksLeft > 0)
                return;
            --m_running;
            QString text = batch->summary(outcome);
            if (!outcome.gone.isEmpty())
                text += QLatin1Char(' ')
                    + tr("%Ln no longer existed.", nullptr, int(outcome.gone.size()));
            if (!outcome.failed.isEmpty())
                text += QLatin1Char(' ')
                    + tr("%Ln could not be changed: %1", nullptr, int(outcome.failed.size()))
                          .arg(outcome.firstError);
            if (!outcome.done.isEmpty())
                Q_EMIT sessionsChanged(outcome.done);
            if (!outcome.gone.isEmpty())
                Q_EMIT sessionsRemoved(outcome.gone);
            Q_EMIT finished(text, outcome.failed.isEmpty());
        });
    }
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
    batch->chunksLeft = int((ids.size() + chunkSize - 1) / chunkSize);
    for (qsizetype i = 0; i < ids.size(); i += chunkSize) {
        whenFinished(
            m_admin->remove(ids.mid(i, chunkSize)), this,
            [this, batch, ids](const SessionDeletion &deletion) {
                batch->deleted += deletion.deleted;
                if (!deletion.ok() && batch->firstError.isEmpty())
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
