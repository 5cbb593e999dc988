// Node's errors with codes (`internal/errors`, not requirable by an Action): each
// `ERR_*` constructor makes the error Node makes for that code, with Node's message, its
// `code` as an own enumerable property, and `toString()` as `Name [CODE]: message`.
// Values in messages are shown with `internal/inspect`, loaded when first needed.
(function (module, require) {
  'use strict';

  let inspectModule = null;
  const inspect = (value, options) => {
    if (inspectModule === null) inspectModule = require('internal/inspect');
    return inspectModule.inspect(value, options);
  };

  // An error of class `Base` with `code` and `message`, shaped as Node shapes its own.
  function nodeError(Base, code, message) {
    const error = new Base(message);
    Object.defineProperty(error, 'toString', {
      value() {
        return this.name + ' [' + code + ']: ' + this.message;
      },
      writable: true,
      configurable: true,
      enumerable: false,
    });
    error.code = code;
    return error;
  }

  // Defines `ERR_<code>` as a constructor (callable with or without `new`) that builds
  // its message from its arguments with `message`.
  const codes = {};
  function define(code, Base, message) {
    const make = function (...args) {
      return nodeError(Base, code, typeof message === 'function' ? message(...args) : message);
    };
    Object.defineProperty(make, 'name', { value: code });
    codes[code] = make;
  }

  const CLASS_NAME = /^([A-Z][a-z0-9]*)+$/;
  const TYPES = ['string', 'function', 'number', 'object', 'Function', 'Object', 'boolean', 'bigint', 'symbol'];

  // `a`, `a or b`, `a, b, or c`.
  function list(items, joiner) {
    if (items.length > 2) return items.slice(0, -1).join(', ') + ', ' + joiner + ' ' + items[items.length - 1];
    return items.join(' ' + joiner + ' ');
  }

  // How Node names a received value in a message.
  function received(value) {
    if (value == null) return String(value);
    if (typeof value === 'function') return 'function ' + value.name;
    if (typeof value === 'object') {
      if (value.constructor && value.constructor.name) return 'an instance of ' + value.constructor.name;
      return inspect(value, { depth: -1 });
    }
    const shown = inspect(typeof value === 'string' && value.length > 28 ? value.slice(0, 25) + '...' : value, { colors: false });
    return 'type ' + typeof value + ' (' + shown + ')';
  }

  function argumentName(name) {
    if (name.endsWith(' argument')) return 'The ' + name;
    return 'The "' + name + '" ' + (name.includes('.') ? 'property' : 'argument');
  }

  define('ERR_INVALID_ARG_TYPE', TypeError, (name, expected, actual) => {
    if (!Array.isArray(expected)) expected = [expected];
    const types = [];
    const instances = [];
    const other = [];
    for (const value of expected) {
      if (TYPES.includes(value)) types.push(value.toLowerCase());
      else if (CLASS_NAME.test(value)) instances.push(value);
      else other.push(value);
    }
    if (instances.length > 0) {
      const at = types.indexOf('object');
      if (at !== -1) {
        types.splice(at, 1);
        instances.push('Object');
      }
    }
    let message = argumentName(name) + ' must be ';
    const parts = [];
    if (types.length > 0) {
      parts.push(types.length > 1 ? 'one of type ' + list(types, 'or') : 'of type ' + types[0]);
    }
    if (instances.length > 0) parts.push('an instance of ' + list(instances, 'or'));
    if (other.length > 0) {
      if (other.length > 1) parts.push('one of ' + list(other, 'or'));
      else parts.push((other[0].toLowerCase() !== other[0] ? 'an ' : '') + other[0]);
    }
    message += parts.join(' or ');
    return message + '. Received ' + received(actual);
  });

  // Integers past 2^32 are shown with `_` between groups of three digits, as Node does.
  function separated(text) {
    let out = '';
    let i = text.length;
    const start = text[0] === '-' ? 1 : 0;
    for (; i >= start + 4; i -= 3) out = '_' + text.slice(i - 3, i) + out;
    return text.slice(0, i) + out;
  }

  define('ERR_OUT_OF_RANGE', RangeError, (name, range, input, replaceDefault) => {
    let message = replaceDefault ? name : 'The value of "' + name + '" is out of range.';
    let shown;
    if (Number.isInteger(input) && Math.abs(input) > 2 ** 32) shown = separated(String(input));
    else if (typeof input === 'bigint') {
      shown = String(input);
      if (input > 2n ** 32n || input < -(2n ** 32n)) shown = separated(shown);
      shown += 'n';
    } else shown = inspect(input);
    return message + ' It must be ' + range + '. Received ' + shown;
  });

  define('ERR_INVALID_ARG_VALUE', TypeError, (name, value, reason = 'is invalid') => {
    let shown = inspect(value);
    if (shown.length > 128) shown = shown.slice(0, 128) + '...';
    return 'The ' + (name.includes('.') ? 'property' : 'argument') + " '" + name + "' " + reason + '. Received ' + shown;
  });

  define('ERR_MISSING_ARGS', TypeError, (...names) => {
    const quoted = names.map((name) => '"' + name + '"');
    return 'The ' + list(quoted, 'and') + ' argument' + (names.length > 1 ? 's' : '') + ' must be specified';
  });

  define('ERR_UNKNOWN_ENCODING', TypeError, (encoding) => 'Unknown encoding: ' + encoding);
  define('ERR_BUFFER_OUT_OF_BOUNDS', RangeError, (name) =>
    name ? '"' + name + '" is outside of buffer bounds' : 'Attempt to access memory outside buffer bounds',
  );
  define('ERR_INVALID_BUFFER_SIZE', RangeError, (suffix) => 'Buffer size must be a multiple of ' + suffix);
  define('ERR_STRING_TOO_LONG', Error, 'Cannot create a string longer than 0x1fffffe8 characters');
  define('ERR_UNHANDLED_ERROR', Error, (error) => {
    if (error === undefined) return 'Unhandled error.';
    return 'Unhandled error. (' + inspect(error) + ')';
  });
  define('ERR_INVALID_THIS', TypeError, (type) => 'Value of "this" must be of type ' + type);
  define('ERR_METHOD_NOT_IMPLEMENTED', Error, (method) => 'The ' + method + ' method is not implemented');
  define('ERR_INVALID_RETURN_VALUE', TypeError, (input, name, value) =>
    'Expected ' + input + ' to be returned from the "' + name + '" function but got ' + received(value) + '.',
  );
  define('ERR_FALSY_VALUE_REJECTION', Error, 'Promise was rejected with falsy value');
  define('ERR_INVALID_URL', TypeError, 'Invalid URL');
  define('ERR_INVALID_URL_SCHEME', TypeError, (expected) => 'The URL must be of scheme ' + expected);
  define('ERR_INVALID_FILE_URL_HOST', TypeError, (platform) => 'File URL host must be "localhost" or empty on ' + platform);
  define('ERR_INVALID_FILE_URL_PATH', TypeError, (why) => 'File URL path ' + why);
  define('ERR_ILLEGAL_CONSTRUCTOR', TypeError, 'Illegal constructor');
  define('ERR_INVALID_CHAR', TypeError, (name, field) =>
    field ? 'Invalid character in ' + name + ' ["' + field + '"]' : 'Invalid character in ' + name,
  );

  module.exports = { codes, nodeError, received };
})
