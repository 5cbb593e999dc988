// The WHATWG `URL` and `URLSearchParams` (`internal/url`: the globals, and part of the
// `url` module). Parsing, setters and form encoding are the `url` crate's, through the
// natives; a URL keeps its components as an array of strings, in `natives.components`'
// order.
(function (module, require, natives) {
  'use strict';
  const { codes } = require('internal/errors');
  const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');
  const [HREF, ORIGIN, PROTOCOL, USERNAME, PASSWORD, HOST, HOSTNAME, PORT, PATHNAME, SEARCH, HASH] =
    natives.components.map((_, i) => i);
  const parse = natives.parse;

  function invalidUrl(input, base) {
    const error = new codes.ERR_INVALID_URL();
    error.input = input;
    if (base !== undefined) error.base = base;
    return error;
  }

  // ---- URLSearchParams ------------------------------------------------------------------
  // A URL's params write their changes back into it through `#url`.
  class URLSearchParams {
    #list = [];
    #url = null;

    constructor(init = undefined) {
      if (init === undefined || init === null) return;
      if (typeof init === 'object' || typeof init === 'function') {
        if (init instanceof URLSearchParams) {
          this.#list = init.#list.slice();
          return;
        }
        const method = init[Symbol.iterator];
        if (method === undefined) {
          for (const key of Reflect.ownKeys(init)) {
            if (typeof key !== 'string') continue;
            const descriptor = Reflect.getOwnPropertyDescriptor(init, key);
            if (descriptor !== undefined && descriptor.enumerable) this.#list.push(toUSV(key), toUSV(init[key]));
          }
          return;
        }
        if (typeof method !== 'function') {
          throw codes.ERR_INVALID_ARG_TYPE('init', ['Object', 'Iterable'], init);
        }
        for (const pair of init) {
          if (pair === null || (typeof pair !== 'object' && typeof pair !== 'function') ||
              typeof pair[Symbol.iterator] !== 'function') {
            throw require('internal/errors').nodeError(TypeError, 'ERR_INVALID_TUPLE',
              'Each query pair must be an iterable [name, value] tuple');
          }
          const items = [...pair];
          if (items.length !== 2) {
            throw require('internal/errors').nodeError(TypeError, 'ERR_INVALID_TUPLE',
              'Each query pair must be an iterable [name, value] tuple');
          }
          this.#list.push(toUSV(items[0]), toUSV(items[1]));
        }
        return;
      }
      let text = toUSV(init);
      if (text.charCodeAt(0) === 63) text = text.slice(1);
      this.#list = text === '' ? [] : natives.formParse(text);
    }

    // Links the params of `url`, read from its query `search`.
    static _linked(url, search) {
      const params = new URLSearchParams();
      params.#url = url;
      params._reset(search);
      return params;
    }
    _reset(search) {
      this.#list = search.length > 1 ? natives.formParse(search.slice(1)) : [];
    }
    #update() {
      if (this.#url !== null) this.#url._setQueryFromParams(this.toString());
    }

    get size() {
      return this.#list.length / 2;
    }
    append(name, value) {
      if (arguments.length < 2) throw codes.ERR_MISSING_ARGS('name', 'value');
      this.#list.push(toUSV(name), toUSV(value));
      this.#update();
    }
    delete(name, value = undefined) {
      if (arguments.length < 1) throw codes.ERR_MISSING_ARGS('name');
      const list = this.#list;
      name = toUSV(name);
      const only = value === undefined ? undefined : toUSV(value);
      for (let i = list.length - 2; i >= 0; i -= 2) {
        if (list[i] === name && (only === undefined || list[i + 1] === only)) list.splice(i, 2);
      }
      this.#update();
    }
    get(name) {
      if (arguments.length < 1) throw codes.ERR_MISSING_ARGS('name');
      const list = this.#list;
      name = toUSV(name);
      for (let i = 0; i < list.length; i += 2) if (list[i] === name) return list[i + 1];
      return null;
    }
    getAll(name) {
      if (arguments.length < 1) throw codes.ERR_MISSING_ARGS('name');
      const list = this.#list;
      name = toUSV(name);
      const out = [];
      for (let i = 0; i < list.length; i += 2) if (list[i] === name) out.push(list[i + 1]);
      return out;
    }
    has(name, value = undefined) {
      if (arguments.length < 1) throw codes.ERR_MISSING_ARGS('name');
      const list = this.#list;
      name = toUSV(name);
      const only = value === undefined ? undefined : toUSV(value);
      for (let i = 0; i < list.length; i += 2) {
        if (list[i] === name && (only === undefined || list[i + 1] === only)) return true;
      }
      return false;
    }
    set(name, value) {
      if (arguments.length < 2) throw codes.ERR_MISSING_ARGS('name', 'value');
      const list = this.#list;
      name = toUSV(name);
      value = toUSV(value);
      let found = false;
      for (let i = 0; i < list.length; i += 2) {
        if (list[i] !== name) continue;
        if (!found) {
          list[i + 1] = value;
          found = true;
        } else {
          list.splice(i, 2);
          i -= 2;
        }
      }
      if (!found) list.push(name, value);
      this.#update();
    }
    sort() {
      const list = this.#list;
      const pairs = [];
      for (let i = 0; i < list.length; i += 2) pairs.push([list[i], list[i + 1]]);
      // Stable, by code units, as the standard sorts.
      pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      this.#list = pairs.flat();
      this.#update();
    }
    forEach(callback, thisArg = undefined) {
      if (typeof callback !== 'function') throw codes.ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
      const list = this.#list;
      for (let i = 0; i < list.length; i += 2) callback.call(thisArg, list[i + 1], list[i], this);
    }
    *entries() {
      const list = this.#list;
      for (let i = 0; i < list.length; i += 2) yield [list[i], list[i + 1]];
    }
    *keys() {
      const list = this.#list;
      for (let i = 0; i < list.length; i += 2) yield list[i];
    }
    *values() {
      const list = this.#list;
      for (let i = 0; i < list.length; i += 2) yield list[i + 1];
    }
    [Symbol.iterator]() {
      return this.entries();
    }
    toString() {
      return this.#list.length === 0 ? '' : natives.formSerialize(this.#list);
    }
    get [Symbol.toStringTag]() {
      return 'URLSearchParams';
    }
    [inspectSymbol](depth, options, inspect) {
      const list = this.#list;
      if (list.length === 0) return 'URLSearchParams {}';
      const parts = [];
      for (let i = 0; i < list.length; i += 2) parts.push(inspect(list[i]) + ' => ' + inspect(list[i + 1]));
      const flat = 'URLSearchParams { ' + parts.join(', ') + ' }';
      if (flat.length <= (options && options.breakLength !== undefined ? options.breakLength : 80)) return flat;
      return 'URLSearchParams {\n  ' + parts.join(',\n  ') + ' }';
    }
  }
  Object.defineProperty(URLSearchParams.prototype, '_reset', { enumerable: false });
  for (const name of ['append', 'delete', 'get', 'getAll', 'has', 'set', 'sort', 'forEach', 'entries', 'keys', 'values', 'toString', 'size']) {
    const descriptor = Object.getOwnPropertyDescriptor(URLSearchParams.prototype, name);
    descriptor.enumerable = true;
    Object.defineProperty(URLSearchParams.prototype, name, descriptor);
  }
  Object.defineProperty(URLSearchParams, '_linked', { enumerable: false });

  // WebIDL's USVString: the string, each lone surrogate replaced by U+FFFD.
  function toUSV(value) {
    const text = typeof value === 'string' ? value : String(value);
    return text.isWellFormed() ? text : text.toWellFormed();
  }

  // ---- URL ------------------------------------------------------------------------------
  class URL {
    #c;
    #params = null;

    constructor(input, base = undefined) {
      if (arguments.length === 0) throw codes.ERR_MISSING_ARGS('url');
      input = toUSV(input);
      if (base !== undefined) base = toUSV(base);
      const components = parse(input, base);
      if (components === null) throw invalidUrl(input, base);
      this.#c = components;
    }

    static canParse(input, base = undefined) {
      if (arguments.length === 0) throw codes.ERR_MISSING_ARGS('url');
      return parse(toUSV(input), base === undefined ? undefined : toUSV(base)) !== null;
    }

    #set(component, value) {
      const next = natives.set(this.#c[HREF], component, toUSV(value));
      if (next === null) throw invalidUrl(toUSV(value));
      const searchChanged = next[SEARCH] !== this.#c[SEARCH];
      this.#c = next;
      if (searchChanged && this.#params !== null) this.#params._reset(next[SEARCH]);
    }
    // Called by the linked params: the query becomes their serialization (none if empty).
    _setQueryFromParams(query) {
      this.#c = natives.set(this.#c[HREF], 'search', query);
    }

    get href() { return this.#c[HREF]; }
    set href(value) { this.#set('href', value); }
    get origin() { return this.#c[ORIGIN]; }
    get protocol() { return this.#c[PROTOCOL]; }
    set protocol(value) { this.#set('protocol', value); }
    get username() { return this.#c[USERNAME]; }
    set username(value) { this.#set('username', value); }
    get password() { return this.#c[PASSWORD]; }
    set password(value) { this.#set('password', value); }
    get host() { return this.#c[HOST]; }
    set host(value) { this.#set('host', value); }
    get hostname() { return this.#c[HOSTNAME]; }
    set hostname(value) { this.#set('hostname', value); }
    get port() { return this.#c[PORT]; }
    set port(value) { this.#set('port', value); }
    get pathname() { return this.#c[PATHNAME]; }
    set pathname(value) { this.#set('pathname', value); }
    get search() { return this.#c[SEARCH]; }
    set search(value) { this.#set('search', value); }
    get searchParams() {
      if (this.#params === null) this.#params = URLSearchParams._linked(this, this.#c[SEARCH]);
      return this.#params;
    }
    get hash() { return this.#c[HASH]; }
    set hash(value) { this.#set('hash', value); }
    toString() { return this.#c[HREF]; }
    toJSON() { return this.#c[HREF]; }
    get [Symbol.toStringTag]() { return 'URL'; }

    [inspectSymbol](depth, options, inspect) {
      if (typeof depth === 'number' && depth < 0) return this;
      const fields = {
        href: this.href, origin: this.origin, protocol: this.protocol, username: this.username,
        password: this.password, host: this.host, hostname: this.hostname, port: this.port,
        pathname: this.pathname, search: this.search, searchParams: this.searchParams, hash: this.hash,
      };
      const shown = inspect(fields, { ...options, depth: options && typeof options.depth === 'number' ? options.depth : 2 });
      return 'URL ' + shown;
    }
  }
  Object.defineProperty(URL.prototype, '_setQueryFromParams', { enumerable: false });
  for (const name of ['href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname', 'port', 'pathname',
    'search', 'searchParams', 'hash', 'toString', 'toJSON']) {
    const descriptor = Object.getOwnPropertyDescriptor(URL.prototype, name);
    descriptor.enumerable = true;
    Object.defineProperty(URL.prototype, name, descriptor);
  }

  function domainToASCII(domain) {
    if (arguments.length < 1) throw codes.ERR_MISSING_ARGS('domain');
    return natives.domainToASCII(toUSV(domain));
  }
  function domainToUnicode(domain) {
    if (arguments.length < 1) throw codes.ERR_MISSING_ARGS('domain');
    return natives.domainToUnicode(toUSV(domain));
  }

  module.exports = { URL, URLSearchParams, domainToASCII, domainToUnicode };
})
