#ifndef REDISTORE_TEST_RUNPROGRAM_H
#define REDISTORE_TEST_RUNPROGRAM_H

#include <QtCore/QByteArray>
#include <QtCore/QProcess>
#include <QtCore/QProcessEnvironment>
#include <QtCore/QString>
#include <QtCore/QStringList>

namespace RediStore::Test {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Runs a program, as a user runs it, and waits for it; a program that does not start or does
// not finish in time (it is killed then) gives exit code -1.
inline Run runProgram(const QString &program, const QStringList &arguments,
                      const QByteArray &input = QByteArray(), int timeoutMs = 60000,
                      const QProcessEnvironment &environment
                      = QProcessEnvironment::systemEnvironment(),
                      const QString &workingDirectory = QString())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    if (!workingDirectory.isEmpty())
        process.setWorkingDirectory(workingDirectory);
    process.start(program, arguments);
    Run run;
    if (!process.waitForStarted(10000)) {
        run.err = process.errorString().toUtf8();
        return run;
    }
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        run.out = process.readAllStandardOutput();
        run.err = process.readAllStandardError() + "\n(killed: no end within the time allowed)";
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

// The exit code and both outputs, for a failure message.
inline QString dump(const Run &run)
{
    return QStringLiteral("exit %1\nstdout: %2\nstderr: %3")
        .arg(run.exitCode)
        .arg(QString::fromUtf8(run.out), QString::fromUtf8(run.err));
}

} // namespace RediStore::Test

#endif // REDISTORE_TEST_RUNPROGRAM_H
