#ifndef REDISTORE_ADMIN_CONNECTIONDIALOG_H
#define REDISTORE_ADMIN_CONNECTIONDIALOG_H

#include "connection/connectionprofile.h"
#include "connection/profilestore.h"

#include <QtWidgets/QDialog>

QT_BEGIN_NAMESPACE
class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QStackedWidget;
QT_END_NAMESPACE

namespace RediStore::Admin {

class ConnectionProbe;

// Where to connect: a saved profile or a new one (URL, host and port, a Unix socket, the seed
// nodes of a Redis Cluster, or sentinels and the master they watch; ACL
// user and password; database; TLS with its CA, client certificate and key; key prefix; serializer;
// cookie keys; read-only). Connect tries the settings first and says plainly what is wrong
// (refused, wrong password, timeout) without freezing; the dialog closes only once Redis answered.
// A saved profile's remembered password and keys come from the system keychain, asynchronously;
// Connect waits for them. Without a keychain "Remember" cannot be changed (a saved profile keeps
// what it remembers), and the dialog says why.
class ConnectionDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ConnectionDialog(ProfileStore *store, QWidget *parent = nullptr);
    ~ConnectionDialog() override;

    void setProfile(const ConnectionProfile &profile);
    ConnectionProfile profile() const;
    // Tries the settings; accepts the dialog when Redis answers.
    void tryConnect();
    QString statusText() const;
    bool canRememberSecrets() const; // false without a system keychain

Q_SIGNALS:
    void connectionFailed(const QString &message);

private:
    void buildUi();
    void loadProfiles();
    void selectProfile(const QString &name);
    void requestSecrets(const ConnectionProfile &profile);
    void updateKeychain();
    UnreadSecrets unreadSecrets() const;
    void saveProfile();
    void deleteProfile();
    void updateTransport();
    QWidget *fileRow(QLineEdit *edit, const QString &title, QWidget *parent);
    void setBusy(bool busy);
    void showStatus(const QString &text, bool error);

    ProfileStore *m_store;
    ConnectionProbe *m_probe;
    QListWidget *m_profiles;
    QPushButton *m_deleteButton;
    QLineEdit *m_name;
    QRadioButton *m_tcp;
    QRadioButton *m_unix;
    QRadioButton *m_url;
    QRadioButton *m_cluster;
    QRadioButton *m_sentinel;
    QStackedWidget *m_address; // the chosen kind's address fields
    QLabel *m_addressLabel;
    QFormLayout *m_serverForm;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QLineEdit *m_socket;
    QPushButton *m_browse;
    QLineEdit *m_urlEdit;
    QLineEdit *m_clusterNodes;
    QLineEdit *m_sentinels;
    QLineEdit *m_masterName;
    QLineEdit *m_sentinelPassword;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QCheckBox *m_savePassword;
    QSpinBox *m_database;
    QCheckBox *m_tls;
    QCheckBox *m_tlsVerify;
    QLineEdit *m_tlsCa;
    QLineEdit *m_tlsCert;
    QLineEdit *m_tlsKey;
    QWidget *m_tlsFiles;
    QLineEdit *m_prefix;
    QComboBox *m_serializer;
    QCheckBox *m_readOnly;
    QLineEdit *m_cookieName;
    QPlainTextEdit *m_cookieKeys;
    QCheckBox *m_saveKeys;
    QLabel *m_keysWarning;
    QLabel *m_keychainNote;
    int m_secretsRequest = 0; // a newer profile makes older answers moot
    bool m_secretsPending = false;
    UnreadSecrets m_unread; // of the profile shown, until its field is typed in
    // What Connect or Save asked for while the secrets were on their way (saving without them
    // would delete them from the keychain).
    enum class AfterSecrets { Nothing, Connect, Save };
    AfterSecrets m_afterSecrets = AfterSecrets::Nothing;
    QLabel *m_status;
    QPushButton *m_connectButton;
    QPushButton *m_saveButton;
};

} // namespace RediStore::Admin

#endif // REDISTORE_ADMIN_CONNECTIONDIALOG_H
