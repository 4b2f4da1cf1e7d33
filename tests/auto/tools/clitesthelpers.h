#ifndef REDISTORE_CLITESTHELPERS_H
#define REDISTORE_CLITESTHELPERS_H

// Running the built redistore binary as a user runs it, and reading what it prints.

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>
#include <QtCore/QStringList>
#include <QtTest/QTest>

namespace CliTest {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Runs a built program and waits for it; a program that does not finish in time is killed
// and gives exit code -1.
inline Run runProgram(const QString &program, const QStringList &arguments,
                      const QByteArray &input = QByteArray(), int timeoutMs = 60000)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForStarted(10000))
        return {};
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    Run run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

#ifdef REDISTORE_CLI
inline Run redistore(const QStringList &arguments, const QByteArray &input = QByteArray())
{
    return runProgram(QStringLiteral(REDISTORE_CLI), arguments, input);
}
#endif

inline QString dump(const Run &run)
{
    return QStringLiteral("exit %1\nstdout: %2\nstderr: %3")
        .arg(run.exitCode)
        .arg(QString::fromUtf8(run.out), QString::fromUtf8(run.err));
}

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
