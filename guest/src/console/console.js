// Node's `console` (the global, and `require('console')`): each method formats its
// arguments as Node does (`internal/inspect`'s `formatWithOptions`) and writes one line
// through the native of its level: `log`, `info` and `debug` as Node's stdout, `warn`,
// `error` and `trace` as its stderr. Groups indent, `count`, `time` and `table` print as
// Node prints them.
//
// It is part of the snapshot (most Actions log), unlike Node's other modules: lines of
// strings, numbers and booleans are joined here, and `internal/inspect` is loaded only
// for a line that needs it (an object, or a format with `%`).
(function (module, require, natives) {
  'use strict';
  const kColorInspectOptions = {};
  let inspector = null;
  const inspectModule = () => (inspector === null ? (inspector = require('internal/inspect')) : inspector);
  const inspect = (value, options) => inspectModule().inspect(value, options);

  // One line of `args` as Node's `formatWithOptions` makes it, the common case (no `%` to
  // substitute, nothing that needs inspecting) done here.
  function line(args) {
    const count = args.length;
    const first = args[0];
    if (count === 1 && typeof first === 'string') return first;
    if (count > 1 && typeof first === 'string' && first.indexOf('%') !== -1) {
      return inspectModule().formatWithOptions(kColorInspectOptions, ...args);
    }
    let text = '';
    for (let i = 0; i < count; i++) {
      const arg = args[i];
      const type = typeof arg;
      if (!(type === 'string' || type === 'boolean' || arg == null || (type === 'number' && (arg !== 0 || 1 / arg > 0)))) {
        return inspectModule().formatWithOptions(kColorInspectOptions, ...args);
      }
      text += i === 0 ? String(arg) : ' ' + String(arg);
    }
    return text;
  }

  let indent = '';
  function write(native, text) {
    native(indent === '' ? text : indent + text.replace(/\n/g, '\n' + indent));
  }
  const { log: logLine, info: infoLine, warn: warnLine, error: errorLine, debug: debugLine } = natives;
  const out = {
    log: (text) => write(logLine, text),
    info: (text) => write(infoLine, text),
    warn: (text) => write(warnLine, text),
    error: (text) => write(errorLine, text),
    debug: (text) => write(debugLine, text),
  };

  const counts = new Map();
  const timers = new Map();
  const now = () => (globalThis.performance ? globalThis.performance.now() : Date.now());

  function formatTime(ms) {
    if (ms >= 1000) {
      if (ms >= 60000) {
        if (ms >= 3600000) return (ms / 3600000).toFixed(3) + 'h';
        return (ms / 60000).toFixed(3) + 'min';
      }
      return (ms / 1000).toFixed(3) + 's';
    }
    return Number(ms.toFixed(3)) + 'ms';
  }

  // Node's table: box-drawing borders, each cell's inspected value centred.
  function renderTable(head, columns) {
    const widths = head.map((h, i) => Math.max(h.length, ...columns[i].map((cell) => cell.length)) + 2);
    const line = (left, mid, right) => left + widths.map((w) => '─'.repeat(w)).join(mid) + right;
    const row = (cells) => '│' + cells.map((cell, i) => {
      const extra = widths[i] - cell.length;
      const before = Math.floor(extra / 2);
      return ' '.repeat(before) + cell + ' '.repeat(extra - before);
    }).join('│') + '│';
    const lines = [line('┌', '┬', '┐'), row(head), line('├', '┼', '┤')];
    const rows = columns.length > 0 ? columns[0].length : 0;
    for (let r = 0; r < rows; r++) lines.push(row(columns.map((column) => column[r])));
    lines.push(line('└', '┴', '┘'));
    return lines.join('\n');
  }
  const cell = (value) => inspect(value, { depth: 1, compact: true, breakLength: Infinity, maxArrayLength: 3 });

  const console = {
    log(...args) {
      write(logLine, line(args));
    },
    info(...args) {
      write(infoLine, line(args));
    },
    debug(...args) {
      write(debugLine, line(args));
    },
    warn(...args) {
      write(warnLine, line(args));
    },
    error(...args) {
      write(errorLine, line(args));
    },
    trace(...args) {
      const stack = new Error().stack || '';
      const frames = stack.split('\n').slice(1).filter((frame) => frame !== '').join('\n');
      out.error('Trace' + (args.length > 0 ? ': ' + line(args) : '') + (frames ? '\n' + frames : ''));
    },
    dir(object, options) {
      out.log(inspect(object, { customInspect: false, ...options }));
    },
    dirxml(...args) {
      console.log(...args);
    },
    assert(condition, ...args) {
      if (condition) return;
      if (typeof args[0] === 'string') args[0] = 'Assertion failed: ' + args[0];
      else args.unshift('Assertion failed');
      console.warn(...args);
    },
    count(label = 'default') {
      label = String(label);
      const count = (counts.get(label) || 0) + 1;
      counts.set(label, count);
      out.log(label + ': ' + count);
    },
    countReset(label = 'default') {
      label = String(label);
      if (!counts.has(label)) {
        console.warn("Count for '" + label + "' does not exist");
        return;
      }
      counts.delete(label);
    },
    group(...labels) {
      if (labels.length > 0) console.log(...labels);
      indent += '  ';
    },
    groupEnd() {
      indent = indent.slice(0, Math.max(0, indent.length - 2));
    },
    time(label = 'default') {
      label = String(label);
      if (timers.has(label)) {
        console.warn("Label '" + label + "' already exists for console.time()");
        return;
      }
      timers.set(label, now());
    },
    timeEnd(label = 'default') {
      label = String(label);
      if (!timers.has(label)) {
        console.warn("No such label '" + label + "' for console.timeEnd()");
        return;
      }
      out.log(label + ': ' + formatTime(now() - timers.get(label)));
      timers.delete(label);
    },
    timeLog(label = 'default', ...data) {
      label = String(label);
      if (!timers.has(label)) {
        console.warn("No such label '" + label + "' for console.timeLog()");
        return;
      }
      const text = label + ': ' + formatTime(now() - timers.get(label));
      out.log(data.length > 0 ? text + ' ' + line(data) : text);
    },
    table(data, properties) {
      if (properties !== undefined && !Array.isArray(properties)) {
        throw require('internal/errors').codes.ERR_INVALID_ARG_TYPE('properties', 'Array', properties);
      }
      if (data === null || typeof data !== 'object') return console.log(data);
      const indexKey = '(index)';
      const valuesKey = 'Values';
      const rows = data instanceof Map ? [...data.entries()] : Object.entries(data);
      const isMap = data instanceof Map;
      const keys = [];
      let hasValues = false;
      for (const [, value] of rows) {
        if (value !== null && typeof value === 'object') {
          for (const key of Object.keys(value)) if (!keys.includes(key)) keys.push(key);
        } else {
          hasValues = true;
        }
      }
      const shown = properties ? properties.map(String) : keys;
      const head = [isMap ? '(iteration index)' : indexKey];
      if (isMap) head.push('Key');
      head.push(...shown);
      if (hasValues) head.push(valuesKey);
      const columns = head.map(() => []);
      rows.forEach(([key, value], r) => {
        let c = 0;
        columns[c++].push(isMap ? String(r) : String(key));
        if (isMap) columns[c++].push(cell(key));
        const isObject = value !== null && typeof value === 'object';
        for (const name of shown) {
          columns[c++].push(isObject && Object.prototype.hasOwnProperty.call(value, name) ? cell(value[name]) : '');
        }
        if (hasValues) columns[c++].push(isObject ? '' : cell(value));
      });
      out.log(renderTable(head, columns));
    },
  };
  console.groupCollapsed = console.group;
  console.Console = function Console() {
    return console;
  };

  module.exports = console;
})
