#include "transfer/transferactions.h"

#include <libredistore/async.h>
#include <libredistore/session/sessionexporter.h>
#include <libredistore/session/sessionimporter.h>

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QLocale>
#include <QtCore/QSaveFile>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QPushButton>

namespace RediStore::Admin {

namespace {

QString number(qint64 value)
{
    return QLocale().toString(value);
}

} // namespace

TransferActions::TransferActions(QWidget *window, QObject *parent)
    : QObject(parent)
    , m_window(window)
{
    m_fileAsker = [this](bool save, std::function<void(const QString &)> accept) {
        auto *dialog
            = new QFileDialog(m_window, save ? tr("Export Sessions") : tr("Import Sessions"),
                              QDir::homePath(), tr("Session exports (*.json);;All files (*)"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setWindowModality(Qt::WindowModal);
        dialog->setAcceptMode(save ? QFileDialog::AcceptSave : QFileDialog::AcceptOpen);
        dialog->setFileMode(save ? QFileDialog::AnyFile : QFileDialog::ExistingFile);
        if (save) {
            dialog->setDefaultSuffix(QStringLiteral("json"));
            dialog->selectFile(QStringLiteral("sessions.json"));
        }
        connect(dialog, &QFileDialog::fileSelected, this, [accept](const QString &file) {
            if (!file.isEmpty())
                accept(file);
        });
        dialog->open();
    };
    m_overwriteAsker = [this](std::function<void(bool)> answer) {
        auto *box = new QMessageBox(
            QMessageBox::Question, tr("Import Sessions"),
            tr("Some sessions in the file may exist already. Keep those, or replace them with "
               "the file's?"),
            QMessageBox::Cancel, m_window);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setWindowModality(Qt::WindowModal);
        QPushButton *keep = box->addButton(tr("Keep Existing"), QMessageBox::AcceptRole);
        QPushButton *replace = box->addButton(tr("Replace Existing"), QMessageBox::DestructiveRole);
        box->button(QMessageBox::Cancel)->setText(tr("Cancel"));
        box->setDefaultButton(keep);
        connect(box, &QMessageBox::finished, this, [box, keep, replace, answer]() {
            if (box->clickedButton() == keep)
                answer(false);
            else if (box->clickedButton() == replace)
                answer(true);
        });
        box->open();
    };
}

TransferActions::~TransferActions() = default;

void TransferActions::setAdmin(SessionAdmin *admin, bool readOnly)
{
    // A transfer running on the old connection ends (its admin is about to go).
    cancel();
    m_admin = admin;
    m_readOnly = readOnly;
}

bool TransferActions::isBusy() const
{
    return m_exporter || m_importer;
}

bool TransferActions::refuse()
{
    if (!m_admin) {
        Q_EMIT finished(tr("Not connected."), false);
        return true;
    }
    if (isBusy()) {
        Q_EMIT finished(tr("An export or import is running already."), false);
        return true;
    }
    return false;
}

void TransferActions::exportSessions(const QStringList &ids)
{
    if (refuse())
        return;
    m_fileAsker(true, [this, ids](const QString &file) { exportTo(file, ids); });
}

void TransferActions::importSessions()
{
    if (refuse())
        return;
    if (m_readOnly) {
        Q_EMIT finished(tr("Read-only mode: nothing was written to Redis."), false);
        return;
    }
    m_fileAsker(false, [this](const QString &file) {
        m_overwriteAsker([this, file](bool overwrite) { importFrom(file, overwrite); });
    });
}

void TransferActions::exportTo(const QString &fileName, const QStringList &ids)
{
    if (refuse())
        return;
    m_saveFile = std::make_unique<QSaveFile>(fileName);
    if (!m_saveFile->open(QIODevice::WriteOnly)) {
        const QString why = m_saveFile->errorString();
        m_saveFile.reset();
        Q_EMIT finished(tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(fileName), why),
                        false);
        return;
    }
    m_exporter = std::make_unique<SessionExporter>(m_admin);
    if (!ids.isEmpty())
        m_exporter->setIds(ids);
    connect(
        m_exporter.get(), &SessionExporter::progress, this, [this](qint64 exported, qint64 total) {
            Q_EMIT progress(
                total >= 0
                    ? tr("Exported %1 of %2 sessions\u2026").arg(number(exported), number(total))
                    : tr("Exported %1 sessions\u2026").arg(number(exported)));
        });
    Q_EMIT progress(tr("Exporting sessions\u2026"));
    whenFinished(m_exporter->start(m_saveFile.get()), this,
                 [this, fileName](const SessionExportResult &result) {
                     const QString name = QDir::toNativeSeparators(fileName);
                     QString summary;
                     bool ok = result.ok();
                     if (ok) {
                         // Session values are their users' secrets: the file is its owner's.
                         m_saveFile->setPermissions(QFileDevice::ReadOwner
                                                    | QFileDevice::WriteOwner);
                         ok = m_saveFile->commit();
                     } else {
                         m_saveFile->cancelWriting();
                         m_saveFile->commit();
                     }
                     if (!result.ok()) {
                         summary = result.error.code() == SessionTransferError::Code::Cancelled
                             ? tr("The export was cancelled; %1 was not written.").arg(name)
                             : tr("The export failed, and %1 was not written: %2")
                                   .arg(name, result.error.message());
                     } else if (!ok) {
                         summary = tr("Cannot write %1: %2").arg(name, m_saveFile->errorString());
                     } else {
                         summary = tr("Exported %n session(s) to %1.", nullptr,
                                      int(qMin<qint64>(result.exported, INT_MAX)))
                                       .arg(name);
                         if (result.undecodable > 0)
                             summary += QLatin1Char(' ')
                                 + tr("%n of them do not decode and were saved as stored bytes.",
                                      nullptr, int(qMin<qint64>(result.undecodable, INT_MAX)));
                     }
                     m_exporter.reset();
                     m_saveFile.reset();
                     Q_EMIT finished(summary, ok);
                 });
}

void TransferActions::importFrom(const QString &fileName, bool overwrite)
{
    if (refuse())
        return;
    if (m_readOnly) {
        Q_EMIT finished(tr("Read-only mode: nothing was written to Redis."), false);
        return;
    }
    m_readFile = std::make_unique<QFile>(fileName);
    if (!m_readFile->open(QIODevice::ReadOnly)) {
        const QString why = m_readFile->errorString();
        m_readFile.reset();
        Q_EMIT finished(tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(fileName), why),
                        false);
        return;
    }
    m_importer = std::make_unique<SessionImporter>(m_admin);
    m_importer->setOverwrite(overwrite);
    connect(m_importer.get(), &SessionImporter::progress, this,
            [this](qint64 imported, qint64 existing, qint64 failed) {
                Q_EMIT progress(tr("Imported %1 sessions, kept %2 existing, %3 failed\u2026")
                                    .arg(number(imported), number(existing), number(failed)));
            });
    Q_EMIT progress(tr("Importing sessions\u2026"));
    whenFinished(m_importer->start(m_readFile.get()), this,
                 [this, fileName](const SessionImportResult &result) {
                     const QString name = QDir::toNativeSeparators(fileName);
                     QStringList parts;
                     parts << tr("Imported %n session(s) from %1.", nullptr,
                                 int(qMin<qint64>(result.imported, INT_MAX)))
                                  .arg(name);
                     if (result.existing > 0)
                         parts << tr("%n existing session(s) kept.", nullptr,
                                     int(qMin<qint64>(result.existing, INT_MAX)));
                     if (result.expired > 0)
                         parts << tr("%n expired session(s) left out.", nullptr,
                                     int(qMin<qint64>(result.expired, INT_MAX)));
                     if (result.failed > 0) {
                         parts << tr("%n session(s) failed, the first: %1", nullptr,
                                     int(qMin<qint64>(result.failed, INT_MAX)))
                                      .arg(result.failures.value(0).message());
                     }
                     if (result.error.isError())
                         parts << tr("The import stopped: %1").arg(result.error.message());
                     m_importer.reset();
                     m_readFile.reset();
                     Q_EMIT finished(parts.join(QLatin1Char(' ')), result.ok());
                     if (result.imported > 0)
                         Q_EMIT sessionsImported(result.imported);
                 });
}

void TransferActions::cancel()
{
    if (m_exporter)
        m_exporter->cancel();
    if (m_importer)
        m_importer->cancel();
}

} // namespace RediStore::Admin
