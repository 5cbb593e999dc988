// util.inspect over the values an Action logs, with default and other options: each
// result is shown JSON-escaped on one line. Errors get stacks set by hand (frames differ
// between engines); the last section checks real stacks with their frames collapsed.
const util = require('util');
const add = (label, make, opts) => {
  try {
    const value = make();
    const text = opts === 'LEGACY' ? util.inspect(value, false, 3) : opts === undefined ? util.inspect(value) : util.inspect(value, opts);
    show(label, text);
  } catch (error) {
    console.log(label + ': throws ' + (error && error.name));
  }
};
// primitives
for (const [l, v] of Object.entries({
  str: 'hello', empty: '', quote: "it's", both: `it's "q"`, all3: 'it\'s "q" `b`', dollar: 'it\'s "q" ${x}',
  ctrl: 'a\nb\tc\x00\x1b\x7f\x85\u009f', bs: 'back\\slash', lone: '\ud800x\udc00', pair: '😀', uni: 'é ñ 中文',
  num: 42, neg: -1.5, negzero: -0, nan: NaN, inf: -Infinity, big: 12345678901234567890n, tru: true,
  undef: undefined, nul: null, sym: Symbol('desc'), symEmpty: Symbol(), symNl: Symbol('a\nb'), symIter: Symbol.iterator,
  float: 0.1 + 0.2, exp: 1e21, small: 5e-324,
})) add('prim ' + l, () => v);
add('long string', () => 'x'.repeat(100));
add('long string lines', () => 'line one is here\nline two is also here\nline three is here and long enough to wrap past\n');
add('long string in obj', () => ({ key: 'a'.repeat(70) + '\nb' }));
add('maxStringLength', () => 'abcdefghij', { maxStringLength: 4 });
add('maxStringLength 1', () => 'ab', { maxStringLength: 1 });
add('maxStringLength null', () => 'x'.repeat(12000), { maxStringLength: null });
add('string 20000', () => 'x'.repeat(10010));
// arrays
add('arr empty', () => []);
add('arr', () => [1, 'a', null, undefined, true]);
add('arr holes', () => [1, , 3, , , 6]);
add('arr hole end', () => { const a = [1, 2]; a.length = 5; return a; });
add('arr all holes', () => new Array(5));
add('arr one hole', () => [, 1]);
add('arr extra keys', () => Object.assign([1, 2], { x: 1, 'y-z': 2, [Symbol('s')]: 3 }));
add('arr 101', () => Array.from({ length: 101 }, (_, i) => i));
add('arr 150 strings', () => Array.from({ length: 150 }, (_, i) => 'item' + i));
add('arr 26 nums', () => Array.from({ length: 26 }, (_, i) => i * 37));
add('arr 7', () => [1, 2, 3, 4, 5, 6, 7]);
add('arr mixed 10', () => [1, 'two', 3, 'four', 5, 'six', 7, 'eight', 9, 'ten']);
add('arr neg nums', () => [-1, 20, -300, 4000, -5, 6, -70, 800, 9]);
add('arr bigints', () => [1n, 22n, 333n, 4n, 5n, 66n, 7n]);
add('arr long strings', () => ['a'.repeat(30), 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
add('arr objects 30', () => Array.from({ length: 30 }, (_, i) => ({ a: i })));
add('arr nested', () => [[1, [2, [3, [4, [5]]]]]]);
add('arr maxArrayLength', () => [1, 2, 3, 4, 5], { maxArrayLength: 2 });
add('arr maxArrayLength 0', () => [1, 2, 3], { maxArrayLength: 0 });
add('arr maxArrayLength null', () => Array.from({ length: 120 }, (_, i) => i), { maxArrayLength: null });
add('arr sparse maxArrayLength', () => [1, , 3, , 5, 6, 7], { maxArrayLength: 3 });
add('arr sparse big', () => { const a = []; a[1000] = 1; a[5] = 2; return a; });
add('arr subclass', () => { class MyArr extends Array {} return MyArr.from([1, 2]); });
add('arr subclass empty', () => { class MyArr extends Array {} return new MyArr(); });
add('arr null proto', () => Object.setPrototypeOf([1, 2], null));
add('arr 200 words', () => 'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor'.split(' ').concat(Array(20).fill('x')));
add('arr grouped 3 deep', () => ({ a: { b: Array.from({ length: 30 }, (_, i) => i) } }));
add('arr unicode', () => ['é', 'ü', 'ñ', 'a', 'b', 'c', 'd', '中文字']);
// objects
add('obj empty', () => ({}));
add('obj', () => ({ a: 1, b: 'two', c: [3], d: { e: null } }));
add('obj keys', () => ({ 'a-b': 1, $x: 2, _y: 3, '1a': 4, 1: 5, 'with space': 6, "it's": 7, '': 8, 'é': 9, __proto__x: 10 }));
add('obj __proto__ key', () => JSON.parse('{"__proto__": 1}'));
add('obj symbols', () => ({ [Symbol('s')]: 1, [Symbol()]: 2, [Symbol.iterator]: 3, [Symbol("it's")]: 4 }));
add('obj nested deep', () => ({ a: { b: { c: { d: { e: 1 } } } } }));
add('obj nested arr deep', () => ({ a: { b: { c: [1] , d: new Map(), e: [] } } }));
add('obj depth 0', () => ({ a: { b: 1 }, c: [1] }), { depth: 0 });
add('obj depth inf', () => ({ a: { b: { c: { d: { e: { f: 1 } } } } } }), { depth: Infinity });
add('obj depth null', () => ({ a: { b: { c: { d: { e: { f: 1 } } } } } }), { depth: null });
add('obj depth -1', () => ({ a: 1 }), { depth: -1 });
add('obj long', () => Object.fromEntries(Array.from({ length: 30 }, (_, i) => ['key' + i, i])));
add('obj wide values', () => ({ first: 'a'.repeat(30), second: 'b'.repeat(30), third: 'c'.repeat(30) }));
add('obj 3 levels fit', () => ({ a: { b: { c: {} } } }));
add('obj 4 levels', () => ({ a: { b: { c: { d: 1 } } } }), { depth: 5 });
add('obj compact shape', () => ({ a: [1, 2, 3], b: { c: [1, 2, { d: 1 }] }, e: 'str' }));
add('obj null proto', () => Object.assign(Object.create(null), { a: 1 }));
add('obj null proto empty', () => Object.create(null));
add('obj null proto nested', () => ({ a: { b: { c: Object.create(null) } } }));
add('obj null proto deep', () => ({ a: { b: { c: { d: Object.assign(Object.create(null), { x: 1 }) } } } }));
add('obj proto chain null', () => Object.create(Object.create(null)));
add('obj getters', () => ({ get a() { return 1; }, set b(v) {}, get c() { return 2; }, set c(v) {} }));
add('obj getters on', () => ({ get a() { return 1; }, set b(v) {}, get c() { return { x: 1 }; }, set c(v) {}, get d() { return null; }, get e() { throw new Error('no'); } }), { getters: true });
add('obj getters get', () => ({ get a() { return 1; }, get c() { return 2; }, set c(v) {} }), { getters: 'get' });
add('obj getters set', () => ({ get a() { return 1; }, get c() { return 'x'; }, set c(v) {} }), { getters: 'set' });
add('obj undefined value', () => ({ a: undefined }));
add('obj sorted', () => ({ c: 1, a: 2, b: 3 }), { sorted: true });
add('obj sorted fn', () => ({ c: 1, a: 2, b: 3 }), { sorted: (x, y) => (x < y ? 1 : -1) });
add('arr sorted', () => Object.assign([3, 1, 2], { z: 1, y: 2 }), { sorted: true });
add('obj showHidden', () => Object.defineProperty({ a: 1 }, 'hidden', { value: 2, enumerable: false }), { showHidden: true });
add('arr showHidden', () => [1, 2], { showHidden: true });
add('obj hidden default', () => Object.defineProperty({ a: 1 }, 'hidden', { value: 2, enumerable: false }));
add('obj toStringTag', () => ({ [Symbol.toStringTag]: 'foo' }));
add('obj toStringTag inherited', () => { class T { get [Symbol.toStringTag]() { return 'Tagged'; } } return new T(); });
add('obj toStringTag inherited keys', () => { class T { get [Symbol.toStringTag]() { return 'Tagged'; } } return Object.assign(new T(), { a: 1 }); });
add('obj toStringTag proto', () => Object.create({ [Symbol.toStringTag]: 'Proto' }));
add('obj toStringTag same', () => { class Foo { get [Symbol.toStringTag]() { return 'Foo'; } } return new Foo(); });
add('obj breakLength', () => ({ a: 1, b: 2, c: 3 }), { breakLength: 10 });
add('obj breakLength inf', () => Object.fromEntries(Array.from({ length: 30 }, (_, i) => ['key' + i, i])), { breakLength: Infinity });
add('obj compact false', () => ({ a: 1, b: { c: [1, 2] } }), { compact: false });
add('obj compact true', () => ({ a: 1, b: { c: [1, 2] }, d: 'x'.repeat(80) }), { compact: true });
add('obj compact true long', () => Object.fromEntries(Array.from({ length: 30 }, (_, i) => ['key' + i, { v: i }])), { compact: true });
add('arr compact true long', () => Array.from({ length: 30 }, (_, i) => 'value' + i), { compact: true });
add('obj compact 1', () => ({ a: { b: { c: 1 } }, d: [1, 2] }), { compact: 1 });
add('obj compact 0', () => ({ a: 1 }), { compact: 0 });
add('arr compact 1 grouped', () => Array.from({ length: 30 }, (_, i) => i), { compact: 1 });
add('obj numericSeparator', () => ({ a: 1234567, b: 1234.5678, c: 123456789n, d: -1234567, e: 1e21, f: 0.000001234 }), { numericSeparator: true });
add('circular', () => { const o = { a: 1 }; o.self = o; return o; });
add('circular two', () => { const a = { n: 'a' }; const b = { n: 'b', a }; a.b = b; const c = { a, b }; a.c = c; return c; });
add('circular arr', () => { const a = [1]; a.push(a); return a; });
add('circular map', () => { const m = new Map(); m.set('self', m); return m; });
add('circular nested', () => { const o = { x: { y: {} } }; o.x.y.back = o.x; return o; });
add('not circular same twice', () => { const s = { a: 1 }; return { x: s, y: s }; });
add('circular compact true', () => { const o = { a: 1 }; o.self = o; return o; }, { compact: true });
// classes
add('class inst', () => { class Foo { constructor() { this.a = 1; } } return new Foo(); });
add('class inst empty', () => { class Foo {} return new Foo(); });
add('class inst deep', () => { class Foo { constructor() { this.a = 1; } } return { a: { b: { c: new Foo() } } }; });
add('class inst deep empty', () => { class Foo {} return { a: { b: { c: new Foo(), d: [] , e: {} } } }; });
add('class sub', () => { class A {} class B extends A { constructor() { super(); this.x = [1]; } } return new B(); });
add('class proto getter showHidden', () => { class A { constructor() { this.x = 1; } get y() { return 2; } } return new A(); }, { showHidden: true });
add('function ctor inst', () => { function Old() { this.a = 1; } return new Old(); });
add('obj constructor prop', () => ({ constructor: 'x', a: 1 }));
add('anon class inst', () => new (class {})());
add('Object.create(Foo.prototype)', () => { class Foo {} return Object.create(Foo.prototype); });
// functions
add('fn', () => function f() {});
add('fn anon', () => (() => function () {})());
add('arrow', () => () => 1);
add('arrow named', () => { const g = () => 1; return g; });
add('async fn', () => async function af() {});
add('async arrow', () => async () => {});
add('gen fn', () => function* g() {});
add('async gen fn', () => async function* h() {});
add('class A', () => class A {});
add('class anon', () => class {});
add('class B extends A', () => { class A {} return class B extends A {}; });
add('class extends null', () => class N extends null {});
add('class static', () => { class S { static x = 1; } return S; });
add('fn props', () => Object.assign(function f() {}, { a: 1, b: 'x' }));
add('fn in obj', () => ({ f() {}, g: () => 1, h: class {}, i: async () => {} }));
add('fn null proto', () => Object.setPrototypeOf(function f() {}, null));
add('bound fn', () => function f() {}.bind(null));
add('builtin fn', () => [Math.max, Array, Map, Object, Promise, Symbol, parseInt, Date, Uint8Array]);
add('method', () => ({ m() {} }).m);
add('fn name non-string', () => { const f = function () {}; Object.defineProperty(f, 'name', { value: 42 }); return f; });
add('fn toStringTag', () => Object.assign(function f() {}, { [Symbol.toStringTag]: 'T' }));
// errors
const mk = (E, msg, stack, extra) => { const e = new E(msg); e.stack = stack; if (extra) Object.assign(e, extra); return e; };
add('err', () => mk(Error, 'boom', 'Error: boom\n    at f (a.js:1:2)\n    at g (b.js:3:4)'));
add('err no stack', () => mk(Error, 'boom', undefined));
add('err empty stack', () => mk(Error, 'boom', ''));
add('err stack custom', () => mk(Error, 'boom', 'custom text'));
add('err type', () => mk(TypeError, 'bad', 'TypeError: bad\n    at f (a.js:1:2)'));
add('err code', () => mk(Error, 'boom', 'Error: boom\n    at f (a.js:1:2)', { code: 'E_X', status: 500 }));
add('err code no stack', () => mk(Error, 'boom', undefined, { code: 'E_X' }));
add('err in obj', () => ({ e: mk(Error, 'boom', 'Error: boom\n    at f (a.js:1:2)\n    at g (b.js:3:4)') }));
add('err in arr', () => [mk(Error, 'boom', 'Error: boom\n    at f (a.js:1:2)')]);
add('err in obj no stack', () => ({ e: mk(Error, 'boom', undefined) }));
add('err deep', () => ({ a: { b: { c: mk(Error, 'deep', 'Error: deep\n    at x (y.js:1:1)') } } }));
add('err name changed', () => { const e = mk(Error, 'boom', 'Error: boom\n    at f (a.js:1:2)'); e.name = 'Custom'; return e; });
add('err name CustomError', () => { const e = mk(Error, 'boom', 'Error: boom\n    at f (a.js:1:2)'); e.name = 'CustomError'; return e; });
add('err subclass', () => { class MyError extends Error {} return mk(MyError, 'm', 'Error: m\n    at f (a.js:1:2)'); });
add('err subclass named', () => { class MyError extends Error { constructor(m) { super(m); this.name = 'MyError'; } } return mk(MyError, 'm', 'MyError: m\n    at f (a.js:1:2)'); });
add('err subclass named no stack', () => { class MyError extends Error { constructor(m) { super(m); this.name = 'MyError'; } } return mk(MyError, 'm', undefined); });
add('err subclass proto name', () => { class HttpError extends Error {} HttpError.prototype.name = 'HttpError'; return mk(HttpError, 'nf', 'HttpError: nf\n    at f (a.js:1:2)', { status: 404 }); });
add('err cause', () => { const c = mk(Error, 'inner', 'Error: inner\n    at a (x.js:1:1)'); const e = new Error('outer', { cause: c }); e.stack = 'Error: outer\n    at b (y.js:2:2)'; return e; });
add('err cause primitive', () => { const e = new Error('outer', { cause: 'why' }); e.stack = 'Error: outer\n    at b (y.js:2:2)'; return e; });
add('err cause no stack', () => { const e = new Error('outer', { cause: { code: 1 } }); e.stack = undefined; return e; });
add('err cause same frames', () => {
  const frames = '\n    at a (x.js:1:1)\n    at b (x.js:2:1)\n    at c (x.js:3:1)\n    at d (x.js:4:1)\n    at e (x.js:5:1)';
  const c = mk(Error, 'inner', 'Error: inner\n    at z (z.js:9:9)' + frames);
  const e = new Error('outer', { cause: c }); e.stack = 'Error: outer\n    at y (y.js:8:8)' + frames; return e; });
add('err aggregate', () => { const e = new AggregateError([mk(Error, 'one', undefined), 2], 'many'); e.stack = 'AggregateError: many\n    at f (a.js:1:1)'; return e; });
add('err multiline msg', () => mk(Error, 'line1\nline2', 'Error: line1\nline2\n    at f (a.js:1:2)'));
add('err empty msg', () => mk(Error, '', 'Error\n    at f (a.js:1:2)'));
add('err null proto', () => Object.setPrototypeOf(mk(Error, 'np', 'Error: np\n    at f (a.js:1:2)'), null));
add('err message key enumerable', () => { const e = mk(Error, 'm', 'Error: m\n    at f (a.js:1:2)'); Object.defineProperty(e, 'message', { value: 'm', enumerable: true }); return e; });
add('err toStringTag', () => { const e = mk(Error, 'm', 'Error: m\n    at f (a.js:1:2)'); Object.defineProperty(e, Symbol.toStringTag, { value: 'Tag' }); return e; });
add('err like', () => Object.create(Error.prototype));
add('err name undefined', () => { const e = mk(Error, 'x', undefined); Object.defineProperty(e, 'name', { value: undefined }); return e; });
add('err in map', () => new Map([['e', mk(Error, 'm', 'Error: m\n    at f (a.js:1:2)')]]));
add('err nested indent', () => ({ a: { e: mk(Error, 'm', 'Error: m\n    at f (a.js:1:2)', { code: 'X' }) } }));
// maps & sets
add('map', () => new Map([['a', 1], [{ b: 2 }, [3]]]));
add('map empty', () => new Map());
add('set', () => new Set([1, 'two', { three: 3 }]));
add('set empty', () => new Set());
add('map big', () => new Map(Array.from({ length: 120 }, (_, i) => [i, 'v' + i])));
add('set big', () => new Set(Array.from({ length: 120 }, (_, i) => i)));
add('set maxArrayLength', () => new Set([1, 2, 3]), { maxArrayLength: 1 });
add('map extra key', () => Object.assign(new Map([[1, 2]]), { x: 1 }));
add('map subclass', () => { class MyMap extends Map {} return new MyMap([[1, 2]]); });
add('map null proto', () => Object.setPrototypeOf(new Map([[1, 2]]), null));
add('set null proto', () => Object.setPrototypeOf(new Set([1]), null));
add('map nested deep', () => ({ a: { b: { m: new Map([[1, 2]]), s: new Set([1]) } } }));
add('map long values', () => new Map([['key1', 'x'.repeat(40)], ['key2', 'y'.repeat(40)]]));
add('weakmap', () => new WeakMap([[{}, 1]]));
add('weakset', () => new WeakSet());
// dates regexps
add('date', () => new Date(0));
add('date invalid', () => new Date(NaN));
add('date props', () => Object.assign(new Date(86400000), { a: 1 }));
add('date subclass', () => { class D extends Date {} return new D(0); });
add('date null proto', () => Object.setPrototypeOf(new Date(0), null));
add('date in obj', () => ({ at: new Date(1e12) }));
add('regexp', () => /a[b]c/gi);
add('regexp props', () => Object.assign(/x/, { a: 1 }));
add('regexp subclass', () => { class R extends RegExp {} return new R('x', 'g'); });
add('regexp deep', () => ({ a: { b: { c: Object.assign(/x/, { y: 1 }) } } }));
add('regexp null proto', () => Object.setPrototypeOf(/x/g, null));
// boxed
add('boxed', () => [new Number(3), new String('x'), new Boolean(false), Object(1n), Object(Symbol('s')), new Number(-0)]);
add('boxed string props', () => Object.assign(new String('ab'), { extra: 1 }));
add('boxed showHidden', () => new String('ab'), { showHidden: true });
add('boxed subclass', () => { class N extends Number {} return new N(5); });
add('boxed null proto', () => Object.setPrototypeOf(new Number(5), null));
// typed arrays, buffers
add('u8', () => new Uint8Array([1, 2, 3]));
add('u8 empty', () => new Uint8Array(0));
add('f64', () => new Float64Array([1.5, -0, NaN]));
add('i32 many', () => new Int32Array(130).map((_, i) => i * (i % 2 ? -1 : 1)));
add('bigint64', () => new BigInt64Array([1n, -2n]));
add('u8 showHidden', () => new Uint8Array([1, 2]), { showHidden: true });
add('u8 props', () => Object.assign(new Uint8Array(2), { x: 1 }));
add('u8 null proto', () => Object.setPrototypeOf(new Uint8Array([1]), null));
add('u8 subclass', () => { class U extends Uint8Array {} return new U(2); });
add('arraybuffer', () => new Uint8Array([1, 2, 255]).buffer);
add('arraybuffer empty', () => new ArrayBuffer(0));
add('arraybuffer big', () => new ArrayBuffer(120));
add('arraybuffer maxArrayLength', () => new ArrayBuffer(10), { maxArrayLength: 3 });
add('sharedarraybuffer', () => new SharedArrayBuffer(2));
add('dataview', () => new DataView(new ArrayBuffer(4), 1, 2));
add('arraybuffer props', () => Object.assign(new ArrayBuffer(1), { x: 1 }));
add('u8 deep', () => ({ a: { b: { c: new Uint8Array(3) } } }));
// promises & proxies
add('promise resolved', () => Promise.resolve(1));
add('promise pending', () => new Promise(() => {}));
add('promise rejected', () => { const p = Promise.reject(Object.assign(new Error('no'), { stack: 'Error: no\n    at f (a.js:1:1)' })); p.catch(() => {}); return p; });
add('promise rejected prim', () => { const p = Promise.reject(3); p.catch(() => {}); return p; });
add('promise obj', () => Promise.resolve({ a: { b: { c: { d: 1 } } } }));
add('promise props', () => Object.assign(Promise.resolve(2), { x: 1 }));
add('promise in obj', () => ({ p: Promise.resolve('x') }));
add('promise subclass', () => { class P extends Promise {} return P.resolve(1); });
add('proxy', () => new Proxy({ a: 1 }, {}));
add('proxy arr', () => new Proxy([1, 2], {}));
add('proxy fn', () => new Proxy(function pf() {}, {}));
add('proxy trapping', () => new Proxy({ a: 1 }, { get() { throw new Error('trap'); }, ownKeys() { throw new Error('trap'); } }));
add('proxy revoked', () => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy; });
add('proxy in obj', () => ({ p: new Proxy({ x: [1] }, {}) }));
// custom inspect
const custom = Symbol.for('nodejs.util.inspect.custom');
add('custom string', () => ({ [custom]() { return 'CUSTOM'; } }));
add('custom multiline nested', () => ({ a: { [custom]() { return 'L1\nL2'; } } }));
add('custom returns obj', () => ({ [custom]() { return { replaced: true }; } }));
add('custom returns this', () => { const o = { a: 1, [custom]() { return this; } }; return o; });
add('custom args', () => ({ a: { [custom](depth, opts, insp) { return 'd=' + depth + ' ' + typeof opts.stylize + ' ' + opts.depth + ' ' + opts.breakLength + ' ' + (typeof insp) + ' ' + opts.foo; } } }), { foo: 'bar' });
add('custom uses inspect', () => ({ x: { [custom](d, o, insp) { return 'W<' + insp({ z: [1, 2] }, o) + '>'; } } }));
add('custom off', () => ({ a: 1, [custom]() { return 'NO'; } }), { customInspect: false });
add('custom on proto', () => { class C { [custom]() { return 'C!'; } } return [new C(), C.prototype]; });
add('custom class inst depth', () => { class C { [custom](d) { return 'depth ' + d; } } return { a: { b: new C() } }; });
add('custom depth null', () => ({ a: { [custom](d) { return 'depth ' + d; } } }), { depth: null });
add('custom null proto', () => { const o = Object.create(null); o[custom] = function (d, opts) { return 'np ' + Object.getPrototypeOf(opts) + ' ' + typeof opts.stylize; }; return o; });
// misc
add('arguments', () => (function () { return arguments; })(1, 'a'));
add('arguments empty', () => (function () { return arguments; })());
add('global Math', () => Math);
add('JSON', () => JSON);
add('array iterator', () => [1, 2][Symbol.iterator]());
add('generator obj', () => (function* g() {})());
add('symbol obj keys special', () => ({ [Symbol('a\nb')]: 1 }));
add('key hidden special', () => Object.defineProperty({}, 'a\nb', { value: 1, enumerable: false }), { showHidden: true });
add('nested mix', () => ({ user: { id: 'auth0|123', email: 'x@y.z', app_metadata: { roles: ['admin', 'user'], plan: { tier: 'pro', seats: 5 } } }, ok: true }));
add('event like', () => ({ user: { user_id: 'auth0|5f7c8ec7c33c6c004bbafe82', name: 'Jane Doe', email: 'jane@example.com', email_verified: true, identities: [{ provider: 'auth0', user_id: '5f7c8ec7c33c6c004bbafe82', connection: 'Username-Password-Authentication', isSocial: false }] }, request: { ip: '13.33.86.47', geoip: { cityName: 'Bellevue', countryCode: 'US' } } }));
add('array of arrays', () => [[1, 2], [3, 4], [5, 6], [7, 8], [9, 10], [11, 12], [13, 14]]);
add('array of long strings', () => Array.from({ length: 10 }, (_, i) => 'string number ' + i + ' with some padding'));
add('array 2 objects wide', () => [{ name: 'alpha', value: 'x'.repeat(30) }, { name: 'beta', value: 'y'.repeat(30) }]);
add('indentation nesting', () => ({ level1: { level2: { arr: Array.from({ length: 20 }, (_, i) => i * 1000) } } }));
add('multiline in arr', () => [{ a: 1, b: 'x'.repeat(75) }, 2]);
add('legacy args', () => ({ a: { b: { c: { d: 1 } } } }), 'LEGACY');
add('colors', () => ({ a: 1, b: 'x', c: null, d: undefined, e: Symbol('s'), f: [1n], g: /r/, h: new Date(0), i: function f() {} }), { colors: true });
add('colors arr group', () => Array.from({ length: 20 }, (_, i) => i), { colors: true });

// Real stacks: the header and what follows the frames are compared, the frames are not.
const frames = (text) => {
  const out = [];
  for (const line of text.split('\n')) {
    const m = /^(\s+)(?:at .*?|\.\.\. \d+ lines matching cause stack trace \.\.\.)( \{)?$/.exec(line);
    if (m === null) {
      out.push(line);
      continue;
    }
    const mark = m[1] + '<frames>' + (m[2] || '');
    if (out.length > 0 && out[out.length - 1].startsWith(m[1] + '<frames>')) out[out.length - 1] = mark;
    else out.push(mark);
  }
  return out.join('\n');
};
const real = (label, make, opts) => show(label, frames(util.inspect(make(), opts)));
real('real error', () => new Error('boom'));
real('real type error', () => new TypeError('bad input'));
real('real empty message', () => new RangeError(''));
real('real code', () => Object.assign(new Error('failed'), { code: 'E_FAIL', statusCode: 500 }));
real('real nested', () => ({ request: { error: new Error('inner') } }));
real('real in array', () => [new Error('first'), new Error('second')]);
real('real cause', () => new Error('outer', { cause: new Error('inner') }));
real('real cause object', () => new Error('outer', { cause: { reason: 'x' } }));
real('real subclass', () => {
  class ValidationError extends Error {
    constructor(message) {
      super(message);
      this.name = 'ValidationError';
      this.field = 'email';
    }
  }
  return new ValidationError('invalid email');
});
real('real subclass unnamed', () => {
  class NotFound extends Error {}
  return new NotFound('missing');
});
real('real renamed', () => {
  const error = new Error('renamed');
  error.name = 'Custom';
  return error;
});
real('real aggregate', () => new AggregateError([new Error('a'), new TypeError('b')], 'several'));
real('real message changed', () => {
  const error = new Error('before');
  error.message = 'after';
  return error;
});
real('real deep', () => ({ a: { b: { c: new Error('deep') } } }));
real('real depth 0', () => ({ e: new Error('shallow') }), { depth: 0 });
real('real compact false', () => ({ e: new Error('spread') }), { compact: false });
real('real node error', () => {
  try {
    util.promisify(5);
  } catch (error) {
    return error;
  }
});
real('real thrown', () => {
  try {
    throw new SyntaxError('thrown here');
  } catch (error) {
    return error;
  }
});
show('real format', frames(util.format('failed %s', new Error('inside'))));
show('real format extra', frames(util.format('failed:', new Error('after'))));

// inspect's own properties.
show('custom symbol', util.inspect.custom === Symbol.for('nodejs.util.inspect.custom'));
show('default options', util.inspect(util.inspect.defaultOptions));
await attempt('default options null', () => {
  util.inspect.defaultOptions = null;
});
await attempt('default options array', () => {
  util.inspect.defaultOptions = [];
});
try {
  util.inspect.defaultOptions = 5;
} catch (error) {
  show('default options error', [error.code, error.message]);
}
util.inspect.defaultOptions = { depth: 0 };
show('default options changed', util.inspect({ a: { b: 1 } }));
util.inspect.defaultOptions = { depth: 2 };
show('default options restored', util.inspect({ a: { b: 1 } }));
show('inspect no args', util.inspect());
show('inspect styles', util.inspect.styles.string);
show('inspect colors', util.inspect.colors.red);
show('inspect colors alias', util.inspect.colors.grey);
show('stylize option', util.inspect({ a: 'x', b: 1 }, { stylize: (text, style) => '<' + style + ':' + text + '>' }));
show('custom depth legacy', util.inspect({ a: { [util.inspect.custom]: (depth) => 'at ' + depth } }, false, 5));
