#include "sessiontransfererror.h"

#include <QtCore/QMetaEnum>

namespace RediStore {

SessionTransferError SessionTransferError::fromSession(Code code, const SessionError &error,
                                                       qint64 line, const QString &id,
                                                       const QString &context)
{
    SessionTransferError result(
        code,
        context.isEmpty() ? error.message() : context + QStringLiteral(": ") + error.message(),
        line, id);
    result.m_sessionError = error;
    return result;
}

QString SessionTransferError::codeName() const
{
    return QString::fromLatin1(QMetaEnum::fromType<Code>().valueToKey(int(m_code)));
}

} // namespace RediStore
