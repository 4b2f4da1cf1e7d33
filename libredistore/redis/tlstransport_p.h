#ifndef REDISTORE_TLSTRANSPORT_P_H
#define REDISTORE_TLSTRANSPORT_P_H

#include "bytetransport_p.h"

#include <memory>

namespace RediStore {

// TLS through OpenSSL over a connected, non-blocking socket (rediss://).
//
// TLS 1.2 at least. The peer's certificate is verified against the configured CA file, or the
// system's CAs, and its name or IP address against the host (or tls_server_name), not only
// sent as SNI. A client certificate and key are presented when configured. tls_verify=none
// turns verification off and says so once in the log.
namespace TlsTransport {

std::unique_ptr<ByteTransport> create(const RedisConfig &config, int fd, const QString &name,
                                      QString *error);

} // namespace TlsTransport
} // namespace RediStore

#endif // REDISTORE_TLSTRANSPORT_P_H
