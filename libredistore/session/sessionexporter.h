#ifndef REDISTORE_SESSIONEXPORTER_H
#define REDISTORE_SESSIONEXPORTER_H

#include <libredistore/redistore_export.h>
#include <libredistore/session/sessionadmin.h>
#include <libredistore/session/sessiontransfererror.h>

#include <QtCore/QFuture>
#include <QtCore/QObject>
#include <QtCore/QStringList>

#include <memory>

class QIODevice;

namespace RediStore {

class SessionExporterPrivate;

struct SessionExportResult
{
    qint64 exported = 0; // sessions written to the file
    qint64 undecodable = 0; // of those, written with "raw" and "error" only
    qint64 gone = 0; // listed or asked for, but gone (expired, deleted) before they were read
    // Keys under the prefix that hold no string (a hash, a list...): not sessions, not written.
    qint64 notSessions = 0;
    QList<SessionSkippedKey> skipped; // the first maxSkipped of them
    static constexpr int maxSkipped = 100;
    SessionTransferError error;
    bool ok() const { return !error.isError(); }
};

// Writes stored sessions to a file that any JSON tool reads, and SessionImporter reads back:
//
//   {"format":"redistore-sessions","version":1,"keyPrefix":"session_","exportedAt":"...","sessions":[
//   {"id":"abc","ttlMs":3599000,"serializer":"gob","values":{"user":{"type":"string","value":"alice"}},"raw":"Dv+..."},
//   {"id":"bad","ttlMs":-1,"raw":"AAEC","error":"session bad decodes with no serializer: ..."}
//   ],"count":2}
//
// One session a line: the ID (without the key prefix), its time to live in milliseconds when it
// was read (-1: no expiry), the serializer that decoded it, its values as typed JSON
// (SessionValueJson) and the stored bytes in base64, so that an import writes them back byte
// for byte. A session that does not decode carries "raw" and "error" only. Nothing else leaves
// Redis: no URL, no password, no cookie keys.
//
// All sessions (or those whose ID matches a glob) are read page by page with SCAN, on a
// cluster from every master; or just the IDs given. Each page is written as soon as it is read,
// so memory stays small; to drop a session a SCAN returns twice (SCAN may; a cluster's listing
// begins again after a failover) it keeps 8 bytes a session (about 30 MB for a million).
// Nothing blocks: start() returns a future that always finishes with exactly one result.
class REDISTORE_EXPORT SessionExporter : public QObject
{
    Q_OBJECT

public:
    // admin must outlive the export (its key prefix and serializer are used).
    explicit SessionExporter(SessionAdmin *admin, QObject *parent = nullptr);
    // An export still running finishes with Cancelled.
    ~SessionExporter() override;

    // A glob over the IDs (*, ?, [abc]), as SessionAdmin::scan() takes it; default "*".
    void setIdPattern(const QString &pattern);
    // Exactly these sessions instead of a SCAN (a selection); those gone are counted as gone.
    void setIds(const QStringList &ids);

    // Writes to device, which is open for writing and outlives the export (the exporter does
    // not close it). Once per exporter.
    QFuture<SessionExportResult> start(QIODevice *device);
    // Stops after the page in flight: the result's error is Cancelled, and the file is cut.
    void cancel();

Q_SIGNALS:
    // After each page: the sessions written so far, and how many there are in all (-1 when a
    // SCAN lists them, which does not know).
    void progress(qint64 exported, qint64 total);

private:
    std::unique_ptr<SessionExporterPrivate> d;
};

} // namespace RediStore

#endif // REDISTORE_SESSIONEXPORTER_H
