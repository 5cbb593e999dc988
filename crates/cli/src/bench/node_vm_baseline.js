// The Node baseline for `actionbox bench`: runs an Action with Node's `vm` module, a new
// context per execution (as a sandbox must), and prints latency figures as JSON.
// Usage: node node_vm_baseline.js <action.js> <event.json> <handler> <iterations>
'use strict';
const fs = require('fs');
const vm = require('vm');

const [actionPath, eventPath, handler, iterationsText] = process.argv.slice(2);
const source = fs.readFileSync(actionPath, 'utf8');
const eventJson = fs.readFileSync(eventPath, 'utf8');
const iterations = Number(iterationsText);
const script = new vm.Script(
  '(function (exports, require, module, __filename, __dirname) {\n' + source + '\n})',
  { filename: actionPath, lineOffset: -1 },
);

// The same post-login api surface as actionbox, recording commands.
function makeApi(commands) {
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
  return api;
}

async function once() {
  const logs = [];
  const log = (...args) => { logs.push(args.join(' ')); };
  const context = vm.createContext({ console: { log, info: log, warn: log, error: log, debug: log } });
  const wrapper = script.runInContext(context);
  const module = { exports: {} };
  wrapper(module.exports, (name) => { throw new Error('Cannot find module ' + name); }, module, actionPath, '/');
  const commands = [];
  await module.exports[handler](JSON.parse(eventJson), makeApi(commands));
  return commands;
}

(async () => {
  for (let i = 0; i < 200; i++) await once();
  const samples = new Float64Array(iterations);
  for (let i = 0; i < iterations; i++) {
    const start = process.hrtime.bigint();
    await once();
    samples[i] = Number(process.hrtime.bigint() - start) / 1000;
  }
  const sorted = Array.from(samples).sort((a, b) => a - b);
  const at = (q) => sorted[Math.round((sorted.length - 1) * q)];
  const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
  process.stdout.write(JSON.stringify({ p50: at(0.5), p99: at(0.99), mean, version: 'node ' + process.version }));
})().catch((e) => { process.stderr.write(String(e && e.stack || e)); process.exit(1); });
