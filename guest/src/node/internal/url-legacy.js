// Node's legacy URL API (`internal/url-legacy`): the `Url` class and `parse`, `format`,
// `resolve` and `resolveObject` as Node 20's `url` module has them, with the file URL
// helpers (`fileURLToPath`, `pathToFileURL`, POSIX rules) and `urlToHttpOptions`. The
// WHATWG `URL` class is taken from `globalThis` when these are called, `punycode` and
// `querystring` when first needed. The public `url` module is assembled from these.
(function (module, require) {
  'use strict';

  const { codes, nodeError } = require('internal/errors');

  let punycodeModule = null;
  let querystringModule = null;
  const punycode = () => punycodeModule || (punycodeModule = require('punycode'));
  const querystring = () => querystringModule || (querystringModule = require('querystring'));

  // Protocols written with `//` after them; `javascript:` has no host and keeps every
  // character as it is. Both spellings, with and without the colon, as Node checks both.
  const SLASHED = new Set(['http', 'http:', 'https', 'https:', 'ftp', 'ftp:', 'gopher', 'gopher:',
    'file', 'file:', 'ws', 'ws:', 'wss', 'wss:']);
  const isJavascript = (protocol) => protocol === 'javascript' || protocol === 'javascript:';

  const PROTOCOL = /^[a-z0-9.+-]+:/i;
  const PORT = /:[0-9]*$/;
  // `//user@host` names a host even without a protocol.
  const AUTH_HOST = /^\/\/[^@/]+@[^@/]+/;
  // A plain path (and query) with nothing to take apart: one or two slashes first, no
  // whitespace anywhere.
  const PLAIN_PATH = /^(\/{1,2}(?!\/)[^\s?]*)(\?\S*)?$/;
  const MAX_HOSTNAME = 255;
  // What may not be in a hostname once it is ASCII, for names and for `[...]` addresses.
  const BAD_HOST = /[\0\t\n\r #%/:<>?@[\\\]^|]/;
  const BAD_IPV6_HOST = /[\0\t\n\r #%/<>?@\\^|]/;

  // Characters that `parse` always percent-encodes after the host, by char code.
  const ESCAPES = [];
  for (const ch of '\t\n\r "\'<>\\^`{|}') {
    ESCAPES[ch.charCodeAt(0)] = '%' + ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0');
  }

  function invalidUrl(input) {
    const error = codes.ERR_INVALID_URL();
    error.input = input;
    return error;
  }

  function isBracketed(hostname) {
    return hostname.charCodeAt(0) === 91 && hostname.charCodeAt(hostname.length - 1) === 93;
  }

  function Url() {
    this.protocol = null;
    this.slashes = null;
    this.auth = null;
    this.host = null;
    this.port = null;
    this.hostname = null;
    this.hash = null;
    this.search = null;
    this.query = null;
    this.pathname = null;
    this.path = null;
    this.href = null;
  }

  function parse(url, parseQueryString, slashesDenoteHost) {
    if (url instanceof Url) return url;
    const parsed = new Url();
    parsed.parse(url, parseQueryString, slashesDenoteHost);
    return parsed;
  }

  const isSpace = (code) => code <= 32 || code === 0xa0 || code === 0xfeff;

  function emptyQuery() {
    return Object.create(null);
  }

  // Trims `url`, turns backslashes before the first `?` or `#` into slashes and notes
  // whether an `@` comes before that point and whether there is a `#` at all.
  function prepare(url) {
    let first = 0;
    while (first < url.length && isSpace(url.charCodeAt(first))) first++;
    let last = url.length;
    while (last > first && isSpace(url.charCodeAt(last - 1))) last--;
    let text = first === 0 && last === url.length ? url : url.slice(first, last);
    let at = false;
    let split = text.length;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 35 || code === 63) {
        split = i;
        break;
      }
      if (code === 64) at = true;
    }
    const hash = text.indexOf('#', split) !== -1;
    const head = text.slice(0, split);
    if (head.includes('\\')) text = head.replace(/\\/g, '/') + text.slice(split);
    return { text, at, hash };
  }

  // Puts a query (`?...` without its `?`) where `parse` keeps it.
  function setQuery(target, query, parseQueryString) {
    target.query = parseQueryString ? querystring().parse(query) : query;
  }

  Url.prototype.parse = function parse(url, parseQueryString, slashesDenoteHost) {
    if (typeof url !== 'string') throw codes.ERR_INVALID_ARG_TYPE('url', 'string', url);
    const prepared = prepare(url);
    let rest = prepared.text;

    if (!slashesDenoteHost && !prepared.hash && !prepared.at) {
      const plain = PLAIN_PATH.exec(rest);
      if (plain !== null) {
        this.path = rest;
        this.href = rest;
        this.pathname = plain[1];
        if (plain[2]) {
          this.search = plain[2];
          setQuery(this, plain[2].slice(1), parseQueryString);
        } else if (parseQueryString) {
          this.search = null;
          this.query = emptyQuery();
        }
        return this;
      }
    }

    const protocolMatch = PROTOCOL.exec(rest);
    let written;
    let protocol;
    if (protocolMatch !== null) {
      written = protocolMatch[0];
      protocol = written.toLowerCase();
      this.protocol = protocol;
      rest = rest.slice(written.length);
    }
    const hostless = isJavascript(protocol);

    let slashes = false;
    if (slashesDenoteHost || written !== undefined || AUTH_HOST.test(rest)) {
      slashes = rest.charCodeAt(0) === 47 && rest.charCodeAt(1) === 47;
      if (slashes && !(written !== undefined && hostless)) {
        rest = rest.slice(2);
        this.slashes = true;
      }
    }

    // The protocol as written (not lower-cased) decides here, as in Node.
    if (!hostless && (slashes || (written !== undefined && !SLASHED.has(written)))) {
      rest = takeHost(this, rest, url);
    }

    if (!isJavascript(protocol)) rest = escapeUnsafe(rest);

    const hashAt = rest.indexOf('#');
    const queryAt = rest.indexOf('?');
    const usedQueryAt = hashAt !== -1 && queryAt > hashAt ? -1 : queryAt;
    if (hashAt !== -1) this.hash = rest.slice(hashAt);
    if (usedQueryAt !== -1) {
      const searchEnd = hashAt === -1 ? rest.length : hashAt;
      this.search = rest.slice(usedQueryAt, searchEnd);
      setQuery(this, rest.slice(usedQueryAt + 1, searchEnd), parseQueryString);
    } else if (parseQueryString) {
      this.search = null;
      this.query = emptyQuery();
    }
    const pathEnd = usedQueryAt !== -1 ? usedQueryAt : hashAt;
    if (pathEnd === -1) {
      if (rest.length > 0) this.pathname = rest;
    } else if (pathEnd > 0) {
      this.pathname = rest.slice(0, pathEnd);
    }
    if (SLASHED.has(protocol) && this.hostname && !this.pathname) this.pathname = '/';

    if (this.pathname || this.search) this.path = (this.pathname || '') + (this.search || '');
    this.href = this.format();
    return this;
  };

  // Takes auth, host, hostname and port from the front of `rest` into `self`; returns
  // what follows them.
  function takeHost(self, rest, input) {
    // The host ends at the first `/`, `?` or `#`; an `@` before that point ends the
    // auth (the last such `@` wins), and characters never allowed in a host end the
    // host unless an `@` follows them. Tabs and line breaks there are dropped.
    let end = -1;
    let at = -1;
    let cut = -1;
    for (let i = 0; i < rest.length && end === -1; i++) {
      const code = rest.charCodeAt(i);
      switch (code) {
        case 9: case 10: case 13:
          rest = rest.slice(0, i) + rest.slice(i + 1);
          i--;
          break;
        case 32: case 34: case 37: case 39: case 59: case 60: case 62:
        case 92: case 94: case 96: case 123: case 124: case 125:
          if (cut === -1) cut = i;
          break;
        case 35: case 47: case 63:
          if (cut === -1) cut = i;
          end = i;
          break;
        case 64:
          at = i;
          cut = -1;
          break;
      }
    }
    let hostStart = 0;
    if (at !== -1) {
      self.auth = decodeURIComponent(rest.slice(0, at));
      hostStart = at + 1;
    }
    if (cut === -1) {
      self.host = rest.slice(hostStart);
      rest = '';
    } else {
      self.host = rest.slice(hostStart, cut);
      rest = rest.slice(cut);
    }

    self.parseHost();
    if (typeof self.hostname !== 'string') self.hostname = '';
    let hostname = self.hostname;
    const bracketed = isBracketed(hostname);

    if (!bracketed) {
      // A `:` (a port that is not one) or other delimiter ends the hostname; what
      // follows goes to the path.
      for (let i = 0; i < hostname.length; i++) {
        const code = hostname.charCodeAt(i);
        if (code === 47 || code === 92 || code === 35 || code === 63 || code === 58) {
          rest = '/' + hostname.slice(i) + rest;
          hostname = hostname.slice(0, i);
          break;
        }
      }
    }

    hostname = hostname.length > MAX_HOSTNAME ? '' : hostname.toLowerCase();
    if (hostname !== '') {
      if (bracketed) {
        if (BAD_IPV6_HOST.test(hostname)) throw invalidUrl(input);
      } else {
        hostname = hostToASCII(hostname, input);
        if (hostname === '' || BAD_HOST.test(hostname)) throw invalidUrl(input);
      }
    }

    self.host = hostname + (self.port ? ':' + self.port : '');
    if (bracketed) {
      hostname = hostname.slice(1, -1);
      if (rest[0] !== '/') rest = '/' + rest;
    }
    self.hostname = hostname;
    return rest;
  }

  Url.prototype.parseHost = function parseHost() {
    let host = this.host;
    const port = PORT.exec(host);
    if (port !== null) {
      if (port[0] !== ':') this.port = port[0].slice(1);
      host = host.slice(0, host.length - port[0].length);
    }
    if (host) this.hostname = host;
  };

  // Code points removed from a hostname before it is punycoded, as IDNA maps them away.
  const IGNORED_IN_HOST = /[\u00ad\u034f\u180b-\u180d\u200b\u2060\ufe00-\ufe0f\ufeff]/g;
  const DOTS = /[\u3002\uff0e\uff61]/g;
  // What IDNA refuses outright: joiners outside their contexts, lone surrogates, ...
  const BAD_UNICODE = /[\u200c\u200d\u2024]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
  // What an `xn--` label may not decode to.
  const BAD_DECODED = /[\0-\x1f\x7f-\x9f]/;

  // The hostname as ASCII, or '' when it cannot be one: non-ASCII names are mapped
  // (compatibility forms, ignorable code points, ideographic full stops) and
  // punycoded, and `xn--` labels must decode to something.
  function hostToASCII(hostname) {
    const nul = hostname.indexOf('\0');
    if (nul !== -1) hostname = hostname.slice(0, nul);
    let ascii = true;
    for (let i = 0; i < hostname.length; i++) {
      if (hostname.charCodeAt(i) > 127) {
        ascii = false;
        break;
      }
    }
    if (!ascii) {
      if (BAD_UNICODE.test(hostname)) return '';
      let mapped = hostname.replace(IGNORED_IN_HOST, '');
      if (typeof mapped.normalize === 'function') mapped = mapped.normalize('NFKC');
      hostname = punycode().toASCII(mapped.replace(DOTS, '.').toLowerCase());
    }
    if (hostname.includes('xn--')) {
      for (const label of hostname.split('.')) {
        if (!label.startsWith('xn--')) continue;
        let decoded;
        try {
          decoded = punycode().decode(label.slice(4));
        } catch {
          return '';
        }
        if (decoded === '' || BAD_DECODED.test(decoded) || punycode().encode(decoded) !== label.slice(4)) return '';
      }
    }
    return hostname;
  }

  function escapeUnsafe(text) {
    let out = '';
    let from = 0;
    for (let i = 0; i < text.length; i++) {
      const escape = ESCAPES[text.charCodeAt(i)];
      if (escape !== undefined) {
        out += text.slice(from, i) + escape;
        from = i + 1;
      }
    }
    return from === 0 ? text : out + text.slice(from);
  }

  // Auth as `format` writes it: UTF-8 percent-encoded except for letters, digits and
  // `!'()*-.:_~`. As in Node, a surrogate is paired with whatever unit follows it, and
  // only one left at the very end is an error.
  const AUTH_KEEP = [];
  for (const ch of "!'()*-.:_~") AUTH_KEEP[ch.charCodeAt(0)] = true;
  for (let c = 48; c <= 57; c++) AUTH_KEEP[c] = true;
  for (let c = 65; c <= 90; c++) AUTH_KEEP[c] = AUTH_KEEP[c + 32] = true;
  const hex = (byte) => '%' + (byte < 16 ? '0' : '') + byte.toString(16).toUpperCase();

  function encodeAuth(auth) {
    let out = '';
    let from = 0;
    for (let i = 0; i < auth.length; i++) {
      let code = auth.charCodeAt(i);
      if (code < 0x80 && AUTH_KEEP[code]) continue;
      out += auth.slice(from, i);
      if (code < 0x80) {
        out += hex(code);
      } else if (code < 0x800) {
        out += hex(0xc0 | (code >> 6)) + hex(0x80 | (code & 0x3f));
      } else if (code < 0xd800 || code >= 0xe000) {
        out += hex(0xe0 | (code >> 12)) + hex(0x80 | ((code >> 6) & 0x3f)) + hex(0x80 | (code & 0x3f));
      } else {
        i++;
        if (i >= auth.length) throw nodeError(URIError, 'ERR_INVALID_URI', 'URI malformed');
        code = 0x10000 + (((code & 0x3ff) << 10) | (auth.charCodeAt(i) & 0x3ff));
        out += hex(0xf0 | (code >> 18)) + hex(0x80 | ((code >> 12) & 0x3f)) +
          hex(0x80 | ((code >> 6) & 0x3f)) + hex(0x80 | (code & 0x3f));
      }
      from = i + 1;
    }
    return from === 0 ? auth : out + auth.slice(from);
  }

  function format(urlObject, options) {
    if (typeof urlObject === 'string') {
      urlObject = parse(urlObject);
    } else if (typeof urlObject !== 'object' || urlObject === null) {
      throw codes.ERR_INVALID_ARG_TYPE('urlObject', ['Object', 'string'], urlObject);
    } else {
      const URL = globalThis.URL;
      if (typeof URL === 'function' && urlObject instanceof URL) return formatWhatwg(urlObject, options);
    }
    return Url.prototype.format.call(urlObject);
  }

  // `format` of a WHATWG URL: its href, less what `options` leave out.
  function formatWhatwg(url, options) {
    let fragment = true;
    let unicode = false;
    let search = true;
    let auth = true;
    if (options) {
      if (typeof options !== 'object' || Array.isArray(options)) {
        throw codes.ERR_INVALID_ARG_TYPE('options', 'object', options);
      }
      if (options.fragment != null) fragment = Boolean(options.fragment);
      if (options.unicode != null) unicode = Boolean(options.unicode);
      if (options.search != null) search = Boolean(options.search);
      if (options.auth != null) auth = Boolean(options.auth);
    }
    if (fragment && search && auth && !unicode) return url.href;
    const copy = new globalThis.URL(url.href);
    if (!fragment) copy.hash = '';
    if (!search) copy.search = '';
    if (!auth) {
      copy.username = '';
      copy.password = '';
    }
    const href = copy.href;
    if (!unicode || !copy.hostname) return href;
    // The hostname follows `protocol//` and the userinfo, if any, up to its `@`.
    let at = copy.protocol.length + 2;
    if (copy.username || copy.password) at = href.indexOf('@', at) + 1;
    const hostname = copy.hostname;
    if (href.slice(at, at + hostname.length) !== hostname) return href;
    return href.slice(0, at) + punycode().toUnicode(hostname) + href.slice(at + hostname.length);
  }

  Url.prototype.format = function format() {
    let auth = this.auth || '';
    if (auth) auth = encodeAuth(auth) + '@';

    let protocol = this.protocol || '';
    let pathname = this.pathname || '';
    let hash = this.hash || '';
    let host = '';
    if (this.host) {
      host = auth + this.host;
    } else if (this.hostname) {
      const hostname = this.hostname;
      host = auth + (hostname.includes(':') && !isBracketed(hostname) ? '[' + hostname + ']' : hostname);
      if (this.port) host += ':' + this.port;
    }

    let query = '';
    if (this.query !== null && typeof this.query === 'object') query = querystring().stringify(this.query);
    let search = this.search || (query && '?' + query) || '';

    if (protocol && protocol.charCodeAt(protocol.length - 1) !== 58) protocol += ':';

    for (let i = 0; i < pathname.length; i++) {
      const code = pathname.charCodeAt(i);
      if (code === 35 || code === 63) {
        pathname = pathname.replace(/#/g, '%23').replace(/\?/g, '%3F');
        break;
      }
    }

    if (this.slashes || SLASHED.has(protocol)) {
      if (this.slashes || host) {
        if (pathname && pathname.charCodeAt(0) !== 47) pathname = '/' + pathname;
        host = '//' + host;
      } else if (protocol.length >= 4 && protocol.startsWith('file')) {
        host = '//';
      }
    }

    if (search.includes('#')) search = search.replace(/#/g, '%23');
    if (hash && hash.charCodeAt(0) !== 35) hash = '#' + hash;
    if (search && search.charCodeAt(0) !== 63) search = '?' + search;
    return protocol + host + pathname + search + hash;
  };

  function resolve(source, relative) {
    return parse(source, false, true).resolve(relative);
  }

  Url.prototype.resolve = function resolve(relative) {
    return this.resolveObject(parse(relative, false, true)).format();
  };

  function resolveObject(source, relative) {
    if (!source) return relative;
    return parse(source, false, true).resolveObject(relative);
  }

  function setPath(target) {
    if (target.pathname !== null || target.search !== null) {
      target.path = (target.pathname ? target.pathname : '') + (target.search ? target.search : '');
    }
  }

  function finish(result) {
    result.href = result.format();
    return result;
  }

  // A host of the form `auth@host` left in `host` by a hostless protocol is split.
  function splitAuthFromHost(result) {
    const host = result.host;
    if (host && host.indexOf('@') > 0) {
      const parts = host.split('@');
      result.auth = parts[0];
      result.host = result.hostname = parts[1];
    }
  }

  Url.prototype.resolveObject = function resolveObject(relative) {
    if (typeof relative === 'string') {
      const parsed = new Url();
      parsed.parse(relative, false, true);
      relative = parsed;
    }

    const result = new Url();
    Object.assign(result, this);
    // The fragment always comes from `relative`, even when that is ''.
    result.hash = relative.hash;
    if (relative.href === '') return finish(result);

    // `//host/path`: everything but the protocol comes from `relative`.
    if (relative.slashes && !relative.protocol) {
      for (const key of Object.keys(relative)) {
        if (key !== 'protocol') result[key] = relative[key];
      }
      if (SLASHED.has(result.protocol) && result.hostname && !result.pathname) {
        result.path = result.pathname = '/';
      }
      return finish(result);
    }

    if (relative.protocol && relative.protocol !== result.protocol) {
      // Another protocol: an unknown one replaces everything; a known one keeps only what
      // `relative` leaves out, and its first path segment becomes the host if it has none.
      if (!SLASHED.has(relative.protocol)) {
        Object.assign(result, relative);
        return finish(result);
      }
      result.protocol = relative.protocol;
      if (!relative.host && relative.protocol !== 'file' && relative.protocol !== 'file:' &&
          !isJavascript(relative.protocol)) {
        const segments = (relative.pathname || '').split('/');
        while (segments.length > 0 && !(relative.host = segments.shift()));
        if (!relative.host) relative.host = '';
        if (!relative.hostname) relative.hostname = '';
        if (segments[0] !== '') segments.unshift('');
        if (segments.length < 2) segments.unshift('');
        result.pathname = segments.join('/');
      } else {
        result.pathname = relative.pathname;
      }
      result.search = relative.search;
      result.query = relative.query;
      result.host = relative.host || '';
      result.auth = relative.auth;
      result.hostname = relative.hostname || relative.host;
      result.port = relative.port;
      if (result.pathname || result.search) result.path = (result.pathname || '') + (result.search || '');
      result.slashes = result.slashes || relative.slashes;
      return finish(result);
    }

    const sourceAbsolute = result.pathname && result.pathname.charAt(0) === '/';
    const relativeAbsolute = relative.host || (relative.pathname && relative.pathname.charAt(0) === '/');
    let mustBeAbsolute = relativeAbsolute || sourceAbsolute || (result.host && relative.pathname);
    const dropAllDots = mustBeAbsolute;
    let segments = (result.pathname && result.pathname.split('/')) || [];
    const relativeSegments = (relative.pathname && relative.pathname.split('/')) || [];
    // Protocols without `//` (mailto:, ...) keep their "host" as the first segment, so
    // that `..` can climb into it; it is put back at the end.
    const hostInPath = result.protocol && !SLASHED.has(result.protocol);

    if (hostInPath) {
      result.hostname = '';
      result.port = null;
      if (result.host) {
        if (segments[0] === '') segments[0] = result.host;
        else segments.unshift(result.host);
      }
      result.host = '';
      if (relative.protocol) {
        relative.hostname = null;
        relative.port = null;
        result.auth = null;
        if (relative.host) {
          if (relativeSegments[0] === '') relativeSegments[0] = relative.host;
          else relativeSegments.unshift(relative.host);
        }
        relative.host = null;
      }
      mustBeAbsolute = mustBeAbsolute && (relativeSegments[0] === '' || segments[0] === '');
    }

    if (relativeAbsolute) {
      if (relative.host || relative.host === '') {
        if (result.host !== relative.host) result.auth = null;
        result.host = relative.host;
        result.port = relative.port;
      }
      if (relative.hostname || relative.hostname === '') {
        if (result.hostname !== relative.hostname) result.auth = null;
        result.hostname = relative.hostname;
      }
      result.search = relative.search;
      result.query = relative.query;
      segments = relativeSegments;
    } else if (relativeSegments.length > 0) {
      segments.pop();
      segments = segments.concat(relativeSegments);
      result.search = relative.search;
      result.query = relative.query;
    } else if (relative.search !== null && relative.search !== undefined) {
      // Only a query: it replaces the source's.
      if (hostInPath) {
        result.hostname = result.host = segments.shift();
        splitAuthFromHost(result);
      }
      result.search = relative.search;
      result.query = relative.query;
      setPath(result);
      return finish(result);
    }

    if (segments.length === 0) {
      result.pathname = null;
      result.path = result.search ? '/' + result.search : null;
      return finish(result);
    }

    // A path ending in `.` or `..` (or empty) keeps a trailing slash.
    let last = segments[segments.length - 1];
    const trailingSlash = ((result.host || relative.host || segments.length > 1) &&
      (last === '.' || last === '..')) || last === '';

    // Drop `.` segments and resolve `..` against what precedes it; `up` counts the `..`
    // that climb above the start.
    let up = 0;
    for (let i = segments.length - 1; i >= 0; i--) {
      last = segments[i];
      if (last === '.') {
        segments.splice(i, 1);
      } else if (last === '..') {
        segments.splice(i, 1);
        up++;
      } else if (up > 0) {
        segments.splice(i, 1);
        up--;
      }
    }
    if (!mustBeAbsolute && !dropAllDots) {
      for (; up > 0; up--) segments.unshift('..');
    }

    if (mustBeAbsolute && segments[0] !== '' && (!segments[0] || segments[0].charAt(0) !== '/')) {
      segments.unshift('');
    }
    if (trailingSlash && segments.join('/').slice(-1) !== '/') segments.push('');

    const absolute = segments[0] === '' || (segments[0] && segments[0].charAt(0) === '/');
    if (hostInPath) {
      result.hostname = result.host = absolute ? '' : segments.length > 0 ? segments.shift() : '';
      splitAuthFromHost(result);
    }

    mustBeAbsolute = mustBeAbsolute || (result.host && segments.length);
    if (mustBeAbsolute && !absolute) segments.unshift('');

    if (segments.length === 0) {
      result.pathname = null;
      result.path = null;
    } else {
      result.pathname = segments.join('/');
    }
    setPath(result);
    result.auth = relative.auth || result.auth;
    result.slashes = result.slashes || relative.slashes;
    return finish(result);
  };

  // --- File URLs and http options, on the WHATWG URL class ---

  function isURL(value) {
    return Boolean(value && value.href && value.protocol && value.auth === undefined && value.path === undefined);
  }

  function fileURLToPath(path) {
    if (typeof path === 'string') path = new globalThis.URL(path);
    else if (!isURL(path)) throw codes.ERR_INVALID_ARG_TYPE('path', ['string', 'URL'], path);
    if (path.protocol !== 'file:') throw codes.ERR_INVALID_URL_SCHEME('file');
    if (path.hostname !== '') {
      const platform = (globalThis.process && globalThis.process.platform) || 'linux';
      throw codes.ERR_INVALID_FILE_URL_HOST(platform);
    }
    const pathname = path.pathname;
    for (let i = pathname.indexOf('%'); i !== -1; i = pathname.indexOf('%', i + 1)) {
      if (pathname[i + 1] === '2' && (pathname.charCodeAt(i + 2) | 0x20) === 102) {
        throw codes.ERR_INVALID_FILE_URL_PATH('must not include encoded / characters');
      }
    }
    return decodeURIComponent(pathname);
  }

  // Characters of a path that `pathToFileURL` percent-encodes.
  const PATH_ESCAPES = [];
  for (const ch of '%\t\n\r "#?[\\]^|~') {
    PATH_ESCAPES[ch.charCodeAt(0)] = '%' + ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0');
  }

  // `path` made absolute against `/` and normalized, as `path.posix.resolve` does.
  function resolvePosix(path) {
    const out = [];
    for (const segment of path.split('/')) {
      if (segment === '' || segment === '.') continue;
      if (segment === '..') out.pop();
      else out.push(segment);
    }
    return '/' + out.join('/');
  }

  function pathToFileURL(path) {
    if (typeof path !== 'string') throw codes.ERR_INVALID_ARG_TYPE('path', 'string', path);
    let resolved = resolvePosix(path);
    if (path.charCodeAt(path.length - 1) === 47 && resolved.charCodeAt(resolved.length - 1) !== 47) {
      resolved += '/';
    }
    let encoded = '';
    let from = 0;
    for (let i = 0; i < resolved.length; i++) {
      const escape = PATH_ESCAPES[resolved.charCodeAt(i)];
      if (escape !== undefined) {
        encoded += resolved.slice(from, i) + escape;
        from = i + 1;
      }
    }
    encoded += resolved.slice(from);
    return new globalThis.URL('file://' + encoded);
  }

  function urlToHttpOptions(url) {
    const { hostname, pathname, port, username, password, search } = url;
    const options = Object.assign(Object.create(null), url);
    options.protocol = url.protocol;
    options.hostname = hostname && hostname[0] === '[' ? hostname.slice(1, -1) : hostname;
    options.hash = url.hash;
    options.search = search;
    options.pathname = pathname;
    options.path = (pathname || '') + (search || '');
    options.href = url.href;
    if (port !== '') options.port = Number(port);
    if (username || password) {
      options.auth = decodeURIComponent(username) + ':' + decodeURIComponent(password);
    }
    return options;
  }

  module.exports = {
    Url,
    parse,
    resolve,
    resolveObject,
    format,
    fileURLToPath,
    pathToFileURL,
    urlToHttpOptions,
  };
})
