// `Intl` for the guest (QuickJS has none): DateTimeFormat, NumberFormat, Collator,
// PluralRules, RelativeTimeFormat, ListFormat, getCanonicalLocales and supportedValuesOf,
// in English only, printing what Node 20 (ICU's en data) prints; and `install()`, which
// makes Date's, Number's, BigInt's and Array's locale methods go through them as Node's
// do, and gives Date's toString the ` (Coordinated Universal Time)` Node prints.
// Known differences from Node (by design, there is no locale data here):
// - locales: `en-US` and `en` are formatted exactly; any other well-formed tag is
//   accepted and formatted as `en-US`, and `resolvedOptions().locale` says `en-US`.
// - time zones: `UTC` (and its aliases `Etc/UTC`, `GMT`, `Etc/GMT`, ...), the fixed
//   `Etc/GMT+N` zones and offsets `+hh:mm` / `-hh:mm` (as Node 22 accepts them); any
//   other IANA name throws `RangeError: Invalid time zone specified: <name>`.
// - calendars other than gregory and numbering systems other than latn are ignored.
// - Collator compares by code points after the options' folding, not by the UCA.
(function (module, require, natives) {
  'use strict';

  const ObjectDefineProperty = Object.defineProperty;
  const hasOwn = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
  const MathAbs = Math.abs;
  const MathFloor = Math.floor;

  // ---------------------------------------------------------------------------------
  // Locales

  const LANGUAGE = /^(?:[a-z]{2,3}|[a-z]{5,8})$/i;
  const SCRIPT = /^[a-z]{4}$/i;
  const REGION = /^(?:[a-z]{2}|[0-9]{3})$/i;
  const VARIANT = /^(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3})$/i;
  const ALNUM = /^[a-z0-9]+$/i;

  // The canonical form of one BCP 47 tag, or null when it is not well formed.
  function canonicalTag(tag) {
    if (tag.length === 0 || !/^[A-Za-z0-9-]+$/.test(tag)) return null;
    const parts = tag.toLowerCase().split('-');
    let i = 0;
    if (!LANGUAGE.test(parts[0])) return null;
    const out = [parts[i++]];
    if (i < parts.length && SCRIPT.test(parts[i])) {
      const s = parts[i++];
      out.push(s[0].toUpperCase() + s.slice(1));
    }
    if (i < parts.length && REGION.test(parts[i])) out.push(parts[i++].toUpperCase());
    const variants = new Set();
    while (i < parts.length && VARIANT.test(parts[i])) {
      if (variants.has(parts[i])) return null;
      variants.add(parts[i]);
      out.push(parts[i++]);
    }
    const singletons = new Set();
    while (i < parts.length) {
      const single = parts[i];
      if (single.length !== 1 || !ALNUM.test(single)) return null;
      if (single === 'x') {
        if (i + 1 >= parts.length) return null;
        for (let j = i + 1; j < parts.length; j++) if (parts[j].length > 8 || !ALNUM.test(parts[j])) return null;
        out.push(...parts.slice(i));
        return out.join('-');
      }
      if (singletons.has(single)) return null;
      singletons.add(single);
      i++;
      const start = i;
      while (i < parts.length && parts[i].length >= 2 && parts[i].length <= 8 && ALNUM.test(parts[i])) i++;
      if (i === start) return null;
      out.push(single, ...parts.slice(start, i));
    }
    return out.join('-');
  }

  function canonicalizeLocaleList(locales) {
    if (locales === undefined) return [];
    const seen = [];
    const list = typeof locales === 'string' ? [locales] : Object(locales);
    const length = typeof locales === 'string' ? 1 : toLength(list.length);
    for (let k = 0; k < length; k++) {
      if (!(k in list)) continue;
      const value = list[k];
      if (typeof value !== 'string' && (typeof value !== 'object' || value === null)) {
        throw new TypeError('Language ID should be string or object.');
      }
      const tag = canonicalTag(typeof value === 'string' ? value : String(value));
      if (tag === null) throw new RangeError('Incorrect locale information provided');
      if (!seen.includes(tag)) seen.push(tag);
    }
    return seen;
  }

  function toLength(value) {
    const n = Number(value);
    if (!(n > 0)) return 0;
    return Math.min(MathFloor(n), Number.MAX_SAFE_INTEGER);
  }

  // The locale we format for: the first requested one's `en` or `en-US`, else `en-US`
  // (see the top of the file), with the Unicode extension keys in `keys` that we honour.
  function resolveLocale(locales, keys) {
    const requested = canonicalizeLocaleList(locales);
    const result = { locale: 'en-US', extensions: {} };
    if (requested.length === 0) return result;
    const tag = requested[0];
    const parts = tag.split('-');
    const base = [];
    let i = 0;
    while (i < parts.length && parts[i].length !== 1) base.push(parts[i++]);
    const baseTag = base.join('-');
    if (baseTag === 'en' || baseTag === 'en-US') result.locale = baseTag;
    else return result;
    // -u- keywords
    for (; i < parts.length; i++) {
      if (parts[i] === 'x') break;
      if (parts[i] !== 'u') continue;
      let j = i + 1;
      while (j < parts.length && parts[j].length > 2) j++; // attributes
      while (j < parts.length && parts[j].length === 2) {
        const key = parts[j++];
        const values = [];
        while (j < parts.length && parts[j].length > 2) values.push(parts[j++]);
        const value = values.join('-') || 'true';
        if (keys.includes(key) && !(key in result.extensions)) result.extensions[key] = value;
      }
      break;
    }
    return result;
  }

  function localeWith(locale, extensions, order) {
    let ext = '';
    for (const key of order) if (extensions[key] !== undefined) ext += '-' + key + '-' + extensions[key];
    return ext ? locale + '-u' + ext : locale;
  }

  function supportedLocalesOf(locales, options) {
    const requested = canonicalizeLocaleList(locales);
    if (options !== undefined) {
      options = Object(options);
      getOption(options, 'localeMatcher', ['lookup', 'best fit'], undefined, 'Intl.supportedLocalesOf');
    }
    return requested.filter((tag) => /^en(-US)?(-|$)/.test(tag) && !/^en-[A-Za-z]{4}/.test(tag));
  }

  // ---------------------------------------------------------------------------------
  // Options

  function getOption(options, property, values, fallback, service) {
    let value = options[property];
    if (value === undefined) return fallback;
    value = String(value);
    if (values !== undefined && !values.includes(value)) {
      throw new RangeError('Value ' + value + ' out of range for ' + service + ' options property ' + property);
    }
    return value;
  }

  function getBooleanOption(options, property) {
    const value = options[property];
    return value === undefined ? undefined : Boolean(value);
  }

  function getNumberOption(options, property, min, max, fallback, message) {
    let value = options[property];
    if (value === undefined) return fallback;
    value = Number(value);
    if (Number.isNaN(value) || value < min || value > max) {
      throw new RangeError(message || property + ' value is out of range.');
    }
    return MathFloor(value);
  }

  function toOptionsObject(options) {
    if (options === undefined) return Object.create(null);
    if (options === null) throw new TypeError('Cannot convert undefined or null to object');
    return Object(options);
  }

  // Intl objects keep their state in a WeakMap keyed by the instance.
  const slots = new WeakMap();
  function slotOf(object, kind, method) {
    const slot = object !== null && typeof object === 'object' ? slots.get(object) : undefined;
    if (slot === undefined || slot.kind !== kind) {
      throw new TypeError('Method ' + method + ' called on incompatible receiver ' + describeReceiver(object));
    }
    return slot;
  }
  function describeReceiver(value) {
    if (value === null) return 'null';
    if (typeof value === 'object' || typeof value === 'function') {
      const ctor = value.constructor;
      return '#<' + (ctor && ctor.name ? ctor.name : 'Object') + '>';
    }
    if (typeof value === 'string') return value;
    return String(value);
  }

  function defineMethods(proto, methods) {
    for (const name of Object.keys(methods)) {
      ObjectDefineProperty(proto, name, { value: methods[name], writable: true, configurable: true, enumerable: false });
    }
  }
  function defineTag(proto, tag) {
    ObjectDefineProperty(proto, Symbol.toStringTag, { value: tag, configurable: true, writable: false, enumerable: false });
  }

  // ---------------------------------------------------------------------------------
  // Time zones

  const UTC_NAMES = ['UTC', 'ETC/UTC', 'GMT', 'ETC/GMT', 'UCT', 'ETC/UCT', 'UNIVERSAL', 'ETC/UNIVERSAL', 'ZULU', 'ETC/ZULU', 'GMT0', 'GMT+0', 'GMT-0'];
  const GMT_NAMES = ['ETC/GMT0', 'ETC/GMT+0', 'ETC/GMT-0', 'GREENWICH', 'ETC/GREENWICH'];

  // { id, offset (minutes east), kind: 'utc' | 'gmt' | 'offset' }
  function parseTimeZone(value) {
    if (value === undefined) return { id: 'UTC', offset: 0, kind: 'utc' };
    const name = String(value);
    const upper = name.toUpperCase();
    if (UTC_NAMES.includes(upper)) return { id: 'UTC', offset: 0, kind: 'utc' };
    if (GMT_NAMES.includes(upper)) return { id: 'UTC', offset: 0, kind: 'gmt' };
    let m = /^ETC\/GMT([+-])(\d{1,2})$/.exec(upper);
    if (m && !(m[2].length === 2 && m[2][0] === '0')) {
      const hours = Number(m[2]);
      if (hours <= (m[1] === '-' ? 14 : 12)) {
        return { id: 'Etc/GMT' + m[1] + hours, offset: (m[1] === '-' ? 60 : -60) * hours, kind: 'offset' };
      }
    }
    m = /^([+-])(\d{2})(?::?(\d{2}))?$/.exec(name);
    if (m) {
      const h = Number(m[2]);
      const min = m[3] === undefined ? 0 : Number(m[3]);
      if (h <= 23 && min <= 59) {
        const total = (m[1] === '-' ? -1 : 1) * (h * 60 + min);
        return { id: formatOffsetId(total), offset: total, kind: 'offset' };
      }
    }
    throw new RangeError('Invalid time zone specified: ' + name);
  }
  function formatOffsetId(total) {
    const a = MathAbs(total);
    return (total < 0 ? '-' : '+') + pad2(MathFloor(a / 60)) + ':' + pad2(a % 60);
  }
  function pad2(n) {
    return n < 10 ? '0' + n : String(n);
  }

  // ---------------------------------------------------------------------------------
  // Date patterns: ICU's DateTimePatternGenerator over CLDR's English data, as V8 asks it
  // (fields by skeleton, the nearest available format, field widths adjusted, missing
  // fields appended), so that every combination of options gets Node's pattern.

  const DT_NARROW = -0x101;
  const DT_SHORTER = -0x102;
  const DT_SHORT = -0x103;
  const DT_LONG = -0x104;
  const DT_NUMERIC = 0x100;
  const DT_DELTA = 0x10;
  const F_ERA = 0, F_YEAR = 1, F_QUARTER = 2, F_MONTH = 3, F_WEEK = 4, F_WEEKDAY = 6, F_DAY = 9, F_DAYPERIOD = 10, F_HOUR = 11, F_MINUTE = 12, F_SECOND = 13, F_FRACTION = 14, F_ZONE = 15;
  const FIELD_COUNT = 16;
  // [char, field, type, minLen]
  const DT_TYPES = [
    ['G', F_ERA, DT_SHORT, 1], ['G', F_ERA, DT_LONG, 4], ['G', F_ERA, DT_NARROW, 5],
    ['y', F_YEAR, DT_NUMERIC, 1], ['Y', F_YEAR, DT_NUMERIC + DT_DELTA, 1], ['u', F_YEAR, DT_NUMERIC + 2 * DT_DELTA, 1],
    ['r', F_YEAR, DT_NUMERIC + 3 * DT_DELTA, 1], ['U', F_YEAR, DT_SHORT, 1], ['U', F_YEAR, DT_LONG, 4], ['U', F_YEAR, DT_NARROW, 5],
    ['Q', F_QUARTER, DT_NUMERIC, 1], ['Q', F_QUARTER, DT_SHORT, 3], ['Q', F_QUARTER, DT_LONG, 4], ['Q', F_QUARTER, DT_NARROW, 5],
    ['q', F_QUARTER, DT_NUMERIC + DT_DELTA, 1], ['q', F_QUARTER, DT_SHORT - DT_DELTA, 3], ['q', F_QUARTER, DT_LONG - DT_DELTA, 4], ['q', F_QUARTER, DT_NARROW - DT_DELTA, 5],
    ['M', F_MONTH, DT_NUMERIC, 1], ['M', F_MONTH, DT_SHORT, 3], ['M', F_MONTH, DT_LONG, 4], ['M', F_MONTH, DT_NARROW, 5],
    ['L', F_MONTH, DT_NUMERIC + DT_DELTA, 1], ['L', F_MONTH, DT_SHORT - DT_DELTA, 3], ['L', F_MONTH, DT_LONG - DT_DELTA, 4], ['L', F_MONTH, DT_NARROW - DT_DELTA, 5],
    ['l', F_MONTH, DT_NUMERIC + DT_DELTA, 1],
    ['w', F_WEEK, DT_NUMERIC, 1],
    ['W', 5, DT_NUMERIC, 1],
    ['E', F_WEEKDAY, DT_SHORT, 1], ['E', F_WEEKDAY, DT_LONG, 4], ['E', F_WEEKDAY, DT_NARROW, 5], ['E', F_WEEKDAY, DT_SHORTER, 6],
    ['c', F_WEEKDAY, DT_NUMERIC + 2 * DT_DELTA, 1], ['c', F_WEEKDAY, DT_SHORT - 2 * DT_DELTA, 3], ['c', F_WEEKDAY, DT_LONG - 2 * DT_DELTA, 4],
    ['c', F_WEEKDAY, DT_NARROW - 2 * DT_DELTA, 5], ['c', F_WEEKDAY, DT_SHORTER - 2 * DT_DELTA, 6],
    ['e', F_WEEKDAY, DT_NUMERIC + DT_DELTA, 1], ['e', F_WEEKDAY, DT_SHORT - DT_DELTA, 3], ['e', F_WEEKDAY, DT_LONG - DT_DELTA, 4],
    ['e', F_WEEKDAY, DT_NARROW - DT_DELTA, 5], ['e', F_WEEKDAY, DT_SHORTER - DT_DELTA, 6],
    ['d', F_DAY, DT_NUMERIC, 1], ['g', F_DAY, DT_NUMERIC + DT_DELTA, 1],
    ['D', 7, DT_NUMERIC, 1],
    ['F', 8, DT_NUMERIC, 1],
    ['a', F_DAYPERIOD, DT_SHORT, 1], ['a', F_DAYPERIOD, DT_LONG, 4], ['a', F_DAYPERIOD, DT_NARROW, 5],
    ['b', F_DAYPERIOD, DT_SHORT - DT_DELTA, 1], ['b', F_DAYPERIOD, DT_LONG - DT_DELTA, 4], ['b', F_DAYPERIOD, DT_NARROW - DT_DELTA, 5],
    ['B', F_DAYPERIOD, DT_SHORT - 3 * DT_DELTA, 1], ['B', F_DAYPERIOD, DT_LONG - 3 * DT_DELTA, 4], ['B', F_DAYPERIOD, DT_NARROW - 3 * DT_DELTA, 5],
    ['H', F_HOUR, DT_NUMERIC + 10 * DT_DELTA, 1], ['k', F_HOUR, DT_NUMERIC + 11 * DT_DELTA, 1],
    ['h', F_HOUR, DT_NUMERIC, 1], ['K', F_HOUR, DT_NUMERIC + DT_DELTA, 1],
    ['m', F_MINUTE, DT_NUMERIC, 1],
    ['s', F_SECOND, DT_NUMERIC, 1], ['A', F_SECOND, DT_NUMERIC + DT_DELTA, 1],
    ['S', F_FRACTION, DT_NUMERIC, 1],
    ['v', F_ZONE, DT_SHORT - 2 * DT_DELTA, 1], ['v', F_ZONE, DT_LONG - 2 * DT_DELTA, 4],
    ['z', F_ZONE, DT_SHORT, 1], ['z', F_ZONE, DT_LONG, 4],
    ['Z', F_ZONE, DT_NARROW - DT_DELTA, 1], ['Z', F_ZONE, DT_LONG - DT_DELTA, 4], ['Z', F_ZONE, DT_SHORT - DT_DELTA, 5],
    ['O', F_ZONE, DT_SHORT - DT_DELTA, 1], ['O', F_ZONE, DT_LONG - DT_DELTA, 4],
    ['V', F_ZONE, DT_SHORT - DT_DELTA, 1], ['V', F_ZONE, DT_LONG - DT_DELTA, 2], ['V', F_ZONE, DT_LONG - 1 - DT_DELTA, 3], ['V', F_ZONE, DT_LONG - 2 - DT_DELTA, 4],
    ['X', F_ZONE, DT_NARROW - DT_DELTA, 1], ['X', F_ZONE, DT_SHORT - DT_DELTA, 2], ['X', F_ZONE, DT_LONG - DT_DELTA, 4],
    ['x', F_ZONE, DT_NARROW - DT_DELTA, 1], ['x', F_ZONE, DT_SHORT - DT_DELTA, 2], ['x', F_ZONE, DT_LONG - DT_DELTA, 4],
  ];
  const EXTRA_FIELD = 0x10000;
  const MISSING_FIELD = 0x1000;
  const FRACTIONAL_MASK = 1 << F_FRACTION;
  const SECOND_AND_FRACTIONAL_MASK = (1 << F_SECOND) | FRACTIONAL_MASK;

  // Row of DT_TYPES for a run of `length` letters `ch`, or -1.
  function canonicalIndex(ch, length) {
    let best = -1;
    for (let i = 0; i < DT_TYPES.length; i++) {
      if (DT_TYPES[i][0] !== ch) continue;
      best = i;
      if (i + 1 >= DT_TYPES.length || DT_TYPES[i + 1][0] !== ch) return i;
      if (DT_TYPES[i + 1][3] <= length) continue;
      return i;
    }
    return best;
  }

  // A pattern as ICU's FormatParser cuts it: runs of one ASCII letter, or single chars.
  function tokenize(pattern) {
    const items = [];
    let i = 0;
    while (i < pattern.length) {
      const c = pattern[i];
      let j = i + 1;
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) while (j < pattern.length && pattern[j] === c) j++;
      items.push(pattern.slice(i, j));
      i = j;
    }
    return items;
  }
  const isLetter = (c) => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  // Index just past the quoted literal starting at items[i] (a quote).
  function quoteEnd(items, i) {
    i++;
    while (i < items.length) {
      if (items[i] === "'") {
        if (i + 1 < items.length && items[i + 1] === "'") {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return i;
  }

  // A skeleton: per field, the requested char and length, the base char and length, and
  // the type used for distances.
  function makeSkeleton(pattern) {
    const sk = {
      chars: new Array(FIELD_COUNT).fill(''),
      lens: new Array(FIELD_COUNT).fill(0),
      baseChars: new Array(FIELD_COUNT).fill(''),
      baseLens: new Array(FIELD_COUNT).fill(0),
      type: new Array(FIELD_COUNT).fill(0),
      addedDayPeriod: false,
    };
    const items = tokenize(pattern);
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (item === "'") {
        i = quoteEnd(items, i) - 1;
        continue;
      }
      if (!isLetter(item[0])) continue;
      const index = canonicalIndex(item[0], item.length);
      if (index < 0) continue;
      const row = DT_TYPES[index];
      const field = row[1];
      sk.chars[field] = item[0];
      sk.lens[field] = item.length;
      sk.baseChars[field] = row[0];
      sk.baseLens[field] = row[3];
      sk.type[field] = row[2] > 0 ? row[2] + item.length : row[2];
    }
    if (sk.lens[F_MINUTE] && sk.lens[F_FRACTION] && !sk.lens[F_SECOND]) {
      sk.chars[F_SECOND] = 's';
      sk.lens[F_SECOND] = 1;
      sk.baseChars[F_SECOND] = 's';
      sk.baseLens[F_SECOND] = 1;
      sk.type[F_SECOND] = DT_NUMERIC + 1;
    }
    if (sk.lens[F_HOUR]) {
      const c = sk.chars[F_HOUR];
      if (c === 'h' || c === 'K') {
        if (!sk.lens[F_DAYPERIOD]) {
          sk.chars[F_DAYPERIOD] = 'a';
          sk.lens[F_DAYPERIOD] = 1;
          sk.baseChars[F_DAYPERIOD] = 'a';
          sk.baseLens[F_DAYPERIOD] = 1;
          sk.type[F_DAYPERIOD] = DT_SHORT;
          sk.addedDayPeriod = true;
        }
      } else {
        sk.chars[F_DAYPERIOD] = '';
        sk.lens[F_DAYPERIOD] = 0;
        sk.baseChars[F_DAYPERIOD] = '';
        sk.baseLens[F_DAYPERIOD] = 0;
        sk.type[F_DAYPERIOD] = 0;
      }
    }
    return sk;
  }
  const fieldsString = (chars, lens) => {
    let s = '';
    for (let i = 0; i < FIELD_COUNT; i++) s += chars[i].repeat(lens[i]);
    return s;
  };
  const originalOf = (sk) => fieldsString(sk.chars, sk.lens);
  const baseOf = (sk) => fieldsString(sk.baseChars, sk.baseLens);
  // The skeleton ICU's getSkeleton gives (without a day period it added itself).
  function skeletonString(sk) {
    let s = originalOf(sk);
    if (sk.addedDayPeriod) {
      const i = s.indexOf('a');
      if (i >= 0) s = s.slice(0, i) + s.slice(i + 1);
    }
    return s;
  }

  // CLDR's English (gregorian) data as ICU 78 loads it.
  const CANONICAL_ITEMS = ['G', 'y', 'Q', 'M', 'w', 'W', 'E', 'D', 'F', 'd', 'a', 'H', 'm', 's', 'S', 'v'];
  const STYLE_PATTERNS = ['h:mm:ss\u202fa zzzz', 'h:mm:ss\u202fa z', 'h:mm:ss\u202fa', 'h:mm\u202fa', 'EEEE, MMMM d, y', 'MMMM d, y', 'MMM d, y', 'M/d/yy'];
  const AVAILABLE_FORMATS = [
    ['Bh', 'h B'], ['Bhm', 'h:mm B'], ['Bhms', 'h:mm:ss B'], ['E', 'ccc'], ['EBhm', 'E h:mm B'], ['EBhms', 'E h:mm:ss B'],
    ['EHm', 'E HH:mm'], ['EHms', 'E HH:mm:ss'], ['Ed', 'd E'], ['Eh', 'E h\u202fa'], ['Ehm', 'E h:mm\u202fa'], ['Ehms', 'E h:mm:ss\u202fa'],
    ['Gy', 'y G'], ['GyM', 'M/y G'], ['GyMEd', 'E, M/d/y G'], ['GyMMM', 'MMM y G'], ['GyMMMEd', 'E, MMM d, y G'], ['GyMMMd', 'MMM d, y G'], ['GyMd', 'M/d/y G'],
    ['H', 'HH'], ['Hm', 'HH:mm'], ['Hms', 'HH:mm:ss'], ['Hmsv', 'HH:mm:ss v'], ['Hmv', 'HH:mm v'], ['Hv', "HH'h' v"],
    ['M', 'L'], ['MEd', 'E, M/d'], ['MMM', 'LLL'], ['MMMEd', 'E, MMM d'], ['MMMMW', "'week' W 'of' MMMM"], ['MMMMd', 'MMMM d'],
    ['MMMd', 'MMM d'], ['Md', 'M/d'], ['d', 'd'], ['h', 'h\u202fa'], ['hm', 'h:mm\u202fa'], ['hms', 'h:mm:ss\u202fa'], ['hmsv', 'h:mm:ss\u202fa v'],
    ['hmv', 'h:mm\u202fa v'], ['hv', 'h\u202fa v'], ['ms', 'mm:ss'], ['y', 'y'], ['yM', 'M/y'], ['yMEd', 'E, M/d/y'], ['yMMM', 'MMM y'],
    ['yMMMEd', 'E, MMM d, y'], ['yMMMM', 'MMMM y'], ['yMMMd', 'MMM d, y'], ['yMd', 'M/d/y'], ['yQQQ', 'QQQ y'],
    ['yQQQQ', 'QQQQ y'], ['yw', "'week' w 'of' Y"],
  ];
  // Date and time joined, by the date's length (full, long, medium, short).
  const DATE_TIME_GLUE = ["{1} 'at' {0}", "{1} 'at' {0}", '{1}, {0}', '{1}, {0}'];
  const APPEND_ITEMS = {
    [F_ERA]: ['{0} {1}', 'era'], [F_YEAR]: ['{0} {1}', 'year'], [F_QUARTER]: ['{0} ({2}: {1})', 'quarter'],
    [F_MONTH]: ['{0} ({2}: {1})', 'month'], [F_WEEK]: ['{0} ({2}: {1})', 'week'], [F_WEEKDAY]: ['{0} {1}', 'day of the week'],
    [F_DAY]: ['{0} ({2}: {1})', 'day'], [F_DAYPERIOD]: ['{0} \u251c{2}: {1}\u2524', 'AM/PM'], [F_HOUR]: ['{0} ({2}: {1})', 'hour'],
    [F_MINUTE]: ['{0} ({2}: {1})', 'minute'], [F_SECOND]: ['{0} ({2}: {1})', 'second'], [F_FRACTION]: ['{0} \u251c{2}: {1}\u2524', 'F14'],
    [F_ZONE]: ['{0} {1}', 'time zone'],
  };

  let patternMap = null; // [{ base, sk, pattern, specified }] in ICU's iteration order
  function buildPatternMap() {
    const buckets = new Map(); // first base char -> list
    const bucketOf = (c) => {
      let list = buckets.get(c);
      if (list === undefined) buckets.set(c, (list = []));
      return list;
    };
    const add = (pattern, skeletonToUse, override) => {
      const sk = makeSkeleton(skeletonToUse === null ? pattern : skeletonToUse);
      const base = baseOf(sk);
      const list = bucketOf(base[0]);
      const byBase = list.find((e) => e.base === base);
      if (byBase && (!byBase.specified || (skeletonToUse !== null && !override))) {
        if (!override) return;
      }
      const original = originalOf(sk);
      const bySkeleton = list.find((e) => originalOf(e.sk) === original);
      if (bySkeleton && (!override || (skeletonToUse !== null && bySkeleton.specified))) return;
      const same = list.find((e) => e.base === base && e.sk.type.every((t, i) => t === sk.type[i]));
      if (same) {
        same.pattern = pattern;
        same.specified = skeletonToUse !== null;
      } else {
        list.push({ base, sk, pattern, specified: skeletonToUse !== null });
      }
    };
    for (const c of CANONICAL_ITEMS) add(c, null, false);
    for (const p of STYLE_PATTERNS) add(p, null, false);
    for (const [skeleton, pattern] of AVAILABLE_FORMATS) add(pattern, skeleton, true);
    const order = [...buckets.keys()].sort((a, b) => {
      const ua = a >= 'A' && a <= 'Z';
      const ub = b >= 'A' && b <= 'Z';
      if (ua !== ub) return ua ? -1 : 1;
      return a < b ? -1 : a > b ? 1 : 0;
    });
    patternMap = [];
    for (const c of order) patternMap.push(...buckets.get(c));
  }

  function distance(request, includeMask, trial, info) {
    let result = 0;
    info.missing = 0;
    info.extra = 0;
    for (let i = 0; i < FIELD_COUNT; i++) {
      const mine = includeMask & (1 << i) ? request.type[i] : 0;
      const other = trial.type[i];
      if (mine === other) continue;
      if (mine === 0) {
        result += EXTRA_FIELD;
        info.extra |= 1 << i;
      } else if (other === 0) {
        result += MISSING_FIELD;
        info.missing |= 1 << i;
      } else {
        result += MathAbs(mine - other);
      }
    }
    return result;
  }

  function bestRaw(request, includeMask, out) {
    let bestDistance = 0x7fffffff;
    let bestMissing = -1;
    let best = null;
    const info = { missing: 0, extra: 0 };
    for (const entry of patternMap) {
      const d = distance(request, includeMask, entry.sk, info);
      if (d < bestDistance || (d === bestDistance && bestMissing < info.missing)) {
        bestDistance = d;
        bestMissing = info.missing;
        best = entry;
        out.missing = info.missing;
        out.extra = info.extra;
        if (d === 0) break;
      }
    }
    return best;
  }

  // ICU's adjustFieldTypes with UDATPG_MATCH_HOUR_FIELD_LENGTH (what V8 asks for).
  function adjustFieldTypes(pattern, specified, request, fixFractional) {
    const items = tokenize(pattern);
    let out = '';
    for (let i = 0; i < items.length; i++) {
      let field = items[i];
      if (field === "'") {
        const end = quoteEnd(items, i);
        out += items.slice(i, end).join('');
        i = end - 1;
        continue;
      }
      if (!isLetter(field[0])) {
        out += field;
        continue;
      }
      const index = canonicalIndex(field[0], field.length);
      if (index < 0) {
        out += field;
        continue;
      }
      const row = DT_TYPES[index];
      const typeValue = row[1];
      if (fixFractional && typeValue === F_SECOND) {
        field += '.' + request.chars[F_FRACTION].repeat(request.lens[F_FRACTION]);
      } else if (request.type[typeValue] !== 0) {
        const reqChar = request.chars[typeValue];
        let reqLen = request.lens[typeValue];
        if (reqChar === 'E' && reqLen < 3) reqLen = 3;
        let adjLen = reqLen;
        if (typeValue === F_MINUTE || typeValue === F_SECOND) {
          adjLen = field.length;
        } else if (specified !== null && reqChar !== 'c' && reqChar !== 'e') {
          const skelLen = specified.lens[typeValue];
          const patNumeric = row[2] > 0;
          const reqNumeric = request.type[typeValue] > 0;
          if (skelLen === reqLen || patNumeric !== reqNumeric) adjLen = field.length;
        }
        let c = typeValue !== F_HOUR && typeValue !== F_MONTH && typeValue !== F_WEEKDAY && (typeValue !== F_YEAR || reqChar === 'Y') ? reqChar : field[0];
        if (c === 'E' && adjLen < 3) c = 'e';
        if (typeValue === F_HOUR) {
          // English's preferred hour is 'h'.
          if (reqChar === 'h') c = 'h';
          else if (reqChar === 'K') c = 'h';
        }
        field = c.repeat(adjLen);
      }
      out += field;
    }
    return out;
  }

  function bestAppending(request, fields) {
    if (fields === 0) return '';
    const info = { missing: 0, extra: 0 };
    let entry = bestRaw(request, fields, info);
    let result = adjustFieldTypes(entry.pattern, entry.specified ? entry.sk : null, request, false);
    let lastMissing = 0;
    while (info.missing !== 0) {
      if (lastMissing === info.missing) break;
      if ((info.missing & SECOND_AND_FRACTIONAL_MASK) === FRACTIONAL_MASK && (fields & SECOND_AND_FRACTIONAL_MASK) === SECOND_AND_FRACTIONAL_MASK) {
        result = adjustFieldTypes(result, entry.specified ? entry.sk : null, request, true);
        info.missing &= ~FRACTIONAL_MASK;
        continue;
      }
      const starting = info.missing;
      entry = bestRaw(request, info.missing, info);
      const temp = adjustFieldTypes(entry.pattern, entry.specified ? entry.sk : null, request, false);
      const found = starting & ~info.missing;
      let top = 0;
      for (let f = found; f !== 0; f >>>= 1) top++;
      top = Math.min(top - 1, F_ZONE);
      if (top < 0) top = 0;
      const item = APPEND_ITEMS[top];
      if (item) result = item[0].replace('{0}', result).replace('{1}', temp).replace('{2}', "'" + item[1] + "'");
      lastMissing = info.missing;
    }
    return result;
  }

  const bestPatternCache = new Map();
  function bestPattern(skeleton) {
    let cached = bestPatternCache.get(skeleton);
    if (cached !== undefined) return cached;
    if (patternMap === null) buildPatternMap();
    const request = makeSkeleton(skeleton);
    const info = { missing: 0, extra: 0 };
    const entry = bestRaw(request, -1, info);
    let result;
    if (info.missing === 0 && info.extra === 0) {
      result = adjustFieldTypes(entry.pattern, entry.specified ? entry.sk : null, request, false);
    } else {
      let needed = 0;
      for (let i = 0; i < FIELD_COUNT; i++) if (request.type[i] !== 0) needed |= 1 << i;
      const dateMask = (1 << F_DAYPERIOD) - 1;
      const timeMask = ((1 << FIELD_COUNT) - 1) & ~dateMask;
      const date = bestAppending(request, needed & dateMask);
      const time = bestAppending(request, needed & timeMask);
      if (date === '') result = time;
      else if (time === '') result = date;
      else {
        let style = 3;
        if (request.baseLens[F_MONTH] === 4) style = request.baseLens[F_WEEKDAY] > 0 ? 0 : 1;
        else if (request.baseLens[F_MONTH] === 3) style = 2;
        result = DATE_TIME_GLUE[style].replace('{0}', time).replace('{1}', date);
      }
    }
    if (bestPatternCache.size > 256) bestPatternCache.clear();
    bestPatternCache.set(skeleton, result);
    return result;
  }

  // V8: every hour field outside quotes takes the hour cycle's letter.
  const HC_CHAR = { h11: 'K', h12: 'h', h23: 'H', h24: 'k' };
  function replaceHourCycle(pattern, hc) {
    const to = HC_CHAR[hc];
    let out = '';
    let quoted = false;
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern[i];
      if (c === "'") quoted = !quoted;
      out += !quoted && (c === 'h' || c === 'H' || c === 'k' || c === 'K') ? to : c;
    }
    return out;
  }
  function hourCycleOfPattern(pattern) {
    let quoted = false;
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern[i];
      if (c === "'") quoted = !quoted;
      else if (!quoted) {
        if (c === 'K') return 'h11';
        if (c === 'h') return 'h12';
        if (c === 'H') return 'h23';
        if (c === 'k') return 'h24';
      }
    }
    return undefined;
  }

  // ---------------------------------------------------------------------------------
  // DateTimeFormat

  const STYLES = ['full', 'long', 'medium', 'short'];
  const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
  const DAYS_SHORTER = ['Su', 'Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa'];

  // Which Intl option a pattern letter shows (formatToParts' types).
  const PART_TYPES = {
    G: 'era', y: 'year', Y: 'year', u: 'year', M: 'month', L: 'month', d: 'day', E: 'weekday', c: 'weekday', e: 'weekday',
    a: 'dayPeriod', b: 'dayPeriod', B: 'dayPeriod', h: 'hour', H: 'hour', k: 'hour', K: 'hour', m: 'minute', s: 'second',
    S: 'fractionalSecond', z: 'timeZoneName', Z: 'timeZoneName', O: 'timeZoneName', v: 'timeZoneName', V: 'timeZoneName',
    X: 'timeZoneName', x: 'timeZoneName',
  };

  // A pattern as a list of [letter, count] fields and literal strings.
  function compilePattern(pattern) {
    const items = [];
    let literal = '';
    let i = 0;
    while (i < pattern.length) {
      const c = pattern[i];
      if (c === "'") {
        if (pattern[i + 1] === "'") {
          literal += "'";
          i += 2;
          continue;
        }
        let j = i + 1;
        while (j < pattern.length) {
          if (pattern[j] === "'") {
            if (pattern[j + 1] === "'") {
              literal += "'";
              j += 2;
              continue;
            }
            break;
          }
          literal += pattern[j++];
        }
        i = j + 1;
        continue;
      }
      if (isLetter(c) && PART_TYPES[c] !== undefined) {
        let j = i + 1;
        while (j < pattern.length && pattern[j] === c) j++;
        if (literal) items.push(literal);
        literal = '';
        items.push([c, j - i]);
        i = j;
        continue;
      }
      literal += c;
      i++;
    }
    if (literal) items.push(literal);
    return items;
  }

  function padNumber(n, width) {
    let s = String(n);
    while (s.length < width) s = '0' + s;
    return s;
  }

  function zoneName(zone, letter, count, minutesEast, t) {
    const long = count >= 4;
    if (letter === 'z' || letter === 'v') {
      // Greenwich's names hold from 1970 to the end of 9999 (CLDR's metazone), as in ICU.
      if (zone.kind === 'gmt' && t >= 0 && t < 253402300740000) return long ? 'Greenwich Mean Time' : 'GMT';
      if (zone.kind === 'utc' && letter === 'z') return long ? 'Coordinated Universal Time' : 'UTC';
    }
    const a = MathAbs(minutesEast);
    const h = MathFloor(a / 60);
    const m = a % 60;
    const sign = minutesEast < 0 ? '-' : '+';
    if (long) return 'GMT' + sign + pad2(h) + ':' + pad2(m);
    return 'GMT' + sign + h + (m ? ':' + pad2(m) : '');
  }

  function dayPeriodName(hour, minute, second, hasMinute, hasSecond, count) {
    if (hour === 12 && (!hasMinute || minute === 0) && (!hasSecond || second === 0)) return count === 5 ? 'n' : 'noon';
    if (hour < 12) return 'in the morning';
    if (hour < 18) return 'in the afternoon';
    if (hour < 21) return 'in the evening';
    return 'at night';
  }

  // The fields of time value `t` (ms) seen at `offset` minutes east of UTC.
  function fieldsOf(t, offset) {
    const d = new Date(t + offset * 60000);
    return {
      t,
      year: d.getUTCFullYear(),
      month: d.getUTCMonth(),
      day: d.getUTCDate(),
      weekday: d.getUTCDay(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
      ms: d.getUTCMilliseconds(),
    };
  }

  function formatField(letter, count, f, zone, flags) {
    switch (letter) {
      case 'G': {
        const ad = f.year > 0;
        if (count === 4) return ad ? 'Anno Domini' : 'Before Christ';
        if (count === 5) return ad ? 'A' : 'B';
        return ad ? 'AD' : 'BC';
      }
      case 'y':
      case 'Y':
      case 'u': {
        const y = letter === 'u' || f.year > 0 ? f.year : 1 - f.year;
        if (count === 2) return padNumber(((y % 100) + 100) % 100, 2);
        return y < 0 ? '-' + padNumber(-y, count) : padNumber(y, count);
      }
      case 'M':
      case 'L':
        if (count === 1 || count === 2) return padNumber(f.month + 1, count);
        if (count === 3) return MONTHS[f.month].slice(0, 3);
        if (count === 4) return MONTHS[f.month];
        return MONTHS[f.month][0];
      case 'd':
        return padNumber(f.day, count);
      case 'E':
      case 'c':
      case 'e':
        if (count <= 3) return DAYS[f.weekday].slice(0, 3);
        if (count === 4) return DAYS[f.weekday];
        if (count === 5) return DAYS[f.weekday][0];
        return DAYS_SHORTER[f.weekday];
      case 'a':
        if (count === 5) return f.hour < 12 ? 'a' : 'p';
        return f.hour < 12 ? 'AM' : 'PM';
      case 'b':
      case 'B':
        return dayPeriodName(f.hour, f.minute, f.second, flags.minute, flags.second, count);
      case 'h':
        return padNumber(f.hour % 12 || 12, count);
      case 'K':
        return padNumber(f.hour % 12, count);
      case 'H':
        return padNumber(f.hour, count);
      case 'k':
        return padNumber(f.hour || 24, count);
      case 'm':
        return padNumber(f.minute, count);
      case 's':
        return padNumber(f.second, count);
      case 'S': {
        let s = padNumber(f.ms, 3);
        while (s.length < count) s += '0';
        return s.slice(0, count);
      }
      default:
        return zoneName(zone, letter, count, zone.offset, f.t);
    }
  }

  function formatToPartsWith(slot, t) {
    const f = fieldsOf(t, slot.zone.offset);
    const parts = [];
    for (const item of slot.compiled) {
      if (typeof item === 'string') {
        const last = parts[parts.length - 1];
        if (last && last.type === 'literal') last.value += item;
        else parts.push({ type: 'literal', value: item });
      } else {
        parts.push({ type: PART_TYPES[item[0]], value: formatField(item[0], item[1], f, slot.zone, slot.flags) });
      }
    }
    return parts;
  }
  function formatWith(slot, t) {
    const f = fieldsOf(t, slot.zone.offset);
    let s = '';
    for (const item of slot.compiled) {
      s += typeof item === 'string' ? item : formatField(item[0], item[1], f, slot.zone, slot.flags);
    }
    // V8 prints a plain space where CLDR puts U+202F (before AM/PM) in format() only.
    return s.indexOf('\u202f') < 0 ? s : s.replace(/\u202f/g, ' ');
  }

  // ToDateTimeOptions (ECMA-402), for the Date methods and the constructor.
  function toDateTimeOptions(options, required, defaults) {
    const source = options === undefined ? null : toOptionsObject(options);
    const o = Object.create(source);
    let needDefaults = true;
    if (required === 'date' || required === 'any') {
      for (const p of ['weekday', 'year', 'month', 'day']) if (o[p] !== undefined) needDefaults = false;
    }
    if (required === 'time' || required === 'any') {
      for (const p of ['dayPeriod', 'hour', 'minute', 'second', 'fractionalSecondDigits']) if (o[p] !== undefined) needDefaults = false;
    }
    const dateStyle = o.dateStyle;
    const timeStyle = o.timeStyle;
    if (dateStyle !== undefined || timeStyle !== undefined) needDefaults = false;
    if (required === 'date' && timeStyle !== undefined) throw new TypeError('Invalid option : timeStyle');
    if (required === 'time' && dateStyle !== undefined) throw new TypeError('Invalid option : dateStyle');
    if (needDefaults && (defaults === 'date' || defaults === 'all')) for (const p of ['year', 'month', 'day']) defineData(o, p, 'numeric');
    if (needDefaults && (defaults === 'time' || defaults === 'all')) for (const p of ['hour', 'minute', 'second']) defineData(o, p, 'numeric');
    return o;
  }
  function defineData(o, key, value) {
    ObjectDefineProperty(o, key, { value, writable: true, enumerable: true, configurable: true });
  }

  const DTF = 'Intl.DateTimeFormat';
  const COMPONENTS = [
    ['weekday', ['narrow', 'short', 'long'], { narrow: 'EEEEE', short: 'EEE', long: 'EEEE' }],
    ['era', ['narrow', 'short', 'long'], { narrow: 'GGGGG', short: 'G', long: 'GGGG' }],
    ['year', ['2-digit', 'numeric'], { '2-digit': 'yy', numeric: 'y' }],
    ['month', ['2-digit', 'numeric', 'narrow', 'short', 'long'], { '2-digit': 'MM', numeric: 'M', narrow: 'MMMMM', short: 'MMM', long: 'MMMM' }],
    ['day', ['2-digit', 'numeric'], { '2-digit': 'dd', numeric: 'd' }],
    ['dayPeriod', ['narrow', 'short', 'long'], { narrow: 'BBBBB', short: 'B', long: 'BBBB' }],
    ['hour', ['2-digit', 'numeric'], null],
    ['minute', ['2-digit', 'numeric'], { '2-digit': 'mm', numeric: 'm' }],
    ['second', ['2-digit', 'numeric'], { '2-digit': 'ss', numeric: 's' }],
    ['fractionalSecondDigits', null, null],
    ['timeZoneName', ['short', 'long', 'shortOffset', 'longOffset', 'shortGeneric', 'longGeneric'],
      { short: 'z', long: 'zzzz', shortOffset: 'O', longOffset: 'OOOO', shortGeneric: 'v', longGeneric: 'vvvv' }],
  ];
  // What resolvedOptions reads back from the pattern (V8 searches the pattern text).
  const RESOLVED_ITEMS = [
    ['weekday', [['EEEEE', 'narrow'], ['EEEE', 'long'], ['EEE', 'short'], ['ccccc', 'narrow'], ['cccc', 'long'], ['ccc', 'short']]],
    ['era', [['GGGGG', 'narrow'], ['GGGG', 'long'], ['GGG', 'short'], ['G', 'short']]],
    ['year', [['yy', '2-digit'], ['y', 'numeric']]],
    ['month', [['MMMMM', 'narrow'], ['MMMM', 'long'], ['MMM', 'short'], ['MM', '2-digit'], ['M', 'numeric'], ['LLLLL', 'narrow'], ['LLLL', 'long'], ['LLL', 'short'], ['LL', '2-digit'], ['L', 'numeric']]],
    ['day', [['dd', '2-digit'], ['d', 'numeric']]],
    ['dayPeriod', [['BBBBB', 'narrow'], ['bbbbb', 'narrow'], ['BBBB', 'long'], ['bbbb', 'long'], ['B', 'short'], ['b', 'short']]],
    ['hour', [['HH', '2-digit'], ['H', 'numeric'], ['hh', '2-digit'], ['h', 'numeric'], ['kk', '2-digit'], ['k', 'numeric'], ['KK', '2-digit'], ['K', 'numeric']]],
    ['minute', [['mm', '2-digit'], ['m', 'numeric']]],
    ['second', [['ss', '2-digit'], ['s', 'numeric']]],
    ['timeZoneName', [['zzzz', 'long'], ['z', 'short'], ['OOOO', 'longOffset'], ['O', 'shortOffset'], ['vvvv', 'longGeneric'], ['v', 'shortGeneric']]],
  ];

  function withHourCycle(pattern, hc) {
    let skeleton = '';
    for (const c of skeletonString(makeSkeleton(pattern))) {
      if (c === 'a' || c === 'b' || c === 'B') continue;
      skeleton += c === 'h' || c === 'H' || c === 'K' || c === 'k' ? HC_CHAR[hc] : c;
    }
    return replaceHourCycle(bestPattern(skeleton), hc);
  }

  function styleDatePattern(dateStyle) {
    return STYLE_PATTERNS[4 + STYLES.indexOf(dateStyle)];
  }
  function styleTimePattern(timeStyle) {
    return STYLE_PATTERNS[STYLES.indexOf(timeStyle)];
  }

  function initDateTimeFormat(dtf, locales, options, required, defaults) {
    const r = resolveLocale(locales, ['ca', 'hc', 'nu']);
    const o = toDateTimeOptions(options, required, defaults);
    getOption(o, 'localeMatcher', ['lookup', 'best fit'], 'best fit', DTF);
    const calendar = getOption(o, 'calendar', undefined, undefined, DTF);
    if (calendar !== undefined && !/^[a-z0-9]{3,8}(-[a-z0-9]{3,8})*$/i.test(calendar)) throw new RangeError('Invalid calendar : ' + calendar);
    const numberingSystem = getOption(o, 'numberingSystem', undefined, undefined, DTF);
    if (numberingSystem !== undefined && !/^[a-z0-9]{3,8}(-[a-z0-9]{3,8})*$/i.test(numberingSystem)) throw new RangeError('Invalid numberingSystem : ' + numberingSystem);
    const hour12 = getBooleanOption(o, 'hour12');
    let hourCycle = getOption(o, 'hourCycle', ['h11', 'h12', 'h23', 'h24'], undefined, DTF);
    if (hour12 !== undefined) hourCycle = undefined;
    const timeZoneValue = o.timeZone;
    const zone = parseTimeZone(timeZoneValue === undefined ? undefined : String(timeZoneValue));
    // components
    const wanted = {};
    for (const [prop, values] of COMPONENTS) {
      if (prop === 'fractionalSecondDigits') {
        const fsd = getNumberOption(o, prop, 1, 3, undefined, 'fractionalSecondDigits value is out of range.');
        if (fsd !== undefined) wanted[prop] = fsd;
        continue;
      }
      const value = getOption(o, prop, values, undefined, DTF);
      if (value !== undefined) wanted[prop] = value;
    }
    getOption(o, 'formatMatcher', ['basic', 'best fit'], 'best fit', DTF);
    const dateStyle = getOption(o, 'dateStyle', STYLES, undefined, DTF);
    const timeStyle = getOption(o, 'timeStyle', STYLES, undefined, DTF);
    if (dateStyle !== undefined || timeStyle !== undefined) {
      for (const [prop] of COMPONENTS) {
        if (wanted[prop] !== undefined) {
          throw new TypeError("Can't set option " + prop + ' when ' + (dateStyle !== undefined ? 'dateStyle' : 'timeStyle') + ' is used');
        }
      }
    }
    // hour cycle: the option, else the locale's -u-hc-, else English's h12; hour12 picks
    // h12 or h24 (what V8 11 does for a locale whose default is h12).
    const extensions = {};
    if (r.extensions.ca === 'gregory') extensions.ca = 'gregory';
    if (r.extensions.nu === 'latn') extensions.nu = 'latn';
    const hcExtension = ['h11', 'h12', 'h23', 'h24'].includes(r.extensions.hc) ? r.extensions.hc : undefined;
    const hcDefault = hcExtension === undefined ? 'h12' : hcExtension;
    let hc = hourCycle === undefined ? hcDefault : hourCycle;
    if (hour12 !== undefined) {
      const elevenOrTwentyThree = hcDefault === 'h11' || hcDefault === 'h23';
      hc = hour12 ? (elevenOrTwentyThree ? 'h11' : 'h12') : elevenOrTwentyThree ? 'h23' : 'h24';
    }
    let pattern;
    let resolvedHc;
    if (dateStyle !== undefined || timeStyle !== undefined) {
      if (timeStyle === undefined) {
        pattern = styleDatePattern(dateStyle);
      } else {
        pattern = dateStyle === undefined
          ? styleTimePattern(timeStyle)
          : DATE_TIME_GLUE[STYLES.indexOf(dateStyle)].replace('{0}', styleTimePattern(timeStyle)).replace('{1}', styleDatePattern(dateStyle));
        // ICU's style pattern follows the locale's -u-hc- first; V8 then regenerates it
        // for the cycle asked for.
        if (hcExtension !== undefined && hourCycleOfPattern(pattern) !== hcExtension) pattern = withHourCycle(pattern, hcExtension);
        if (hourCycleOfPattern(pattern) !== hc) pattern = withHourCycle(pattern, hc);
        resolvedHc = hc;
      }
    } else {
      let skeleton = '';
      for (const [prop, , map] of COMPONENTS) {
        const value = wanted[prop];
        if (value === undefined) continue;
        if (prop === 'hour') skeleton += HC_CHAR[hc].repeat(value === '2-digit' ? 2 : 1);
        else if (prop === 'fractionalSecondDigits') continue;
        else skeleton += map[value];
      }
      if (wanted.fractionalSecondDigits !== undefined) skeleton += 'S'.repeat(wanted.fractionalSecondDigits);
      pattern = bestPattern(skeleton);
      if (wanted.hour !== undefined) {
        pattern = replaceHourCycle(pattern, hc);
        resolvedHc = hc;
      }
    }
    const compiled = compilePattern(pattern);
    const flags = { minute: false, second: false };
    for (const item of compiled) {
      if (typeof item !== 'string') {
        if (item[0] === 'm') flags.minute = true;
        if (item[0] === 's') flags.second = true;
      }
    }
    // V8 drops -u-hc- when hour12 or hourCycle picked another cycle (or none is used).
    const usedHc = resolvedHc;
    if (hcExtension !== undefined && ((hour12 === undefined && hourCycle === undefined) || usedHc === hcExtension)) extensions.hc = hcExtension;
    slots.set(dtf, {
      kind: 'DateTimeFormat',
      locale: localeWith(r.locale, extensions, ['ca', 'hc', 'nu']),
      zone,
      pattern,
      compiled,
      flags,
      hourCycle: resolvedHc,
      dateStyle,
      timeStyle,
      boundFormat: undefined,
    });
    return dtf;
  }

  function toTimeValue(date) {
    const x = date === undefined ? Date.now() : Number(date);
    if (!Number.isFinite(x) || MathAbs(x) > 8.64e15) throw new RangeError('Invalid time value');
    return Math.trunc(x) + 0;
  }

  function DateTimeFormat(locales, options) {
    const target = new.target === undefined ? DateTimeFormat : new.target;
    const dtf = Object.create(target.prototype);
    return initDateTimeFormat(dtf, locales, options, 'any', 'date');
  }
  const dtfProto = DateTimeFormat.prototype;
  defineMethods(dtfProto, {
    resolvedOptions() {
      const slot = slotOf(this, 'DateTimeFormat', 'Intl.DateTimeFormat.prototype.resolvedOptions');
      const out = { locale: slot.locale, calendar: 'gregory', numberingSystem: 'latn', timeZone: slot.zone.id };
      if (slot.hourCycle !== undefined) {
        out.hourCycle = slot.hourCycle;
        out.hour12 = slot.hourCycle === 'h11' || slot.hourCycle === 'h12';
      }
      if (slot.dateStyle === undefined && slot.timeStyle === undefined) {
        for (const [prop, pairs] of RESOLVED_ITEMS) {
          for (const [text, value] of pairs) {
            if (slot.pattern.includes(text)) {
              out[prop] = value;
              break;
            }
          }
          if (prop === 'second') {
            let n = 0;
            for (let i = 0; i < slot.pattern.length && n < 3; i++) if (slot.pattern[i] === 'S') n++;
            if (n > 0) out.fractionalSecondDigits = n;
          }
        }
      }
      if (slot.dateStyle !== undefined) out.dateStyle = slot.dateStyle;
      if (slot.timeStyle !== undefined) out.timeStyle = slot.timeStyle;
      return out;
    },
    formatToParts(date) {
      const slot = slotOf(this, 'DateTimeFormat', 'Intl.DateTimeFormat.prototype.formatToParts');
      return formatToPartsWith(slot, toTimeValue(date));
    },
    formatRange(startDate, endDate) {
      const slot = slotOf(this, 'DateTimeFormat', 'Intl.DateTimeFormat.prototype.formatRange');
      return rangeParts(slot, startDate, endDate).map((p) => p.value).join('');
    },
    formatRangeToParts(startDate, endDate) {
      const slot = slotOf(this, 'DateTimeFormat', 'Intl.DateTimeFormat.prototype.formatRangeToParts');
      return rangeParts(slot, startDate, endDate);
    },
  });
  ObjectDefineProperty(dtfProto, 'format', {
    get: function format() {
      const slot = slotOf(this, 'DateTimeFormat', 'get Intl.DateTimeFormat.prototype.format');
      if (slot.boundFormat === undefined) {
        const bound = (date) => formatWith(slot, toTimeValue(date));
        ObjectDefineProperty(bound, 'name', { value: '' });
        slot.boundFormat = bound;
      }
      return slot.boundFormat;
    },
    configurable: true,
    enumerable: false,
  });
  ObjectDefineProperty(Object.getOwnPropertyDescriptor(dtfProto, 'format').get, 'name', { value: 'get format' });
  defineTag(dtfProto, 'Intl.DateTimeFormat');

  // formatRange: one date when both show alike; the date once and the times apart when
  // only the time differs; else both in full around an en dash.
  function rangeParts(slot, startDate, endDate) {
    if (startDate === undefined || endDate === undefined) throw new TypeError('Invalid time value');
    const a = toTimeValue(startDate);
    const b = toTimeValue(endDate);
    const pa = formatToPartsWith(slot, a);
    const pb = formatToPartsWith(slot, b);
    const same = pa.length === pb.length && pa.every((p, i) => p.value === pb[i].value);
    if (same) return pa.map((p) => ({ type: p.type, value: p.value, source: 'shared' }));
    const isTime = (p) => p.type === 'hour' || p.type === 'minute' || p.type === 'second' || p.type === 'fractionalSecond' || p.type === 'dayPeriod';
    const firstTime = pa.findIndex(isTime);
    if (firstTime > 0 && pa.length === pb.length) {
      let dateSame = true;
      for (let i = 0; i < firstTime; i++) if (pa[i].value !== pb[i].value) dateSame = false;
      let lastTime = pa.length - 1;
      while (lastTime > firstTime && !isTime(pa[lastTime])) lastTime--;
      let tailSame = true;
      for (let i = lastTime + 1; i < pa.length; i++) if (pa[i].value !== pb[i].value) tailSame = false;
      if (dateSame && tailSame && lastTime === pa.length - 1) {
        const out = [];
        for (let i = 0; i < firstTime; i++) out.push({ type: pa[i].type, value: pa[i].value, source: 'shared' });
        for (let i = firstTime; i < pa.length; i++) out.push({ type: pa[i].type, value: pa[i].value, source: 'startRange' });
        out.push({ type: 'literal', value: ' \u2013 ', source: 'shared' });
        for (let i = firstTime; i < pb.length; i++) out.push({ type: pb[i].type, value: pb[i].value, source: 'endRange' });
        return out;
      }
    }
    const out = pa.map((p) => ({ type: p.type, value: p.value, source: 'startRange' }));
    out.push({ type: 'literal', value: ' \u2013 ', source: 'shared' });
    for (const p of pb) out.push({ type: p.type, value: p.value, source: 'endRange' });
    return out;
  }

  ObjectDefineProperty(DateTimeFormat, 'supportedLocalesOf', {
    value: function supportedLocalesOf_(locales, options) {
      return supportedLocalesOf(locales, options);
    },
    writable: true,
    configurable: true,
  });
  ObjectDefineProperty(DateTimeFormat.supportedLocalesOf, 'name', { value: 'supportedLocalesOf' });

  // The Date methods' formatters for (locales, options) both undefined, made once.
  const defaultDateFormats = { any: null, date: null, time: null };
  function toLocaleDateTime(date, locales, options, required, defaults, method) {
    const t = dateValueOf(date, method);
    if (Number.isNaN(t)) return 'Invalid Date';
    let dtf;
    if (locales === undefined && options === undefined) {
      dtf = defaultDateFormats[required];
      if (dtf === null) {
        dtf = initDateTimeFormat(Object.create(dtfProto), undefined, undefined, required, defaults);
        defaultDateFormats[required] = dtf;
      }
    } else {
      dtf = initDateTimeFormat(Object.create(dtfProto), locales, options, required, defaults);
    }
    return formatWith(slots.get(dtf), t);
  }
  let dateValueOf = null; // set by install (the original getTime)

  // ---------------------------------------------------------------------------------
  // Numbers: a value is { neg, digits (string, no leading zeros), exp } meaning
  // 0.digits × 10^exp, or { special: 'nan' | 'inf' }.

  function decimalOf(x) {
    if (typeof x === 'bigint') {
      const neg = x < 0n;
      let s = (neg ? -x : x).toString();
      let e = s.length;
      s = s.replace(/0+$/, '');
      if (s === '') e = 0;
      return { neg, digits: s, exp: e };
    }
    if (Number.isNaN(x)) return { special: 'nan', neg: false };
    const neg = x < 0 || Object.is(x, -0);
    if (!Number.isFinite(x)) return { special: 'inf', neg };
    return decimalOfString((neg ? -x : x).toExponential().replace('e', 'E'), neg);
  }
  // From a decimal literal (sign handled by the caller), exactly.
  function decimalOfString(s, neg) {
    let mantissa = s;
    let e = 0;
    const ei = s.search(/[eE]/);
    if (ei >= 0) {
      mantissa = s.slice(0, ei);
      e = Number(s.slice(ei + 1));
    }
    let point = mantissa.indexOf('.');
    if (point < 0) point = mantissa.length;
    let digits = mantissa.replace('.', '');
    let exp = point + e;
    const lead = digits.search(/[1-9]/);
    if (lead < 0) return { neg, digits: '', exp: 0 };
    digits = digits.slice(lead).replace(/0+$/, '');
    exp -= lead;
    return { neg, digits, exp };
  }
  // A string argument to format(): a StringNumericLiteral, kept exact as Node 20 does.
  function decimalOfArgument(value) {
    if (typeof value === 'bigint') return decimalOf(value);
    if (typeof value === 'string') {
      const t = value.trim();
      const m = /^([+-]?)((?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)$/.exec(t);
      if (m) return decimalOfString(m[2], m[1] === '-');
      return decimalOf(Number(value));
    }
    return decimalOf(Number(value));
  }

  const ROUNDING_MODES = ['ceil', 'floor', 'expand', 'trunc', 'halfCeil', 'halfFloor', 'halfExpand', 'halfTrunc', 'halfEven'];
  // Rounds v to keep digits up to position `keep` (count of digits after the point when
  // `fraction`, else significant digits), in place of ICU's rounding.
  function roundAt(v, position, mode) {
    // position: number of digits of v.digits to keep (may be <= 0 or > length)
    const { digits } = v;
    if (position >= digits.length) return v;
    let kept = position > 0 ? digits.slice(0, position) : '';
    const rest = position >= 0 ? digits.slice(position) : '0'.repeat(-position) + digits;
    const first = rest.charCodeAt(0) - 48;
    const restNonZero = /[1-9]/.test(rest);
    const beyondHalf = first > 5 || (first === 5 && /[1-9]/.test(rest.slice(1)));
    const exactlyHalf = first === 5 && !/[1-9]/.test(rest.slice(1));
    const lastDigit = kept.length ? kept.charCodeAt(kept.length - 1) - 48 : 0;
    let up;
    switch (mode) {
      case 'ceil': up = restNonZero && !v.neg; break;
      case 'floor': up = restNonZero && v.neg; break;
      case 'expand': up = restNonZero; break;
      case 'trunc': up = false; break;
      case 'halfCeil': up = beyondHalf || (exactlyHalf && !v.neg); break;
      case 'halfFloor': up = beyondHalf || (exactlyHalf && v.neg); break;
      case 'halfTrunc': up = beyondHalf; break;
      case 'halfEven': up = beyondHalf || (exactlyHalf && lastDigit % 2 === 1); break;
      default: up = first >= 5;
    }
    let exp = v.exp;
    if (position < 0) {
      // everything rounds away: the result is 0 or one unit at `position`
      if (!up) return { neg: v.neg, digits: '', exp: 0 };
      return { neg: v.neg, digits: '1', exp: v.exp - position + 1 };
    }
    if (up) {
      let i = kept.length - 1;
      const arr = kept.split('');
      while (i >= 0 && arr[i] === '9') arr[i--] = '0';
      if (i < 0) {
        arr.unshift('1');
        exp += 1;
      } else {
        arr[i] = String.fromCharCode(arr[i].charCodeAt(0) + 1);
      }
      kept = arr.join('');
      if (kept.length === 0) {
        kept = '1';
        exp += 1;
      }
    }
    kept = kept.replace(/0+$/, '');
    return { neg: v.neg, digits: kept, exp: kept === '' ? 0 : exp };
  }
  const roundFraction = (v, maxFD, mode) => (v.digits === '' ? v : roundAt(v, v.exp + maxFD, mode));
  const roundSignificant = (v, maxSD, mode) => (v.digits === '' ? v : roundAt(v, maxSD, mode));
  // Digits after the point that v shows.
  const fractionLength = (v) => Math.max(0, v.digits.length - v.exp);

  function applyRounding(v, r) {
    const mode = r.roundingMode;
    if (r.type === 'significant') return { v: roundSignificant(v, r.maxSD, mode), minFD: 0, minSD: r.minSD };
    if (r.type === 'fraction') {
      let out = roundFraction(v, r.maxFD, mode);
      if (r.increment > 1 && out.digits !== '') out = roundIncrement(v, r.maxFD, r.increment, mode);
      return { v: out, minFD: r.minFD, minSD: 0 };
    }
    // morePrecision / lessPrecision
    const bySig = roundSignificant(v, r.maxSD, mode);
    const byFrac = roundFraction(v, r.maxFD, mode);
    const sigMore = fractionLengthAt(v, 'sig', r.maxSD) >= fractionLengthAt(v, 'frac', r.maxFD);
    const useSig = r.type === 'morePrecision' ? sigMore : !sigMore;
    return useSig ? { v: bySig, minFD: 0, minSD: r.minSD } : { v: byFrac, minFD: r.minFD, minSD: 0 };
  }
  // The position (digits after the point) a rounding would round at.
  function fractionLengthAt(v, kind, n) {
    if (kind === 'frac') return n;
    if (v.digits === '') return n - 1;
    return n - v.exp;
  }
  function roundIncrement(v, maxFD, increment, mode) {
    // round v / increment at maxFD, times increment
    const scaled = Number(digitsToPlain(v)) / increment;
    const r = roundFraction(decimalOf(Math.abs(scaled)), maxFD, mode);
    const back = Number(digitsToPlain(r)) * increment;
    const out = roundFraction(decimalOf(back), maxFD, 'halfExpand');
    out.neg = v.neg;
    return out;
  }
  function digitsToPlain(v) {
    if (v.digits === '') return '0';
    return '0.' + v.digits + 'e' + v.exp;
  }

  // Integer and fraction digit strings of v with minimum digits.
  function layout(v, minInt, minFD, minSD) {
    let intPart;
    let frac;
    if (v.digits === '') {
      intPart = '0';
      frac = '';
    } else if (v.exp <= 0) {
      intPart = '0';
      frac = '0'.repeat(-v.exp) + v.digits;
    } else if (v.exp >= v.digits.length) {
      intPart = v.digits + '0'.repeat(v.exp - v.digits.length);
      frac = '';
    } else {
      intPart = v.digits.slice(0, v.exp);
      frac = v.digits.slice(v.exp);
    }
    if (minSD > 0) {
      const sig = v.digits === '' ? 1 : v.digits.length;
      const shownSig = v.digits === '' ? 0 : Math.max(v.digits.length, v.exp);
      let need = minSD - Math.max(shownSig, v.digits === '' ? 0 : sig);
      if (v.digits === '') need = minSD - 1;
      if (need > 0) frac += '0'.repeat(need - Math.max(0, 0));
    }
    while (frac.length < minFD) frac += '0';
    while (intPart.length < minInt) intPart = '0' + intPart;
    return [intPart, frac];
  }

  const COMPACT_SHORT = ['K', 'M', 'B', 'T'];
  const COMPACT_LONG = [' thousand', ' million', ' billion', ' trillion'];
  const CURRENCIES = {
    USD: ["$", "$", "US dollar", "US dollars", 2],
    EUR: ["€", "€", "euro", "euros", 2],
    GBP: ["£", "£", "British pound", "British pounds", 2],
    JPY: ["¥", "¥", "Japanese yen", "Japanese yen", 0],
    CAD: ["CA$", "$", "Canadian dollar", "Canadian dollars", 2],
    AUD: ["A$", "$", "Australian dollar", "Australian dollars", 2],
    CHF: ["CHF", "CHF", "Swiss franc", "Swiss francs", 2],
    CNY: ["CN¥", "¥", "Chinese yuan", "Chinese yuan", 2],
    INR: ["₹", "₹", "Indian rupee", "Indian rupees", 2],
    MXN: ["MX$", "$", "Mexican peso", "Mexican pesos", 2],
    BRL: ["R$", "R$", "Brazilian real", "Brazilian reals", 2],
    KRW: ["₩", "₩", "South Korean won", "South Korean won", 0],
    SEK: ["SEK", "kr", "Swedish krona", "Swedish kronor", 2],
    NOK: ["NOK", "kr", "Norwegian krone", "Norwegian kroner", 2],
    DKK: ["DKK", "kr", "Danish krone", "Danish kroner", 2],
    PLN: ["PLN", "zł", "Polish zloty", "Polish zlotys", 2],
    NZD: ["NZ$", "$", "New Zealand dollar", "New Zealand dollars", 2],
    SGD: ["SGD", "$", "Singapore dollar", "Singapore dollars", 2],
    HKD: ["HK$", "$", "Hong Kong dollar", "Hong Kong dollars", 2],
    ZAR: ["ZAR", "R", "South African rand", "South African rand", 2],
    RUB: ["RUB", "₽", "Russian ruble", "Russian rubles", 2],
    TRY: ["TRY", "₺", "Turkish lira", "Turkish Lira", 2],
    ILS: ["₪", "₪", "Israeli new shekel", "Israeli new shekels", 2],
  };
  const UNITS = {
    'acre': ["{0} ac", "{0}ac", ["{0} acre", "{0} acres"]],
    'bit': ["{0} bit", "{0}bit", ["{0} bit", "{0} bits"]],
    'byte': ["{0} byte", "{0}B", ["{0} byte", "{0} bytes"]],
    'celsius': ["{0}°C", "{0}°C", ["{0} degree Celsius", "{0} degrees Celsius"]],
    'centimeter': ["{0} cm", "{0}cm", ["{0} centimeter", "{0} centimeters"]],
    'day': [["{0} day", "{0} days"], "{0}d", ["{0} day", "{0} days"]],
    'degree': ["{0} deg", "{0}°", ["{0} degree", "{0} degrees"]],
    'fahrenheit': ["{0}°F", "{0}°", ["{0} degree Fahrenheit", "{0} degrees Fahrenheit"]],
    'fluid-ounce': ["{0} fl oz", "{0}fl oz", ["{0} fluid ounce", "{0} fluid ounces"]],
    'foot': ["{0} ft", "{0}′", ["{0} foot", "{0} feet"]],
    'gallon': ["{0} gal", "{0}gal", ["{0} gallon", "{0} gallons"]],
    'gigabit': ["{0} Gb", "{0}Gb", ["{0} gigabit", "{0} gigabits"]],
    'gigabyte': ["{0} GB", "{0}GB", ["{0} gigabyte", "{0} gigabytes"]],
    'gram': ["{0} g", "{0}g", ["{0} gram", "{0} grams"]],
    'hectare': ["{0} ha", "{0}ha", ["{0} hectare", "{0} hectares"]],
    'hour': ["{0} hr", "{0}h", ["{0} hour", "{0} hours"]],
    'inch': ["{0} in", "{0}″", ["{0} inch", "{0} inches"]],
    'kilobit': ["{0} kb", "{0}kb", ["{0} kilobit", "{0} kilobits"]],
    'kilobyte': ["{0} kB", "{0}kB", ["{0} kilobyte", "{0} kilobytes"]],
    'kilogram': ["{0} kg", "{0}kg", ["{0} kilogram", "{0} kilograms"]],
    'kilometer': ["{0} km", "{0}km", ["{0} kilometer", "{0} kilometers"]],
    'liter': ["{0} L", "{0}L", ["{0} liter", "{0} liters"]],
    'megabit': ["{0} Mb", "{0}Mb", ["{0} megabit", "{0} megabits"]],
    'megabyte': ["{0} MB", "{0}MB", ["{0} megabyte", "{0} megabytes"]],
    'meter': ["{0} m", "{0}m", ["{0} meter", "{0} meters"]],
    'microsecond': ["{0} μs", "{0}μs", ["{0} microsecond", "{0} microseconds"]],
    'mile': ["{0} mi", "{0}mi", ["{0} mile", "{0} miles"]],
    'mile-scandinavian': ["{0} smi", "{0}smi", ["{0} mile-scandinavian", "{0} miles-scandinavian"]],
    'milliliter': ["{0} mL", "{0}mL", ["{0} milliliter", "{0} milliliters"]],
    'millimeter': ["{0} mm", "{0}mm", ["{0} millimeter", "{0} millimeters"]],
    'millisecond': ["{0} ms", "{0}ms", ["{0} millisecond", "{0} milliseconds"]],
    'minute': ["{0} min", "{0}m", ["{0} minute", "{0} minutes"]],
    'month': [["{0} mth", "{0} mths"], "{0}m", ["{0} month", "{0} months"]],
    'nanosecond': ["{0} ns", "{0}ns", ["{0} nanosecond", "{0} nanoseconds"]],
    'ounce': ["{0} oz", "{0}oz", ["{0} ounce", "{0} ounces"]],
    'percent': ["{0}%", "{0}%", "{0} percent"],
    'petabyte': ["{0} PB", "{0}PB", ["{0} petabyte", "{0} petabytes"]],
    'pound': ["{0} lb", "{0}#", ["{0} pound", "{0} pounds"]],
    'second': ["{0} sec", "{0}s", ["{0} second", "{0} seconds"]],
    'stone': ["{0} st", "{0}st", ["{0} stone", "{0} stones"]],
    'terabit': ["{0} Tb", "{0}Tb", ["{0} terabit", "{0} terabits"]],
    'terabyte': ["{0} TB", "{0}TB", ["{0} terabyte", "{0} terabytes"]],
    'week': [["{0} wk", "{0} wks"], "{0}w", ["{0} week", "{0} weeks"]],
    'yard': ["{0} yd", "{0}yd", ["{0} yard", "{0} yards"]],
    'year': [["{0} yr", "{0} yrs"], "{0}y", ["{0} year", "{0} years"]],
  };
  const SIMPLE_UNITS = Object.keys(UNITS);

  const NF = 'Intl.NumberFormat';
  function initNumberFormat(nf, locales, options) {
    const r = resolveLocale(locales, ['nu']);
    const o = toOptionsObject(options);
    getOption(o, 'localeMatcher', ['lookup', 'best fit'], 'best fit', NF);
    const numberingSystem = getOption(o, 'numberingSystem', undefined, undefined, NF);
    if (numberingSystem !== undefined && !/^[a-z0-9]{3,8}(-[a-z0-9]{3,8})*$/i.test(numberingSystem)) throw new RangeError('Invalid numberingSystem : ' + numberingSystem);
    const s = { kind: 'NumberFormat', locale: localeWith(r.locale, r.extensions.nu === 'latn' ? { nu: 'latn' } : {}, ['nu']) };
    s.style = getOption(o, 'style', ['decimal', 'percent', 'currency', 'unit'], 'decimal', NF);
    let currency = getOption(o, 'currency', undefined, undefined, NF);
    if (currency !== undefined && !/^[A-Za-z]{3}$/.test(currency)) throw new RangeError('Invalid currency code : ' + currency);
    const currencyDisplay = getOption(o, 'currencyDisplay', ['code', 'symbol', 'narrowSymbol', 'name'], 'symbol', NF);
    const currencySign = getOption(o, 'currencySign', ['standard', 'accounting'], 'standard', NF);
    const unit = getOption(o, 'unit', undefined, undefined, NF);
    if (unit !== undefined && !isUnit(unit)) throw new RangeError("Invalid unit argument for Intl.NumberFormat() '" + unit + "'");
    const unitDisplay = getOption(o, 'unitDisplay', ['short', 'narrow', 'long'], 'short', NF);
    if (s.style === 'currency') {
      if (currency === undefined) throw new TypeError('Currency code is required with currency style.');
      s.currency = currency.toUpperCase();
      s.currencyDisplay = currencyDisplay;
      s.currencySign = currencySign;
    }
    if (s.style === 'unit') {
      if (unit === undefined) throw new TypeError("Invalid unit argument for Intl.NumberFormat() ''");
      s.unit = unit;
      s.unitDisplay = unitDisplay;
    }
    s.notation = getOption(o, 'notation', ['standard', 'scientific', 'engineering', 'compact'], 'standard', NF);
    const currencyDigits = s.style === 'currency' ? (CURRENCIES[s.currency] ? CURRENCIES[s.currency][4] : 2) : 0;
    let mnfdDefault;
    let mxfdDefault;
    if (s.style === 'currency') {
      mnfdDefault = currencyDigits;
      mxfdDefault = currencyDigits;
    } else {
      mnfdDefault = 0;
      mxfdDefault = s.style === 'percent' ? 0 : 3;
    }
    setDigitOptions(s, o, mnfdDefault, mxfdDefault, s.notation);
    s.compactDisplay = getOption(o, 'compactDisplay', ['short', 'long'], 'short', NF);
    const defaultGrouping = s.notation === 'compact' ? 'min2' : 'auto';
    let grouping = o.useGrouping;
    if (grouping === undefined) grouping = defaultGrouping;
    else if (grouping === true || grouping === 'true' || grouping === 'false') grouping = grouping === 'false' ? defaultGrouping : 'always';
    else if (grouping === false || grouping === null || grouping === 0 || grouping === '') grouping = false;
    else {
      grouping = String(grouping);
      if (!['min2', 'auto', 'always'].includes(grouping)) throw new RangeError('Value ' + grouping + ' out of range for Intl.NumberFormat options property useGrouping');
    }
    s.useGrouping = grouping;
    s.signDisplay = getOption(o, 'signDisplay', ['auto', 'never', 'always', 'exceptZero', 'negative'], 'auto', NF);
    slots.set(nf, s);
    return nf;
  }
  function isUnit(unit) {
    if (SIMPLE_UNITS.includes(unit)) return true;
    const i = unit.indexOf('-per-');
    return i > 0 && SIMPLE_UNITS.includes(unit.slice(0, i)) && SIMPLE_UNITS.includes(unit.slice(i + 5));
  }

  function setDigitOptions(s, o, mnfdDefault, mxfdDefault, notation) {
    const mnid = getNumberOption(o, 'minimumIntegerDigits', 1, 21, 1, 'minimumIntegerDigits value is out of range.');
    const mnfdRaw = o.minimumFractionDigits;
    const mxfdRaw = o.maximumFractionDigits;
    const mnsdRaw = o.minimumSignificantDigits;
    const mxsdRaw = o.maximumSignificantDigits;
    s.minimumIntegerDigits = mnid;
    const increment = getNumberOption(o, 'roundingIncrement', 1, 5000, 1, 'roundingIncrement value is out of range.');
    if (![1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000].includes(increment)) throw new RangeError('roundingIncrement value is out of range.');
    s.roundingMode = getOption(o, 'roundingMode', ROUNDING_MODES, 'halfExpand', NF);
    const priority = getOption(o, 'roundingPriority', ['auto', 'morePrecision', 'lessPrecision'], 'auto', NF);
    s.trailingZeroDisplay = getOption(o, 'trailingZeroDisplay', ['auto', 'stripIfInteger'], 'auto', NF);
    s.roundingIncrement = increment;
    if (increment !== 1) mxfdDefault = mnfdDefault;
    const hasSd = mnsdRaw !== undefined || mxsdRaw !== undefined;
    const hasFd = mnfdRaw !== undefined || mxfdRaw !== undefined;
    let needSd = true;
    let needFd = true;
    if (priority === 'auto') {
      needSd = hasSd;
      if (needSd || (!hasFd && notation === 'compact')) needFd = false;
    }
    if (needSd) {
      if (hasSd) {
        const mnsd = getNumberOption(o, 'minimumSignificantDigits', 1, 21, 1, 'minimumSignificantDigits value is out of range.');
        const mxsd = getNumberOption(o, 'maximumSignificantDigits', mnsd, 21, 21, 'maximumSignificantDigits value is out of range.');
        s.minimumSignificantDigits = mnsd;
        s.maximumSignificantDigits = mxsd;
      } else {
        s.minimumSignificantDigits = 1;
        s.maximumSignificantDigits = 21;
      }
    }
    if (needFd) {
      if (hasFd) {
        let mnfd = getNumberOption(o, 'minimumFractionDigits', 0, 100, undefined, 'minimumFractionDigits value is out of range.');
        let mxfd = getNumberOption(o, 'maximumFractionDigits', 0, 100, undefined, 'maximumFractionDigits value is out of range.');
        if (mnfd === undefined) mnfd = Math.min(mnfdDefault, mxfd);
        else if (mxfd === undefined) mxfd = Math.max(mxfdDefault, mnfd);
        else if (mnfd > mxfd) throw new RangeError('maximumFractionDigits value is out of range.');
        s.minimumFractionDigits = mnfd;
        s.maximumFractionDigits = mxfd;
      } else {
        s.minimumFractionDigits = mnfdDefault;
        s.maximumFractionDigits = mxfdDefault;
      }
    }
    if (!needSd && !needFd) {
      // compact notation's default: two significant digits or whole numbers, whichever
      // keeps more
      s.minimumFractionDigits = 0;
      s.maximumFractionDigits = 0;
      s.minimumSignificantDigits = 1;
      s.maximumSignificantDigits = 2;
      s.roundingType = 'morePrecision';
      s.roundingPriority = 'morePrecision';
    } else if (priority === 'morePrecision' || priority === 'lessPrecision') {
      s.roundingType = priority;
      s.roundingPriority = priority;
    } else {
      s.roundingType = needSd ? 'significant' : 'fraction';
      s.roundingPriority = 'auto';
    }
    if (increment !== 1 && (s.roundingType !== 'fraction' || s.maximumFractionDigits !== s.minimumFractionDigits)) {
      throw new TypeError('maximumFractionDigits and minimumFractionDigits must be equal when roundingIncrement is used');
    }
  }

  function roundingOf(s) {
    return {
      type: s.roundingType,
      maxSD: s.maximumSignificantDigits,
      minSD: s.minimumSignificantDigits || 0,
      maxFD: s.maximumFractionDigits,
      minFD: s.minimumFractionDigits || 0,
      roundingMode: s.roundingMode,
      increment: s.roundingIncrement,
    };
  }

  // The parts of one formatted number (Intl.NumberFormat's formatToParts).
  function numberToParts(s, value) {
    let v = value;
    const parts = [];
    let exponent = 0;
    let compactIndex = -1;
    if (v.special === undefined && s.style === 'percent') v = { neg: v.neg, digits: v.digits, exp: v.digits === '' ? 0 : v.exp + 2 };
    let rounded;
    const rounding = roundingOf(s);
    if (v.special !== undefined) {
      rounded = { v, minFD: 0, minSD: 0 };
    } else if (s.notation === 'standard') {
      rounded = applyRounding(v, rounding);
    } else if (s.notation === 'compact') {
      // the magnitude after rounding decides the suffix
      let magnitude = v.digits === '' ? 0 : v.exp - 1;
      let index = magnitude >= 3 ? Math.min(MathFloor(magnitude / 3), 4) : 0;
      let scaled = index > 0 ? { neg: v.neg, digits: v.digits, exp: v.exp - 3 * index } : v;
      rounded = applyRounding(scaled, rounding);
      if (rounded.v.digits !== '' && index < 4) {
        const m2 = rounded.v.exp - 1 + 3 * index;
        const index2 = m2 >= 3 ? Math.min(MathFloor(m2 / 3), 4) : 0;
        if (index2 !== index) {
          index = index2;
          scaled = { neg: v.neg, digits: v.digits, exp: v.exp - 3 * index };
          rounded = applyRounding(scaled, rounding);
        }
      }
      compactIndex = index - 1;
    } else {
      // scientific / engineering
      if (v.digits !== '') {
        exponent = v.exp - 1;
        if (s.notation === 'engineering') exponent = MathFloor(exponent / 3) * 3;
      }
      let scaled = v.digits === '' ? v : { neg: v.neg, digits: v.digits, exp: v.exp - exponent };
      rounded = applyRounding(scaled, rounding);
      if (rounded.v.digits !== '') {
        let e2 = rounded.v.exp - 1 + exponent;
        if (s.notation === 'engineering') e2 = MathFloor(e2 / 3) * 3;
        if (e2 !== exponent) {
          exponent = e2;
          scaled = { neg: v.neg, digits: v.digits, exp: v.exp - exponent };
          rounded = applyRounding(scaled, rounding);
        }
      }
    }
    const r = rounded.v;
    const isZero = r.special === undefined && r.digits === '';
    // sign
    let sign = '';
    const neg = r.neg;
    switch (s.signDisplay) {
      case 'auto': sign = neg ? '-' : ''; break;
      case 'always': sign = neg ? '-' : '+'; break;
      case 'never': sign = ''; break;
      case 'exceptZero': sign = isZero || r.special === 'nan' ? '' : neg ? '-' : '+'; break;
      case 'negative': sign = neg && !isZero ? '-' : ''; break;
    }
    if (r.special === 'nan' && s.signDisplay !== 'always') sign = s.signDisplay === 'always' ? '+' : '';
    const accounting = s.style === 'currency' && s.currencySign === 'accounting' && sign === '-';
    const numberParts = [];
    if (r.special === 'nan') numberParts.push({ type: 'nan', value: 'NaN' });
    else if (r.special === 'inf') numberParts.push({ type: 'infinity', value: '\u221e' });
    else {
      let [intPart, frac] = layout(r, s.minimumIntegerDigits, rounded.minFD, rounded.minSD);
      if (s.trailingZeroDisplay === 'stripIfInteger' && /^0*$/.test(frac)) frac = '';
      const grouping = s.useGrouping;
      const groupIt = grouping !== false && intPart.length > 3 && (grouping !== 'min2' || intPart.length > 4) && s.notation !== 'scientific' && s.notation !== 'engineering';
      if (groupIt) {
        const first = intPart.length % 3 || 3;
        numberParts.push({ type: 'integer', value: intPart.slice(0, first) });
        for (let i = first; i < intPart.length; i += 3) {
          numberParts.push({ type: 'group', value: ',' });
          numberParts.push({ type: 'integer', value: intPart.slice(i, i + 3) });
        }
      } else {
        numberParts.push({ type: 'integer', value: intPart });
      }
      if (frac) {
        numberParts.push({ type: 'decimal', value: '.' });
        numberParts.push({ type: 'fraction', value: frac });
      }
      if (s.notation === 'scientific' || s.notation === 'engineering') {
        numberParts.push({ type: 'exponentSeparator', value: 'E' });
        if (exponent < 0) numberParts.push({ type: 'exponentMinusSign', value: '-' });
        numberParts.push({ type: 'exponentInteger', value: String(MathAbs(exponent)) });
      }
      if (compactIndex >= 0) {
        if (s.compactDisplay === 'long' && s.style !== 'currency') {
          numberParts.push({ type: 'literal', value: ' ' });
          numberParts.push({ type: 'compact', value: COMPACT_LONG[compactIndex].slice(1) });
        } else {
          numberParts.push({ type: 'compact', value: COMPACT_SHORT[compactIndex] });
        }
      }
    }
    const signPart = sign === '' ? null : { type: sign === '-' ? 'minusSign' : 'plusSign', value: sign };
    if (s.style === 'currency') {
      const data = CURRENCIES[s.currency];
      if (s.currencyDisplay === 'name') {
        const plural = pluralOfParts(numberParts, r);
        const name = data ? data[plural === 'one' ? 2 : 3] : s.currency;
        if (signPart) parts.push(signPart);
        parts.push(...numberParts, { type: 'literal', value: ' ' }, { type: 'currency', value: name });
        return parts;
      }
      let symbol = s.currency;
      if (s.currencyDisplay === 'symbol' && data) symbol = data[0];
      else if (s.currencyDisplay === 'narrowSymbol' && data) symbol = data[1];
      const letters = /[A-Za-z]$/.test(symbol);
      if (accounting) parts.push({ type: 'literal', value: '(' });
      else if (signPart) parts.push(signPart);
      parts.push({ type: 'currency', value: symbol });
      if (letters) parts.push({ type: 'literal', value: '\u00a0' });
      parts.push(...numberParts);
      if (accounting) parts.push({ type: 'literal', value: ')' });
      return parts;
    }
    if (signPart) parts.push(signPart);
    parts.push(...numberParts);
    // (in compact notation ICU marks the percent sign as a unit)
    if (s.style === 'percent') parts.push({ type: s.notation === 'compact' ? 'unit' : 'percentSign', value: '%' });
    if (s.style === 'unit') appendUnit(parts, s, numberParts, r);
    return parts;
  }

  // en's plural of the number as shown: `one` for a plain 1.
  function pluralOfParts(numberParts, r) {
    if (r.special !== undefined) return 'other';
    let text = '';
    for (const p of numberParts) if (p.type === 'integer' || p.type === 'decimal' || p.type === 'fraction') text += p.value;
    const hasCompact = numberParts.some((p) => p.type === 'compact' || p.type === 'exponentSeparator');
    return !hasCompact && text === '1' ? 'one' : 'other';
  }

  function unitPattern(unit, display, plural) {
    const entry = UNITS[unit][display === 'short' ? 0 : display === 'narrow' ? 1 : 2];
    return typeof entry === 'string' ? entry : entry[plural === 'one' ? 0 : 1];
  }
  function appendUnit(parts, s, numberParts, r) {
    const plural = pluralOfParts(numberParts, r);
    let pattern;
    const per = s.unit.indexOf('-per-');
    if (per > 0) {
      const a = s.unit.slice(0, per);
      const b = s.unit.slice(per + 5);
      const perPatterns = PER_UNITS[s.unit];
      if (perPatterns) pattern = perPatterns[s.unitDisplay === 'short' ? 0 : s.unitDisplay === 'narrow' ? 1 : 2];
      else {
        const first = unitPattern(a, s.unitDisplay, plural);
        const second = unitPattern(b, s.unitDisplay, 'one').replace('{0}', '').trim();
        pattern = first + (s.unitDisplay === 'long' ? ' per ' : '/') + second;
      }
    } else {
      pattern = unitPattern(s.unit, s.unitDisplay, plural);
    }
    // The number is already in `parts`; put the unit's text around it.
    const at = pattern.indexOf('{0}');
    const before = pattern.slice(0, at);
    const after = pattern.slice(at + 3);
    if (before) {
      const m = /^(\S*)(\s*)$/.exec(before);
      const unitText = m ? m[1] : before;
      const space = m ? m[2] : '';
      const head = [{ type: 'unit', value: unitText }];
      if (space) head.push({ type: 'literal', value: space });
      parts.unshift(...head);
    }
    if (after) {
      const m = /^(\s*)(.*)$/.exec(after);
      if (m[1]) parts.push({ type: 'literal', value: m[1] });
      if (m[2]) parts.push({ type: 'unit', value: m[2] });
    }
  }
  const PER_UNITS = {
    'kilometer-per-hour': ['{0} km/h', '{0}km/h', '{0} kilometers per hour'],
    'mile-per-hour': ['{0} mph', '{0}mph', '{0} miles per hour'],
    'meter-per-second': ['{0} m/s', '{0}m/s', '{0} meters per second'],
  };

  function NumberFormat(locales, options) {
    const target = new.target === undefined ? NumberFormat : new.target;
    const nf = Object.create(target.prototype);
    return initNumberFormat(nf, locales, options);
  }
  const nfProto = NumberFormat.prototype;
  function formatNumberToString(s, value) {
    let out = '';
    for (const p of numberToParts(s, value)) out += p.value;
    return out;
  }
  defineMethods(nfProto, {
    resolvedOptions() {
      const s = slotOf(this, 'NumberFormat', 'Intl.NumberFormat.prototype.resolvedOptions');
      const out = { locale: s.locale, numberingSystem: 'latn', style: s.style };
      if (s.style === 'currency') {
        out.currency = s.currency;
        out.currencyDisplay = s.currencyDisplay;
        // V8 reads it back from ICU's skeleton, where sign-never leaves accounting out
        out.currencySign = s.signDisplay === 'never' ? 'standard' : s.currencySign;
      }
      if (s.style === 'unit') {
        out.unit = s.unit;
        out.unitDisplay = s.unitDisplay;
      }
      out.minimumIntegerDigits = s.minimumIntegerDigits;
      if (s.minimumSignificantDigits !== undefined) {
        out.minimumSignificantDigits = s.minimumSignificantDigits;
        out.maximumSignificantDigits = s.maximumSignificantDigits;
      }
      if (s.minimumFractionDigits !== undefined && (s.roundingType !== 'significant')) {
        out.minimumFractionDigits = s.minimumFractionDigits;
        out.maximumFractionDigits = s.maximumFractionDigits;
      }
      out.useGrouping = s.useGrouping;
      out.notation = s.notation;
      if (s.notation === 'compact') out.compactDisplay = s.compactDisplay;
      out.signDisplay = s.signDisplay;
      out.roundingMode = s.roundingMode;
      out.roundingIncrement = s.roundingIncrement;
      out.trailingZeroDisplay = s.trailingZeroDisplay;
      out.roundingPriority = s.roundingPriority;
      return out;
    },
    formatToParts(value) {
      const s = slotOf(this, 'NumberFormat', 'Intl.NumberFormat.prototype.formatToParts');
      return numberToParts(s, decimalOfArgument(toNumeric(value)));
    },
    formatRange(start, end) {
      const s = slotOf(this, 'NumberFormat', 'Intl.NumberFormat.prototype.formatRange');
      if (start === undefined || end === undefined) throw new TypeError('start or end is undefined');
      const a = formatNumberToString(s, decimalOfArgument(toNumeric(start)));
      const b = formatNumberToString(s, decimalOfArgument(toNumeric(end)));
      return a === b ? '~' + a : a + '\u2013' + b;
    },
  });
  function toNumeric(value) {
    if (typeof value === 'bigint' || typeof value === 'string') return value;
    if (typeof value === 'object' && value !== null) {
      const p = typeof value.valueOf === 'function' ? value.valueOf() : value;
      if (typeof p === 'bigint') return p;
      return Number(value);
    }
    return Number(value);
  }
  ObjectDefineProperty(nfProto, 'format', {
    get: function format() {
      const s = slotOf(this, 'NumberFormat', 'get Intl.NumberFormat.prototype.format');
      if (s.boundFormat === undefined) {
        const bound = (value) => formatNumberToString(s, decimalOfArgument(toNumeric(value)));
        ObjectDefineProperty(bound, 'name', { value: '' });
        s.boundFormat = bound;
      }
      return s.boundFormat;
    },
    configurable: true,
    enumerable: false,
  });
  ObjectDefineProperty(Object.getOwnPropertyDescriptor(nfProto, 'format').get, 'name', { value: 'get format' });
  defineTag(nfProto, 'Intl.NumberFormat');

  let defaultNumberFormat = null;
  function numberToLocaleString(x, locales, options) {
    let s;
    if (locales === undefined && options === undefined) {
      if (defaultNumberFormat === null) defaultNumberFormat = initNumberFormat(Object.create(nfProto), undefined, undefined);
      s = slots.get(defaultNumberFormat);
    } else {
      s = slots.get(initNumberFormat(Object.create(nfProto), locales, options));
    }
    return formatNumberToString(s, decimalOf(x));
  }

  // ---------------------------------------------------------------------------------
  // PluralRules (English)

  function pluralCategory(type, s, value) {
    const parts = numberToParts(s, value);
    if (type === 'ordinal') {
      if (value.special !== undefined) return 'other';
      let int = '';
      for (const p of parts) if (p.type === 'integer') int += p.value;
      const hasFraction = parts.some((p) => p.type === 'fraction');
      if (hasFraction) return 'other';
      const n10 = Number(int.slice(-1));
      const n100 = Number(int.slice(-2));
      if (n10 === 1 && n100 !== 11) return 'one';
      if (n10 === 2 && n100 !== 12) return 'two';
      if (n10 === 3 && n100 !== 13) return 'few';
      return 'other';
    }
    return pluralOfParts(parts, value);
  }
  function PluralRules(locales, options) {
    if (new.target === undefined) throw new TypeError("Constructor Intl.PluralRules requires 'new'");
    const pr = Object.create(new.target.prototype);
    const r = resolveLocale(locales, []);
    const o = toOptionsObject(options);
    getOption(o, 'localeMatcher', ['lookup', 'best fit'], 'best fit', 'Intl.PluralRules');
    const type = getOption(o, 'type', ['cardinal', 'ordinal'], 'cardinal', 'Intl.PluralRules');
    const s = { kind: 'NumberFormat', style: 'decimal', notation: 'standard', useGrouping: false, signDisplay: 'auto' };
    setDigitOptions(s, o, 0, 3, 'standard');
    // ICU's plural rules exist for `en` only, so an explicit en-US resolves to `en`.
    const locale = locales === undefined || (Array.isArray(locales) && locales.length === 0) ? r.locale : 'en';
    slots.set(pr, { kind: 'PluralRules', locale, type, number: s });
    return pr;
  }
  defineMethods(PluralRules.prototype, {
    select(value) {
      const slot = slotOf(this, 'PluralRules', 'Intl.PluralRules.prototype.select');
      return pluralCategory(slot.type, slot.number, decimalOf(Number(value)));
    },
    selectRange(start, end) {
      const slot = slotOf(this, 'PluralRules', 'Intl.PluralRules.prototype.selectRange');
      if (start === undefined || end === undefined) throw new TypeError('start or end is undefined');
      return pluralCategory(slot.type, slot.number, decimalOf(Number(end)));
    },
    resolvedOptions() {
      const slot = slotOf(this, 'PluralRules', 'Intl.PluralRules.prototype.resolvedOptions');
      const s = slot.number;
      const out = { locale: slot.locale, type: slot.type, minimumIntegerDigits: s.minimumIntegerDigits };
      if (s.roundingType !== 'significant') {
        out.minimumFractionDigits = s.minimumFractionDigits;
        out.maximumFractionDigits = s.maximumFractionDigits;
      }
      if (s.roundingType !== 'fraction') {
        out.minimumSignificantDigits = s.minimumSignificantDigits;
        out.maximumSignificantDigits = s.maximumSignificantDigits;
      }
      out.pluralCategories = slot.type === 'ordinal' ? ['few', 'one', 'two', 'other'] : ['one', 'other'];
      return out;
    },
  });
  defineTag(PluralRules.prototype, 'Intl.PluralRules');

  // ---------------------------------------------------------------------------------
  // RelativeTimeFormat (English): per unit and style, [past, future] as [one, other],
  // and the words `numeric: 'auto'` uses.

  const RELATIVE = {
    second: [[["{0} second ago", "{0} seconds ago"], ["in {0} second", "in {0} seconds"], {"0": "now"}], [["{0} sec. ago", "{0} sec. ago"], ["in {0} sec.", "in {0} sec."], {"0": "now"}], [["{0}s ago", "{0}s ago"], ["in {0}s", "in {0}s"], {"0": "now"}]],
    minute: [[["{0} minute ago", "{0} minutes ago"], ["in {0} minute", "in {0} minutes"], {"0": "this minute"}], [["{0} min. ago", "{0} min. ago"], ["in {0} min.", "in {0} min."], {"0": "this minute"}], [["{0}m ago", "{0}m ago"], ["in {0}m", "in {0}m"], {"0": "this minute"}]],
    hour: [[["{0} hour ago", "{0} hours ago"], ["in {0} hour", "in {0} hours"], {"0": "this hour"}], [["{0} hr. ago", "{0} hr. ago"], ["in {0} hr.", "in {0} hr."], {"0": "this hour"}], [["{0}h ago", "{0}h ago"], ["in {0}h", "in {0}h"], {"0": "this hour"}]],
    day: [[["{0} day ago", "{0} days ago"], ["in {0} day", "in {0} days"], {"0": "today", "1": "tomorrow", "-1": "yesterday"}], [["{0} day ago", "{0} days ago"], ["in {0} day", "in {0} days"], {"0": "today", "1": "tomorrow", "-1": "yesterday"}], [["{0}d ago", "{0}d ago"], ["in {0}d", "in {0}d"], {"0": "today", "1": "tomorrow", "-1": "yesterday"}]],
    week: [[["{0} week ago", "{0} weeks ago"], ["in {0} week", "in {0} weeks"], {"0": "this week", "1": "next week", "-1": "last week"}], [["{0} wk. ago", "{0} wk. ago"], ["in {0} wk.", "in {0} wk."], {"0": "this wk.", "1": "next wk.", "-1": "last wk."}], [["{0}w ago", "{0}w ago"], ["in {0}w", "in {0}w"], {"0": "this wk.", "1": "next wk.", "-1": "last wk."}]],
    month: [[["{0} month ago", "{0} months ago"], ["in {0} month", "in {0} months"], {"0": "this month", "1": "next month", "-1": "last month"}], [["{0} mo. ago", "{0} mo. ago"], ["in {0} mo.", "in {0} mo."], {"0": "this mo.", "1": "next mo.", "-1": "last mo."}], [["{0}mo ago", "{0}mo ago"], ["in {0}mo", "in {0}mo"], {"0": "this mo.", "1": "next mo.", "-1": "last mo."}]],
    quarter: [[["{0} quarter ago", "{0} quarters ago"], ["in {0} quarter", "in {0} quarters"], {"0": "this quarter", "1": "next quarter", "-1": "last quarter"}], [["{0} qtr. ago", "{0} qtrs. ago"], ["in {0} qtr.", "in {0} qtrs."], {"0": "this qtr.", "1": "next qtr.", "-1": "last qtr."}], [["{0}q ago", "{0}q ago"], ["in {0}q", "in {0}q"], {"0": "this qtr.", "1": "next qtr.", "-1": "last qtr."}]],
    year: [[["{0} year ago", "{0} years ago"], ["in {0} year", "in {0} years"], {"0": "this year", "1": "next year", "-1": "last year"}], [["{0} yr. ago", "{0} yr. ago"], ["in {0} yr.", "in {0} yr."], {"0": "this yr.", "1": "next yr.", "-1": "last yr."}], [["{0}y ago", "{0}y ago"], ["in {0}y", "in {0}y"], {"0": "this yr.", "1": "next yr.", "-1": "last yr."}]],
  };
  function RelativeTimeFormat(locales, options) {
    if (new.target === undefined) throw new TypeError("Constructor Intl.RelativeTimeFormat requires 'new'");
    const rtf = Object.create(new.target.prototype);
    const r = resolveLocale(locales, ['nu']);
    const o = toOptionsObject(options);
    const service = 'Intl.RelativeTimeFormat';
    getOption(o, 'localeMatcher', ['lookup', 'best fit'], 'best fit', service);
    const numberingSystem = getOption(o, 'numberingSystem', undefined, undefined, service);
    if (numberingSystem !== undefined && !/^[a-z0-9]{3,8}(-[a-z0-9]{3,8})*$/i.test(numberingSystem)) throw new RangeError('Invalid numberingSystem : ' + numberingSystem);
    const style = getOption(o, 'style', ['long', 'short', 'narrow'], 'long', service);
    const numeric = getOption(o, 'numeric', ['always', 'auto'], 'always', service);
    const number = slots.get(initNumberFormat(Object.create(nfProto), undefined, undefined));
    slots.set(rtf, { kind: 'RelativeTimeFormat', locale: r.locale, style, numeric, number });
    return rtf;
  }
  const RELATIVE_UNITS = { seconds: 'second', minutes: 'minute', hours: 'hour', days: 'day', weeks: 'week', months: 'month', quarters: 'quarter', years: 'year' };
  function relativeParts(slot, value, unit) {
    let x = Number(value);
    unit = String(unit);
    const u = RELATIVE[unit] ? unit : RELATIVE_UNITS[unit];
    if (u === undefined) throw new RangeError('Invalid unit argument for format() \'' + unit + "'");
    if (!Number.isFinite(x)) throw new RangeError('Invalid time value');
    const data = RELATIVE[u][slot.style === 'long' ? 0 : slot.style === 'short' ? 1 : 2];
    if (slot.numeric === 'auto') {
      const key = Object.is(x, -0) ? '-0' : String(x);
      const word = data[2][key === '-0' ? '0' : key];
      if (word !== undefined) return [{ type: 'literal', value: word }];
    }
    const past = x < 0 || Object.is(x, -0);
    const v = decimalOf(MathAbs(x));
    const numberParts = numberToParts(slot.number, v);
    const plural = pluralOfParts(numberParts, roundFraction(v, 3, 'halfExpand'));
    const pattern = data[past ? 0 : 1][plural === 'one' ? 0 : 1];
    const at = pattern.indexOf('{0}');
    const out = [];
    if (at > 0) out.push({ type: 'literal', value: pattern.slice(0, at) });
    for (const p of numberParts) out.push({ type: p.type, value: p.value, unit: u });
    if (at + 3 < pattern.length) out.push({ type: 'literal', value: pattern.slice(at + 3) });
    return out;
  }
  defineMethods(RelativeTimeFormat.prototype, {
    format(value, unit) {
      const slot = slotOf(this, 'RelativeTimeFormat', 'Intl.RelativeTimeFormat.prototype.format');
      return relativeParts(slot, value, unit).map((p) => p.value).join('');
    },
    formatToParts(value, unit) {
      const slot = slotOf(this, 'RelativeTimeFormat', 'Intl.RelativeTimeFormat.prototype.formatToParts');
      return relativeParts(slot, value, unit);
    },
    resolvedOptions() {
      const slot = slotOf(this, 'RelativeTimeFormat', 'Intl.RelativeTimeFormat.prototype.resolvedOptions');
      return { locale: slot.locale, style: slot.style, numeric: slot.numeric, numberingSystem: 'latn' };
    },
  });
  defineTag(RelativeTimeFormat.prototype, 'Intl.RelativeTimeFormat');

  // ---------------------------------------------------------------------------------
  // ListFormat (English)

  // [start/middle separator, two-item separator, last separator]
  const LISTS = {
    'conjunction-long': [', ', ' and ', ', and '], 'conjunction-short': [', ', ' & ', ', & '], 'conjunction-narrow': [', ', ', ', ', '],
    'disjunction-long': [', ', ' or ', ', or '], 'disjunction-short': [', ', ' or ', ', or '], 'disjunction-narrow': [', ', ' or ', ', or '],
    'unit-long': [', ', ', ', ', '], 'unit-short': [', ', ', ', ', '], 'unit-narrow': [' ', ' ', ' '],
  };
  function ListFormat(locales, options) {
    if (new.target === undefined) throw new TypeError("Constructor Intl.ListFormat requires 'new'");
    const lf = Object.create(new.target.prototype);
    const r = resolveLocale(locales, []);
    const o = toOptionsObject(options);
    getOption(o, 'localeMatcher', ['lookup', 'best fit'], 'best fit', 'Intl.ListFormat');
    const type = getOption(o, 'type', ['conjunction', 'disjunction', 'unit'], 'conjunction', 'Intl.ListFormat');
    const style = getOption(o, 'style', ['long', 'short', 'narrow'], 'long', 'Intl.ListFormat');
    slots.set(lf, { kind: 'ListFormat', locale: r.locale, type, style });
    return lf;
  }
  function listParts(slot, list) {
    const items = [];
    if (list !== undefined) {
      for (const item of list) {
        if (typeof item !== 'string') throw new TypeError('Iterable yielded ' + String(item) + ' which is not a string');
        items.push(item);
      }
    }
    const seps = LISTS[slot.type + '-' + slot.style];
    const out = [];
    for (let i = 0; i < items.length; i++) {
      if (i > 0) out.push({ type: 'literal', value: items.length === 2 ? seps[1] : i === items.length - 1 ? seps[2] : seps[0] });
      out.push({ type: 'element', value: items[i] });
    }
    return out;
  }
  defineMethods(ListFormat.prototype, {
    format(list) {
      const slot = slotOf(this, 'ListFormat', 'Intl.ListFormat.prototype.format');
      return listParts(slot, list).map((p) => p.value).join('');
    },
    formatToParts(list) {
      const slot = slotOf(this, 'ListFormat', 'Intl.ListFormat.prototype.formatToParts');
      return listParts(slot, list);
    },
    resolvedOptions() {
      const slot = slotOf(this, 'ListFormat', 'Intl.ListFormat.prototype.resolvedOptions');
      return { locale: slot.locale, type: slot.type, style: slot.style };
    },
  });
  defineTag(ListFormat.prototype, 'Intl.ListFormat');

  // ---------------------------------------------------------------------------------
  // Collator: code point order after folding what the sensitivity ignores; `numeric`
  // compares runs of digits by value. (Node's is the Unicode collation algorithm.)

  function Collator(locales, options) {
    const target = new.target === undefined ? Collator : new.target;
    const c = Object.create(target.prototype);
    const r = resolveLocale(locales, ['co', 'kn', 'kf']);
    const o = toOptionsObject(options);
    const service = 'Intl.Collator';
    const usage = getOption(o, 'usage', ['sort', 'search'], 'sort', service);
    getOption(o, 'localeMatcher', ['lookup', 'best fit'], 'best fit', service);
    getOption(o, 'collation', undefined, undefined, service);
    let numeric = getBooleanOption(o, 'numeric');
    if (numeric === undefined) numeric = r.extensions.kn === 'true' || r.extensions.kn === '';
    let caseFirst = getOption(o, 'caseFirst', ['upper', 'lower', 'false'], undefined, service);
    if (caseFirst === undefined) caseFirst = ['upper', 'lower', 'false'].includes(r.extensions.kf) ? r.extensions.kf : 'false';
    const sensitivity = getOption(o, 'sensitivity', ['base', 'accent', 'case', 'variant'], 'variant', service);
    const ignorePunctuation = getBooleanOption(o, 'ignorePunctuation') || false;
    const extensions = {};
    if (r.extensions.kn !== undefined && numeric === (r.extensions.kn !== 'false')) extensions.kn = r.extensions.kn === 'true' ? undefined : r.extensions.kn;
    slots.set(c, { kind: 'Collator', locale: r.locale, usage, sensitivity, ignorePunctuation, collation: 'default', numeric, caseFirst, bound: undefined });
    return c;
  }
  const stripAccents = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  function collationKey(slot, s, level) {
    s = String(s);
    if (slot.ignorePunctuation) s = s.replace(/[\s!-/:-@[-`{-~\u00a1-\u00bf\u2010-\u2027]/g, '');
    if (level === 'base') return stripAccents(s).toLowerCase();
    if (level === 'accent') return s.normalize('NFD').toLowerCase();
    if (level === 'case') return stripAccents(s);
    return s.normalize('NFD');
  }
  function compareKeys(a, b, numeric) {
    if (numeric) {
      const ra = a.match(/\d+|\D+/g) || [];
      const rb = b.match(/\d+|\D+/g) || [];
      for (let i = 0; i < Math.min(ra.length, rb.length); i++) {
        const x = ra[i];
        const y = rb[i];
        if (/^\d/.test(x) && /^\d/.test(y)) {
          const nx = x.replace(/^0+/, '');
          const ny = y.replace(/^0+/, '');
          if (nx.length !== ny.length) return nx.length < ny.length ? -1 : 1;
          if (nx !== ny) return nx < ny ? -1 : 1;
        } else if (x !== y) {
          return compareKeys(x, y, false);
        }
      }
      return ra.length === rb.length ? 0 : ra.length < rb.length ? -1 : 1;
    }
    return a === b ? 0 : a < b ? -1 : 1;
  }
  function collatorCompare(slot, x, y) {
    const a = String(x);
    const b = String(y);
    // alphabetical first (letters fold case and accents), then the finer levels
    const base = compareKeys(collationKey(slot, a, 'base'), collationKey(slot, b, 'base'), slot.numeric);
    if (base !== 0 || slot.sensitivity === 'base') return base;
    if (slot.sensitivity === 'accent' || slot.sensitivity === 'variant') {
      const accent = compareKeys(collationKey(slot, a, 'accent'), collationKey(slot, b, 'accent'), slot.numeric);
      if (accent !== 0) return accent;
      if (slot.sensitivity === 'accent') return 0;
    }
    // case: lower first unless caseFirst is upper
    const ka = collationKey(slot, a, 'case');
    const kb = collationKey(slot, b, 'case');
    if (ka !== kb) {
      for (let i = 0; i < Math.min(ka.length, kb.length); i++) {
        if (ka[i] === kb[i]) continue;
        const lowerA = ka[i] === ka[i].toLowerCase();
        const lowerB = kb[i] === kb[i].toLowerCase();
        if (lowerA !== lowerB) return (lowerA ? -1 : 1) * (slot.caseFirst === 'upper' ? -1 : 1);
      }
      return compareKeys(ka, kb, slot.numeric);
    }
    if (slot.sensitivity === 'case') return 0;
    return compareKeys(a, b, false);
  }
  defineMethods(Collator.prototype, {
    resolvedOptions() {
      const slot = slotOf(this, 'Collator', 'Intl.Collator.prototype.resolvedOptions');
      return {
        locale: slot.locale, usage: slot.usage, sensitivity: slot.sensitivity, ignorePunctuation: slot.ignorePunctuation,
        collation: slot.collation, numeric: slot.numeric, caseFirst: slot.caseFirst,
      };
    },
  });
  ObjectDefineProperty(Collator.prototype, 'compare', {
    get: function compare() {
      const slot = slotOf(this, 'Collator', 'get Intl.Collator.prototype.compare');
      if (slot.bound === undefined) {
        const bound = (x, y) => collatorCompare(slot, x, y);
        ObjectDefineProperty(bound, 'name', { value: '' });
        slot.bound = bound;
      }
      return slot.bound;
    },
    configurable: true,
    enumerable: false,
  });
  ObjectDefineProperty(Object.getOwnPropertyDescriptor(Collator.prototype, 'compare').get, 'name', { value: 'get compare' });
  defineTag(Collator.prototype, 'Intl.Collator');

  // ---------------------------------------------------------------------------------
  // The Intl object

  for (const [C, length] of [[DateTimeFormat, 0], [NumberFormat, 0], [Collator, 0], [PluralRules, 0], [RelativeTimeFormat, 0], [ListFormat, 0]]) {
    ObjectDefineProperty(C, 'length', { value: length, configurable: true });
    ObjectDefineProperty(C.prototype, 'constructor', { value: C, writable: true, configurable: true, enumerable: false });
    ObjectDefineProperty(C, 'prototype', { writable: false, enumerable: false, configurable: false });
    if (C !== DateTimeFormat) {
      ObjectDefineProperty(C, 'supportedLocalesOf', {
        value: DateTimeFormat.supportedLocalesOf,
        writable: true,
        configurable: true,
      });
    }
  }

  const SUPPORTED = {
    calendar: ['gregory'],
    collation: ['default'],
    currency: Object.keys(CURRENCIES).sort(),
    numberingSystem: ['latn'],
    timeZone: ['UTC'],
    unit: SIMPLE_UNITS.slice().sort(),
  };
  const Intl = {};
  defineMethods(Intl, {
    getCanonicalLocales(locales) {
      return canonicalizeLocaleList(locales);
    },
    supportedValuesOf(key) {
      key = String(key);
      if (!hasOwn(SUPPORTED, key)) throw new RangeError('Invalid key : ' + key);
      return SUPPORTED[key].slice();
    },
    DateTimeFormat,
    NumberFormat,
    Collator,
    PluralRules,
    RelativeTimeFormat,
    ListFormat,
  });
  defineTag(Intl, 'Intl');

  // ---------------------------------------------------------------------------------
  // install(): the built-ins' locale methods through Intl, as Node's are, and Date's
  // toString with the zone's name. Each replacement keeps the original's name, length
  // and attributes; nothing is formatted (or built) until first called.

  function replaceMethod(proto, name, length, fn) {
    const old = Object.getOwnPropertyDescriptor(proto, name);
    ObjectDefineProperty(fn, 'name', { value: name, configurable: true });
    ObjectDefineProperty(fn, 'length', { value: length, configurable: true });
    ObjectDefineProperty(proto, name, {
      value: fn,
      writable: old ? old.writable : true,
      enumerable: false,
      configurable: old ? old.configurable : true,
    });
  }

  let installed = false;
  function install() {
    if (installed) return;
    installed = true;
    const DateProto = Date.prototype;
    const getTime = DateProto.getTime;
    dateValueOf = (date, method) => {
      if (!(date instanceof Date) && Object.prototype.toString.call(date) !== '[object Date]') {
        throw new TypeError('Method ' + method + ' called on incompatible receiver ' + describeReceiver(date));
      }
      return getTime.call(date);
    };
    const methods = {
      toLocaleString(locales, options) {
        return toLocaleDateTime(this, locales, options, 'any', 'all', 'Date.prototype.toLocaleString');
      },
      toLocaleDateString(locales, options) {
        return toLocaleDateTime(this, locales, options, 'date', 'date', 'Date.prototype.toLocaleDateString');
      },
      toLocaleTimeString(locales, options) {
        return toLocaleDateTime(this, locales, options, 'time', 'time', 'Date.prototype.toLocaleTimeString');
      },
    };
    for (const name of Object.keys(methods)) replaceMethod(DateProto, name, 0, methods[name]);
    // `toString` and `toTimeString` are `node/locale.js`'s (they need nothing of this).
    const numberValue = Number.prototype.valueOf;
    replaceMethod(Number.prototype, 'toLocaleString', 0, function (locales, options) {
      return numberToLocaleString(numberValue.call(this), locales, options);
    });
    const bigintValue = BigInt.prototype.valueOf;
    replaceMethod(BigInt.prototype, 'toLocaleString', 0, function (locales, options) {
      return numberToLocaleString(bigintValue.call(this), locales, options);
    });
    // localeCompare as Node's: Intl.Collator's order (QuickJS compares code points).
    let defaultCollator = null;
    replaceMethod(String.prototype, 'localeCompare', 1, function (that, locales, options) {
      if (this === undefined || this === null) throw new TypeError('String.prototype.localeCompare called on null or undefined');
      let c;
      if (locales === undefined && options === undefined) {
        if (defaultCollator === null) defaultCollator = Collator();
        c = defaultCollator;
      } else {
        c = Collator(locales, options);
      }
      return collatorCompare(slots.get(c), String(this), String(that));
    });
    // QuickJS's Array and typed array toLocaleString call each element's without the
    // locales and options; Node's pass them on (and skip arrays already being joined).
    const joining = new Set();
    function arrayToLocaleString(locales, options) {
      const o = Object(this);
      if (joining.has(o)) return '';
      joining.add(o);
      try {
        const length = toLength(o.length);
        let out = '';
        for (let i = 0; i < length; i++) {
          if (i > 0) out += ',';
          const e = o[i];
          if (e !== undefined && e !== null) out += String(Object(e).toLocaleString(locales, options));
        }
        return out;
      } finally {
        joining.delete(o);
      }
    }
    replaceMethod(Array.prototype, 'toLocaleString', 0, arrayToLocaleString);
    const TypedArrayProto = Object.getPrototypeOf(Uint8Array.prototype);
    replaceMethod(TypedArrayProto, 'toLocaleString', 0, function (locales, options) {
      // throws on a non typed array, as the original does
      Object.getOwnPropertyDescriptor(TypedArrayProto, 'length').get.call(this);
      return arrayToLocaleString.call(this, locales, options);
    });
  }

  module.exports = { Intl, install };
})
