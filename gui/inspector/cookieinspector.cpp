#include "inspector/cookieinspector.h"

#include "common/displayformat.h"

#include <libredistore/codec/cookieheader.h>

#include <QtNetwork/QNetworkCookie>

namespace RediStore::Admin {

CookieInspector::CookieInspector(const KeyRing &keys, const QByteArray &cookieName, qint64 maxAge)
    : m_keys(keys)
    , m_name(cookieName)
    , m_codec(keys)
{
    m_codec.setMaxAge(maxAge);
}

void CookieInspector::setClock(SecureCookie::Clock clock)
{
    m_codec.setClock(std::move(clock));
}

static bool startsWithLabel(const QString &line, const QString &label, QString *rest)
{
    if (!line.startsWith(label, Qt::CaseInsensitive))
        return false;
    *rest = line.mid(label.size()).trimmed();
    return true;
}

QList<CookieInspector::Candidate> CookieInspector::parse(const QString &text)
{
    QList<Candidate> candidates;
    const QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &rawLine : lines) {
        const QString line = rawLine.trimmed();
        if (line.isEmpty())
            continue;
        QString rest;
        if (startsWithLabel(line, QStringLiteral("set-cookie:"), &rest)) {
            const QList<QNetworkCookie> cookies = QNetworkCookie::parseCookies(rest.toUtf8());
            for (const QNetworkCookie &cookie : cookies)
                candidates.append({ cookie.name(), cookie.value() });
            continue;
        }
        if (startsWithLabel(line, QStringLiteral("cookie:"), &rest)) {
            const QList<QNetworkCookie> cookies = CookieHeader::parse(rest.toUtf8());
            for (const QNetworkCookie &cookie : cookies)
                candidates.append({ cookie.name(), cookie.value() });
            continue;
        }
        // "name=value" has something after its first '='; a bare value's '=' are only padding.
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        bool pair = equals > 0;
        if (pair) {
            const QString after = line.mid(equals + 1);
            pair = !after.isEmpty() && after.count(QLatin1Char('=')) != after.size();
        }
        if (pair) {
            const QList<QNetworkCookie> cookies = CookieHeader::parse(line.toUtf8());
            for (const QNetworkCookie &cookie : cookies)
                candidates.append({ cookie.name(), cookie.value() });
        } else {
            QString value = line;
            if (value.size() >= 2 && value.startsWith(QLatin1Char('"'))
                && value.endsWith(QLatin1Char('"')))
                value = value.mid(1, value.size() - 2);
            candidates.append({ QByteArray(), value.toUtf8() });
        }
    }
    return candidates;
}

QDateTime CookieInspector::timestampOf(const QByteArray &cookie)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        cookie, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return QDateTime();
    const qsizetype bar = decoded.decoded.indexOf('|');
    if (bar <= 0)
        return QDateTime();
    bool ok = false;
    const qint64 seconds = decoded.decoded.left(bar).toLongLong(&ok);
    return ok ? QDateTime::fromSecsSinceEpoch(seconds) : QDateTime();
}

CookieInspector::Finding CookieInspector::inspect(const Candidate &candidate) const
{
    const SecureCookie::Inspection asStore = m_codec.inspect(m_name, candidate.value);
    if (asStore.ok() || candidate.name.isEmpty() || candidate.name == m_name)
        return fromInspection(candidate, asStore, m_name);
    // Named otherwise: maybe it is a valid cookie of another name.
    const SecureCookie::Inspection asNamed = m_codec.inspect(candidate.name, candidate.value);
    if (asNamed.ok()) {
        Finding finding = fromInspection(candidate, asNamed, candidate.name);
        finding.verdict = Verdict::WrongName;
        finding.summary
            = tr("This cookie is valid for the name \u201c%1\u201d, but the store reads "
                 "the cookie \u201c%2\u201d: check the session name.")
                  .arg(QString::fromUtf8(candidate.name), QString::fromUtf8(m_name));
        return finding;
    }
    return fromInspection(candidate, asStore, m_name);
}

CookieInspector::Finding CookieInspector::fromInspection(const Candidate &candidate,
                                                         const SecureCookie::Inspection &inspection,
                                                         const QByteArray &name) const
{
    Finding finding;
    finding.cookie = candidate;
    finding.signedAt = timestampOf(candidate.value);
    for (qsizetype i = 0; i < inspection.keyErrors.size(); ++i) {
        if (inspection.keyErrors.at(i).isError())
            finding.details
                << tr("Key pair %1: %2").arg(i + 1).arg(inspection.keyErrors.at(i).message());
    }
    if (inspection.ok()) {
        finding.keyIndex = inspection.keyIndex;
        const QVariant value = inspection.value;
        const QString id
            = value.metaType().id() == QMetaType::QString ? value.toString() : QString();
        if (id.isEmpty()) {
            finding.verdict = Verdict::NotASessionId;
            finding.summary = tr("The cookie is signed correctly (key pair %1), but holds %2, "
                                 "not a session ID.")
                                  .arg(inspection.keyIndex + 1)
                                  .arg(DisplayFormat::valueSummary(value));
            return finding;
        }
        finding.verdict = Verdict::Valid;
        finding.sessionId = id;
        finding.summary = tr("Valid: signed with key pair %1 of %2 for the cookie \u201c%3\u201d.")
                              .arg(inspection.keyIndex + 1)
                              .arg(m_keys.size())
                              .arg(QString::fromUtf8(name));
        return finding;
    }
    // Prefer the error of a key pair whose MAC matched: it tells more than "MAC invalid".
    CodecError error = inspection.error;
    for (qsizetype i = 0; i < inspection.keyErrors.size(); ++i) {
        const CodecError &keyError = inspection.keyErrors.at(i);
        if (keyError.isError() && keyError.code() != CodecError::Code::MacInvalid) {
            error = keyError;
            finding.keyIndex = int(i);
            break;
        }
    }
    using Code = CodecError::Code;
    switch (error.code()) {
    case Code::MacInvalid:
        finding.verdict = Verdict::MacInvalid;
        finding.summary = m_keys.size() <= 1
            ? tr("The signature (MAC) does not match: the cookie was signed with another key "
                 "or for another cookie name than \u201c%1\u201d, or it was changed.")
                  .arg(QString::fromUtf8(name))
            : tr("No key of the ring matches: the signature (MAC) is wrong under all %1 key "
                 "pairs. The cookie was signed with other keys or for another cookie name "
                 "than \u201c%2\u201d, or it was changed.")
                  .arg(m_keys.size())
                  .arg(QString::fromUtf8(name));
        break;
    case Code::Expired:
        finding.verdict = Verdict::Expired;
        finding.summary = tr("Expired: the cookie was signed on %1, more than %2 ago (the "
                             "maximum age).")
                              .arg(QLocale().toString(finding.signedAt, QLocale::LongFormat),
                                   DisplayFormat::duration(m_codec.maxAge()));
        break;
    case Code::TooNew:
        finding.verdict = Verdict::TooNew;
        finding.summary = tr("The cookie was signed too recently to be accepted (minimum age).");
        break;
    case Code::DecryptFailed:
        finding.verdict = Verdict::DecryptFailed;
        finding.summary = tr("The signature matches, but the value does not decrypt: the block "
                             "(encryption) key is wrong or missing.");
        break;
    case Code::CannotDeserialize:
        finding.verdict = Verdict::NotASessionId;
        finding.summary = tr("The signature matches, but the value inside is not a session ID: "
                             "%1")
                              .arg(error.message());
        break;
    case Code::NoKeys:
    case Code::HashKeyNotSet:
    case Code::InvalidBlockKey:
        finding.verdict = Verdict::NoKeys;
        finding.summary
            = tr("No usable cookie keys: %1. Enter the store's keys first.").arg(error.message());
        break;
    case Code::CookieTooLong:
        finding.verdict = Verdict::TooLong;
        finding.summary = tr("The cookie is longer than the store accepts (%1 characters).")
                              .arg(candidate.value.size());
        break;
    default:
        finding.verdict = Verdict::NotACookie;
        finding.summary = tr("This is not a session cookie value: %1").arg(error.message());
        break;
    }
    return finding;
}

QList<CookieInspector::Finding> CookieInspector::inspectText(const QString &text) const
{
    QList<Finding> named, others;
    const QList<Candidate> candidates = parse(text);
    for (const Candidate &candidate : candidates)
        (candidate.name == m_name || candidate.name.isEmpty() ? named : others)
            .append(inspect(candidate));
    return named + others;
}

} // namespace RediStore::Admin
