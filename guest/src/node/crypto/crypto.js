// Node's `crypto` module: hashes and HMACs, one-shot `hash`, random bytes, integers and
// UUIDs, `timingSafeEqual`, signing and verifying (RSA PKCS#1 v1.5 and PSS, ECDSA,
// Ed25519), KeyObjects (import from PEM, DER and JWK, export, generation), PBKDF2, HKDF,
// scrypt, AES-GCM through `createCipheriv`/`createDecipheriv`, and `webcrypto`/`subtle`.
// The natives (the host) do the cryptography; arguments are checked here as Node checks
// them, and what actionbox lacks throws `ERR_ACTIONBOX_UNAVAILABLE` saying what to use.
(function (module, require, natives) {
  'use strict';

  const { codes, nodeError } = require('internal/errors');
  const { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_OUT_OF_RANGE } = codes;
  const { Buffer } = require('buffer');
  const webcrypto = require('internal/webcrypto');
  const {
    KeySlot,
    secretSlot,
    slotOfInfo,
    importInfo,
    handleOf,
    publicSlotOf,
    exportComponents,
    exponentBytes,
    jwkOf,
    materialKey,
    cryptoKeyParts,
    refusalKind,
    bytesOf,
    concatBytes,
    bytesKey,
    base64Decode,
    fillRandom,
    uuid,
    sameBytes,
  } = webcrypto.internals;

  const KEY_OBJECT_BRAND = Symbol.for('actionbox.keyObject');
  const isArrayBufferView = ArrayBuffer.isView;
  const arrayBufferLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get;
  const sharedLength = typeof SharedArrayBuffer === 'function'
    ? Object.getOwnPropertyDescriptor(SharedArrayBuffer.prototype, 'byteLength').get
    : undefined;
  function isAnyArrayBuffer(value) {
    if (value === null || typeof value !== 'object') return false;
    try {
      arrayBufferLength.call(value);
      return true;
    } catch {}
    if (sharedLength === undefined) return false;
    try {
      sharedLength.call(value);
      return true;
    } catch {
      return false;
    }
  }
  const isStringOrBuffer = (value) => typeof value === 'string' || isArrayBufferView(value) || isAnyArrayBuffer(value);

  // ------------------------------------------------------------------ errors

  // An error as Node's C++ layer makes it: a code, but no `[CODE]` in `toString()`.
  function cppError(Base, code, message) {
    const error = new Base(message);
    if (code !== undefined) error.code = code;
    return error;
  }
  // An error as OpenSSL reports it through Node.
  function opensslError(message, code, library, reason) {
    const error = new Error(message);
    error.library = library;
    error.reason = reason;
    error.code = code;
    return error;
  }
  const decoderUnsupported = () =>
    opensslError('error:1E08010C:DECODER routines::unsupported', 'ERR_OSSL_UNSUPPORTED', 'DECODER routines', 'unsupported');
  const asn1WrongTag = () =>
    opensslError('error:068000A8:asn1 encoding routines::wrong tag', 'ERR_OSSL_ASN1_WRONG_TAG', 'asn1 encoding routines', 'wrong tag');
  const invalidDigestProvider = () =>
    opensslError('error:1C80007A:Provider routines::invalid digest', 'ERR_OSSL_INVALID_DIGEST', 'Provider routines', 'invalid digest');
  const notForKeyType = () => opensslError(
    'error:03000096:digital envelope routines::operation not supported for this keytype',
    'ERR_OSSL_EVP_OPERATION_NOT_SUPPORTED_FOR_THIS_KEYTYPE',
    'digital envelope routines',
    'operation not supported for this keytype',
  );

  const ERR_CRYPTO_HASH_FINALIZED = () => nodeError(Error, 'ERR_CRYPTO_HASH_FINALIZED', 'Digest already called');
  const ERR_CRYPTO_SIGN_KEY_REQUIRED = () => nodeError(Error, 'ERR_CRYPTO_SIGN_KEY_REQUIRED', 'No key provided to sign');
  const ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE = (type, expected) =>
    nodeError(TypeError, 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE', 'Invalid key object type ' + type + ', expected ' + expected + '.');
  const ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS = (name, reason) =>
    nodeError(Error, 'ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS', 'The selected key encoding ' + name + ' ' + reason + '.');
  const ERR_CRYPTO_INVALID_STATE = (op) => nodeError(Error, 'ERR_CRYPTO_INVALID_STATE', 'Invalid state for operation ' + op);
  const ERR_CRYPTO_INVALID_JWK = () => nodeError(TypeError, 'ERR_CRYPTO_INVALID_JWK', 'Invalid JWK data');
  const ERR_CRYPTO_SCRYPT_INVALID_PARAMETER = () =>
    nodeError(Error, 'ERR_CRYPTO_SCRYPT_INVALID_PARAMETER', 'Invalid scrypt parameter');
  const ERR_CRYPTO_INVALID_DIGEST = (name) =>
    cppError(TypeError, 'ERR_CRYPTO_INVALID_DIGEST', name === undefined ? 'Invalid digest' : 'Invalid digest: ' + name);
  const unavailable = (what, instead) =>
    nodeError(Error, 'ERR_ACTIONBOX_UNAVAILABLE', what + ' is not available in actionbox yet' + (instead ? ': ' + instead : ''));

  // A failure the natives report, as a Node error for `what` (the API that failed).
  function nativeFailure(error, what) {
    const kind = refusalKind(error);
    if (kind === undefined) return error;
    if (kind === 'too-many-keys' || kind === 'too-large') {
      return nodeError(RangeError, 'ERR_ACTIONBOX_LIMIT', what + ': ' + error.message);
    }
    if (kind === 'unsupported') return unavailable(what + ': ' + error.message);
    return nodeError(Error, 'ERR_CRYPTO_OPERATION_FAILED', what + ' failed: ' + error.message);
  }
  function guarded(fn, what) {
    try {
      return fn();
    } catch (error) {
      throw nativeFailure(error, what);
    }
  }

  // ------------------------------------------------------------------ validation

  function validateString(value, name) {
    if (typeof value !== 'string') throw ERR_INVALID_ARG_TYPE(name, 'string', value);
  }
  function validateFunction(value, name) {
    if (typeof value !== 'function') throw ERR_INVALID_ARG_TYPE(name, 'Function', value);
  }
  function validateBoolean(value, name) {
    if (typeof value !== 'boolean') throw ERR_INVALID_ARG_TYPE(name, 'boolean', value);
  }
  function validateObject(value, name) {
    if (value === null || Array.isArray(value) || typeof value !== 'object') throw ERR_INVALID_ARG_TYPE(name, 'Object', value);
  }
  function validateNumber(value, name) {
    if (typeof value !== 'number') throw ERR_INVALID_ARG_TYPE(name, 'number', value);
  }
  function validateInteger(value, name, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER) {
    if (typeof value !== 'number') throw ERR_INVALID_ARG_TYPE(name, 'number', value);
    if (!Number.isInteger(value)) throw ERR_OUT_OF_RANGE(name, 'an integer', value);
    if (value < min || value > max) throw ERR_OUT_OF_RANGE(name, '>= ' + min + ' && <= ' + max, value);
  }
  const validateInt32 = (value, name, min = -2147483648, max = 2147483647) => validateInteger(value, name, min, max);
  const validateUint32 = (value, name) => validateInteger(value, name, 0, 4294967295);
  function validateOneOf(value, name, oneOf) {
    if (!oneOf.includes(value)) {
      const allowed = oneOf.map((v) => (typeof v === 'string' ? "'" + v + "'" : String(v))).join(', ');
      throw ERR_INVALID_ARG_VALUE(name, value, 'must be one of: ' + allowed);
    }
  }
  function getStringOption(options, key) {
    let value;
    if (options && (value = options[key]) != null) validateString(value, 'options.' + key);
    return value;
  }

  // ------------------------------------------------------------------ encodings

  const JS_ENCODINGS = {
    __proto__: null,
    utf8: 'utf8',
    'utf-8': 'utf8',
    ucs2: 'utf16le',
    'ucs-2': 'utf16le',
    utf16le: 'utf16le',
    'utf-16le': 'utf16le',
    latin1: 'latin1',
    binary: 'latin1',
    base64: 'base64',
    base64url: 'base64url',
    hex: 'hex',
    ascii: 'ascii',
    '': 'utf8',
  };
  // Node's `normalizeEncoding`: a known encoding's canonical name, or undefined.
  function normalizeEncoding(encoding) {
    if (encoding == null) return 'utf8';
    if (typeof encoding !== 'string') return undefined;
    return JS_ENCODINGS[encoding] || JS_ENCODINGS[encoding.toLowerCase()];
  }
  // The encoding Node's C++ layer reads from a value: a known name in any case, 'buffer',
  // or `fallback` for anything else.
  function nativeEncoding(encoding, fallback) {
    if (typeof encoding !== 'string') return fallback;
    const lower = encoding.toLowerCase();
    if (lower === 'buffer') return 'buffer';
    if (lower === '') return fallback;
    return JS_ENCODINGS[lower] || fallback;
  }

  // Node's check that a hex string has whole bytes.
  function validateEncoding(data, encoding) {
    if (normalizeEncoding(encoding) === 'hex' && data.length % 2 !== 0) {
      throw ERR_INVALID_ARG_VALUE('encoding', encoding, 'is invalid for data of length ' + data.length);
    }
  }

  // A string's bytes in an encoding as the C++ layer reads it (utf8 for anything unknown).
  function stringBytes(string, encoding) {
    let name = nativeEncoding(encoding, 'utf8');
    if (name === 'buffer') name = 'utf8';
    return bytesOf(Buffer.from(string, name));
  }

  // The bytes of a string (in `encoding`), an ArrayBuffer or a view.
  function getArrayBufferOrView(buffer, name, encoding) {
    if (isAnyArrayBuffer(buffer)) return buffer;
    if (typeof buffer === 'string') {
      if (encoding === 'buffer') encoding = 'utf8';
      return Buffer.from(buffer, encoding);
    }
    if (!isArrayBufferView(buffer)) {
      throw ERR_INVALID_ARG_TYPE(name, ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], buffer);
    }
    return buffer;
  }

  // A Uint8Array as a Buffer: one the natives just made becomes one (Buffers are
  // Uint8Arrays with Buffer's prototype); a view elsewhere is wrapped, sharing its bytes.
  const bufferPrototype = Buffer.prototype;
  const toBuffer = (bytes) => {
    const prototype = Object.getPrototypeOf(bytes);
    if (prototype === bufferPrototype) return bytes;
    return prototype === Uint8Array.prototype && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
      ? Object.setPrototypeOf(bytes, bufferPrototype)
      : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  };

  // A digest's output: a Buffer, or a string when a known encoding is asked for.
  function encodeOutput(bytes, encoding) {
    if (encoding === undefined || encoding === 'buffer') return toBuffer(bytes);
    const buffer = toBuffer(bytes);
    const name = nativeEncoding(encoding, 'buffer');
    return name === 'buffer' ? buffer : buffer.toString(name);
  }

  // ------------------------------------------------------------------ hash names

  // Every name OpenSSL gives a digest actionbox has, lower-cased, to the natives' name.
  const DIGESTS = { __proto__: null };
  const digestNames = (native, names) => {
    for (const name of names) DIGESTS[name] = native;
  };
  digestNames('md5', ['md5', 'rsa-md5', 'md5withrsaencryption', 'ssl3-md5']);
  digestNames('sha1', ['sha1', 'sha-1', 'rsa-sha1', 'rsa-sha1-2', 'sha1withrsaencryption', 'ssl3-sha1']);
  for (const bits of ['224', '256', '384', '512']) {
    digestNames('sha' + bits, ['sha' + bits, 'sha-' + bits, 'sha2-' + bits, 'rsa-sha' + bits, 'sha' + bits + 'withrsaencryption']);
  }
  digestNames('sha512-256', ['sha512-256', 'sha2-512/256', 'rsa-sha512/256', 'sha512-256withrsaencryption']);
  for (const bits of ['256', '384', '512']) {
    digestNames('sha3-' + bits, ['sha3-' + bits, 'rsa-sha3-' + bits, 'id-rsassa-pkcs1-v1_5-with-sha3-' + bits]);
  }
  const DIGEST_BYTES = {
    md5: 16, sha1: 20, sha224: 28, sha256: 32, sha384: 48, sha512: 64, 'sha512-256': 32, 'sha3-256': 32, 'sha3-384': 48, 'sha3-512': 64,
  };
  // The natives' name of a digest, or undefined (the name as written first: most are).
  const digestOf = (name) => (typeof name === 'string' ? DIGESTS[name] || DIGESTS[name.toLowerCase()] : undefined);
  // The digests Node has (OpenSSL's) and actionbox does not.
  const ELSEWHERE_DIGESTS = new Set([
    'ripemd', 'ripemd160', 'rmd160', 'ripemd160withrsa', 'rsa-ripemd160', 'sha512-224', 'sha2-512/224', 'rsa-sha512/224',
    'sha512-224withrsaencryption', 'sha3-224', 'rsa-sha3-224', 'id-rsassa-pkcs1-v1_5-with-sha3-224', 'shake128', 'shake256',
    'blake2b512', 'blake2s256', 'sm3', 'rsa-sm3', 'sm3withrsaencryption', 'md5-sha1',
  ]);
  // The natives' name of a digest; for one actionbox lacks, ERR_ACTIONBOX_UNAVAILABLE; for
  // an unknown one, `fail()` (Node's error where it is used).
  function digestFor(name, fail) {
    const digest = digestOf(name);
    if (digest !== undefined) return digest;
    if (typeof name === 'string' && ELSEWHERE_DIGESTS.has(name.toLowerCase())) {
      throw unavailable("The digest '" + name + "'", 'use sha1, sha224, sha256, sha384, sha512, sha512-256, sha3-256, sha3-384, sha3-512 or md5');
    }
    throw fail();
  }

  const HASH_NAMES = [
    'RSA-MD5', 'RSA-SHA1', 'RSA-SHA1-2', 'RSA-SHA224', 'RSA-SHA256', 'RSA-SHA3-256', 'RSA-SHA3-384', 'RSA-SHA3-512',
    'RSA-SHA384', 'RSA-SHA512', 'RSA-SHA512/256', 'id-rsassa-pkcs1-v1_5-with-sha3-256', 'id-rsassa-pkcs1-v1_5-with-sha3-384',
    'id-rsassa-pkcs1-v1_5-with-sha3-512', 'md5', 'md5WithRSAEncryption', 'sha1', 'sha1WithRSAEncryption', 'sha224',
    'sha224WithRSAEncryption', 'sha256', 'sha256WithRSAEncryption', 'sha3-256', 'sha3-384', 'sha3-512', 'sha384',
    'sha384WithRSAEncryption', 'sha512', 'sha512-256', 'sha512-256WithRSAEncryption', 'sha512WithRSAEncryption', 'ssl3-md5',
    'ssl3-sha1',
  ];
  const getHashes = () => HASH_NAMES.slice();
  const getCurves = () => ['prime256v1', 'secp384r1', 'secp521r1'];
  const CIPHER_NAMES = ['aes-128-gcm', 'aes-192-gcm', 'aes-256-gcm', 'id-aes128-GCM', 'id-aes192-GCM', 'id-aes256-GCM'];
  const getCiphers = () => CIPHER_NAMES.slice();

  // ------------------------------------------------------------------ deferring

  function defer(fn, ...args) {
    const process = globalThis.process;
    if (process && typeof process.nextTick === 'function') process.nextTick(fn, ...args);
    else queueMicrotask(() => fn(...args));
  }

  // ------------------------------------------------------------------ Hash, Hmac

  const kState = Symbol('kState');
  const hidden = (object, key, value) =>
    Object.defineProperty(object, key, { value, writable: true, configurable: true, enumerable: false });

  // The bytes `update` takes: a string in an encoding, or a copy of a view (the caller
  // may change it before the digest; the copy is a Uint8Array, made in one step).
  function updateBytes(data, encoding) {
    if (typeof data === 'string') {
      validateEncoding(data, encoding);
      return stringBytes(data, encoding);
    }
    if (!isArrayBufferView(data)) {
      throw ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
    }
    return new Uint8Array(bytesOf(data));
  }

  function appendChunk(state, bytes) {
    if (bytes.byteLength === 0) return;
    state.chunks.push(bytes);
    state.total += bytes.byteLength;
  }

  // A Hash or Hmac is an object of the natives' (`hasher.rs`) holding its state: the
  // digest, the HMAC key and the bytes given, which `hashUpdate` copies in one step.
  const UPDATE_APPENDED = 0;
  const UPDATE_FINALIZED = 2;

  function Hash(algorithm, options) {
    if (!new.target) return new Hash(algorithm, options);
    const copying = algorithm instanceof HashCopy;
    if (!copying) validateString(algorithm, 'algorithm');
    const outputLength = options !== null && typeof options === 'object' ? options.outputLength : undefined;
    if (outputLength !== undefined) validateUint32(outputLength, 'options.outputLength');
    const digest = copying ? natives.hashAlgorithm(algorithm.hash) : digestOf(algorithm) || digestFor(algorithm, unsupportedDigest);
    if (outputLength !== undefined && outputLength !== DIGEST_BYTES[digest]) {
      throw opensslError(
        'error:030000B2:digital envelope routines::not XOF or invalid length',
        'ERR_OSSL_EVP_NOT_XOF_OR_INVALID_LENGTH',
        'digital envelope routines',
        'not XOF or invalid length',
      );
    }
    if (copying) {
      const copy = natives.hashCopy(algorithm.hash, new.target.prototype);
      if (copy === null) throw ERR_CRYPTO_HASH_FINALIZED();
      return copy;
    }
    return natives.hashNew(new.target.prototype, digest);
  }
  const unsupportedDigest = () => new Error('Digest method not supported');
  // What `copy()` hands the constructor.
  function HashCopy(hash) {
    this.hash = hash;
  }
  const hashPrototype = Hash.prototype;

  Hash.prototype.copy = function copy(options) {
    return new Hash(new HashCopy(this), options);
  };

  Hash.prototype.update = function update(data, encoding) {
    const status = natives.hashUpdate(this, data);
    if (status === UPDATE_APPENDED) return this;
    if (status === UPDATE_FINALIZED) throw ERR_CRYPTO_HASH_FINALIZED();
    natives.hashUpdate(this, updateBytes(data, encoding));
    return this;
  };

  Hash.prototype.digest = function digest(outputEncoding) {
    let result;
    try {
      // A fresh Buffer (the natives set its prototype).
      result = natives.hashDigest(this, bufferPrototype);
    } catch (error) {
      throw nativeFailure(error, 'hash.digest');
    }
    if (result === null) throw ERR_CRYPTO_HASH_FINALIZED();
    if (outputEncoding === undefined) return result;
    return encodeOutput(result, outputEncoding && '' + outputEncoding);
  };

  function Hmac(hmac, key, options) {
    if (!new.target) return new Hmac(hmac, key, options);
    validateString(hmac, 'hmac');
    const encoding = getStringOption(options, 'encoding');
    const keyBytes = prepareSecretKey(key, encoding);
    const digest = digestOf(hmac) || digestFor(hmac, () => ERR_CRYPTO_INVALID_DIGEST(hmac));
    return natives.hmacNew(new.target.prototype, digest, new Uint8Array(bytesOf(keyBytes)));
  }

  Hmac.prototype.update = Hash.prototype.update;

  Hmac.prototype.digest = function digest(outputEncoding) {
    let result;
    try {
      result = natives.hashDigest(this, bufferPrototype);
    } catch (error) {
      throw nativeFailure(error, 'hmac.digest');
    }
    // Node gives an empty digest once it was taken.
    if (result === null) result = Buffer.alloc(0);
    if (outputEncoding === undefined) return result;
    return encodeOutput(result, outputEncoding && '' + outputEncoding);
  };

  function createHash(algorithm, options) {
    // The common case without a constructor call: a known name as written, no options.
    if (options === undefined && typeof algorithm === 'string') {
      const digest = DIGESTS[algorithm];
      if (digest !== undefined) return natives.hashNew(hashPrototype, digest);
    }
    return new Hash(algorithm, options);
  }
  function createHmac(hmac, key, options) {
    return new Hmac(hmac, key, options);
  }

  // Node 21's one-shot digest (in Node 20.12 too).
  function hash(algorithm, input, outputEncoding = 'hex') {
    validateString(algorithm, 'algorithm');
    if (typeof input !== 'string' && !isArrayBufferView(input)) {
      throw ERR_INVALID_ARG_TYPE('input', ['Buffer', 'TypedArray', 'DataView', 'string'], input);
    }
    let normalized = outputEncoding;
    if (outputEncoding !== 'hex') {
      validateString(outputEncoding, 'outputEncoding');
      normalized = normalizeEncoding(outputEncoding);
      if (normalized === undefined) {
        if (outputEncoding.toLowerCase() === 'buffer') normalized = 'buffer';
        else throw ERR_INVALID_ARG_VALUE('outputEncoding', outputEncoding);
      }
    }
    const digest = digestFor(algorithm, () => new Error('Digest method ' + algorithm + ' is not supported'));
    const bytes = typeof input === 'string' ? bytesOf(Buffer.from(input, 'utf8')) : bytesOf(input);
    const result = toBuffer(guarded(() => natives.digest(digest, bytes), 'crypto.hash'));
    return normalized === 'buffer' ? result : result.toString(normalized);
  }

  // ------------------------------------------------------------------ random

  const kMaxPossibleLength = 2 ** 31 - 1;

  function assertOffset(offset, elementSize, length) {
    validateNumber(offset, 'offset');
    offset *= elementSize;
    const maxLength = Math.min(length, kMaxPossibleLength);
    if (Number.isNaN(offset) || offset > maxLength || offset < 0) {
      throw ERR_OUT_OF_RANGE('offset', '>= 0 && <= ' + maxLength, offset);
    }
    return offset >>> 0;
  }

  function assertSize(size, elementSize, offset, length) {
    validateNumber(size, 'size');
    size *= elementSize;
    if (Number.isNaN(size) || size > kMaxPossibleLength || size < 0) {
      throw ERR_OUT_OF_RANGE('size', '>= 0 && <= ' + kMaxPossibleLength, size);
    }
    if (size + offset > length) throw ERR_OUT_OF_RANGE('size + offset', '<= ' + length, size + offset);
    return size >>> 0;
  }

  // Fills `size` bytes of a view or ArrayBuffer from `offset`.
  function fillRange(buf, offset, size) {
    if (size === 0) return;
    const start = isArrayBufferView(buf) ? buf.byteOffset + offset : offset;
    fillRandom(new Uint8Array(isArrayBufferView(buf) ? buf.buffer : buf, start, size));
  }

  function randomBytes(size, callback) {
    size = assertSize(size, 1, 0, Infinity);
    if (callback !== undefined) validateFunction(callback, 'callback');
    const buf = Buffer.alloc(size);
    if (callback === undefined) {
      fillRange(buf, 0, size);
      return buf;
    }
    let failure = null;
    try {
      fillRange(buf, 0, size);
    } catch (error) {
      failure = error;
    }
    defer(() => (failure ? callback(failure) : callback(null, buf)));
  }

  function randomFillSync(buf, offset = 0, size) {
    if (!isAnyArrayBuffer(buf) && !isArrayBufferView(buf)) {
      throw ERR_INVALID_ARG_TYPE('buf', ['ArrayBuffer', 'ArrayBufferView'], buf);
    }
    const elementSize = buf.BYTES_PER_ELEMENT || 1;
    offset = assertOffset(offset, elementSize, buf.byteLength);
    if (size === undefined) size = buf.byteLength - offset;
    else size = assertSize(size, elementSize, offset, buf.byteLength);
    fillRange(buf, offset, size);
    return buf;
  }

  function randomFill(buf, offset, size, callback) {
    if (!isAnyArrayBuffer(buf) && !isArrayBufferView(buf)) {
      throw ERR_INVALID_ARG_TYPE('buf', ['ArrayBuffer', 'ArrayBufferView'], buf);
    }
    const elementSize = buf.BYTES_PER_ELEMENT || 1;
    if (typeof offset === 'function') {
      callback = offset;
      offset = 0;
      size = buf.length;
    } else if (typeof size === 'function') {
      callback = size;
      size = buf.length - offset;
    } else {
      validateFunction(callback, 'callback');
    }
    offset = assertOffset(offset, elementSize, buf.byteLength);
    if (size === undefined) size = buf.byteLength - offset;
    else size = assertSize(size, elementSize, offset, buf.byteLength);
    if (size === 0) {
      callback(null, buf);
      return;
    }
    let failure = null;
    try {
      fillRange(buf, offset, size);
    } catch (error) {
      failure = error;
    }
    defer(() => (failure ? callback(failure) : callback(null, buf)));
  }

  const RAND_MAX = 0xffff_ffff_ffff;
  const randomCache = new Uint8Array(6 * 32);
  let randomCacheOffset = randomCache.length;

  // A uniform integer in [0, 2^48) from the cache of random bytes.
  function random48() {
    if (randomCacheOffset === randomCache.length) {
      fillRandom(randomCache);
      randomCacheOffset = 0;
    }
    const c = randomCache;
    const i = randomCacheOffset;
    randomCacheOffset += 6;
    return ((c[i] * 256 + c[i + 1]) * 256 + c[i + 2]) * 2 ** 24 + ((c[i + 3] << 16) | (c[i + 4] << 8) | c[i + 5]);
  }

  function randomInt(min, max, callback) {
    const minNotSpecified = typeof max === 'undefined' || typeof max === 'function';
    if (minNotSpecified) {
      callback = max;
      max = min;
      min = 0;
    }
    const isSync = typeof callback === 'undefined';
    if (!isSync) validateFunction(callback, 'callback');
    if (!Number.isSafeInteger(min)) throw ERR_INVALID_ARG_TYPE('min', 'a safe integer', min);
    if (!Number.isSafeInteger(max)) throw ERR_INVALID_ARG_TYPE('max', 'a safe integer', max);
    if (max <= min) throw ERR_OUT_OF_RANGE('max', 'greater than the value of "min" (' + min + ')', max);
    const range = max - min;
    if (!(range <= RAND_MAX)) throw ERR_OUT_OF_RANGE('max' + (minNotSpecified ? '' : ' - min'), '<= ' + RAND_MAX, range);
    const randLimit = RAND_MAX - (RAND_MAX % range);
    for (;;) {
      const x = random48();
      if (x < randLimit) {
        const n = (x % range) + min;
        if (isSync) return n;
        defer(callback, undefined, n);
        return;
      }
    }
  }

  function randomUUID(options) {
    if (options !== undefined) validateObject(options, 'options');
    const { disableEntropyCache = false } = options || {};
    validateBoolean(disableEntropyCache, 'options.disableEntropyCache');
    return uuid();
  }

  function getRandomValues(array) {
    return webcrypto.crypto.getRandomValues(array);
  }

  function timingSafeEqual(buf1, buf2) {
    if (!isAnyArrayBuffer(buf1) && !isArrayBufferView(buf1)) {
      throw cppError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "buf1" argument must be an instance of ArrayBuffer, Buffer, TypedArray, or DataView.');
    }
    if (!isAnyArrayBuffer(buf2) && !isArrayBufferView(buf2)) {
      throw cppError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "buf2" argument must be an instance of ArrayBuffer, Buffer, TypedArray, or DataView.');
    }
    const a = bytesOf(buf1);
    const b = bytesOf(buf2);
    if (a.byteLength !== b.byteLength) {
      throw cppError(RangeError, 'ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH', 'Input buffers must have the same byte length');
    }
    return sameBytes(a, b);
  }

  // ------------------------------------------------------------------ KeyObject

  let keySlotOf;

  class KeyObject {
    #key;
    constructor(type, handle) {
      if (type !== 'secret' && type !== 'public' && type !== 'private') throw ERR_INVALID_ARG_VALUE('type', type);
      if (typeof handle !== 'object' || handle === null || !(handle instanceof KeySlot) || handle.type !== type) {
        throw ERR_INVALID_ARG_TYPE('handle', 'object', handle);
      }
      this.#key = handle;
      Object.defineProperty(this, KEY_OBJECT_BRAND, { value: true });
    }

    get type() {
      return #key in this ? this.#key.type : undefined;
    }

    static from(key) {
      const parts = cryptoKeyParts(key);
      if (parts === undefined) throw ERR_INVALID_ARG_TYPE('key', 'CryptoKey', key);
      return keyObjectOf(parts.key);
    }

    equals(otherKeyObject) {
      if (!isKeyObject(otherKeyObject)) throw ERR_INVALID_ARG_TYPE('otherKeyObject', 'KeyObject', otherKeyObject);
      const a = this.#key;
      const b = keySlotOf(otherKeyObject);
      if (a.type !== b.type) return false;
      if (a === b || (a.handle !== undefined && a.handle === b.handle)) return true;
      if (a.type === 'secret') return sameBytes(a.secret, b.secret);
      if (a.keyType !== b.keyType) return false;
      const format = a.type === 'public' ? 'spki' : 'pkcs8';
      return guarded(() => sameBytes(natives.exportKey(a.handle, format), natives.exportKey(b.handle, format)), 'keyObject.equals');
    }

    static {
      keySlotOf = (value) => (value !== null && typeof value === 'object' && #key in value ? value.#key : undefined);
    }
  }
  Object.defineProperty(KeyObject.prototype, Symbol.toStringTag, { value: 'KeyObject', configurable: true });

  const isKeyObject = (value) => keySlotOf(value) !== undefined;

  class SecretKeyObject extends KeyObject {
    constructor(handle) {
      super('secret', handle);
    }

    get symmetricKeySize() {
      return keySlotOf(this).secret.byteLength;
    }

    export(options) {
      if (options !== undefined) {
        validateObject(options, 'options');
        validateOneOf(options.format, 'options.format', [undefined, 'buffer', 'jwk']);
        if (options.format === 'jwk') return jwkOf(exportComponents(keySlotOf(this)));
      }
      return Buffer.from(keySlotOf(this).secret);
    }
  }

  const EC_CURVE_NAMES = { 'P-256': 'prime256v1', 'P-384': 'secp384r1', 'P-521': 'secp521r1' };

  class AsymmetricKeyObject extends KeyObject {
    get asymmetricKeyType() {
      return keySlotOf(this).keyType;
    }

    get asymmetricKeyDetails() {
      const key = keySlotOf(this);
      switch (key.keyType) {
        case 'rsa':
        case 'rsa-pss':
          if (key.details === undefined) {
            let exponent = 0n;
            for (const byte of exponentBytes(key)) exponent = (exponent << 8n) | BigInt(byte);
            key.details = { modulusLength: key.bits, publicExponent: exponent };
          }
          return key.details;
        case 'ec':
          if (key.details === undefined) key.details = { namedCurve: EC_CURVE_NAMES[key.curve] };
          return key.details;
        default:
          return {};
      }
    }
  }

  class PublicKeyObject extends AsymmetricKeyObject {
    constructor(handle) {
      super('public', handle);
    }

    export(options) {
      const key = keySlotOf(this);
      if (options && options.format === 'jwk') return exportJwk(key);
      const { format, type } = parseKeyEncoding(options, key.keyType, true, undefined);
      return exportDer(key, format, type);
    }
  }

  class PrivateKeyObject extends AsymmetricKeyObject {
    constructor(handle) {
      super('private', handle);
    }

    export(options) {
      const key = keySlotOf(this);
      if (options && options.format === 'jwk') {
        if (options.passphrase !== undefined) throw ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS('jwk', 'does not support encryption');
        return exportJwk(key);
      }
      const { format, type, cipher } = parseKeyEncoding(options, key.keyType, false, undefined);
      if (cipher != null) throw unavailable('Exporting an encrypted private key');
      return exportDer(key, format, type);
    }
  }

  // The KeyObject of a key (one per key, as `KeyObject.from` gives it).
  function keyObjectOf(key) {
    if (key.keyObject === undefined) {
      const Class = key.type === 'secret' ? SecretKeyObject : key.type === 'public' ? PublicKeyObject : PrivateKeyObject;
      key.keyObject = new Class(key);
    }
    return key.keyObject;
  }
  const newKeyObject = (key) => keyObjectOf(key);

  function exportJwk(key) {
    if (key.keyType === 'rsa-pss') {
      throw cppError(Error, 'ERR_CRYPTO_JWK_UNSUPPORTED_KEY_TYPE', 'Unsupported JWK Key Type.');
    }
    return jwkOf(guarded(() => exportComponents(key), 'keyObject.export'));
  }

  const PEM_LABELS = {
    spki: 'PUBLIC KEY',
    'pkcs1-public': 'RSA PUBLIC KEY',
    pkcs8: 'PRIVATE KEY',
    'pkcs1-private': 'RSA PRIVATE KEY',
    sec1: 'EC PRIVATE KEY',
  };

  function toPem(der, label) {
    const base64 = toBuffer(der).toString('base64');
    let body = '';
    for (let i = 0; i < base64.length; i += 64) body += base64.slice(i, i + 64) + '\n';
    return '-----BEGIN ' + label + '-----\n' + body + '-----END ' + label + '-----\n';
  }

  function exportDer(key, format, type) {
    const der = guarded(() => natives.exportKey(key.handle, type), 'keyObject.export');
    if (format === 'der') return toBuffer(der);
    const label = type === 'pkcs1' ? PEM_LABELS[key.type === 'public' ? 'pkcs1-public' : 'pkcs1-private'] : PEM_LABELS[type];
    return toPem(der, label);
  }

  // ------------------------------------------------------------------ key encodings

  function parseKeyFormat(format, defaultFormat, optionName) {
    if (format === undefined && defaultFormat !== undefined) return defaultFormat;
    if (format === 'pem' || format === 'der' || format === 'jwk') return format;
    throw ERR_INVALID_ARG_VALUE(optionName, format);
  }

  function parseKeyType(type, required, keyType, isPublic, optionName) {
    if (type === undefined && !required) return undefined;
    if (type === 'pkcs1') {
      if (keyType !== undefined && keyType !== 'rsa') throw ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS(type, 'can only be used for RSA keys');
      return type;
    }
    if (type === 'spki' && isPublic !== false) return type;
    if (type === 'pkcs8' && isPublic !== true) return type;
    if (type === 'sec1' && isPublic !== true) {
      if (keyType !== undefined && keyType !== 'ec') throw ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS(type, 'can only be used for EC keys');
      return type;
    }
    throw ERR_INVALID_ARG_VALUE(optionName, type);
  }

  const optionName = (name, objName) => (objName === undefined ? 'options.' + name : 'options.' + objName + '.' + name);

  // Node's reading of a key encoding: for a key given (keyType undefined) or one exported.
  function parseKeyEncoding(enc, keyType, isPublic, objName) {
    validateObject(enc, 'options');
    const isInput = keyType === undefined;
    const format = parseKeyFormat(enc.format, isInput ? 'pem' : undefined, optionName('format', objName));
    const required = (!isInput || format === 'der') && format !== 'jwk';
    const type = parseKeyType(enc.type, required, keyType, isPublic, optionName('type', objName));
    let cipher;
    let passphrase;
    let encoding;
    if (isPublic !== true) {
      ({ cipher, passphrase, encoding } = enc);
      if (!isInput) {
        if (cipher != null) {
          if (typeof cipher !== 'string') throw ERR_INVALID_ARG_VALUE(optionName('cipher', objName), cipher);
          if (format === 'der' && (type === 'pkcs1' || type === 'sec1')) {
            throw ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS(type, 'does not support encryption');
          }
        } else if (passphrase !== undefined) {
          throw ERR_INVALID_ARG_VALUE(optionName('cipher', objName), cipher);
        }
      }
      if ((isInput && passphrase !== undefined && !isStringOrBuffer(passphrase)) ||
          (!isInput && cipher != null && !isStringOrBuffer(passphrase))) {
        throw ERR_INVALID_ARG_VALUE(optionName('passphrase', objName), passphrase);
      }
    }
    if (passphrase !== undefined) passphrase = getArrayBufferOrView(passphrase, 'key.passphrase', encoding);
    return { format, type, cipher, passphrase };
  }

  // ------------------------------------------------------------------ key import

  const CONSUME_PUBLIC = 0;
  const CONSUME_PRIVATE = 1;
  const CREATE_PUBLIC = 2;
  const CREATE_PRIVATE = 3;

  function keyTypes(allowKeyObject, bufferOnly) {
    const types = ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView', 'string', 'KeyObject', 'CryptoKey'];
    if (bufferOnly) return types.slice(0, 4);
    if (!allowKeyObject) return types.slice(0, 5);
    return types;
  }

  // The key of a KeyObject or CryptoKey (`value`) given where a public or private key is
  // wanted.
  function givenKey(key, ctx, value) {
    if (ctx === CREATE_PRIVATE) {
      throw ERR_INVALID_ARG_TYPE('key', ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], value);
    }
    if (key.type !== 'private') {
      if (ctx === CONSUME_PRIVATE || ctx === CREATE_PUBLIC) throw ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(key.type, 'private');
      if (key.type !== 'public') throw ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(key.type, 'private or public');
    }
    return key;
  }

  // The KeySlot of a KeyObject or CryptoKey, or undefined.
  function slotOfValue(value) {
    const key = keySlotOf(value);
    if (key !== undefined) return key;
    const parts = cryptoKeyParts(value);
    return parts === undefined ? undefined : parts.key;
  }

  // Imports DER of a format (spki, pkcs8, pkcs1-public, pkcs1-private, sec1, certificate);
  // what cannot be read fails as OpenSSL's decoders fail for that format.
  function importDer(format, bytes, what) {
    const data = bytesOf(bytes);
    try {
      return slotOfInfo(importInfo({ format, data: data.slice() }, format + '\0' + bytesKey(data)));
    } catch (error) {
      const kind = refusalKind(error);
      if (kind === 'invalid-key' || kind === 'invalid-data' || kind === 'failed') {
        throw format === 'sec1' || format === 'pkcs1-private' ? decoderUnsupported() : asn1WrongTag();
      }
      throw nativeFailure(error, what);
    }
  }

  // An RSAPrivateKey starts with a version 0; an RSAPublicKey with its modulus.
  function isRsaPrivateDer(bytes) {
    if (bytes.length < 5 || bytes[0] !== 0x30) return false;
    let at = 2;
    if (bytes[1] & 0x80) at = 2 + (bytes[1] & 0x7f);
    return bytes[at] === 0x02 && bytes[at + 1] === 0x01 && bytes[at + 2] === 0x00;
  }

  const PUBLIC_LABELS = { 'PUBLIC KEY': 'spki', 'RSA PUBLIC KEY': 'pkcs1-public', CERTIFICATE: 'certificate', 'X509 CERTIFICATE': 'certificate' };
  const PRIVATE_LABELS = { 'PRIVATE KEY': 'pkcs8', 'RSA PRIVATE KEY': 'pkcs1-private', 'EC PRIVATE KEY': 'sec1', 'ENCRYPTED PRIVATE KEY': 'encrypted' };

  // The PEM blocks of a text: label, base64 body, and whether it has headers (legacy
  // encryption).
  function pemBlocks(text) {
    const blocks = [];
    let at = 0;
    for (;;) {
      const begin = text.indexOf('-----BEGIN ', at);
      if (begin === -1) break;
      const labelEnd = text.indexOf('-----', begin + 11);
      if (labelEnd === -1) break;
      const label = text.slice(begin + 11, labelEnd);
      const footer = '-----END ' + label + '-----';
      const end = text.indexOf(footer, labelEnd + 5);
      if (end === -1) break;
      const next = text.charCodeAt(labelEnd + 5);
      if (next === 10 || next === 13) {
        const body = text.slice(labelEnd + 5, end);
        blocks.push({ label, body, headers: body.indexOf(':') !== -1 });
      }
      at = end + footer.length;
    }
    return blocks;
  }

  function pemDer(block) {
    return base64Decode(block.body.replace(/[\s]/g, ''));
  }

  function firstBlock(blocks, labels) {
    for (const block of blocks) if (labels[block.label] !== undefined) return block;
    return undefined;
  }

  // A PEM key for a context: a public key, or a private one (of which a public context
  // takes the public part where it creates a public key).
  function importPem(data, ctx, what) {
    const text = typeof data === 'string' ? data : toBuffer(bytesOf(data)).toString('latin1');
    const blocks = pemBlocks(text);
    const wantsPublic = ctx === CONSUME_PUBLIC || ctx === CREATE_PUBLIC;
    if (wantsPublic) {
      for (const label of ['PUBLIC KEY', 'RSA PUBLIC KEY', 'CERTIFICATE', 'X509 CERTIFICATE']) {
        const block = blocks.find((candidate) => candidate.label === label);
        if (block !== undefined) return importDer(PUBLIC_LABELS[label], pemDer(block), what);
      }
    }
    const block = firstBlock(blocks, PRIVATE_LABELS);
    if (block === undefined) throw decoderUnsupported();
    if (block.label === 'ENCRYPTED PRIVATE KEY' || block.headers) throw unavailable('Reading an encrypted private key');
    return publicFor(importDer(PRIVATE_LABELS[block.label], pemDer(block), what), ctx, what);
  }

  // A DER key of a type for a context.
  function importDerFor(data, type, ctx, what) {
    const bytes = bytesOf(data);
    let key;
    switch (type) {
      case 'spki':
        key = importDer('spki', bytes, what);
        break;
      case 'pkcs1': {
        const wantsPrivate = ctx === CONSUME_PRIVATE || ctx === CREATE_PRIVATE;
        key = importDer(wantsPrivate || isRsaPrivateDer(bytes) ? 'pkcs1-private' : 'pkcs1-public', bytes, what);
        break;
      }
      case 'pkcs8':
        if (isEncryptedPkcs8(bytes)) throw unavailable('Reading an encrypted private key');
        key = importDer('pkcs8', bytes, what);
        break;
      case 'sec1':
        key = importDer('sec1', bytes, what);
        break;
    }
    if ((ctx === CONSUME_PRIVATE || ctx === CREATE_PRIVATE) && key.type !== 'private') throw asn1WrongTag();
    return publicFor(key, ctx, what);
  }

  // An EncryptedPrivateKeyInfo starts with an AlgorithmIdentifier (a SEQUENCE), a
  // PrivateKeyInfo with its version (an INTEGER).
  function isEncryptedPkcs8(bytes) {
    if (bytes.length < 4 || bytes[0] !== 0x30) return false;
    let at = 2;
    if (bytes[1] & 0x80) at = 2 + (bytes[1] & 0x7f);
    return bytes[at] === 0x30;
  }

  // A JWK key for a context, as Node reads it (only the public members for a public one).
  function importJwk(jwk, ctx, what) {
    validateObject(jwk, 'key');
    validateOneOf(jwk.kty, 'key.kty', ['RSA', 'EC', 'OKP']);
    const isPublic = ctx === CONSUME_PUBLIC || ctx === CREATE_PUBLIC;
    let material;
    let invalid;
    if (jwk.kty === 'OKP') {
      validateString(jwk.crv, 'key.crv');
      validateOneOf(jwk.crv, 'key.crv', ['Ed25519', 'Ed448', 'X25519', 'X448']);
      validateString(jwk.x, 'key.x');
      if (!isPublic) validateString(jwk.d, 'key.d');
      if (jwk.crv === 'Ed448' || jwk.crv === 'X448') throw unavailable('The curve ' + jwk.crv);
      const x = base64Decode(jwk.x);
      const d = isPublic ? undefined : base64Decode(jwk.d);
      if ((isPublic ? x : d).byteLength !== 32) throw ERR_CRYPTO_INVALID_JWK();
      material = { format: 'jwk', kty: 'OKP', crv: jwk.crv, x };
      if (!isPublic) material.d = d;
      invalid = ERR_CRYPTO_INVALID_JWK;
    } else if (jwk.kty === 'EC') {
      validateString(jwk.crv, 'key.crv');
      validateOneOf(jwk.crv, 'key.crv', ['P-256', 'secp256k1', 'P-384', 'P-521']);
      validateString(jwk.x, 'key.x');
      validateString(jwk.y, 'key.y');
      if (!isPublic) validateString(jwk.d, 'key.d');
      if (jwk.crv === 'secp256k1') throw unavailable('The curve secp256k1');
      material = { format: 'jwk', kty: 'EC', crv: jwk.crv, x: base64Decode(jwk.x), y: base64Decode(jwk.y) };
      if (!isPublic) material.d = base64Decode(jwk.d);
      invalid = () => cppError(TypeError, 'ERR_CRYPTO_INVALID_JWK', 'Invalid JWK EC key');
    } else {
      validateString(jwk.n, 'key.n');
      validateString(jwk.e, 'key.e');
      material = { format: 'jwk', kty: 'RSA', n: base64Decode(jwk.n), e: base64Decode(jwk.e) };
      if (!isPublic) {
        for (const name of ['d', 'p', 'q', 'dp', 'dq', 'qi']) validateString(jwk[name], 'key.' + name);
        for (const name of ['d', 'p', 'q', 'dp', 'dq', 'qi']) material[name] = base64Decode(jwk[name]);
      }
      invalid = () => cppError(TypeError, 'ERR_CRYPTO_INVALID_JWK', 'Invalid JWK RSA key');
    }
    try {
      return slotOfInfo(importInfo(material, materialKey(material)));
    } catch (error) {
      const kind = refusalKind(error);
      if (kind === 'invalid-key' || kind === 'invalid-data' || kind === 'failed') throw invalid();
      throw nativeFailure(error, what);
    }
  }

  // Node's reading of a public or private key argument: the key given (a KeyObject or a
  // CryptoKey; a JWK, which Node imports at once), or the PEM or DER bytes, which are
  // parsed when the key is used (`resolveKey`), as Node's C++ layer parses them.
  function prepareAsymmetricKey(key, ctx, what) {
    const given = slotOfValue(key);
    if (given !== undefined) return { key: givenKey(given, ctx, key) };
    if (isStringOrBuffer(key)) return { format: 'pem', data: getArrayBufferOrView(key, 'key') };
    if (typeof key === 'object') {
      const { key: data, encoding, format } = key;
      const inner = slotOfValue(data);
      if (inner !== undefined) return { key: givenKey(inner, ctx, data) };
      if (format === 'jwk') {
        validateObject(data, 'key.key');
        return { key: importJwk(data, ctx, what) };
      }
      if (!isStringOrBuffer(data)) throw ERR_INVALID_ARG_TYPE('key.key', keyTypes(ctx !== CREATE_PRIVATE), data);
      const isPublic = ctx === CONSUME_PRIVATE || ctx === CREATE_PRIVATE ? false : undefined;
      const bytes = getArrayBufferOrView(data, 'key', encoding);
      const parsed = parseKeyEncoding(key, undefined, isPublic, undefined);
      return { format: parsed.format, type: parsed.type, data: bytes };
    }
    throw ERR_INVALID_ARG_TYPE('key', keyTypes(ctx !== CREATE_PRIVATE), key);
  }

  // The key a prepared argument names, parsed and imported.
  function resolveKey(prepared, ctx, what) {
    if (prepared.key !== undefined) return publicFor(prepared.key, ctx, what);
    if (prepared.format === 'pem') return importPem(prepared.data, ctx, what);
    return importDerFor(prepared.data, prepared.type, ctx, what);
  }

  const importAsymmetricKey = (key, ctx, what) => resolveKey(prepareAsymmetricKey(key, ctx, what), ctx, what);

  // createPublicKey takes the public part of a private key it is given, and so does
  // verifying with a private key.
  function publicFor(key, ctx, what) {
    const wantsPublic = ctx === CREATE_PUBLIC || ctx === CONSUME_PUBLIC;
    return wantsPublic && key.type === 'private' ? guarded(() => publicSlotOf(key), what) : key;
  }

  // The bytes of a secret key argument (a secret KeyObject or CryptoKey, or bytes).
  function prepareSecretKey(key, encoding, bufferOnly = false) {
    if (!bufferOnly) {
      const given = slotOfValue(key);
      if (given !== undefined) {
        if (given.type !== 'secret') throw ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(given.type, 'secret');
        return given.secret;
      }
    }
    if (typeof key !== 'string' && !isArrayBufferView(key) && !isAnyArrayBuffer(key)) {
      throw ERR_INVALID_ARG_TYPE('key', keyTypes(!bufferOnly, bufferOnly), key);
    }
    return bytesOf(getArrayBufferOrView(key, 'key', encoding));
  }

  function createSecretKey(key, encoding) {
    return newKeyObject(secretSlot(prepareSecretKey(key, encoding, true)));
  }

  function createPublicKey(key) {
    return newKeyObject(importAsymmetricKey(key, CREATE_PUBLIC, 'crypto.createPublicKey'));
  }

  function createPrivateKey(key) {
    return newKeyObject(importAsymmetricKey(key, CREATE_PRIVATE, 'crypto.createPrivateKey'));
  }

  // ------------------------------------------------------------------ sign, verify

  const RSA_PKCS1_PADDING = 1;
  const RSA_PKCS1_PSS_PADDING = 6;

  function getIntOption(name, options) {
    const value = options[name];
    if (value !== undefined) {
      if (value === value >> 0) return value;
      throw ERR_INVALID_ARG_VALUE('options.' + name, value);
    }
    return undefined;
  }
  function getSaltLength(options) {
    let saltLength = getIntOption('saltLength', options);
    if (options.padding === RSA_PKCS1_PSS_PADDING && saltLength === undefined) saltLength = -2;
    return saltLength;
  }
  function getDSASignatureEncoding(options) {
    if (typeof options === 'object') {
      const { dsaEncoding = 'der' } = options;
      if (dsaEncoding === 'der' || dsaEncoding === 'ieee-p1363') return dsaEncoding;
      throw ERR_INVALID_ARG_VALUE('options.dsaEncoding', dsaEncoding);
    }
    return 'der';
  }

  const invalidSaltLength = () =>
    opensslError('error:1C800070:Provider routines::invalid salt length', 'ERR_OSSL_INVALID_SALT_LENGTH', 'Provider routines', 'invalid salt length');

  // The natives' scheme for signing (or verifying) with a key, as OpenSSL would pick it.
  // `digest` is the natives' digest name, or undefined for the key's default.
  function schemeFor(key, digest, padding, saltLength, dsaEncoding, verifying) {
    switch (key.keyType) {
      case 'rsa':
      case 'rsa-pss': {
        const hash = digest || 'sha256';
        const pss = key.keyType === 'rsa-pss' || padding === RSA_PKCS1_PSS_PADDING;
        if (padding !== undefined && padding !== RSA_PKCS1_PADDING && padding !== RSA_PKCS1_PSS_PADDING) {
          if (padding === 3) {
            throw opensslError('error:1C8000A8:Provider routines::invalid padding mode', 'ERR_OSSL_INVALID_PADDING_MODE', 'Provider routines', 'invalid padding mode');
          }
          throw opensslError(
            'error:1C8000A5:Provider routines::illegal or unsupported padding mode',
            'ERR_OSSL_ILLEGAL_OR_UNSUPPORTED_PADDING_MODE',
            'Provider routines',
            'illegal or unsupported padding mode',
          );
        }
        if (!pss) return { name: 'rsa-pkcs1', hash };
        const hashBytes = DIGEST_BYTES[hash];
        const max = Math.ceil((key.bits - 1) / 8) - hashBytes - 2;
        let salt = saltLength === undefined ? -2 : saltLength;
        if (salt < -3) throw invalidSaltLength();
        if (salt === -1) salt = hashBytes;
        else if (salt === -3 || (salt === -2 && !verifying)) salt = max;
        else if (salt === -2) salt = null;
        if (salt !== null && salt > max) {
          if (verifying) return { name: 'rsa-pss', hash, saltLength: salt, never: true };
          throw opensslError(
            'error:0200006E:rsa routines::data too large for key size',
            'ERR_OSSL_RSA_DATA_TOO_LARGE_FOR_KEY_SIZE',
            'rsa routines',
            'data too large for key size',
          );
        }
        return { name: 'rsa-pss', hash, saltLength: salt, max };
      }
      case 'ec':
        return { name: 'ecdsa', hash: digest || 'sha256', der: dsaEncoding !== 'ieee-p1363' };
      case 'ed25519':
        if (digest !== undefined) throw invalidDigestProvider();
        return { name: 'ed25519' };
      default:
        throw notForKeyType();
    }
  }

  function signBytes(key, scheme, data, what) {
    return toBuffer(guarded(() => natives.sign(key.handle, scheme, data), what));
  }

  function verifyBytes(key, scheme, data, signature, what) {
    if (scheme.never) return false;
    const attempt = (candidate) => {
      try {
        return natives.verify(key.handle, candidate, data, signature);
      } catch (error) {
        const kind = refusalKind(error);
        if (kind === 'invalid-data' || kind === 'failed') return false;
        throw error;
      }
    };
    return guarded(() => {
      if (scheme.name !== 'rsa-pss' || scheme.saltLength !== null) return attempt(scheme);
      // Any salt length (OpenSSL's "auto"): the host verifies PSS with a known salt length
      // only (aws-lc-rs), so the usual ones are tried: the digest's, the largest, none. A
      // signature with another salt length does not verify here (it does in Node).
      for (const saltLength of [DIGEST_BYTES[scheme.hash], scheme.max, 0]) {
        if (saltLength >= 0 && attempt({ name: 'rsa-pss', hash: scheme.hash, saltLength })) return true;
      }
      return false;
    }, what);
  }

  // The natives' digest of a signing algorithm name, or Node's error.
  function signDigest(algorithm, withName) {
    return digestFor(algorithm, () => ERR_CRYPTO_INVALID_DIGEST(withName ? algorithm : undefined));
  }

  function Sign(algorithm, options) {
    if (!(this instanceof Sign)) return new Sign(algorithm, options);
    validateString(algorithm, 'algorithm');
    hidden(this, kState, { digest: signDigest(algorithm, false), chunks: [], total: 0, finalized: false });
  }

  const notInitialised = () => cppError(Error, 'ERR_CRYPTO_INVALID_STATE', 'Not initialised');

  Sign.prototype.update = function update(data, encoding) {
    const bytes = updateBytes(data, encoding);
    const state = this[kState];
    if (state.finalized) throw notInitialised();
    appendChunk(state, bytes);
    return this;
  };

  Sign.prototype.sign = function sign(options, encoding) {
    if (!options) throw ERR_CRYPTO_SIGN_KEY_REQUIRED();
    const prepared = prepareAsymmetricKey(options, CONSUME_PRIVATE, 'sign.sign');
    const padding = getIntOption('padding', options);
    const saltLength = getSaltLength(options);
    const dsaEncoding = getDSASignatureEncoding(options);
    const key = resolveKey(prepared, CONSUME_PRIVATE, 'sign.sign');
    const state = this[kState];
    if (state.finalized) throw notInitialised();
    if (key.keyType === 'ed25519') throw cppError(Error, 'ERR_CRYPTO_UNSUPPORTED_OPERATION', 'Unsupported crypto operation');
    const scheme = schemeFor(key, state.digest, padding, saltLength, dsaEncoding, false);
    const signature = signBytes(key, scheme, concatBytes(state.chunks, state.total), 'sign.sign');
    state.finalized = true;
    state.chunks = [];
    if (encoding && encoding !== 'buffer') return signature.toString(encoding);
    return signature;
  };

  function Verify(algorithm, options) {
    if (!(this instanceof Verify)) return new Verify(algorithm, options);
    validateString(algorithm, 'algorithm');
    hidden(this, kState, { digest: signDigest(algorithm, false), chunks: [], total: 0, finalized: false });
  }

  Verify.prototype.update = Sign.prototype.update;

  Verify.prototype.verify = function verify(options, signature, sigEncoding) {
    const prepared = prepareAsymmetricKey(options, CONSUME_PUBLIC, 'verify.verify');
    const padding = getIntOption('padding', options);
    const saltLength = getSaltLength(options);
    const dsaEncoding = getDSASignatureEncoding(options);
    signature = getArrayBufferOrView(signature, 'signature', sigEncoding);
    const key = resolveKey(prepared, CONSUME_PUBLIC, 'verify.verify');
    const state = this[kState];
    if (state.finalized) throw notInitialised();
    if (key.keyType === 'ed25519') throw cppError(Error, 'ERR_CRYPTO_UNSUPPORTED_OPERATION', 'Unsupported crypto operation');
    const scheme = schemeFor(key, state.digest, padding, saltLength, dsaEncoding, true);
    const result = verifyBytes(key, scheme, concatBytes(state.chunks, state.total), bytesOf(signature), 'verify.verify');
    state.finalized = true;
    state.chunks = [];
    return result;
  };

  function createSign(algorithm, options) {
    return new Sign(algorithm, options);
  }
  function createVerify(algorithm, options) {
    return new Verify(algorithm, options);
  }

  // An OpenSSL error as a job hands it to a callback: its message only.
  const jobError = (error) => (error !== null && typeof error === 'object' && error.library !== undefined ? new Error(error.message) : error);

  function signOneShot(algorithm, data, key, callback) {
    if (algorithm != null) validateString(algorithm, 'algorithm');
    if (callback !== undefined) validateFunction(callback, 'callback');
    data = getArrayBufferOrView(data, 'data');
    if (!key) throw ERR_CRYPTO_SIGN_KEY_REQUIRED();
    const padding = getIntOption('padding', key);
    const saltLength = getSaltLength(key);
    const dsaEncoding = getDSASignatureEncoding(key);
    const slot = importAsymmetricKey(key, CONSUME_PRIVATE, 'crypto.sign');
    const digest = algorithm == null ? undefined : signDigest(algorithm, true);
    const run = () => signBytes(slot, schemeFor(slot, digest, padding, saltLength, dsaEncoding, false), bytesOf(data), 'crypto.sign');
    if (callback === undefined) return run();
    let result;
    let failure = null;
    try {
      result = run();
    } catch (error) {
      failure = jobError(error);
    }
    defer(() => (failure ? callback(failure) : callback(null, result)));
  }

  function verifyOneShot(algorithm, data, key, signature, callback) {
    if (algorithm != null) validateString(algorithm, 'algorithm');
    if (callback !== undefined) validateFunction(callback, 'callback');
    data = getArrayBufferOrView(data, 'data');
    if (!isArrayBufferView(data)) throw ERR_INVALID_ARG_TYPE('data', ['Buffer', 'TypedArray', 'DataView'], data);
    const padding = getIntOption('padding', key);
    const saltLength = getSaltLength(key);
    const dsaEncoding = getDSASignatureEncoding(key);
    if (!isArrayBufferView(signature)) {
      throw ERR_INVALID_ARG_TYPE('signature', ['Buffer', 'TypedArray', 'DataView'], signature);
    }
    const slot = importAsymmetricKey(key, CONSUME_PUBLIC, 'crypto.verify');
    const digest = algorithm == null ? undefined : signDigest(algorithm, true);
    const run = () => verifyBytes(slot, schemeFor(slot, digest, padding, saltLength, dsaEncoding, true), bytesOf(data), bytesOf(signature), 'crypto.verify');
    if (callback === undefined) return run();
    let result;
    let failure = null;
    try {
      result = run();
    } catch (error) {
      failure = jobError(error);
    }
    defer(() => (failure ? callback(failure) : callback(null, result)));
  }

  // ------------------------------------------------------------------ key generation

  function parseGenerateEncoding(keyType, options = {}) {
    const { publicKeyEncoding, privateKeyEncoding } = options;
    let publicEncoding;
    if (publicKeyEncoding != null) {
      if (typeof publicKeyEncoding !== 'object') throw ERR_INVALID_ARG_VALUE('options.publicKeyEncoding', publicKeyEncoding);
      publicEncoding = parseKeyEncoding(publicKeyEncoding, keyType, true, 'publicKeyEncoding');
    }
    let privateEncoding;
    if (privateKeyEncoding != null) {
      if (typeof privateKeyEncoding !== 'object') throw ERR_INVALID_ARG_VALUE('options.privateKeyEncoding', privateKeyEncoding);
      privateEncoding = parseKeyEncoding(privateKeyEncoding, keyType, false, 'privateKeyEncoding');
    }
    return { publicEncoding, privateEncoding };
  }

  const EC_CURVES = { 'P-256': 'P-256', prime256v1: 'P-256', 'P-384': 'P-384', secp384r1: 'P-384', 'P-521': 'P-521', secp521r1: 'P-521' };
  // The other curves Node 20 knows (OpenSSL's).
  const OTHER_CURVE = /^(secp(112r[12]|128r[12]|160(k1|r[12])|192k1|224(k1|r1)|256k1)|sect(113r[12]|131r[12]|163(k1|r[12])|193r[12]|233[kr]1|239k1|283[kr]1|409[kr]1|571[kr]1)|prime(192v[123]|239v[123])|brainpoolP(160|192|224|256|320|384|512)[rt]1|c2pnb(163v[123]|176v1|208w1|272w1|304w1|368w1)|c2tnb(191v[123]|239v[123]|359v1|431r1)|wap-wsg-idm-ecid-wtls([13-9]|1[0-2])|Oakley-EC2N-[34]|SM2)$/;

  // Checks a key pair request as Node does; returns the natives' spec and the encodings.
  function keyPairJob(type, options) {
    validateString(type, 'type');
    const encodings = parseGenerateEncoding(type, options);
    if (options !== undefined) validateObject(options, 'options');
    let spec;
    switch (type) {
      case 'rsa':
      case 'rsa-pss': {
        validateObject(options, 'options');
        validateUint32(options.modulusLength, 'options.modulusLength');
        let publicExponent = options.publicExponent;
        if (publicExponent == null) publicExponent = 0x10001;
        else validateUint32(publicExponent, 'options.publicExponent');
        if (type === 'rsa-pss') throw unavailable("Generating 'rsa-pss' keys", "generate 'rsa' keys and sign with RSA_PKCS1_PSS_PADDING");
        if (options.modulusLength < 512) throw new Error('error:1C8000AB:Provider routines::key size too small');
        if (publicExponent % 2 === 0 || publicExponent === 1) throw new Error('error:020000B2:rsa routines::pub exponent out of range');
        spec = { type: 'rsa', modulusLength: options.modulusLength, publicExponent };
        break;
      }
      case 'ec': {
        validateObject(options, 'options');
        const { namedCurve, paramEncoding } = options;
        validateString(namedCurve, 'options.namedCurve');
        if (paramEncoding != null && paramEncoding !== 'named' && paramEncoding !== 'explicit') {
          throw ERR_INVALID_ARG_VALUE('options.paramEncoding', paramEncoding);
        }
        const curve = EC_CURVES[namedCurve];
        if (curve === undefined) {
          if (OTHER_CURVE.test(namedCurve)) throw unavailable('The curve ' + namedCurve);
          throw cppError(TypeError, 'ERR_CRYPTO_INVALID_CURVE', 'Invalid EC curve name');
        }
        if (paramEncoding === 'explicit') throw unavailable("paramEncoding 'explicit'");
        spec = { type: 'ec', curve };
        break;
      }
      case 'ed25519':
      case 'x25519':
        spec = { type };
        break;
      case 'dsa':
      case 'dh':
      case 'ed448':
      case 'x448':
        throw unavailable("Generating '" + type + "' keys");
      default:
        throw ERR_INVALID_ARG_VALUE('type', type, 'must be a supported key type');
    }
    const privateEncoding = encodings.privateEncoding;
    if (privateEncoding !== undefined && privateEncoding.cipher != null) throw unavailable('Exporting an encrypted private key');
    return { spec, encodings };
  }

  function encodeGenerated(key, encoding) {
    const object = newKeyObject(key);
    if (encoding === undefined) return object;
    if (encoding.format === 'jwk') return object.export({ format: 'jwk' });
    return exportDer(key, encoding.format, encoding.type);
  }

  function runKeyPairJob(job) {
    const privateKey = slotOfInfo(guarded(() => natives.generateKey(job.spec), 'crypto.generateKeyPair'));
    const publicKey = guarded(() => publicSlotOf(privateKey), 'crypto.generateKeyPair');
    return {
      publicKey: encodeGenerated(publicKey, job.encodings.publicEncoding),
      privateKey: encodeGenerated(privateKey, job.encodings.privateEncoding),
    };
  }

  function generateKeyPairSync(type, options) {
    return runKeyPairJob(keyPairJob(type, options));
  }

  function generateKeyPair(type, options, callback) {
    if (typeof options === 'function') {
      callback = options;
      options = undefined;
    }
    validateFunction(callback, 'callback');
    const job = keyPairJob(type, options);
    let result;
    let failure = null;
    try {
      result = runKeyPairJob(job);
    } catch (error) {
      failure = error;
    }
    defer(() => (failure ? callback(failure) : callback(null, result.publicKey, result.privateKey)));
  }
  Object.defineProperty(generateKeyPair, Symbol.for('nodejs.util.promisify.custom'), {
    value: (type, options) => new Promise((resolve, reject) => {
      generateKeyPair(type, options, (error, publicKey, privateKey) => (error ? reject(error) : resolve({ publicKey, privateKey })));
    }),
  });

  function secretKeyJob(type, options) {
    validateString(type, 'type');
    validateObject(options, 'options');
    const { length } = options;
    switch (type) {
      case 'hmac':
        validateInteger(length, 'options.length', 8, 2 ** 31 - 1);
        break;
      case 'aes':
        validateOneOf(length, 'options.length', [128, 192, 256]);
        break;
      default:
        throw ERR_INVALID_ARG_VALUE('type', type, 'must be a supported key type');
    }
    return Math.floor(length / 8);
  }

  function newSecret(bytes) {
    const key = new Uint8Array(bytes);
    fillRandom(key);
    return newKeyObject(secretSlot(key));
  }

  function generateKeySync(type, options) {
    return newSecret(secretKeyJob(type, options));
  }

  function generateKey(type, options, callback) {
    if (typeof options === 'function') {
      callback = options;
      options = undefined;
    }
    validateFunction(callback, 'callback');
    const bytes = secretKeyJob(type, options);
    let key;
    let failure = null;
    try {
      key = newSecret(bytes);
    } catch (error) {
      failure = error;
    }
    defer(() => (failure ? callback(failure) : callback(null, key)));
  }

  // ------------------------------------------------------------------ KDFs

  // Runs `compute` now (sync) or hands its result to `callback` later.
  function completion(compute, callback) {
    let result;
    let failure = null;
    try {
      result = compute();
    } catch (error) {
      failure = error;
    }
    defer(() => (failure ? callback(failure) : callback(null, result)));
  }

  function pbkdf2Check(password, salt, iterations, keylen, digest) {
    validateString(digest, 'digest');
    password = getArrayBufferOrView(password, 'password');
    salt = getArrayBufferOrView(salt, 'salt');
    validateInt32(iterations, 'iterations', 1);
    validateInt32(keylen, 'keylen', 0);
    const name = digestFor(digest, () => ERR_CRYPTO_INVALID_DIGEST(digest));
    if (keylen === 0) return () => Buffer.alloc(0);
    return () => toBuffer(guarded(() => natives.pbkdf2(name, bytesOf(password), bytesOf(salt), iterations, keylen), 'crypto.pbkdf2'));
  }

  function pbkdf2Sync(password, salt, iterations, keylen, digest) {
    return pbkdf2Check(password, salt, iterations, keylen, digest)();
  }

  function pbkdf2(password, salt, iterations, keylen, digest, callback) {
    if (typeof digest === 'function') {
      callback = digest;
      digest = undefined;
    }
    const compute = pbkdf2Check(password, salt, iterations, keylen, digest);
    validateFunction(callback, 'callback');
    completion(compute, callback);
  }

  function byteSource(value, name) {
    if (typeof value === 'string') value = Buffer.from(value);
    if (isAnyArrayBuffer(value) || isArrayBufferView(value)) return value;
    throw ERR_INVALID_ARG_TYPE(name, ['string', 'ArrayBuffer', 'TypedArray', 'DataView', 'Buffer'], value);
  }

  // The input keying material: a KeyObject (any, as Node takes it; a secret one is
  // checked for when the bytes are needed), or bytes.
  function hkdfKey(key) {
    const given = keySlotOf(key);
    if (given !== undefined) return given;
    if (isAnyArrayBuffer(key)) return bytesOf(key);
    if (typeof key === 'string') key = Buffer.from(key);
    if (!isArrayBufferView(key)) {
      throw ERR_INVALID_ARG_TYPE('ikm', ['string', 'SecretKeyObject', 'ArrayBuffer', 'TypedArray', 'DataView', 'Buffer'], key);
    }
    return bytesOf(key);
  }

  function hkdfCheck(hash, key, salt, info, length) {
    validateString(hash, 'digest');
    key = hkdfKey(key);
    salt = byteSource(salt, 'salt');
    info = byteSource(info, 'info');
    validateInteger(length, 'length', 0, 4294967296);
    if (info.byteLength > 1024) {
      throw ERR_OUT_OF_RANGE('info', 'must not contain more than 1024 bytes', info.byteLength);
    }
    const name = digestFor(hash, () => ERR_CRYPTO_INVALID_DIGEST(hash));
    if (length > 255 * DIGEST_BYTES[name]) throw cppError(RangeError, 'ERR_CRYPTO_INVALID_KEYLEN', 'Invalid key length');
    if (key instanceof KeySlot) {
      if (key.type !== 'secret') throw ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(key.type, 'secret');
      key = key.secret;
    }
    return () => {
      if (length === 0) return new ArrayBuffer(0);
      const bits = guarded(() => natives.hkdf(name, key, bytesOf(salt), bytesOf(info), length), 'crypto.hkdf');
      return bits.byteOffset === 0 && bits.byteLength === bits.buffer.byteLength ? bits.buffer : bits.slice().buffer;
    };
  }

  function hkdfSync(hash, key, salt, info, length) {
    return hkdfCheck(hash, key, salt, info, length)();
  }

  function hkdf(hash, key, salt, info, length, callback) {
    const compute = hkdfCheck(hash, key, salt, info, length);
    validateFunction(callback, 'callback');
    completion(compute, callback);
  }

  const SCRYPT_DEFAULTS = { N: 16384, r: 8, p: 1, maxmem: 32 << 20 };
  const SCRYPT_HOST_MEMORY = 64 << 20;

  const invalidScrypt = (memory) => cppError(
    RangeError,
    'ERR_CRYPTO_INVALID_SCRYPT_PARAMS',
    memory ? 'Invalid scrypt params: error:030000AC:digital envelope routines::memory limit exceeded' : 'Invalid scrypt params',
  );

  // OpenSSL's checks of scrypt's parameters.
  function checkScryptParams(N, r, p, maxmem) {
    if (N < 2 || N > 2 ** 32 - 1 || (N & (N - 1)) !== 0 || r === 0 || p === 0) throw invalidScrypt(false);
    const n = BigInt(N);
    const rb = BigInt(r);
    const pb = BigInt(p);
    if (pb > BigInt(2 ** 30 - 1) / rb) throw invalidScrypt(true);
    if (16n * rb <= 63n && n >= 1n << (16n * rb)) throw invalidScrypt(true);
    const limit = (1n << 64n) / 128n;
    if (n + 2n > limit / rb) throw invalidScrypt(true);
    const total = pb * 128n * rb + 128n * rb * (n + 2n);
    if (total > BigInt(maxmem)) throw invalidScrypt(true);
    return Number(total);
  }

  function scryptCheck(password, salt, keylen, options) {
    password = getArrayBufferOrView(password, 'password');
    salt = getArrayBufferOrView(salt, 'salt');
    validateInt32(keylen, 'keylen', 0);
    let { N, r, p, maxmem } = SCRYPT_DEFAULTS;
    if (options && options !== SCRYPT_DEFAULTS) {
      const hasN = options.N !== undefined;
      if (hasN) {
        N = options.N;
        validateUint32(N, 'N');
      }
      if (options.cost !== undefined) {
        if (hasN) throw ERR_CRYPTO_SCRYPT_INVALID_PARAMETER();
        N = options.cost;
        validateUint32(N, 'cost');
      }
      const hasR = options.r !== undefined;
      if (hasR) {
        r = options.r;
        validateUint32(r, 'r');
      }
      if (options.blockSize !== undefined) {
        if (hasR) throw ERR_CRYPTO_SCRYPT_INVALID_PARAMETER();
        r = options.blockSize;
        validateUint32(r, 'blockSize');
      }
      const hasP = options.p !== undefined;
      if (hasP) {
        p = options.p;
        validateUint32(p, 'p');
      }
      if (options.parallelization !== undefined) {
        if (hasP) throw ERR_CRYPTO_SCRYPT_INVALID_PARAMETER();
        p = options.parallelization;
        validateUint32(p, 'parallelization');
      }
      if (options.maxmem !== undefined) {
        maxmem = options.maxmem;
        validateInteger(maxmem, 'maxmem', 0);
      }
      if (N === 0) N = SCRYPT_DEFAULTS.N;
      if (r === 0) r = SCRYPT_DEFAULTS.r;
      if (p === 0) p = SCRYPT_DEFAULTS.p;
      if (maxmem === 0) maxmem = SCRYPT_DEFAULTS.maxmem;
    }
    const needed = checkScryptParams(N, r, p, maxmem);
    if (keylen === 0) return () => Buffer.alloc(0);
    // The host bounds the memory it may be asked for (64 MiB): it is asked for what the
    // parameters need (checked against `maxmem` above) or its bound, whichever is more.
    const bound = Math.min(maxmem, Math.max(needed, SCRYPT_HOST_MEMORY));
    return () => toBuffer(guarded(
      () => natives.scrypt(bytesOf(password), bytesOf(salt), N, r, p, keylen, bound),
      'crypto.scrypt',
    ));
  }

  function scryptSync(password, salt, keylen, options = SCRYPT_DEFAULTS) {
    return scryptCheck(password, salt, keylen, options)();
  }

  function scrypt(password, salt, keylen, options, callback = SCRYPT_DEFAULTS) {
    if (callback === SCRYPT_DEFAULTS) {
      callback = options;
      options = SCRYPT_DEFAULTS;
    }
    const compute = scryptCheck(password, salt, keylen, options);
    validateFunction(callback, 'callback');
    completion(compute, callback);
  }

  // ------------------------------------------------------------------ AES-GCM ciphers

  const GCM_CIPHERS = { 'aes-128-gcm': 16, 'aes-192-gcm': 24, 'aes-256-gcm': 32, 'id-aes128-gcm': 16, 'id-aes192-gcm': 24, 'id-aes256-gcm': 32 };
  const GCM_NIDS = { 16: 895, 24: 898, 32: 901 };
  // The other ciphers Node 20 knows.
  const NODE_CIPHER = new RegExp('^(aes-(128|192|256)-(cbc|ccm|cfb|cfb1|cfb8|ctr|ecb|ocb|ofb|xts)|aes-(128|256)-cbc-hmac-sha(1|256)|' +
    'aes(128|192|256)(-wrap)?|aria-(128|192|256)-(cbc|ccm|cfb|cfb1|cfb8|ctr|ecb|gcm|ofb)|aria(128|192|256)|' +
    'camellia-(128|192|256)-(cbc|cfb|cfb1|cfb8|ctr|ecb|ofb)|camellia(128|192|256)|chacha20(-poly1305)?|' +
    'des-ede(-cbc|-cfb|-ecb|-ofb)?|des-ede3(-cbc|-cfb|-cfb1|-cfb8|-ecb|-ofb)?|des3(-wrap)?|' +
    'id-aes(128|192|256)-(ccm|wrap|wrap-pad)|id-smime-alg-cms3deswrap|sm4(-cbc|-cfb|-ctr|-ecb|-ofb)?)$', 'i');
  const validTagLength = (length) => length === 4 || length === 8 || (length >= 12 && length <= 16);
  const unauthenticated = () => new Error('Unsupported state or unable to authenticate data');

  function getUIntOption(options, key) {
    let value;
    if (options && (value = options[key]) != null) {
      if (value >>> 0 !== value) throw ERR_INVALID_ARG_VALUE('options.' + key, value);
      return value;
    }
    return -1;
  }

  // A GCM cipher or decipher. Its output for each update is the input XORed with the
  // keystream (which the natives give as the encryption of zeros); the tag is computed,
  // or checked, over all the data at `final`.
  function initGcm(self, cipher, key, iv, options, decipher) {
    validateString(cipher, 'cipher');
    const encoding = getStringOption(options, 'encoding');
    const keyBytes = prepareSecretKey(key, encoding);
    iv = iv === null ? null : getArrayBufferOrView(iv, 'iv');
    const authTagLength = getUIntOption(options, 'authTagLength');
    const keyLength = GCM_CIPHERS[cipher.toLowerCase()];
    if (keyLength === undefined && !NODE_CIPHER.test(cipher)) throw cppError(Error, 'ERR_CRYPTO_UNKNOWN_CIPHER', 'Unknown cipher');
    if (keyLength === undefined) {
      throw unavailable(
        'crypto.' + (decipher ? 'createDecipheriv' : 'createCipheriv') + "('" + cipher + "')",
        "use 'aes-128-gcm', 'aes-192-gcm' or 'aes-256-gcm' (or crypto.subtle." + (decipher ? 'decrypt' : 'encrypt') + ' with AES-GCM)',
      );
    }
    if (iv === null || iv.byteLength === 0 || iv.byteLength > 128) {
      throw cppError(TypeError, 'ERR_CRYPTO_INVALID_IV', 'Invalid initialization vector');
    }
    if (authTagLength !== -1 && !validTagLength(authTagLength)) {
      throw cppError(TypeError, 'ERR_CRYPTO_INVALID_AUTH_TAG', 'Invalid authentication tag length: ' + authTagLength);
    }
    if (keyBytes.byteLength !== keyLength) throw cppError(RangeError, 'ERR_CRYPTO_INVALID_KEYLEN', 'Invalid key length');
    hidden(self, kState, {
      decipher,
      key: secretSlot(keyBytes),
      iv: bytesOf(iv).slice(),
      aad: [],
      aadLength: 0,
      started: false,
      done: false,
      chunks: [],
      total: 0,
      keystream: new Uint8Array(0),
      authTagLength,
      tag: undefined,
      decoder: null,
    });
  }

  // The keystream's first `length` bytes at least.
  function keystreamFor(state, length) {
    if (state.keystream.byteLength >= length) return state.keystream;
    const size = Math.max(length, state.keystream.byteLength * 2, 256);
    const params = { name: 'aes-gcm', iv: state.iv, additionalData: new Uint8Array(0), tagLength: 128 };
    const what = state.decipher ? 'decipher.update' : 'cipher.update';
    const out = guarded(() => natives.encrypt(handleOf(state.key), params, new Uint8Array(size)), what);
    state.keystream = out.subarray(0, size);
    return state.keystream;
  }

  function decoderFor(state, encoding) {
    const normalized = normalizeEncoding(encoding);
    if (state.decoder === null) {
      const { StringDecoder } = require('string_decoder');
      state.decoder = new StringDecoder(encoding);
    }
    if (state.decoder.encoding !== normalized) {
      if (normalized === undefined) throw codes.ERR_UNKNOWN_ENCODING(encoding);
      throw nodeError(Error, 'ERR_INTERNAL_ASSERTION', 'Cannot change encoding\nThis is caused by either a bug in Node.js or ' +
        'incorrect usage of Node.js internals.\nPlease open an issue with this stack trace at https://github.com/nodejs/node/issues\n');
    }
    return state.decoder;
  }

  function gcmUpdate(data, inputEncoding, outputEncoding) {
    const bytes = updateBytes(data, inputEncoding);
    const state = this[kState];
    if (state.done) throw new Error('Trying to add data in unsupported state');
    state.started = true;
    const stream = keystreamFor(state, state.total + bytes.byteLength);
    const out = new Uint8Array(bytes.byteLength);
    for (let i = 0, at = state.total; i < out.length; i++, at++) out[i] = bytes[i] ^ stream[at];
    appendChunk(state, bytes);
    const result = toBuffer(out);
    if (outputEncoding && outputEncoding !== 'buffer') return decoderFor(state, outputEncoding).write(result);
    return result;
  }

  function gcmFinal(outputEncoding) {
    const state = this[kState];
    if (state.done) throw cppError(Error, 'ERR_CRYPTO_INVALID_STATE', 'Invalid state');
    state.done = true;
    const params = {
      name: 'aes-gcm',
      iv: state.iv,
      additionalData: concatBytes(state.aad, state.aadLength),
      tagLength: 128,
    };
    const data = concatBytes(state.chunks, state.total);
    state.chunks = [];
    if (state.decipher) {
      if (state.tag === undefined) throw unauthenticated();
      params.tagLength = state.tag.byteLength * 8;
      const sealed = new Uint8Array(data.byteLength + state.tag.byteLength);
      sealed.set(data);
      sealed.set(state.tag, data.byteLength);
      try {
        natives.decrypt(handleOf(state.key), params, sealed);
      } catch (error) {
        const kind = refusalKind(error);
        if (kind === undefined || kind === 'failed' || kind === 'invalid-data') throw unauthenticated();
        throw nativeFailure(error, 'decipher.final');
      }
    } else {
      const tagLength = state.authTagLength === -1 ? 16 : state.authTagLength;
      params.tagLength = tagLength * 8;
      const sealed = guarded(() => natives.encrypt(handleOf(state.key), params, data), 'cipher.final');
      state.tag = sealed.slice(sealed.byteLength - tagLength);
    }
    const result = Buffer.alloc(0);
    if (outputEncoding && outputEncoding !== 'buffer') return decoderFor(state, outputEncoding).end(result);
    return result;
  }

  function gcmSetAAD(aadbuf, options) {
    const encoding = getStringOption(options, 'encoding');
    getUIntOption(options, 'plaintextLength');
    const bytes = bytesOf(getArrayBufferOrView(aadbuf, 'aadbuf', encoding)).slice();
    const state = this[kState];
    if (state.done || state.started) throw ERR_CRYPTO_INVALID_STATE('setAAD');
    state.aad.push(bytes);
    state.aadLength += bytes.byteLength;
    return this;
  }

  function gcmSetAutoPadding(ap) {
    if (this[kState].done) throw ERR_CRYPTO_INVALID_STATE('setAutoPadding');
    return this;
  }

  function Cipheriv(cipher, key, iv, options) {
    if (!(this instanceof Cipheriv)) return new Cipheriv(cipher, key, iv, options);
    initGcm(this, cipher, key, iv, options, false);
  }
  Cipheriv.prototype.update = gcmUpdate;
  Cipheriv.prototype.final = gcmFinal;
  Cipheriv.prototype.setAutoPadding = gcmSetAutoPadding;
  Cipheriv.prototype.getAuthTag = function getAuthTag() {
    const state = this[kState];
    if (!state.done || state.tag === undefined) throw ERR_CRYPTO_INVALID_STATE('getAuthTag');
    return Buffer.from(state.tag);
  };
  Cipheriv.prototype.setAAD = gcmSetAAD;

  function Decipheriv(cipher, key, iv, options) {
    if (!(this instanceof Decipheriv)) return new Decipheriv(cipher, key, iv, options);
    initGcm(this, cipher, key, iv, options, true);
  }
  Decipheriv.prototype.update = gcmUpdate;
  Decipheriv.prototype.final = gcmFinal;
  Decipheriv.prototype.setAutoPadding = gcmSetAutoPadding;
  Decipheriv.prototype.setAuthTag = function setAuthTag(tagbuf, encoding) {
    const tag = bytesOf(getArrayBufferOrView(tagbuf, 'buffer', encoding)).slice();
    const state = this[kState];
    if (state.done || state.tag !== undefined) throw ERR_CRYPTO_INVALID_STATE('setAuthTag');
    if (!validTagLength(tag.byteLength) || (state.authTagLength !== -1 && state.authTagLength !== tag.byteLength)) {
      throw cppError(TypeError, 'ERR_CRYPTO_INVALID_AUTH_TAG', 'Invalid authentication tag length: ' + tag.byteLength);
    }
    state.tag = tag;
    return this;
  };
  Decipheriv.prototype.setAAD = gcmSetAAD;

  function createCipheriv(cipher, key, iv, options) {
    return new Cipheriv(cipher, key, iv, options);
  }
  function createDecipheriv(cipher, key, iv, options) {
    return new Decipheriv(cipher, key, iv, options);
  }

  function getCipherInfo(nameOrNid, options) {
    if (typeof nameOrNid !== 'string' && typeof nameOrNid !== 'number') {
      throw ERR_INVALID_ARG_TYPE('nameOrNid', ['string', 'number'], nameOrNid);
    }
    if (typeof nameOrNid === 'number') validateInt32(nameOrNid, 'nameOrNid');
    let keyLength;
    let ivLength;
    if (options !== undefined) {
      validateObject(options, 'options');
      ({ keyLength, ivLength } = options);
      if (keyLength !== undefined) validateInt32(keyLength, 'options.keyLength');
      if (ivLength !== undefined) validateInt32(ivLength, 'options.ivLength');
    }
    let bytes;
    if (typeof nameOrNid === 'string') bytes = GCM_CIPHERS[nameOrNid.toLowerCase()];
    else bytes = Object.keys(GCM_NIDS).map(Number).find((size) => GCM_NIDS[size] === nameOrNid);
    if (bytes === undefined) return undefined;
    if (keyLength !== undefined && keyLength !== bytes) return undefined;
    if (ivLength !== undefined && ivLength < 1) return undefined;
    return {
      mode: 'gcm',
      name: 'id-aes' + bytes * 8 + '-gcm',
      nid: GCM_NIDS[bytes],
      blockSize: 1,
      ivLength: ivLength === undefined ? 12 : ivLength,
      keyLength: bytes,
    };
  }

  // ------------------------------------------------------------------ what actionbox lacks

  function lacking(name, instead) {
    const fn = function () {
      throw nodeError(Error, 'ERR_ACTIONBOX_UNAVAILABLE', 'crypto.' + name + ' is not available in actionbox yet' + (instead ? ': ' + instead : ''));
    };
    Object.defineProperty(fn, 'name', { value: name });
    return fn;
  }
  const USE_GCM = 'use crypto.subtle.encrypt with AES-GCM';
  const USE_SIGN = 'use crypto.sign and crypto.verify';

  // Node's crypto constants.
  const constants = {
    OPENSSL_VERSION_NUMBER: 805306672,
    SSL_OP_ALL: 2147485776,
    SSL_OP_ALLOW_NO_DHE_KEX: 1024,
    SSL_OP_ALLOW_UNSAFE_LEGACY_RENEGOTIATION: 262144,
    SSL_OP_CIPHER_SERVER_PREFERENCE: 4194304,
    SSL_OP_CISCO_ANYCONNECT: 32768,
    SSL_OP_COOKIE_EXCHANGE: 8192,
    SSL_OP_CRYPTOPRO_TLSEXT_BUG: 2147483648,
    SSL_OP_DONT_INSERT_EMPTY_FRAGMENTS: 2048,
    SSL_OP_LEGACY_SERVER_CONNECT: 4,
    SSL_OP_NO_COMPRESSION: 131072,
    SSL_OP_NO_ENCRYPT_THEN_MAC: 524288,
    SSL_OP_NO_QUERY_MTU: 4096,
    SSL_OP_NO_RENEGOTIATION: 1073741824,
    SSL_OP_NO_SESSION_RESUMPTION_ON_RENEGOTIATION: 65536,
    SSL_OP_NO_SSLv2: 0,
    SSL_OP_NO_SSLv3: 33554432,
    SSL_OP_NO_TICKET: 16384,
    SSL_OP_NO_TLSv1: 67108864,
    SSL_OP_NO_TLSv1_1: 268435456,
    SSL_OP_NO_TLSv1_2: 134217728,
    SSL_OP_NO_TLSv1_3: 536870912,
    SSL_OP_PRIORITIZE_CHACHA: 2097152,
    SSL_OP_TLS_ROLLBACK_BUG: 8388608,
    ENGINE_METHOD_RSA: 1,
    ENGINE_METHOD_DSA: 2,
    ENGINE_METHOD_DH: 4,
    ENGINE_METHOD_RAND: 8,
    ENGINE_METHOD_EC: 2048,
    ENGINE_METHOD_CIPHERS: 64,
    ENGINE_METHOD_DIGESTS: 128,
    ENGINE_METHOD_PKEY_METHS: 512,
    ENGINE_METHOD_PKEY_ASN1_METHS: 1024,
    ENGINE_METHOD_ALL: 65535,
    ENGINE_METHOD_NONE: 0,
    DH_CHECK_P_NOT_SAFE_PRIME: 2,
    DH_CHECK_P_NOT_PRIME: 1,
    DH_UNABLE_TO_CHECK_GENERATOR: 4,
    DH_NOT_SUITABLE_GENERATOR: 8,
    RSA_PKCS1_PADDING: 1,
    RSA_NO_PADDING: 3,
    RSA_PKCS1_OAEP_PADDING: 4,
    RSA_X931_PADDING: 5,
    RSA_PKCS1_PSS_PADDING: 6,
    RSA_PSS_SALTLEN_DIGEST: -1,
    RSA_PSS_SALTLEN_MAX_SIGN: -2,
    RSA_PSS_SALTLEN_AUTO: -2,
    defaultCoreCipherList: 'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256:ECDHE-RSA-AES128-GCM-SHA256:' +
      'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-AES256-GCM-SHA384:DHE-RSA-AES128-GCM-SHA256:' +
      'ECDHE-RSA-AES128-SHA256:DHE-RSA-AES128-SHA256:ECDHE-RSA-AES256-SHA384:DHE-RSA-AES256-SHA384:ECDHE-RSA-AES256-SHA256:' +
      'DHE-RSA-AES256-SHA256:HIGH:!aNULL:!eNULL:!EXPORT:!DES:!RC4:!MD5:!PSK:!SRP:!CAMELLIA',
    TLS1_VERSION: 769,
    TLS1_1_VERSION: 770,
    TLS1_2_VERSION: 771,
    TLS1_3_VERSION: 772,
    POINT_CONVERSION_COMPRESSED: 2,
    POINT_CONVERSION_UNCOMPRESSED: 4,
    POINT_CONVERSION_HYBRID: 6,
  };
  constants.defaultCipherList = constants.defaultCoreCipherList;

  function lackingClass(name, instead) {
    const make = lacking(name, instead);
    const Class = function () {
      make();
    };
    Object.defineProperty(Class, 'name', { value: name });
    return Class;
  }

  const Certificate = {
    exportChallenge: lacking('Certificate.exportChallenge'),
    exportPublicKey: lacking('Certificate.exportPublicKey'),
    verifySpkac: lacking('Certificate.verifySpkac'),
  };

  module.exports = {
    checkPrime: lacking('checkPrime'),
    checkPrimeSync: lacking('checkPrimeSync'),
    createCipheriv,
    createDecipheriv,
    createDiffieHellman: lacking('createDiffieHellman'),
    createDiffieHellmanGroup: lacking('createDiffieHellmanGroup'),
    createECDH: lacking('createECDH'),
    createHash,
    createHmac,
    createPrivateKey,
    createPublicKey,
    createSecretKey,
    createSign,
    createVerify,
    diffieHellman: lacking('diffieHellman'),
    generatePrime: lacking('generatePrime'),
    generatePrimeSync: lacking('generatePrimeSync'),
    getCiphers,
    getCipherInfo,
    getCurves,
    getDiffieHellman: lacking('getDiffieHellman'),
    getHashes,
    hkdf,
    hkdfSync,
    pbkdf2,
    pbkdf2Sync,
    generateKeyPair,
    generateKeyPairSync,
    generateKey,
    generateKeySync,
    privateDecrypt: lacking('privateDecrypt', USE_GCM),
    privateEncrypt: lacking('privateEncrypt', USE_SIGN),
    publicDecrypt: lacking('publicDecrypt', USE_SIGN),
    publicEncrypt: lacking('publicEncrypt', USE_GCM),
    randomBytes,
    randomFill,
    randomFillSync,
    randomInt,
    randomUUID,
    scrypt,
    scryptSync,
    sign: signOneShot,
    setEngine: lacking('setEngine'),
    timingSafeEqual,
    getFips: () => 0,
    setFips(value) {
      if (value) lacking('setFips')();
    },
    verify: verifyOneShot,
    hash,
    Certificate,
    Cipher: lackingClass('Cipher', 'use crypto.createCipheriv with AES-GCM'),
    Cipheriv,
    Decipher: lackingClass('Decipher', 'use crypto.createDecipheriv with AES-GCM'),
    Decipheriv,
    DiffieHellman: lackingClass('DiffieHellman'),
    DiffieHellmanGroup: lackingClass('DiffieHellmanGroup'),
    ECDH: lackingClass('ECDH'),
    Hash,
    Hmac,
    KeyObject,
    Sign,
    Verify,
    X509Certificate: lackingClass('X509Certificate'),
    secureHeapUsed: () => ({ total: 0, used: 0, utilization: 0, min: 0 }),
  };

  Object.defineProperties(module.exports, {
    createCipher: { value: lacking('createCipher', 'use crypto.createCipheriv with AES-GCM') },
    createDecipher: { value: lacking('createDecipher', 'use crypto.createDecipheriv with AES-GCM') },
    fips: { get: () => 0, set: module.exports.setFips },
    constants: { configurable: false, enumerable: true, value: constants },
    webcrypto: { configurable: false, enumerable: true, get: () => webcrypto.crypto, set: undefined },
    subtle: { configurable: false, enumerable: true, get: () => webcrypto.subtle, set: undefined },
    getRandomValues: { configurable: false, enumerable: true, get: () => getRandomValues, set: undefined },
    prng: { value: randomBytes, writable: true, configurable: true },
    pseudoRandomBytes: { value: randomBytes, writable: true, configurable: true },
    rng: { value: randomBytes, writable: true, configurable: true },
  });
})
