#include "inspector/cookieinspectordialog.h"

#include "common/displayformat.h"
#include "common/icons.h"

#include <libredistore/async.h>

#include <QtGui/QFontDatabase>
#include <QtGui/QTextDocument>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QSpinBox>
#include <QtWidgets/QSplitter>
#include <QtWidgets/QTextBrowser>
#include <QtWidgets/QVBoxLayout>

namespace RediStore::Admin {

CookieInspectorDialog::CookieInspectorDialog(const ConnectionProfile &profile, SessionAdmin *admin,
                                             QWidget *parent)
    : QDialog(parent)
    , m_admin(admin)
    , m_name(new QLineEdit(QString(profile.cookieName), this))
    , m_maxAgeDays(new QSpinBox(this))
    , m_keys(new QPlainTextEdit(this))
    , m_input(new QPlainTextEdit(this))
    , m_result(new QTextBrowser(this))
    , m_openButton(new QPushButton(Icons::get(QStringLiteral("session")), tr("Open session"), this))
{
    setWindowTitle(tr("Cookie inspector"));
    setWindowIcon(Icons::get(QStringLiteral("cookie")));
    resize(760, 620);
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);

    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Paste a session cookie: its value, \u201cname=value\u201d, or a "
                                "whole Cookie: or Set-Cookie: header."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *form = new QFormLayout;
    m_maxAgeDays->setRange(0, 36500);
    m_maxAgeDays->setValue(int(profile.cookieMaxAge / 86400));
    m_maxAgeDays->setSuffix(tr(" days"));
    m_maxAgeDays->setSpecialValueText(tr("no limit"));
    m_keys->setFont(fixed);
    m_keys->setPlaceholderText(tr("One key pair per line: hash key, then the block key if the "
                                  "cookies are encrypted. hex:\u2026, base64:\u2026 or plain "
                                  "text."));
    m_keys->setPlainText(linesFromKeys(profile.cookieKeys));
    m_keys->setFixedHeight(m_keys->fontMetrics().lineSpacing() * 4 + 12);
    m_keys->setLineWrapMode(QPlainTextEdit::NoWrap);
    form->addRow(tr("Cookie name:"), m_name);
    form->addRow(tr("Maximum age:"), m_maxAgeDays);
    form->addRow(tr("Key ring:"), m_keys);
    layout->addLayout(form);

    auto *split = new QSplitter(Qt::Vertical, this);
    m_input->setFont(fixed);
    m_input->setPlaceholderText(QStringLiteral("Cookie: session=MTc1MDAwMDAwMHxOd3dBTkU1\u2026"));
    m_result->setOpenLinks(false);
    split->addWidget(m_input);
    split->addWidget(m_result);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setText(tr("Close"));
    auto *inspectButton = buttons->addButton(tr("Inspect"), QDialogButtonBox::ActionRole);
    inspectButton->setIcon(Icons::get(QStringLiteral("search")));
    inspectButton->setDefault(true);
    buttons->addButton(m_openButton, QDialogButtonBox::ActionRole);
    m_openButton->setEnabled(false);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(inspectButton, &QPushButton::clicked, this, &CookieInspectorDialog::inspect);
    connect(m_openButton, &QPushButton::clicked, this, [this]() {
        if (!m_openId.isEmpty())
            Q_EMIT openSessionRequested(m_openId);
    });
}

QStringList CookieInspectorDialog::keysFromLines(const QString &text)
{
    QStringList keys;
    const QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        const QStringList parts = line.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (parts.isEmpty())
            continue;
        keys << parts.at(0) << (parts.size() > 1 ? parts.at(1) : QString());
    }
    return keys;
}

QString CookieInspectorDialog::linesFromKeys(const QStringList &keys)
{
    QStringList lines;
    for (qsizetype i = 0; i < keys.size(); i += 2) {
        QString line = keys.at(i);
        if (i + 1 < keys.size() && !keys.at(i + 1).isEmpty())
            line += QLatin1Char(' ') + keys.at(i + 1);
        lines << line;
    }
    return lines.join(QLatin1Char('\n'));
}

void CookieInspectorDialog::setInput(const QString &text)
{
    m_input->setPlainText(text);
}

void CookieInspectorDialog::inspect()
{
    const quint64 token = ++m_token;
    m_findings.clear();
    m_redisNotes.clear();
    m_keyError.clear();
    m_openId.clear();
    m_openButton->setEnabled(false);
    auto keys = KeyRing::keysFromStrings(keysFromLines(m_keys->toPlainText()));
    if (!keys.ok()) {
        m_keyError = tr("The key ring does not read: %1").arg(keys.error().message());
        render();
        Q_EMIT inspected();
        return;
    }
    CookieInspector inspector(keys.value(), m_name->text().trimmed().toUtf8(),
                              qint64(m_maxAgeDays->value()) * 86400);
    if (m_clock)
        inspector.setClock(m_clock);
    m_findings = inspector.inspectText(m_input->toPlainText());
    m_redisNotes.resize(m_findings.size());
    auto pending = std::make_shared<int>(0);
    for (qsizetype i = 0; i < m_findings.size(); ++i) {
        if (m_findings.at(i).verdict != CookieInspector::Verdict::Valid || !m_admin)
            continue;
        ++*pending;
        m_redisNotes[i] = tr("Looking the session up in Redis\u2026");
        const QString id = m_findings.at(i).sessionId;
        whenFinished(
            m_admin->load(id), this, [this, token, i, id, pending](const SessionContent &content) {
                if (token != m_token)
                    return;
                if (content.exists) {
                    m_redisNotes[i]
                        = tr("The session exists in Redis: %n value(s), %1.", nullptr,
                             int(content.values.size()))
                              .arg(content.ttlMs >= 0
                                       ? tr("expires in %1").arg(DisplayFormat::ttl(content.ttlMs))
                                       : tr("no expiry"));
                    if (m_openId.isEmpty())
                        m_openId = id;
                } else if (content.error.code() == SessionError::Code::SessionGone) {
                    m_redisNotes[i] = tr("The session is missing in Redis: it expired or was "
                                         "deleted, so this user is logged out.");
                } else {
                    m_redisNotes[i]
                        = tr("Redis could not be asked: %1").arg(content.error.message());
                }
                if (--*pending == 0) {
                    render();
                    Q_EMIT inspected();
                }
            });
    }
    render();
    if (*pending == 0)
        Q_EMIT inspected();
}

void CookieInspectorDialog::render()
{
    QString html;
    if (!m_keyError.isEmpty())
        html += QStringLiteral("<p style='color:#b71c1c'><b>%1</b></p>")
                    .arg(m_keyError.toHtmlEscaped());
    if (m_findings.isEmpty() && m_keyError.isEmpty())
        html += QStringLiteral("<p style='color:#78909c'>%1</p>")
                    .arg(tr("No cookie found in the text.").toHtmlEscaped());
    for (qsizetype i = 0; i < m_findings.size(); ++i) {
        const CookieInspector::Finding &f = m_findings.at(i);
        const bool valid = f.verdict == CookieInspector::Verdict::Valid;
        const QString color = valid ? QStringLiteral("#2e7d32") : QStringLiteral("#b71c1c");
        const QString name
            = f.cookie.name.isEmpty() ? tr("(cookie value)") : QString::fromUtf8(f.cookie.name);
        html += QStringLiteral("<h3 style='margin-bottom:2px'>%1</h3>").arg(name.toHtmlEscaped());
        html += QStringLiteral("<p style='color:%1'><b>%2</b></p>")
                    .arg(color, f.summary.toHtmlEscaped());
        html += QStringLiteral("<ul>");
        if (!f.sessionId.isEmpty())
            html += QStringLiteral("<li>%1 <code>%2</code></li>")
                        .arg(tr("Session ID:").toHtmlEscaped(), f.sessionId.toHtmlEscaped());
        if (f.signedAt.isValid())
            html += QStringLiteral("<li>%1</li>")
                        .arg(tr("Signed at %1")
                                 .arg(QLocale().toString(f.signedAt, QLocale::LongFormat))
                                 .toHtmlEscaped());
        if (i < m_redisNotes.size() && !m_redisNotes.at(i).isEmpty())
            html += QStringLiteral("<li><b>%1</b></li>").arg(m_redisNotes.at(i).toHtmlEscaped());
        if (!valid) {
            for (const QString &detail : f.details)
                html += QStringLiteral("<li style='color:#546e7a'>%1</li>")
                            .arg(detail.toHtmlEscaped());
        }
        html += QStringLiteral("</ul>");
    }
    m_result->setHtml(html);
    m_openButton->setEnabled(!m_openId.isEmpty());
}

QString CookieInspectorDialog::resultText() const
{
    return m_result->toPlainText();
}

} // namespace RediStore::Admin
