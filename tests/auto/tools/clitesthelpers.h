#ifndef REDISTORE_CLITESTHELPERS_H
#define REDISTORE_CLITESTHELPERS_H

// Running the built redistore binary as a user runs it, and reading what it prints.

#include <runprogram.h>

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>
#include <QtCore/QStringList>
#include <QtTest/QTest>

namespace CliTest {

using RediStore::Test::dump;
using RediStore::Test::Run;
using RediStore::Test::runProgram;

#ifdef REDISTORE_CLI
inline Run redistore(const QStringList &arguments, const QByteArray &input = QByteArray())
{
    return runProgram(QStringLiteral(REDISTORE_CLI), arguments, input);
}
#endif

#ifdef REDISTORE_CLI
// `redistore ARGUMENTS` prints usage that mentions `mentions`, on stdout only, and exits 0.
// Callers return when QTest::currentTestFailed().
inline void checkHelp(const QStringList &arguments, const QString &mentions)
{
    const Run run = redistore(arguments);
    QVERIFY2(run.exitCode == 0, qPrintable(dump(run)));
    QVERIFY(run.out.startsWith("Usage: redistore"));
    QVERIFY2(run.out.contains(mentions.toUtf8()), run.out.constData());
    QVERIFY(run.err.isEmpty());
}
#endif

// One JSON value of any kind (QJsonDocument reads only objects and arrays at the top).
inline QJsonValue parseJson(const QByteArray &text)
{
    const QJsonDocument document = QJsonDocument::fromJson('[' + text + ']');
    return document.isArray() && document.array().size() == 1 ? document.array().at(0)
                                                              : QJsonValue(QJsonValue::Undefined);
}

// The vectors' typed rendering of a Go value as JSON.
inline QJsonValue goJson(const QJsonObject &typed)
{
    const QString type = typed.value(QLatin1String("type")).toString();
    if (type.startsWith(QLatin1String("map["))) {
        QJsonObject object;
        const QJsonArray entries = typed.value(QLatin1String("entries")).toArray();
        for (const QJsonValue &entry : entries) {
            const QJsonObject e = entry.toObject();
            object.insert(goJson(e.value(QLatin1String("k")).toObject()).toString(),
                          goJson(e.value(QLatin1String("v")).toObject()));
        }
        return object;
    }
    if (type.startsWith(QLatin1String("[]"))) {
        QJsonArray array;
        const QJsonArray items = typed.value(QLatin1String("items")).toArray();
        for (const QJsonValue &item : items)
            array.append(goJson(item.toObject()));
        return array;
    }
    return typed.value(QLatin1String("v"));
}

} // namespace CliTest

#endif // REDISTORE_CLITESTHELPERS_H
