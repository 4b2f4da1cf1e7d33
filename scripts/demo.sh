#!/bin/bash
# The session demo, the README's first command: installs the Debian packages that are missing,
# builds what it runs, starts a private redis-server and serves the complete example (the Go redistore
# README's /set, /get, /delete) on a free port, in the foreground, with the curl commands to
# try. Ctrl+C stops the server and the private Redis.
#   scripts/demo.sh [--tls | --cluster | --sentinel]   (BUILD_DIR=... to build elsewhere than
#                   build/; SKIP_INSTALL_DEPS=1 when the packages are there already)
# --tls: the private Redis speaks only TLS, with certificates made for it (scripts/tls-certs.sh),
# and the example reaches it through a rediss:// URL that names their CA.
# --cluster: a private Redis Cluster instead (3 masters, 3 replicas; redis+cluster:// URL).
# --sentinel: a master, a replica and 3 sentinels instead (redis+sentinel://.../mymaster/0).
set -euo pipefail
topology=single
for argument in "$@"; do
    case "$argument" in
    --tls) export PRIVATE_REDIS_TLS=1 ;;
    --cluster) topology=cluster ;;
    --sentinel) topology=sentinel ;;
    -h | --help)
        sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'
        exit 0
        ;;
    *)
        echo "demo: unknown argument '$argument' (try --help)" >&2
        exit 2
        ;;
    esac
done
if [ "$topology" != single ] && [ "${PRIVATE_REDIS_TLS:-0}" = 1 ]; then
    echo "demo: --tls goes with a single server only, not with --$topology" >&2
    exit 2
fi
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BUILD_DIR:-$root/build}"

if [ "${SKIP_INSTALL_DEPS:-0}" != 1 ]; then
    "$root/scripts/install-deps.sh"
fi
cmake -S "$root" -B "$build" -G Ninja >/dev/null
# Only what the demo runs (the example, and the command-line tool and admin app when they are
# configured): the first run is quicker than a full build with every test.
targets=(redistore-example-complete)
available="$(cmake --build "$build" --target help)"
for target in redistore_cli redistore-admin; do
    if grep -q "^$target:" <<<"$available"; then
        targets+=("$target")
    fi
done
cmake --build "$build" -j "$(nproc)" --target "${targets[@]}"

example="$build/examples/complete/redistore-example-complete"
if [ ! -x "$example" ]; then
    echo "demo: $example was not built (configured with REDISTORE_BUILD_HTTP or" \
        "REDISTORE_BUILD_EXAMPLES off?)" >&2
    exit 1
fi

# The private Redis; stop_private names what stops it (the start function's EXIT trap calls it).
case "$topology" in
single)
    # shellcheck source-path=SCRIPTDIR source=private-redis.sh
    source "$root/scripts/private-redis.sh"
    start_private_redis
    stop_private=stop_private_redis
    ;;
cluster)
    # shellcheck source-path=SCRIPTDIR source=private-cluster.sh
    source "$root/scripts/private-cluster.sh"
    # shellcheck disable=SC2119 # no options: no password
    start_private_cluster
    stop_private=stop_private_cluster
    ;;
sentinel)
    # shellcheck source-path=SCRIPTDIR source=private-sentinel.sh
    source "$root/scripts/private-sentinel.sh"
    # shellcheck disable=SC2119 # no options: no passwords
    start_private_sentinel
    stop_private=stop_private_sentinel
    ;;
esac

# A free port for the web server: 8080 if nobody uses it, else the next free one.
web_port=""
for port in $(seq 8080 8180); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        web_port="$port"
        break
    fi
done
if [ -z "$web_port" ]; then
    echo "demo: no free port between 8080 and 8180" >&2
    exit 1
fi

url="http://127.0.0.1:$web_port"
jar="$REDIS_DIR/cookies.txt"
cat <<EOF

== Session demo: the complete example on $url, sessions in $REDIS_URL
Try in another terminal (the cookie jar plays the browser, keeping the session cookie):

  jar=$jar
  curl -c \$jar -b \$jar $url/set       # Session saved!
  curl -c \$jar -b \$jar $url/get       # User: john_doe
  curl -c \$jar -b \$jar $url/delete    # Session deleted!
  curl -c \$jar -b \$jar $url/get       # No user in session
  curl -i -c \$jar -b \$jar $url/set    # again, showing the Set-Cookie header

The sessions in Redis (key prefix webapp_, as in the Go example):

EOF
case "$topology" in
single) echo "  ${REDIS_CLI[*]} --scan --pattern 'webapp_*'" ;;
cluster)
    # Each master holds the keys of its slots: --cluster call asks every one, from any node.
    entry="127.0.0.1:${CLUSTER_MASTERS[0]}"
    echo "  ${REDIS_CLI[0]} --cluster call $entry KEYS 'webapp_*' --cluster-only-masters"
    echo "  ${REDIS_CLI[*]} TTL webapp_ID    # one of them; -c follows the MOVED answer"
    echo "  ${REDIS_CLI[0]} -p ${CLUSTER_MASTERS[0]} CLUSTER NODES    # who serves which slots"
    ;;
sentinel)
    echo "  ${SENTINEL_CLI[*]} SENTINEL GET-MASTER-ADDR-BY-NAME mymaster    # the master now"
    echo "  ${REDIS_CLI[*]} --scan --pattern 'webapp_*'    # on the master at first"
    echo "  ${REDIS_CLI[0]} -p $REPLICA_PORT --scan --pattern 'webapp_*'    # on the replica at first"
    echo "  ${SENTINEL_CLI[*]} SENTINEL FAILOVER mymaster    # the replica takes over"
    ;;
esac
cli="$build/tools/redistore/redistore"
if [ -x "$cli" ]; then
    echo "  $cli sessions list --url '$REDIS_URL' --prefix webapp_"
fi

# Hook: the admin app opens on the same Redis when there is a display to show it on.
admin="$build/gui/redistore-admin"
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -x "$admin" ]; then
    echo
    echo "== Opening redistore-admin on $REDIS_URL"
    "$admin" --url "$REDIS_URL" --prefix webapp_ >"$REDIS_DIR/admin.log" 2>&1 &
    admin_pid=$!
    trap 'kill "$admin_pid" 2>/dev/null || true; "$stop_private"' EXIT
fi

echo
echo "Press Ctrl+C to stop (the private Redis and its data go too)."
echo
"$example" --port "$web_port" --redis-url "$REDIS_URL"
