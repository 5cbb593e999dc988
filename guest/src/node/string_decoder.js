// Node's `string_decoder`: `StringDecoder` turns byte chunks into strings without
// splitting characters: a UTF-8 or UTF-16 character, or a base64 group, cut at a chunk's
// end waits for the next chunk or `end()`, where Node's native decoder cuts it and with its
// replacement characters. The state is a 7-byte Buffer laid out as Node's (waiting bytes,
// missing and waiting counts, encoding), behind `lastChar`, `lastNeed` and `lastTotal`.
// Bytes become text through `buffer`'s `toString`, loaded when first needed.
(function (module, require) {
  'use strict';

  let BufferClass = null;
  const getBuffer = () => BufferClass || (BufferClass = require('buffer').Buffer);

  let errorsModule = null;
  const codes = () => (errorsModule || (errorsModule = require('internal/errors'))).codes;

  const kNativeDecoder = Symbol('kNativeDecoder');
  const MISSING = 4;
  const BUFFERED = 5;
  const ENCODING = 6;

  // Node's numbering of the encodings in the state's last byte
  const ASCII = 0;
  const UTF8 = 1;
  const BASE64 = 2;
  const UTF16LE = 3;
  const LATIN1 = 4;
  const HEX = 5;
  const BASE64URL = 7;
  const NAMES = ['ascii', 'utf8', 'base64', 'utf16le', 'latin1', 'hex', 'buffer', 'base64url'];
  const IDS = {
    __proto__: null,
    ascii: ASCII, utf8: UTF8, base64: BASE64, utf16le: UTF16LE, latin1: LATIN1, hex: HEX, base64url: BASE64URL,
  };

  // the names Node accepts, in any case, by what they mean
  const ALIASES = {
    __proto__: null,
    'utf8': 'utf8',
    'utf-8': 'utf8',
    'ucs2': 'utf16le',
    'ucs-2': 'utf16le',
    'utf16le': 'utf16le',
    'utf-16le': 'utf16le',
    'latin1': 'latin1',
    'binary': 'latin1',
    'base64': 'base64',
    'base64url': 'base64url',
    'hex': 'hex',
    'ascii': 'ascii',
  };

  function normalizeEncoding(encoding) {
    if (encoding == null || encoding === '' || encoding === 'utf8') return 'utf8';
    // as Node, the length decides which names are tried
    const size = encoding.length;
    if (typeof size !== 'number' || size < 3 || size > 9) return undefined;
    const lower = String.prototype.toLowerCase.call(encoding);
    const name = ALIASES[lower];
    return name !== undefined && lower.length === size ? name : undefined;
  }

  // `length` bytes of `bytes` from `start` as text.
  function bytesToText(bytes, start, length, encoding) {
    if (length === 0) return '';
    const Buffer = getBuffer();
    return Buffer.from(bytes.buffer, bytes.byteOffset + start, length).toString(NAMES[encoding]);
  }

  // How many of the last bytes of `bytes` [start, end) begin a UTF-8 character that is
  // not complete, and how many bytes it lacks: sets the state's counts.
  function cutUtf8(state, bytes, start, end) {
    let waiting = 0;
    for (let i = end - 1; ; i--) {
      waiting++;
      const byte = bytes[i];
      if ((byte & 0xc0) === 0x80) {
        // a continuation byte: keep looking for its lead, up to four back
        if (waiting >= 4 || i === start) return;
        continue;
      }
      let size;
      if ((byte & 0xe0) === 0xc0) size = 2;
      else if ((byte & 0xf0) === 0xe0) size = 3;
      else if ((byte & 0xf8) === 0xf0) size = 4;
      else return;
      if (waiting >= size) return; // complete (or too long: invalid either way)
      state[MISSING] = size - waiting;
      state[BUFFERED] = waiting;
      return;
    }
  }

  function decode(state, view) {
    const bytes = view instanceof Uint8Array ? view : new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
    const encoding = state[ENCODING];
    let start = 0;
    const end = bytes.length;
    if (encoding !== UTF8 && encoding !== UTF16LE && encoding !== BASE64 && encoding !== BASE64URL) {
      return bytesToText(bytes, 0, end, encoding);
    }

    // first, the bytes that finish the character the last chunk left waiting
    let head = null;
    if (state[MISSING] > 0) {
      if (encoding === UTF8) {
        // a byte that cannot continue the character ends it, as it is, and starts anew
        const limit = Math.min(end, state[MISSING]);
        for (let i = 0; i < limit; i++) {
          if ((bytes[i] & 0xc0) !== 0x80) {
            state.set(bytes.subarray(0, i), state[BUFFERED]);
            state[BUFFERED] += i;
            state[MISSING] = 0;
            start = i;
            break;
          }
        }
      }
      const taken = Math.min(end - start, state[MISSING]);
      state.set(bytes.subarray(start, start + taken), state[BUFFERED]);
      start += taken;
      state[MISSING] -= taken;
      state[BUFFERED] += taken;
      if (state[MISSING] === 0) {
        head = bytesToText(state, 0, state[BUFFERED], encoding);
        state[BUFFERED] = 0;
      }
    }
    if (start === end) return head === null ? '' : head;

    // then the rest, but for a character it ends in the middle of
    if (encoding === UTF8) {
      if (bytes[end - 1] & 0x80) cutUtf8(state, bytes, start, end);
    } else if (encoding === UTF16LE) {
      if ((end - start) % 2 === 1) {
        state[BUFFERED] = 1;
        state[MISSING] = 1;
      } else if ((bytes[end - 1] & 0xfc) === 0xd8) {
        // the high half of a surrogate pair
        state[BUFFERED] = 2;
        state[MISSING] = 2;
      }
    } else {
      const over = (end - start) % 3;
      if (over > 0) {
        state[BUFFERED] = over;
        state[MISSING] = 3 - over;
      }
    }
    const kept = state[BUFFERED];
    if (kept > 0) state.set(bytes.subarray(end - kept, end), 0);
    const body = bytesToText(bytes, start, end - start - kept, encoding);
    return head === null ? body : head + body;
  }

  // What waits, as it is, at the end of the input.
  function flush(state) {
    const encoding = state[ENCODING];
    if (encoding === UTF16LE && state[BUFFERED] % 2 === 1) {
      // a lone last byte is dropped
      state[MISSING]--;
      state[BUFFERED]--;
    }
    if (state[BUFFERED] === 0) return '';
    const out = bytesToText(state, 0, state[BUFFERED], encoding);
    state[MISSING] = 0;
    state[BUFFERED] = 0;
    return out;
  }

  function StringDecoder(encoding) {
    const normalized = normalizeEncoding(encoding);
    if (normalized === undefined) throw new (codes().ERR_UNKNOWN_ENCODING)(encoding);
    this.encoding = normalized;
    this[kNativeDecoder] = getBuffer().alloc(7);
    this[kNativeDecoder][ENCODING] = IDS[normalized];
  }

  StringDecoder.prototype.write = function write(buf) {
    if (typeof buf === 'string') return buf;
    if (!ArrayBuffer.isView(buf)) {
      throw new (codes().ERR_INVALID_ARG_TYPE)('buf', ['Buffer', 'TypedArray', 'DataView'], buf);
    }
    const state = this[kNativeDecoder];
    if (!state) throw new (codes().ERR_INVALID_THIS)('StringDecoder');
    return decode(state, buf);
  };

  StringDecoder.prototype.end = function end(buf) {
    let out = '';
    if (buf !== undefined) out = this.write(buf);
    if (this[kNativeDecoder][BUFFERED] > 0) out += flush(this[kNativeDecoder]);
    return out;
  };

  // Legacy: decodes `buf` from `offset` as a fresh start.
  StringDecoder.prototype.text = function text(buf, offset) {
    this[kNativeDecoder][MISSING] = 0;
    this[kNativeDecoder][BUFFERED] = 0;
    return this.write(buf.slice(offset));
  };

  Object.defineProperties(StringDecoder.prototype, {
    lastChar: {
      configurable: true,
      enumerable: true,
      get() {
        return this[kNativeDecoder].subarray(0, 4);
      },
    },
    lastNeed: {
      configurable: true,
      enumerable: true,
      get() {
        return this[kNativeDecoder][MISSING];
      },
    },
    lastTotal: {
      configurable: true,
      enumerable: true,
      get() {
        return this[kNativeDecoder][BUFFERED] + this[kNativeDecoder][MISSING];
      },
    },
  });

  module.exports = { StringDecoder };
})
