// Node's `timers` and `timers/promises` modules: the event loop's globals (`timers.js` of
// the guest keeps the queues), and their promise forms with `AbortSignal` support.
(function (module, require) {
  'use strict';
  const { codes, nodeError } = require('internal/errors');
  const g = globalThis;

  function abortError(signal) {
    const error = new Error('The operation was aborted', { cause: signal && signal.reason });
    error.name = 'AbortError';
    error.code = 'ABORT_ERR';
    return error;
  }
  function checkOptions(options) {
    if (options === undefined) return {};
    if (options === null || typeof options !== 'object') throw codes.ERR_INVALID_ARG_TYPE('options', 'Object', options);
    const { signal, ref } = options;
    if (signal !== undefined && (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
      throw codes.ERR_INVALID_ARG_TYPE('options.signal', 'AbortSignal', signal);
    }
    if (ref !== undefined && typeof ref !== 'boolean') throw codes.ERR_INVALID_ARG_TYPE('options.ref', 'boolean', ref);
    return options;
  }

  // A promise settled by `start(resolve)`, which returns what `stop` cancels; rejected
  // with an `AbortError` when the signal aborts first.
  function cancellable(options, start, stop) {
    const { signal, ref } = checkOptions(options);
    if (signal && signal.aborted) return Promise.reject(abortError(signal));
    return new Promise((resolve, reject) => {
      let onAbort = null;
      const handle = start((value) => {
        if (onAbort !== null) signal.removeEventListener('abort', onAbort);
        resolve(value);
      });
      if (ref === false && handle && typeof handle.unref === 'function') handle.unref();
      if (signal) {
        onAbort = () => {
          stop(handle);
          reject(abortError(signal));
        };
        signal.addEventListener('abort', onAbort, { once: true });
      }
    });
  }

  const promises = {
    setTimeout(delay, value, options) {
      return cancellable(options, (done) => g.setTimeout(() => done(value), delay), g.clearTimeout);
    },
    setImmediate(value, options) {
      return cancellable(options, (done) => g.setImmediate(() => done(value)), g.clearImmediate);
    },
    setInterval(delay, value, options) {
      const { signal } = checkOptions(options);
      let ticks = 0;
      let wake = null;
      let timer = null;
      const ensure = () => {
        if (timer !== null) return;
        timer = g.setInterval(() => {
          ticks++;
          if (wake !== null) {
            const w = wake;
            wake = null;
            w();
          }
        }, delay);
      };
      return {
        [Symbol.asyncIterator]() {
          return this;
        },
        async next() {
          if (signal && signal.aborted) throw abortError(signal);
          ensure();
          if (ticks === 0) await new Promise((resolve) => (wake = resolve));
          if (signal && signal.aborted) throw abortError(signal);
          ticks--;
          return { value, done: false };
        },
        async return() {
          if (timer !== null) g.clearInterval(timer);
          return { value: undefined, done: true };
        },
      };
    },
    scheduler: {
      wait(delay, options) {
        return promises.setTimeout(delay, undefined, options);
      },
      yield() {
        return promises.setImmediate();
      },
    },
  };

  module.exports = {
    setTimeout: g.setTimeout,
    clearTimeout: g.clearTimeout,
    setInterval: g.setInterval,
    clearInterval: g.clearInterval,
    setImmediate: g.setImmediate,
    clearImmediate: g.clearImmediate,
    promises,
    active() {},
    unenroll() {},
    enroll() {
      throw nodeError(Error, 'ERR_ACTIONBOX_UNAVAILABLE', 'timers.enroll is not available in actionbox');
    },
  };
})
