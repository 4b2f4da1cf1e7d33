#ifndef REDISTORE_EXAMPLEPROCESS_H
#define REDISTORE_EXAMPLEPROCESS_H

#include <QtCore/QProcess>
#include <QtCore/QRegularExpression>
#include <QtCore/QUrl>
#include <QtTest/QTest>

#include <csignal>
#include <sys/prctl.h>
#include <sys/types.h>
#include <unistd.h>

namespace RediStore::Test {

// One example program running in the background; stopped when this goes away.
class ExampleProcess
{
public:
    // With ownProcessGroup, the program and what it starts form a process group of their own,
    // which interrupt() signals as Ctrl+C in a terminal does.
    explicit ExampleProcess(const QString &program, const QStringList &arguments,
                            const QProcessEnvironment &environment
                            = QProcessEnvironment::systemEnvironment(),
                            bool ownProcessGroup = false)
    {
        m_process.setProgram(program);
        m_process.setArguments(arguments);
        m_process.setProcessEnvironment(environment);
        if (ownProcessGroup) {
            m_process.setChildProcessModifier([]() {
                ::setsid();
                // Out of the test's process group, it must still end with the test.
                ::prctl(PR_SET_PDEATHSIG, SIGTERM);
            });
        }
        m_group = ownProcessGroup;
        m_process.start();
    }
    ~ExampleProcess() { stop(); }

    // SIGINT to the process group; true when the program then exits within timeoutMs.
    bool interrupt(int timeoutMs = 10000)
    {
        if (m_process.state() == QProcess::NotRunning)
            return true;
        ::kill(-pid_t(m_process.processId()), SIGINT);
        return m_process.waitForFinished(timeoutMs);
    }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        const pid_t group = -pid_t(m_process.processId());
        if (m_group)
            ::kill(group, SIGTERM); // the program's children too, whose end it waits for
        else
            m_process.terminate();
        if (!m_process.waitForFinished(10000)) {
            if (m_group)
                ::kill(group, SIGKILL);
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    // Waits until the program prints the address it listens on; empty if it never does.
    QUrl waitForUrl(int timeoutMs = 20000)
    {
        static const QRegularExpression address(QStringLiteral("http://127\\.0\\.0\\.1:(\\d+)/"));
        QRegularExpressionMatch match;
        (void)QTest::qWaitFor(
            [&]() {
                read();
                match = address.match(QString::fromUtf8(m_stdout));
                return match.hasMatch() || m_process.state() == QProcess::NotRunning;
            },
            timeoutMs);
        read();
        if (!match.hasMatch())
            return QUrl();
        return QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(match.captured(1)));
    }

    // Waits until the program's output contains text (false if it exits or the time runs out).
    bool waitForOutput(const QByteArray &text, int timeoutMs)
    {
        return QTest::qWaitFor(
                   [&]() {
                       read();
                       return m_stdout.contains(text) || m_process.state() == QProcess::NotRunning;
                   },
                   timeoutMs)
            && m_stdout.contains(text);
    }

    QByteArray standardOutput()
    {
        read();
        return m_stdout;
    }
    QByteArray standardError()
    {
        read();
        return m_stderr;
    }
    QProcess &process() { return m_process; }

private:
    void read()
    {
        m_stdout += m_process.readAllStandardOutput();
        m_stderr += m_process.readAllStandardError();
    }

    QProcess m_process;
    bool m_group = false;
    QByteArray m_stdout;
    QByteArray m_stderr;
};

} // namespace RediStore::Test

#endif // REDISTORE_EXAMPLEPROCESS_H
