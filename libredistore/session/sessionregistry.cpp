#include "sessionregistry.h"

#include <QtCore/QPointer>
#include <QtCore/QPromise>

#include <algorithm>
#include <memory>
#include <vector>

namespace RediStore {

class SessionRegistryPrivate
{
public:
    struct Waiter
    {
        QPointer<const QObject> context;
        SessionStore::LoadCallback callback;
    };
    struct Entry
    {
        SessionStore *store = nullptr;
        QByteArray name;
        bool loaded = false;
        SessionLoadResult result;
        std::vector<Waiter> waiters;
    };

    Entry *find(SessionStore *store, const QByteArray &name)
    {
        for (auto &entry : entries) {
            if (entry->store == store && entry->name == name)
                return entry.get();
        }
        return nullptr;
    }

    // Keeps the Set-Cookie header of a write: a saved session's, or an expired one.
    void record(const QByteArray &name, const SessionSaveResult &result)
    {
        const bool gone = result.error.code() == SessionError::Code::SessionGone;
        if ((!result.ok() && !gone) || result.setCookie.isEmpty())
            return;
        auto it = std::find_if(setCookies.begin(), setCookies.end(),
                               [&name](const auto &pair) { return pair.first == name; });
        if (it != setCookies.end())
            it->second = result.setCookie;
        else
            setCookies.append({ name, result.setCookie });
    }
    // The callback for a write: records its cookie, then calls back unless context is gone.
    SessionStore::SaveCallback recorder(const QByteArray &name, const QObject *context,
                                        SessionStore::SaveCallback callback)
    {
        return [this, name, target = QPointer<const QObject>(context),
                callback = std::move(callback)](const SessionSaveResult &result) {
            record(name, result);
            if (target)
                callback(result);
        };
    }

    QByteArrayList cookieHeaders;
    std::vector<std::unique_ptr<Entry>> entries;
    QList<QPair<QByteArray, QByteArray>> setCookies; // session name -> header, in save order
};

SessionRegistry::SessionRegistry(const QByteArrayList &cookieHeaders, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<SessionRegistryPrivate>())
{
    d->cookieHeaders = cookieHeaders;
}

SessionRegistry::~SessionRegistry() = default;

QByteArrayList SessionRegistry::cookieHeaders() const
{
    return d->cookieHeaders;
}

void SessionRegistry::get(SessionStore *store, const QByteArray &name, const QObject *context,
                          SessionStore::LoadCallback callback)
{
    SessionRegistryPrivate::Entry *entry = d->find(store, name);
    if (entry && entry->loaded) {
        // The same session and the same error as the first get(), delivered later as always.
        QMetaObject::invokeMethod(
            const_cast<QObject *>(context),
            [callback = std::move(callback), result = entry->result]() { callback(result); },
            Qt::QueuedConnection);
        return;
    }
    if (entry) {
        entry->waiters.push_back({ context, std::move(callback) });
        return;
    }
    auto created = std::make_unique<SessionRegistryPrivate::Entry>();
    created->store = store;
    created->name = name;
    created->waiters.push_back({ context, std::move(callback) });
    entry = created.get();
    d->entries.push_back(std::move(created));
    store->load(name, d->cookieHeaders, this, [entry](const SessionLoadResult &result) {
        entry->loaded = true;
        entry->result = result;
        const auto waiters = std::move(entry->waiters);
        entry->waiters.clear();
        for (const auto &waiter : waiters) {
            if (waiter.context)
                waiter.callback(result);
        }
    });
}

QFuture<SessionLoadResult> SessionRegistry::get(SessionStore *store, const QByteArray &name)
{
    auto promise = std::make_shared<QPromise<SessionLoadResult>>();
    promise->start();
    get(store, name, this, [promise](const SessionLoadResult &result) {
        promise->addResult(result);
        promise->finish();
    });
    return promise->future();
}

void SessionRegistry::save(const Session &session, const QObject *context,
                           SessionStore::SaveCallback callback)
{
    SessionStore *store = session.store();
    if (!store) {
        const SessionSaveResult result { SessionError(SessionError::Code::InvalidSession,
                                                      QStringLiteral("cannot save a null session")),
                                         {} };
        QMetaObject::invokeMethod(
            const_cast<QObject *>(context),
            [callback = std::move(callback), result]() { callback(result); }, Qt::QueuedConnection);
        return;
    }
    store->save(session, this, d->recorder(session.name(), context, std::move(callback)));
}

void SessionRegistry::update(const Session &session, SessionStore::UpdateFunction change,
                             const QObject *context, SessionStore::SaveCallback callback)
{
    SessionStore *store = session.store();
    if (!store) {
        save(session, context, std::move(callback)); // reports the null session
        return;
    }
    store->update(session, std::move(change), this,
                  d->recorder(session.name(), context, std::move(callback)));
}

void SessionRegistry::destroy(const Session &session, const QObject *context,
                              SessionStore::SaveCallback callback)
{
    SessionStore *store = session.store();
    if (!store) {
        save(session, context, std::move(callback));
        return;
    }
    store->destroy(session, this, d->recorder(session.name(), context, std::move(callback)));
}

QFuture<SessionSaveResult> SessionRegistry::save(const Session &session)
{
    auto promise = std::make_shared<QPromise<SessionSaveResult>>();
    promise->start();
    save(session, this, [promise](const SessionSaveResult &result) {
        promise->addResult(result);
        promise->finish();
    });
    return promise->future();
}

QFuture<SessionSaveResult> SessionRegistry::saveAll()
{
    auto promise = std::make_shared<QPromise<SessionSaveResult>>();
    promise->start();
    struct State
    {
        int remaining = 0;
        SessionSaveResult first;
    };
    auto state = std::make_shared<State>();
    for (const auto &entry : d->entries) {
        if (entry->loaded && !entry->result.session.isNull())
            ++state->remaining;
    }
    if (state->remaining == 0) {
        promise->addResult(SessionSaveResult {});
        promise->finish();
        return promise->future();
    }
    for (const auto &entry : d->entries) {
        if (!entry->loaded || entry->result.session.isNull())
            continue;
        save(entry->result.session, this, [promise, state](const SessionSaveResult &result) {
            if (result.error.isError() && !state->first.error.isError())
                state->first = result;
            if (--state->remaining == 0) {
                promise->addResult(state->first);
                promise->finish();
            }
        });
    }
    return promise->future();
}

QByteArrayList SessionRegistry::setCookieHeaders() const
{
    QByteArrayList headers;
    for (const auto &pair : d->setCookies)
        headers.append(pair.second);
    return headers;
}

} // namespace RediStore
