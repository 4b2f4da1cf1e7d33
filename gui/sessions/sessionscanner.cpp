#include "sessions/sessionscanner.h"

#include <libredistore/async.h>

namespace RediStore::Admin {

SessionScanner::SessionScanner(QObject *parent)
    : QObject(parent)
{ }

void SessionScanner::setAdmin(SessionAdmin *admin)
{
    m_admin = admin;
    restart();
}

void SessionScanner::restart()
{
    ++m_token;
    if (m_listing) {
        m_listing->stop();
        m_listing->deleteLater(); // may be emitting
        m_listing = nullptr;
    }
    m_cursor = QByteArrayLiteral("0");
    m_pages = 0;
    m_started = false;
    m_busy = false;
    m_finished = false;
}

void SessionScanner::fetch(int countHint)
{
    if (!canFetch())
        return;
    m_started = true;
    m_busy = true;
    if (m_listing) {
        m_listing->resume();
        return;
    }
    const quint64 token = m_token;
    whenFinished(m_admin->scan(m_cursor, countHint), this,
                 [this, token](const SessionPage &page) { onPage(token, page); });
}

void SessionScanner::fetchAll(int firstCount, int countHint)
{
    if (!canFetch() || m_started)
        return;
    m_started = true;
    m_busy = true;
    const quint64 token = m_token;
    m_listing = new SessionListing(m_admin, this);
    m_listing->setFirstPageSize(firstCount);
    m_listing->setPageSize(countHint);
    connect(m_listing, &SessionListing::restarted, this, [this, token]() {
        if (token != m_token)
            return;
        m_pages = 0;
        Q_EMIT restarted();
    });
    connect(m_listing, &SessionListing::pageReady, this, [this, token](const SessionPage &page) {
        if (token != m_token)
            return;
        ++m_pages;
        Q_EMIT pageReady(page.sessions);
    });
    connect(m_listing, &SessionListing::finished, this, [this, token]() {
        if (token != m_token)
            return;
        m_busy = false;
        m_finished = true;
        Q_EMIT finished();
    });
    connect(m_listing, &SessionListing::failed, this, [this, token](const SessionError &error) {
        if (token != m_token)
            return;
        m_busy = false;
        Q_EMIT failed(error);
    });
    m_listing->start();
}

void SessionScanner::onPage(quint64 token, const SessionPage &page)
{
    if (token != m_token)
        return; // restarted meanwhile
    m_busy = false;
    if (!page.ok()) {
        Q_EMIT failed(page.error);
        return;
    }
    if (page.restarted) {
        m_pages = 0;
        Q_EMIT restarted();
        if (token != m_token)
            return; // restarted from outside by a slot
    }
    ++m_pages;
    m_cursor = page.nextCursor;
    m_finished = page.finished || page.nextCursor == "0";
    Q_EMIT pageReady(page.sessions);
    if (m_finished && token == m_token)
        Q_EMIT finished();
}

} // namespace RediStore::Admin
