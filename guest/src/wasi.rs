//! The WASI calls the guest answers itself: standard streams, the environment and exit.
//!
//! The guest has no files, no environment and nowhere to print (the host gives it a WASI
//! with nothing in it), yet the C library and Rust's standard library import these calls.
//! Each WASI import the component keeps costs every instantiation: the preview 1 adapter
//! wires one or more preview 2 functions and resources for it. So the guest defines the C
//! library's imports itself (wasi-libc calls them through these `__imported_…` symbols,
//! which the linker then resolves here instead of importing), with the answers an empty
//! WASI gives: an empty environment, writes that go nowhere, no readable or seekable
//! descriptor. Only the clocks and random numbers remain WASI imports.

use core::ffi::c_void;

/// `errno` values of WASI preview 1.
const SUCCESS: i32 = 0;
const BADF: i32 = 8;

/// A `ciovec`: a buffer to write.
#[repr(C)]
struct Ciovec {
    buf: *const u8,
    len: usize,
}

#[unsafe(no_mangle)]
extern "C" fn __imported_wasi_snapshot_preview1_environ_sizes_get(count: *mut usize, size: *mut usize) -> i32 {
    // SAFETY: the C library passes two valid out-pointers.
    unsafe {
        count.write(0);
        size.write(0);
    }
    SUCCESS
}

#[unsafe(no_mangle)]
extern "C" fn __imported_wasi_snapshot_preview1_environ_get(_environ: *mut *mut u8, _buf: *mut u8) -> i32 {
    SUCCESS
}

/// Writes succeed and go nowhere, as they would to an empty WASI's standard streams.
#[unsafe(no_mangle)]
extern "C" fn __imported_wasi_snapshot_preview1_fd_write(
    _fd: i32,
    iovs: *const Ciovec,
    count: usize,
    written: *mut usize,
) -> i32 {
    // SAFETY: the C library passes `count` valid iovecs and a valid out-pointer.
    unsafe {
        let total = (0..count).map(|i| (*iovs.add(i)).len).fold(0usize, usize::saturating_add);
        written.write(total);
    }
    SUCCESS
}

#[unsafe(no_mangle)]
extern "C" fn __imported_wasi_snapshot_preview1_fd_read(
    _fd: i32,
    _iovs: *mut c_void,
    _count: usize,
    _read: *mut usize,
) -> i32 {
    BADF
}

#[unsafe(no_mangle)]
extern "C" fn __imported_wasi_snapshot_preview1_fd_seek(_fd: i32, _offset: i64, _whence: i32, _to: *mut u64) -> i32 {
    BADF
}

#[unsafe(no_mangle)]
extern "C" fn __imported_wasi_snapshot_preview1_fd_close(_fd: i32) -> i32 {
    BADF
}

#[unsafe(no_mangle)]
extern "C" fn __imported_wasi_snapshot_preview1_fd_fdstat_get(_fd: i32, _stat: *mut c_void) -> i32 {
    BADF
}

/// `exit`: the guest never calls it; if it did, the call ends in a trap.
#[unsafe(no_mangle)]
extern "C" fn __imported_wasi_snapshot_preview1_proc_exit(_code: i32) -> ! {
    core::arch::wasm32::unreachable()
}
