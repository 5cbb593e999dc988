// Node's `buffer` module: `Buffer` (Uint8Arrays whose prototype carries Node's methods),
// its encodings, integer and float access, searching, comparing and copying, and the
// module's other exports (`SlowBuffer`, `atob`, `btoa`, `isUtf8`, `isAscii`, the limits).
// The natives do the byte work on strings (encode, decode, UTF-8 length) and compare and
// search bytes; arguments are checked and normalized here, as Node checks them, first.
// Buffers are not carved from a shared pool: each has an ArrayBuffer of its own.
(function (module, require, natives) {
  'use strict';

  const { codes, nodeError } = require('internal/errors');
  const {
    ERR_BUFFER_OUT_OF_BOUNDS,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_BUFFER_SIZE,
    ERR_MISSING_ARGS,
    ERR_OUT_OF_RANGE,
    ERR_UNKNOWN_ENCODING,
  } = codes;
  const nativeEncode = natives.encode;
  const nativeDecode = natives.decode;
  const nativeByteLength = natives.byteLength;
  const nativeCompare = natives.compare;
  const nativeIndexOf = natives.indexOf;

  // QuickJS's own limits: an ArrayBuffer holds at most 2^31 - 1 bytes, a string at most
  // 2^30 - 1 characters (Node on 64 bits says 2^32 and 2^29 - 24).
  const kMaxLength = 2 ** 31 - 1;
  const kStringMaxLength = 2 ** 30 - 1;
  let INSPECT_MAX_BYTES = 50;

  const customInspect = Symbol.for('nodejs.util.inspect.custom');
  const typedArrayTag = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag).get;
  const arrayBufferLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get;
  const Shared = typeof SharedArrayBuffer === 'function' ? SharedArrayBuffer : undefined;
  const sharedLength = Shared ? Object.getOwnPropertyDescriptor(Shared.prototype, 'byteLength').get : undefined;
  const isEnumerable = Object.prototype.propertyIsEnumerable;
  const typedIndexOf = Uint8Array.prototype.indexOf;
  const typedLastIndexOf = Uint8Array.prototype.lastIndexOf;
  const typedFill = Uint8Array.prototype.fill;

  const isUint8Array = (value) => typedArrayTag.call(value) === 'Uint8Array';
  const isTypedArray = (value) => typedArrayTag.call(value) !== undefined;
  function isAnyArrayBuffer(value) {
    if (value instanceof ArrayBuffer) {
      try {
        arrayBufferLength.call(value);
        return true;
      } catch {
        return false;
      }
    }
    if (Shared !== undefined && value instanceof Shared) {
      try {
        sharedLength.call(value);
        return true;
      } catch {
        return false;
      }
    }
    return false;
  }

  // The bytes of any ArrayBuffer view, as a Uint8Array (the view itself when it is one).
  function bytesOf(view) {
    if (isUint8Array(view)) return view;
    return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  }

  // ---------------------------------------------------------------- validation

  function validateNumber(value, name, min, max) {
    if (typeof value !== 'number') throw ERR_INVALID_ARG_TYPE(name, 'number', value);
    const bounded = min !== undefined || max !== undefined;
    if ((min !== undefined && value < min) || (max !== undefined && value > max) || (bounded && value !== value)) {
      let range = '';
      if (min !== undefined) range = '>= ' + min;
      if (min !== undefined && max !== undefined) range += ' && ';
      if (max !== undefined) range += '<= ' + max;
      throw ERR_OUT_OF_RANGE(name, range, value);
    }
  }

  function validateInteger(value, name, min, max) {
    if (typeof value !== 'number') throw ERR_INVALID_ARG_TYPE(name, 'number', value);
    if (!Number.isInteger(value)) throw ERR_OUT_OF_RANGE(name, 'an integer', value);
    if (value < min || value > max) throw ERR_OUT_OF_RANGE(name, '>= ' + min + ' && <= ' + max, value);
  }

  // An offset or a length: an integer from `min` (0) to `max` (kMaxLength).
  function validateOffset(value, name, min = 0, max = kMaxLength) {
    validateInteger(value, name, min, max);
  }

  // ---------------------------------------------------------------- encodings

  // Node's names, as the natives take them.
  const ENCODINGS = {
    __proto__: null,
    utf8: 'utf8',
    'utf-8': 'utf8',
    ucs2: 'utf16le',
    'ucs-2': 'utf16le',
    utf16le: 'utf16le',
    'utf-16le': 'utf16le',
    latin1: 'latin1',
    binary: 'latin1',
    ascii: 'ascii',
    base64: 'base64',
    base64url: 'base64url',
    hex: 'hex',
  };

  // The encoding a value names, compared as a string without case, or `undefined` (as
  // `toString`, `write` and the searches read theirs: the empty string names none).
  function encodingOf(value) {
    const name = typeof value === 'string' ? value : '' + value;
    const found = ENCODINGS[name];
    if (found !== undefined || name.length < 3 || name.length > 9) return found;
    return ENCODINGS[name.toLowerCase()];
  }

  // As `fill` and `isEncoding` read an encoding: nothing and the empty string mean UTF-8.
  function normalizeEncoding(value) {
    if (value == null || value === '') return 'utf8';
    if (typeof value === 'string') return encodingOf(value);
    const length = value.length;
    if (typeof length !== 'number' || length < 3 || length > 9) return undefined;
    const name = `${value}`;
    return name.length === length ? encodingOf(name) : undefined;
  }

  function notAString() {
    return nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'argument must be a string');
  }

  function indexOutOfRange() {
    return nodeError(RangeError, 'ERR_OUT_OF_RANGE', 'Index out of range');
  }

  // Writes `string` in `encoding` into `buf` from `offset`, `length` bytes at most, whole
  // characters only; returns the bytes written.
  function writeString(buf, string, offset, length, encoding) {
    if (typeof string !== 'string') throw notAString();
    if (length <= 0 || string.length === 0) return 0;
    let bytes;
    let count;
    switch (encoding) {
      case 'utf8':
        // Each UTF-16 unit is at least one byte: what lies past `length` units cannot fit.
        bytes = nativeEncode(string.length > length ? string.slice(0, length) : string, 'utf8');
        count = bytes.length;
        if (count > length) {
          count = length;
          while (count > 0 && (bytes[count] & 0xc0) === 0x80) count--;
        }
        break;
      case 'utf16le': {
        const units = Math.min(length >>> 1, string.length);
        if (units === 0) return 0;
        bytes = nativeEncode(string.length > units ? string.slice(0, units) : string, 'utf16le');
        count = units * 2;
        break;
      }
      case 'latin1':
      case 'ascii':
        count = Math.min(length, string.length);
        bytes = nativeEncode(string.length > count ? string.slice(0, count) : string, encoding);
        break;
      case 'hex':
        bytes = nativeEncode(string.length > length * 2 ? string.slice(0, length * 2) : string, 'hex');
        count = Math.min(bytes.length, length);
        break;
      default:
        bytes = nativeEncode(string, encoding);
        count = Math.min(bytes.length, length);
    }
    if (count === 0) return 0;
    buf.set(count === bytes.length ? bytes : bytes.subarray(0, count), offset);
    return count;
  }

  function base64ByteLength(string, length) {
    if (string.charCodeAt(length - 1) === 0x3d) length--;
    if (length > 1 && string.charCodeAt(length - 1) === 0x3d) length--;
    return (length * 3) >>> 2;
  }

  // ---------------------------------------------------------------- Buffer

  class FastBuffer extends Uint8Array {
    constructor(source, byteOffset, length) {
      super(source, byteOffset, length);
    }
  }
  const proto = FastBuffer.prototype;

  // A Uint8Array the natives made, as a Buffer (no copy).
  function adopt(bytes) {
    Object.setPrototypeOf(bytes, proto);
    return bytes;
  }

  // Node's deprecation warnings, once each, when the guest's `process` can emit them.
  const warned = new Set();
  function deprecated(message, code) {
    if (warned.has(code)) return;
    warned.add(code);
    const process = globalThis.process;
    if (process && typeof process.emitWarning === 'function') process.emitWarning(message, 'DeprecationWarning', code);
  }

  function Buffer(arg, encodingOrOffset, length) {
    deprecated(
      'Buffer() is deprecated due to security and usability issues. Please use the Buffer.alloc(), Buffer.allocUnsafe(), or Buffer.from() methods instead.',
      'DEP0005',
    );
    if (typeof arg === 'number') {
      if (typeof encodingOrOffset === 'string') throw ERR_INVALID_ARG_TYPE('string', 'string', arg);
      return Buffer.alloc(arg);
    }
    return Buffer.from(arg, encodingOrOffset, length);
  }
  Object.defineProperty(proto, 'constructor', { value: Buffer, writable: true, enumerable: false, configurable: true });
  Buffer.prototype = proto;
  Object.setPrototypeOf(Buffer, Uint8Array);
  Object.defineProperty(Buffer, Symbol.species, {
    get() {
      return FastBuffer;
    },
    enumerable: false,
    configurable: true,
  });

  Buffer.poolSize = 8 * 1024;

  function fromString(string, encoding) {
    let name = 'utf8';
    if (encoding && encoding !== 'utf8' && typeof encoding === 'string') {
      name = encodingOf(encoding);
      if (name === undefined) throw ERR_UNKNOWN_ENCODING(encoding);
    }
    if (string.length === 0) return new FastBuffer();
    return adopt(nativeEncode(string, name));
  }

  function fromArrayBuffer(arrayBuffer, byteOffset, length) {
    if (byteOffset === undefined) {
      byteOffset = 0;
    } else {
      byteOffset = +byteOffset;
      if (byteOffset !== byteOffset) byteOffset = 0;
    }
    const maxLength = arrayBuffer.byteLength - byteOffset;
    if (maxLength < 0) throw ERR_BUFFER_OUT_OF_BOUNDS('offset');
    if (length !== undefined) {
      length = +length;
      if (length > 0) {
        if (length > maxLength) throw ERR_BUFFER_OUT_OF_BOUNDS('length');
      } else {
        length = 0;
      }
    }
    return new FastBuffer(arrayBuffer, byteOffset, length);
  }

  // Element by element, each to a byte, as Uint8Array's `set` converts them.
  function fromArrayLike(source) {
    const length = source.length;
    if (!(length > 0)) return new FastBuffer();
    const buf = new FastBuffer(length);
    buf.set(source);
    return buf;
  }

  function fromObject(object) {
    if (object.length !== undefined || isAnyArrayBuffer(object.buffer)) {
      if (typeof object.length !== 'number') return new FastBuffer();
      return fromArrayLike(object);
    }
    if (object.type === 'Buffer' && Array.isArray(object.data)) return fromArrayLike(object.data);
    return undefined;
  }

  Buffer.from = function from(value, encodingOrOffset, length) {
    if (typeof value === 'string') return fromString(value, encodingOrOffset);
    if (typeof value === 'object' && value !== null) {
      if (!ArrayBuffer.isView(value)) {
        if (isAnyArrayBuffer(value)) return fromArrayBuffer(value, encodingOrOffset, length);
        const primitive = value.valueOf && value.valueOf();
        if (primitive != null && primitive !== value && (typeof primitive === 'string' || typeof primitive === 'object')) {
          return from(primitive, encodingOrOffset, length);
        }
      }
      const buf = fromObject(value);
      if (buf !== undefined) return buf;
      if (typeof value[Symbol.toPrimitive] === 'function') {
        const primitive = value[Symbol.toPrimitive]('string');
        if (typeof primitive === 'string') return fromString(primitive, encodingOrOffset);
      }
    }
    throw ERR_INVALID_ARG_TYPE('first argument', ['string', 'Buffer', 'ArrayBuffer', 'Array', 'Array-like Object'], value);
  };

  Buffer.copyBytesFrom = function copyBytesFrom(view, offset, length) {
    if (!isTypedArray(view)) throw ERR_INVALID_ARG_TYPE('view', ['TypedArray'], view);
    const viewLength = view.length;
    if (viewLength === 0) return new FastBuffer();
    if (offset !== undefined || length !== undefined) {
      if (offset !== undefined) {
        validateInteger(offset, 'offset', 0, Number.MAX_SAFE_INTEGER);
        if (offset >= viewLength) return new FastBuffer();
      } else {
        offset = 0;
      }
      let end = viewLength;
      if (length !== undefined) {
        validateInteger(length, 'length', 0, Number.MAX_SAFE_INTEGER);
        end = Math.min(offset + length, viewLength);
      }
      const size = view.byteLength / viewLength;
      const bytes = new Uint8Array(view.buffer, view.byteOffset + offset * size, (end - offset) * size);
      return fromArrayLike(bytes);
    }
    return fromArrayLike(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
  };

  // Like %TypedArray%.of, without calling the deprecated constructor (an arrow function
  // has no `prototype` and is no constructor, as Node's).
  const of = (...items) => {
    const buf = new FastBuffer(items.length);
    for (let i = 0; i < items.length; i++) buf[i] = items[i];
    return buf;
  };
  Buffer.of = of;

  Buffer.alloc = function alloc(size, fill, encoding) {
    validateNumber(size, 'size', 0, kMaxLength);
    if (fill !== undefined && fill !== 0 && size > 0) {
      const buf = new FastBuffer(size);
      return fillBuffer(buf, fill, 0, buf.length, encoding);
    }
    return new FastBuffer(size);
  };

  // Zero-filled here: there is no uninitialized memory to hand out.
  Buffer.allocUnsafe = function allocUnsafe(size) {
    validateNumber(size, 'size', 0, kMaxLength);
    return new FastBuffer(size);
  };

  Buffer.allocUnsafeSlow = function allocUnsafeSlow(size) {
    validateNumber(size, 'size', 0, kMaxLength);
    return new FastBuffer(size);
  };

  function SlowBuffer(size) {
    deprecated('SlowBuffer() is deprecated. Please use Buffer.allocUnsafeSlow()', 'DEP0030');
    validateNumber(size, 'size', 0, kMaxLength);
    return new FastBuffer(size);
  }
  Object.setPrototypeOf(SlowBuffer.prototype, Uint8Array.prototype);
  Object.setPrototypeOf(SlowBuffer, Uint8Array);

  Buffer.isBuffer = function isBuffer(b) {
    return b instanceof Buffer;
  };

  Buffer.compare = function compare(buf1, buf2) {
    if (!isUint8Array(buf1)) throw ERR_INVALID_ARG_TYPE('buf1', ['Buffer', 'Uint8Array'], buf1);
    if (!isUint8Array(buf2)) throw ERR_INVALID_ARG_TYPE('buf2', ['Buffer', 'Uint8Array'], buf2);
    if (buf1 === buf2) return 0;
    return nativeCompare(buf1, buf2);
  };

  Buffer.isEncoding = function isEncoding(encoding) {
    return typeof encoding === 'string' && encoding.length !== 0 && normalizeEncoding(encoding) !== undefined;
  };

  Buffer.concat = function concat(list, length) {
    if (!Array.isArray(list)) throw ERR_INVALID_ARG_TYPE('list', 'Array', list);
    const count = list.length;
    if (count === 0) return new FastBuffer();
    if (length === undefined) {
      length = 0;
      for (let i = 0; i < count; i++) {
        const size = list[i].length;
        if (size) length += size;
      }
    } else {
      validateOffset(length, 'length');
    }
    validateNumber(length, 'size', 0, kMaxLength);
    const buffer = new FastBuffer(length);
    let position = 0;
    for (let i = 0; i < count; i++) {
      const buf = list[i];
      if (!isUint8Array(buf)) throw ERR_INVALID_ARG_TYPE(`list[${i}]`, ['Buffer', 'Uint8Array'], buf);
      const room = length - position;
      if (room <= 0) continue;
      const size = buf.length;
      if (size <= room) {
        buffer.set(buf, position);
        position += size;
      } else {
        buffer.set(new Uint8Array(buf.buffer, buf.byteOffset, room), position);
        position += room;
      }
    }
    return buffer;
  };

  function byteLength(string, encoding) {
    if (typeof string !== 'string') {
      if (ArrayBuffer.isView(string) || isAnyArrayBuffer(string)) return string.byteLength;
      throw ERR_INVALID_ARG_TYPE('string', ['string', 'Buffer', 'ArrayBuffer'], string);
    }
    const length = string.length;
    if (length === 0) return 0;
    if (!encoding || encoding === 'utf8') return nativeByteLength(string, 'utf8');
    if (encoding === 'ascii') return length;
    switch (encodingOf(encoding)) {
      case 'utf16le':
        return length * 2;
      case 'latin1':
      case 'ascii':
        return length;
      case 'hex':
        return length >>> 1;
      case 'base64':
      case 'base64url':
        return base64ByteLength(string, length);
      default:
        return nativeByteLength(string, 'utf8');
    }
  }
  Buffer.byteLength = byteLength;

  // ---------------------------------------------------------------- Buffer.prototype

  // Backwards compatibility: the memory a buffer views, and where in it.
  Object.defineProperty(proto, 'parent', {
    enumerable: true,
    configurable: false,
    get() {
      if (!(this instanceof Buffer)) return undefined;
      return this.buffer;
    },
  });
  Object.defineProperty(proto, 'offset', {
    enumerable: true,
    configurable: false,
    get() {
      if (!(this instanceof Buffer)) return undefined;
      return this.byteOffset;
    },
  });

  // A number as Node's `copy` takes it: an integer as it is, else floored, `fallback`
  // when not finite or past the safe integers.
  function toInteger(value, fallback) {
    if (Number.isInteger(value)) return value;
    value = +value;
    if (value >= Number.MIN_SAFE_INTEGER && value <= Number.MAX_SAFE_INTEGER) {
      return value % 1 === 0 ? value : Math.floor(value);
    }
    return fallback;
  }

  proto.copy = function copy(target, targetStart, sourceStart, sourceEnd) {
    const source = this;
    if (!isUint8Array(source)) throw ERR_INVALID_ARG_TYPE('source', ['Buffer', 'Uint8Array'], source);
    if (!isUint8Array(target)) throw ERR_INVALID_ARG_TYPE('target', ['Buffer', 'Uint8Array'], target);
    if (targetStart === undefined) {
      targetStart = 0;
    } else {
      targetStart = toInteger(targetStart, 0);
      if (targetStart < 0) throw ERR_OUT_OF_RANGE('targetStart', '>= 0', targetStart);
    }
    const sourceLength = source.length;
    if (sourceStart === undefined) {
      sourceStart = 0;
    } else {
      sourceStart = toInteger(sourceStart, 0);
      if (sourceStart < 0 || sourceStart > sourceLength) {
        throw ERR_OUT_OF_RANGE('sourceStart', '>= 0 && <= ' + sourceLength, sourceStart);
      }
    }
    if (sourceEnd === undefined) {
      sourceEnd = sourceLength;
    } else {
      sourceEnd = toInteger(sourceEnd, 0);
      if (sourceEnd < 0) throw ERR_OUT_OF_RANGE('sourceEnd', '>= 0', sourceEnd);
    }
    const targetLength = target.length;
    if (targetStart >= targetLength || sourceStart >= sourceEnd) return 0;
    let count = Math.min(sourceEnd, sourceLength) - sourceStart;
    if (count > targetLength - targetStart) count = targetLength - targetStart;
    if (count <= 0) return 0;
    if (count === sourceLength) target.set(source, targetStart);
    else target.set(new Uint8Array(source.buffer, source.byteOffset + sourceStart, count), targetStart);
    return count;
  };

  // Start and end clamped to the buffer, as Node's `toString` takes them.
  proto.toString = function toString(encoding, start, end) {
    if (start === undefined && end === undefined) {
      if (encoding === undefined) return nativeDecode(this, 'utf8', 0, this.length);
      const length = this.length;
      if (length === 0) return '';
      const name = encodingOf(encoding);
      if (name === undefined) throw ERR_UNKNOWN_ENCODING(encoding);
      return nativeDecode(this, name, 0, length);
    }
    const length = this.length;
    if (start <= 0) start = 0;
    else if (start >= length) return '';
    else start = Math.trunc(start) || 0;
    if (end === undefined || end > length) end = length;
    else end = Math.trunc(end) || 0;
    if (end <= start) return '';
    let name = 'utf8';
    if (encoding !== undefined) {
      name = encodingOf(encoding);
      if (name === undefined) throw ERR_UNKNOWN_ENCODING(encoding);
    }
    return nativeDecode(this, name, start, end);
  };

  proto.equals = function equals(otherBuffer) {
    if (!isUint8Array(otherBuffer)) throw ERR_INVALID_ARG_TYPE('otherBuffer', ['Buffer', 'Uint8Array'], otherBuffer);
    if (this === otherBuffer) return true;
    const length = this.byteLength;
    if (length !== otherBuffer.byteLength) return false;
    return length === 0 || nativeCompare(this, otherBuffer) === 0;
  };

  let inspectModule = null;
  // `<Buffer 68 69>`: the first INSPECT_MAX_BYTES bytes in hex, then how many more, then
  // the buffer's own non-index properties when util.inspect asks (`ctx`).
  function inspect(recurseTimes, ctx) {
    const max = INSPECT_MAX_BYTES;
    const length = this.length;
    const shown = Math.min(max, length);
    const remaining = length - max;
    const hex = shown > 0 ? nativeDecode(this, 'hex', 0, shown) : '';
    let text = '';
    for (let i = 0; i < hex.length; i += 2) text += (i === 0 ? '' : ' ') + hex[i] + hex[i + 1];
    if (remaining > 0) text += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
    // Listing the own keys lists every index too: past 64 KiB the extras are not looked for.
    if (ctx && length <= 0x10000) {
      const keys = Reflect.ownKeys(this);
      const extra = { __proto__: null };
      let any = false;
      // A typed array lists its indices first.
      for (let i = length; i < keys.length; i++) {
        const key = keys[i];
        if (!ctx.showHidden && !isEnumerable.call(this, key)) continue;
        extra[key] = this[key];
        any = true;
      }
      if (any) {
        if (inspectModule === null) inspectModule = require('internal/inspect');
        if (length !== 0) text += ', ';
        // `[Object: null prototype] {` is 26 characters, then a space.
        text += inspectModule.inspect(extra, { ...ctx, breakLength: Infinity, compact: true }).slice(27, -2);
      }
    }
    return `<${this.constructor.name} ${text}>`;
  }
  proto[customInspect] = inspect;
  proto.inspect = inspect;

  proto.compare = function compare(target, targetStart, targetEnd, sourceStart, sourceEnd) {
    if (!isUint8Array(target)) throw ERR_INVALID_ARG_TYPE('target', ['Buffer', 'Uint8Array'], target);
    if (targetStart === undefined && targetEnd === undefined && sourceStart === undefined && sourceEnd === undefined) {
      return nativeCompare(this, target);
    }
    if (targetStart === undefined) targetStart = 0;
    else validateOffset(targetStart, 'targetStart');
    if (targetEnd === undefined) targetEnd = target.length;
    else validateOffset(targetEnd, 'targetEnd', 0, target.length);
    if (sourceStart === undefined) sourceStart = 0;
    else validateOffset(sourceStart, 'sourceStart');
    if (sourceEnd === undefined) sourceEnd = this.length;
    else validateOffset(sourceEnd, 'sourceEnd', 0, this.length);
    if (sourceStart >= sourceEnd) return targetStart >= targetEnd ? 0 : -1;
    if (targetStart >= targetEnd) return 1;
    return nativeCompare(
      new Uint8Array(this.buffer, this.byteOffset + sourceStart, sourceEnd - sourceStart),
      new Uint8Array(target.buffer, target.byteOffset + targetStart, targetEnd - targetStart),
    );
  };

  // Where a search of `needleLength` bytes starts in `length` bytes from `offset` (an
  // integer, negative from the end), or -1 when it cannot match.
  function searchStart(length, offset, needleLength, forward) {
    if (offset < 0) {
      if (offset + length >= 0) return length + offset;
      if (forward || needleLength === 0) return 0;
      return -1;
    }
    if (offset + needleLength <= length) return offset;
    if (needleLength === 0) return length;
    if (forward) return -1;
    return length - 1;
  }

  // UTF-16 searches go by 16-bit units, as Node's: matches start at even positions only.
  function searchUnits(haystack, needle, start, forward) {
    const hay = haystack.length & ~1;
    const size = needle.length & ~1;
    const h = hay === haystack.length ? haystack : new Uint8Array(haystack.buffer, haystack.byteOffset, hay);
    const n = size === needle.length ? needle : new Uint8Array(needle.buffer, needle.byteOffset, size);
    if (size > hay) return -1;
    let position = start & ~1;
    if (forward) {
      if (position + size > hay) return -1;
      let found = nativeIndexOf(h, n, position, true);
      while (found !== -1 && (found & 1) !== 0) found = nativeIndexOf(h, n, found + 1, true);
      return found;
    }
    if (position > hay - size) position = hay - size;
    let found = nativeIndexOf(h, n, position, false);
    while (found > 0 && (found & 1) !== 0) found = nativeIndexOf(h, n, found - 1, false);
    return (found & 1) !== 0 ? -1 : found;
  }

  function searchBytes(haystack, needle, offset, forward, units, fromBuffer) {
    const length = haystack.length;
    const needleLength = needle.length;
    const start = searchStart(length, offset, needleLength, forward);
    if (needleLength === 0) return start;
    if (length === 0 || start <= -1) return -1;
    if ((forward && needleLength + start > length) || needleLength > length) return -1;
    if (units) {
      if (length < 2 || needleLength < 2) return -1;
      const found = searchUnits(haystack, needle, start, forward);
      // Node's search for a Buffer in an odd number of bytes misses as `length - 1`.
      return found === -1 && fromBuffer && (length & 1) !== 0 ? length - 1 : found;
    }
    return nativeIndexOf(haystack, needle, start, forward);
  }

  // `indexOf` (`forward`) and `lastIndexOf`: a number is a byte, a string is encoded,
  // a Uint8Array is taken as it is.
  function bidirectionalIndexOf(buffer, value, byteOffset, encoding, forward) {
    if (!ArrayBuffer.isView(buffer)) {
      throw ERR_INVALID_ARG_TYPE('buffer', ['Buffer', 'TypedArray', 'DataView'], buffer);
    }
    if (typeof byteOffset === 'string') {
      encoding = byteOffset;
      byteOffset = undefined;
    } else if (byteOffset > 0x7fffffff) {
      byteOffset = 0x7fffffff;
    } else if (byteOffset < -0x80000000) {
      byteOffset = -0x80000000;
    }
    byteOffset = +byteOffset;
    if (byteOffset !== byteOffset) byteOffset = forward ? 0 : buffer.length || buffer.byteLength;
    const offset = Math.trunc(byteOffset) + 0;
    const haystack = bytesOf(buffer);

    if (typeof value === 'number') {
      const length = haystack.length;
      const start = searchStart(length, offset, 1, forward);
      if (start <= -1 || length === 0) return -1;
      const byte = value & 0xff;
      return forward ? typedIndexOf.call(haystack, byte, start) : typedLastIndexOf.call(haystack, byte, start);
    }

    const name = encoding === undefined ? 'utf8' : encodingOf(encoding);
    if (typeof value === 'string') {
      if (name === undefined) throw ERR_UNKNOWN_ENCODING(encoding);
      const needle = value.length === 0 ? new Uint8Array(0) : nativeEncode(value, name);
      if (name === 'utf16le' && (haystack.length & 1) !== 0) {
        // Node searches a string's UTF-16 in the whole 16-bit units only.
        const even = new Uint8Array(haystack.buffer, haystack.byteOffset, haystack.length - 1);
        return searchBytes(even, needle, offset, forward, true, false);
      }
      return searchBytes(haystack, needle, offset, forward, name === 'utf16le', false);
    }
    if (isUint8Array(value)) return searchBytes(haystack, value, offset, forward, name === 'utf16le', true);
    throw ERR_INVALID_ARG_TYPE('value', ['number', 'string', 'Buffer', 'Uint8Array'], value);
  }

  proto.indexOf = function indexOf(value, byteOffset, encoding) {
    return bidirectionalIndexOf(this, value, byteOffset, encoding, true);
  };

  proto.lastIndexOf = function lastIndexOf(value, byteOffset, encoding) {
    return bidirectionalIndexOf(this, value, byteOffset, encoding, false);
  };

  proto.includes = function includes(value, byteOffset, encoding) {
    return this.indexOf(value, byteOffset, encoding) !== -1;
  };

  // Repeats `pattern` over `buf` from `start` to `end` (both checked).
  function fillPattern(buf, pattern, start, end) {
    const total = end - start;
    const size = pattern.length;
    if (size >= total) {
      buf.set(size === total ? pattern : new Uint8Array(pattern.buffer, pattern.byteOffset, total), start);
      return;
    }
    buf.set(pattern, start);
    let filled = size;
    while (filled < total) {
      const chunk = Math.min(filled, total - filled);
      buf.copyWithin(start + filled, start, start + chunk);
      filled += chunk;
    }
  }

  // buf.fill(number[, offset[, end]]), buf.fill(buffer[, offset[, end]]),
  // buf.fill(string[, offset[, end]][, encoding]).
  function fillBuffer(buf, value, offset, end, encoding) {
    let name;
    if (typeof value === 'string') {
      if (offset === undefined || typeof offset === 'string') {
        encoding = offset;
        offset = 0;
        end = buf.length;
      } else if (typeof end === 'string') {
        encoding = end;
        end = buf.length;
      }
      name = normalizeEncoding(encoding);
      if (name === undefined) {
        if (typeof encoding !== 'string') throw ERR_INVALID_ARG_TYPE('encoding', 'string', encoding);
        throw ERR_UNKNOWN_ENCODING(encoding);
      }
      if (value.length === 0) {
        value = 0;
      } else if (value.length === 1) {
        const code = value.charCodeAt(0);
        if ((name === 'utf8' && code < 128) || name === 'latin1') value = code;
      }
    }

    if (offset === undefined) {
      offset = 0;
      end = buf.length;
    } else {
      validateOffset(offset, 'offset');
      if (end === undefined) end = buf.length;
      else validateOffset(end, 'end', 0, buf.length);
      if (offset >= end) return buf;
    }

    if (typeof value === 'number') {
      if (end > buf.byteLength) throw ERR_BUFFER_OUT_OF_BOUNDS();
      typedFill.call(buf, value, offset, end);
      return buf;
    }
    if (end > buf.byteLength) throw ERR_BUFFER_OUT_OF_BOUNDS();
    let pattern;
    if (typeof value === 'string') {
      if (offset === end) return buf;
      pattern = nativeEncode(value, name);
    } else if (ArrayBuffer.isView(value)) {
      if (offset === end) return buf;
      pattern = bytesOf(value);
    } else {
      typedFill.call(buf, +value & 0xff, offset, end);
      return buf;
    }
    // Nothing to repeat (an empty buffer, hex or base64 that decodes to no byte).
    if (pattern.length === 0) throw ERR_INVALID_ARG_VALUE('value', value);
    fillPattern(buf, pattern, offset, end);
    return buf;
  }

  proto.fill = function fill(value, offset, end, encoding) {
    return fillBuffer(this, value, offset, end, encoding);
  };

  // buf.write(string[, offset[, length]][, encoding]).
  proto.write = function write(string, offset, length, encoding) {
    if (offset === undefined) return writeString(this, string, 0, this.length, 'utf8');
    if (length === undefined && typeof offset === 'string') {
      encoding = offset;
      length = this.length;
      offset = 0;
    } else {
      validateOffset(offset, 'offset', 0, this.length);
      const remaining = this.length - offset;
      if (length === undefined) {
        length = remaining;
      } else if (typeof length === 'string') {
        encoding = length;
        length = remaining;
      } else {
        validateOffset(length, 'length', 0, this.length);
        if (length > remaining) length = remaining;
      }
    }
    let name = 'utf8';
    if (encoding && encoding !== 'utf8') {
      name = encodingOf(encoding);
      if (name === undefined) throw ERR_UNKNOWN_ENCODING(encoding);
    }
    return writeString(this, string, offset, length, name);
  };

  proto.toJSON = function toJSON() {
    return { type: 'Buffer', data: Array.from(this) };
  };

  function adjustOffset(offset, length) {
    offset = Math.trunc(offset);
    if (offset === 0) return 0;
    if (offset < 0) {
      offset += length;
      return offset > 0 ? offset : 0;
    }
    if (offset < length) return offset;
    return offset !== offset ? 0 : length;
  }

  // Both share the buffer's memory, as in Node 17 and later.
  proto.subarray = function subarray(start, end) {
    const length = this.length;
    start = adjustOffset(start, length);
    end = end !== undefined ? adjustOffset(end, length) : length;
    return new FastBuffer(this.buffer, this.byteOffset + start, end > start ? end - start : 0);
  };

  proto.slice = function slice(start, end) {
    return this.subarray(start, end);
  };

  proto.swap16 = function swap16() {
    const length = this.length;
    if (length % 2 !== 0) throw ERR_INVALID_BUFFER_SIZE('16-bits');
    for (let i = 0; i < length; i += 2) {
      const a = this[i];
      this[i] = this[i + 1];
      this[i + 1] = a;
    }
    return this;
  };

  proto.swap32 = function swap32() {
    const length = this.length;
    if (length % 4 !== 0) throw ERR_INVALID_BUFFER_SIZE('32-bits');
    for (let i = 0; i < length; i += 4) {
      const a = this[i];
      const b = this[i + 1];
      this[i] = this[i + 3];
      this[i + 1] = this[i + 2];
      this[i + 2] = b;
      this[i + 3] = a;
    }
    return this;
  };

  proto.swap64 = function swap64() {
    const length = this.length;
    if (length % 8 !== 0) throw ERR_INVALID_BUFFER_SIZE('64-bits');
    for (let i = 0; i < length; i += 8) {
      for (let j = 0; j < 4; j++) {
        const a = this[i + j];
        this[i + j] = this[i + 7 - j];
        this[i + 7 - j] = a;
      }
    }
    return this;
  };

  proto.toLocaleString = proto.toString;

  // Node's per-encoding methods (`buf.utf8Slice(start, end)`, `buf.hexWrite(string,
  // offset, length)`), which some libraries call directly.
  function arrayIndex(value, fallback) {
    if (value === undefined) return fallback;
    const index = Math.trunc(+value) || 0;
    if (index < 0) throw indexOutOfRange();
    return index;
  }
  function defineEncodingMethods(prefix, name) {
    proto[prefix + 'Slice'] = {
      [prefix + 'Slice'](start, end) {
        const length = this.length;
        if (length === 0) return '';
        start = arrayIndex(start, 0);
        end = arrayIndex(end, length);
        if (end < start) end = start;
        if (end > length) throw indexOutOfRange();
        return nativeDecode(this, name, start, end);
      },
    }[prefix + 'Slice'];
    proto[prefix + 'Write'] = {
      [prefix + 'Write'](string, offset, length) {
        if (typeof string !== 'string') throw notAString();
        const size = this.length;
        offset = arrayIndex(offset, 0);
        if (offset > size) throw ERR_BUFFER_OUT_OF_BOUNDS('offset');
        length = Math.min(size - offset, arrayIndex(length, size - offset));
        return writeString(this, string, offset, length, name);
      },
    }[prefix + 'Write'];
  }
  defineEncodingMethods('ascii', 'ascii');
  defineEncodingMethods('base64', 'base64');
  defineEncodingMethods('base64url', 'base64url');
  defineEncodingMethods('latin1', 'latin1');
  defineEncodingMethods('hex', 'hex');
  defineEncodingMethods('ucs2', 'utf16le');
  defineEncodingMethods('utf8', 'utf8');

  // ---------------------------------------------------------------- numbers

  function offsetType(offset) {
    return ERR_INVALID_ARG_TYPE('offset', 'number', offset);
  }

  // Why `value` (an offset, or `byteLength` when `type` says so) is out of bounds, when
  // `length` is the last offset that would fit.
  function boundsError(value, length, type) {
    if (Math.floor(value) !== value) {
      validateNumber(value, type || 'offset');
      throw ERR_OUT_OF_RANGE(type || 'offset', 'an integer', value);
    }
    if (length < 0) throw ERR_BUFFER_OUT_OF_BOUNDS();
    throw ERR_OUT_OF_RANGE(type || 'offset', `>= ${type ? 1 : 0} and <= ${length}`, value);
  }

  // Checks that `size` bytes from `offset` are in `buf`.
  function checkBounds(buf, offset, size) {
    if (typeof offset !== 'number') throw offsetType(offset);
    if (buf[offset] === undefined || buf[offset + size - 1] === undefined) boundsError(offset, buf.length - size);
  }

  // Checks `value` for a write of `size` bytes, then the offset.
  function checkInt(value, min, max, buf, offset, size) {
    if (value > max || value < min) {
      const n = typeof min === 'bigint' ? 'n' : '';
      let range;
      if (size > 4) {
        if (min === 0 || min === 0n) range = `>= 0${n} and < 2${n} ** ${size * 8}${n}`;
        else range = `>= -(2${n} ** ${size * 8 - 1}${n}) and < 2${n} ** ${size * 8 - 1}${n}`;
      } else {
        range = `>= ${min}${n} and <= ${max}${n}`;
      }
      throw ERR_OUT_OF_RANGE('value', range, value);
    }
    checkBounds(buf, offset, size);
  }

  // Scratch memory for floats and 64-bit integers, read and written little-endian.
  const scratch = new ArrayBuffer(8);
  const scratchBytes = new Uint8Array(scratch);
  const scratchView = new DataView(scratch);

  function readUInt8(offset = 0) {
    if (typeof offset !== 'number') throw offsetType(offset);
    const value = this[offset];
    if (value === undefined) boundsError(offset, this.length - 1);
    return value;
  }
  function readInt8(offset = 0) {
    if (typeof offset !== 'number') throw offsetType(offset);
    const value = this[offset];
    if (value === undefined) boundsError(offset, this.length - 1);
    return (value << 24) >> 24;
  }
  function readUInt16LE(offset = 0) {
    checkBounds(this, offset, 2);
    return this[offset] + this[offset + 1] * 0x100;
  }
  function readUInt16BE(offset = 0) {
    checkBounds(this, offset, 2);
    return this[offset] * 0x100 + this[offset + 1];
  }
  function readInt16LE(offset = 0) {
    checkBounds(this, offset, 2);
    return ((this[offset] | (this[offset + 1] << 8)) << 16) >> 16;
  }
  function readInt16BE(offset = 0) {
    checkBounds(this, offset, 2);
    return (((this[offset] << 8) | this[offset + 1]) << 16) >> 16;
  }
  function uint24LE(buf, offset) {
    return buf[offset] + buf[offset + 1] * 0x100 + buf[offset + 2] * 0x10000;
  }
  function uint24BE(buf, offset) {
    return buf[offset] * 0x10000 + buf[offset + 1] * 0x100 + buf[offset + 2];
  }
  function uint32LE(buf, offset) {
    return buf[offset] + buf[offset + 1] * 0x100 + buf[offset + 2] * 0x10000 + buf[offset + 3] * 0x1000000;
  }
  function uint32BE(buf, offset) {
    return buf[offset] * 0x1000000 + buf[offset + 1] * 0x10000 + buf[offset + 2] * 0x100 + buf[offset + 3];
  }
  function readUInt32LE(offset = 0) {
    checkBounds(this, offset, 4);
    return uint32LE(this, offset);
  }
  function readUInt32BE(offset = 0) {
    checkBounds(this, offset, 4);
    return uint32BE(this, offset);
  }
  function readInt32LE(offset = 0) {
    checkBounds(this, offset, 4);
    return this[offset] | (this[offset + 1] << 8) | (this[offset + 2] << 16) | (this[offset + 3] << 24);
  }
  function readInt32BE(offset = 0) {
    checkBounds(this, offset, 4);
    return (this[offset] << 24) | (this[offset + 1] << 16) | (this[offset + 2] << 8) | this[offset + 3];
  }

  // The integer of `size` bytes (3 to 6; 1, 2 and 4 go to the methods above).
  function readSized(buf, offset, size, littleEndian, signed) {
    checkBounds(buf, offset, size);
    let value;
    if (size === 3) {
      value = littleEndian ? uint24LE(buf, offset) : uint24BE(buf, offset);
      return signed && value >= 0x800000 ? value - 0x1000000 : value;
    }
    // 5 or 6 bytes: the low 32 bits, then the rest above them.
    const high = size - 4;
    if (littleEndian) {
      value = uint32LE(buf, offset);
      let top = buf[offset + 4];
      if (high === 2) top += buf[offset + 5] * 0x100;
      if (signed && top >= 2 ** (high * 8 - 1)) top -= 2 ** (high * 8);
      return top * 0x100000000 + value;
    }
    let top = buf[offset];
    if (high === 2) top = top * 0x100 + buf[offset + 1];
    if (signed && top >= 2 ** (high * 8 - 1)) top -= 2 ** (high * 8);
    return top * 0x100000000 + uint32BE(buf, offset + high);
  }

  function makeSizedReader(name, littleEndian, signed, one, two, four) {
    const method = {
      [name](offset, byteLength) {
        if (offset === undefined) throw offsetType(offset);
        switch (byteLength) {
          case 1:
            return one.call(this, offset);
          case 2:
            return two.call(this, offset);
          case 4:
            return four.call(this, offset);
          case 3:
          case 5:
          case 6:
            return readSized(this, offset, byteLength, littleEndian, signed);
          default:
            return boundsError(byteLength, 6, 'byteLength');
        }
      },
    };
    return method[name];
  }
  const readUIntLE = makeSizedReader('readUIntLE', true, false, readUInt8, readUInt16LE, readUInt32LE);
  const readUIntBE = makeSizedReader('readUIntBE', false, false, readUInt8, readUInt16BE, readUInt32BE);
  const readIntLE = makeSizedReader('readIntLE', true, true, readInt8, readInt16LE, readInt32LE);
  const readIntBE = makeSizedReader('readIntBE', false, true, readInt8, readInt16BE, readInt32BE);

  // Copies `size` bytes at `offset` to the scratch memory, reversed when big-endian.
  function toScratch(buf, offset, size, littleEndian) {
    checkBounds(buf, offset, size);
    if (littleEndian) for (let i = 0; i < size; i++) scratchBytes[i] = buf[offset + i];
    else for (let i = 0; i < size; i++) scratchBytes[i] = buf[offset + size - 1 - i];
  }
  function fromScratch(buf, offset, size, littleEndian) {
    if (littleEndian) for (let i = 0; i < size; i++) buf[offset + i] = scratchBytes[i];
    else for (let i = 0; i < size; i++) buf[offset + size - 1 - i] = scratchBytes[i];
    return offset + size;
  }

  function readBigUInt64LE(offset = 0) {
    toScratch(this, offset, 8, true);
    return scratchView.getBigUint64(0, true);
  }
  function readBigUInt64BE(offset = 0) {
    toScratch(this, offset, 8, false);
    return scratchView.getBigUint64(0, true);
  }
  function readBigInt64LE(offset = 0) {
    toScratch(this, offset, 8, true);
    return scratchView.getBigInt64(0, true);
  }
  function readBigInt64BE(offset = 0) {
    toScratch(this, offset, 8, false);
    return scratchView.getBigInt64(0, true);
  }
  function readFloatForwards(offset = 0) {
    toScratch(this, offset, 4, true);
    return scratchView.getFloat32(0, true);
  }
  function readFloatBackwards(offset = 0) {
    toScratch(this, offset, 4, false);
    return scratchView.getFloat32(0, true);
  }
  function readDoubleForwards(offset = 0) {
    toScratch(this, offset, 8, true);
    return scratchView.getFloat64(0, true);
  }
  function readDoubleBackwards(offset = 0) {
    toScratch(this, offset, 8, false);
    return scratchView.getFloat64(0, true);
  }

  // Writes integers of 1 to 6 bytes; each byte store keeps the low 8 bits.
  function writeByte(buf, value, offset, min, max) {
    value = +value;
    if (typeof offset !== 'number') throw offsetType(offset);
    if (value > max || value < min) throw ERR_OUT_OF_RANGE('value', `>= ${min} and <= ${max}`, value);
    if (buf[offset] === undefined) boundsError(offset, buf.length - 1);
    buf[offset] = value;
    return offset + 1;
  }
  function writeLE(buf, value, offset, min, max, size) {
    value = +value;
    checkInt(value, min, max, buf, offset, size);
    let low = value;
    for (let i = 0; i < size && i < 4; i++) {
      buf[offset + i] = low;
      low = low >>> 8;
    }
    if (size > 4) {
      const high = Math.floor(value * 2 ** -32);
      buf[offset + 4] = high;
      if (size > 5) buf[offset + 5] = high >>> 8;
    }
    return offset + size;
  }
  function writeBE(buf, value, offset, min, max, size) {
    value = +value;
    checkInt(value, min, max, buf, offset, size);
    let low = value;
    const last = offset + size - 1;
    for (let i = 0; i < size && i < 4; i++) {
      buf[last - i] = low;
      low = low >>> 8;
    }
    if (size > 4) {
      const high = Math.floor(value * 2 ** -32);
      buf[last - 4] = high;
      if (size > 5) buf[last - 5] = high >>> 8;
    }
    return offset + size;
  }

  function writeUInt8(value, offset = 0) {
    return writeByte(this, value, offset, 0, 0xff);
  }
  function writeInt8(value, offset = 0) {
    return writeByte(this, value, offset, -0x80, 0x7f);
  }
  function writeUInt16LE(value, offset = 0) {
    return writeLE(this, value, offset, 0, 0xffff, 2);
  }
  function writeUInt16BE(value, offset = 0) {
    return writeBE(this, value, offset, 0, 0xffff, 2);
  }
  function writeInt16LE(value, offset = 0) {
    return writeLE(this, value, offset, -0x8000, 0x7fff, 2);
  }
  function writeInt16BE(value, offset = 0) {
    return writeBE(this, value, offset, -0x8000, 0x7fff, 2);
  }
  function writeUInt32LE(value, offset = 0) {
    return writeLE(this, value, offset, 0, 0xffffffff, 4);
  }
  function writeUInt32BE(value, offset = 0) {
    return writeBE(this, value, offset, 0, 0xffffffff, 4);
  }
  function writeInt32LE(value, offset = 0) {
    return writeLE(this, value, offset, -0x80000000, 0x7fffffff, 4);
  }
  function writeInt32BE(value, offset = 0) {
    return writeBE(this, value, offset, -0x80000000, 0x7fffffff, 4);
  }

  function makeSizedWriter(name, write, signed) {
    const method = {
      [name](value, offset, byteLength) {
        switch (byteLength) {
          case 1:
            return signed ? writeByte(this, value, offset, -0x80, 0x7f) : writeByte(this, value, offset, 0, 0xff);
          case 2:
          case 3:
          case 4:
          case 5:
          case 6: {
            const bits = byteLength * 8;
            if (signed) return write(this, value, offset, -(2 ** (bits - 1)), 2 ** (bits - 1) - 1, byteLength);
            return write(this, value, offset, 0, 2 ** bits - 1, byteLength);
          }
          default:
            return boundsError(byteLength, 6, 'byteLength');
        }
      },
    };
    return method[name];
  }
  const writeUIntLE = makeSizedWriter('writeUIntLE', writeLE, false);
  const writeUIntBE = makeSizedWriter('writeUIntBE', writeBE, false);
  const writeIntLE = makeSizedWriter('writeIntLE', writeLE, true);
  const writeIntBE = makeSizedWriter('writeIntBE', writeBE, true);

  // A value that is no BigInt (nor converts to one) throws as mixing types does.
  function writeBig(buf, value, offset, min, max, littleEndian) {
    checkInt(value, min, max, buf, offset, 8);
    const low = Number(value & 0xffffffffn);
    const high = Number((value >> 32n) & 0xffffffffn);
    scratchView.setUint32(0, low, true);
    scratchView.setUint32(4, high, true);
    return fromScratch(buf, offset, 8, littleEndian);
  }
  function writeBigUInt64LE(value, offset = 0) {
    return writeBig(this, value, offset, 0n, 0xffffffffffffffffn, true);
  }
  function writeBigUInt64BE(value, offset = 0) {
    return writeBig(this, value, offset, 0n, 0xffffffffffffffffn, false);
  }
  function writeBigInt64LE(value, offset = 0) {
    return writeBig(this, value, offset, -0x8000000000000000n, 0x7fffffffffffffffn, true);
  }
  function writeBigInt64BE(value, offset = 0) {
    return writeBig(this, value, offset, -0x8000000000000000n, 0x7fffffffffffffffn, false);
  }

  function writeFloatForwards(value, offset = 0) {
    value = +value;
    checkBounds(this, offset, 4);
    scratchView.setFloat32(0, value, true);
    return fromScratch(this, offset, 4, true);
  }
  function writeFloatBackwards(value, offset = 0) {
    value = +value;
    checkBounds(this, offset, 4);
    scratchView.setFloat32(0, value, true);
    return fromScratch(this, offset, 4, false);
  }
  function writeDoubleForwards(value, offset = 0) {
    value = +value;
    checkBounds(this, offset, 8);
    scratchView.setFloat64(0, value, true);
    return fromScratch(this, offset, 8, true);
  }
  function writeDoubleBackwards(value, offset = 0) {
    value = +value;
    checkBounds(this, offset, 8);
    scratchView.setFloat64(0, value, true);
    return fromScratch(this, offset, 8, false);
  }

  const numberMethods = {
    readBigUInt64LE,
    readBigUInt64BE,
    readBigUint64LE: readBigUInt64LE,
    readBigUint64BE: readBigUInt64BE,
    readBigInt64LE,
    readBigInt64BE,
    writeBigUInt64LE,
    writeBigUInt64BE,
    writeBigUint64LE: writeBigUInt64LE,
    writeBigUint64BE: writeBigUInt64BE,
    writeBigInt64LE,
    writeBigInt64BE,
    readUIntLE,
    readUInt32LE,
    readUInt16LE,
    readUInt8,
    readUIntBE,
    readUInt32BE,
    readUInt16BE,
    readUintLE: readUIntLE,
    readUint32LE: readUInt32LE,
    readUint16LE: readUInt16LE,
    readUint8: readUInt8,
    readUintBE: readUIntBE,
    readUint32BE: readUInt32BE,
    readUint16BE: readUInt16BE,
    readIntLE,
    readInt32LE,
    readInt16LE,
    readInt8,
    readIntBE,
    readInt32BE,
    readInt16BE,
    writeUIntLE,
    writeUInt32LE,
    writeUInt16LE,
    writeUInt8,
    writeUIntBE,
    writeUInt32BE,
    writeUInt16BE,
    writeUintLE: writeUIntLE,
    writeUint32LE: writeUInt32LE,
    writeUint16LE: writeUInt16LE,
    writeUint8: writeUInt8,
    writeUintBE: writeUIntBE,
    writeUint32BE: writeUInt32BE,
    writeUint16BE: writeUInt16BE,
    writeIntLE,
    writeInt32LE,
    writeInt16LE,
    writeInt8,
    writeIntBE,
    writeInt32BE,
    writeInt16BE,
    readFloatLE: readFloatForwards,
    readFloatBE: readFloatBackwards,
    readDoubleLE: readDoubleForwards,
    readDoubleBE: readDoubleBackwards,
    writeFloatLE: writeFloatForwards,
    writeFloatBE: writeFloatBackwards,
    writeDoubleLE: writeDoubleForwards,
    writeDoubleBE: writeDoubleBackwards,
  };
  for (const key of Object.keys(numberMethods)) proto[key] = numberMethods[key];

  // ---------------------------------------------------------------- module functions

  function invalidCharacter(message) {
    return new DOMException(message, 'InvalidCharacterError');
  }

  const NOT_LATIN1 = /[^\x00-\xff]/;
  function btoa(input) {
    if (arguments.length === 0) throw ERR_MISSING_ARGS('input');
    input = `${input}`;
    if (NOT_LATIN1.test(input)) throw invalidCharacter('Invalid character');
    if (input.length === 0) return '';
    const bytes = nativeEncode(input, 'latin1');
    return nativeDecode(bytes, 'base64', 0, bytes.length);
  }

  // WHATWG's forgiving base64, with Node's errors: ASCII whitespace anywhere, at most
  // two `=` at the end, and only as many as complete the last group of four.
  const BASE64_BODY = /^[\t\n\f\r A-Za-z0-9+/]*$/;
  const WHITESPACE = /[\t\n\f\r ]/;
  const WHITESPACES = /[\t\n\f\r ]+/g;
  const isWhitespace = (code) => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d;
  function atob(input) {
    if (arguments.length === 0) throw ERR_MISSING_ARGS('input');
    input = `${input}`;
    let end = input.length;
    while (end > 0 && isWhitespace(input.charCodeAt(end - 1))) end--;
    let padding = 0;
    if (end > 0 && input.charCodeAt(end - 1) === 0x3d) {
      padding = 1;
      end--;
      while (end > 0 && isWhitespace(input.charCodeAt(end - 1))) end--;
      if (end > 0 && input.charCodeAt(end - 1) === 0x3d) {
        padding = 2;
        end--;
      }
    }
    if (end === 0) {
      if (padding !== 0) throw invalidCharacter('Invalid character');
      return '';
    }
    const body = end === input.length ? input : input.slice(0, end);
    if (!BASE64_BODY.test(body)) throw invalidCharacter('Invalid character');
    const text = WHITESPACE.test(body) ? body.replace(WHITESPACES, '') : body;
    const rest = text.length % 4;
    if (rest === 1) throw invalidCharacter('The string to be decoded is not correctly encoded.');
    if (padding !== 0 && rest + padding !== 4) throw invalidCharacter('Invalid character');
    const bytes = nativeEncode(text, 'base64');
    return nativeDecode(bytes, 'latin1', 0, bytes.length);
  }

  function bytesToCheck(input) {
    if (isTypedArray(input)) return bytesOf(input);
    if (isAnyArrayBuffer(input)) return new Uint8Array(input);
    throw ERR_INVALID_ARG_TYPE('input', ['ArrayBuffer', 'Buffer', 'TypedArray'], input);
  }

  // Valid UTF-8 is what decodes and encodes back to the same bytes.
  function isUtf8(input) {
    const bytes = bytesToCheck(input);
    const length = bytes.length;
    if (length === 0) return true;
    const text = nativeDecode(bytes, 'utf8', 0, length);
    if (nativeByteLength(text, 'utf8') !== length) return false;
    return nativeCompare(nativeEncode(text, 'utf8'), bytes) === 0;
  }

  function isAscii(input) {
    const bytes = bytesToCheck(input);
    for (let i = 0; i < bytes.length; i++) {
      if (bytes[i] > 0x7f) return false;
    }
    return true;
  }

  const constants = {};
  Object.defineProperties(constants, {
    MAX_LENGTH: { value: kMaxLength, writable: false, enumerable: true, configurable: false },
    MAX_STRING_LENGTH: { value: kStringMaxLength, writable: false, enumerable: true, configurable: false },
  });

  module.exports = {
    Buffer,
    SlowBuffer,
    isUtf8,
    isAscii,
    kMaxLength,
    kStringMaxLength,
    btoa,
    atob,
  };
  Object.defineProperties(module.exports, {
    constants: { value: constants, writable: false, enumerable: true, configurable: false },
    INSPECT_MAX_BYTES: {
      enumerable: true,
      configurable: true,
      get() {
        return INSPECT_MAX_BYTES;
      },
      set(value) {
        validateNumber(value, 'INSPECT_MAX_BYTES', 0);
        INSPECT_MAX_BYTES = value;
      },
    },
  });
  // The web's Blob and File, as the globals have them when they are read.
  for (const name of ['Blob', 'File']) {
    Object.defineProperty(module.exports, name, {
      enumerable: true,
      configurable: true,
      get() {
        return globalThis[name];
      },
      set(value) {
        Object.defineProperty(module.exports, name, { value, writable: true, enumerable: true, configurable: true });
      },
    });
  }
})
