#include "connection/secretstore.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QPointer>

#include <qt6keychain/keychain.h>

namespace RediStore::Admin {

SecretStore::SecretStore(QObject *parent)
    : SecretStore(QStringLiteral("redistore-admin"), parent)
{ }

SecretStore::SecretStore(const QString &service, QObject *parent)
    : QObject(parent)
    , m_service(service)
{ }

SecretStore::~SecretStore() = default;

void SecretStore::read(const QString &key, QObject *context, Callback done)
{
    start(Kind::Read, key, QString(), context, std::move(done));
}

void SecretStore::write(const QString &key, const QString &secret, QObject *context, Callback done)
{
    start(Kind::Write, key, secret, context, std::move(done));
}

void SecretStore::remove(const QString &key, QObject *context, Callback done)
{
    start(Kind::Remove, key, QString(), context, std::move(done));
}

void SecretStore::checkAvailability()
{
    if (m_availability == Availability::Available) {
        QMetaObject::invokeMethod(this, &SecretStore::availabilityKnown, Qt::QueuedConnection);
        return;
    }
    if (m_checking)
        return;
    m_checking = true;
    read(QStringLiteral("availability-check"), this, [this](const Reply &reply) {
        m_checking = false;
        const bool answered = reply.outcome == Outcome::Ok || reply.outcome == Outcome::NotFound;
        // Nothing has worked yet: without an answer now, "Remember" cannot be offered.
        if (!answered && m_availability != Availability::Available) {
            m_availability = Availability::Unavailable;
            if (reply.outcome == Outcome::Failed)
                m_unavailableReason = reply.errorString.isEmpty()
                    ? tr("the keychain did not answer")
                    : reply.errorString;
        }
        Q_EMIT availabilityKnown();
    });
}

static SecretStore::Outcome outcomeOf(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::NoError:
        return SecretStore::Outcome::Ok;
    case QKeychain::EntryNotFound:
        return SecretStore::Outcome::NotFound;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return SecretStore::Outcome::Unavailable;
    case QKeychain::OtherError:
        // What libsecret gives without a session bus, but also for a D-Bus timeout or a keyring
        // daemon not started yet: a failure of this job, not a verdict on the keychain.
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        break;
    }
    return SecretStore::Outcome::Failed;
}

void SecretStore::noteAvailability(Outcome outcome, const QString &errorString)
{
    Availability now = m_availability;
    if (outcome == Outcome::Unavailable) {
        now = Availability::Unavailable;
        m_unavailableReason = errorString.isEmpty() ? tr("no keychain is running") : errorString;
    } else if (outcome == Outcome::Ok || outcome == Outcome::NotFound) {
        now = Availability::Available;
    }
    if (now == m_availability)
        return;
    m_availability = now;
    QMetaObject::invokeMethod(this, &SecretStore::availabilityKnown, Qt::QueuedConnection);
}

void SecretStore::start(Kind kind, const QString &key, const QString &secret, QObject *context,
                        Callback done)
{
    ++m_pending;
    QPointer<QObject> target(context);
    auto answer = [this, kind, target, done = std::move(done)](QKeychain::Error error,
                                                               const QString &errorString,
                                                               const QString &readSecret) {
        --m_pending;
        Reply reply;
        reply.outcome = outcomeOf(error);
        if (reply.outcome != Outcome::Ok)
            reply.errorString = errorString;
        if (kind == Kind::Read && reply.outcome == Outcome::Ok)
            reply.secret = readSecret;
        if (kind == Kind::Remove && reply.outcome == Outcome::NotFound)
            reply.outcome = Outcome::Ok;
        noteAvailability(reply.outcome, reply.errorString);
        if (!target)
            return;
        QMetaObject::invokeMethod(
            target.data(), [done, reply]() { done(reply); }, Qt::QueuedConnection);
    };
    if (m_failNextJobs > 0) {
        --m_failNextJobs;
        QMetaObject::invokeMethod(
            this,
            [answer]() {
                answer(QKeychain::OtherError, QStringLiteral("simulated failure"), QString());
            },
            Qt::QueuedConnection);
        return;
    }
    // Jobs have no parent: a job that outlives this store still ends (and deletes itself)
    // before the backend calls back into it.
    QKeychain::Job *job = nullptr;
    switch (kind) {
    case Kind::Read:
        job = new QKeychain::ReadPasswordJob(m_service);
        break;
    case Kind::Write: {
        auto *write = new QKeychain::WritePasswordJob(m_service);
        write->setTextData(secret);
        job = write;
        break;
    }
    case Kind::Remove:
        job = new QKeychain::DeletePasswordJob(m_service);
        break;
    }
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this,
            [kind, answer = std::move(answer)](QKeychain::Job *finished) {
                const QString readSecret = kind == Kind::Read
                    ? static_cast<QKeychain::ReadPasswordJob *>(finished)->textData()
                    : QString();
                answer(finished->error(), finished->errorString(), readSecret);
            });
    job->start();
}

} // namespace RediStore::Admin
