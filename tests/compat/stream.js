// stream: event orders (as arrays of event names), pipeline results, object mode,
// backpressure signals, async iteration, construction and destruction, and the coded
// errors (name, code, message).
const stream = require('stream');
const util = require('util');
const { Readable, Writable, Duplex, Transform, PassThrough, pipeline, finished } = stream;
const promises = require('stream/promises');
const settle = async (n = 3) => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
};
const watch = (s, log, names = ['end', 'close', 'error', 'finish', 'prefinish', 'drain', 'pause', 'resume', 'pipe', 'unpipe']) => {
  for (const name of names) s.on(name, (x) => log.push(name + (name === 'error' ? ':' + (x && (x.code || x.message)) : '')));
};
const str = (c) => (typeof c === 'string' ? c : Buffer.isBuffer(c) ? 'B:' + c.toString() : JSON.stringify(c));
const err = (e) => e && [e.name, e.code, e.message];
const tryit = (label, f) => {
  try {
    show(label, f());
  } catch (e) {
    show(label, err(e));
  }
};
const sink = (out) => new Writable({ objectMode: true, write(c, e, cb) { out.push(Buffer.isBuffer(c) ? c.toString() : c); cb(); } });

// Readable
{
  const log = [];
  const r = new Readable({ read() {} });
  watch(r, log);
  r.on('data', (c) => log.push('data ' + str(c)));
  r.push('a');
  r.push('b');
  r.push(null);
  log.push('sync');
  await settle();
  show('readable flowing order', log);
}
{
  const log = [];
  const r = new Readable({ read() {} });
  watch(r, log);
  r.on('readable', () => {
    let c;
    log.push('readable');
    while ((c = r.read()) !== null) log.push('read ' + str(c));
  });
  r.push('a');
  r.push('b');
  setImmediate(() => {
    r.push('c');
    r.push(null);
  });
  await settle(5);
  show('readable paused order', log);
}
{
  const log = [];
  let i = 0;
  const r = new Readable({
    read(n) {
      log.push('_read ' + n);
      i++;
      this.push(i <= 3 ? 'x' + i : null);
    },
  });
  watch(r, log);
  r.on('data', (c) => log.push('data ' + str(c)));
  await settle();
  show('readable _read sync', log);
}
{
  const log = [];
  let i = 0;
  const r = new Readable({
    highWaterMark: 2,
    read(n) {
      log.push('_read ' + n);
      setImmediate(() => {
        i++;
        this.push(i <= 3 ? 'y' + i : null);
      });
    },
  });
  watch(r, log);
  r.on('data', (c) => log.push('data ' + str(c)));
  await settle(12);
  show('readable _read async', log);
}
{
  const log = [];
  const r = new Readable({ objectMode: true, read() {} });
  watch(r, log);
  r.on('data', (c) => log.push('data ' + str(c)));
  r.push({ a: 1 });
  r.push(0);
  r.push('');
  r.push([1, 2]);
  r.push(null);
  await settle();
  show('readable object mode', [log, r.readableObjectMode, r.readableHighWaterMark]);
}
{
  const log = [];
  const r = new Readable({ read() {} });
  watch(r, log);
  r.on('data', (c) => {
    log.push('data ' + str(c));
    r.pause();
    setImmediate(() => r.resume());
  });
  r.push('a');
  r.push('b');
  r.push('c');
  r.push(null);
  log.push('flowing ' + r.readableFlowing);
  await settle(10);
  show('readable pause resume', [log, r.readableFlowing, r.isPaused()]);
}
{
  const log = [];
  const r = new Readable({ read() {} });
  r.push(Buffer.from([0xe2, 0x82]));
  r.setEncoding('utf8');
  r.push(Buffer.from([0xac, 0x41]));
  r.push(null);
  r.on('data', (c) => log.push([typeof c, c]));
  r.on('end', () => log.push('end'));
  await settle();
  show('readable setEncoding', [log, r.readableEncoding]);
  const h = new Readable({ encoding: 'hex', read() {} });
  h.push('hi');
  show('readable encoding option', [h.read(), h.readableEncoding]);
}
{
  const r = new Readable({ read() {} });
  r.push('hello');
  r.push('world');
  r.push(null);
  await settle();
  show('readable read(n)', [String(r.read(3)), String(r.read(4)), String(r.read(10)), String(r.read()), r.readableLength]);
  const big = new Readable({ read() {} });
  big.push(Buffer.alloc(100));
  big.read(70000);
  show('readable read grows hwm', big.readableHighWaterMark);
  tryit('readable read too big', () => big.read(2 ** 31));
}
{
  const log = [];
  const r = new Readable({ read() {} });
  r.push('world');
  r.unshift('hello ');
  r.push(null);
  r.on('data', (c) => log.push(str(c)));
  await settle();
  show('readable unshift', log);
}
{
  const log = [];
  const r = new Readable({ read() {} });
  watch(r, log);
  r.push(null);
  r.push('x');
  r.resume();
  await settle();
  show('readable push after EOF', [log, r.destroyed, err(r.errored)]);
  const log2 = [];
  const r2 = new Readable({ objectMode: true, read() {} });
  r2.on('error', (e) => log2.push(err(e)));
  r2.on('data', () => {});
  r2.push('a');
  r2.push(null);
  await settle();
  r2.unshift('x');
  const r3 = new Readable({ read() {} });
  r3.on('error', (e) => log2.push(err(e)));
  r3.push(5);
  const r4 = new Readable();
  r4.on('error', (e) => log2.push(err(e)));
  r4.read();
  await settle();
  show('readable async errors', log2);
}
{
  const log = [];
  const r = new Readable({ read() {} });
  watch(r, log);
  r.destroy(new Error('boom'));
  log.push('destroyed ' + r.destroyed);
  await settle();
  show('readable destroy error', [log, r.readableAborted, r.errored && r.errored.message, r.closed]);
  const log2 = [];
  const r2 = new Readable({
    read() {},
    destroy(e, cb) {
      log2.push('_destroy ' + (e && e.message));
      setImmediate(() => cb(e));
    },
  });
  watch(r2, log2);
  r2.destroy(null, (e) => log2.push('destroy cb ' + e));
  r2.destroy(new Error('second'));
  await settle(4);
  show('readable custom destroy', [log2, r2.destroyed, r2.errored]);
}
{
  const log = [];
  const r = new Readable({
    construct(cb) {
      log.push('construct');
      setImmediate(() => {
        log.push('constructed');
        cb();
      });
    },
    read() {
      log.push('read');
      this.push('v');
      this.push(null);
    },
  });
  watch(r, log);
  r.on('data', (c) => log.push('data ' + str(c)));
  log.push('sync');
  await settle(6);
  show('readable construct', log);
  const log2 = [];
  const r2 = new Readable({ construct(cb) { setImmediate(cb); }, read() {} });
  watch(r2, log2);
  r2.destroy(new Error('early'));
  await settle(5);
  show('readable destroy while constructing', log2);
}

// Writable
{
  const log = [];
  const w = new Writable({
    write(chunk, enc, cb) {
      log.push('write ' + str(chunk) + ' ' + enc);
      cb();
    },
  });
  watch(w, log);
  log.push('ret ' + w.write('a'));
  log.push('ret ' + w.write(Buffer.from('b'), () => log.push('cb b')));
  w.end('c', () => log.push('end cb'));
  log.push('sync end');
  await settle();
  show('writable order', [log, w.writableFinished, w.writableEnded, w.destroyed]);
}
{
  const log = [];
  const w = new Writable({
    highWaterMark: 3,
    write(chunk, enc, cb) {
      log.push('write ' + str(chunk));
      setImmediate(cb);
    },
  });
  watch(w, log);
  log.push('r1 ' + w.write('ab'));
  log.push('r2 ' + w.write('cd'));
  log.push('len ' + w.writableLength + ' needDrain ' + w.writableNeedDrain);
  await settle(6);
  w.end();
  await settle(4);
  show('writable backpressure', log);
  const zero = new Writable({ highWaterMark: 0, write(c, e, cb) { cb(); } });
  show('writable hwm 0', [zero.write('x'), zero.writableNeedDrain]);
}
{
  const log = [];
  const w = new Writable({
    write(chunk, enc, cb) {
      log.push('write ' + str(chunk));
      cb();
    },
    writev(chunks, cb) {
      log.push('writev ' + chunks.map((c) => str(c.chunk)).join(',') + ' ' + chunks.allBuffers);
      cb();
    },
  });
  watch(w, log);
  w.cork();
  w.write('a');
  w.write('b');
  w.write('c');
  log.push('corked ' + w.writableCorked + ' ' + w.writableBuffer.length);
  process.nextTick(() => w.uncork());
  await settle();
  w.end();
  await settle();
  show('writable cork writev', log);
}
{
  const log = [];
  const w = new Writable({
    write(chunk, enc, cb) {
      log.push('write');
      cb();
    },
    final(cb) {
      log.push('final');
      setImmediate(() => {
        log.push('final done');
        cb();
      });
    },
  });
  watch(w, log);
  w.end('x');
  await settle(5);
  show('writable final', log);
  const log2 = [];
  const w2 = new Writable({
    construct(cb) { setImmediate(cb); },
    write(c, e, cb) {
      log2.push('write ' + str(c));
      cb();
    },
    final(cb) {
      log2.push('final');
      cb();
    },
  });
  watch(w2, log2);
  w2.write('a');
  w2.end('b');
  await settle(6);
  show('writable construct', log2);
  const log3 = [];
  const w3 = new Writable({
    construct(cb) { cb(new Error('cfail')); },
    write(c, e, cb) { cb(); },
  });
  watch(w3, log3);
  w3.write('a', (e) => log3.push('wcb ' + (e && e.message)));
  await settle(4);
  show('writable construct error', log3);
}
{
  const log = [];
  const w = new Writable({ write(c, e, cb) { cb(); } });
  watch(w, log);
  w.end();
  w.write('x', (e) => log.push('cb ' + (e && e.code)));
  await settle();
  show('writable write after end', log);
  const log2 = [];
  const w2 = new Writable({ write(c, e, cb) { cb(new Error('bad write')); } });
  watch(w2, log2);
  w2.write('x', (e) => log2.push('cb ' + (e && e.message)));
  w2.write('y', (e) => log2.push('cb2 ' + (e && e.message)));
  await settle();
  show('writable write error', [log2, w2.destroyed, w2.writable]);
  const log3 = [];
  const w3 = new Writable({ autoDestroy: false, write(c, e, cb) { cb(new Error('nope')); } });
  watch(w3, log3);
  w3.write('a');
  w3.end();
  await settle();
  show('writable autoDestroy false', [log3, w3.destroyed, w3.errored && w3.errored.message]);
  const log4 = [];
  const w4 = new Writable({ write(c, e, cb) { setImmediate(cb); } });
  watch(w4, log4);
  w4.write('a', (e) => log4.push('cb a ' + (e && e.code)));
  w4.write('b', (e) => log4.push('cb b ' + (e && e.code)));
  w4.end((e) => log4.push('end cb ' + (e && e.code)));
  w4.destroy();
  await settle(4);
  show('writable destroy with queued writes', log4);
  const log5 = [];
  const w5 = new Writable({ emitClose: false, write(c, e, cb) { cb(); } });
  watch(w5, log5);
  w5.destroy();
  await settle();
  show('writable emitClose false', [log5, w5.closed]);
  const log6 = [];
  const w6 = new Writable({ write(c, e, cb) { cb(); cb(); } });
  w6.on('error', (e) => log6.push(err(e)));
  w6.write('a');
  const w7 = new Writable();
  w7.on('error', (e) => log6.push(err(e)));
  w7.pipe(new PassThrough());
  await settle();
  show('writable async errors', log6);
}
{
  const chunks = [];
  const dec = new Writable({ decodeStrings: false, write(c, e, cb) { chunks.push([typeof c, e]); cb(); } });
  dec.write('str', 'latin1');
  const hex = new Writable({ defaultEncoding: 'hex', write(c, e, cb) { chunks.push([c.toString('hex'), e]); cb(); } });
  hex.write('abcd');
  const u8 = new Writable({ write(c, e, cb) { chunks.push([Buffer.isBuffer(c), e, c.length]); cb(); } });
  u8.write(new Uint8Array([1, 2, 3]));
  const obj = new Writable({ objectMode: true, write(c, e, cb) { chunks.push([c, e]); cb(); } });
  obj.write(42);
  show('writable chunks', chunks);
  const q = new Writable({ write(c, e, cb) { setImmediate(cb); } });
  q.write('a');
  q.write('b');
  q.write('c');
  show('writable buffer', [q.writableBuffer.length, q._writableState.bufferedRequestCount, q.writableLength]);
  await settle(5);
}

// Duplex, Transform, PassThrough
{
  const log = [];
  const d = new Duplex({
    read() {},
    write(c, e, cb) {
      log.push('write ' + str(c));
      cb();
    },
  });
  watch(d, log);
  d.on('data', (c) => log.push('data ' + str(c)));
  d.write('in');
  d.push('out');
  d.end();
  await settle();
  log.push('destroyed ' + d.destroyed);
  d.push(null);
  await settle();
  show('duplex half open', [log, d.destroyed]);
  const log2 = [];
  const d2 = new Duplex({ allowHalfOpen: false, read() {}, write(c, e, cb) { cb(); } });
  watch(d2, log2);
  d2.resume();
  d2.push(null);
  await settle();
  show('duplex allowHalfOpen false', [log2, d2.writableEnded, d2.destroyed]);
  const d3 = new Duplex({ readable: false, write(c, e, cb) { cb(); } });
  const d4 = new Duplex({ writable: false, read() {} });
  show('duplex one sided', [d3.readable, d3.writable, d4.readable, d4.writable, d4.writableFinished]);
  const d5 = new Duplex({ readableObjectMode: true, writableHighWaterMark: 5, read() {}, write(c, e, cb) { cb(); } });
  show('duplex options', [d5.readableObjectMode, d5.writableObjectMode, d5.writableHighWaterMark, d5.readableHighWaterMark]);
  show('duplex instanceof', [d5 instanceof Writable, d5 instanceof Readable, new PassThrough() instanceof Writable, new Readable() instanceof Writable]);
}
{
  const log = [];
  const t = new Transform({
    transform(chunk, enc, cb) {
      cb(null, chunk.toString().toUpperCase());
    },
    flush(cb) {
      this.push('!');
      cb();
    },
  });
  watch(t, log);
  t.on('data', (c) => log.push('data ' + str(c)));
  t.write('a');
  t.write('b');
  t.end('c');
  await settle();
  show('transform order', log);
  const log2 = [];
  const t2 = new Transform({
    objectMode: true,
    transform(c, e, cb) {
      if (c === 2) cb(new Error('bad two'));
      else cb(null, c * 10);
    },
  });
  watch(t2, log2);
  t2.on('data', (c) => log2.push('data ' + c));
  t2.write(1);
  t2.write(2);
  t2.write(3, (e) => log2.push('cb3 ' + (e && e.message)));
  await settle();
  show('transform error', log2);
  const t3 = new Transform({ readableHighWaterMark: 0, transform(c, e, cb) { cb(null, c); } });
  show('transform hwm 0', [t3.readableHighWaterMark, t3.writableHighWaterMark]);
  const t4 = new Transform();
  t4.on('error', () => {});
  tryit('transform not implemented', () => t4.write('a'));
}

// pipe, pipeline, finished
{
  const log = [];
  const r = Readable.from(['a', 'b', 'c']);
  const got = [];
  const w = new Writable({ objectMode: true, write(c, e, cb) { got.push(c); cb(); } });
  watch(r, log, ['end', 'close']);
  watch(w, log, ['finish', 'close', 'pipe', 'unpipe']);
  r.pipe(w);
  await settle();
  show('pipe order', [log, got]);
  const log2 = [];
  const src = new Readable({ read() {} });
  const slow = new Writable({ highWaterMark: 1, write(c, e, cb) { log2.push('slow ' + str(c)); setImmediate(cb); } });
  const fast = new Writable({ write(c, e, cb) { log2.push('fast ' + str(c)); cb(); } });
  src.pipe(slow);
  src.pipe(fast);
  watch(slow, log2, ['drain', 'finish', 'unpipe']);
  watch(src, log2, ['pause', 'resume', 'end']);
  src.push('1');
  src.push('2');
  src.push('3');
  src.push(null);
  await settle(10);
  show('pipe two destinations', log2);
  const log3 = [];
  const r3 = new Readable({ read() {} });
  const w3 = new PassThrough();
  r3.pipe(w3);
  watch(w3, log3, ['unpipe']);
  watch(r3, log3, ['pause']);
  r3.unpipe(w3);
  r3.unpipe();
  log3.push('flowing ' + r3.readableFlowing);
  show('unpipe', log3);
}
{
  const log = [];
  const out = [];
  pipeline(
    Readable.from(['x', 'y']),
    new Transform({ objectMode: true, transform(c, e, cb) { cb(null, c + c); } }),
    sink(out),
    (e) => log.push('done ' + e),
  );
  await settle(5);
  show('pipeline ok', [log, out]);
  const log2 = [];
  const src = new Readable({ read() {} });
  const t = new PassThrough();
  const w = new Writable({ write(c, e, cb) { cb(); } });
  watch(src, log2, ['close', 'error']);
  watch(w, log2, ['close', 'error', 'finish']);
  pipeline(src, t, w, (e) => log2.push('done ' + (e && e.message)));
  src.push('a');
  setImmediate(() => src.destroy(new Error('source failed')));
  await settle(5);
  show('pipeline error', [log2, t.destroyed, w.destroyed]);
  const log3 = [];
  const res = pipeline(Readable.from(['z']), new PassThrough(), (e) => log3.push('done ' + e));
  show('pipeline returns last', res instanceof PassThrough);
  res.resume();
  await settle(5);
  show('pipeline last readable', log3);
  tryit('pipeline too few', () => pipeline(new PassThrough(), () => {}));
  tryit('pipeline no callback', () => pipeline(new PassThrough(), new PassThrough()));
}
{
  const out = [];
  await promises.pipeline(Readable.from(['p', 'q']), async function* (src) {
    for await (const c of src) yield c + '!';
  }, sink(out));
  show('promises pipeline', out);
  const out2 = [];
  await promises.pipeline(async function* () {
    yield 'a';
    yield 'b';
  }, async function* (src) {
    for await (const c of src) yield c.toUpperCase();
  }, sink(out2));
  show('promises pipeline generator source', out2);
  show('promises pipeline value', await promises.pipeline(Readable.from([1, 2, 3]), async (src) => {
    let total = 0;
    for await (const n of src) total += n;
    return total;
  }));
  const out3 = [];
  const w3 = sink(out3);
  await promises.pipeline(Readable.from(['keep']), w3, { end: false });
  show('promises pipeline end false', [out3, w3.writableEnded]);
  for (const [label, make] of [
    ['promises pipeline generator error', () => promises.pipeline(Readable.from(['a']), async function* (s) {
      for await (const c of s) throw new Error('gen fail ' + c);
    }, new PassThrough())],
    ['promises pipeline bad transform', () => promises.pipeline(Readable.from(['a']), () => 5, sink([]))],
    ['promises pipeline bad source', () => promises.pipeline(() => 5, sink([]))],
  ]) {
    try {
      await make();
      show(label, 'resolved');
    } catch (e) {
      show(label, err(e));
    }
  }
  const r = new Readable({ read() {} });
  const w = new Writable({ write(c, e, cb) { cb(); } });
  const p = promises.pipeline(r, w).then(() => 'resolved', err);
  w.destroy();
  show('promises pipeline premature close', await p);
  const ac = new AbortController();
  const p2 = promises.pipeline(new Readable({ read() {} }), new Writable({ write(c, e, cb) { cb(); } }), { signal: ac.signal }).then(() => 'resolved', err);
  ac.abort();
  show('promises pipeline abort', await p2);
}
{
  const log = [];
  const r = new Readable({ read() {} });
  finished(r, (e) => log.push('finished ' + (e && e.code)));
  r.resume();
  r.push(null);
  await settle();
  const r2 = new Readable({ read() {} });
  finished(r2, (e) => log.push('premature ' + (e && e.code)));
  r2.destroy();
  await settle();
  const w = new Writable({ write(c, e, cb) { cb(); } });
  finished(w, (e) => log.push('writable ' + e));
  w.end('x');
  await settle();
  const ac = new AbortController();
  finished(new PassThrough(), { signal: ac.signal }, (e) => log.push('aborted ' + (e && e.code)));
  ac.abort();
  await settle();
  show('finished', log);
  const r3 = Readable.from(['z']);
  r3.resume();
  await promises.finished(r3);
  show('promises finished', r3.readableEnded);
  tryit('finished not a stream', () => finished({}, () => {}));
  tryit('finished no callback', () => finished(new PassThrough()));
  tryit('finished bad options', () => finished(new PassThrough(), 5, () => {}));
  const pl = util.promisify(stream.pipeline);
  const fin = util.promisify(stream.finished);
  show('promisify', [pl === promises.pipeline, fin === promises.finished]);
}

// async iteration, Readable.from
{
  const got = [];
  for await (const v of Readable.from([1, 2, 3])) got.push(v);
  const r2 = new Readable({ read() {} });
  r2.push('a');
  r2.push('b');
  setImmediate(() => r2.destroy(new Error('iteration failed')));
  try {
    for await (const c of r2) got.push(String(c));
  } catch (e) {
    got.push('caught ' + e.message);
  }
  show('async iteration', got);
  const r3 = Readable.from([1, 2, 3, 4]);
  for await (const v of r3) if (v === 2) break;
  await settle();
  show('async iteration break destroys', r3.destroyed);
  const r4 = Readable.from([1, 2, 3]);
  const iter = r4.iterator({ destroyOnReturn: false });
  const first = await iter.next();
  await iter.return();
  const rest = [];
  for await (const v of r4) rest.push(v);
  show('iterator destroyOnReturn false', [first.value, rest]);
}
{
  const got = [];
  for await (const c of Readable.from('a string')) got.push(c);
  for await (const c of Readable.from(Buffer.from('buf'))) got.push(str(c));
  for await (const c of Readable.from([Promise.resolve(1), 2, Promise.resolve(3)])) got.push(c);
  for await (const c of Readable.from((async function* () {
    yield 'g1';
    yield 'g2';
  })())) got.push(c);
  for await (const c of Readable.from(new Set(['s1', 's2']))) got.push(c);
  for await (const c of Readable.from(['n1', 'n2'], { objectMode: false })) got.push(str(c));
  show('Readable.from', got);
  const log = [];
  const r = Readable.from([1, null, 3]);
  r.on('data', (c) => log.push(c));
  r.on('error', (e) => log.push(err(e)));
  await settle();
  show('Readable.from null', log);
  tryit('Readable.from bad', () => Readable.from(5));
  show('toArray', await Readable.from([1, 2, 3]).toArray());
  show('map filter', [await Readable.from([1, 2, 3]).map((x) => x * 2).toArray(), await Readable.from([1, 2, 3, 4]).filter((x) => x % 2).toArray()]);
  show('reduce', await Readable.from([1, 2, 3]).reduce((a, b) => a + b, 10));
}

// abort signals, helpers, defaults
{
  const log = [];
  const ac = new AbortController();
  const r = new Readable({ read() {}, signal: ac.signal });
  watch(r, log);
  ac.abort();
  await settle();
  show('signal option', [log, r.destroyed, err(r.errored)]);
  const ac2 = new AbortController();
  const w = stream.addAbortSignal(ac2.signal, new Writable({ write(c, e, cb) { cb(); } }));
  const log2 = [];
  watch(w, log2);
  ac2.abort('why');
  await settle();
  show('addAbortSignal', [log2, w.errored && w.errored.cause]);
  tryit('addAbortSignal bad signal', () => stream.addAbortSignal({}, new PassThrough()));
  tryit('addAbortSignal bad stream', () => stream.addAbortSignal(new AbortController().signal, {}));
}
{
  const r = new Readable({ read() {} });
  const a = [stream.isReadable(r), stream.isWritable(r), stream.isErrored(r), stream.isDisturbed(r), stream.isDestroyed(r)];
  r.push('x');
  r.read();
  a.push(stream.isDisturbed(r), r.readableDidRead);
  r.on('error', () => {});
  r.destroy(new Error('e'));
  a.push(stream.isReadable(r), stream.isErrored(r), stream.isDestroyed(r));
  const w = new Writable({ write(c, e, cb) { cb(); } });
  a.push(stream.isWritable(w), stream.isReadable(w));
  w.end();
  a.push(stream.isWritable(w), stream.isReadable({}), stream.isDestroyed({}), stream.isErrored({}));
  show('helpers', a);
  show('default high water marks', [stream.getDefaultHighWaterMark(false), stream.getDefaultHighWaterMark(true)]);
  tryit('setDefaultHighWaterMark negative', () => stream.setDefaultHighWaterMark(false, -1));
  tryit('setDefaultHighWaterMark type', () => stream.setDefaultHighWaterMark(true, '1'));
  const d = new PassThrough();
  d.on('error', () => {});
  stream.destroy(d, new Error('via stream.destroy'));
  show('stream.destroy', [d.destroyed, d.errored && d.errored.message]);
  const [left, right] = stream.duplexPair();
  const got = [];
  right.on('data', (c) => got.push('right got ' + str(c)));
  left.on('data', (c) => got.push('left got ' + str(c)));
  left.write('to right');
  right.write('to left');
  await settle();
  show('duplexPair', got);
}
{
  tryit('highWaterMark negative', () => new Readable({ highWaterMark: -1 }));
  tryit('highWaterMark string', () => new Writable({ highWaterMark: '5' }));
  tryit('readableHighWaterMark invalid', () => new Duplex({ readableHighWaterMark: 1.5 }));
  tryit('defaultEncoding unknown', () => new Writable({ defaultEncoding: 'nope' }));
  tryit('write null', () => new Writable({ write() {} }).write(null));
  tryit('write number', () => new Writable({ write() {} }).write(5));
  tryit('write unknown encoding', () => new Writable({ write() {} }).write('a', 'nope'));
  tryit('write not implemented', () => {
    const w = new Writable();
    w.on('error', () => {});
    return w.write('a');
  });
  tryit('setDefaultEncoding', () => new Writable().setDefaultEncoding('HEX')._writableState.defaultEncoding);
  tryit('setDefaultEncoding unknown', () => new Writable().setDefaultEncoding('zz'));
  tryit('setEncoding unknown', () => new Readable().setEncoding('zz'));
}

// legacy streams, inheritance, exports
{
  const log = [];
  function Old() {
    stream.Stream.call(this);
    this.readable = true;
  }
  util.inherits(Old, stream.Stream);
  const old = new Old();
  const w = new Writable({ write(c, e, cb) { log.push('w ' + str(c)); cb(); } });
  old.pipe(w);
  old.emit('data', Buffer.from('o1'));
  old.emit('end');
  await settle();
  show('legacy pipe', [log, w.writableEnded, old instanceof stream.Stream]);
  const old2 = new Old();
  const wrapped = new Readable().wrap(old2);
  const got = [];
  wrapped.on('data', (c) => got.push(str(c)));
  wrapped.on('end', () => got.push('end'));
  old2.emit('data', Buffer.from('x'));
  old2.emit('data', Buffer.from('y'));
  old2.emit('end');
  await settle();
  show('wrap', got);
  function MyReadable(opts) {
    Readable.call(this, opts);
  }
  util.inherits(MyReadable, Readable);
  MyReadable.prototype._read = function () {
    this.push('m');
    this.push(null);
  };
  const got2 = [];
  for await (const c of new MyReadable()) got2.push(str(c));
  show('inherited readable', got2);
  show('callable without new', [Readable() instanceof Readable, Writable() instanceof Writable, Duplex() instanceof Duplex, Transform() instanceof Transform, PassThrough() instanceof PassThrough]);
  show('exports', Object.keys(stream));
  show('stream is Stream', [stream === stream.Stream, typeof stream.Readable.ReadableState, typeof stream.Writable.WritableState, typeof stream.compose]);
}
