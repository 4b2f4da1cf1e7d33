#ifndef REDISTORE_SESSIONIMPORTER_H
#define REDISTORE_SESSIONIMPORTER_H

#include <libredistore/redistore_export.h>
#include <libredistore/session/sessiontransfererror.h>

#include <QtCore/QFuture>
#include <QtCore/QList>
#include <QtCore/QObject>

#include <memory>

class QIODevice;

namespace RediStore {

class SessionAdmin;
class SessionImporterPrivate;

struct SessionImportResult
{
    static constexpr int maxFailures = 100; // failures kept; failed counts them all

    qint64 imported = 0; // sessions written
    qint64 existing = 0; // left alone: a session with that ID was there (no overwrite)
    qint64 expired = 0; // not written: the file says their time to live had run out
    qint64 failed = 0; // sessions of the file that could not be written
    QList<SessionTransferError> failures; // the first maxFailures, with line and ID
    SessionTransferError error; // what stopped the import (a bad file, Redis, read-only)
    // Every session of the file imported (or left alone as asked).
    bool ok() const { return !error.isError() && failed == 0; }
};

// Reads a file SessionExporter wrote and stores its sessions under the admin's key prefix,
// each with the serializer and the time to live the file gives it:
//
//  - "raw" (the stored bytes) is written as it is, byte for byte, unless "values" was edited:
//    when "values" does not decode-equal what "raw" decodes to, the values are encoded with
//    the session's serializer instead. A session with "values" and no "raw" is encoded too
//    (with its "serializer", else the admin's, else DataStream); one that did not decode at
//    export ("error") is written from "raw".
//  - ttlMs is the time to live from the moment of the import (as it was at the export);
//    -1 keeps the session without expiry. A session whose ttlMs is 0 (or -2) had run out:
//    it is not written, and counted as expired.
//  - An existing session is never replaced unless setOverwrite(true): SET ... NX, so even a
//    session created meanwhile is left alone, and counted as existing. With overwrite, both
//    its value and its time to live are replaced.
//
// A session the file describes badly (no ID, bad base64, an unknown serializer, values the
// serializer cannot write) fails alone, named by line and ID, and the import goes on. A file
// that is not such a file, a line that is not JSON, a file cut short or a Redis that fails
// stops the import; what was written stays. In read-only mode nothing is written (ReadOnly).
//
// The file is read a line at a time (a session a line, as the exporter writes it), in batches
// of a few hundred pipelined SETs (on a cluster, each to its key's master), so memory stays
// small for a million sessions. A file another tool laid out differently (jq's pretty
// printing) is read whole instead, up to 512 MB. Nothing blocks except reading the device.
class REDISTORE_EXPORT SessionImporter : public QObject
{
    Q_OBJECT

public:
    // admin must outlive the import.
    explicit SessionImporter(SessionAdmin *admin, QObject *parent = nullptr);
    // An import still running finishes with Cancelled.
    ~SessionImporter() override;

    void setOverwrite(bool overwrite);
    bool overwrite() const;

    // Reads device, open for reading, which outlives the import. Once per importer.
    QFuture<SessionImportResult> start(QIODevice *device);
    // Stops after the batch in flight (Cancelled); what was written stays.
    void cancel();

Q_SIGNALS:
    // After each batch.
    void progress(qint64 imported, qint64 existing, qint64 failed);

private:
    std::unique_ptr<SessionImporterPrivate> d;
};

} // namespace RediStore

#endif // REDISTORE_SESSIONIMPORTER_H
