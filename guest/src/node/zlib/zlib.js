// Node's `zlib` on the guest's one-shot natives (`compress`, `decompress`, `crc32`, in
// Rust): the `*Sync` functions, their callback forms (called back from an immediate), the
// stream classes (`Gzip`, `createGunzip()`, ...: Transforms that keep their input and
// (de)compress it whole when it ends, so they are not incremental), `constants` with the
// legacy top-level `Z_*` names, `codes` and `crc32`. Options are checked as Node checks
// them. Brotli is not available: its functions and classes throw ERR_ACTIONBOX_UNAVAILABLE.
(function (module, require, natives) {
  'use strict';

  const { Buffer, kMaxLength } = require('buffer');
  const { codes: errors, nodeError } = require('internal/errors');

  // ---------------------------------------------------------------------------------
  // Constants, as Node 20's `zlib.constants`.

  const CONSTANT_LIST = [
    ['Z_NO_FLUSH', 0], ['Z_PARTIAL_FLUSH', 1], ['Z_SYNC_FLUSH', 2], ['Z_FULL_FLUSH', 3], ['Z_FINISH', 4],
    ['Z_BLOCK', 5], ['Z_OK', 0], ['Z_STREAM_END', 1], ['Z_NEED_DICT', 2], ['Z_ERRNO', -1],
    ['Z_STREAM_ERROR', -2], ['Z_DATA_ERROR', -3], ['Z_MEM_ERROR', -4], ['Z_BUF_ERROR', -5],
    ['Z_VERSION_ERROR', -6], ['Z_NO_COMPRESSION', 0], ['Z_BEST_SPEED', 1], ['Z_BEST_COMPRESSION', 9],
    ['Z_DEFAULT_COMPRESSION', -1], ['Z_FILTERED', 1], ['Z_HUFFMAN_ONLY', 2], ['Z_RLE', 3], ['Z_FIXED', 4],
    ['Z_DEFAULT_STRATEGY', 0], ['ZLIB_VERNUM', 4880], ['DEFLATE', 1], ['INFLATE', 2], ['GZIP', 3],
    ['GUNZIP', 4], ['DEFLATERAW', 5], ['INFLATERAW', 6], ['UNZIP', 7], ['BROTLI_DECODE', 8],
    ['BROTLI_ENCODE', 9], ['Z_MIN_WINDOWBITS', 8], ['Z_MAX_WINDOWBITS', 15], ['Z_DEFAULT_WINDOWBITS', 15],
    ['Z_MIN_CHUNK', 64], ['Z_MAX_CHUNK', Infinity], ['Z_DEFAULT_CHUNK', 16384], ['Z_MIN_MEMLEVEL', 1],
    ['Z_MAX_MEMLEVEL', 9], ['Z_DEFAULT_MEMLEVEL', 8], ['Z_MIN_LEVEL', -1], ['Z_MAX_LEVEL', 9],
    ['Z_DEFAULT_LEVEL', -1], ['BROTLI_OPERATION_PROCESS', 0], ['BROTLI_OPERATION_FLUSH', 1],
    ['BROTLI_OPERATION_FINISH', 2], ['BROTLI_OPERATION_EMIT_METADATA', 3], ['BROTLI_PARAM_MODE', 0],
    ['BROTLI_MODE_GENERIC', 0], ['BROTLI_MODE_TEXT', 1], ['BROTLI_MODE_FONT', 2], ['BROTLI_DEFAULT_MODE', 0],
    ['BROTLI_PARAM_QUALITY', 1], ['BROTLI_MIN_QUALITY', 0], ['BROTLI_MAX_QUALITY', 11],
    ['BROTLI_DEFAULT_QUALITY', 11], ['BROTLI_PARAM_LGWIN', 2], ['BROTLI_MIN_WINDOW_BITS', 10],
    ['BROTLI_MAX_WINDOW_BITS', 24], ['BROTLI_LARGE_MAX_WINDOW_BITS', 30], ['BROTLI_DEFAULT_WINDOW', 22],
    ['BROTLI_PARAM_LGBLOCK', 3], ['BROTLI_MIN_INPUT_BLOCK_BITS', 16], ['BROTLI_MAX_INPUT_BLOCK_BITS', 24],
    ['BROTLI_PARAM_DISABLE_LITERAL_CONTEXT_MODELING', 4], ['BROTLI_PARAM_SIZE_HINT', 5],
    ['BROTLI_PARAM_LARGE_WINDOW', 6], ['BROTLI_PARAM_NPOSTFIX', 7], ['BROTLI_PARAM_NDIRECT', 8],
    ['BROTLI_DECODER_RESULT_ERROR', 0], ['BROTLI_DECODER_RESULT_SUCCESS', 1],
    ['BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT', 2], ['BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT', 3],
    ['BROTLI_DECODER_PARAM_DISABLE_RING_BUFFER_REALLOCATION', 0], ['BROTLI_DECODER_PARAM_LARGE_WINDOW', 1],
    ['BROTLI_DECODER_NO_ERROR', 0], ['BROTLI_DECODER_SUCCESS', 1], ['BROTLI_DECODER_NEEDS_MORE_INPUT', 2],
    ['BROTLI_DECODER_NEEDS_MORE_OUTPUT', 3], ['BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_NIBBLE', -1],
    ['BROTLI_DECODER_ERROR_FORMAT_RESERVED', -2], ['BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_META_NIBBLE', -3],
    ['BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_ALPHABET', -4],
    ['BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_SAME', -5], ['BROTLI_DECODER_ERROR_FORMAT_CL_SPACE', -6],
    ['BROTLI_DECODER_ERROR_FORMAT_HUFFMAN_SPACE', -7], ['BROTLI_DECODER_ERROR_FORMAT_CONTEXT_MAP_REPEAT', -8],
    ['BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_1', -9], ['BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_2', -10],
    ['BROTLI_DECODER_ERROR_FORMAT_TRANSFORM', -11], ['BROTLI_DECODER_ERROR_FORMAT_DICTIONARY', -12],
    ['BROTLI_DECODER_ERROR_FORMAT_WINDOW_BITS', -13], ['BROTLI_DECODER_ERROR_FORMAT_PADDING_1', -14],
    ['BROTLI_DECODER_ERROR_FORMAT_PADDING_2', -15], ['BROTLI_DECODER_ERROR_FORMAT_DISTANCE', -16],
    ['BROTLI_DECODER_ERROR_DICTIONARY_NOT_SET', -19], ['BROTLI_DECODER_ERROR_INVALID_ARGUMENTS', -20],
    ['BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MODES', -21], ['BROTLI_DECODER_ERROR_ALLOC_TREE_GROUPS', -22],
    ['BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MAP', -25], ['BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_1', -26],
    ['BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_2', -27], ['BROTLI_DECODER_ERROR_ALLOC_BLOCK_TYPE_TREES', -30],
    ['BROTLI_DECODER_ERROR_UNREACHABLE', -31],
  ];
  const constants = Object.create(null);
  for (const [name, value] of CONSTANT_LIST) {
    Object.defineProperty(constants, name, { value, enumerable: true, writable: false, configurable: false });
  }

  const Z_NO_FLUSH = 0;
  const Z_SYNC_FLUSH = 2;
  const Z_FULL_FLUSH = 3;
  const Z_FINISH = 4;
  const Z_BLOCK = 5;
  const Z_DEFAULT_CHUNK = 16384;

  const codes = {
    Z_OK: 0,
    Z_STREAM_END: 1,
    Z_NEED_DICT: 2,
    Z_ERRNO: -1,
    Z_STREAM_ERROR: -2,
    Z_DATA_ERROR: -3,
    Z_MEM_ERROR: -4,
    Z_BUF_ERROR: -5,
    Z_VERSION_ERROR: -6,
  };
  for (const key of Object.keys(codes)) codes[codes[key]] = key;
  Object.freeze(codes);

  // The modes, numbered as Node's, and what the natives call them.
  const DEFLATE = 1;
  const INFLATE = 2;
  const GZIP = 3;
  const GUNZIP = 4;
  const DEFLATERAW = 5;
  const INFLATERAW = 6;
  const UNZIP = 7;
  const FORMAT = [null, 'deflate', 'inflate', 'gzip', 'gunzip', 'raw', 'raw', 'unzip'];
  const COMPRESSES = [false, true, false, true, false, true, false, false];

  // ---------------------------------------------------------------------------------
  // Checks, with Node's messages.

  function validateFunction(value, name) {
    if (typeof value !== 'function') throw new errors.ERR_INVALID_ARG_TYPE(name, 'Function', value);
  }

  // Whether `number` is given: undefined and NaN are not; infinities and non-numbers throw.
  function isGivenNumber(number, name) {
    if (number === undefined) return false;
    if (Number.isFinite(number)) return true;
    if (Number.isNaN(number)) return false;
    if (typeof number !== 'number') throw new errors.ERR_INVALID_ARG_TYPE(name, 'number', number);
    throw new errors.ERR_OUT_OF_RANGE(name, 'a finite number', number);
  }

  function inRangeOr(number, name, lower, upper, def) {
    if (!isGivenNumber(number, name)) return def;
    if (number < lower || number > upper) {
      throw new errors.ERR_OUT_OF_RANGE(name, '>= ' + lower + ' and <= ' + upper, number);
    }
    return number;
  }

  function validateUint32(value, name) {
    if (typeof value !== 'number') throw new errors.ERR_INVALID_ARG_TYPE(name, 'number', value);
    if (!Number.isInteger(value)) throw new errors.ERR_OUT_OF_RANGE(name, 'an integer', value);
    if (value < 0 || value > 4294967295) throw new errors.ERR_OUT_OF_RANGE(name, '>= 0 && <= 4294967295', value);
  }

  const isArrayBuffer = (value) =>
    value instanceof ArrayBuffer || (typeof SharedArrayBuffer === 'function' && value instanceof SharedArrayBuffer);

  function unavailable(what) {
    return nodeError(Error, 'ERR_ACTIONBOX_UNAVAILABLE', 'zlib.' + what + ' is not available in actionbox');
  }

  // The settings `opts` give for `mode`, checked in Node's order.
  function settingsFor(opts, mode) {
    let windowBits = 15;
    let level = -1;
    let memLevel = 8;
    let strategy = 0;
    let chunkSize = Z_DEFAULT_CHUNK;
    let flush = Z_NO_FLUSH;
    let finishFlush = Z_FINISH;
    let maxOutputLength = kMaxLength;
    if (opts) {
      if (mode === DEFLATERAW && opts.windowBits === 8) opts.windowBits = 9;
      if ((opts.windowBits == null || opts.windowBits === 0) && (mode === INFLATE || mode === GUNZIP || mode === UNZIP)) {
        windowBits = 0;
      } else {
        windowBits = inRangeOr(opts.windowBits, 'options.windowBits', mode === GZIP ? 9 : 8, 15, 15);
      }
      level = inRangeOr(opts.level, 'options.level', -1, 9, -1);
      memLevel = inRangeOr(opts.memLevel, 'options.memLevel', 1, 9, 8);
      strategy = inRangeOr(opts.strategy, 'options.strategy', 0, 4, 0);
      const dictionary = opts.dictionary;
      if (dictionary !== undefined) {
        if (!ArrayBuffer.isView(dictionary) && !isArrayBuffer(dictionary)) {
          throw new errors.ERR_INVALID_ARG_TYPE('options.dictionary', ['Buffer', 'TypedArray', 'DataView', 'ArrayBuffer'], dictionary);
        }
        throw nodeError(Error, 'ERR_ACTIONBOX_UNAVAILABLE', "zlib's dictionary option is not available in actionbox");
      }
      chunkSize = opts.chunkSize;
      if (!isGivenNumber(chunkSize, 'options.chunkSize')) chunkSize = Z_DEFAULT_CHUNK;
      else if (chunkSize < 64) throw new errors.ERR_OUT_OF_RANGE('options.chunkSize', '>= 64', chunkSize);
      flush = inRangeOr(opts.flush, 'options.flush', Z_NO_FLUSH, Z_BLOCK, Z_NO_FLUSH);
      finishFlush = inRangeOr(opts.finishFlush, 'options.finishFlush', Z_NO_FLUSH, Z_BLOCK, Z_FINISH);
      maxOutputLength = inRangeOr(opts.maxOutputLength, 'options.maxOutputLength', 1, kMaxLength, kMaxLength);
    }
    return { mode, windowBits, level, memLevel, strategy, chunkSize, flush, finishFlush, maxOutputLength };
  }

  // ---------------------------------------------------------------------------------
  // The work.

  const asBuffer = (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const EMPTY = new Uint8Array(0);

  function tooLarge(max) {
    return nodeError(RangeError, 'ERR_BUFFER_TOO_LARGE', 'Cannot create a Buffer larger than ' + max + ' bytes');
  }

  // Node's error for what the natives threw.
  function errorFrom(thrown, max) {
    if (thrown !== null && typeof thrown === 'object') {
      if (thrown.code === 'ERR_BUFFER_TOO_LARGE') return tooLarge(max);
      if (typeof thrown.code === 'string' && typeof thrown.errno === 'number') {
        const error = new Error(thrown.message);
        error.errno = thrown.errno;
        error.code = thrown.code;
        return error;
      }
    }
    return thrown;
  }

  // `input` (a Uint8Array) compressed or decompressed whole, as a Buffer. A truncated
  // input is an error only when the last flush finishes (Node's `unexpected end of file`).
  function runZlib(settings, input, maxOutputLength, level, strategy) {
    const mode = settings.mode;
    if (COMPRESSES[mode]) {
      const out = natives.compress(input, FORMAT[mode], level, settings.windowBits || 15, settings.memLevel, strategy);
      if (out.length > maxOutputLength) throw tooLarge(maxOutputLength);
      return asBuffer(out);
    }
    try {
      return asBuffer(natives.decompress(input, FORMAT[mode], maxOutputLength));
    } catch (thrown) {
      if (thrown && thrown.code === 'Z_BUF_ERROR' && settings.finishFlush !== Z_FINISH && thrown.output) {
        if (thrown.output.length > maxOutputLength) throw tooLarge(maxOutputLength);
        return asBuffer(thrown.output);
      }
      throw errorFrom(thrown, maxOutputLength);
    }
  }

  const BUFFER_TYPES = ['string', 'Buffer', 'TypedArray', 'DataView', 'ArrayBuffer'];
  const CHUNK_TYPES = ['string', 'Buffer', 'TypedArray', 'DataView'];

  function bytesOf(view) {
    return view instanceof Uint8Array ? view : new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  }

  function syncInput(buffer) {
    if (typeof buffer === 'string') return Buffer.from(buffer);
    if (ArrayBuffer.isView(buffer)) return bytesOf(buffer);
    if (isArrayBuffer(buffer)) return new Uint8Array(buffer);
    throw new errors.ERR_INVALID_ARG_TYPE('buffer', BUFFER_TYPES, buffer);
  }

  // As a stream's `end(buffer)` takes it (Node's callback forms end a stream with it).
  function asyncInput(buffer) {
    if (buffer == null) return EMPTY;
    if (typeof buffer === 'string') return Buffer.from(buffer, 'utf8');
    if (ArrayBuffer.isView(buffer)) return bytesOf(buffer);
    if (isArrayBuffer(buffer)) return new Uint8Array(buffer);
    throw new errors.ERR_INVALID_ARG_TYPE('chunk', CHUNK_TYPES, buffer);
  }

  // A finished engine for `info: true`.
  function engineFor(Class, opts, bytesWritten) {
    const engine = new Class(opts);
    engine.bytesWritten = bytesWritten;
    engine._handle = null;
    return engine;
  }

  function later(fn) {
    try {
      setImmediate(fn);
    } catch {
      globalThis.process.nextTick(fn);
    }
  }

  function syncFunction(mode, Class) {
    return function syncBufferWrapper(buffer, opts) {
      const settings = settingsFor(opts, mode);
      const input = syncInput(buffer);
      const out = runZlib(settings, input, settings.maxOutputLength, settings.level, settings.strategy);
      if (opts && opts.info) return { buffer: out, engine: engineFor(Class, opts, input.length) };
      return out;
    };
  }

  function callbackFunction(mode, Class) {
    return function asyncBufferWrapper(buffer, opts, callback) {
      if (typeof opts === 'function') {
        callback = opts;
        opts = {};
      }
      const settings = settingsFor(opts, mode);
      validateFunction(callback, 'callback');
      const input = asyncInput(buffer);
      const info = opts && opts.info;
      later(() => {
        let out;
        try {
          out = runZlib(settings, input, settings.maxOutputLength, settings.level, settings.strategy);
        } catch (error) {
          callback(error);
          return;
        }
        if (info) callback(null, { buffer: out, engine: engineFor(Class, opts, input.length) });
        else callback(null, out);
      });
    };
  }

  // ---------------------------------------------------------------------------------
  // The stream classes. `stream` is loaded when the first one is made (or looked up from
  // the module), so the one-shot functions do not load it.

  let Transform = null;
  let finished = null;
  function linkStreams() {
    if (Transform !== null) return;
    const stream = require('stream');
    Transform = stream.Transform;
    finished = stream.finished;
    Object.setPrototypeOf(ZlibBase.prototype, Transform.prototype);
    Object.setPrototypeOf(ZlibBase, Transform);
  }

  const kInput = Symbol('kInput');
  const kSettings = Symbol('kSettings');
  const kError = Symbol('kError');
  const kFinish = Symbol('kFinish');

  function ZlibBase(opts, settings) {
    linkStreams();
    if (opts && (opts.encoding || opts.objectMode || opts.writableObjectMode)) {
      opts = { ...opts, encoding: null, objectMode: false, writableObjectMode: false };
    }
    Reflect.apply(Transform, this, [{ autoDestroy: true, ...opts }]);
    this[kError] = null;
    this[kSettings] = settings;
    this[kInput] = [];
    this.bytesWritten = 0;
    this._handle = { mode: settings.mode };
    this._chunkSize = settings.chunkSize;
    this._defaultFlushFlag = settings.flush;
    this._finishFlushFlag = settings.finishFlush;
    this._defaultFullFlushFlag = Z_FULL_FLUSH;
    this._info = opts && opts.info;
    this._maxOutputLength = settings.maxOutputLength;
  }

  Object.defineProperty(ZlibBase.prototype, '_closed', {
    configurable: true,
    enumerable: true,
    get() {
      return !this._handle;
    },
  });

  Object.defineProperty(ZlibBase.prototype, 'bytesRead', {
    configurable: true,
    enumerable: true,
    get() {
      return this.bytesWritten;
    },
    set(value) {
      this.bytesWritten = value;
    },
  });

  ZlibBase.prototype.reset = function () {
    if (!this._handle) throw new Error('zlib binding closed');
    this[kInput] = [];
  };

  // Input is kept until the end, copied: a writer may reuse its buffer once called back.
  ZlibBase.prototype._transform = function (chunk, encoding, callback) {
    if (chunk.length > 0) this[kInput].push(Buffer.from(chunk));
    callback();
  };

  // The work happens in an immediate, as Node's happens off the thread: 'finish' comes
  // first, then the output and 'end' (or the error).
  ZlibBase.prototype._flush = function (callback) {
    if (!this._handle) {
      globalThis.process.nextTick(callback);
      return;
    }
    later(() => this[kFinish](callback));
  };

  ZlibBase.prototype[kFinish] = function (callback) {
    if (!this._handle) {
      callback();
      return;
    }
    const parts = this[kInput];
    this[kInput] = [];
    const input = parts.length === 1 ? parts[0] : Buffer.concat(parts);
    let out;
    try {
      out = runZlib(this[kSettings], input, kMaxLength, this._level, this._strategy);
    } catch (thrown) {
      const error = errorFrom(thrown, kMaxLength);
      this.destroy(error);
      this[kError] = error;
      return;
    }
    this.bytesWritten = input.length;
    const size = this._chunkSize;
    for (let at = 0; at < out.length; at += size) this.push(out.subarray(at, Math.min(at + size, out.length)));
    callback();
  };

  // As Node's: `_final` calls back at once, and the work happens at 'prefinish'.
  ZlibBase.prototype._final = function (callback) {
    callback();
  };

  ZlibBase.prototype.flush = function (kind, callback) {
    if (typeof kind === 'function' || (kind === undefined && !callback)) {
      callback = kind;
      kind = this._defaultFullFlushFlag;
    }
    if (this.writableFinished) {
      if (callback) globalThis.process.nextTick(callback);
    } else if (this.writableEnded) {
      if (callback) this.once('end', callback);
    } else {
      this.write(Buffer.alloc(0), '', callback);
    }
  };

  ZlibBase.prototype.close = function (callback) {
    if (callback) finished(this, callback);
    this.destroy();
  };

  ZlibBase.prototype._destroy = function (err, callback) {
    this._handle = null;
    this[kInput] = [];
    callback(err);
  };

  // What `chunk` alone gives, (de)compressed whole.
  ZlibBase.prototype._processChunk = function (chunk, flushFlag, cb) {
    const out = runZlib(this[kSettings], bytesOf(chunk), this._maxOutputLength, this._level, this._strategy);
    if (typeof cb !== 'function') return out;
    this.push(out);
    globalThis.process.nextTick(cb);
  };

  function Zlib(opts, mode) {
    const settings = settingsFor(opts, mode);
    Reflect.apply(ZlibBase, this, [opts, settings]);
    this._level = settings.level;
    this._strategy = settings.strategy;
  }
  Object.setPrototypeOf(Zlib.prototype, ZlibBase.prototype);
  Object.setPrototypeOf(Zlib, ZlibBase);

  // Takes effect for the whole output, which is made at the end.
  Zlib.prototype.params = function params(level, strategy, callback) {
    inRangeOr(level, 'level', -1, 9);
    inRangeOr(strategy, 'strategy', 0, 4);
    if (this._level !== level || this._strategy !== strategy) {
      this.flush(Z_SYNC_FLUSH, () => {
        if (!this.destroyed) {
          this._level = level;
          this._strategy = strategy;
          if (callback) callback();
        }
      });
    } else {
      globalThis.process.nextTick(callback);
    }
  };

  function streamClass(name, mode) {
    const Class = {
      [name]: function (opts) {
        if (!(this instanceof Class)) return new Class(opts);
        Reflect.apply(Zlib, this, [opts, mode]);
      },
    }[name];
    Object.setPrototypeOf(Class.prototype, Zlib.prototype);
    Object.setPrototypeOf(Class, Zlib);
    return Class;
  }
  const Deflate = streamClass('Deflate', DEFLATE);
  const Inflate = streamClass('Inflate', INFLATE);
  const Gzip = streamClass('Gzip', GZIP);
  const Gunzip = streamClass('Gunzip', GUNZIP);
  const DeflateRaw = streamClass('DeflateRaw', DEFLATERAW);
  const InflateRaw = streamClass('InflateRaw', INFLATERAW);
  const Unzip = streamClass('Unzip', UNZIP);

  function brotliClass(name) {
    return {
      [name]: function () {
        throw unavailable(name);
      },
    }[name];
  }
  function brotliFunction(name) {
    return {
      [name]() {
        throw unavailable(name);
      },
    }[name];
  }

  // ---------------------------------------------------------------------------------
  // crc32.

  function crc32(data, value = 0) {
    if (typeof data !== 'string' && !ArrayBuffer.isView(data)) {
      throw new errors.ERR_INVALID_ARG_TYPE('data', ['Buffer', 'TypedArray', 'DataView', 'string'], data);
    }
    validateUint32(value, 'value');
    return natives.crc32(typeof data === 'string' ? Buffer.from(data, 'utf8') : bytesOf(data), value);
  }

  // ---------------------------------------------------------------------------------
  // The module, in Node's order. The classes are accessors that link them to `stream`.

  const exported = module.exports;
  exported.crc32 = crc32;
  const classes = { Deflate, Inflate, Gzip, Gunzip, DeflateRaw, InflateRaw, Unzip };
  for (const name of Object.keys(classes)) {
    const Class = classes[name];
    Object.defineProperty(exported, name, {
      configurable: true,
      enumerable: true,
      get() {
        linkStreams();
        return Class;
      },
      set(value) {
        Object.defineProperty(exported, name, { value, writable: true, configurable: true, enumerable: true });
      },
    });
  }
  exported.BrotliCompress = brotliClass('BrotliCompress');
  exported.BrotliDecompress = brotliClass('BrotliDecompress');
  const pairs = [
    ['deflate', DEFLATE, Deflate], ['gzip', GZIP, Gzip], ['deflateRaw', DEFLATERAW, DeflateRaw],
    ['unzip', UNZIP, Unzip], ['inflate', INFLATE, Inflate], ['gunzip', GUNZIP, Gunzip],
    ['inflateRaw', INFLATERAW, InflateRaw],
  ];
  for (const [name, mode, Class] of pairs) {
    exported[name] = callbackFunction(mode, Class);
    exported[name + 'Sync'] = syncFunction(mode, Class);
  }
  for (const name of ['brotliCompress', 'brotliCompressSync', 'brotliDecompress', 'brotliDecompressSync']) {
    exported[name] = brotliFunction(name);
  }
  const creators = {
    createDeflate: Deflate, createInflate: Inflate, createDeflateRaw: DeflateRaw, createInflateRaw: InflateRaw,
    createGzip: Gzip, createGunzip: Gunzip, createUnzip: Unzip,
  };
  for (const name of Object.keys(creators)) {
    const Class = creators[name];
    Object.defineProperty(exported, name, {
      configurable: true,
      enumerable: true,
      value: function (options) {
        return new Class(options);
      },
    });
  }
  for (const name of ['createBrotliCompress', 'createBrotliDecompress']) {
    Object.defineProperty(exported, name, { configurable: true, enumerable: true, value: brotliFunction(name) });
  }
  Object.defineProperty(exported, 'constants', { configurable: false, enumerable: true, writable: false, value: constants });
  Object.defineProperty(exported, 'codes', { enumerable: true, writable: false, value: codes });
  for (const [name, value] of CONSTANT_LIST) {
    if (name.startsWith('BROTLI') || Object.prototype.hasOwnProperty.call(exported, name)) continue;
    Object.defineProperty(exported, name, { enumerable: false, value, writable: false });
  }
})
