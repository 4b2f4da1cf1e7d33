#ifndef REDISTORE_ADMIN_SESSIONSCANNER_H
#define REDISTORE_ADMIN_SESSIONSCANNER_H

#include <libredistore/session/sessionadmin.h>
#include <libredistore/session/sessionlisting.h>

#include <QtCore/QObject>
#include <QtCore/QPointer>

namespace RediStore::Admin {

// Walks the sessions one SCAN page at a time, on request: one page in flight at most, and a
// failed page can simply be fetched again (the cursor stays where it was). Or, with fetchAll(),
// the whole walk at once with several pages in flight (SessionListing); fetch() then resumes it
// after a failure. On a cluster whose masters changed meanwhile the walk begins again by
// itself: restarted() comes before that page.
class SessionScanner : public QObject
{
    Q_OBJECT

public:
    explicit SessionScanner(QObject *parent = nullptr);

    void setAdmin(SessionAdmin *admin); // also restarts
    // The next fetch starts over from the first page; a page in flight is ignored.
    void restart();
    void fetch(int countHint);
    // Before the first fetch(): every page, firstCount keys for the first SCAN of each master
    // and countHint for the others.
    void fetchAll(int firstCount, int countHint);

    bool hasStarted() const { return m_started; }
    bool isBusy() const { return m_busy; }
    bool isFinished() const { return m_finished; }
    bool canFetch() const { return m_admin && !m_busy && !m_finished; }
    qint64 pagesDone() const { return m_pages; }

Q_SIGNALS:
    // The pages before this one may hold sessions that are gone, and the next ones may repeat
    // sessions already given (SessionPage::restarted).
    void restarted();
    void pageReady(const QList<RediStore::SessionInfo> &sessions);
    void finished();
    void failed(const RediStore::SessionError &error);

private:
    void onPage(quint64 token, const SessionPage &page);

    QPointer<SessionAdmin> m_admin;
    SessionListing *m_listing = nullptr; // while fetchAll() walks
    QByteArray m_cursor = QByteArrayLiteral("0");
    quint64 m_token = 0;
    qint64 m_pages = 0;
    bool m_started = false;
    bool m_busy = false;
    bool m_finished = false;
};

} // namespace RediStore::Admin

#endif // REDISTORE_ADMIN_SESSIONSCANNER_H
