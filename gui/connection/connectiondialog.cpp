#include "connection/connectiondialog.h"

#include "common/errormessages.h"
#include "common/icons.h"
#include "connection/connectionprobe.h"
#include "connection/profilestore.h"
#include "connection/secretstore.h"
#include "inspector/cookieinspectordialog.h"

#include <QtGui/QFontDatabase>
#include <QtGui/QTextDocument>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QGroupBox>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QListWidget>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QRadioButton>
#include <QtWidgets/QSpinBox>
#include <QtWidgets/QStackedWidget>
#include <QtWidgets/QVBoxLayout>

#include <utility>

namespace RediStore::Admin {

ConnectionDialog::ConnectionDialog(ProfileStore *store, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_probe(new ConnectionProbe(this))
{
    setWindowTitle(tr("Connect to Redis"));
    setWindowIcon(Icons::app());
    buildUi();
    if (SecretStore *secrets = m_store->secrets()) {
        connect(secrets, &SecretStore::availabilityKnown, this, &ConnectionDialog::updateKeychain);
        secrets->checkAvailability();
    }
    updateKeychain();
    loadProfiles();
    const QString last = m_store->lastUsed();
    if (!last.isEmpty() && m_store->contains(last))
        selectProfile(last);
    else
        setProfile(ConnectionProfile());

    connect(m_probe, &ConnectionProbe::succeeded, this, [this](const QString &) {
        setBusy(false);
        const ConnectionProfile p = profile();
        if (!p.name.isEmpty()) {
            m_store->save(p, unreadSecrets());
            m_store->setLastUsed(p.name);
        }
        accept();
    });
    connect(m_probe, &ConnectionProbe::failed, this, [this](const RedisError &error) {
        setBusy(false);
        const QString message = ErrorMessages::forRedis(error, profile().endpointText());
        showStatus(message, true);
        Q_EMIT connectionFailed(message);
    });
}

ConnectionDialog::~ConnectionDialog() = default;

void ConnectionDialog::buildUi()
{
    auto *outer = new QVBoxLayout(this);
    auto *columns = new QHBoxLayout;
    outer->addLayout(columns, 1);

    auto *left = new QVBoxLayout;
    auto *savedLabel = new QLabel(tr("Saved connections"), this);
    savedLabel->setStyleSheet(QStringLiteral("font-weight: 600;"));
    m_profiles = new QListWidget(this);
    m_profiles->setMinimumWidth(180);
    auto *listButtons = new QHBoxLayout;
    auto *newButton = new QPushButton(Icons::get(QStringLiteral("add")), tr("New"), this);
    m_deleteButton = new QPushButton(Icons::get(QStringLiteral("delete")), tr("Delete"), this);
    listButtons->addWidget(newButton);
    listButtons->addWidget(m_deleteButton);
    left->addWidget(savedLabel);
    left->addWidget(m_profiles, 1);
    left->addLayout(listButtons);
    columns->addLayout(left);

    auto *right = new QVBoxLayout;
    columns->addLayout(right, 1);
    auto *nameForm = new QFormLayout;
    m_name = new QLineEdit(this);
    m_name->setPlaceholderText(tr("e.g. Production (leave empty to not save)"));
    nameForm->addRow(tr("Name:"), m_name);
    right->addLayout(nameForm);

    auto *server = new QGroupBox(tr("Server"), this);
    auto *serverForm = new QFormLayout(server);
    m_serverForm = serverForm;
    // One row chooses the kind, the next takes its address: five kinds, two rows.
    m_tcp = new QRadioButton(tr("Host"), server);
    m_unix = new QRadioButton(tr("Unix socket"), server);
    m_cluster = new QRadioButton(tr("Cluster"), server);
    m_sentinel = new QRadioButton(tr("Sentinel"), server);
    m_url = new QRadioButton(tr("URL"), server);
    m_tcp->setToolTip(tr("One Redis server at a host and port"));
    m_cluster->setToolTip(tr("A Redis Cluster: every master's sessions"));
    m_sentinel->setToolTip(tr("The master that Redis Sentinel names, followed after a failover"));
    auto *kindRow = new QHBoxLayout;
    for (QRadioButton *button : { m_tcp, m_unix, m_cluster, m_sentinel, m_url })
        kindRow->addWidget(button);
    kindRow->addStretch(1);
    serverForm->addRow(tr("Connect to:"), kindRow);

    m_address = new QStackedWidget(server);
    auto page = [this](QWidget *first, QWidget *second = nullptr, QWidget *third = nullptr) {
        auto *widget = new QWidget(m_address);
        auto *layout = new QHBoxLayout(widget);
        layout->setContentsMargins(0, 0, 0, 0);
        for (QWidget *part : { first, second, third }) {
            if (part) {
                part->setParent(widget);
                layout->addWidget(part, qobject_cast<QLineEdit *>(part) ? 1 : 0);
            }
        }
        m_address->addWidget(widget);
    };
    m_host = new QLineEdit(server);
    m_port = new QSpinBox(server);
    m_port->setRange(1, 65535);
    page(m_host, new QLabel(tr("Port:"), server), m_port);
    m_socket = new QLineEdit(server);
    m_socket->setPlaceholderText(QStringLiteral("/run/redis/redis.sock"));
    m_browse = new QPushButton(tr("Browse\u2026"), server);
    page(m_socket, m_browse);
    m_clusterNodes = new QLineEdit(server);
    m_clusterNodes->setPlaceholderText(QStringLiteral("10.0.0.1:7000, 10.0.0.2:7000"));
    m_clusterNodes->setToolTip(tr("Some nodes of the Redis Cluster, host:port separated by "
                                  "commas; the others are found from them"));
    page(m_clusterNodes);
    m_sentinels = new QLineEdit(server);
    m_sentinels->setPlaceholderText(QStringLiteral("10.0.0.1:26379, 10.0.0.2:26379"));
    m_sentinels->setToolTip(tr("The sentinels, host:port separated by commas, in the order to "
                               "ask them"));
    m_masterName = new QLineEdit(server);
    m_masterName->setPlaceholderText(QStringLiteral("mymaster"));
    m_masterName->setToolTip(tr("The name the sentinels know the master by"));
    m_masterName->setMaximumWidth(160);
    page(m_sentinels, new QLabel(tr("Master:"), server), m_masterName);
    m_urlEdit = new QLineEdit(server);
    m_urlEdit->setPlaceholderText(QStringLiteral("redis://user:password@host:6379/0"));
    m_urlEdit->setToolTip(
        tr("redis://, rediss:// (TLS, with tls_ca, tls_cert, tls_key, tls_server_name and "
           "tls_verify=none parameters) or unix://; a cluster: "
           "redis+cluster://host:port,host:port; sentinels: "
           "redis+sentinel://host:port,host:port/MASTER[/db][?sentinel_password=...]; "
           "rediss+cluster:// and rediss+sentinel:// with TLS"));
    page(m_urlEdit);
    m_addressLabel = new QLabel(server);
    serverForm->addRow(m_addressLabel, m_address);
    m_user = new QLineEdit(server);
    m_user->setPlaceholderText(tr("default user"));
    serverForm->addRow(tr("ACL user:"), m_user);
    m_password = new QLineEdit(server);
    m_password->setEchoMode(QLineEdit::Password);
    m_savePassword = new QCheckBox(tr("Remember"), server);
    auto *passwordRow = new QHBoxLayout;
    passwordRow->addWidget(m_password, 1);
    passwordRow->addWidget(m_savePassword);
    serverForm->addRow(tr("Password:"), passwordRow);
    m_sentinelPassword = new QLineEdit(server);
    m_sentinelPassword->setEchoMode(QLineEdit::Password);
    m_sentinelPassword->setPlaceholderText(tr("none"));
    m_sentinelPassword->setToolTip(tr("The sentinels' own password, when they require one; "
                                      "remembered with the password"));
    serverForm->addRow(tr("Sentinel password:"), m_sentinelPassword);
    m_keychainNote = new QLabel(server);
    m_keychainNote->setWordWrap(true);
    m_keychainNote->setStyleSheet(QStringLiteral("color: #8d6e00;"));
    m_keychainNote->hide();
    serverForm->addRow(QString(), m_keychainNote);
    m_database = new QSpinBox(server);
    m_database->setRange(0, 9999);
    serverForm->addRow(tr("Database:"), m_database);
    m_tls = new QCheckBox(tr("Use TLS"), server);
    m_tlsVerify = new QCheckBox(tr("Verify the server's certificate"), server);
    m_tlsVerify->setToolTip(tr("Without verification the connection is encrypted, but anyone "
                               "between you and Redis can read and change it"));
    auto *tlsRow = new QHBoxLayout;
    tlsRow->addWidget(m_tls);
    tlsRow->addWidget(m_tlsVerify, 1);
    serverForm->addRow(tr("TLS:"), tlsRow);
    m_tlsFiles = new QWidget(server);
    auto *tlsForm = new QFormLayout(m_tlsFiles);
    tlsForm->setContentsMargins(0, 0, 0, 0);
    m_tlsCa = new QLineEdit(m_tlsFiles);
    m_tlsCa->setPlaceholderText(tr("the system's CA certificates"));
    tlsForm->addRow(tr("CA certificate:"), fileRow(m_tlsCa, tr("CA certificate"), m_tlsFiles));
    m_tlsCert = new QLineEdit(m_tlsFiles);
    m_tlsCert->setPlaceholderText(tr("none"));
    tlsForm->addRow(tr("Client certificate:"),
                    fileRow(m_tlsCert, tr("Client certificate"), m_tlsFiles));
    m_tlsKey = new QLineEdit(m_tlsFiles);
    m_tlsKey->setPlaceholderText(tr("in the certificate file"));
    tlsForm->addRow(tr("Client key:"), fileRow(m_tlsKey, tr("Client key"), m_tlsFiles));
    serverForm->addRow(m_tlsFiles);
    connect(m_tls, &QCheckBox::toggled, this, &ConnectionDialog::updateTransport);
    right->addWidget(server);

    auto *sessions = new QGroupBox(tr("Sessions"), this);
    auto *sessionForm = new QFormLayout(sessions);
    m_prefix = new QLineEdit(sessions);
    sessionForm->addRow(tr("Key prefix:"), m_prefix);
    m_serializer = new QComboBox(sessions);
    const QStringList serializers = ConnectionProfile::serializerNames();
    for (const QString &name : serializers)
        m_serializer->addItem(ConnectionProfile::serializerTitle(name), name);
    sessionForm->addRow(tr("Serializer:"), m_serializer);
    m_readOnly = new QCheckBox(tr("Read-only: never write to Redis"), sessions);
    sessionForm->addRow(QString(), m_readOnly);
    right->addWidget(sessions);

    auto *cookies = new QGroupBox(tr("Cookies (for the cookie inspector)"), this);
    auto *cookieForm = new QFormLayout(cookies);
    m_cookieName = new QLineEdit(cookies);
    m_saveKeys = new QCheckBox(tr("Remember the keys"), cookies);
    auto *nameRow = new QHBoxLayout;
    nameRow->addWidget(m_cookieName, 1);
    nameRow->addWidget(m_saveKeys);
    cookieForm->addRow(tr("Cookie name:"), nameRow);
    m_cookieKeys = new QPlainTextEdit(cookies);
    m_cookieKeys->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_cookieKeys->setPlaceholderText(tr("One key pair per line: hash key [block key]"));
    m_cookieKeys->setFixedHeight(m_cookieKeys->fontMetrics().lineSpacing() * 3 + 12);
    m_cookieKeys->setLineWrapMode(QPlainTextEdit::NoWrap);
    cookieForm->addRow(tr("Key ring:"), m_cookieKeys);
    m_keysWarning = new QLabel(tr("A hash key can forge any session. Remember the keys only on a "
                                  "computer you trust; they go to the system keychain."),
                               cookies);
    m_keysWarning->setWordWrap(true);
    m_keysWarning->setStyleSheet(QStringLiteral("color: #8d6e00;"));
    cookieForm->addRow(QString(), m_keysWarning);
    right->addWidget(cookies);

    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setMinimumHeight(m_status->fontMetrics().lineSpacing() * 2);
    right->addWidget(m_status);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    m_saveButton = buttons->addButton(tr("Save"), QDialogButtonBox::ActionRole);
    m_saveButton->setIcon(Icons::get(QStringLiteral("save")));
    m_connectButton = buttons->addButton(tr("Connect"), QDialogButtonBox::AcceptRole);
    m_connectButton->setIcon(Icons::get(QStringLiteral("connect")));
    m_connectButton->setDefault(true);
    outer->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, [this]() {
        m_probe->cancel();
        reject();
    });
    connect(m_connectButton, &QPushButton::clicked, this, &ConnectionDialog::tryConnect);
    connect(m_saveButton, &QPushButton::clicked, this, &ConnectionDialog::saveProfile);
    connect(newButton, &QPushButton::clicked, this, [this]() {
        m_profiles->clearSelection();
        setProfile(ConnectionProfile());
        m_name->setFocus();
    });
    connect(m_deleteButton, &QPushButton::clicked, this, &ConnectionDialog::deleteProfile);
    connect(m_profiles, &QListWidget::currentTextChanged, this, [this](const QString &name) {
        if (!name.isEmpty() && m_store->contains(name)) {
            const ConnectionProfile saved = m_store->load(name);
            setProfile(saved);
            requestSecrets(saved);
        }
        m_deleteButton->setEnabled(!name.isEmpty());
    });
    for (QRadioButton *button : { m_tcp, m_unix, m_cluster, m_sentinel, m_url })
        connect(button, &QRadioButton::toggled, this, &ConnectionDialog::updateTransport);
    // A sentinel URL enables the sentinel password.
    connect(m_urlEdit, &QLineEdit::textChanged, this, &ConnectionDialog::updateTransport);
    connect(m_browse, &QPushButton::clicked, this, [this]() {
        const QString path
            = QFileDialog::getOpenFileName(this, tr("Redis Unix socket"), QStringLiteral("/run"));
        if (!path.isEmpty())
            m_socket->setText(path);
    });
}

QWidget *ConnectionDialog::fileRow(QLineEdit *edit, const QString &title, QWidget *parent)
{
    auto *row = new QWidget(parent);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *browse = new QPushButton(tr("Browse\u2026"), row);
    layout->addWidget(edit, 1);
    layout->addWidget(browse);
    connect(browse, &QPushButton::clicked, this, [this, edit, title]() {
        const QString path = QFileDialog::getOpenFileName(
            this, title, edit->text(), tr("PEM files (*.pem *.crt *.key);;All files (*)"));
        if (!path.isEmpty())
            edit->setText(path);
    });
    return row;
}

void ConnectionDialog::loadProfiles()
{
    m_profiles->clear();
    const QStringList names = m_store->names();
    for (const QString &name : names)
        m_profiles->addItem(new QListWidgetItem(Icons::get(QStringLiteral("database")), name));
    m_deleteButton->setEnabled(false);
}

void ConnectionDialog::selectProfile(const QString &name)
{
    const auto items = m_profiles->findItems(name, Qt::MatchExactly);
    if (!items.isEmpty())
        m_profiles->setCurrentItem(items.first());
}

void ConnectionDialog::setProfile(const ConnectionProfile &p)
{
    ++m_secretsRequest;
    m_secretsPending = false;
    m_unread = UnreadSecrets();
    if (m_afterSecrets != AfterSecrets::Nothing) {
        m_afterSecrets = AfterSecrets::Nothing;
        setBusy(false);
    }
    m_name->setText(p.name);
    m_tcp->setChecked(p.transport == ConnectionProfile::Transport::Tcp);
    m_unix->setChecked(p.transport == ConnectionProfile::Transport::Unix);
    m_url->setChecked(p.transport == ConnectionProfile::Transport::Url);
    m_cluster->setChecked(p.transport == ConnectionProfile::Transport::Cluster);
    m_sentinel->setChecked(p.transport == ConnectionProfile::Transport::Sentinel);
    m_host->setText(p.host);
    m_port->setValue(p.port);
    m_socket->setText(p.unixSocket);
    m_urlEdit->setText(p.url);
    m_clusterNodes->setText(p.transport == ConnectionProfile::Transport::Cluster ? p.nodes
                                                                                 : QString());
    m_sentinels->setText(p.transport == ConnectionProfile::Transport::Sentinel ? p.nodes
                                                                               : QString());
    m_masterName->setText(p.masterName);
    for (QLineEdit *edit : { m_clusterNodes, m_sentinels, m_urlEdit })
        edit->setCursorPosition(0); // the start of a long list, not its end
    m_user->setText(p.username);
    m_password->setText(p.password);
    m_sentinelPassword->setText(p.sentinelPassword);
    m_savePassword->setChecked(p.savePassword);
    m_database->setValue(p.database);
    m_tls->setChecked(p.tls);
    m_tlsVerify->setChecked(p.tlsVerify);
    m_tlsCa->setText(p.tlsCaFile);
    m_tlsCert->setText(p.tlsCertFile);
    m_tlsKey->setText(p.tlsKeyFile);
    m_prefix->setText(p.keyPrefix);
    m_serializer->setCurrentIndex(qMax(0, m_serializer->findData(p.serializer)));
    m_readOnly->setChecked(p.readOnly);
    m_cookieName->setText(p.cookieName);
    m_cookieKeys->setPlainText(CookieInspectorDialog::linesFromKeys(p.cookieKeys));
    m_cookieKeys->document()->setModified(false);
    m_saveKeys->setChecked(p.saveCookieKeys);
    showStatus(QString(), false);
    updateTransport();
    updateKeychain();
}

void ConnectionDialog::requestSecrets(const ConnectionProfile &saved)
{
    if (m_store->secretsLost(saved.name))
        showStatus(tr("The password and cookie keys of this connection are no longer kept in the "
                      "settings file and could not be moved to a keychain: type them again."),
                   true);
    if (!saved.savePassword && !saved.saveCookieKeys)
        return;
    m_secretsPending = true;
    const int request = m_secretsRequest;
    m_store->loadSecrets(saved, this, [this, request](const ProfileSecrets &secrets) {
        if (request != m_secretsRequest)
            return;
        m_secretsPending = false;
        if (m_password->text().isEmpty())
            m_password->setText(secrets.password);
        if (m_sentinelPassword->text().isEmpty())
            m_sentinelPassword->setText(secrets.sentinelPassword);
        if (m_cookieKeys->toPlainText().trimmed().isEmpty() && !secrets.cookieKeys.isEmpty()) {
            m_cookieKeys->setPlainText(CookieInspectorDialog::linesFromKeys(secrets.cookieKeys));
            m_cookieKeys->document()->setModified(false);
        }
        m_unread = secrets.unread;
        if (!secrets.problem.isEmpty())
            showStatus(tr("The keychain did not give the remembered password or keys: %1")
                           .arg(secrets.problem),
                       true);
        const AfterSecrets after = std::exchange(m_afterSecrets, AfterSecrets::Nothing);
        if (after != AfterSecrets::Nothing)
            setBusy(false);
        if (after == AfterSecrets::Connect)
            tryConnect();
        else if (after == AfterSecrets::Save)
            saveProfile();
    });
}

bool ConnectionDialog::canRememberSecrets() const
{
    const SecretStore *secrets = m_store->secrets();
    return secrets && secrets->availability() != SecretStore::Availability::Unavailable;
}

void ConnectionDialog::updateKeychain()
{
    const bool available = canRememberSecrets();
    m_savePassword->setEnabled(available);
    m_saveKeys->setEnabled(available);
    if (available) {
        m_savePassword->setToolTip(
            tr("Keep the password in the system keychain, never in the settings file"));
        m_saveKeys->setToolTip(tr("Keep the keys in the system keychain"));
        m_keysWarning->show();
        m_keychainNote->hide();
        return;
    }
    // The boxes keep what the profile says: its entries may still be in the keychain.
    const SecretStore *secrets = m_store->secrets();
    const QString reason = secrets ? secrets->unavailableReason() : QString();
    const QString note = reason.isEmpty()
        ? tr("Passwords and keys cannot be remembered: there is no system keychain.")
        : tr("Passwords and keys cannot be remembered: there is no system keychain (%1).")
              .arg(reason);
    m_savePassword->setToolTip(note);
    m_saveKeys->setToolTip(note);
    m_keychainNote->setText(note);
    m_keychainNote->show();
    m_keysWarning->hide(); // nothing to warn of: the keys cannot be remembered
}

// A remembered secret the keychain did not give stays as it is there until a value is typed (an
// edited field counts, emptied or not; so does a password in the URL).
UnreadSecrets ConnectionDialog::unreadSecrets() const
{
    UnreadSecrets unread = m_unread;
    if (m_password->isModified() || !ConnectionProfile::passwordInUrl(m_urlEdit->text()).isEmpty())
        unread.password = false;
    if (m_sentinelPassword->isModified()
        || !ConnectionProfile::sentinelPasswordInUrl(m_urlEdit->text()).isEmpty())
        unread.sentinelPassword = false;
    if (m_cookieKeys->document()->isModified())
        unread.cookieKeys = false;
    return unread;
}

ConnectionProfile ConnectionDialog::profile() const
{
    ConnectionProfile p;
    p.name = m_name->text().trimmed();
    p.transport = m_url->isChecked() ? ConnectionProfile::Transport::Url
        : m_unix->isChecked()        ? ConnectionProfile::Transport::Unix
        : m_cluster->isChecked()     ? ConnectionProfile::Transport::Cluster
        : m_sentinel->isChecked()    ? ConnectionProfile::Transport::Sentinel
                                     : ConnectionProfile::Transport::Tcp;
    p.host = m_host->text().trimmed();
    p.port = m_port->value();
    p.unixSocket = m_socket->text().trimmed();
    p.url = m_urlEdit->text().trimmed();
    if (m_cluster->isChecked())
        p.nodes = m_clusterNodes->text().trimmed();
    else if (m_sentinel->isChecked())
        p.nodes = m_sentinels->text().trimmed();
    p.masterName = m_sentinel->isChecked() ? m_masterName->text().trimmed() : QString();
    p.username = m_user->text().trimmed();
    p.password = m_password->text();
    if (p.isSentinel())
        p.sentinelPassword = m_sentinelPassword->text();
    p.savePassword = m_savePassword->isChecked();
    p.database = m_cluster->isChecked() ? 0 : m_database->value(); // a cluster has database 0
    p.tls = m_tls->isChecked() && !m_unix->isChecked();
    p.tlsVerify = m_tlsVerify->isChecked();
    p.tlsCaFile = m_tlsCa->text().trimmed();
    p.tlsCertFile = m_tlsCert->text().trimmed();
    p.tlsKeyFile = m_tlsKey->text().trimmed();
    p.keyPrefix = m_prefix->text();
    p.serializer = m_serializer->currentData().toString();
    p.readOnly = m_readOnly->isChecked();
    p.cookieName = m_cookieName->text().trimmed();
    p.cookieKeys = CookieInspectorDialog::keysFromLines(m_cookieKeys->toPlainText());
    p.saveCookieKeys = m_saveKeys->isChecked();
    return p;
}

void ConnectionDialog::updateTransport()
{
    m_host->setEnabled(m_tcp->isChecked());
    m_port->setEnabled(m_tcp->isChecked());
    m_socket->setEnabled(m_unix->isChecked());
    m_browse->setEnabled(m_unix->isChecked());
    m_urlEdit->setEnabled(m_url->isChecked());
    // The pages in the order they were added.
    const int page = m_unix->isChecked() ? 1
        : m_cluster->isChecked()         ? 2
        : m_sentinel->isChecked()        ? 3
        : m_url->isChecked()             ? 4
                                         : 0;
    m_address->setCurrentIndex(page);
    const QString labels[]
        = { tr("Host:"), tr("Socket:"), tr("Seed nodes:"), tr("Sentinels:"), tr("URL:") };
    m_addressLabel->setText(labels[page]);
    m_clusterNodes->setEnabled(m_cluster->isChecked());
    m_sentinels->setEnabled(m_sentinel->isChecked());
    m_masterName->setEnabled(m_sentinel->isChecked());
    // Only for sentinels: shown for the sentinel form and a sentinel URL.
    const bool sentinel = m_sentinel->isChecked()
        || (m_url->isChecked() && ConnectionProfile::isSentinelUrl(m_urlEdit->text()));
    m_sentinelPassword->setEnabled(sentinel);
    m_serverForm->setRowVisible(m_sentinelPassword, sentinel);
    m_database->setEnabled(!m_cluster->isChecked()); // a cluster has database 0 only
    // No TLS over a Unix socket; a rediss:// URL turns it on by itself.
    m_tls->setEnabled(!m_unix->isChecked());
    const bool tls = m_tls->isEnabled() && m_tls->isChecked();
    m_tlsVerify->setEnabled(tls);
    m_tlsFiles->setEnabled(tls);
}

void ConnectionDialog::saveProfile()
{
    if (m_secretsPending) {
        m_afterSecrets = AfterSecrets::Save;
        setBusy(true);
        showStatus(tr("Reading the password from the keychain\u2026"), false);
        return;
    }
    const ConnectionProfile p = profile();
    if (p.name.isEmpty()) {
        showStatus(tr("Give the connection a name to save it."), true);
        m_name->setFocus();
        return;
    }
    m_store->save(p, unreadSecrets());
    loadProfiles();
    selectProfile(p.name);
    const bool hasPassword = !p.password.isEmpty()
        || !ConnectionProfile::passwordInUrl(p.url).isEmpty() || !p.sentinelPassword.isEmpty()
        || !ConnectionProfile::sentinelPasswordInUrl(p.url).isEmpty();
    showStatus((p.savePassword && canRememberSecrets()) || !hasPassword
                   ? tr("Saved \u201c%1\u201d.").arg(p.name)
                   : tr("Saved \u201c%1\u201d without the password.").arg(p.name),
               false);
}

void ConnectionDialog::deleteProfile()
{
    const QListWidgetItem *item = m_profiles->currentItem();
    if (!item)
        return;
    m_store->remove(item->text());
    loadProfiles();
    setProfile(ConnectionProfile());
}

void ConnectionDialog::tryConnect()
{
    if (m_secretsPending) {
        // The remembered password is on its way from the keychain.
        m_afterSecrets = AfterSecrets::Connect;
        setBusy(true);
        showStatus(tr("Reading the password from the keychain\u2026"), false);
        return;
    }
    const ConnectionProfile p = profile();
    auto config = p.toRedisConfig();
    if (!config.ok()) {
        showStatus(ErrorMessages::forRedis(config.error(), p.endpointText()), true);
        return;
    }
    if (p.keyPrefix.isEmpty()) {
        showStatus(tr("Enter the key prefix of the sessions (Go's redistore uses "
                      "\u201csession_\u201d)."),
                   true);
        return;
    }
    setBusy(true);
    showStatus(tr("Connecting to %1\u2026").arg(config.value().endpoint()), false);
    m_probe->start(config.value());
}

void ConnectionDialog::setBusy(bool busy)
{
    m_connectButton->setEnabled(!busy);
    m_saveButton->setEnabled(!busy);
    setCursor(busy ? Qt::BusyCursor : Qt::ArrowCursor);
}

void ConnectionDialog::showStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #b71c1c; font-weight: 600;")
                                  : QStringLiteral("color: #455a64;"));
}

QString ConnectionDialog::statusText() const
{
    return m_status->text();
}

} // namespace RediStore::Admin
