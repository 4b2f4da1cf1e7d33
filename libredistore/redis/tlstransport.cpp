#include "redisconfig.h"
#include "tlstransport_p.h"

#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QLoggingCategory>
#include <QtCore/QMutex>
#include <QtNetwork/QHostAddress>

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include <sys/socket.h>

#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <map>
#include <tuple>

namespace RediStore {

Q_DECLARE_LOGGING_CATEGORY(lcRedis)

namespace {

QString openSslErrors()
{
    QStringList texts;
    while (const unsigned long code = ERR_get_error()) {
        char text[256];
        ERR_error_string_n(code, text, sizeof text);
        texts << QString::fromLatin1(text);
    }
    return texts.join(QLatin1String("; "));
}

struct ContextDeleter
{
    void operator()(SSL_CTX *context) const { SSL_CTX_free(context); }
};
using ContextPtr = std::unique_ptr<SSL_CTX, ContextDeleter>;

// The files and their modification times: a rotated certificate makes a new context.
using ContextKey = std::tuple<QString, QString, QString, bool, qint64, qint64, qint64>;

qint64 modified(const QString &path)
{
    return path.isEmpty() ? 0 : QFileInfo(path).lastModified().toMSecsSinceEpoch();
}

// Loading the system's CAs takes milliseconds: one context per distinct configuration, shared
// by every connection of the process (SSL_CTX is thread-safe once made).
ContextPtr sharedContext(const RedisTlsOptions &tls, QString *error)
{
    static QMutex mutex;
    static std::map<ContextKey, ContextPtr> contexts;
    const ContextKey key { tls.caFile,           tls.certFile,         tls.keyFile,
                           tls.verifyPeer,       modified(tls.caFile), modified(tls.certFile),
                           modified(tls.keyFile) };
    QMutexLocker locker(&mutex);
    if (auto found = contexts.find(key); found != contexts.end()) {
        SSL_CTX_up_ref(found->second.get());
        return ContextPtr(found->second.get());
    }
    ERR_clear_error();
    ContextPtr context(SSL_CTX_new(TLS_client_method()));
    auto fail = [&](const QString &what) {
        *error = QStringLiteral("%1: %2").arg(what, openSslErrors());
        return ContextPtr();
    };
    if (!context)
        return fail(QStringLiteral("cannot create a TLS context"));
    SSL_CTX_set_min_proto_version(context.get(), TLS1_2_VERSION);
    SSL_CTX_set_mode(context.get(),
                     SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
    if (tls.verifyPeer) {
        SSL_CTX_set_verify(context.get(), SSL_VERIFY_PEER, nullptr);
        if (!tls.caFile.isEmpty()) {
            if (SSL_CTX_load_verify_locations(context.get(),
                                              QFile::encodeName(tls.caFile).constData(), nullptr)
                != 1) {
                return fail(
                    QStringLiteral("cannot load the CA certificates from '%1'").arg(tls.caFile));
            }
        } else if (SSL_CTX_set_default_verify_paths(context.get()) != 1) {
            return fail(QStringLiteral("cannot load the system's CA certificates"));
        }
    } else {
        SSL_CTX_set_verify(context.get(), SSL_VERIFY_NONE, nullptr);
    }
    if (!tls.certFile.isEmpty()) {
        if (SSL_CTX_use_certificate_chain_file(context.get(),
                                               QFile::encodeName(tls.certFile).constData())
            != 1) {
            return fail(
                QStringLiteral("cannot load the client certificate '%1'").arg(tls.certFile));
        }
        const QString keyFile = tls.keyFile.isEmpty() ? tls.certFile : tls.keyFile;
        if (SSL_CTX_use_PrivateKey_file(context.get(), QFile::encodeName(keyFile).constData(),
                                        SSL_FILETYPE_PEM)
            != 1) {
            return fail(QStringLiteral("cannot load the client key '%1'").arg(keyFile));
        }
        if (SSL_CTX_check_private_key(context.get()) != 1) {
            return fail(QStringLiteral("the client key '%1' does not match the certificate '%2'")
                            .arg(keyFile, tls.certFile));
        }
    }
    SSL_CTX_up_ref(context.get());
    contexts[key] = ContextPtr(context.get());
    return context;
}

// OpenSSL's socket BIO writes with write(): a peer that has gone would raise SIGPIPE and end
// the program. This one sends with MSG_NOSIGNAL, as the plain transport does.
int socketOf(BIO *bio)
{
    return int(reinterpret_cast<intptr_t>(BIO_get_data(bio)));
}

BIO_METHOD *socketMethod()
{
    static BIO_METHOD *const method = [] {
        BIO_METHOD *m
            = BIO_meth_new(BIO_get_new_index() | BIO_TYPE_SOURCE_SINK, "redistore socket");
        BIO_meth_set_write(m, [](BIO *bio, const char *data, int size) -> int {
            BIO_clear_retry_flags(bio);
            for (;;) {
                const ssize_t count = ::send(socketOf(bio), data, size_t(size), MSG_NOSIGNAL);
                if (count >= 0)
                    return int(count);
                if (errno == EINTR)
                    continue;
                if (errno == EAGAIN || errno == EWOULDBLOCK)
                    BIO_set_retry_write(bio);
                return -1;
            }
        });
        BIO_meth_set_read(m, [](BIO *bio, char *data, int size) -> int {
            BIO_clear_retry_flags(bio);
            for (;;) {
                const ssize_t count = ::recv(socketOf(bio), data, size_t(size), 0);
                if (count >= 0)
                    return int(count);
                if (errno == EINTR)
                    continue;
                if (errno == EAGAIN || errno == EWOULDBLOCK)
                    BIO_set_retry_read(bio);
                return -1;
            }
        });
        BIO_meth_set_ctrl(m, [](BIO *, int command, long, void *) -> long {
            return command == BIO_CTRL_FLUSH ? 1 : 0;
        });
        BIO_meth_set_create(m, [](BIO *bio) {
            BIO_set_init(bio, 1);
            return 1;
        });
        return m;
    }();
    return method;
}

void warnInsecureOnce()
{
    static std::atomic_bool warned { false };
    if (!warned.exchange(true)) {
        qCWarning(lcRedis,
                  "TLS peer verification is off (tls_verify=none): the connection is encrypted "
                  "but anyone between us and Redis can read and change it");
    }
}

class OpenSslTransport final : public ByteTransport
{
public:
    OpenSslTransport(ContextPtr context, SSL *ssl, bool verify)
        : m_context(std::move(context))
        , m_ssl(ssl)
        , m_verify(verify)
    { }
    ~OpenSslTransport() override { SSL_free(m_ssl); }

    Status handshake() override
    {
        ERR_clear_error();
        const int result = SSL_connect(m_ssl);
        if (result == 1)
            return Status::Ok;
        return status(result);
    }

    qint64 read(char *buffer, qint64 size, Status &status) override
    {
        ERR_clear_error();
        const int count = SSL_read(m_ssl, buffer, int(qMin<qint64>(size, INT_MAX)));
        if (count > 0) {
            status = Status::Ok;
            return count;
        }
        status = this->status(count);
        return 0;
    }

    qint64 write(const char *data, qint64 size, Status &status) override
    {
        ERR_clear_error();
        const int count = SSL_write(m_ssl, data, int(qMin<qint64>(size, INT_MAX)));
        if (count > 0) {
            status = Status::Ok;
            return count;
        }
        status = this->status(count);
        return 0;
    }

    bool hasBufferedInput() const override { return SSL_pending(m_ssl) > 0; }

    void close() override
    {
        if (m_closeSent || !SSL_is_init_finished(m_ssl))
            return;
        m_closeSent = true;
        ERR_clear_error();
        SSL_shutdown(m_ssl); // close_notify, without waiting for the peer's
    }

    QString errorString() const override { return m_error; }
    bool certificateRejected() const override { return m_certificateRejected; }

private:
    Status status(int result)
    {
        const int error = SSL_get_error(m_ssl, result);
        switch (error) {
        case SSL_ERROR_WANT_READ:
            return Status::WantRead;
        case SSL_ERROR_WANT_WRITE:
            return Status::WantWrite;
        case SSL_ERROR_ZERO_RETURN:
            return Status::Closed;
        case SSL_ERROR_SYSCALL: {
            const QString queued = openSslErrors();
            if (!queued.isEmpty())
                m_error = queued;
            else if (errno != 0)
                m_error = QString::fromLocal8Bit(std::strerror(errno));
            else
                m_error = QStringLiteral("the peer closed the connection without a TLS goodbye");
            return Status::Failed;
        }
        default:
            break;
        }
        const long verify = SSL_get_verify_result(m_ssl);
        if (m_verify && verify != X509_V_OK) {
            m_certificateRejected = true;
            m_error = QStringLiteral("the server's certificate was refused: %1")
                          .arg(QString::fromLatin1(X509_verify_cert_error_string(verify)));
            ERR_clear_error();
        } else {
            m_error = openSslErrors();
            if (m_error.isEmpty())
                m_error = QStringLiteral("TLS error %1").arg(error);
        }
        return Status::Failed;
    }

    ContextPtr m_context;
    SSL *m_ssl;
    bool m_verify;
    bool m_closeSent = false;
    bool m_certificateRejected = false;
    QString m_error;
};

} // namespace

std::unique_ptr<ByteTransport> TlsTransport::create(const RedisConfig &config, int fd,
                                                    const QString &name, QString *error)
{
    const RedisTlsOptions tls = config.tlsOptions();
    ContextPtr context = sharedContext(tls, error);
    if (!context)
        return nullptr;
    if (!tls.verifyPeer)
        warnInsecureOnce();
    ERR_clear_error();
    SSL *ssl = SSL_new(context.get());
    BIO *bio = ssl ? BIO_new(socketMethod()) : nullptr;
    if (!bio) {
        *error = QStringLiteral("cannot set up TLS: %1").arg(openSslErrors());
        SSL_free(ssl);
        return nullptr;
    }
    BIO_set_data(bio, reinterpret_cast<void *>(intptr_t(fd)));
    SSL_set_bio(ssl, bio, bio); // the SSL owns the BIO
    const QString peer = tls.serverName.isEmpty() ? name : tls.serverName;
    const QByteArray peerBytes = peer.toUtf8();
    const bool isIp = QHostAddress(peer).protocol() != QAbstractSocket::UnknownNetworkLayerProtocol;
    // SNI carries names only; the certificate is checked against the name or the address.
    if (!isIp && !peer.isEmpty())
        SSL_set_tlsext_host_name(ssl, peerBytes.constData());
    if (tls.verifyPeer) {
        X509_VERIFY_PARAM *param = SSL_get0_param(ssl);
        X509_VERIFY_PARAM_set_hostflags(param, X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
        const int set = isIp ? X509_VERIFY_PARAM_set1_ip_asc(param, peerBytes.constData())
                             : X509_VERIFY_PARAM_set1_host(param, peerBytes.constData(), 0);
        if (set != 1) {
            *error = QStringLiteral("cannot check the certificate against '%1'").arg(peer);
            SSL_free(ssl);
            return nullptr;
        }
    }
    SSL_set_connect_state(ssl);
    return std::make_unique<OpenSslTransport>(std::move(context), ssl, tls.verifyPeer);
}

} // namespace RediStore
