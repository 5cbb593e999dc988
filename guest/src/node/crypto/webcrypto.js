// The Web Crypto API (`globalThis.crypto`, `require('crypto').webcrypto`): `Crypto`
// (random values, UUIDs, `subtle`), `CryptoKey`, and `SubtleCrypto` with digests, HMAC,
// RSASSA-PKCS1-v1_5, RSA-PSS, ECDSA (P-256/384/521), Ed25519, AES-GCM, PBKDF2 and HKDF,
// converting arguments and failing as Node 20 does. Keys live in the host: a key's
// description here holds its host handle (secret keys also keep their bytes, so HMAC and
// the KDFs need no handle). `internals` is the key plumbing `crypto.js` shares.
(function (module, require, natives) {
  'use strict';

  const { codes, nodeError } = require('internal/errors');
  let BufferClass = null;
  const getBuffer = () => BufferClass || (BufferClass = require('buffer').Buffer);

  const typedArrayTag = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag).get;
  const isArrayBufferView = ArrayBuffer.isView;
  const isArrayBuffer = (value) => value !== null && typeof value === 'object' && ArrayBuffer.prototype.isPrototypeOf(value);
  const isShared = (value) => typeof SharedArrayBuffer === 'function' && SharedArrayBuffer.prototype.isPrototypeOf(value);
  const CRYPTO_KEY_BRAND = Symbol.for('actionbox.cryptoKey');
  const GENERIC_FAILURE = 'The operation failed for an operation-specific reason';

  // The platform's DOMException (the global fetch.js installs), as it was when this
  // module was first required.
  const DOMExceptionClass = globalThis.DOMException;
  const domError = (message, name) => new (DOMExceptionClass || globalThis.DOMException)(message, name);

  // ------------------------------------------------------------------ bytes

  // The bytes of an ArrayBuffer or any view, as a Uint8Array over the same memory.
  function bytesOf(source) {
    if (isArrayBufferView(source)) {
      if (typedArrayTag.call(source) === 'Uint8Array') return source;
      return new Uint8Array(source.buffer, source.byteOffset, source.byteLength);
    }
    return new Uint8Array(source);
  }
  // A copy of them.
  const copyOf = (source) => new Uint8Array(bytesOf(source));
  // A Uint8Array's bytes as a fresh ArrayBuffer.
  function arrayBufferOf(bytes) {
    if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) return bytes.buffer;
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  }
  const EMPTY = new Uint8Array(0);

  function concatBytes(chunks, total) {
    if (chunks.length === 1 && chunks[0].byteLength === total) return chunks[0];
    const out = new Uint8Array(total);
    let at = 0;
    for (let i = 0; i < chunks.length; i++) {
      out.set(chunks[i], at);
      at += chunks[i].byteLength;
    }
    return out;
  }

  function base64urlEncode(bytes) {
    const Buffer = getBuffer();
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64url');
  }
  // Lenient, as OpenSSL reads JWK members: base64 or base64url, padded or not.
  function base64Decode(text) {
    const buffer = getBuffer().from(text, 'base64');
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  }
  // A string naming exactly these bytes (for the caches).
  function bytesKey(bytes) {
    const Buffer = getBuffer();
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  }

  // Cryptographically strong random bytes into any view, 64 KiB per native call.
  function fillRandom(view) {
    const bytes = bytesOf(view);
    const length = bytes.byteLength;
    if (length <= 65536) {
      if (length > 0) natives.randomFill(bytes);
      return;
    }
    for (let at = 0; at < length; at += 65536) {
      natives.randomFill(new Uint8Array(bytes.buffer, bytes.byteOffset + at, Math.min(65536, length - at)));
    }
  }
  function randomBytes(length) {
    const bytes = new Uint8Array(length);
    fillRandom(bytes);
    return bytes;
  }

  // ------------------------------------------------------------------ keys

  // What the natives refused (`kind`), or undefined for any other error.
  const refusalKind = (error) => (error !== null && typeof error === 'object' && typeof error.kind === 'string' ? error.kind : undefined);

  // A key: its kind, its type, its size, and its host handle. Secret keys keep their bytes
  // and get a handle only when an operation needs one (AES-GCM).
  class KeySlot {
    constructor(info, secret) {
      this.type = info.type;
      this.keyType = info.keyType;
      this.bits = info.bits;
      this.publicExponent = info.publicExponent;
      this.curve = info.curve;
      this.handle = info.handle;
      this.secret = secret;
      this.keyObject = undefined;
      this.details = undefined;
    }
  }

  function secretSlot(bytes) {
    const copy = copyOf(bytes);
    return new KeySlot({ type: 'secret', keyType: 'secret', bits: copy.byteLength * 8, handle: undefined }, copy);
  }
  const slotOfInfo = (info) => new KeySlot(info, undefined);

  // Imports are cached by their material, so the same key imported again (a PEM string
  // verified in a loop) takes no new host key.
  const importCache = new Map();
  const publicCache = new Map();
  function importInfo(material, cacheKey) {
    if (cacheKey !== undefined) {
      const hit = importCache.get(cacheKey);
      if (hit !== undefined) return hit;
    }
    const info = natives.importKey(material);
    if (cacheKey !== undefined) importCache.set(cacheKey, info);
    return info;
  }
  // The host handle of a key (a secret key's first use imports it).
  function handleOf(slot) {
    if (slot.handle === undefined) {
      slot.handle = importInfo({ format: 'secret', data: slot.secret }, 'secret\0' + bytesKey(slot.secret)).handle;
    }
    return slot.handle;
  }
  // The public key of a private key.
  function publicSlotOf(slot) {
    let info = publicCache.get(slot.handle);
    if (info === undefined) {
      info = natives.publicKey(slot.handle);
      publicCache.set(slot.handle, info);
    }
    return slotOfInfo(info);
  }
  // A JWK's members, as the natives take them (already decoded).
  function exportComponents(slot) {
    if (slot.type === 'secret') return { kty: 'oct', k: slot.secret };
    return natives.exportKey(slot.handle, 'jwk');
  }
  // The big-endian bytes of an RSA public exponent, without leading zeros.
  function exponentBytes(slot) {
    const bytes = slot.publicExponent || EMPTY;
    let start = 0;
    while (start < bytes.length - 1 && bytes[start] === 0) start++;
    return bytes.slice(start);
  }

  // A JWK object from natives' members, in the order Node's exports have them.
  function jwkOf(components, into) {
    const out = into || {};
    const put = (name) => {
      if (components[name] !== undefined && components[name] !== null) out[name] = base64urlEncode(components[name]);
    };
    switch (components.kty) {
      case 'RSA':
        out.kty = 'RSA';
        put('n');
        put('e');
        for (const name of ['d', 'p', 'q', 'dp', 'dq', 'qi']) put(name);
        break;
      case 'EC':
        out.kty = 'EC';
        put('x');
        put('y');
        out.crv = components.crv;
        put('d');
        break;
      case 'OKP':
        out.crv = components.crv;
        put('d');
        put('x');
        out.kty = 'OKP';
        break;
      default:
        out.kty = 'oct';
        put('k');
    }
    return out;
  }

  const sameBytes = (a, b) => {
    if (a.byteLength !== b.byteLength) return false;
    let diff = 0;
    for (let i = 0; i < a.byteLength; i++) diff |= a[i] ^ b[i];
    return diff === 0;
  };

  // ------------------------------------------------------------------ WebIDL conversions

  function idlError(message, opts, code) {
    const prefix = opts.prefix ? opts.prefix + ': ' : '';
    const context = opts.context === '' ? '' : (opts.context === undefined ? 'Value' : opts.context) + ' ';
    const error = new TypeError(prefix + context + message);
    error.code = code || 'ERR_INVALID_ARG_TYPE';
    return error;
  }

  function requiredArguments(length, required, prefix) {
    if (length < required) {
      throw idlError(
        required + ' argument' + (required === 1 ? '' : 's') + ' required, but only ' + length + ' present.',
        { prefix, context: '' },
        'ERR_MISSING_ARGS',
      );
    }
  }

  function idlType(value) {
    if (value === null) return 'Null';
    const type = typeof value;
    if (type === 'object' || type === 'function') return 'Object';
    return type;
  }

  function toNumber(value, opts) {
    switch (typeof value) {
      case 'number':
        return value;
      case 'bigint':
        throw idlError('is a BigInt and cannot be converted to a number.', opts);
      case 'symbol':
        throw idlError('is a Symbol and cannot be converted to a number.', opts);
      default:
        return Number(value);
    }
  }

  function integerConverter(bitLength) {
    const upper = 2 ** bitLength - 1;
    const modulus = 2 ** bitLength;
    return (value, opts, enforceRange) => {
      let x = toNumber(value, opts);
      if (enforceRange) {
        if (!Number.isFinite(x)) throw idlError('is not a finite number.', opts);
        x = Math.trunc(x);
        if (x < 0 || x > upper) {
          throw idlError('is outside the expected range of 0 to ' + upper + '.', opts, 'ERR_OUT_OF_RANGE');
        }
        return x;
      }
      if (!Number.isFinite(x) || x === 0) return 0;
      x = Math.trunc(x);
      if (x >= 0 && x <= upper) return x;
      return x % modulus;
    };
  }
  const toOctet = integerConverter(8);
  const toUnsignedShort = integerConverter(16);
  const toUnsignedLong = integerConverter(32);
  const enforced = (convert) => (value, opts) => convert(value, opts, true);

  function toDOMString(value, opts) {
    if (typeof value === 'string') return value;
    if (typeof value === 'symbol') throw idlError('is a Symbol and cannot be converted to a string.', opts);
    return String(value);
  }
  const toBoolean = (value) => !!value;

  function toObject(value, opts) {
    if (idlType(value) !== 'Object') throw idlError('is not an object.', opts);
    return value;
  }

  function toBufferSource(value, opts) {
    if (isArrayBufferView(value)) {
      if (isShared(value.buffer)) throw idlError('is a view on a SharedArrayBuffer, which is not allowed.', opts);
      return value;
    }
    if (!isArrayBuffer(value)) {
      throw idlError('is not instance of ArrayBuffer, Buffer, TypedArray, or DataView.', opts);
    }
    return value;
  }

  function toUint8Array(value, opts) {
    if (!isArrayBufferView(value) || typedArrayTag.call(value) !== 'Uint8Array') {
      throw idlError('is not an Uint8Array object.', opts);
    }
    if (isShared(value.buffer)) throw idlError('is a view on a SharedArrayBuffer, which is not allowed.', opts);
    return value;
  }

  function sequenceConverter(convert) {
    return (value, opts) => {
      if (idlType(value) !== 'Object') throw idlError('can not be converted to sequence.', opts);
      const method = value[Symbol.iterator];
      const iterator = method === undefined || method === null ? undefined : method.call(value);
      if (iterator === undefined) throw idlError('can not be converted to sequence.', opts);
      const out = [];
      for (;;) {
        const next = iterator === null || iterator.next === undefined || iterator.next === null ? undefined : iterator.next();
        if (next === undefined) throw idlError('can not be converted to sequence.', opts);
        if (next.done === true) break;
        out.push(convert(next.value, { prefix: opts.prefix, context: opts.context + ', index ' + out.length }));
      }
      return out;
    };
  }

  function enumConverter(name, values) {
    const allowed = new Set(values);
    return (value, opts) => {
      const text = String(value);
      if (!allowed.has(text)) {
        throw idlError("value '" + text + "' is not a valid enum value of type " + name + '.', opts, 'ERR_INVALID_ARG_VALUE');
      }
      return text;
    };
  }

  function dictionaryConverter(name, members) {
    const sorted = members.slice().sort((a, b) => (a.key === b.key ? 0 : a.key < b.key ? -1 : 1));
    const hasRequired = members.some((member) => member.required);
    return (value, opts) => {
      const type = idlType(value);
      if (type !== 'undefined' && type !== 'Null' && type !== 'Object') {
        throw idlError('can not be converted to a dictionary', opts);
      }
      const out = {};
      if (value == null && !hasRequired) return out;
      for (const member of sorted) {
        const memberValue = value == null ? undefined : value[member.key];
        if (memberValue !== undefined) {
          // The context is spelled out only if an error needs it.
          const parent = opts;
          const memberOpts = {
            prefix: parent.prefix,
            get context() {
              return "'" + member.key + "' of '" + name + "'" + (parent.context ? ' (' + parent.context + ')' : '');
            },
          };
          out[member.key] = member.convert(memberValue, memberOpts);
        } else if (member.required) {
          throw idlError(
            "can not be converted to '" + name + "' because '" + member.key + "' is required in '" + name + "'.",
            opts,
            'ERR_MISSING_OPTION',
          );
        }
      }
      return out;
    };
  }

  const toAlgorithmIdentifier = (value, opts) => (idlType(value) === 'Object' ? toObject(value, opts) : toDOMString(value, opts));
  const toKeyFormat = enumConverter('KeyFormat', ['raw', 'pkcs8', 'spki', 'jwk']);
  const toKeyUsage = enumConverter('KeyUsage', [
    'encrypt', 'decrypt', 'sign', 'verify', 'deriveKey', 'deriveBits', 'wrapKey', 'unwrapKey',
  ]);
  const toKeyUsages = sequenceConverter(toKeyUsage);

  const member = (key, convert, required) => ({ key, convert, required: !!required });
  const nameMember = member('name', toDOMString, true);
  const hashMember = member('hash', toAlgorithmIdentifier, true);
  const dictionaries = {
    Algorithm: dictionaryConverter('Algorithm', [nameMember]),
    RsaHashedKeyGenParams: dictionaryConverter('RsaHashedKeyGenParams', [
      nameMember,
      member('modulusLength', enforced(toUnsignedLong), true),
      member('publicExponent', toUint8Array, true),
      hashMember,
    ]),
    RsaHashedImportParams: dictionaryConverter('RsaHashedImportParams', [nameMember, hashMember]),
    EcKeyImportParams: dictionaryConverter('EcKeyImportParams', [nameMember, member('namedCurve', toDOMString, true)]),
    EcKeyGenParams: dictionaryConverter('EcKeyGenParams', [nameMember, member('namedCurve', toDOMString, true)]),
    AesKeyGenParams: dictionaryConverter('AesKeyGenParams', [nameMember, member('length', enforced(toUnsignedShort), true)]),
    HmacKeyGenParams: dictionaryConverter('HmacKeyGenParams', [nameMember, hashMember, member('length', enforced(toUnsignedLong))]),
    RsaPssParams: dictionaryConverter('RsaPssParams', [nameMember, member('saltLength', enforced(toUnsignedLong), true)]),
    EcdsaParams: dictionaryConverter('EcdsaParams', [nameMember, hashMember]),
    HmacImportParams: dictionaryConverter('HmacImportParams', [nameMember, hashMember, member('length', enforced(toUnsignedLong))]),
    HkdfParams: dictionaryConverter('HkdfParams', [
      nameMember,
      hashMember,
      member('salt', toBufferSource, true),
      member('info', toBufferSource, true),
    ]),
    Pbkdf2Params: dictionaryConverter('Pbkdf2Params', [
      nameMember,
      hashMember,
      member('iterations', enforced(toUnsignedLong), true),
      member('salt', toBufferSource, true),
    ]),
    AesDerivedKeyParams: dictionaryConverter('AesDerivedKeyParams', [nameMember, member('length', enforced(toUnsignedShort), true)]),
    AesGcmParams: dictionaryConverter('AesGcmParams', [
      nameMember,
      member('iv', toBufferSource, true),
      member('tagLength', enforced(toOctet)),
      member('additionalData', toBufferSource),
    ]),
  };
  const stringMember = (key) => member(key, toDOMString);
  const toOtherPrimes = sequenceConverter(
    dictionaryConverter('RsaOtherPrimesInfo', [stringMember('r'), stringMember('d'), stringMember('t')]),
  );
  const toJsonWebKey = dictionaryConverter('JsonWebKey', [
    stringMember('kty'),
    stringMember('use'),
    member('key_ops', sequenceConverter(toDOMString)),
    stringMember('alg'),
    member('ext', toBoolean),
    stringMember('crv'),
    stringMember('x'),
    stringMember('y'),
    stringMember('d'),
    stringMember('n'),
    stringMember('e'),
    stringMember('p'),
    stringMember('q'),
    stringMember('dp'),
    stringMember('dq'),
    stringMember('qi'),
    member('oth', toOtherPrimes),
    stringMember('k'),
  ]);

  // ------------------------------------------------------------------ algorithms

  // What each operation takes: the algorithm's parameter dictionary, or null for none.
  const SUPPORTED = {
    digest: { 'SHA-1': null, 'SHA-256': null, 'SHA-384': null, 'SHA-512': null },
    generateKey: {
      'RSASSA-PKCS1-v1_5': 'RsaHashedKeyGenParams',
      'RSA-PSS': 'RsaHashedKeyGenParams',
      ECDSA: 'EcKeyGenParams',
      'AES-GCM': 'AesKeyGenParams',
      HMAC: 'HmacKeyGenParams',
      Ed25519: null,
    },
    sign: { 'RSASSA-PKCS1-v1_5': null, 'RSA-PSS': 'RsaPssParams', ECDSA: 'EcdsaParams', HMAC: null, Ed25519: null },
    verify: { 'RSASSA-PKCS1-v1_5': null, 'RSA-PSS': 'RsaPssParams', ECDSA: 'EcdsaParams', HMAC: null, Ed25519: null },
    importKey: {
      'RSASSA-PKCS1-v1_5': 'RsaHashedImportParams',
      'RSA-PSS': 'RsaHashedImportParams',
      ECDSA: 'EcKeyImportParams',
      HMAC: 'HmacImportParams',
      HKDF: null,
      PBKDF2: null,
      'AES-GCM': null,
      Ed25519: null,
    },
    deriveBits: { HKDF: 'HkdfParams', PBKDF2: 'Pbkdf2Params' },
    encrypt: { 'AES-GCM': 'AesGcmParams' },
    decrypt: { 'AES-GCM': 'AesGcmParams' },
    'get key length': { 'AES-GCM': 'AesDerivedKeyParams', HMAC: 'HmacImportParams', HKDF: null, PBKDF2: null },
    wrapKey: {},
    unwrapKey: {},
  };
  // Algorithms Node has for an operation and actionbox does not (yet).
  const ELSEWHERE = {
    generateKey: ['RSA-OAEP', 'ECDH', 'AES-CTR', 'AES-CBC', 'AES-KW', 'X25519', 'X448', 'Ed448'],
    sign: ['Ed448'],
    verify: ['Ed448'],
    importKey: ['RSA-OAEP', 'ECDH', 'AES-CTR', 'AES-CBC', 'AES-KW', 'X25519', 'X448', 'Ed448'],
    deriveBits: ['ECDH', 'X25519', 'X448'],
    encrypt: ['RSA-OAEP', 'AES-CBC', 'AES-CTR'],
    decrypt: ['RSA-OAEP', 'AES-CBC', 'AES-CTR'],
    'get key length': ['AES-CBC', 'AES-CTR', 'AES-KW'],
    wrapKey: ['AES-KW'],
    unwrapKey: ['AES-KW'],
  };
  // The members of each dictionary normalization rewrites: buffers are copied, hashes
  // normalized in turn.
  const NORMALIZED_MEMBERS = {
    AesGcmParams: { iv: 'BufferSource', additionalData: 'BufferSource' },
    RsaHashedKeyGenParams: { hash: 'Hash' },
    HmacKeyGenParams: { hash: 'Hash' },
    EcdsaParams: { hash: 'Hash' },
    HmacImportParams: { hash: 'Hash' },
    HkdfParams: { hash: 'Hash', salt: 'BufferSource', info: 'BufferSource' },
    Pbkdf2Params: { hash: 'Hash', salt: 'BufferSource' },
    RsaHashedImportParams: { hash: 'Hash' },
  };
  const NORMALIZE_OPTS = { prefix: 'Failed to normalize algorithm', context: 'passed algorithm' };

  // Each operation's registered names by their upper case, made when first needed.
  const registeredByUpper = new Map();
  function registeredName(op, upper) {
    let names = registeredByUpper.get(op);
    if (names === undefined) {
      names = new Map();
      for (const key of Object.keys(SUPPORTED[op])) names.set(key.toUpperCase(), key);
      registeredByUpper.set(op, names);
    }
    return names.get(upper);
  }

  function normalizeAlgorithm(algorithm, op) {
    if (typeof algorithm === 'string') {
      // A name alone, of an algorithm that takes no parameters: nothing to convert.
      const key = registeredName(op, algorithm.toUpperCase());
      if (key !== undefined && SUPPORTED[op][key] === null) return { name: key };
      return normalizeAlgorithm({ name: algorithm }, op);
    }
    const registered = SUPPORTED[op];
    let name = dictionaries.Algorithm(algorithm, NORMALIZE_OPTS).name;
    const key = registeredName(op, name.toUpperCase());
    let desired;
    if (key !== undefined) {
      name = key;
      desired = registered[key];
    }
    if (desired === undefined) {
      const upper = name.toUpperCase();
      const elsewhere = ELSEWHERE[op] && ELSEWHERE[op].find((key) => key.toUpperCase() === upper);
      if (elsewhere !== undefined) {
        throw domError(elsewhere + ' is not available in actionbox yet', 'NotSupportedError');
      }
      throw domError('Unrecognized algorithm name', 'NotSupportedError');
    }
    if (desired === null) return { name };
    const normalized = dictionaries[desired](algorithm, NORMALIZE_OPTS);
    normalized.name = name;
    const rewrites = NORMALIZED_MEMBERS[desired];
    if (rewrites !== undefined) {
      for (const key of Object.keys(rewrites)) {
        const value = normalized[key];
        if (rewrites[key] === 'BufferSource') {
          if (value) normalized[key] = copyOf(value);
        } else {
          normalized[key] = normalizeAlgorithm(value, 'digest');
        }
      }
    }
    return normalized;
  }

  // WebCrypto's hash names, as the natives name them.
  const HASHES = {
    'SHA-1': { native: 'sha1', bytes: 20, block: 512, jwk: '1' },
    'SHA-256': { native: 'sha256', bytes: 32, block: 512, jwk: '256' },
    'SHA-384': { native: 'sha384', bytes: 48, block: 1024, jwk: '384' },
    'SHA-512': { native: 'sha512', bytes: 64, block: 1024, jwk: '512' },
  };
  // The WebCrypto hash a JWK "alg" names, as Node reads it (any of its contexts).
  function hashOfJwkAlg(alg) {
    const lower = alg.toLowerCase();
    for (const name of Object.keys(HASHES)) {
      const bits = HASHES[name].jwk;
      const aliases = ['sha' + bits, name.toLowerCase(), 'rs' + bits, 'ps' + bits, 'hs' + bits];
      aliases.push(bits === '1' ? 'rsa-oaep' : 'rsa-oaep-' + bits);
      if (aliases.includes(lower)) return name;
    }
    return lower;
  }

  const CURVES = { 'P-256': true, 'P-384': true, 'P-521': true };

  // ------------------------------------------------------------------ CryptoKey

  const kToken = Symbol('CryptoKey');
  let cryptoKeyParts;

  class CryptoKey {
    #key;
    #algorithm;
    #usages;
    #extractable;
    constructor(token, key, algorithm, usages, extractable) {
      if (token !== kToken) throw codes.ERR_ILLEGAL_CONSTRUCTOR();
      this.#key = key;
      this.#algorithm = algorithm;
      this.#usages = usages;
      this.#extractable = extractable;
      Object.defineProperty(this, CRYPTO_KEY_BRAND, { value: true });
    }

    get type() {
      if (!(this instanceof CryptoKey)) throw codes.ERR_INVALID_THIS('CryptoKey');
      return #key in this ? this.#key.type : undefined;
    }

    get extractable() {
      if (!(this instanceof CryptoKey)) throw codes.ERR_INVALID_THIS('CryptoKey');
      return #key in this ? this.#extractable : undefined;
    }

    get algorithm() {
      if (!(this instanceof CryptoKey)) throw codes.ERR_INVALID_THIS('CryptoKey');
      return #key in this ? this.#algorithm : undefined;
    }

    get usages() {
      if (!(this instanceof CryptoKey)) throw codes.ERR_INVALID_THIS('CryptoKey');
      return #key in this ? this.#usages : undefined;
    }

    [Symbol.for('nodejs.util.inspect.custom')](depth, options) {
      if (depth < 0) return this;
      const opts = Object.assign({}, options, { depth: options.depth == null ? null : options.depth - 1 });
      const shown = { type: this.type, extractable: this.extractable, algorithm: this.algorithm, usages: this.usages };
      return 'CryptoKey ' + require('internal/inspect').inspect(shown, opts);
    }

    static {
      cryptoKeyParts = (value) => {
        if (value === null || typeof value !== 'object' || !(#key in value)) return undefined;
        return { key: value.#key, algorithm: value.#algorithm, usages: value.#usages, extractable: value.#extractable };
      };
    }
  }
  for (const name of ['type', 'extractable', 'algorithm', 'usages']) {
    Object.defineProperty(CryptoKey.prototype, name, { enumerable: true });
  }
  Object.defineProperty(CryptoKey.prototype, Symbol.toStringTag, { value: 'CryptoKey', configurable: true });

  const newCryptoKey = (key, algorithm, usages, extractable) => new CryptoKey(kToken, key, algorithm, usages, extractable);

  // The parts of a CryptoKey argument (converted as WebIDL's `CryptoKey`).
  function cryptoKeyArgument(value, prefix, context) {
    if (value === null || typeof value !== 'object' || !CryptoKey.prototype.isPrototypeOf(value)) {
      throw idlError('is not of type CryptoKey.', { prefix, context });
    }
    const parts = cryptoKeyParts(value);
    if (parts === undefined) throw new TypeError('The CryptoKey was not made by SubtleCrypto');
    return parts;
  }

  // ------------------------------------------------------------------ helpers

  function hasAnyNotIn(usages, allowed) {
    for (const usage of usages) if (!allowed.includes(usage)) return true;
    return false;
  }
  const usagesUnion = (set, ...wanted) => wanted.filter((usage) => set.has(usage));

  const KEY_OPS = ['sign', 'verify', 'encrypt', 'decrypt', 'wrapKey', 'unwrapKey', 'deriveKey', 'deriveBits'];
  function validateKeyOps(keyOps, usages) {
    if (keyOps === undefined) return;
    const seen = new Set();
    for (const op of keyOps) {
      if (!KEY_OPS.includes(op)) continue;
      if (seen.has(op)) throw domError('Duplicate key operation', 'DataError');
      seen.add(op);
    }
    for (const usage of usages) {
      if (!keyOps.includes(usage)) throw domError('Key operations and usage mismatch', 'DataError');
    }
  }

  function checkJwkCommon(jwk, set, extractable, use) {
    if (set.size > 0 && jwk.use !== undefined && jwk.use !== use) {
      throw domError('Invalid JWK "use" Parameter', 'DataError');
    }
    validateKeyOps(jwk.key_ops, set);
    if (jwk.ext === false && extractable === true) {
      throw domError('JWK "ext" Parameter and extractable mismatch', 'DataError');
    }
  }

  // A failure of the host, as WebCrypto reports it: the limits and what actionbox lacks
  // say so; anything else is the spec's generic failure.
  function operationError(error) {
    const kind = refusalKind(error);
    if (kind === undefined) return domError(GENERIC_FAILURE, 'OperationError');
    if (kind === 'too-many-keys' || kind === 'too-large') return domError('actionbox: ' + error.message, 'QuotaExceededError');
    if (kind === 'unsupported') return domError(error.message + ' is not available in actionbox yet', 'NotSupportedError');
    return domError(GENERIC_FAILURE, 'OperationError');
  }
  function importError(error) {
    const kind = refusalKind(error);
    if (kind === 'too-many-keys' || kind === 'too-large' || kind === 'unsupported') return operationError(error);
    return domError('Invalid keyData', 'DataError');
  }
  // Runs `fn`, reporting any failure as `wrap` makes it.
  function guarded(fn, wrap) {
    try {
      return fn();
    } catch (error) {
      throw wrap(error);
    }
  }

  // A native import for WebCrypto: an invalid key is a `DataError`.
  const importForWeb = (material, cacheKey) =>
    slotOfInfo(guarded(() => importInfo(material, cacheKey === undefined ? materialKey(material) : cacheKey), importError));

  // The cache's name for a key's material (its format and every member's bytes).
  function materialKey(material) {
    let key = material.format;
    for (const name of Object.keys(material)) {
      const value = material[name];
      key += '\0' + name + '=' + (typeof value === 'string' ? value : bytesKey(value));
    }
    return key;
  }

  // ------------------------------------------------------------------ import

  function importSecretJwk(jwk) {
    if (typeof jwk.k !== 'string') throw domError('Invalid keyData', 'DataError');
    return base64Decode(jwk.k);
  }

  function hmacImportKey(format, keyData, algorithm, extractable, usages) {
    const set = new Set(usages);
    if (hasAnyNotIn(set, ['sign', 'verify'])) throw domError('Unsupported key usage for an HMAC key', 'SyntaxError');
    let bytes;
    switch (format) {
      case 'raw': {
        const length = keyData.byteLength * 8;
        if (length === 0 || algorithm.length === 0) throw domError('Zero-length key is not supported', 'DataError');
        if (algorithm.length !== undefined && algorithm.length !== length) throw domError('Invalid key length', 'DataError');
        bytes = keyData;
        break;
      }
      case 'jwk': {
        if (!keyData.kty) throw domError('Invalid keyData', 'DataError');
        if (keyData.kty !== 'oct') throw domError('Invalid JWK "kty" Parameter', 'DataError');
        checkJwkCommon(keyData, set, extractable, 'sig');
        if (keyData.alg !== undefined && keyData.alg !== 'HS' + HASHES[algorithm.hash.name].jwk) {
          throw domError('JWK "alg" does not match the requested algorithm', 'DataError');
        }
        bytes = importSecretJwk(keyData);
        break;
      }
      default:
        throw domError('Unable to import HMAC key with format ' + format);
    }
    const key = secretSlot(bytes);
    return newCryptoKey(key, { name: 'HMAC', hash: algorithm.hash, length: key.bits }, usages, extractable);
  }

  function aesImportKey(algorithm, format, keyData, extractable, usages) {
    const set = new Set(usages);
    if (hasAnyNotIn(set, ['wrapKey', 'unwrapKey', 'encrypt', 'decrypt'])) {
      throw domError('Unsupported key usage for an AES key', 'SyntaxError');
    }
    const checkLength = (bits) => {
      if (bits !== 128 && bits !== 192 && bits !== 256) throw domError('Invalid key length', 'DataError');
    };
    let bytes;
    switch (format) {
      case 'raw':
        checkLength(keyData.byteLength * 8);
        bytes = keyData;
        break;
      case 'jwk': {
        if (!keyData.kty) throw domError('Invalid keyData', 'DataError');
        if (keyData.kty !== 'oct') throw domError('Invalid JWK "kty" Parameter', 'DataError');
        checkJwkCommon(keyData, set, extractable, 'enc');
        bytes = importSecretJwk(keyData);
        checkLength(bytes.byteLength * 8);
        if (keyData.alg !== undefined && keyData.alg !== 'A' + bytes.byteLength * 8 + 'GCM') {
          throw domError('JWK "alg" does not match the requested algorithm', 'DataError');
        }
        break;
      }
      default:
        throw domError('Unable to import AES key with format ' + format, 'NotSupportedError');
    }
    const key = secretSlot(bytes);
    return newCryptoKey(key, { name: algorithm.name, length: key.bits }, usages, extractable);
  }

  function genericSecretImportKey(algorithm, format, keyData, extractable, usages) {
    const name = algorithm.name;
    const set = new Set(usages);
    if (extractable) throw domError(name + ' keys are not extractable', 'SyntaxError');
    if (hasAnyNotIn(set, ['deriveKey', 'deriveBits'])) {
      throw domError('Unsupported key usage for a ' + name + ' key', 'SyntaxError');
    }
    if (format === 'raw') return newCryptoKey(secretSlot(keyData), { name }, usages, false);
    throw domError('Unable to import ' + name + ' key with format ' + format, 'NotSupportedError');
  }

  function checkAsymmetricUse(name, isPublic, set, article) {
    let allowed;
    switch (name) {
      case 'RSA-PSS':
      case 'RSASSA-PKCS1-v1_5':
      case 'ECDSA':
      case 'Ed25519':
        allowed = isPublic ? ['verify'] : ['sign'];
        break;
      default:
        throw domError('The algorithm is not supported', 'NotSupportedError');
    }
    if (hasAnyNotIn(set, allowed)) throw domError('Unsupported key usage for ' + article + ' ' + name + ' key', 'SyntaxError');
  }

  const derImport = (format, keyData) => importForWeb({ format, data: copyOf(keyData) }, format + '\0' + bytesKey(bytesOf(keyData)));

  function jwkMember(jwk, name) {
    if (typeof jwk[name] !== 'string') throw domError('Invalid keyData', 'DataError');
    return base64Decode(jwk[name]);
  }

  function rsaImportKey(format, keyData, algorithm, extractable, usages) {
    const name = algorithm.name;
    const set = new Set(usages);
    let key;
    switch (format) {
      case 'spki':
      case 'pkcs8':
        checkAsymmetricUse(name, format === 'spki', set, 'an');
        key = derImport(format, keyData);
        break;
      case 'jwk': {
        if (!keyData.kty) throw domError('Invalid keyData', 'DataError');
        if (keyData.kty !== 'RSA') throw domError('Invalid JWK "kty" Parameter', 'DataError');
        checkAsymmetricUse(name, keyData.d === undefined, set, 'an');
        checkJwkCommon(keyData, set, extractable, 'sig');
        if (keyData.alg !== undefined && hashOfJwkAlg(keyData.alg) !== algorithm.hash.name) {
          throw domError('JWK "alg" does not match the requested algorithm', 'DataError');
        }
        const material = { format: 'jwk', kty: 'RSA', n: jwkMember(keyData, 'n'), e: jwkMember(keyData, 'e') };
        if (keyData.d !== undefined) {
          for (const part of ['d', 'p', 'q', 'dp', 'dq', 'qi']) material[part] = jwkMember(keyData, part);
        }
        key = importForWeb(material, undefined);
        break;
      }
      default:
        throw domError('Unable to import RSA key with format ' + format, 'NotSupportedError');
    }
    if (key.keyType !== 'rsa') throw domError('Invalid key type', 'DataError');
    const keyAlgorithm = {
      name,
      modulusLength: key.bits,
      publicExponent: exponentBytes(key),
      hash: algorithm.hash,
    };
    return newCryptoKey(key, keyAlgorithm, usages, extractable);
  }

  // Whether a private key's public part is the JWK's (as OpenSSL's key check would say).
  function samePublicPart(key, jwk, members) {
    const components = guarded(() => exportComponents(key), importError);
    for (const name of members) {
      if (!sameBytes(components[name], base64Decode(jwk[name]))) return false;
    }
    return true;
  }

  function ecImportKey(format, keyData, algorithm, extractable, usages) {
    const { name, namedCurve } = algorithm;
    if (CURVES[namedCurve] !== true) throw domError('Unrecognized namedCurve', 'NotSupportedError');
    const set = new Set(usages);
    let key;
    switch (format) {
      case 'spki':
      case 'pkcs8':
        checkAsymmetricUse(name, format === 'spki', set, 'a');
        key = derImport(format, keyData);
        break;
      case 'jwk': {
        if (!keyData.kty) throw domError('Invalid keyData', 'DataError');
        if (keyData.kty !== 'EC') throw domError('Invalid JWK "kty" Parameter', 'DataError');
        if (keyData.crv !== namedCurve) throw domError('JWK "crv" does not match the requested algorithm', 'DataError');
        checkAsymmetricUse(name, keyData.d === undefined, set, 'a');
        checkJwkCommon(keyData, set, extractable, 'sig');
        if (keyData.alg !== undefined) {
          const curveOfAlg = { ES256: 'P-256', ES384: 'P-384', ES512: 'P-521' }[keyData.alg];
          if (curveOfAlg !== namedCurve) throw domError('JWK "alg" does not match the requested algorithm', 'DataError');
        }
        const material = { format: 'jwk', kty: 'EC', crv: namedCurve, x: jwkMember(keyData, 'x'), y: jwkMember(keyData, 'y') };
        if (keyData.d !== undefined) material.d = jwkMember(keyData, 'd');
        key = importForWeb(material, undefined);
        if (key.type === 'private' && key.curve === namedCurve && !samePublicPart(key, keyData, ['x', 'y'])) {
          throw domError('Invalid keyData', 'DataError');
        }
        break;
      }
      case 'raw':
        checkAsymmetricUse(name, true, set, 'a');
        key = importForWeb({ format: 'raw-public', curve: namedCurve, data: copyOf(keyData) }, undefined);
        break;
    }
    if (key.keyType !== 'ec') throw domError('Invalid key type', 'DataError');
    if (key.curve !== namedCurve) throw domError('Named curve mismatch', 'DataError');
    return newCryptoKey(key, { name, namedCurve }, usages, extractable);
  }

  function ed25519ImportKey(format, keyData, algorithm, extractable, usages) {
    const name = algorithm.name;
    const set = new Set(usages);
    let key;
    switch (format) {
      case 'spki':
      case 'pkcs8':
        checkAsymmetricUse(name, format === 'spki', set, 'a');
        key = derImport(format, keyData);
        break;
      case 'jwk': {
        if (!keyData.kty) throw domError('Invalid keyData', 'DataError');
        if (keyData.kty !== 'OKP') throw domError('Invalid JWK "kty" Parameter', 'DataError');
        if (keyData.crv !== name) throw domError('JWK "crv" Parameter and algorithm name mismatch', 'DataError');
        const isPublic = keyData.d === undefined;
        checkJwkCommon(keyData, set, extractable, 'sig');
        if (keyData.alg !== undefined && keyData.alg !== name && keyData.alg !== 'EdDSA') {
          throw domError('JWK "alg" does not match the requested algorithm', 'DataError');
        }
        if (!isPublic && typeof keyData.x !== 'string') throw domError('Invalid JWK', 'DataError');
        checkAsymmetricUse(name, isPublic, set, 'a');
        const x = base64Decode(String(keyData.x));
        const d = isPublic ? undefined : base64Decode(keyData.d);
        if (x.byteLength !== 32 || (d !== undefined && d.byteLength !== 32)) throw domError('Invalid keyData', 'DataError');
        const material = { format: 'jwk', kty: 'OKP', crv: 'Ed25519', x };
        if (d !== undefined) material.d = d;
        key = importForWeb(material, undefined);
        if (!isPublic && !samePublicPart(key, keyData, ['x'])) throw domError('Invalid keyData', 'DataError');
        break;
      }
      case 'raw':
        checkAsymmetricUse(name, true, set, 'a');
        if (keyData.byteLength !== 32) throw domError(name + ' raw keys must be exactly 32-bytes', 'DataError');
        key = importForWeb({ format: 'raw-public', curve: 'Ed25519', data: copyOf(keyData) }, undefined);
        break;
    }
    if (key.keyType !== 'ed25519') throw domError('Invalid key type', 'DataError');
    return newCryptoKey(key, { name }, usages, extractable);
  }

  // ------------------------------------------------------------------ export

  function exportKeyAs(format, parts) {
    const { key, algorithm, usages, extractable } = parts;
    const name = algorithm.name;
    switch (format) {
      case 'spki':
        if (key.type === 'public' && name !== 'HMAC' && name !== 'AES-GCM') {
          return arrayBufferOf(guarded(() => natives.exportKey(key.handle, 'spki'), operationError));
        }
        throw domError('Unable to export a raw ' + name + ' ' + key.type + ' key', 'InvalidAccessError');
      case 'pkcs8':
        if (key.type === 'private') return arrayBufferOf(guarded(() => natives.exportKey(key.handle, 'pkcs8'), operationError));
        throw domError('Unable to export a pkcs8 ' + name + ' ' + key.type + ' key', 'InvalidAccessError');
      case 'raw':
        if (key.type === 'secret') return arrayBufferOf(copyOf(key.secret));
        if (key.type === 'public' && (name === 'ECDSA' || name === 'Ed25519')) {
          return arrayBufferOf(guarded(() => natives.exportKey(key.handle, 'raw'), operationError));
        }
        throw domError('Unable to export a raw ' + name + ' ' + key.type + ' key', 'InvalidAccessError');
      case 'jwk': {
        // As in Node, `key_ops` is the key's own `usages` array.
        const jwk = { key_ops: usages, ext: extractable };
        jwkOf(guarded(() => exportComponents(key), operationError), jwk);
        switch (name) {
          case 'RSASSA-PKCS1-v1_5':
            jwk.alg = 'RS' + HASHES[algorithm.hash.name].jwk;
            break;
          case 'RSA-PSS':
            jwk.alg = 'PS' + HASHES[algorithm.hash.name].jwk;
            break;
          case 'ECDSA':
            jwk.crv = jwk.crv || algorithm.namedCurve;
            break;
          case 'Ed25519':
            jwk.crv = jwk.crv || name;
            jwk.alg = name;
            break;
          case 'AES-GCM':
            jwk.alg = 'A' + algorithm.length + 'GCM';
            break;
          case 'HMAC':
            jwk.alg = 'HS' + HASHES[algorithm.hash.name].jwk;
            break;
          default:
            throw domError('Not yet supported', 'NotSupportedError');
        }
        return jwk;
      }
    }
    throw domError('Export format is unsupported', 'NotSupportedError');
  }

  // ------------------------------------------------------------------ operations

  function hmacBytes(parts, data) {
    return guarded(() => natives.hmac(HASHES[parts.algorithm.hash.name].native, parts.key.secret, bytesOf(data)), operationError);
  }

  function maxSaltLength(bits, hashBytes) {
    return Math.ceil((bits - 1) / 8) - hashBytes - 2;
  }

  function signVerify(algorithm, parts, data, signature) {
    const usage = signature === undefined ? 'sign' : 'verify';
    algorithm = normalizeAlgorithm(algorithm, usage);
    if (!parts.usages.includes(usage) || algorithm.name !== parts.algorithm.name) {
      throw domError('Unable to use this key to ' + usage, 'InvalidAccessError');
    }
    const key = parts.key;
    let scheme;
    switch (algorithm.name) {
      case 'HMAC': {
        const mac = hmacBytes(parts, data);
        if (signature === undefined) return arrayBufferOf(mac);
        return sameBytes(mac, bytesOf(signature));
      }
      case 'RSA-PSS':
      case 'RSASSA-PKCS1-v1_5': {
        const type = usage === 'sign' ? 'private' : 'public';
        if (key.type !== type) throw domError('Key must be a ' + type + ' key', 'InvalidAccessError');
        const hash = HASHES[parts.algorithm.hash.name];
        if (algorithm.name === 'RSA-PSS') {
          const salt = algorithm.saltLength;
          if (salt > 2147483647 || salt > maxSaltLength(parts.algorithm.modulusLength, hash.bytes)) {
            throw domError(GENERIC_FAILURE, 'OperationError');
          }
          scheme = { name: 'rsa-pss', hash: hash.native, saltLength: salt };
        } else {
          scheme = { name: 'rsa-pkcs1', hash: hash.native };
        }
        break;
      }
      case 'ECDSA': {
        const type = usage === 'sign' ? 'private' : 'public';
        if (key.type !== type) throw domError('Key must be a ' + type + ' key', 'InvalidAccessError');
        scheme = { name: 'ecdsa', hash: HASHES[algorithm.hash.name].native, der: false };
        break;
      }
      case 'Ed25519': {
        const type = usage === 'sign' ? 'private' : 'public';
        if (key.type !== type) throw domError('Key must be a ' + type + ' key', 'InvalidAccessError');
        scheme = { name: 'ed25519' };
        break;
      }
      default:
        throw domError('Unrecognized algorithm name', 'NotSupportedError');
    }
    if (signature === undefined) {
      return arrayBufferOf(guarded(() => natives.sign(key.handle, scheme, bytesOf(data)), operationError));
    }
    try {
      return natives.verify(key.handle, scheme, bytesOf(data), bytesOf(signature));
    } catch (error) {
      // A signature that cannot be one (its length, its encoding) does not verify.
      const kind = refusalKind(error);
      if (kind === 'invalid-data' || kind === 'failed') return false;
      throw operationError(error);
    }
  }

  const TAG_LENGTHS = [32, 64, 96, 104, 112, 120, 128];
  function cipher(encrypting, algorithm, parts, data, op) {
    if (parts.algorithm.name !== algorithm.name || !parts.usages.includes(op)) {
      throw domError('The requested operation is not valid for the provided key', 'InvalidAccessError');
    }
    // AES-GCM, the one cipher here.
    const tagLength = algorithm.tagLength === undefined ? 128 : algorithm.tagLength;
    if (!TAG_LENGTHS.includes(tagLength)) {
      throw domError(tagLength + ' is not a valid AES-GCM tag length', 'OperationError');
    }
    if (!encrypting && data.byteLength < tagLength / 8) throw domError('The provided data is too small.', 'OperationError');
    const params = { name: 'aes-gcm', iv: algorithm.iv, additionalData: algorithm.additionalData || EMPTY, tagLength };
    return guarded(() => {
      const handle = handleOf(parts.key);
      return arrayBufferOf((encrypting ? natives.encrypt : natives.decrypt)(handle, params, bytesOf(data)));
    }, operationError);
  }

  function deriveBitsWith(algorithm, parts, length) {
    const secret = parts.key.secret;
    if (algorithm.name === 'PBKDF2' && algorithm.iterations === 0) {
      throw domError('iterations cannot be zero', 'OperationError');
    }
    if (length === 0) return new ArrayBuffer(0);
    if (length === null) throw domError('length cannot be null', 'OperationError');
    if (length % 8) throw domError('length must be a multiple of 8', 'OperationError');
    const hash = HASHES[algorithm.hash.name];
    if (algorithm.name === 'HKDF') {
      if (algorithm.info.byteLength > 1024 || length / 8 > 255 * hash.bytes) {
        throw domError(GENERIC_FAILURE, 'OperationError');
      }
      return arrayBufferOf(guarded(
        () => natives.hkdf(hash.native, secret, algorithm.salt, algorithm.info, length / 8),
        operationError,
      ));
    }
    if (algorithm.iterations > 2147483647) throw domError(GENERIC_FAILURE, 'OperationError');
    return arrayBufferOf(guarded(
      () => natives.pbkdf2(hash.native, secret, algorithm.salt, algorithm.iterations, length / 8),
      operationError,
    ));
  }

  function keyLengthOf(algorithm) {
    switch (algorithm.name) {
      case 'AES-GCM':
        if (algorithm.length !== 128 && algorithm.length !== 192 && algorithm.length !== 256) {
          throw domError('Invalid key length', 'OperationError');
        }
        return algorithm.length;
      case 'HMAC':
        if (algorithm.length === undefined) return HASHES[algorithm.hash.name].block;
        if (typeof algorithm.length === 'number' && algorithm.length !== 0) return algorithm.length;
        throw domError('Invalid key length', 'OperationError');
      default:
        return null;
    }
  }

  // The RSA public exponent of a BigInteger, as Node reads it (undefined past 32 bits).
  function exponentOf(bytes) {
    let result = 0;
    for (let n = 0; n < bytes.length; ++n) {
      const reversed = bytes.length - n - 1;
      if (reversed >= 4 && bytes[n]) return undefined;
      result |= bytes[n] << (8 * reversed);
    }
    return result;
  }

  // A key pair from the host, once its private key is known to get a usage (Node makes
  // the pair, then finds the usages empty: the same error, with no host key spent).
  function generatePair(spec, set) {
    if (usagesUnion(set, 'sign').length === 0) throw domError('Usages cannot be empty when creating a key.', 'SyntaxError');
    const privateKey = slotOfInfo(guarded(() => natives.generateKey(spec), operationError));
    const publicKey = guarded(() => publicSlotOf(privateKey), operationError);
    return { publicKey, privateKey };
  }

  function generateKeyWith(algorithm, extractable, usages) {
    const name = algorithm.name;
    const set = new Set(usages);
    switch (name) {
      case 'RSASSA-PKCS1-v1_5':
      case 'RSA-PSS': {
        const exponent = exponentOf(algorithm.publicExponent);
        if (exponent === undefined) {
          throw domError('The publicExponent must be equivalent to an unsigned 32-bit value', 'OperationError');
        }
        if (hasAnyNotIn(set, ['sign', 'verify'])) throw domError('Unsupported key usage for a RSA key', 'SyntaxError');
        if (exponent < 0) throw domError(GENERIC_FAILURE, 'OperationError');
        const pair = generatePair({ type: 'rsa', modulusLength: algorithm.modulusLength, publicExponent: exponent }, set);
        const keyAlgorithm = {
          name,
          modulusLength: algorithm.modulusLength,
          publicExponent: algorithm.publicExponent,
          hash: { name: algorithm.hash.name },
        };
        return {
          __proto__: null,
          publicKey: newCryptoKey(pair.publicKey, keyAlgorithm, usagesUnion(set, 'verify'), true),
          privateKey: newCryptoKey(pair.privateKey, keyAlgorithm, usagesUnion(set, 'sign'), extractable),
        };
      }
      case 'ECDSA': {
        if (CURVES[algorithm.namedCurve] !== true) throw domError('Unrecognized namedCurve', 'NotSupportedError');
        if (hasAnyNotIn(set, ['sign', 'verify'])) throw domError('Unsupported key usage for an ECDSA key', 'SyntaxError');
        const pair = generatePair({ type: 'ec', curve: algorithm.namedCurve }, set);
        const keyAlgorithm = { name, namedCurve: algorithm.namedCurve };
        return {
          __proto__: null,
          publicKey: newCryptoKey(pair.publicKey, keyAlgorithm, usagesUnion(set, 'verify'), true),
          privateKey: newCryptoKey(pair.privateKey, keyAlgorithm, usagesUnion(set, 'sign'), extractable),
        };
      }
      case 'Ed25519': {
        if (hasAnyNotIn(set, ['sign', 'verify'])) throw domError('Unsupported key usage for an Ed25519 key', 'SyntaxError');
        const pair = generatePair({ type: 'ed25519' }, set);
        const keyAlgorithm = { name };
        return {
          __proto__: null,
          privateKey: newCryptoKey(pair.privateKey, keyAlgorithm, usagesUnion(set, 'sign'), extractable),
          publicKey: newCryptoKey(pair.publicKey, keyAlgorithm, usagesUnion(set, 'verify'), true),
        };
      }
      case 'HMAC': {
        let length = algorithm.length;
        if (length === undefined) length = HASHES[algorithm.hash.name].block;
        if (length % 8) throw codes.ERR_INVALID_ARG_VALUE('algorithm.length', length, 'must be a multiple of 8');
        if (hasAnyNotIn(set, ['sign', 'verify'])) throw domError('Unsupported key usage for an HMAC key', 'SyntaxError');
        if (length < 8 || length > 2147483647) throw domError(GENERIC_FAILURE, 'OperationError');
        const key = secretSlot(randomBytes(length / 8));
        return newCryptoKey(key, { name, length, hash: { name: algorithm.hash.name } }, Array.from(set), extractable);
      }
      case 'AES-GCM': {
        const length = algorithm.length;
        if (length !== 128 && length !== 192 && length !== 256) {
          throw domError('AES key length must be 128, 192, or 256 bits', 'OperationError');
        }
        if (hasAnyNotIn(set, ['wrapKey', 'unwrapKey', 'encrypt', 'decrypt'])) {
          throw domError('Unsupported key usage for an AES key', 'SyntaxError');
        }
        const key = secretSlot(randomBytes(length / 8));
        return newCryptoKey(key, { name, length }, Array.from(set), extractable);
      }
    }
    throw domError('Unrecognized algorithm name', 'NotSupportedError');
  }

  function importKeyWith(format, keyData, algorithm, extractable, usages) {
    algorithm = normalizeAlgorithm(algorithm, 'importKey');
    let result;
    switch (algorithm.name) {
      case 'RSASSA-PKCS1-v1_5':
      case 'RSA-PSS':
        result = rsaImportKey(format, keyData, algorithm, extractable, usages);
        break;
      case 'ECDSA':
        result = ecImportKey(format, keyData, algorithm, extractable, usages);
        break;
      case 'Ed25519':
        result = ed25519ImportKey(format, keyData, algorithm, extractable, usages);
        break;
      case 'HMAC':
        result = hmacImportKey(format, keyData, algorithm, extractable, usages);
        break;
      case 'AES-GCM':
        result = aesImportKey(algorithm, format, keyData, extractable, usages);
        break;
      case 'HKDF':
      case 'PBKDF2':
        result = genericSecretImportKey(algorithm, format, keyData, extractable, usages);
        break;
      default:
        throw domError('Unrecognized algorithm name', 'NotSupportedError');
    }
    if ((result.type === 'secret' || result.type === 'private') && result.usages.length === 0) {
      throw domError('Usages cannot be empty when importing a ' + result.type + ' key.', 'SyntaxError');
    }
    return result;
  }

  // ------------------------------------------------------------------ SubtleCrypto

  const ORDINALS = ['1st', '2nd', '3rd', '4th', '5th', '6th', '7th'];
  // The error prefixes and argument contexts of each method, made once (errors read them;
  // every call passes them).
  const argumentOptsCache = new Map();
  const argumentOpts = (prefix, index) => {
    let perPrefix = argumentOptsCache.get(prefix);
    if (perPrefix === undefined) argumentOptsCache.set(prefix, (perPrefix = []));
    return perPrefix[index] || (perPrefix[index] = Object.freeze({ prefix, context: ORDINALS[index] + ' argument' }));
  };
  const prefixes = new Map();
  const prefixOf = (method) => {
    let prefix = prefixes.get(method);
    if (prefix === undefined) prefixes.set(method, (prefix = "Failed to execute '" + method + "' on 'SubtleCrypto'"));
    return prefix;
  };

  class SubtleCrypto {
    constructor() {
      throw codes.ERR_ILLEGAL_CONSTRUCTOR();
    }
  }
  const subtle = Object.create(SubtleCrypto.prototype);

  async function digest(algorithm, data) {
    if (this !== subtle) throw codes.ERR_INVALID_THIS('SubtleCrypto');
    const prefix = prefixOf('digest');
    requiredArguments(arguments.length, 2, prefix);
    algorithm = toAlgorithmIdentifier(algorithm, argumentOpts(prefix, 0));
    data = toBufferSource(data, argumentOpts(prefix, 1));
    algorithm = normalizeAlgorithm(algorithm, 'digest');
    const name = HASHES[algorithm.name].native;
    return arrayBufferOf(guarded(() => natives.digest(name, bytesOf(data)), operationError));
  }

  async function generateKey(algorithm, extractable, keyUsages) {
    if (this !== subtle) throw codes.ERR_INVALID_THIS('SubtleCrypto');
    const prefix = prefixOf('generateKey');
    requiredArguments(arguments.length, 3, prefix);
    algorithm = toAlgorithmIdentifier(algorithm, argumentOpts(prefix, 0));
    extractable = toBoolean(extractable);
    keyUsages = toKeyUsages(keyUsages, argumentOpts(prefix, 2));
    algorithm = normalizeAlgorithm(algorithm, 'generateKey');
    const result = generateKeyWith(algorithm, extractable, keyUsages);
    const empty = result instanceof CryptoKey ? result.usages.length === 0 : result.privateKey.usages.length === 0;
    if (empty) throw domError('Usages cannot be empty when creating a key.', 'SyntaxError');
    return result;
  }

  async function deriveBits(algorithm, baseKey, length = null) {
    if (this !== subtle) throw codes.ERR_INVALID_THIS('SubtleCrypto');
    const prefix = prefixOf('deriveBits');
    requiredArguments(arguments.length, 2, prefix);
    algorithm = toAlgorithmIdentifier(algorithm, argumentOpts(prefix, 0));
    const parts = cryptoKeyArgument(baseKey, prefix, '2nd argument');
    if (length !== null) length = toUnsignedLong(length, argumentOpts(prefix, 2));
    algorithm = normalizeAlgorithm(algorithm, 'deriveBits');
    if (!parts.usages.includes('deriveBits')) {
      throw domError('baseKey does not have deriveBits usage', 'InvalidAccessError');
    }
    if (parts.algorithm.name !== algorithm.name) throw domError('Key algorithm mismatch', 'InvalidAccessError');
    return deriveBitsWith(algorithm, parts, length);
  }

  async function deriveKey(algorithm, baseKey, derivedKeyAlgorithm, extractable, keyUsages) {
    if (this !== subtle) throw codes.ERR_INVALID_THIS('SubtleCrypto');
    const prefix = prefixOf('deriveKey');
    requiredArguments(arguments.length, 5, prefix);
    algorithm = toAlgorithmIdentifier(algorithm, argumentOpts(prefix, 0));
    const parts = cryptoKeyArgument(baseKey, prefix, '2nd argument');
    derivedKeyAlgorithm = toAlgorithmIdentifier(derivedKeyAlgorithm, argumentOpts(prefix, 2));
    extractable = toBoolean(extractable);
    keyUsages = toKeyUsages(keyUsages, argumentOpts(prefix, 4));
    algorithm = normalizeAlgorithm(algorithm, 'deriveBits');
    derivedKeyAlgorithm = normalizeAlgorithm(derivedKeyAlgorithm, 'importKey');
    if (!parts.usages.includes('deriveKey')) {
      throw domError('baseKey does not have deriveKey usage', 'InvalidAccessError');
    }
    if (parts.algorithm.name !== algorithm.name) throw domError('Key algorithm mismatch', 'InvalidAccessError');
    const length = keyLengthOf(normalizeAlgorithm(arguments[2], 'get key length'));
    const bits = deriveBitsWith(algorithm, parts, length);
    return importKey.call(this, 'raw', bits, derivedKeyAlgorithm, extractable, keyUsages);
  }

  async function exportKey(format, key) {
    if (this !== subtle) throw codes.ERR_INVALID_THIS('SubtleCrypto');
    const prefix = prefixOf('exportKey');
    requiredArguments(arguments.length, 2, prefix);
    format = toKeyFormat(format, argumentOpts(prefix, 0));
    const parts = cryptoKeyArgument(key, prefix, '2nd argument');
    if (!parts.extractable) throw domError('key is not extractable', 'InvalidAccessException');
    return exportKeyAs(format, parts);
  }

  async function importKey(format, keyData, algorithm, extractable, keyUsages) {
    if (this !== subtle) throw codes.ERR_INVALID_THIS('SubtleCrypto');
    const prefix = prefixOf('importKey');
    requiredArguments(arguments.length, 4, prefix);
    format = toKeyFormat(format, argumentOpts(prefix, 0));
    keyData = format === 'jwk' ? toJsonWebKey(keyData, argumentOpts(prefix, 1)) : toBufferSource(keyData, argumentOpts(prefix, 1));
    algorithm = toAlgorithmIdentifier(algorithm, argumentOpts(prefix, 2));
    extractable = toBoolean(extractable);
    keyUsages = toKeyUsages(keyUsages, argumentOpts(prefix, 4));
    return importKeyWith(format, keyData, algorithm, extractable, keyUsages);
  }

  // An algorithm for `first` (AES-KW's wrapping, which actionbox lacks) or else for
  // `second`; saying that AES-KW is missing rather than unknown.
  function normalizeEither(algorithm, first, second) {
    try {
      return normalizeAlgorithm(algorithm, first);
    } catch (firstError) {
      try {
        return normalizeAlgorithm(algorithm, second);
      } catch (secondError) {
        throw firstError.message.endsWith('in actionbox yet') ? firstError : secondError;
      }
    }
  }

  // wrapKey is exportKey then encrypt (AES-GCM here), unwrapKey decrypt then importKey.
  async function wrapKey(format, key, wrappingKey, algorithm) {
    if (this !== subtle) throw codes.ERR_INVALID_THIS('SubtleCrypto');
    const prefix = prefixOf('wrapKey');
    requiredArguments(arguments.length, 4, prefix);
    format = toKeyFormat(format, argumentOpts(prefix, 0));
    cryptoKeyArgument(key, prefix, '2nd argument');
    const wrapping = cryptoKeyArgument(wrappingKey, prefix, '3rd argument');
    algorithm = toAlgorithmIdentifier(algorithm, argumentOpts(prefix, 3));
    algorithm = normalizeEither(algorithm, 'wrapKey', 'encrypt');
    let keyData = await exportKey.call(this, format, key);
    if (format === 'jwk') keyData = new TextEncoder().encode(JSON.stringify(keyData));
    return cipher(true, algorithm, wrapping, keyData, 'wrapKey');
  }

  async function unwrapKey(format, wrappedKey, unwrappingKey, unwrapAlgo, unwrappedKeyAlgo, extractable, keyUsages) {
    if (this !== subtle) throw codes.ERR_INVALID_THIS('SubtleCrypto');
    const prefix = prefixOf('unwrapKey');
    requiredArguments(arguments.length, 7, prefix);
    format = toKeyFormat(format, argumentOpts(prefix, 0));
    wrappedKey = toBufferSource(wrappedKey, argumentOpts(prefix, 1));
    const unwrapping = cryptoKeyArgument(unwrappingKey, prefix, '3rd argument');
    unwrapAlgo = toAlgorithmIdentifier(unwrapAlgo, argumentOpts(prefix, 3));
    unwrappedKeyAlgo = toAlgorithmIdentifier(unwrappedKeyAlgo, argumentOpts(prefix, 4));
    extractable = toBoolean(extractable);
    keyUsages = toKeyUsages(keyUsages, argumentOpts(prefix, 6));
    unwrapAlgo = normalizeEither(unwrapAlgo, 'unwrapKey', 'decrypt');
    let keyData = cipher(false, unwrapAlgo, unwrapping, wrappedKey, 'unwrapKey');
    if (format === 'jwk') {
      try {
        keyData = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(keyData));
      } catch {
        throw domError('Invalid wrapped JWK key', 'DataError');
      }
    }
    return importKey.call(this, format, keyData, unwrappedKeyAlgo, extractable, keyUsages);
  }

  async function sign(algorithm, key, data) {
    if (this !== subtle) throw codes.ERR_INVALID_THIS('SubtleCrypto');
    const prefix = prefixOf('sign');
    requiredArguments(arguments.length, 3, prefix);
    algorithm = toAlgorithmIdentifier(algorithm, argumentOpts(prefix, 0));
    const parts = cryptoKeyArgument(key, prefix, '2nd argument');
    data = toBufferSource(data, argumentOpts(prefix, 2));
    return signVerify(algorithm, parts, data);
  }

  async function verify(algorithm, key, signature, data) {
    if (this !== subtle) throw codes.ERR_INVALID_THIS('SubtleCrypto');
    const prefix = prefixOf('verify');
    requiredArguments(arguments.length, 4, prefix);
    algorithm = toAlgorithmIdentifier(algorithm, argumentOpts(prefix, 0));
    const parts = cryptoKeyArgument(key, prefix, '2nd argument');
    signature = toBufferSource(signature, argumentOpts(prefix, 2));
    data = toBufferSource(data, argumentOpts(prefix, 3));
    return signVerify(algorithm, parts, data, signature);
  }

  async function encrypt(algorithm, key, data) {
    if (this !== subtle) throw codes.ERR_INVALID_THIS('SubtleCrypto');
    const prefix = prefixOf('encrypt');
    requiredArguments(arguments.length, 3, prefix);
    algorithm = toAlgorithmIdentifier(algorithm, argumentOpts(prefix, 0));
    const parts = cryptoKeyArgument(key, prefix, '2nd argument');
    data = toBufferSource(data, argumentOpts(prefix, 2));
    algorithm = normalizeAlgorithm(algorithm, 'encrypt');
    return cipher(true, algorithm, parts, data, 'encrypt');
  }

  async function decrypt(algorithm, key, data) {
    if (this !== subtle) throw codes.ERR_INVALID_THIS('SubtleCrypto');
    const prefix = prefixOf('decrypt');
    requiredArguments(arguments.length, 3, prefix);
    algorithm = toAlgorithmIdentifier(algorithm, argumentOpts(prefix, 0));
    const parts = cryptoKeyArgument(key, prefix, '2nd argument');
    data = toBufferSource(data, argumentOpts(prefix, 2));
    algorithm = normalizeAlgorithm(algorithm, 'decrypt');
    return cipher(false, algorithm, parts, data, 'decrypt');
  }

  const method = (value) => ({ value, enumerable: true, configurable: true, writable: true });
  Object.defineProperties(SubtleCrypto.prototype, {
    [Symbol.toStringTag]: { value: 'SubtleCrypto', configurable: true },
    encrypt: method(encrypt),
    decrypt: method(decrypt),
    sign: method(sign),
    verify: method(verify),
    digest: method(digest),
    generateKey: method(generateKey),
    deriveKey: method(deriveKey),
    deriveBits: method(deriveBits),
    importKey: method(importKey),
    exportKey: method(exportKey),
    wrapKey: method(wrapKey),
    unwrapKey: method(unwrapKey),
  });

  // ------------------------------------------------------------------ Crypto

  class Crypto {
    constructor() {
      throw codes.ERR_ILLEGAL_CONSTRUCTOR();
    }

    get subtle() {
      if (this !== crypto) throw codes.ERR_INVALID_THIS('Crypto');
      return subtle;
    }
  }
  const crypto = Object.create(Crypto.prototype);

  const INTEGER_ARRAYS = new Set([
    'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array',
    'BigInt64Array', 'BigUint64Array',
  ]);

  function getRandomValues(array) {
    if (this !== crypto) throw codes.ERR_INVALID_THIS('Crypto');
    if (arguments.length < 1) {
      throw nodeError(TypeError, 'ERR_MISSING_ARGS', "Failed to execute 'getRandomValues' on 'Crypto': 1 argument required, but only 0 present.");
    }
    if (!INTEGER_ARRAYS.has(typedArrayTag.call(array))) {
      throw domError('The data argument must be an integer-type TypedArray', 'TypeMismatchError');
    }
    if (array.byteLength > 65536) throw domError('The requested length exceeds 65,536 bytes', 'QuotaExceededError');
    fillRandom(array);
    return array;
  }

  const HEX = [];
  for (let i = 0; i < 256; i++) HEX.push((i < 16 ? '0' : '') + i.toString(16));
  // An RFC 4122 version 4 UUID.
  function uuid() {
    const b = randomBytes(16);
    return HEX[b[0]] + HEX[b[1]] + HEX[b[2]] + HEX[b[3]] + '-' + HEX[b[4]] + HEX[b[5]] + '-' +
      HEX[(b[6] & 0x0f) | 0x40] + HEX[b[7]] + '-' + HEX[(b[8] & 0x3f) | 0x80] + HEX[b[9]] + '-' +
      HEX[b[10]] + HEX[b[11]] + HEX[b[12]] + HEX[b[13]] + HEX[b[14]] + HEX[b[15]];
  }

  function randomUUID() {
    if (this !== crypto) throw codes.ERR_INVALID_THIS('Crypto');
    return uuid();
  }

  Object.defineProperties(Crypto.prototype, {
    [Symbol.toStringTag]: { value: 'Crypto', configurable: true },
    subtle: { enumerable: true },
    getRandomValues: method(getRandomValues),
    randomUUID: method(randomUUID),
  });

  module.exports = {
    Crypto,
    CryptoKey,
    SubtleCrypto,
    crypto,
    subtle,
    // What `crypto.js` shares.
    internals: {
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
      copyOf,
      concatBytes,
      bytesKey,
      base64Decode,
      base64urlEncode,
      fillRandom,
      randomBytes,
      uuid,
      sameBytes,
    },
  };
})
