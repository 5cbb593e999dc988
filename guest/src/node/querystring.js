// Node's `querystring`: `parse` (`decode`) into a null-prototype object, with Node's
// separators, `maxKeys`, `+` as a space, and escapes that do not decode kept as written;
// `stringify` (`encode`); `escape`, Node's percent-encoding (its own surrogate handling);
// `unescape` and `unescapeBuffer` (bytes, through `buffer`, loaded when first needed).
// As in Node, `parse`, `stringify` and `unescape` call this module's `escape`, `unescape`
// and `unescapeBuffer` as they are at the time, so replacing them takes effect.
(function (module, require) {
  'use strict';

  const charCodeAt = String.prototype.charCodeAt;
  const PLUS = 43;
  const PERCENT = 37;

  // the hex value of a character code, or -1
  function hexValue(code) {
    if (code >= 48 && code <= 57) return code - 48;
    if (code >= 65 && code <= 70) return code - 55;
    if (code >= 97 && code <= 102) return code - 87;
    return -1;
  }

  // `%XX` for every byte
  const HEX = [];
  for (let i = 0; i < 256; i++) HEX.push('%' + (i < 16 ? '0' : '') + i.toString(16).toUpperCase());

  // ASCII characters that stay as they are: letters, digits and - . _ ~ ! ' ( ) *
  const PLAIN = new Uint8Array(128);
  for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!'()*") PLAIN[c.charCodeAt(0)] = 1;

  let errorsModule = null;
  function malformed() {
    if (errorsModule === null) errorsModule = require('internal/errors');
    return errorsModule.nodeError(URIError, 'ERR_INVALID_URI', 'URI malformed');
  }

  // UTF-8 percent-encoding. A surrogate takes the next code unit as its pair whatever
  // that is, and only one that ends the string fails: Node's rules, not
  // encodeURIComponent's.
  function percentEncode(text) {
    const length = text.length;
    let out = '';
    let copied = 0; // text before this index is in `out`
    for (let i = 0; i < length; i++) {
      let code = text.charCodeAt(i);
      if (code < 0x80 && PLAIN[code] === 1) continue;
      if (copied < i) out += text.slice(copied, i);
      if (code < 0x80) {
        out += HEX[code];
      } else if (code < 0x800) {
        out += HEX[0xc0 | (code >> 6)] + HEX[0x80 | (code & 0x3f)];
      } else if (code < 0xd800 || code >= 0xe000) {
        out += HEX[0xe0 | (code >> 12)] + HEX[0x80 | ((code >> 6) & 0x3f)] + HEX[0x80 | (code & 0x3f)];
      } else {
        i++;
        if (i >= length) throw malformed();
        code = 0x10000 + (((code & 0x3ff) << 10) | (text.charCodeAt(i) & 0x3ff));
        out +=
          HEX[0xf0 | (code >> 18)] + HEX[0x80 | ((code >> 12) & 0x3f)] +
          HEX[0x80 | ((code >> 6) & 0x3f)] + HEX[0x80 | (code & 0x3f)];
      }
      copied = i + 1;
    }
    if (copied === 0) return text;
    return copied < length ? out + text.slice(copied) : out;
  }

  function qsEscape(str) {
    if (typeof str !== 'string') {
      if (typeof str === 'object') str = String(str);
      else str += '';
    }
    return percentEncode(str);
  }

  // Bytes of `s`: `%XX` decoded, `+` a space when `decodeSpaces`, every other code unit
  // as its low byte.
  function unescapeBuffer(s, decodeSpaces) {
    const { Buffer } = require('buffer');
    const out = Buffer.allocUnsafe(s.length);
    const length = s.length;
    // as in Node, a value that is not a string is read through String.prototype
    const text = typeof s === 'string' ? s : null;
    let n = 0;
    for (let i = 0; i < length; i++) {
      const code = text !== null ? text.charCodeAt(i) : charCodeAt.call(s, i);
      if (code === PLUS && decodeSpaces) {
        out[n++] = 32;
        continue;
      }
      if (code === PERCENT && i + 2 < length) {
        const high = hexValue(charCodeAt.call(s, i + 1));
        const low = high === -1 ? -1 : hexValue(charCodeAt.call(s, i + 2));
        if (low !== -1) {
          out[n++] = high * 16 + low;
          i += 2;
          continue;
        }
      }
      out[n++] = code;
    }
    return n < out.length ? out.subarray(0, n) : out;
  }

  function qsUnescape(s, decodeSpaces) {
    try {
      return decodeURIComponent(s);
    } catch {
      return module.exports.unescapeBuffer(s, decodeSpaces).toString();
    }
  }

  // ---- stringify ----

  // a value as `stringify` writes it with Node's own escape
  function plainValue(v, encode) {
    if (typeof v === 'string') return v.length > 0 ? encode(v) : '';
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return '';
      // from 1e21 up numbers print with an exponent and its `+`
      return Math.abs(v) < 1e21 ? '' + v : encode('' + v);
    }
    if (typeof v === 'bigint') return '' + v;
    if (typeof v === 'boolean') return v ? 'true' : 'false';
    return '';
  }

  // a value as `stringify` writes it with the caller's encoder
  function customValue(v, encode) {
    let text = '';
    if (typeof v === 'string') text = v;
    else if (typeof v === 'number') text = Number.isFinite(v) ? '' + v : '';
    else if (typeof v === 'bigint') text = '' + v;
    else if (typeof v === 'boolean') text = v ? 'true' : 'false';
    return encode(text);
  }

  function stringify(obj, sep, eq, options) {
    sep = sep || '&';
    eq = eq || '=';
    let encode = module.exports.escape;
    if (options && typeof options.encodeURIComponent === 'function') encode = options.encodeURIComponent;
    const convert = encode === qsEscape ? plainValue : customValue;
    if (obj === null || typeof obj !== 'object') return '';
    const keys = Object.keys(obj);
    let out = '';
    for (let i = 0; i < keys.length; i++) {
      const value = obj[keys[i]];
      const head = convert(keys[i], encode) + eq;
      if (Array.isArray(value)) {
        if (value.length === 0) continue;
        if (out) out += sep;
        for (let j = 0; j < value.length; j++) {
          if (j > 0) out += sep;
          out += head + convert(value[j], encode);
        }
      } else {
        if (out) out += sep;
        out += head + convert(value, encode);
      }
    }
    return out;
  }

  // ---- parse ----

  function codesOf(text) {
    const codes = [];
    for (let i = 0; i < text.length; i++) codes.push(text.charCodeAt(i));
    return codes;
  }
  const AMPERSAND = [38];
  const EQUALS = [61];

  function decodePart(text, decode) {
    try {
      return decode(text);
    } catch {
      return module.exports.unescape(text, true);
    }
  }

  function store(result, key, value, decodeKey, decodeValue, decode) {
    if (decodeKey && key.length > 0) key = decodePart(key, decode);
    if (decodeValue && value.length > 0) value = decodePart(value, decode);
    const present = result[key];
    if (present === undefined) result[key] = value;
    else if (Array.isArray(present)) present.push(value);
    else result[key] = [present, value];
  }

  // Splits `qs` at `sep`, each piece at its first `eq`. Separators match greedily from
  // where the last attempt failed (a failed partial match does not restart at the
  // character that broke it), a character taken by a separator match is not also looked
  // at as part of `eq`, and a key or value is decoded only when it holds a valid `%XX`
  // (always, with a custom decoder).
  function parse(qs, sep, eq, options) {
    const result = { __proto__: null };
    if (typeof qs !== 'string' || qs.length === 0) return result;
    const sepCodes = sep ? codesOf(String(sep)) : AMPERSAND;
    const eqCodes = eq ? codesOf(String(eq)) : EQUALS;
    const sepLength = sepCodes.length;
    const eqLength = eqCodes.length;

    // counts down to 0; a maxKeys of 0 or less means no limit
    let remaining = 1000;
    if (options && typeof options.maxKeys === 'number') remaining = options.maxKeys > 0 ? options.maxKeys : -1;
    let decode = module.exports.unescape;
    if (options && typeof options.decodeURIComponent === 'function') decode = options.decodeURIComponent;
    const custom = decode !== qsUnescape;
    const space = custom ? '%20' : ' ';

    let key = '';
    let value = '';
    let decodeKey = custom;
    let decodeValue = custom;
    let from = 0; // start of the text not yet added to the key or the value
    let sepMatched = 0;
    let eqMatched = 0; // eqLength once the key is complete
    let escapeRun = 0; // 1 after `%`, 2 after `%X`

    for (let i = 0; i < qs.length; i++) {
      const code = qs.charCodeAt(i);
      if (code === sepCodes[sepMatched]) {
        if (++sepMatched < sepLength) continue;
        const end = i - sepLength + 1;
        if (eqMatched < eqLength) {
          if (from < end) {
            key += qs.slice(from, end);
          } else if (key.length === 0) {
            // an empty piece: counts against maxKeys, adds nothing
            if (--remaining === 0) return result;
            from = i + 1;
            sepMatched = eqMatched = 0;
            continue;
          }
        } else if (from < end) {
          value += qs.slice(from, end);
        }
        store(result, key, value, decodeKey, decodeValue, decode);
        if (--remaining === 0) return result;
        decodeKey = decodeValue = custom;
        key = value = '';
        escapeRun = 0;
        from = i + 1;
        sepMatched = eqMatched = 0;
        continue;
      }
      sepMatched = 0;
      if (eqMatched < eqLength) {
        // still in the key
        if (code === eqCodes[eqMatched]) {
          if (++eqMatched === eqLength) {
            const end = i - eqLength + 1;
            if (from < end) key += qs.slice(from, end);
            escapeRun = 0;
            from = i + 1;
          }
          continue;
        }
        eqMatched = 0;
        if (!decodeKey) {
          // `%XX` in the key: its characters are not looked at further
          if (code === PERCENT) {
            escapeRun = 1;
            continue;
          }
          if (escapeRun > 0) {
            if (hexValue(code) !== -1) {
              if (++escapeRun === 3) decodeKey = true;
              continue;
            }
            escapeRun = 0;
          }
        }
        if (code === PLUS) {
          if (from < i) key += qs.slice(from, i);
          key += space;
          from = i + 1;
          continue;
        }
      }
      // the value's `+` and `%XX` (as in Node, also reached by the key's characters once
      // the key is known to need decoding)
      if (code === PLUS) {
        if (from < i) value += qs.slice(from, i);
        value += space;
        from = i + 1;
      } else if (!decodeValue) {
        if (code === PERCENT) {
          escapeRun = 1;
        } else if (escapeRun > 0) {
          if (hexValue(code) === -1) escapeRun = 0;
          else if (++escapeRun === 3) decodeValue = true;
        }
      }
    }

    if (from < qs.length) {
      if (eqMatched < eqLength) key += qs.slice(from);
      else if (sepMatched < sepLength) value += qs.slice(from);
    } else if (eqMatched === 0 && key.length === 0) {
      // ended on an empty piece
      return result;
    }
    store(result, key, value, decodeKey, decodeValue, decode);
    return result;
  }

  module.exports = {
    unescapeBuffer,
    unescape: qsUnescape,
    escape: qsEscape,
    stringify,
    encode: stringify,
    parse,
    decode: parse,
  };
})
