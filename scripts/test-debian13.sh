#!/bin/bash
# The README's test command on Debian 13 (trixie: Qt 6.8, hiredis 1.2, GCC 14, Redis 8.0), in a
# debootstrap root, then the tests again with Valkey 8.1 as the server. Needs root.
#   scripts/test-debian13.sh
# The root is kept in $REDISTORE_CI_CACHE/trixie (default /var/cache/redistore-ci) and reused by
# later runs; each run copies this tree in afresh and builds it from scratch. DEBIAN_MIRROR
# chooses the mirror (default http://deb.debian.org/debian). /proc, /sys and /dev are mounted in
# a private mount namespace: they go away with this script however it ends, killed included.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="${REDISTORE_CI_CACHE:-/var/cache/redistore-ci}"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
target="$cache/trixie"
start=$(date +%s)
step() { echo "== debian13: $* ($(($(date +%s) - start)) s)"; }

if [ "$(id -u)" -ne 0 ]; then
    echo "test-debian13: run as root (debootstrap and chroot need it)" >&2
    exit 1
fi

# Everything below runs in a mount namespace of its own.
if [ "${REDISTORE_IN_MOUNT_NS:-}" != 1 ]; then
    "$root/scripts/install-deps.sh" debootstrap
    REDISTORE_IN_MOUNT_NS=1 exec unshare --mount --propagation private -- "$0" "$@"
fi

# Only a root that debootstrap finished is used; a partial one from a killed run is made again.
if [ ! -e "$target/.redistore-root-complete" ]; then
    step "debootstrap --variant=minbase trixie from $mirror into $target"
    rm -rf "$target" "$target.new"
    mkdir -p "$cache"
    if ! debootstrap --variant=minbase trixie "$target.new" "$mirror" >"$cache/debootstrap.log" 2>&1; then
        tail -n 20 "$cache/debootstrap.log" >&2
        echo "test-debian13: debootstrap failed: the mirror $mirror cannot be reached or" \
            "did not give a complete trixie (log: $cache/debootstrap.log)" >&2
        exit 1
    fi
    touch "$target.new/.redistore-root-complete"
    mv "$target.new" "$target"
fi

# Ends what the tests left running in the root, then unmounts (the namespace would drop the
# mounts anyway when its last process ends).
cleanup() {
    local pid
    for pid in /proc/[0-9]*; do
        [ "$(readlink "$pid/root" 2>/dev/null)" = "$target" ] && kill -KILL "${pid#/proc/}" 2>/dev/null
    done
    umount -R "$target/dev" "$target/sys" "$target/proc" 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM HUP

mount -t proc proc "$target/proc"
mount --rbind /sys "$target/sys"
mount --rbind /dev "$target/dev"
cp /etc/resolv.conf "$target/etc/resolv.conf"
cp /etc/hosts "$target/etc/hosts"

step "copying the tree into the root"
rm -rf "$target/src" "$target/tmp/"*
mkdir -p "$target/src"
tar -C "$root" --exclude='./build*' --exclude=./.git --exclude=./.cache -cf - . | tar -C "$target/src" -xf -

run() {
    chroot "$target" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        HOME=/root LANG=C.UTF-8 CI="${CI:-}" "$@"
}
version() { run "$1" --version | sed -n 's/.* v=\([^ ]*\).*/\1/p'; }

step "packages of scripts/debian-packages.txt, and valkey-server"
if ! run /src/scripts/install-deps.sh valkey-server; then
    echo "test-debian13: installing Debian 13's packages in the root failed (is $mirror" \
        "reachable? apt-get's reason is above)" >&2
    exit 1
fi

step "the README's test command, scripts/test.sh, with Redis $(version redis-server)"
run /bin/bash -c 'cd /src && scripts/test.sh'

# Every test again but the packaging ones, each starting Valkey where it starts a server.
step "the tests again with Valkey $(version valkey-server)"
run REDISTORE_REDIS_SERVER=valkey-server /bin/bash -c \
    'cd /src/build && ctest --output-on-failure -j "$(nproc)" --timeout 600 --label-exclude install'

step "passed"
