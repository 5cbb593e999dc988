#!/usr/bin/env bash
# The whole test suite, runnable on a fresh machine: installs and builds the guest
# (guest/build.sh is idempotent), runs every test of the workspace (the fuzz oracles on
# their committed corpus among them), ends with the total over all test binaries, then
# runs each cargo-fuzz target for 15 s where a nightly toolchain exists
# (scripts/fuzz.sh; skipped with a notice elsewhere).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./guest/build.sh
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
cargo test --workspace --locked "$@" 2>&1 | tee "$log"
awk '/^test result:/ { passed += $4; failed += $6 } END { printf "\ntotal: %d passed, %d failed\n", passed, failed }' "$log"
./scripts/fuzz.sh smoke
