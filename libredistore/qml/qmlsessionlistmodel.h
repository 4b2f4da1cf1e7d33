#ifndef REDISTORE_QMLSESSIONLISTMODEL_H
#define REDISTORE_QMLSESSIONLISTMODEL_H

#include <libredistore/session/sessionwatcher.h>

#include <QtCore/QAbstractListModel>
#include <QtCore/QPointer>
#include <QtQml/QJSValue>
#include <QtQml/QQmlParserStatus>
#include <QtQml/qqmlregistration.h>

namespace RediStore {

class QmlSessionAdmin;
class SessionAdmin;

// The sessions of a SessionAdmin as a list model for QML views, sorted by id, with the roles
// id, ttl (seconds, -1: no expiry), size (bytes) and values (an object). It follows Redis
// live through a SessionWatcher: keyspace notifications when the server sends them
// (notify-keyspace-events with K, g, $ and x, or KA), else polling every pollInterval
// milliseconds.
//
//   ListView {
//       model: SessionListModel { admin: admin }
//       delegate: Text { text: model.id + " " + model.ttl + " s" }
//   }
class QmlSessionListModel : public QAbstractListModel, public QQmlParserStatus
{
    Q_OBJECT
    Q_INTERFACES(QQmlParserStatus)
    QML_NAMED_ELEMENT(SessionListModel)

    Q_PROPERTY(RediStore::QmlSessionAdmin *admin READ admin WRITE setAdmin NOTIFY adminChanged)
    // Follow changes in Redis (default true); false: only refresh() reloads.
    Q_PROPERTY(bool live READ isLive WRITE setLive NOTIFY liveChanged)
    // Milliseconds between polls when the server sends no keyspace notifications.
    Q_PROPERTY(int pollInterval READ pollInterval WRITE setPollInterval NOTIFY pollIntervalChanged)
    // Load each session's values (default true); false leaves the values role empty.
    Q_PROPERTY(bool loadValues READ loadValues WRITE setLoadValues NOTIFY loadValuesChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)
    // "notifications", "polling" or "" (not live, or not started)
    Q_PROPERTY(QString updateMode READ updateMode NOTIFY updateModeChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)

public:
    enum Role { IdRole = Qt::UserRole + 1, TtlRole, SizeRole, ValuesRole };
    Q_ENUM(Role)

    explicit QmlSessionListModel(QObject *parent = nullptr);
    ~QmlSessionListModel() override;

    QmlSessionAdmin *admin() const { return m_admin; }
    void setAdmin(QmlSessionAdmin *admin);
    bool isLive() const { return m_live; }
    void setLive(bool live);
    int pollInterval() const { return m_pollInterval; }
    void setPollInterval(int ms);
    bool loadValues() const { return m_loadValues; }
    void setLoadValues(bool load);
    int count() const { return int(m_rows.size()); }
    bool isLoading() const { return m_loading; }
    QString updateMode() const { return m_updateMode; }
    QString error() const { return m_error; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Reloads the whole list now.
    Q_INVOKABLE void refresh();
    // The row as an object {id, ttl, size, values}, or undefined.
    Q_INVOKABLE QJSValue get(int row) const;
    // The row of a session, or -1.
    Q_INVOKABLE int indexOf(const QString &id) const;

    void classBegin() override;
    void componentComplete() override;

Q_SIGNALS:
    void adminChanged();
    void liveChanged();
    void pollIntervalChanged();
    void loadValuesChanged();
    void countChanged();
    void loadingChanged();
    void updateModeChanged();
    void errorChanged();
    // A full reload finished (also after each poll).
    void refreshed();

private:
    struct Row
    {
        QString id;
        qint64 ttl = -1;
        qint64 size = 0;
        QVariantMap values;
    };

    void restart();
    void stopWatching();
    void startWatching();
    void scanStep(const QByteArray &cursor);
    void finishRefresh();
    void applyListing(const QList<Row> &listing);
    void reloadSession(const QString &id);
    void loadValuesOf(const QString &id);
    void onSessionChanged(const QString &id, RediStore::SessionWatcher::Event event);
    void setLoading(bool loading);
    void setUpdateMode(const QString &mode);
    void setError(const QString &error);
    qsizetype rowOf(const QString &id) const;
    qsizetype insertionPoint(const QString &id) const;
    void upsert(const Row &row, bool keepValues);
    void removeId(const QString &id);

    QPointer<QmlSessionAdmin> m_admin;
    bool m_live = true;
    int m_pollInterval = 2000;
    bool m_loadValues = true;
    bool m_complete = true;
    bool m_loading = false;
    bool m_refreshAgain = false;
    QString m_updateMode;
    QString m_error;
    QList<Row> m_rows;

    // The refresh in progress: the sessions seen so far and the admin it runs on.
    QList<Row> m_listing;
    QPointer<SessionAdmin> m_scanAdmin;
    quint64 m_generation = 0;
    // The newest event per session, so that a load overtaken by a later event is dropped.
    struct PendingLoad
    {
        quint64 token = 0; // the newest event's number
        int inFlight = 0; // loads on their way
    };
    QHash<QString, PendingLoad> m_pendingLoads;
    quint64 m_eventCounter = 0;

    SessionWatcher *m_watcher = nullptr;
};

} // namespace RediStore

#endif // REDISTORE_QMLSESSIONLISTMODEL_H
