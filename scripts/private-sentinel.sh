#!/bin/bash
# A private Redis Sentinel setup on loopback: a master, one replica and three sentinels (quorum
# 2) watching it as "mymaster", in a temporary folder, without persistence; down-after 1000 ms,
# failover-timeout 3000 ms, parallel-syncs 1. Each node lives in DIR/PORT (redis.conf or
# sentinel.conf, which the sentinels rewrite, redis.pid, redis.log), so one can be killed and
# started again. REDISTORE_REDIS_SERVER names another server (valkey-server, say); the sentinels
# are its family's sentinel binary, else the server with --sentinel (scripts/private-nodes.sh).
#
# Sourced (like private-redis.sh):
#   start_private_sentinel [--password PASS] [--sentinel-password SPASS]
#   sets REDIS_URL (redis+sentinel://127.0.0.1:S1,127.0.0.1:S2,127.0.0.1:S3/mymaster/0),
#   REDIS_DIR, REDIS_CLI (the cli with the options to reach the master), SENTINEL_CLI (the
#   same for the first sentinel), SENTINEL_PORTS (array), MASTER_PORT, REPLICA_PORT; it all
#   stops when the calling script exits (stop_private_sentinel).
# Run:
#   private-sentinel.sh start DIR [--password PASS] [--sentinel-password SPASS] [--owner PID]
#       starts it in DIR (which must exist), prints REDIS_URL=, PORTS= (master, replica,
#       sentinels), MASTER_PORT=, REPLICA_PORT=, SENTINEL_PORTS=, MASTER_NAME= lines, and
#       leaves it running. --owner: it stops, and DIR goes, when process PID ends.
#   private-sentinel.sh stop DIR
#   private-sentinel.sh kill DIR PORT       kills a node (SIGKILL) and waits until it is gone
#   private-sentinel.sh restart DIR PORT    starts a node that was stopped or killed again
# --password: requirepass and masterauth on master and replica, and sentinel auth-pass
# (REDIS_URL then has default:PASS@); --sentinel-password: requirepass on the sentinels
# (REDIS_URL then has ?sentinel_password=SPASS). Master and replica also have the ACL user
# alice (password alice-secret) that may run every command.

_ps_here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source-path=SCRIPTDIR source=private-nodes.sh
source "$_ps_here/private-nodes.sh"

_PS_MASTER_NAME=mymaster

# The conf of a sentinel, in DIR/PORT/sentinel.conf: writable, the sentinel rewrites it.
_ps_write_sentinel_conf() {
    local port="$2" master="$3" password="$4" sentinel_password="$5" node="$1/$2"
    mkdir -p "$node"
    {
        echo "port $port"
        echo "bind 127.0.0.1"
        echo "daemonize yes"
        echo "pidfile $node/redis.pid"
        echo "logfile $node/redis.log"
        echo "dir $node"
        echo "sentinel monitor $_PS_MASTER_NAME 127.0.0.1 $master 2"
        echo "sentinel down-after-milliseconds $_PS_MASTER_NAME 1000"
        echo "sentinel failover-timeout $_PS_MASTER_NAME 3000"
        echo "sentinel parallel-syncs $_PS_MASTER_NAME 1"
        if [ -n "$password" ]; then
            echo "sentinel auth-pass $_PS_MASTER_NAME $(pn_conf_quote "$password")"
        fi
        if [ -n "$sentinel_password" ]; then
            echo "requirepass $(pn_conf_quote "$sentinel_password")" # sentinels give it to each other too
        fi
    } >"$node/sentinel.conf"
    chmod 600 "$node/sentinel.conf"
}

# Whether the sentinel on port $1 (password $2) sees the master up, with one replica and two
# other sentinels.
_ps_sentinel_ready() {
    pn_cli_for "$1" "$2" SENTINEL MASTER "$_PS_MASTER_NAME" 2>/dev/null | tr -d '\r' | paste - - \
        | awk -F '\t' '{ field[$1] = $2 }
            END { exit !(field["flags"] == "master" && field["num-slaves"] == 1 \
                && field["num-other-sentinels"] == 2) }'
}

# Starts master, replica and sentinels on ports $4..$8 and waits until every sentinel knows
# the master (and nothing wrong with it), the replica and the two other sentinels.
_ps_create() {
    local dir="$1" password="$2" sentinel_password="$3" port
    shift 3
    local ports=("$@")
    pn_write_data_conf "$dir" "${ports[0]}" "$password"
    pn_write_data_conf "$dir" "${ports[1]}" "$password" "replicaof 127.0.0.1 ${ports[0]}"
    for port in "${ports[@]:0:2}"; do
        pn_launch_node "$dir" "$port" || return 1
    done
    for port in "${ports[@]:0:2}"; do
        pn_wait_node "$dir" "$port" "$password" || return 1
    done
    for port in "${ports[@]:2}"; do
        _ps_write_sentinel_conf "$dir" "$port" "${ports[0]}" "$password" "$sentinel_password"
        pn_launch_node "$dir" "$port" || return 1
    done
    for port in "${ports[@]:2}"; do
        pn_wait_node "$dir" "$port" "$sentinel_password" || return 1
    done
    if pn_wait_each 30 pn_replica_linked "$password" "${ports[1]}" \
        && pn_wait_each 60 _ps_sentinel_ready "$sentinel_password" "${ports[@]:2}"; then
        return 0
    fi
    echo "the sentinels did not find each other and the replica; what port ${ports[2]} sees:" >&2
    pn_cli_for "${ports[2]}" "$sentinel_password" SENTINEL MASTER "$_PS_MASTER_NAME" 2>&1 \
        | paste - - >&2
    return 1
}

# Starts it all in the existing folder $1 (tries other ports when one was taken meanwhile) and
# sets _PS_PORTS. Options as for start_private_sentinel.
_ps_start_in() {
    local dir="$1" password="" sentinel_password="" server attempt
    shift
    while [ $# -gt 0 ]; do
        case "$1" in
        --password) password="${2?--password needs a value}" && shift 2 ;;
        --sentinel-password)
            sentinel_password="${2?--sentinel-password needs a value}" && shift 2
            ;;
        *)
            echo "private-sentinel: unknown option '$1'" >&2
            return 2
            ;;
        esac
    done
    server="$(pn_server)" || return 1
    PN_CLI="$(pn_cli "$server")" || return 1
    pn_save_settings "$dir" "PASSWORD=$password" "SENTINEL_PASSWORD=$sentinel_password" \
        "REDISTORE_REDIS_SERVER=$server" "REDISTORE_REDIS_CLI=$PN_CLI"
    for attempt in 1 2 3; do
        mapfile -t _PS_PORTS < <(pn_free_ports 5)
        if [ "${#_PS_PORTS[@]}" -ne 5 ]; then
            echo "private-sentinel: no free loopback ports" >&2
            return 1
        fi
        if _ps_create "$dir" "$password" "$sentinel_password" "${_PS_PORTS[@]}"; then
            _PS_PASSWORD="$password"
            _PS_SENTINEL_PASSWORD="$sentinel_password"
            return 0
        fi
        pn_stop_all "$dir"
        find "$dir" -mindepth 1 -maxdepth 1 -type d -name '[0-9]*' -exec rm -rf {} +
        [ "$attempt" -lt 3 ] && echo "private-sentinel: trying again on other ports" >&2
    done
    return 1
}

# The redis+sentinel:// URL of the sentinels $3..., with the passwords $1 (data nodes) and $2
# (sentinels) when there are.
_ps_url() {
    local password="$1" sentinel_password="$2" hosts="" port url
    shift 2
    for port in "$@"; do
        hosts+="${hosts:+,}127.0.0.1:$port"
    done
    url="redis+sentinel://"
    if [ -n "$password" ]; then
        url+="default:$(pn_percent_encode "$password")@"
    fi
    url+="$hosts/$_PS_MASTER_NAME/0"
    if [ -n "$sentinel_password" ]; then
        url+="?sentinel_password=$(pn_percent_encode "$sentinel_password")"
    fi
    echo "$url"
}

start_private_sentinel() {
    REDIS_DIR="$(mktemp -d /tmp/redistore-sentinel.XXXXXX)"
    if ! _ps_start_in "$REDIS_DIR" "$@"; then
        rm -rf "$REDIS_DIR"
        return 1
    fi
    MASTER_PORT="${_PS_PORTS[0]}"
    REPLICA_PORT="${_PS_PORTS[1]}"
    SENTINEL_PORTS=("${_PS_PORTS[@]:2}")
    REDIS_URL="$(_ps_url "$_PS_PASSWORD" "$_PS_SENTINEL_PASSWORD" "${SENTINEL_PORTS[@]}")"
    REDIS_CLI=("$(basename "$PN_CLI")" -p "$MASTER_PORT")
    if [ -n "$_PS_PASSWORD" ]; then
        REDIS_CLI+=(-a "$_PS_PASSWORD" --no-auth-warning)
    fi
    SENTINEL_CLI=("$(basename "$PN_CLI")" -p "${SENTINEL_PORTS[0]}")
    if [ -n "$_PS_SENTINEL_PASSWORD" ]; then
        SENTINEL_CLI+=(-a "$_PS_SENTINEL_PASSWORD" --no-auth-warning)
    fi
    trap stop_private_sentinel EXIT
    echo "== private sentinel setup on $REDIS_URL (master $MASTER_PORT, replica $REPLICA_PORT;" \
        "data in $REDIS_DIR, gone when this stops)"
}

stop_private_sentinel() {
    if [ -n "${REDIS_DIR:-}" ] && [ -d "$REDIS_DIR" ]; then
        pn_stop_all "$REDIS_DIR"
        rm -rf "$REDIS_DIR"
    fi
}

# The lines that start prints.
_ps_print() {
    echo "REDIS_URL=$(_ps_url "$_PS_PASSWORD" "$_PS_SENTINEL_PASSWORD" "${_PS_PORTS[@]:2}")"
    echo "PORTS=${_PS_PORTS[*]}"
    echo "MASTER_PORT=${_PS_PORTS[0]}"
    echo "REPLICA_PORT=${_PS_PORTS[1]}"
    echo "SENTINEL_PORTS=${_PS_PORTS[*]:2}"
    echo "MASTER_NAME=$_PS_MASTER_NAME"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    pn_main private-sentinel _ps_start_in _ps_print "$@"
fi
