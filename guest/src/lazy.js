// Globals installed on first use: each name is an accessor on the global object until
// one of them is read or assigned; then `install()` runs once, replaces the accessors with
// the real globals, and the read or write goes on as if they had always been there. A
// capability an Action never touches costs its executions nothing but these accessors:
// the snapshot holds its compiled code, not its objects.
(function (install, names) {
  'use strict';
  const global = globalThis;
  let installed = null;
  function load() {
    if (installed === null) {
      for (const name of names) delete global[name];
      installed = install();
    }
    return installed;
  }
  for (const name of names) {
    Object.defineProperty(global, name, {
      configurable: true,
      enumerable: false,
      get() {
        load();
        return global[name];
      },
      set(value) {
        load();
        global[name] = value;
      },
    });
  }
  return { load, loaded: () => installed !== null };
})
