// Node's value printer: `inspect` (what `util.inspect` and `console.log` show),
// `format` / `formatWithOptions` (`util.format`'s `%s %d %i %f %j %o %O %c %%`), and the
// type predicates behind them (`types`, which `util.types` and `internal/equal` reuse).
// Output follows Node 20 byte for byte: line breaking (`breakLength`, `compact`), array
// grouping, circular references, errors (QuickJS stacks hold only frames, so the
// `name: message` header is put back in front of them), proxies and promises (natives).
(function (module, require, natives) {
  'use strict';

  // ---------------------------------------------------------------------------------
  // Intrinsics, taken once so that an Action replacing globals cannot change the output.

  const ObjectGetPrototypeOf = Object.getPrototypeOf;
  const ObjectSetPrototypeOf = Object.setPrototypeOf;
  const ObjectGetOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
  const ObjectGetOwnPropertyNames = Object.getOwnPropertyNames;
  const ObjectGetOwnPropertySymbols = Object.getOwnPropertySymbols;
  const ObjectKeys = Object.keys;
  const ObjectIs = Object.is;
  const ObjectAssign = Object.assign;
  const ObjectDefineProperty = Object.defineProperty;
  const ObjectIsExtensible = Object.isExtensible;
  const ReflectOwnKeys = Reflect.ownKeys;
  const ArrayIsArray = Array.isArray;
  const ObjectPrototype = Object.prototype;
  const FunctionPrototype = Function.prototype;
  const hasOwnProperty = ObjectPrototype.hasOwnProperty;
  const propertyIsEnumerable = ObjectPrototype.propertyIsEnumerable;
  const objectToString = ObjectPrototype.toString;
  const errorToString = Error.prototype.toString;
  const functionToString = FunctionPrototype.toString;
  const functionHasInstance = FunctionPrototype[Symbol.hasInstance];
  const symbolToString = Symbol.prototype.toString;
  const symbolValueOf = Symbol.prototype.valueOf;
  const numberValueOf = Number.prototype.valueOf;
  const stringValueOf = String.prototype.valueOf;
  const booleanValueOf = Boolean.prototype.valueOf;
  const bigintValueOf = BigInt.prototype.valueOf;
  const dateGetTime = Date.prototype.getTime;
  const dateToISOString = Date.prototype.toISOString;
  const dateToString = Date.prototype.toString;
  const regexpToString = RegExp.prototype.toString;
  const JSONStringify = JSON.stringify;
  const MathMin = Math.min;
  const MathMax = Math.max;
  const MathSqrt = Math.sqrt;
  const MathRound = Math.round;
  const MathFloor = Math.floor;
  const MathTrunc = Math.trunc;
  const SymbolIterator = Symbol.iterator;
  const SymbolToStringTag = Symbol.toStringTag;
  const SymbolToPrimitive = Symbol.toPrimitive;
  const NativeMap = Map;
  const NativeSet = Set;
  const NativeRegExp = RegExp;
  const NativeError = Error;
  const NativeUint8Array = Uint8Array;
  const NativeSharedArrayBuffer = typeof SharedArrayBuffer === 'function' ? SharedArrayBuffer : undefined;

  const getterOf = (proto, key) => ObjectGetOwnPropertyDescriptor(proto, key).get;
  const TypedArrayPrototype = ObjectGetPrototypeOf(Uint8Array.prototype);
  const typedArrayTag = getterOf(TypedArrayPrototype, SymbolToStringTag);
  const typedArrayLength = getterOf(TypedArrayPrototype, 'length');
  const mapSize = getterOf(Map.prototype, 'size');
  const setSize = getterOf(Set.prototype, 'size');
  const mapEntries = Map.prototype.entries;
  const setValues = Set.prototype.values;
  const weakMapHas = WeakMap.prototype.has;
  const weakSetHas = WeakSet.prototype.has;
  const arrayBufferByteLength = getterOf(ArrayBuffer.prototype, 'byteLength');
  const sharedArrayBufferByteLength =
    NativeSharedArrayBuffer === undefined ? undefined : getterOf(NativeSharedArrayBuffer.prototype, 'byteLength');
  const dataViewByteLength = getterOf(DataView.prototype, 'byteLength');
  const regexpSource = getterOf(RegExp.prototype, 'source');
  const RegExpPrototype = RegExp.prototype;
  const PromisePrototype = Promise.prototype;
  const AsyncFunctionPrototype = ObjectGetPrototypeOf(async function () {});
  const GeneratorFunctionPrototype = ObjectGetPrototypeOf(function* () {});
  const AsyncGeneratorFunctionPrototype = ObjectGetPrototypeOf(async function* () {});
  const GeneratorPrototype = GeneratorFunctionPrototype.prototype;
  const AsyncGeneratorPrototype = AsyncGeneratorFunctionPrototype.prototype;
  const MapIteratorPrototype = ObjectGetPrototypeOf(new Map().entries());
  const SetIteratorPrototype = ObjectGetPrototypeOf(new Set().values());

  const typedArrayConstructors = {
    Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array,
    Float32Array, Float64Array, BigInt64Array, BigUint64Array,
  };
  if (typeof Float16Array === 'function') typedArrayConstructors.Float16Array = Float16Array;

  // The constructors of the language itself (not those of the host): what Node counts as
  // "built in" when it decides how `%s` shows an object and where prototype properties stop.
  const builtInObjects = new NativeSet([
    'Object', 'Function', 'Array', 'Number', 'Boolean', 'String', 'Symbol', 'Date', 'Promise',
    'RegExp', 'Error', 'AggregateError', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError',
    'TypeError', 'URIError', 'JSON', 'Math', 'Intl', 'ArrayBuffer', 'Uint8Array', 'Int8Array',
    'Uint16Array', 'Int16Array', 'Uint32Array', 'Int32Array', 'Float32Array', 'Float64Array',
    'Uint8ClampedArray', 'BigUint64Array', 'BigInt64Array', 'DataView', 'Map', 'BigInt', 'Set',
    'WeakMap', 'WeakSet', 'Proxy', 'Reflect', 'FinalizationRegistry', 'WeakRef',
    'SharedArrayBuffer', 'Atomics', 'WebAssembly',
  ]);

  // The same constructors as values (taken at load, before an Action can replace them): a
  // function among them is never shown as a class, even where the engine keeps no source
  // text to tell.
  // (Read without running getters: Node's globals that are loaded on first use, `Intl`
  // among them, are not loaded for this.)
  const globalValue = (name) => {
    const descriptor = Object.getOwnPropertyDescriptor(globalThis, name);
    return descriptor === undefined ? undefined : descriptor.value;
  };
  const builtInFunctions = new NativeSet();
  for (const name of builtInObjects) {
    const value = globalValue(name);
    if (typeof value === 'function') builtInFunctions.add(value);
  }
  const engineConstructors = [
    'Iterator', 'Float16Array', 'InternalError', 'SuppressedError', 'DisposableStack', 'AsyncDisposableStack',
  ];
  for (const name of engineConstructors) {
    const value = globalValue(name);
    if (typeof value === 'function') builtInFunctions.add(value);
  }
  builtInFunctions.add(AsyncFunctionPrototype.constructor);
  builtInFunctions.add(GeneratorFunctionPrototype.constructor);
  builtInFunctions.add(AsyncGeneratorFunctionPrototype.constructor);
  builtInFunctions.add(ObjectGetPrototypeOf(Uint8Array));

  // ---------------------------------------------------------------------------------
  // Natives: proxies and promise states, which plain JavaScript cannot see.

  const nativeIsProxy = natives && typeof natives.isProxy === 'function' ? natives.isProxy : null;
  const nativeProxyTarget = natives && typeof natives.proxyTarget === 'function' ? natives.proxyTarget : null;
  const nativePromiseState = natives && typeof natives.promiseState === 'function' ? natives.promiseState : null;
  const nativePromiseResult = natives && typeof natives.promiseResult === 'function' ? natives.promiseResult : null;

  // `Array.isArray` throws for a revoked proxy and calls no trap of a live one.
  function isRevoked(proxy) {
    try {
      ArrayIsArray(proxy);
      return false;
    } catch {
      return true;
    }
  }

  function proxyTarget(proxy) {
    if (nativeProxyTarget === null) return null;
    try {
      return nativeProxyTarget(proxy);
    } catch {
      return null;
    }
  }

  function isProxy(value) {
    return nativeIsProxy !== null && nativeIsProxy(value) === true;
  }

  // 0 pending, 1 fulfilled, 2 rejected; -1 when `value` is no promise.
  function promiseState(value) {
    if (nativePromiseState === null) return hasInChain(value, PromisePrototype) ? 0 : -1;
    let state;
    try {
      state = nativePromiseState(value);
    } catch {
      return -1;
    }
    return state === 0 || state === 1 || state === 2 ? state : -1;
  }

  // ---------------------------------------------------------------------------------
  // Type predicates (`util.types`): each one is a brand check, which cannot be fooled by
  // a prototype or a `Symbol.toStringTag`.

  function succeeds(fn, value) {
    try {
      fn.call(value);
      return true;
    } catch {
      return false;
    }
  }

  function hasInChain(value, proto) {
    let p = value;
    for (;;) {
      p = ObjectGetPrototypeOf(p);
      if (p === null) return false;
      if (p === proto) return true;
    }
  }

  const isObjectLike = (value) => value !== null && typeof value === 'object';
  // The tag `Object.prototype.toString` reads from an internal slot, when no
  // `Symbol.toStringTag` hides it.
  function builtinTagIs(value, tag) {
    return objectToString.call(value) === tag && typeof value[SymbolToStringTag] !== 'string';
  }

  const isDate = (value) => isObjectLike(value) && succeeds(dateGetTime, value);
  const isRegExp = (value) => isObjectLike(value) && value !== RegExpPrototype && succeeds(regexpSource, value);
  const isMap = (value) => isObjectLike(value) && succeeds(mapSize, value);
  const isSet = (value) => isObjectLike(value) && succeeds(setSize, value);
  function isWeakMap(value) {
    if (!isObjectLike(value)) return false;
    try {
      weakMapHas.call(value, value);
      return true;
    } catch {
      return false;
    }
  }
  function isWeakSet(value) {
    if (!isObjectLike(value)) return false;
    try {
      weakSetHas.call(value, value);
      return true;
    } catch {
      return false;
    }
  }
  const isArrayBuffer = (value) => isObjectLike(value) && succeeds(arrayBufferByteLength, value);
  const isSharedArrayBuffer = (value) =>
    sharedArrayBufferByteLength !== undefined && isObjectLike(value) && succeeds(sharedArrayBufferByteLength, value);
  const isAnyArrayBuffer = (value) => isArrayBuffer(value) || isSharedArrayBuffer(value);
  const isDataView = (value) => isObjectLike(value) && succeeds(dataViewByteLength, value);
  const isTypedArray = (value) => typedArrayTag.call(value) !== undefined;
  const isArrayBufferView = (value) => isTypedArray(value) || isDataView(value);
  const isPromise = (value) => isObjectLike(value) && promiseState(value) !== -1;
  const isNumberObject = (value) => isObjectLike(value) && succeeds(numberValueOf, value);
  const isStringObject = (value) => isObjectLike(value) && succeeds(stringValueOf, value);
  const isBooleanObject = (value) => isObjectLike(value) && succeeds(booleanValueOf, value);
  const isBigIntObject = (value) => isObjectLike(value) && succeeds(bigintValueOf, value);
  const isSymbolObject = (value) => isObjectLike(value) && succeeds(symbolValueOf, value);
  const isBoxedPrimitive = (value) =>
    isNumberObject(value) || isStringObject(value) || isBooleanObject(value) ||
    isBigIntObject(value) || isSymbolObject(value);
  const isNativeError = (value) => isObjectLike(value) && !isProxy(value) && builtinTagIs(value, '[object Error]');
  const isArgumentsObject = (value) =>
    isObjectLike(value) && !isProxy(value) && builtinTagIs(value, '[object Arguments]');
  const isError = (value) => isNativeError(value) || (isObjectLike(value) && value instanceof NativeError);
  const isAsyncFunction = (value) =>
    typeof value === 'function' && !isProxy(value) &&
    (hasInChain(value, AsyncFunctionPrototype) || hasInChain(value, AsyncGeneratorFunctionPrototype));
  const isGeneratorFunction = (value) =>
    typeof value === 'function' && !isProxy(value) &&
    (hasInChain(value, GeneratorFunctionPrototype) || hasInChain(value, AsyncGeneratorFunctionPrototype));
  const isGeneratorObject = (value) =>
    isObjectLike(value) && !isProxy(value) &&
    (hasInChain(value, GeneratorPrototype) || hasInChain(value, AsyncGeneratorPrototype));
  const isMapIterator = (value) => isObjectLike(value) && !isProxy(value) && hasInChain(value, MapIteratorPrototype);
  const isSetIterator = (value) => isObjectLike(value) && !isProxy(value) && hasInChain(value, SetIteratorPrototype);
  function isModuleNamespaceObject(value) {
    if (!isObjectLike(value) || ObjectGetPrototypeOf(value) !== null || ObjectIsExtensible(value)) return false;
    const tag = ObjectGetOwnPropertyDescriptor(value, SymbolToStringTag);
    return tag !== undefined && tag.value === 'Module' && !tag.writable && !tag.enumerable && !tag.configurable;
  }
  const KEY_OBJECT = Symbol.for('actionbox.keyObject');
  const CRYPTO_KEY = Symbol.for('actionbox.cryptoKey');
  const isBranded = (value, brand) => {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return false;
    const desc = ObjectGetOwnPropertyDescriptor(value, brand);
    return desc !== undefined && desc.value === true;
  };

  const types = {
    isExternal: (value) => false,
    isDate,
    isArgumentsObject,
    isBigIntObject,
    isBooleanObject,
    isNumberObject,
    isStringObject,
    isSymbolObject,
    isNativeError,
    isRegExp,
    isAsyncFunction,
    isGeneratorFunction,
    isGeneratorObject,
    isPromise,
    isMap,
    isSet,
    isMapIterator,
    isSetIterator,
    isWeakMap,
    isWeakSet,
    isArrayBuffer,
    isDataView,
    isSharedArrayBuffer,
    isProxy: (value) => isProxy(value),
    isModuleNamespaceObject,
    isAnyArrayBuffer,
    isBoxedPrimitive,
    isArrayBufferView,
    isTypedArray,
    isKeyObject: (value) => isBranded(value, KEY_OBJECT),
    isCryptoKey: (value) => isBranded(value, CRYPTO_KEY),
  };
  for (const name of [
    'Uint8Array', 'Uint8ClampedArray', 'Uint16Array', 'Uint32Array', 'Int8Array', 'Int16Array',
    'Int32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array',
  ]) {
    types['is' + name] = (value) => typedArrayTag.call(value) === name;
  }

  // What kind of built-in object `value` is, for the printer: the nearest well-known
  // prototype in its chain names a candidate, which a brand check confirms. Objects
  // whose chain ends without `Object.prototype` (null prototypes) get every check.
  let protoKinds = null;
  function wellKnownPrototypes() {
    protoKinds = new NativeMap();
    const add = (ctor, kind) => {
      if (typeof ctor === 'function') protoKinds.set(ctor.prototype, kind);
    };
    add(Date, 'date');
    add(RegExp, 'regexp');
    add(Error, 'error');
    add(Map, 'map');
    add(Set, 'set');
    add(WeakMap, 'weakmap');
    add(WeakSet, 'weakset');
    add(Promise, 'promise');
    add(ArrayBuffer, 'arraybuffer');
    add(NativeSharedArrayBuffer, 'sharedarraybuffer');
    add(DataView, 'dataview');
    add(Number, 'number');
    add(String, 'string');
    add(Boolean, 'boolean');
    add(BigInt, 'bigint');
    add(Symbol, 'symbol');
    protoKinds.set(TypedArrayPrototype, 'typedarray');
    protoKinds.set(MapIteratorPrototype, 'mapiterator');
    protoKinds.set(SetIteratorPrototype, 'setiterator');
    return protoKinds;
  }

  function confirmKind(kind, value) {
    switch (kind) {
      case 'date': return succeeds(dateGetTime, value);
      case 'regexp': return value !== RegExpPrototype && succeeds(regexpSource, value);
      case 'error': return isError(value);
      case 'map': return succeeds(mapSize, value);
      case 'set': return succeeds(setSize, value);
      case 'weakmap': return isWeakMap(value);
      case 'weakset': return isWeakSet(value);
      case 'promise': return promiseState(value) !== -1;
      case 'arraybuffer': return succeeds(arrayBufferByteLength, value);
      case 'sharedarraybuffer': return isSharedArrayBuffer(value);
      case 'dataview': return succeeds(dataViewByteLength, value);
      case 'typedarray': return typedArrayTag.call(value) !== undefined;
      case 'number': return succeeds(numberValueOf, value);
      case 'string': return succeeds(stringValueOf, value);
      case 'boolean': return succeeds(booleanValueOf, value);
      case 'bigint': return succeeds(bigintValueOf, value);
      case 'symbol': return succeeds(symbolValueOf, value);
      default: return true; // map and set iterators: no check is free of side effects
    }
  }

  const FULL_CHECKS = [
    'set', 'map', 'typedarray', 'regexp', 'date', 'error', 'arraybuffer', 'sharedarraybuffer',
    'dataview', 'promise', 'weakset', 'weakmap', 'number', 'string', 'boolean', 'bigint', 'symbol',
  ];
  const TAG_KINDS = {
    '[object Date]': 'date', '[object RegExp]': 'regexp', '[object Error]': 'error',
    '[object Number]': 'number', '[object String]': 'string', '[object Boolean]': 'boolean',
  };

  function kindOf(value) {
    const kinds = protoKinds || wellKnownPrototypes();
    let p = value;
    let plainEnd = false;
    for (;;) {
      p = ObjectGetPrototypeOf(p);
      if (p === null) break;
      if (p === ObjectPrototype) {
        plainEnd = true;
        break;
      }
      const kind = kinds.get(p);
      if (kind !== undefined) return confirmKind(kind, value) ? kind : '';
    }
    const byTag = TAG_KINDS[objectToString.call(value)];
    if (byTag !== undefined && confirmKind(byTag, value)) return byTag;
    if (plainEnd) return '';
    for (let i = 0; i < FULL_CHECKS.length; i++) {
      if (confirmKind(FULL_CHECKS[i], value)) return FULL_CHECKS[i];
    }
    return '';
  }

  // ---------------------------------------------------------------------------------
  // Options and colors.

  const inspectDefaultOptions = Object.seal({
    showHidden: false,
    depth: 2,
    colors: false,
    customInspect: true,
    showProxy: false,
    maxArrayLength: 100,
    maxStringLength: 10000,
    breakLength: 80,
    compact: 3,
    sorted: false,
    getters: false,
    numericSeparator: false,
  });

  const kObjectType = 0;
  const kArrayType = 1;
  const kArrayExtrasType = 2;
  const kMinLineLength = 16;

  const customInspectSymbol = Symbol.for('nodejs.util.inspect.custom');

  let errors = null;
  const lazyErrors = () => errors || (errors = require('internal/errors'));

  function validateObject(value, name, allowArray) {
    if (value === null || typeof value !== 'object' || (!allowArray && ArrayIsArray(value))) {
      throw new (lazyErrors().codes.ERR_INVALID_ARG_TYPE)(name, 'Object', value);
    }
  }

  function stylizeNoColor(str) {
    return str;
  }

  function stylizeWithColor(str, styleType) {
    const style = inspect.styles[styleType];
    if (style !== undefined) {
      const color = inspect.colors[style];
      if (color !== undefined) return '\u001b[' + color[0] + 'm' + str + '\u001b[' + color[1] + 'm';
    }
    return str;
  }

  // ---------------------------------------------------------------------------------
  // Strings.

  // How each code unit below 160 is escaped ('' for those left as they are).
  const meta = [];
  for (let i = 0; i < 160; i++) {
    let escaped = '';
    if (i < 32 || i >= 127) escaped = '\\x' + (i < 16 ? '0' : '') + i.toString(16).toUpperCase();
    meta.push(escaped);
  }
  meta[8] = '\\b';
  meta[9] = '\\t';
  meta[10] = '\\n';
  meta[12] = '\\f';
  meta[13] = '\\r';
  meta[39] = "\\'";
  meta[92] = '\\\\';

  // Escapes `str` for a quoted literal; `quote` is the code unit to escape (39 for the
  // single quote) or -1 when no quote needs escaping.
  const needsEscape = /[\x00-\x1f\x27\x5c\x7f-\x9f\ud800-\udfff]/;
  const needsEscapeUnquoted = /[\x00-\x1f\x5c\x7f-\x9f\ud800-\udfff]/;

  function escapeString(str, quote) {
    // Most strings need nothing: the engine's regexp says so faster than a loop.
    if (!(quote === 39 ? needsEscape : needsEscapeUnquoted).test(str)) return str;
    let result = '';
    let last = 0;
    const length = str.length;
    for (let i = 0; i < length; i++) {
      const point = str.charCodeAt(i);
      if (point === quote || point === 92 || point < 32 || (point > 126 && point < 160)) {
        result += last === i ? meta[point] : str.slice(last, i) + meta[point];
        last = i + 1;
      } else if (point >= 0xd800 && point <= 0xdfff) {
        if (point <= 0xdbff && i + 1 < length) {
          const next = str.charCodeAt(i + 1);
          if (next >= 0xdc00 && next <= 0xdfff) {
            i++;
            continue;
          }
        }
        result += str.slice(last, i) + '\\u' + point.toString(16);
        last = i + 1;
      }
    }
    if (last === 0) return str;
    if (last !== length) result += str.slice(last);
    return result;
  }

  // Node's choice of quotes: single quotes, unless the string holds some and no double
  // quote (then double quotes), or double quotes but no backtick nor `${` (backticks).
  function strEscape(str) {
    if (str.indexOf("'") === -1) return "'" + escapeString(str, 39) + "'";
    if (str.indexOf('"') === -1) return '"' + escapeString(str, -1) + '"';
    if (str.indexOf('`') === -1 && str.indexOf('${') === -1) return '`' + escapeString(str, -1) + '`';
    return "'" + escapeString(str, 39) + "'";
  }

  // A key or a symbol's text as Node shows them in brackets: escaped, never quoted.
  function escapeKey(str) {
    return escapeString(str, 39);
  }

  const ansiPattern = new NativeRegExp(
    '[\\u001B\\u009B][[\\]()#;?]*(?:(?:(?:(?:;[-a-zA-Z\\d\\/\\#&.:=?%@~_]+)*|[a-zA-Z\\d]+' +
      '(?:;[-a-zA-Z\\d\\/\\#&.:=?%@~_]*)*)?(?:\\u0007|\\u001B\\u005C|\\u009C))|' +
      '(?:(?:\\d{1,4}(?:;\\d{0,4})*)?[\\dA-PR-TZcf-nq-uy=><~]))',
    'g',
  );

  function stripVTControlCharacters(str) {
    if (typeof str !== 'string') throw new (lazyErrors().codes.ERR_INVALID_ARG_TYPE)('str', 'string', str);
    return str.replace(ansiPattern, '');
  }

  function isFullWidthCodePoint(code) {
    return code >= 0x1100 && (
      code <= 0x115f || code === 0x2329 || code === 0x232a ||
      (code >= 0x2e80 && code <= 0x3247 && code !== 0x303f) ||
      (code >= 0x3250 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0xa4c6) ||
      (code >= 0xa960 && code <= 0xa97c) || (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe10 && code <= 0xfe19) ||
      (code >= 0xfe30 && code <= 0xfe6b) || (code >= 0xff01 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) || (code >= 0x1b000 && code <= 0x1b001) ||
      (code >= 0x1f200 && code <= 0x1f251) || (code >= 0x1f300 && code <= 0x1f64f) ||
      (code >= 0x20000 && code <= 0x3fffd));
  }

  function isZeroWidthCodePoint(code) {
    return code <= 0x1f || (code >= 0x7f && code <= 0x9f) || (code >= 0x300 && code <= 0x36f) ||
      (code >= 0x200b && code <= 0x200f) || (code >= 0x20d0 && code <= 0x20ff) ||
      (code >= 0xfe00 && code <= 0xfe0f) || (code >= 0xfe20 && code <= 0xfe2f) ||
      (code >= 0xe0100 && code <= 0xe01ef);
  }

  const printableAscii = /^[\x20-\x7e]*$/;

  // Columns `str` takes on a terminal (ASCII first, the rest by code point).
  function getStringWidth(str, removeControlChars) {
    if (removeControlChars) str = str.replace(ansiPattern, '');
    if (printableAscii.test(str)) return str.length;
    let width = 0;
    for (let i = 0; i < str.length; i++) {
      const code = str.charCodeAt(i);
      if (code >= 127) {
        let rest = str.slice(i);
        if (typeof rest.normalize === 'function') rest = rest.normalize('NFC');
        for (const char of rest) {
          const point = char.codePointAt(0);
          if (isFullWidthCodePoint(point)) width += 2;
          else if (!isZeroWidthCodePoint(point)) width++;
        }
        return width;
      }
      if (code >= 32) width++;
    }
    return width;
  }

  // ---------------------------------------------------------------------------------
  // Primitives.

  function addNumericSeparator(integerString) {
    let result = '';
    let i = integerString.length;
    const start = integerString[0] === '-' ? 1 : 0;
    for (; i >= start + 4; i -= 3) result = '_' + integerString.slice(i - 3, i) + result;
    return i === integerString.length ? integerString : integerString.slice(0, i) + result;
  }

  function addNumericSeparatorEnd(integerString) {
    let result = '';
    let i = 0;
    for (; i < integerString.length - 3; i += 3) result += integerString.slice(i, i + 3) + '_';
    return i === 0 ? integerString : result + integerString.slice(i);
  }

  function formatNumber(fn, number, numericSeparator) {
    if (!numericSeparator) {
      if (ObjectIs(number, -0)) return fn('-0', 'number');
      return fn('' + number, 'number');
    }
    const numberString = String(number);
    const integer = MathTrunc(number);
    if (integer === number) {
      if (!Number.isFinite(number) || numberString.indexOf('e') !== -1) return fn(numberString, 'number');
      return fn(addNumericSeparator(numberString), 'number');
    }
    if (Number.isNaN(number)) return fn(numberString, 'number');
    const dot = numberString.indexOf('.');
    return fn(
      addNumericSeparator(numberString.slice(0, dot)) + '.' + addNumericSeparatorEnd(numberString.slice(dot + 1)),
      'number',
    );
  }

  function formatBigInt(fn, bigint, numericSeparator) {
    const string = String(bigint);
    if (!numericSeparator) return fn(string + 'n', 'bigint');
    return fn(addNumericSeparator(string) + 'n', 'bigint');
  }

  function formatPrimitive(fn, value, ctx) {
    switch (typeof value) {
      case 'string': {
        let trailer = '';
        if (value.length > ctx.maxStringLength) {
          const remaining = value.length - ctx.maxStringLength;
          value = value.slice(0, ctx.maxStringLength);
          trailer = '... ' + remaining + ' more character' + (remaining > 1 ? 's' : '');
        }
        if (ctx.compact !== true && value.length > kMinLineLength &&
            value.length > ctx.breakLength - ctx.indentationLvl - 4) {
          // One literal per line, each line keeping its `\n`.
          const separator = ' +\n' + ' '.repeat(ctx.indentationLvl + 2);
          let out = '';
          let start = 0;
          for (let i = 0; i < value.length - 1; i++) {
            if (value.charCodeAt(i) === 10) {
              out += fn(strEscape(value.slice(start, i + 1)), 'string') + separator;
              start = i + 1;
            }
          }
          return out + fn(strEscape(value.slice(start)), 'string') + trailer;
        }
        return fn(strEscape(value), 'string') + trailer;
      }
      case 'number': return formatNumber(fn, value, ctx.numericSeparator);
      case 'bigint': return formatBigInt(fn, value, ctx.numericSeparator);
      case 'boolean': return fn('' + value, 'boolean');
      case 'undefined': return fn('undefined', 'undefined');
      default: return fn(symbolToString.call(value), 'symbol');
    }
  }

  // ---------------------------------------------------------------------------------
  // Objects.

  function getUserOptions(ctx, isCrossContext) {
    const ret = {
      stylize: ctx.stylize,
      showHidden: ctx.showHidden,
      depth: ctx.depth,
      colors: ctx.colors,
      customInspect: ctx.customInspect,
      showProxy: ctx.showProxy,
      maxArrayLength: ctx.maxArrayLength,
      maxStringLength: ctx.maxStringLength,
      breakLength: ctx.breakLength,
      compact: ctx.compact,
      sorted: ctx.sorted,
      getters: ctx.getters,
      numericSeparator: ctx.numericSeparator,
    };
    if (ctx.userOptions !== undefined) ObjectAssign(ret, ctx.userOptions);
    if (isCrossContext) {
      ObjectSetPrototypeOf(ret, null);
      for (const key of ObjectKeys(ret)) {
        const v = ret[key];
        if ((typeof v === 'object' || typeof v === 'function') && v !== null) delete ret[key];
      }
      ret.stylize = ObjectSetPrototypeOf((value, flavour) => {
        let stylized;
        try {
          stylized = '' + ctx.stylize(value, flavour);
        } catch {
          // Left as it is.
        }
        return typeof stylized === 'string' ? stylized : value;
      }, null);
    }
    return ret;
  }

  function inspect(value, opts) {
    const ctx = {
      budget: {},
      indentationLvl: 0,
      seen: [],
      currentDepth: 0,
      stylize: stylizeNoColor,
      showHidden: inspectDefaultOptions.showHidden,
      depth: inspectDefaultOptions.depth,
      colors: inspectDefaultOptions.colors,
      customInspect: inspectDefaultOptions.customInspect,
      showProxy: inspectDefaultOptions.showProxy,
      maxArrayLength: inspectDefaultOptions.maxArrayLength,
      maxStringLength: inspectDefaultOptions.maxStringLength,
      breakLength: inspectDefaultOptions.breakLength,
      compact: inspectDefaultOptions.compact,
      sorted: inspectDefaultOptions.sorted,
      getters: inspectDefaultOptions.getters,
      numericSeparator: inspectDefaultOptions.numericSeparator,
      userOptions: undefined,
      circular: undefined,
    };
    if (arguments.length > 1) {
      // The old signature: (value, showHidden, depth, colors).
      if (arguments.length > 2) {
        if (arguments[2] !== undefined) ctx.depth = arguments[2];
        if (arguments.length > 3 && arguments[3] !== undefined) ctx.colors = arguments[3];
      }
      if (typeof opts === 'boolean') {
        ctx.showHidden = opts;
      } else if (opts) {
        const optKeys = ObjectKeys(opts);
        for (let i = 0; i < optKeys.length; ++i) {
          const key = optKeys[i];
          if (hasOwnProperty.call(inspectDefaultOptions, key) || key === 'stylize') {
            ctx[key] = opts[key];
          } else if (ctx.userOptions === undefined) {
            ctx.userOptions = opts;
          }
        }
      }
    }
    if (ctx.colors) ctx.stylize = stylizeWithColor;
    if (ctx.maxArrayLength === null) ctx.maxArrayLength = Infinity;
    if (ctx.maxStringLength === null) ctx.maxStringLength = Infinity;
    return formatValue(ctx, value, 0);
  }
  inspect.custom = customInspectSymbol;

  ObjectDefineProperty(inspect, 'defaultOptions', {
    get() {
      return inspectDefaultOptions;
    },
    set(options) {
      validateObject(options, 'options', false);
      return ObjectAssign(inspectDefaultOptions, options);
    },
    enumerable: false,
    configurable: true,
  });

  // SGR codes as [on, off], and the style each kind of token takes when `colors` is set.
  inspect.colors = ObjectAssign({ __proto__: null }, {
    reset: [0, 0], bold: [1, 22], dim: [2, 22], italic: [3, 23], underline: [4, 24],
    blink: [5, 25], inverse: [7, 27], hidden: [8, 28], strikethrough: [9, 29],
    doubleunderline: [21, 24], black: [30, 39], red: [31, 39], green: [32, 39],
    yellow: [33, 39], blue: [34, 39], magenta: [35, 39], cyan: [36, 39], white: [37, 39],
    bgBlack: [40, 49], bgRed: [41, 49], bgGreen: [42, 49], bgYellow: [43, 49], bgBlue: [44, 49],
    bgMagenta: [45, 49], bgCyan: [46, 49], bgWhite: [47, 49], framed: [51, 54],
    overlined: [53, 55], gray: [90, 39], redBright: [91, 39], greenBright: [92, 39],
    yellowBright: [93, 39], blueBright: [94, 39], magentaBright: [95, 39], cyanBright: [96, 39],
    whiteBright: [97, 39], bgGray: [100, 49], bgRedBright: [101, 49], bgGreenBright: [102, 49],
    bgYellowBright: [103, 49], bgBlueBright: [104, 49], bgMagentaBright: [105, 49],
    bgCyanBright: [106, 49], bgWhiteBright: [107, 49],
  });
  for (const [alias, target] of [
    ['grey', 'gray'], ['blackBright', 'gray'], ['bgGrey', 'bgGray'], ['bgBlackBright', 'bgGray'],
    ['faint', 'dim'], ['crossedout', 'strikethrough'], ['strikeThrough', 'strikethrough'],
    ['crossedOut', 'strikethrough'], ['conceal', 'hidden'], ['swapColors', 'inverse'],
    ['swapcolors', 'inverse'], ['doubleUnderline', 'doubleunderline'],
  ]) {
    ObjectDefineProperty(inspect.colors, alias, {
      get() {
        return this[target];
      },
      set(value) {
        this[target] = value;
      },
      configurable: true,
      enumerable: false,
    });
  }
  inspect.styles = ObjectAssign({ __proto__: null }, {
    special: 'cyan', number: 'yellow', bigint: 'yellow', boolean: 'yellow', undefined: 'grey',
    null: 'bold', string: 'green', symbol: 'green', date: 'magenta', regexp: 'red', module: 'underline',
  });

  function formatValue(ctx, value, recurseTimes, typedArray) {
    if (typeof value !== 'object' && typeof value !== 'function') return formatPrimitive(ctx.stylize, value, ctx);
    if (value === null) return ctx.stylize('null', 'null');

    // The proxy itself is never touched: its target is shown instead.
    const context = value;
    let proxied = false;
    if (nativeIsProxy !== null && nativeIsProxy(value) === true) {
      const target = isRevoked(value) ? null : proxyTarget(value);
      if (target === null || target === undefined) return ctx.stylize('<Revoked Proxy>', 'special');
      value = target;
      proxied = true;
    }

    if (ctx.customInspect) {
      const maybeCustom = value[customInspectSymbol];
      if (typeof maybeCustom === 'function' && maybeCustom !== inspect &&
          !(value.constructor && value.constructor.prototype === value)) {
        const depth = ctx.depth === null ? null : ctx.depth - recurseTimes;
        const isCrossContext = proxied || !(context instanceof Object);
        const ret = maybeCustom.call(context, depth, getUserOptions(ctx, isCrossContext), inspect);
        if (ret !== context) {
          if (typeof ret !== 'string') return formatValue(ctx, ret, recurseTimes);
          return ret.replaceAll('\n', '\n' + ' '.repeat(ctx.indentationLvl));
        }
      }
    }

    if (ctx.seen.indexOf(value) !== -1) {
      let index = 1;
      if (ctx.circular === undefined) {
        ctx.circular = new NativeMap();
        ctx.circular.set(value, index);
      } else {
        index = ctx.circular.get(value);
        if (index === undefined) {
          index = ctx.circular.size + 1;
          ctx.circular.set(value, index);
        }
      }
      return ctx.stylize('[Circular *' + index + ']', 'special');
    }

    return formatRaw(ctx, value, recurseTimes, typedArray);
  }

  function isInstanceof(object, ctor) {
    try {
      return object instanceof ctor;
    } catch {
      return false;
    }
  }

  // The name of the nearest constructor in the chain that `obj` is an instance of, or
  // null for a chain without one that ends in null.
  function getConstructorName(obj, ctx, recurseTimes, protoProps) {
    let firstProto;
    const tmp = obj;
    while (obj) {
      if (obj === ObjectPrototype || obj === FunctionPrototype) {
        const ctor = obj === ObjectPrototype ? Object : Function;
        if (functionHasInstance.call(ctor, tmp)) {
          if (protoProps !== undefined && firstProto !== obj) {
            addPrototypeProperties(ctx, tmp, firstProto || tmp, recurseTimes, protoProps);
          }
          return ctor === Object ? 'Object' : 'Function';
        }
      }
      const descriptor = ObjectGetOwnPropertyDescriptor(obj, 'constructor');
      if (descriptor !== undefined && typeof descriptor.value === 'function' &&
          descriptor.value.name !== '' && isInstanceof(tmp, descriptor.value)) {
        if (protoProps !== undefined && (firstProto !== obj || !builtInObjects.has(descriptor.value.name))) {
          addPrototypeProperties(ctx, tmp, firstProto || tmp, recurseTimes, protoProps);
        }
        return String(descriptor.value.name);
      }
      obj = ObjectGetPrototypeOf(obj);
      if (firstProto === undefined) firstProto = obj;
    }
    if (firstProto === null) return null;
    const res = internalConstructorName(tmp);
    if (recurseTimes > ctx.depth && ctx.depth !== null) return res + ' <Complex prototype>';
    const protoConstr = getConstructorName(firstProto, ctx, recurseTimes + 1, protoProps);
    if (protoConstr === null) {
      const shown = inspect(firstProto, ObjectAssign({}, ctx, { customInspect: false, depth: -1 }));
      return res + ' <' + shown + '>';
    }
    return res + ' <' + protoConstr + '>';
  }

  // The engine's own class name for an object (V8 knows the function that built it; this
  // reads the built-in tag instead).
  function internalConstructorName(value) {
    const tag = objectToString.call(value);
    return tag.slice(8, -1);
  }

  // Prototype properties that are not functions, for `showHidden` (up to three levels).
  function addPrototypeProperties(ctx, main, obj, recurseTimes, output) {
    let depth = 0;
    let keys;
    let keySet;
    do {
      if (depth !== 0 || main === obj) {
        obj = ObjectGetPrototypeOf(obj);
        if (obj === null) return;
        const descriptor = ObjectGetOwnPropertyDescriptor(obj, 'constructor');
        if (descriptor !== undefined && typeof descriptor.value === 'function' &&
            builtInObjects.has(descriptor.value.name)) {
          return;
        }
      }
      if (depth === 0) {
        keySet = new NativeSet();
      } else {
        for (const key of keys) keySet.add(key);
      }
      keys = ReflectOwnKeys(obj);
      ctx.seen.push(main);
      for (const key of keys) {
        if (key === 'constructor' || hasOwnProperty.call(main, key) || (depth !== 0 && keySet.has(key))) continue;
        const desc = ObjectGetOwnPropertyDescriptor(obj, key);
        if (typeof desc.value === 'function') continue;
        const shown = formatProperty(ctx, obj, recurseTimes, key, kObjectType, desc, main);
        output.push(ctx.colors ? '\u001b[2m' + shown + '\u001b[22m' : shown);
      }
      ctx.seen.pop();
    } while (++depth !== 3);
  }

  function getPrefix(constructor, tag, fallback, size) {
    if (size === undefined) size = '';
    if (constructor === null) {
      if (tag !== '' && fallback !== tag) return '[' + fallback + size + ': null prototype] [' + tag + '] ';
      return '[' + fallback + size + ': null prototype] ';
    }
    if (tag !== '' && constructor !== tag) return constructor + size + ' [' + tag + '] ';
    return constructor + size + ' ';
  }

  function getCtxStyle(value, constructor, tag) {
    let fallback = '';
    if (constructor === null) {
      fallback = internalConstructorName(value);
      if (fallback === tag) fallback = 'Object';
    }
    return getPrefix(constructor, tag, fallback);
  }

  // Own keys: enumerable strings and symbols, or all of them with `showHidden`.
  function getKeys(value, showHidden) {
    let keys;
    const symbols = ObjectGetOwnPropertySymbols(value);
    if (showHidden) {
      keys = ObjectGetOwnPropertyNames(value);
      for (let i = 0; i < symbols.length; i++) keys.push(symbols[i]);
    } else {
      try {
        keys = ObjectKeys(value);
      } catch {
        keys = ObjectGetOwnPropertyNames(value);
      }
      for (let i = 0; i < symbols.length; i++) {
        if (propertyIsEnumerable.call(value, symbols[i])) keys.push(symbols[i]);
      }
    }
    return keys;
  }

  function isIndexKey(key) {
    const length = key.length;
    if (length === 0 || length > 10) return false;
    const first = key.charCodeAt(0);
    if (first < 48 || first > 57 || (first === 48 && length > 1)) return false;
    for (let i = 1; i < length; i++) {
      const c = key.charCodeAt(i);
      if (c < 48 || c > 57) return false;
    }
    return +key < 4294967295;
  }

  // Own keys of an array or typed array that are not indices.
  function getOwnNonIndexProperties(value, showHidden) {
    const names = showHidden ? ObjectGetOwnPropertyNames(value) : ObjectKeys(value);
    const keys = [];
    // Indices come first, in order; every key after the last index is a name.
    let start = names.length;
    while (start > 0 && !isIndexKey(names[start - 1])) start--;
    for (let i = start; i < names.length; i++) keys.push(names[i]);
    const symbols = ObjectGetOwnPropertySymbols(value);
    for (let i = 0; i < symbols.length; i++) {
      if (showHidden || propertyIsEnumerable.call(value, symbols[i])) keys.push(symbols[i]);
    }
    return keys;
  }

  const getEmptyFormatArray = () => [];

  function formatRaw(ctx, value, recurseTimes, typedArray) {
    let keys;
    let protoProps;
    if (ctx.showHidden && (recurseTimes <= ctx.depth || ctx.depth === null)) protoProps = [];

    const constructor = getConstructorName(value, ctx, recurseTimes, protoProps);
    if (protoProps !== undefined && protoProps.length === 0) protoProps = undefined;

    let tag = value[SymbolToStringTag];
    if (typeof tag !== 'string' ||
        (tag !== '' && (ctx.showHidden ? hasOwnProperty : propertyIsEnumerable).call(value, SymbolToStringTag))) {
      tag = '';
    }
    let base = '';
    let formatter = getEmptyFormatArray;
    let braces;
    let noIterator = true;
    let extrasType = kObjectType;
    const isFunction = typeof value === 'function';
    const isArray = ArrayIsArray(value);
    let kind = '';
    if (!isArray && !isFunction && (constructor !== 'Object' || tag !== '')) kind = kindOf(value);

    if (SymbolIterator in value || constructor === null) {
      noIterator = false;
      if (isArray) {
        const prefix = constructor !== 'Array' || tag !== ''
          ? getPrefix(constructor, tag, 'Array', '(' + value.length + ')')
          : '';
        keys = getOwnNonIndexProperties(value, ctx.showHidden);
        braces = [prefix + '[', ']'];
        if (value.length === 0 && keys.length === 0 && protoProps === undefined) return braces[0] + ']';
        extrasType = kArrayExtrasType;
        formatter = formatArray;
      } else if (kind === 'set') {
        const size = setSize.call(value);
        const prefix = getPrefix(constructor, tag, 'Set', '(' + size + ')');
        keys = getKeys(value, ctx.showHidden);
        const source = constructor !== null ? value : setValues.call(value);
        formatter = (c, v, r) => formatSet(source, size, c, r);
        if (size === 0 && keys.length === 0 && protoProps === undefined) return prefix + '{}';
        braces = [prefix + '{', '}'];
      } else if (kind === 'map') {
        const size = mapSize.call(value);
        const prefix = getPrefix(constructor, tag, 'Map', '(' + size + ')');
        keys = getKeys(value, ctx.showHidden);
        const source = constructor !== null ? value : mapEntries.call(value);
        formatter = (c, v, r) => formatMap(source, size, c, r);
        if (size === 0 && keys.length === 0 && protoProps === undefined) return prefix + '{}';
        braces = [prefix + '{', '}'];
      } else if (kind === 'typedarray') {
        keys = getOwnNonIndexProperties(value, ctx.showHidden);
        let bound = value;
        let fallback = '';
        if (constructor === null) {
          fallback = typedArrayTag.call(value);
          bound = new typedArrayConstructors[fallback](value);
        }
        const size = typedArrayLength.call(value);
        const prefix = getPrefix(constructor, tag, fallback, '(' + size + ')');
        braces = [prefix + '[', ']'];
        if (value.length === 0 && keys.length === 0 && !ctx.showHidden) return braces[0] + ']';
        formatter = (c, v, r) => formatTypedArray(bound, size, c, r);
        extrasType = kArrayExtrasType;
      } else if (kind === 'mapiterator' || kind === 'setiterator') {
        keys = getKeys(value, ctx.showHidden);
        braces = getIteratorBraces(kind === 'mapiterator' ? 'Map' : 'Set', tag);
        formatter = formatWeakCollection;
      } else {
        noIterator = true;
      }
    }
    if (noIterator) {
      keys = getKeys(value, ctx.showHidden);
      braces = ['{', '}'];
      if (isFunction) {
        base = getFunctionBase(value, constructor, tag);
        if (keys.length === 0 && protoProps === undefined) return ctx.stylize(base, 'special');
      } else if (constructor === 'Object') {
        if (objectToString.call(value) === '[object Arguments]' && typeof value[SymbolToStringTag] !== 'string') {
          braces[0] = '[Arguments] {';
        } else if (tag !== '') {
          braces[0] = getPrefix(constructor, tag, 'Object') + '{';
        }
        if (keys.length === 0 && protoProps === undefined) return braces[0] + '}';
      } else if (kind === 'regexp') {
        base = regexpToString.call(constructor !== null ? value : new NativeRegExp(value));
        const prefix = getPrefix(constructor, tag, 'RegExp');
        if (prefix !== 'RegExp ') base = prefix + base;
        if ((keys.length === 0 && protoProps === undefined) || (recurseTimes > ctx.depth && ctx.depth !== null)) {
          return ctx.stylize(base, 'regexp');
        }
      } else if (kind === 'date') {
        const time = dateGetTime.call(value);
        base = time !== time ? dateToString.call(value) : dateToISOString.call(value);
        const prefix = getPrefix(constructor, tag, 'Date');
        if (prefix !== 'Date ') base = prefix + base;
        if (keys.length === 0 && protoProps === undefined) return ctx.stylize(base, 'date');
      } else if (kind === 'error') {
        base = formatError(value, constructor, tag, ctx, keys);
        if (keys.length === 0 && protoProps === undefined) return base;
      } else if (kind === 'arraybuffer' || kind === 'sharedarraybuffer') {
        const prefix = getPrefix(constructor, tag, kind === 'arraybuffer' ? 'ArrayBuffer' : 'SharedArrayBuffer');
        if (typedArray === undefined) {
          formatter = formatArrayBuffer;
        } else if (keys.length === 0 && protoProps === undefined) {
          return prefix + '{ byteLength: ' + formatNumber(ctx.stylize, value.byteLength, false) + ' }';
        }
        braces[0] = prefix + '{';
        keys.unshift('byteLength');
      } else if (kind === 'dataview') {
        braces[0] = getPrefix(constructor, tag, 'DataView') + '{';
        keys.unshift('byteLength', 'byteOffset', 'buffer');
      } else if (kind === 'promise') {
        braces[0] = getPrefix(constructor, tag, 'Promise') + '{';
        formatter = formatPromise;
      } else if (kind === 'weakset') {
        braces[0] = getPrefix(constructor, tag, 'WeakSet') + '{';
        formatter = formatWeakCollection;
      } else if (kind === 'weakmap') {
        braces[0] = getPrefix(constructor, tag, 'WeakMap') + '{';
        formatter = formatWeakCollection;
      } else if (constructor === null && isModuleNamespaceObject(value)) {
        braces[0] = getPrefix(constructor, tag, 'Module') + '{';
        const names = keys;
        formatter = (c, v, r) => formatNamespaceObject(names, c, v, r);
      } else if (kind === 'number' || kind === 'string' || kind === 'boolean' || kind === 'bigint' ||
                 kind === 'symbol') {
        base = getBoxedBase(value, ctx, keys, constructor, tag, kind);
        if (keys.length === 0 && protoProps === undefined) return base;
      } else if (isURL(value) && !(recurseTimes > ctx.depth && ctx.depth !== null)) {
        base = value.href;
        if (keys.length === 0 && protoProps === undefined) return base;
      } else {
        if (keys.length === 0 && protoProps === undefined) return getCtxStyle(value, constructor, tag) + '{}';
        braces[0] = getCtxStyle(value, constructor, tag) + '{';
      }
    }

    if (recurseTimes > ctx.depth && ctx.depth !== null) {
      let constructorName = getCtxStyle(value, constructor, tag).slice(0, -1);
      if (constructor !== null) constructorName = '[' + constructorName + ']';
      return ctx.stylize(constructorName, 'special');
    }
    recurseTimes += 1;

    ctx.seen.push(value);
    ctx.currentDepth = recurseTimes;
    let output;
    const indentationLvl = ctx.indentationLvl;
    try {
      output = formatter(ctx, value, recurseTimes);
      for (let i = 0; i < keys.length; i++) {
        output.push(formatProperty(ctx, value, recurseTimes, keys[i], extrasType));
      }
      if (protoProps !== undefined) {
        for (let i = 0; i < protoProps.length; i++) output.push(protoProps[i]);
      }
    } catch (err) {
      if (!isStackOverflowError(err)) throw err;
      ctx.seen.pop();
      ctx.indentationLvl = indentationLvl;
      return ctx.stylize(
        '[' + getCtxStyle(value, constructor, tag).slice(0, -1) +
          ': Inspection interrupted prematurely. Maximum call stack size exceeded.]',
        'special',
      );
    }
    if (ctx.circular !== undefined) {
      const index = ctx.circular.get(value);
      if (index !== undefined) {
        const reference = ctx.stylize('<ref *' + index + '>', 'special');
        if (ctx.compact !== true) {
          base = base === '' ? reference : reference + ' ' + base;
        } else {
          braces[0] = reference + ' ' + braces[0];
        }
      }
    }
    ctx.seen.pop();

    if (ctx.sorted) {
      const comparator = ctx.sorted === true ? undefined : ctx.sorted;
      if (extrasType === kObjectType) {
        output.sort(comparator);
      } else if (keys.length > 1) {
        const sorted = output.slice(output.length - keys.length).sort(comparator);
        output.splice(output.length - keys.length, keys.length, ...sorted);
      }
    }

    const res = reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value);
    const budget = ctx.budget[ctx.indentationLvl] || 0;
    const newLength = budget + res.length;
    ctx.budget[ctx.indentationLvl] = newLength;
    if (newLength > 2 ** 27) ctx.depth = -1;
    return res;
  }

  function isStackOverflowError(err) {
    return err instanceof RangeError && err.message === 'Maximum call stack size exceeded' ||
      (typeof InternalError === 'function' && err instanceof InternalError && /stack overflow/.test(err.message));
  }

  function isURL(value) {
    const URLClass = globalThis.URL;
    return typeof URLClass === 'function' && typeof value.href === 'string' && isInstanceof(value, URLClass);
  }

  function getIteratorBraces(type, tag) {
    if (tag !== type + ' Iterator') {
      if (tag !== '') tag += '] [';
      tag += type + ' Iterator';
    }
    return ['[' + tag + '] {', '}'];
  }

  function getBoxedBase(value, ctx, keys, constructor, tag, kind) {
    let primitive;
    let typeName;
    switch (kind) {
      case 'number':
        primitive = numberValueOf.call(value);
        typeName = 'Number';
        break;
      case 'string':
        primitive = stringValueOf.call(value);
        typeName = 'String';
        // The indices are the string itself.
        keys.splice(0, primitive.length);
        break;
      case 'boolean':
        primitive = booleanValueOf.call(value);
        typeName = 'Boolean';
        break;
      case 'bigint':
        primitive = bigintValueOf.call(value);
        typeName = 'BigInt';
        break;
      default:
        primitive = symbolValueOf.call(value);
        typeName = 'Symbol';
    }
    let base = '[' + typeName;
    if (typeName !== constructor) base += constructor === null ? ' (null prototype)' : ' (' + constructor + ')';
    base += ': ' + formatPrimitive(stylizeNoColor, primitive, ctx) + ']';
    if (tag !== '' && tag !== constructor) base += ' [' + tag + ']';
    if (keys.length !== 0 || ctx.stylize === stylizeNoColor) return base;
    return ctx.stylize(base, typeName.toLowerCase());
  }

  // Whether `fn` is a class: by its source when the engine keeps it, else (QuickJS keeps
  // none) by its `prototype`, which only classes and built-in constructors make read-only.
  function isClass(fn) {
    let source;
    try {
      source = functionToString.call(fn);
    } catch {
      return false;
    }
    if (source.startsWith('class') && source[source.length - 1] === '}') {
      const slice = source.slice(5, -1);
      const bracketIndex = slice.indexOf('{');
      if (bracketIndex !== -1 &&
          (slice.slice(0, bracketIndex).indexOf('(') === -1 ||
            /^(\s+[^(]*?)\s*{/.test(slice.replace(/(\/\/.*?\n)|(\/\*(.|\n)*?\*\/)/g, '')))) {
        return true;
      }
      return false;
    }
    if (source.indexOf('[native code]') === -1) return false;
    const desc = ObjectGetOwnPropertyDescriptor(fn, 'prototype');
    return desc !== undefined && desc.writable === false && 'value' in desc && !builtInFunctions.has(fn);
  }

  function getClassBase(value, constructor, tag) {
    const hasName = hasOwnProperty.call(value, 'name');
    const name = (hasName && value.name) || '(anonymous)';
    let base = 'class ' + name;
    if (constructor !== 'Function' && constructor !== null) base += ' [' + constructor + ']';
    if (tag !== '' && constructor !== tag) base += ' [' + tag + ']';
    if (constructor !== null) {
      const superName = ObjectGetPrototypeOf(value).name;
      if (superName) base += ' extends ' + superName;
    } else {
      base += ' extends [null prototype]';
    }
    return '[' + base + ']';
  }

  function getFunctionBase(value, constructor, tag) {
    if (isClass(value)) return getClassBase(value, constructor, tag);
    let kindName = 'Function';
    if (isGeneratorFunction(value)) kindName = 'Generator' + kindName;
    if (isAsyncFunction(value)) kindName = 'Async' + kindName;
    let base = '[' + kindName;
    if (constructor === null) base += ' (null prototype)';
    if (value.name === '') base += ' (anonymous)';
    else base += ': ' + value.name;
    base += ']';
    if (constructor !== kindName && constructor !== null) base += ' ' + constructor;
    if (tag !== '' && constructor !== tag) base += ' [' + tag + ']';
    return base;
  }

  // ---------------------------------------------------------------------------------
  // Errors.

  // The stack as V8 gives it: QuickJS's holds only frames, so the `name: message`
  // header (what `Error.prototype.toString` gives) goes back in front of them.
  function getStackString(error) {
    const stack = error.stack;
    if (stack) {
      let text = String(stack);
      if (text.startsWith('    at ')) {
        if (text[text.length - 1] === '\n') text = text.slice(0, -1);
        text = stackHeader(error) + '\n' + text;
      }
      return text;
    }
    return errorToString.call(error);
  }

  // V8 writes `name: message` (`Error.prototype.toString`); Node's coded errors are
  // named `Name [CODE]` then, which their own `toString` (from `internal/errors`) gives.
  function stackHeader(error) {
    try {
      const own = ObjectGetOwnPropertyDescriptor(error, 'toString');
      if (own !== undefined && !own.enumerable && typeof own.value === 'function' &&
          typeof error.code === 'string' && error.code.startsWith('ERR_')) {
        return String(own.value.call(error));
      }
      return errorToString.call(error);
    } catch {
      return 'Error';
    }
  }

  // Where `b` repeats a run of more than three lines of `a`.
  function identicalSequenceRange(a, b) {
    for (let i = 0; i < a.length - 3; i++) {
      const pos = b.indexOf(a[i]);
      if (pos !== -1) {
        const rest = b.length - pos;
        if (rest > 3) {
          let len = 1;
          const maxLen = MathMin(a.length - i, rest);
          while (maxLen > len && a[i + len] === b[pos + len]) len++;
          if (len > 3) return { len, offset: i };
        }
      }
    }
    return { len: 0, offset: 0 };
  }

  function getStackFrames(ctx, err, stack) {
    const frames = stack.split('\n');
    let cause;
    try {
      cause = err.cause;
    } catch {
      // A throwing getter shows nothing.
    }
    if (cause != null && isError(cause)) {
      const causeStack = getStackString(cause);
      const causeStackStart = causeStack.indexOf('\n    at');
      if (causeStackStart !== -1) {
        const causeFrames = causeStack.slice(causeStackStart + 1).split('\n');
        const { len, offset } = identicalSequenceRange(frames, causeFrames);
        if (len > 0) {
          const skipped = len - 2;
          const msg = '    ... ' + skipped + ' lines matching cause stack trace ...';
          frames.splice(offset + 1, skipped, ctx.stylize(msg, 'undefined'));
        }
      }
    }
    return frames;
  }

  // Puts the constructor's name in front when the stack names another (`[name]` then).
  function improveStack(stack, constructor, name, tag) {
    let len = name.length;
    if (constructor === null ||
        (name.endsWith('Error') && stack.startsWith(name) &&
          (stack.length === len || stack[len] === ':' || stack[len] === '\n'))) {
      let fallback = 'Error';
      if (constructor === null) {
        const start = /^([A-Z][a-z_ A-Z0-9[\]()-]+)(?::|\n {4}at)/.exec(stack) ||
          /^([a-z_A-Z0-9-]*Error)$/.exec(stack);
        fallback = (start && start[1]) || '';
        len = fallback.length;
        fallback = fallback || 'Error';
      }
      const prefix = getPrefix(constructor, tag, fallback).slice(0, -1);
      if (name !== prefix) {
        if (prefix.includes(name)) {
          stack = len === 0 ? prefix + ': ' + stack : prefix + stack.slice(len);
        } else {
          stack = prefix + ' [' + name + ']' + stack.slice(len);
        }
      }
    }
    return stack;
  }

  function removeDuplicateErrorKeys(ctx, keys, err, stack) {
    if (!ctx.showHidden && keys.length !== 0) {
      for (const name of ['name', 'message', 'stack']) {
        const index = keys.indexOf(name);
        if (index !== -1 && stack.includes(err[name])) keys.splice(index, 1);
      }
    }
  }

  function formatError(err, constructor, tag, ctx, keys) {
    const name = err.name != null ? String(err.name) : 'Error';
    let stack = getStackString(err);
    removeDuplicateErrorKeys(ctx, keys, err, stack);
    if ('cause' in err && (keys.length === 0 || !keys.includes('cause'))) keys.push('cause');
    if (ArrayIsArray(err.errors) && (keys.length === 0 || !keys.includes('errors'))) keys.push('errors');
    stack = improveStack(stack, constructor, name, tag);

    // The frames start after the message (which may hold lines of its own).
    let pos = (err.message && stack.indexOf(err.message)) || -1;
    if (pos !== -1) pos += err.message.length;
    const stackStart = stack.indexOf('\n    at', pos);
    if (stackStart === -1) {
      stack = '[' + stack + ']';
    } else {
      let newStack = stack.slice(0, stackStart);
      const lines = getStackFrames(ctx, err, stack.slice(stackStart + 1));
      if (ctx.colors) {
        for (const line of lines) {
          const core = /^ {4}at (?:[^/\\(]+ \(|)node:(.+):\d+:\d+\)?$/.test(line);
          newStack += '\n' + (core ? ctx.stylize(line, 'undefined') : line);
        }
      } else {
        newStack += '\n' + lines.join('\n');
      }
      stack = newStack;
    }
    if (ctx.indentationLvl !== 0) {
      stack = stack.replaceAll('\n', '\n' + ' '.repeat(ctx.indentationLvl));
    }
    return stack;
  }

  // ---------------------------------------------------------------------------------
  // Entries.

  const remainingText = (remaining) => '... ' + remaining + ' more item' + (remaining > 1 ? 's' : '');

  function formatNamespaceObject(keys, ctx, value, recurseTimes) {
    const output = new Array(keys.length);
    for (let i = 0; i < keys.length; i++) {
      try {
        output[i] = formatProperty(ctx, value, recurseTimes, keys[i], kObjectType);
      } catch (err) {
        if (!(err instanceof ReferenceError)) throw err;
        const tmp = { [keys[i]]: '' };
        output[i] = formatProperty(ctx, tmp, recurseTimes, keys[i], kObjectType);
        const pos = output[i].lastIndexOf(' ');
        output[i] = output[i].slice(0, pos + 1) + ctx.stylize('<uninitialized>', 'special');
      }
    }
    keys.length = 0;
    return output;
  }

  // A sparse array, from its first hole on.
  function formatSpecialArray(ctx, value, recurseTimes, maxLength, output, i) {
    const keys = ObjectKeys(value);
    let index = i;
    for (; i < keys.length && output.length < maxLength; i++) {
      const key = keys[i];
      const tmp = +key;
      if (tmp > 2 ** 32 - 2) break;
      if ('' + index !== key) {
        if (!isCanonicalIndex(key)) break;
        const emptyItems = tmp - index;
        output.push(ctx.stylize('<' + emptyItems + ' empty item' + (emptyItems > 1 ? 's' : '') + '>', 'undefined'));
        index = tmp;
        if (output.length === maxLength) break;
      }
      output.push(formatProperty(ctx, value, recurseTimes, key, kArrayType));
      index++;
    }
    const remaining = value.length - index;
    if (output.length !== maxLength) {
      if (remaining > 0) {
        output.push(ctx.stylize('<' + remaining + ' empty item' + (remaining > 1 ? 's' : '') + '>', 'undefined'));
      }
    } else if (remaining > 0) {
      output.push(remainingText(remaining));
    }
    return output;
  }

  function isCanonicalIndex(key) {
    if (key.length === 0) return false;
    const first = key.charCodeAt(0);
    if (first < 48 || first > 57 || (first === 48 && key.length > 1)) return false;
    for (let i = 1; i < key.length; i++) {
      const c = key.charCodeAt(i);
      if (c < 48 || c > 57) return false;
    }
    return true;
  }

  const HEX = '0123456789abcdef';
  function formatArrayBuffer(ctx, value) {
    let bytes;
    try {
      bytes = new NativeUint8Array(value);
    } catch {
      return [ctx.stylize('(detached)', 'special')];
    }
    const shown = MathMin(ctx.maxArrayLength, bytes.length);
    let str = '';
    for (let i = 0; i < shown; i++) {
      const byte = bytes[i];
      str += (i === 0 ? '' : ' ') + HEX[byte >> 4] + HEX[byte & 15];
    }
    const remaining = bytes.length - ctx.maxArrayLength;
    if (remaining > 0) str += ' ... ' + remaining + ' more byte' + (remaining > 1 ? 's' : '');
    return [ctx.stylize('[Uint8Contents]', 'special') + ': <' + str + '>'];
  }

  function formatArray(ctx, value, recurseTimes) {
    const valLen = value.length;
    const len = MathMin(MathMax(0, ctx.maxArrayLength), valLen);
    const remaining = valLen - len;
    const output = [];
    for (let i = 0; i < len; i++) {
      if (!hasOwnProperty.call(value, i)) return formatSpecialArray(ctx, value, recurseTimes, len, output, i);
      output.push(formatProperty(ctx, value, recurseTimes, i, kArrayType));
    }
    if (remaining > 0) output.push(remainingText(remaining));
    return output;
  }

  function formatTypedArray(value, length, ctx, recurseTimes) {
    const maxLength = MathMin(MathMax(0, ctx.maxArrayLength), length);
    const remaining = value.length - maxLength;
    const output = new Array(maxLength);
    const isNumbers = value.length > 0 && typeof value[0] === 'number';
    for (let i = 0; i < maxLength; ++i) {
      output[i] = isNumbers
        ? formatNumber(ctx.stylize, value[i], ctx.numericSeparator)
        : formatBigInt(ctx.stylize, value[i], ctx.numericSeparator);
    }
    if (remaining > 0) output[maxLength] = remainingText(remaining);
    if (ctx.showHidden) {
      ctx.indentationLvl += 2;
      for (const key of ['BYTES_PER_ELEMENT', 'length', 'byteLength', 'byteOffset', 'buffer']) {
        const str = formatValue(ctx, value[key], recurseTimes, true);
        output.push('[' + key + ']: ' + str);
      }
      ctx.indentationLvl -= 2;
    }
    return output;
  }

  function formatSet(source, length, ctx, recurseTimes) {
    const maxLength = MathMin(MathMax(0, ctx.maxArrayLength), length);
    const remaining = length - maxLength;
    const output = [];
    ctx.indentationLvl += 2;
    let i = 0;
    for (const v of source) {
      if (i >= maxLength) break;
      output.push(formatValue(ctx, v, recurseTimes));
      i++;
    }
    if (remaining > 0) output.push(remainingText(remaining));
    ctx.indentationLvl -= 2;
    return output;
  }

  function formatMap(source, length, ctx, recurseTimes) {
    const maxLength = MathMin(MathMax(0, ctx.maxArrayLength), length);
    const remaining = length - maxLength;
    const output = [];
    ctx.indentationLvl += 2;
    let i = 0;
    for (const entry of source) {
      if (i >= maxLength) break;
      output.push(formatValue(ctx, entry[0], recurseTimes) + ' => ' + formatValue(ctx, entry[1], recurseTimes));
      i++;
    }
    if (remaining > 0) output.push(remainingText(remaining));
    ctx.indentationLvl -= 2;
    return output;
  }

  function formatWeakCollection(ctx) {
    return [ctx.stylize('<items unknown>', 'special')];
  }

  function formatPromise(ctx, value, recurseTimes) {
    const state = promiseState(value);
    if (state === 0 || nativePromiseResult === null) return [ctx.stylize('<pending>', 'special')];
    ctx.indentationLvl += 2;
    const str = formatValue(ctx, nativePromiseResult(value), recurseTimes);
    ctx.indentationLvl -= 2;
    return [state === 2 ? ctx.stylize('<rejected>', 'special') + ' ' + str : str];
  }

  const keyStrRegExp = /^[a-zA-Z_][a-zA-Z_0-9]*$/;

  function formatProperty(ctx, value, recurseTimes, key, type, desc, original) {
    if (original === undefined) original = value;
    let name;
    let str;
    let extra = ' ';
    desc = desc || ObjectGetOwnPropertyDescriptor(value, key) || { value: value[key], enumerable: true };
    if (desc.value !== undefined) {
      const diff = ctx.compact !== true || type !== kObjectType ? 2 : 3;
      ctx.indentationLvl += diff;
      str = formatValue(ctx, desc.value, recurseTimes);
      if (diff === 3 && ctx.breakLength < getStringWidth(str, ctx.colors)) {
        extra = '\n' + ' '.repeat(ctx.indentationLvl);
      }
      ctx.indentationLvl -= diff;
    } else if (desc.get !== undefined) {
      const label = desc.set !== undefined ? 'Getter/Setter' : 'Getter';
      const s = ctx.stylize;
      const sp = 'special';
      if (ctx.getters && (ctx.getters === true ||
            (ctx.getters === 'get' && desc.set === undefined) ||
            (ctx.getters === 'set' && desc.set !== undefined))) {
        try {
          const tmp = desc.get.call(original);
          ctx.indentationLvl += 2;
          if (tmp === null) {
            str = s('[' + label + ':', sp) + ' ' + s('null', 'null') + s(']', sp);
          } else if (typeof tmp === 'object') {
            str = s('[' + label + ']', sp) + ' ' + formatValue(ctx, tmp, recurseTimes);
          } else {
            str = s('[' + label + ':', sp) + ' ' + formatPrimitive(s, tmp, ctx) + s(']', sp);
          }
          ctx.indentationLvl -= 2;
        } catch (err) {
          str = s('[' + label + ':', sp) + ' <Inspection threw (' + err.message + ')>' + s(']', sp);
        }
      } else {
        str = ctx.stylize('[' + label + ']', sp);
      }
    } else if (desc.set !== undefined) {
      str = ctx.stylize('[Setter]', 'special');
    } else {
      str = ctx.stylize('undefined', 'undefined');
    }
    if (type === kArrayType) return str;
    if (typeof key === 'symbol') {
      name = '[' + ctx.stylize(escapeKey(symbolToString.call(key)), 'symbol') + ']';
    } else if (key === '__proto__') {
      name = "['__proto__']";
    } else if (desc.enumerable === false) {
      name = '[' + escapeKey(key) + ']';
    } else if (keyStrRegExp.test(key)) {
      name = ctx.stylize(key, 'name');
    } else {
      name = ctx.stylize(strEscape(key), 'string');
    }
    return name + ':' + extra + str;
  }

  // ---------------------------------------------------------------------------------
  // Line breaking.

  // Lines up short array entries in columns (numbers to the right, the rest to the left).
  function groupArrayElements(ctx, output, value) {
    let totalLength = 0;
    let maxLength = 0;
    let i = 0;
    let outputLength = output.length;
    if (ctx.maxArrayLength < output.length) outputLength--; // the "... more items" entry
    const separatorSpace = 2;
    const dataLen = new Array(outputLength);
    for (; i < outputLength; i++) {
      const len = getStringWidth(output[i], ctx.colors);
      dataLen[i] = len;
      totalLength += len + separatorSpace;
      if (maxLength < len) maxLength = len;
    }
    const actualMax = maxLength + separatorSpace;
    if (actualMax * 3 + ctx.indentationLvl < ctx.breakLength &&
        (totalLength / actualMax > 5 || maxLength <= 6)) {
      const averageBias = MathSqrt(actualMax - totalLength / output.length);
      const biasedMax = MathMax(actualMax - 3 - averageBias, 1);
      const columns = MathMin(
        MathRound(MathSqrt(2.5 * biasedMax * outputLength) / biasedMax),
        MathFloor((ctx.breakLength - ctx.indentationLvl) / actualMax),
        ctx.compact * 4,
        15,
      );
      if (columns <= 1) return output;
      const tmp = [];
      const maxLineLength = [];
      for (let c = 0; c < columns; c++) {
        let lineMaxLength = 0;
        for (let j = c; j < output.length; j += columns) {
          if (dataLen[j] > lineMaxLength) lineMaxLength = dataLen[j];
        }
        maxLineLength.push(lineMaxLength + separatorSpace);
      }
      let padStart = true;
      if (value !== undefined) {
        for (let k = 0; k < output.length; k++) {
          if (typeof value[k] !== 'number' && typeof value[k] !== 'bigint') {
            padStart = false;
            break;
          }
        }
      }
      for (let k = 0; k < outputLength; k += columns) {
        const max = MathMin(k + columns, outputLength);
        let str = '';
        let j = k;
        for (; j < max - 1; j++) {
          const padding = maxLineLength[j - k] + output[j].length - dataLen[j];
          str += padStart ? (output[j] + ', ').padStart(padding, ' ') : (output[j] + ', ').padEnd(padding, ' ');
        }
        if (padStart) {
          const padding = maxLineLength[j - k] + output[j].length - dataLen[j] - separatorSpace;
          str += output[j].padStart(padding, ' ');
        } else {
          str += output[j];
        }
        tmp.push(str);
      }
      if (ctx.maxArrayLength < output.length) tmp.push(output[outputLength]);
      output = tmp;
    }
    return output;
  }

  function isBelowBreakLength(ctx, output, start, base) {
    let totalLength = output.length + start;
    if (totalLength + output.length > ctx.breakLength) return false;
    for (let i = 0; i < output.length; i++) {
      totalLength += ctx.colors ? output[i].replace(ansiPattern, '').length : output[i].length;
      if (totalLength > ctx.breakLength) return false;
    }
    return base === '' || base.indexOf('\n') === -1;
  }

  function reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value) {
    if (ctx.compact !== true) {
      if (typeof ctx.compact === 'number' && ctx.compact >= 1) {
        const entries = output.length;
        if (extrasType === kArrayExtrasType && entries > 6) output = groupArrayElements(ctx, output, value);
        // Up to `compact` inner levels share a line when they fit.
        if (ctx.currentDepth - recurseTimes < ctx.compact && entries === output.length) {
          const start = output.length + ctx.indentationLvl + braces[0].length + base.length + 10;
          if (isBelowBreakLength(ctx, output, start, base)) {
            const joinedOutput = output.join(', ');
            if (joinedOutput.indexOf('\n') === -1) {
              return (base ? base + ' ' : '') + braces[0] + ' ' + joinedOutput + ' ' + braces[1];
            }
          }
        }
      }
      const indentation = '\n' + ' '.repeat(ctx.indentationLvl);
      return (base ? base + ' ' : '') + braces[0] + indentation + '  ' +
        output.join(',' + indentation + '  ') + indentation + braces[1];
    }
    if (isBelowBreakLength(ctx, output, 0, base)) {
      return braces[0] + (base ? ' ' + base : '') + ' ' + output.join(', ') + ' ' + braces[1];
    }
    const indentation = ' '.repeat(ctx.indentationLvl);
    const ln = base === '' && braces[0].length === 1 ? ' ' : (base ? ' ' + base : '') + '\n' + indentation + '  ';
    return braces[0] + ln + output.join(',\n' + indentation + '  ') + ' ' + braces[1];
  }

  // ---------------------------------------------------------------------------------
  // format.

  // Whether `%s` should inspect `value` rather than call its own `toString`.
  function hasBuiltInToString(value) {
    if (isProxy(value)) {
      const target = isRevoked(value) ? null : proxyTarget(value);
      if (target === null || target === undefined) return true;
      value = target;
    }
    let checkToString = true;
    let checkToPrimitive = true;
    if (typeof value.toString !== 'function') {
      if (typeof value[SymbolToPrimitive] !== 'function') return true;
      if (hasOwnProperty.call(value, SymbolToPrimitive)) return false;
      checkToString = false;
    } else if (hasOwnProperty.call(value, 'toString')) {
      return false;
    } else if (typeof value[SymbolToPrimitive] !== 'function') {
      checkToPrimitive = false;
    } else if (hasOwnProperty.call(value, SymbolToPrimitive)) {
      return false;
    }
    let pointer = value;
    do {
      pointer = ObjectGetPrototypeOf(pointer);
    } while (!(checkToString && hasOwnProperty.call(pointer, 'toString')) &&
      !(checkToPrimitive && hasOwnProperty.call(pointer, SymbolToPrimitive)));
    const descriptor = ObjectGetOwnPropertyDescriptor(pointer, 'constructor');
    return descriptor !== undefined && typeof descriptor.value === 'function' &&
      builtInObjects.has(descriptor.value.name);
  }

  const firstErrorLine = (error) => String(error.message).split('\n', 1)[0];
  let circularErrorMessage;
  function tryStringify(arg) {
    try {
      return JSONStringify(arg);
    } catch (err) {
      if (!circularErrorMessage) {
        try {
          const a = {};
          a.a = a;
          JSONStringify(a);
        } catch (circularError) {
          circularErrorMessage = firstErrorLine(circularError);
        }
      }
      if (err && err.name === 'TypeError' && firstErrorLine(err) === circularErrorMessage) return '[Circular]';
      throw err;
    }
  }

  function numericSeparatorOf(options) {
    const own = options === undefined || options === null ? undefined : options.numericSeparator;
    return own === undefined || own === null ? inspectDefaultOptions.numericSeparator : own;
  }

  function withOptions(options, extra) {
    return ObjectAssign({}, options, extra);
  }

  function formatWithOptionsInternal(inspectOptions, args) {
    const first = args[0];
    let a = 0;
    let str = '';
    let join = '';

    if (typeof first === 'string') {
      if (args.length === 1) return first;
      let tempStr;
      let lastPos = 0;
      for (let i = 0; i < first.length - 1; i++) {
        if (first.charCodeAt(i) !== 37) continue; // '%'
        const nextChar = first.charCodeAt(++i);
        if (a + 1 !== args.length) {
          switch (nextChar) {
            case 115: { // 's'
              const tempArg = args[++a];
              if (typeof tempArg === 'number') {
                tempStr = formatNumber(stylizeNoColor, tempArg, numericSeparatorOf(inspectOptions));
              } else if (typeof tempArg === 'bigint') {
                tempStr = formatBigInt(stylizeNoColor, tempArg, numericSeparatorOf(inspectOptions));
              } else if (typeof tempArg !== 'object' || tempArg === null || !hasBuiltInToString(tempArg)) {
                tempStr = String(tempArg);
              } else {
                tempStr = inspect(tempArg, withOptions(inspectOptions, { compact: 3, colors: false, depth: 0 }));
              }
              break;
            }
            case 106: // 'j'
              tempStr = tryStringify(args[++a]);
              break;
            case 100: { // 'd'
              const tempNum = args[++a];
              if (typeof tempNum === 'bigint') {
                tempStr = formatBigInt(stylizeNoColor, tempNum, numericSeparatorOf(inspectOptions));
              } else if (typeof tempNum === 'symbol') {
                tempStr = 'NaN';
              } else {
                tempStr = formatNumber(stylizeNoColor, Number(tempNum), numericSeparatorOf(inspectOptions));
              }
              break;
            }
            case 79: // 'O'
              tempStr = inspect(args[++a], inspectOptions);
              break;
            case 111: // 'o'
              tempStr = inspect(
                args[++a],
                withOptions(inspectOptions, { showHidden: true, showProxy: true, depth: 4 }),
              );
              break;
            case 105: { // 'i'
              const tempInteger = args[++a];
              if (typeof tempInteger === 'bigint') {
                tempStr = formatBigInt(stylizeNoColor, tempInteger, numericSeparatorOf(inspectOptions));
              } else if (typeof tempInteger === 'symbol') {
                tempStr = 'NaN';
              } else {
                tempStr = formatNumber(
                  stylizeNoColor, Number.parseInt(tempInteger), numericSeparatorOf(inspectOptions));
              }
              break;
            }
            case 102: { // 'f'
              const tempFloat = args[++a];
              if (typeof tempFloat === 'symbol') {
                tempStr = 'NaN';
              } else {
                tempStr = formatNumber(
                  stylizeNoColor, Number.parseFloat(tempFloat), numericSeparatorOf(inspectOptions));
              }
              break;
            }
            case 99: // 'c'
              a += 1;
              tempStr = '';
              break;
            case 37: // '%'
              str += first.slice(lastPos, i);
              lastPos = i + 1;
              continue;
            default:
              continue;
          }
          if (lastPos !== i - 1) str += first.slice(lastPos, i - 1);
          str += tempStr;
          lastPos = i + 1;
        } else if (nextChar === 37) {
          str += first.slice(lastPos, i);
          lastPos = i + 1;
        }
      }
      if (lastPos !== 0) {
        a++;
        join = ' ';
        if (lastPos < first.length) str += first.slice(lastPos);
      }
    }

    while (a < args.length) {
      const value = args[a];
      str += join;
      str += typeof value !== 'string' ? inspect(value, inspectOptions) : value;
      join = ' ';
      a++;
    }
    return str;
  }

  function format(...args) {
    return formatWithOptionsInternal(undefined, args);
  }

  function formatWithOptions(inspectOptions, ...args) {
    validateObject(inspectOptions, 'inspectOptions', true);
    return formatWithOptionsInternal(inspectOptions, args);
  }

  module.exports = {
    inspect,
    format,
    formatWithOptions,
    inspectDefaultOptions,
    stripVTControlCharacters,
    getStringWidth,
    identicalSequenceRange,
    types,
    isError,
    isIndexKey,
  };
})
