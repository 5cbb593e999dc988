// `querystring`: parse with its separators, maxKeys, `+`, malformed escapes and repeated
// keys; stringify with arrays and every value type; escape (Node's own surrogate rules),
// unescape and unescapeBuffer; and that replacing escape or unescape takes effect.
const qs = require('querystring');
const entries = (object) => [Object.getPrototypeOf(object) === null, Object.entries(object)];
const coded = (label, fn) => {
  try {
    show(label, fn());
  } catch (error) {
    show(label, { name: error.name, code: error.code, message: error.message });
  }
};

show('aliases', [qs.decode === qs.parse, qs.encode === qs.stringify]);
show('keys', Object.keys(qs));

const parses = [
  '', 'a=1', 'a=1&b=2', 'a=1&a=2&a=3', 'a', 'a=', '=a', '=', '&', '&&a=1&&', 'a=1=2', 'a==1', '+a+=+b+', 'a=b+c%20d',
  'a=%zz', 'a=%4', 'a=%41', 'a%41=b', 'a=%E0%A4%A', 'a=%C3%A9', 'a=%C3', 'é=ü', 'a=%', '%%=%%', 'a%41%42=é%',
  'k=%F0%9F%98%80', 'a=1;b=2', '__proto__=x', 'constructor=y&toString=z', 'hasOwnProperty=1', 'a[]=1&a[]=2',
  'a=%2B', 'a=%2b&b=%', 'a=1&b', 'a&b&c', '  a  =  b  ',
];
for (const text of parses) show('parse ' + JSON.stringify(text), entries(qs.parse(text)));
show('parse non-string', [entries(qs.parse(5)), entries(qs.parse(null)), entries(qs.parse())]);
show('parse separators', entries(qs.parse('a:1;b:2', ';', ':')));
show('parse long separators', entries(qs.parse('a==1&&b==2', '&&', '==')));
show('parse partial separators', entries(qs.parse('a=1&b=2&&c=3', '&&')));
show('parse restart', entries(qs.parse('aab=1', 'x', 'ab')));
show('parse numeric separators', entries(qs.parse('a5b', 5)));
show('parse empty separators default', entries(qs.parse('a=1&b=2', '', '')));
show('parse maxKeys', entries(qs.parse('a=1&b=2&c=3', null, null, { maxKeys: 2 })));
show('parse maxKeys counts empty', entries(qs.parse('&&a=1&b=2', null, null, { maxKeys: 2 })));
show('parse maxKeys 0', entries(qs.parse('a=1&b=2&c=3', null, null, { maxKeys: 0 })));
show('parse maxKeys fraction', entries(qs.parse('a=1&b=2&c=3', null, null, { maxKeys: 1.5 })));
show('parse maxKeys string', entries(qs.parse('a=1&b=2&c=3', null, null, { maxKeys: '1' })));
let many = '';
for (let i = 0; i < 1005; i++) many += (i ? '&' : '') + 'k' + i + '=' + i;
show('parse default maxKeys', Object.keys(qs.parse(many)).length);
const seen = [];
const custom = { decodeURIComponent: (s) => (seen.push(s), s.toUpperCase()) };
show('parse custom decoder', entries(qs.parse('a=b+c&d%41=e&f', null, null, custom)));
show('custom decoder saw', seen);
const throwing = {
  decodeURIComponent: (s) => {
    if (s.includes('%')) throw new Error('no');
    return s;
  },
};
show('parse throwing decoder', entries(qs.parse('a=%41&b=%zz', null, null, throwing)));

const stringifies = [
  { a: 1, b: 'two' }, { a: [1, 2, 3] }, { a: [] }, { a: '' }, { '': '' }, { a: 'x y', 'é': '😀' }, { a: true, b: false },
  { a: 10n }, { a: null, b: undefined, c: {}, d: () => 1, e: Symbol('s') }, { n: NaN, i: Infinity, z: -0, f: 1.5 },
  { big: 1e21, neg: -1e21, small: 1e-7 }, { a: [null, 'x', [1]] }, { "!'()*-._~": "!'()*-._~" }, { a: '&=?#+%' },
];
for (const object of stringifies) {
  let label;
  try {
    label = JSON.stringify(object, (k, v) => (typeof v === 'bigint' ? v + 'n' : v));
  } catch {
    label = 'special';
  }
  show('stringify ' + label, qs.stringify(object));
}
show('stringify separators', qs.stringify({ a: 1, b: [2, 3] }, ';', ':'));
show('stringify empty separators', qs.stringify({ a: 1, b: 2 }, '', ''));
show('stringify non-objects', [qs.stringify(null), qs.stringify(5), qs.stringify('a=b'), qs.stringify([1, 2])]);
const angled = { encodeURIComponent: (s) => '<' + s + '>' };
show('stringify custom encoder', qs.stringify({ a: 'x y', b: [1, ''], c: null }, null, null, angled));
show('stringify encoder not a function', qs.stringify({ a: 'x y' }, null, null, { encodeURIComponent: 'no' }));
coded('stringify lone surrogate', () => qs.stringify({ a: '\ud800' }));

const escapes = [
  '', 'abc', 'a b', "!'()*", '-._~', '&=+%#?/', 'é', '€', '😀', '\u0000\u007f', '\u0080\u07ff\u0800\uffff',
  '\ud800a', '\udc00a', '\udc00\ud800x', 'a\ud800\ud800',
];
const standard = (text) => {
  try {
    return encodeURIComponent(text);
  } catch (error) {
    return error.name;
  }
};
for (const text of escapes) {
  show('escape ' + JSON.stringify(text), [qs.escape(text), standard(text) === qs.escape(text)]);
}
coded('escape lone surrogate at the end', () => qs.escape('a\ud800'));
coded('escape lone low surrogate at the end', () => qs.escape('\udc00'));
coded('escape types', () => [5, null, undefined, true, {}, [1, 'é']].map((value) => qs.escape(value)));
await attempt('escape symbol', () => qs.escape(Symbol('s')));

const unescapes = [
  '', 'abc', 'a%20b', 'a+b', '%41%42', '%E2%82%AC', '%E2%82', '%zz', '%', '%4', '%%41', 'é', '%C3%A9%', '%f0%9f%98%80',
];
for (const text of unescapes) {
  show('unescape ' + JSON.stringify(text), [qs.unescape(text), qs.unescape(text, true)]);
  const bytes = [Array.from(qs.unescapeBuffer(text)), Array.from(qs.unescapeBuffer(text, true))];
  show('unescapeBuffer ' + JSON.stringify(text), bytes);
}
show('unescapeBuffer wide characters', Array.from(qs.unescapeBuffer('€é\u0100')));
show('unescapeBuffer is a Buffer', qs.unescapeBuffer('a').constructor.name);
show('unescape non-string', [qs.unescape(5), qs.unescape(null)]);

// the module's own functions are looked up when used
const savedEscape = qs.escape;
const savedUnescape = qs.unescape;
qs.escape = (s) => '{' + s + '}';
qs.unescape = (s) => '(' + s + ')';
try {
  show('replaced escape', qs.stringify({ a: 'b', n: 1 }));
  show('replaced unescape', entries(qs.parse('a=b&c%41=d+e')));
} finally {
  qs.escape = savedEscape;
  qs.unescape = savedUnescape;
}
const savedBuffer = qs.unescapeBuffer;
qs.unescapeBuffer = () => ({ toString: () => 'replaced' });
try {
  show('replaced unescapeBuffer', qs.unescape('%zz'));
} finally {
  qs.unescapeBuffer = savedBuffer;
}
