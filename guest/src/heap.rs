//! QuickJS's heap, counted by the guest, so that running out of it is known for a fact.
//!
//! Built for WASI, QuickJS-ng cannot ask the allocator how large a block is, so its own
//! count of the heap is a few bytes per allocation and its memory limit only stops single
//! huge requests. And when it refuses an allocation it throws an ordinary
//! `InternalError: out of memory`, which an Action can also throw itself. So the guest
//! replaces each runtime's allocation functions (the `JSMallocFunctions` at the start of
//! `JSRuntime`) with the ones below: they call the same C allocator, count the live bytes
//! QuickJS holds, refuse past the cap of the current `compile` or `run`, and remember that
//! they refused. An exception is the memory limit when, and only when, a refusal happened
//! during that call ([`refused`]); QuickJS's own limit is switched off, so every refusal
//! passes through here.
//!
//! The size QuickJS itself is told for a block stays what it was (0), so its own count
//! stays consistent with the blocks it allocated before the swap.
//!
//! A refusal inside a promise job does not reach the caller as an exception: QuickJS
//! turns what the job threw into the rejection of the job's promise. So the runtime's
//! rejection tracker is installed here too: a promise rejected with no handler after a
//! refusal in the current call means the refusal went uncaught ([`lost_in_promise`]), and
//! the run ends at the memory limit as it would had the refusal been thrown.
//!
//! Blocks the guest holds for QuickJS outside its heap (a hash's pending bytes) are
//! counted with [`admit`], [`hold`] and [`release`]. And at the end of pre-initialization
//! [`fill_free_blocks`] takes the allocator's free blocks among the snapshot's pages.

use std::cell::Cell;
use std::ffi::c_void;

use javy::quickjs::{Ctx, qjs};

unsafe extern "C" {
    fn malloc(size: usize) -> *mut c_void;
    fn calloc(count: usize, size: usize) -> *mut c_void;
    fn realloc(ptr: *mut c_void, size: usize) -> *mut c_void;
    fn free(ptr: *mut c_void);
    fn malloc_usable_size(ptr: *const c_void) -> usize;
    fn sbrk(increment: isize) -> *mut c_void;
}

thread_local! {
    /// Bytes of the blocks QuickJS holds that were allocated through these functions.
    static LIVE: Cell<usize> = const { Cell::new(0) };
    /// The most `LIVE` may reach in the current call.
    static LIMIT: Cell<usize> = const { Cell::new(usize::MAX) };
    /// Whether an allocation was refused in the current call.
    static REFUSED: Cell<bool> = const { Cell::new(false) };
    /// Whether a promise was rejected with no handler after a refusal in the current call.
    static LOST_IN_PROMISE: Cell<bool> = const { Cell::new(false) };
}

/// Installs the counting functions in the runtime of `ctx` and turns QuickJS's own limit
/// off. Called once per runtime, at pre-initialization.
pub fn install(ctx: &Ctx<'_>) {
    // SAFETY: `JSRuntime` starts with its `JSMallocFunctions` (quickjs.c: `struct
    // JSRuntime { JSMallocFunctions mf; ...`), which QuickJS calls for every allocation;
    // the replacements have the same signatures. `locate` checks the layout first.
    unsafe {
        let rt = qjs::JS_GetRuntime(ctx.as_raw().as_ptr());
        assert!(mf_is_first(rt), "QuickJS's JSRuntime to start with its malloc functions");
        let mf = rt.cast::<qjs::JSMallocFunctions>();
        (*mf).js_calloc = Some(counted_calloc);
        (*mf).js_malloc = Some(counted_malloc);
        (*mf).js_free = Some(counted_free);
        (*mf).js_realloc = Some(counted_realloc);
        qjs::JS_SetMemoryLimit(rt, 0);
        qjs::JS_SetHostPromiseRejectionTracker(rt, Some(track_rejection), std::ptr::null_mut());
    }
}

/// QuickJS's call for each promise rejected with no handler (`handled` false), and for a
/// handler added to such a promise later (`handled` true). It allocates nothing, so it
/// also works on a full heap.
unsafe extern "C" fn track_rejection(
    _ctx: *mut qjs::JSContext,
    _promise: qjs::JSValue,
    _reason: qjs::JSValue,
    handled: bool,
    _opaque: *mut c_void,
) {
    if !handled && REFUSED.get() {
        LOST_IN_PROMISE.set(true);
    }
}

/// Whether the malloc functions are where `install` expects them: right after them comes
/// `JSMallocState { malloc_count, malloc_size, malloc_limit, opaque }`, whose limit must
/// read back what `JS_SetMemoryLimit` just wrote.
unsafe fn mf_is_first(rt: *mut qjs::JSRuntime) -> bool {
    const PROBE: usize = 0x5eed_1dea;
    let word = std::mem::size_of::<usize>();
    // SAFETY: the runtime is live and far larger than the words read.
    unsafe {
        qjs::JS_SetMemoryLimit(rt, PROBE as _);
        let limit_at = rt.cast::<u8>().add(std::mem::size_of::<qjs::JSMallocFunctions>() + 2 * word);
        let found = limit_at.cast::<usize>().read_unaligned() == PROBE;
        let mf = rt.cast::<qjs::JSMallocFunctions>().read_unaligned();
        found && mf.js_malloc.is_some() && mf.js_free.is_some() && mf.js_realloc.is_some()
    }
}

/// Starts a call: QuickJS may hold `heap_bytes` more than it holds now.
pub fn begin(heap_bytes: u64) {
    let live = LIVE.get();
    LIMIT.set(live.saturating_add(usize::try_from(heap_bytes).unwrap_or(usize::MAX)));
    REFUSED.set(false);
    LOST_IN_PROMISE.set(false);
}

/// Bytes QuickJS holds now, as counted.
pub fn live() -> usize {
    LIVE.get()
}

/// The most QuickJS may hold in the current call.
pub fn limit() -> usize {
    LIMIT.get()
}

/// Whether an allocation was refused since [`begin`].
pub fn refused() -> bool {
    REFUSED.get()
}

/// Whether, since [`begin`], a promise was rejected with no handler after an allocation
/// was refused: a job ran out and nothing caught it. A handler added to that promise
/// later does not undo it (Node ends the process when its heap runs out).
pub fn lost_in_promise() -> bool {
    LOST_IN_PROMISE.get()
}

/// Counts `bytes` the guest now holds on QuickJS's behalf.
pub fn hold(bytes: usize) {
    LIVE.set(LIVE.get().saturating_add(bytes));
}

/// Stops counting `bytes` given back.
pub fn release(bytes: usize) {
    LIVE.set(LIVE.get().saturating_sub(bytes));
}

/// Whether `bytes` more may be held now; a refusal is remembered ([`refused`]). Also for
/// blocks the guest holds on QuickJS's behalf outside its heap, such as the bytes a hash
/// has not digested yet, which [`hold`] counts once allocated.
pub fn admit(bytes: usize) -> bool {
    let live = LIVE.get();
    if live.checked_add(bytes).is_none_or(|total| total > LIMIT.get()) {
        REFUSED.set(true);
        return false;
    }
    true
}

fn counted(ptr: *mut c_void) -> *mut c_void {
    if !ptr.is_null() {
        // SAFETY: `ptr` was just returned by the C allocator.
        LIVE.set(LIVE.get().saturating_add(unsafe { malloc_usable_size(ptr) }));
    }
    ptr
}

unsafe extern "C" fn counted_malloc(_opaque: *mut c_void, size: qjs::size_t) -> *mut c_void {
    let size = size as usize;
    if !admit(size) {
        return std::ptr::null_mut();
    }
    // SAFETY: plain C allocation.
    counted(unsafe { malloc(size) })
}

unsafe extern "C" fn counted_calloc(_opaque: *mut c_void, count: qjs::size_t, size: qjs::size_t) -> *mut c_void {
    let (count, size) = (count as usize, size as usize);
    match count.checked_mul(size) {
        Some(total) if admit(total) => {
            // SAFETY: plain C allocation.
            counted(unsafe { calloc(count, size) })
        }
        _ => std::ptr::null_mut(),
    }
}

unsafe extern "C" fn counted_free(_opaque: *mut c_void, ptr: *mut c_void) {
    if ptr.is_null() {
        return;
    }
    // SAFETY: QuickJS frees only blocks the C allocator gave it.
    unsafe {
        LIVE.set(LIVE.get().saturating_sub(malloc_usable_size(ptr)));
        free(ptr);
    }
}

unsafe extern "C" fn counted_realloc(_opaque: *mut c_void, ptr: *mut c_void, size: qjs::size_t) -> *mut c_void {
    if ptr.is_null() {
        // SAFETY: as `malloc`.
        return unsafe { counted_malloc(std::ptr::null_mut(), size) };
    }
    let size = size as usize;
    // SAFETY: `ptr` is a block of the C allocator.
    let old = unsafe { malloc_usable_size(ptr) };
    if size > old && !admit(size - old) {
        return std::ptr::null_mut();
    }
    // SAFETY: as above; on failure `ptr` stays valid and counted.
    let moved = unsafe { realloc(ptr, size) };
    if !moved.is_null() {
        LIVE.set(LIVE.get().saturating_sub(old));
        counted(moved);
    }
    moved
}

/// Takes every block the C allocator has free below the top of its heap, for good, so that
/// once the memory is snapshotted an execution's allocations come from the pages above the
/// snapshot, one run of fresh pages, and not from holes scattered among the snapshot's own.
/// wasmtime resets a pool slot by copying back the pages an execution wrote, found with
/// `PAGEMAP_SCAN`, which reports at most 32 runs of them: past that, the rest of memory is
/// decommitted and faulted in again by the next execution. Called once, at the end of
/// pre-initialization; the bytes taken stay in the snapshot, which instances share.
///
/// Blocks are taken largest first, each size until one comes from the top chunk. Under
/// WASI the allocator grows its heap with `sbrk` and has no `mmap`; the first request the
/// top chunk cannot serve extends it, which shows where it starts, and the top chunk's
/// free tail taken before that is never written by an execution either.
pub fn fill_free_blocks() {
    const LARGEST: usize = 64 * 1024;
    // SAFETY: plain C allocation; the blocks kept are never freed.
    unsafe {
        let end = sbrk(0) as usize;
        let mut top = None;
        let mut size = LARGEST;
        while size >= 8 {
            loop {
                let block = malloc(size);
                if block.is_null() {
                    return;
                }
                let from_top = match top {
                    Some(start) => block as usize >= start,
                    None if sbrk(0) as usize != end => {
                        top = Some(block as usize);
                        true
                    }
                    None => false,
                };
                if from_top {
                    free(block);
                    break;
                }
            }
            size /= 2;
        }
    }
}
