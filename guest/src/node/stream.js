// Node's `stream`: the legacy `Stream`, `Readable`, `Writable`, `Duplex`, `Transform`,
// `PassThrough`, `duplexPair`, `pipeline`, `finished`, `addAbortSignal`, `destroy`, the `is*`
// helpers, the Readable operators and `promises` (served as `stream/promises`), to Node 20's
// behaviour: the states keep Node's field names and every step Node defers with
// `process.nextTick` is deferred the same way, so events come in Node's order. Not here: web
// streams (`fromWeb`/`toWeb`) and `compose`.
(function (module, require) {
  'use strict';

  const EE = require('events');
  const { codes, nodeError } = require('internal/errors');
  const { Buffer } = require('buffer');

  let StringDecoder = null;
  function newDecoder(encoding) {
    if (StringDecoder === null) StringDecoder = require('string_decoder').StringDecoder;
    return new StringDecoder(encoding);
  }

  const nop = () => {};
  const SymbolAsyncDispose = Symbol.asyncDispose;

  // ---------------------------------------------------------------------------------
  // Errors, validation.

  const errPushAfterEof = () => nodeError(Error, 'ERR_STREAM_PUSH_AFTER_EOF', 'stream.push() after EOF');
  const errUnshiftAfterEnd = () =>
    nodeError(Error, 'ERR_STREAM_UNSHIFT_AFTER_END_EVENT', 'stream.unshift() after end event');
  const errMultipleCallback = () => nodeError(Error, 'ERR_MULTIPLE_CALLBACK', 'Callback called multiple times');
  const errAlreadyFinished = (what) =>
    nodeError(Error, 'ERR_STREAM_ALREADY_FINISHED', 'Cannot call ' + what + ' after a stream was finished');
  const errCannotPipe = () => nodeError(Error, 'ERR_STREAM_CANNOT_PIPE', 'Cannot pipe, not readable');
  const errDestroyed = (what) =>
    nodeError(Error, 'ERR_STREAM_DESTROYED', 'Cannot call ' + what + ' after a stream was destroyed');
  const errNullValues = () => nodeError(TypeError, 'ERR_STREAM_NULL_VALUES', 'May not write null values to stream');
  const errPrematureClose = () => nodeError(Error, 'ERR_STREAM_PREMATURE_CLOSE', 'Premature close');
  const errWriteAfterEnd = () => nodeError(Error, 'ERR_STREAM_WRITE_AFTER_END', 'write after end');
  const CHUNK_TYPES = ['string', 'Buffer', 'TypedArray', 'DataView'];

  // Node's `AbortError`: a plain Error named `AbortError` with code `ABORT_ERR`.
  class AbortError extends Error {
    constructor(message = 'The operation was aborted', options = undefined) {
      if (options !== undefined && typeof options !== 'object') {
        throw new codes.ERR_INVALID_ARG_TYPE('options', 'Object', options);
      }
      super(message, options);
      this.code = 'ABORT_ERR';
      this.name = 'AbortError';
    }
  }
  const abortErrorFor = (signal) => new AbortError(undefined, { cause: signal ? signal.reason : undefined });

  // Both errors, when two different ones happened: an AggregateError with the later first.
  function aggregateTwoErrors(inner, outer) {
    if (inner && outer && inner !== outer) {
      if (Array.isArray(outer.errors)) {
        outer.errors.push(inner);
        return outer;
      }
      const error = new AggregateError([outer, inner], outer.message);
      error.code = outer.code;
      return error;
    }
    return inner || outer;
  }

  function validateObject(value, name) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new codes.ERR_INVALID_ARG_TYPE(name, 'Object', value);
    }
  }
  function validateFunction(value, name) {
    if (typeof value !== 'function') throw new codes.ERR_INVALID_ARG_TYPE(name, 'Function', value);
  }
  function validateBoolean(value, name) {
    if (typeof value !== 'boolean') throw new codes.ERR_INVALID_ARG_TYPE(name, 'boolean', value);
  }
  function validateAbortSignal(signal, name) {
    if (signal !== undefined && (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
      throw new codes.ERR_INVALID_ARG_TYPE(name, 'AbortSignal', signal);
    }
  }
  function validateInteger(value, name, min) {
    if (typeof value !== 'number') throw new codes.ERR_INVALID_ARG_TYPE(name, 'number', value);
    if (!Number.isInteger(value)) throw new codes.ERR_OUT_OF_RANGE(name, 'an integer', value);
    if (value < min || value > Number.MAX_SAFE_INTEGER) {
      throw new codes.ERR_OUT_OF_RANGE(name, '>= ' + min + ' && <= ' + Number.MAX_SAFE_INTEGER, value);
    }
  }

  // `listener` for the signal's abort (at once, in a microtask, if it has aborted); the
  // result stops listening.
  function onAbort(signal, listener) {
    if (signal.aborted) {
      queueMicrotask(listener);
      return nop;
    }
    signal.addEventListener('abort', listener, { once: true });
    return () => signal.removeEventListener('abort', listener);
  }

  function once(callback) {
    let called = false;
    return function (...args) {
      if (called) return;
      called = true;
      return Reflect.apply(callback, this, args);
    };
  }

  const toBuffer = (view) => Buffer.from(view.buffer, view.byteOffset, view.byteLength);
  const isUint8Array = (value) => ArrayBuffer.isView(value) && value instanceof Uint8Array;

  // ---------------------------------------------------------------------------------
  // High water marks.

  let defaultBytesHighWaterMark = 16 * 1024;
  let defaultObjectsHighWaterMark = 16;

  function getDefaultHighWaterMark(objectMode) {
    return objectMode ? defaultObjectsHighWaterMark : defaultBytesHighWaterMark;
  }
  function setDefaultHighWaterMark(objectMode, value) {
    validateInteger(value, 'value', 0);
    if (objectMode) defaultObjectsHighWaterMark = value;
    else defaultBytesHighWaterMark = value;
  }
  function highWaterMarkOf(state, options, duplexKey, isDuplex) {
    let mark = options.highWaterMark;
    if (mark == null) mark = isDuplex ? options[duplexKey] : null;
    if (mark == null) return getDefaultHighWaterMark(state.objectMode);
    if (!Number.isInteger(mark) || mark < 0) {
      throw new codes.ERR_INVALID_ARG_VALUE(isDuplex ? 'options.' + duplexKey : 'options.highWaterMark', mark);
    }
    return Math.floor(mark);
  }

  // ---------------------------------------------------------------------------------
  // What a value is, as Node's stream utilities tell.

  const kIsDestroyed = Symbol.for('nodejs.stream.destroyed');
  const kIsErrored = Symbol.for('nodejs.stream.errored');
  const kIsReadable = Symbol.for('nodejs.stream.readable');
  const kIsWritable = Symbol.for('nodejs.stream.writable');
  const kIsDisturbed = Symbol.for('nodejs.stream.disturbed');

  function isReadableNodeStream(obj, strict = false) {
    return !!(
      obj &&
      typeof obj.pipe === 'function' &&
      typeof obj.on === 'function' &&
      (!strict || (typeof obj.pause === 'function' && typeof obj.resume === 'function')) &&
      (!obj._writableState || (obj._readableState && obj._readableState.readable !== false)) &&
      (!obj._writableState || obj._readableState)
    );
  }
  function isWritableNodeStream(obj) {
    return !!(
      obj &&
      typeof obj.write === 'function' &&
      typeof obj.on === 'function' &&
      (!obj._readableState || (obj._writableState && obj._writableState.writable !== false))
    );
  }
  function isDuplexNodeStream(obj) {
    return !!(obj && typeof obj.pipe === 'function' && obj._readableState && typeof obj.on === 'function' &&
      typeof obj.write === 'function');
  }
  function isNodeStream(obj) {
    return (
      obj &&
      (obj._readableState ||
        obj._writableState ||
        (typeof obj.write === 'function' && typeof obj.on === 'function') ||
        (typeof obj.pipe === 'function' && typeof obj.on === 'function'))
    );
  }
  function isReadableStream(obj) {
    return !!(obj && !isNodeStream(obj) && typeof obj.pipeThrough === 'function' &&
      typeof obj.getReader === 'function' && typeof obj.cancel === 'function');
  }
  function isWritableStream(obj) {
    return !!(obj && !isNodeStream(obj) && typeof obj.getWriter === 'function' && typeof obj.abort === 'function');
  }
  function isTransformStream(obj) {
    return !!(obj && !isNodeStream(obj) && typeof obj.readable === 'object' && typeof obj.writable === 'object');
  }
  function isWebStream(obj) {
    return isReadableStream(obj) || isWritableStream(obj) || isTransformStream(obj);
  }
  function isIterable(obj, isAsync) {
    if (obj == null) return false;
    if (isAsync === true) return typeof obj[Symbol.asyncIterator] === 'function';
    if (isAsync === false) return typeof obj[Symbol.iterator] === 'function';
    return typeof obj[Symbol.asyncIterator] === 'function' || typeof obj[Symbol.iterator] === 'function';
  }
  function isDestroyed(stream) {
    if (!isNodeStream(stream)) return null;
    const state = stream._writableState || stream._readableState;
    return !!(stream.destroyed || stream[kIsDestroyed] || (state && state.destroyed));
  }
  function isWritableEnded(stream) {
    if (!isWritableNodeStream(stream)) return null;
    if (stream.writableEnded === true) return true;
    const w = stream._writableState;
    if (w && w.errored) return false;
    if (!w || typeof w.ended !== 'boolean') return null;
    return w.ended;
  }
  function isWritableFinished(stream, strict) {
    if (!isWritableNodeStream(stream)) return null;
    if (stream.writableFinished === true) return true;
    const w = stream._writableState;
    if (w && w.errored) return false;
    if (!w || typeof w.finished !== 'boolean') return null;
    return !!(w.finished || (strict === false && w.ended === true && w.length === 0));
  }
  function isReadableFinished(stream, strict) {
    if (!isReadableNodeStream(stream)) return null;
    const r = stream._readableState;
    if (r && r.errored) return false;
    if (!r || typeof r.endEmitted !== 'boolean') return null;
    return !!(r.endEmitted || (strict === false && r.ended === true && r.length === 0));
  }
  function isReadable(stream) {
    if (stream && stream[kIsReadable] != null) return stream[kIsReadable];
    if (!stream || typeof stream.readable !== 'boolean') return null;
    if (isDestroyed(stream)) return false;
    return isReadableNodeStream(stream) && stream.readable && !isReadableFinished(stream);
  }
  function isWritable(stream) {
    if (stream && stream[kIsWritable] != null) return stream[kIsWritable];
    if (!stream || typeof stream.writable !== 'boolean') return null;
    if (isDestroyed(stream)) return false;
    return isWritableNodeStream(stream) && stream.writable && !isWritableEnded(stream);
  }
  function isFinished(stream, opts) {
    if (!isNodeStream(stream)) return null;
    if (isDestroyed(stream)) return true;
    if ((!opts || opts.readable !== false) && isReadable(stream)) return false;
    if ((!opts || opts.writable !== false) && isWritable(stream)) return false;
    return true;
  }
  function isWritableErrored(stream) {
    if (!isNodeStream(stream)) return null;
    if (stream.writableErrored) return stream.writableErrored;
    const w = stream._writableState;
    return (w && w.errored) ?? null;
  }
  function isReadableErrored(stream) {
    if (!isNodeStream(stream)) return null;
    if (stream.readableErrored) return stream.readableErrored;
    const r = stream._readableState;
    return (r && r.errored) ?? null;
  }
  function isClosed(stream) {
    if (!isNodeStream(stream)) return null;
    if (typeof stream.closed === 'boolean') return stream.closed;
    const w = stream._writableState;
    const r = stream._readableState;
    if ((w && typeof w.closed === 'boolean') || (r && typeof r.closed === 'boolean')) {
      return (w && w.closed) || (r && r.closed);
    }
    if (typeof stream._closed === 'boolean' && isOutgoingMessage(stream)) return stream._closed;
    return null;
  }
  function isOutgoingMessage(stream) {
    return typeof stream._closed === 'boolean' && typeof stream._defaultKeepAlive === 'boolean' &&
      typeof stream._removedConnection === 'boolean' && typeof stream._removedContLen === 'boolean';
  }
  function isServerResponse(stream) {
    return typeof stream._sent100 === 'boolean' && isOutgoingMessage(stream);
  }
  function isServerRequest(stream) {
    return typeof stream._consuming === 'boolean' && typeof stream._dumped === 'boolean' &&
      (stream.req == null || stream.req.upgradeOrConnect === undefined);
  }
  function willEmitClose(stream) {
    if (!isNodeStream(stream)) return null;
    const state = stream._writableState || stream._readableState;
    return (!state && isServerResponse(stream)) ||
      !!(state && state.autoDestroy && state.emitClose && state.closed === false);
  }
  function isDisturbed(stream) {
    return !!(stream && (stream[kIsDisturbed] ?? (stream.readableDidRead || stream.readableAborted)));
  }
  function isErrored(stream) {
    if (!stream) return false;
    const r = stream._readableState;
    const w = stream._writableState;
    return !!(
      stream[kIsErrored] ??
      stream.readableErrored ??
      stream.writableErrored ??
      (r ? r.errorEmitted : undefined) ??
      (w ? w.errorEmitted : undefined) ??
      (r ? r.errored : undefined) ??
      (w ? w.errored : undefined)
    );
  }
  const isRequest = (stream) => stream && stream.setHeader && typeof stream.abort === 'function';

  // ---------------------------------------------------------------------------------
  // destroy(), construction, and errors on both sides of a stream.

  const kDestroy = Symbol('kDestroy');
  const kConstruct = Symbol('kConstruct');

  function keepError(error, w, r) {
    if (!error) return;
    if (w && !w.errored) w.errored = error;
    if (r && !r.errored) r.errored = error;
  }

  function destroy(err, cb) {
    const r = this._readableState;
    const w = this._writableState;
    const state = w || r;
    if ((w && w.destroyed) || (r && r.destroyed)) {
      if (typeof cb === 'function') cb();
      return this;
    }
    keepError(err, w, r);
    if (w) w.destroyed = true;
    if (r) r.destroyed = true;
    if (!state.constructed) {
      this.once(kDestroy, function (er) {
        callDestroy(this, aggregateTwoErrors(er, err), cb);
      });
    } else {
      callDestroy(this, err, cb);
    }
    return this;
  }

  function callDestroy(stream, err, cb) {
    let called = false;
    function done(error) {
      if (called) return;
      called = true;
      const r = stream._readableState;
      const w = stream._writableState;
      keepError(error, w, r);
      if (w) w.closed = true;
      if (r) r.closed = true;
      if (typeof cb === 'function') cb(error);
      if (error) process.nextTick(emitErrorThenClose, stream, error);
      else process.nextTick(emitClose, stream);
    }
    try {
      stream._destroy(err || null, done);
    } catch (error) {
      done(error);
    }
  }

  function emitErrorThenClose(stream, error) {
    emitError(stream, error);
    emitClose(stream);
  }

  function emitClose(stream) {
    const r = stream._readableState;
    const w = stream._writableState;
    if (w) w.closeEmitted = true;
    if (r) r.closeEmitted = true;
    if ((w && w.emitClose) || (r && r.emitClose)) stream.emit('close');
  }

  function emitError(stream, error) {
    const r = stream._readableState;
    const w = stream._writableState;
    if ((w && w.errorEmitted) || (r && r.errorEmitted)) return;
    if (w) w.errorEmitted = true;
    if (r) r.errorEmitted = true;
    stream.emit('error', error);
  }

  function undestroy() {
    const r = this._readableState;
    const w = this._writableState;
    if (r) {
      r.constructed = true;
      r.closed = false;
      r.closeEmitted = false;
      r.destroyed = false;
      r.errored = null;
      r.errorEmitted = false;
      r.reading = false;
      r.ended = r.readable === false;
      r.endEmitted = r.readable === false;
    }
    if (w) {
      w.constructed = true;
      w.destroyed = false;
      w.closed = false;
      w.closeEmitted = false;
      w.errored = null;
      w.errorEmitted = false;
      w.finalCalled = false;
      w.prefinished = false;
      w.ended = w.writable === false;
      w.ending = w.writable === false;
      w.finished = w.writable === false;
    }
  }

  // An error met inside the stream: it destroys the stream when it auto-destroys, else
  // it is recorded and emitted.
  function errorOrDestroy(stream, err, sync) {
    const r = stream._readableState;
    const w = stream._writableState;
    if ((w && w.destroyed) || (r && r.destroyed)) return;
    if ((r && r.autoDestroy) || (w && w.autoDestroy)) {
      stream.destroy(err);
    } else if (err) {
      if (w && !w.errored) w.errored = err;
      if (r && !r.errored) r.errored = err;
      if (sync) process.nextTick(emitError, stream, err);
      else emitError(stream, err);
    }
  }

  function construct(stream, cb) {
    if (typeof stream._construct !== 'function') return;
    const r = stream._readableState;
    const w = stream._writableState;
    if (r) r.constructed = false;
    if (w) w.constructed = false;
    stream.once(kConstruct, cb);
    if (stream.listenerCount(kConstruct) > 1) return;
    process.nextTick(callConstruct, stream);
  }

  function callConstruct(stream) {
    let called = false;
    function constructed(err) {
      if (called) {
        errorOrDestroy(stream, err ?? errMultipleCallback());
        return;
      }
      called = true;
      const r = stream._readableState;
      const w = stream._writableState;
      const state = w || r;
      if (r) r.constructed = true;
      if (w) w.constructed = true;
      if (state.destroyed) stream.emit(kDestroy, err);
      else if (err) errorOrDestroy(stream, err, true);
      else stream.emit(kConstruct);
    }
    try {
      stream._construct((err) => {
        process.nextTick(constructed, err);
      });
    } catch (err) {
      process.nextTick(constructed, err);
    }
  }

  function emitCloseLegacy(stream) {
    stream.emit('close');
  }
  function emitErrorCloseLegacy(stream, err) {
    stream.emit('error', err);
    process.nextTick(emitCloseLegacy, stream);
  }

  // `stream.destroy(stream, err)`: ends any stream-like object, requests included.
  function destroyer(stream, err) {
    if (!stream || isDestroyed(stream)) return;
    if (!err && !isFinished(stream)) err = new AbortError();
    if (isServerRequest(stream)) {
      stream.socket = null;
      stream.destroy(err);
    } else if (isRequest(stream)) {
      stream.abort();
    } else if (isRequest(stream.req)) {
      stream.req.abort();
    } else if (typeof stream.destroy === 'function') {
      stream.destroy(err);
    } else if (typeof stream.close === 'function') {
      stream.close();
    } else if (err) {
      process.nextTick(emitErrorCloseLegacy, stream, err);
    } else {
      process.nextTick(emitCloseLegacy, stream);
    }
    if (!stream.destroyed) stream[kIsDestroyed] = true;
  }

  // ---------------------------------------------------------------------------------
  // The legacy Stream.

  function Stream(opts) {
    EE.call(this, opts);
  }
  Object.setPrototypeOf(Stream.prototype, EE.prototype);
  Object.setPrototypeOf(Stream, EE);

  // Puts `fn` first among the `event` listeners, on emitters without `prependListener` too.
  function prependListener(emitter, event, fn) {
    if (typeof emitter.prependListener === 'function') return emitter.prependListener(event, fn);
    if (!emitter._events || !emitter._events[event]) emitter.on(event, fn);
    else if (Array.isArray(emitter._events[event])) emitter._events[event].unshift(fn);
    else emitter._events[event] = [fn, emitter._events[event]];
  }

  Stream.prototype.pipe = function (dest, options) {
    const source = this;
    let ended = false;
    function ondata(chunk) {
      if (dest.writable && dest.write(chunk) === false && source.pause) source.pause();
    }
    function ondrain() {
      if (source.readable && source.resume) source.resume();
    }
    function onend() {
      if (ended) return;
      ended = true;
      dest.end();
    }
    function onclose() {
      if (ended) return;
      ended = true;
      if (typeof dest.destroy === 'function') dest.destroy();
    }
    function onerror(er) {
      cleanup();
      if (EE.listenerCount(this, 'error') === 0) this.emit('error', er);
    }
    function cleanup() {
      source.removeListener('data', ondata);
      dest.removeListener('drain', ondrain);
      source.removeListener('end', onend);
      source.removeListener('close', onclose);
      source.removeListener('error', onerror);
      dest.removeListener('error', onerror);
      source.removeListener('end', cleanup);
      source.removeListener('close', cleanup);
      dest.removeListener('close', cleanup);
    }
    source.on('data', ondata);
    dest.on('drain', ondrain);
    if (!dest._isStdio && (!options || options.end !== false)) {
      source.on('end', onend);
      source.on('close', onclose);
    }
    prependListener(source, 'error', onerror);
    prependListener(dest, 'error', onerror);
    source.on('end', cleanup);
    source.on('close', cleanup);
    dest.on('close', cleanup);
    dest.emit('pipe', source);
    return dest;
  };

  Stream.prototype.eventNames = function eventNames() {
    const names = [];
    const events = this._events;
    if (!events) return names;
    for (const key of Reflect.ownKeys(events)) {
      const entry = events[key];
      if (typeof entry === 'function' || (Array.isArray(entry) && entry.length > 0)) names.push(key);
    }
    return names;
  };

  // ---------------------------------------------------------------------------------
  // Readable.

  const kPaused = Symbol('kPaused');

  function ReadableState(options, stream, isDuplex) {
    this.objectMode = !!(options && (options.objectMode || (isDuplex && options.readableObjectMode)));
    this.highWaterMark = options
      ? highWaterMarkOf(this, options, 'readableHighWaterMark', isDuplex)
      : getDefaultHighWaterMark(false);
    this.buffer = [];
    this.bufferIndex = 0;
    this.length = 0;
    this.pipes = [];
    this.flowing = null;
    this.ended = false;
    this.endEmitted = false;
    this.reading = false;
    this.constructed = true;
    // Whether `push` runs inside `_read`: then `'readable'` waits a tick.
    this.sync = true;
    this.needReadable = false;
    this.emittedReadable = false;
    this.readableListening = false;
    this.resumeScheduled = false;
    this[kPaused] = null;
    this.errorEmitted = false;
    this.emitClose = !options || options.emitClose !== false;
    this.autoDestroy = !options || options.autoDestroy !== false;
    this.destroyed = false;
    this.errored = null;
    this.closed = false;
    this.closeEmitted = false;
    const defaultEncoding = options ? options.defaultEncoding : undefined;
    if (defaultEncoding == null || defaultEncoding === 'utf8' || defaultEncoding === 'utf-8') {
      this.defaultEncoding = 'utf8';
    } else if (Buffer.isEncoding(defaultEncoding)) {
      this.defaultEncoding = defaultEncoding;
    } else {
      throw new codes.ERR_UNKNOWN_ENCODING(defaultEncoding);
    }
    // The destinations a pipe waits on for 'drain': one, or a Set when several.
    this.awaitDrainWriters = null;
    this.multiAwaitDrain = false;
    this.readingMore = false;
    this.dataEmitted = false;
    this.dataListening = false;
    this.decoder = null;
    this.encoding = null;
    if (options && options.encoding) {
      this.decoder = newDecoder(options.encoding);
      this.encoding = options.encoding;
    }
  }

  Object.defineProperties(ReadableState.prototype, {
    pipesCount: {
      configurable: true,
      get() {
        return this.pipes.length;
      },
    },
    paused: {
      configurable: true,
      get() {
        return this[kPaused] === true;
      },
      set(value) {
        this[kPaused] = !!value;
      },
    },
  });

  function Readable(options) {
    if (!(this instanceof Readable)) return new Readable(options);
    this._readableState = new ReadableState(options, this, false);
    if (options) {
      if (typeof options.read === 'function') this._read = options.read;
      if (typeof options.destroy === 'function') this._destroy = options.destroy;
      if (typeof options.construct === 'function') this._construct = options.construct;
      if (options.signal) addAbortSignal(options.signal, this);
    }
    Stream.call(this, options);
    if (this._construct != null) construct(this, () => readableConstructed(this, this._readableState));
  }
  Object.setPrototypeOf(Readable.prototype, Stream.prototype);
  Object.setPrototypeOf(Readable, Stream);
  Readable.ReadableState = ReadableState;

  function readableConstructed(stream, state) {
    if (state.needReadable) maybeReadMore(stream, state);
  }

  Readable.prototype.destroy = destroy;
  Readable.prototype._undestroy = undestroy;
  Readable.prototype._destroy = function (err, cb) {
    cb(err);
  };
  Readable.prototype[EE.captureRejectionSymbol] = function (err) {
    this.destroy(err);
  };
  if (SymbolAsyncDispose !== undefined) {
    Readable.prototype[SymbolAsyncDispose] = function () {
      let error;
      if (!this.destroyed) {
        error = this.readableEnded ? null : new AbortError();
        this.destroy(error);
      }
      return new Promise((resolve, reject) =>
        eos(this, (err) => (err && err !== error ? reject(err) : resolve(null))),
      );
    };
  }

  Readable.prototype.push = function (chunk, encoding) {
    const state = this._readableState;
    return state.objectMode ? pushObject(this, state, chunk, encoding) : pushBytes(this, state, chunk, encoding);
  };

  Readable.prototype.unshift = function (chunk, encoding) {
    const state = this._readableState;
    if (chunk === null) {
      state.reading = false;
      onEofChunk(this, state);
      return false;
    }
    if (!state.objectMode) {
      if (typeof chunk === 'string') {
        encoding = encoding || state.defaultEncoding;
        if (state.encoding !== encoding) {
          chunk = state.encoding ? Buffer.from(chunk, encoding).toString(state.encoding) : Buffer.from(chunk, encoding);
        }
      } else if (ArrayBuffer.isView(chunk)) {
        if (!(chunk instanceof Buffer)) chunk = toBuffer(chunk);
      } else if (chunk !== undefined) {
        errorOrDestroy(this, new codes.ERR_INVALID_ARG_TYPE('chunk', CHUNK_TYPES, chunk));
        return false;
      }
      if (!(chunk && chunk.length > 0)) return canPushMore(state);
    }
    if (state.endEmitted) errorOrDestroy(this, errUnshiftAfterEnd());
    else if (state.destroyed || state.errored) return false;
    else addChunk(this, state, chunk, true);
    return canPushMore(state);
  };

  function pushBytes(stream, state, chunk, encoding) {
    if (chunk === null) {
      state.reading = false;
      onEofChunk(stream, state);
      return false;
    }
    if (typeof chunk === 'string') {
      encoding = encoding || state.defaultEncoding;
      if (state.encoding !== encoding) {
        chunk = Buffer.from(chunk, encoding);
        encoding = '';
      }
    } else if (chunk instanceof Buffer) {
      encoding = '';
    } else if (ArrayBuffer.isView(chunk)) {
      chunk = toBuffer(chunk);
      encoding = '';
    } else if (chunk !== undefined) {
      errorOrDestroy(stream, new codes.ERR_INVALID_ARG_TYPE('chunk', CHUNK_TYPES, chunk));
      return false;
    }
    if (!chunk || chunk.length <= 0) {
      state.reading = false;
      maybeReadMore(stream, state);
      return canPushMore(state);
    }
    if (state.ended) {
      errorOrDestroy(stream, errPushAfterEof());
      return false;
    }
    if (state.destroyed || state.errored) return false;
    state.reading = false;
    if (state.decoder !== null && !encoding) {
      chunk = state.decoder.write(chunk);
      if (chunk.length === 0) {
        maybeReadMore(stream, state);
        return canPushMore(state);
      }
    }
    addChunk(stream, state, chunk, false);
    return canPushMore(state);
  }

  function pushObject(stream, state, chunk, encoding) {
    if (chunk === null) {
      state.reading = false;
      onEofChunk(stream, state);
      return false;
    }
    if (state.ended) {
      errorOrDestroy(stream, errPushAfterEof());
      return false;
    }
    if (state.destroyed || state.errored) return false;
    state.reading = false;
    if (state.decoder !== null && !encoding) chunk = state.decoder.write(chunk);
    addChunk(stream, state, chunk, false);
    return canPushMore(state);
  }

  function canPushMore(state) {
    return !state.ended && (state.length < state.highWaterMark || state.length === 0);
  }

  function resetAwaitDrain(state) {
    if (state.multiAwaitDrain) state.awaitDrainWriters.clear();
    else state.awaitDrainWriters = null;
  }

  function addChunk(stream, state, chunk, addToFront) {
    if (state.flowing === true && !state.sync && state.dataListening && state.length === 0) {
      // Straight to the consumer: nothing is queued before it.
      resetAwaitDrain(state);
      state.dataEmitted = true;
      stream.emit('data', chunk);
    } else {
      state.length += state.objectMode ? 1 : chunk.length;
      if (addToFront) {
        if (state.bufferIndex > 0) state.buffer[--state.bufferIndex] = chunk;
        else state.buffer.unshift(chunk);
      } else {
        state.buffer.push(chunk);
      }
      if (state.needReadable) emitReadable(stream);
    }
    maybeReadMore(stream, state);
  }

  Readable.prototype.isPaused = function () {
    const state = this._readableState;
    return state[kPaused] === true || state.flowing === false;
  };

  Readable.prototype.setEncoding = function (enc) {
    const state = this._readableState;
    const decoder = newDecoder(enc);
    state.decoder = decoder;
    state.encoding = decoder.encoding;
    let text = '';
    const buffer = state.buffer;
    for (let i = state.bufferIndex; i < buffer.length; i++) text += decoder.write(buffer[i]);
    buffer.length = 0;
    state.bufferIndex = 0;
    if (text !== '') buffer.push(text);
    state.length = text.length;
    return this;
  };

  const MAX_HIGH_WATER_MARK = 0x40000000;
  // The power of two at or above `n`.
  function nextHighWaterMark(n) {
    if (n > MAX_HIGH_WATER_MARK) throw new codes.ERR_OUT_OF_RANGE('size', '<= 1GiB', n);
    let mark = 1;
    while (mark < n) mark *= 2;
    return mark;
  }

  function howMuchToRead(n, state) {
    if (n <= 0 || (state.length === 0 && state.ended)) return 0;
    if (state.objectMode) return 1;
    if (Number.isNaN(n)) {
      // Everything, or the first chunk when flowing.
      if (state.flowing === true && state.length) return state.buffer[state.bufferIndex].length;
      return state.length;
    }
    if (n <= state.length) return n;
    return state.ended ? state.length : 0;
  }

  Readable.prototype.read = function (n) {
    if (n === undefined) n = NaN;
    else if (!Number.isInteger(n)) n = Number.parseInt(n, 10);
    const state = this._readableState;
    const asked = n;
    if (n > state.highWaterMark) state.highWaterMark = nextHighWaterMark(n);
    if (n !== 0) state.emittedReadable = false;

    // read(0) with enough buffered (or at the end) only signals 'readable' (or ends).
    if (n === 0 && state.needReadable &&
      ((state.highWaterMark !== 0 ? state.length >= state.highWaterMark : state.length > 0) || state.ended)) {
      if (state.length === 0 && state.ended) endReadable(this);
      else emitReadable(this);
      return null;
    }

    n = howMuchToRead(n, state);
    if (n === 0 && state.ended) {
      if (state.length === 0) endReadable(this);
      return null;
    }

    // Ask `_read` for more when below the high water mark after this read.
    let doRead = state.needReadable;
    if (state.length === 0 || state.length - n < state.highWaterMark) doRead = true;
    if (state.ended || state.reading || state.destroyed || state.errored || !state.constructed) {
      doRead = false;
    } else if (doRead) {
      state.reading = true;
      state.sync = true;
      if (state.length === 0) state.needReadable = true;
      try {
        this._read(state.highWaterMark);
      } catch (err) {
        errorOrDestroy(this, err);
      }
      state.sync = false;
      // `_read` may have pushed synchronously: recount.
      if (!state.reading) n = howMuchToRead(asked, state);
    }

    let ret = n > 0 ? fromList(n, state) : null;
    if (ret === null) {
      state.needReadable = state.needReadable || state.length <= state.highWaterMark;
      n = 0;
    } else {
      state.length -= n;
      resetAwaitDrain(state);
    }
    if (state.length === 0) {
      if (!state.ended) state.needReadable = true;
      if (asked !== n && state.ended) endReadable(this);
    }
    if (ret !== null && !state.errorEmitted && !state.closeEmitted) {
      state.dataEmitted = true;
      this.emit('data', ret);
    }
    return ret;
  };

  function onEofChunk(stream, state) {
    if (state.ended) return;
    const decoder = state.decoder;
    if (decoder !== null) {
      const chunk = decoder.end();
      if (chunk && chunk.length) {
        state.buffer.push(chunk);
        state.length += state.objectMode ? 1 : chunk.length;
      }
    }
    state.ended = true;
    if (state.sync) {
      emitReadable(stream);
    } else {
      state.needReadable = false;
      state.emittedReadable = true;
      emitReadableNow(stream);
    }
  }

  // 'readable' on the next tick, once.
  function emitReadable(stream) {
    const state = stream._readableState;
    state.needReadable = false;
    if (!state.emittedReadable) {
      state.emittedReadable = true;
      process.nextTick(emitReadableNow, stream);
    }
  }

  function emitReadableNow(stream) {
    const state = stream._readableState;
    if (!state.destroyed && !state.errored && (state.length || state.ended)) {
      stream.emit('readable');
      state.emittedReadable = false;
    }
    if (state.flowing !== true && !state.ended && state.length <= state.highWaterMark) state.needReadable = true;
    flow(stream);
  }

  // Fills the buffer up to the high water mark, on the next tick.
  function maybeReadMore(stream, state) {
    if (!state.readingMore && state.constructed) {
      state.readingMore = true;
      process.nextTick(readMore, stream, state);
    }
  }

  function readMore(stream, state) {
    while (!state.reading && !state.ended &&
      (state.length < state.highWaterMark || (state.flowing === true && state.length === 0))) {
      const before = state.length;
      stream.read(0);
      if (before === state.length) break;
    }
    state.readingMore = false;
  }

  Readable.prototype._read = function (n) {
    throw new codes.ERR_METHOD_NOT_IMPLEMENTED('_read()');
  };

  Readable.prototype.pipe = function (dest, pipeOpts) {
    const src = this;
    const state = this._readableState;
    if (state.pipes.length === 1 && !state.multiAwaitDrain) {
      state.multiAwaitDrain = true;
      state.awaitDrainWriters = new Set(state.awaitDrainWriters ? [state.awaitDrainWriters] : []);
    }
    state.pipes.push(dest);

    const stdio = typeof process === 'object' && process !== null && (dest === process.stdout || dest === process.stderr);
    const doEnd = (!pipeOpts || pipeOpts.end !== false) && !stdio;
    const endFn = doEnd ? onend : unpipe;
    if (state.endEmitted) process.nextTick(endFn);
    else src.once('end', endFn);

    dest.on('unpipe', onunpipe);
    function onunpipe(readable, unpipeInfo) {
      if (readable === src && unpipeInfo && unpipeInfo.hasUnpiped === false) {
        unpipeInfo.hasUnpiped = true;
        cleanup();
      }
    }
    function onend() {
      dest.end();
    }

    let ondrain;
    let cleanedUp = false;
    function cleanup() {
      dest.removeListener('close', onclose);
      dest.removeListener('finish', onfinish);
      if (ondrain) dest.removeListener('drain', ondrain);
      dest.removeListener('error', onerror);
      dest.removeListener('unpipe', onunpipe);
      src.removeListener('end', onend);
      src.removeListener('end', unpipe);
      src.removeListener('data', ondata);
      cleanedUp = true;
      // A drain this destination still owes would stall the source.
      if (ondrain && state.awaitDrainWriters && (!dest._writableState || dest._writableState.needDrain)) ondrain();
    }

    function pause() {
      if (!cleanedUp) {
        if (state.pipes.length === 1 && state.pipes[0] === dest) {
          state.awaitDrainWriters = dest;
          state.multiAwaitDrain = false;
        } else if (state.pipes.length > 1 && state.pipes.includes(dest)) {
          state.awaitDrainWriters.add(dest);
        }
        src.pause();
      }
      if (!ondrain) {
        ondrain = pipeOnDrain(src, dest);
        dest.on('drain', ondrain);
      }
    }

    src.on('data', ondata);
    function ondata(chunk) {
      if (dest.write(chunk) === false) pause();
    }

    // A destination's error unpipes it, and is thrown when nothing else handles it.
    function onerror(er) {
      unpipe();
      dest.removeListener('error', onerror);
      if (dest.listenerCount('error') === 0) {
        const s = dest._writableState || dest._readableState;
        if (s && !s.errorEmitted) errorOrDestroy(dest, er);
        else dest.emit('error', er);
      }
    }
    prependListener(dest, 'error', onerror);

    function onclose() {
      dest.removeListener('finish', onfinish);
      unpipe();
    }
    dest.once('close', onclose);
    function onfinish() {
      dest.removeListener('close', onclose);
      unpipe();
    }
    dest.once('finish', onfinish);

    function unpipe() {
      src.unpipe(dest);
    }

    dest.emit('pipe', src);

    if (dest.writableNeedDrain === true) pause();
    else if (state.flowing !== true) src.resume();
    return dest;
  };

  function pipeOnDrain(src, dest) {
    return function pipeOnDrainFunctionResult() {
      const state = src._readableState;
      if (state.awaitDrainWriters === dest) state.awaitDrainWriters = null;
      else if (state.multiAwaitDrain) state.awaitDrainWriters.delete(dest);
      if ((!state.awaitDrainWriters || state.awaitDrainWriters.size === 0) && state.dataListening) src.resume();
    };
  }

  Readable.prototype.unpipe = function (dest) {
    const state = this._readableState;
    if (state.pipes.length === 0) return this;
    if (!dest) {
      const dests = state.pipes;
      state.pipes = [];
      this.pause();
      for (let i = 0; i < dests.length; i++) dests[i].emit('unpipe', this, { hasUnpiped: false });
      return this;
    }
    const index = state.pipes.indexOf(dest);
    if (index === -1) return this;
    state.pipes.splice(index, 1);
    if (state.pipes.length === 0) this.pause();
    dest.emit('unpipe', this, { hasUnpiped: false });
    return this;
  };

  Readable.prototype.on = function (ev, fn) {
    const res = Stream.prototype.on.call(this, ev, fn);
    const state = this._readableState;
    if (ev === 'data') {
      state.dataListening = true;
      if (this.listenerCount('readable') > 0) state.readableListening = true;
      // A 'data' listener starts the flow, unless the stream was paused explicitly.
      if (state.flowing !== false) this.resume();
    } else if (ev === 'readable') {
      if (!state.endEmitted && !state.readableListening) {
        state.readableListening = state.needReadable = true;
        state.flowing = false;
        state.emittedReadable = false;
        if (state.length) emitReadable(this);
        else if (!state.reading) process.nextTick(readZero, this);
      }
    }
    return res;
  };
  Readable.prototype.addListener = Readable.prototype.on;

  Readable.prototype.removeListener = function (ev, fn) {
    const state = this._readableState;
    const res = Stream.prototype.removeListener.call(this, ev, fn);
    if (ev === 'readable') process.nextTick(updateReadableListening, this);
    else if (ev === 'data' && this.listenerCount('data') === 0) state.dataListening = false;
    return res;
  };
  Readable.prototype.off = Readable.prototype.removeListener;

  Readable.prototype.removeAllListeners = function (ev) {
    const res = Reflect.apply(Stream.prototype.removeAllListeners, this, arguments);
    if (ev === 'readable' || ev === undefined) process.nextTick(updateReadableListening, this);
    return res;
  };

  function updateReadableListening(self) {
    const state = self._readableState;
    state.readableListening = self.listenerCount('readable') > 0;
    if (state.resumeScheduled && state[kPaused] === false) {
      // resume() was called while 'readable' was listened to: flow now.
      state.flowing = true;
    } else if (state.dataListening) {
      self.resume();
    } else if (!state.readableListening) {
      state.flowing = null;
    }
  }

  function readZero(self) {
    self.read(0);
  }

  Readable.prototype.resume = function () {
    const state = this._readableState;
    if (state.flowing !== true) {
      // With 'readable' listeners, the stream is not flowing, only resumed.
      state.flowing = !state.readableListening;
      if (!state.resumeScheduled) {
        state.resumeScheduled = true;
        process.nextTick(resumeNow, this, state);
      }
    }
    state[kPaused] = false;
    return this;
  };

  function resumeNow(stream, state) {
    if (!state.reading) stream.read(0);
    state.resumeScheduled = false;
    stream.emit('resume');
    flow(stream);
    if (state.flowing === true && !state.reading) stream.read(0);
  }

  Readable.prototype.pause = function () {
    const state = this._readableState;
    if (state.flowing !== false) {
      state.flowing = false;
      this.emit('pause');
    }
    state[kPaused] = true;
    return this;
  };

  function flow(stream) {
    const state = stream._readableState;
    while (state.flowing === true && stream.read() !== null);
  }

  // Reads an old-style stream (one that only emits 'data') through this one.
  Readable.prototype.wrap = function (stream) {
    let paused = false;
    stream.on('data', (chunk) => {
      if (!this.push(chunk) && stream.pause) {
        paused = true;
        stream.pause();
      }
    });
    stream.on('end', () => {
      this.push(null);
    });
    stream.on('error', (err) => {
      errorOrDestroy(this, err);
    });
    stream.on('close', () => {
      this.destroy();
    });
    stream.on('destroy', () => {
      this.destroy();
    });
    this._read = () => {
      if (paused && stream.resume) {
        paused = false;
        stream.resume();
      }
    };
    // Node skips the first own key (historically `_events`).
    const keys = Object.keys(stream);
    for (let j = 1; j < keys.length; j++) {
      const key = keys[j];
      if (this[key] === undefined && typeof stream[key] === 'function') this[key] = stream[key].bind(stream);
    }
    return this;
  };

  Readable.prototype[Symbol.asyncIterator] = function () {
    return streamToAsyncIterator(this);
  };

  Readable.prototype.iterator = function (options) {
    if (options !== undefined) validateObject(options, 'options');
    return streamToAsyncIterator(this, options);
  };

  function streamToAsyncIterator(stream, options) {
    if (typeof stream.read !== 'function') stream = Readable.wrap(stream, { objectMode: true });
    const iterator = createAsyncIterator(stream, options);
    iterator.stream = stream;
    return iterator;
  }

  async function* createAsyncIterator(stream, options) {
    let callback = nop;
    function next(resolve) {
      if (this === stream) {
        callback();
        callback = nop;
      } else {
        callback = resolve;
      }
    }
    stream.on('readable', next);
    let error;
    const cleanup = eos(stream, { writable: false }, (err) => {
      error = err ? aggregateTwoErrors(error, err) : null;
      callback();
      callback = nop;
    });
    try {
      while (true) {
        const chunk = stream.destroyed ? null : stream.read();
        if (chunk !== null) yield chunk;
        else if (error) throw error;
        else if (error === null) return;
        else await new Promise(next);
      }
    } catch (err) {
      error = aggregateTwoErrors(error, err);
      throw error;
    } finally {
      if ((error || !options || options.destroyOnReturn !== false) &&
        (error === undefined || stream._readableState.autoDestroy)) {
        destroyer(stream, null);
      } else {
        stream.off('readable', next);
        cleanup();
      }
    }
  }

  Object.defineProperties(Readable.prototype, {
    readable: {
      configurable: true,
      get() {
        const r = this._readableState;
        return !!r && r.readable !== false && !r.destroyed && !r.errorEmitted && !r.endEmitted;
      },
      set(value) {
        if (this._readableState) this._readableState.readable = !!value;
      },
    },
    readableDidRead: {
      configurable: true,
      get() {
        return this._readableState.dataEmitted;
      },
    },
    readableAborted: {
      configurable: true,
      get() {
        const r = this._readableState;
        return !!(r.readable !== false && (r.destroyed || r.errored) && !r.endEmitted);
      },
    },
    readableHighWaterMark: {
      configurable: true,
      get() {
        return this._readableState.highWaterMark;
      },
    },
    readableBuffer: {
      configurable: true,
      get() {
        return this._readableState && this._readableState.buffer;
      },
    },
    readableFlowing: {
      configurable: true,
      get() {
        return this._readableState.flowing;
      },
      set(value) {
        if (this._readableState) this._readableState.flowing = value;
      },
    },
    readableLength: {
      configurable: true,
      get() {
        return this._readableState.length;
      },
    },
    readableObjectMode: {
      configurable: true,
      get() {
        return this._readableState ? this._readableState.objectMode : false;
      },
    },
    readableEncoding: {
      configurable: true,
      get() {
        return this._readableState ? this._readableState.encoding : null;
      },
    },
    errored: {
      configurable: true,
      get() {
        return this._readableState ? this._readableState.errored : null;
      },
    },
    closed: {
      configurable: true,
      get() {
        return this._readableState ? this._readableState.closed : false;
      },
    },
    destroyed: {
      configurable: true,
      get() {
        return this._readableState ? this._readableState.destroyed : false;
      },
      set(value) {
        if (this._readableState) this._readableState.destroyed = value;
      },
    },
    readableEnded: {
      configurable: true,
      get() {
        return this._readableState ? this._readableState.endEmitted : false;
      },
    },
  });

  // Takes `n` bytes or characters (or one object) off the front of the buffer.
  function fromList(n, state) {
    if (state.length === 0) return null;
    const buf = state.buffer;
    const len = buf.length;
    let idx = state.bufferIndex;
    let ret;
    if (state.objectMode) {
      ret = buf[idx];
      buf[idx++] = null;
    } else if (!n || n >= state.length) {
      // All of it.
      if (state.decoder !== null) {
        ret = '';
        while (idx < len) {
          ret += buf[idx];
          buf[idx++] = null;
        }
      } else if (len - idx === 0) {
        ret = Buffer.alloc(0);
      } else if (len - idx === 1) {
        ret = buf[idx];
        buf[idx++] = null;
      } else {
        ret = Buffer.allocUnsafe(state.length);
        let at = 0;
        while (idx < len) {
          ret.set(buf[idx], at);
          at += buf[idx].length;
          buf[idx++] = null;
        }
      }
    } else if (n < buf[idx].length) {
      ret = buf[idx].slice(0, n);
      buf[idx] = buf[idx].slice(n);
    } else if (n === buf[idx].length) {
      ret = buf[idx];
      buf[idx++] = null;
    } else if (state.decoder !== null) {
      ret = '';
      while (idx < len) {
        const str = buf[idx];
        if (n >= str.length) {
          ret += str;
          n -= str.length;
          buf[idx++] = null;
          if (n === 0) break;
        } else {
          ret += str.slice(0, n);
          buf[idx] = str.slice(n);
          break;
        }
      }
    } else {
      ret = Buffer.allocUnsafe(n);
      const total = n;
      while (idx < len) {
        const data = buf[idx];
        if (n >= data.length) {
          ret.set(data, total - n);
          n -= data.length;
          buf[idx++] = null;
          if (n === 0) break;
        } else {
          ret.set(data.subarray(0, n), total - n);
          buf[idx] = data.subarray(n);
          break;
        }
      }
    }
    if (idx === len) {
      buf.length = 0;
      state.bufferIndex = 0;
    } else if (idx > 1024) {
      buf.splice(0, idx);
      state.bufferIndex = 0;
    } else {
      state.bufferIndex = idx;
    }
    return ret;
  }
  Readable._fromList = fromList;

  function endReadable(stream) {
    const state = stream._readableState;
    if (!state.endEmitted) {
      state.ended = true;
      process.nextTick(endReadableNow, state, stream);
    }
  }

  function endReadableNow(state, stream) {
    if (!state.errored && !state.closeEmitted && !state.endEmitted && state.length === 0) {
      state.endEmitted = true;
      stream.emit('end');
      if (stream.writable && stream.allowHalfOpen === false) {
        process.nextTick(endWritableSide, stream);
      } else if (state.autoDestroy) {
        // A duplex is destroyed once both sides are done.
        const w = stream._writableState;
        if (!w || (w.autoDestroy && (w.finished || w.writable === false))) stream.destroy();
      }
    }
  }

  function endWritableSide(stream) {
    if (stream.writable && !stream.writableEnded && !stream.destroyed) stream.end();
  }

  Readable.from = function (iterable, opts) {
    return from(Readable, iterable, opts);
  };

  Readable.wrap = function (src, options) {
    return new Readable({
      objectMode: src.readableObjectMode ?? src.objectMode ?? true,
      ...options,
      destroy(err, callback) {
        destroyer(src, err);
        callback(err);
      },
    }).wrap(src);
  };

  function webStreamsUnavailable(name) {
    return function () {
      throw nodeError(Error, 'ERR_ACTIONBOX_UNAVAILABLE', name + ' is not available in actionbox: there are no web streams');
    };
  }
  Readable.fromWeb = webStreamsUnavailable('stream.Readable.fromWeb');
  Readable.toWeb = webStreamsUnavailable('stream.Readable.toWeb');

  // A Readable over an iterable or async iterable (or of one string or Buffer).
  function from(Base, iterable, opts) {
    if (typeof iterable === 'string' || iterable instanceof Buffer) {
      return new Base({
        objectMode: true,
        ...opts,
        read() {
          this.push(iterable);
          this.push(null);
        },
      });
    }
    let iterator;
    let isAsync;
    if (iterable && iterable[Symbol.asyncIterator]) {
      isAsync = true;
      iterator = iterable[Symbol.asyncIterator]();
    } else if (iterable && iterable[Symbol.iterator]) {
      isAsync = false;
      iterator = iterable[Symbol.iterator]();
    } else {
      throw new codes.ERR_INVALID_ARG_TYPE('iterable', ['Iterable'], iterable);
    }
    const readable = new Base({ objectMode: true, highWaterMark: 1, ...opts });
    let reading = false;
    let asyncValues = false;

    readable._read = function () {
      if (!reading) {
        reading = true;
        if (isAsync) nextAsync();
        else if (asyncValues) nextSyncAwaiting();
        else nextSync();
      }
    };
    readable._destroy = function (error, cb) {
      close(error).then(
        () => process.nextTick(cb, error),
        (e) => process.nextTick(cb, e || error),
      );
    };

    async function close(error) {
      const hadError = error !== undefined && error !== null;
      if (hadError && typeof iterator.throw === 'function') {
        const { value, done } = await iterator.throw(error);
        await value;
        if (done) return;
      }
      if (typeof iterator.return === 'function') {
        const { value } = await iterator.return();
        await value;
      }
    }

    // Pushes `value`; whether to go on.
    function pushValue(value) {
      if (value === null) {
        reading = false;
        throw errNullValues();
      }
      if (readable.push(value)) return true;
      reading = false;
      return false;
    }

    function nextSync() {
      for (;;) {
        try {
          const { value, done } = iterator.next();
          if (done) {
            readable.push(null);
            return;
          }
          if (value && typeof value.then === 'function') return switchToAsyncValues(value);
          if (pushValue(value)) continue;
        } catch (err) {
          readable.destroy(err);
        }
        break;
      }
    }

    // A sync iterator that gave a promise: its values are awaited from now on.
    async function switchToAsyncValues(value) {
      asyncValues = true;
      try {
        if (pushValue(await value)) nextSyncAwaiting();
      } catch (err) {
        readable.destroy(err);
      }
    }

    async function nextSyncAwaiting() {
      for (;;) {
        try {
          const { value, done } = iterator.next();
          if (done) {
            readable.push(null);
            return;
          }
          const resolved = value && typeof value.then === 'function' ? await value : value;
          if (pushValue(resolved)) continue;
        } catch (err) {
          readable.destroy(err);
        }
        break;
      }
    }

    async function nextAsync() {
      for (;;) {
        try {
          const { value, done } = await iterator.next();
          if (done) {
            readable.push(null);
            return;
          }
          if (pushValue(value)) continue;
        } catch (err) {
          readable.destroy(err);
        }
        break;
      }
    }
    return readable;
  }

  // ---------------------------------------------------------------------------------
  // Writable.

  const kOnFinished = Symbol('kOnFinished');

  function WritableState(options, stream, isDuplex) {
    this.objectMode = !!(options && (options.objectMode || (isDuplex && options.writableObjectMode)));
    this.highWaterMark = options
      ? highWaterMarkOf(this, options, 'writableHighWaterMark', isDuplex)
      : getDefaultHighWaterMark(false);
    this.finalCalled = false;
    this.needDrain = false;
    // `end()` was called (ending), and has been through (ended).
    this.ending = false;
    this.ended = false;
    this.finished = false;
    this.destroyed = false;
    this.decodeStrings = !options || options.decodeStrings !== false;
    const defaultEncoding = options ? options.defaultEncoding : null;
    if (defaultEncoding == null || defaultEncoding === 'utf8' || defaultEncoding === 'utf-8') {
      this.defaultEncoding = 'utf8';
    } else if (Buffer.isEncoding(defaultEncoding)) {
      this.defaultEncoding = defaultEncoding;
    } else {
      throw new codes.ERR_UNKNOWN_ENCODING(defaultEncoding);
    }
    this.length = 0;
    this.writing = false;
    this.corked = 0;
    // Whether `_write` is calling back synchronously: then the callback waits a tick.
    this.sync = true;
    this.bufferProcessing = false;
    this.onwrite = onwrite.bind(undefined, stream);
    this.writecb = null;
    this.writelen = 0;
    this.expectWriteCb = false;
    this.afterWriteTickInfo = null;
    this.afterWritePending = false;
    this.buffered = [];
    this.bufferedIndex = 0;
    this.allBuffers = true;
    this.allNoop = true;
    this.pendingcb = 0;
    this.constructed = true;
    this.prefinished = false;
    this.errorEmitted = false;
    this.emitClose = !options || options.emitClose !== false;
    this.autoDestroy = !options || options.autoDestroy !== false;
    this.errored = null;
    this.closed = false;
    this.closeEmitted = false;
    this[kOnFinished] = [];
  }

  function resetBuffer(state) {
    state.buffered = [];
    state.bufferedIndex = 0;
    state.allBuffers = true;
    state.allNoop = true;
  }

  WritableState.prototype.getBuffer = function getBuffer() {
    return this.buffered.slice(this.bufferedIndex);
  };
  Object.defineProperty(WritableState.prototype, 'bufferedRequestCount', {
    configurable: true,
    get() {
      return this.buffered.length - this.bufferedIndex;
    },
  });

  function writableConstructed(stream, state) {
    if (!state.writing) clearBuffer(stream, state);
    if (state.ending) finishMaybe(stream, state);
  }

  function Writable(options) {
    if (!(this instanceof Writable)) return new Writable(options);
    this._writableState = new WritableState(options, this, false);
    if (options) {
      if (typeof options.write === 'function') this._write = options.write;
      if (typeof options.writev === 'function') this._writev = options.writev;
      if (typeof options.destroy === 'function') this._destroy = options.destroy;
      if (typeof options.final === 'function') this._final = options.final;
      if (typeof options.construct === 'function') this._construct = options.construct;
      if (options.signal) addAbortSignal(options.signal, this);
    }
    Stream.call(this, options);
    if (this._construct != null) construct(this, () => writableConstructed(this, this._writableState));
  }
  Object.setPrototypeOf(Writable.prototype, Stream.prototype);
  Object.setPrototypeOf(Writable, Stream);
  Writable.WritableState = WritableState;

  // A Duplex is a Writable too, though it inherits from Readable.
  const functionHasInstance = Function.prototype[Symbol.hasInstance];
  Object.defineProperty(Writable, Symbol.hasInstance, {
    configurable: true,
    value: function (object) {
      if (functionHasInstance.call(this, object)) return true;
      if (this !== Writable) return false;
      return !!(object && object._writableState instanceof WritableState);
    },
  });

  Writable.prototype.pipe = function () {
    errorOrDestroy(this, errCannotPipe());
  };

  // What `write` and `end` share: the chunk checked and queued or written. Returns true
  // when below the high water mark, or the error it met.
  function writeChunk(stream, chunk, encoding, cb) {
    const state = stream._writableState;
    if (cb == null || typeof cb !== 'function') cb = nop;
    if (chunk === null) throw errNullValues();
    if (!state.objectMode) {
      if (!encoding) encoding = state.defaultEncoding;
      else if (encoding !== 'buffer' && !Buffer.isEncoding(encoding)) throw new codes.ERR_UNKNOWN_ENCODING(encoding);
      if (typeof chunk === 'string') {
        if (state.decodeStrings) {
          chunk = Buffer.from(chunk, encoding);
          encoding = 'buffer';
        }
      } else if (chunk instanceof Buffer) {
        encoding = 'buffer';
      } else if (ArrayBuffer.isView(chunk)) {
        chunk = toBuffer(chunk);
        encoding = 'buffer';
      } else {
        throw new codes.ERR_INVALID_ARG_TYPE('chunk', CHUNK_TYPES, chunk);
      }
    }
    let err;
    if (state.ending) err = errWriteAfterEnd();
    else if (state.destroyed) err = errDestroyed('write');
    if (err) {
      process.nextTick(cb, err);
      errorOrDestroy(stream, err, true);
      return err;
    }
    state.pendingcb++;
    return writeOrBuffer(stream, state, chunk, encoding, cb);
  }

  Writable.prototype.write = function (chunk, encoding, cb) {
    if (encoding != null && typeof encoding === 'function') {
      cb = encoding;
      encoding = null;
    }
    return writeChunk(this, chunk, encoding, cb) === true;
  };

  Writable.prototype.cork = function () {
    this._writableState.corked++;
  };

  Writable.prototype.uncork = function () {
    const state = this._writableState;
    if (state.corked) {
      state.corked--;
      if (!state.writing) clearBuffer(this, state);
    }
  };

  Writable.prototype.setDefaultEncoding = function setDefaultEncoding(encoding) {
    if (typeof encoding === 'string') encoding = encoding.toLowerCase();
    if (!Buffer.isEncoding(encoding)) throw new codes.ERR_UNKNOWN_ENCODING(encoding);
    this._writableState.defaultEncoding = encoding;
    return this;
  };

  function writeOrBuffer(stream, state, chunk, encoding, callback) {
    const len = state.objectMode ? 1 : chunk.length;
    state.length += len;
    if (state.writing || state.corked || state.errored || !state.constructed) {
      state.buffered.push({ chunk, encoding, callback });
      if (state.allBuffers && encoding !== 'buffer') state.allBuffers = false;
      if (state.allNoop && callback !== nop) state.allNoop = false;
    } else {
      state.writelen = len;
      state.writecb = callback;
      state.writing = true;
      state.expectWriteCb = true;
      state.sync = true;
      stream._write(chunk, encoding, state.onwrite);
      state.sync = false;
    }
    const ret = state.length < state.highWaterMark || state.length === 0;
    if (!ret) state.needDrain = true;
    return ret && !state.destroyed && !state.errored;
  }

  function doWrite(stream, state, writev, len, chunk, encoding, cb) {
    state.writelen = len;
    state.writecb = cb;
    state.writing = true;
    state.expectWriteCb = true;
    state.sync = true;
    if (state.destroyed) state.onwrite(errDestroyed('write'));
    else if (writev) stream._writev(chunk, state.onwrite);
    else stream._write(chunk, encoding, state.onwrite);
    state.sync = false;
  }

  function onwriteError(stream, state, er, cb) {
    --state.pendingcb;
    cb(er);
    errorBuffer(state);
    errorOrDestroy(stream, er);
  }

  // The callback `_write` gets.
  function onwrite(stream, er) {
    const state = stream._writableState;
    if (!state.expectWriteCb) {
      errorOrDestroy(stream, errMultipleCallback());
      return;
    }
    const sync = state.sync;
    const cb = state.writecb || nop;
    state.writecb = null;
    state.writing = false;
    state.expectWriteCb = false;
    state.length -= state.writelen;
    state.writelen = 0;
    if (er) {
      if (!state.errored) state.errored = er;
      if (stream._readableState && !stream._readableState.errored) stream._readableState.errored = er;
      if (sync) process.nextTick(onwriteError, stream, state, er, cb);
      else onwriteError(stream, state, er, cb);
      return;
    }
    if (state.buffered.length > state.bufferedIndex) clearBuffer(stream, state);
    if (!sync) {
      afterWrite(stream, state, 1, cb);
      return;
    }
    // A synchronous write's callback (and 'drain') wait a tick; callbacks of the same
    // function in a row are counted into one tick. (Node also takes this path for
    // every write in object mode.)
    const needDrain = state.needDrain && state.length === 0;
    const needTick = needDrain || state.objectMode || cb !== nop;
    if (cb === nop) {
      if (!state.afterWritePending && needTick) {
        process.nextTick(afterWrite, stream, state, 1, cb);
        state.afterWritePending = true;
      } else {
        state.pendingcb--;
        if (state.ending) finishMaybe(stream, state, true);
      }
    } else if (state.afterWriteTickInfo !== null && state.afterWriteTickInfo.cb === cb) {
      state.afterWriteTickInfo.count++;
    } else if (needTick) {
      state.afterWriteTickInfo = { count: 1, cb, stream, state };
      process.nextTick(afterWriteTick, state.afterWriteTickInfo);
      state.afterWritePending = true;
    } else {
      state.pendingcb--;
      if (state.ending) finishMaybe(stream, state, true);
    }
  }

  function afterWriteTick(info) {
    info.state.afterWriteTickInfo = null;
    return afterWrite(info.stream, info.state, info.count, info.cb);
  }

  function afterWrite(stream, state, count, cb) {
    state.afterWritePending = false;
    if (!state.ending && !state.destroyed && state.needDrain && state.length === 0) {
      state.needDrain = false;
      stream.emit('drain');
    }
    while (count-- > 0) {
      state.pendingcb--;
      cb(null);
    }
    if (state.destroyed) errorBuffer(state);
    if (state.ending) finishMaybe(stream, state, true);
  }

  // The queued writes (and end callbacks) of a destroyed or errored stream fail.
  function errorBuffer(state) {
    if (state.writing) return;
    const buffered = state.buffered;
    for (let n = state.bufferedIndex; n < buffered.length; ++n) {
      const { chunk, callback } = buffered[n];
      state.length -= state.objectMode ? 1 : chunk.length;
      callback(state.errored ?? errDestroyed('write'));
    }
    callFinishedCallbacks(state, state.errored ?? errDestroyed('end'));
    resetBuffer(state);
  }

  // Writes what was queued: all at once through `_writev` when there is one.
  function clearBuffer(stream, state) {
    if (state.corked || state.destroyed || state.bufferProcessing || !state.constructed) return;
    const buffered = state.buffered;
    const start = state.bufferedIndex;
    const count = buffered.length - start;
    if (!count) return;
    let i = start;
    state.bufferProcessing = true;
    if (count > 1 && stream._writev) {
      state.pendingcb -= count - 1;
      const callback = state.allNoop
        ? nop
        : (err) => {
            for (let n = i; n < buffered.length; ++n) buffered[n].callback(err);
          };
      const chunks = state.allNoop && i === 0 ? buffered : buffered.slice(i);
      chunks.allBuffers = state.allBuffers;
      doWrite(stream, state, true, state.length, chunks, '', callback);
      resetBuffer(state);
    } else {
      do {
        const { chunk, encoding, callback } = buffered[i];
        buffered[i++] = null;
        doWrite(stream, state, false, state.objectMode ? 1 : chunk.length, chunk, encoding, callback);
      } while (i < buffered.length && !state.writing);
      if (i === buffered.length) {
        resetBuffer(state);
      } else if (i > 256) {
        buffered.splice(0, i);
        state.bufferedIndex = 0;
      } else {
        state.bufferedIndex = i;
      }
    }
    state.bufferProcessing = false;
  }

  Writable.prototype._write = function (chunk, encoding, cb) {
    if (this._writev) this._writev([{ chunk, encoding }], cb);
    else throw new codes.ERR_METHOD_NOT_IMPLEMENTED('_write()');
  };
  Writable.prototype._writev = null;

  Writable.prototype.end = function (chunk, encoding, cb) {
    const state = this._writableState;
    if (typeof chunk === 'function') {
      cb = chunk;
      chunk = null;
      encoding = null;
    } else if (typeof encoding === 'function') {
      cb = encoding;
      encoding = null;
    }
    let err;
    if (chunk != null) {
      const ret = writeChunk(this, chunk, encoding);
      if (ret instanceof Error) err = ret;
    }
    // end() uncorks entirely.
    if (state.corked) {
      state.corked = 1;
      this.uncork();
    }
    if (err) {
      // reported by the write
    } else if (!state.errored && !state.ending) {
      state.ending = true;
      finishMaybe(this, state, true);
      state.ended = true;
    } else if (state.finished) {
      err = errAlreadyFinished('end');
    } else if (state.destroyed) {
      err = errDestroyed('end');
    }
    if (typeof cb === 'function') {
      if (err) process.nextTick(cb, err);
      else if (state.errored) process.nextTick(cb, state.errored);
      else if (state.finished) process.nextTick(cb, null);
      else state[kOnFinished].push(cb);
    }
    return this;
  };

  function needFinish(state) {
    return state.ending && !state.destroyed && state.constructed && state.length === 0 && !state.errored &&
      state.buffered.length === 0 && !state.finished && !state.writing && !state.errorEmitted && !state.closeEmitted;
  }

  function onFinal(stream, state, err) {
    if (state.prefinished) {
      errorOrDestroy(stream, err ?? errMultipleCallback());
      return;
    }
    state.pendingcb--;
    if (err) {
      callFinishedCallbacks(state, err);
      errorOrDestroy(stream, err, state.sync);
    } else if (needFinish(state)) {
      state.prefinished = true;
      stream.emit('prefinish');
      state.pendingcb++;
      process.nextTick(finish, stream, state);
    }
  }

  // Calls `_final` once, or emits 'prefinish' when there is none.
  function prefinish(stream, state) {
    if (state.prefinished || state.finalCalled) return;
    if (typeof stream._final === 'function' && !state.destroyed) {
      state.finalCalled = true;
      state.sync = true;
      state.pendingcb++;
      try {
        stream._final((err) => onFinal(stream, state, err));
      } catch (err) {
        onFinal(stream, state, err);
      }
      state.sync = false;
    } else {
      state.finalCalled = true;
      state.prefinished = true;
      stream.emit('prefinish');
    }
  }

  function finishMaybe(stream, state, sync) {
    if (!needFinish(state)) return;
    prefinish(stream, state);
    if (state.pendingcb !== 0) return;
    if (sync) {
      state.pendingcb++;
      process.nextTick(finishLater, stream, state);
    } else if (needFinish(state)) {
      state.pendingcb++;
      finish(stream, state);
    }
  }

  function finishLater(stream, state) {
    if (needFinish(state)) finish(stream, state);
    else state.pendingcb--;
  }

  function finish(stream, state) {
    state.pendingcb--;
    state.finished = true;
    callFinishedCallbacks(state, null);
    stream.emit('finish');
    if (state.autoDestroy) {
      // A duplex is destroyed once both sides are done.
      const r = stream._readableState;
      if (!r || (r.autoDestroy && (r.endEmitted || r.readable === false))) stream.destroy();
    }
  }

  function callFinishedCallbacks(state, err) {
    const callbacks = state[kOnFinished];
    if (callbacks.length === 0) return;
    state[kOnFinished] = [];
    for (let i = 0; i < callbacks.length; i++) callbacks[i](err);
  }

  Object.defineProperties(Writable.prototype, {
    closed: {
      configurable: true,
      get() {
        return this._writableState ? this._writableState.closed : false;
      },
    },
    destroyed: {
      configurable: true,
      get() {
        return this._writableState ? this._writableState.destroyed : false;
      },
      set(value) {
        if (this._writableState) this._writableState.destroyed = value;
      },
    },
    writable: {
      configurable: true,
      get() {
        const w = this._writableState;
        return !!w && w.writable !== false && !w.destroyed && !w.errored && !w.ending && !w.ended;
      },
      set(value) {
        if (this._writableState) this._writableState.writable = !!value;
      },
    },
    writableFinished: {
      configurable: true,
      get() {
        return this._writableState ? this._writableState.finished : false;
      },
    },
    writableObjectMode: {
      configurable: true,
      get() {
        return this._writableState ? this._writableState.objectMode : false;
      },
    },
    writableBuffer: {
      configurable: true,
      get() {
        return this._writableState && this._writableState.getBuffer();
      },
    },
    writableEnded: {
      configurable: true,
      get() {
        return this._writableState ? this._writableState.ending : false;
      },
    },
    writableNeedDrain: {
      configurable: true,
      get() {
        const w = this._writableState;
        return w ? !w.destroyed && !w.ending && w.needDrain : false;
      },
    },
    writableHighWaterMark: {
      configurable: true,
      get() {
        return this._writableState && this._writableState.highWaterMark;
      },
    },
    writableCorked: {
      configurable: true,
      get() {
        return this._writableState ? this._writableState.corked : 0;
      },
    },
    writableLength: {
      configurable: true,
      get() {
        return this._writableState && this._writableState.length;
      },
    },
    errored: {
      configurable: true,
      get() {
        return this._writableState ? this._writableState.errored : null;
      },
    },
    writableAborted: {
      configurable: true,
      get() {
        const w = this._writableState;
        return w.writable !== false && !!(w.destroyed || w.errored) && !w.finished;
      },
    },
  });

  Writable.prototype.destroy = function (err, cb) {
    const state = this._writableState;
    if (!state.destroyed && (state.bufferedIndex < state.buffered.length || state[kOnFinished].length)) {
      process.nextTick(errorBuffer, state);
    }
    destroy.call(this, err, cb);
    return this;
  };
  Writable.prototype._undestroy = undestroy;
  Writable.prototype._destroy = function (err, cb) {
    cb(err);
  };
  Writable.prototype[EE.captureRejectionSymbol] = function (err) {
    this.destroy(err);
  };
  if (SymbolAsyncDispose !== undefined) {
    Writable.prototype[SymbolAsyncDispose] = function () {
      let error;
      if (!this.destroyed) {
        error = this.writableFinished ? null : new AbortError();
        this.destroy(error);
      }
      return new Promise((resolve, reject) =>
        eos(this, (err) => (err && err.name !== 'AbortError' ? reject(err) : resolve(null))),
      );
    };
  }
  Writable.fromWeb = webStreamsUnavailable('stream.Writable.fromWeb');
  Writable.toWeb = webStreamsUnavailable('stream.Writable.toWeb');

  // ---------------------------------------------------------------------------------
  // Duplex, Transform, PassThrough.

  function Duplex(options) {
    if (!(this instanceof Duplex)) return new Duplex(options);
    this._readableState = new ReadableState(options, this, true);
    this._writableState = new WritableState(options, this, true);
    if (options) {
      this.allowHalfOpen = options.allowHalfOpen !== false;
      if (options.readable === false) {
        this._readableState.readable = false;
        this._readableState.ended = true;
        this._readableState.endEmitted = true;
      }
      if (options.writable === false) {
        this._writableState.writable = false;
        this._writableState.ending = true;
        this._writableState.ended = true;
        this._writableState.finished = true;
      }
      if (typeof options.read === 'function') this._read = options.read;
      if (typeof options.write === 'function') this._write = options.write;
      if (typeof options.writev === 'function') this._writev = options.writev;
      if (typeof options.destroy === 'function') this._destroy = options.destroy;
      if (typeof options.final === 'function') this._final = options.final;
      if (typeof options.construct === 'function') this._construct = options.construct;
      if (options.signal) addAbortSignal(options.signal, this);
    } else {
      this.allowHalfOpen = true;
    }
    Stream.call(this, options);
    if (this._construct != null) {
      construct(this, () => {
        readableConstructed(this, this._readableState);
        writableConstructed(this, this._writableState);
      });
    }
  }
  Object.setPrototypeOf(Duplex.prototype, Readable.prototype);
  Object.setPrototypeOf(Duplex, Readable);
  for (const method of Object.keys(Writable.prototype)) {
    if (!Duplex.prototype[method]) Duplex.prototype[method] = Writable.prototype[method];
  }
  Duplex.prototype.destroy = Writable.prototype.destroy;
  {
    const copied = {};
    for (const name of ['writable', 'writableHighWaterMark', 'writableObjectMode', 'writableBuffer', 'writableLength',
      'writableFinished', 'writableCorked', 'writableEnded', 'writableNeedDrain']) {
      copied[name] = Object.getOwnPropertyDescriptor(Writable.prototype, name);
    }
    copied.destroyed = {
      configurable: true,
      get() {
        if (this._readableState === undefined || this._writableState === undefined) return false;
        return this._readableState.destroyed && this._writableState.destroyed;
      },
      set(value) {
        if (this._readableState && this._writableState) {
          this._readableState.destroyed = value;
          this._writableState.destroyed = value;
        }
      },
    };
    Object.defineProperties(Duplex.prototype, copied);
  }
  Duplex.fromWeb = webStreamsUnavailable('stream.Duplex.fromWeb');
  Duplex.toWeb = webStreamsUnavailable('stream.Duplex.toWeb');
  Duplex.from = function (body) {
    return duplexify(body, 'body');
  };

  const kCallback = Symbol('kCallback');

  function Transform(options) {
    if (!(this instanceof Transform)) return new Transform(options);
    // A readable side with a zero high water mark keeps a zero-mark writable side.
    const readableMark = options ? highWaterMarkOf(this, options, 'readableHighWaterMark', true) : null;
    if (readableMark === 0) {
      options = {
        ...options,
        highWaterMark: null,
        readableHighWaterMark: readableMark,
        writableHighWaterMark: options.writableHighWaterMark || 0,
      };
    }
    Duplex.call(this, options);
    // 'readable' is emitted at once: pushes come from outside `_read`.
    this._readableState.sync = false;
    this[kCallback] = null;
    if (options) {
      if (typeof options.transform === 'function') this._transform = options.transform;
      if (typeof options.flush === 'function') this._flush = options.flush;
    }
    this.on('prefinish', transformPrefinish);
  }
  Object.setPrototypeOf(Transform.prototype, Duplex.prototype);
  Object.setPrototypeOf(Transform, Duplex);

  function transformFinal(cb) {
    if (typeof this._flush === 'function' && !this.destroyed) {
      this._flush((er, data) => {
        if (er) {
          if (cb) cb(er);
          else this.destroy(er);
          return;
        }
        if (data != null) this.push(data);
        this.push(null);
        if (cb) cb();
      });
    } else {
      this.push(null);
      if (cb) cb();
    }
  }

  // A subclass that replaced `_final` still flushes, at 'prefinish'.
  function transformPrefinish() {
    if (this._final !== transformFinal) transformFinal.call(this);
  }

  Transform.prototype._final = transformFinal;

  Transform.prototype._transform = function (chunk, encoding, callback) {
    throw new codes.ERR_METHOD_NOT_IMPLEMENTED('_transform()');
  };

  Transform.prototype._write = function (chunk, encoding, callback) {
    const rState = this._readableState;
    const wState = this._writableState;
    const length = rState.length;
    this._transform(chunk, encoding, (err, val) => {
      if (err) {
        callback(err);
        return;
      }
      if (val != null) this.push(val);
      if (rState.ended) {
        process.nextTick(callback);
      } else if (wState.ended || length === rState.length || rState.length < rState.highWaterMark) {
        callback();
      } else {
        // The readable side is full: the next write waits for a read.
        this[kCallback] = callback;
      }
    });
  };

  Transform.prototype._read = function () {
    if (this[kCallback]) {
      const callback = this[kCallback];
      this[kCallback] = null;
      callback();
    }
  };

  function PassThrough(options) {
    if (!(this instanceof PassThrough)) return new PassThrough(options);
    Transform.call(this, options);
  }
  Object.setPrototypeOf(PassThrough.prototype, Transform.prototype);
  Object.setPrototypeOf(PassThrough, Transform);
  PassThrough.prototype._transform = function (chunk, encoding, cb) {
    cb(null, chunk);
  };

  // Two Duplexes, each reading what the other writes.
  const kOtherSide = Symbol('kOtherSide');
  const kSideCallback = Symbol('kSideCallback');
  function DuplexSide(options) {
    Duplex.call(this, options);
    this[kSideCallback] = null;
    this[kOtherSide] = null;
  }
  Object.setPrototypeOf(DuplexSide.prototype, Duplex.prototype);
  Object.setPrototypeOf(DuplexSide, Duplex);
  DuplexSide.prototype._read = function () {
    const callback = this[kSideCallback];
    if (callback) {
      this[kSideCallback] = null;
      callback();
    }
  };
  DuplexSide.prototype._write = function (chunk, encoding, callback) {
    if (chunk.length === 0) {
      process.nextTick(callback);
    } else {
      this[kOtherSide].push(chunk);
      this[kOtherSide][kSideCallback] = callback;
    }
  };
  DuplexSide.prototype._final = function (callback) {
    this[kOtherSide].on('end', callback);
    this[kOtherSide].push(null);
  };
  function duplexPair(options) {
    const side0 = new DuplexSide(options);
    const side1 = new DuplexSide(options);
    side0[kOtherSide] = side1;
    side1[kOtherSide] = side0;
    return [side0, side1];
  }

  // ---------------------------------------------------------------------------------
  // Duplex.from: a Duplex for a stream, an iterable, a promise, an async generator
  // function, or a { readable, writable } pair.

  function Duplexify(options) {
    if (!(this instanceof Duplexify)) return new Duplexify(options);
    Duplex.call(this, options);
    if (options && options.readable === false) {
      this._readableState.readable = false;
      this._readableState.ended = true;
      this._readableState.endEmitted = true;
    }
    if (options && options.writable === false) {
      this._writableState.writable = false;
      this._writableState.ending = true;
      this._writableState.ended = true;
      this._writableState.finished = true;
    }
  }
  Object.setPrototypeOf(Duplexify.prototype, Duplex.prototype);
  Object.setPrototypeOf(Duplexify, Duplex);

  function duplexify(body, name) {
    if (isDuplexNodeStream(body)) return body;
    if (isReadableNodeStream(body)) return duplexifyPair({ readable: body });
    if (isWritableNodeStream(body)) return duplexifyPair({ writable: body });
    if (isNodeStream(body)) return duplexifyPair({ writable: false, readable: false });
    if (typeof body === 'function') {
      const { value, write, final, destroy } = fromAsyncGen(body);
      if (isIterable(value)) {
        return from(Duplexify, value, { objectMode: true, write, final, destroy });
      }
      const then = value && value.then;
      if (typeof then === 'function') {
        let d;
        const promise = then.call(value, nop, (err) => destroyer(d, err));
        d = new Duplexify({
          objectMode: true,
          readable: false,
          write,
          final(cb) {
            final(async () => {
              try {
                await promise;
                process.nextTick(cb, null);
              } catch (err) {
                process.nextTick(cb, err);
              }
            });
          },
          destroy,
        });
        return d;
      }
      throw new codes.ERR_INVALID_RETURN_VALUE('Iterable, AsyncIterable or AsyncFunction', name, value);
    }
    if (isIterable(body)) return from(Duplexify, body, { objectMode: true, writable: false });
    if (body && typeof body.then === 'function') {
      let d;
      body.then(
        (val) => {
          if (val != null) d.push(val);
          d.push(null);
        },
        (err) => destroyer(d, err),
      );
      d = new Duplexify({ objectMode: true, writable: false, read() {} });
      return d;
    }
    if (typeof body === 'object' && body !== null &&
      (isReadableNodeStream(body.readable) || isWritableNodeStream(body.writable))) {
      const readable = body.readable && isReadableNodeStream(body.readable) ? body.readable : undefined;
      const writable = body.writable && isWritableNodeStream(body.writable) ? body.writable : undefined;
      return duplexifyPair({ readable, writable });
    }
    throw new codes.ERR_INVALID_ARG_TYPE(
      name,
      ['Blob', 'ReadableStream', 'WritableStream', 'Stream', 'Iterable', 'AsyncIterable', 'Function',
        '{ readable, writable } pair', 'Promise'],
      body,
    );
  }

  // An async generator function as a Duplex: what is written feeds its argument.
  function fromAsyncGen(fn) {
    let resolveNext;
    let pending = new Promise((resolve) => {
      resolveNext = resolve;
    });
    const ac = new AbortController();
    const signal = ac.signal;
    const value = fn(
      (async function* () {
        while (true) {
          const current = pending;
          pending = null;
          const { chunk, done, cb } = await current;
          process.nextTick(cb);
          if (done) return;
          if (signal.aborted) throw new AbortError(undefined, { cause: signal.reason });
          pending = new Promise((resolve) => {
            resolveNext = resolve;
          });
          yield chunk;
        }
      })(),
      { signal },
    );
    return {
      value,
      write(chunk, encoding, cb) {
        const resolve = resolveNext;
        resolveNext = null;
        resolve({ chunk, done: false, cb });
      },
      final(cb) {
        const resolve = resolveNext;
        resolveNext = null;
        resolve({ done: true, cb });
      },
      destroy(err, cb) {
        ac.abort();
        cb(err);
      },
    };
  }

  // A Duplex that writes into `writable` and reads from `readable`.
  function duplexifyPair(pair) {
    const r = pair.readable && typeof pair.readable.read !== 'function' ? Readable.wrap(pair.readable) : pair.readable;
    const w = pair.writable;
    let readable = !!isReadable(r);
    let writable = !!isWritable(w);
    let ondrain = null;
    let onfinish = null;
    let onreadable = null;
    let onclose = null;
    let d;

    function onfinished(err) {
      const cb = onclose;
      onclose = null;
      if (cb) cb(err);
      else if (err) d.destroy(err);
    }

    d = new Duplexify({
      readableObjectMode: !!(r && r.readableObjectMode),
      writableObjectMode: !!(w && w.writableObjectMode),
      readable,
      writable,
    });

    if (writable) {
      eos(w, (err) => {
        writable = false;
        if (err) destroyer(r, err);
        onfinished(err);
      });
      d._write = function (chunk, encoding, callback) {
        if (w.write(chunk, encoding)) callback();
        else ondrain = callback;
      };
      d._final = function (callback) {
        w.end();
        onfinish = callback;
      };
      w.on('drain', () => {
        if (ondrain) {
          const cb = ondrain;
          ondrain = null;
          cb();
        }
      });
      w.on('finish', () => {
        if (onfinish) {
          const cb = onfinish;
          onfinish = null;
          cb();
        }
      });
    }

    if (readable) {
      eos(r, (err) => {
        readable = false;
        if (err) destroyer(r, err);
        onfinished(err);
      });
      r.on('readable', () => {
        if (onreadable) {
          const cb = onreadable;
          onreadable = null;
          cb();
        }
      });
      r.on('end', () => {
        d.push(null);
      });
      d._read = function () {
        while (true) {
          const buf = r.read();
          if (buf === null) {
            onreadable = d._read;
            return;
          }
          if (!d.push(buf)) return;
        }
      };
    }

    d._destroy = function (err, callback) {
      if (!err && onclose !== null) err = new AbortError();
      onreadable = null;
      ondrain = null;
      onfinish = null;
      if (onclose === null) {
        callback(err);
      } else {
        onclose = callback;
        destroyer(w, err);
        destroyer(r, err);
      }
    };
    onclose = null;
    return d;
  }

  // ---------------------------------------------------------------------------------
  // finished (end-of-stream).

  function eos(stream, options, callback) {
    if (arguments.length === 2) {
      callback = options;
      options = {};
    } else if (options == null) {
      options = {};
    } else {
      validateObject(options, 'options');
    }
    validateFunction(callback, 'callback');
    validateAbortSignal(options.signal, 'options.signal');
    callback = once(callback);

    if (!isNodeStream(stream)) {
      throw new codes.ERR_INVALID_ARG_TYPE('stream', ['ReadableStream', 'WritableStream', 'Stream'], stream);
    }

    const readable = options.readable ?? isReadableNodeStream(stream);
    const writable = options.writable ?? isWritableNodeStream(stream);
    const wState = stream._writableState;
    const rState = stream._readableState;

    const onlegacyfinish = () => {
      if (!stream.writable) onfinish();
    };

    // When 'close' will come, it decides.
    let closeComing = willEmitClose(stream) && isReadableNodeStream(stream) === readable &&
      isWritableNodeStream(stream) === writable;

    let writableFinished = isWritableFinished(stream, false);
    const onfinish = () => {
      writableFinished = true;
      if (stream.destroyed) closeComing = false;
      if (closeComing && (!stream.readable || readable)) return;
      if (!readable || readableFinished) callback.call(stream);
    };

    let readableFinished = isReadableFinished(stream, false);
    const onend = () => {
      readableFinished = true;
      if (stream.destroyed) closeComing = false;
      if (closeComing && (!stream.writable || writable)) return;
      if (!writable || writableFinished) callback.call(stream);
    };

    const onerror = (err) => {
      callback.call(stream, err);
    };

    let closed = isClosed(stream);

    const onclose = () => {
      closed = true;
      const errored = isWritableErrored(stream) || isReadableErrored(stream);
      if (errored && typeof errored !== 'boolean') return callback.call(stream, errored);
      if (readable && !readableFinished && isReadableNodeStream(stream, true)) {
        if (!isReadableFinished(stream, false)) return callback.call(stream, errPrematureClose());
      }
      if (writable && !writableFinished) {
        if (!isWritableFinished(stream, false)) return callback.call(stream, errPrematureClose());
      }
      callback.call(stream);
    };

    const onclosed = () => {
      closed = true;
      const errored = isWritableErrored(stream) || isReadableErrored(stream);
      if (errored && typeof errored !== 'boolean') return callback.call(stream, errored);
      callback.call(stream);
    };

    const onrequest = () => {
      stream.req.on('finish', onfinish);
    };

    if (isRequest(stream)) {
      stream.on('complete', onfinish);
      if (!closeComing) stream.on('abort', onclose);
      if (stream.req) onrequest();
      else stream.on('request', onrequest);
    } else if (writable && !wState) {
      // A legacy writable.
      stream.on('end', onlegacyfinish);
      stream.on('close', onlegacyfinish);
    }

    if (!closeComing && typeof stream.aborted === 'boolean') stream.on('aborted', onclose);

    stream.on('end', onend);
    stream.on('finish', onfinish);
    if (options.error !== false) stream.on('error', onerror);
    stream.on('close', onclose);

    if (closed) {
      process.nextTick(onclose);
    } else if ((wState && wState.errorEmitted) || (rState && rState.errorEmitted)) {
      if (!closeComing) process.nextTick(onclosed);
    } else if (!readable && (!closeComing || isReadable(stream)) && (writableFinished || isWritable(stream) === false) &&
      (wState == null || wState.pendingcb === undefined || wState.pendingcb === 0)) {
      process.nextTick(onclosed);
    } else if (!writable && (!closeComing || isWritable(stream)) && (readableFinished || isReadable(stream) === false)) {
      process.nextTick(onclosed);
    } else if (rState && stream.req && stream.aborted) {
      process.nextTick(onclosed);
    }

    const cleanup = () => {
      callback = nop;
      stream.removeListener('aborted', onclose);
      stream.removeListener('complete', onfinish);
      stream.removeListener('abort', onclose);
      stream.removeListener('request', onrequest);
      if (stream.req) stream.req.removeListener('finish', onfinish);
      stream.removeListener('end', onlegacyfinish);
      stream.removeListener('close', onlegacyfinish);
      stream.removeListener('finish', onfinish);
      stream.removeListener('end', onend);
      stream.removeListener('error', onerror);
      stream.removeListener('close', onclose);
    };

    if (options.signal && !closed) {
      const signal = options.signal;
      const abort = () => {
        const endCallback = callback;
        cleanup();
        endCallback.call(stream, abortErrorFor(signal));
      };
      if (signal.aborted) {
        process.nextTick(abort);
      } else {
        const stop = onAbort(signal, abort);
        const original = callback;
        callback = once(function (...args) {
          stop();
          Reflect.apply(original, stream, args);
        });
      }
    }
    return cleanup;
  }

  function finishedPromise(stream, opts) {
    let autoCleanup = false;
    if (opts === null) opts = {};
    if (opts && opts.cleanup) {
      validateBoolean(opts.cleanup, 'cleanup');
      autoCleanup = opts.cleanup;
    }
    return new Promise((resolve, reject) => {
      const cleanup = eos(stream, opts, (err) => {
        if (autoCleanup) cleanup();
        if (err) reject(err);
        else resolve();
      });
    });
  }
  eos.finished = finishedPromise;

  // ---------------------------------------------------------------------------------
  // addAbortSignal.

  function addAbortSignal(signal, stream) {
    if (typeof signal !== 'object' || signal === null || !('aborted' in signal)) {
      throw new codes.ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal);
    }
    if (!isNodeStream(stream)) {
      throw new codes.ERR_INVALID_ARG_TYPE('stream', ['ReadableStream', 'WritableStream', 'Stream'], stream);
    }
    const abort = () => {
      stream.destroy(abortErrorFor(signal));
    };
    if (signal.aborted) {
      abort();
    } else {
      const stop = onAbort(signal, abort);
      eos(stream, stop);
    }
    return stream;
  }

  // ---------------------------------------------------------------------------------
  // pipeline.

  function destroyerFor(stream, reading, writing) {
    let finished = false;
    stream.on('close', () => {
      finished = true;
    });
    const cleanup = eos(stream, { readable: reading, writable: writing }, (err) => {
      finished = !err;
    });
    return {
      destroy: (err) => {
        if (finished) return;
        finished = true;
        destroyer(stream, err || errDestroyed('pipe'));
      },
      cleanup,
    };
  }

  function popCallback(streams) {
    validateFunction(streams[streams.length - 1], 'streams[stream.length - 1]');
    return streams.pop();
  }

  function makeAsyncIterable(val) {
    if (isIterable(val)) return val;
    if (isReadableNodeStream(val)) return fromReadable(val);
    throw new codes.ERR_INVALID_ARG_TYPE('val', ['Readable', 'Iterable', 'AsyncIterable'], val);
  }

  async function* fromReadable(val) {
    yield* Readable.prototype[Symbol.asyncIterator].call(val);
  }

  // Writes what an iterable gives into a Node writable, minding backpressure.
  async function pumpToNode(iterable, writable, finish, { end }) {
    let error;
    let onresolve = null;
    const resume = (err) => {
      if (err) error = err;
      if (onresolve) {
        const callback = onresolve;
        onresolve = null;
        callback();
      }
    };
    const wait = () =>
      new Promise((resolve, reject) => {
        if (error) {
          reject(error);
        } else {
          onresolve = () => {
            if (error) reject(error);
            else resolve();
          };
        }
      });
    writable.on('drain', resume);
    const cleanup = eos(writable, { readable: false }, resume);
    try {
      if (writable.writableNeedDrain) await wait();
      for await (const chunk of iterable) {
        if (!writable.write(chunk)) await wait();
      }
      if (end) {
        writable.end();
        await wait();
      }
      finish();
    } catch (err) {
      finish(error !== err ? aggregateTwoErrors(error, err) : err);
    } finally {
      cleanup();
      writable.off('drain', resume);
    }
  }

  function pipeline(...streams) {
    return pipelineImpl(streams, once(popCallback(streams)));
  }

  function pipelineImpl(streams, callback, opts) {
    if (streams.length === 1 && Array.isArray(streams[0])) streams = streams[0];
    if (streams.length < 2) throw new codes.ERR_MISSING_ARGS('streams');

    const ac = new AbortController();
    const signal = ac.signal;
    const outerSignal = opts ? opts.signal : undefined;
    const lastStreamCleanup = [];
    validateAbortSignal(outerSignal, 'options.signal');

    function abort() {
      finishImpl(abortErrorFor(outerSignal));
    }
    const stopOuter = outerSignal ? onAbort(outerSignal, abort) : nop;

    let error;
    let value;
    const destroys = [];
    let finishCount = 0;

    function finish(err) {
      finishImpl(err, --finishCount === 0);
    }

    function finishImpl(err, final) {
      if (err && (!error || error.code === 'ERR_STREAM_PREMATURE_CLOSE')) error = err;
      if (!error && !final) return;
      while (destroys.length) destroys.shift()(error);
      stopOuter();
      ac.abort();
      if (final) {
        if (!error) lastStreamCleanup.forEach((fn) => fn());
        process.nextTick(callback, error, value);
      }
    }

    let ret;
    for (let i = 0; i < streams.length; i++) {
      const stream = streams[i];
      const reading = i < streams.length - 1;
      const writing = i > 0;
      const end = reading || !opts || opts.end !== false;
      const isLastStream = i === streams.length - 1;

      if (isNodeStream(stream)) {
        if (end) {
          const { destroy, cleanup } = destroyerFor(stream, reading, writing);
          destroys.push(destroy);
          if (isReadable(stream) && isLastStream) lastStreamCleanup.push(cleanup);
        }
        // Errors end the pipeline; aborts and premature closes are reported otherwise.
        const onError = (err) => {
          if (err && err.name !== 'AbortError' && err.code !== 'ERR_STREAM_PREMATURE_CLOSE') finish(err);
        };
        stream.on('error', onError);
        if (isReadable(stream) && isLastStream) {
          lastStreamCleanup.push(() => {
            stream.removeListener('error', onError);
          });
        }
      }

      if (i === 0) {
        if (typeof stream === 'function') {
          ret = stream({ signal });
          if (!isIterable(ret)) {
            throw new codes.ERR_INVALID_RETURN_VALUE('Iterable, AsyncIterable or Stream', 'source', ret);
          }
        } else if (isIterable(stream) || isReadableNodeStream(stream) || isTransformStream(stream)) {
          ret = stream;
        } else {
          ret = Duplex.from(stream);
        }
      } else if (typeof stream === 'function') {
        ret = makeAsyncIterable(isTransformStream(ret) ? ret.readable : ret);
        ret = stream(ret, { signal });
        if (reading) {
          if (!isIterable(ret, true)) {
            throw new codes.ERR_INVALID_RETURN_VALUE('AsyncIterable', 'transform[' + (i - 1) + ']', ret);
          }
        } else {
          // The last function's result goes through a PassThrough.
          const pt = new PassThrough({ objectMode: true });
          const then = ret && ret.then;
          if (typeof then === 'function') {
            finishCount++;
            then.call(
              ret,
              (val) => {
                value = val;
                if (val != null) pt.write(val);
                if (end) pt.end();
                process.nextTick(finish);
              },
              (err) => {
                pt.destroy(err);
                process.nextTick(finish, err);
              },
            );
          } else if (isIterable(ret, true)) {
            finishCount++;
            pumpToNode(ret, pt, finish, { end });
          } else {
            throw new codes.ERR_INVALID_RETURN_VALUE('AsyncIterable or Promise', 'destination', ret);
          }
          ret = pt;
          const { destroy, cleanup } = destroyerFor(ret, false, true);
          destroys.push(destroy);
          if (isLastStream) lastStreamCleanup.push(cleanup);
        }
      } else if (isNodeStream(stream)) {
        if (isReadableNodeStream(ret)) {
          finishCount += 2;
          const cleanup = pipe(ret, stream, finish, { end });
          if (isReadable(stream) && isLastStream) lastStreamCleanup.push(cleanup);
        } else if (isIterable(ret)) {
          finishCount++;
          pumpToNode(ret, stream, finish, { end });
        } else {
          throw new codes.ERR_INVALID_ARG_TYPE(
            'val',
            ['Readable', 'Iterable', 'AsyncIterable', 'ReadableStream', 'TransformStream'],
            ret,
          );
        }
        ret = stream;
      } else {
        ret = Duplex.from(stream);
      }
    }

    if ((signal && signal.aborted) || (outerSignal && outerSignal.aborted)) process.nextTick(abort);
    return ret;
  }

  function pipe(src, dst, finish, { end }) {
    let ended = false;
    dst.on('close', () => {
      if (!ended) finish(errPrematureClose());
    });
    // The end of `src` ends `dst` through the listener below, not through pipe().
    src.pipe(dst, { end: false });
    if (end) {
      const endFn = () => {
        ended = true;
        dst.end();
      };
      if (isReadableFinished(src)) process.nextTick(endFn);
      else src.once('end', endFn);
    } else {
      finish();
    }
    eos(src, { readable: true, writable: false }, (err) => {
      const rState = src._readableState;
      if (err && err.code === 'ERR_STREAM_PREMATURE_CLOSE' && rState && rState.ended && !rState.errored &&
        !rState.errorEmitted) {
        // Closed after ending but before 'end': wait for it.
        src.once('end', finish).once('error', finish);
      } else {
        finish(err);
      }
    });
    return eos(dst, { readable: false, writable: true }, finish);
  }

  // ---------------------------------------------------------------------------------
  // Readable operators (sequential: the `concurrency` option is accepted, values are
  // handled one at a time).

  function validateOperatorOptions(options) {
    if (options != null) validateObject(options, 'options');
    if (options && options.signal != null) validateAbortSignal(options.signal, 'options.signal');
    return options || {};
  }
  function validateOperatorFunction(fn, name) {
    if (typeof fn !== 'function') throw new codes.ERR_INVALID_ARG_TYPE(name, ['Function', 'AsyncFunction'], fn);
  }
  function validateMapOptions(options) {
    const opts = validateOperatorOptions(options);
    const concurrency = opts.concurrency != null ? Math.floor(opts.concurrency) : 1;
    const highWaterMark = opts.highWaterMark != null ? Math.floor(opts.highWaterMark) : concurrency - 1;
    validateInteger(concurrency, 'options.concurrency', 1);
    validateInteger(highWaterMark, 'options.highWaterMark', 0);
    return opts;
  }
  function throwIfAborted(options) {
    if (options.signal && options.signal.aborted) throw abortErrorFor(options.signal);
  }
  function operatorFor(name, make) {
    const fn = function (...args) {
      if (new.target) throw new codes.ERR_ILLEGAL_CONSTRUCTOR();
      return make(this, ...args);
    };
    Object.defineProperty(fn, 'name', { value: name });
    Object.defineProperty(Readable.prototype, name, { value: fn, writable: true, configurable: true, enumerable: false });
  }
  const streamOperator = (name, gen) =>
    operatorFor(name, (stream, fn, options) => {
      validateOperatorFunction(fn, 'fn');
      const opts = validateMapOptions(options);
      return Readable.from(gen(stream, fn, opts));
    });

  streamOperator('map', async function* (stream, fn, options) {
    for await (const value of stream) {
      throwIfAborted(options);
      yield await fn(value, { signal: options.signal });
    }
  });
  streamOperator('filter', async function* (stream, fn, options) {
    for await (const value of stream) {
      throwIfAborted(options);
      if (await fn(value, { signal: options.signal })) yield value;
    }
  });
  streamOperator('flatMap', async function* (stream, fn, options) {
    for await (const value of stream) {
      throwIfAborted(options);
      yield* await fn(value, { signal: options.signal });
    }
  });
  function toIntegerOrInfinity(number) {
    number = Number(number);
    if (Number.isNaN(number)) return 0;
    if (number < 0) throw new codes.ERR_OUT_OF_RANGE('number', '>= 0', number);
    return number;
  }
  operatorFor('take', (stream, number, options) => {
    const opts = validateOperatorOptions(options);
    number = toIntegerOrInfinity(number);
    return Readable.from((async function* () {
      throwIfAborted(opts);
      if (number <= 0) return;
      for await (const value of stream) {
        throwIfAborted(opts);
        yield value;
        if (--number <= 0) return;
      }
    })());
  });
  operatorFor('drop', (stream, number, options) => {
    const opts = validateOperatorOptions(options);
    number = toIntegerOrInfinity(number);
    return Readable.from((async function* () {
      throwIfAborted(opts);
      for await (const value of stream) {
        throwIfAborted(opts);
        if (number-- <= 0) yield value;
      }
    })());
  });
  operatorFor('toArray', async (stream, options) => {
    const opts = validateOperatorOptions(options);
    const result = [];
    for await (const value of stream) {
      throwIfAborted(opts);
      result.push(value);
    }
    return result;
  });
  operatorFor('forEach', async (stream, fn, options) => {
    validateOperatorFunction(fn, 'fn');
    const opts = validateMapOptions(options);
    for await (const value of stream) {
      throwIfAborted(opts);
      await fn(value, { signal: opts.signal });
    }
  });
  operatorFor('some', async (stream, fn, options) => {
    validateOperatorFunction(fn, 'fn');
    const opts = validateMapOptions(options);
    for await (const value of stream) {
      throwIfAborted(opts);
      if (await fn(value, { signal: opts.signal })) return true;
    }
    return false;
  });
  operatorFor('every', async (stream, fn, options) => {
    validateOperatorFunction(fn, 'fn');
    const opts = validateMapOptions(options);
    for await (const value of stream) {
      throwIfAborted(opts);
      if (!(await fn(value, { signal: opts.signal }))) return false;
    }
    return true;
  });
  operatorFor('find', async (stream, fn, options) => {
    validateOperatorFunction(fn, 'fn');
    const opts = validateMapOptions(options);
    for await (const value of stream) {
      throwIfAborted(opts);
      if (await fn(value, { signal: opts.signal })) return value;
    }
    return undefined;
  });
  operatorFor('reduce', async function (stream, reducer, ...rest) {
    validateOperatorFunction(reducer, 'reducer');
    const opts = validateOperatorOptions(rest[1]);
    let hasInitial = rest.length > 0;
    let accumulator = rest[0];
    throwIfAborted(opts);
    for await (const value of stream) {
      throwIfAborted(opts);
      if (!hasInitial) {
        accumulator = value;
        hasInitial = true;
      } else {
        accumulator = await reducer(accumulator, value, { signal: opts.signal });
      }
    }
    if (!hasInitial) {
      throw nodeError(TypeError, 'ERR_MISSING_ARGS', 'Reduce of an empty stream requires an initial value');
    }
    return accumulator;
  });

  // ---------------------------------------------------------------------------------
  // The module.

  const promises = {
    finished: finishedPromise,
    pipeline(...streams) {
      return new Promise((resolve, reject) => {
        let signal;
        let end;
        const last = streams[streams.length - 1];
        if (last && typeof last === 'object' && !isNodeStream(last) && !isIterable(last) && !isWebStream(last)) {
          const options = streams.pop();
          signal = options.signal;
          end = options.end;
        }
        pipelineImpl(
          streams,
          (err, value) => {
            if (err) reject(err);
            else resolve(value);
          },
          { signal, end },
        );
      });
    },
  };

  const kPromisifyCustom = Symbol.for('nodejs.util.promisify.custom');
  Object.defineProperty(pipeline, kPromisifyCustom, {
    enumerable: true,
    get() {
      return promises.pipeline;
    },
  });
  Object.defineProperty(eos, kPromisifyCustom, {
    enumerable: true,
    get() {
      return promises.finished;
    },
  });

  function compose() {
    throw nodeError(Error, 'ERR_ACTIONBOX_UNAVAILABLE', 'stream.compose is not available in actionbox');
  }

  Stream.isDestroyed = isDestroyed;
  Stream.isDisturbed = isDisturbed;
  Stream.isErrored = isErrored;
  Stream.isReadable = isReadable;
  Stream.isWritable = isWritable;
  Stream.Readable = Readable;
  Stream.Writable = Writable;
  Stream.Duplex = Duplex;
  Stream.Transform = Transform;
  Stream.PassThrough = PassThrough;
  Stream.duplexPair = duplexPair;
  Stream.pipeline = pipeline;
  Stream.addAbortSignal = addAbortSignal;
  Stream.finished = eos;
  Stream.destroy = destroyer;
  Stream.compose = compose;
  Stream.setDefaultHighWaterMark = setDefaultHighWaterMark;
  Stream.getDefaultHighWaterMark = getDefaultHighWaterMark;
  Object.defineProperty(Stream, 'promises', {
    configurable: true,
    enumerable: true,
    get() {
      return promises;
    },
  });
  Stream.Stream = Stream;
  Stream._isArrayBufferView = ArrayBuffer.isView;
  Stream._isUint8Array = isUint8Array;
  Stream._uint8ArrayToBuffer = function _uint8ArrayToBuffer(chunk) {
    return toBuffer(chunk);
  };

  module.exports = Stream;
})
