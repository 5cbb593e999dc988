// Buffer and the `buffer` module: construction, every encoding both ways (with invalid
// input), reading and writing numbers at their bounds, searching, comparing, copying,
// filling, and Node's coded errors (name, code, message). Messages that quote the
// engine's kMaxLength show it as `kMaxLength` (QuickJS's limit is not V8's); errors the
// engine itself throws show their name only.
const buffer = require('buffer');
const { kMaxLength } = buffer;
const outcome = (fn) => {
  try {
    return fn();
  } catch (error) {
    if (error && error.code !== undefined) {
      const message = String(error.message).split('&& <= ' + kMaxLength + '.').join('&& <= kMaxLength.');
      return { threw: error.name, code: error.code, message };
    }
    return { threw: error && error.name };
  }
};
const check = (label, fn) => show(label, outcome(fn));
const hex = (b) => b.toString('hex');
const bytes = (...list) => Buffer.from(list);

// ---------------------------------------------------------------- the class
show('global is the export', Buffer === buffer.Buffer);
show('prototype of Buffer.prototype', Object.getPrototypeOf(Buffer.prototype) === Uint8Array.prototype);
show('prototype of Buffer', Object.getPrototypeOf(Buffer) === Uint8Array);
show('Buffer.name and length', [Buffer.name, Buffer.length]);
show('constructor', [Buffer.prototype.constructor === Buffer, Buffer.from('a').constructor === Buffer]);
show('constructor name', Buffer.from('a').constructor.name);
{
  const b = Buffer.from('ab');
  show('instance checks', [b instanceof Buffer, b instanceof Uint8Array, ArrayBuffer.isView(b), Object.prototype.toString.call(b)]);
}
show('isBuffer', [Buffer.isBuffer(Buffer.alloc(1)), Buffer.isBuffer(new Uint8Array(1)), Buffer.isBuffer('a'), Buffer.isBuffer(null), Buffer.isBuffer()]);
show('species', (() => {
  const mapped = bytes(1, 2, 3).map((x) => x * 2);
  return [mapped, mapped instanceof Buffer, bytes(1, 2, 3).filter((x) => x > 1)];
})());
show('iteration', [[...bytes(7, 8)], [...bytes(7, 8).keys()], [...bytes(7, 8).values()], [...bytes(7, 8).entries()]]);
show('poolSize', Buffer.poolSize);
show('static lengths', ['from', 'alloc', 'allocUnsafe', 'allocUnsafeSlow', 'byteLength', 'concat', 'compare', 'isBuffer', 'isEncoding', 'of', 'copyBytesFrom'].map((k) => [k, typeof Buffer[k], Buffer[k].length]));
show('aliases', [
  Buffer.prototype.readUint8 === Buffer.prototype.readUInt8,
  Buffer.prototype.writeUint32BE === Buffer.prototype.writeUInt32BE,
  Buffer.prototype.readBigUint64LE === Buffer.prototype.readBigUInt64LE,
  Buffer.prototype.toLocaleString === Buffer.prototype.toString,
]);
show('Buffer() without new', [Buffer('ab'), Buffer(3), Buffer([1, 2]), new Buffer('6869', 'hex')]);
check('Buffer(number, encoding)', () => Buffer(3, 'utf8'));
check('Buffer(-1)', () => Buffer(-1));

// ---------------------------------------------------------------- Buffer.from
show('from string', [Buffer.from('héllo'), Buffer.from(''), Buffer.from('abc', 'latin1'), Buffer.from('abc', 'UTF-8')]);
show('from string, odd encodings', [Buffer.from('ab', ''), Buffer.from('ab', null), Buffer.from('ab', 5), Buffer.from('ab', 'BINARY'), Buffer.from('ab', 'Ucs-2')]);
check('from unknown encoding', () => Buffer.from('ab', 'bogus'));
show('from array', [Buffer.from([1, 256, -1, 1.7, '16', NaN, '0x10', null]), Buffer.from([])]);
show('from array-like', [Buffer.from({ length: 3, 0: 1, 1: '2', 2: -1 }), Buffer.from({ length: 2.5, 0: 1, 1: 2, 2: 3 }), Buffer.from({ length: '3', 0: 1 }), Buffer.from({ length: -1 })]);
show('from JSON form', Buffer.from({ type: 'Buffer', data: [1, 2, 300] }));
show('from typed arrays', [Buffer.from(new Uint16Array([1, 258])), Buffer.from(new Float32Array([1.5, 300])), Buffer.from(new DataView(new ArrayBuffer(2)))]);
{
  const source = Buffer.from('ab');
  const copy = Buffer.from(source);
  copy[0] = 0x7a;
  show('from buffer copies', [source.toString(), copy.toString()]);
}
{
  const memory = new ArrayBuffer(8);
  const view = Buffer.from(memory, 2, 3);
  view[0] = 9;
  show('from ArrayBuffer shares', [new Uint8Array(memory), view.length, view.byteOffset, view.buffer === memory]);
  show('from ArrayBuffer defaults', [Buffer.from(memory).length, Buffer.from(memory, 6).length, Buffer.from(memory, '1').length, Buffer.from(memory, NaN, NaN).length, Buffer.from(memory, 0, -1).length, Buffer.from(memory, 0.5, 1.5).length]);
  check('from ArrayBuffer offset past end', () => Buffer.from(memory, 9));
  check('from ArrayBuffer length past end', () => Buffer.from(memory, 4, 5));
  check('from ArrayBuffer negative offset', () => Buffer.from(memory, -1));
}
show('from valueOf', [Buffer.from(new String('abc')), Buffer.from({ valueOf: () => 'xyz' }), Buffer.from({ valueOf: () => [1, 2] })]);
show('from toPrimitive', [Buffer.from({ [Symbol.toPrimitive]: (hint) => 'h:' + hint }), Buffer.from({ [Symbol.toPrimitive]: () => '6869' }, 'hex')]);
for (const [label, value] of [['number', 5], ['null', null], ['undefined', undefined], ['object', {}], ['function', function named() {}], ['boolean', true], ['symbol', Symbol('s')], ['valueOf number', { valueOf: () => 5 }]]) {
  check('from ' + label, () => Buffer.from(value));
}

// ---------------------------------------------------------------- alloc and friends
show('alloc', [Buffer.alloc(3), Buffer.alloc(0), Buffer.alloc(1.5), Buffer.alloc(3, 257), Buffer.alloc(5, 'ab'), Buffer.alloc(5, '6162', 'hex'), Buffer.alloc(5, bytes(1, 2)), Buffer.alloc(3, ''), Buffer.alloc(3, 'ab', null)]);
check('alloc negative', () => Buffer.alloc(-1));
check('alloc NaN', () => Buffer.alloc(NaN));
check('alloc string', () => Buffer.alloc('3'));
check('alloc too big', () => Buffer.alloc(2 ** 33));
check('alloc Infinity', () => Buffer.alloc(Infinity));
check('alloc bad fill hex', () => Buffer.alloc(5, 'zz', 'hex'));
check('alloc empty fill buffer', () => Buffer.alloc(3, Buffer.alloc(0)));
check('alloc fill unknown encoding', () => Buffer.alloc(3, 'ab', 'bogus'));
check('alloc fill number encoding', () => Buffer.alloc(3, 'ab', 5));
show('allocUnsafe', [Buffer.allocUnsafe(0).length, Buffer.allocUnsafe(10).length, Buffer.allocUnsafeSlow(4).length]);
check('allocUnsafe negative', () => Buffer.allocUnsafe(-1));
check('allocUnsafeSlow string', () => Buffer.allocUnsafeSlow('x'));
show('SlowBuffer', (() => {
  const slow = buffer.SlowBuffer(4);
  return [slow.length, slow instanceof Buffer, buffer.SlowBuffer.name];
})());
check('SlowBuffer bad size', () => buffer.SlowBuffer('4'));
show('of', [Buffer.of(1, 2, 300, '4', -1), Buffer.of(), Buffer.of.prototype]);
show('copyBytesFrom', [
  Buffer.copyBytesFrom(new Uint16Array([0x102, 0x304])),
  Buffer.copyBytesFrom(new Uint16Array([1, 2, 3]), 1),
  Buffer.copyBytesFrom(new Uint16Array([1, 2, 3]), 1, 1),
  Buffer.copyBytesFrom(new Uint16Array([1, 2, 3]), 5),
  Buffer.copyBytesFrom(new Uint16Array([1, 2, 3]), 0, 10),
  Buffer.copyBytesFrom(new Uint8Array(0)),
]);
{
  const source = new Uint8Array([1, 2]);
  const copy = Buffer.copyBytesFrom(source);
  source[0] = 9;
  show('copyBytesFrom copies', copy);
}
check('copyBytesFrom ArrayBuffer', () => Buffer.copyBytesFrom(new ArrayBuffer(2)));
check('copyBytesFrom DataView', () => Buffer.copyBytesFrom(new DataView(new ArrayBuffer(2))));
check('copyBytesFrom negative offset', () => Buffer.copyBytesFrom(new Uint8Array(3), -1));
check('copyBytesFrom fractional offset', () => Buffer.copyBytesFrom(new Uint8Array(3), 1.5));
check('copyBytesFrom string offset', () => Buffer.copyBytesFrom(new Uint8Array(3), '1'));
check('copyBytesFrom negative length', () => Buffer.copyBytesFrom(new Uint8Array(3), 0, -1));

// ---------------------------------------------------------------- encodings
show('isEncoding', ['utf8', 'UTF-8', 'Utf8', 'ucs2', 'UCS-2', 'utf16le', 'utf-16le', 'UTF-16LE', 'latin1', 'binary', 'BINARY', 'ascii', 'base64', 'base64url', 'hex', 'HEX', '', 'buffer', 'utf-16', 'utf32', null, undefined, 5].map((e) => Buffer.isEncoding(e)));
const sample = 'héllo wörld ☃ 😀';
for (const encoding of ['utf8', 'utf16le', 'latin1', 'ascii', 'base64', 'base64url', 'hex']) {
  const encoded = Buffer.from(sample).toString(encoding);
  show('to ' + encoding, encoded);
  show('round trip ' + encoding, hex(Buffer.from(encoded, encoding)));
}
show('encoding names', ['UTF8', 'utf-8', 'UCS2', 'ucs-2', 'UTF16LE', 'utf-16le', 'Latin1', 'Binary', 'ASCII', 'Base64', 'BASE64URL', 'Hex'].map((e) => Buffer.from('hi').toString(e)));
show('utf8 invalid', [
  bytes(0x61, 0xff, 0x62), bytes(0xe2, 0x82), bytes(0xe2, 0x82, 0x61), bytes(0xed, 0xa0, 0x80), bytes(0xf0, 0x9f, 0x98),
  bytes(0xc0, 0x80), bytes(0xc1, 0xbf), bytes(0xf4, 0x90, 0x80, 0x80), bytes(0xf8, 0x88, 0x80, 0x80, 0x80), bytes(0x80, 0xbf),
  bytes(0xe0, 0x80, 0x80), bytes(0xef, 0xbf, 0xbd), bytes(0xef, 0xbb, 0xbf, 0x61),
].map((b) => [...b.toString()].map((c) => c.codePointAt(0).toString(16))));
show('utf8 lone surrogates', [Buffer.from('a\ud800b'), Buffer.from('\udc00'), Buffer.from('\ud83d\ude00'), Buffer.from('\ude00\ud83d'), Buffer.from('\ud800\ud800')]);
show('utf16le', [Buffer.from('a€😀', 'ucs2'), bytes(0x61, 0, 0x62).toString('ucs2'), bytes(0x3d, 0xd8).toString('utf16le').charCodeAt(0), Buffer.from('\ud800', 'utf16le')]);
show('latin1', [bytes(0xe9, 0xff, 0x80).toString('latin1'), bytes(0xe9).toString('binary'), Buffer.from('é€Ł\uffff', 'latin1')]);
show('ascii', [bytes(0xe9, 0x41, 0xff, 0x80).toString('ascii').split('').map((c) => c.charCodeAt(0)), Buffer.from('é€A', 'ascii')]);
show('hex decode', [Buffer.from('abcd', 'hex'), Buffer.from('abc', 'hex'), Buffer.from('ab zz cd', 'hex'), Buffer.from('ABCDEF', 'hex'), Buffer.from('0g', 'hex'), Buffer.from('g0ab', 'hex'), Buffer.from('', 'hex'), Buffer.from('a', 'hex')]);
show('hex encode', [bytes(0, 15, 16, 255).toString('hex'), Buffer.alloc(0).toString('hex')]);
show('base64 decode', [
  Buffer.from('aGk=', 'base64'), Buffer.from('aGk', 'base64'), Buffer.from('a G\nk', 'base64'), Buffer.from('aG!k', 'base64'),
  Buffer.from('-_8', 'base64'), Buffer.from('+/8', 'base64url'), Buffer.from('aGk==x', 'base64'), Buffer.from('a', 'base64'),
  Buffer.from('aGVsbG8gd29ybGQ', 'base64url'), Buffer.from('=aGk', 'base64'), Buffer.from('aG=k', 'base64'),
]);
show('base64 encode', [bytes(0xfb, 0xff).toString('base64'), bytes(0xfb, 0xff).toString('base64url'), Buffer.from('a').toString('base64'), Buffer.from('a').toString('base64url'), Buffer.from('ab').toString('base64'), Buffer.from('abc').toString('base64')]);

// ---------------------------------------------------------------- byteLength
show('byteLength strings', [
  Buffer.byteLength('héllo'), Buffer.byteLength('😀'), Buffer.byteLength('\ud800'), Buffer.byteLength(''),
  Buffer.byteLength('héllo', 'latin1'), Buffer.byteLength('héllo', 'ascii'), Buffer.byteLength('héllo', 'ucs2'),
  Buffer.byteLength('abc', 'hex'), Buffer.byteLength('zz', 'hex'), Buffer.byteLength('aGk', 'base64'), Buffer.byteLength('aGk=', 'base64'),
  Buffer.byteLength('aG k=', 'base64'), Buffer.byteLength('==', 'base64'), Buffer.byteLength('aGk', 'base64url'),
  Buffer.byteLength('é', 'bogus'), Buffer.byteLength('é', 5), Buffer.byteLength('é', 'UCS2'),
]);
show('byteLength views', [Buffer.byteLength(new Uint16Array(3)), Buffer.byteLength(new ArrayBuffer(5)), Buffer.byteLength(new DataView(new ArrayBuffer(7))), Buffer.byteLength(Buffer.alloc(4))]);
check('byteLength number', () => Buffer.byteLength(5));
check('byteLength object', () => Buffer.byteLength({}));

// ---------------------------------------------------------------- toString, toJSON
{
  const b = Buffer.from('hello');
  show('toString ranges', [b.toString('utf8', 1, 3), b.toString('utf8', '1', '3'), b.toString('utf8', -1, 3), b.toString('utf8', 0.5, 2.5), b.toString('utf8', 0, 100), b.toString('utf8', 3, 1), b.toString('utf8', NaN, NaN), b.toString(undefined, 2), b.toString('hex', 4)]);
  show('toString fallbacks', [b.toString(), b.toString(undefined), Buffer.alloc(0).toString('bogus')]);
  check('toString unknown encoding', () => b.toString('bogus'));
  check('toString empty encoding', () => b.toString(''));
  check('toString null encoding', () => b.toString(null));
  check('toString number encoding', () => b.toString(0));
  show('toLocaleString', [b.toLocaleString(), b.toLocaleString('hex')]);
}
show('toJSON', [bytes(1, 2).toJSON(), JSON.stringify(Buffer.alloc(0)), JSON.stringify({ b: bytes(255) })]);
show('JSON round trip', Buffer.from(JSON.parse(JSON.stringify(Buffer.from('héllo')))).toString());
show('spread', [...Buffer.from('hi')]);

// ---------------------------------------------------------------- equals, compare
{
  const a = Buffer.from('abcdef');
  show('equals', [a.equals(Buffer.from('abcdef')), a.equals(a), a.equals(Buffer.from('abcdeg')), a.equals(new Uint8Array(6)), Buffer.alloc(0).equals(new Uint8Array(0)), a.subarray(1, 3).equals(Buffer.from('bc'))]);
  check('equals string', () => a.equals('abcdef'));
  show('compare', [a.compare(Buffer.from('abc')), a.compare(a), a.compare(Buffer.from('b')), a.compare(new Uint8Array([0x61])), Buffer.compare(Buffer.from('a'), Buffer.from('b')), Buffer.compare(Buffer.from('b'), Buffer.from('a')), Buffer.compare(a, a)]);
  show('compare sort', [Buffer.from('b'), Buffer.from('a'), Buffer.from('ab'), Buffer.from('')].sort(Buffer.compare).map(String));
  show('compare ranges', [a.compare(Buffer.from('xcd'), 1, 3, 2, 4), a.compare(Buffer.from('x'), 0, 0, 0, 0), a.compare(Buffer.from('x'), 0, 0), a.compare(Buffer.from('x'), 0, 1, 2, 2), a.compare(a, 7), a.compare(a, undefined, undefined, undefined, undefined)]);
  check('compare negative targetStart', () => a.compare(a, -1));
  check('compare targetEnd past end', () => a.compare(a, 0, 7));
  check('compare string sourceStart', () => a.compare(a, 0, 1, '1'));
  check('compare fractional sourceEnd', () => a.compare(a, 0, 1, 0, 1.5));
  check('compare string', () => a.compare('abc'));
  check('compare Uint8ClampedArray', () => a.compare(new Uint8ClampedArray(1)));
  check('Buffer.compare bad second', () => Buffer.compare(a, 'abc'));
  check('Buffer.compare bad first', () => Buffer.compare(1, a));
}

// ---------------------------------------------------------------- concat
show('concat', [
  Buffer.concat([Buffer.from('ab'), new Uint8Array([99])]),
  Buffer.concat([Buffer.from('ab'), Buffer.from('cd')], 3),
  Buffer.concat([Buffer.from('ab')], 4),
  Buffer.concat([]),
  Buffer.concat([], 5),
  Buffer.concat([Buffer.from('a')], 0),
  Buffer.concat([Buffer.alloc(0), Buffer.from('x'), Buffer.alloc(0)]),
]);
{
  const a = Buffer.from('ab');
  const joined = Buffer.concat([a]);
  joined[0] = 0x7a;
  show('concat copies', a.toString());
}
check('concat not an array', () => Buffer.concat('ab'));
check('concat bad item', () => Buffer.concat([Buffer.from('a'), 'b']));
check('concat bad item past length', () => Buffer.concat([Buffer.from('a'), [1]], 1));
check('concat negative length', () => Buffer.concat([Buffer.from('a')], -1));
check('concat string length', () => Buffer.concat([Buffer.from('a')], '1'));
check('concat fractional length', () => Buffer.concat([Buffer.from('a')], 1.5));
check('concat array-like item', () => Buffer.concat([{ length: 2 }]));

// ---------------------------------------------------------------- slice, subarray
{
  const a = Buffer.from('abcdef');
  const part = a.subarray(1, 3);
  part[0] = 0x7a;
  show('subarray shares', [a.toString(), part.toString(), part instanceof Buffer, part.byteOffset - a.byteOffset]);
  a.slice(4)[0] = 0x45;
  show('slice shares', a.toString());
  show('slice arguments', [a.slice(-2), a.slice(-10, 2), a.slice(4, 2), a.slice(NaN, NaN), a.slice('1', '3'), a.slice(1.7, 3.2), a.slice(undefined, -1), a.slice(0, Infinity), a.slice(-Infinity), a.slice(null, null), a.slice()].map(String));
  show('subarray arguments', [a.subarray(-3, -1), a.subarray(2), a.subarray(10)].map(String));
  show('parent and offset', [part.parent === part.buffer, part.offset === part.byteOffset, Buffer.prototype.parent, Object.getOwnPropertyDescriptor(Buffer.prototype, 'offset').get.call({})]);
}

// ---------------------------------------------------------------- copy
{
  const target = () => Buffer.alloc(4);
  const source = Buffer.from('abcdef');
  show('copy', [(() => { const t = target(); return [source.copy(t), t]; })(), (() => { const t = target(); return [source.copy(t, 1, 2, 4), t]; })()]);
  show('copy coercions', [source.copy(target(), '1', '1'), source.copy(target(), 0.5, 1.5, 2.5), source.copy(target(), NaN, NaN, NaN), source.copy(target(), 0, 0, 100), source.copy(target(), 5), source.copy(target(), Infinity), source.copy(target(), 0, Infinity), source.copy(target(), 0, 0, Infinity), source.copy(target(), 0, 0, 2 ** 53), source.copy(new Uint8Array(2))]);
  const overlap = Buffer.from('abcdef');
  overlap.copy(overlap, 2, 0, 4);
  show('copy overlapping', overlap.toString());
  check('copy negative targetStart', () => source.copy(target(), -1));
  check('copy sourceStart past end', () => source.copy(target(), 0, 7));
  check('copy negative sourceEnd', () => source.copy(target(), 0, 0, -1));
  check('copy to array', () => source.copy([1, 2]));
  check('copy to Uint16Array', () => source.copy(new Uint16Array(2)));
}

// ---------------------------------------------------------------- fill
show('fill numbers', [Buffer.alloc(3).fill(1), Buffer.alloc(3).fill(257.9), Buffer.alloc(3).fill(-1.5), Buffer.alloc(4).fill(7, 1, 3), Buffer.alloc(3).fill(1, 2, 1), Buffer.alloc(3).fill(1, 1)]);
show('fill strings', [
  Buffer.alloc(5).fill('ab'), Buffer.alloc(5).fill('é'), Buffer.alloc(5).fill('\u0102', 'ucs2'), Buffer.alloc(3).fill('\u0141', 'latin1'),
  Buffer.alloc(5).fill('YWI=', 'base64'), Buffer.alloc(5).fill('abc', 'hex'), Buffer.alloc(3).fill('a', 1, 'latin1'),
  Buffer.alloc(4).fill('ab', 1, 3, 'latin1'), Buffer.alloc(4).fill('ab', 1, 'hex'), Buffer.alloc(3, 1).fill(''), Buffer.alloc(0).fill('zz', 'hex'),
]);
show('fill other values', [Buffer.alloc(3).fill(true), Buffer.alloc(3).fill(null), Buffer.alloc(3).fill(), Buffer.alloc(3).fill({ valueOf: () => 258 }), Buffer.alloc(3).fill(new String('ab')), Buffer.alloc(5).fill(new Uint16Array([0x102])), Buffer.alloc(5).fill(new DataView(new Uint8Array([7, 8]).buffer)), Buffer.alloc(5).fill(bytes(1, 2, 3, 4, 5, 6, 7))]);
show('fill returns this', (() => { const b = Buffer.alloc(2); return b.fill(1) === b; })());
check('fill bad hex', () => Buffer.alloc(3).fill('a', 'hex'));
check('fill bad base64', () => Buffer.alloc(3).fill('!!', 'base64'));
check('fill empty buffer value', () => Buffer.alloc(3).fill(Buffer.alloc(0)));
check('fill unknown encoding', () => Buffer.alloc(3).fill('a', 'bogus'));
check('fill number encoding', () => Buffer.alloc(3).fill('a', 0, 3, 5));
check('fill negative offset', () => Buffer.alloc(3).fill(1, -1));
check('fill string offset', () => Buffer.alloc(3).fill(1, '1'));
check('fill end past length', () => Buffer.alloc(3).fill(1, 0, 4));
check('fill fractional offset', () => Buffer.alloc(3).fill(1, 1.5));
check('fill bigint', () => Buffer.alloc(3).fill(5n));
check('fill symbol', () => Buffer.alloc(3).fill(Symbol('s')));

// ---------------------------------------------------------------- write
{
  const w = (size, ...args) => {
    const b = Buffer.alloc(size);
    const written = b.write(...args);
    return [written, b];
  };
  show('write forms', [w(6, 'héllo'), w(6, 'ab', 2), w(6, 'abcdef', 2, 3), w(6, 'abcdef', 2, 5), w(6, '6869', 'hex'), w(6, 'ab', 1, 'latin1'), w(6, 'hi', 0, 4, 'ucs2'), w(6, 'ab', 0, 2, null), w(6, 'ab', 6), w(6, '')]);
  show('write partial characters', [w(4, 'aé😀'), w(5, 'a😀b'), w(3, 'a😀b'), w(3, '\ud800'), w(2, '\ud800'), w(5, 'abc', 'ucs2'), w(6, 'abc', 0, 3, 'ucs2'), w(2, 'aGVsbG8=', 'base64'), w(6, 'abc', 'hex'), w(6, 'abzz12', 'hex'), w(6, 'a', 'hex'), w(6, '\u00ff\u0141', 'ascii')]);
  show('write to empty', [Buffer.alloc(0).write('abc'), Buffer.alloc(0).write('abc', 0)]);
  check('write number', () => Buffer.alloc(4).write(5));
  check('write number hex', () => Buffer.alloc(4).write(5, 'hex'));
  check('write nothing', () => Buffer.alloc(4).write());
  check('write encoding then length', () => Buffer.alloc(4).write('ab', 'hex', 1));
  check('write negative offset', () => Buffer.alloc(4).write('ab', -1));
  check('write offset past end', () => Buffer.alloc(4).write('ab', 5));
  check('write fractional offset', () => Buffer.alloc(4).write('ab', 1.5));
  check('write string offset', () => Buffer.alloc(4).write('ab', '1', 2));
  check('write length past end', () => Buffer.alloc(4).write('ab', 2, 10));
  check('write negative length', () => Buffer.alloc(4).write('ab', 0, -1));
  check('write fractional length', () => Buffer.alloc(4).write('ab', 0, 1.5));
  check('write unknown encoding', () => Buffer.alloc(4).write('ab', 'bogus'));
  check('write unknown encoding, four arguments', () => Buffer.alloc(4).write('ab', 0, 2, 'bogus'));
}

// ---------------------------------------------------------------- indexOf, lastIndexOf, includes
{
  const abc = Buffer.from('abcabc');
  show('indexOf strings', [abc.indexOf('b'), abc.indexOf('bc', 2), abc.indexOf('x'), abc.indexOf('abcabcd'), abc.lastIndexOf('b'), abc.lastIndexOf('b', 3), abc.lastIndexOf('abc')]);
  show('indexOf negative offsets', [abc.indexOf('b', -2), abc.indexOf('b', -100), abc.lastIndexOf('b', -100), abc.lastIndexOf('b', -2), abc.lastIndexOf('b', 100), abc.indexOf('c', 2 ** 40), abc.lastIndexOf('c', 2 ** 40), abc.indexOf('c', -(2 ** 40))]);
  show('indexOf odd offsets', [abc.indexOf('b', NaN), abc.lastIndexOf('b', NaN), abc.lastIndexOf('b', null), abc.lastIndexOf('b', {}), abc.lastIndexOf('b', []), abc.indexOf('a', 1.9), abc.indexOf('a', -0), abc.indexOf('b', true)]);
  show('indexOf empty needle', [abc.indexOf(''), abc.indexOf('', 10), abc.lastIndexOf(''), abc.lastIndexOf('', 1), abc.indexOf('', -10), Buffer.alloc(0).indexOf(''), abc.indexOf(Buffer.alloc(0), 2), abc.indexOf('zz', 'hex')]);
  show('indexOf numbers', [abc.indexOf(98), abc.indexOf(98 + 256), abc.indexOf(-158), abc.indexOf(98.7), abc.lastIndexOf(97), abc.indexOf(120), Buffer.alloc(0).indexOf(0)]);
  show('indexOf buffers', [abc.indexOf(Buffer.from('ca')), abc.indexOf(new Uint8Array([0x63])), abc.lastIndexOf(Buffer.from('ab')), abc.indexOf(Buffer.from('abcabcabc'))]);
  show('indexOf encodings', [abc.indexOf('6263', 'hex'), abc.indexOf('YmM=', 'base64'), abc.indexOf('c', 0, 'latin1'), abc.indexOf('\u0163', 'latin1'), abc.indexOf('b', 'ascii'), Buffer.from('héllo').indexOf('é'), Buffer.from('héllo').indexOf('é', 'latin1')]);
  const wide = Buffer.from('abcab', 'ucs2');
  show('indexOf ucs2', [wide.indexOf('b', 'ucs2'), wide.indexOf('ca', 'utf16le'), wide.lastIndexOf('b', 'ucs2'), wide.indexOf('b', 3, 'ucs2'), wide.lastIndexOf('a', 5, 'ucs2'), wide.indexOf('\u6200', 'ucs2'), bytes(0, 0x61, 0, 0x62, 0).indexOf('a', 'ucs2')]);
  show('indexOf ucs2 odd lengths', [bytes(0x61, 0, 0x62).indexOf('c', 'ucs2'), bytes(1, 0, 2, 0, 3).indexOf('', 100, 'ucs2'), bytes(1, 0, 2, 0, 3).lastIndexOf('\u0002', -2, 'ucs2'), bytes(0x61, 0, 0x62, 0).indexOf(bytes(0x62, 0, 9), 0, 'ucs2'), bytes(128, 161, 99, 195, 75).indexOf(bytes(248, 240), 0, 'ucs2')]);
  show('includes', [abc.includes('ca'), abc.includes('cb'), abc.includes(99), abc.includes('a', 4), abc.includes(Buffer.from('bc'), -2)]);
  show('indexOf on other views', [Buffer.prototype.indexOf.call(new Uint8Array([1, 2, 3]), 2), Buffer.prototype.indexOf.call(new Uint16Array([1, 2, 3]), 2), Buffer.prototype.lastIndexOf.call(new Uint16Array([1, 2, 3]), 0)]);
  check('indexOf string offset is an encoding', () => abc.indexOf('b', '2'));
  check('indexOf object', () => abc.indexOf({}));
  check('indexOf Uint16Array needle', () => abc.indexOf(new Uint16Array([2])));
  check('indexOf unknown encoding', () => abc.indexOf('a', 0, 'bogus'));
  show('indexOf unknown encoding with a buffer', abc.indexOf(Buffer.from('b'), 0, 'bogus'));
  check('indexOf on an array', () => Buffer.prototype.indexOf.call([1, 2], 2));
}

// ---------------------------------------------------------------- numbers: reading
{
  const b = bytes(1, 2, 3, 4, 5, 6, 7, 8, 0xff);
  show('read 8', [b.readUInt8(), b.readUInt8(8), b.readInt8(8), b.readInt8(0), b.readUint8(1)]);
  show('read 16', [b.readUInt16LE(), b.readUInt16BE(1), b.readInt16LE(7), b.readInt16BE(7), bytes(0xff, 0xfe).readInt16BE(), b.readUint16LE(2)]);
  show('read 32', [b.readUInt32LE(), b.readUInt32BE(1), b.readInt32LE(5), b.readInt32BE(5), bytes(0xff, 0xff, 0xff, 0xfe).readInt32BE(), bytes(0xff, 0xff, 0xff, 0xfe).readUInt32BE(), b.readUint32BE(0)]);
  show('read variable', [b.readUIntLE(0, 6), b.readUIntBE(0, 6), b.readIntLE(0, 5), b.readIntBE(1, 3), b.readUIntLE(3, 1), b.readIntBE(7, 2), b.readUIntLE(0, 4), b.readIntLE(6, 3), b.readUintBE(2, 5)]);
  show('read variable signed', [bytes(0xff, 0xff, 0xff, 0xff, 0xff, 0xfe).readIntBE(0, 6), bytes(0xff, 0xff, 0xff, 0xff, 0xff, 0xfe).readIntLE(0, 6), bytes(0x80, 0, 0, 0, 0).readIntBE(0, 5), bytes(0, 0, 0, 0, 0x80).readIntLE(0, 5), bytes(0x80, 0, 0).readIntBE(0, 3), bytes(0x7f, 0xff, 0xff, 0xff, 0xff, 0xff).readIntBE(0, 6)]);
  show('read bigint', [b.readBigUInt64LE(), b.readBigUInt64BE(1), b.readBigInt64LE(1), bytes(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe).readBigInt64BE(), bytes(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff).readBigUInt64LE(), b.readBigUint64BE(0)]);
  show('read float', [bytes(0, 0, 0xc0, 0x3f).readFloatLE(), bytes(0x3f, 0xc0, 0, 0).readFloatBE(), bytes(0, 0, 0xc0, 0x7f).readFloatLE(), bytes(0x7f, 0x80, 0, 0).readFloatBE(), bytes(0x80, 0, 0, 0).readFloatBE()]);
  show('read double', [bytes(0x40, 9, 0x21, 0xfb, 0x54, 0x44, 0x2d, 0x18).readDoubleBE(), bytes(0x18, 0x2d, 0x44, 0x54, 0xfb, 0x21, 9, 0x40).readDoubleLE(), bytes(0xff, 0xf0, 0, 0, 0, 0, 0, 0).readDoubleBE(), bytes(1, 0, 0, 0, 0, 0, 0, 0).readDoubleLE()]);
  check('read 8 past end', () => b.readUInt8(9));
  check('read 8 negative', () => b.readUInt8(-1));
  check('read 8 fractional', () => b.readUInt8(1.5));
  check('read 8 NaN', () => b.readUInt8(NaN));
  check('read 8 string', () => b.readUInt8('1'));
  check('read 8 null', () => b.readInt8(null));
  check('read 32 past end', () => b.readUInt32LE(6));
  check('read 32 Infinity', () => b.readInt32BE(Infinity));
  check('read 32 too short', () => bytes(1, 2).readUInt32LE(0));
  check('read bigint too short', () => Buffer.alloc(7).readBigUInt64LE());
  check('read bigint past end', () => b.readBigInt64BE(2));
  check('read double past end', () => b.readDoubleLE(2));
  check('read float fractional', () => b.readFloatBE(0.5));
  check('read variable byteLength 7', () => b.readUIntLE(0, 7));
  check('read variable byteLength 0', () => b.readIntBE(0, 0));
  check('read variable byteLength missing', () => b.readUIntBE(0));
  check('read variable byteLength string', () => b.readIntLE(0, '3'));
  check('read variable byteLength fractional', () => b.readUIntLE(0, 2.5));
  check('read variable offset missing', () => b.readUIntLE(undefined, 2));
  check('read variable past end', () => b.readUIntLE(5, 6));
  check('read variable 3 past end', () => b.readIntBE(7, 3));
}

// ---------------------------------------------------------------- numbers: writing
{
  const w = (size, method, ...args) => {
    const b = Buffer.alloc(size);
    const end = b[method](...args);
    return [end, hex(b)];
  };
  show('write 8', [w(2, 'writeUInt8', 255, 1), w(2, 'writeInt8', -128), w(2, 'writeInt8', -1, 1), w(2, 'writeUInt8', '7'), w(2, 'writeUInt8', NaN), w(2, 'writeUInt8', 1.9), w(2, 'writeUint8', 0)]);
  show('write 16', [w(3, 'writeUInt16LE', 0xabcd), w(3, 'writeUInt16BE', 0xabcd, 1), w(2, 'writeInt16LE', -2), w(2, 'writeInt16BE', -32768), w(2, 'writeUint16BE', 65535)]);
  show('write 32', [w(4, 'writeUInt32LE', 0xdeadbeef), w(5, 'writeUInt32BE', 0xdeadbeef, 1), w(4, 'writeInt32LE', -1), w(4, 'writeInt32BE', -2147483648), w(4, 'writeUInt32LE', 1.5), w(4, 'writeUint32LE', 4294967295)]);
  show('write variable', [w(6, 'writeUIntLE', 0x123456789abc, 0, 6), w(6, 'writeUIntBE', 0x123456789abc, 0, 6), w(6, 'writeIntLE', -2, 0, 6), w(6, 'writeIntBE', -(2 ** 47), 0, 6), w(5, 'writeIntBE', -(2 ** 39), 0, 5), w(5, 'writeUIntLE', 2 ** 40 - 1, 0, 5), w(3, 'writeIntBE', -8388608, 0, 3), w(3, 'writeUIntLE', 0xabcdef, 0, 3), w(2, 'writeIntLE', -1, 0, 2), w(1, 'writeUIntBE', 255, 0, 1), w(4, 'writeIntBE', -5, 0, 4), w(6, 'writeUintBE', 1, 1, 5)]);
  show('write bigint', [w(8, 'writeBigUInt64LE', 2n ** 64n - 1n), w(8, 'writeBigUInt64BE', 0x0102030405060708n), w(8, 'writeBigInt64LE', -2n), w(9, 'writeBigInt64BE', -(2n ** 63n), 1), w(8, 'writeBigUint64LE', 1n)]);
  show('write float', [w(4, 'writeFloatLE', 1.5), w(4, 'writeFloatBE', -2.25), w(4, 'writeFloatLE', 'x'), w(4, 'writeFloatBE', 1e40), w(4, 'writeFloatBE', -0), w(4, 'writeFloatLE', 1 / 3)]);
  show('write double', [w(8, 'writeDoubleBE', Math.PI), w(8, 'writeDoubleLE', Math.PI), w(8, 'writeDoubleBE', -0), w(8, 'writeDoubleLE', Infinity), w(8, 'writeDoubleBE', NaN), w(9, 'writeDoubleLE', 5e-324, 1)]);
  check('write 8 too big', () => Buffer.alloc(2).writeUInt8(256));
  check('write 8 negative', () => Buffer.alloc(2).writeUInt8(-1));
  check('write signed 8 too big', () => Buffer.alloc(2).writeInt8(128));
  check('write 8 past end', () => Buffer.alloc(2).writeUInt8(1, 2));
  check('write 8 bad offset before range', () => Buffer.alloc(2).writeUInt8(300, 'x'));
  check('write 16 too big', () => Buffer.alloc(2).writeUInt16LE(65536));
  check('write signed 16 too small', () => Buffer.alloc(2).writeInt16BE(-32769));
  check('write 16 range before offset', () => Buffer.alloc(2).writeUInt16LE(65536, 'x'));
  check('write 16 past end', () => Buffer.alloc(2).writeUInt16LE(1, 1));
  check('write 16 too short', () => Buffer.alloc(1).writeUInt16BE(1, 0));
  check('write 16 fractional offset', () => Buffer.alloc(4).writeUInt16LE(1, 0.5));
  check('write 16 string offset', () => Buffer.alloc(4).writeInt16LE(1, '0'));
  check('write 32 too big', () => Buffer.alloc(4).writeUInt32LE(2 ** 32));
  check('write 32 much too big', () => Buffer.alloc(4).writeUInt32BE(2 ** 40));
  check('write signed 32 too big', () => Buffer.alloc(4).writeInt32LE(2 ** 31));
  check('write 48 too big', () => Buffer.alloc(6).writeUIntLE(2 ** 48, 0, 6));
  check('write signed 48 too small', () => Buffer.alloc(6).writeIntLE(-(2 ** 47) - 1, 0, 6));
  check('write signed 40 too big', () => Buffer.alloc(6).writeIntBE(2 ** 39, 0, 5));
  check('write signed 24 too big', () => Buffer.alloc(6).writeIntBE(2 ** 23, 0, 3));
  check('write 24 too big', () => Buffer.alloc(6).writeUIntBE(2 ** 24, 0, 3));
  check('write variable byteLength 7', () => Buffer.alloc(8).writeUIntBE(1, 0, 7));
  check('write variable byteLength missing', () => Buffer.alloc(8).writeUIntLE(1, 0));
  check('write variable byteLength string', () => Buffer.alloc(8).writeIntLE(1, 0, '2'));
  check('write variable offset missing', () => Buffer.alloc(8).writeUIntBE(1, undefined, 2));
  check('write variable 1 offset missing', () => Buffer.alloc(8).writeIntBE(1, undefined, 1));
  check('write bigint too big', () => Buffer.alloc(8).writeBigUInt64LE(2n ** 64n));
  check('write bigint negative', () => Buffer.alloc(8).writeBigUInt64BE(-1n));
  check('write signed bigint too small', () => Buffer.alloc(8).writeBigInt64BE(-(2n ** 63n) - 1n));
  check('write signed bigint too big', () => Buffer.alloc(8).writeBigInt64LE(2n ** 63n));
  check('write bigint from number', () => Buffer.alloc(8).writeBigUInt64LE(5));
  check('write bigint past end', () => Buffer.alloc(8).writeBigInt64LE(1n, 1));
  check('write float past end', () => Buffer.alloc(3).writeFloatLE(1));
  check('write double past end', () => Buffer.alloc(8).writeDoubleBE(1, 1));
  check('write double string offset', () => Buffer.alloc(8).writeDoubleLE(1, '0'));
}
show('number round trips', (() => {
  const b = Buffer.alloc(8);
  const out = [];
  for (const v of [0, 1, -1, 127, -128]) out.push(b.readIntBE(b.writeIntBE(v, 0, 1) - 1, 1));
  for (const v of [0, 2 ** 47 - 1, -(2 ** 47)]) out.push(b.readIntLE(b.writeIntLE(v, 0, 6) - 6, 6));
  for (const v of [0.1, -1e-40, 3.4028234663852886e38]) out.push(b.readFloatBE(b.writeFloatBE(v) - 4));
  for (const v of [0.1, -5e-324, 1.7976931348623157e308]) out.push(b.readDoubleLE(b.writeDoubleLE(v) - 8));
  return out;
})());

// ---------------------------------------------------------------- swaps
show('swap16', bytes(1, 2, 3, 4).swap16());
show('swap32', bytes(1, 2, 3, 4, 5, 6, 7, 8).swap32());
show('swap64', bytes(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16).swap64());
show('swap returns this', (() => { const b = bytes(1, 2); return b.swap16() === b; })());
show('swap large', (() => { const b = Buffer.alloc(256); for (let i = 0; i < 256; i++) b[i] = i; b.swap16().swap32().swap64(); return [b[0], b[1], b[7], b[255]]; })());
check('swap16 odd', () => bytes(1, 2, 3).swap16());
check('swap32 odd', () => bytes(1, 2).swap32());
check('swap64 odd', () => bytes(1, 2, 3, 4).swap64());

// ---------------------------------------------------------------- inspect
{
  const b = Buffer.from('hello');
  show('inspect method', [b.inspect(), Buffer.alloc(0).inspect(), Buffer.alloc(51).inspect().slice(-24), Buffer.alloc(52, 1).inspect().slice(-25), b.inspect === b[Symbol.for('nodejs.util.inspect.custom')]]);
  const named = Buffer.from('hi');
  Object.setPrototypeOf(named, Object.create(Buffer.prototype, { constructor: { value: function Named() {} } }));
  show('inspect method name', named.inspect());
  const extra = Buffer.from('hi');
  extra.x = 1;
  show('inspect', [require('util').inspect(extra), require('util').inspect({ a: Buffer.from('abc'), b: [Buffer.alloc(2)] }), require('util').inspect(Buffer.alloc(60, 1)).slice(-30)]);
  show('INSPECT_MAX_BYTES', buffer.INSPECT_MAX_BYTES);
  buffer.INSPECT_MAX_BYTES = 3;
  show('INSPECT_MAX_BYTES set', [b.inspect(), Buffer.from('abc').inspect(), Buffer.from('abcd').inspect()]);
  buffer.INSPECT_MAX_BYTES = 50;
  check('INSPECT_MAX_BYTES negative', () => { buffer.INSPECT_MAX_BYTES = -1; });
  check('INSPECT_MAX_BYTES string', () => { buffer.INSPECT_MAX_BYTES = '3'; });
}

// ---------------------------------------------------------------- atob, btoa
show('btoa', [buffer.btoa('hello'), buffer.btoa(''), buffer.btoa('\xff\xfe'), buffer.btoa(123), buffer.btoa(null), buffer.btoa(undefined)]);
check('btoa wide character', () => buffer.btoa('\u0100'));
check('btoa nothing', () => buffer.btoa());
show('atob', [buffer.atob('aGVsbG8='), buffer.atob('aGVsbG8'), buffer.atob(' aGVs bG8= '), buffer.atob(''), buffer.atob('YQ'), buffer.atob('YQ=='), buffer.atob('Y Q = ='), buffer.atob('abc='), buffer.atob('ab\tc\fd'), buffer.atob('/w=='), buffer.atob(null)]);
for (const input of ['a', 'a=', 'a==', 'YQ=', 'YQ===', 'ab=c', '=a', '=', '==', '====', 'abcd=', '!!!!', 'aGV-', 'aGV_', 'ab\u00a0c', 'ab\vcd', '/\t=', '  =', 'ab=\t', 'abc==', undefined]) {
  check('atob ' + JSON.stringify(String(input)), () => buffer.atob(input));
}
check('atob nothing', () => buffer.atob());
show('atob error', (() => {
  try {
    buffer.atob('!');
  } catch (error) {
    return [error instanceof DOMException, error.name, error.code, error.message];
  }
})());

// ---------------------------------------------------------------- isUtf8, isAscii
show('isUtf8', [buffer.isUtf8(Buffer.from('héllo 😀')), buffer.isUtf8(bytes(0xff)), buffer.isUtf8(bytes(0xed, 0xa0, 0x80)), buffer.isUtf8(bytes(0xc0, 0x80)), buffer.isUtf8(bytes(0xf0, 0x9f, 0x98)), buffer.isUtf8(bytes(0xef, 0xbf, 0xbd)), buffer.isUtf8(new ArrayBuffer(2)), buffer.isUtf8(new Uint16Array([0x2020])), buffer.isUtf8(Buffer.alloc(0))]);
check('isUtf8 string', () => buffer.isUtf8('abc'));
check('isUtf8 DataView', () => buffer.isUtf8(new DataView(new ArrayBuffer(1))));
show('isAscii', [buffer.isAscii(Buffer.from('hello')), buffer.isAscii(bytes(0x80)), buffer.isAscii(new ArrayBuffer(3)), buffer.isAscii(Buffer.alloc(0)), buffer.isAscii(new Uint16Array([0x7f7f]))]);
check('isAscii array', () => buffer.isAscii([1]));

// ---------------------------------------------------------------- the module
show('exports', ['Buffer', 'SlowBuffer', 'isUtf8', 'isAscii', 'kMaxLength', 'kStringMaxLength', 'btoa', 'atob', 'constants', 'INSPECT_MAX_BYTES'].map((k) => [k, typeof buffer[k]]));
show('limits', [
  Number.isSafeInteger(buffer.kMaxLength), buffer.kMaxLength >= 2 ** 31 - 1, buffer.kMaxLength === buffer.constants.MAX_LENGTH,
  Number.isSafeInteger(buffer.kStringMaxLength), buffer.kStringMaxLength >= 2 ** 28, buffer.kStringMaxLength === buffer.constants.MAX_STRING_LENGTH,
  Object.keys(buffer.constants),
]);
show('constants read-only', (() => {
  const before = buffer.constants.MAX_LENGTH;
  try {
    buffer.constants.MAX_LENGTH = 1;
  } catch {
    // strict code throws, as it may
  }
  return buffer.constants.MAX_LENGTH === before;
})());
show('Blob and File', [buffer.Blob === globalThis.Blob, buffer.File === globalThis.File]);
show('node:buffer', require('node:buffer') === buffer);
