#ifndef REDISTORE_ADMIN_COOKIEINSPECTORDIALOG_H
#define REDISTORE_ADMIN_COOKIEINSPECTORDIALOG_H

#include "connection/connectionprofile.h"
#include "inspector/cookieinspector.h"

#include <libredistore/session/sessionadmin.h>

#include <QtCore/QPointer>
#include <QtWidgets/QDialog>

QT_BEGIN_NAMESPACE
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTextBrowser;
QT_END_NAMESPACE

namespace RediStore::Admin {

// Paste a cookie (a value, or a whole Cookie: or Set-Cookie: header): it is decoded with the
// key ring and either opens its session or says exactly why it fails, including "the
// session is missing in Redis".
class CookieInspectorDialog : public QDialog
{
    Q_OBJECT

public:
    CookieInspectorDialog(const ConnectionProfile &profile, SessionAdmin *admin,
                          QWidget *parent = nullptr);

    void setInput(const QString &text);
    void setClock(SecureCookie::Clock clock) { m_clock = std::move(clock); }
    // Decodes the input; Redis is asked about valid session IDs (read-only).
    void inspect();
    QList<CookieInspector::Finding> findings() const { return m_findings; }
    // The result as plain text, once inspected() was emitted.
    QString resultText() const;
    // Key pairs as typed, one pair per line ("hash-key [block-key]"), as KeyRing strings.
    static QStringList keysFromLines(const QString &text);
    static QString linesFromKeys(const QStringList &keys);

Q_SIGNALS:
    void inspected();
    void openSessionRequested(const QString &id);

private:
    void render();

    QPointer<SessionAdmin> m_admin;
    QLineEdit *m_name;
    QSpinBox *m_maxAgeDays;
    QPlainTextEdit *m_keys;
    QPlainTextEdit *m_input;
    QTextBrowser *m_result;
    QPushButton *m_openButton;
    QList<CookieInspector::Finding> m_findings;
    QStringList m_redisNotes; // per finding
    QString m_keyError;
    QString m_openId;
    SecureCookie::Clock m_clock;
    quint64 m_token = 0;
};

} // namespace RediStore::Admin

#endif // REDISTORE_ADMIN_COOKIEINSPECTORDIALOG_H
