// Node's `punycode` (its bundled copy reports version 2.1.0): RFC 3492's Punycode
// (`encode`, `decode`), IDNA's label mapping (`toASCII`, `toUnicode`, leaving the local
// part of an email address alone), and UCS-2 helpers (`ucs2.decode` to code points,
// `ucs2.encode` back), with the same RangeErrors. No deprecation warning: Node 20 gives
// one only under `--pending-deprecation`.
(function (module) {
  'use strict';

  // RFC 3492's parameters
  const BASE = 36;
  const T_MIN = 1;
  const T_MAX = 26;
  const SKEW = 38;
  const DAMP = 700;
  const INITIAL_BIAS = 72;
  const INITIAL_N = 0x80;
  const MAX_INT = 0x7fffffff;

  const fail = (message) => {
    throw new RangeError(message);
  };
  const OVERFLOW = 'Overflow: input needs wider integers to process';
  const NOT_BASIC = 'Illegal input >= 0x80 (not a basic code point)';
  const INVALID = 'Invalid input';

  // The value of a Punycode digit character, or BASE when it is not one.
  function digitValue(code) {
    if (code >= 0x61 && code <= 0x7a) return code - 0x61; // a-z
    if (code >= 0x41 && code <= 0x5a) return code - 0x41; // A-Z
    if (code >= 0x30 && code <= 0x39) return code - 0x30 + 26; // 0-9
    return BASE;
  }

  // The lowercase digit character for a value below BASE.
  const digitChar = (value) => String.fromCharCode(value < 26 ? 0x61 + value : 0x30 + value - 26);

  // The bias after a delta, RFC 3492 section 6.1.
  function adapt(delta, points, first) {
    delta = first ? Math.floor(delta / DAMP) : delta >> 1;
    delta += Math.floor(delta / points);
    let k = 0;
    const threshold = ((BASE - T_MIN) * T_MAX) >> 1;
    while (delta > threshold) {
      delta = Math.floor(delta / (BASE - T_MIN));
      k += BASE;
    }
    return Math.floor(k + ((BASE - T_MIN + 1) * delta) / (delta + SKEW));
  }

  const threshold = (k, bias) => (k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias);

  // A string from code points, failing as `String.fromCodePoint` fails in V8.
  function fromCodePoints(points) {
    const list = [...points];
    let out = '';
    for (let i = 0; i < list.length; i++) {
      const point = Number(list[i]);
      if (!Number.isInteger(point) || point < 0 || point > 0x10ffff) fail('Invalid code point ' + String(point));
      out += String.fromCodePoint(point);
    }
    return out;
  }

  // Code points of a string: paired surrogates join, lone ones stay as they are.
  function ucs2decode(string) {
    const points = [];
    const length = string.length;
    for (let i = 0; i < length; i++) {
      const unit = string.charCodeAt(i);
      if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < length) {
        const next = string.charCodeAt(i + 1);
        if ((next & 0xfc00) === 0xdc00) {
          points.push(((unit - 0xd800) << 10) + (next - 0xdc00) + 0x10000);
          i++;
          continue;
        }
      }
      points.push(unit);
    }
    return points;
  }

  const ucs2encode = (codePoints) => fromCodePoints(codePoints);

  function decode(input) {
    const length = input.length;
    // the basic code points are the ones before the last delimiter
    let basic = input.lastIndexOf('-');
    if (basic < 0) basic = 0;
    const output = [];
    for (let j = 0; j < basic; j++) {
      const code = input.charCodeAt(j);
      if (code >= 0x80) fail(NOT_BASIC);
      output.push(code);
    }
    let n = INITIAL_N;
    let bias = INITIAL_BIAS;
    let i = 0;
    let at = basic > 0 ? basic + 1 : 0;
    while (at < length) {
      // one generalized variable-length integer, added to `i`
      const before = i;
      let weight = 1;
      for (let k = BASE; ; k += BASE) {
        if (at >= length) fail(INVALID);
        const digit = digitValue(input.charCodeAt(at++));
        if (digit >= BASE) fail(INVALID);
        if (digit > Math.floor((MAX_INT - i) / weight)) fail(OVERFLOW);
        i += digit * weight;
        const t = threshold(k, bias);
        if (digit < t) break;
        if (weight > Math.floor(MAX_INT / (BASE - t))) fail(OVERFLOW);
        weight *= BASE - t;
      }
      const count = output.length + 1;
      bias = adapt(i - before, count, before === 0);
      if (Math.floor(i / count) > MAX_INT - n) fail(OVERFLOW);
      n += Math.floor(i / count);
      i %= count;
      output.splice(i, 0, n);
      i++;
    }
    return fromCodePoints(output);
  }

  function encode(input) {
    const points = ucs2decode(input);
    const total = points.length;
    let out = '';
    for (let j = 0; j < total; j++) {
      if (points[j] < 0x80) out += String.fromCharCode(points[j]);
    }
    const basicCount = out.length;
    let handled = basicCount;
    if (basicCount > 0) out += '-';
    let n = INITIAL_N;
    let delta = 0;
    let bias = INITIAL_BIAS;
    while (handled < total) {
      // the smallest code point not handled yet
      let next = MAX_INT;
      for (let j = 0; j < total; j++) {
        if (points[j] >= n && points[j] < next) next = points[j];
      }
      if (next - n > Math.floor((MAX_INT - delta) / (handled + 1))) fail(OVERFLOW);
      delta += (next - n) * (handled + 1);
      n = next;
      for (let j = 0; j < total; j++) {
        const point = points[j];
        if (point < n) {
          delta++;
          if (delta > MAX_INT) fail(OVERFLOW);
        }
        if (point !== n) continue;
        // `delta` as a generalized variable-length integer
        let q = delta;
        for (let k = BASE; ; k += BASE) {
          const t = threshold(k, bias);
          if (q < t) break;
          out += digitChar(t + ((q - t) % (BASE - t)));
          q = Math.floor((q - t) / (BASE - t));
        }
        out += digitChar(q);
        bias = adapt(delta, handled + 1, handled === basicCount);
        delta = 0;
        handled++;
      }
      delta++;
      n++;
    }
    return out;
  }

  const SEPARATORS = /[\x2E\u3002\uFF0E\uFF61]/g;
  const NON_ASCII = /[^\0-\x7F]/;

  // Applies `convert` to each label of a domain name, after the `@` of an email address.
  function eachLabel(domain, convert) {
    const parts = domain.split('@');
    let prefix = '';
    if (parts.length > 1) {
      prefix = parts[0] + '@';
      domain = parts[1];
    }
    const labels = domain.replace(SEPARATORS, '.').split('.');
    for (let i = labels.length - 1; i >= 0; i--) labels[i] = convert(labels[i]);
    return prefix + labels.join('.');
  }

  const toUnicode = (input) =>
    eachLabel(input, (label) => (label.startsWith('xn--') ? decode(label.slice(4).toLowerCase()) : label));

  const toASCII = (input) => eachLabel(input, (label) => (NON_ASCII.test(label) ? 'xn--' + encode(label) : label));

  module.exports = {
    version: '2.1.0',
    ucs2: { decode: ucs2decode, encode: ucs2encode },
    decode,
    encode,
    toASCII,
    toUnicode,
  };
})
