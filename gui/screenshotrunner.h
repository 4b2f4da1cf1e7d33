#ifndef REDISTORE_ADMIN_SCREENSHOTRUNNER_H
#define REDISTORE_ADMIN_SCREENSHOTRUNNER_H

#include <QtCore/QElapsedTimer>
#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QTimer>

namespace RediStore::Admin {

class MainWindow;

// --screenshot FILE.png: waits until the window is connected, the first page of sessions is
// listed, the first session is selected and its detail shown, then writes a PNG of the window
// and quits (exit code 0; 1 when the connection failed, 2 on a timeout; a picture is written in
// every case, showing what went wrong).
class ScreenshotRunner : public QObject
{
    Q_OBJECT

public:
    ScreenshotRunner(MainWindow *window, const QString &path, int timeoutMs = 30000);

    void start();

Q_SIGNALS:
    void done(int exitCode);

private:
    void check();
    void shoot(int exitCode);

    QPointer<MainWindow> m_window;
    QString m_path;
    QTimer m_poll;
    QTimer m_timeout;
    QElapsedTimer m_settle;
    bool m_selected = false;
    bool m_finished = false;
};

} // namespace RediStore::Admin

#endif // REDISTORE_ADMIN_SCREENSHOTRUNNER_H
