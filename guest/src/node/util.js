// Node's `util`: `format`, `inspect` (from `internal/inspect`), `promisify`,
// `callbackify`, `inherits`, `deprecate`, `types`, `isDeepStrictEqual` (from
// `internal/equal`), `debuglog` (always disabled here), `TextEncoder` / `TextDecoder`
// (the globals), `toUSVString`, `stripVTControlCharacters` and the legacy `is*` checks.
(function (module, require) {
  'use strict';

  const {
    inspect,
    format,
    formatWithOptions,
    stripVTControlCharacters,
    types,
  } = require('internal/inspect');
  const { codes } = require('internal/errors');

  const ObjectDefineProperty = Object.defineProperty;
  const ObjectDefineProperties = Object.defineProperties;
  const ObjectGetOwnPropertyDescriptors = Object.getOwnPropertyDescriptors;
  const ObjectGetPrototypeOf = Object.getPrototypeOf;
  const ObjectSetPrototypeOf = Object.setPrototypeOf;
  const ObjectKeys = Object.keys;
  const ObjectValues = Object.values;
  const ReflectApply = Reflect.apply;
  const ReflectConstruct = Reflect.construct;
  const objectToString = Object.prototype.toString;
  const NativePromise = Promise;
  const NativeError = Error;

  function validateFunction(value, name) {
    if (typeof value !== 'function') throw new codes.ERR_INVALID_ARG_TYPE(name, 'Function', value);
  }

  // ---------------------------------------------------------------------------------
  // promisify / callbackify.

  const kCustomPromisifiedSymbol = Symbol.for('nodejs.util.promisify.custom');

  // Copies `source`'s own properties (name, length, ...) onto `target`.
  function copyProperties(target, descriptors) {
    const values = ObjectValues(descriptors);
    for (let i = 0; i < values.length; i++) ObjectSetPrototypeOf(values[i], null);
    return ObjectDefineProperties(target, descriptors);
  }

  function promisify(original) {
    validateFunction(original, 'original');
    if (original[kCustomPromisifiedSymbol]) {
      const fn = original[kCustomPromisifiedSymbol];
      validateFunction(fn, 'util.promisify.custom');
      return ObjectDefineProperty(fn, kCustomPromisifiedSymbol, {
        value: fn, enumerable: false, writable: false, configurable: true,
      });
    }
    function fn(...args) {
      return new NativePromise((resolve, reject) => {
        args.push((err, ...values) => {
          if (err) return reject(err);
          resolve(values[0]);
        });
        ReflectApply(original, this, args);
      });
    }
    ObjectSetPrototypeOf(fn, ObjectGetPrototypeOf(original));
    ObjectDefineProperty(fn, kCustomPromisifiedSymbol, {
      value: fn, enumerable: false, writable: false, configurable: true,
    });
    return copyProperties(fn, ObjectGetOwnPropertyDescriptors(original));
  }
  promisify.custom = kCustomPromisifiedSymbol;

  function nextTick(fn, ...args) {
    if (typeof process === 'object' && process !== null && typeof process.nextTick === 'function') {
      process.nextTick(fn, ...args);
    } else {
      queueMicrotask(() => fn(...args));
    }
  }

  // A promise rejected with a falsy value reaches the callback as an error (`null` would
  // read as success) that carries the value as `reason`.
  function callbackifyOnRejected(reason, cb) {
    if (!reason) {
      const error = new codes.ERR_FALSY_VALUE_REJECTION();
      error.reason = reason;
      reason = error;
    }
    return cb(reason);
  }

  function callbackify(original) {
    validateFunction(original, 'original');
    function callbackified(...args) {
      const maybeCb = args.pop();
      validateFunction(maybeCb, 'last argument');
      const cb = maybeCb.bind(this);
      ReflectApply(original, this, args).then(
        (ret) => nextTick(cb, null, ret),
        (rej) => nextTick(callbackifyOnRejected, rej, cb),
      );
    }
    const descriptors = ObjectGetOwnPropertyDescriptors(original);
    if (typeof descriptors.length.value === 'number') descriptors.length.value++;
    if (typeof descriptors.name.value === 'string') descriptors.name.value += 'Callbackified';
    return copyProperties(callbackified, descriptors);
  }

  // ---------------------------------------------------------------------------------
  // inherits / deprecate / debuglog.

  function inherits(ctor, superCtor) {
    if (ctor === undefined || ctor === null) throw new codes.ERR_INVALID_ARG_TYPE('ctor', 'Function', ctor);
    if (superCtor === undefined || superCtor === null) {
      throw new codes.ERR_INVALID_ARG_TYPE('superCtor', 'Function', superCtor);
    }
    if (superCtor.prototype === undefined) {
      throw new codes.ERR_INVALID_ARG_TYPE('superCtor.prototype', 'Object', superCtor.prototype);
    }
    ObjectDefineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });
    ObjectSetPrototypeOf(ctor.prototype, superCtor.prototype);
  }

  // Codes already warned about, across every deprecated function.
  const codesWarned = new Set();

  function emitDeprecation(msg, code, deprecated) {
    if (typeof process === 'object' && process !== null && typeof process.emitWarning === 'function') {
      if (code !== undefined) process.emitWarning(msg, 'DeprecationWarning', code, deprecated);
      else process.emitWarning(msg, 'DeprecationWarning', deprecated);
    } else {
      console.error((code !== undefined ? '[' + code + '] ' : '') + 'DeprecationWarning: ' + msg);
    }
  }

  function deprecate(fn, msg, code) {
    if (code !== undefined && typeof code !== 'string') throw new codes.ERR_INVALID_ARG_TYPE('code', 'string', code);
    let warned = false;
    function deprecated(...args) {
      const silenced = typeof process === 'object' && process !== null && process.noDeprecation;
      if (!silenced && !warned) {
        warned = true;
        if (code === undefined) {
          emitDeprecation(msg, code, deprecated);
        } else if (!codesWarned.has(code)) {
          codesWarned.add(code);
          emitDeprecation(msg, code, deprecated);
        }
      }
      if (new.target) return ReflectConstruct(fn, args, new.target);
      return ReflectApply(fn, this, args);
    }
    ObjectSetPrototypeOf(deprecated, fn);
    if (fn.prototype) deprecated.prototype = fn.prototype;
    return deprecated;
  }

  // Node enables these through NODE_DEBUG, which an Action has no way to set: every
  // logger is off.
  function debuglog(set, cb) {
    let initialized = false;
    const noop = () => {};
    const logger = (...args) => {
      if (!initialized) {
        initialized = true;
        if (typeof cb === 'function') cb(noop);
      }
    };
    ObjectDefineProperty(logger, 'enabled', {
      get() {
        return false;
      },
      configurable: true,
      enumerable: true,
    });
    return logger;
  }

  // ---------------------------------------------------------------------------------
  // styleText: ANSI styles around `text`, only when the stream is a color terminal (never
  // here) unless `validateStream` is false.

  function isStreamLike(stream) {
    if (stream === null || typeof stream !== 'object') return false;
    if (stream._readableState || stream._writableState) return true;
    if (typeof stream.on !== 'function') return false;
    return typeof stream.write === 'function' || typeof stream.pipe === 'function';
  }

  function styleText(format, text, options) {
    const { validateStream = true, stream = typeof process === 'object' ? process.stdout : undefined } = options || {};
    if (typeof text !== 'string') throw new codes.ERR_INVALID_ARG_TYPE('text', 'string', text);
    if (typeof validateStream !== 'boolean') {
      throw new codes.ERR_INVALID_ARG_TYPE('options.validateStream', 'boolean', validateStream);
    }
    if (validateStream && !isStreamLike(stream)) {
      throw new codes.ERR_INVALID_ARG_TYPE('stream', ['ReadableStream', 'WritableStream', 'Stream'], stream);
    }
    const formats = Array.isArray(format) ? format : [format];
    let left = '';
    let right = '';
    for (const key of formats) {
      const codesOf = inspect.colors[key];
      if (codesOf == null) {
        const allowed = ObjectKeys(inspect.colors).map((name) => "'" + name + "'").join(', ');
        throw new codes.ERR_INVALID_ARG_VALUE('format', key, 'must be one of: ' + allowed);
      }
      left += '\u001b[' + codesOf[0] + 'm';
      right = '\u001b[' + codesOf[1] + 'm' + right;
    }
    if (validateStream) {
      const colorize = stream && stream.isTTY &&
        (typeof stream.getColorDepth !== 'function' || stream.getColorDepth() > 2);
      if (!colorize) return text;
    }
    return left + text + right;
  }

  // ---------------------------------------------------------------------------------
  // Small helpers and the legacy checks.

  function toUSVString(input) {
    const str = '' + input;
    if (typeof str.toWellFormed === 'function') return str.toWellFormed();
    let out = '';
    for (let i = 0; i < str.length; i++) {
      const c = str.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < str.length) {
        const d = str.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          out += str[i] + str[i + 1];
          i++;
          continue;
        }
      }
      out += c >= 0xd800 && c <= 0xdfff ? '\ufffd' : str[i];
    }
    return out;
  }

  function _extend(target, source) {
    if (source === null || typeof source !== 'object') return target;
    const keys = ObjectKeys(source);
    let i = keys.length;
    while (i--) target[keys[i]] = source[keys[i]];
    return target;
  }

  const pad = (n) => String(n).padStart(2, '0');
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  function log(...args) {
    const d = new Date();
    const time = [pad(d.getHours()), pad(d.getMinutes()), pad(d.getSeconds())].join(':');
    console.log('%s - %s', d.getDate() + ' ' + months[d.getMonth()] + ' ' + time, format(...args));
  }

  let equal = null;
  function isDeepStrictEqual(a, b) {
    if (equal === null) equal = require('internal/equal');
    return equal.isDeepStrictEqual(a, b);
  }

  function isBuffer(value) {
    return require('buffer').Buffer.isBuffer(value);
  }

  module.exports = {
    _extend,
    callbackify,
    debug: debuglog,
    debuglog,
    deprecate,
    format,
    formatWithOptions,
    inherits,
    inspect,
    isArray: Array.isArray,
    isBoolean: (arg) => typeof arg === 'boolean',
    isBuffer,
    isDeepStrictEqual,
    isNull: (arg) => arg === null,
    isNullOrUndefined: (arg) => arg === null || arg === undefined,
    isNumber: (arg) => typeof arg === 'number',
    isString: (arg) => typeof arg === 'string',
    isSymbol: (arg) => typeof arg === 'symbol',
    isUndefined: (arg) => arg === undefined,
    isRegExp: types.isRegExp,
    isObject: (arg) => arg !== null && typeof arg === 'object',
    isDate: types.isDate,
    isError: (e) => objectToString.call(e) === '[object Error]' || e instanceof NativeError,
    isFunction: (arg) => typeof arg === 'function',
    isPrimitive: (arg) => arg === null || (typeof arg !== 'object' && typeof arg !== 'function'),
    log,
    promisify,
    stripVTControlCharacters,
    styleText,
    toUSVString,
    types,
  };
  // The encoding globals, read when asked for (the globals are defined after the modules
  // load).
  for (const name of ['TextDecoder', 'TextEncoder']) {
    ObjectDefineProperty(module.exports, name, {
      get() {
        return globalThis[name];
      },
      enumerable: true,
      configurable: true,
    });
  }
})
