#!/bin/bash
# The session demo, the README's first command: installs the Debian packages that are missing,
# builds what it runs, starts a private redis-server and serves the complete example (the Go redistore
# README's /set, /get, /delete) on a free port, in the foreground, with the curl commands to
# try. Ctrl+C stops the server and the private Redis.
#   scripts/demo.sh [--tls]         (BUILD_DIR=... to build elsewhere than build/;
#                                    SKIP_INSTALL_DEPS=1 when the packages are there already)
# --tls: the private Redis speaks only TLS, with certificates made for it (scripts/tls-certs.sh),
# and the example reaches it through a rediss:// URL that names their CA.
set -euo pipefail
for argument in "$@"; do
    case "$argument" in
    --tls) export PRIVATE_REDIS_TLS=1 ;;
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

# shellcheck source-path=SCRIPTDIR source=private-redis.sh
source "$root/scripts/private-redis.sh"
start_private_redis

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

  ${REDIS_CLI[*]} --scan --pattern 'webapp_*'
EOF
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
    trap 'kill "$admin_pid" 2>/dev/null || true; stop_private_redis' EXIT
fi

echo
echo "Press Ctrl+C to stop (the private Redis and its data go too)."
echo
"$example" --port "$web_port" --redis-url "$REDIS_URL"
