#!/bin/bash
# A private Redis Cluster on loopback: 3 masters (slots 0-5460, 5461-10922, 10923-16383) and one
# replica each, in a temporary folder, without persistence, cluster-node-timeout 1000 ms. Each
# node lives in DIR/PORT (redis.conf, redis.pid, redis.log, nodes.conf), so one can be killed
# and started again. REDISTORE_REDIS_SERVER names another server (valkey-server, say); the cli
# is the one that goes with it (scripts/private-nodes.sh).
#
# Sourced (like private-redis.sh): start_private_cluster [--password PASS] [--node-timeout MS]
#   sets REDIS_URL (redis+cluster://127.0.0.1:P1,127.0.0.1:P2,127.0.0.1:P3, the masters),
#   REDIS_DIR, REDIS_CLI (the cli with -c and the options to reach the first master),
#   CLUSTER_PORTS (all six), CLUSTER_MASTERS and CLUSTER_REPLICAS (replica i of master i);
#   the cluster stops when the calling script exits (stop_private_cluster).
# Run:
#   private-cluster.sh start DIR [--password PASS] [--node-timeout MS] [--owner PID]
#       starts it in DIR (which must exist), prints REDIS_URL=, PORTS=, MASTERS=, REPLICAS=
#       lines, and leaves it running. --owner: it stops, and DIR goes, when process PID ends.
#   private-cluster.sh stop DIR
#   private-cluster.sh kill DIR PORT        kills a node (SIGKILL) and waits until it is gone
#   private-cluster.sh restart DIR PORT     starts a node that was stopped or killed again
# --password: requirepass and masterauth on every node (REDIS_URL then has default:PASS@).
# Every node also has the ACL user alice (password alice-secret) that may run every command.

_pc_here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source-path=SCRIPTDIR source=private-nodes.sh
source "$_pc_here/private-nodes.sh"

# The conf of one node, in DIR/PORT/redis.conf. A replica takes over however long it was away
# from its master (cluster-replica-validity-factor 0).
_pc_write_conf() {
    pn_write_data_conf "$1" "$2" "$3" \
        "cluster-enabled yes" \
        "cluster-config-file nodes.conf" \
        "cluster-node-timeout $4" \
        "cluster-replica-validity-factor 0"
}

# CLUSTER NODES of the node on port $1 (password $2), one line a node.
_pc_nodes() {
    pn_cli_for "$1" "$2" CLUSTER NODES 2>/dev/null | tr -d '\r'
}

# Whether the node on port $1 (password $2) knows all six, none in handshake.
_pc_node_knows_all() {
    _pc_nodes "$1" "$2" | awk '$3 ~ /handshake|noaddr/ { bad = 1 }
        END { exit !(NR == 6 && !bad) }'
}

# Whether CLUSTER SLOTS of the node on port $1 (password $2) names all six nodes.
_pc_slots_name_all() {
    [ "$(pn_cli_for "$1" "$2" CLUSTER SLOTS 2>/dev/null | tr -d '\r' \
        | grep -c '^[0-9a-f]\{40\}$')" = 6 ]
}

# Whether the node on port $1 sees the whole cluster as it was made: 6 nodes, none failing or
# in handshake, 3 masters serving slots, 3 replicas with a master, and cluster_state:ok.
_pc_node_ready() {
    local port="$1" password="$2"
    pn_cli_for "$port" "$password" CLUSTER INFO 2>/dev/null | tr -d '\r' \
        | grep -q '^cluster_state:ok$' || return 1
    _pc_nodes "$port" "$password" | awk '
        $3 ~ /fail|handshake|noaddr/ { bad = 1 }
        $3 ~ /master/ && NF >= 9 { masters++ }
        $3 ~ /slave/ && $4 != "-" { replicas++ }
        END { exit !(NR == 6 && !bad && masters == 3 && replicas == 3) }'
}

# Starts the six nodes on ports $3..$8 and makes them a cluster.
_pc_create() {
    local dir="$1" password="$2" timeout="$3" port i _
    shift 3
    local ports=("$@") ids=()
    for port in "${ports[@]}"; do
        _pc_write_conf "$dir" "$port" "$password" "$timeout"
        pn_launch_node "$dir" "$port" || return 1
    done
    for port in "${ports[@]}"; do
        pn_wait_node "$dir" "$port" "$password" || return 1
    done
    # What redis-cli --cluster create does, in an order that does not depend on its choices:
    # distinct config epochs, the masters' slots, every node met, then the replicas.
    for i in 0 1 2 3 4 5; do
        pn_cli_for "${ports[$i]}" "$password" CLUSTER SET-CONFIG-EPOCH $((i + 1)) >/dev/null
        ids+=("$(pn_cli_for "${ports[$i]}" "$password" CLUSTER MYID | tr -d '\r')")
    done
    local ranges=("0 5460" "5461 10922" "10923 16383")
    for i in 0 1 2; do
        # shellcheck disable=SC2086 # two numbers
        pn_cli_for "${ports[$i]}" "$password" CLUSTER ADDSLOTSRANGE ${ranges[$i]} \
            | grep -q OK || {
            echo "CLUSTER ADDSLOTSRANGE failed on port ${ports[$i]} (Redis 7 or later needed)" >&2
            return 1
        }
    done
    for i in 1 2 3 4 5; do
        pn_cli_for "${ports[0]}" "$password" CLUSTER MEET 127.0.0.1 "${ports[$i]}" >/dev/null
    done
    # Every node knows every other before a replica names its master.
    pn_wait_each 30 _pc_node_knows_all "$password" "${ports[@]}" || {
        echo "the nodes did not meet in 30 s; what port ${ports[0]} sees:" >&2
        _pc_nodes "${ports[0]}" "$password" >&2
        return 1
    }
    for i in 0 1 2; do
        local replied=""
        for _ in $(seq 100); do
            replied="$(pn_cli_for "${ports[$((i + 3))]}" "$password" CLUSTER REPLICATE "${ids[$i]}" \
                2>&1 | tr -d '\r')"
            [ "$replied" = OK ] && break
            sleep 0.05
        done
        if [ "$replied" != OK ]; then
            echo "CLUSTER REPLICATE on port ${ports[$((i + 3))]}: $replied" >&2
            return 1
        fi
    done
    # Ready when every node sees the whole cluster, every replica has synced, and every node
    # names all six in CLUSTER SLOTS (which leaves out replicas at offset 0).
    if pn_wait_each 60 _pc_node_ready "$password" "${ports[@]}" \
        && pn_wait_each 30 pn_replica_linked "$password" "${ports[@]:3}" \
        && pn_wait_each 30 _pc_slots_name_all "$password" "${ports[@]}"; then
        return 0
    fi
    echo "the cluster did not become ready; what port ${ports[0]} sees:" >&2
    _pc_nodes "${ports[0]}" "$password" >&2
    pn_cli_for "${ports[0]}" "$password" CLUSTER INFO 2>&1 | head -n 3 >&2
    return 1
}

# Starts the cluster in the existing folder $1 (tries other ports when one was taken
# meanwhile) and sets _PC_PORTS. Options as for start_private_cluster.
_pc_start_in() {
    local dir="$1" password="" timeout=1000 server attempt
    shift
    while [ $# -gt 0 ]; do
        case "$1" in
        --password) password="${2?--password needs a value}" && shift 2 ;;
        --node-timeout) timeout="${2?--node-timeout needs a value}" && shift 2 ;;
        *)
            echo "private-cluster: unknown option '$1'" >&2
            return 2
            ;;
        esac
    done
    server="$(pn_server)" || return 1
    PN_CLI="$(pn_cli "$server")" || return 1
    pn_save_settings "$dir" "PASSWORD=$password" "REDISTORE_REDIS_SERVER=$server" \
        "REDISTORE_REDIS_CLI=$PN_CLI"
    for attempt in 1 2 3; do
        mapfile -t _PC_PORTS < <(pn_free_ports 6)
        if [ "${#_PC_PORTS[@]}" -ne 6 ]; then
            echo "private-cluster: no free loopback ports" >&2
            return 1
        fi
        if _pc_create "$dir" "$password" "$timeout" "${_PC_PORTS[@]}"; then
            _PC_PASSWORD="$password"
            return 0
        fi
        pn_stop_all "$dir"
        find "$dir" -mindepth 1 -maxdepth 1 -type d -name '[0-9]*' -exec rm -rf {} +
        [ "$attempt" -lt 3 ] && echo "private-cluster: trying again on other ports" >&2
    done
    return 1
}

# The redis+cluster:// URL of the masters, with default:PASS@ when there is a password.
_pc_url() {
    local password="$1" hosts="" port
    shift
    for port in "$@"; do
        hosts+="${hosts:+,}127.0.0.1:$port"
    done
    if [ -n "$password" ]; then
        echo "redis+cluster://default:$(pn_percent_encode "$password")@$hosts"
    else
        echo "redis+cluster://$hosts"
    fi
}

start_private_cluster() {
    REDIS_DIR="$(mktemp -d /tmp/redistore-cluster.XXXXXX)"
    if ! _pc_start_in "$REDIS_DIR" "$@"; then
        rm -rf "$REDIS_DIR"
        return 1
    fi
    CLUSTER_PORTS=("${_PC_PORTS[@]}")
    CLUSTER_MASTERS=("${_PC_PORTS[@]:0:3}")
    CLUSTER_REPLICAS=("${_PC_PORTS[@]:3:3}")
    REDIS_URL="$(_pc_url "$_PC_PASSWORD" "${CLUSTER_MASTERS[@]}")"
    REDIS_CLI=("$(basename "$PN_CLI")" -c -p "${CLUSTER_PORTS[0]}")
    if [ -n "$_PC_PASSWORD" ]; then
        REDIS_CLI+=(-a "$_PC_PASSWORD" --no-auth-warning)
    fi
    trap stop_private_cluster EXIT
    echo "== private cluster on $REDIS_URL (masters ${CLUSTER_MASTERS[*]}, replicas" \
        "${CLUSTER_REPLICAS[*]}; data in $REDIS_DIR, gone when this stops)"
}

stop_private_cluster() {
    if [ -n "${REDIS_DIR:-}" ] && [ -d "$REDIS_DIR" ]; then
        pn_stop_all "$REDIS_DIR"
        rm -rf "$REDIS_DIR"
    fi
}

# The lines that start prints.
_pc_print() {
    echo "REDIS_URL=$(_pc_url "$_PC_PASSWORD" "${_PC_PORTS[@]:0:3}")"
    echo "PORTS=${_PC_PORTS[*]}"
    echo "MASTERS=${_PC_PORTS[*]:0:3}"
    echo "REPLICAS=${_PC_PORTS[*]:3:3}"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    pn_main private-cluster _pc_start_in _pc_print "$@"
fi
