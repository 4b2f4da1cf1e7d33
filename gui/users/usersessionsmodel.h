#ifndef REDISTORE_ADMIN_USERSESSIONSMODEL_H
#define REDISTORE_ADMIN_USERSESSIONSMODEL_H

#include <libredistore/session/sessionadmin.h>

#include <QtCore/QAbstractTableModel>
#include <QtCore/QPointer>
#include <QtCore/QVariantMap>

namespace RediStore::Admin {

// The sessions of one user with their TTL, size and a preview of their values. They come
// from the per-user index (showUser()), or, where a prefix has none, from a search of every
// session's values for the user's name or ID (showSearch()); source() says which. At most
// maxSessions rows (isTruncated() says when there were more).
class UserSessionsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { IdColumn, TtlColumn, SizeColumn, ValuesColumn, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, TtlRole, SizeRole, ValuesRole };
    enum class Source { None, Index, ValueSearch };
    static constexpr int maxSessions = 1000;

    explicit UserSessionsModel(QObject *parent = nullptr);

    void setAdmin(SessionAdmin *admin); // clears
    // The user's sessions from the index; then each one's size and values.
    void showUser(const QString &user);
    // The sessions whose values contain text (ignoring case): a SCAN of every session with
    // their values, page by page; rows come as they are found.
    void showSearch(const QString &text);
    void clear();

    QString user() const { return m_user; }
    Source source() const { return m_source; }
    // Listing, or still reading sizes and values.
    bool isLoading() const { return m_pending > 0; }
    bool isTruncated() const { return m_truncated; }
    qint64 checkedCount() const { return m_checked; } // sessions a search has read
    SessionError error() const { return m_error; }

    QString sessionId(int row) const;
    QVariantMap values(int row) const;
    QStringList ids() const;
    int rowOf(const QString &id) const;
    void removeSessions(const QStringList &ids);
    // Reads the TTL, size and values of those of ids that are shown again (they changed in
    // Redis); loaded() follows.
    void reread(const QStringList &ids);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    // The listing and every size and value have come (or failed: error()).
    void loaded();
    void progress(); // a search read another page

private:
    struct Row
    {
        QString id;
        qint64 ttlMs = -1;
        qint64 size = -1; // -1: not read yet
        QVariantMap values;
        QString preview;
        bool valuesRead = false;
    };
    void reset(Source source, const QString &user);
    // Of ids, those shown, each once.
    QStringList shownAmong(const QStringList &ids) const;
    void fillDetails(quint64 token, const QStringList &ids);
    void searchStep(quint64 token, const QByteArray &cursor);
    void done(quint64 token);
    void fail(const SessionError &error);
    static QString previewOf(const SessionContent &content);

    QPointer<SessionAdmin> m_admin;
    QList<Row> m_rows;
    QString m_user;
    Source m_source = Source::None;
    SessionError m_error;
    quint64 m_token = 0;
    int m_pending = 0;
    qint64 m_checked = 0;
    bool m_truncated = false;
};

} // namespace RediStore::Admin

#endif // REDISTORE_ADMIN_USERSESSIONSMODEL_H
