#!/bin/bash
# Configures and builds into a build folder (default: build/). Extra arguments go to cmake.
#   scripts/build.sh [BUILD_DIR] [-DOPTION=...]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$root/build}"
shift || true
"$root/scripts/install-deps.sh"
cmake -S "$root" -B "$build" -G Ninja "$@" >/dev/null
cmake --build "$build" -j "$(nproc)"
