// `punycode`: encode and decode (RFC 3492's examples and odd inputs), toASCII and
// toUnicode over domains and email addresses, the UCS-2 helpers, and the RangeErrors.
const punycode = require('punycode');
const failure = (label, fn) => {
  try {
    show(label, fn());
  } catch (error) {
    show(label, { name: error.name, message: error.message });
  }
};

show('version', punycode.version);
show('keys', [Object.keys(punycode), Object.keys(punycode.ucs2)]);

const words = [
  '', 'abc', 'münchen', 'bücher', 'ü', '日本語', 'ليهمابتكلموشعربي؟', 'Pročprostěnemluvíčesky', '😀', 'a😀b', 'MÜNCHEN',
  '-', 'a-b', '-ü', 'ü-', '\u0080', '\uffff', '\u{10ffff}', '\ud800', 'a\udc00', 'ab\u00e9cd\u00e9',
];
for (const word of words) failure('encode ' + JSON.stringify(word), () => punycode.encode(word));

const codes = [
  '', 'mnchen-3ya', 'bcher-kva', 'tda', 'ls8h', 'abc-', '-', '--', 'a-', 'ABC-DEF', 'MNCHEN-3YA', 'zzzzzz',
  '999999999', 'a', 'b', '9', 'é', 'é-abc', 'a-!', 'abc-\u0080', '99999999999999', 'xn--x', 'wgv71a119e', 'a-é', '0',
  'zz-', 'kva-', '99999a', 'zzzzza',
];
for (const code of codes) failure('decode ' + JSON.stringify(code), () => punycode.decode(code));

const domains = [
  'example.com', 'münchen.de', 'ü', 'a.b.ü.c', '日本語。jp', 'x．y｡z', 'user@münchen.de', 'Ü@münchen.de', 'a@b@ü',
  '', '.', 'ü.', '..ü..', 'EXAMPLE.COM', '😀.ws',
];
for (const domain of domains) failure('toASCII ' + JSON.stringify(domain), () => punycode.toASCII(domain));

const encoded = [
  'xn--mnchen-3ya.de', 'XN--MNCHEN-3YA.DE', 'example.com', 'xn--wgv71a119e.jp', 'user@xn--mnchen-3ya.de', 'xn--.com',
  'xn--ls8h.ws', 'xn--a-.com', 'xn--é', 'xn--9999999999a', 'xn-x.com', 'a.xn--tda.b', 'xn--zzzzzzzzzzzzzzz',
];
for (const domain of encoded) failure('toUnicode ' + JSON.stringify(domain), () => punycode.toUnicode(domain));

for (const text of ['', 'abc', '😀', 'a😀b', '\ud800', '\ud800a', '\udc00\ud800', '\ud83d\ude00\ud83d', 'é']) {
  show('ucs2.decode ' + JSON.stringify(text), punycode.ucs2.decode(text));
}
const pointLists = [[], [0x61, 0x62], [0x1f600], [0xd800, 0xdc00], [0xd800], [0x10ffff], ['65'], [true, null]];
for (const points of pointLists) failure('ucs2.encode ' + JSON.stringify(points), () => punycode.ucs2.encode(points));
for (const points of [[-1], [0x110000], [1.5], ['x'], [Infinity], [{}]]) {
  failure('ucs2.encode invalid ' + JSON.stringify(points), () => punycode.ucs2.encode(points));
}
await attempt('ucs2.encode not iterable', () => punycode.ucs2.encode(5));

show('roundtrip', words.map((word) => punycode.decode(punycode.encode(word)) === word));
show('encode non-string', [punycode.encode(5), punycode.encode({})]);
await attempt('decode non-string', () => punycode.decode(5));
await attempt('toASCII non-string', () => punycode.toASCII(null));
await attempt('toUnicode non-string', () => punycode.toUnicode(5));
