#ifndef REDISTORE_ADMIN_DISPLAYFORMAT_H
#define REDISTORE_ADMIN_DISPLAYFORMAT_H

#include <QtCore/QCoreApplication>
#include <QtCore/QString>
#include <QtCore/QVariant>

namespace RediStore::Admin {

// How the app writes times to live, sizes, counts and session values for people.
class DisplayFormat
{
    Q_DECLARE_TR_FUNCTIONS(DisplayFormat)

public:
    // TTL in milliseconds as SessionInfo holds it: -1 no expiry, -2 gone, <= 0 expired.
    static QString ttl(qint64 ms);
    // A span of seconds in words: "3 days 4 hours", "25 minutes".
    static QString duration(qint64 seconds);
    static QString size(qint64 bytes);
    static QString count(qint64 number);
    // One line summing up a session's values: "admin: true · name: alice · user_id: 42".
    static QString preview(const QVariantMap &values, int maxLength = 200);
    // A short text for one value: strings as they are, "[3 items]", "{2 entries}", bytes as hex.
    static QString valueSummary(const QVariant &value, int maxLength = 60);
    // Every key and value of a session as one text, for the value search.
    static QString searchText(const QVariantMap &values);
    // Bytes as text with the bytes that are not printable shown as '·'.
    static QString printable(const QByteArray &bytes, int maxLength = -1);
};

} // namespace RediStore::Admin

#endif // REDISTORE_ADMIN_DISPLAYFORMAT_H
