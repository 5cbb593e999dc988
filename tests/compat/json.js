// JSON as Actions use it: metadata in, claims out.
show('nested', JSON.stringify({ a: [1, { b: null }], c: 'x' }));
show('spaces', JSON.stringify({ a: [1, 2], b: {} }, null, 2));
show('undefined members', JSON.stringify({ a: undefined, b: () => 1, c: [undefined] }));
show('unicode', JSON.stringify('é\u2028\ud800\u0007'));
show('negative zero', JSON.stringify(-0));
show('dates', JSON.stringify({ at: new Date(0) }));
show('toJSON', JSON.stringify({ toJSON: () => 'mine' }));
show('replacer', JSON.stringify({ a: 1, b: 2 }, ['b']));
show('reviver', JSON.parse('{"a":1,"b":[2]}', (k, v) => (typeof v === 'number' ? v * 10 : v)));
show('big numbers', JSON.parse('[1e400, 12345678901234567890, -0]'));
await attempt('syntax error', () => JSON.parse('{"a":'));
await attempt('bigint', () => JSON.stringify({ n: 1n }));
const cyclic = {};
cyclic.self = cyclic;
await attempt('cycle', () => JSON.stringify(cyclic));
