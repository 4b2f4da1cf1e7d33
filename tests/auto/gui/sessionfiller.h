#ifndef REDISTORE_TEST_SESSIONFILLER_H
#define REDISTORE_TEST_SESSIONFILLER_H

#include <QtCore/QByteArray>
#include <QtCore/QRandomGenerator>
#include <QtCore/QString>
#include <QtCore/QVariantMap>

namespace RediStore::Test {

// Makes realistic sessions (Go-style 52-character IDs, a user's values serialized with the
// library's serializers) as Redis SET commands in RESP, for `redis-cli --pipe` or a raw
// socket. A million of them go into Redis in seconds.
class SessionFiller
{
public:
    struct Options
    {
        QString prefix = QStringLiteral("session_");
        QString serializer = QStringLiteral("mixed"); // datastream, gob, json or mixed
        int minTtl = 600; // seconds
        int maxTtl = 7200;
        int persistentPercent = 2; // sessions without a TTL
        int corruptPercent = 0; // values no serializer reads
        quint32 seed = 1;
    };

    explicit SessionFiller(Options options);

    // The next session as one SET command (RESP); *id receives its ID.
    QByteArray next(QString *id = nullptr);
    // count commands in one buffer.
    QByteArray batch(int count);

    // A session's values as the demo app would store them.
    static QVariantMap values(QRandomGenerator &random, int index, bool forGo);
    static QString randomId(QRandomGenerator &random);
    static QByteArray command(const QByteArrayList &args);

private:
    Options m_options;
    QRandomGenerator m_random;
    int m_index = 0;
};

} // namespace RediStore::Test

#endif // REDISTORE_TEST_SESSIONFILLER_H
