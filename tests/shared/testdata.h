#ifndef REDISTORE_TESTDATA_H
#define REDISTORE_TESTDATA_H

#include <QtCore/QFile>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QString>

namespace RediStore::Test {

// Path of a file in tests/data (the known-answer vectors produced by the Go libraries).
inline QString dataFile(const char *name)
{
    return QStringLiteral(REDISTORE_TEST_DATA_DIR "/") + QString::fromUtf8(name);
}

// The Go vectors (tests/data/go-redistore.json); an empty object if unreadable.
inline QJsonObject goVectors()
{
    QFile file(dataFile("go-redistore.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

} // namespace RediStore::Test

#endif // REDISTORE_TESTDATA_H
