// `structuredClone`, as the HTML standard's structured serialization defines it for the
// values an Action holds: primitives, plain objects and arrays (own enumerable string
// keys, prototypes dropped), Date, RegExp, Map, Set, ArrayBuffer and its views, errors,
// boxed primitives, with cycles and shared references kept. Functions, symbols and other
// platform objects throw a `DataCloneError` `DOMException`, as in Node.
(function (module) {
  'use strict';

  function dataCloneError(what) {
    return new DOMException(what + ' could not be cloned.', 'DataCloneError');
  }
  const ERRORS = new Set(['Error', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError']);
  const tagOf = (value) => Object.prototype.toString.call(value).slice(8, -1);

  function structuredClone(value, options = undefined) {
    if (arguments.length === 0) {
      throw new TypeError("Failed to execute 'structuredClone' on 'Window': 1 argument required, but only 0 present.");
    }
    if (options !== undefined && options !== null && typeof options === 'object' && options.transfer !== undefined &&
        [...options.transfer].length > 0) {
      throw dataCloneError('Transferring');
    }
    const memory = new Map();
    const clone = (input) => {
      if (input === null || (typeof input !== 'object' && typeof input !== 'function')) {
        if (typeof input === 'symbol') throw dataCloneError(String(input));
        return input;
      }
      if (typeof input === 'function') throw dataCloneError(String(input).split('\n')[0].slice(0, 60));
      const seen = memory.get(input);
      if (seen !== undefined) return seen;
      let output;
      const tag = tagOf(input);
      if (Array.isArray(input)) {
        output = new Array(input.length);
        memory.set(input, output);
        for (const key of Object.keys(input)) output[key] = clone(input[key]);
        return output;
      }
      switch (tag) {
        case 'Date':
          output = new Date(input.getTime());
          break;
        case 'RegExp':
          output = new RegExp(input.source, input.flags);
          break;
        case 'Boolean':
          output = Object(Boolean.prototype.valueOf.call(input));
          break;
        case 'Number':
          output = Object(Number.prototype.valueOf.call(input));
          break;
        case 'String':
          output = Object(String.prototype.valueOf.call(input));
          break;
        case 'BigInt':
          output = Object(BigInt.prototype.valueOf.call(input));
          break;
        case 'ArrayBuffer':
          output = input.slice(0);
          break;
        case 'Map':
          output = new Map();
          memory.set(input, output);
          for (const [k, v] of input) output.set(clone(k), clone(v));
          return output;
        case 'Set':
          output = new Set();
          memory.set(input, output);
          for (const v of input) output.add(clone(v));
          return output;
        case 'Error': {
          const name = ERRORS.has(input.name) ? input.name : 'Error';
          output = new globalThis[name](input.message);
          memory.set(input, output);
          if ('cause' in input) output.cause = clone(input.cause);
          if (typeof input.stack === 'string') output.stack = input.stack;
          return output;
        }
        case 'DataView': {
          const buffer = clone(input.buffer);
          output = new DataView(buffer, input.byteOffset, input.byteLength);
          break;
        }
        case 'Object':
        case 'Arguments':
          if (Object.getPrototypeOf(input) === Object.prototype || Object.getPrototypeOf(input) === null || tag === 'Arguments' ||
              !isPlatformObject(input)) {
            output = {};
            memory.set(input, output);
            for (const key of Object.keys(input)) output[key] = clone(input[key]);
            return output;
          }
          throw dataCloneError(tag);
        default:
          if (ArrayBuffer.isView(input)) {
            const buffer = clone(input.buffer);
            output = new input.constructor.prototype.constructor(buffer, input.byteOffset, input.length);
            if (Object.getPrototypeOf(output) !== Object.getPrototypeOf(Uint8Array.prototype) && tagOf(output) !== tag) {
              output = new globalThis[tag](buffer, input.byteOffset, input.length);
            }
            break;
          }
          if (isPlatformObject(input)) throw dataCloneError(tag);
          output = {};
          memory.set(input, output);
          for (const key of Object.keys(input)) output[key] = clone(input[key]);
          return output;
      }
      memory.set(input, output);
      return output;
    };
    return clone(value);
  }

  // Objects of the platform's classes (`URL`, `Headers`, promises, weak collections...):
  // not serializable. Instances of the Action's own classes are, as plain objects.
  function isPlatformObject(value) {
    const tag = tagOf(value);
    return tag !== 'Object' || value instanceof Promise || value instanceof WeakMap || value instanceof WeakSet;
  }

  module.exports = { structuredClone };
})
