#!/bin/bash
# Builds everything and runs every test with CTest (each test starts its own redis-server).
#   scripts/test.sh [BUILD_DIR] [-DOPTION=...]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$root/build}"
"$root/scripts/build.sh" "$@"
cd "$build"
ctest --output-on-failure -j "$(nproc)" --timeout 600
