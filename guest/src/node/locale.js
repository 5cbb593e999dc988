// The built-ins whose output is the locale's, made Node's at pre-initialization.
// `Date.prototype.toString` and `toTimeString` gain Node's zone name here (actionbox's time
// zone is UTC). The locale methods (`toLocaleString` of dates, numbers, bigints, arrays
// and typed arrays, `toLocaleDateString`, `toLocaleTimeString`, `localeCompare`) are
// stand-ins that load `internal/intl` on their first call, which puts the real ones in
// their place: an execution that never formats for a locale does not load it. The calls
// Actions make most, a date's or a time's default `en-US` form and an integer's, are
// answered here, without loading it.
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

  // The default `en-US` forms, in UTC: `2/29/2024`, `1:05:09 PM`; `undefined` where the
  // stand-in should defer to `internal/intl` (another locale, options, a year before 1 or
  // after 9999, a receiver that is not a date).
  const getTime = DateProto.getTime;
  const plainLocale = (locales) => locales === undefined || locales === 'en-US' || locales === 'en';
  const two = (n) => (n < 10 ? '0' + n : '' + n);
  function dateOf(self, locales, options) {
    if (options !== undefined || !plainLocale(locales)) return undefined;
    let time;
    try {
      time = getTime.call(self);
    } catch {
      return undefined;
    }
    if (time !== time) return null;
    const year = self.getUTCFullYear();
    return year >= 1 && year <= 9999 ? self : undefined;
  }
  const datePart = (d) => d.getUTCMonth() + 1 + '/' + d.getUTCDate() + '/' + d.getUTCFullYear();
  const timePart = (d) => {
    const hours = d.getUTCHours();
    return (hours % 12 || 12) + ':' + two(d.getUTCMinutes()) + ':' + two(d.getUTCSeconds()) + (hours < 12 ? ' AM' : ' PM');
  };
  const fast = {
    toLocaleDateString(date) {
      return datePart(date);
    },
    toLocaleTimeString(date) {
      return timePart(date);
    },
    toLocaleString(date) {
      return datePart(date) + ', ' + timePart(date);
    },
  };
  const numberValue = Number.prototype.valueOf;
  // An integer's default `en-US` form: digits grouped by three.
  function integerText(self, locales, options) {
    if (options !== undefined || !plainLocale(locales)) return undefined;
    let n;
    try {
      n = numberValue.call(self);
    } catch {
      return undefined;
    }
    if (!Number.isSafeInteger(n) || (n === 0 && 1 / n < 0)) return undefined;
    const digits = String(Math.abs(n));
    let out = '';
    for (let end = digits.length; end > 0; end -= 3) {
      out = digits.slice(Math.max(0, end - 3), end) + (out === '' ? '' : ',' + out);
    }
    return n < 0 ? '-' + out : out;
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
    const quick =
      target === DateProto
        ? function (locales, options) {
            const date = dateOf(this, locales, options);
            return date === undefined ? undefined : date === null ? 'Invalid Date' : fast[name](date);
          }
        : target === Number.prototype
          ? function (locales, options) {
              return integerText(this, locales, options);
            }
          : () => undefined;
    define(target, name, length, function (...args) {
      const text = quick.apply(this, args);
      if (text !== undefined) return text;
      load('internal/intl').install();
      return Reflect.apply(target[name], this, args);
    });
  }
})
