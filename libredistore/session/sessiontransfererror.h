#ifndef REDISTORE_SESSIONTRANSFERERROR_H
#define REDISTORE_SESSIONTRANSFERERROR_H

#include <libredistore/redistore_export.h>
#include <libredistore/session/sessionerror.h>

#include <QtCore/QMetaType>
#include <QtCore/QString>

namespace RediStore {

// The errors of a session export or import, in numbered bands: the file (100), its contents
// (200), one session in it (300), Redis (400). line is the file's line (1-based, 0 when not
// known) and id the session's ID, when the error is about one; sessionError() holds the
// session layer's error when that layer caused it.
class REDISTORE_EXPORT SessionTransferError
{
    Q_GADGET

public:
    enum class Code {
        NoError = 0,

        // 100: the file
        FileUnreadable = 100, // cannot be opened or read
        FileUnwritable, // cannot be opened or written (a full disk, a closed pipe)

        // 200: the file's contents (the import stops; what it wrote stays)
        NotJson = 200, // a line (or the whole file) is not JSON
        WrongFormat, // JSON, but not a "redistore-sessions" file
        UnsupportedVersion, // a version this build cannot read
        Truncated, // the file ends before its closing line

        // 300: one session of the file (the import goes on with the next)
        BadSession = 300, // no ID, bad base64, a bad ttlMs or an untyped value
        UnknownSerializer, // a serializer this build does not know
        SerializeFailed, // edited values the session's serializer cannot write
        StoreFailed, // Redis refused this session's SET

        // 400: Redis, for the whole run
        RedisFailed = 400, // unreachable, lost, refused
        ReadOnly, // an import with the admin in read-only mode: nothing is written
        Cancelled, // cancel() was called, or the exporter/importer was deleted
        AlreadyStarted, // start() called again on the same exporter or importer
    };
    Q_ENUM(Code)

    SessionTransferError() = default;
    SessionTransferError(Code code, QString message, qint64 line = 0, QString id = QString())
        : m_code(code)
        , m_message(std::move(message))
        , m_line(line)
        , m_id(std::move(id))
    { }
    // The message is error's, after "context: " when context is given.
    static SessionTransferError fromSession(Code code, const SessionError &error, qint64 line = 0,
                                            const QString &id = QString(),
                                            const QString &context = QString());

    Code code() const noexcept { return m_code; }
    QString message() const { return m_message; }
    QString codeName() const;
    bool isError() const noexcept { return m_code != Code::NoError; }
    qint64 line() const noexcept { return m_line; }
    QString id() const { return m_id; }
    SessionError sessionError() const { return m_sessionError; }

private:
    Code m_code = Code::NoError;
    QString m_message;
    qint64 m_line = 0;
    QString m_id;
    SessionError m_sessionError;
};

} // namespace RediStore

Q_DECLARE_METATYPE(RediStore::SessionTransferError)

#endif // REDISTORE_SESSIONTRANSFERERROR_H
