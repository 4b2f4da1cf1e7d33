#ifndef REDISTORE_ASYNC_H
#define REDISTORE_ASYNC_H

#include <QtCore/QFuture>
#include <QtCore/QFutureWatcher>
#include <QtCore/QObject>

#include <utility>

namespace RediStore {

// The one way to continue after a RediStore future: runs handler(result) in context's thread,
// from its event loop, once future has finished; never from inside this call (a future may
// already be finished, e.g. a refusal), and not at all once context is gone.
//
//   whenFinished(admin->count(), this, [this](const SessionCount &count) {
//       if (count.ok()) label->setNum(count.count);
//   });
//
// Every RediStore future finishes with exactly one result that carries its own error, so the
// handler always gets a value. Unlike QFuture::then(context, ...), this is safe on every Qt 6
// version when context dies first (Qt 6.4 runs such a continuation for a dead context), and it
// never runs the handler synchronously.
template<typename T, typename Handler>
void whenFinished(const QFuture<T> &future, QObject *context, Handler handler)
{
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                     [watcher, handler = std::move(handler)]() mutable {
                         watcher->deleteLater();
                         if (watcher->future().resultCount() > 0)
                             handler(watcher->result());
                     });
    watcher->setFuture(future);
}

} // namespace RediStore

#endif // REDISTORE_ASYNC_H
