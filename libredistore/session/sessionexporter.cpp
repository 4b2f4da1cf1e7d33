#include "sessionexporter.h"

#include "sessiontransfer_p.h"

#include <libredistore/async.h>
#include <libredistore/serializer/sessionserializer.h>
#include <libredistore/session/sessionadmin.h>
#include <libredistore/session/sessionvaluejson.h>

#include <QtCore/QDateTime>
#include <QtCore/QIODevice>
#include <QtCore/QPointer>
#include <QtCore/QPromise>
#include <QtCore/QSet>

namespace RediStore {

namespace {

constexpr int pageSize = 500;

} // namespace

class SessionExporterPrivate
{
public:
    void next();
    void load(const QStringList &ids, bool last);
    bool write(const QByteArray &bytes);
    void writeSession(const SessionContent &content);
    void close();
    void finish(const SessionTransferError &error = SessionTransferError());
    void failRedis(const SessionError &error)
    {
        finish(SessionTransferError::fromSession(SessionTransferError::Code::RedisFailed, error));
    }

    SessionExporter *q = nullptr;
    QPointer<SessionAdmin> admin;
    QString pattern = QStringLiteral("*");
    QStringList ids;
    bool useIds = false;
    QPointer<QIODevice> device;
    std::shared_ptr<QPromise<SessionExportResult>> promise;
    bool started = false;
    bool finished = false;
    bool cancelled = false;
    SessionExportResult result;
    QByteArray pending; // the last session line: its comma is written when another follows
    QSet<size_t> seen; // hashes of the IDs written: a session SCAN returns twice is written once
    QSet<size_t> skippedSeen; // hashes of the keys that are not sessions, warned of once
    qsizetype nextId = 0;
    QByteArray cursor = "0";
};

SessionExporter::SessionExporter(SessionAdmin *admin, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<SessionExporterPrivate>())
{
    d->q = this;
    d->admin = admin;
}

SessionExporter::~SessionExporter()
{
    if (d->promise && !d->finished)
        d->finish(SessionTransferError(SessionTransferError::Code::Cancelled,
                                       QStringLiteral("the export was cancelled")));
}

void SessionExporter::setIdPattern(const QString &pattern)
{
    d->pattern = pattern.isEmpty() ? QStringLiteral("*") : pattern;
}

void SessionExporter::setIds(const QStringList &ids)
{
    d->ids = ids;
    d->ids.removeDuplicates();
    d->useIds = true;
}

void SessionExporter::cancel()
{
    d->cancelled = true;
}

QFuture<SessionExportResult> SessionExporter::start(QIODevice *device)
{
    if (d->started)
        return SessionTransfer::refuseSecondStart<SessionExportResult>(this, "exporter");
    auto promise = std::make_shared<QPromise<SessionExportResult>>();
    promise->start();
    d->started = true;
    d->promise = promise;
    d->device = device;
    QMetaObject::invokeMethod(
        this,
        [this]() {
            if (!d->admin) {
                d->finish(SessionTransferError(SessionTransferError::Code::RedisFailed,
                                               QStringLiteral("no session admin")));
                return;
            }
            if (!d->device || !d->device->isWritable()) {
                d->finish(SessionTransferError(SessionTransferError::Code::FileUnwritable,
                                               QStringLiteral("the file is not open for writing")));
                return;
            }
            const QByteArray header
                = "{\"format\":" + SessionTransfer::jsonText(SessionTransfer::formatName())
                + ",\"version\":" + QByteArray::number(SessionTransfer::formatVersion)
                + ",\"keyPrefix\":" + SessionTransfer::jsonText(d->admin->keyPrefix())
                + ",\"exportedAt\":"
                + SessionTransfer::jsonText(
                      QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs))
                + ",\"sessions\":[\n";
            if (d->write(header))
                d->next();
        },
        Qt::QueuedConnection);
    return promise->future();
}

void SessionExporterPrivate::next()
{
    if (finished)
        return;
    if (cancelled) {
        finish(SessionTransferError(SessionTransferError::Code::Cancelled,
                                    QStringLiteral("the export was cancelled")));
        return;
    }
    if (!admin) {
        finish(SessionTransferError(SessionTransferError::Code::RedisFailed,
                                    QStringLiteral("the session admin was deleted")));
        return;
    }
    if (useIds) {
        if (nextId >= ids.size()) {
            close();
            return;
        }
        const QStringList chunk = ids.mid(nextId, pageSize);
        nextId += chunk.size();
        load(chunk, nextId >= ids.size());
        return;
    }
    whenFinished(admin->scan(cursor, pageSize, pattern), q, [this](const SessionPage &page) {
        if (!page.ok()) {
            failRedis(page.error);
            return;
        }
        cursor = page.nextCursor;
        for (const SessionSkippedKey &skipped : page.skipped) {
            if (skippedSeen.contains(qHash(skipped.key, 1)))
                continue; // listed again (SCAN may, and a cluster's walk after a failover)
            skippedSeen.insert(qHash(skipped.key, 1));
            ++result.notSessions;
            if (result.skipped.size() < SessionExportResult::maxSkipped)
                result.skipped.append(skipped);
        }
        QStringList found;
        for (const SessionInfo &info : page.sessions) {
            if (info.ttlMs == -2)
                ++result.gone;
            else if (!seen.contains(qHash(info.id, 1)))
                found.append(info.id);
        }
        if (found.isEmpty()) {
            if (page.finished)
                close();
            else
                next();
            return;
        }
        load(found, page.finished);
    });
}

void SessionExporterPrivate::load(const QStringList &chunk, bool last)
{
    whenFinished(admin->loadManyWithTtl(chunk), q, [this, last](const SessionContentList &list) {
        if (finished)
            return;
        if (!list.ok()) {
            failRedis(list.error);
            return;
        }
        for (const SessionContent &content : list.sessions) {
            if (!content.exists) {
                ++result.gone; // expired or deleted since the listing, or not a string
                continue;
            }
            writeSession(content);
            if (finished)
                return;
        }
        Q_EMIT q->progress(result.exported, useIds ? ids.size() : -1);
        if (last)
            close();
        else
            next();
    });
}

bool SessionExporterPrivate::write(const QByteArray &bytes)
{
    if (!device || device->write(bytes) != bytes.size()) {
        finish(SessionTransferError(
            SessionTransferError::Code::FileUnwritable,
            QStringLiteral("cannot write the file: %1")
                .arg(device ? device->errorString() : QStringLiteral("it was closed"))));
        return false;
    }
    return true;
}

void SessionExporterPrivate::writeSession(const SessionContent &content)
{
    using SessionTransfer::jsonText;
    QByteArray line
        = "{\"id\":" + jsonText(content.id) + ",\"ttlMs\":" + QByteArray::number(content.ttlMs);
    QString serializer = content.serializer;
    if (serializer.isEmpty() && admin->serializer())
        serializer = admin->serializer()->name();
    if (!serializer.isEmpty())
        line += ",\"serializer\":" + jsonText(serializer);
    if (content.ok())
        line += ",\"values\":" + jsonText(SessionValueJson::mapToJson(content.values));
    line += ",\"raw\":\"" + content.raw.toBase64() + '"';
    if (!content.ok()) {
        line += ",\"error\":" + jsonText(content.error.message());
        ++result.undecodable;
    }
    line += '}';
    if (!pending.isEmpty() && !write(pending + ",\n"))
        return;
    pending = line;
    seen.insert(qHash(content.id, 1));
    ++result.exported;
}

void SessionExporterPrivate::close()
{
    if (!pending.isEmpty() && !write(pending + '\n'))
        return;
    pending.clear();
    if (!write("],\"count\":" + QByteArray::number(result.exported) + "}\n"))
        return;
    finish();
}

void SessionExporterPrivate::finish(const SessionTransferError &error)
{
    if (finished)
        return;
    finished = true;
    result.error = error;
    seen = QSet<size_t>();
    promise->addResult(result);
    promise->finish();
}

} // namespace RediStore
