#ifndef REDISTORE_ADMIN_VALUESEARCH_H
#define REDISTORE_ADMIN_VALUESEARCH_H

#include "sessions/sessionrows.h"

#include <libredistore/session/sessionadmin.h>

#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QSet>
#include <QtCore/QTimer>

namespace RediStore::Admin {

// Searches the sessions' values for a text: loads batches of sessions' stored bytes, many
// batches in flight, decodes and matches them on worker threads (the GUI thread only sends and
// records), and records in each row whether it matches (SessionRow::match). Nothing of the
// values is kept. The model reports row changes so that changed sessions are checked again.
class ValueSearch : public QObject
{
    Q_OBJECT

public:
    ValueSearch(SessionRows *rows, QObject *parent = nullptr);

    void setAdmin(SessionAdmin *admin); // stops a running search
    // Starts searching for text (empty: stops); every verdict is reset.
    void setText(const QString &text);
    QString text() const { return m_text; }
    bool isActive() const { return !m_text.isEmpty(); }
    // Sessions are still being checked, or verdicts are not yet published.
    bool isRunning() const
    {
        return isActive() && (m_unknown > 0 || m_inFlight > 0 || !m_changed.isEmpty());
    }
    qint64 checkedCount() const { return m_checked; }

    // Bookkeeping the model reports.
    void rowAdded(SessionRow &row);
    void rowChanged(int slot); // the value changed: check it again
    void rowRemoved(int slot);
    void clear(); // every row is gone

    // True if the decoded values (or, when they do not decode, the raw bytes) contain text,
    // ignoring case.
    static bool matches(const SessionContent &content, const QString &text);
    // The same for stored bytes, decoded with serializer (null: whichever decodes them).
    // Thread-safe.
    static bool matchesRaw(const QByteArray &raw,
                           const std::shared_ptr<const SessionSerializer> &serializer,
                           const QString &text);

Q_SIGNALS:
    // Rows (by slot) whose verdict changed; batched.
    void verdictsChanged(const QList<int> &slots);
    void stateChanged();

private:
    void pump();
    void checkBatch(quint64 token, const QList<QByteArray> &ids, const SessionContentList &loaded);
    void record(const QByteArray &id, bool match);
    void flush();
    void setMatch(SessionRow &row, ValueMatch match);
    QList<QByteArray> nextIds(int max);

    SessionRows *m_rows;
    QPointer<SessionAdmin> m_admin;
    QString m_text;
    qint64 m_checked = 0;
    qint64 m_unknown = 0;
    int m_cursor = 0;
    int m_inFlight = 0;
    quint64 m_token = 0;
    QSet<int> m_changed;
    QTimer m_pumpTimer;
    QTimer m_flushTimer;
};

} // namespace RediStore::Admin

#endif // REDISTORE_ADMIN_VALUESEARCH_H
