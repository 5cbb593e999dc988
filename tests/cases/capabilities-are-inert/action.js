exports.onExecutePostLogin = async (event, api) => {
  const global = ({}).constructor.constructor('return this')();
  // `fetch` is there, behind the egress policy (tests/all/fetch.rs); these are not.
  const found = ['std', 'os', 'WebAssembly', 'Deno', 'Bun', 'Javy', '__host']
    .filter((name) => typeof global[name] !== 'undefined');
  const code = (f) => {
    try {
      f();
      return 'no error';
    } catch (e) {
      return e.code;
    }
  };
  api.idToken.setCustomClaim('https://x.example/globals', found);
  // `process` is Node's, with nothing of the machine behind it.
  api.idToken.setCustomClaim('https://x.example/process', {
    env: Object.keys(process.env),
    argv: process.argv,
    cwd: process.cwd(),
    exit: code(() => process.exit(1)),
    kill: code(() => process.kill(1)),
    binding: code(() => process.binding('fs')),
    dlopen: code(() => process.dlopen({}, 'addon.node')),
  });
  // Modules that would reach outside load, and refuse when used.
  api.idToken.setCustomClaim('https://x.example/require', {
    fs: code(() => require('fs').readFileSync('/etc/passwd')),
    exists: require('node:fs').existsSync('/etc/passwd'),
    childProcess: code(() => require('child_process').execSync('id')),
    net: code(() => require('net').connect(80, 'example.com')),
    dns: code(() => require('dns').lookup('example.com', () => {})),
    vm: code(() => require('vm').runInNewContext('1')),
    // Inside `try`, a module that is not there is a warning at compile time, and
    // MODULE_NOT_FOUND when required, as in Node.
    missing: (() => { try { require('left-pad'); } catch (e) { return e.code; } })(),
    internal: (() => { try { require('internal/errors'); } catch (e) { return e.code; } })(),
  });
};
