#include "session.h"
#include "session_p.h"

namespace RediStore {

Session::Session() = default;

Session::Session(SessionStore *store, const QByteArray &name, const SessionOptions &options)
    : d(new SessionData(store, name, options))
{ }

Session::Session(const Session &other) = default;
Session::Session(Session &&other) noexcept = default;
Session &Session::operator=(const Session &other) = default;
Session &Session::operator=(Session &&other) noexcept = default;
Session::~Session() = default;

bool Session::isNull() const
{
    return !d;
}
SessionStore *Session::store() const
{
    return d ? d->store : nullptr;
}
QByteArray Session::name() const
{
    return d ? d->name : QByteArray();
}
QString Session::id() const
{
    return d ? d->id : QString();
}
bool Session::isNew() const
{
    return !d || d->isNew;
}
QVariantMap Session::values() const
{
    return d ? d->values : QVariantMap();
}

QVariant Session::value(const QString &key, const QVariant &fallback) const
{
    return d ? d->values.value(key, fallback) : fallback;
}

bool Session::contains(const QString &key) const
{
    return d && d->values.contains(key);
}

void Session::setValue(const QString &key, const QVariant &value)
{
    if (!d)
        return;
    d->values.insert(key, value);
    d->touch(key);
}

void Session::remove(const QString &key)
{
    if (d && d->values.remove(key))
        d->touch(key);
}

void Session::setValues(const QVariantMap &values)
{
    if (!d)
        return;
    d->touchAll();
    d->values = values;
    d->touchAll();
}

void Session::clear()
{
    if (d && !d->values.isEmpty()) {
        d->touchAll();
        d->values.clear();
    }
}

void Session::addFlash(const QVariant &message, const QString &key)
{
    if (!d)
        return;
    QVariantList list = d->values.value(key).toList();
    list.append(message);
    d->values.insert(key, list);
    d->touch(key);
}

QVariantList Session::flashes(const QString &key)
{
    if (!d || !d->values.contains(key))
        return {};
    const QVariantList list = d->values.take(key).toList();
    d->touch(key);
    return list;
}

SessionOptions Session::options() const
{
    return d ? d->options : SessionOptions();
}

void Session::setOptions(const SessionOptions &options)
{
    if (!d)
        return;
    d->options = options;
    d->modified = true;
}

void Session::setMaxAge(qint64 seconds)
{
    if (!d)
        return;
    d->options.setMaxAge(seconds);
    d->modified = true;
}

void Session::regenerateId()
{
    if (!d)
        return;
    d->regenerate = true;
    d->modified = true;
}

bool Session::isModified() const
{
    return d && d->modified;
}

} // namespace RediStore
