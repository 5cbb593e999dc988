// zlib: round trips in every format, level and strategy (the decompressed bytes, as hex;
// compressed bytes may differ from Node's zlib, so they are never shown), fixed inputs
// compressed by Node's zlib, the errors for corrupt and truncated inputs (code, errno,
// message), maxOutputLength, finishFlush, crc32, option checks, the callback and stream
// forms, constants and codes.
const zlib = require('zlib');
const util = require('util');
const stream = require('stream');
const C = zlib.constants;
const hex = (b) => Buffer.from(b).toString('hex');
const err = (e) => e && [e.name, e.code, e.errno, e.message, Object.keys(e)];
const tryit = (label, f) => {
  try {
    const r = f();
    show(label, Buffer.isBuffer(r) ? hex(r) : r);
  } catch (e) {
    show(label, err(e));
  }
};
const collect = (s) => new Promise((resolve, reject) => {
  const parts = [];
  s.on('data', (c) => parts.push(c));
  s.on('end', () => resolve(Buffer.concat(parts)));
  s.on('error', reject);
});

// round trips
const input = Buffer.from('hello hello hello hello, zlib! '.repeat(20) + '\u00e9\u20ac\u{1f600}');
const pairs = [
  ['deflateSync', 'inflateSync'], ['deflateRawSync', 'inflateRawSync'], ['gzipSync', 'gunzipSync'],
  ['gzipSync', 'unzipSync'], ['deflateSync', 'unzipSync'],
];
for (const [c, d] of pairs) {
  const failures = [];
  for (const level of [-1, 0, 1, 2, 5, 6, 9]) {
    for (const strategy of [0, 1, 2, 3, 4]) {
      if (!zlib[d](zlib[c](input, { level, strategy })).equals(input)) failures.push('level ' + level + ' strategy ' + strategy);
    }
  }
  for (const windowBits of [8, 9, 10, 12, 15]) {
    for (const memLevel of [1, 5, 9]) {
      if (c === 'gzipSync' && windowBits === 8) continue;
      if (!zlib[d](zlib[c](input, { windowBits, memLevel })).equals(input)) failures.push('windowBits ' + windowBits + ' memLevel ' + memLevel);
    }
  }
  show('round trip ' + c + ' ' + d, [hex(zlib[d](zlib[c]('round'))), failures]);
}
{
  let seed = 1;
  const random = Buffer.alloc(3000);
  for (let i = 0; i < random.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    random[i] = seed >> 16;
  }
  show('round trip random bytes', [zlib.inflateSync(zlib.deflateSync(random)).equals(random), zlib.gunzipSync(zlib.gzipSync(random, { level: 0 })).equals(random)]);
  const zeros = Buffer.alloc(200000);
  show('round trip long run', [zlib.inflateRawSync(zlib.deflateRawSync(zeros, { level: 9 })).equals(zeros), zlib.deflateSync(zeros).length < 1000]);
  show('round trip empty', [zlib.inflateSync(zlib.deflateSync('')).length, zlib.gunzipSync(zlib.gzipSync(Buffer.alloc(0))).length, zlib.inflateRawSync(zlib.deflateRawSync(new Uint8Array(0))).length]);
  show('compressed headers', [hex(zlib.deflateSync('x').subarray(0, 1)), hex(zlib.gzipSync('x').subarray(0, 3)), zlib.gzipSync('x').length >= 18]);
}

// inputs compressed by Node's zlib
const fixed = {
  deflate6: '789c0bc94855282ccd4cce56482aca2fcf5348cbaf50c82acd2d2856c82f4b2d5228c94855c849acaa5448c94fd75308a1996200f93c3076',
  deflate0: '789c2b2ec92f4a4d5148cac94fce06001f8004bd',
  deflate9: '78da0bc94855282ccd4cce56482aca2fcf5348cbaf50c82acd2d2856c82f4b2d5228c94855c849acaa5448c94fd7530819553caa785431b515030047a5431c',
  rawFixed: '4b4c4a4e042300',
  rawHuffman: 'cb284d4bcb4dcc53c8cfcba954c8284d4bcb4dcc53c8cfcba90400',
  gzip: '1f8b08000000000000030bc94855282ccd4cce56482aca2fcf5348cbaf50c82acd2d2856c82f4b2d5228c94855c849acaa5448c94fd7530000bc05eb302d000000',
  gzipWindow9: '1f8b08000000000000030bc94855282ccd4cce56482aca2fcf5348cbaf50c82acd2d2856c82f4b2d5228c94855c849acaa5448c94fd7530821453100041044a15a000000',
  gzipHeaderFields: '1f8b081e00000000000304004142434466696c652e747874006120636f6d6d656e7400353bcb4bcc4d4d010087cce07105000000',
};
const fromHex = (name) => Buffer.from(fixed[name], 'hex');
tryit('fixed deflate level 6', () => zlib.inflateSync(fromHex('deflate6')).toString());
tryit('fixed deflate stored', () => zlib.inflateSync(fromHex('deflate0')).toString());
tryit('fixed deflate level 9', () => zlib.inflateSync(fromHex('deflate9')).toString());
tryit('fixed raw fixed huffman', () => zlib.inflateRawSync(fromHex('rawFixed')).toString());
tryit('fixed raw huffman only', () => zlib.inflateRawSync(fromHex('rawHuffman')).toString());
tryit('fixed gzip', () => zlib.gunzipSync(fromHex('gzip')).toString());
tryit('fixed gzip window 9', () => zlib.gunzipSync(fromHex('gzipWindow9')).toString());
tryit('fixed gzip header fields', () => zlib.gunzipSync(fromHex('gzipHeaderFields')).toString());
tryit('fixed unzip gzip', () => zlib.unzipSync(fromHex('gzip')).toString());
tryit('fixed unzip deflate', () => zlib.unzipSync(fromHex('deflate9')).toString());
{
  const big = Buffer.from('eNrtVDey5TAMO6uonHPi6bcQG89s+cuHToEACdmIMoC8tiCqJj2IAdlKwwDLbsEgPyHMqr2bbltw00SJKJWqAURXA2Z2l0EEu0O8aC6wsOXKY7MINsmCOm0JJUw7sruo2+R5+rtDj8pejzXPNOx2ss++9LhDMHkTtMR3KzUo23JyrSfOA/aaQ87e+XqTsB2qqrug50m3MbdpXClzIBdV3EmnzOOX33m72LaZsS8pJw+q4VEX6rDHA3fa+SGhTO6tD9aHIXj0yRpmFD92e1/Q5tg73sBnyBKXS70JCDLUFBouXzcXQ6uSsr8u88mUGD1DG1HEUDJnR2kxr5QJpLAWuw+6G53kHPeykJqVbinWXOfI+FBNZitEOU5JZ9PGXg1YSLxILLBdTQtFYUYn52pfyo1yj4HOneNHlNC5A7z77trjslmnLa7c3CzrDZNazmi39WkpOChT8tLLELOserEhsWTjSlZ4pl7RG967aljLstyXm1i+lqvApols9qBasmJvt/ucB5m8KyiXxZV+FpYN3H2aNjHhiq4jtiRx6jYPAItFRc68uiCK6Q6tHTffNj3wFi7zavEe1q1SXvCnp5tqDe2qqgfIMB1XnjWRko6mHN1mal1JhBVPkhsES/GcDMxDn3egxwkuuLhyTMGWpuawyyrB2kQ+V1l91TWQbRwY/c3cidOt1j0ZqyM3XDeRRnVhQihWMLy5Yl9DBoMyzMF90z42A0rntifcYVfPPZWtfS+GLeZL4SotsBsRlh/VnjVHwxOKLO5IBsoZSE31flq5OIxPs+aEIud2XUUNfcberKjMnW0WcDfNGnJYP6DmmQ9qubDUXEuL6GLSAvzwKQ0JsvCzqjczTsFNFvbKpNTNfHQVSh5jKzssg+MT7mmU9W4yhWcF7yrLbbscpF5KG3967u3YmONu1ydbYQfMavV1pVbBjV6GFSbbYnbEPY6UrJqWvPfaq+hlmlOkEpVeweC61xYt7rHLgSq2zJ1qnxd7U3qvJLNqYI2aPA4L5vSJY4whH+DBPeSH+EArunkfqKA+UB0++Af7UB7Gg3qgzfNA5f2BrnypqYA4SYE/kCx1RitqsD2IB6ojBWqJWKicFKgX2qTZaZM4qfn9AB+Q3rf575hETe4SC3ugFSlQ1/qBCuiMmieF9BAeSOhLRrPPBzojz2gwOqObNBH5QmfU53qgBunFvi9NXVPd1yUahZwge2gGYqGWSIhkv09FCmQ5UX8f7ktGQ5M9/gMqpxXV/ff9zANZR7PTGXlNQxMZbX6/a1KgPomTfCEH6TVpWrKHOMmXr0vf35f06IzIyCy6QrYSJymQOhlJzX+/gu+nT6OQIb9g+QXLL1h+wfILll+w/ILlFyy/YPkFyy9YfsHyC5ZfsPxRsPwDgWYT4Q==', 'base64');
  let seed = 7;
  const expected = Buffer.alloc(6000);
  for (let i = 0; i < expected.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    expected[i] = i < 1200 ? 97 + ((seed >> 16) % 26) : expected[i - 1111 - (i % 7)];
  }
  const out = zlib.inflateSync(big);
  show('fixed long matches', [out.length, out.equals(expected), zlib.crc32(out)]);
}

// inputs of every kind
tryit('input string', () => zlib.inflateSync(zlib.deflateSync('str\u00e9')).toString());
tryit('input Uint16Array', () => zlib.inflateSync(zlib.deflateSync(new Uint16Array([1, 2]))));
tryit('input DataView', () => zlib.inflateSync(zlib.deflateSync(new DataView(new Uint8Array([5, 6, 7]).buffer, 1))));
tryit('input ArrayBuffer', () => zlib.inflateSync(zlib.deflateSync(new Uint8Array([9, 8]).buffer)));
tryit('input subarray', () => zlib.inflateRawSync(zlib.deflateRawSync(Buffer.from('xxabcxx').subarray(2, 5))).toString());
tryit('input number', () => zlib.deflateSync(5));
tryit('input undefined', () => zlib.gzipSync());
tryit('input object', () => zlib.gunzipSync({}));
tryit('results are Buffers', () => [Buffer.isBuffer(zlib.deflateSync('x')), Buffer.isBuffer(zlib.inflateSync(zlib.deflateSync('x')))]);

// corrupt and truncated inputs
const d = zlib.deflateSync('hello world');
const g = zlib.gzipSync('hello world');
const r = zlib.deflateRawSync('hello world');
tryit('error truncated', () => zlib.inflateSync(d.subarray(0, 5)));
tryit('error truncated gzip', () => zlib.gunzipSync(g.subarray(0, g.length - 8)));
tryit('error truncated raw', () => zlib.inflateRawSync(r.subarray(0, 3)));
tryit('error empty inflate', () => zlib.inflateSync(Buffer.alloc(0)));
tryit('error empty gunzip', () => zlib.gunzipSync(Buffer.alloc(0)));
tryit('error empty unzip', () => zlib.unzipSync(Buffer.alloc(0)));
tryit('error empty raw', () => zlib.inflateRawSync(Buffer.alloc(0)));
tryit('error unzip one byte', () => zlib.unzipSync(Buffer.from([0x1f])));
tryit('error gzip header only', () => zlib.gunzipSync(g.subarray(0, 10)));
tryit('error garbage inflate', () => zlib.inflateSync(Buffer.from('garbage')));
tryit('error garbage gunzip', () => zlib.gunzipSync(Buffer.from('garbage')));
tryit('error garbage unzip', () => zlib.unzipSync(Buffer.from('garbage')));
tryit('error garbage raw', () => zlib.inflateRawSync(Buffer.from('garbage')));
tryit('error inflate of gzip', () => zlib.inflateSync(g));
tryit('error gunzip of deflate', () => zlib.gunzipSync(d));
tryit('error raw of zlib', () => zlib.inflateRawSync(d));
tryit('error stored block lengths', () => zlib.inflateRawSync(Buffer.from([0x00, 0x05, 0x00, 0x00, 0x00])));
tryit('error block type', () => zlib.inflateRawSync(Buffer.from([0x07])));
tryit('error bit length repeat', () => zlib.inflateRawSync(Buffer.from('edc0810000000080a0fdb91fa7', 'hex')));
tryit('error distance too far back', () => zlib.inflateRawSync(Buffer.from('cb403001', 'hex')));
tryit('error literal/length code', () => zlib.inflateRawSync(Buffer.from('1b07', 'hex')));
{
  // a dynamic block with one bit changed in its code lengths or codes
  const broken = {
    'invalid code lengths set': 'edcaa11180411002b0861034846210a855747f5dbcfae82864644c6073ce0e2d6ef1a58406eb3f9f9d07',
    'invalid bit length repeat': 'edcaa11100411002b0961034846210a845747f5dbcfae82864644c6073ce0e2d6ef1a58406eb3f9f9d07',
    'invalid literal/lengths set': 'edcaa11100411002b096103484e210a855747f5dbcfae82864644c6073ce0e2d6ef1a58406eb3f9f9d07',
    'too many length or distance symbols': 'fdcaa11100411002b0941034846210a855747f5dbcfae82864644c6073ce0e2d6ef1a58406eb3f9f9d07',
    'missing end-of-block': 'edcea11100411002b0961034846210a855757f5dbcfae82864644c6073ce0e2d6ef1a58406eb3f9f9d07',
    'invalid distances set': 'edcaa11100411002b0961034846210a855747f5dbcfa682864644c6073ce0e2d6ef1a58406eb3f9f9d07',
    'invalid distance code': 'edcaa11100411002b0961034846210a855747f5dbcfae82964644c6073ce0e2d6ef1a58406eb3f9f9d07',
  };
  for (const name of Object.keys(broken)) tryit('error ' + name, () => zlib.inflateRawSync(Buffer.from(broken[name], 'hex')));
}
tryit('error gzip header crc', () => zlib.gunzipSync(Buffer.from('1f8b081e00000000000304004142434466696c652e747874006120636f6d6d656e7400343bcb4bcc4d4d010087cce07105000000', 'hex')));
tryit('error gzip method', () => zlib.gunzipSync(Buffer.from([0x1f, 0x8b, 0x07, 0, 0, 0, 0, 0, 0, 0])));
tryit('error gzip flags', () => zlib.gunzipSync(Buffer.from([0x1f, 0x8b, 0x08, 0xe0, 0, 0, 0, 0, 0, 0])));
tryit('error window size', () => zlib.inflateSync(Buffer.from([0x88, 0x98])));
tryit('error header check bits', () => zlib.inflateSync(Buffer.from([0x78, 0x9d])));
tryit('error needs dictionary', () => zlib.inflateSync(Buffer.from('78bbcb48cdc9c95728cf2fca490100', 'hex')));
const badCrc = Buffer.from(g);
badCrc[badCrc.length - 5] ^= 1;
tryit('error gzip crc', () => zlib.gunzipSync(badCrc));
const badLength = Buffer.from(g);
badLength[badLength.length - 1] ^= 1;
tryit('error gzip length', () => zlib.gunzipSync(badLength));
const badAdler = Buffer.from(d);
badAdler[badAdler.length - 1] ^= 1;
tryit('error adler32', () => zlib.inflateSync(badAdler));
tryit('error gzip trailing garbage', () => zlib.gunzipSync(Buffer.concat([g, Buffer.from('garbage')])));
tryit('gzip trailing zeros', () => zlib.gunzipSync(Buffer.concat([g, Buffer.alloc(5)])).toString());
tryit('gzip two members', () => zlib.gunzipSync(Buffer.concat([g, zlib.gzipSync(' again')])).toString());
tryit('unzip two members', () => zlib.unzipSync(Buffer.concat([g, g])).toString());
tryit('gzip second member truncated', () => zlib.gunzipSync(Buffer.concat([g, g.subarray(0, 12)])));
tryit('inflate trailing bytes', () => zlib.inflateSync(Buffer.concat([d, Buffer.from('xx')])).toString());
tryit('raw trailing bytes', () => zlib.inflateRawSync(Buffer.concat([r, Buffer.from('xx')])).toString());

// finishFlush: a truncated input gives what it holds
tryit('syncflush truncated', () => zlib.inflateSync(d.subarray(0, d.length - 3), { finishFlush: C.Z_SYNC_FLUSH }).toString());
tryit('syncflush truncated early', () => zlib.inflateSync(d.subarray(0, 6), { finishFlush: C.Z_SYNC_FLUSH }).length);
tryit('syncflush truncated gzip', () => zlib.gunzipSync(g.subarray(0, g.length - 4), { finishFlush: C.Z_SYNC_FLUSH }).toString());
tryit('syncflush empty', () => zlib.inflateSync(Buffer.alloc(0), { finishFlush: C.Z_SYNC_FLUSH }));
tryit('syncflush still checks data', () => zlib.inflateSync(Buffer.from('garbage'), { finishFlush: C.Z_SYNC_FLUSH }));
tryit('syncflush complete', () => zlib.unzipSync(g, { finishFlush: C.Z_SYNC_FLUSH }).toString());

// maxOutputLength
tryit('maxOutputLength exceeded', () => zlib.inflateSync(zlib.deflateSync(Buffer.alloc(1000)), { maxOutputLength: 10 }));
tryit('maxOutputLength exact', () => zlib.inflateSync(zlib.deflateSync(Buffer.alloc(10)), { maxOutputLength: 10 }).length);
tryit('maxOutputLength gunzip', () => zlib.gunzipSync(zlib.gzipSync(Buffer.alloc(100000)), { maxOutputLength: 50000 }));
tryit('maxOutputLength compress', () => zlib.deflateSync(Buffer.alloc(1000), { maxOutputLength: 5 }));
tryit('maxOutputLength zero', () => {
  try {
    zlib.deflateSync('x', { maxOutputLength: 0 });
  } catch (e) {
    return [e.name, e.code];
  }
});
tryit('maxOutputLength type', () => zlib.deflateSync('x', { maxOutputLength: 'x' }));

// options
tryit('option level high', () => zlib.deflateSync('x', { level: 10 }));
tryit('option level low', () => zlib.deflateSync('x', { level: -2 }));
tryit('option level string', () => zlib.deflateSync('x', { level: '5' }));
tryit('option level Infinity', () => zlib.deflateSync('x', { level: Infinity }));
tryit('option level NaN', () => zlib.inflateSync(zlib.deflateSync('x', { level: NaN })).toString());
tryit('option windowBits low', () => zlib.deflateSync('x', { windowBits: 7 }));
tryit('option windowBits gzip 8', () => zlib.gzipSync('x', { windowBits: 8 }));
tryit('option windowBits raw 8 becomes 9', () => {
  const options = { windowBits: 8 };
  zlib.inflateRawSync(zlib.deflateRawSync('x', options));
  return options.windowBits;
});
tryit('option windowBits inflate 0', () => zlib.inflateSync(zlib.deflateSync('y'), { windowBits: 0 }).toString());
tryit('option windowBits inflateRaw 0', () => zlib.inflateRawSync(zlib.deflateRawSync('y'), { windowBits: 0 }));
tryit('option windowBits 16', () => zlib.inflateSync(zlib.deflateSync('y'), { windowBits: 16 }));
tryit('option memLevel', () => zlib.deflateSync('x', { memLevel: 0 }));
tryit('option strategy', () => zlib.deflateSync('x', { strategy: 5 }));
tryit('option chunkSize small', () => zlib.deflateSync('x', { chunkSize: 63 }));
tryit('option chunkSize string', () => zlib.deflateSync('x', { chunkSize: 'big' }));
tryit('option chunkSize 64', () => zlib.inflateSync(zlib.deflateSync('x', { chunkSize: 64 })).toString());
tryit('option flush', () => zlib.deflateSync('x', { flush: 6 }));
tryit('option finishFlush', () => zlib.deflateSync('x', { finishFlush: -1 }));
tryit('option dictionary type', () => zlib.deflateSync('x', { dictionary: 'abc' }));
tryit('option info', () => {
  const res = zlib.gzipSync('x', { info: true });
  return [Object.keys(res), hex(zlib.gunzipSync(res.buffer)), res.engine.constructor.name, res.engine instanceof zlib.Gzip, res.engine._closed];
});
tryit('option null', () => zlib.inflateSync(zlib.deflateSync('x', null)).toString());

// crc32
tryit('crc32 string', () => zlib.crc32('hello'));
tryit('crc32 Buffer', () => zlib.crc32(Buffer.from('hello')));
tryit('crc32 continued', () => [zlib.crc32('world', zlib.crc32('hello ')), zlib.crc32('hello world')]);
tryit('crc32 utf8', () => zlib.crc32('h\u00e9llo \u20ac\u{1f600}'));
tryit('crc32 empty', () => [zlib.crc32(''), zlib.crc32('', 12345), zlib.crc32(Buffer.alloc(0), 7)]);
tryit('crc32 views', () => [zlib.crc32(new Uint16Array([1, 2, 3])), zlib.crc32(new DataView(new Uint8Array([1, 2, 3]).buffer)), zlib.crc32(Buffer.from('abcdef').subarray(2, 4))]);
tryit('crc32 check value', () => zlib.crc32('123456789').toString(16));
tryit('crc32 long', () => zlib.crc32(Buffer.alloc(100000, 0xa5)));
tryit('crc32 max value', () => zlib.crc32('a', 4294967295));
tryit('crc32 bad data', () => zlib.crc32(5));
tryit('crc32 ArrayBuffer', () => zlib.crc32(new ArrayBuffer(2)));
tryit('crc32 bad value', () => zlib.crc32('a', -1));
tryit('crc32 fractional value', () => zlib.crc32('a', 1.5));
tryit('crc32 string value', () => zlib.crc32('a', '1'));

// constants, codes, exports
show('constants', [Object.keys(zlib.constants).length, Object.getPrototypeOf(zlib.constants), zlib.constants.Z_MAX_CHUNK, zlib.constants.BROTLI_MAX_QUALITY]);
show('constants values', JSON.stringify(zlib.constants));
show('legacy constants', [zlib.Z_SYNC_FLUSH, zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATE, zlib.UNZIP, zlib.ZLIB_VERNUM, zlib.BROTLI_MODE_TEXT, Object.keys(zlib).includes('Z_OK')]);
show('codes', [zlib.codes, Object.isFrozen(zlib.codes)]);
show('exports', Object.keys(zlib));
show('brotli exports', [typeof zlib.brotliCompressSync, typeof zlib.BrotliCompress, typeof zlib.createBrotliDecompress]);

// callbacks
show('callback gzip', await new Promise((resolve) => zlib.gzip('callback', (e, res) => resolve([e, hex(zlib.gunzipSync(res))]))));
show('callback error', await new Promise((resolve) => zlib.inflate(Buffer.from('bad'), (e, res) => resolve([err(e), res]))));
show('callback maxOutputLength', await new Promise((resolve) => zlib.inflate(zlib.deflateSync(Buffer.alloc(100)), { maxOutputLength: 10 }, (e, res) => resolve([err(e), res]))));
show('callback undefined input', await new Promise((resolve) => zlib.inflate(zlib.deflateSync(''), (e, res) => resolve([e, hex(res)]))));
show('callback info', await new Promise((resolve) => zlib.gzip('x', { info: true }, (e, res) => resolve([e, Object.keys(res), res.engine.constructor.name]))));
{
  const order = [];
  await new Promise((resolve) => {
    zlib.deflate('o', () => {
      order.push('callback');
      resolve();
    });
    Promise.resolve().then(() => order.push('microtask'));
    order.push('sync');
  });
  show('callback is asynchronous', order);
}
show('promisify inflateRaw', (await util.promisify(zlib.inflateRaw)(zlib.deflateRawSync('promisified'))).toString());
show('promisify unzip', (await util.promisify(zlib.unzip)(zlib.gzipSync('pu'))).toString());
try {
  await util.promisify(zlib.gunzip)(Buffer.from('nope'));
} catch (e) {
  show('promisify rejects', err(e));
}
tryit('callback missing', () => zlib.deflate('x'));
tryit('callback bad input', () => zlib.deflate(5, () => {}));
tryit('callback bad options', () => zlib.deflate('x', { level: 42 }, () => {}));

// streams (they buffer their input and (de)compress it when it ends)
{
  const data = Buffer.from('stream me please '.repeat(1000));
  for (const [c, d] of [['createGzip', 'createGunzip'], ['createDeflate', 'createInflate'], ['createDeflateRaw', 'createInflateRaw'], ['createGzip', 'createUnzip'], ['createDeflate', 'createUnzip']]) {
    const comp = zlib[c]();
    const dec = zlib[d]();
    const done = collect(dec);
    comp.pipe(dec);
    for (let i = 0; i < data.length; i += 1000) comp.write(data.subarray(i, i + 1000));
    comp.end();
    const out = await done;
    show('stream round trip ' + c + ' ' + d, [out.equals(data), comp.bytesWritten, comp.destroyed, dec.destroyed]);
  }
  const log = [];
  const gz = zlib.createGzip();
  for (const name of ['finish', 'end', 'close']) gz.on(name, () => log.push(name));
  gz.resume();
  gz.end('abc', () => log.push('end callback'));
  await new Promise((resolve) => gz.on('close', resolve));
  show('stream events', log);
  const log2 = [];
  const gunzip = zlib.createGunzip();
  gunzip.on('error', (e) => log2.push(err(e)));
  gunzip.on('close', () => log2.push('close'));
  gunzip.end(Buffer.from('not gzip at all'));
  await new Promise((resolve) => gunzip.on('close', resolve));
  show('stream error', [log2, gunzip.destroyed]);
  const gunzip2 = zlib.createGunzip();
  const e2 = await new Promise((resolve) => {
    gunzip2.on('error', resolve);
    gunzip2.end();
  });
  show('stream empty input', err(e2));
  const truncated = zlib.gzipSync('truncated body here');
  const unzip = zlib.createUnzip({ flush: C.Z_SYNC_FLUSH, finishFlush: C.Z_SYNC_FLUSH });
  const p = collect(unzip);
  unzip.end(truncated.subarray(0, truncated.length - 6));
  show('stream syncflush truncated', (await p).toString());
  const members = zlib.createGunzip();
  const p2 = collect(members);
  members.write(zlib.gzipSync('a'));
  members.end(zlib.gzipSync('b'));
  show('stream two members', (await p2).toString());
  const out = [];
  await stream.promises.pipeline(stream.Readable.from([Buffer.from('pipe'), Buffer.from('line')]), zlib.createDeflate({ level: 9 }), zlib.createInflate(), new stream.Writable({
    write(c, e, cb) {
      out.push(c.toString());
      cb();
    },
  }));
  show('stream pipeline', out.join(''));
  try {
    await stream.promises.pipeline(stream.Readable.from([Buffer.from('garbage')]), zlib.createInflate(), new stream.PassThrough());
  } catch (e) {
    show('stream pipeline error', err(e));
  }
  const small = zlib.createGzip({ chunkSize: 64 });
  const sizes = [];
  small.on('data', (c) => sizes.push(c.length));
  const ended = new Promise((resolve) => small.on('end', resolve));
  small.end(Buffer.from(Array.from({ length: 600 }, (_, i) => (i * 7919) % 251)));
  await ended;
  show('stream chunkSize', [sizes.length > 1, sizes.every((n) => n <= 64)]);
  const inst = zlib.createDeflate();
  show('stream instances', [inst instanceof zlib.Deflate, inst instanceof stream.Transform, zlib.Deflate.name, zlib.Deflate() instanceof zlib.Deflate, inst._closed, inst.bytesWritten, inst._level, inst._strategy]);
  const closed = [];
  inst.close(() => closed.push('closed'));
  await new Promise((resolve) => setImmediate(resolve));
  show('stream close', [closed, inst._closed, inst.destroyed]);
  const x = zlib.createGzip();
  const seen = [];
  await new Promise((resolve) => x.flush(resolve));
  seen.push('flushed');
  await new Promise((resolve) => x.params(9, 1, resolve));
  seen.push(x._level, x._strategy);
  const xs = collect(x);
  x.write('one');
  x.end('two');
  seen.push(zlib.gunzipSync(await xs).toString());
  show('stream flush params', seen);
  tryit('stream params bad', () => zlib.createGzip().params(10, 0));
  tryit('stream bad options', () => zlib.createGzip({ level: 11 }));
  tryit('class bad options', () => new zlib.Inflate({ windowBits: 99 }));
  const enc = zlib.createGzip({ encoding: 'hex', objectMode: true });
  show('stream encoding ignored', [enc.readableEncoding, enc.readableObjectMode, enc.writableObjectMode]);
}
