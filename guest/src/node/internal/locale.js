// The locale methods' first calls (`node/locale.js` stands in for them): the default
// `en-US` form of a date (`2/29/2024`), a time (`1:05:09 PM`), both, or an integer
// (`1,234,567`), in UTC, made here; anything else (another locale, options, a year before 1
// or after 9999, a receiver of another type) loads `internal/intl`, which installs the
// real methods, and is answered by them.
(function (module, require) {
  'use strict';
  const DateProto = Date.prototype;
  const getTime = DateProto.getTime;
  const numberValue = Number.prototype.valueOf;
  const plainLocale = (locales) => locales === undefined || locales === 'en-US' || locales === 'en';
  const two = (n) => (n < 10 ? '0' + n : '' + n);
  const datePart = (d) => d.getUTCMonth() + 1 + '/' + d.getUTCDate() + '/' + d.getUTCFullYear();
  const timePart = (d) => {
    const hours = d.getUTCHours();
    return (hours % 12 || 12) + ':' + two(d.getUTCMinutes()) + ':' + two(d.getUTCSeconds()) + (hours < 12 ? ' AM' : ' PM');
  };
  const DATE_FORMS = {
    toLocaleDateString: datePart,
    toLocaleTimeString: timePart,
    toLocaleString: (d) => datePart(d) + ', ' + timePart(d),
  };

  // The default form of a date, or `undefined` to defer.
  function dateText(name, self, locales, options) {
    if (options !== undefined || !plainLocale(locales)) return undefined;
    let time;
    try {
      time = getTime.call(self);
    } catch {
      return undefined;
    }
    if (time !== time) return 'Invalid Date';
    const year = self.getUTCFullYear();
    return year >= 1 && year <= 9999 ? DATE_FORMS[name](self) : undefined;
  }

  // An integer's default form, digits grouped by three, or `undefined` to defer.
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

  function apply(target, name, self, args) {
    let text;
    if (target === DateProto) text = dateText(name, self, args[0], args[1]);
    else if (target === Number.prototype) text = integerText(self, args[0], args[1]);
    if (text !== undefined) return text;
    require('internal/intl').install();
    return Reflect.apply(target[name], self, args);
  }

  module.exports = { apply };
})
