// Node's `events`: `EventEmitter` (also the module itself), its listener bookkeeping
// (`_events`, `_eventsCount`, `_maxListeners`, as Node keeps them, so code that reads
// them still works), the `'error'`, `'newListener'` and `'removeListener'` events, the
// leak warning through `process.emitWarning`, captured rejections, and the statics:
// `once` (a promise), `on` (an async iterator), `getEventListeners`, `setMaxListeners`,
// `getMaxListeners`, `listenerCount`, `addAbortListener`.
(function (module, require) {
  'use strict';

  let errorsModule = null;
  const errors = () => errorsModule || (errorsModule = require('internal/errors'));

  // Values in messages as `internal/inspect` shows them; callers fall back when it fails.
  function describe(value, options) {
    return require('internal/inspect').inspect(value, options);
  }

  const kCapture = Symbol('kCapture');
  const kErrorMonitor = Symbol('events.errorMonitor');
  const kShapeMode = Symbol('shapeMode');
  const kMaxEventTargetListeners = Symbol('events.maxEventTargetListeners');
  const kMaxEventTargetListenersWarned = Symbol('events.maxEventTargetListenersWarned');
  const kWatermarkData = Symbol.for('nodejs.watermarkData');
  const kRejection = Symbol.for('nodejs.rejection');
  const kDispose = typeof Symbol.dispose === 'symbol' ? Symbol.dispose : Symbol.for('nodejs.dispose');

  let maxListenersDefault = 10;

  // ---- argument checks, with Node's codes and messages ----

  function typeError(name, expected, value) {
    return new (errors().codes.ERR_INVALID_ARG_TYPE)(name, expected, value);
  }

  function rangeError(name, range, value) {
    return new (errors().codes.ERR_OUT_OF_RANGE)(name, range, value);
  }

  function mustBeFunction(value, name) {
    if (typeof value !== 'function') throw typeError(name, 'Function', value);
  }

  function mustBeCount(value, name) {
    if (typeof value !== 'number') throw typeError(name, 'number', value);
    if (!(value >= 0)) throw rangeError(name, '>= 0', value);
  }

  function mustBeInteger(value, name, min) {
    if (typeof value !== 'number') throw typeError(name, 'number', value);
    if (!Number.isInteger(value)) throw rangeError(name, 'an integer', value);
    if (value < min || value > Number.MAX_SAFE_INTEGER) {
      throw rangeError(name, '>= ' + min + ' && <= ' + Number.MAX_SAFE_INTEGER, value);
    }
  }

  function mustBeSignal(signal, name) {
    if (signal === undefined) return;
    if (signal === null || typeof signal !== 'object' || !('aborted' in signal)) {
      throw typeError(name, 'AbortSignal', signal);
    }
  }

  class AbortError extends Error {
    constructor(message = 'The operation was aborted', options = undefined) {
      if (options !== undefined && typeof options !== 'object') throw typeError('options', 'Object', options);
      super(message, options);
      this.code = 'ABORT_ERR';
      this.name = 'AbortError';
    }
  }

  const abortedError = (signal) => new AbortError(undefined, { cause: signal == null ? undefined : signal.reason });

  // ---- the emitter ----

  function EventEmitter(opts) {
    EventEmitter.init.call(this, opts);
  }

  // Sets up an instance (`EventEmitter.init`); subclasses written the old way reach it
  // through `EventEmitter.call(this)`.
  function init(opts) {
    const inherited = this._events;
    if (inherited === undefined || inherited === Object.getPrototypeOf(this)._events) {
      this._events = { __proto__: null };
      this._eventsCount = 0;
      this[kShapeMode] = false;
    } else {
      this[kShapeMode] = true;
    }
    this._maxListeners = this._maxListeners || undefined;
    if (opts != null && opts.captureRejections) {
      if (typeof opts.captureRejections !== 'boolean') {
        throw typeError('options.captureRejections', 'boolean', opts.captureRejections);
      }
      this[kCapture] = true;
    } else {
      this[kCapture] = EventEmitter.prototype[kCapture];
    }
  }

  const proto = EventEmitter.prototype;
  Object.defineProperty(proto, kCapture, { value: false, writable: true, enumerable: false });
  proto._events = undefined;
  proto._eventsCount = 0;
  proto._maxListeners = undefined;

  function limitOf(emitter) {
    const own = emitter._maxListeners;
    return own === undefined ? EventEmitter.defaultMaxListeners : own;
  }

  function listenersOf(emitter, type) {
    const events = emitter._events;
    return events === undefined ? undefined : events[type];
  }

  proto.setMaxListeners = function setMaxListeners(n) {
    mustBeCount(n, 'setMaxListeners');
    this._maxListeners = n;
    return this;
  };

  proto.getMaxListeners = function getMaxListeners() {
    return limitOf(this);
  };

  // A listener's promise that rejects is handed to `[captureRejectionSymbol]` or emitted
  // as `'error'`, when the emitter captures rejections.
  function watchResult(emitter, result, type, args) {
    if (!emitter[kCapture]) return;
    try {
      const then = result.then;
      if (typeof then !== 'function') return;
      then.call(result, undefined, (reason) => {
        later(() => reportRejection(emitter, reason, type, args));
      });
    } catch (error) {
      emitter.emit('error', error);
    }
  }

  function later(job) {
    const process = globalThis.process;
    if (process && typeof process.nextTick === 'function') process.nextTick(job);
    else queueMicrotask(job);
  }

  function reportRejection(emitter, reason, type, args) {
    const handler = emitter[kRejection];
    if (typeof handler === 'function') {
      handler.call(emitter, reason, type, ...args);
      return;
    }
    const before = emitter[kCapture];
    try {
      emitter[kCapture] = false;
      emitter.emit('error', reason);
    } finally {
      emitter[kCapture] = before;
    }
  }

  function unhandled(value) {
    let shown;
    try {
      shown = describe(value);
    } catch {
      shown = value;
    }
    const error = errors().nodeError(Error, 'ERR_UNHANDLED_ERROR', 'Unhandled error. (' + `${shown}` + ')');
    error.context = value;
    return error;
  }

  proto.emit = function emit(type, ...args) {
    const events = this._events;
    if (type === 'error') {
      if (events !== undefined && events[kErrorMonitor] !== undefined) this.emit(kErrorMonitor, ...args);
      if (events === undefined || events.error === undefined) {
        const value = args.length > 0 ? args[0] : undefined;
        if (value instanceof Error) throw value;
        throw unhandled(value);
      }
    } else if (events === undefined) {
      return false;
    }
    const entry = events[type];
    if (entry === undefined) return false;
    if (typeof entry === 'function') {
      const result = entry.apply(this, args);
      if (result !== undefined && result !== null) watchResult(this, result, type, args);
      return true;
    }
    // Listeners added or removed by a listener take effect from the next emit.
    const snapshot = entry.slice();
    for (let i = 0; i < snapshot.length; i++) {
      const result = snapshot[i].apply(this, args);
      if (result !== undefined && result !== null) watchResult(this, result, type, args);
    }
    return true;
  };

  function warnOfLeak(emitter, type, list, limit) {
    list.warned = true;
    const process = globalThis.process;
    if (!process || typeof process.emitWarning !== 'function') return;
    let shown;
    try {
      shown = describe(emitter, { depth: -1 });
    } catch {
      const ctor = emitter.constructor;
      shown = '[' + (ctor && ctor.name ? ctor.name : 'Object') + ']';
    }
    const warning = new Error(
      'Possible EventEmitter memory leak detected. ' + list.length + ' ' + String(type) +
        ' listeners added to ' + shown + '. MaxListeners is ' + limit +
        '. Use emitter.setMaxListeners() to increase limit',
    );
    warning.name = 'MaxListenersExceededWarning';
    warning.emitter = emitter;
    warning.type = type;
    warning.count = list.length;
    process.emitWarning(warning);
  }

  function attach(emitter, type, listener, first) {
    mustBeFunction(listener, 'listener');
    let events = emitter._events;
    if (events === undefined) {
      events = emitter._events = { __proto__: null };
      emitter._eventsCount = 0;
    } else if (events.newListener !== undefined) {
      emitter.emit('newListener', type, listener.listener ?? listener);
      // a 'newListener' listener may have replaced the table
      events = emitter._events;
    }
    const entry = events[type];
    if (entry === undefined) {
      events[type] = listener;
      emitter._eventsCount++;
      return emitter;
    }
    let list;
    if (typeof entry === 'function') {
      list = events[type] = first ? [listener, entry] : [entry, listener];
    } else {
      list = entry;
      if (first) list.unshift(listener);
      else list.push(listener);
    }
    const limit = limitOf(emitter);
    if (limit > 0 && list.length > limit && !list.warned) warnOfLeak(emitter, type, list, limit);
    return emitter;
  }

  proto.addListener = function addListener(type, listener) {
    return attach(this, type, listener, false);
  };
  proto.on = proto.addListener;

  proto.prependListener = function prependListener(type, listener) {
    return attach(this, type, listener, true);
  };

  // A once listener is a bound wrapper, with the original as its `listener`, as Node's
  // `rawListeners` shows it.
  function onceWrapper() {
    if (this.fired) return undefined;
    this.target.removeListener(this.type, this.wrapFn);
    this.fired = true;
    return this.listener.apply(this.target, arguments);
  }

  function wrapOnce(target, type, listener) {
    const state = { fired: false, wrapFn: undefined, target, type, listener };
    const wrapper = onceWrapper.bind(state);
    wrapper.listener = listener;
    state.wrapFn = wrapper;
    return wrapper;
  }

  proto.once = function once(type, listener) {
    mustBeFunction(listener, 'listener');
    this.on(type, wrapOnce(this, type, listener));
    return this;
  };

  proto.prependOnceListener = function prependOnceListener(type, listener) {
    mustBeFunction(listener, 'listener');
    this.prependListener(type, wrapOnce(this, type, listener));
    return this;
  };

  proto.removeListener = function removeListener(type, listener) {
    mustBeFunction(listener, 'listener');
    const events = this._events;
    if (events === undefined) return this;
    const entry = events[type];
    if (entry === undefined) return this;
    if (entry === listener || entry.listener === listener) {
      this._eventsCount -= 1;
      if (this[kShapeMode]) {
        events[type] = undefined;
      } else if (this._eventsCount === 0) {
        this._events = { __proto__: null };
      } else {
        delete events[type];
        if (events.removeListener) this.emit('removeListener', type, entry.listener || listener);
      }
      return this;
    }
    if (typeof entry === 'function') return this;
    // the last registration of `listener` goes
    let at = entry.length - 1;
    while (at >= 0 && entry[at] !== listener && entry[at].listener !== listener) at--;
    if (at < 0) return this;
    entry.splice(at, 1);
    if (entry.length === 1) events[type] = entry[0];
    if (events.removeListener !== undefined) this.emit('removeListener', type, listener);
    return this;
  };
  proto.off = proto.removeListener;

  proto.removeAllListeners = function removeAllListeners(type) {
    const events = this._events;
    if (events === undefined) return this;
    const everything = arguments.length === 0;
    if (events.removeListener === undefined) {
      // nobody listens for removals: drop the entries directly
      if (everything) {
        this._events = { __proto__: null };
        this._eventsCount = 0;
      } else if (events[type] !== undefined) {
        this._eventsCount -= 1;
        if (this._eventsCount === 0) this._events = { __proto__: null };
        else delete events[type];
      }
      this[kShapeMode] = false;
      return this;
    }
    if (everything) {
      const keys = Reflect.ownKeys(events);
      for (let i = 0; i < keys.length; i++) {
        if (keys[i] !== 'removeListener') this.removeAllListeners(keys[i]);
      }
      this.removeAllListeners('removeListener');
      this._events = { __proto__: null };
      this._eventsCount = 0;
      this[kShapeMode] = false;
      return this;
    }
    const entry = events[type];
    if (typeof entry === 'function') {
      this.removeListener(type, entry);
    } else if (entry !== undefined) {
      // the most recently added first
      for (let i = entry.length - 1; i >= 0; i--) this.removeListener(type, entry[i]);
    }
    return this;
  };

  proto.listeners = function listeners(type) {
    const entry = listenersOf(this, type);
    if (entry === undefined) return [];
    if (typeof entry === 'function') return [entry.listener || entry];
    const out = entry.slice();
    for (let i = 0; i < out.length; i++) {
      const original = out[i].listener;
      if (typeof original === 'function') out[i] = original;
    }
    return out;
  };

  proto.rawListeners = function rawListeners(type) {
    const entry = listenersOf(this, type);
    if (entry === undefined) return [];
    return typeof entry === 'function' ? [entry] : entry.slice();
  };

  function listenerCount(type, listener) {
    const entry = listenersOf(this, type);
    if (entry === undefined) return 0;
    const filtered = listener !== undefined && listener !== null;
    if (typeof entry === 'function') {
      if (!filtered) return 1;
      return entry === listener || entry.listener === listener ? 1 : 0;
    }
    if (!filtered) return entry.length;
    let count = 0;
    for (let i = 0; i < entry.length; i++) {
      if (entry[i] === listener || entry[i].listener === listener) count++;
    }
    return count;
  }
  proto.listenerCount = listenerCount;

  proto.eventNames = function eventNames() {
    return this._eventsCount > 0 ? Reflect.ownKeys(this._events) : [];
  };

  // ---- the module's statics ----

  function staticListenerCount(emitter, type) {
    if (typeof emitter.listenerCount === 'function') return emitter.listenerCount(type);
    return listenerCount.call(emitter, type);
  }

  // Node's EventTargets are the instances of the global EventTarget.
  function isTarget(value) {
    const EventTarget = globalThis.EventTarget;
    return typeof EventTarget === 'function' && value instanceof EventTarget;
  }

  // An EventTarget's listeners are private to it: one that lists them through the
  // method under `Symbol.for('actionbox.eventListeners')` has them listed, else none.
  const kListEventListeners = Symbol.for('actionbox.eventListeners');

  function getEventListeners(emitterOrTarget, type) {
    if (typeof emitterOrTarget.listeners === 'function') return emitterOrTarget.listeners(type);
    if (isTarget(emitterOrTarget)) {
      const list = emitterOrTarget[kListEventListeners];
      return typeof list === 'function' ? list.call(emitterOrTarget, type) : [];
    }
    throw typeError('emitter', ['EventEmitter', 'EventTarget'], emitterOrTarget);
  }

  function getMaxListeners(emitterOrTarget) {
    if (emitterOrTarget != null && typeof emitterOrTarget.getMaxListeners === 'function') {
      return limitOf(emitterOrTarget);
    }
    if (emitterOrTarget != null && emitterOrTarget[kMaxEventTargetListeners]) {
      return emitterOrTarget[kMaxEventTargetListeners];
    }
    throw typeError('emitter', ['EventEmitter', 'EventTarget'], emitterOrTarget);
  }

  function setMaxListeners(n = maxListenersDefault, ...eventTargets) {
    mustBeCount(n, 'setMaxListeners');
    if (eventTargets.length === 0) {
      maxListenersDefault = n;
      return;
    }
    for (let i = 0; i < eventTargets.length; i++) {
      const target = eventTargets[i];
      if (isTarget(target)) {
        target[kMaxEventTargetListeners] = n;
        target[kMaxEventTargetListenersWarned] = false;
      } else if (typeof target.setMaxListeners === 'function') {
        target.setMaxListeners(n);
      } else {
        throw typeError('eventTargets', ['EventEmitter', 'EventTarget'], target);
      }
    }
  }

  function listen(emitter, name, listener, once) {
    if (typeof emitter.on === 'function') {
      if (once) emitter.once(name, listener);
      else emitter.on(name, listener);
    } else if (typeof emitter.addEventListener === 'function') {
      emitter.addEventListener(name, listener, once ? { once: true } : undefined);
    } else {
      throw typeError('emitter', 'EventEmitter', emitter);
    }
  }

  function unlisten(emitter, name, listener) {
    if (typeof emitter.removeListener === 'function') emitter.removeListener(name, listener);
    else if (typeof emitter.removeEventListener === 'function') emitter.removeEventListener(name, listener);
    else throw typeError('emitter', 'EventEmitter', emitter);
  }

  function addAbortListener(signal, listener) {
    if (signal === undefined) throw typeError('signal', 'AbortSignal', signal);
    mustBeSignal(signal, 'signal');
    mustBeFunction(listener, 'listener');
    let remove;
    if (signal.aborted) {
      queueMicrotask(() => listener());
    } else {
      signal.addEventListener('abort', listener, { once: true });
      remove = () => signal.removeEventListener('abort', listener);
    }
    return {
      __proto__: null,
      [kDispose]() {
        if (remove !== undefined) remove();
      },
    };
  }

  // The arguments of the next `name` event, or the `'error'` that comes first.
  async function once(emitter, name, options = {}) {
    const signal = options == null ? undefined : options.signal;
    mustBeSignal(signal, 'options.signal');
    if (signal != null && signal.aborted) throw abortedError(signal);
    return new Promise((resolve, reject) => {
      const onError = (error) => {
        emitter.removeListener(name, onEvent);
        if (signal != null) unlisten(signal, 'abort', onAbort);
        reject(error);
      };
      const onEvent = (...args) => {
        if (typeof emitter.removeListener === 'function') emitter.removeListener('error', onError);
        if (signal != null) unlisten(signal, 'abort', onAbort);
        resolve(args);
      };
      function onAbort() {
        unlisten(emitter, name, onEvent);
        unlisten(emitter, 'error', onError);
        reject(abortedError(signal));
      }
      listen(emitter, name, onEvent, true);
      // EventTargets have no 'error' semantics
      if (name !== 'error' && typeof emitter.once === 'function') emitter.once('error', onError);
      if (signal != null) listen(signal, 'abort', onAbort, true);
    });
  }

  const AsyncIteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf(async function* () {}).prototype);

  // An async iterator over the `event` events' argument arrays, until `'error'`, a
  // `close` event, `return()` or the signal's abort.
  function on(emitter, event, options = {}) {
    const signal = options.signal;
    mustBeSignal(signal, 'options.signal');
    if (signal != null && signal.aborted) throw abortedError(signal);
    const high = options.highWaterMark ?? options.highWatermark ?? Number.MAX_SAFE_INTEGER;
    mustBeInteger(high, 'options.highWaterMark', 1);
    const low = options.lowWaterMark ?? options.lowWatermark ?? 1;
    mustBeInteger(low, 'options.lowWaterMark', 1);

    const queued = [];
    const waiting = [];
    const registered = [];
    let paused = false;
    let failure = null;
    let finished = false;
    let abortHandle = null;

    const done = () => ({ value: undefined, done: true });

    function close() {
      if (abortHandle !== null) {
        abortHandle[kDispose]();
        abortHandle = null;
      }
      while (registered.length > 0) {
        const [target, name, handler] = registered.pop();
        unlisten(target, name, handler);
      }
      finished = true;
      while (waiting.length > 0) waiting.shift().resolve(done());
      return Promise.resolve(done());
    }

    function fail(error) {
      if (waiting.length > 0) waiting.shift().reject(error);
      else failure = error;
      close();
    }

    function push(args) {
      if (waiting.length > 0) {
        waiting.shift().resolve({ value: args, done: false });
        return;
      }
      queued.push(args);
      if (!paused && queued.length > high) {
        paused = true;
        emitter.pause();
      }
    }

    function register(target, name, handler) {
      listen(target, name, handler, false);
      registered.push([target, name, handler]);
    }

    const iterator = Object.setPrototypeOf({
      next() {
        if (queued.length > 0) {
          const value = queued.shift();
          if (paused && queued.length < low) {
            emitter.resume();
            paused = false;
          }
          return Promise.resolve({ value, done: false });
        }
        if (failure) {
          const rejected = Promise.reject(failure);
          failure = null;
          return rejected;
        }
        if (finished) return close();
        return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
      },
      return() {
        return close();
      },
      throw(error) {
        if (!error || !(error instanceof Error)) {
          throw typeError('EventEmitter.AsyncIterator', 'Error', error);
        }
        fail(error);
      },
      [Symbol.asyncIterator]() {
        return this;
      },
      [kWatermarkData]: {
        get size() {
          return queued.length;
        },
        get low() {
          return low;
        },
        get high() {
          return high;
        },
        get isPaused() {
          return paused;
        },
      },
    }, AsyncIteratorPrototype);

    register(emitter, event, function (...args) {
      push(args);
    });
    if (event !== 'error' && typeof emitter.on === 'function') register(emitter, 'error', fail);
    const closers = options.close;
    if (closers != null && closers.length) {
      for (let i = 0; i < closers.length; i++) register(emitter, closers[i], close);
    }
    if (signal) abortHandle = addAbortListener(signal, () => fail(abortedError(signal)));
    return iterator;
  }

  // EventEmitterAsyncResource needs `async_hooks`; without it the property is undefined.
  let asyncResourceClass;
  function eventEmitterAsyncResource() {
    if (asyncResourceClass !== undefined) return asyncResourceClass;
    let AsyncResource;
    try {
      AsyncResource = require('async_hooks').AsyncResource;
    } catch {
      return undefined;
    }
    if (typeof AsyncResource !== 'function') return undefined;
    const kResource = Symbol('kAsyncResource');
    const kEmitter = Symbol('kEventEmitter');
    const invalidThis = (name) => new (errors().codes.ERR_INVALID_THIS)(name);
    class EventEmitterReferencingAsyncResource extends AsyncResource {
      constructor(emitter, type, options) {
        super(type, options);
        this[kEmitter] = emitter;
      }
      get eventEmitter() {
        if (this[kEmitter] === undefined) throw invalidThis('EventEmitterReferencingAsyncResource');
        return this[kEmitter];
      }
    }
    asyncResourceClass = class EventEmitterAsyncResource extends EventEmitter {
      constructor(options = undefined) {
        let name;
        if (typeof options === 'string') {
          name = options;
          options = undefined;
        } else {
          if (new.target === EventEmitterAsyncResource) {
            const given = options == null ? undefined : options.name;
            if (typeof given !== 'string') throw typeError('options.name', 'string', given);
          }
          name = (options != null && options.name) || new.target.name;
        }
        super(options);
        this[kResource] = new EventEmitterReferencingAsyncResource(this, name, options);
      }
      emit(event, ...args) {
        const resource = this.asyncResource;
        return resource.runInAsyncScope(super.emit, this, event, ...args);
      }
      emitDestroy() {
        this.asyncResource.emitDestroy();
      }
      get asyncId() {
        return this.asyncResource.asyncId();
      }
      get triggerAsyncId() {
        return this.asyncResource.triggerAsyncId();
      }
      get asyncResource() {
        if (this[kResource] === undefined) throw invalidThis('EventEmitterAsyncResource');
        return this[kResource];
      }
    };
    return asyncResourceClass;
  }

  // The statics in Node's order, so the module's keys read the same.
  EventEmitter.addAbortListener = addAbortListener;
  EventEmitter.once = once;
  EventEmitter.on = on;
  EventEmitter.getEventListeners = getEventListeners;
  EventEmitter.getMaxListeners = getMaxListeners;
  EventEmitter.EventEmitter = EventEmitter;
  EventEmitter.usingDomains = false;
  EventEmitter.captureRejectionSymbol = kRejection;
  Object.defineProperty(EventEmitter, 'captureRejections', {
    get() {
      return proto[kCapture];
    },
    set(value) {
      if (typeof value !== 'boolean') throw typeError('EventEmitter.captureRejections', 'boolean', value);
      proto[kCapture] = value;
    },
    enumerable: true,
  });
  Object.defineProperty(EventEmitter, 'EventEmitterAsyncResource', {
    get: eventEmitterAsyncResource,
    set: undefined,
    enumerable: true,
    configurable: true,
  });
  EventEmitter.errorMonitor = kErrorMonitor;
  Object.defineProperty(EventEmitter, 'defaultMaxListeners', {
    get() {
      return maxListenersDefault;
    },
    set(value) {
      mustBeCount(value, 'defaultMaxListeners');
      maxListenersDefault = value;
    },
    enumerable: true,
  });
  Object.defineProperty(EventEmitter, 'kMaxEventTargetListeners', { value: kMaxEventTargetListeners });
  Object.defineProperty(EventEmitter, 'kMaxEventTargetListenersWarned', { value: kMaxEventTargetListenersWarned });
  EventEmitter.setMaxListeners = setMaxListeners;
  EventEmitter.init = init;
  EventEmitter.listenerCount = staticListenerCount;
  // anonymous functions in Node
  for (const fn of [init, staticListenerCount, setMaxListeners]) Object.defineProperty(fn, 'name', { value: '' });

  module.exports = EventEmitter;
})
