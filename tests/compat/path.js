// `path`: POSIX and win32 functions over the inputs where their quirks show: repeated
// and trailing separators, `.` and `..`, dotfiles, suffixes, drive letters, UNC and device
// roots, reserved device names, and the argument errors. The current directory is made
// `/` for the snippet, as it is in actionbox.
const path = require('path');
const process = globalThis.process;
const savedCwd = process.cwd;
process.cwd = () => '/';
const coded = (label, fn) => {
  try {
    show(label, fn());
  } catch (error) {
    show(label, { name: error.name, code: error.code, message: error.message });
  }
};

show('module shape', [
  path.sep, path.delimiter, path.posix === path, path.win32.win32 === path.win32, path.win32.posix === path,
]);
show('win32 shape', [path.win32.sep, path.win32.delimiter]);
show('_makeLong', [path._makeLong === path.toNamespacedPath, path.win32._makeLong === path.win32.toNamespacedPath]);

const posixInputs = [
  '', '/', '//', '///', '.', '..', './', '../', '/..', '/../', '//..', 'a', 'a/', 'a//', '/a', '/a/', '//a', 'a/b',
  'a//b', '/a/b/c', '/a/b/c/', 'a/./b', 'a/../b', '../a/..', 'a/b/../../..', '/a/b/../../..', './a', '.bashrc',
  '/x/.bashrc', 'file.txt', 'file.tar.gz', 'file.', 'file..', '.file.', '..a', 'a..', '...', '/a/b.c/', 'a\\b',
  'C:\\x.y', '/foo/bar/baz/asdf/quux.html',
];
for (const p of posixInputs) {
  const label = JSON.stringify(p);
  show('posix ' + label, [
    path.basename(p), path.dirname(p), path.extname(p), path.normalize(p), path.isAbsolute(p), path.resolve(p),
    path.toNamespacedPath(p),
  ]);
  show('posix parse ' + label, path.parse(p));
  show('posix format(parse) ' + label, path.format(path.parse(p)));
}

const suffixCases = [
  ['/a/b.html', '.html'], ['/a/b.html', 'html'], ['/a/b.html', 'b.html'], ['/a/b.html', 'xb.html'],
  ['/a/b.html/', '.html'],
  ['/a/bc/', 'xbc'], ['bc', 'xc'], ['//', '/'], ['a', 'a'], ['aaa', 'a'], ['/a/b', ''], ['.js', '.js'], ['x.js', '.JS'],
];
for (const [p, s] of suffixCases) show('posix basename ' + JSON.stringify([p, s]), path.basename(p, s));

const joins = [
  [], [''], ['', ''], ['a', 'b'], ['/a', '/b'], ['a', '', 'b'], ['a/', '/b/'], ['.', '..'], ['..', '..', 'a'],
  ['/', '..'],
  ['a', '../..', 'b'], ['//a', 'b'], ['a', '.', './'], ['/a/b', '../../../c'],
];
for (const args of joins) show('posix join ' + JSON.stringify(args), path.join(...args));

const resolves = [
  [], [''], ['a', 'b'], ['/a', 'b', '../c'], ['a', '/b', 'c'], ['/a/', '/b/'], ['..'], ['a/./b/..'], ['/', '..', '..'],
];
for (const args of resolves) show('posix resolve ' + JSON.stringify(args), path.resolve(...args));

const relatives = [
  ['/a/b', '/a/b'], ['/a/b', '/a/b/c/d'], ['/a/b/c', '/a'], ['/a/b', '/a/c'], ['/', '/a/b'], ['/a/b', '/'],
  ['/a/bc', '/a/b'],
  ['/a/b', '/a/bc'], ['a', 'b'], ['', '/x'], ['/data/orandea/test/aaa', '/data/orandea/impl/bbb'], ['/a/b/', '/a/b'],
];
for (const [from, to] of relatives) show('posix relative ' + JSON.stringify([from, to]), path.relative(from, to));

const objects = [
  { root: '/', dir: '/home/user/dir', base: 'file.txt' }, { root: '/', base: 'file.txt', ext: 'ignored' },
  { root: '/', name: 'file', ext: '.txt' }, { name: 'file', ext: 'txt' }, { dir: 'd', name: 'n' },
  { root: '/', dir: '/' },
  {}, { base: '' }, { dir: 'x', root: 'x', base: 'y' }, { ext: '.e' },
];
for (const o of objects) show('posix format ' + JSON.stringify(o), path.format(o));
show('win32 format', path.win32.format({ dir: 'C:\\path\\dir', base: 'file.txt' }));
show('win32 format root', path.win32.format({ root: 'C:\\', name: 'file', ext: 'txt' }));

const winInputs = [
  '', '\\', '/', '\\\\', 'C:', 'c:', 'C:\\', 'C:/', 'C:\\\\', 'C:x', 'C:x\\y', 'C:\\x\\y\\', 'C:..\\x', 'C:\\..\\..',
  '\\\\server', '\\\\server\\', '\\\\server\\share', '\\\\server\\share\\', '\\\\server\\share\\a\\b',
  '//server/share/a',
  '\\\\server\\\\share\\a', '\\\\.\\PHYSICALDRIVE0', '\\\\.\\C:\\x', '\\\\?\\C:\\x\\..\\y', '\\\\?\\UNC\\srv\\sh\\f',
  '\\a\\b', 'a\\b/c', 'a/../..\\b', '..\\..', 'file.txt', 'C:file.txt', 'C:\\.bashrc', '1:\\x', 'CON', 'con:', 'CON:x',
  'LPT1:\\y', 'COM1:', 'NUL.txt', 'conx', 'x:y', 'x:y\\', 'a:b:c', 'a:\\b:c', 'dir\\C:\\x', 'C:\\foo\\..\\bar',
  '.\\a\\.\\b',
];
for (const p of winInputs) {
  const label = JSON.stringify(p);
  const w = path.win32;
  show('win32 ' + label, [w.basename(p), w.dirname(p), w.extname(p), w.normalize(p), w.isAbsolute(p)]);
  show('win32 resolve ' + label, [w.resolve(p), w.toNamespacedPath(p)]);
  show('win32 parse ' + label, w.parse(p));
}
const winSuffixes = [
  ['C:\\a\\b.txt', '.txt'], ['C:foo', 'xfoo'], ['C:\\', '\\'], ['\\\\srv\\sh\\f.js', 'f.js'], ['a\\b\\', 'b'],
];
for (const [p, s] of winSuffixes) {
  show('win32 basename ' + JSON.stringify([p, s]), path.win32.basename(p, s));
}
const winJoins = [
  [], ['C:', 'a'], ['C:\\', '..', 'x'], ['//server', 'share'], ['\\\\server', 'share', 'f'], ['//', 'server', 'share'],
  ['\\\\\\x', 'y'], ['a', 'C:'], ['/', '/a'], ['', 'a\\', '\\b'], ['\\\\.', 'pipe', 'x'], ['CON:', 'x'],
];
for (const args of winJoins) show('win32 join ' + JSON.stringify(args), path.win32.join(...args));
const winResolves = [
  [], ['C:\\a', 'b'], ['C:\\a', 'D:b'], ['C:\\a', 'c:b'], ['C:a'], ['a', 'C:\\b', '..\\c'], ['\\\\srv\\sh', 'x'],
  ['\\\\srv\\sh\\a', '\\b'], ['C:\\x', '\\y'], ['D:', '..'], ['\\\\.\\dev', 'x'],
];
for (const args of winResolves) show('win32 resolve ' + JSON.stringify(args), path.win32.resolve(...args));
const winRelatives = [
  ['C:\\orandea\\test\\aaa', 'C:\\orandea\\impl\\bbb'], ['C:\\', 'C:\\foo'], ['C:\\foo\\bar', 'C:\\'],
  ['C:\\a', 'D:\\a'],
  ['C:\\A\\b', 'c:\\a\\B\\c'], ['\\\\srv\\sh\\a', '\\\\srv\\sh\\b'], ['\\\\srv\\sh1\\a', '\\\\srv\\sh2\\a'],
  ['\\\\srv1\\sh\\a', '\\\\srv2\\sh\\a'], ['C:\\foo\\bar\\baz', 'C:\\foo\\bar\\baz-quux'], ['C:\\İ\\a', 'C:\\i̇\\b'],
  ['C:\\a\\b', 'C:\\a\\b'], ['C:\\a', 'C:\\ab'],
];
for (const [from, to] of winRelatives) {
  show('win32 relative ' + JSON.stringify([from, to]), path.win32.relative(from, to));
}

// argument errors
coded('basename number', () => path.basename(5));
coded('basename suffix', () => path.basename('a', 5));
coded('dirname null', () => path.dirname(null));
coded('extname object', () => path.extname({}));
coded('normalize undefined', () => path.normalize());
coded('join non-string', () => path.join('a', 1));
coded('resolve non-string', () => path.resolve('a', true));
coded('resolve skips left of absolute', () => path.resolve(5, '/a'));
coded('relative from', () => path.relative(null, 'a'));
coded('relative to', () => path.relative('a', 1n));
coded('parse array', () => path.parse(['a']));
coded('format null', () => path.format(null));
coded('format string', () => path.format('a'));
coded('format array', () => path.format([]));
coded('isAbsolute symbol', () => path.isAbsolute(Symbol('s')));
coded('win32 basename', () => path.win32.basename(1));
coded('win32 join', () => path.win32.join(null));
coded('win32 resolve', () => path.win32.resolve('a', {}));
show('toNamespacedPath non-string', [
  path.toNamespacedPath(5), path.win32.toNamespacedPath(5), path.win32.toNamespacedPath(''),
]);

process.cwd = savedCwd;
