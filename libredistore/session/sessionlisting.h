#ifndef REDISTORE_SESSIONLISTING_H
#define REDISTORE_SESSIONLISTING_H

#include <libredistore/redistore_export.h>
#include <libredistore/session/sessionadmin.h>

#include <QtCore/QObject>

#include <memory>

namespace RediStore {

class SessionListingPrivate;

// Walks every session of an admin's Redis with its TTL, size and first bytes, as fast as the
// servers allow: the next SCAN goes out as soon as the previous one's cursor arrives, while the
// keys each page gave are described by one bounded server-side call on the node that gave them
// (several pages in flight); on a cluster every master is walked at once. Never a SCAN loop on
// the server: that would block Redis for everyone.
//
// Pages arrive by pageReady() in no fixed order, then finished() once. On a cluster whose
// masters change meanwhile the walk begins again by itself: restarted() comes first, and the
// pages after it may repeat sessions already given. A failed SCAN or page ends the walk with
// failed(); resume() goes on where it stopped, the failed pages included. A walk whose admin is
// deleted fails.
class REDISTORE_EXPORT SessionListing : public QObject
{
    Q_OBJECT

public:
    explicit SessionListing(SessionAdmin *admin, QObject *parent = nullptr);
    ~SessionListing() override;

    // SCAN's COUNT for every page (default 1000), and for the first page of each master
    // (default the same; small makes the first rows arrive sooner).
    void setPageSize(int keys);
    void setFirstPageSize(int keys);
    // Pages being described at once, per master (default 4).
    void setPagesInFlight(int pages);

    // Begins the walk from the start; a walk under way is dropped.
    void start();
    // Drops the walk under way: nothing more is emitted for it.
    void stop();
    // After failed(): goes on where the walk stopped.
    void resume();

    bool isRunning() const; // started, not finished, not failed, not stopped
    bool isFinished() const;
    bool hasFailed() const;
    qint64 pagesDone() const;

Q_SIGNALS:
    void restarted();
    void pageReady(const RediStore::SessionPage &page);
    void finished();
    void failed(const RediStore::SessionError &error);

private:
    std::unique_ptr<SessionListingPrivate> d;
    friend class SessionListingPrivate;
};

} // namespace RediStore

#endif // REDISTORE_SESSIONLISTING_H
