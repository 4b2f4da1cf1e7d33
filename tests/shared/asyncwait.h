#ifndef REDISTORE_TEST_ASYNCWAIT_H
#define REDISTORE_TEST_ASYNCWAIT_H

#include <QtCore/QDeadlineTimer>
#include <QtCore/QFuture>
#include <QtTest/QTest>

#include <optional>

namespace RediStore::Test {

// Runs the event loop until the future finishes or the timeout passes. Returns its result,
// or nothing on timeout (the test then fails on the missing value).
template<typename T> std::optional<T> waitFor(QFuture<T> future, int timeoutMs = 10000)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!future.isFinished() && !deadline.hasExpired())
        QTest::qWait(1);
    if (!future.isFinished() || future.resultCount() == 0)
        return std::nullopt;
    return future.result();
}

} // namespace RediStore::Test

#endif // REDISTORE_TEST_ASYNCWAIT_H
