#!/usr/bin/env bash
# The fuzz targets under cargo-fuzz (libFuzzer), on nightly. Without a nightly toolchain
# it prints a notice and does nothing: the oracles still run on stable, in `cargo test`
# (crates/fuzzing/tests), on the committed corpus.
#
#   scripts/fuzz.sh smoke               every target for 15 s, from the committed corpus only
#   scripts/fuzz.sh run SECONDS [T...]  the targets T (default: all) for SECONDS each,
#                                       side by side, growing the kept corpus
#
# The kept corpus lives in $ACTIONBOX_FUZZ_DIR/corpus/<target> (default
# ~/.cache/actionbox-fuzz), so runs of several sittings add up; the committed seeds in
# fuzz/corpus/<target> are read too. Crashes are written to
# $ACTIONBOX_FUZZ_DIR/artifacts/<target>; replay one with
# `cargo +nightly fuzz run -s none <target> <file>` in fuzz/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mode="${1:-smoke}"
if ! rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
    echo "fuzz: no nightly toolchain here; cargo-fuzz skipped (the oracles ran in cargo test)"
    exit 0
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
    # cargo-fuzz itself builds on stable (its locked dependencies predate this nightly).
    cargo +stable install cargo-fuzz --locked --version 0.13.1
fi
./guest/build.sh
state="${ACTIONBOX_FUZZ_DIR:-$HOME/.cache/actionbox-fuzz}"
export CARGO_TARGET_DIR="$state/target"
targets=(actions boundary inputs egress)
case "$mode" in
    smoke) seconds=15 ;;
    run) seconds="${2:?scripts/fuzz.sh run SECONDS [TARGET...]}"; [ $# -gt 2 ] && targets=("${@:3}") ;;
    *) echo "usage: scripts/fuzz.sh smoke | run SECONDS [TARGET...]" >&2; exit 2 ;;
esac
cd fuzz
# No sanitizer: the host's own code is safe Rust, and wasmtime runs several times slower
# under AddressSanitizer. Panics, aborts, timeouts and memory above the limit are findings.
# No `--cfg fuzzing` either: wasmtime and Cranelift change some behaviour under it, and
# the targets are to test the code that ships.
cargo +nightly fuzz build -s none --no-cfg-fuzzing
# The targets run side by side, each in a process of its own.
fuzz_one() {
    local target="$1" work log
    if [ "$mode" = smoke ]; then
        work="$(mktemp -d)"
    else
        work="$state/corpus/$target"
        mkdir -p "$work"
    fi
    mkdir -p "$state/artifacts/$target" "$state/logs"
    log="$state/logs/$target.log"
    if ! cargo +nightly fuzz run -s none --no-cfg-fuzzing "$target" "$work" "corpus/$target" -- \
        -max_total_time="$seconds" -timeout=30 -rss_limit_mb=4096 -print_final_stats=1 \
        -artifact_prefix="$state/artifacts/$target/" >"$log" 2>&1; then
        tail -40 "$log" >&2
        echo "fuzz: $target found a crash (see $state/artifacts/$target)" >&2
        return 1
    fi
    echo "fuzz: $target: $(grep -aoE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$') executions," \
        "$(grep -aoE 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1), corpus $(find "$work" -type f | wc -l) files" \
        "($(grep -aoE 'stat::peak_rss_mb: *[0-9]+' "$log" | grep -oE '[0-9]+$') MB peak)"
    if [ "$mode" = smoke ]; then rm -rf "$work"; fi
}
echo "fuzz: ${targets[*]} for ${seconds}s each, side by side (logs in $state/logs)"
pids=()
for target in "${targets[@]}"; do
    fuzz_one "$target" &
    pids+=($!)
done
failed=0
for pid in "${pids[@]}"; do
    wait "$pid" || failed=1
done
exit "$failed"
