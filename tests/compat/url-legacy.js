// Node's legacy URL API: url.parse, url.format, url.resolve, url.resolveObject, and the
// file URL helpers, over ordinary and odd inputs.
const url = require('url');
const plain = (value) => JSON.parse(JSON.stringify(value));
const coded = (label, fn) => {
  try {
    show(label, fn());
  } catch (error) {
    show(label, { threw: error.name, code: error.code, message: error.message });
  }
};

const inputs = [
  'http://user:pass@host.com:8080/p/a/t/h?query=string#hash',
  'HTTP://EXAMPLE.COM/A/B?C=D#E',
  'https://example.com',
  'http://example.com?',
  'http://example.com#',
  'http://example.com?#',
  'http://example.com:/x',
  'http://example.com:0/',
  'http://a@b@c/',
  'http://a@b?@c',
  'http://us%40er:p%3Ass@h/',
  'http://[::1]:3000/x?y',
  'http://[FE80::1]/',
  'coap://[1080:0:0:0:8:800:200C:417A]:61616/',
  'http://münchen.de/ä?ö#ü',
  'http://☃.net/',
  'http://例え.テスト/',
  'http://xn--mnchen-3ya.de/',
  'http://a.com/{}|\\^`<>"\' x',
  'http://a.com/?{}|^`<>"\' x#{}|^` x',
  'http://a.com\\b\\c?d\\e#f\\g',
  'http:\\\\evil.com\\path',
  '   http://trimmed.com/   ',
  '\thttp://tabbed.com/\n',
  'http://a\tb\nc\rd.com/e\tf',
  'http://a b.com/',
  'http://a;b.com/',
  'http://a%20b.com/',
  'http://x.com:99999/',
  'http://' + 'a'.repeat(256) + '/x',
  'javascript:alert("hi there")',
  'JavaScript:void(0)',
  'javascript://x/y',
  'mailto:someone@example.com?subject=hi',
  'MAILTO:A@B',
  'xmpp:isaacs@joyent.com',
  'file:///etc/passwd',
  'file://localhost/etc/hosts',
  'file:/x',
  'file:x',
  'FILE://HOST/Y',
  'ws://a/b',
  'wss://a',
  'ftp://u@f.example/',
  'gopher://g/',
  'foo://bar/baz',
  'foo:bar',
  'git+ssh://git@github.com:npm/npm',
  'svn+ssh://foo/bar',
  'dot.test:foo/bar',
  'HTTP:foo',
  'http:x.com',
  'http:/x.com',
  'http://',
  'http:',
  '//a/b',
  '//a@b/c',
  '///a',
  '/a b',
  '/a"b',
  '/a?b c',
  '/a?b=1&c=2',
  '?x=1&y=2',
  '#h',
  'a/b',
  '.',
  '..',
  '',
  '   ',
  'c:\\windows\\x',
  'http://a.com/\ud83d\ude00',
  'http://x.com/%zz',
  'http://user:p@ss:w@rd@host/',
  'sip:alice@atlanta.com:5060',
];
for (const input of inputs) {
  const label = JSON.stringify(input).slice(0, 60);
  coded('parse ' + label, () => plain(url.parse(input)));
  coded('format ' + label, () => url.format(input));
}
for (const input of ['http://a.com/p?x=1&y=2&x=3', '/p?a=b&a=c&d', 'http://a.com/', '/p', 'http://a.com/?', 'foo:bar?a=1#h']) {
  coded('parse query ' + input, () => plain(url.parse(input, true)));
}
for (const input of ['//host/path', '//user@host/path?q', '/just/path', 'host/path']) {
  coded('parse slashes ' + input, () => plain(url.parse(input, false, true)));
  coded('parse without slashes ' + input, () => plain(url.parse(input, false, false)));
}
show('parse instance', url.parse('http://a/') instanceof url.Url);
show('parse returns Url argument', (() => {
  const parsed = url.parse('http://a/');
  return url.parse(parsed) === parsed;
})());
show('parse query object proto', Object.getPrototypeOf(url.parse('/p?a=1', true).query) === null);
show('new Url', plain(new url.Url()));
show('Url keys', Object.keys(new url.Url()));

for (const [label, value] of [
  ['undefined', undefined], ['null', null], ['number', 5], ['boolean', true], ['array', []],
  ['object', {}], ['symbol', Symbol('s')],
]) {
  coded('parse invalid ' + label, () => url.parse(value));
}
coded('parse bad auth', () => url.parse('http://%E0%A4%A@fail'));
coded('parse bad host', () => url.parse('http://[a b]/'));
coded('parse invalid punycode', () => url.parse('http://xn--a.com/'));

const objects = [
  ['empty', {}],
  ['protocol without colon', { protocol: 'http', host: 'a.com' }],
  ['hostname and port', { protocol: 'http:', hostname: 'a.com', port: 8080, pathname: 'x' }],
  ['host wins over hostname', { protocol: 'http', host: 'a', hostname: 'b', port: 1 }],
  ['ipv6 hostname', { protocol: 'http', hostname: '::1', port: 80 }],
  ['bracketed hostname', { protocol: 'http', hostname: '[::1]', port: 80 }],
  ['mailto', { protocol: 'mailto', pathname: 'a@b' }],
  ['file without host', { protocol: 'file', pathname: '/x' }],
  ['file relative', { protocol: 'file:', pathname: 'x' }],
  ['hash and ? in pathname', { protocol: 'http', host: 'h', pathname: '/a#b?c' }],
  ['query object', { pathname: '/p', query: { a: [1, 2], b: 'c d', e: '' } }],
  ['search wins over query', { search: '?x', query: { y: 1 } }],
  ['search without ?', { search: 'a#b' }],
  ['hash without #', { hash: 'x' }],
  ['auth escaped', { auth: 'us er:p@ss', host: 'h' }],
  ['auth unicode', { auth: 'é☃:\ud83d\ude00', host: 'h' }],
  ['auth kept characters', { auth: "!'()*-.:_~`{}@/?#[]", host: 'h' }],
  ['slashes on unknown protocol', { slashes: true, protocol: 'foo', host: 'h', pathname: 'p' }],
  ['no slashes on unknown protocol', { protocol: 'foo', host: 'h', pathname: 'p' }],
  ['slashes without protocol', { slashes: true, pathname: 'x' }],
  ['javascript', { protocol: 'javascript', pathname: 'alert(1)' }],
  ['empty search', { protocol: 'http', host: 'a', pathname: '', search: '?' }],
  ['href ignored', { href: 'http://ignored/' }],
];
for (const [label, object] of objects) coded('format object ' + label, () => url.format(object));
for (const [label, value] of [['undefined', undefined], ['null', null], ['number', 0], ['boolean', true], ['symbol', Symbol('s')]]) {
  coded('format invalid ' + label, () => url.format(value));
}
coded('format lone surrogate auth', () => url.format({ auth: 'a\ud800', host: 'h' }));

const whatwg = new URL('http://user:pa ss@xn--mnchen-3ya.de:8080/p?q=1#h');
for (const [label, options] of [
  ['default', undefined],
  ['empty options', {}],
  ['unicode', { unicode: true }],
  ['no auth', { auth: false }],
  ['no search', { search: false }],
  ['no fragment', { fragment: false }],
  ['all off', { unicode: true, auth: false, search: false, fragment: false }],
  ['truthy values', { unicode: 1, fragment: 0 }],
]) {
  coded('format URL ' + label, () => url.format(whatwg, options));
}
coded('format URL ipv6 unicode', () => url.format(new URL('http://[::1]:80/'), { unicode: true }));
coded('format URL mailto', () => url.format(new URL('mailto:x@y?z#w'), { unicode: true, search: false }));
coded('format URL bad options', () => url.format(whatwg, 'x'));
coded('format URL array options', () => url.format(whatwg, []));

const resolves = [
  ['/foo/bar/baz', 'quux'],
  ['/foo/bar/baz', '../quux/baz'],
  ['/foo/bar/baz', '../../../../../../../../quux/baz'],
  ['/foo', '.'],
  ['/foo/', '..'],
  ['foo/bar', '../../../baz'],
  ['http://example.com/b//c//d;p?q#blarg', 'https:#hash2'],
  ['http://example.com/b//c//d;p?q#blarg', 'https:/p/a/t/h?s#hash2'],
  ['http://example.com/b//c//d;p?q#blarg', 'http:/a/b/c/d'],
  ['http://localhost', 'file:///Users/foo'],
  ['http://a/b/c/d;p?q', 'g:h'],
  ['http://a/b/c/d;p?q', '//g'],
  ['http://a/b/c/d;p?q', '?y'],
  ['http://a/b/c/d;p?q', '#s'],
  ['http://a/b/c/d;p?q', ''],
  ['http://a/b/c/d;p?q', '../../../g'],
  ['http://a/b/c/d;p?q', '/./g'],
  ['http://a/b/c/d;p?q', 'g;x=1/../y'],
  ['fred:///s//a/b/c', '../../../g'],
  ['http:///s//a/b/c', '//g/x'],
  ['foo:a/b', '../c'],
  ['zz:abc', '/foo/../../../bar'],
  ['mailto:local1@domain1?query1', 'local2@domain2'],
  ['mailto:local@domain?query1', '?query2'],
  ['mailto:local/qual1@domain1.org', 'more/qual2@domain2.org#frag'],
  ['http://example.org/base/uri', 'http:this'],
  ['f:/a', './/g'],
  ['http://asdf:qwer@www.example.com', 'http://diff:auth@www.example.com'],
  ['https://user:password@example.org/', '//another.host.com/'],
  ['https://user:password@example.com', 'https://example.com/foo'],
  ['#hash2', '#hash1'],
  ['?query', '#hash'],
  ['http://a.com/b\\c', 'd\\e'],
];
for (const [from, to] of resolves) {
  coded('resolve ' + from + ' + ' + to, () => url.resolve(from, to));
  coded('resolveObject ' + from + ' + ' + to, () => plain(url.resolveObject(from, to)));
}
show('resolveObject empty source', url.resolveObject('', 'x'));
show('resolveObject Url', plain(url.parse('http://a/b/c').resolveObject('../d?e')));
show('Url resolve method', url.parse('http://a/b/c').resolve('d'));

for (const input of [
  'file:///a/b', 'file:///a%20b/%C3%A9', 'file:///', 'file://localhost/x', 'file:///a%5Cb', 'file:///a?b#c',
]) {
  coded('fileURLToPath ' + input, () => url.fileURLToPath(input));
  coded('fileURLToPath URL ' + input, () => url.fileURLToPath(new URL(input)));
}
for (const input of ['file:///a%2fb', 'file:///a%2Fb', 'file://host/x', 'http://a/x']) {
  coded('fileURLToPath error ' + input, () => url.fileURLToPath(input));
}
coded('fileURLToPath number', () => url.fileURLToPath(5));
for (const path of [
  '/a/b', '/a/b/', '/a b/%/#/?/[x]/\\/^/|/~', '/tab\tnewline\nreturn\rquote"', '/é☃', '/a/../b/./c', '/../..', '/',
  '//a//b//', '/a/b/..', '/a/b/../', '/x:y;z\'`{}<>',
]) {
  coded('pathToFileURL ' + JSON.stringify(path), () => url.pathToFileURL(path).href);
}
coded('pathToFileURL number', () => url.pathToFileURL(5));
show('pathToFileURL is URL', url.pathToFileURL('/x') instanceof URL);

for (const input of [
  'http://user:pass@host:8080/p?q#h', 'http://[::1]:80/', 'https://a/', 'http://%C3%A9:%20@h/', 'http://u@h/', 'file:///x',
]) {
  show('urlToHttpOptions ' + input, plain(url.urlToHttpOptions(new URL(input))));
}
