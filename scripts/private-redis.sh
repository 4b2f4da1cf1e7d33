#!/bin/bash
# Sourced by the demo: start_private_redis starts a redis-server of our own on a free loopback
# port, in a temporary folder, without persistence; it stops when the calling script exits.
# Sets REDIS_PORT, REDIS_URL, REDIS_DIR and REDIS_CLI (redis-cli with the options to reach it).
# REDISTORE_REDIS_SERVER names another server binary (valkey-server, say), as it does for the
# tests. PRIVATE_REDIS_TLS=1: TLS only, with certificates from tls-certs.sh in $REDIS_DIR/tls
# (REDIS_URL is then rediss://localhost:PORT/0?tls_ca=...).

free_port() {
    local port
    for port in $(seq "${1:-6390}" 6999); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return 0
        fi
    done
    return 1
}

start_private_redis() {
    REDIS_PORT="$(free_port "${REDIS_PORT:-6390}")"
    REDIS_DIR="$(mktemp -d /tmp/redistore-demo.XXXXXX)"
    REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0"
    local listen=(--port "$REDIS_PORT")
    REDIS_CLI=(redis-cli -p "$REDIS_PORT")
    if [ "${PRIVATE_REDIS_TLS:-0}" = 1 ]; then
        local tls="$REDIS_DIR/tls"
        bash "$(dirname "${BASH_SOURCE[0]}")/tls-certs.sh" "$tls"
        listen=(--port 0 --tls-port "$REDIS_PORT" --tls-cert-file "$tls/server.crt"
            --tls-key-file "$tls/server.key" --tls-ca-cert-file "$tls/ca.crt"
            --tls-auth-clients no)
        REDIS_URL="rediss://localhost:$REDIS_PORT/0?tls_ca=$tls/ca.crt"
        REDIS_CLI=(redis-cli --tls --cacert "$tls/ca.crt" -p "$REDIS_PORT")
    fi
    "${REDISTORE_REDIS_SERVER:-redis-server}" "${listen[@]}" --bind 127.0.0.1 --save '' --appendonly no \
        --dir "$REDIS_DIR" --logfile "$REDIS_DIR/redis.log" --daemonize yes \
        --pidfile "$REDIS_DIR/redis.pid" --notify-keyspace-events Kg\$x >/dev/null
    local _
    for _ in $(seq 100); do
        "${REDIS_CLI[@]}" ping >/dev/null 2>&1 && break
        sleep 0.05
    done
    if ! "${REDIS_CLI[@]}" ping >/dev/null 2>&1; then
        echo "redis-server did not start; its log:" >&2
        cat "$REDIS_DIR/redis.log" >&2
        return 1
    fi
    trap stop_private_redis EXIT
    echo "== private redis-server on $REDIS_URL (data in $REDIS_DIR, gone when this stops)"
}

stop_private_redis() {
    if [ -n "${REDIS_DIR:-}" ] && [ -s "$REDIS_DIR/redis.pid" ]; then
        kill "$(cat "$REDIS_DIR/redis.pid")" 2>/dev/null || true
        sleep 0.2
        rm -rf "$REDIS_DIR"
    fi
}
