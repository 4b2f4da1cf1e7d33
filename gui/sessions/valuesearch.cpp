#include "sessions/valuesearch.h"

#include "common/displayformat.h"

#include <libredistore/async.h>
#include <libredistore/serializer/sessionserializer.h>

#include <QtCore/QPromise>
#include <QtCore/QThreadPool>

namespace RediStore::Admin {

namespace {
constexpr int batchSize = 500; // sessions read in one pipelined batch
constexpr int maxInFlight = 8000; // sessions read or being decoded, a few MiB of values
} // namespace

ValueSearch::ValueSearch(SessionRows *rows, QObject *parent)
    : QObject(parent)
    , m_rows(rows)
{
    m_pumpTimer.setSingleShot(true);
    m_pumpTimer.setInterval(0);
    connect(&m_pumpTimer, &QTimer::timeout, this, &ValueSearch::pump);
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(100);
    connect(&m_flushTimer, &QTimer::timeout, this, &ValueSearch::flush);
}

void ValueSearch::setAdmin(SessionAdmin *admin)
{
    setText(QString());
    m_admin = admin;
}

void ValueSearch::setText(const QString &text)
{
    ++m_token;
    m_text = text;
    m_checked = 0;
    m_inFlight = 0;
    m_cursor = 0;
    m_changed.clear();
    for (int slot = 0; slot < m_rows->slotCount(); ++slot) {
        if (m_rows->isUsed(slot))
            m_rows->slot(slot).setMatch(ValueMatch::Unknown);
    }
    m_unknown = isActive() ? m_rows->count() : 0;
    if (isActive())
        m_pumpTimer.start();
    else
        m_pumpTimer.stop();
    Q_EMIT stateChanged();
}

void ValueSearch::rowAdded(SessionRow &row)
{
    row.setMatch(ValueMatch::Unknown);
    if (!isActive())
        return;
    ++m_unknown;
    if (!m_pumpTimer.isActive())
        m_pumpTimer.start();
}

void ValueSearch::rowChanged(int slot)
{
    if (!isActive())
        return;
    setMatch(m_rows->slot(slot), ValueMatch::Unknown);
    m_changed.insert(slot);
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
    if (!m_pumpTimer.isActive())
        m_pumpTimer.start();
}

void ValueSearch::rowRemoved(int slot)
{
    m_changed.remove(slot);
    if (isActive() && m_rows->slot(slot).match() == ValueMatch::Unknown)
        --m_unknown;
}

void ValueSearch::clear()
{
    const QString text = m_text;
    setText(text);
}

void ValueSearch::setMatch(SessionRow &row, ValueMatch match)
{
    if (row.match() == match)
        return;
    if (row.match() == ValueMatch::Unknown)
        --m_unknown;
    if (match == ValueMatch::Unknown)
        ++m_unknown;
    row.setMatch(match);
}

bool ValueSearch::matches(const SessionContent &content, const QString &text)
{
    if (!content.exists)
        return false;
    if (!content.ok())
        return DisplayFormat::printable(content.raw).contains(text, Qt::CaseInsensitive);
    return DisplayFormat::searchText(content.values).contains(text, Qt::CaseInsensitive);
}

bool ValueSearch::matchesRaw(const QByteArray &raw,
                             const std::shared_ptr<const SessionSerializer> &serializer,
                             const QString &text)
{
    if (serializer) {
        const auto values = serializer->deserialize(raw);
        if (values.ok())
            return DisplayFormat::searchText(values.value()).contains(text, Qt::CaseInsensitive);
    } else {
        const auto detected = SessionSerializer::detect(raw);
        if (detected.ok())
            return DisplayFormat::searchText(detected.value().values)
                .contains(text, Qt::CaseInsensitive);
    }
    return DisplayFormat::printable(raw).contains(text, Qt::CaseInsensitive);
}

QList<QByteArray> ValueSearch::nextIds(int max)
{
    QList<QByteArray> ids;
    if (m_unknown <= 0)
        return ids;
    // Walk the slots from where the last call stopped, wrapping at most once.
    const int slots = m_rows->slotCount();
    for (int visited = 0; visited < slots && ids.size() < max; ++visited) {
        if (m_cursor >= slots)
            m_cursor = 0;
        const int slot = m_cursor++;
        if (!m_rows->isUsed(slot))
            continue;
        SessionRow &row = m_rows->slot(slot);
        if (row.match() == ValueMatch::Unknown) {
            setMatch(row, ValueMatch::Checking);
            ids.append(row.id());
        }
    }
    return ids;
}

void ValueSearch::pump()
{
    if (!m_admin || !isActive())
        return;
    const quint64 token = m_token;
    while (m_inFlight < maxInFlight) {
        const QList<QByteArray> ids = nextIds(qMin(batchSize, maxInFlight - m_inFlight));
        if (ids.isEmpty()) {
            if (m_inFlight == 0)
                Q_EMIT stateChanged(); // done, for now
            return;
        }
        QStringList asked;
        asked.reserve(ids.size());
        for (const QByteArray &id : ids)
            asked.append(QString::fromUtf8(id));
        m_inFlight += int(ids.size());
        whenFinished(m_admin->loadManyRaw(asked), this,
                     [this, ids, token](const SessionContentList &loaded) {
                         checkBatch(token, ids, loaded);
                     });
    }
}

void ValueSearch::checkBatch(quint64 token, const QList<QByteArray> &ids,
                             const SessionContentList &loaded)
{
    if (token != m_token)
        return;
    // Decoding is most of the work: on a worker, so that the GUI thread stays free.
    auto promise = std::make_shared<QPromise<QList<quint8>>>();
    QFuture<QList<quint8>> verdicts = promise->future();
    promise->start();
    QThreadPool::globalInstance()->start(
        [promise, loaded, serializer = m_admin ? m_admin->serializer() : nullptr, text = m_text]() {
            QList<quint8> matches;
            matches.reserve(loaded.sessions.size());
            for (const SessionContent &content : loaded.sessions) {
                matches.append(content.exists && content.ok()
                               && matchesRaw(content.raw, serializer, text));
            }
            promise->addResult(matches);
            promise->finish();
        });
    whenFinished(verdicts, this, [this, token, ids](const QList<quint8> &matches) {
        if (token != m_token)
            return;
        m_inFlight -= int(ids.size());
        for (qsizetype i = 0; i < ids.size(); ++i)
            record(ids.at(i), matches.value(i) != 0);
        if (!m_pumpTimer.isActive())
            m_pumpTimer.start();
    });
}

void ValueSearch::record(const QByteArray &id, bool match)
{
    const int slot = m_rows->findSlot(id);
    // Skip rows removed or changed (so checked again) meanwhile.
    if (slot < 0 || m_rows->slot(slot).match() != ValueMatch::Checking)
        return;
    setMatch(m_rows->slot(slot), match ? ValueMatch::Yes : ValueMatch::No);
    ++m_checked;
    m_changed.insert(slot);
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void ValueSearch::flush()
{
    const QList<int> slots(m_changed.cbegin(), m_changed.cend());
    m_changed.clear();
    if (!slots.isEmpty())
        Q_EMIT verdictsChanged(slots);
    Q_EMIT stateChanged();
}

} // namespace RediStore::Admin
