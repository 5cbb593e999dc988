// Node's `perf_hooks` module and the `performance` global: `now()` on the run's
// monotonic clock (the same the timers use), `timeOrigin`, marks and measures kept for
// the run; the observers and event-loop monitors exist and observe nothing.
(function (module, require, natives) {
  'use strict';
  const { codes } = require('internal/errors');
  const entries = [];

  class PerformanceEntry {
    constructor(name, entryType, startTime, duration, detail) {
      this.name = name;
      this.entryType = entryType;
      this.startTime = startTime;
      this.duration = duration;
      this.detail = detail === undefined ? null : detail;
    }
    toJSON() {
      return { name: this.name, entryType: this.entryType, startTime: this.startTime, duration: this.duration, detail: this.detail };
    }
  }
  class PerformanceMark extends PerformanceEntry {}
  class PerformanceMeasure extends PerformanceEntry {}

  let origin = null;
  const performance = {
    now: () => natives.now(),
    get timeOrigin() {
      if (origin === null) origin = Date.now() - natives.now();
      return origin;
    },
    mark(name, options = {}) {
      const startTime = options.startTime !== undefined ? options.startTime : natives.now();
      const mark = new PerformanceMark(String(name), 'mark', startTime, 0, options.detail);
      entries.push(mark);
      return mark;
    },
    measure(name, start, end) {
      const at = (which, fallback) => {
        if (which === undefined) return fallback;
        if (typeof which === 'number') return which;
        const found = entries.findLast((entry) => entry.name === which);
        if (found === undefined) {
          throw require('internal/errors').nodeError(SyntaxError, 'ERR_INVALID_PERFORMANCE_MARK', 'The "' + which + '" performance mark has not been set');
        }
        return found.startTime;
      };
      let options = {};
      if (start !== null && typeof start === 'object') {
        options = start;
        start = options.start;
        end = options.end;
      }
      const from = at(start, 0);
      const to = at(end, natives.now());
      const measure = new PerformanceMeasure(String(name), 'measure', from, options.duration !== undefined ? options.duration : to - from, options.detail);
      entries.push(measure);
      return measure;
    },
    clearMarks(name) {
      remove('mark', name);
    },
    clearMeasures(name) {
      remove('measure', name);
    },
    getEntries: () => entries.slice(),
    getEntriesByName: (name, type) => entries.filter((e) => e.name === name && (type === undefined || e.entryType === type)),
    getEntriesByType: (type) => entries.filter((e) => e.entryType === type),
    eventLoopUtilization: () => ({ idle: 0, active: 0, utilization: 0 }),
    timerify(fn) {
      if (typeof fn !== 'function') throw codes.ERR_INVALID_ARG_TYPE('fn', 'Function', fn);
      return fn;
    },
    toJSON() {
      return { nodeTiming: {}, timeOrigin: this.timeOrigin, eventLoopUtilization: this.eventLoopUtilization() };
    },
    get [Symbol.toStringTag]() {
      return 'Performance';
    },
  };
  function remove(type, name) {
    for (let i = entries.length - 1; i >= 0; i--) {
      if (entries[i].entryType === type && (name === undefined || entries[i].name === name)) entries.splice(i, 1);
    }
  }

  class PerformanceObserver {
    constructor(callback) {
      if (typeof callback !== 'function') throw codes.ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
    }
    observe() {}
    disconnect() {}
    takeRecords() {
      return [];
    }
    static get supportedEntryTypes() {
      return ['mark', 'measure'];
    }
  }

  function monitorEventLoopDelay() {
    return {
      enable: () => true, disable: () => true, reset() {}, percentile: () => 0,
      min: 0, max: 0, mean: 0, stddev: 0, percentiles: new Map(), exceeds: 0,
    };
  }
  function createHistogram() {
    return monitorEventLoopDelay();
  }

  module.exports = {
    performance,
    PerformanceEntry,
    PerformanceMark,
    PerformanceMeasure,
    PerformanceObserver,
    monitorEventLoopDelay,
    createHistogram,
    constants: { NODE_PERFORMANCE_GC_MAJOR: 4, NODE_PERFORMANCE_GC_MINOR: 1, NODE_PERFORMANCE_GC_INCREMENTAL: 8, NODE_PERFORMANCE_GC_WEAKCB: 16 },
  };
})
