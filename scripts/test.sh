#!/bin/bash
# Builds everything, warnings as errors (REDISTORE_WERROR), and runs every test with CTest
# (each test starts its own redis-server; REDISTORE_REDIS_SERVER=valkey-server picks another).
#   scripts/test.sh [BUILD_DIR] [-DOPTION=...]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$root/build}"
"$root/scripts/build.sh" "$build" -DREDISTORE_WERROR=ON "${@:2}"
cd "$build"
ctest --output-on-failure -j "$(nproc)" --timeout 600
