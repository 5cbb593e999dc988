// TextEncoder and TextDecoder, with the inputs that are hard to get right.
const encoder = new TextEncoder();
show('encoding', encoder.encoding);
show('ascii', encoder.encode('hello'));
show('two-byte', encoder.encode('é'));
show('astral', encoder.encode('😀'));
show('lone surrogate', encoder.encode('a\ud800b'));
show('empty', encoder.encode(''));
const into = new Uint8Array(4);
await attempt('encodeInto', () => [encoder.encodeInto('é😀', into), into]);
const decoder = new TextDecoder();
show('decoder encoding', decoder.encoding);
show('decode', decoder.decode(new Uint8Array([0x68, 0xc3, 0xa9])));
show('decode bom', decoder.decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x68])));
show('decode invalid', decoder.decode(new Uint8Array([0x61, 0xff, 0xe2, 0x82, 0x62])));
show('decode nothing', decoder.decode());
await attempt('fatal', () => new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array([0xff])));
show('ignoreBOM', new TextDecoder('utf-8', { ignoreBOM: true }).decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x68])));
