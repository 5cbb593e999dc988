// Node's deep equality: `isDeepStrictEqual` (`util.isDeepStrictEqual`,
// `assert.deepStrictEqual`) and `isDeepEqual` (`assert.deepEqual`'s loose rules: `==`
// for primitives, prototypes ignored). Both compare own enumerable keys, Map and Set
// contents (in any order), Dates, RegExps, boxed primitives, typed arrays and buffers
// byte by byte, errors' name and message (never the stack), and survive cycles.
(function (module, require) {
  'use strict';

  const ObjectGetPrototypeOf = Object.getPrototypeOf;
  const ObjectGetOwnPropertySymbols = Object.getOwnPropertySymbols;
  const ObjectKeys = Object.keys;
  const ObjectIs = Object.is;
  const ArrayIsArray = Array.isArray;
  const NumberIsNaN = Number.isNaN;
  const hasOwnProperty = Object.prototype.hasOwnProperty;
  const propertyIsEnumerable = Object.prototype.propertyIsEnumerable;
  const objectToString = Object.prototype.toString;
  const dateGetTime = Date.prototype.getTime;
  const numberValueOf = Number.prototype.valueOf;
  const stringValueOf = String.prototype.valueOf;
  const booleanValueOf = Boolean.prototype.valueOf;
  const bigintValueOf = BigInt.prototype.valueOf;
  const symbolValueOf = Symbol.prototype.valueOf;
  const NativeSet = Set;
  const NativeError = Error;
  const NativeUint8Array = Uint8Array;
  const typedArrayTag = Object.getOwnPropertyDescriptor(
    Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag).get;

  let types = null;
  const lazyTypes = () => types || (types = require('internal/inspect').types);
  // Whether a key is an array index (`internal/inspect` has the one definition).
  let indexKey = null;
  const isIndexKey = (key) => (indexKey || (indexKey = require('internal/inspect').isIndexKey))(key);

  const kStrict = true;
  const kLoose = false;
  const kNoIterator = 0;
  const kIsArray = 1;
  const kIsSet = 2;
  const kIsMap = 3;

  // Own enumerable keys that are not indices (symbols too, when `withSymbols`).
  function nonIndexKeys(value, withSymbols) {
    const names = ObjectKeys(value);
    const keys = [];
    for (let i = 0; i < names.length; i++) {
      if (!isIndexKey(names[i])) keys.push(names[i]);
    }
    if (withSymbols) {
      const symbols = ObjectGetOwnPropertySymbols(value);
      for (let i = 0; i < symbols.length; i++) {
        if (propertyIsEnumerable.call(value, symbols[i])) keys.push(symbols[i]);
      }
    }
    return keys;
  }

  function areSimilarRegExps(a, b) {
    return a.source === b.source && a.flags === b.flags && a.lastIndex === b.lastIndex;
  }

  // Loose comparison of float arrays compares values (so 0 equals -0, NaN never equals).
  function areSimilarFloatArrays(a, b) {
    if (a.byteLength !== b.byteLength) return false;
    const len = a.byteLength;
    for (let offset = 0; offset < len; offset++) {
      if (a[offset] !== b[offset]) return false;
    }
    return true;
  }

  function sameBytes(a, b) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) {
      if (a[i] !== b[i]) return false;
    }
    return true;
  }

  function areSimilarTypedArrays(a, b) {
    if (a.byteLength !== b.byteLength) return false;
    return sameBytes(
      new NativeUint8Array(a.buffer, a.byteOffset, a.byteLength),
      new NativeUint8Array(b.buffer, b.byteOffset, b.byteLength),
    );
  }

  function areEqualArrayBuffers(a, b) {
    return a.byteLength === b.byteLength && sameBytes(new NativeUint8Array(a), new NativeUint8Array(b));
  }

  function isEqualBoxedPrimitive(a, b) {
    const t = lazyTypes();
    if (t.isNumberObject(a)) return t.isNumberObject(b) && ObjectIs(numberValueOf.call(a), numberValueOf.call(b));
    if (t.isStringObject(a)) return t.isStringObject(b) && stringValueOf.call(a) === stringValueOf.call(b);
    if (t.isBooleanObject(a)) return t.isBooleanObject(b) && booleanValueOf.call(a) === booleanValueOf.call(b);
    if (t.isBigIntObject(a)) return t.isBigIntObject(b) && bigintValueOf.call(a) === bigintValueOf.call(b);
    return t.isSymbolObject(b) && symbolValueOf.call(a) === symbolValueOf.call(b);
  }

  function isURL(value) {
    const URLClass = globalThis.URL;
    if (typeof URLClass !== 'function' || typeof value.href !== 'string') return false;
    try {
      return value instanceof URLClass;
    } catch {
      return false;
    }
  }

  function isErrorLike(value) {
    return lazyTypes().isNativeError(value) || value instanceof NativeError;
  }

  function innerDeepEqual(val1, val2, strict, memos) {
    if (val1 === val2) return val1 !== 0 || ObjectIs(val1, val2) || !strict;

    if (strict) {
      if (typeof val1 === 'number') return NumberIsNaN(val1) && NumberIsNaN(val2);
      if (typeof val2 !== 'object' || typeof val1 !== 'object' || val1 === null || val2 === null ||
          ObjectGetPrototypeOf(val1) !== ObjectGetPrototypeOf(val2)) {
        return false;
      }
    } else {
      if (val1 === null || typeof val1 !== 'object') {
        if (val2 === null || typeof val2 !== 'object') {
          // eslint-disable-next-line eqeqeq
          return val1 == val2 || (NumberIsNaN(val1) && NumberIsNaN(val2));
        }
        return false;
      }
      if (val2 === null || typeof val2 !== 'object') return false;
    }
    const val1Tag = objectToString.call(val1);
    const val2Tag = objectToString.call(val2);
    if (val1Tag !== val2Tag) return false;

    const t = lazyTypes();
    if (ArrayIsArray(val1)) {
      if (!ArrayIsArray(val2) || val1.length !== val2.length) return false;
      const keys1 = nonIndexKeys(val1, strict);
      const keys2 = nonIndexKeys(val2, strict);
      if (keys1.length !== keys2.length) return false;
      return keyCheck(val1, val2, strict, memos, kIsArray, keys1);
    } else if (val1Tag === '[object Object]') {
      return keyCheck(val1, val2, strict, memos, kNoIterator);
    } else if (t.isDate(val1)) {
      if (!t.isDate(val2) || dateGetTime.call(val1) !== dateGetTime.call(val2)) return false;
    } else if (t.isRegExp(val1)) {
      if (!t.isRegExp(val2) || !areSimilarRegExps(val1, val2)) return false;
    } else if (t.isArrayBufferView(val1)) {
      if (typedArrayTag.call(val1) !== typedArrayTag.call(val2)) return false;
      if (!strict && (t.isFloat32Array(val1) || t.isFloat64Array(val1))) {
        if (!areSimilarFloatArrays(val1, val2)) return false;
      } else if (!areSimilarTypedArrays(val1, val2)) {
        return false;
      }
      const keys1 = nonIndexKeys(val1, strict);
      const keys2 = nonIndexKeys(val2, strict);
      if (keys1.length !== keys2.length) return false;
      return keyCheck(val1, val2, strict, memos, kNoIterator, keys1);
    } else if (t.isSet(val1)) {
      if (!t.isSet(val2) || val1.size !== val2.size) return false;
      return keyCheck(val1, val2, strict, memos, kIsSet);
    } else if (t.isMap(val1)) {
      if (!t.isMap(val2) || val1.size !== val2.size) return false;
      return keyCheck(val1, val2, strict, memos, kIsMap);
    } else if (t.isAnyArrayBuffer(val1)) {
      if (!t.isAnyArrayBuffer(val2) || !areEqualArrayBuffers(val1, val2)) return false;
    } else if (isErrorLike(val1)) {
      // The stack is never compared; name, message, cause and errors are, even when
      // they are not enumerable.
      if (!isErrorLike(val2)) return false;
      const message1Enumerable = propertyIsEnumerable.call(val1, 'message');
      const name1Enumerable = propertyIsEnumerable.call(val1, 'name');
      const cause1Enumerable = propertyIsEnumerable.call(val1, 'cause');
      const errors1Enumerable = propertyIsEnumerable.call(val1, 'errors');
      if ((message1Enumerable !== propertyIsEnumerable.call(val2, 'message') ||
            (!message1Enumerable && val1.message !== val2.message)) ||
          (name1Enumerable !== propertyIsEnumerable.call(val2, 'name') ||
            (!name1Enumerable && val1.name !== val2.name)) ||
          (cause1Enumerable !== propertyIsEnumerable.call(val2, 'cause') ||
            (!cause1Enumerable && !innerDeepEqual(val1.cause, val2.cause, strict, memos))) ||
          (errors1Enumerable !== propertyIsEnumerable.call(val2, 'errors') ||
            (!errors1Enumerable && !innerDeepEqual(val1.errors, val2.errors, strict, memos)))) {
        return false;
      }
    } else if (t.isBoxedPrimitive(val1)) {
      if (!isEqualBoxedPrimitive(val1, val2)) return false;
    } else if (ArrayIsArray(val2) || t.isArrayBufferView(val2) || t.isSet(val2) || t.isMap(val2) ||
               t.isDate(val2) || t.isRegExp(val2) || t.isAnyArrayBuffer(val2) || t.isBoxedPrimitive(val2) ||
               isErrorLike(val2)) {
      return false;
    } else if (t.isKeyObject(val1)) {
      if (!t.isKeyObject(val2) || !val1.equals(val2)) return false;
    } else if (t.isCryptoKey(val1)) {
      if (!t.isCryptoKey(val2) || val1.extractable !== val2.extractable ||
          !innerDeepEqual(val1.algorithm, val2.algorithm, strict, memos) ||
          !innerDeepEqual(val1.usages, val2.usages, strict, memos)) {
        return false;
      }
    } else if (isURL(val1)) {
      if (!isURL(val2) || val1.href !== val2.href) return false;
    }
    return keyCheck(val1, val2, strict, memos, kNoIterator);
  }

  function countEnumerable(value, keys) {
    let count = 0;
    for (let i = 0; i < keys.length; i++) {
      if (propertyIsEnumerable.call(value, keys[i])) count++;
    }
    return count;
  }

  function keyCheck(val1, val2, strict, memos, iterationType, aKeys) {
    const isArrayLikeObject = aKeys !== undefined;
    if (aKeys === undefined) aKeys = ObjectKeys(val1);

    for (let i = 0; i < aKeys.length; i++) {
      if (!propertyIsEnumerable.call(val2, aKeys[i])) return false;
    }

    if (!isArrayLikeObject) {
      if (aKeys.length !== ObjectKeys(val2).length) return false;
      if (strict) {
        const symbolKeysA = ObjectGetOwnPropertySymbols(val1);
        if (symbolKeysA.length !== 0) {
          let count = 0;
          for (const key of symbolKeysA) {
            if (propertyIsEnumerable.call(val1, key)) {
              if (!propertyIsEnumerable.call(val2, key)) return false;
              aKeys.push(key);
              count++;
            } else if (propertyIsEnumerable.call(val2, key)) {
              return false;
            }
          }
          const symbolKeysB = ObjectGetOwnPropertySymbols(val2);
          if (symbolKeysA.length !== symbolKeysB.length && countEnumerable(val2, symbolKeysB) !== count) {
            return false;
          }
        } else {
          const symbolKeysB = ObjectGetOwnPropertySymbols(val2);
          if (symbolKeysB.length !== 0 && countEnumerable(val2, symbolKeysB) !== 0) return false;
        }
      }
    }

    if (aKeys.length === 0 &&
        (iterationType === kNoIterator || (iterationType === kIsArray && val1.length === 0) || val1.size === 0)) {
      return true;
    }

    // Cycles: the first pair is remembered as is, a set of all pairs on the way down
    // starts at the second level.
    if (memos === undefined) {
      memos = { set: undefined, a: val1, b: val2, c: undefined, d: undefined, deep: false, deleteFailures: false };
      return objEquiv(val1, val2, strict, aKeys, memos, iterationType);
    }

    if (memos.set === undefined) {
      if (memos.deep === false) {
        if (memos.a === val1 && memos.b === val2) return true;
        memos.c = val1;
        memos.d = val2;
        memos.deep = true;
        const result = objEquiv(val1, val2, strict, aKeys, memos, iterationType);
        memos.deep = false;
        return result;
      }
      memos.set = new NativeSet();
      memos.set.add(memos.a);
      memos.set.add(memos.b);
      memos.set.add(memos.c);
      memos.set.add(memos.d);
    }

    const set = memos.set;
    const originalSize = set.size;
    set.add(val1);
    set.add(val2);
    if (originalSize === set.size) return true;

    const areEq = objEquiv(val1, val2, strict, aKeys, memos, iterationType);
    if (areEq || memos.deleteFailures) {
      set.delete(val1);
      set.delete(val2);
    }
    return areEq;
  }

  function setHasEqualElement(set, val2, strict, memo) {
    const deleteFailures = memo.deleteFailures;
    memo.deleteFailures = true;
    for (const val1 of set) {
      if (innerDeepEqual(val1, val2, strict, memo)) {
        set.delete(val1);
        memo.deleteFailures = deleteFailures;
        return true;
      }
    }
    memo.deleteFailures = deleteFailures;
    return false;
  }

  // For loose Set and Map comparison: `null` when the primitive may equal other
  // primitives loosely (only `undefined` and `null` do here, by identity), `false` when
  // nothing else can equal it, `true` when something may but cannot be looked up.
  function findLooseMatchingPrimitives(prim) {
    switch (typeof prim) {
      case 'undefined':
        return null;
      case 'object':
        return undefined;
      case 'symbol':
        return false;
      case 'string':
        prim = +prim;
      // falls through
      case 'number':
        if (NumberIsNaN(prim)) return false;
    }
    return true;
  }

  function setMightHaveLoosePrim(a, b, prim) {
    const altValue = findLooseMatchingPrimitives(prim);
    if (altValue != null) return altValue;
    return b.has(altValue) && !a.has(altValue);
  }

  function mapMightHaveLoosePrim(a, b, prim, item, memo) {
    const altValue = findLooseMatchingPrimitives(prim);
    if (altValue != null) return altValue;
    const curB = b.get(altValue);
    if ((curB === undefined && !b.has(altValue)) || !innerDeepEqual(item, curB, false, memo)) return false;
    return !a.has(altValue) && innerDeepEqual(item, curB, false, memo);
  }

  function setEquiv(a, b, strict, memo) {
    let set = null;
    for (const val of a) {
      if (!b.has(val)) {
        if ((typeof val !== 'object' || val === null) && (strict || !setMightHaveLoosePrim(a, b, val))) {
          return false;
        }
        if (set === null) {
          if (b.size === 1) return innerDeepEqual(val, b.values().next().value, strict, memo);
          set = new NativeSet();
        }
        set.add(val);
      }
    }
    if (set !== null) {
      for (const val of b) {
        if (typeof val === 'object' && val !== null) {
          if (!a.has(val) && !setHasEqualElement(set, val, strict, memo)) return false;
        } else if (!strict && !a.has(val) && !setHasEqualElement(set, val, strict, memo)) {
          return false;
        }
      }
      return set.size === 0;
    }
    return true;
  }

  function mapHasEqualEntry(set, map, key2, item2, strict, memo) {
    const deleteFailures = memo.deleteFailures;
    memo.deleteFailures = true;
    for (const key1 of set) {
      if (innerDeepEqual(key1, key2, strict, memo) && innerDeepEqual(map.get(key1), item2, strict, memo)) {
        set.delete(key1);
        memo.deleteFailures = deleteFailures;
        return true;
      }
    }
    memo.deleteFailures = deleteFailures;
    return false;
  }

  function mapEquiv(a, b, strict, memo) {
    let set = null;
    for (const entry of a) {
      const key = entry[0];
      const item1 = entry[1];
      if (typeof key === 'object' && key !== null) {
        if (set === null) {
          if (b.size === 1) {
            const other = b.entries().next().value;
            return innerDeepEqual(key, other[0], strict, memo) && innerDeepEqual(item1, other[1], strict, memo);
          }
          set = new NativeSet();
        }
        set.add(key);
      } else {
        const item2 = b.get(key);
        if ((item2 === undefined && !b.has(key)) || !innerDeepEqual(item1, item2, strict, memo)) {
          if (strict) return false;
          if (!mapMightHaveLoosePrim(a, b, key, item1, memo)) return false;
          if (set === null) set = new NativeSet();
          set.add(key);
        }
      }
    }
    if (set !== null) {
      for (const entry of b) {
        const key = entry[0];
        const item = entry[1];
        if (typeof key === 'object' && key !== null) {
          if (!mapHasEqualEntry(set, a, key, item, strict, memo)) return false;
        } else if (!strict && (!a.has(key) || !innerDeepEqual(a.get(key), item, strict, memo)) &&
                   !mapHasEqualEntry(set, a, key, item, strict, memo)) {
          return false;
        }
      }
      return set.size === 0;
    }
    return true;
  }

  function objEquiv(a, b, strict, keys, memos, iterationType) {
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (!innerDeepEqual(a[key], b[key], strict, memos)) return false;
    }
    if (iterationType === kIsArray) {
      for (let i = 0; i < a.length; i++) {
        if (hasOwnProperty.call(a, i)) {
          if (!hasOwnProperty.call(b, i) || !innerDeepEqual(a[i], b[i], strict, memos)) return false;
        } else if (hasOwnProperty.call(b, i)) {
          return false;
        } else {
          // Sparse: compare the remaining keys by name.
          const keysA = ObjectKeys(a);
          for (; i < keysA.length; i++) {
            const key = keysA[i];
            if (!hasOwnProperty.call(b, key) || !innerDeepEqual(a[key], b[key], strict, memos)) return false;
          }
          return keysA.length === ObjectKeys(b).length;
        }
      }
    } else if (iterationType === kIsSet) {
      if (!setEquiv(a, b, strict, memos)) return false;
    } else if (iterationType === kIsMap) {
      if (!mapEquiv(a, b, strict, memos)) return false;
    }
    return true;
  }

  function isDeepEqual(a, b) {
    return innerDeepEqual(a, b, kLoose);
  }

  function isDeepStrictEqual(a, b) {
    return innerDeepEqual(a, b, kStrict);
  }

  module.exports = { isDeepEqual, isDeepStrictEqual };
})
