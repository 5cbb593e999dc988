// `events`: EventEmitter's listener order, once, prepend, removal during an emit, the
// 'error' event, 'newListener' and 'removeListener', the leak warning, argument errors,
// subclassing, and the statics (`once`, `on`, `listenerCount`, `getEventListeners`, ...).
const EventEmitter = require('events');
const coded = (label, fn) => {
  try {
    show(label, fn());
  } catch (error) {
    show(label, { name: error.name, code: error.code, message: error.message });
  }
};
const codedAsync = async (label, fn) => {
  try {
    show(label, await fn());
  } catch (error) {
    show(label, { name: error.name, code: error.code, message: error.message, cause: error.cause });
  }
};
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

show('module is EventEmitter', EventEmitter.EventEmitter === EventEmitter && typeof EventEmitter === 'function');
show('module keys', Object.keys(EventEmitter));
show('defaultMaxListeners', EventEmitter.defaultMaxListeners);
show('usingDomains', EventEmitter.usingDomains);
show('errorMonitor', EventEmitter.errorMonitor);
show('captureRejectionSymbol', EventEmitter.captureRejectionSymbol === Symbol.for('nodejs.rejection'));
show('captureRejections', EventEmitter.captureRejections);
show('prototype methods', Object.getOwnPropertyNames(EventEmitter.prototype));
show('instance keys', Reflect.ownKeys(new EventEmitter()).map(String));
show('fresh state', (() => {
  const e = new EventEmitter();
  return [e._eventsCount, e._maxListeners, Object.getPrototypeOf(e._events), e.eventNames(), e.getMaxListeners()];
})());

// order: on, addListener, prepend; the return values
{
  const e = new EventEmitter();
  const seen = [];
  show('on returns this', e.on('x', (a, b) => seen.push('a' + a + b)) === e);
  e.addListener('x', (a) => seen.push('b' + a));
  e.prependListener('x', () => seen.push('c'));
  e.prependOnceListener('x', () => seen.push('once-first'));
  e.once('x', function (a) {
    seen.push('once-last' + a + (this === e));
  });
  show('emit returns true', e.emit('x', 1, 2));
  show('order', seen);
  seen.length = 0;
  e.emit('x', 3);
  show('order after once', seen);
  show('emit without listeners', e.emit('nothing'));
  show('listenerCount', [e.listenerCount('x'), e.listenerCount('y'), EventEmitter.listenerCount(e, 'x')]);
}

// once wrappers: rawListeners shows them, listeners unwraps
{
  const e = new EventEmitter();
  function original() {}
  function plain() {}
  e.once('a', original);
  e.on('a', plain);
  const raw = e.rawListeners('a');
  show('rawListeners', raw.map((f) => f === original || f === plain ? f.name : 'wrapper of ' + f.listener.name));
  show('wrapper name', raw[0].name);
  show('listeners', e.listeners('a').map((f) => f.name));
  show('listenerCount of one', [
    e.listenerCount('a', original), e.listenerCount('a', plain), e.listenerCount('a', () => {}),
  ]);
  raw[0]();
  show('calling the raw wrapper removes it', e.listeners('a').map((f) => f.name));
  e.once('b', original);
  e.off('b', original);
  show('off by original', e.listenerCount('b'));
  e.once('c', original);
  show('single once listeners', e.listeners('c').map((f) => f.name));
}

// removal and addition during an emit take effect from the next emit
{
  const e = new EventEmitter();
  const seen = [];
  const second = () => seen.push('second');
  const late = () => seen.push('late');
  e.on('x', () => {
    seen.push('first');
    e.removeListener('x', second);
    e.on('x', late);
  });
  e.on('x', second);
  e.emit('x');
  show('removal during emit', seen);
  seen.length = 0;
  e.emit('x');
  show('next emit', seen);
  const self = () => {
    seen.push('self');
    e.off('y', self);
  };
  e.on('y', self);
  e.on('y', () => seen.push('other'));
  seen.length = 0;
  e.emit('y');
  e.emit('y');
  show('self removal', seen);
}

// removeListener takes the last registration of a listener
{
  const e = new EventEmitter();
  const seen = [];
  const f = () => seen.push('f');
  const g = () => seen.push('g');
  e.on('x', f);
  e.on('x', g);
  e.on('x', f);
  e.removeListener('x', f);
  e.emit('x');
  show('removes the last one', seen);
  show('removeListener unknown', e.removeListener('x', () => {}) === e);
  show('removeListener no such event', e.removeListener('zzz', f) === e);
  e.removeListener('x', g);
  show('back to one', [typeof e._events.x, e.listenerCount('x')]);
  e.removeListener('x', f);
  show('emptied', [e.eventNames(), e._eventsCount]);
}

// newListener and removeListener events
{
  const e = new EventEmitter();
  const log = [];
  function a() {}
  function b() {}
  e.on('newListener', (type, listener) => {
    log.push('new ' + String(type) + ' ' + listener.name + ' ' + e.listenerCount(type));
  });
  e.on('removeListener', (type, listener) => log.push('removed ' + String(type) + ' ' + listener.name));
  e.on('x', a);
  e.once('x', b);
  e.prependListener(Symbol.for('s'), a);
  e.emit('x');
  e.removeListener('x', a);
  e.on('y', a);
  e.on('y', b);
  e.removeAllListeners('y');
  show('newListener and removeListener', log);
  log.length = 0;
  e.on('z', a);
  e.removeAllListeners();
  show('removeAllListeners order', log);
  show('after removeAllListeners', [e.eventNames(), e._eventsCount]);
}

// the removed listener reported for a once listener
{
  const e = new EventEmitter();
  const reported = [];
  function solo() {}
  function pair() {}
  e.on('removeListener', (type, listener) => {
    reported.push(type + ':' + (listener === solo || listener === pair ? 'original' : 'wrapper'));
  });
  e.once('one', solo);
  e.emit('one');
  e.once('two', pair);
  e.on('two', () => {});
  e.emit('two');
  show('removeListener for once', reported);
}

// a 'newListener' listener added while adding
{
  const e = new EventEmitter();
  const seen = [];
  e.once('newListener', (type) => {
    if (type === 'x') e.on('x', () => seen.push('B'));
  });
  e.on('x', () => seen.push('A'));
  e.emit('x');
  show('listener added by newListener comes first', seen);
}

// eventNames: strings and symbols, in the order of their first listener
{
  const e = new EventEmitter();
  const noop = () => {};
  e.on('b', noop);
  e.on(Symbol('sym'), noop);
  e.on('a', noop);
  e.on('b', noop);
  e.on(1, noop);
  show('eventNames', e.eventNames().map(String));
  e.removeAllListeners('b');
  show('eventNames after removal', e.eventNames().map(String));
  show('removeAllListeners unknown', e.removeAllListeners('none') === e);
}

// 'error'
{
  const e = new EventEmitter();
  const boom = new Error('boom');
  await attempt('error with Error', () => e.emit('error', boom));
  try {
    e.emit('error', boom);
  } catch (error) {
    show('the same error is thrown', error === boom);
  }
  coded('error with a string', () => e.emit('error', 'bad'));
  coded('error with nothing', () => e.emit('error'));
  coded('error with a number', () => e.emit('error', 42));
  try {
    e.emit('error', 'ctx');
  } catch (error) {
    show('unhandled error context', error.context);
  }
  const custom = new TypeError('typed');
  try {
    new EventEmitter().emit('error', custom);
  } catch (error) {
    show('error on a fresh emitter', error === custom);
  }
  const order = [];
  const m = new EventEmitter();
  m.on(EventEmitter.errorMonitor, (err) => order.push('monitor ' + err.message));
  try {
    m.emit('error', new Error('watched'));
  } catch (error) {
    order.push('thrown ' + error.message);
  }
  m.on('error', (err) => order.push('handled ' + err.message));
  show('handled error returns', m.emit('error', new Error('caught')));
  show('errorMonitor order', order);
}

// max listeners and the warning
{
  const warnings = [];
  const process = globalThis.process;
  const saved = process.emitWarning;
  process.emitWarning = (warning) => warnings.push(warning);
  try {
    const e = new EventEmitter();
    show('setMaxListeners returns this', e.setMaxListeners(2) === e);
    show('getMaxListeners', e.getMaxListeners());
    for (let i = 0; i < 5; i++) e.on('leak', () => {});
    show('one warning', warnings.length);
    const w = warnings[0];
    show('warning', [w.name, w.message, w.type, w.count, w.emitter === e, w instanceof Error]);
    const s = new EventEmitter();
    s.setMaxListeners(1);
    const sym = Symbol('many');
    s.on(sym, () => {});
    s.prependListener(sym, () => {});
    const second = warnings[1] || {};
    show('warning for a symbol', [warnings.length, second.message, second.type === sym]);
    const z = new EventEmitter();
    z.setMaxListeners(0);
    for (let i = 0; i < 20; i++) z.on('x', () => {});
    const inf = new EventEmitter();
    inf.setMaxListeners(Infinity);
    for (let i = 0; i < 20; i++) inf.on('x', () => {});
    show('0 and Infinity mean no limit', warnings.length);
    const d = new EventEmitter();
    for (let i = 0; i < 11; i++) d.on('x', () => {});
    show('default limit warns at 11', [warnings.length, warnings[2] && warnings[2].count]);
    class Named extends EventEmitter {}
    const named = new Named();
    named.setMaxListeners(1);
    named.on('y', () => {});
    named.on('y', () => {});
    show('warning names the class', warnings[3] && warnings[3].message);
    EventEmitter.defaultMaxListeners = 1;
    const low = new EventEmitter();
    low.on('q', () => {});
    low.on('q', () => {});
    show('defaultMaxListeners applies', [low.getMaxListeners(), warnings.length]);
    EventEmitter.defaultMaxListeners = 10;
  } finally {
    process.emitWarning = saved;
  }
  const e = new EventEmitter();
  coded('setMaxListeners negative', () => e.setMaxListeners(-1));
  coded('setMaxListeners NaN', () => e.setMaxListeners(NaN));
  coded('setMaxListeners string', () => e.setMaxListeners('5'));
  coded('defaultMaxListeners invalid', () => {
    EventEmitter.defaultMaxListeners = -2;
  });
  coded('defaultMaxListeners type', () => {
    EventEmitter.defaultMaxListeners = 'x';
  });
  show('defaultMaxListeners unchanged', EventEmitter.defaultMaxListeners);
  coded('static setMaxListeners', () => {
    const a = new EventEmitter();
    const b = new EventEmitter();
    EventEmitter.setMaxListeners(3, a, b);
    const limits = [a.getMaxListeners(), b.getMaxListeners(), EventEmitter.getMaxListeners(a)];
    return [limits, EventEmitter.defaultMaxListeners];
  });
  coded('static setMaxListeners bad target', () => EventEmitter.setMaxListeners(3, {}));
  coded('static setMaxListeners bad n', () => EventEmitter.setMaxListeners(-3));
  coded('static getMaxListeners bad', () => EventEmitter.getMaxListeners({}));
}

// listener argument errors
{
  const e = new EventEmitter();
  const methods = ['on', 'addListener', 'once', 'prependListener', 'prependOnceListener', 'removeListener', 'off'];
  for (const method of methods) {
    coded(method + ' without a function', () => e[method]('x', 5));
  }
  coded('on with null', () => e.on('x', null));
  coded('on with an object', () => e.on('x', {}));
  coded('listenerCount without emitter methods', () => EventEmitter.listenerCount({}, 'x'));
  coded('getEventListeners', () => {
    const g = new EventEmitter();
    const f = () => {};
    g.on('x', f);
    g.once('x', f);
    return EventEmitter.getEventListeners(g, 'x').map((l) => l === f);
  });
  coded('getEventListeners bad', () => EventEmitter.getEventListeners({}, 'x'));
  coded('captureRejections option', () => new EventEmitter({ captureRejections: 'yes' }));
  coded('captureRejections setter', () => {
    EventEmitter.captureRejections = 1;
  });
}

// subclassing, both ways
{
  class Modern extends EventEmitter {
    constructor() {
      super();
      this.kind = 'modern';
    }
  }
  const m = new Modern();
  let got;
  m.on('hi', function (v) {
    got = [this.kind, v];
  });
  m.emit('hi', 1);
  show('class subclass', [got, m instanceof EventEmitter, Object.keys(m)]);
  function Legacy() {
    EventEmitter.call(this);
    this.kind = 'legacy';
  }
  Object.setPrototypeOf(Legacy.prototype, EventEmitter.prototype);
  Object.setPrototypeOf(Legacy, EventEmitter);
  const l = new Legacy();
  l.on('hi', function (v) {
    got = [this.kind, v];
  });
  l.emit('hi', 2);
  show('call subclass', [got, l instanceof EventEmitter, Object.keys(l)]);
  const plain = {};
  EventEmitter.init.call(plain);
  show('init on a plain object', Object.keys(plain));
  const shaped = Object.create(EventEmitter.prototype);
  shaped._events = { __proto__: null, x: () => {} };
  shaped._eventsCount = 1;
  EventEmitter.call(shaped);
  show('init keeps existing events', [typeof shaped._events.x, shaped._eventsCount]);
  await attempt('called without new', () => EventEmitter());
}

// static once: a promise of the arguments
{
  const e = new EventEmitter();
  const pending = EventEmitter.once(e, 'ready');
  show('once adds listeners', [e.listenerCount('ready'), e.listenerCount('error')]);
  e.emit('ready', 1, 'two');
  show('once resolves', await pending);
  show('once cleans up', [e.listenerCount('ready'), e.listenerCount('error')]);
  const failing = EventEmitter.once(e, 'ready');
  e.emit('error', new Error('failed'));
  await codedAsync('once rejects on error', () => failing);
  show('once cleans up after error', [e.listenerCount('ready'), e.listenerCount('error')]);
  const forError = EventEmitter.once(e, 'error');
  e.emit('error', new Error('as a value'));
  show('once for error', (await forError)[0].message);
  const listeners = [];
  const fakeSignal = {
    aborted: false,
    reason: undefined,
    addEventListener(name, listener) {
      listeners.push([name, listener]);
    },
    removeEventListener(name, listener) {
      const at = listeners.findIndex((entry) => entry[1] === listener);
      if (at !== -1) listeners.splice(at, 1);
    },
  };
  const abortable = EventEmitter.once(e, 'never', { signal: fakeSignal });
  show('signal listener added', listeners.map((entry) => entry[0]));
  fakeSignal.aborted = true;
  fakeSignal.reason = 'stop';
  listeners[0][1]();
  await codedAsync('once aborted', () => abortable);
  show('abort cleans up', e.listenerCount('never'));
  const aborted = { aborted: true, reason: 'early' };
  await codedAsync('once already aborted', () => EventEmitter.once(e, 'x', { signal: aborted }));
  await codedAsync('once bad signal', () => EventEmitter.once(e, 'x', { signal: 'nope' }));
  await codedAsync('once bad emitter', () => EventEmitter.once({}, 'x'));
  // an EventTarget-like object: addEventListener with once, no error semantics
  const added = [];
  const target = {
    addEventListener(name, listener, options) {
      added.push([name, Boolean(options && options.once)]);
      this.listener = listener;
    },
    removeEventListener() {},
  };
  const fromTarget = EventEmitter.once(target, 'ping');
  target.listener({ type: 'ping' });
  show('once on an event target', [added, await fromTarget]);
}

// static on: an async iterator of argument arrays
{
  const e = new EventEmitter();
  const iterator = EventEmitter.on(e, 'data');
  show('on adds listeners', [e.listenerCount('data'), e.listenerCount('error')]);
  e.emit('data', 1);
  e.emit('data', 2, 3);
  const got = [];
  for await (const args of iterator) {
    got.push(args);
    if (got.length === 2) setTimeout(() => e.emit('data', 'later'), 0);
    if (got.length === 3) break;
  }
  show('on iterates', got);
  show('on cleans up after break', [e.listenerCount('data'), e.listenerCount('error')]);
  show('on after return', await iterator.next());
  const failing = EventEmitter.on(e, 'data');
  e.emit('error', new Error('stream failed'));
  await codedAsync('on rejects after error', () => failing.next());
  show('on is done after error', await failing.next());
  const closing = EventEmitter.on(e, 'data', { close: ['end'] });
  e.emit('data', 'a');
  e.emit('end');
  const rest = [];
  for await (const args of closing) rest.push(args);
  show('on with close', [rest, e.listenerCount('end')]);
  coded('on bad signal', () => EventEmitter.on(e, 'x', { signal: 5 }));
  coded('on bad highWaterMark', () => EventEmitter.on(e, 'x', { highWaterMark: 0 }));
  coded('on already aborted', () => EventEmitter.on(e, 'x', { signal: { aborted: true } }));
  const it = EventEmitter.on(e, 'x');
  coded('on throw without an error', () => it.throw('nope'));
  it.return();
  show('async iterator prototype', typeof it[Symbol.asyncIterator] === 'function' && it[Symbol.asyncIterator]() === it);
}

// captured rejections
{
  const e = new EventEmitter({ captureRejections: true });
  const caught = [];
  e.on('error', (err) => caught.push('error: ' + err.message));
  e.on('job', async () => {
    throw new Error('async failure');
  });
  e.emit('job');
  await tick();
  show('rejection becomes error', caught);
  const r = new EventEmitter({ captureRejections: true });
  r[EventEmitter.captureRejectionSymbol] = (err, type, ...args) => caught.push(['symbol', err.message, type, args]);
  r.on('job', async () => {
    throw new Error('to the symbol');
  });
  r.emit('job', 1, 2);
  await tick();
  show('rejection to the symbol', caught[1]);
  const off = new EventEmitter();
  off.on('job', async () => 'fine');
  show('no capture by default', off.emit('job'));
}

// addAbortListener
{
  const calls = [];
  const registered = [];
  const signal = {
    aborted: false,
    addEventListener(name, listener, options) {
      registered.push([name, Boolean(options && options.once)]);
      this.listener = listener;
    },
    removeEventListener(name) {
      registered.push(['removed ' + name]);
    },
  };
  const disposable = EventEmitter.addAbortListener(signal, () => calls.push('aborted'));
  show('addAbortListener registers', registered);
  disposable[Symbol.dispose || Symbol.for('nodejs.dispose')]();
  show('addAbortListener disposes', registered);
  EventEmitter.addAbortListener({ aborted: true }, () => calls.push('already'));
  await tick();
  show('addAbortListener on an aborted signal', calls);
  coded('addAbortListener without a signal', () => EventEmitter.addAbortListener(undefined, () => {}));
  coded('addAbortListener without a function', () => EventEmitter.addAbortListener({ aborted: false }, 'x'));
}
