// The built-ins whose output is the locale's, made Node's at pre-initialization.
// `Date.prototype.toString` and `toTimeString` gain Node's zone name here (actionbox's time
// zone is UTC). The locale methods (`toLocaleString` of dates, numbers, bigints, arrays
// and typed arrays, `toLocaleDateString`, `toLocaleTimeString`, `localeCompare`) are
// stand-ins that go to `internal/locale` on their first call: it answers the calls
// Actions make most (a date's, a time's or an integer's default `en-US` form) by itself,
// and loads `internal/intl` for the others, which puts the real methods in their place.
// An execution that never formats for a locale loads neither.
(function (load) {
  'use strict';
  const define = (target, name, length, method) => {
    Object.defineProperty(method, 'name', { value: name, configurable: true });
    Object.defineProperty(method, 'length', { value: length, configurable: true });
    Object.defineProperty(target, name, { value: method, writable: true, configurable: true, enumerable: false });
  };

  const DateProto = Date.prototype;
  const getTimezoneOffset = DateProto.getTimezoneOffset;
  for (const name of ['toString', 'toTimeString']) {
    const original = DateProto[name];
    define(DateProto, name, 0, function () {
      const text = original.call(this);
      return text !== 'Invalid Date' && getTimezoneOffset.call(this) === 0 ? text + ' (Coordinated Universal Time)' : text;
    });
  }

  const TypedArrayProto = Object.getPrototypeOf(Uint8Array.prototype);
  const standIns = [
    [DateProto, 'toLocaleString', 0],
    [DateProto, 'toLocaleDateString', 0],
    [DateProto, 'toLocaleTimeString', 0],
    [Number.prototype, 'toLocaleString', 0],
    [BigInt.prototype, 'toLocaleString', 0],
    [String.prototype, 'localeCompare', 1],
    [Array.prototype, 'toLocaleString', 0],
    [TypedArrayProto, 'toLocaleString', 0],
  ];
  for (const [target, name, length] of standIns) {
    define(target, name, length, function (...args) {
      return load('internal/locale').apply(target, name, this, args);
    });
  }
})
