#!/bin/bash
# Sourced by private-cluster.sh and private-sentinel.sh: what both need to run private server
# nodes on loopback, each in a folder of its own (DIR/PORT: its conf, pid file, log and data).
# Every name here starts with pn_ (the scripts are sourced into the demo's shell too).
#   REDISTORE_REDIS_SERVER  the server: a name on PATH (valkey-server) or a path; default
#                           redis-server. The cli and sentinel are the ones that go with it.
#   REDISTORE_REDIS_CLI     the cli, when the one found is not the one wanted.

# The server binary's path, or nothing (with a message) when it is not installed.
pn_server() {
    local wanted="${REDISTORE_REDIS_SERVER:-redis-server}" found
    if [[ "$wanted" == */* ]]; then
        found="$wanted"
    else
        found="$(command -v "$wanted" || true)"
    fi
    if [ -z "$found" ] || [ ! -x "$found" ]; then
        echo "$wanted not found (install its package, or set REDISTORE_REDIS_SERVER to a" \
            "server's name or path)" >&2
        return 1
    fi
    echo "$found"
}

# The family of a server binary: valkey or redis (its name says which).
pn_family() {
    case "$(basename "$1")" in
    valkey*) echo valkey ;;
    *) echo redis ;;
    esac
}

# The cli that goes with the server $1: its family's cli beside it or on PATH, else the other
# family's (valkey-cli and redis-cli speak to both).
pn_cli() {
    if [ -n "${REDISTORE_REDIS_CLI:-}" ]; then
        command -v "$REDISTORE_REDIS_CLI" || echo "$REDISTORE_REDIS_CLI"
        return 0
    fi
    local names=(redis-cli valkey-cli) dir name
    [ "$(pn_family "$1")" = valkey ] && names=(valkey-cli redis-cli)
    dir="$(dirname "$1")"
    for name in "${names[@]}"; do
        if [ -x "$dir/$name" ]; then
            echo "$dir/$name"
            return 0
        fi
        if command -v "$name" >/dev/null; then
            command -v "$name"
            return 0
        fi
    done
    echo "neither redis-cli nor valkey-cli is installed (package redis-tools)" >&2
    return 1
}

# The command that runs a sentinel with the conf file $2, for the server $1: the family's
# sentinel binary beside the server (Debian's redis-sentinel, valkey-sentinel), else the server
# with --sentinel. One word a line.
pn_sentinel_command() {
    local sentinel
    sentinel="$(dirname "$1")/$(pn_family "$1")-sentinel"
    if [ -x "$sentinel" ]; then
        printf '%s\n' "$sentinel" "$2"
    else
        printf '%s\n' "$1" "$2" --sentinel
    fi
}

# Writes DIR/PORT/redis.conf for a data node: pn_write_data_conf DIR PORT PASSWORD LINES...
# No persistence, keyspace events as private-redis.sh has them, the ACL user alice (password
# alice-secret) who may run every command; with a password, requirepass and masterauth.
# Replicas sync at once (the default waits 5 s for more of them), and their offsets move every
# second even without writes (a cluster does not name replicas at offset 0 in CLUSTER SLOTS).
pn_write_data_conf() {
    local port="$2" password="$3" node="$1/$2"
    shift 3
    mkdir -p "$node"
    {
        echo "port $port"
        echo "bind 127.0.0.1"
        echo "daemonize yes"
        echo "pidfile $node/redis.pid"
        echo "logfile $node/redis.log"
        echo "dir $node"
        echo "save \"\""
        echo "appendonly no"
        echo "repl-diskless-sync-delay 0"
        echo "repl-ping-replica-period 1"
        echo "notify-keyspace-events Kg\$x"
        echo "enable-debug-command yes"
        echo "user alice on >alice-secret ~* &* +@all"
        if [ -n "$password" ]; then
            echo "requirepass $(pn_conf_quote "$password")"
            echo "masterauth $(pn_conf_quote "$password")"
        fi
        printf '%s\n' "$@"
    } >"$node/redis.conf"
    chmod 600 "$node/redis.conf"
}

# A word for a conf file: in double quotes, with \ and " escaped.
pn_conf_quote() {
    local text="${1//\\/\\\\}"
    echo "\"${text//\"/\\\"}\""
}

# Whether something listens on 127.0.0.1:$1.
pn_port_used() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# $1 free loopback ports, one a line, below the kernel's ephemeral range (32768 up), each with
# port+10000 free too (a cluster node's bus port). They start at a random place so that two
# setups starting at once seldom pick the same ones (a node that loses the race makes the
# start fail and try again with others).
pn_free_ports() {
    local count="$1" found=0 port tries=0
    port=$((12000 + RANDOM % 9000))
    while [ "$found" -lt "$count" ] && [ "$tries" -lt 10000 ]; do
        tries=$((tries + 1))
        port=$((port + 1))
        [ "$port" -ge 22700 ] && port=12000
        if ! pn_port_used "$port" && ! pn_port_used $((port + 10000)); then
            echo "$port"
            found=$((found + 1))
        fi
    done
    [ "$found" -eq "$count" ]
}

# The cli for one node: pn_cli_for PORT PASSWORD ARGS...
pn_cli_for() {
    local port="$1" password="$2"
    shift 2
    if [ -n "$password" ]; then
        "$PN_CLI" -h 127.0.0.1 -p "$port" -a "$password" --no-auth-warning "$@"
    else
        "$PN_CLI" -h 127.0.0.1 -p "$port" "$@"
    fi
}

# One field of INFO from a node, without the CR.
pn_info_field() {
    pn_cli_for "$1" "$2" INFO "$3" 2>/dev/null | tr -d '\r' | sed -n "s/^$4://p"
}

# Whether the process $1 runs (a zombie does not).
pn_alive() {
    [ -e "/proc/$1" ] && ! grep -q '^[^)]*) Z' "/proc/$1/stat" 2>/dev/null
}

# Whether the command line of the running process $1 has the text $2.
pn_cmdline_has() {
    local cmdline
    pn_alive "$1" && [ -r "/proc/$1/cmdline" ] || return 1
    cmdline="$(tr '\0' ' ' <"/proc/$1/cmdline") "
    [[ "$cmdline" == *"$2"* ]]
}

# The pid of the node on port $2 of the setup in $1 when that process runs and is that node
# (a pid file left by a killed node may name another process by now).
pn_node_pid() {
    local file="$1/$2/redis.pid" pid
    [ -s "$file" ] || return 1
    pid="$(cat "$file")"
    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    pn_cmdline_has "$pid" "127.0.0.1:$2 " || pn_cmdline_has "$pid" "$1/$2/" || return 1
    echo "$pid"
}

# Starts the node whose conf is $1/$2/redis.conf or sentinel.conf (they daemonize and write
# $1/$2/redis.pid), and waits until it answers (pn_wait_node). $3: its password, if any.
pn_start_node() {
    pn_launch_node "$1" "$2" && pn_wait_node "$1" "$2" "$3"
}

# Starts the node, without waiting for it. The server checks its conf before it daemonizes:
# what it says then is in $1/$2/launch.log.
pn_launch_node() {
    local server node="$1/$2" launch
    server="$(pn_server)" || return 1
    rm -f "$node/redis.pid"
    if [ -f "$node/sentinel.conf" ]; then
        mapfile -t launch < <(pn_sentinel_command "$server" "$node/sentinel.conf")
    else
        launch=("$server" "$node/redis.conf")
    fi
    if ! "${launch[@]}" >"$node/launch.log" 2>&1 </dev/null; then
        echo "${launch[*]} failed:" >&2
        cat "$node/launch.log" >&2
        return 1
    fi
}

# Waits until the node on port $2 answers on its port as the process of its pid file (not a
# node of someone else's that took the port first); kills it when it does not in 20 s, or
# when its log says it could not listen.
pn_wait_node() {
    local dir="$1" port="$2" password="$3" pid="" deadline=$((SECONDS + 20))
    while [ "$SECONDS" -lt "$deadline" ]; do
        pid="$(pn_node_pid "$dir" "$port" || true)"
        if [ -n "$pid" ] && [ "$(pn_info_field "$port" "$password" server process_id)" = "$pid" ]; then
            return 0
        fi
        grep -q "Address already in use\|aborting" "$dir/$port/redis.log" 2>/dev/null && break
        sleep 0.05
    done
    echo "the node on port $port did not start; the end of its log ($dir/$port/redis.log):" >&2
    tail -n 15 "$dir/$port/redis.log" >&2 2>/dev/null || true
    if [ -n "$pid" ]; then
        kill -KILL "$pid" 2>/dev/null || true
    fi
    return 1
}

# Waits until CHECK PORT PASSWORD succeeds for every port, each checked until it does, for
# TIMEOUT seconds in all: pn_wait_each TIMEOUT CHECK PASSWORD PORT...
pn_wait_each() {
    local deadline=$((SECONDS + $1)) check="$2" password="$3" port
    shift 3
    for port in "$@"; do
        until "$check" "$port" "$password"; do
            [ "$SECONDS" -lt "$deadline" ] || return 1
            sleep 0.05
        done
    done
}

# Whether the replica on port $1 (password $2) has its link to its master up.
pn_replica_linked() {
    [ "$(pn_info_field "$1" "$2" replication master_link_status)" = up ]
}

# Kills the node on port $2 of $1 at once (SIGKILL), and waits until it is gone.
pn_kill_node() {
    local pid _
    pid="$(pn_node_pid "$1" "$2")" || return 0
    kill -KILL "$pid" 2>/dev/null || true
    for _ in $(seq 100); do
        pn_alive "$pid" || break
        sleep 0.02
    done
    rm -f "$1/$2/redis.pid"
}

# Stops every node of the setup in $1 (TERM, then KILL those still there after 3 s) and its
# watcher.
pn_stop_all() {
    local dir="$1" node port pid pids=() _
    if [ -s "$dir/watcher.pid" ]; then
        pid="$(cat "$dir/watcher.pid")"
        pn_cmdline_has "$pid" " $dir " && kill "$pid" 2>/dev/null
        rm -f "$dir/watcher.pid"
    fi
    for node in "$dir"/*/; do
        port="$(basename "$node")"
        [[ "$port" =~ ^[0-9]+$ ]] || continue
        pid="$(pn_node_pid "$dir" "$port")" || continue
        kill -TERM "$pid" 2>/dev/null && pids+=("$pid")
    done
    for _ in $(seq 60); do
        local alive=()
        for pid in "${pids[@]}"; do
            pn_alive "$pid" && alive+=("$pid")
        done
        pids=("${alive[@]}")
        [ "${#pids[@]}" -eq 0 ] && break
        sleep 0.05
    done
    for pid in "${pids[@]}"; do
        kill -KILL "$pid" 2>/dev/null || true
    done
}

# Detached: when the process $2 ends (a test that crashed, say), stops the setup in $1 with
# the script $3 and removes $1. pn_stop_all ends the watcher first.
pn_start_watcher() {
    local dir="$1" owner="$2" script="$3"
    # shellcheck disable=SC2016 # the watcher's own arguments
    setsid bash -c 'while kill -0 "$1" 2>/dev/null && [ -d "$2" ]; do sleep 1; done
        [ -d "$2" ] && rm -f "$2/watcher.pid" && bash "$3" stop "$2" && rm -rf "$2"' \
        watcher "$owner" "$dir" "$script" \
        >/dev/null 2>&1 </dev/null &
    echo $! >"$dir/watcher.pid"
}

# The settings of a setup, for restarts: pn_save_settings DIR NAME=VALUE...
pn_save_settings() {
    local dir="$1" setting
    shift
    (
        umask 077
        : >"$dir/settings"
        for setting in "$@"; do
            printf '%s=%q\n' "${setting%%=*}" "${setting#*=}" >>"$dir/settings"
        done
    )
}

# Text for a URL, percent-encoded but for RFC 3986's unreserved characters.
pn_percent_encode() {
    local text="$1" out="" i c
    for ((i = 0; i < ${#text}; i++)); do
        c="${text:i:1}"
        case "$c" in
        [A-Za-z0-9._~-]) out+="$c" ;;
        *) out+="$(printf '%%%02X' "'$c")" ;;
        esac
    done
    echo "$out"
}

# The commands of a script run directly: pn_main NAME START PRINT COMMAND DIR ARGS...
#   start DIR [OPTIONS] [--owner PID]   START DIR OPTIONS, the watcher, then PRINT
#   stop DIR
#   kill DIR PORT                       the node, with SIGKILL
#   restart DIR PORT                    the node again, with the settings of the start
# The script's usage is its comment from line 2 to the first line without #.
pn_main() {
    set -euo pipefail
    local name="$1" start="$2" print="$3" script="$0"
    local command="${4:-}" dir="${5:-}"
    if [ "$command" = -h ] || [ "$command" = --help ]; then
        sed -n '2,/^[^#]/p' "$script" | sed -e '/^[^#]/d' -e 's/^# \{0,1\}//'
        exit 0
    fi
    if [ -z "$dir" ] || [ ! -d "$dir" ]; then
        case "$command" in
        start | stop | kill | restart) echo "$name: $command needs an existing folder" >&2 ;;
        *) sed -n '2,/^[^#]/p' "$script" | sed -e '/^[^#]/d' -e 's/^# \{0,1\}//' >&2 ;;
        esac
        exit 2
    fi
    dir="$(cd "$dir" && pwd)"
    shift 5
    case "$command" in
    start)
        local owner="" options=()
        while [ $# -gt 0 ]; do
            if [ "$1" = --owner ]; then
                owner="${2?--owner needs a pid}"
                shift 2
            else
                options+=("$1")
                shift
            fi
        done
        "$start" "$dir" "${options[@]}"
        if [ -n "$owner" ]; then
            pn_start_watcher "$dir" "$owner" "$(cd "$(dirname "$script")" && pwd)/$(basename "$script")"
        fi
        "$print"
        ;;
    stop) pn_stop_all "$dir" ;;
    kill) pn_kill_node "$dir" "${1?kill needs a port}" ;;
    restart)
        local port="${1?restart needs a port}" PASSWORD="" SENTINEL_PASSWORD="" \
            REDISTORE_REDIS_SERVER="" REDISTORE_REDIS_CLI=""
        # shellcheck disable=SC1091 # written by pn_save_settings
        source "$dir/settings"
        PN_CLI="$REDISTORE_REDIS_CLI"
        if pn_node_pid "$dir" "$port" >/dev/null; then
            echo "$name: the node on port $port runs already" >&2
            exit 1
        fi
        if [ -f "$dir/$port/sentinel.conf" ]; then
            pn_start_node "$dir" "$port" "$SENTINEL_PASSWORD"
        else
            pn_start_node "$dir" "$port" "$PASSWORD"
        fi
        ;;
    *)
        echo "$name: unknown command '$command' (start, stop, kill or restart)" >&2
        exit 2
        ;;
    esac
}
