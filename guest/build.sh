#!/usr/bin/env bash
# Installs what the guest build needs, then builds the guest for wasm32-wasip1.
#
# Idempotent: each step checks before it acts, so running it again costs a few seconds.
# Steps:
#   1. Debian packages: clang-16, lld-16, llvm-16, wasi-libc, libclang-rt-16-dev-wasm32.
#   2. The Rust target wasm32-wasip1.
#   3. A WASI SDK directory made of those packages (rquickjs-sys would otherwise try to
#      download one, and downloads fail on these machines).
#   4. `cargo build --release --target wasm32-wasip1` of guest/, copied to
#      guest/dist/actionbox_guest.wasm, the file the host embeds.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
wasi_sdk="${ACTIONBOX_WASI_SDK:-${XDG_DATA_HOME:-$HOME/.local/share}/actionbox/wasi-sdk}"
packages=(clang-16 lld-16 llvm-16 wasi-libc libclang-rt-16-dev-wasm32)

say() { printf 'guest/build.sh: %s\n' "$*" >&2; }

install_packages() {
    local missing=()
    for p in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return
    say "installing Debian packages: ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

install_target() {
    if ! rustup target list --installed | grep -qx wasm32-wasip1; then
        say "adding the Rust target wasm32-wasip1"
        rustup target add wasm32-wasip1
    fi
}

# A directory laid out like a WASI SDK, pointing at Debian's clang and wasi-libc.
make_wasi_sdk() {
    mkdir -p "$wasi_sdk/bin" "$wasi_sdk/share/wasi-sysroot/include" "$wasi_sdk/share/wasi-sysroot/lib"
    ln -sfn /usr/bin/clang-16 "$wasi_sdk/bin/clang"
    ln -sfn /usr/bin/llvm-ar-16 "$wasi_sdk/bin/ar"
    ln -sfn /usr/bin/llvm-ar-16 "$wasi_sdk/bin/llvm-ar"
    for triple in wasm32-wasip1 wasm32-wasi; do
        ln -sfn /usr/include/wasm32-wasi "$wasi_sdk/share/wasi-sysroot/include/$triple"
        ln -sfn /usr/lib/wasm32-wasi "$wasi_sdk/share/wasi-sysroot/lib/$triple"
    done
}

build_guest() {
    say "building the guest (wasm32-wasip1, release)"
    local target_dir="${CARGO_TARGET_DIR:-$here/target}"
    (cd "$here" && WASI_SDK="$wasi_sdk" CARGO_TARGET_DIR="$target_dir" \
        cargo build --release --locked --target wasm32-wasip1 --quiet)
    mkdir -p "$here/dist"
    cp "$target_dir/wasm32-wasip1/release/actionbox_guest.wasm" "$here/dist/actionbox_guest.wasm.tmp"
    mv "$here/dist/actionbox_guest.wasm.tmp" "$here/dist/actionbox_guest.wasm"
    say "ready: guest/dist/actionbox_guest.wasm ($(wc -c <"$here/dist/actionbox_guest.wasm") bytes)"
}

install_packages
install_target
make_wasi_sdk
build_guest
