// The event loop's JavaScript: `setTimeout`, `setInterval`, `setImmediate` and their
// `clear*`, `queueMicrotask` and `process.nextTick`, installed as globals. The loop itself
// is driven from Rust (`run.rs`), which asks `next()` for the next callback to run, runs
// the microtasks after each one, and waits through the host when nothing is ready.
//
// Order, as in Node: `process.nextTick` callbacks run before promise jobs; each loop turn
// runs the immediates queued before it, then the timers due (by due time, then in the
// order they were set). Node leaves `setTimeout(f, 0)` against `setImmediate(g)` at the
// top level open; here the immediate always runs first. Delays are whole milliseconds of
// at least 1, as in Node; `unref()`ed timers do not keep the loop alive.
(function (natives, limits) {
  'use strict';
  const global = globalThis;
  const { now, usable, signal } = natives;
  const MAX_PENDING = limits.maxPendingTimers;

  let sequence = 0;
  const timers = new Map(); // id -> Timeout, while pending
  const due = []; // binary heap of schedule entries { timer, at, seq } by (at, seq)
  const immediates = []; // Immediates in order, while pending
  const ticks = [];
  const uncaught = [];
  let batch = null; // the timers due in this turn's timers phase
  let checks = null; // the immediates of this turn's check phase

  function before(a, b) {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }
  function push(timer) {
    due.push(timer);
    let i = due.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(due[i], due[parent])) break;
      [due[i], due[parent]] = [due[parent], due[i]];
      i = parent;
    }
  }
  function pop() {
    const top = due[0];
    const last = due.pop();
    if (due.length > 0) {
      due[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < due.length && before(due[l], due[m])) m = l;
        if (r < due.length && before(due[r], due[m])) m = r;
        if (m === i) break;
        [due[i], due[m]] = [due[m], due[i]];
        i = m;
      }
    }
    return top;
  }
  // Cleared and rescheduled timers leave stale entries behind; they are skipped.
  function live(entry) {
    const timer = entry.timer;
    return timers.get(timer.id) === timer && timer.entry === entry;
  }
  function first() {
    while (due.length > 0 && !live(due[0])) pop();
    return due[0];
  }

  // Node's error for a callback that is not a function.
  function requireFunction(callback) {
    if (typeof callback !== 'function') {
      const error = new TypeError('The "callback" argument must be of type function. Received ' + typeof callback);
      error.code = 'ERR_INVALID_ARG_TYPE';
      throw error;
    }
  }
  // Whether a timer may be scheduled. While the Action is compiled its top level (and
  // what its packages do as they load) runs only to list the handlers, and runs again at
  // each execution, where its timers run: a timer set then is made and never runs.
  function check(name, callback) {
    requireFunction(callback);
    if (!usable()) return false;
    if (timers.size + immediates.length >= MAX_PENDING) {
      throw new RangeError(name + ': at most ' + MAX_PENDING + ' timers and immediates may be pending');
    }
    return true;
  }
  function delay(ms) {
    const n = Number(ms);
    return n >= 1 && n <= 2147483647 ? Math.trunc(n) : 1;
  }

  // What timers and immediates share: an id, the callback, and whether they keep the
  // loop alive.
  class Handle {
    constructor(callback, args) {
      this.id = ++sequence;
      this.callback = callback;
      this.args = args;
      this.keepsAlive = true;
    }
    ref() {
      this.keepsAlive = true;
      return this;
    }
    unref() {
      this.keepsAlive = false;
      return this;
    }
    hasRef() {
      return this.keepsAlive;
    }
  }

  class Timeout extends Handle {
    constructor(callback, ms, args, repeat, live) {
      super(callback, args);
      this.delay = delay(ms);
      this.repeat = repeat;
      if (live) this.schedule(now());
    }
    schedule(from) {
      this.entry = { timer: this, at: from + this.delay, seq: ++sequence };
      timers.set(this.id, this);
      push(this.entry);
    }
    refresh() {
      if (timers.get(this.id) === this) this.schedule(now());
      return this;
    }
    close() {
      timers.delete(this.id);
      return this;
    }
    [Symbol.toPrimitive]() {
      return this.id;
    }
  }

  class Immediate extends Handle {
    constructor(callback, args) {
      super(callback, args);
      this.cleared = false;
    }
  }

  function clearTimer(timer) {
    if (timer instanceof Timeout) {
      timers.delete(timer.id);
    } else if (typeof timer === 'number' || typeof timer === 'string') {
      timers.delete(Number(timer));
    }
  }
  function clearImmediate(immediate) {
    if (immediate instanceof Immediate) immediate.cleared = true;
  }

  const install = {
    setTimeout(callback, ms, ...args) {
      return new Timeout(callback, ms, args, false, check('setTimeout', callback));
    },
    setInterval(callback, ms, ...args) {
      return new Timeout(callback, ms, args, true, check('setInterval', callback));
    },
    setImmediate(callback, ...args) {
      const live = check('setImmediate', callback);
      const immediate = new Immediate(callback, args);
      if (live) immediates.push(immediate);
      return immediate;
    },
    clearTimeout: clearTimer,
    clearInterval: clearTimer,
    clearImmediate,
    queueMicrotask(callback) {
      requireFunction(callback);
      // A throw in a microtask is an uncaught exception, as in Node: the run fails with it.
      Promise.resolve().then(() => {
        try {
          callback();
        } catch (error) {
          uncaught.push(error);
          signal();
        }
      });
    },
  };
  for (const name of Object.keys(install)) {
    Object.defineProperty(global, name, { value: install[name], writable: true, configurable: true, enumerable: false });
  }
  const process = global.process || {};
  process.nextTick = function nextTick(callback, ...args) {
    requireFunction(callback);
    ticks.push({ callback, args });
    signal();
  };
  Object.defineProperty(global, 'process', { value: process, writable: true, configurable: true, enumerable: false });

  function call(callback, args) {
    return () => Reflect.apply(callback, global, args);
  }

  // What `run.rs` drives.
  // `signal()` tells it, without a call, that `runTicks` has work.
  return {
    // Throws the first error a microtask threw, if any; else runs the queued `nextTick`
    // callbacks, and those they queue. Whether any is still waiting.
    runTicks() {
      if (uncaught.length > 0) throw uncaught.shift();
      while (ticks.length > 0) {
        const { callback, args } = ticks.shift();
        Reflect.apply(callback, global, args);
      }
      return false;
    },
    // The next callback to run now; or how many milliseconds until a timer is due; or -1
    // when no timer is pending, or none keeps the loop alive and nothing else does
    // (`external`: a request is in flight, and unref()ed timers still fire meanwhile).
    next(external) {
      for (;;) {
        if (checks !== null) {
          while (checks.length > 0) {
            const immediate = checks.shift();
            if (!immediate.cleared) return call(immediate.callback, immediate.args);
          }
          checks = null;
          batch = [];
          const at = now();
          for (let entry = first(); entry !== undefined && entry.at <= at; entry = first()) {
            batch.push(pop());
          }
        }
        if (batch !== null) {
          while (batch.length > 0) {
            const entry = batch.shift();
            if (!live(entry)) continue;
            const timer = entry.timer;
            if (timer.repeat) {
              timer.schedule(entry.at);
            } else {
              timers.delete(timer.id);
            }
            return call(timer.callback, timer.args);
          }
          batch = null;
        }
        // A new turn: the immediates queued so far, then the timers due by then.
        while (immediates.length > 0 && immediates[0].cleared) immediates.shift();
        const entry = first();
        if (immediates.length > 0 || (entry !== undefined && entry.at <= now())) {
          checks = immediates.splice(0, immediates.length);
          continue;
        }
        let alive = false;
        for (const pending of timers.values()) {
          if (pending.keepsAlive) {
            alive = true;
            break;
          }
        }
        if (entry === undefined || (!alive && !external)) return -1;
        return Math.max(0, entry.at - now());
      }
    },
    // Timers and immediates still pending (reported when the handler has settled).
    pending() {
      return timers.size + immediates.filter((immediate) => !immediate.cleared).length;
    },
  };
})
