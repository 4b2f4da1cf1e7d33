#include "sessionimporter.h"

#include "sessiontransfer_p.h"

#include <libredistore/async.h>
#include <libredistore/serializer/sessionserializer.h>
#include <libredistore/session/sessionadmin.h>
#include <libredistore/session/sessionvaluejson.h>

#include <QtCore/QIODevice>
#include <QtCore/QJsonObject>
#include <QtCore/QPointer>
#include <QtCore/QPromise>

namespace RediStore {

namespace {

constexpr int batchSize = 200;
constexpr qint64 maxWholeFile = 512LL * 1024 * 1024;

using Code = SessionTransferError::Code;

// One session of the file and where it was.
struct Entry
{
    QJsonObject object;
    bool isObject = true;
    qint64 line = 0; // 0 when the file was read whole
    qsizetype index = 0; // among the file's sessions, from 1
};

enum class Prepared { Ready, Expired, Failed };

// A line (or a chunk), waiting for one when none is there yet (a pipe, a socket); empty at the
// end. (atEnd() is no test for a pipe: it is true while the writer has not written yet.)
QByteArray readSome(QIODevice *device, bool line)
{
    QByteArray read = line ? device->readLine() : device->read(1 << 20);
    if (read.isEmpty() && device->waitForReadyRead(-1))
        read = line ? device->readLine() : device->read(1 << 20);
    return read;
}

QString place(const Entry &entry)
{
    return entry.line > 0 ? QStringLiteral("line %1").arg(entry.line)
                          : QStringLiteral("session #%1").arg(entry.index);
}

// Errors that the next writes to that node would get too (no permission, a replica, out of
// memory, a failed save, loading, a master down).
bool refusesEveryWrite(const SessionError &error)
{
    const RedisError redis = error.redisError();
    if (redis.code() != RedisError::Code::ServerError)
        return false;
    const QString text = redis.message();
    for (const char *word : { "NOPERM", "READONLY", "OOM", "MISCONF", "LOADING", "MASTERDOWN" }) {
        if (text.startsWith(QLatin1String(word)))
            return true;
    }
    return false;
}

} // namespace

class SessionImporterPrivate
{
public:
    void begin();
    bool readHeader();
    bool checkHeader(const QJsonObject &header, qint64 line);
    // The next session; nothing at the end of the file, or after a bad line (stop says why).
    std::optional<Entry> nextEntry();
    void nextBatch();
    Prepared prepare(const Entry &entry, SessionContent *session, SessionTransferError *error);
    // The closing line of an export, and the number of sessions it gives against those read.
    void checkClosing(const QByteArray &text);
    void checkCount(const QJsonObject &object, qint64 read);
    void fail(const SessionTransferError &error);
    void finish(const SessionTransferError &error = SessionTransferError());

    SessionImporter *q = nullptr;
    QPointer<SessionAdmin> admin;
    bool overwrite = false;
    QPointer<QIODevice> device;
    std::shared_ptr<QPromise<SessionImportResult>> promise;
    bool started = false;
    bool finished = false;
    bool cancelled = false;
    SessionImportResult result;

    qint64 line = 0; // the last line read
    qsizetype index = 0; // sessions read
    bool ended = false; // the closing line was read
    bool whole = false; // the file was read whole (another tool's layout)
    SessionTransferError stop; // a bad file: the import ends after the batch read before
    QJsonArray sessions; // then its sessions
};

SessionImporter::SessionImporter(SessionAdmin *admin, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<SessionImporterPrivate>())
{
    d->q = this;
    d->admin = admin;
}

SessionImporter::~SessionImporter()
{
    if (d->promise && !d->finished)
        d->finish(
            SessionTransferError(Code::Cancelled, QStringLiteral("the import was cancelled")));
}

void SessionImporter::setOverwrite(bool overwrite)
{
    d->overwrite = overwrite;
}

bool SessionImporter::overwrite() const
{
    return d->overwrite;
}

void SessionImporter::cancel()
{
    d->cancelled = true;
}

QFuture<SessionImportResult> SessionImporter::start(QIODevice *device)
{
    if (d->started)
        return SessionTransfer::refuseSecondStart<SessionImportResult>(this, "importer");
    auto promise = std::make_shared<QPromise<SessionImportResult>>();
    promise->start();
    d->started = true;
    d->promise = promise;
    d->device = device;
    QMetaObject::invokeMethod(
        this, [this]() { d->begin(); }, Qt::QueuedConnection);
    return promise->future();
}

void SessionImporterPrivate::begin()
{
    if (!admin) {
        finish(SessionTransferError(Code::RedisFailed, QStringLiteral("no session admin")));
        return;
    }
    if (admin->isReadOnly()) {
        finish(SessionTransferError(Code::ReadOnly,
                                    QStringLiteral("read-only mode: nothing is imported")));
        return;
    }
    if (!device || !device->isReadable()) {
        finish(SessionTransferError(Code::FileUnreadable,
                                    QStringLiteral("the file is not open for reading")));
        return;
    }
    if (readHeader())
        nextBatch();
}

bool SessionImporterPrivate::checkHeader(const QJsonObject &header, qint64 at)
{
    const QString where = at > 0 ? QStringLiteral("line %1: ").arg(at) : QString();
    if (header.value(QLatin1String("format")).toString() != SessionTransfer::formatName()) {
        finish(SessionTransferError(Code::WrongFormat,
                                    where
                                        + QStringLiteral("not a session export (no \"format\": "
                                                         "\"%1\")")
                                              .arg(SessionTransfer::formatName()),
                                    at));
        return false;
    }
    const QJsonValue version = header.value(QLatin1String("version"));
    if (version.toInt(-1) != SessionTransfer::formatVersion) {
        finish(SessionTransferError(
            Code::UnsupportedVersion,
            where
                + QStringLiteral("version %1 of the session export format; this build reads "
                                 "version %2")
                      .arg(QString::fromUtf8(SessionTransfer::jsonText(version)))
                      .arg(SessionTransfer::formatVersion),
            at));
        return false;
    }
    return true;
}

bool SessionImporterPrivate::readHeader()
{
    const QByteArray first = readSome(device, true);
    line = 1;
    // The exporter's first line is the object up to the sessions' "[".
    const QByteArray trimmed = first.trimmed();
    if (trimmed.endsWith('[')) {
        QJsonParseError parsed;
        const QJsonDocument header = QJsonDocument::fromJson(trimmed + "]}", &parsed);
        if (parsed.error == QJsonParseError::NoError && header.isObject())
            return checkHeader(header.object(), 1);
    }
    // Another layout: the whole file, as one JSON document.
    QByteArray all = first;
    for (;;) {
        const QByteArray chunk = readSome(device, false);
        if (chunk.isEmpty())
            break;
        all += chunk;
        if (all.size() > maxWholeFile) {
            finish(SessionTransferError(
                Code::NotJson,
                QStringLiteral("the file is not laid out a session a line, as an export writes "
                               "it, and too large (over 512 MB) to be read whole")));
            return false;
        }
    }
    if (all.trimmed().isEmpty()) {
        finish(SessionTransferError(Code::WrongFormat, QStringLiteral("the file is empty")));
        return false;
    }
    QJsonParseError parsed;
    const QJsonDocument document = QJsonDocument::fromJson(all, &parsed);
    if (parsed.error != QJsonParseError::NoError) {
        const qint64 at = all.left(parsed.offset).count('\n') + 1;
        finish(SessionTransferError(
            Code::NotJson,
            QStringLiteral("line %1: not JSON (%2)").arg(at).arg(parsed.errorString()), at));
        return false;
    }
    if (!document.isObject()) {
        finish(SessionTransferError(Code::WrongFormat,
                                    QStringLiteral("not a session export (not a JSON object)")));
        return false;
    }
    if (!checkHeader(document.object(), 0))
        return false;
    const QJsonValue list = document.object().value(QLatin1String("sessions"));
    if (!list.isArray()) {
        finish(SessionTransferError(Code::WrongFormat,
                                    QStringLiteral("\"sessions\" is not an array")));
        return false;
    }
    whole = true;
    ended = true;
    sessions = list.toArray();
    line = 0; // the file has no lines of its own sessions
    checkCount(document.object(), sessions.size());
    return true;
}

std::optional<Entry> SessionImporterPrivate::nextEntry()
{
    if (whole) {
        if (index >= sessions.size())
            return std::nullopt;
        Entry entry;
        entry.index = ++index;
        const QJsonValue value = sessions.at(entry.index - 1);
        entry.object = value.toObject();
        entry.isObject = value.isObject();
        return entry;
    }
    while (!ended) {
        const QByteArray read = readSome(device, true);
        if (read.isEmpty()) {
            fail(SessionTransferError(
                Code::Truncated,
                QStringLiteral("the file ends at line %1, before its closing line \"]\" (cut "
                               "short?); the sessions before were imported")
                    .arg(line),
                line));
            return std::nullopt;
        }
        const QByteArray text = read.trimmed();
        ++line;
        if (text.isEmpty())
            continue;
        if (text.startsWith(']')) {
            ended = true;
            checkClosing(text);
            return std::nullopt;
        }
        QByteArray json = text;
        if (json.endsWith(','))
            json.chop(1);
        QJsonParseError parsed;
        const QJsonDocument document = QJsonDocument::fromJson(json, &parsed);
        if (parsed.error != QJsonParseError::NoError || !document.isObject()) {
            fail(SessionTransferError(Code::NotJson,
                                      QStringLiteral("line %1: not a JSON object (%2)")
                                          .arg(line)
                                          .arg(parsed.error != QJsonParseError::NoError
                                                   ? parsed.errorString()
                                                   : QStringLiteral("an array or a value")),
                                      line));
            return std::nullopt;
        }
        Entry entry;
        entry.object = document.object();
        entry.line = line;
        entry.index = ++index;
        return entry;
    }
    return std::nullopt;
}

Prepared SessionImporterPrivate::prepare(const Entry &entry, SessionContent *session,
                                         SessionTransferError *error)
{
    const QJsonObject &object = entry.object;
    const QString id = object.value(QLatin1String("id")).toString();
    auto bad = [&](Code code, const QString &message) {
        *error = SessionTransferError(
            code,
            place(entry) + (id.isEmpty() ? QString() : QStringLiteral(", session ") + id)
                + QStringLiteral(": ") + message,
            entry.line, id);
        return Prepared::Failed;
    };
    if (!entry.isObject)
        return bad(Code::BadSession, QStringLiteral("not a JSON object"));
    if (id.isEmpty())
        return bad(Code::BadSession, QStringLiteral("no \"id\""));
    session->id = id;

    const QJsonValue ttl = object.value(QLatin1String("ttlMs"));
    session->ttlMs = -1;
    if (!ttl.isUndefined()) {
        const double ms = ttl.toDouble(-3);
        if (!ttl.isDouble() || ms != qint64(ms) || ms < -2)
            return bad(Code::BadSession,
                       QStringLiteral("\"ttlMs\" must be -1 (no expiry) or milliseconds"));
        session->ttlMs = qint64(ms);
    }
    if (session->ttlMs == 0 || session->ttlMs == -2)
        return Prepared::Expired;

    const QString serializerName = object.value(QLatin1String("serializer")).toString();
    std::shared_ptr<const SessionSerializer> serializer;
    if (!serializerName.isEmpty()) {
        serializer = SessionSerializer::byName(serializerName);
        if (!serializer)
            return bad(
                Code::UnknownSerializer,
                QStringLiteral("unknown serializer '%1' (known: %2)")
                    .arg(serializerName, SessionSerializer::names().join(QStringLiteral(", "))));
    }

    const QJsonValue rawText = object.value(QLatin1String("raw"));
    std::optional<QByteArray> raw;
    if (!rawText.isUndefined()) {
        const auto decoded = QByteArray::fromBase64Encoding(
            rawText.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!rawText.isString() || !decoded)
            return bad(Code::BadSession, QStringLiteral("\"raw\" is not base64"));
        raw = decoded.decoded;
    }
    const QJsonValue valuesJson = object.value(QLatin1String("values"));
    if (valuesJson.isUndefined()) {
        if (!raw)
            return bad(Code::BadSession, QStringLiteral("neither \"raw\" nor \"values\""));
        session->raw = *raw;
        return Prepared::Ready;
    }
    QString why;
    const auto values = SessionValueJson::mapFromJson(valuesJson, &why, QStringLiteral("values"));
    if (!values)
        return bad(Code::BadSession, why);

    // The stored bytes, unless the values were edited: gob writes maps in an order of its own
    // (Go's is random), so re-encoding unchanged values could change the bytes.
    if (raw) {
        if (serializer) {
            const auto decoded = serializer->deserialize(*raw);
            if (decoded.ok() && decoded.value() == *values) {
                session->raw = *raw;
                return Prepared::Ready;
            }
        } else if (const auto detected = SessionSerializer::detect(*raw);
                   detected.ok() && detected.value().values == *values) {
            session->raw = *raw;
            return Prepared::Ready;
        }
    }
    if (!serializer)
        serializer
            = admin->serializer() ? admin->serializer() : SessionSerializer::defaultSerializer();
    const auto bytes = serializer->serialize(*values);
    if (!bytes.ok())
        return bad(Code::SerializeFailed,
                   QStringLiteral("the values do not encode with %1: %2")
                       .arg(serializer->name(), bytes.error().message()));
    session->raw = bytes.value();
    return Prepared::Ready;
}

void SessionImporterPrivate::nextBatch()
{
    if (finished)
        return;
    if (cancelled) {
        finish(SessionTransferError(Code::Cancelled, QStringLiteral("the import was cancelled")));
        return;
    }
    if (!admin) {
        finish(SessionTransferError(Code::RedisFailed,
                                    QStringLiteral("the session admin was deleted")));
        return;
    }
    QList<SessionContent> batch;
    QList<qint64> lines;
    while (batch.size() < batchSize) {
        const std::optional<Entry> entry = nextEntry();
        if (finished)
            return;
        if (!entry)
            break;
        SessionContent session;
        SessionTransferError error;
        switch (prepare(*entry, &session, &error)) {
        case Prepared::Ready:
            batch.append(session);
            lines.append(entry->line);
            break;
        case Prepared::Expired:
            ++result.expired;
            break;
        case Prepared::Failed:
            fail(error);
            break;
        }
    }
    if (batch.isEmpty()) {
        Q_EMIT q->progress(result.imported, result.existing, result.failed);
        finish(stop);
        return;
    }
    whenFinished(admin->putMany(batch, overwrite), q, [this, lines](const SessionPutList &put) {
        if (finished)
            return;
        // When Redis refused every session of the batch for a reason that will not pass (no
        // permission, a replica, out of memory), the import stops. One refusal among writes
        // that succeed (one full node of a cluster, an ACL for some keys) does not stop it.
        SessionTransferError refused;
        qsizetype refusals = 0;
        for (qsizetype i = 0; i < put.sessions.size(); ++i) {
            const SessionPutOutcome &outcome = put.sessions.at(i);
            if (outcome.written) {
                ++result.imported;
            } else if (outcome.existed) {
                ++result.existing;
            } else if (outcome.error.isError() && !put.error.isError()) {
                const qint64 at = lines.value(i);
                fail(SessionTransferError::fromSession(
                    Code::StoreFailed, outcome.error, at, outcome.id,
                    (at > 0 ? QStringLiteral("line %1, ").arg(at) : QString())
                        + QStringLiteral("session ") + outcome.id));
                if (refusesEveryWrite(outcome.error)) {
                    ++refusals;
                    if (!refused.isError())
                        refused = SessionTransferError::fromSession(
                            Code::RedisFailed, outcome.error, 0, QString(),
                            QStringLiteral("Redis refuses every write, the import stops"));
                }
            }
        }
        if (refusals < put.sessions.size())
            refused = SessionTransferError();
        Q_EMIT q->progress(result.imported, result.existing, result.failed);
        if (refused.isError()) {
            finish(refused);
            return;
        }
        if (put.error.isError()) {
            finish(SessionTransferError::fromSession(
                put.error.code() == SessionError::Code::ReadOnly ? Code::ReadOnly
                                                                 : Code::RedisFailed,
                put.error));
            return;
        }
        nextBatch();
    });
}

void SessionImporterPrivate::checkClosing(const QByteArray &text)
{
    // The exporter's last line: ],"count":N} (the sessions' end, and how many it wrote).
    QJsonParseError parsed;
    const QJsonDocument closing = QJsonDocument::fromJson("{\"sessions\":[" + text, &parsed);
    if (parsed.error != QJsonParseError::NoError || !closing.isObject()) {
        fail(SessionTransferError(
            Code::Truncated,
            QStringLiteral("line %1: the closing line is cut short or not JSON (%2); the "
                           "sessions before were imported")
                .arg(line)
                .arg(parsed.errorString()),
            line));
        return;
    }
    checkCount(closing.object(), index);
}

void SessionImporterPrivate::checkCount(const QJsonObject &object, qint64 read)
{
    const QJsonValue count = object.value(QLatin1String("count"));
    if (count.isUndefined())
        return; // another tool's layout may leave it out
    if (count.toDouble(-1) != double(read)) {
        fail(SessionTransferError(
            Code::Truncated,
            QStringLiteral("the file says it holds %1 sessions, but %2 were read (lines lost "
                           "or added?); the sessions read were imported")
                .arg(QString::fromUtf8(SessionTransfer::jsonText(count)))
                .arg(read),
            line));
    }
}

void SessionImporterPrivate::fail(const SessionTransferError &error)
{
    // A session that failed alone; a bad file (NotJson, Truncated) ends the import once the
    // sessions read before are written.
    if (error.code() == Code::NotJson || error.code() == Code::Truncated) {
        stop = error;
        ended = true;
        return;
    }
    ++result.failed;
    if (result.failures.size() < SessionImportResult::maxFailures)
        result.failures.append(error);
}

void SessionImporterPrivate::finish(const SessionTransferError &error)
{
    if (finished)
        return;
    finished = true;
    result.error = error;
    sessions = QJsonArray();
    promise->addResult(result);
    promise->finish();
}

} // namespace RediStore
