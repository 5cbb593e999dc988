// The Node baseline for `actionbox bench --node-baseline`: runs an Action with Node's
// `vm` module, a new context per execution, and prints latency figures as JSON.
// Input on stdin: {source, filename, event (JSON text), handler, iterations, timeout_ms}.
//
// Node's vm is not a sandbox. What this does to keep the Action away from Node: the
// context's global object has a null prototype (no `constructor` leading to Node's
// Function); `console`, `api`, `module` and the event are built by code evaluated inside
// the context, so every function the Action can reach belongs to the context; only
// strings cross in, and only strings come out.
'use strict';
const vm = require('vm');

const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const action = new vm.Script(
  '(function (exports, require, module, __filename, __dirname) {\n' + input.source + '\n})',
  { filename: input.filename, lineOffset: -1 },
);
// Evaluated in each context: the same post-login api surface as actionbox, recording
// commands, then the handler, awaited by the context's own promise machinery.
const prelude = new vm.Script(`(function () {
  'use strict';
  const logs = [];
  const log = (...args) => { logs.push(args.join(' ')); };
  globalThis.console = { log, info: log, warn: log, error: log, debug: log };
  const commands = [];
  const api = {};
  const record = (type, args) => { commands.push([type, JSON.stringify(args)]); return api; };
  api.access = { deny: (reason) => record('access.deny', [reason]) };
  api.idToken = { setCustomClaim: (k, v) => record('idToken.setCustomClaim', [k, v]) };
  api.accessToken = { setCustomClaim: (k, v) => record('accessToken.setCustomClaim', [k, v]) };
  api.user = {
    setUserMetadata: (k, v) => record('user.setUserMetadata', [k, v]),
    setAppMetadata: (k, v) => record('user.setAppMetadata', [k, v]),
  };
  api.multifactor = { enable: (p, o) => record('multifactor.enable', [p, o]) };
  const require = (name) => { throw new Error('Cannot find module ' + name); };
  const module = { exports: {} };
  globalThis.__outcome = 'pending';
  globalThis.__start = (wrapper) => {
    wrapper(module.exports, require, module, __filename, '/');
    Promise.resolve(module.exports[__handler](JSON.parse(__event), api)).then(
      () => { globalThis.__outcome = 'done'; },
      (e) => { globalThis.__outcome = 'threw: ' + String(e && e.message); });
  };
})();`);
const start = new vm.Script('__start(__wrapper)');
const outcome = new vm.Script('String(__outcome)');

function once() {
  const globals = Object.create(null);
  globals.__event = input.event;
  globals.__handler = input.handler;
  globals.__filename = input.filename;
  // Microtasks run inside each evaluation, so a handler without I/O settles in it.
  const context = vm.createContext(globals, { microtaskMode: 'afterEvaluate' });
  const options = { timeout: input.timeout_ms };
  prelude.runInContext(context, options);
  globals.__wrapper = action.runInContext(context, options);
  start.runInContext(context, options);
  const result = outcome.runInContext(context, options);
  if (result !== 'done') throw new Error('the Action did not finish in Node: ' + result);
}

for (let i = 0; i < 200; i++) once();
const samples = new Float64Array(input.iterations);
for (let i = 0; i < input.iterations; i++) {
  const begin = process.hrtime.bigint();
  once();
  samples[i] = Number(process.hrtime.bigint() - begin) / 1000;
}
const sorted = Array.from(samples).sort((a, b) => a - b);
const at = (q) => sorted[Math.round((sorted.length - 1) * q)];
const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
process.stdout.write(JSON.stringify({ p50: at(0.5), p99: at(0.99), mean, version: 'node ' + process.version }));
