#ifndef REDISTORE_TESTDATA_H
#define REDISTORE_TESTDATA_H

#include <QtCore/QFile>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QString>
#include <QtCore/QTemporaryDir>

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

// A file called name in dir holding content (a secret, a URL); its path, or "" if it could not
// be written.
inline QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    QFile file(dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        return QString();
    return file.fileName();
}

} // namespace RediStore::Test

#endif // REDISTORE_TESTDATA_H
