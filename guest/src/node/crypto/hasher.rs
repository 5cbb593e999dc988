//! The state of a `Hash` or `Hmac`: which digest, the HMAC key, and the bytes given to
//! `update` and not digested yet. It lives in the guest's Rust heap, as the opaque of a
//! QuickJS object of its own class whose prototype is `Hash.prototype` or
//! `Hmac.prototype`: a hash costs one object, `update` copies the caller's bytes in one
//! step (Node hashes them at once, so the caller may change them afterwards) and `digest`
//! moves them into the host call without another copy. The bytes count against the heap
//! cap of the current call, as QuickJS's own blocks do, and are given back when the object
//! is collected. Nothing here is a host object: the host sees the bytes only when the
//! digest is taken.
//!
//! `createHash(...).update(...).digest()` is what Actions call most, so these natives are
//! plain QuickJS C functions: no argument conversion, one opaque lookup per call.

use std::cell::RefCell;
use std::ffi::{CStr, c_int};
use std::ptr::{self, NonNull};

use javy::quickjs::{Ctx, Object, Result, qjs};

use super::{Hash, Operation, Reply, failure, hash_name, hash_named, wit};
use crate::heap;
use crate::node::strings;

/// What `hashUpdate` answers.
const APPENDED: i32 = 0;
const NOT_BYTES: i32 = 1;
const FINALIZED: i32 = 2;

struct Hasher {
    hash: Hash,
    /// The HMAC key, for an `Hmac`.
    key: Option<Vec<u8>>,
    pending: Vec<u8>,
    finalized: bool,
}

impl Hasher {
    /// Bytes counted against the heap for this state.
    fn held(&self) -> usize {
        self.pending.capacity() + self.key.as_ref().map_or(0, Vec::capacity)
    }

    /// Appends `bytes`, counting what the buffer grows by; false when the heap cap refuses.
    fn append(&mut self, bytes: &[u8]) -> bool {
        let before = self.pending.capacity();
        let Some(wanted) = self.pending.len().checked_add(bytes.len()) else {
            return false;
        };
        if wanted > before {
            let grown = wanted.max(before.saturating_mul(2));
            if !heap::admit(grown - before) {
                return false;
            }
            self.pending.reserve_exact(grown - self.pending.len());
            heap::hold(self.pending.capacity() - before);
        }
        self.pending.extend_from_slice(bytes);
        true
    }
}

impl Drop for Hasher {
    fn drop(&mut self) {
        heap::release(self.held());
    }
}

thread_local! {
    /// The class's id in each runtime that registered it (class ids are per runtime).
    static CLASSES: RefCell<Vec<(usize, qjs::JSClassID)>> = const { RefCell::new(Vec::new()) };
}

/// The class's id in the runtime of `ctx`, registered there on first use.
unsafe fn class_id(ctx: *mut qjs::JSContext) -> qjs::JSClassID {
    // SAFETY: `ctx` is live; registering a class only writes the runtime's class table.
    unsafe {
        let rt = qjs::JS_GetRuntime(ctx);
        let known = CLASSES.with_borrow(|classes| classes.iter().find(|(r, _)| *r == rt as usize).map(|&(_, id)| id));
        if let Some(id) = known {
            return id;
        }
        let mut id = 0;
        qjs::JS_NewClassID(rt, &mut id);
        let definition = qjs::JSClassDef {
            class_name: c"Hash".as_ptr(),
            finalizer: Some(finalize),
            gc_mark: None,
            call: None,
            exotic: ptr::null_mut(),
        };
        qjs::JS_NewClass(rt, id, &definition);
        CLASSES.with_borrow_mut(|classes| classes.push((rt as usize, id)));
        id
    }
}

unsafe extern "C" fn finalize(rt: *mut qjs::JSRuntime, value: qjs::JSValue) {
    let id = CLASSES.with_borrow(|classes| classes.iter().find(|(r, _)| *r == rt as usize).map(|&(_, id)| id));
    if let Some(id) = id {
        // SAFETY: objects of this class hold a `Box<Hasher>` from `instance`, freed only here.
        unsafe {
            let state = qjs::JS_GetOpaque(value, id).cast::<Hasher>();
            if !state.is_null() {
                drop(Box::from_raw(state));
            }
        }
    }
}

/// A QuickJS C function: the natives below have this shape.
type Native = unsafe extern "C" fn(*mut qjs::JSContext, qjs::JSValue, c_int, *mut qjs::JSValue) -> qjs::JSValue;

/// The natives this file provides, as `(name, function, argument count)`.
const NATIVES: [(&CStr, Native, c_int); 6] = [
    (c"hashNew", hash_new, 2),
    (c"hmacNew", hmac_new, 3),
    (c"hashUpdate", hash_update, 2),
    (c"hashDigest", hash_digest, 2),
    (c"hashCopy", hash_copy, 2),
    (c"hashAlgorithm", hash_algorithm, 1),
];

/// Sets the natives on `natives`.
pub fn install<'js>(ctx: &Ctx<'js>, natives: &Object<'js>) -> Result<()> {
    for (name, function, length) in NATIVES {
        // SAFETY: `function` has the C function shape QuickJS calls with `length` arguments
        // at least (it pads missing ones with `undefined`).
        let raw = unsafe {
            qjs::JS_NewCFunction2(
                ctx.as_raw().as_ptr(),
                Some(function),
                name.as_ptr(),
                length,
                qjs::JSCFunctionEnum_JS_CFUNC_generic,
                0,
            )
        };
        natives.set(name.to_str().unwrap_or_default(), strings::checked(ctx, raw)?)?;
    }
    Ok(())
}

/// Argument `i` (borrowed), `undefined` past the end.
unsafe fn arg(argc: c_int, argv: *mut qjs::JSValue, i: c_int) -> qjs::JSValue {
    // SAFETY: QuickJS passes `argc` values at `argv`.
    if i < argc { unsafe { *argv.add(i as usize) } } else { qjs::JS_UNDEFINED }
}

unsafe fn throw_type(ctx: *mut qjs::JSContext, message: &CStr) -> qjs::JSValue {
    // SAFETY: the message has no format directives.
    unsafe { qjs::JS_ThrowTypeError(ctx, message.as_ptr()) }
}

fn int(value: i32) -> qjs::JSValue {
    qjs::JS_MKVAL(qjs::JS_TAG_INT, value)
}

/// The state of a hash object, or null with a `TypeError` thrown.
unsafe fn state<'a>(ctx: *mut qjs::JSContext, value: qjs::JSValue) -> Option<&'a mut Hasher> {
    // SAFETY: `JS_GetOpaque2` checks the class; the opaque is a live `Hasher`, and QuickJS
    // runs nothing else while a native holds it.
    unsafe { qjs::JS_GetOpaque2(ctx, value, class_id(ctx)).cast::<Hasher>().as_mut() }
}

/// What a value holds as bytes.
enum Bytes<'a> {
    /// A `Uint8Array`'s (a Buffer's too).
    Of(&'a [u8]),
    /// None: the value is something else.
    Other,
    /// QuickJS threw (a detached buffer).
    Threw,
}

unsafe fn uint8_bytes<'a>(ctx: *mut qjs::JSContext, value: qjs::JSValue) -> Bytes<'a> {
    // SAFETY: reads the view's bounds from QuickJS; the slice is used before QuickJS runs
    // again.
    unsafe {
        if qjs::JS_GetTypedArrayType(value) != qjs::JSTypedArrayEnum_JS_TYPED_ARRAY_UINT8 as c_int {
            return Bytes::Other;
        }
        let mut len = 0;
        let data = qjs::JS_GetUint8Array(ctx, &mut len, value);
        if data.is_null() {
            return Bytes::Threw;
        }
        Bytes::Of(if len == 0 { &[] } else { std::slice::from_raw_parts(data, len as usize) })
    }
}

/// The digest a string names (the natives' names), or None with a `TypeError` thrown.
unsafe fn digest_named(ctx: *mut qjs::JSContext, name: qjs::JSValue) -> Option<Hash> {
    // SAFETY: the C string is read, then freed.
    unsafe {
        if qjs::JS_VALUE_GET_TAG(name) != qjs::JS_TAG_STRING {
            throw_type(ctx, c"expected a digest name");
            return None;
        }
        let mut len = 0;
        let chars = qjs::JS_ToCStringLen2(ctx, &mut len, name, false);
        if chars.is_null() {
            return None;
        }
        let text = std::slice::from_raw_parts(chars.cast::<u8>(), len as usize);
        let found = std::str::from_utf8(text).ok().and_then(hash_named);
        qjs::JS_FreeCString(ctx, chars);
        if found.is_none() {
            throw_type(ctx, c"unknown digest");
        }
        found
    }
}

/// A new object of the class with `prototype`, holding `state`.
unsafe fn instance(ctx: *mut qjs::JSContext, prototype: qjs::JSValue, state: Hasher) -> qjs::JSValue {
    // SAFETY: the object owns the box from here; `finalize` frees it.
    unsafe {
        if qjs::JS_VALUE_GET_TAG(prototype) != qjs::JS_TAG_OBJECT {
            return throw_type(ctx, c"expected a prototype");
        }
        let held = state.held();
        if !heap::admit(held) {
            return qjs::JS_ThrowOutOfMemory(ctx);
        }
        let object = qjs::JS_NewObjectProtoClass(ctx, prototype, class_id(ctx));
        if qjs::JS_IsException(object) {
            return object;
        }
        heap::hold(held);
        qjs::JS_SetOpaque(object, Box::into_raw(Box::new(state)).cast());
        object
    }
}

/// `hashNew(prototype, digest)`: a `Hash` of the natives' digest name.
unsafe extern "C" fn hash_new(
    ctx: *mut qjs::JSContext,
    _this: qjs::JSValue,
    argc: c_int,
    argv: *mut qjs::JSValue,
) -> qjs::JSValue {
    // SAFETY: arguments as QuickJS passed them.
    unsafe {
        let Some(hash) = digest_named(ctx, arg(argc, argv, 1)) else {
            return qjs::JS_EXCEPTION;
        };
        instance(ctx, arg(argc, argv, 0), Hasher { hash, key: None, pending: Vec::new(), finalized: false })
    }
}

/// `hmacNew(prototype, digest, key)`: an `Hmac` with a key of bytes (a `Uint8Array`).
unsafe extern "C" fn hmac_new(
    ctx: *mut qjs::JSContext,
    _this: qjs::JSValue,
    argc: c_int,
    argv: *mut qjs::JSValue,
) -> qjs::JSValue {
    // SAFETY: arguments as QuickJS passed them.
    unsafe {
        let Some(hash) = digest_named(ctx, arg(argc, argv, 1)) else {
            return qjs::JS_EXCEPTION;
        };
        let key = match uint8_bytes(ctx, arg(argc, argv, 2)) {
            Bytes::Of(key) => key.to_vec(),
            Bytes::Threw => return qjs::JS_EXCEPTION,
            Bytes::Other => return throw_type(ctx, c"expected the key's bytes"),
        };
        instance(ctx, arg(argc, argv, 0), Hasher { hash, key: Some(key), pending: Vec::new(), finalized: false })
    }
}

/// `hashUpdate(hash, data)`: appends the bytes of `data`, a `Uint8Array`; answers
/// APPENDED, NOT_BYTES (the caller turns `data` into bytes first) or FINALIZED.
unsafe extern "C" fn hash_update(
    ctx: *mut qjs::JSContext,
    _this: qjs::JSValue,
    argc: c_int,
    argv: *mut qjs::JSValue,
) -> qjs::JSValue {
    // SAFETY: arguments as QuickJS passed them; the view's bytes and the state are
    // distinct memory (one QuickJS's, one the Rust heap's).
    unsafe {
        let Some(state) = state(ctx, arg(argc, argv, 0)) else {
            return qjs::JS_EXCEPTION;
        };
        if state.finalized {
            return int(FINALIZED);
        }
        match uint8_bytes(ctx, arg(argc, argv, 1)) {
            Bytes::Other => int(NOT_BYTES),
            Bytes::Threw => qjs::JS_EXCEPTION,
            Bytes::Of(bytes) if state.append(bytes) => int(APPENDED),
            Bytes::Of(_) => qjs::JS_ThrowOutOfMemory(ctx),
        }
    }
}

/// `hashDigest(hash, prototype)`: the digest (or HMAC) of what was given, a `Uint8Array`
/// made an instance of `prototype` (Buffer's); `null` when it was already taken.
unsafe extern "C" fn hash_digest(
    ctx: *mut qjs::JSContext,
    _this: qjs::JSValue,
    argc: c_int,
    argv: *mut qjs::JSValue,
) -> qjs::JSValue {
    // SAFETY: arguments as QuickJS passed them.
    unsafe {
        let Some(state) = state(ctx, arg(argc, argv, 0)) else {
            return qjs::JS_EXCEPTION;
        };
        if state.finalized {
            return qjs::JS_NULL;
        }
        state.finalized = true;
        heap::release(state.held());
        let pending = std::mem::take(&mut state.pending);
        let operation = match state.key.take() {
            Some(key) => Operation::Hmac((state.hash, key, pending)),
            None => Operation::Digest((state.hash, pending)),
        };
        let bytes = match wit::call(&operation) {
            Ok(Reply::Bytes(bytes)) => bytes,
            Ok(_) => return throw_type(ctx, c"unexpected reply"),
            Err(refused) => {
                // The refusal becomes the `Error` the JavaScript side turns into Node's.
                failure(&Ctx::from_raw(NonNull::new_unchecked(ctx)), refused);
                return qjs::JS_EXCEPTION;
            }
        };
        let result = qjs::JS_NewUint8ArrayCopy(ctx, bytes.as_ptr(), bytes.len() as _);
        if qjs::JS_IsException(result) {
            return result;
        }
        if qjs::JS_SetPrototype(ctx, result, arg(argc, argv, 1)) < 0 {
            qjs::JS_FreeValue(ctx, result);
            return qjs::JS_EXCEPTION;
        }
        result
    }
}

/// `hashCopy(hash, prototype)`: a new `Hash` in the same state; `null` once finalized.
unsafe extern "C" fn hash_copy(
    ctx: *mut qjs::JSContext,
    _this: qjs::JSValue,
    argc: c_int,
    argv: *mut qjs::JSValue,
) -> qjs::JSValue {
    // SAFETY: arguments as QuickJS passed them.
    unsafe {
        let Some(state) = state(ctx, arg(argc, argv, 0)) else {
            return qjs::JS_EXCEPTION;
        };
        if state.finalized {
            return qjs::JS_NULL;
        }
        let copy =
            Hasher { hash: state.hash, key: state.key.clone(), pending: state.pending.clone(), finalized: false };
        instance(ctx, arg(argc, argv, 1), copy)
    }
}

/// `hashAlgorithm(hash)`: the natives' name of its digest.
unsafe extern "C" fn hash_algorithm(
    ctx: *mut qjs::JSContext,
    _this: qjs::JSValue,
    argc: c_int,
    argv: *mut qjs::JSValue,
) -> qjs::JSValue {
    // SAFETY: arguments as QuickJS passed them.
    unsafe {
        let Some(state) = state(ctx, arg(argc, argv, 0)) else {
            return qjs::JS_EXCEPTION;
        };
        let name = hash_name(state.hash);
        qjs::JS_NewStringLen(ctx, name.as_ptr().cast(), name.len() as _)
    }
}
