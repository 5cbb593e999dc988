// `TextEncoder` and `TextDecoder` (globals, and `util`'s), as the WHATWG Encoding
// standard and Node define them: UTF-8 both ways (`encodeInto`, `fatal`, `ignoreBOM`,
// streaming decode), and decoding of UTF-16LE/BE and windows-1252 (the labels `latin1`,
// `ascii` and `iso-8859-1` name it). The byte work is the `buffer` natives'.
(function (module, require, natives) {
  'use strict';
  const { codes, nodeError } = require('internal/errors');

  class TextEncoder {
    get encoding() {
      return 'utf-8';
    }
    encode(input = '') {
      return natives.encode(typeof input === 'string' ? input : String(input), 'utf8');
    }
    encodeInto(source, destination) {
      if (!(destination instanceof Uint8Array)) {
        throw codes.ERR_INVALID_ARG_TYPE('dest', 'Uint8Array', destination);
      }
      const bytes = natives.encode(String(source), 'utf8');
      let written = bytes.length;
      if (written > destination.length) {
        // Only whole characters: back up to the start of one.
        written = destination.length;
        while (written > 0 && (bytes[written] & 0xc0) === 0x80) written--;
      }
      destination.set(written === bytes.length ? bytes : bytes.subarray(0, written));
      // Code units read: one per byte that starts a character, two for four-byte ones.
      let read = 0;
      for (let i = 0; i < written; i++) {
        const byte = bytes[i];
        if ((byte & 0xc0) !== 0x80) read += byte >= 0xf0 ? 2 : 1;
      }
      return { read, written };
    }
    get [Symbol.toStringTag]() {
      return 'TextEncoder';
    }
  }

  // windows-1252's bytes 0x80 to 0x9f (the rest are Latin-1's).
  const WINDOWS_1252 = [
    0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
    0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
    0x153, 0x9d, 0x17e, 0x178,
  ];
  const LABELS = new Map();
  for (const label of ['unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'utf-8', 'utf8', 'x-unicode20utf8']) {
    LABELS.set(label, 'utf-8');
  }
  for (const label of ['csunicode', 'iso-10646-ucs-2', 'ucs-2', 'unicode', 'unicodefeff', 'utf-16', 'utf-16le']) {
    LABELS.set(label, 'utf-16le');
  }
  for (const label of ['unicodefffe', 'utf-16be']) LABELS.set(label, 'utf-16be');
  for (const label of ['ansi_x3.4-1968', 'ascii', 'cp1252', 'cp819', 'csisolatin1', 'ibm819', 'iso-8859-1',
    'iso-ir-100', 'iso8859-1', 'iso88591', 'iso_8859-1', 'iso_8859-1:1987', 'l1', 'latin1', 'us-ascii',
    'windows-1252', 'x-cp1252']) {
    LABELS.set(label, 'windows-1252');
  }

  function invalidData() {
    return nodeError(TypeError, 'ERR_ENCODING_INVALID_ENCODED_DATA', 'The encoded data was not valid for encoding utf-8');
  }

  function bytesOf(input) {
    if (input === undefined) return new Uint8Array(0);
    if (input instanceof Uint8Array) return input;
    if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    if (input instanceof ArrayBuffer || (typeof SharedArrayBuffer !== 'undefined' && input instanceof SharedArrayBuffer)) {
      return new Uint8Array(input);
    }
    throw codes.ERR_INVALID_ARG_TYPE('input', ['ArrayBuffer', 'ArrayBufferView'], input);
  }

  // How many bytes at the end of `bytes` begin a UTF-8 sequence they do not finish.
  function incompleteTail(bytes) {
    const n = bytes.length;
    for (let back = 1; back <= 3 && back <= n; back++) {
      const byte = bytes[n - back];
      if ((byte & 0xc0) === 0x80) continue;
      const need = byte >= 0xf0 && byte <= 0xf4 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc2 && byte < 0xe0 ? 2 : 1;
      return need > back ? back : 0;
    }
    return 0;
  }

  class TextDecoder {
    #encoding;
    #fatal;
    #ignoreBOM;
    #pending = null;
    #bomSeen = false;

    constructor(label = 'utf-8', options = {}) {
      const encoding = LABELS.get(String(label).trim().toLowerCase());
      if (encoding === undefined) {
        throw nodeError(RangeError, 'ERR_ENCODING_NOT_SUPPORTED', 'The "' + label + '" encoding is not supported');
      }
      if (options !== null && typeof options !== 'object' && options !== undefined) {
        throw codes.ERR_INVALID_ARG_TYPE('options', 'object', options);
      }
      this.#encoding = encoding;
      this.#fatal = !!(options && options.fatal);
      this.#ignoreBOM = !!(options && options.ignoreBOM);
    }
    get encoding() {
      return this.#encoding;
    }
    get fatal() {
      return this.#fatal;
    }
    get ignoreBOM() {
      return this.#ignoreBOM;
    }
    decode(input = undefined, options = {}) {
      let bytes = bytesOf(input);
      const stream = !!(options && options.stream);
      if (this.#pending !== null) {
        const joined = new Uint8Array(this.#pending.length + bytes.length);
        joined.set(this.#pending);
        joined.set(bytes, this.#pending.length);
        bytes = joined;
        this.#pending = null;
      }
      let keep = 0;
      if (stream) {
        keep = this.#encoding === 'utf-8' ? incompleteTail(bytes) : this.#encoding === 'windows-1252' ? 0 : bytes.length % 2;
        if (this.#encoding !== 'utf-8' && this.#encoding !== 'windows-1252' && bytes.length >= 2 + keep) {
          // A high surrogate at the end waits for its pair.
          const at = bytes.length - keep - 2;
          const unit = this.#encoding === 'utf-16le' ? bytes[at] | (bytes[at + 1] << 8) : (bytes[at] << 8) | bytes[at + 1];
          if (unit >= 0xd800 && unit <= 0xdbff) keep += 2;
        }
        if (keep > 0) {
          this.#pending = bytes.slice(bytes.length - keep);
          bytes = bytes.subarray(0, bytes.length - keep);
        }
      }
      let text = this.#decode(bytes);
      if (!this.#ignoreBOM && !this.#bomSeen && text.length > 0) {
        if (text.charCodeAt(0) === 0xfeff && this.#encoding !== 'windows-1252') text = text.slice(1);
        this.#bomSeen = true;
      }
      if (!stream) {
        this.#bomSeen = false;
      }
      return text;
    }
    #decode(bytes) {
      switch (this.#encoding) {
        case 'utf-8': {
          if (!this.#fatal) return natives.decode(bytes, 'utf8', 0, bytes.length);
          const text = natives.utf8Fatal(bytes);
          if (text === null) throw invalidData();
          return text;
        }
        case 'utf-16le':
        case 'utf-16be': {
          if (this.#fatal && bytes.length % 2 === 1) throw invalidData();
          let source = bytes;
          if (this.#encoding === 'utf-16be') {
            source = new Uint8Array(bytes.length - (bytes.length % 2));
            for (let i = 0; i + 1 < bytes.length; i += 2) {
              source[i] = bytes[i + 1];
              source[i + 1] = bytes[i];
            }
          }
          let text = natives.decode(source, 'utf16le', 0, source.length);
          if (bytes.length % 2 === 1) text += '\ufffd';
          if (!text.isWellFormed()) {
            if (this.#fatal) throw invalidData();
            text = text.toWellFormed();
          }
          return text;
        }
        default: {
          let text = natives.decode(bytes, 'latin1', 0, bytes.length);
          if (/[\x80-\x9f]/.test(text)) {
            text = text.replace(/[\x80-\x9f]/g, (c) => String.fromCharCode(WINDOWS_1252[c.charCodeAt(0) - 0x80]));
          }
          return text;
        }
      }
    }
    get [Symbol.toStringTag]() {
      return 'TextDecoder';
    }
  }
  for (const Class of [TextEncoder, TextDecoder]) {
    for (const name of Object.getOwnPropertyNames(Class.prototype)) {
      if (name === 'constructor') continue;
      const descriptor = Object.getOwnPropertyDescriptor(Class.prototype, name);
      descriptor.enumerable = true;
      Object.defineProperty(Class.prototype, name, descriptor);
    }
  }

  module.exports = { TextEncoder, TextDecoder };
})
