#ifndef REDISTORE_ADMIN_SESSIONPROBER_H
#define REDISTORE_ADMIN_SESSIONPROBER_H

#include <libredistore/session/sessionadmin.h>

#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QSet>
#include <QtCore/QTimer>

namespace RediStore::Admin {

// Re-reads the TTL and size of single sessions (SessionAdmin::probe), for keyspace events and
// for rows a rescan did not see again. Requests made close together go out as one batch.
class SessionProber : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 NoAnswer = -3; // ttlMs when Redis did not answer

    explicit SessionProber(QObject *parent = nullptr);

    void setAdmin(SessionAdmin *admin); // drops what is pending
    void probe(const QByteArray &id);
    void forget(const QByteArray &id);
    bool isIdle() const { return m_pending.isEmpty() && m_inFlight == 0; }

Q_SIGNALS:
    // ttlMs is -2 for sessions that are gone, NoAnswer when there was no answer.
    void probed(const QList<RediStore::SessionInfo> &sessions);

private:
    void flush();

    QPointer<SessionAdmin> m_admin;
    QSet<QByteArray> m_pending;
    QTimer m_timer;
    int m_inFlight = 0;
    quint64 m_token = 0;
};

} // namespace RediStore::Admin

#endif // REDISTORE_ADMIN_SESSIONPROBER_H
