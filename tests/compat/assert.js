// Node's assert: each check passing and failing, AssertionError's fields, the validation
// of thrown errors, rejects, and assert.strict. Messages are shown where Node's are
// simple (no line diff, no source text).
const assert = require('assert');
const fields = (error, withMessage) => {
  const out = {
    name: error.name,
    code: error.code,
    operator: error.operator,
    generatedMessage: error.generatedMessage,
    assertion: error instanceof assert.AssertionError,
  };
  if (withMessage) out.message = error.message;
  return out;
};
// Shows 'passes', or the error's fields (its message too when `withMessage`).
const check = async (label, fn, withMessage) => {
  try {
    await fn();
    show(label, 'passes');
  } catch (error) {
    if (error && (error.code === 'ERR_ASSERTION' || typeof error.code === 'string')) {
      show(label, fields(error, withMessage || error.code !== 'ERR_ASSERTION'));
    } else {
      show(label, { threw: error && error.name, message: error && error.message });
    }
  }
};

show('assert is ok', assert === assert.ok);
show('keys', Object.keys(assert).filter((key) => key !== 'CallTracker'));
show('strict keys', Object.keys(assert.strict).filter((key) => key !== 'CallTracker'));
show('strict.strict', assert.strict.strict === assert.strict);
show('strict aliases', [
  assert.strict.equal === assert.strictEqual,
  assert.strict.notEqual === assert.notStrictEqual,
  assert.strict.deepEqual === assert.deepStrictEqual,
  assert.strict.notDeepEqual === assert.notDeepStrictEqual,
  assert.strict.ok === assert.ok,
  assert.strict.AssertionError === assert.AssertionError,
]);
show('names', ['equal', 'strictEqual', 'deepEqual', 'throws', 'rejects', 'match', 'ifError'].map((k) => assert[k].name));

// ok and assert()
await check('ok true', () => assert.ok(1));
await check('assert true', () => assert('x'));
await check('ok false', () => assert.ok(0));
await check('assert false', () => assert(false));
await check('ok no argument', () => assert.ok(), true);
await check('assert no argument', () => assert(), true);
await check('ok message', () => assert.ok(null, 'needed a value'), true);
await check('ok error message', () => assert.ok(false, new RangeError('mine')));
await check('strict ok false', () => assert.strict(''));

// equal / notEqual
await check('equal passes', () => assert.equal(1, '1'));
await check('equal NaN', () => assert.equal(NaN, NaN));
await check('equal fails', () => assert.equal(1, 2), true);
await check('equal fails strings', () => assert.equal('a', 'b'), true);
await check('equal fails null', () => assert.equal(null, 0), true);
await check('equal message', () => assert.equal(1, 2, 'one is not two'), true);
await check('equal error message', () => assert.equal(1, 2, new TypeError('custom')));
await check('equal missing args', () => assert.equal(1), true);
await check('notEqual passes', () => assert.notEqual(1, 2));
await check('notEqual fails', () => assert.notEqual(1, '1'), true);
await check('notEqual NaN', () => assert.notEqual(NaN, NaN), true);

// strictEqual / notStrictEqual
await check('strictEqual passes', () => assert.strictEqual(NaN, NaN));
await check('strictEqual fails', () => assert.strictEqual(1, 2), true);
await check('strictEqual type', () => assert.strictEqual(1, '1'), true);
await check('strictEqual zero', () => assert.strictEqual(0, -0), true);
await check('strictEqual long strings', () => assert.strictEqual('a'.repeat(20), 'b'), true);
await check('strictEqual pointer', () => assert.strictEqual('abcdefghij', 'abcdefghiX'), true);
await check('strictEqual objects', () => assert.strictEqual({}, {}), true);
await check('strictEqual message', () => assert.strictEqual(1, 2, 'boom'), true);
await check('strictEqual empty message', () => assert.strictEqual(1, 2, ''), true);
await check('strictEqual missing args', () => assert.strictEqual(), true);
await check('notStrictEqual passes', () => assert.notStrictEqual(1, '1'));
await check('notStrictEqual fails', () => assert.notStrictEqual(1, 1), true);
await check('notStrictEqual fails string', () => assert.notStrictEqual('abcdef', 'abcdef'), true);
await check('notStrictEqual fails object', () => {
  const same = { a: 1 };
  assert.notStrictEqual(same, same);
}, true);
await check('notStrictEqual message', () => assert.notStrictEqual(1, 1, 'same'), true);

// deep equality
await check('deepEqual passes', () => assert.deepEqual({ a: 1, b: [1, 2] }, { a: '1', b: [1, 2] }));
await check('deepEqual fails', () => assert.deepEqual({ a: 1 }, { a: 2 }));
await check('notDeepEqual passes', () => assert.notDeepEqual({ a: 1 }, { a: 2 }));
await check('notDeepEqual fails', () => assert.notDeepEqual({ a: 1 }, { a: '1' }));
await check('deepStrictEqual passes', () => assert.deepStrictEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }));
await check('deepStrictEqual fails', () => assert.deepStrictEqual({ a: 1 }, { a: '1' }));
await check('deepStrictEqual short', () => assert.deepStrictEqual(1, 2), true);
await check('deepStrictEqual message', () => assert.deepStrictEqual([1], [2], 'lists differ'));
await check('notDeepStrictEqual passes', () => assert.notDeepStrictEqual({ a: 1 }, { a: '1' }));
await check('notDeepStrictEqual fails', () => assert.notDeepStrictEqual([1, 2], [1, 2]));
await check('deepStrictEqual missing args', () => assert.deepStrictEqual({}), true);

// fail
await check('fail', () => assert.fail(), true);
await check('fail message', () => assert.fail('boom'), true);
await check('fail error', () => assert.fail(new TypeError('mine')));
await check('fail actual expected', () => assert.fail(1, 2), true);
await check('fail operator', () => assert.fail(1, 2, undefined, '>'), true);
await check('fail message and operator', () => assert.fail(1, 2, 'three', '>'), true);

// throws / doesNotThrow
const boom = () => {
  const error = new TypeError('boom');
  error.code = 'E_BOOM';
  throw error;
};
await check('throws any', () => assert.throws(boom));
await check('throws class', () => assert.throws(boom, TypeError));
await check('throws base class', () => assert.throws(boom, Error));
await check('throws wrong class', () => assert.throws(boom, RangeError), true);
await check('throws regexp', () => assert.throws(boom, /bo+m/));
await check('throws regexp mismatch', () => assert.throws(boom, /nope/), true);
await check('throws object', () => assert.throws(boom, { name: 'TypeError', message: 'boom', code: 'E_BOOM' }));
await check('throws object regexp', () => assert.throws(boom, { message: /^bo/ }));
await check('throws object mismatch', () => assert.throws(boom, { code: 'E_OTHER' }));
await check('throws object mismatch message', () => assert.throws(boom, { code: 'E_OTHER' }, 'wrong code'), true);
await check('throws error instance', () => assert.throws(boom, new TypeError('boom')));
await check('throws validation function', () => assert.throws(boom, (error) => error.code === 'E_BOOM'));
await check('throws validation false', () => assert.throws(boom, function named() { return false; }));
await check('throws nothing', () => assert.throws(() => {}), true);
await check('throws nothing class', () => assert.throws(() => {}, TypeError), true);
await check('throws nothing message', () => assert.throws(() => {}, 'should throw'), true);
await check('throws nothing class message', () => assert.throws(() => {}, TypeError, 'should throw'), true);
await check('throws primitive', () => assert.throws(() => { throw 'str'; }, /str/));
await check('throws primitive object', () => assert.throws(() => { throw 5; }, { message: 'x' }));
await check('throws empty object', () => assert.throws(boom, {}), true);
await check('throws not a function', () => assert.throws('nope'), true);
await check('throws bad error arg', () => assert.throws(boom, 5), true);
await check('throws ambiguous', () => assert.throws(boom, 'boom'), true);
await check('throws message then string', () => assert.throws(boom, 'a', 'b'), true);
await check('doesNotThrow passes', () => assert.doesNotThrow(() => 1));
await check('doesNotThrow fails', () => assert.doesNotThrow(boom), true);
await check('doesNotThrow message', () => assert.doesNotThrow(boom, 'no throwing'), true);
await check('doesNotThrow matching class', () => assert.doesNotThrow(boom, TypeError), true);
await check('doesNotThrow other class', () => assert.doesNotThrow(boom, RangeError));
await check('doesNotThrow regexp', () => assert.doesNotThrow(boom, /zzz/));

// rejects / doesNotReject
const rejecting = () => Promise.reject(new RangeError('late'));
await check('rejects function', () => assert.rejects(rejecting, RangeError));
await check('rejects promise', () => assert.rejects(Promise.reject(new Error('x')), /x/));
await check('rejects object', () => assert.rejects(rejecting, { name: 'RangeError', message: 'late' }));
await check('rejects wrong class', () => assert.rejects(rejecting, TypeError), true);
await check('rejects resolves', () => assert.rejects(Promise.resolve(1)), true);
await check('rejects resolves message', () => assert.rejects(async () => 1, Error, 'must reject'), true);
await check('rejects not a promise', () => assert.rejects(() => 1));
await check('rejects bad argument', () => assert.rejects(5), true);
await check('rejects sync throw', () => assert.rejects(() => { throw new Error('sync'); }));
await check('doesNotReject passes', () => assert.doesNotReject(Promise.resolve(1)));
await check('doesNotReject fails', () => assert.doesNotReject(rejecting), true);
await check('doesNotReject other class', () => assert.doesNotReject(rejecting, TypeError));
show('rejects returns promise', assert.rejects(rejecting) instanceof Promise);

// match / doesNotMatch
await check('match passes', () => assert.match('abc', /b/));
await check('match fails', () => assert.match('xyz', /b/), true);
await check('match not a string', () => assert.match(5, /b/), true);
await check('match bad regexp', () => assert.match('abc', 'b'), true);
await check('match message', () => assert.match('xyz', /b/, 'no b'), true);
await check('doesNotMatch passes', () => assert.doesNotMatch('xyz', /b/));
await check('doesNotMatch fails', () => assert.doesNotMatch('abc', /b/), true);

// ifError
await check('ifError null', () => assert.ifError(null));
await check('ifError undefined', () => assert.ifError(undefined));
await check('ifError error', () => assert.ifError(new Error('bad')), true);
await check('ifError empty message', () => assert.ifError(new TypeError('')), true);
await check('ifError string', () => assert.ifError('str'), true);
await check('ifError number', () => assert.ifError(0), true);

// AssertionError
const made = new assert.AssertionError({ actual: 1, expected: 2, operator: 'strictEqual' });
show('AssertionError fields', fields(made, true));
show('AssertionError actual expected', [made.actual, made.expected]);
show('AssertionError keys', Object.keys(made));
show('AssertionError toString', String(made));
show('AssertionError is Error', made instanceof Error);
show('AssertionError custom message', fields(new assert.AssertionError({ message: 'mine', operator: 'x' }), true));
show('AssertionError other operator', new assert.AssertionError({ actual: 1, expected: 2, operator: '<' }).message);
await check('AssertionError bad options', () => new assert.AssertionError('x'), true);
try {
  assert.strictEqual(1, 2);
} catch (error) {
  show('thrown actual expected', [error.actual, error.expected]);
}

// assert.strict
await check('strict equal fails', () => assert.strict.equal(1, '1'), true);
await check('strict deepEqual fails', () => assert.strict.deepEqual({ a: 1 }, { a: '1' }));
await check('strict notEqual passes', () => assert.strict.notEqual(1, '1'));
await check('strict notDeepEqual passes', () => assert.strict.notDeepEqual({ a: 1 }, { a: '1' }));
