#ifndef REDISTORE_HTTPERRORLOG_P_H
#define REDISTORE_HTTPERRORLOG_P_H

#include <libredistore/coarseclock_p.h>

#include <QtCore/QLoggingCategory>
#include <QtCore/QString>
#include <QtCore/QTimer>

#include <chrono>
#include <map>
#include <memory>

namespace RediStore {

// The log of per-request errors: each kind is written at once the first time, then at most
// once per interval, as a summary of how many were left out. A client that sends a bad cookie
// on every request thus costs a few lines a minute, not one line per request.
class HttpErrorLog
{
public:
    using Category = const QLoggingCategory &(*)();

    explicit HttpErrorLog(Category category);
    // Writes the summaries still owed, so that no count is lost.
    ~HttpErrorLog();

    std::chrono::milliseconds interval() const { return m_interval; }
    // 0: every error is written.
    void setInterval(std::chrono::milliseconds interval);

    // True when an error of kind is to be written now (the caller writes it, at type); false
    // when it is only counted for the kind's next summary. Cheap: no clock is read while a
    // kind is being counted.
    bool admit(const QString &kind, QtMsgType type);

private:
    struct Kind
    {
        QtMsgType type = QtInfoMsg;
        qint64 left = 0; // errors counted since the kind's last line
        CoarseElapsedTimer since; // the start of the current interval
        std::unique_ptr<QTimer> timer;
    };
    void intervalEnded(const QString &kind);
    void writeSummary(const QString &kind, const Kind &state, qint64 elapsedMs) const;

    Category m_category;
    std::chrono::milliseconds m_interval;
    std::map<QString, Kind> m_kinds; // kinds with an interval running
};

} // namespace RediStore

#endif // REDISTORE_HTTPERRORLOG_P_H
