// Node's `assert`: `assert(value)` itself with `ok`, the equality checks (loose, strict,
// deep), `throws`/`rejects` and their negations with Node's validation of what was
// thrown, `match`, `fail`, `ifError`, `AssertionError`, and `assert.strict`. Deep
// equality comes from `internal/equal`, values in messages from `internal/inspect`. Where
// Node prints a line diff of two multi-line values, this prints every line of each.
(function (module, require) {
  'use strict';

  const { codes, nodeError } = require('internal/errors');

  let inspectModule = null;
  let equalModule = null;
  const inspect = (value, options) => {
    if (inspectModule === null) inspectModule = require('internal/inspect');
    return inspectModule.inspect(value, options);
  };
  const equality = () => equalModule || (equalModule = require('internal/equal'));
  const isDeepStrictEqual = (a, b) => equality().isDeepStrictEqual(a, b);
  const isDeepEqual = (a, b) => equality().isDeepEqual(a, b);

  // How values are shown in generated messages.
  const VALUE_OPTIONS = {
    compact: false,
    customInspect: false,
    depth: 1000,
    maxArrayLength: Infinity,
    showHidden: false,
    showProxy: false,
    sorted: true,
    getters: true,
  };
  const show = (value) => inspect(value, VALUE_OPTIONS);

  const HEADERS = {
    deepStrictEqual: 'Expected values to be strictly deep-equal:',
    strictEqual: 'Expected values to be strictly equal:',
    strictEqualObject: 'Expected "actual" to be reference-equal to "expected":',
    deepEqual: 'Expected values to be loosely deep-equal:',
    notDeepStrictEqual: 'Expected "actual" not to be strictly deep-equal to:',
    notStrictEqual: 'Expected "actual" to be strictly unequal to:',
    notStrictEqualObject: 'Expected "actual" not to be reference-equal to "expected":',
    notDeepEqual: 'Expected "actual" not to be loosely deep-equal to:',
    notIdentical: 'Values have same structure but are not reference-equal:',
    notDeepEqualUnequal: 'Expected values not to be loosely deep-equal:',
  };

  const isObject = (value) => typeof value === 'object' && value !== null;

  function isError(value) {
    return value instanceof Error || Object.prototype.toString.call(value) === '[object Error]';
  }

  const regExpSource = Object.getOwnPropertyDescriptor(RegExp.prototype, 'source').get;
  // A real RegExp (by its internal slots, not its prototype chain).
  function isRegExp(value) {
    if (!isObject(value) || value === RegExp.prototype) return false;
    try {
      regExpSource.call(value);
      return true;
    } catch {
      return false;
    }
  }

  // At most 47 lines, the last of them `...`, when there are more than 50.
  function clip(lines) {
    if (lines.length > 50) {
      lines.length = 47;
      lines[46] = '...';
    }
    return lines;
  }

  // The message of a failed `strictEqual` or `deepStrictEqual`: short primitives as
  // `a !== b`; single lines as Node's diff with its `^` under the first difference;
  // longer values as every line of `actual` (`+`) then every line of `expected` (`-`).
  function diffMessage(actual, expected, operator, message) {
    const actualText = show(actual);
    const expectedText = show(expected);
    if (operator === 'strictEqual' &&
        ((isObject(actual) && isObject(expected)) ||
         (typeof actual === 'function' && typeof expected === 'function'))) {
      operator = 'strictEqualObject';
    }
    const header = message || HEADERS[operator];
    if (actualText === expectedText) {
      return HEADERS.notIdentical + '\n\n' + clip(actualText.split('\n')).join('\n') + '\n';
    }
    let pointer = '';
    if (!actualText.includes('\n') && !expectedText.includes('\n')) {
      const length = actualText.length + expectedText.length;
      if (length <= 12) {
        if (!isObject(actual) && !isObject(expected) && (actual !== 0 || expected !== 0)) {
          return header + '\n\n' + actualText + ' !== ' + expectedText + '\n';
        }
      } else if (operator !== 'strictEqualObject' && length < 80) {
        let same = 0;
        while (actualText[same] === expectedText[same]) same++;
        if (same > 2) pointer = '\n  ' + ' '.repeat(same) + '^';
      }
    }
    const plus = '+ ' + actualText.split('\n').join('\n+ ');
    const minus = '- ' + expectedText.split('\n').join('\n- ');
    return header + '\n+ actual - expected\n\n' + plus + '\n' + minus + pointer;
  }

  // The message Node makes when none is given, for operators other than the two above.
  function generatedMessage(actual, expected, operator) {
    if (operator === 'notDeepStrictEqual' || operator === 'notStrictEqual') {
      let header = HEADERS[operator];
      if (operator === 'notStrictEqual' && (isObject(actual) || typeof actual === 'function')) {
        header = HEADERS.notStrictEqualObject;
      }
      const lines = clip(show(actual).split('\n'));
      if (lines.length === 1) return header + (lines[0].length > 5 ? '\n\n' : ' ') + lines[0];
      return header + '\n\n' + lines.join('\n') + '\n';
    }
    let actualText = show(actual);
    let expectedText = show(expected);
    if (operator === 'notDeepEqual' && actualText === expectedText) {
      const text = HEADERS.notDeepEqual + '\n\n' + actualText;
      return text.length > 1024 ? text.slice(0, 1021) + '...' : text;
    }
    if (actualText.length > 512) actualText = actualText.slice(0, 509) + '...';
    if (expectedText.length > 512) expectedText = expectedText.slice(0, 509) + '...';
    if (operator === 'deepEqual') {
      return HEADERS.deepEqual + '\n\n' + actualText + '\n\nshould loosely deep-equal\n\n' + expectedText;
    }
    if (operator === 'notDeepEqual') {
      return HEADERS.notDeepEqualUnequal + '\n\n' + actualText + '\n\nshould not loosely deep-equal\n\n' + expectedText;
    }
    return actualText + ' ' + operator + ' ' + expectedText;
  }

  // A copy of an error without its stack, so that messages show the error's fields only.
  function withoutStack(error) {
    const copy = Object.assign(Object.create(Object.getPrototypeOf(error)), error);
    Object.defineProperty(copy, 'message', { value: error.message });
    return copy;
  }

  function ownHidden(target, name, value) {
    Object.defineProperty(target, name, { value, writable: true, configurable: true, enumerable: false });
  }

  class AssertionError extends Error {
    constructor(options) {
      if (!isObject(options) || Array.isArray(options)) {
        throw codes.ERR_INVALID_ARG_TYPE('options', 'Object', options);
      }
      const { message, operator, stackStartFn, details, stackStartFunction } = options;
      let { actual, expected } = options;
      let text;
      if (message != null) {
        text = operator === 'deepStrictEqual' || operator === 'strictEqual'
          ? diffMessage(actual, expected, operator, message)
          : String(message);
      } else {
        if (isObject(actual) && isObject(expected) && 'stack' in actual && actual instanceof Error &&
            'stack' in expected && expected instanceof Error) {
          actual = withoutStack(actual);
          expected = withoutStack(expected);
        }
        text = operator === 'deepStrictEqual' || operator === 'strictEqual'
          ? diffMessage(actual, expected, operator)
          : generatedMessage(actual, expected, operator);
      }
      super(text);
      this.generatedMessage = !message;
      ownHidden(this, 'name', 'AssertionError [ERR_ASSERTION]');
      this.code = 'ERR_ASSERTION';
      if (details) {
        this.actual = undefined;
        this.expected = undefined;
        this.operator = undefined;
        for (let i = 0; i < details.length; i++) {
          this['message ' + i] = details[i].message;
          this['actual ' + i] = details[i].actual;
          this['expected ' + i] = details[i].expected;
          this['operator ' + i] = details[i].operator;
          this['stack trace ' + i] = details[i].stack;
        }
      } else {
        this.actual = actual;
        this.expected = expected;
        this.operator = operator;
      }
      if (typeof Error.captureStackTrace === 'function') {
        Error.captureStackTrace(this, stackStartFn || stackStartFunction);
      }
      this.name = 'AssertionError';
    }

    toString() {
      return this.name + ' [' + this.code + ']: ' + this.message;
    }

    // Inspected with long strings cut short and `actual`/`expected` one level deep.
    [Symbol.for('nodejs.util.inspect.custom')](depth, context) {
      const actual = this.actual;
      const expected = this.expected;
      if (typeof actual === 'string') this.actual = shorten(actual);
      if (typeof expected === 'string') this.expected = shorten(expected);
      try {
        return inspect(this, Object.assign({}, context, { customInspect: false, depth: 0 }));
      } finally {
        this.actual = actual;
        this.expected = expected;
      }
    }
  }

  function shorten(text) {
    const lines = text.split('\n', 11);
    if (lines.length > 10) {
      lines.length = 10;
      return lines.join('\n') + '\n...';
    }
    if (text.length > 512) return text.slice(512) + '...';
    return text;
  }

  // Throws the AssertionError for `options`, or `options.message` when it is an error.
  function failWith(options) {
    if (options.message instanceof Error) throw options.message;
    throw new AssertionError(options);
  }

  function missingArgs(count) {
    if (count < 2) throw codes.ERR_MISSING_ARGS('actual', 'expected');
  }

  function check(fn, value, count, message) {
    if (value) return;
    let generated = false;
    if (count === 0) {
      generated = true;
      message = 'No value argument passed to `assert.ok()`';
    } else if (message == null) {
      generated = true;
      message = 'The expression evaluated to a falsy value:\n\n  assert.ok(' + inspect(value) + ')\n';
    } else if (isError(message)) {
      throw message;
    }
    const error = new AssertionError({ actual: value, expected: true, message, operator: '==', stackStartFn: fn });
    error.generatedMessage = generated;
    throw error;
  }

  function ok(...args) {
    check(ok, args[0], args.length, args[1]);
  }
  const assert = ok;

  let failWarned = false;
  function fail(actual, expected, message, operator, stackStartFn) {
    const count = arguments.length;
    let internal = false;
    if (actual == null && count <= 1) {
      internal = true;
      message = 'Failed';
    } else if (count === 1) {
      message = actual;
      actual = undefined;
    } else {
      if (!failWarned) {
        failWarned = true;
        const process = globalThis.process;
        if (process && typeof process.emitWarning === 'function') {
          process.emitWarning('assert.fail() with more than one argument is deprecated. ' +
            'Please use assert.strictEqual() instead or only pass a message.', 'DeprecationWarning', 'DEP0094');
        }
      }
      if (count === 2) operator = '!=';
    }
    if (message instanceof Error) throw message;
    const error = new AssertionError({
      actual,
      expected,
      operator: operator === undefined ? 'fail' : operator,
      stackStartFn: stackStartFn || fail,
      message,
    });
    if (internal) error.generatedMessage = true;
    throw error;
  }

  assert.fail = fail;
  assert.AssertionError = AssertionError;
  assert.ok = ok;

  assert.equal = function equal(actual, expected, message) {
    missingArgs(arguments.length);
    // eslint-disable-next-line eqeqeq
    if (actual != expected && (!Number.isNaN(actual) || !Number.isNaN(expected))) {
      failWith({ actual, expected, message, operator: '==', stackStartFn: equal });
    }
  };

  assert.notEqual = function notEqual(actual, expected, message) {
    missingArgs(arguments.length);
    // eslint-disable-next-line eqeqeq
    if (actual == expected || (Number.isNaN(actual) && Number.isNaN(expected))) {
      failWith({ actual, expected, message, operator: '!=', stackStartFn: notEqual });
    }
  };

  assert.deepEqual = function deepEqual(actual, expected, message) {
    missingArgs(arguments.length);
    if (!isDeepEqual(actual, expected)) {
      failWith({ actual, expected, message, operator: 'deepEqual', stackStartFn: deepEqual });
    }
  };

  assert.notDeepEqual = function notDeepEqual(actual, expected, message) {
    missingArgs(arguments.length);
    if (isDeepEqual(actual, expected)) {
      failWith({ actual, expected, message, operator: 'notDeepEqual', stackStartFn: notDeepEqual });
    }
  };

  assert.deepStrictEqual = function deepStrictEqual(actual, expected, message) {
    missingArgs(arguments.length);
    if (!isDeepStrictEqual(actual, expected)) {
      failWith({ actual, expected, message, operator: 'deepStrictEqual', stackStartFn: deepStrictEqual });
    }
  };

  assert.notDeepStrictEqual = function notDeepStrictEqual(actual, expected, message) {
    missingArgs(arguments.length);
    if (isDeepStrictEqual(actual, expected)) {
      failWith({ actual, expected, message, operator: 'notDeepStrictEqual', stackStartFn: notDeepStrictEqual });
    }
  };

  assert.strictEqual = function strictEqual(actual, expected, message) {
    missingArgs(arguments.length);
    if (!Object.is(actual, expected)) {
      failWith({ actual, expected, message, operator: 'strictEqual', stackStartFn: strictEqual });
    }
  };

  assert.notStrictEqual = function notStrictEqual(actual, expected, message) {
    missingArgs(arguments.length);
    if (Object.is(actual, expected)) {
      failWith({ actual, expected, message, operator: 'notStrictEqual', stackStartFn: notStrictEqual });
    }
  };

  // --- throws, rejects and their negations ---

  // What a failed validation object shows: the keys compared, from `source`, where a
  // RegExp in `source` that matches the string in `actual` shows that string instead.
  class Comparison {
    constructor(source, keys, actual) {
      for (const key of keys) {
        if (!(key in source)) continue;
        const wanted = source[key];
        if (actual !== undefined && typeof actual[key] === 'string' && isRegExp(wanted) &&
            RegExp.prototype.exec.call(wanted, actual[key]) !== null) {
          this[key] = actual[key];
        } else {
          this[key] = wanted;
        }
      }
    }
  }

  function compareKey(actual, expected, key, message, keys, fn) {
    if (key in actual && isDeepStrictEqual(actual[key], expected[key])) return;
    if (!message) {
      const error = new AssertionError({
        actual: new Comparison(actual, keys),
        expected: new Comparison(expected, keys, actual),
        operator: 'deepStrictEqual',
        stackStartFn: fn,
      });
      error.actual = actual;
      error.expected = expected;
      error.operator = fn.name;
      throw error;
    }
    failWith({ actual, expected, message, operator: fn.name, stackStartFn: fn });
  }

  // Checks what `fn` (throws or rejects) caught against `expected`: a RegExp matched
  // against it as a string, an object of properties, an error class, or a validation
  // function that must return true.
  function validate(actual, expected, message, fn) {
    let generated = false;
    if (typeof expected !== 'function') {
      if (isRegExp(expected)) {
        const text = String(actual);
        if (RegExp.prototype.exec.call(expected, text) !== null) return;
        if (!message) {
          generated = true;
          message = 'The input did not match the regular expression ' + inspect(expected) +
            '. Input:\n\n' + inspect(text) + '\n';
        }
      } else if (!isObject(actual)) {
        const error = new AssertionError({ actual, expected, message, operator: 'deepStrictEqual', stackStartFn: fn });
        error.operator = fn.name;
        throw error;
      } else {
        const keys = Object.keys(expected);
        if (expected instanceof Error) keys.push('name', 'message');
        else if (keys.length === 0) throw codes.ERR_INVALID_ARG_VALUE('error', expected, 'may not be an empty object');
        for (const key of keys) {
          if (typeof actual[key] === 'string' && isRegExp(expected[key]) &&
              RegExp.prototype.exec.call(expected[key], actual[key]) !== null) {
            continue;
          }
          compareKey(actual, expected, key, message, keys, fn);
        }
        return;
      }
    } else if (expected.prototype !== undefined && actual instanceof expected) {
      return;
    } else if (Object.prototype.isPrototypeOf.call(Error, expected)) {
      if (!message) {
        generated = true;
        message = 'The error is expected to be an instance of "' + expected.name + '". Received ';
        if (isError(actual)) {
          const name = (actual.constructor && actual.constructor.name) || actual.name;
          message += expected.name === name
            ? 'an error with identical name but a different prototype.'
            : '"' + name + '"';
          if (actual.message) message += '\n\nError message:\n\n' + actual.message;
        } else {
          message += '"' + inspect(actual, { depth: -1 }) + '"';
        }
      }
    } else {
      const result = Reflect.apply(expected, {}, [actual]);
      if (result === true) return;
      if (!message) {
        generated = true;
        const name = expected.name ? '"' + expected.name + '" ' : '';
        message = 'The ' + name + 'validation function is expected to return "true". Received ' + inspect(result);
        if (isError(actual)) message += '\n\nCaught error:\n\n' + actual;
      }
    }
    const error = new AssertionError({ actual, expected, message, operator: fn.name, stackStartFn: fn });
    error.generatedMessage = generated;
    throw error;
  }

  // Marks "nothing was thrown".
  const NOTHING = {};

  function thrownBy(fn) {
    if (typeof fn !== 'function') throw codes.ERR_INVALID_ARG_TYPE('fn', 'Function', fn);
    try {
      fn();
    } catch (error) {
      return error;
    }
    return NOTHING;
  }

  function isPromiseLike(value) {
    return value instanceof Promise ||
      (isObject(value) && typeof value.then === 'function' && typeof value.catch === 'function');
  }

  async function rejectionOf(promiseFn) {
    let promise;
    if (typeof promiseFn === 'function') {
      promise = promiseFn();
      if (!isPromiseLike(promise)) {
        throw codes.ERR_INVALID_RETURN_VALUE('instance of Promise', 'promiseFn', promise);
      }
    } else if (isPromiseLike(promiseFn)) {
      promise = promiseFn;
    } else {
      throw codes.ERR_INVALID_ARG_TYPE('promiseFn', ['Function', 'Promise'], promiseFn);
    }
    try {
      await promise;
    } catch (error) {
      return error;
    }
    return NOTHING;
  }

  function ambiguous(reason) {
    return nodeError(TypeError, 'ERR_AMBIGUOUS_ARGUMENT', 'The "error/message" argument is ambiguous. ' + reason);
  }

  function expectFailure(fn, actual, error, message) {
    if (typeof error === 'string') {
      if (arguments.length === 4) {
        throw codes.ERR_INVALID_ARG_TYPE('error', ['Object', 'Error', 'Function', 'RegExp'], error);
      }
      if (isObject(actual)) {
        if (actual.message === error) {
          throw ambiguous('The error message "' + actual.message + '" is identical to the message.');
        }
      } else if (actual === error) {
        throw ambiguous('The error "' + actual + '" is identical to the message.');
      }
      message = error;
      error = undefined;
    } else if (error != null && typeof error !== 'object' && typeof error !== 'function') {
      throw codes.ERR_INVALID_ARG_TYPE('error', ['Object', 'Error', 'Function', 'RegExp'], error);
    }

    if (actual === NOTHING) {
      let details = error && error.name ? ' (' + error.name + ')' : '';
      details += message ? ': ' + message : '.';
      const kind = fn === assert.rejects ? 'rejection' : 'exception';
      failWith({
        actual: undefined,
        expected: error,
        operator: fn.name,
        message: 'Missing expected ' + kind + details,
        stackStartFn: fn,
      });
    }
    if (error) validate(actual, error, message, fn);
  }

  function matchesError(actual, expected) {
    if (typeof expected !== 'function') {
      if (isRegExp(expected)) return RegExp.prototype.exec.call(expected, String(actual)) !== null;
      throw codes.ERR_INVALID_ARG_TYPE('expected', ['Function', 'RegExp'], expected);
    }
    if (expected.prototype !== undefined && actual instanceof expected) return true;
    if (Object.prototype.isPrototypeOf.call(Error, expected)) return false;
    return Reflect.apply(expected, {}, [actual]) === true;
  }

  function expectNoFailure(fn, actual, error, message) {
    if (actual === NOTHING) return;
    if (typeof error === 'string') {
      message = error;
      error = undefined;
    }
    if (!error || matchesError(actual, error)) {
      const details = message ? ': ' + message : '.';
      const kind = fn === assert.doesNotReject ? 'rejection' : 'exception';
      failWith({
        actual,
        expected: error,
        operator: fn.name,
        message: 'Got unwanted ' + kind + details + '\nActual message: "' + (actual && actual.message) + '"',
        stackStartFn: fn,
      });
    }
    throw actual;
  }

  assert.throws = function throws(fn, ...args) {
    expectFailure(throws, thrownBy(fn), ...args);
  };

  assert.rejects = async function rejects(promiseFn, ...args) {
    expectFailure(rejects, await rejectionOf(promiseFn), ...args);
  };

  assert.doesNotThrow = function doesNotThrow(fn, ...args) {
    expectNoFailure(doesNotThrow, thrownBy(fn), ...args);
  };

  assert.doesNotReject = async function doesNotReject(fn, ...args) {
    expectNoFailure(doesNotReject, await rejectionOf(fn), ...args);
  };

  // The frames of a stack: its lines from the first `    at` on.
  function frames(stack) {
    const lines = stack.split('\n');
    let first = 0;
    while (first < lines.length && !lines[first].startsWith('    at')) first++;
    return { head: lines.slice(0, first), frames: lines.slice(first) };
  }

  assert.ifError = function ifError(err) {
    if (err === null || err === undefined) return;
    let message = 'ifError got unwanted exception: ';
    if (typeof err === 'object' && typeof err.message === 'string') {
      message += err.message.length === 0 && err.constructor ? err.constructor.name : err.message;
    } else {
      message += inspect(err);
    }
    const error = new AssertionError({ actual: err, expected: null, operator: 'ifError', message, stackStartFn: ifError });
    // The new error's own frames down to where they meet the original's, then those.
    const original = err.stack;
    if (typeof original === 'string' && typeof error.stack === 'string') {
      const old = frames(original).frames;
      if (old.length > 0) {
        const mine = frames(error.stack);
        let kept = mine.frames;
        for (const frame of old) {
          const at = kept.indexOf(frame);
          if (at !== -1) {
            kept = kept.slice(0, at);
            break;
          }
        }
        error.stack = mine.head.concat(kept, old).join('\n');
      }
    }
    throw error;
  };

  function matching(string, regexp, message, fn, wanted) {
    if (!isRegExp(regexp)) throw codes.ERR_INVALID_ARG_TYPE('regexp', 'RegExp', regexp);
    if (typeof string === 'string' && (RegExp.prototype.exec.call(regexp, string) !== null) === wanted) return;
    if (message instanceof Error) throw message;
    const generated = !message;
    if (!message) {
      if (typeof string !== 'string') {
        message = 'The "string" argument must be of type string. Received type ' + typeof string +
          ' (' + inspect(string) + ')';
      } else {
        message = (wanted
          ? 'The input did not match the regular expression '
          : 'The input was expected to not match the regular expression ') +
          inspect(regexp) + '. Input:\n\n' + inspect(string) + '\n';
      }
    }
    const error = new AssertionError({ actual: string, expected: regexp, message, operator: fn.name, stackStartFn: fn });
    error.generatedMessage = generated;
    throw error;
  }

  assert.match = function match(string, regexp, message) {
    matching(string, regexp, message, match, true);
  };

  assert.doesNotMatch = function doesNotMatch(string, regexp, message) {
    matching(string, regexp, message, doesNotMatch, false);
  };

  // `assert.strict`: the same, with the loose checks replaced by the strict ones.
  function strict(...args) {
    check(strict, args[0], args.length, args[1]);
  }
  assert.strict = Object.assign(strict, assert, {
    equal: assert.strictEqual,
    deepEqual: assert.deepStrictEqual,
    notEqual: assert.notStrictEqual,
    notDeepEqual: assert.notDeepStrictEqual,
  });
  assert.strict.strict = assert.strict;

  module.exports = assert;
})
