// Node's HTTP client (`internal/http`), which `http` and `https` export: `request`, `get`,
// `Agent`, `ClientRequest` and `IncomingMessage`, over the host's fetch
// (`internal/fetch`), so every request goes through the same egress policy and limits as
// `fetch` and shows in the Outcome the same way.
//
// A `ClientRequest` is a `Writable`: what is written is kept, and `end()` sends it as
// one request. Redirects are not followed (as in Node: the 3xx is the response). The
// response arrives whole and becomes an `IncomingMessage`, a `Readable` of its body. The
// host has already decoded a compressed body, so its `content-encoding` and
// `content-length` are left out of the headers (a client would otherwise decode it
// again); the request headers the host computes (`host`, `content-length`,
// `accept-encoding`, ...) are left out of what is sent. There is no socket: `'socket'` is emitted with an object that has the methods
// clients call (`setKeepAlive`, `setNoDelay`, `setTimeout`, ...) and does nothing.
// Agents keep their options and pool nothing; TLS settings (`ca`, `rejectUnauthorized`,
// client certificates) are the policy's, never the Action's.
(function (module, require) {
  'use strict';
  const EventEmitter = require('events');
  const { Readable, Writable } = require('stream');
  const { Buffer } = require('buffer');
  const { URL } = require('internal/url');
  const { codes, nodeError } = require('internal/errors');
  const { send } = require('internal/fetch');
  const process = require('process');
  const { setTimeout, clearTimeout } = require('timers');

  const METHODS = ["ACL","BIND","CHECKOUT","CONNECT","COPY","DELETE","GET","HEAD","LINK","LOCK","M-SEARCH","MERGE","MKACTIVITY","MKCALENDAR","MKCOL","MOVE","NOTIFY","OPTIONS","PATCH","POST","PROPFIND","PROPPATCH","PURGE","PUT","QUERY","REBIND","REPORT","SEARCH","SOURCE","SUBSCRIBE","TRACE","UNBIND","UNLINK","UNLOCK","UNSUBSCRIBE"];
  const STATUS_CODES = {"100":"Continue","101":"Switching Protocols","102":"Processing","103":"Early Hints","200":"OK","201":"Created","202":"Accepted","203":"Non-Authoritative Information","204":"No Content","205":"Reset Content","206":"Partial Content","207":"Multi-Status","208":"Already Reported","226":"IM Used","300":"Multiple Choices","301":"Moved Permanently","302":"Found","303":"See Other","304":"Not Modified","305":"Use Proxy","307":"Temporary Redirect","308":"Permanent Redirect","400":"Bad Request","401":"Unauthorized","402":"Payment Required","403":"Forbidden","404":"Not Found","405":"Method Not Allowed","406":"Not Acceptable","407":"Proxy Authentication Required","408":"Request Timeout","409":"Conflict","410":"Gone","411":"Length Required","412":"Precondition Failed","413":"Payload Too Large","414":"URI Too Long","415":"Unsupported Media Type","416":"Range Not Satisfiable","417":"Expectation Failed","418":"I'm a Teapot","421":"Misdirected Request","422":"Unprocessable Entity","423":"Locked","424":"Failed Dependency","425":"Too Early","426":"Upgrade Required","428":"Precondition Required","429":"Too Many Requests","431":"Request Header Fields Too Large","451":"Unavailable For Legal Reasons","500":"Internal Server Error","501":"Not Implemented","502":"Bad Gateway","503":"Service Unavailable","504":"Gateway Timeout","505":"HTTP Version Not Supported","506":"Variant Also Negotiates","507":"Insufficient Storage","508":"Loop Detected","509":"Bandwidth Limit Exceeded","510":"Not Extended","511":"Network Authentication Required"};

  // Headers the host sets itself (from the URL, the body and the compression it
  // negotiates) or that belong to a connection, which fetch does not let a script set:
  // left out of the request rather than refused, since Node's clients set them routinely.
  const HOST_HEADERS = new Set([
    'accept-charset', 'accept-encoding', 'access-control-request-headers', 'access-control-request-method',
    'connection', 'content-length', 'date', 'expect', 'host', 'keep-alive', 'te', 'trailer', 'transfer-encoding',
    'upgrade', 'via',
  ]);
  const hostHeader = (key) => HOST_HEADERS.has(key) || key.startsWith('proxy-') || key.startsWith('sec-');
  const TOKEN = /^[\^_`a-zA-Z\-0-9!#$%&'*+.|~]+$/;
  const INVALID_VALUE = /[^\t\x20-\x7e\x80-\xff]/;

  function validateHeaderName(name, label = 'Header name') {
    if (typeof name !== 'string' || !name || !TOKEN.test(name)) {
      throw nodeError(TypeError, 'ERR_INVALID_HTTP_TOKEN', label + ' must be a valid HTTP token ["' + name + '"]');
    }
  }
  function validateHeaderValue(name, value) {
    if (value === undefined) {
      throw nodeError(TypeError, 'ERR_HTTP_INVALID_HEADER_VALUE', 'Invalid value "' + value + '" for header "' + name + '"');
    }
    if (INVALID_VALUE.test(String(value))) {
      throw nodeError(TypeError, 'ERR_INVALID_CHAR', 'Invalid character in header content ["' + name + '"]');
    }
  }

  // ---- Agent ---------------------------------------------------------------------------
  class Agent extends EventEmitter {
    constructor(options) {
      super();
      this.options = { __proto__: null, ...options };
      this.defaultPort = 80;
      this.protocol = 'http:';
      this.keepAlive = !!this.options.keepAlive;
      this.keepAliveMsecs = this.options.keepAliveMsecs || 1000;
      this.maxSockets = this.options.maxSockets || Infinity;
      this.maxFreeSockets = this.options.maxFreeSockets || 256;
      this.maxTotalSockets = this.options.maxTotalSockets || Infinity;
      this.scheduling = this.options.scheduling || 'lifo';
      this.requests = { __proto__: null };
      this.sockets = { __proto__: null };
      this.freeSockets = { __proto__: null };
      this.totalSocketCount = 0;
    }
    getName(options = {}) {
      let name = options.host || 'localhost';
      name += ':';
      if (options.port) name += options.port;
      name += ':';
      if (options.localAddress) name += options.localAddress;
      if (options.family === 4 || options.family === 6) name += ':' + options.family;
      return name;
    }
    createConnection() {
      throw nodeError(Error, 'ERR_ACTIONBOX_UNAVAILABLE', 'agent.createConnection() is not available in actionbox: the network is reached through fetch(), under the egress policy');
    }
    keepSocketAlive() {
      return false;
    }
    reuseSocket() {}
    destroy() {}
  }

  // ---- the socket clients see ------------------------------------------------------------
  class Socket extends EventEmitter {
    constructor(encrypted) {
      super();
      this.connecting = false;
      this.destroyed = false;
      this.readable = true;
      this.writable = true;
      this.encrypted = encrypted || undefined;
      this.authorized = encrypted ? true : undefined;
      this.remoteAddress = undefined;
      this.remotePort = undefined;
      this.bytesWritten = 0;
      this.bytesRead = 0;
    }
    setKeepAlive() {
      return this;
    }
    setNoDelay() {
      return this;
    }
    setTimeout(ms, callback) {
      if (typeof callback === 'function') this.once('timeout', callback);
      return this;
    }
    ref() {
      return this;
    }
    unref() {
      return this;
    }
    address() {
      return {};
    }
    getPeerCertificate() {
      return {};
    }
    destroy() {
      this.destroyed = true;
      return this;
    }
    end() {
      return this;
    }
  }

  // ---- IncomingMessage -----------------------------------------------------------------
  class IncomingMessage extends Readable {
    constructor(socket) {
      super();
      this.socket = socket;
      this.httpVersionMajor = 1;
      this.httpVersionMinor = 1;
      this.httpVersion = '1.1';
      this.complete = false;
      this.rawHeaders = [];
      this.rawTrailers = [];
      this.headers = {};
      this.trailers = {};
      this.aborted = false;
      this.upgrade = false;
      this.url = '';
      this.method = null;
      this.statusCode = null;
      this.statusMessage = null;
    }
    get connection() {
      return this.socket;
    }
    get headersDistinct() {
      const distinct = {};
      for (let i = 0; i < this.rawHeaders.length; i += 2) {
        const name = this.rawHeaders[i].toLowerCase();
        (distinct[name] || (distinct[name] = [])).push(this.rawHeaders[i + 1]);
      }
      return distinct;
    }
    get trailersDistinct() {
      return {};
    }
    setTimeout(ms, callback) {
      if (typeof callback === 'function') this.once('timeout', callback);
      return this;
    }
    _read() {}
    _destroy(error, callback) {
      if (!this.readableEnded || !this.complete) {
        this.aborted = true;
        this.emit('aborted');
      }
      // As in Node: an error nobody listens for is not thrown.
      callback(this.listenerCount('error') === 0 ? undefined : error);
    }
  }

  // Node's rules for joining a header seen more than once: `set-cookie` an array, a few
  // single-valued fields keep the first, the rest joined with ', '.
  const FIRST_ONLY = new Set([
    'age', 'authorization', 'content-length', 'content-type', 'etag', 'expires', 'from', 'host', 'if-modified-since',
    'if-unmodified-since', 'last-modified', 'location', 'max-forwards', 'proxy-authorization', 'referer',
    'retry-after', 'server', 'user-agent',
  ]);
  function addHeader(headers, name, value) {
    const key = name.toLowerCase();
    if (key === 'set-cookie') {
      (headers[key] || (headers[key] = [])).push(value);
    } else if (headers[key] === undefined) {
      headers[key] = value;
    } else if (!FIRST_ONLY.has(key)) {
      headers[key] += (key === 'cookie' ? '; ' : ', ') + value;
    }
  }

  // ---- ClientRequest -------------------------------------------------------------------
  // What `new ClientRequest(...)` made directly (not through `request`) defaults to.
  const HTTP_DEFAULTS = { protocol: 'http:', port: 80, agent: null };
  const kHeaders = Symbol('headers');
  const kChunks = Symbol('chunks');
  const kStop = Symbol('stop');
  const kTimer = Symbol('timer');

  function requestError(error, url) {
    // The host's failures keep their code (`ERR_ACTIONBOX_NETWORK`, a policy refusal, a
    // timeout); the message names the request, as Node's do.
    const wrapped = new Error(error.message === 'fetch failed' ? 'request to ' + url + ' failed' : error.message);
    wrapped.code = error.code;
    wrapped.cause = error;
    return wrapped;
  }

  class ClientRequest extends Writable {
    constructor(input, options, callback, defaults = HTTP_DEFAULTS) {
      super({ decodeStrings: false, autoDestroy: false });
      if (typeof input === 'string') input = urlToOptions(new URL(input));
      else if (input instanceof URL) input = urlToOptions(input);
      else {
        callback = options;
        options = input;
        input = null;
      }
      if (typeof options === 'function') {
        callback = options;
        options = null;
      }
      options = { ...input, ...options };
      const agent = options.agent === false || options.agent == null ? defaults.agent : options.agent;
      const protocol = options.protocol || (agent && agent.protocol) || defaults.protocol;
      if (protocol !== defaults.protocol) {
        throw nodeError(TypeError, 'ERR_INVALID_PROTOCOL', 'Protocol "' + protocol + '" not supported. Expected "' + defaults.protocol + '"');
      }
      if (options.socketPath !== undefined) {
        throw nodeError(Error, 'ERR_ACTIONBOX_UNAVAILABLE', 'requests over a Unix socket (socketPath) are not available in actionbox');
      }
      const method = options.method === undefined ? 'GET' : String(options.method).toUpperCase();
      if (!TOKEN.test(method)) throw codes.ERR_INVALID_ARG_VALUE('method', options.method, 'must be a valid HTTP token');
      const host = options.hostname || options.host || 'localhost';
      const port = options.port || (agent && agent.defaultPort) || defaults.port;
      const path = options.path || '/';
      if (/[\u0000-\u0020]/.test(path)) throw nodeError(TypeError, 'ERR_UNESCAPED_CHARACTERS', 'Request path contains unescaped characters');
      this.method = method;
      this.path = path;
      this.host = host;
      this.protocol = protocol;
      this.agent = agent;
      this.aborted = false;
      this.reusedSocket = false;
      this.maxHeadersCount = null;
      this.timeout = options.timeout;
      this[kHeaders] = new Map();
      this[kChunks] = [];
      this[kStop] = null;
      this[kTimer] = null;
      this.headersSent = false;
      this.res = null;
      this.socket = new Socket(protocol === 'https:');
      const bracketed = host.includes(':') && !host.startsWith('[') ? '[' + host + ']' : host;
      const defaultPort = protocol === 'https:' ? 443 : 80;
      this._url = protocol + '//' + bracketed + (Number(port) === defaultPort ? '' : ':' + port) + path;
      const headers = options.headers;
      if (Array.isArray(headers)) {
        for (let i = 0; i + 1 < headers.length; i += 2) this.appendHeader(headers[i], headers[i + 1]);
      } else if (headers) {
        for (const name of Object.keys(headers)) this.setHeader(name, headers[name]);
      }
      if (options.auth && !this.hasHeader('authorization')) {
        this.setHeader('Authorization', 'Basic ' + Buffer.from(String(options.auth)).toString('base64'));
      }
      if (typeof callback === 'function') this.once('response', callback);
      if (options.timeout !== undefined) this.setTimeout(options.timeout);
      const signal = options.signal;
      if (signal) {
        const onAbort = () => this.destroy(abortError(signal.reason));
        if (signal.aborted) process.nextTick(onAbort);
        else signal.addEventListener('abort', onAbort, { once: true });
        this.once('close', () => signal.removeEventListener('abort', onAbort));
      }
      process.nextTick(() => {
        if (this.destroyed) return;
        this.emit('socket', this.socket);
        this.socket.emit('connect');
        if (this.protocol === 'https:') this.socket.emit('secureConnect');
      });
    }

    get connection() {
      return this.socket;
    }
    get finished() {
      return this.writableEnded;
    }

    setHeader(name, value) {
      if (this.headersSent) throw nodeError(Error, 'ERR_HTTP_HEADERS_SENT', 'Cannot set headers after they are sent to the client');
      validateHeaderName(name);
      validateHeaderValue(name, value);
      this[kHeaders].set(name.toLowerCase(), [name, value]);
      return this;
    }
    appendHeader(name, value) {
      validateHeaderName(name);
      validateHeaderValue(name, value);
      const key = name.toLowerCase();
      const existing = this[kHeaders].get(key);
      if (existing === undefined) this[kHeaders].set(key, [name, value]);
      else existing[1] = [].concat(existing[1], value);
      return this;
    }
    getHeader(name) {
      const entry = this[kHeaders].get(String(name).toLowerCase());
      return entry === undefined ? undefined : entry[1];
    }
    getHeaders() {
      const headers = { __proto__: null };
      for (const [key, [, value]] of this[kHeaders]) headers[key] = value;
      return headers;
    }
    getHeaderNames() {
      return [...this[kHeaders].keys()];
    }
    getRawHeaderNames() {
      return [...this[kHeaders].values()].map(([name]) => name);
    }
    hasHeader(name) {
      return this[kHeaders].has(String(name).toLowerCase());
    }
    removeHeader(name) {
      if (this.headersSent) throw nodeError(Error, 'ERR_HTTP_HEADERS_SENT', 'Cannot remove headers after they are sent to the client');
      this[kHeaders].delete(String(name).toLowerCase());
    }
    flushHeaders() {}
    setNoDelay() {}
    setSocketKeepAlive() {}

    setTimeout(ms, callback) {
      if (typeof callback === 'function') this.once('timeout', callback);
      if (this[kTimer] !== null) clearTimeout(this[kTimer]);
      this[kTimer] = null;
      if (ms > 0 && this.res === null) {
        this[kTimer] = setTimeout(() => {
          this[kTimer] = null;
          this.emit('timeout');
          this.socket.emit('timeout');
        }, ms);
      }
      return this;
    }

    abort() {
      if (this.aborted) return;
      this.aborted = true;
      process.nextTick(() => this.emit('abort'));
      this.destroy();
    }

    _write(chunk, encoding, callback) {
      this[kChunks].push(typeof chunk === 'string' ? Buffer.from(chunk, encoding) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      callback();
    }

    _final(callback) {
      this.headersSent = true;
      const headers = [];
      for (const [key, [name, value]] of this[kHeaders]) {
        if (hostHeader(key)) continue;
        for (const one of Array.isArray(value) ? value : [value]) headers.push(name, String(one));
      }
      const body = this[kChunks].length === 0 ? undefined : Buffer.concat(this[kChunks]);
      this[kChunks] = [];
      try {
        this[kStop] = send(this.method, this._url, headers, body === undefined ? undefined : new Uint8Array(body), (error, data) => {
          this[kStop] = null;
          if (error) this.destroy(requestError(error, this._url));
          else this._respond(data);
        });
      } catch (error) {
        callback();
        this.destroy(requestError(error, this._url));
        return;
      }
      callback();
    }

    _respond(data) {
      if (this[kTimer] !== null) clearTimeout(this[kTimer]);
      this[kTimer] = null;
      const res = new IncomingMessage(this.socket);
      res.req = this;
      res.statusCode = data.status;
      res.statusMessage = data.statusText || STATUS_CODES[data.status] || '';
      for (let i = 0; i < data.headers.length; i += 2) {
        const name = data.headers[i];
        const key = name.toLowerCase();
        if (key === 'content-encoding' || key === 'content-length') continue;
        res.rawHeaders.push(name, data.headers[i + 1]);
        addHeader(res.headers, name, data.headers[i + 1]);
      }
      // The whole message has arrived: complete, whether or not it is read.
      const body = Buffer.from(data.body);
      if (body.length > 0) res.push(body);
      res.push(null);
      res.complete = true;
      this.res = res;
      const handled = this.emit('response', res);
      // Nobody reads it: it is drained, as Node drops a response no one listens for.
      if (!handled) res.resume();
      res.once('end', () => this.destroy());
    }

    _destroy(error, callback) {
      if (this[kTimer] !== null) clearTimeout(this[kTimer]);
      this[kTimer] = null;
      if (this[kStop] !== null) {
        this[kStop]();
        this[kStop] = null;
        if (!error && this.res === null) error = connectionReset();
      }
      if (this.res !== null && !this.res.complete) {
        this.res.aborted = true;
        this.res.destroy(error || connectionReset());
      }
      this.socket.destroy();
      callback(error);
    }
  }

  function connectionReset() {
    const error = new Error('socket hang up');
    error.code = 'ECONNRESET';
    return error;
  }

  function abortError(reason) {
    const error = new Error('The operation was aborted', { cause: reason });
    error.name = 'AbortError';
    error.code = 'ABORT_ERR';
    return error;
  }

  function urlToOptions(url) {
    const options = {
      protocol: url.protocol,
      hostname: url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
      hash: url.hash,
      search: url.search,
      pathname: url.pathname,
      path: (url.pathname || '') + (url.search || ''),
      href: url.href,
    };
    if (url.port !== '') options.port = Number(url.port);
    if (url.username || url.password) {
      options.auth = decodeURIComponent(url.username) + ':' + decodeURIComponent(url.password);
    }
    return options;
  }

  // The exports of `http` (`protocol` 'http:', port 80) or `https` ('https:', 443).
  function client(protocol, port, AgentClass) {
    const globalAgent = new AgentClass();
    const defaults = { protocol, port, agent: globalAgent };
    const request = (input, options, callback) => new ClientRequest(input, options, callback, defaults);
    const get = (input, options, callback) => {
      const req = request(input, options, callback);
      req.end();
      return req;
    };
    return { request, get, globalAgent, defaults };
  }

  class HttpsAgent extends Agent {
    constructor(options) {
      super(options);
      this.defaultPort = 443;
      this.protocol = 'https:';
    }
  }

  module.exports = {
    client,
    Agent,
    HttpsAgent,
    ClientRequest,
    IncomingMessage,
    METHODS,
    STATUS_CODES,
    validateHeaderName,
    validateHeaderValue,
  };
})
