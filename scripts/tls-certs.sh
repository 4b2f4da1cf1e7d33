#!/bin/bash
# Makes throwaway TLS certificates for a private Redis (tests, demo, benchmarks) with the
# openssl tool, into DIR (created if missing):
#   ca.crt ca.key             a CA ("RediStore Test CA")
#   server.crt server.key     the server, for DNS localhost and IP 127.0.0.1, signed by that CA
#   client.crt client.key     a client certificate (for tls-auth-clients yes), signed by that CA
#   other-ca.crt              an unrelated CA, which must not be trusted for the server
# Keys are P-256 and readable by the owner only.
#   scripts/tls-certs.sh DIR
set -euo pipefail
dir="${1:?usage: tls-certs.sh DIR}"
mkdir -p "$dir"
cd "$dir"
umask 077
ec=(-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes)
ca() { openssl req -x509 "${ec[@]}" -keyout "$1.key" -out "$1.crt" -days 3650 -subj "$2" 2>/dev/null; }
leaf() {
    printf '%b' "$3" > "$1.ext"
    openssl req "${ec[@]}" -keyout "$1.key" -out "$1.csr" -subj "$2" 2>/dev/null
    openssl x509 -req -in "$1.csr" -CA ca.crt -CAkey ca.key -CAcreateserial -days 3650 \
        -out "$1.crt" -extfile "$1.ext" 2>/dev/null
    rm -f "$1.csr" "$1.ext"
}
ca ca "/CN=RediStore Test CA"
ca other-ca "/CN=Unrelated Test CA"
leaf server "/CN=localhost" "basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:localhost,IP:127.0.0.1\n"
leaf client "/CN=redistore-test-client" "basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=clientAuth\n"
chmod 644 ca.crt other-ca.crt server.crt client.crt
