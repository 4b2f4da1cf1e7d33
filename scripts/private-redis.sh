#!/bin/bash
# Sourced by the demo: start_private_redis starts a redis-server of our own on a free loopback
# port, in a temporary folder, without persistence; it stops when the calling script exits.
# Sets REDIS_PORT, REDIS_URL and REDIS_DIR. REDISTORE_REDIS_SERVER names another server binary
# (valkey-server, say), as it does for the tests.

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
    "${REDISTORE_REDIS_SERVER:-redis-server}" --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no \
        --dir "$REDIS_DIR" --logfile "$REDIS_DIR/redis.log" --daemonize yes \
        --pidfile "$REDIS_DIR/redis.pid" --notify-keyspace-events Kg\$x >/dev/null
    local _
    for _ in $(seq 100); do
        redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break
        sleep 0.05
    done
    if ! redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; then
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
