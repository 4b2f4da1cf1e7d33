#include "secretstore.h"

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
    if (m_availability != Availability::Unknown) {
        QMetaObject::invokeMethod(this, &SecretStore::availabilityKnown, Qt::QueuedConnection);
        return;
    }
    if (m_checking)
        return;
    m_checking = true;
    read(QStringLiteral("availability-check"), this, [this](const Reply &) {
        m_checking = false;
        if (m_availability == Availability::Unknown) {
            m_availability = Availability::Unavailable;
            m_unavailableReason = tr("the keychain did not answer");
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
    case QKeychain::OtherError:
        // OtherError is what libsecret gives without a session bus or Secret Service.
        return SecretStore::Outcome::Unavailable;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        break;
    }
    return SecretStore::Outcome::Failed;
}

void SecretStore::noteAvailability(Outcome outcome, const QString &errorString)
{
    if (outcome == Outcome::Unavailable) {
        m_availability = Availability::Unavailable;
        m_unavailableReason = errorString.isEmpty() ? tr("no keychain is running") : errorString;
    } else if (m_availability == Availability::Unknown) {
        m_availability = Availability::Available;
    }
}

void SecretStore::start(Kind kind, const QString &key, const QString &secret, QObject *context,
                        Callback done)
{
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
    ++m_pending;
    QPointer<QObject> target(context);
    connect(job, &QKeychain::Job::finished, this,
            [this, kind, target, done = std::move(done)](QKeychain::Job *finished) {
                --m_pending;
                Reply reply;
                reply.outcome = outcomeOf(finished->error());
                if (reply.outcome != Outcome::Ok)
                    reply.errorString = finished->errorString();
                if (kind == Kind::Read && reply.outcome == Outcome::Ok)
                    reply.secret = static_cast<QKeychain::ReadPasswordJob *>(finished)->textData();
                if (kind == Kind::Remove && reply.outcome == Outcome::NotFound)
                    reply.outcome = Outcome::Ok;
                noteAvailability(reply.outcome, reply.errorString);
                if (!target)
                    return;
                QMetaObject::invokeMethod(
                    target.data(), [done, reply]() { done(reply); }, Qt::QueuedConnection);
            });
    job->start();
}

} // namespace RediStore::Admin
