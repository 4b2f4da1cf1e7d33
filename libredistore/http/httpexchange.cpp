#include "httpexchange.h"
#include "httpexchange_p.h"
#include "httpservercompat_p.h"
#include "httpsessions_p.h"

#include <libredistore/session/sessionregistry.h>

#include <QtCore/QMetaEnum>

#include <algorithm>
#include <cstring>

namespace RediStore {

namespace {

QByteArray statusText(HttpExchange::StatusCode status)
{
    return QByteArray::number(int(status));
}

SessionError storeGone()
{
    return SessionError(SessionError::Code::InvalidSession,
                        QStringLiteral("the session store was deleted while the server still "
                                       "uses it"));
}

} // namespace

bool HttpExchangePrivate::canWrite() const
{
    if (!responder)
        return false;
    if (!socketKnown)
        return true;
    return socket && socket->isOpen() && socket->state() == QAbstractSocket::ConnectedState;
}

void HttpExchangePrivate::write(HttpExchange::StatusCode status, const QByteArray &contentType,
                                const QByteArray &content)
{
    if (!HttpHeaderError::isFieldValue(contentType)) {
        // A content type built from input: no answer of the handler's can be trusted.
        if (sessions->d->errorLog.admit(QStringLiteral("content type refused"), QtWarningMsg)) {
            qCWarning(lcHttp).noquote() << "the answer to" << requestLine()
                                        << "was replaced by 500: its content type holds CR, LF "
                                           "or NUL";
        }
        HttpServerCompat::writeAnswer(*responder, HttpExchange::StatusCode::InternalServerError,
                                      HttpExchange::textPlain, {}, "500 Internal Server Error\n",
                                      method == QHttpServerRequest::Method::Head);
        return;
    }
    HttpServerCompat::HeaderList headers = extraHeaders;
    const QByteArrayList cookies = registry->setCookieHeaders();
    for (const QByteArray &cookie : cookies)
        headers.append({ QByteArrayLiteral("Set-Cookie"), cookie });
    // A HEAD answer has the headers of a GET answer and no body.
    HttpServerCompat::writeAnswer(*responder, status, contentType, headers, content,
                                  method == QHttpServerRequest::Method::Head);
}

void HttpExchangePrivate::finish()
{
    if (finished)
        return;
    finished = true;
    timeout.stop();
    --sessions->d->pending;
    q->deleteLater();
}

void HttpExchangePrivate::abandon()
{
    if (finished)
        return;
    qCDebug(lcHttp).noquote() << "client left before the answer to" << requestLine()
                              << "- dropping it";
    finish();
    Q_EMIT q->clientDisconnected();
    Q_EMIT sessions->requestAbandoned(url);
}

QString HttpExchangePrivate::requestLine() const
{
    // Method and path only: a query string may hold a token, and the path stays percent-encoded
    // so that it cannot break the line.
    constexpr qsizetype longest = 200;
    const char *verb = QMetaEnum::fromType<QHttpServerRequest::Method>().valueToKey(int(method));
    const QString path = url.path(QUrl::FullyEncoded);
    return QString::fromLatin1(verb ? QByteArray(verb).toUpper() : QByteArray("?"))
        + QLatin1Char(' ')
        + (path.size() > longest ? path.left(longest) + QStringLiteral("...") : path);
}

void HttpExchangePrivate::report(const QByteArray &name, const SessionError &error)
{
    if (!error.isError())
        return;
    const bool recoverable = HttpSessions::isRecoverable(error);
    const QString kind = QStringLiteral("session ") + QString::fromLatin1(name) + QLatin1Char(' ')
        + error.codeName();
    if (sessions->d->errorLog.admit(kind, recoverable ? QtInfoMsg : QtWarningMsg)) {
        const QString where = QString::fromLatin1(name) + QStringLiteral(" (") + requestLine()
            + QStringLiteral(" from ") + remoteAddress.toString() + QStringLiteral(")");
        if (recoverable) {
            qCInfo(lcHttp).noquote()
                << "session" << where << "starts anew:" << error.codeName() << error.message();
        } else {
            qCWarning(lcHttp).noquote()
                << "session" << where << "failed:" << error.codeName() << error.message();
        }
    }
    Q_EMIT sessions->sessionError(name, error);
}

void HttpExchangePrivate::remember(const Session &session)
{
    if (session.isNull())
        return;
    for (const Session &known : givenOut) {
        if (known == session)
            return;
    }
    givenOut.push_back(session);
}

void HttpExchangePrivate::saveAll(std::function<void(const SessionSaveResult &, bool gone)> done)
{
    if (givenOut.empty()) {
        done(SessionSaveResult {}, false);
        return;
    }
    struct State
    {
        size_t remaining = 0;
        SessionSaveResult first;
        bool gone = false;
        std::function<void(const SessionSaveResult &, bool)> done;
    };
    auto state = std::make_shared<State>();
    state->remaining = givenOut.size();
    state->done = std::move(done);
    const std::vector<Session> sessionsToSave = givenOut;
    for (const Session &session : sessionsToSave) {
        q->save(session, [state](const SessionSaveResult &result) {
            if (!isFine(result) && !state->first.error.isError())
                state->first = result;
            if (result.error.code() == SessionError::Code::SessionGone)
                state->gone = true;
            if (--state->remaining == 0)
                state->done(state->first, state->gone);
        });
    }
}

HttpExchange::HttpExchange(HttpSessions *sessions, const QHttpServerRequest &request,
                           QHttpServerResponder &&responder, QAbstractHttpServer *server)
    : QObject(sessions)
    , d(std::make_unique<HttpExchangePrivate>(this, sessions))
{
    d->method = request.method();
    d->url = request.url();
    d->headers = HttpServerCompat::requestHeaders(request);
    d->body = request.body();
    d->remoteAddress = request.remoteAddress();
    for (const auto &header : std::as_const(d->headers)) {
        if (header.first.compare("cookie", Qt::CaseInsensitive) == 0)
            d->cookieHeaders.append(header.second);
    }
    d->registry = new SessionRegistry(d->cookieHeaders, this);

    d->socket = HttpServerCompat::connectionSocket(server, request, responder);
    d->socketKnown = !d->socket.isNull();
    d->responder = std::make_unique<QHttpServerResponder>(std::move(responder));
    if (d->socket) {
        // The client disconnected, or QHttpServer deleted the socket (Qt 6.4 does, later):
        // either means the answer has nowhere to go.
        connect(d->socket, &QAbstractSocket::disconnected, this, [this]() { d->abandon(); });
        connect(d->socket, &QObject::destroyed, this, [this]() {
            HttpServerCompat::forgetResponderOfDeletedConnection(d->responder);
            d->abandon();
        });
    }

    d->timeout.setSingleShot(true);
    connect(&d->timeout, &QTimer::timeout, this, [this]() {
        if (d->sessions->d->errorLog.admit(QStringLiteral("no answer in time"), QtWarningMsg)) {
            qCWarning(lcHttp).noquote() << "no answer to" << d->requestLine() << "within"
                                        << d->sessions->responseTimeoutMs() << "ms; answering 503";
        }
        respond(QByteArrayLiteral("The server took too long to answer.\n"), textPlain,
                StatusCode::ServiceUnavailable);
    });
}

HttpExchange::~HttpExchange() = default;

QHttpServerRequest::Method HttpExchange::method() const
{
    return d->method;
}

QUrl HttpExchange::url() const
{
    return d->url;
}

QUrlQuery HttpExchange::query() const
{
    return QUrlQuery(d->url);
}

QByteArray HttpExchange::header(const QByteArray &name) const
{
    for (const auto &header : std::as_const(d->headers)) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return QByteArray();
}

QList<QPair<QByteArray, QByteArray>> HttpExchange::headers() const
{
    return d->headers;
}

QByteArray HttpExchange::body() const
{
    return d->body;
}

QHostAddress HttpExchange::remoteAddress() const
{
    return d->remoteAddress;
}

QByteArrayList HttpExchange::cookieHeaders() const
{
    return d->cookieHeaders;
}

HttpSessions *HttpExchange::sessions() const
{
    return d->sessions;
}

SessionStore *HttpExchange::store() const
{
    return d->sessions->store();
}

SessionRegistry *HttpExchange::registry() const
{
    return d->registry;
}

void HttpExchange::session(const QByteArray &name, SessionCallback callback)
{
    load(name, [this, callback = std::move(callback)](const SessionLoadResult &result) {
        if (result.error.isError() && !HttpSessions::isRecoverable(result.error)) {
            fail(result.error);
            return;
        }
        callback(result.session);
    });
}

void HttpExchange::load(const QByteArray &name, SessionStore::LoadCallback callback)
{
    SessionStore *store = d->sessions->d->liveStore();
    if (!store) {
        const SessionLoadResult result { Session(), storeGone() };
        QMetaObject::invokeMethod(
            this,
            [this, name, result, callback = std::move(callback)]() {
                d->report(name, result.error);
                callback(result);
            },
            Qt::QueuedConnection);
        return;
    }
    d->registry->get(store, name, this,
                     [this, name, callback = std::move(callback)](const SessionLoadResult &result) {
                         d->remember(result.session);
                         // The registry gives the same error to every get() of a name: report
                         // it once.
                         if (!d->reported.contains(name)) {
                             d->reported.insert(name);
                             d->report(name, result.error);
                         }
                         callback(result);
                     });
}

void HttpExchange::save(const Session &session, SessionStore::SaveCallback callback)
{
    if (!d->sessions->d->liveStore()) {
        const SessionSaveResult result { storeGone(), {} };
        QMetaObject::invokeMethod(
            this,
            [this, name = session.name(), result, callback = std::move(callback)]() {
                d->report(name, result.error);
                callback(result);
            },
            Qt::QueuedConnection);
        return;
    }
    d->remember(session);
    d->registry->save(session, this,
                      [this, name = session.name(),
                       callback = std::move(callback)](const SessionSaveResult &result) {
                          d->report(name, result.error);
                          callback(result);
                      });
}

void HttpExchange::update(const QByteArray &name, SessionStore::UpdateFunction change,
                          SessionCallback then)
{
    session(name, [this, change = std::move(change), then = std::move(then)](Session session) {
        d->remember(session);
        d->registry->update(
            session, change, this, [this, session, change, then](const SessionSaveResult &result) {
                d->report(session.name(), result.error);
                if (result.error.code() == SessionError::Code::SessionGone) {
                    // Logged out or revoked meanwhile: the session is now a new visitor's,
                    // and the change applies to that one, as if the request came afresh.
                    d->registry->update(session, change, this,
                                        [this, session, then](const SessionSaveResult &again) {
                                            d->report(session.name(), again.error);
                                            if (!again.ok())
                                                fail(again.error);
                                            else
                                                then(session);
                                        });
                    return;
                }
                if (!result.ok()) {
                    fail(result.error);
                    return;
                }
                then(session);
            });
    });
}

void HttpExchange::destroy(const QByteArray &name, std::function<void()> then)
{
    session(name, [this, then = std::move(then)](Session session) {
        d->registry->destroy(session, this, [this, session, then](const SessionSaveResult &result) {
            d->report(session.name(), result.error);
            if (!result.ok()) {
                fail(result.error);
                return;
            }
            if (then)
                then();
        });
    });
}

Result<void, HttpHeaderError> HttpExchange::addHeader(const QByteArray &name,
                                                      const QByteArray &value)
{
    HttpHeaderError refused = HttpHeaderError::check(name, value);
    if (refused.isError()) {
        // The value is never printed: it may hold what the client sent.
        if (d->sessions->d->errorLog.admit(QStringLiteral("header refused"), QtWarningMsg)) {
            qCWarning(lcHttp).noquote()
                << "a header for" << d->requestLine() << "was refused:" << refused.message();
        }
        return refused;
    }
    d->extraHeaders.append({ name, value });
    return {};
}

void HttpExchange::respond(const QByteArray &body, const QByteArray &contentType, StatusCode status)
{
    if (d->finished) {
        if (d->responder
            && d->sessions->d->errorLog.admit(QStringLiteral("second answer"), QtWarningMsg)) {
            qCWarning(lcHttp).noquote()
                << "a second answer to" << d->requestLine() << "was ignored";
        }
        return;
    }
    if (d->saveBeforeAnswer && !d->saving && int(status) < 400) {
        d->saving = true;
        saveAndRespond(body, contentType, status);
        return;
    }
    if (d->canWrite()) {
        d->write(status, contentType, body);
    } else {
        qCDebug(lcHttp).noquote() << "the client of" << d->requestLine() << "is gone; answer"
                                  << statusText(status) << "dropped";
    }
    d->finish();
}

void HttpExchange::respond(StatusCode status)
{
    const QMetaEnum meta = QMetaEnum::fromType<StatusCode>();
    const char *key = meta.valueToKey(int(status));
    respond(statusText(status) + ' ' + QByteArray(key ? key : "") + '\n', textPlain, status);
}

void HttpExchange::saveAndRespond(const QByteArray &body, const QByteArray &contentType,
                                  StatusCode status)
{
    d->saving = true;
    d->saveAll([this, body, contentType, status](const SessionSaveResult &result, bool gone) {
        if (!HttpExchangePrivate::isFine(result)) {
            fail(result.error);
            return;
        }
        if (gone && d->rerun) {
            // The handler answered for a session that is gone; it answers again for the new
            // visitor's session the request now has (once).
            const std::function<void()> again = std::exchange(d->rerun, {});
            d->saving = false;
            again();
            return;
        }
        respond(body, contentType, status);
    });
}

void HttpExchange::fail(const SessionError &error)
{
    if (d->finished)
        return;
    const HttpSessions::ErrorResponder &responder = d->sessions->d->errorResponder;
    if (responder)
        responder(this, error);
    else
        HttpSessions::defaultErrorResponse(this, error);
}

bool HttpExchange::isFinished() const
{
    return d->finished;
}

bool HttpExchange::isClientConnected() const
{
    return d->canWrite();
}

} // namespace RediStore
