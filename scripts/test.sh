#!/usr/bin/env bash
# The whole test suite, runnable on a fresh machine: installs and builds the guest
# (guest/build.sh is idempotent), then runs every test of the workspace.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./guest/build.sh
cargo test --workspace --locked "$@"
