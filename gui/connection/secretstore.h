#ifndef REDISTORE_ADMIN_SECRETSTORE_H
#define REDISTORE_ADMIN_SECRETSTORE_H

#include <QtCore/QObject>
#include <QtCore/QString>

#include <functional>

class tst_ProfileStore;

namespace RediStore::Admin {

// Passwords and cookie keys in the system keychain (Secret Service or KWallet, through
// QtKeychain), never in a file. Every call is asynchronous and always answers: done runs on
// context, queued, unless context died first. Nothing here ever falls back to a plain-text store.
class SecretStore : public QObject
{
    Q_OBJECT

public:
    enum class Outcome {
        Ok, // read: found; write and remove: done (removing what is not there is done too)
        NotFound, // read only
        Unavailable, // no keychain backend at all (QtKeychain has none for this platform)
        Failed, // this job failed: locked, access denied, D-Bus error or timeout, ...
    };
    struct Reply
    {
        Outcome outcome = Outcome::Failed;
        QString secret; // read, when Ok
        QString errorString;
    };
    using Callback = std::function<void(const Reply &)>;

    enum class Availability { Unknown, Available, Unavailable };

    explicit SecretStore(QObject *parent = nullptr); // service "redistore-admin"
    explicit SecretStore(const QString &service, QObject *parent = nullptr);
    ~SecretStore() override;

    QString service() const { return m_service; }

    void read(const QString &key, QObject *context, Callback done);
    void write(const QString &key, const QString &secret, QObject *context, Callback done);
    void remove(const QString &key, QObject *context, Callback done);

    // Available once the keychain answered a job; Unavailable when it has no backend, or when
    // checkAvailability() (a read of an entry that does not exist) failed before any job
    // succeeded. It is no verdict for good: a later success makes it Available again, and
    // checkAvailability() asks again while it is not Available. availabilityKnown() follows a
    // check and any change.
    Availability availability() const { return m_availability; }
    QString unavailableReason() const { return m_unavailableReason; }
    void checkAvailability();
    int pendingJobs() const { return m_pending; }

Q_SIGNALS:
    void availabilityKnown();

private:
    friend class ::tst_ProfileStore;
    enum class Kind { Read, Write, Remove };
    void start(Kind kind, const QString &key, const QString &secret, QObject *context,
               Callback done);
    void noteAvailability(Outcome outcome, const QString &errorString);

    int m_failNextJobs = 0; // tests: that many next jobs end in a Failed (QtKeychain's OtherError)
    QString m_service;
    Availability m_availability = Availability::Unknown;
    QString m_unavailableReason;
    bool m_checking = false;
    int m_pending = 0;
};

} // namespace RediStore::Admin

#endif // REDISTORE_ADMIN_SECRETSTORE_H
