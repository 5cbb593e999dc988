// Node's `async_hooks`, inert: loaders read it at require time. `AsyncLocalStorage`
// keeps its store for the synchronous extent of `run` (no propagation across `await`:
// there is one execution per instance, so nothing else could see it), `AsyncResource`
// runs its callbacks directly, and hooks never fire.
(function (module, require) {
  'use strict';
  const { codes } = require('internal/errors');

  class AsyncLocalStorage {
    #store = undefined;
    #enabled = false;
    static bind(fn) {
      return fn;
    }
    static snapshot() {
      return (fn, ...args) => fn(...args);
    }
    getStore() {
      return this.#enabled ? this.#store : undefined;
    }
    run(store, callback, ...args) {
      const [previous, wasEnabled] = [this.#store, this.#enabled];
      this.#store = store;
      this.#enabled = true;
      try {
        return callback(...args);
      } finally {
        this.#store = previous;
        this.#enabled = wasEnabled;
      }
    }
    exit(callback, ...args) {
      const wasEnabled = this.#enabled;
      this.#enabled = false;
      try {
        return callback(...args);
      } finally {
        this.#enabled = wasEnabled;
      }
    }
    enterWith(store) {
      this.#store = store;
      this.#enabled = true;
    }
    disable() {
      this.#enabled = false;
      this.#store = undefined;
    }
  }

  class AsyncResource {
    constructor(type) {
      if (typeof type !== 'string') throw codes.ERR_INVALID_ARG_TYPE('type', 'string', type);
      this.type = type;
    }
    static bind(fn, type, thisArg) {
      return new AsyncResource(type || 'bound-anonymous-fn').bind(fn, thisArg);
    }
    runInAsyncScope(fn, thisArg, ...args) {
      return Reflect.apply(fn, thisArg, args);
    }
    emitDestroy() {
      return this;
    }
    asyncId() {
      return 1;
    }
    triggerAsyncId() {
      return 0;
    }
    bind(fn, thisArg) {
      if (typeof fn !== 'function') throw codes.ERR_INVALID_ARG_TYPE('fn', 'Function', fn);
      return thisArg === undefined ? fn : fn.bind(thisArg);
    }
  }

  const hook = {
    enable() {
      return this;
    },
    disable() {
      return this;
    },
  };

  module.exports = {
    AsyncLocalStorage,
    AsyncResource,
    createHook: () => hook,
    executionAsyncId: () => 1,
    triggerAsyncId: () => 0,
    executionAsyncResource: () => ({}),
    asyncWrapProviders: {},
  };
})
