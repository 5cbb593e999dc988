// `console.log`, `info`, `warn`, `error`, `debug` (and `trace`, as `debug`): each formats
// its arguments the way Node's `util.format` does for the common cases and writes one line
// through the native of its level.
(function (natives) {
  'use strict';
  const objectKeys = Object.keys;
  const isArray = Array.isArray;
  const LEVELS = ['log', 'info', 'warn', 'error', 'debug'];
  const MAX_DEPTH = 2;

  function inspect(value, depth, seen, nested) {
    switch (typeof value) {
      case 'string':
        return nested ? "'" + value + "'" : value;
      case 'bigint':
        return String(value) + 'n';
      case 'symbol':
        return value.toString();
      case 'function':
        return value.name ? '[Function: ' + value.name + ']' : '[Function (anonymous)]';
      case 'object':
        break;
      default:
        return String(value);
    }
    if (value === null) return 'null';
    if (seen.indexOf(value) !== -1) return '[Circular]';
    if (value instanceof Error) return value.stack ? String(value.name) + ': ' + value.message + '\n' + value.stack : String(value);
    if (value instanceof Date) return isNaN(value) ? 'Invalid Date' : value.toISOString();
    if (value instanceof RegExp) return String(value);
    const array = isArray(value);
    if (depth > MAX_DEPTH) return array ? '[Array]' : '[Object]';
    seen.push(value);
    const parts = [];
    if (array) {
      for (let i = 0; i < value.length; i++) parts.push(inspect(value[i], depth + 1, seen, true));
    } else {
      for (const key of objectKeys(value)) {
        const name = /^[A-Za-z_$][\w$]*$/.test(key) ? key : "'" + key + "'";
        parts.push(name + ': ' + inspect(value[key], depth + 1, seen, true));
      }
    }
    seen.pop();
    if (parts.length === 0) return array ? '[]' : '{}';
    return array ? '[ ' + parts.join(', ') + ' ]' : '{ ' + parts.join(', ') + ' }';
  }

  // Node's util.format for the common cases: %s %d %i %f %j %o %O %%.
  function format(args) {
    let first = 0;
    let out = '';
    if (typeof args[0] === 'string' && args.length > 1) {
      let next = 1;
      out = args[0].replace(/%[sdifjoO%]/g, (spec) => {
        if (spec === '%%') return '%';
        if (next >= args.length) return spec;
        const arg = args[next++];
        switch (spec) {
          case '%s': return typeof arg === 'string' ? arg : inspect(arg, 1, [], false);
          case '%d': return String(Number(arg));
          case '%i': return String(parseInt(arg, 10));
          case '%f': return String(parseFloat(arg));
          case '%j': try { return JSON.stringify(arg); } catch (e) { return '[Circular]'; }
          default: return inspect(arg, 0, [], true);
        }
      });
      first = next;
    } else if (args.length > 0) {
      out = inspect(args[0], 0, [], false);
      first = 1;
    }
    for (let i = first; i < args.length; i++) out += ' ' + inspect(args[i], 0, [], false);
    return out;
  }

  const console = {};
  LEVELS.forEach((name) => {
    const write = natives[name];
    console[name] = function (...args) { write(format(args)); };
  });
  console.trace = console.debug;
  Object.defineProperty(globalThis, 'console', {
    value: console, writable: true, enumerable: false, configurable: true,
  });
})
