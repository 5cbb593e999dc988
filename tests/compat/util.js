// util: format with every specifier, promisify and callbackify (results and errors),
// inherits, deprecate, debuglog, types on many values, isDeepStrictEqual on many pairs,
// and the small helpers. Node's coded errors are shown with their code and message.
const util = require('util');
const coded = async (label, fn) => {
  try {
    show(label, await fn());
  } catch (error) {
    show(label, [error && error.name, error && error.code, error && error.message]);
  }
};

// format
const stackless = (message) => {
  const error = new Error(message);
  error.stack = 'Error: ' + message + '\n    at f (a.js:1:2)';
  return error;
};
class WithToString {
  toString() {
    return 'custom-to-string';
  }
}
class Plain {
  constructor() {
    this.a = 1;
  }
}
const circular = { name: 'loop' };
circular.self = circular;
const formats = [
  ['format none', []],
  ['format one string', ['hello %s']],
  ['format s', ['%s', 'str']],
  ['format s numbers', ['%s %s %s %s', 1, -0, 1n, NaN]],
  ['format s object', ['%s', { a: { b: { c: 1 } } }]],
  ['format s array', ['%s', [1, [2, [3]]]]],
  ['format s null undefined', ['%s %s', null, undefined]],
  ['format s symbol', ['%s', Symbol('x')]],
  ['format s own class toString', ['%s', new WithToString()]],
  ['format s class', ['%s', new Plain()]],
  ['format s error', ['%s', stackless('boom')]],
  ['format s date', ['%s', new Date(0)]],
  ['format s own toString', ['%s', { toString: () => 'own' }]],
  ['format s toPrimitive', ['%s', { [Symbol.toPrimitive]: () => 'prim' }]],
  ['format s null prototype', ['%s', Object.create(null)]],
  ['format s map', ['%s', new Map([[1, 2]])]],
  ['format s boxed', ['%s', new String('boxed')]],
  ['format s promise', ['%s', Promise.resolve(1)]],
  ['format s proxy', ['%s', new Proxy({ a: 1 }, {})]],
  ['format d', ['%d %d %d %d %d %d', 42, '42', -0, 1n, Symbol('x'), {}]],
  ['format d float', ['%d', 1.5]],
  ['format d empty', ['%d', '']],
  ['format i', ['%i %i %i %i %i', 42.9, '-42.9x', 1n, Symbol('i'), 'abc']],
  ['format f', ['%f %f %f %f', 1.5, '1.5e3x', Symbol('f'), -0]],
  ['format j', ['%j %j %j', { a: [1] }, 'str', undefined]],
  ['format j circular', ['%j', circular]],
  ['format j toJSON', ['%j', { toJSON: () => 'tj' }]],
  ['format o', ['%o', { a: [1, 2], f: 1 }]],
  ['format o deep', ['%o', { a: { b: { c: { d: { e: { f: 1 } } } } } }]],
  ['format O', ['%O', { a: { b: { c: { d: 1 } } } }]],
  ['format c', ['a%cb', 'color: red']],
  ['format percent', ['100%% sure %s', 'yes']],
  ['format percent alone', ['100%%']],
  ['format percent no args', ['%% %s']],
  ['format percent with args', ['%%', 1]],
  ['format unknown', ['%x %s', 'a']],
  ['format trailing percent', ['abc%', 1]],
  ['format missing args', ['%s %s %d', 'a']],
  ['format extra args', ['%s', 'a', 'b', { c: 1 }, 3, 'd']],
  ['format first object', [{ a: 1 }, 'b', 2]],
  ['format first number', [1, 2, 3]],
  ['format no specifier', ['a', 'b', { c: 1 }]],
  ['format no specifier number', ['a', 1]],
  ['format multiline', ['a', 'b\nc']],
  ['format error first', [stackless('first')]],
  ['format error after', ['failed:', stackless('after')]],
  ['format s then extra', ['x %s', 'y', [1, 2]]],
  ['format percent end', ['%s%', 'a']],
  ['format adjacent', ['%s%s', 'a', 'b']],
  ['format percent then s', ['%%%s', 'a']],
  ['format undefined', [undefined]],
  ['format null', [null]],
  ['format symbol first', [Symbol('s'), 'x']],
  ['format s long array', ['%s', Array.from({ length: 200 }, (_, i) => i)]],
  ['format s nested', ['%s', { a: [1, { b: 2 }] }]],
  ['format s array of objects', ['%s', [{ a: 1 }]]],
  ['format strings and numbers', ['user', 42, 'logged in', true]],
  ['format claims', ['claims: %j', { roles: ['admin'], org: 'acme' }]],
];
for (const [label, args] of formats) show(label, util.format(...args));
await attempt('format j bigint', () => util.format('%j', 1n));
show('formatWithOptions depth', util.formatWithOptions({ depth: 0 }, 'x %O', { a: { b: 1 } }, { c: { d: 1 } }));
show('formatWithOptions separators', util.formatWithOptions({ numericSeparator: true }, '%d %i %s', 1234567, 7654321, 1234.5678));
show('formatWithOptions compact', util.formatWithOptions({ compact: false }, { a: [1] }));
show('formatWithOptions array options', util.formatWithOptions([], 'a %s', 'b'));
await coded('formatWithOptions null', () => util.formatWithOptions(null, 'a'));
await coded('formatWithOptions number', () => util.formatWithOptions(1, 'a'));
await coded('formatWithOptions string', () => util.formatWithOptions('x', 'a'));
await coded('formatWithOptions function', () => util.formatWithOptions(function named() {}, 'a'));

// promisify
show('promisify custom symbol', util.promisify.custom === Symbol.for('nodejs.util.promisify.custom'));
function addLater(a, b, callback) {
  queueMicrotask(() => callback(null, a + b, 'ignored'));
}
const addAsync = util.promisify(addLater);
await attempt('promisify resolves', () => addAsync(2, 3));
show('promisify name', [addAsync.name, addAsync.length, typeof addAsync]);
show('promisify cached', addAsync[util.promisify.custom] === addAsync);
show('promisify again', util.promisify(addAsync) === addAsync);
await coded('promisify rejects', () => util.promisify((callback) => callback(Object.assign(new Error('nope'), { code: 'E_NOPE' })))());
await coded('promisify falsy error', () => util.promisify((callback) => callback(0, 'value'))());
await coded('promisify throws', () => util.promisify(() => {
  throw new TypeError('sync');
})());
const holder = {
  base: 10,
  add(n, callback) {
    callback(null, this.base + n);
  },
};
holder.addAsync = util.promisify(holder.add);
await attempt('promisify this', () => holder.addAsync(5));
function withCustom() {}
withCustom[util.promisify.custom] = () => Promise.resolve('custom');
show('promisify uses custom', util.promisify(withCustom) === withCustom[util.promisify.custom]);
await attempt('promisify custom result', () => util.promisify(withCustom)());
await coded('promisify not a function', () => util.promisify(5));
await coded('promisify undefined', () => util.promisify());
await coded('promisify object', () => util.promisify({}));
function badCustom() {}
badCustom[util.promisify.custom] = 'not a function';
await coded('promisify bad custom', () => util.promisify(badCustom));
show('promisify keeps properties', (() => {
  function source(callback) {
    callback(null);
  }
  source.extra = 'kept';
  const promised = util.promisify(source);
  return [promised.extra, Object.getPrototypeOf(promised) === Object.getPrototypeOf(source)];
})());

// callbackify
const called = (fn, ...args) =>
  new Promise((resolve) => {
    fn(...args, (error, value) => resolve([error === null ? null : [error.name, error.code, error.message, error.reason], value]));
  });
const asyncAdd = async (a, b) => a + b;
const callbackAdd = util.callbackify(asyncAdd);
show('callbackify name', [callbackAdd.name, callbackAdd.length]);
show('callbackify named', (() => {
  const named = util.callbackify(async function fetchUser(id) {
    return id;
  });
  return [named.name, named.length];
})());
await attempt('callbackify resolves', () => called(callbackAdd, 1, 2));
await attempt('callbackify rejects', () => called(util.callbackify(async () => {
  throw new RangeError('out');
})));
await attempt('callbackify rejects null', () => called(util.callbackify(() => Promise.reject(null))));
await attempt('callbackify rejects zero', () => called(util.callbackify(() => Promise.reject(0))));
await attempt('callbackify rejects empty string', () => called(util.callbackify(() => Promise.reject(''))));
await attempt('callbackify rejects value', () => called(util.callbackify(() => Promise.reject('reason'))));
await coded('callbackify not a function', () => util.callbackify('x'));
await coded('callbackify no callback', () => callbackAdd(1, 2));
await coded('callbackify callback not function', () => callbackAdd(1, 2, 3));
await attempt('callbackify this', () => new Promise((resolve) => {
  const target = {
    value: 7,
    get: util.callbackify(async function () {
      return this.value;
    }),
  };
  target.get((error, value) => resolve([error, value]));
}));
await attempt('callbackify round trip', () => util.promisify(util.callbackify(async (x) => x * 2))(21));

// inherits
function Animal(name) {
  this.name = name;
}
Animal.prototype.speak = function () {
  return this.name + ' speaks';
};
function Dog(name) {
  Animal.call(this, name);
}
util.inherits(Dog, Animal);
const rex = new Dog('Rex');
show('inherits', [rex.speak(), rex instanceof Animal, Dog.super_ === Animal]);
show('inherits super_ descriptor', (() => {
  const d = Object.getOwnPropertyDescriptor(Dog, 'super_');
  return [d.writable, d.enumerable, d.configurable];
})());
await coded('inherits ctor null', () => util.inherits(null, Animal));
await coded('inherits ctor undefined', () => util.inherits(undefined, Animal));
await coded('inherits super null', () => util.inherits(Dog, null));
await coded('inherits super no prototype', () => util.inherits(Dog, {}));
await coded('inherits super arrow', () => util.inherits(function A() {}, () => {}));

// deprecate: warnings are recorded, not printed (Node prints them on stderr).
{
  const warnings = [];
  const originalEmitWarning = process.emitWarning;
  process.emitWarning = (...args) => warnings.push(args.map((a) => (typeof a === 'function' ? 'function' : a)));
  try {
    const oldAdd = util.deprecate((a, b) => a + b, 'oldAdd() is deprecated', 'DEP_ACTIONBOX_1');
    show('deprecate returns function', [typeof oldAdd, oldAdd.name, oldAdd.length]);
    show('deprecate calls', [oldAdd(1, 2), oldAdd(3, 4)]);
    const sameCode = util.deprecate(() => 'other', 'also deprecated', 'DEP_ACTIONBOX_1');
    show('deprecate same code', sameCode());
    const noCode = util.deprecate(function legacy() {
      return 'legacy';
    }, 'legacy() is deprecated');
    show('deprecate no code', [noCode(), noCode()]);
    class Old {
      constructor(x) {
        this.x = x;
      }
    }
    const DeprecatedOld = util.deprecate(Old, 'Old is deprecated', 'DEP_ACTIONBOX_2');
    const instance = new DeprecatedOld(5);
    show('deprecate constructor', [instance.x, instance instanceof DeprecatedOld, instance instanceof Old]);
    show('deprecate warnings', warnings);
  } finally {
    process.emitWarning = originalEmitWarning;
  }
}
await coded('deprecate bad code', () => util.deprecate(() => {}, 'msg', 5));

// debuglog
const debug = util.debuglog('actionbox-test');
show('debuglog', [typeof debug, debug.enabled, debug('ignored %s', 'x')]);
show('debuglog callback', (() => {
  let seen = 'not called';
  const logger = util.debuglog('actionbox-test-2', (fn) => {
    seen = typeof fn;
  });
  logger('x');
  return [seen, logger.enabled];
})());
show('debug alias', util.debug === util.debuglog);

// small helpers
show('toUSVString', util.toUSVString('a\ud800b\udc00c\ud83d\ude00'));
show('stripVTControlCharacters', util.stripVTControlCharacters('\u001b[31mred\u001b[39m plain \u001b]8;;http://x\u0007link\u001b]8;;\u0007'));
await coded('stripVTControlCharacters number', () => util.stripVTControlCharacters(5));
show('TextEncoder', [util.TextEncoder === TextEncoder, util.TextDecoder === TextDecoder]);
show('inspect is inspect', util.inspect === require('util').inspect);
show('node prefix', require('node:util') === util);
show('_extend', util._extend({ a: 1 }, { b: 2 }));
show('styleText', util.styleText('red', 'plain when not a terminal'));
show('styleText unvalidated', util.styleText(['bold', 'red'], 'x', { validateStream: false }));
await coded('styleText text', () => util.styleText('red', 5));
await coded('styleText stream', () => util.styleText('red', 'x', { stream: {} }));
await coded('styleText validateStream', () => util.styleText('red', 'x', { validateStream: 1 }));
await coded('styleText format', () => util.styleText('nope', 'x'));
show('isBuffer', [util.isBuffer(require('buffer').Buffer.from('a')), util.isBuffer(new Uint8Array(1)), util.isBuffer('a')]);

// legacy checks and types on many values
function* generator() {}
const values = {
  number: 1,
  string: 's',
  null: null,
  undefined: undefined,
  symbol: Symbol('v'),
  bigint: 1n,
  boolean: false,
  object: {},
  array: [],
  function: function named() {},
  arrow: () => {},
  asyncFunction: async () => {},
  generatorFunction: generator,
  asyncGeneratorFunction: async function* agen() {},
  generatorObject: generator(),
  date: new Date(0),
  regexp: /x/,
  map: new Map(),
  set: new Set(),
  weakMap: new WeakMap(),
  weakSet: new WeakSet(),
  mapIterator: new Map().entries(),
  setIterator: new Set().values(),
  arrayIterator: [][Symbol.iterator](),
  arrayBuffer: new ArrayBuffer(1),
  sharedArrayBuffer: new SharedArrayBuffer(1),
  uint8Array: new Uint8Array(1),
  uint8ClampedArray: new Uint8ClampedArray(1),
  int16Array: new Int16Array(1),
  uint32Array: new Uint32Array(1),
  float32Array: new Float32Array(1),
  float64Array: new Float64Array(1),
  bigInt64Array: new BigInt64Array(1),
  bigUint64Array: new BigUint64Array(1),
  dataView: new DataView(new ArrayBuffer(1)),
  promise: Promise.resolve(),
  thenable: { then() {} },
  numberObject: new Number(1),
  stringObject: new String(''),
  booleanObject: new Boolean(true),
  bigintObject: Object(1n),
  symbolObject: Object(Symbol('boxed')),
  error: new Error('e'),
  typeError: new TypeError('t'),
  errorLike: Object.create(Error.prototype),
  fakeDateTag: { [Symbol.toStringTag]: 'Date' },
  datePrototype: Object.create(Date.prototype),
  arguments: (function () {
    return arguments;
  })(),
  proxy: new Proxy({}, {}),
  proxyOfDate: new Proxy(new Date(0), {}),
  proxyOfFunction: new Proxy(async () => {}, {}),
  mapSubclass: new (class MyMap extends Map {})(),
  nullPrototypeDate: Object.setPrototypeOf(new Date(0), null),
  keyObjectBrand: { [Symbol.for('actionbox.keyObject')]: true },
  cryptoKeyBrand: { [Symbol.for('actionbox.cryptoKey')]: true },
};
const typeNames = [
  'isExternal', 'isDate', 'isArgumentsObject', 'isBigIntObject', 'isBooleanObject', 'isNumberObject',
  'isStringObject', 'isSymbolObject', 'isNativeError', 'isRegExp', 'isAsyncFunction', 'isGeneratorFunction',
  'isGeneratorObject', 'isPromise', 'isMap', 'isSet', 'isMapIterator', 'isSetIterator', 'isWeakMap',
  'isWeakSet', 'isArrayBuffer', 'isDataView', 'isSharedArrayBuffer', 'isProxy', 'isModuleNamespaceObject',
  'isAnyArrayBuffer', 'isBoxedPrimitive', 'isArrayBufferView', 'isTypedArray', 'isUint8Array',
  'isUint8ClampedArray', 'isUint16Array', 'isUint32Array', 'isInt8Array', 'isInt16Array', 'isInt32Array',
  'isFloat32Array', 'isFloat64Array', 'isBigInt64Array', 'isBigUint64Array',
];
show('types functions', typeNames.filter((name) => typeof util.types[name] !== 'function'));
show('types key brands are Node only', [util.types.isKeyObject({}), util.types.isCryptoKey({})]);
for (const [name, value] of Object.entries(values)) {
  if (name === 'keyObjectBrand' || name === 'cryptoKeyBrand') continue;
  show('types of ' + name, typeNames.filter((check) => util.types[check](value)));
}
const legacy = [
  'isArray', 'isBoolean', 'isNull', 'isNullOrUndefined', 'isNumber', 'isString', 'isSymbol', 'isUndefined',
  'isRegExp', 'isObject', 'isDate', 'isError', 'isFunction', 'isPrimitive',
];
for (const [name, value] of Object.entries(values)) {
  show('legacy of ' + name, legacy.filter((check) => util[check](value)));
}

// isDeepStrictEqual
const cycleA = { a: 1 };
cycleA.self = cycleA;
const cycleB = { a: 1 };
cycleB.self = cycleB;
const deepA = { a: { b: {} } };
deepA.a.b.c = deepA;
const deepB = { a: { b: {} } };
deepB.a.b.c = deepB;
const loopA = [1];
loopA.push(loopA);
const loopB = [1];
loopB.push([1, loopB]);
const sameFn = () => 1;
const pairs = [
  ['equal numbers', 1, 1],
  ['number and string', 1, '1'],
  ['NaN', NaN, NaN],
  ['zero and negative zero', 0, -0],
  ['null and undefined', null, undefined],
  ['objects in any key order', { a: 1, b: [1, 2] }, { b: [1, 2], a: 1 }],
  ['objects differ', { a: 1 }, { a: 2 }],
  ['extra undefined key', { a: 1 }, { a: 1, b: undefined }],
  ['different keys undefined', { a: undefined }, { b: undefined }],
  ['arrays', [1, 2, 3], [1, 2, 3]],
  ['arrays order', [1, 2], [2, 1]],
  ['sparse and undefined', [1, , 3], [1, undefined, 3]],
  ['array extra key', Object.assign([1], { x: 1 }), [1]],
  ['null prototype and plain', Object.create(null), {}],
  ['class instance and plain', new (class A {})(), {}],
  ['dates', new Date(0), new Date(0)],
  ['dates differ', new Date(0), new Date(1)],
  ['date with property', Object.assign(new Date(0), { a: 1 }), new Date(0)],
  ['regexps', /a/g, /a/g],
  ['regexp flags', /a/g, /a/i],
  ['regexp lastIndex', Object.assign(/a/g, { lastIndex: 1 }), /a/g],
  ['maps', new Map([[1, { a: 1 }]]), new Map([[1, { a: 1 }]])],
  ['maps order', new Map([[1, 2], [3, 4]]), new Map([[3, 4], [1, 2]])],
  ['maps object keys', new Map([[{ a: 1 }, 'x'], [{ b: 1 }, 'y']]), new Map([[{ b: 1 }, 'y'], [{ a: 1 }, 'x']])],
  ['maps differ', new Map([[1, 2]]), new Map([[1, 3]])],
  ['map key types', new Map([[1, 'a']]), new Map([['1', 'a']])],
  ['sets', new Set([1, { a: 1 }]), new Set([{ a: 1 }, 1])],
  ['sets differ', new Set([1, 2]), new Set([1, 3])],
  ['sets of objects', new Set([{ a: 1 }, { a: 2 }]), new Set([{ a: 2 }, { a: 1 }])],
  ['set NaN', new Set([NaN]), new Set([NaN])],
  ['boxed numbers', new Number(1), new Number(1)],
  ['boxed numbers differ', new Number(1), new Number(2)],
  ['boxed zero', new Number(-0), new Number(0)],
  ['boxed and primitive', new Number(1), 1],
  ['boxed strings', new String('a'), new String('a')],
  ['typed arrays', new Uint8Array([1, 2]), new Uint8Array([1, 2])],
  ['typed arrays differ', new Uint8Array([1, 2]), new Uint8Array([1, 3])],
  ['typed array kinds', new Uint8Array([1]), new Int8Array([1])],
  ['float negative zero', new Float64Array([-0]), new Float64Array([0])],
  ['float NaN', new Float64Array([NaN]), new Float64Array([NaN])],
  ['array buffers', new Uint8Array([1]).buffer, new Uint8Array([1]).buffer],
  ['array buffers length', new ArrayBuffer(1), new ArrayBuffer(2)],
  ['errors', new Error('a'), new Error('a')],
  ['errors message', new Error('a'), new Error('b')],
  ['errors type', new Error('a'), new TypeError('a')],
  ['errors code', Object.assign(new Error('a'), { code: 1 }), new Error('a')],
  ['errors cause', new Error('a', { cause: 1 }), new Error('a', { cause: 2 })],
  ['symbol keys', { [Symbol.for('s')]: 1 }, { [Symbol.for('s')]: 1 }],
  ['symbol keys differ', { [Symbol.for('s')]: 1 }, { [Symbol.for('s')]: 2 }],
  ['symbol key missing', { [Symbol.for('s')]: 1 }, {}],
  ['cycles', cycleA, cycleB],
  ['deep cycles', deepA, deepB],
  ['cycle mismatch', loopA, loopB],
  ['functions', () => 1, () => 1],
  ['same function', { f: sameFn }, { f: sameFn }],
  ['string and boxed', 'a', new String('a')],
  ['getter and value', { get a() { return 1; } }, { a: 1 }],
  ['nested', { a: [{ b: new Map([[1, new Set([1])]]) }] }, { a: [{ b: new Map([[1, new Set([1])]]) }] }],
  ['arguments and array', (function () {
    return arguments;
  })(1), [1]],
  ['array-like and array', { 0: 1, length: 1 }, [1]],
  ['bigints', 1n, 1n],
  ['bigint and number', 1n, 1],
  ['non-enumerable', Object.defineProperty({}, 'x', { value: 1 }), {}],
  ['claims', { sub: 'auth0|1', roles: ['a', 'b'], meta: { n: 1 } }, { roles: ['a', 'b'], meta: { n: 1 }, sub: 'auth0|1' }],
];
for (const [label, a, b] of pairs) show('isDeepStrictEqual ' + label, util.isDeepStrictEqual(a, b));
