// Node's `process` (the global, and `require('process')`): an `EventEmitter` whose
// `Object.prototype.toString` is `[object process]`, as in Node, reporting the runtime an
// Action declares (`version`, `versions`, `release`), an empty `env` and `argv`, the clock
// (`hrtime`, `uptime`), the heap (`memoryUsage`), and `nextTick` (kept from `timers.js`,
// which the event loop drives). What would reach outside the sandbox (`exit`, `kill`,
// `chdir`, `binding`, ...) throws `ERR_ACTIONBOX_UNAVAILABLE` with what to do instead.
(function (module, require, natives) {
  'use strict';
  const EventEmitter = require('events');
  const { codes, nodeError } = require('internal/errors');
  // The object `timers.js` made, which holds the event loop's `nextTick`.
  const previous = require.previousGlobal('process');

  // What each Node.js version an Action may declare reports (`natives.runtime()`).
  const RELEASES = {
    node22: {
      version: '22.12.0',
      versions: { acorn: '8.14.0', ada: '2.9.2', modules: '127', napi: '9', uv: '1.49.1', v8: '12.4.254.21-node.21' },
      lts: 'Jod',
    },
    node18: {
      version: '18.20.8',
      versions: { acorn: '8.10.0', ada: '2.7.2', modules: '108', napi: '9', uv: '1.44.2', v8: '10.2.154.26-node.39' },
      lts: 'Hydrogen',
    },
  };
  const RELEASE = RELEASES[natives.runtime()];
  const VERSION = RELEASE.version;

  function unavailable(name, instead) {
    return function () {
      throw nodeError(Error, 'ERR_ACTIONBOX_UNAVAILABLE', 'process.' + name + ' is not available in actionbox' + (instead ? ': ' + instead : ''));
    };
  }

  // Node's process object is an instance of a class named `process`.
  const Process = function process() {};
  Object.setPrototypeOf(Process.prototype, EventEmitter.prototype);
  Object.defineProperty(Process.prototype, Symbol.toStringTag, { value: 'process', configurable: true, writable: false, enumerable: false });
  const process = new Process();
  EventEmitter.call(process);

  function hrtime(previousTime) {
    const ms = natives.now();
    let seconds = Math.floor(ms / 1000);
    let nanoseconds = Math.floor((ms - seconds * 1000) * 1e6);
    if (previousTime !== undefined) {
      if (!Array.isArray(previousTime)) throw codes.ERR_INVALID_ARG_TYPE('time', 'Array', previousTime);
      if (previousTime.length !== 2) throw codes.ERR_OUT_OF_RANGE('time', '2', previousTime.length);
      seconds -= previousTime[0];
      nanoseconds -= previousTime[1];
      if (nanoseconds < 0) {
        seconds -= 1;
        nanoseconds += 1e9;
      }
    }
    return [seconds, nanoseconds];
  }
  hrtime.bigint = function bigint() {
    return BigInt(Math.floor(natives.now() * 1e6));
  };

  function memoryUsage() {
    const heap = natives.heapUsed();
    return { rss: heap, heapTotal: heap, heapUsed: heap, external: 0, arrayBuffers: 0 };
  }
  memoryUsage.rss = () => natives.heapUsed();

  function write(level) {
    return {
      write(chunk, encoding, callback) {
        const text = typeof chunk === 'string' ? chunk : require('buffer').Buffer.from(chunk).toString();
        console[level](text.endsWith('\n') ? text.slice(0, -1) : text);
        const done = typeof encoding === 'function' ? encoding : callback;
        if (typeof done === 'function') queueMicrotask(done);
        return true;
      },
      isTTY: false,
      fd: level === 'log' ? 1 : 2,
      end() {},
      on() { return this; },
      once() { return this; },
      off() { return this; },
      removeListener() { return this; },
    };
  }

  const warned = new Set();
  function emitWarning(warning, type, code) {
    let name = 'Warning';
    let detail;
    if (type !== null && typeof type === 'object') {
      name = type.type || name;
      code = type.code;
      detail = type.detail;
    } else if (typeof type === 'string') {
      name = type;
    }
    if (typeof warning === 'string') {
      warning = Object.assign(new Error(warning), { name });
      if (code !== undefined) warning.code = code;
      if (detail !== undefined) warning.detail = detail;
    } else if (!(warning instanceof Error)) {
      throw codes.ERR_INVALID_ARG_TYPE('warning', ['Error', 'string'], warning);
    }
    if (warning.name === 'DeprecationWarning' && warning.code !== undefined) {
      if (warned.has(warning.code)) return;
      warned.add(warning.code);
    }
    process.emit('warning', warning);
    console.error('(node:' + process.pid + ') ' + (warning.code ? '[' + warning.code + '] ' : '') + warning.name + ': ' + warning.message);
  }

  const fields = {
    title: 'node',
    version: 'v' + VERSION,
    versions: { node: VERSION, ...RELEASE.versions },
    release: { name: 'node', lts: RELEASE.lts },
    arch: 'x64',
    platform: 'linux',
    env: {},
    argv: [],
    argv0: 'node',
    execArgv: [],
    execPath: '/usr/local/bin/node',
    pid: 1,
    ppid: 0,
    exitCode: undefined,
    config: { target_defaults: {}, variables: {} },
    features: { inspector: false, debug: false, uv: true, ipv6: true, tls_alpn: true, tls_sni: true, tls_ocsp: true, tls: true, cached_builtins: true, typescript: false },
    allowedNodeEnvironmentFlags: new Set(),
    stdout: write('log'),
    stderr: write('error'),
    stdin: { isTTY: false, fd: 0, on() { return this; }, once() { return this; }, resume() { return this; }, pause() { return this; } },
    cwd: () => '/',
    umask: () => 0o22,
    uptime: () => natives.now() / 1000,
    hrtime,
    memoryUsage,
    cpuUsage: () => ({ user: 0, system: 0 }),
    resourceUsage: () => ({ userCPUTime: 0, systemCPUTime: 0, maxRSS: 0 }),
    emitWarning,
    nextTick: previous && previous.nextTick,
    hasUncaughtExceptionCaptureCallback: () => false,
    setUncaughtExceptionCaptureCallback() {},
    getuid: () => 0,
    geteuid: () => 0,
    getgid: () => 0,
    getegid: () => 0,
    getgroups: () => [],
    exit: unavailable('exit', 'return from the handler (or call api.access.deny to end the login)'),
    reallyExit: unavailable('reallyExit'),
    abort: unavailable('abort', 'throw an error instead'),
    kill: unavailable('kill'),
    chdir: unavailable('chdir', 'the working directory is always /'),
    binding: unavailable('binding'),
    dlopen: unavailable('dlopen', 'native addons cannot load in a WebAssembly sandbox'),
  };
  for (const key of Object.keys(fields)) process[key] = fields[key];

  module.exports = process;
})
