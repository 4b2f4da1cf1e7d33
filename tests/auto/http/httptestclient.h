#ifndef REDISTORE_HTTPTESTCLIENT_H
#define REDISTORE_HTTPTESTCLIENT_H

#include <QtCore/QByteArrayList>
#include <QtCore/QUrl>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkCookie>
#include <QtNetwork/QNetworkCookieJar>
#include <QtNetwork/QNetworkProxy>
#include <QtNetwork/QNetworkReply>
#include <QtNetwork/QNetworkRequest>
#include <QtTest/QSignalSpy>

#include <memory>

namespace RediStore::Test {

// What a browser would see of one answer.
struct HttpResult
{
    bool finished = false; // false: no answer in time
    int status = 0;
    QByteArray body;
    QByteArrayList setCookies; // one entry per Set-Cookie header
    QList<QPair<QByteArray, QByteArray>> headers; // every header, as received
    // The first value of the header called name (case-insensitive), or empty.
    QByteArray header(const QByteArray &name) const
    {
        for (const auto &pair : headers) {
            if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
                return pair.second;
        }
        return QByteArray();
    }
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorString;
};

// A browser in miniature: QNetworkAccessManager with a cookie jar, no proxy.
class HttpTestClient
{
public:
    explicit HttpTestClient(const QUrl &base = QUrl())
        : m_base(base)
    {
        m_nam.setProxy(QNetworkProxy::NoProxy);
        clearCookies();
    }

    void setBase(const QUrl &base) { m_base = base; }
    QUrl url(const QString &path) const { return m_base.resolved(QUrl(path)); }
    QNetworkAccessManager *manager() { return &m_nam; }

    // Starts a request and leaves the reply to the caller (for clients that give up early).
    QNetworkReply *start(const QString &path, const QByteArray &verb = "GET",
                         const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        QNetworkRequest request(url(path));
        for (const auto &header : headers)
            request.setRawHeader(header.first, header.second);
        // QNetworkAccessManager knows a HEAD answer has no body only through head().
        if (verb == "HEAD")
            return m_nam.head(request);
        return m_nam.sendCustomRequest(request, verb);
    }

    HttpResult send(const QString &path, const QByteArray &verb = "GET",
                    const QList<QPair<QByteArray, QByteArray>> &headers = {}, int timeoutMs = 20000)
    {
        std::unique_ptr<QNetworkReply> reply(start(path, verb, headers));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        HttpResult result;
        if (!reply->isFinished() && !finished.wait(timeoutMs))
            return result;
        result.finished = true;
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.body = reply->readAll();
        result.error = reply->error();
        result.errorString = reply->errorString();
        result.headers = reply->rawHeaderPairs();
        for (const auto &pair : std::as_const(result.headers)) {
            if (pair.first.compare("set-cookie", Qt::CaseInsensitive) == 0)
                result.setCookies += pair.second.split('\n');
        }
        return result;
    }
    HttpResult get(const QString &path, const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        return send(path, "GET", headers);
    }

    QList<QNetworkCookie> cookies() const { return m_nam.cookieJar()->cookiesForUrl(m_base); }
    QByteArray cookie(const QByteArray &name) const
    {
        for (const QNetworkCookie &cookie : cookies()) {
            if (cookie.name() == name)
                return cookie.value();
        }
        return QByteArray();
    }
    void setCookie(const QByteArray &name, const QByteArray &value)
    {
        QNetworkCookie cookie(name, value);
        cookie.setPath(QStringLiteral("/"));
        m_nam.cookieJar()->setCookiesFromUrl({ cookie }, m_base);
    }
    void clearCookies() { m_nam.setCookieJar(new QNetworkCookieJar); }

private:
    QUrl m_base;
    QNetworkAccessManager m_nam;
};

} // namespace RediStore::Test

#endif // REDISTORE_HTTPTESTCLIENT_H
