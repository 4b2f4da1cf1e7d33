#include "bytetransport_p.h"
#include "redisconfig.h"
#include "tlstransport_p.h"

#include <sys/socket.h>

#include <cerrno>
#include <cstring>

namespace RediStore {

namespace {

// A socket as it is: recv() and send(), never a signal for a peer that went away.
class PlainTransport final : public ByteTransport
{
public:
    explicit PlainTransport(int fd)
        : m_fd(fd)
    { }

    qint64 read(char *buffer, qint64 size, Status &status) override
    {
        for (;;) {
            const ssize_t count = ::recv(m_fd, buffer, size_t(size), 0);
            if (count > 0) {
                status = Status::Ok;
                return count;
            }
            if (count == 0) {
                status = Status::Closed;
                return 0;
            }
            if (errno == EINTR)
                continue;
            status = errno == EAGAIN || errno == EWOULDBLOCK ? Status::WantRead : fail();
            return 0;
        }
    }

    qint64 write(const char *data, qint64 size, Status &status) override
    {
        for (;;) {
            const ssize_t count = ::send(m_fd, data, size_t(size), MSG_NOSIGNAL);
            if (count >= 0) {
                status = Status::Ok;
                return count;
            }
            if (errno == EINTR)
                continue;
            status = errno == EAGAIN || errno == EWOULDBLOCK ? Status::WantWrite : fail();
            return 0;
        }
    }

    QString errorString() const override { return m_error; }

private:
    Status fail()
    {
        m_error = QString::fromLocal8Bit(std::strerror(errno));
        return Status::Failed;
    }

    int m_fd;
    QString m_error;
};

} // namespace

std::unique_ptr<ByteTransport> ByteTransport::create(const RedisConfig &config, int fd,
                                                     const QString &name, QString *error)
{
    if (config.tlsEnabled())
        return TlsTransport::create(config, fd, name, error);
    return std::make_unique<PlainTransport>(fd);
}

} // namespace RediStore
