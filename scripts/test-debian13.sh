#!/bin/bash
# The README's test command on Debian 13 (trixie: Qt 6.8, hiredis 1.2, GCC 14, Redis 8.0), in a
# debootstrap root, then the tests again with Valkey 8.1 as the server, then the fuzzers built
# with clang and run briefly. Needs root.
#   scripts/test-debian13.sh [-DOPTION=...]     (options go to scripts/test.sh's cmake)
# The root is kept in $REDISTORE_CI_CACHE/trixie (default /var/cache/redistore-ci) and reused by
# later runs; each run copies this tree in afresh and builds it from scratch. DEBIAN_MIRROR
# chooses the mirror (default http://deb.debian.org/debian). /proc, /sys and /dev are mounted in
# private mount and PID namespaces: they and every process of the stage go away with this script
# however it ends, killed included.
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

# Everything below runs in mount and PID namespaces of its own, as their first process: however
# this stage ends, killed included, every process started in it ends too and its mounts go.
if [ "${REDISTORE_IN_NAMESPACE:-}" != 1 ]; then
    "$root/scripts/install-deps.sh" debootstrap
    REDISTORE_IN_NAMESPACE=1 exec unshare --mount --propagation private --pid --fork --kill-child \
        -- "$0" "$@"
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

# Ends what the tests left running (every other process of this PID namespace), then
# unmounts; the kernel would do both if this script were killed.
cleanup() {
    if [ "$$" = 1 ]; then # only ever as the namespace's first process
        kill -KILL -1 2>/dev/null || true
    fi
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
# No package's service starts in the root (a redis-server on the host's port 6379, say).
printf '#!/bin/sh\nexit 101\n' >"$target/usr/sbin/policy-rc.d"
chmod 755 "$target/usr/sbin/policy-rc.d"

step "copying the tree into the root"
rm -rf "$target/src" "$target/tmp/"*
mkdir -p "$target/src"
tar -C "$root" --exclude='./build*' --exclude=./.git --exclude=./.cache -cf - . | tar -C "$target/src" -xf -

# A command in the root with a clean environment; waited for in the background, so that a
# signal's trap runs at once.
run() {
    chroot "$target" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        HOME=/root LANG=C.UTF-8 CI="${CI:-}" "$@" &
    wait $!
}
version() { run "$1" --version | sed -n 's/.* v=\([^ ]*\).*/\1/p'; }

step "packages of scripts/debian-packages.txt, and valkey-server"
# A run killed in the middle of dpkg leaves it half done: finish that first.
run dpkg --configure -a
if ! run /src/scripts/install-deps.sh valkey-server; then
    echo "test-debian13: installing Debian 13's packages in the root failed (is $mirror" \
        "reachable? apt-get's reason is above)" >&2
    exit 1
fi

step "the README's test command, scripts/test.sh, with Redis $(version redis-server)"
run /bin/bash -c 'cd /src && scripts/test.sh build "$@"' test.sh "$@"

# Every test again but the packaging ones, each starting Valkey where it starts a server.
step "the tests again with Valkey $(version valkey-server)"
run REDISTORE_REDIS_SERVER=valkey-server /bin/bash -c \
    'cd /src/build && ctest --output-on-failure -j "$(nproc)" --timeout 600 --label-exclude install'

# The fuzzers build with Debian 13's clang, and each runs briefly (FUZZ_SECONDS, default 5) on
# its seed corpus. A short run needs no -O2: -O1 with line tables (the flags libFuzzer's
# documentation uses) builds about a quarter quicker, and a finding's report keeps file:line.
fuzz_seconds="${FUZZ_SECONDS:-5}"
[[ "$fuzz_seconds" =~ ^[0-9]+$ ]] || fuzz_seconds=5
step "fuzzers (scripts/fuzz.sh, clang $(run clang --version | sed -n 's/.*clang version \([^ ]*\).*/\1/p'), ${fuzz_seconds} s each)"
run /bin/bash -c "cd /src && scripts/fuzz.sh $fuzz_seconds -DCMAKE_BUILD_TYPE=None '-DCMAKE_CXX_FLAGS=-O1 -g1'"

step "passed"
