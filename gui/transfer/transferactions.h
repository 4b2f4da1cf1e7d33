#ifndef REDISTORE_ADMIN_TRANSFERACTIONS_H
#define REDISTORE_ADMIN_TRANSFERACTIONS_H

#include <libredistore/session/sessionadmin.h>

#include <QtCore/QObject>
#include <QtCore/QPointer>

#include <functional>
#include <memory>

QT_BEGIN_NAMESPACE
class QFile;
class QSaveFile;
class QWidget;
QT_END_NAMESPACE

namespace RediStore {
class SessionExporter;
class SessionImporter;
} // namespace RediStore

namespace RediStore::Admin {

// "Export Sessions…" and "Import Sessions…": asks for a file (and, for an import, whether
// to replace sessions that exist), runs SessionExporter or SessionImporter in the background,
// says how far it got while it runs and what happened in one sentence at the end. The file
// holds session IDs, TTLs and values only: never the profile's URL, password or cookie keys.
// One transfer at a time; in read-only mode an import sends nothing.
class TransferActions : public QObject
{
    Q_OBJECT

public:
    // Asks for a file name to save to (save) or open, and calls accept with it (not at all
    // when the user cancels). The default opens a QFileDialog.
    using FileAsker = std::function<void(bool save, std::function<void(const QString &)> accept)>;
    // Asks what becomes of sessions that exist already: answer(true) replaces them, (false)
    // keeps them; not called at all when the user cancels. The default opens a message box.
    using OverwriteAsker = std::function<void(std::function<void(bool overwrite)> answer)>;

    explicit TransferActions(QWidget *window, QObject *parent = nullptr);
    ~TransferActions() override;

    void setAdmin(SessionAdmin *admin, bool readOnly);
    void setFileAsker(FileAsker asker) { m_fileAsker = std::move(asker); }
    void setOverwriteAsker(OverwriteAsker asker) { m_overwriteAsker = std::move(asker); }

    // Ask, then act. ids: the sessions to export; empty: all of them.
    void exportSessions(const QStringList &ids);
    void importSessions();

    // Act without asking.
    void exportTo(const QString &fileName, const QStringList &ids);
    void importFrom(const QString &fileName, bool overwrite);
    // Stops the transfer in flight (it ends with a sentence saying so).
    void cancel();

    bool isBusy() const;

Q_SIGNALS:
    // While it runs: "Exported 1,500 sessions…".
    void progress(const QString &text);
    void finished(const QString &summary, bool ok);
    // An import wrote sessions: the list is out of date.
    void sessionsImported(qint64 count);

private:
    bool refuse();
    void endExport();
    void endImport();

    QPointer<QWidget> m_window;
    QPointer<SessionAdmin> m_admin;
    bool m_readOnly = true;
    FileAsker m_fileAsker;
    OverwriteAsker m_overwriteAsker;
    std::unique_ptr<QSaveFile> m_saveFile;
    std::unique_ptr<QFile> m_readFile;
    std::unique_ptr<SessionExporter> m_exporter;
    std::unique_ptr<SessionImporter> m_importer;
};

} // namespace RediStore::Admin

#endif // REDISTORE_ADMIN_TRANSFERACTIONS_H
