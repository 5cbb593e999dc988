// `string_decoder`: characters split across writes in each encoding, invalid UTF-8 and
// its replacement characters, what `end()` flushes, the `lastNeed`, `lastTotal` and
// `lastChar` state, the input types, and the errors.
const { StringDecoder } = require('string_decoder');
const { Buffer } = require('buffer');
const units = (text) => {
  const out = [];
  for (let i = 0; i < text.length; i++) out.push(text.charCodeAt(i).toString(16));
  return out.join(' ');
};
const coded = (label, fn) => {
  try {
    show(label, fn());
  } catch (error) {
    show(label, { name: error.name, code: error.code, message: error.message });
  }
};
// Feeds `chunks` (byte arrays) one write each, then end(): every output as code units,
// with the state after each step.
const feed = (encoding, chunks) => {
  const decoder = new StringDecoder(encoding);
  const steps = [];
  for (const chunk of chunks) {
    const out = decoder.write(new Uint8Array(chunk));
    steps.push([units(out), decoder.lastNeed, decoder.lastTotal, Array.from(decoder.lastChar)]);
  }
  const last = decoder.end();
  steps.push(['end ' + units(last), decoder.lastNeed, decoder.lastTotal]);
  return steps;
};

const names = [
  undefined, null, '', 'utf8', 'utf-8', 'UTF8', 'Utf-8', 'ucs2', 'UCS-2', 'utf16le', 'UTF-16LE', 'latin1', 'binary',
  'BINARY', 'base64', 'Base64', 'base64url', 'BASE64URL', 'hex', 'HEX', 'ascii', 'Ascii',
];
for (const name of names) show('encoding ' + String(name), new StringDecoder(name).encoding);
for (const name of ['utf9', 'latin-1', 'utf16', 'utf-16be', 'buffer', 'hex ', 5, false]) {
  coded('unknown encoding ' + String(name), () => new StringDecoder(name));
}
show('own keys', Object.keys(new StringDecoder()));
show('prototype keys', Object.keys(StringDecoder.prototype));
show('fresh state', (() => {
  const d = new StringDecoder();
  return [d.lastNeed, d.lastTotal, Array.from(d.lastChar), d.lastChar.length];
})());

// UTF-8
const euro = [0xe2, 0x82, 0xac];
show('utf8 whole', feed('utf8', [euro]));
show('utf8 1+2', feed('utf8', [[0xe2], [0x82, 0xac]]));
show('utf8 2+1', feed('utf8', [[0x61, 0xe2, 0x82], [0xac, 0x62]]));
show('utf8 byte by byte', feed('utf8', [[0xf0], [0x9f], [0x98], [0x80]]));
show('utf8 emoji 3+1', feed('utf8', [[0xf0, 0x9f, 0x98], [0x80]]));
show('utf8 incomplete at end', feed('utf8', [[0x61, 0xe2, 0x82]]));
show('utf8 incomplete four', feed('utf8', [[0xf0, 0x9f, 0x98]]));
show('utf8 interrupted', feed('utf8', [[0xe2, 0x82], [0x41]]));
show('utf8 interrupted after one', feed('utf8', [[0xf0], [0x9f, 0x41, 0x42]]));
show('utf8 invalid lead', feed('utf8', [[0xff, 0x61, 0xfe]]));
show('utf8 lone continuations', feed('utf8', [[0x80, 0x80], [0x80, 0x80, 0x80]]));
show('utf8 continuation after ascii', feed('utf8', [[0x61, 0x80]]));
show('utf8 overlong', feed('utf8', [[0xc0, 0xaf, 0xe0, 0x80, 0xaf]]));
show('utf8 surrogate encoded', feed('utf8', [[0xed, 0xa0, 0x80]]));
show('utf8 too high', feed('utf8', [[0xf4, 0x90, 0x80, 0x80]]));
show('utf8 cut invalid', feed('utf8', [[0xe0, 0x80]]));
show('utf8 cut then empty', feed('utf8', [[0xe2], [], [0x82], [], [0xac]]));
show('utf8 five continuations', feed('utf8', [[0xf0, 0x80, 0x80, 0x80, 0x80]]));
show('utf8 f8 lead', feed('utf8', [[0x61, 0xf8, 0x80]]));
show('utf8 two cut characters', feed('utf8', [[0xc3], [0xa9, 0xc3], [0xa9]]));
show('utf8 wrong continuation', feed('utf8', [[0xe2, 0x82], [0xc3, 0xa9]]));

// UTF-16LE
show('utf16le whole', feed('utf16le', [[0x61, 0x00, 0x62, 0x00]]));
show('utf16le odd byte', feed('utf16le', [[0x61], [0x00, 0x62], [0x00]]));
show('utf16le pair 2+2', feed('utf16le', [[0x3d, 0xd8], [0x00, 0xde]]));
show('utf16le pair 1+3', feed('utf16le', [[0x3d], [0xd8, 0x00, 0xde]]));
show('utf16le pair 3+1', feed('utf16le', [[0x3d, 0xd8, 0x00], [0xde]]));
show('utf16le pair byte by byte', feed('utf16le', [[0x3d], [0xd8], [0x00], [0xde]]));
show('utf16le lone high at end', feed('utf16le', [[0x61, 0x00, 0x3d, 0xd8]]));
show('utf16le high then other', feed('utf16le', [[0x3d, 0xd8], [0x61, 0x00]]));
show('utf16le odd at end', feed('utf16le', [[0x61, 0x00, 0x62]]));
show('utf16le three bytes of a pair at end', feed('utf16le', [[0x3d, 0xd8, 0x00]]));
show('ucs2 alias', feed('ucs2', [[0x41, 0x00]]));

// base64 and base64url
show('base64 groups', feed('base64', [[1], [2, 3, 4], [5, 6, 7, 8]]));
show('base64 end pads', feed('base64', [[0xff, 0xfe, 0xfd, 0xfc]]));
show('base64 one short', feed('base64', [[0xfb, 0xff]]));
show('base64url', feed('base64url', [[0xfb, 0xff, 0xfe, 0xfa], [0xfb]]));
show('base64 exact', feed('base64', [[1, 2, 3], [4, 5, 6]]));

// the one-to-one encodings
show('hex', feed('hex', [[0x00, 0xff], [0x10]]));
show('latin1', feed('latin1', [[0x61, 0xe9, 0xff]]));
show('ascii', feed('ascii', [[0x61, 0x7f, 0x80, 0xe9]]));

// inputs
const d = new StringDecoder('utf8');
show('string input', d.write('as is'));
show('Buffer input', d.write(Buffer.from('buffer')));
show('DataView input', d.write(new DataView(new Uint8Array([0x78, 0x61, 0x62, 0x79]).buffer, 1, 2)));
show('Uint16Array input', units(new StringDecoder('utf16le').write(new Uint16Array([0x41, 0x20ac]))));
show('subarray input', d.write(new Uint8Array([0x30, 0x31, 0x32, 0x33]).subarray(1, 3)));
show('end with a chunk', new StringDecoder('utf8').end(new Uint8Array([0x61, 0xe2])));
show('end with a string', new StringDecoder('utf8').end('text'));
show('end twice', (() => {
  const e = new StringDecoder('utf8');
  e.write(new Uint8Array([0xe2]));
  return [e.end(), e.end(), e.write(new Uint8Array([0x41]))];
})());
show('text', (() => {
  const t = new StringDecoder('utf8');
  t.write(new Uint8Array([0xe2]));
  return [t.text(new Uint8Array([0x61, 0x62, 0x63]), 1), t.lastNeed, t.text('string', 2)];
})());
coded('write a number', () => new StringDecoder().write(5));
coded('write null', () => new StringDecoder().write(null));
coded('write an array', () => new StringDecoder().write([1, 2]));
coded('write an ArrayBuffer', () => new StringDecoder().write(new ArrayBuffer(2)));
coded('write on another object', () => StringDecoder.prototype.write.call({}, new Uint8Array([0x61])));
await attempt('called without new', () => StringDecoder('utf8'));
