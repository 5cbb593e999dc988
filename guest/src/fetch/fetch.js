// `fetch` and the WHATWG shapes around it, installed as globals: `fetch`, `Headers`,
// `Request`, `Response`, `Blob`, `FormData`, `AbortController`,
// `AbortSignal`, `Event`, `EventTarget` and `DOMException`.
//
// A request is checked and performed by the host: `natives.start` hands it over as plain
// data and returns at once, so several requests run together; `run.rs` calls
// `complete(id)` when the event loop's wait reports one done, and the promise settles
// there. Failures reject with a `TypeError` whose `code` says what failed (one code for
// every failure of the network itself) and whose `cause` carries the same. Bodies are
// read whole: `body` is not a stream.
(function (natives) {
  'use strict';
  const global = globalThis;
  const encoder = new TextEncoder();
  // UTF-8 as `TextDecoder` reads it (a leading BOM dropped, ill-formed bytes replaced),
  // done in Rust.
  const utf8 = natives.utf8;
  // Form bodies are the `url` module's `URLSearchParams` (the global's, whatever the Action
  // does to the global), loaded when first needed.
  const isSearchParams = (value) => {
    const url = natives.loaded('internal/url');
    return url !== undefined && value instanceof url.URLSearchParams;
  };
  const define = (name, value) =>
    Object.defineProperty(global, name, { value, writable: true, configurable: true, enumerable: false });

  // ---- DOMException, Event, EventTarget -------------------------------------------------
  // The legacy `code` of each name that has one.
  const DOM_CODES = {
    IndexSizeError: 1, HierarchyRequestError: 3, WrongDocumentError: 4, InvalidCharacterError: 5,
    NoModificationAllowedError: 7, NotFoundError: 8, NotSupportedError: 9, InvalidStateError: 11, SyntaxError: 12,
    InvalidModificationError: 13, NamespaceError: 14, InvalidAccessError: 15, TypeMismatchError: 17,
    SecurityError: 18, NetworkError: 19, AbortError: 20, URLMismatchError: 21, QuotaExceededError: 22,
    TimeoutError: 23, InvalidNodeTypeError: 24, DataCloneError: 25,
  };
  class DOMException extends Error {
    constructor(message = '', name = 'Error') {
      super(String(message));
      Object.defineProperty(this, 'name', { value: String(name), writable: true, configurable: true });
    }
    get code() {
      return DOM_CODES[this.name] || 0;
    }
  }

  class Event {
    constructor(type, init = {}) {
      if (arguments.length === 0) throw new TypeError('The "type" argument must be specified');
      this.type = String(type);
      this.bubbles = !!init.bubbles;
      this.cancelable = !!init.cancelable;
      this.defaultPrevented = false;
      this.timeStamp = 0;
      this.target = null;
      this.currentTarget = null;
    }
    preventDefault() {
      if (this.cancelable) this.defaultPrevented = true;
    }
    stopPropagation() {}
    stopImmediatePropagation() {
      this._stopped = true;
    }
  }

  const listenersOf = new WeakMap();
  class EventTarget {
    constructor() {
      listenersOf.set(this, new Map());
    }
    addEventListener(type, listener, options) {
      if (listener == null) return;
      const once = typeof options === 'object' && options !== null && !!options.once;
      const signal = typeof options === 'object' && options !== null ? options.signal : undefined;
      if (signal && signal.aborted) return;
      const all = listenersOf.get(this);
      const list = all.get(type) || [];
      if (list.some((entry) => entry.listener === listener)) return;
      const entry = { listener, once };
      list.push(entry);
      all.set(type, list);
      if (signal) signal.addEventListener('abort', () => this.removeEventListener(type, listener));
    }
    removeEventListener(type, listener) {
      const list = listenersOf.get(this).get(type);
      if (!list) return;
      const i = list.findIndex((entry) => entry.listener === listener);
      if (i >= 0) list.splice(i, 1);
    }
    dispatchEvent(event) {
      if (!(event instanceof Event)) throw new TypeError('The "event" argument must be an instance of Event');
      event.target = this;
      event.currentTarget = this;
      const handler = this['on' + event.type];
      const list = (listenersOf.get(this).get(event.type) || []).slice();
      if (typeof handler === 'function') list.unshift({ listener: handler, once: false, property: true });
      for (const entry of list) {
        if (entry.once) this.removeEventListener(event.type, entry.listener);
        const listener = entry.listener;
        // A listener's error is reported like an uncaught one, and does not stop the others.
        try {
          if (typeof listener === 'function') listener.call(this, event);
          else if (listener && typeof listener.handleEvent === 'function') listener.handleEvent(event);
        } catch (error) {
          queueMicrotask(() => {
            throw error;
          });
        }
        if (event._stopped) break;
      }
      event.currentTarget = null;
      return !event.defaultPrevented;
    }
  }

  // ---- AbortController, AbortSignal -----------------------------------------------------
  const abortKey = Symbol('abort');
  class AbortSignal extends EventTarget {
    constructor(key) {
      if (key !== abortKey) throw new TypeError('Illegal constructor');
      super();
      this.aborted = false;
      this.reason = undefined;
      this.onabort = null;
    }
    throwIfAborted() {
      if (this.aborted) throw this.reason;
    }
    static abort(reason) {
      const signal = new AbortSignal(abortKey);
      signalAbort(signal, reason);
      return signal;
    }
    static timeout(ms) {
      const signal = new AbortSignal(abortKey);
      // As in Node, the timer does not keep the event loop alive.
      setTimeout(() => signalAbort(signal, new DOMException('The operation was aborted due to timeout', 'TimeoutError')), ms).unref();
      return signal;
    }
    static any(signals) {
      const signal = new AbortSignal(abortKey);
      for (const source of signals) {
        if (source.aborted) {
          signalAbort(signal, source.reason);
          return signal;
        }
      }
      for (const source of signals) {
        source.addEventListener('abort', () => signalAbort(signal, source.reason), { once: true });
      }
      return signal;
    }
  }
  function signalAbort(signal, reason) {
    if (signal.aborted) return;
    signal.aborted = true;
    signal.reason = reason === undefined ? new DOMException('This operation was aborted', 'AbortError') : reason;
    signal.dispatchEvent(new Event('abort'));
  }
  class AbortController {
    constructor() {
      this.signal = new AbortSignal(abortKey);
    }
    abort(reason) {
      signalAbort(this.signal, reason);
    }
  }

  // ---- Blob, FormData -------------------------------------------------------------------
  function bytesOf(part) {
    if (part instanceof Blob) return part._bytes;
    if (part instanceof ArrayBuffer) return new Uint8Array(part.slice(0));
    if (ArrayBuffer.isView(part)) return new Uint8Array(part.buffer.slice(part.byteOffset, part.byteOffset + part.byteLength));
    return encoder.encode(String(part));
  }
  function concat(chunks) {
    let length = 0;
    for (const chunk of chunks) length += chunk.length;
    const out = new Uint8Array(length);
    let at = 0;
    for (const chunk of chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  }
  class Blob {
    constructor(parts = [], options = {}) {
      this._bytes = concat(Array.from(parts, bytesOf));
      const type = options.type === undefined ? '' : String(options.type);
      this.type = /^[\x20-\x7e]*$/.test(type) ? type.toLowerCase() : '';
    }
    get size() {
      return this._bytes.length;
    }
    slice(start = 0, end = this.size, type = '') {
      return new Blob([this._bytes.slice(start, end)], { type });
    }
    async text() {
      return utf8(this._bytes);
    }
    async arrayBuffer() {
      return this._bytes.slice().buffer;
    }
    async bytes() {
      return this._bytes.slice();
    }
    get [Symbol.toStringTag]() {
      return 'Blob';
    }
  }

  const entriesOf = new WeakMap();
  class FormData {
    constructor(form) {
      if (form !== undefined) throw new TypeError('FormData takes no form element here');
      entriesOf.set(this, []);
    }
    append(name, value, filename) {
      entriesOf.get(this).push(formEntry(name, value, filename));
    }
    set(name, value, filename) {
      const list = entriesOf.get(this);
      const entry = formEntry(name, value, filename);
      const i = list.findIndex((e) => e[0] === entry[0]);
      if (i < 0) return list.push(entry);
      list[i] = entry;
      for (let j = list.length - 1; j > i; j--) if (list[j][0] === entry[0]) list.splice(j, 1);
    }
    get(name) {
      const found = entriesOf.get(this).find((e) => e[0] === String(name));
      return found ? found[1] : null;
    }
    getAll(name) {
      return entriesOf.get(this).filter((e) => e[0] === String(name)).map((e) => e[1]);
    }
    has(name) {
      return entriesOf.get(this).some((e) => e[0] === String(name));
    }
    delete(name) {
      const list = entriesOf.get(this);
      for (let i = list.length - 1; i >= 0; i--) if (list[i][0] === String(name)) list.splice(i, 1);
    }
    forEach(callback, thisArg) {
      for (const [name, value] of entriesOf.get(this)) callback.call(thisArg, value, name, this);
    }
    *entries() {
      for (const [name, value] of entriesOf.get(this)) yield [name, value];
    }
    *keys() {
      for (const [name] of entriesOf.get(this)) yield name;
    }
    *values() {
      for (const [, value] of entriesOf.get(this)) yield value;
    }
    [Symbol.iterator]() {
      return this.entries();
    }
    get [Symbol.toStringTag]() {
      return 'FormData';
    }
  }
  function formEntry(name, value, filename) {
    if (value instanceof Blob) {
      const file = new Blob([value], { type: value.type });
      file.name = filename !== undefined ? String(filename) : value.name !== undefined ? value.name : 'blob';
      return [String(name), file];
    }
    return [String(name), String(value)];
  }
  function multipart(form) {
    let boundary = '----actionbox-';
    for (let i = 0; i < 24; i++) boundary += Math.floor(Math.random() * 16).toString(16);
    const escape = (text) => text.replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/"/g, '%22');
    const chunks = [];
    for (const [name, value] of entriesOf.get(form)) {
      let head = '--' + boundary + '\r\nContent-Disposition: form-data; name="' + escape(name) + '"';
      if (value instanceof Blob) {
        head += '; filename="' + escape(value.name) + '"\r\nContent-Type: ' + (value.type || 'application/octet-stream');
        chunks.push(encoder.encode(head + '\r\n\r\n'), value._bytes, encoder.encode('\r\n'));
      } else {
        chunks.push(encoder.encode(head + '\r\n\r\n' + value.replace(/\r?\n|\r/g, '\r\n') + '\r\n'));
      }
    }
    chunks.push(encoder.encode('--' + boundary + '--\r\n'));
    return { bytes: concat(chunks), type: 'multipart/form-data; boundary=' + boundary };
  }

  // ---- Headers --------------------------------------------------------------------------
  const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
  function headerName(name) {
    name = String(name);
    if (!TOKEN.test(name)) throw new TypeError('Headers: "' + name + '" is an invalid header name.');
    return name.toLowerCase();
  }
  // Trimmed of HTTP whitespace; refused with NUL, CR, LF or a character above U+00FF
  // (one pass over the characters: this runs for every header of every request).
  const isSpace = (c) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
  function headerValue(value) {
    value = String(value);
    let start = 0;
    let end = value.length;
    while (start < end && isSpace(value.charCodeAt(start))) start++;
    while (end > start && isSpace(value.charCodeAt(end - 1))) end--;
    for (let i = start; i < end; i++) {
      const c = value.charCodeAt(i);
      if (c === 0 || c === 0x0a || c === 0x0d || c > 0xff) {
        throw new TypeError('Headers: "' + value + '" is an invalid header value.');
      }
    }
    return start === 0 && end === value.length ? value : value.slice(start, end);
  }
  const fieldsOf = new WeakMap();
  const guardOf = new WeakMap();
  class Headers {
    constructor(init) {
      fieldsOf.set(this, []);
      if (init === undefined || init === null) return;
      if (init instanceof Headers) {
        for (const [name, value] of fieldsOf.get(init)) fieldsOf.get(this).push([name, value]);
      } else if (typeof init === 'object' && typeof init[Symbol.iterator] === 'function') {
        for (const pair of init) {
          const items = [...pair];
          if (items.length !== 2) throw new TypeError('Headers: a header must be a [name, value] pair');
          this.append(items[0], items[1]);
        }
      } else if (typeof init === 'object') {
        for (const key of Object.keys(init)) this.append(key, init[key]);
      } else {
        throw new TypeError('Headers: the init must be an object, an array of pairs or Headers');
      }
    }
    append(name, value) {
      immutable(this);
      fieldsOf.get(this).push([headerName(name), headerValue(value)]);
    }
    delete(name) {
      immutable(this);
      name = headerName(name);
      const list = fieldsOf.get(this);
      for (let i = list.length - 1; i >= 0; i--) if (list[i][0] === name) list.splice(i, 1);
    }
    get(name) {
      name = headerName(name);
      const values = fieldsOf.get(this).filter((f) => f[0] === name).map((f) => f[1]);
      return values.length === 0 ? null : values.join(', ');
    }
    getSetCookie() {
      return fieldsOf.get(this).filter((f) => f[0] === 'set-cookie').map((f) => f[1]);
    }
    has(name) {
      name = headerName(name);
      return fieldsOf.get(this).some((f) => f[0] === name);
    }
    set(name, value) {
      immutable(this);
      name = headerName(name);
      value = headerValue(value);
      const list = fieldsOf.get(this);
      const i = list.findIndex((f) => f[0] === name);
      if (i < 0) return void list.push([name, value]);
      list[i][1] = value;
      for (let j = list.length - 1; j > i; j--) if (list[j][0] === name) list.splice(j, 1);
    }
    forEach(callback, thisArg) {
      for (const [name, value] of this) callback.call(thisArg, value, name, this);
    }
    // Sorted by name, values of one name combined, `set-cookie` kept apart, as fetch does.
    *entries() {
      const names = [...new Set(fieldsOf.get(this).map((f) => f[0]))].sort();
      for (const name of names) {
        if (name === 'set-cookie') {
          for (const value of this.getSetCookie()) yield [name, value];
        } else {
          yield [name, this.get(name)];
        }
      }
    }
    *keys() {
      for (const [name] of this.entries()) yield name;
    }
    *values() {
      for (const [, value] of this.entries()) yield value;
    }
    [Symbol.iterator]() {
      return this.entries();
    }
    get [Symbol.toStringTag]() {
      return 'Headers';
    }
  }
  function immutable(headers) {
    if (guardOf.get(headers)) throw new TypeError('Headers: these headers are immutable');
  }
  function flat(headers) {
    const out = [];
    for (const [name, value] of fieldsOf.get(headers)) out.push(name, value);
    return out;
  }

  // ---- bodies ---------------------------------------------------------------------------
  // A body as bytes and the content type it implies.
  function extract(body) {
    if (isSearchParams(body)) {
      return { bytes: encoder.encode(body.toString()), type: 'application/x-www-form-urlencoded;charset=UTF-8' };
    }
    if (body instanceof FormData) return multipart(body);
    if (body instanceof Blob) return { bytes: body._bytes, type: body.type || null };
    if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) return { bytes: bytesOf(body), type: null };
    if (typeof body === 'object' && typeof body.getReader === 'function') {
      throw new TypeError('fetch: a stream body is not supported in actionbox; pass a string or bytes');
    }
    return { bytes: encoder.encode(String(body)), type: 'text/plain;charset=UTF-8' };
  }

  const bodyOf = new WeakMap(); // -> { bytes: Uint8Array | null, used: boolean }
  // Reads the body, once: it is whole in memory, so `read` runs at once and the promise
  // returned is already settled with what it returns (or rejected with what it threw).
  function consume(owner, read) {
    const body = bodyOf.get(owner);
    if (body.used) return Promise.reject(new TypeError('Body is unusable: Body has already been read'));
    body.used = true;
    try {
      return Promise.resolve(read(body.bytes || new Uint8Array(0)));
    } catch (error) {
      return Promise.reject(error);
    }
  }
  const BodyMixin = {
    get bodyUsed() {
      return bodyOf.get(this).used;
    },
    arrayBuffer() {
      return consume(this, (bytes) => bytes.slice().buffer);
    },
    bytes() {
      return consume(this, (bytes) => bytes.slice());
    },
    text() {
      return consume(this, utf8);
    },
    json() {
      return consume(this, (bytes) => JSON.parse(utf8(bytes)));
    },
    blob() {
      return consume(this, (bytes) => new Blob([bytes], { type: this.headers.get('content-type') || '' }));
    },
    formData() {
      return consume(this, (bytes) => {
        const type = this.headers.get('content-type') || '';
        if (!type.startsWith('application/x-www-form-urlencoded')) {
          throw new TypeError('formData: only application/x-www-form-urlencoded bodies are read in actionbox');
        }
        const form = new FormData();
        for (const [name, value] of new (natives.load('internal/url').URLSearchParams)(utf8(bytes))) form.append(name, value);
        return form;
      });
    },
  };
  function mixBody(target) {
    for (const name of Object.getOwnPropertyNames(BodyMixin)) {
      Object.defineProperty(target.prototype, name, Object.getOwnPropertyDescriptor(BodyMixin, name));
    }
  }

  // ---- Request --------------------------------------------------------------------------
  const REDIRECTS = ['follow', 'error', 'manual'];
  const stateOf = new WeakMap();
  const STANDARD_METHODS = { DELETE: 1, GET: 1, HEAD: 1, OPTIONS: 1, POST: 1, PUT: 1, PATCH: 1 };
  // What a Request is made of, from `fetch`'s or `Request`'s arguments: `signal` is null
  // when none was given (a `Request` then makes one; `fetch` needs none).
  function requestState(input, init) {
    if (init === undefined || init === null) init = {};
    const from = input instanceof Request ? stateOf.get(input) : null;
    const url = from ? from.url : String(input);
    let method = init.method !== undefined ? String(init.method) : from ? from.method : 'GET';
    const upper = method.toUpperCase();
    if (STANDARD_METHODS[upper] === 1) method = upper;
    const redirect = init.redirect !== undefined ? String(init.redirect) : from ? from.redirect : 'follow';
    if (!REDIRECTS.includes(redirect)) {
      throw new TypeError("Request: redirect must be 'follow', 'error' or 'manual', not '" + redirect + "'");
    }
    const given = init.headers !== undefined ? init.headers : from ? from.headers : undefined;
    const headers = new Headers(given);
    let bytes = null;
    let used = false;
    if (init.body !== undefined && init.body !== null) {
      if (method === 'GET' || method === 'HEAD') throw new TypeError('Request with GET/HEAD method cannot have body.');
      const extracted = extract(init.body);
      bytes = extracted.bytes;
      if (extracted.type !== null && !headers.has('content-type')) headers.set('content-type', extracted.type);
    } else if (from && init.body === undefined) {
      const body = bodyOf.get(input);
      bytes = body.bytes;
      used = body.used;
    }
    const signal = init.signal !== undefined ? init.signal : from ? from.signal : null;
    if (signal !== null && signal !== undefined && !(signal instanceof AbortSignal)) {
      throw new TypeError('Request: signal must be an AbortSignal');
    }
    return { url, method, redirect, headers, signal: signal || null, bytes, used };
  }

  class Request {
    constructor(input, init = {}) {
      const state = requestState(input, init);
      stateOf.set(this, {
        url: state.url,
        method: state.method,
        redirect: state.redirect,
        headers: state.headers,
        signal: state.signal || new AbortController().signal,
      });
      bodyOf.set(this, { bytes: state.bytes, used: false });
    }
    get url() {
      return stateOf.get(this).url;
    }
    get method() {
      return stateOf.get(this).method;
    }
    get headers() {
      return stateOf.get(this).headers;
    }
    get redirect() {
      return stateOf.get(this).redirect;
    }
    get signal() {
      return stateOf.get(this).signal;
    }
    get body() {
      return null;
    }
    clone() {
      if (this.bodyUsed) throw new TypeError('Request.clone: Body has already been consumed.');
      return new Request(this);
    }
    get [Symbol.toStringTag]() {
      return 'Request';
    }
  }
  mixBody(Request);

  // ---- Response -------------------------------------------------------------------------
  const responseOf = new WeakMap();
  class Response {
    constructor(body = null, init = {}) {
      const status = init.status === undefined ? 200 : Number(init.status);
      if (!Number.isInteger(status) || status < 200 || status > 599) {
        throw new RangeError('init["status"] must be in the range of 200 to 599, inclusive.');
      }
      const headers = new Headers(init.headers);
      let bytes = null;
      if (body !== null && body !== undefined) {
        const extracted = extract(body);
        bytes = extracted.bytes;
        if (extracted.type !== null && !headers.has('content-type')) headers.set('content-type', extracted.type);
      }
      responseOf.set(this, {
        status,
        statusText: init.statusText === undefined ? '' : String(init.statusText),
        headers,
        url: '',
        redirected: false,
        type: 'default',
      });
      bodyOf.set(this, { bytes, used: false });
    }
    static json(data, init = {}) {
      const text = JSON.stringify(data);
      if (text === undefined) throw new TypeError('Response.json: the value is not JSON-serializable');
      const headers = new Headers(init.headers);
      if (!headers.has('content-type')) headers.set('content-type', 'application/json');
      return new Response(text, { ...init, headers });
    }
    static error() {
      const response = new Response(null, { status: 200 });
      Object.assign(responseOf.get(response), { status: 0, type: 'error' });
      return response;
    }
    static redirect(url, status = 302) {
      if (![301, 302, 303, 307, 308].includes(status)) throw new RangeError('Invalid status code ' + status);
      return new Response(null, { status, headers: { location: String(url) } });
    }
    get status() {
      return responseOf.get(this).status;
    }
    get ok() {
      const status = responseOf.get(this).status;
      return status >= 200 && status <= 299;
    }
    get statusText() {
      return responseOf.get(this).statusText;
    }
    get headers() {
      return responseOf.get(this).headers;
    }
    get url() {
      return responseOf.get(this).url;
    }
    get redirected() {
      return responseOf.get(this).redirected;
    }
    get type() {
      return responseOf.get(this).type;
    }
    get body() {
      return null;
    }
    clone() {
      if (this.bodyUsed) throw new TypeError('Response.clone: Body has already been consumed.');
      const copy = new Response(null);
      const state = responseOf.get(this);
      responseOf.set(copy, { ...state, headers: new Headers(state.headers) });
      guardOf.set(copy.headers, guardOf.get(state.headers));
      bodyOf.set(copy, { bytes: bodyOf.get(this).bytes, used: false });
      return copy;
    }
    get [Symbol.toStringTag]() {
      return 'Response';
    }
  }
  mixBody(Response);

  // A response from the host, built without the constructors' checks (the host has
  // made and checked every part).
  function received(data) {
    const response = Object.create(Response.prototype);
    const headers = Object.create(Headers.prototype);
    const fields = [];
    for (let i = 0; i < data.headers.length; i += 2) fields.push([data.headers[i], data.headers[i + 1]]);
    fieldsOf.set(headers, fields);
    guardOf.set(headers, true);
    responseOf.set(response, {
      status: data.status,
      statusText: data.statusText,
      headers,
      url: data.url,
      redirected: data.redirected,
      type: 'basic',
    });
    bodyOf.set(response, { bytes: new Uint8Array(data.body), used: false });
    return response;
  }

  // ---- fetch ----------------------------------------------------------------------------
  function failed(failure) {
    const cause = new Error(failure.message);
    cause.code = failure.code;
    const error = new TypeError(failure.message, { cause });
    error.code = failure.code;
    return error;
  }

  const pending = new Map(); // id -> { resolve, reject, signal, onAbort }
  const NO_HEADERS = Object.freeze([]);
  function fetch(input, init = undefined) {
    if (!natives.usable()) throw new Error(natives.compileMessage);
    if (typeof input === 'string' && (init === undefined || init === null)) {
      // The common call, `fetch(url)`: a GET with no headers, body or signal.
      return new Promise((resolve, reject) => {
        const started = natives.start('GET', input, NO_HEADERS, undefined, 0);
        if (typeof started !== 'number') return reject(failed(started));
        pending.set(started, { resolve, reject, signal: null, onAbort: null });
      });
    }
    return new Promise((resolve, reject) => {
      const state = requestState(input, init);
      const signal = state.signal;
      if (signal !== null && signal.aborted) return reject(signal.reason);
      if (state.used) throw new TypeError('fetch: the request body has already been read');
      if (input instanceof Request && state.bytes !== null) bodyOf.get(input).used = true;
      const started = natives.start(state.method, state.url, flat(state.headers), state.bytes || undefined, REDIRECTS.indexOf(state.redirect));
      if (typeof started !== 'number') return reject(failed(started));
      let onAbort = null;
      if (signal !== null) {
        onAbort = () => {
          pending.delete(started);
          natives.cancel(started);
          reject(signal.reason);
        };
        signal.addEventListener('abort', onAbort, { once: true });
      }
      pending.set(started, { resolve, reject, signal, onAbort });
    });
  }

  // For Node's `http` and `https` clients (`internal/http`): a request as plain data,
  // through the same host call and egress policy as `fetch`, redirects not followed;
  // `done(error, response)` gets the response as plain data (`status`, `statusText`,
  // `url`, `headers` flat, `body`). Returns a function that stops the request. A request
  // the host refuses at once throws the same `TypeError` `fetch` rejects with.
  function send(method, url, headers, bytes, done) {
    if (!natives.usable()) throw new Error(natives.compileMessage);
    const started = natives.start(method, url, headers, bytes, REDIRECTS.indexOf('manual'));
    if (typeof started !== 'number') throw failed(started);
    pending.set(started, { resolve: (data) => done(null, data), reject: done, signal: null, onAbort: null, raw: true });
    return () => {
      if (pending.delete(started)) natives.cancel(started);
    };
  }
  natives.register('internal/fetch', { send });

  for (const [name, value] of Object.entries({
    fetch,
    Headers,
    Request,
    Response,
    Blob,
    FormData,
    AbortController,
    AbortSignal,
    Event,
    EventTarget,
    DOMException,
  })) {
    define(name, value);
  }

  // What `run.rs` calls when the event loop reports request `id` complete.
  return {
    complete(id) {
      const waiting = pending.get(id);
      if (waiting === undefined) return;
      pending.delete(id);
      if (waiting.signal !== null) waiting.signal.removeEventListener('abort', waiting.onAbort);
      const result = natives.take(id);
      if (result === undefined) return;
      if (typeof result.code === 'string') waiting.reject(failed(result));
      else waiting.resolve(waiting.raw ? result : received(result));
    },
  };
});
