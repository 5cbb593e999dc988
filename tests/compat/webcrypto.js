// The Web Crypto API (`crypto`, `crypto.subtle`): Crypto, CryptoKey and SubtleCrypto as
// objects, getRandomValues' rules (random values shown through their length only),
// digests, and import/export round trips in every format, signing and verifying, key
// generation then use, for HMAC, RSASSA-PKCS1-v1_5, RSA-PSS, ECDSA (P-256, P-384, P-521),
// Ed25519 and AES-GCM (fixed key and IV: deterministic ciphertexts), PBKDF2 and HKDF
// known answers, wrapKey/unwrapKey, and the errors (DOMException names, codes and
// messages, WebIDL TypeErrors), all with fixed keys.

const RSA_PRIVATE = `-----BEGIN PRIVATE KEY-----
MIIEvAIBADANBgkqhkiG9w0BAQEFAASCBKYwggSiAgEAAoIBAQC3OYGwC2ePGtW1
4bexUA81vA4lOlWDMiA1Tz4Cd8J39+ZCgC2tWq9FDGr69B3RPGrWerGFs5HyO9DP
JgsI9wd0H0JplSkPqQ3ipbOiEiYUkDjOUWacbijmcoqHpKPTlrqtjtrZNHaTLVTW
FTodupsxvSY5g1R2MXU7kg+S2tGwPxNg0d9BnmvEd88QKvOd7SRfhIBVF4SdOHbH
IyXHwZkqO91OtZg7iKENtA8mdK+cFPwn0a+BPEAsxuL1nZush3vE+3Fwxg1nqUXd
xvtKd62nunZ9aXlnfZm6nPfDMdqP5Oy4mHmJx5ZuX/1CfHE/ws23hfCc7hkJzu6w
ngYJZ5bbAgMBAAECggEATvUXMBgaDo9P3Uth76VCiLN7nQtgYmMtggud+05EnZJU
xf+ar4PO2ACb8X1VhB93IupIqgdSM4MXXs1UIA7kRWRbKEjBIyCE/VDO8l7DzkTA
Vhi6EVtfgL+HdyC6AKqJ09Ul9kgneREl6APJwZny2yJZ4Jr5wN1bWcp9r5lgl4Q6
gIspISBZwyWuVLAkhS5lc7HspLtpl9vPxW/p5OhUodYVgQbZnbdY+iaOdusUjdgB
QCB6RmhZlKpToW+G8bG+HNLuAKxW6KT3DmzxbMqe75MdhnsgF3sZqrEAtBxIV6LQ
hudAxiTDECmlXSH8IKKBl9/wYm8bqT/LmNCpOuZtYQKBgQD5SHyTNFPg/Yii0hNJ
K/FAz7G4affKparBEQtWM1HGvI1Ie5LIS1RqkOgiod+NXahroID9ohulLenQUrbX
EhD5UXAmbgiirWtN10WkisXa0zbl0A+OVkrsE67PY62xz8xWE68qNNzlXr+hmeiJ
6N0T2IZ/3aJser1bQNPh6sfv0wKBgQC8KVwB/gNcBuFhoRKYyzBGrCDgsePchwza
HwbUfEAqOc7t9IIg/PCfHVn6NcegvWUMmjnrzc74dan24gjK7/1M9zAKyHz9eRsJ
c/M+samPJxdXz1+fqb4wXT90KRV+2IqnojZOihyNvMCPOoETBlgnh7X2C+59cDMp
Tcb31Zpf2QKBgC2swmaWZ+gJjEeJBk+Z5ZJie8W2ZNiUkjzdyp34uTsYwSpOug5I
/yandmEiF7vnNTzDI99VHIufZf/tp+KwRLvp2AqyjpKAA/E3SGNlqer2WFCzVqZV
2VR4JseJFAJIeMAsyyOInBDK04HgmWLrb9Z7DenPyjrmIlvd/PSf+BJRAoGAIr+k
nT2S00D2CHidnZgQn0yUecqAYS6TogiO01jq5KFuZKV+DqeHrGrYPgwGhNnVOoGU
5sZITbw1GkHeC9RMPBV+Ss+BvbHK23ENX+uhe61lczL53tuTIw1ldYdMz/MfkBu1
2cVJxqcwDINqaOAIEazPXtQPRB0fZaZWc1iAPOkCgYBrBcbUF1Rq8ET2Bzx3K4E+
0opH0JhQLe4D6BP1ZuWKqpFe5Kf9jDQkvZM8iNgSWpkVpUyyh2ZpTHNjCjCY6bT/
ZFi/yMdp9dshmcgSWBcafU6/z2h4sD2+RVLJ8qyzjCGqybNqAt+iPeo/gNpNuWrN
bqbN+3GHhYT7QKHa1GX9ZQ==
-----END PRIVATE KEY-----
`;
const RSA_PUBLIC = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAtzmBsAtnjxrVteG3sVAP
NbwOJTpVgzIgNU8+AnfCd/fmQoAtrVqvRQxq+vQd0Txq1nqxhbOR8jvQzyYLCPcH
dB9CaZUpD6kN4qWzohImFJA4zlFmnG4o5nKKh6Sj05a6rY7a2TR2ky1U1hU6Hbqb
Mb0mOYNUdjF1O5IPktrRsD8TYNHfQZ5rxHfPECrzne0kX4SAVReEnTh2xyMlx8GZ
KjvdTrWYO4ihDbQPJnSvnBT8J9GvgTxALMbi9Z2brId7xPtxcMYNZ6lF3cb7Snet
p7p2fWl5Z32Zupz3wzHaj+TsuJh5iceWbl/9QnxxP8LNt4XwnO4ZCc7usJ4GCWeW
2wIDAQAB
-----END PUBLIC KEY-----
`;
const P256_PRIVATE = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgQPbZjpL80ittFD3H
2RI2Y0WbudtMYLKJUXMucK11ZwuhRANCAASgC0EnHH/rbNmTXNIA8D++TTXvhT2C
6gG2x0Lx8/Lj2AVaFFmeyWg+tWJ9trzhI2ccENKBGixJqwWELx1zkTIy
-----END PRIVATE KEY-----
`;
const P256_PUBLIC = `-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEoAtBJxx/62zZk1zSAPA/vk0174U9
guoBtsdC8fPy49gFWhRZnsloPrVifba84SNnHBDSgRosSasFhC8dc5EyMg==
-----END PUBLIC KEY-----
`;
const P384_PRIVATE = `-----BEGIN PRIVATE KEY-----
MIG2AgEAMBAGByqGSM49AgEGBSuBBAAiBIGeMIGbAgEBBDDii0AdkcxM343ukJup
b9Y+dJshQEUiQ4nS/rufREulBFM58qtDx8WGuyzNju3aRv+hZANiAARqreEdM/aH
sIj8tKytise4IZP5l+gpjJbtsSKUh2aOD0E4JEsLmSZjTYZqIjq8d1w1yCVxnjQS
Bm3pHJeKHjZnXCIWNWn837GVAstgc4W73VkbSdN4Y0h67i/hPlJH/i0=
-----END PRIVATE KEY-----
`;
const P384_PUBLIC = `-----BEGIN PUBLIC KEY-----
MHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEaq3hHTP2h7CI/LSsrYrHuCGT+ZfoKYyW
7bEilIdmjg9BOCRLC5kmY02GaiI6vHdcNcglcZ40EgZt6RyXih42Z1wiFjVp/N+x
lQLLYHOFu91ZG0nTeGNIeu4v4T5SR/4t
-----END PUBLIC KEY-----
`;
const P521_PRIVATE = `-----BEGIN PRIVATE KEY-----
MIHuAgEAMBAGByqGSM49AgEGBSuBBAAjBIHWMIHTAgEBBEIACVaYgVVEzlLKPGNX
q25vXS1iQ85nO8X2JmAtah9ts64BHMeDgytxOhPYVTfAW52+UGjUSE8tdL/X4/bc
xVP36SOhgYkDgYYABACkfz6VZi5FYbLtj5jqYMzOndt+ayBxefUBxjaBN9n0bkZw
KUFjpeItDzDLiVrEwUhtmKcq7VQSWZ6aRCko1nevwQF+NJljS3rrJyCHm38Qkmja
JfWqcx2kJXxPSjDNf6BIZILO2XBB3HLSVuavxX7B3RnFiVawG6cTbHzJaKRKpPyq
0w==
-----END PRIVATE KEY-----
`;
const ED_PRIVATE = `-----BEGIN PRIVATE KEY-----
MC4CAQAwBQYDK2VwBCIEIFPfAQ4PL4q9AeUEBDAWu1TjfqiQn446yT5MZ+CD+OSD
-----END PRIVATE KEY-----
`;
const ED_PUBLIC = `-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEAN9IZSx8AlnZeboE5ooAGfFlRPdj2Ucfd4N5uEWjk+R8=
-----END PUBLIC KEY-----
`;
const RSA_JWK = {
  kty: 'RSA',
  n: 'tzmBsAtnjxrVteG3sVAPNbwOJTpVgzIgNU8-AnfCd_fmQoAtrVqvRQxq-vQd0Txq1nqxhbOR8jvQzyYLCPcHdB9CaZUpD6kN4qWzohImFJA4zlFmnG4o5nKKh6Sj05a6rY7a2TR2ky1U1hU6HbqbMb0mOYNUdjF1O5IPktrRsD8TYNHfQZ5rxHfPECrzne0kX4SAVReEnTh2xyMlx8GZKjvdTrWYO4ihDbQPJnSvnBT8J9GvgTxALMbi9Z2brId7xPtxcMYNZ6lF3cb7Snetp7p2fWl5Z32Zupz3wzHaj-TsuJh5iceWbl_9QnxxP8LNt4XwnO4ZCc7usJ4GCWeW2w',
  e: 'AQAB',
  d: 'TvUXMBgaDo9P3Uth76VCiLN7nQtgYmMtggud-05EnZJUxf-ar4PO2ACb8X1VhB93IupIqgdSM4MXXs1UIA7kRWRbKEjBIyCE_VDO8l7DzkTAVhi6EVtfgL-HdyC6AKqJ09Ul9kgneREl6APJwZny2yJZ4Jr5wN1bWcp9r5lgl4Q6gIspISBZwyWuVLAkhS5lc7HspLtpl9vPxW_p5OhUodYVgQbZnbdY-iaOdusUjdgBQCB6RmhZlKpToW-G8bG-HNLuAKxW6KT3DmzxbMqe75MdhnsgF3sZqrEAtBxIV6LQhudAxiTDECmlXSH8IKKBl9_wYm8bqT_LmNCpOuZtYQ',
  p: '-Uh8kzRT4P2IotITSSvxQM-xuGn3yqWqwRELVjNRxryNSHuSyEtUapDoIqHfjV2oa6CA_aIbpS3p0FK21xIQ-VFwJm4Ioq1rTddFpIrF2tM25dAPjlZK7BOuz2Otsc_MVhOvKjTc5V6_oZnoiejdE9iGf92ibHq9W0DT4erH79M',
  q: 'vClcAf4DXAbhYaESmMswRqwg4LHj3IcM2h8G1HxAKjnO7fSCIPzwnx1Z-jXHoL1lDJo5683O-HWp9uIIyu_9TPcwCsh8_XkbCXPzPrGpjycXV89fn6m-MF0_dCkVftiKp6I2ToocjbzAjzqBEwZYJ4e19gvufXAzKU3G99WaX9k',
  dp: 'LazCZpZn6AmMR4kGT5nlkmJ7xbZk2JSSPN3Knfi5OxjBKk66Dkj_Jqd2YSIXu-c1PMMj31Uci59l_-2n4rBEu-nYCrKOkoAD8TdIY2Wp6vZYULNWplXZVHgmx4kUAkh4wCzLI4icEMrTgeCZYutv1nsN6c_KOuYiW9389J_4ElE',
  dq: 'Ir-knT2S00D2CHidnZgQn0yUecqAYS6TogiO01jq5KFuZKV-DqeHrGrYPgwGhNnVOoGU5sZITbw1GkHeC9RMPBV-Ss-BvbHK23ENX-uhe61lczL53tuTIw1ldYdMz_MfkBu12cVJxqcwDINqaOAIEazPXtQPRB0fZaZWc1iAPOk',
  qi: 'awXG1BdUavBE9gc8dyuBPtKKR9CYUC3uA-gT9WbliqqRXuSn_Yw0JL2TPIjYElqZFaVMsodmaUxzYwowmOm0_2RYv8jHafXbIZnIElgXGn1Ov89oeLA9vkVSyfKss4whqsmzagLfoj3qP4DaTblqzW6mzftxh4WE-0Ch2tRl_WU',
};
const P256_JWK = {
  kty: 'EC',
  x: 'oAtBJxx_62zZk1zSAPA_vk0174U9guoBtsdC8fPy49g',
  y: 'BVoUWZ7JaD61Yn22vOEjZxwQ0oEaLEmrBYQvHXORMjI',
  crv: 'P-256',
  d: 'QPbZjpL80ittFD3H2RI2Y0WbudtMYLKJUXMucK11Zws',
};
const P384_JWK = {
  kty: 'EC',
  x: 'aq3hHTP2h7CI_LSsrYrHuCGT-ZfoKYyW7bEilIdmjg9BOCRLC5kmY02GaiI6vHdc',
  y: 'NcglcZ40EgZt6RyXih42Z1wiFjVp_N-xlQLLYHOFu91ZG0nTeGNIeu4v4T5SR_4t',
  crv: 'P-384',
  d: '4otAHZHMTN-N7pCbqW_WPnSbIUBFIkOJ0v67n0RLpQRTOfKrQ8fFhrsszY7t2kb_',
};
const ED_JWK = {
  crv: 'Ed25519',
  d: 'U98BDg8vir0B5QQEMBa7VON-qJCfjjrJPkxn4IP45IM',
  x: 'N9IZSx8AlnZeboE5ooAGfFlRPdj2Ucfd4N5uEWjk-R8',
  kty: 'OKP',
};

// (`node -e` makes `crypto` the module: the global is read from globalThis.)
const crypto = globalThis.crypto;
const { subtle } = crypto;
const hex = (b) => Buffer.from(b instanceof ArrayBuffer ? new Uint8Array(b) : b).toString('hex');
const der = (pem) => Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
// What a promise gives: its value, or the error's name, code and message.
const settle = async (promise) => {
  try {
    return await promise;
  } catch (error) {
    return { threw: error && error.name, code: error && error.code, message: error && error.message };
  }
};
const check = async (label, fn) => show(label, await settle(Promise.resolve().then(fn)));
const describeKey = (key) => [key.type, key.extractable, key.algorithm, key.usages];
const data = new TextEncoder().encode('The quick brown fox jumps over the lazy dog');

// ---------------------------------------------------------------- Crypto
show('globals', [typeof crypto, typeof Crypto, typeof CryptoKey, typeof SubtleCrypto, crypto instanceof Crypto, subtle instanceof SubtleCrypto]);
show('tags', [Object.prototype.toString.call(crypto), Object.prototype.toString.call(subtle), String(Crypto.prototype[Symbol.toStringTag])]);
show('Crypto.prototype', Object.keys(Crypto.prototype));
show('SubtleCrypto.prototype', Object.keys(SubtleCrypto.prototype));
show('CryptoKey.prototype', Object.keys(CryptoKey.prototype));
show('subtle is one object', crypto.subtle === crypto.subtle);
await check('new Crypto', () => new Crypto());
await check('new SubtleCrypto', () => new SubtleCrypto());
await check('new CryptoKey', () => new CryptoKey());
await check('subtle getter this', () => Object.getOwnPropertyDescriptor(Crypto.prototype, 'subtle').get.call({}));
show('getRandomValues', (() => {
  const out = [];
  for (const Type of [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, BigInt64Array, BigUint64Array]) {
    const array = new Type(4);
    out.push(crypto.getRandomValues(array) === array);
  }
  out.push(crypto.getRandomValues(new Uint8Array(65536)).length, crypto.getRandomValues(new Uint8Array(0)).length);
  return out;
})());
show('getRandomValues fills', (() => {
  const a = crypto.getRandomValues(new Uint8Array(64));
  return a.some((byte) => byte !== 0);
})());
await check('getRandomValues Float32Array', () => crypto.getRandomValues(new Float32Array(2)));
await check('getRandomValues Float64Array', () => crypto.getRandomValues(new Float64Array(2)));
await check('getRandomValues DataView', () => crypto.getRandomValues(new DataView(new ArrayBuffer(2))));
await check('getRandomValues array', () => crypto.getRandomValues([1, 2]));
await check('getRandomValues too big', () => crypto.getRandomValues(new Uint8Array(65537)));
await check('getRandomValues too big Uint32', () => crypto.getRandomValues(new Uint32Array(16385)));
await check('getRandomValues none', () => crypto.getRandomValues());
await check('getRandomValues this', () => crypto.getRandomValues.call({}, new Uint8Array(2)));
show('randomUUID', [/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(crypto.randomUUID()), crypto.randomUUID() !== crypto.randomUUID()]);
await check('randomUUID this', () => crypto.randomUUID.call({}));

// ---------------------------------------------------------------- digest
for (const name of ['SHA-1', 'SHA-256', 'SHA-384', 'SHA-512']) {
  show('digest ' + name, hex(await subtle.digest(name, data)));
}
show('digest inputs', [
  hex(await subtle.digest('sha-256', new Uint8Array(0))),
  hex(await subtle.digest({ name: 'SHA-256' }, data.buffer)),
  hex(await subtle.digest('SHA-256', new DataView(data.buffer, 4, 5))),
  hex(await subtle.digest('SHA-256', Buffer.from('quick'))),
  hex(await subtle.digest('SHA-256', new Uint16Array([0x7571, 0x6369]))),
]);
show('digest result', Object.prototype.toString.call(await subtle.digest('SHA-1', data)));
show('digest returns a promise', subtle.digest('SHA-1', data) instanceof Promise);
await check('digest unknown', () => subtle.digest('SHA-3', data));
await check('digest md5', () => subtle.digest('MD5', data));
await check('digest no name', () => subtle.digest({}, data));
await check('digest number', () => subtle.digest(5, data));
await check('digest none', () => subtle.digest());
await check('digest one argument', () => subtle.digest('SHA-256'));
await check('digest string data', () => subtle.digest('SHA-256', 'abc'));
await check('digest this', () => subtle.digest.call({}, 'SHA-256', data));
show('rejects, never throws', await (async () => {
  let threw = false;
  let promise;
  try {
    promise = subtle.digest();
  } catch {
    threw = true;
  }
  return [threw, await settle(promise).then((r) => r.threw)];
})());

// ---------------------------------------------------------------- HMAC
const hmacKey = await subtle.importKey('raw', new TextEncoder().encode('Jefe'), { name: 'HMAC', hash: 'SHA-256' }, true, ['sign', 'verify']);
show('hmac key', describeKey(hmacKey));
show('hmac key shape', [hmacKey instanceof CryptoKey, Object.prototype.toString.call(hmacKey), Object.keys(hmacKey), hmacKey.algorithm === hmacKey.algorithm]);
{
  const what = new TextEncoder().encode('what do ya want for nothing?');
  const mac = await subtle.sign('HMAC', hmacKey, what);
  show('hmac rfc4231 case 2', hex(mac));
  show('hmac verify', [
    await subtle.verify('HMAC', hmacKey, mac, what),
    await subtle.verify({ name: 'hmac' }, hmacKey, mac, data),
    await subtle.verify('HMAC', hmacKey, mac.slice(0, 16), what),
    await subtle.verify('HMAC', hmacKey, new Uint8Array(32), what),
  ]);
  for (const [hash, length] of [['SHA-1', undefined], ['SHA-384', undefined], ['SHA-512', 256]]) {
    const key = await subtle.importKey('raw', new Uint8Array(32).fill(11), { name: 'HMAC', hash: { name: hash }, length }, true, ['sign']);
    show('hmac ' + hash, [describeKey(key), hex(await subtle.sign('HMAC', key, data))]);
  }
  show('hmac jwk export', await subtle.exportKey('jwk', hmacKey));
  show('hmac raw export', hex(await subtle.exportKey('raw', hmacKey)));
  const fromJwk = await subtle.importKey('jwk', { kty: 'oct', k: 'SmVmZQ', alg: 'HS256', key_ops: ['sign', 'verify'], ext: true },
    { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  show('hmac jwk import', [describeKey(fromJwk), hex(await subtle.sign('HMAC', fromJwk, what))]);
  const generated = await subtle.generateKey({ name: 'HMAC', hash: 'SHA-512' }, true, ['sign', 'verify', 'sign']);
  show('hmac generated', [describeKey(generated), (await subtle.exportKey('raw', generated)).byteLength,
    await subtle.verify('HMAC', generated, await subtle.sign('HMAC', generated, data), data)]);
  show('hmac generated length', describeKey(await subtle.generateKey({ name: 'HMAC', hash: 'SHA-256', length: 128 }, false, ['verify'])));
}
await check('hmac import without hash', () => subtle.importKey('raw', new Uint8Array(16), { name: 'HMAC' }, true, ['sign']));
await check('hmac import unknown hash', () => subtle.importKey('raw', new Uint8Array(16), { name: 'HMAC', hash: 'SHA-3' }, true, ['sign']));
await check('hmac import bad usage', () => subtle.importKey('raw', new Uint8Array(16), { name: 'HMAC', hash: 'SHA-256' }, true, ['encrypt']));
await check('hmac import empty', () => subtle.importKey('raw', new Uint8Array(0), { name: 'HMAC', hash: 'SHA-256' }, true, ['sign']));
await check('hmac import length mismatch', () => subtle.importKey('raw', new Uint8Array(16), { name: 'HMAC', hash: 'SHA-256', length: 100 }, true, ['sign']));
await check('hmac import length zero', () => subtle.importKey('raw', new Uint8Array(16), { name: 'HMAC', hash: 'SHA-256', length: 0 }, true, ['sign']));
await check('hmac import no usages', () => subtle.importKey('raw', new Uint8Array(16), { name: 'HMAC', hash: 'SHA-256' }, true, []));
await check('hmac import spki', () => subtle.importKey('spki', new Uint8Array(16), { name: 'HMAC', hash: 'SHA-256' }, true, ['sign']));
await check('hmac jwk wrong kty', () => subtle.importKey('jwk', { kty: 'RSA', k: 'AAAA' }, { name: 'HMAC', hash: 'SHA-256' }, true, ['sign']));
await check('hmac jwk no kty', () => subtle.importKey('jwk', { k: 'AAAA' }, { name: 'HMAC', hash: 'SHA-256' }, true, ['sign']));
await check('hmac jwk no k', () => subtle.importKey('jwk', { kty: 'oct' }, { name: 'HMAC', hash: 'SHA-256' }, true, ['sign']));
await check('hmac jwk alg', () => subtle.importKey('jwk', { kty: 'oct', k: 'AAAA', alg: 'HS384' }, { name: 'HMAC', hash: 'SHA-256' }, true, ['sign']));
await check('hmac jwk use', () => subtle.importKey('jwk', { kty: 'oct', k: 'AAAA', use: 'enc' }, { name: 'HMAC', hash: 'SHA-256' }, true, ['sign']));
await check('hmac jwk ext', () => subtle.importKey('jwk', { kty: 'oct', k: 'AAAA', ext: false }, { name: 'HMAC', hash: 'SHA-256' }, true, ['sign']));
await check('hmac jwk key_ops', () => subtle.importKey('jwk', { kty: 'oct', k: 'AAAA', key_ops: ['verify'] }, { name: 'HMAC', hash: 'SHA-256' }, true, ['sign']));
await check('hmac jwk duplicate key_ops', () => subtle.importKey('jwk', { kty: 'oct', k: 'AAAA', key_ops: ['sign', 'sign'] }, { name: 'HMAC', hash: 'SHA-256' }, true, ['sign']));
await check('hmac jwk key_ops not a sequence', () => subtle.importKey('jwk', { kty: 'oct', k: 'AAAA', key_ops: 'sign' }, { name: 'HMAC', hash: 'SHA-256' }, true, ['sign']));
await check('hmac generate bad length', () => subtle.generateKey({ name: 'HMAC', hash: 'SHA-256', length: 100 }, true, ['sign']));
await check('hmac generate length zero', () => subtle.generateKey({ name: 'HMAC', hash: 'SHA-256', length: 0 }, true, ['sign']));
await check('hmac generate bad usage', () => subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, true, ['encrypt']));
await check('hmac generate no usages', () => subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, true, []));
await check('hmac sign with verify-only key', async () => {
  const key = await subtle.importKey('raw', new Uint8Array(16), { name: 'HMAC', hash: 'SHA-256' }, true, ['verify']);
  return subtle.sign('HMAC', key, data);
});
await check('hmac sign algorithm mismatch', () => subtle.sign('RSASSA-PKCS1-v1_5', hmacKey, data));
await check('sign unknown algorithm', () => subtle.sign('FOO', hmacKey, data));
await check('sign key not a CryptoKey', () => subtle.sign('HMAC', {}, data));
await check('sign data type', () => subtle.sign('HMAC', hmacKey, 'abc'));
await check('sign missing arguments', () => subtle.sign('HMAC', hmacKey));
await check('verify missing arguments', () => subtle.verify('HMAC', hmacKey, data));

// ---------------------------------------------------------------- RSA
{
  const pkcs1Private = await subtle.importKey('pkcs8', der(RSA_PRIVATE), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, true, ['sign']);
  const pkcs1Public = await subtle.importKey('spki', der(RSA_PUBLIC), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, true, ['verify']);
  show('rsa keys', [describeKey(pkcs1Private), describeKey(pkcs1Public)]);
  const signature = await subtle.sign('RSASSA-PKCS1-v1_5', pkcs1Private, data);
  show('rsa pkcs1 signature', Buffer.from(signature).toString('base64'));
  show('rsa pkcs1 verify', [
    await subtle.verify('RSASSA-PKCS1-v1_5', pkcs1Public, signature, data),
    await subtle.verify('RSASSA-PKCS1-v1_5', pkcs1Public, signature, data.slice(1)),
    await subtle.verify('RSASSA-PKCS1-v1_5', pkcs1Public, new Uint8Array(10), data),
  ]);
  show('rsa exports', [
    Buffer.from(await subtle.exportKey('spki', pkcs1Public)).equals(der(RSA_PUBLIC)),
    Buffer.from(await subtle.exportKey('pkcs8', pkcs1Private)).equals(der(RSA_PRIVATE)),
  ]);
  const jwk = await subtle.exportKey('jwk', pkcs1Private);
  show('rsa jwk export', [Object.keys(jwk), jwk.alg, jwk.n === RSA_JWK.n, jwk.qi === RSA_JWK.qi, jwk.key_ops, jwk.ext]);
  show('rsa jwk public export', await subtle.exportKey('jwk', pkcs1Public).then((j) => [Object.keys(j), j.alg, j.e]));
  const fromJwk = await subtle.importKey('jwk', RSA_JWK, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
  show('rsa jwk import', [describeKey(fromJwk), Buffer.from(await subtle.sign('RSASSA-PKCS1-v1_5', fromJwk, data)).equals(Buffer.from(signature))]);
  const publicJwk = { kty: 'RSA', n: RSA_JWK.n, e: RSA_JWK.e, alg: 'RS256' };
  show('rsa public jwk import', describeKey(await subtle.importKey('jwk', publicJwk, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, true, ['verify'])));
  for (const hash of ['SHA-1', 'SHA-384', 'SHA-512']) {
    const key = await subtle.importKey('jwk', RSA_JWK, { name: 'RSASSA-PKCS1-v1_5', hash }, false, ['sign']);
    await check('rsa pkcs1 ' + hash, async () => hex(await subtle.sign('RSASSA-PKCS1-v1_5', key, data)).slice(0, 64));
  }
  // A signature Node made with SHA-1 (which aws-lc-rs verifies, but does not make).
  {
    const sha1 = Buffer.from('pSIWP47Mca/QJC7xOaRhlxJ42ctSlcQAGE1J4ZQ64VhomzcGaj0JESdIrFWPKgEweJt54YiNYms4aisGM+rW81Kmu+ZLLfpJS8NJkp5rG/GS+p84kYMGNrp6urevSoSCJf1OFdBaqIWcKVq3OTsWYOaoe1W+X3cmr34+PMC04mihHxKbCHRWNkFE7kyFue/YUelYSMwx7b7JOoWEcRnyndIoGPSnPvJCB/nMjpGHg2w4pIzN51UwykzkdAWyEUUZ72wioN2guHfACRGfFJc6n7yHaKcwy2mseOuOdHCP1JCo8X7dbg19Dfqh2d2xT27I+ZZc7cUhcI2gvk4CgDoOXw==', 'base64');
    const key = await subtle.importKey('spki', der(RSA_PUBLIC), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-1' }, false, ['verify']);
    show('rsa pkcs1 SHA-1 verify', [await subtle.verify('RSASSA-PKCS1-v1_5', key, sha1, data), await subtle.verify('RSASSA-PKCS1-v1_5', key, sha1, data.slice(1))]);
  }
  const pssPrivate = await subtle.importKey('pkcs8', der(RSA_PRIVATE), { name: 'RSA-PSS', hash: 'SHA-256' }, true, ['sign']);
  const pssPublic = await subtle.importKey('jwk', publicJwk.alg ? { kty: 'RSA', n: RSA_JWK.n, e: RSA_JWK.e } : publicJwk, { name: 'RSA-PSS', hash: 'SHA-256' }, true, ['verify']);
  for (const saltLength of [0, 20, 32, 222]) {
    const pss = await subtle.sign({ name: 'RSA-PSS', saltLength }, pssPrivate, data);
    show('rsa pss salt ' + saltLength, [pss.byteLength, await subtle.verify({ name: 'RSA-PSS', saltLength }, pssPublic, pss, data),
      await subtle.verify({ name: 'RSA-PSS', saltLength: saltLength === 0 ? 1 : 0 }, pssPublic, pss, data)]);
  }
  show('rsa pss jwk alg', (await subtle.exportKey('jwk', pssPublic)).alg);
  await check('rsa pss salt too long', () => subtle.sign({ name: 'RSA-PSS', saltLength: 223 }, pssPrivate, data));
  await check('rsa pss no salt', () => subtle.sign({ name: 'RSA-PSS' }, pssPrivate, data));
  await check('rsa pss negative salt', () => subtle.sign({ name: 'RSA-PSS', saltLength: -1 }, pssPrivate, data));
  await check('rsa sign with public key', async () => {
    const key = await subtle.importKey('spki', der(RSA_PUBLIC), { name: 'RSA-PSS', hash: 'SHA-256' }, true, ['verify']);
    return subtle.sign({ name: 'RSA-PSS', saltLength: 32 }, key, data);
  });
  await check('rsa verify with the other algorithm', () => subtle.verify('RSASSA-PKCS1-v1_5', pssPublic, signature, data));
  await check('rsa export raw', () => subtle.exportKey('raw', pkcs1Private));
  await check('rsa export spki of private', () => subtle.exportKey('spki', pkcs1Private));
  await check('rsa export pkcs8 of public', () => subtle.exportKey('pkcs8', pkcs1Public));
  await check('rsa not extractable', async () => subtle.exportKey('jwk', fromJwk));
  await check('rsa import bad usage', () => subtle.importKey('spki', der(RSA_PUBLIC), { name: 'RSA-PSS', hash: 'SHA-256' }, true, ['sign']));
  await check('rsa import private bad usage', () => subtle.importKey('pkcs8', der(RSA_PRIVATE), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, true, ['verify']));
  await check('rsa import without hash', () => subtle.importKey('spki', der(RSA_PUBLIC), { name: 'RSA-PSS' }, true, ['verify']));
  await check('rsa import raw', () => subtle.importKey('raw', der(RSA_PUBLIC), { name: 'RSA-PSS', hash: 'SHA-256' }, true, ['verify']));
  await check('rsa import garbage', () => subtle.importKey('spki', new Uint8Array(16), { name: 'RSA-PSS', hash: 'SHA-256' }, true, ['verify']));
  await check('rsa import ec key', () => subtle.importKey('spki', der(P256_PUBLIC), { name: 'RSA-PSS', hash: 'SHA-256' }, true, ['verify']));
  await check('rsa import pkcs8 as spki', () => subtle.importKey('spki', der(RSA_PRIVATE), { name: 'RSA-PSS', hash: 'SHA-256' }, true, ['verify']));
  await check('rsa jwk alg mismatch', () => subtle.importKey('jwk', Object.assign({}, RSA_JWK, { alg: 'RS384' }), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, true, ['sign']));
  show('rsa jwk alg of another scheme', (await subtle.importKey('jwk', Object.assign({}, RSA_JWK, { alg: 'PS256' }), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, true, ['sign'])).type);
  await check('rsa jwk alg unknown', () => subtle.importKey('jwk', Object.assign({}, RSA_JWK, { alg: 'foo' }), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, true, ['sign']));
  await check('rsa jwk partial private', () => subtle.importKey('jwk', Object.assign({}, RSA_JWK, { p: undefined }), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, true, ['sign']));
  await check('rsa jwk wrong kty', () => subtle.importKey('jwk', P256_JWK, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, true, ['sign']));
  await check('rsa jwk use', () => subtle.importKey('jwk', Object.assign({}, RSA_JWK, { use: 'enc' }), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, true, ['sign']));
  const generated = await subtle.generateKey({ name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, true, ['sign', 'verify']);
  show('rsa generated', [Object.keys(generated), Object.getPrototypeOf(generated), describeKey(generated.publicKey), describeKey(generated.privateKey),
    generated.publicKey.algorithm === generated.privateKey.algorithm,
    await subtle.verify('RSASSA-PKCS1-v1_5', generated.publicKey, await subtle.sign('RSASSA-PKCS1-v1_5', generated.privateKey, data), data)]);
  for (const modulusLength of [1024, 2048]) {
    await check('rsa pss generated ' + modulusLength, async () => {
      const generatedPss = await subtle.generateKey({ name: 'RSA-PSS', modulusLength, publicExponent: new Uint8Array([0, 1, 0, 1]), hash: 'SHA-384' }, false, ['sign']);
      return [describeKey(generatedPss.publicKey), describeKey(generatedPss.privateKey)];
    });
  }
  await check('rsa generate no exponent', () => subtle.generateKey({ name: 'RSA-PSS', modulusLength: 1024, hash: 'SHA-256' }, true, ['sign']));
  await check('rsa generate exponent type', () => subtle.generateKey({ name: 'RSA-PSS', modulusLength: 1024, publicExponent: [1, 0, 1], hash: 'SHA-256' }, true, ['sign']));
  await check('rsa generate exponent too big', () => subtle.generateKey({ name: 'RSA-PSS', modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 0, 0, 1]), hash: 'SHA-256' }, true, ['sign']));
  await check('rsa generate bad usage', () => subtle.generateKey({ name: 'RSA-PSS', modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, true, ['encrypt']));
  await check('rsa generate verify only', () => subtle.generateKey({ name: 'RSA-PSS', modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, true, ['verify']));
  await check('rsa generate modulus type', () => subtle.generateKey({ name: 'RSA-PSS', modulusLength: -1, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, true, ['sign']));
}

// ---------------------------------------------------------------- ECDSA
for (const [curve, privatePem, publicPem, jwk, hash, size] of [
  ['P-256', P256_PRIVATE, P256_PUBLIC, P256_JWK, 'SHA-256', 64],
  ['P-384', P384_PRIVATE, P384_PUBLIC, P384_JWK, 'SHA-384', 96],
]) {
  const privateKey = await subtle.importKey('pkcs8', der(privatePem), { name: 'ECDSA', namedCurve: curve }, true, ['sign']);
  const publicKey = await subtle.importKey('spki', der(publicPem), { name: 'ECDSA', namedCurve: curve }, true, ['verify']);
  show('ecdsa ' + curve + ' keys', [describeKey(privateKey), describeKey(publicKey)]);
  const signature = await subtle.sign({ name: 'ECDSA', hash }, privateKey, data);
  show('ecdsa ' + curve + ' sign', [signature.byteLength === size,
    await subtle.verify({ name: 'ECDSA', hash }, publicKey, signature, data),
    await subtle.verify({ name: 'ECDSA', hash }, publicKey, signature, data.slice(1)),
    await subtle.verify({ name: 'ECDSA', hash: 'SHA-512' }, publicKey, signature, data),
    await subtle.verify({ name: 'ECDSA', hash }, publicKey, new Uint8Array(size), data),
    await subtle.verify({ name: 'ECDSA', hash }, publicKey, new Uint8Array(3), data)]);
  const raw = await subtle.exportKey('raw', publicKey);
  show('ecdsa ' + curve + ' raw', [raw.byteLength, new Uint8Array(raw)[0]]);
  const fromRaw = await subtle.importKey('raw', raw, { name: 'ECDSA', namedCurve: curve }, true, ['verify']);
  show('ecdsa ' + curve + ' raw import', [describeKey(fromRaw), await subtle.verify({ name: 'ECDSA', hash }, fromRaw, signature, data)]);
  const compressed = new Uint8Array(1 + (raw.byteLength - 1) / 2);
  compressed.set(new Uint8Array(raw, 0, compressed.length));
  compressed[0] = 2 + (new Uint8Array(raw)[raw.byteLength - 1] & 1);
  show('ecdsa ' + curve + ' compressed import', await subtle.verify({ name: 'ECDSA', hash }, await subtle.importKey('raw', compressed, { name: 'ECDSA', namedCurve: curve }, true, ['verify']), signature, data));
  show('ecdsa ' + curve + ' exports', [
    Buffer.from(await subtle.exportKey('spki', publicKey)).equals(der(publicPem)),
    Buffer.from(await subtle.exportKey('pkcs8', privateKey)).equals(der(privatePem)),
    await subtle.exportKey('jwk', publicKey),
    await subtle.exportKey('jwk', privateKey).then((j) => [Object.keys(j), j.d === jwk.d]),
  ]);
  const fromJwk = await subtle.importKey('jwk', jwk, { name: 'ECDSA', namedCurve: curve }, false, ['sign']);
  show('ecdsa ' + curve + ' jwk import', [describeKey(fromJwk), await subtle.verify({ name: 'ECDSA', hash }, publicKey, await subtle.sign({ name: 'ECDSA', hash }, fromJwk, data), data)]);
}
{
  const p521 = await subtle.importKey('pkcs8', der(P521_PRIVATE), { name: 'ECDSA', namedCurve: 'P-521' }, true, ['sign']);
  show('ecdsa P-521', [describeKey(p521), (await subtle.sign({ name: 'ECDSA', hash: 'SHA-512' }, p521, data)).byteLength,
    Buffer.from(await subtle.exportKey('pkcs8', p521)).equals(der(P521_PRIVATE))]);
  const generated = await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-384' }, true, ['sign', 'verify']);
  show('ecdsa generated', [Object.keys(generated), describeKey(generated.publicKey), describeKey(generated.privateKey)]);
  // (aws-lc-rs signs on P-384 with SHA-384 only.)
  for (const hash of ['SHA-256', 'SHA-384']) {
    await check('ecdsa generated signs with ' + hash, async () =>
      subtle.verify({ name: 'ECDSA', hash }, generated.publicKey, await subtle.sign({ name: 'ECDSA', hash }, generated.privateKey, data), data));
  }
}
await check('ecdsa import without curve', () => subtle.importKey('spki', der(P256_PUBLIC), { name: 'ECDSA' }, true, ['verify']));
await check('ecdsa import unknown curve', () => subtle.importKey('spki', der(P256_PUBLIC), { name: 'ECDSA', namedCurve: 'P-255' }, true, ['verify']));
await check('ecdsa import wrong curve', () => subtle.importKey('spki', der(P256_PUBLIC), { name: 'ECDSA', namedCurve: 'P-384' }, true, ['verify']));
await check('ecdsa import rsa key', () => subtle.importKey('spki', der(RSA_PUBLIC), { name: 'ECDSA', namedCurve: 'P-256' }, true, ['verify']));
await check('ecdsa import bad usage', () => subtle.importKey('spki', der(P256_PUBLIC), { name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign']));
await check('ecdsa import garbage', () => subtle.importKey('pkcs8', new Uint8Array(16), { name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign']));
await check('ecdsa import raw garbage', () => subtle.importKey('raw', new Uint8Array(16), { name: 'ECDSA', namedCurve: 'P-256' }, true, ['verify']));
await check('ecdsa jwk wrong crv', () => subtle.importKey('jwk', P256_JWK, { name: 'ECDSA', namedCurve: 'P-384' }, true, ['sign']));
await check('ecdsa jwk public with sign', () => subtle.importKey('jwk', Object.assign({}, P256_JWK, { d: undefined }), { name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign']));
await check('ecdsa jwk alg', () => subtle.importKey('jwk', Object.assign({}, P256_JWK, { alg: 'ES384' }), { name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign']));
show('ecdsa jwk alg ES256', (await subtle.importKey('jwk', Object.assign({}, P256_JWK, { alg: 'ES256' }), { name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign'])).type);
await check('ecdsa jwk bad x', () => subtle.importKey('jwk', Object.assign({}, P256_JWK, { x: 'AAAA' }), { name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign']));
await check('ecdsa jwk other key x', () => subtle.importKey('jwk', Object.assign({}, P256_JWK, { x: P256_JWK.y, y: P256_JWK.x }), { name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign']));
await check('ecdsa jwk no y', () => subtle.importKey('jwk', Object.assign({}, P256_JWK, { y: undefined, d: undefined }), { name: 'ECDSA', namedCurve: 'P-256' }, true, ['verify']));
await check('ecdsa sign without hash', async () => subtle.sign('ECDSA', await subtle.importKey('jwk', P256_JWK, { name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign']), data));
await check('ecdsa sign with the public key', async () => {
  const key = await subtle.importKey('spki', der(P256_PUBLIC), { name: 'ECDSA', namedCurve: 'P-256' }, true, ['verify']);
  return subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, new Uint8Array(64), data).then(async () => subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key, data));
});
await check('ecdsa export raw private', async () => subtle.exportKey('raw', await subtle.importKey('jwk', P256_JWK, { name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign'])));
await check('ecdsa generate unknown curve', () => subtle.generateKey({ name: 'ECDSA', namedCurve: 'secp256k1' }, true, ['sign']));
await check('ecdsa generate bad usage', () => subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['deriveBits']));
await check('ecdsa generate no usages', () => subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, []));

// ---------------------------------------------------------------- Ed25519
{
  const privateKey = await subtle.importKey('pkcs8', der(ED_PRIVATE), 'Ed25519', true, ['sign']);
  const publicKey = await subtle.importKey('spki', der(ED_PUBLIC), { name: 'Ed25519' }, true, ['verify']);
  show('ed25519 keys', [describeKey(privateKey), describeKey(publicKey)]);
  const signature = await subtle.sign('Ed25519', privateKey, data);
  show('ed25519 signature', hex(signature));
  show('ed25519 verify', [await subtle.verify('Ed25519', publicKey, signature, data), await subtle.verify('Ed25519', publicKey, signature, data.slice(1)),
    await subtle.verify({ name: 'ed25519' }, publicKey, new Uint8Array(10), data)]);
  show('ed25519 exports', [
    hex(await subtle.exportKey('raw', publicKey)),
    Buffer.from(await subtle.exportKey('spki', publicKey)).equals(der(ED_PUBLIC)),
    Buffer.from(await subtle.exportKey('pkcs8', privateKey)).equals(der(ED_PRIVATE)),
    await subtle.exportKey('jwk', privateKey),
    await subtle.exportKey('jwk', publicKey),
  ]);
  const fromRaw = await subtle.importKey('raw', Buffer.from(ED_JWK.x, 'base64url'), 'Ed25519', true, ['verify']);
  const fromJwk = await subtle.importKey('jwk', Object.assign({ alg: 'EdDSA' }, ED_JWK), 'Ed25519', false, ['sign']);
  show('ed25519 imports', [describeKey(fromRaw), describeKey(fromJwk), await subtle.verify('Ed25519', fromRaw, await subtle.sign('Ed25519', fromJwk, data), data)]);
  const generated = await subtle.generateKey('Ed25519', false, ['sign', 'verify']);
  show('ed25519 generated', [Object.keys(generated), describeKey(generated.privateKey), describeKey(generated.publicKey),
    await subtle.verify('Ed25519', generated.publicKey, await subtle.sign('Ed25519', generated.privateKey, data), data)]);
  await check('ed25519 raw private usage', () => subtle.importKey('raw', new Uint8Array(32), 'Ed25519', true, ['sign']));
  await check('ed25519 raw length', () => subtle.importKey('raw', new Uint8Array(16), 'Ed25519', true, ['verify']));
  await check('ed25519 jwk crv', () => subtle.importKey('jwk', Object.assign({}, ED_JWK, { crv: 'X25519' }), 'Ed25519', true, ['sign']));
  await check('ed25519 jwk alg', () => subtle.importKey('jwk', Object.assign({}, ED_JWK, { alg: 'ES256' }), 'Ed25519', true, ['sign']));
  await check('ed25519 jwk without x', () => subtle.importKey('jwk', Object.assign({}, ED_JWK, { x: undefined }), 'Ed25519', true, ['sign']));
  await check('ed25519 jwk mismatched x', () => subtle.importKey('jwk', Object.assign({}, ED_JWK, { x: ED_JWK.d }), 'Ed25519', true, ['sign']));
  await check('ed25519 jwk wrong kty', () => subtle.importKey('jwk', P256_JWK, 'Ed25519', true, ['sign']));
  await check('ed25519 import rsa key', () => subtle.importKey('spki', der(RSA_PUBLIC), 'Ed25519', true, ['verify']));
  await check('ed25519 export raw private', () => subtle.exportKey('raw', privateKey));
  await check('ed25519 sign with public key', () => subtle.sign('Ed25519', publicKey, data));
  await check('ed25519 generate bad usage', () => subtle.generateKey('Ed25519', true, ['encrypt']));
}

// ---------------------------------------------------------------- AES-GCM
{
  const key = await subtle.importKey('raw', new Uint8Array(32).fill(1), 'AES-GCM', true, ['encrypt', 'decrypt']);
  show('aes key', describeKey(key));
  const iv = new Uint8Array(12).fill(2);
  const sealed = await subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode('hello world'));
  show('aes encrypt', hex(sealed));
  show('aes encrypt aad', hex(await subtle.encrypt({ name: 'AES-GCM', iv, additionalData: new TextEncoder().encode('header') }, key, new TextEncoder().encode('hello world'))));
  for (const tagLength of [32, 64, 96, 104, 112, 120]) {
    await check('aes encrypt tag ' + tagLength, async () => hex(await subtle.encrypt({ name: 'AES-GCM', iv, tagLength }, key, new Uint8Array(3))));
  }
  show('aes encrypt empty', hex(await subtle.encrypt({ name: 'AES-GCM', iv }, key, new Uint8Array(0))));
  show('aes encrypt long', hex(await subtle.digest('SHA-256', await subtle.encrypt({ name: 'AES-GCM', iv }, key, new Uint8Array(100000).fill(5)))));
  show('aes decrypt', [
    new TextDecoder().decode(await subtle.decrypt({ name: 'AES-GCM', iv }, key, sealed)),
    new TextDecoder().decode(await subtle.decrypt({ name: 'aes-gcm', iv: iv.buffer }, key, Buffer.from(sealed))),
  ]);
  for (const tagLength of [64, 96]) {
    await check('aes decrypt tag ' + tagLength, async () =>
      hex(await subtle.decrypt({ name: 'AES-GCM', iv, tagLength }, key, await subtle.encrypt({ name: 'AES-GCM', iv, tagLength }, key, new Uint8Array([9, 8])))));
  }
  for (const bits of [128, 192]) {
    const shortKey = await subtle.importKey('raw', new Uint8Array(bits / 8).fill(3), { name: 'AES-GCM' }, true, ['encrypt']);
    show('aes ' + bits, [describeKey(shortKey), hex(await subtle.encrypt({ name: 'AES-GCM', iv }, shortKey, new TextEncoder().encode('abc'))),
      await subtle.exportKey('jwk', shortKey)]);
  }
  show('aes exports', [hex(await subtle.exportKey('raw', key)), await subtle.exportKey('jwk', key)]);
  const fromJwk = await subtle.importKey('jwk', { kty: 'oct', k: Buffer.alloc(32, 1).toString('base64url'), alg: 'A256GCM', use: 'enc' }, 'AES-GCM', false, ['decrypt']);
  show('aes jwk import', [describeKey(fromJwk), new TextDecoder().decode(await subtle.decrypt({ name: 'AES-GCM', iv }, fromJwk, sealed))]);
  const generated = await subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt', 'wrapKey']);
  show('aes generated', [describeKey(generated), (await subtle.exportKey('raw', generated)).byteLength,
    hex(await subtle.decrypt({ name: 'AES-GCM', iv }, generated, await subtle.encrypt({ name: 'AES-GCM', iv }, generated, new Uint8Array([1, 2, 3]))))]);
  const tampered = new Uint8Array(sealed);
  tampered[0] ^= 1;
  await check('aes decrypt tampered', () => subtle.decrypt({ name: 'AES-GCM', iv }, key, tampered));
  await check('aes decrypt wrong aad', () => subtle.decrypt({ name: 'AES-GCM', iv, additionalData: new Uint8Array(1) }, key, sealed));
  await check('aes decrypt too short', () => subtle.decrypt({ name: 'AES-GCM', iv }, key, new Uint8Array(8)));
  await check('aes bad tag length', () => subtle.encrypt({ name: 'AES-GCM', iv, tagLength: 100 }, key, data));
  await check('aes tag length range', () => subtle.encrypt({ name: 'AES-GCM', iv, tagLength: 256 }, key, data));
  await check('aes iv 16 bytes', async () => hex(await subtle.encrypt({ name: 'AES-GCM', iv: new Uint8Array(16).fill(2) }, key, data)));
  await check('aes no iv', () => subtle.encrypt({ name: 'AES-GCM' }, key, data));
  await check('aes iv type', () => subtle.encrypt({ name: 'AES-GCM', iv: 'abc' }, key, data));
  await check('aes encrypt with decrypt-only key', () => subtle.encrypt({ name: 'AES-GCM', iv }, fromJwk, data));
  await check('aes encrypt with hmac key', () => subtle.encrypt({ name: 'AES-GCM', iv }, hmacKey, data));
  await check('aes import length', () => subtle.importKey('raw', new Uint8Array(5), 'AES-GCM', true, ['encrypt']));
  await check('aes import bad usage', () => subtle.importKey('raw', new Uint8Array(16), 'AES-GCM', true, ['sign']));
  await check('aes import spki', () => subtle.importKey('spki', new Uint8Array(16), 'AES-GCM', true, ['encrypt']));
  await check('aes jwk alg', () => subtle.importKey('jwk', { kty: 'oct', k: Buffer.alloc(16).toString('base64url'), alg: 'A256GCM' }, 'AES-GCM', true, ['encrypt']));
  await check('aes jwk length', () => subtle.importKey('jwk', { kty: 'oct', k: 'AAAA' }, 'AES-GCM', true, ['encrypt']));
  await check('aes jwk use', () => subtle.importKey('jwk', { kty: 'oct', k: Buffer.alloc(16).toString('base64url'), use: 'sig' }, 'AES-GCM', true, ['encrypt']));
  await check('aes generate length', () => subtle.generateKey({ name: 'AES-GCM', length: 100 }, true, ['encrypt']));
  await check('aes generate no length', () => subtle.generateKey({ name: 'AES-GCM' }, true, ['encrypt']));
  await check('aes generate bad usage', () => subtle.generateKey({ name: 'AES-GCM', length: 128 }, true, ['sign']));
  await check('aes export spki', () => subtle.exportKey('spki', key));
  await check('aes export pkcs8', () => subtle.exportKey('pkcs8', key));
  await check('aes export bad format', () => subtle.exportKey('pem', key));
  await check('aes export not a key', () => subtle.exportKey('raw', {}));
  const wrapped = await subtle.wrapKey('raw', hmacKey, generated, { name: 'AES-GCM', iv });
  show('wrapKey raw', [wrapped.byteLength, describeKey(await subtle.unwrapKey('raw', wrapped, await subtle.importKey('raw', await subtle.exportKey('raw', generated), 'AES-GCM', false, ['unwrapKey']),
    { name: 'AES-GCM', iv }, { name: 'HMAC', hash: 'SHA-256' }, true, ['sign']))]);
  const unwrapper = await subtle.importKey('raw', await subtle.exportKey('raw', generated), 'AES-GCM', false, ['unwrapKey']);
  const wrappedJwk = await subtle.wrapKey('jwk', hmacKey, generated, { name: 'AES-GCM', iv });
  const unwrapped = await subtle.unwrapKey('jwk', wrappedJwk, unwrapper, { name: 'AES-GCM', iv }, { name: 'HMAC', hash: 'SHA-256' }, true, ['verify']);
  show('wrapKey jwk', [describeKey(unwrapped), hex(await subtle.exportKey('raw', unwrapped))]);
  await check('wrapKey without the usage', () => subtle.wrapKey('raw', hmacKey, key, { name: 'AES-GCM', iv }));
  await check('unwrapKey tampered', () => subtle.unwrapKey('raw', new Uint8Array(40), unwrapper, { name: 'AES-GCM', iv }, 'AES-GCM', true, ['encrypt']));
  await check('wrapKey unknown algorithm', () => subtle.wrapKey('raw', hmacKey, generated, { name: 'FOO' }));
}

// ---------------------------------------------------------------- PBKDF2, HKDF
{
  const password = await subtle.importKey('raw', new TextEncoder().encode('password'), 'PBKDF2', false, ['deriveBits', 'deriveKey']);
  show('pbkdf2 key', describeKey(password));
  const salt = new TextEncoder().encode('salt');
  show('pbkdf2 rfc6070', hex(await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-1', salt, iterations: 4096 }, password, 160)));
  show('pbkdf2 sha256', hex(await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 1000 }, password, 256)));
  show('pbkdf2 zero length', (await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 1 }, password, 0)).byteLength);
  const derived = await subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 1000 }, password, { name: 'AES-GCM', length: 256 }, true, ['encrypt']);
  show('pbkdf2 deriveKey aes', [describeKey(derived), hex(await subtle.exportKey('raw', derived))]);
  const derivedHmac = await subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-1', salt, iterations: 2 }, password, { name: 'HMAC', hash: 'SHA-256' }, true, ['sign']);
  show('pbkdf2 deriveKey hmac', [describeKey(derivedHmac), hex(await subtle.exportKey('raw', derivedHmac)).slice(0, 32)]);
  show('pbkdf2 deriveKey hmac length', describeKey(await subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-1', salt, iterations: 2 }, password, { name: 'HMAC', hash: 'SHA-1', length: 64 }, false, ['verify'])));
  await check('pbkdf2 no length', () => subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 1 }, password));
  await check('pbkdf2 odd length', () => subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 1 }, password, 12));
  await check('pbkdf2 zero iterations', () => subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 0 }, password, 256));
  await check('pbkdf2 no salt', () => subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', iterations: 1 }, password, 256));
  await check('pbkdf2 no hash', () => subtle.deriveBits({ name: 'PBKDF2', salt, iterations: 1 }, password, 256));
  await check('pbkdf2 extractable', () => subtle.importKey('raw', new Uint8Array(4), 'PBKDF2', true, ['deriveBits']));
  await check('pbkdf2 bad usage', () => subtle.importKey('raw', new Uint8Array(4), 'PBKDF2', false, ['sign']));
  await check('pbkdf2 jwk', () => subtle.importKey('jwk', { kty: 'oct', k: 'AAAA' }, 'PBKDF2', false, ['deriveBits']));
  await check('pbkdf2 export', () => subtle.exportKey('raw', password));
  await check('pbkdf2 deriveKey aes length', () => subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 1 }, password, { name: 'AES-GCM', length: 100 }, true, ['encrypt']));
  await check('pbkdf2 deriveKey to ecdsa', () => subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 1 }, password, { name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign']));
  await check('pbkdf2 deriveKey to hkdf', () => subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 1 }, password, 'HKDF', false, ['deriveBits']));
  await check('deriveBits without the usage', async () => subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 1 },
    await subtle.importKey('raw', new Uint8Array(4), 'PBKDF2', false, ['deriveKey']), 8));
  await check('deriveKey without the usage', async () => subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 1 },
    await subtle.importKey('raw', new Uint8Array(4), 'PBKDF2', false, ['deriveBits']), { name: 'AES-GCM', length: 128 }, true, ['encrypt']));
  await check('deriveBits algorithm mismatch', () => subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt, info: salt }, password, 8));
  const ikm = await subtle.importKey('raw', Buffer.from('0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b', 'hex'), { name: 'HKDF' }, false, ['deriveBits', 'deriveKey']);
  const hkdf = { name: 'HKDF', hash: 'SHA-256', salt: Buffer.from('000102030405060708090a0b0c', 'hex'), info: Buffer.from('f0f1f2f3f4f5f6f7f8f9', 'hex') };
  show('hkdf rfc5869 1', hex(await subtle.deriveBits(hkdf, ikm, 336)));
  show('hkdf empty salt and info', hex(await subtle.deriveBits({ name: 'HKDF', hash: 'SHA-512', salt: new Uint8Array(0), info: new Uint8Array(0) }, ikm, 128)));
  show('hkdf deriveKey', hex(await subtle.exportKey('raw', await subtle.deriveKey(hkdf, ikm, { name: 'AES-GCM', length: 128 }, true, ['decrypt']))));
  await check('hkdf too long', () => subtle.deriveBits(hkdf, ikm, 255 * 256 + 8));
  await check('hkdf no info', () => subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0) }, ikm, 8));
  await check('hkdf null length', () => subtle.deriveBits(hkdf, ikm, null));
  await check('hkdf info too long', () => subtle.deriveBits(Object.assign({}, hkdf, { info: new Uint8Array(1025) }), ikm, 8));
  await check('deriveBits missing arguments', () => subtle.deriveBits(hkdf));
  await check('deriveKey missing arguments', () => subtle.deriveKey(hkdf, ikm, { name: 'AES-GCM', length: 128 }, true));
}

// ---------------------------------------------------------------- conversions and errors
await check('importKey missing arguments', () => subtle.importKey('raw', new Uint8Array(4), 'AES-GCM'));
await check('importKey four arguments', () => subtle.importKey('raw', new Uint8Array(16), 'AES-GCM', true));
await check('importKey bad format', () => subtle.importKey('bogus', new Uint8Array(16), 'AES-GCM', true, ['encrypt']));
await check('importKey bad usage value', () => subtle.importKey('raw', new Uint8Array(16), 'AES-GCM', true, ['foo']));
await check('importKey usages not a sequence', () => subtle.importKey('raw', new Uint8Array(16), 'AES-GCM', true, 'encrypt'));
await check('importKey unknown algorithm', () => subtle.importKey('raw', new Uint8Array(16), 'AES-XYZ', true, ['encrypt']));
await check('importKey algorithm without name', () => subtle.importKey('raw', new Uint8Array(16), {}, true, ['encrypt']));
await check('importKey jwk from bytes', () => subtle.importKey('jwk', new Uint8Array(16), 'AES-GCM', true, ['encrypt']));
await check('importKey bytes from an object', () => subtle.importKey('raw', { kty: 'oct' }, 'AES-GCM', true, ['encrypt']));
await check('importKey jwk not a dictionary', () => subtle.importKey('jwk', 5, 'AES-GCM', true, ['encrypt']));
await check('importKey this', () => subtle.importKey.call({}, 'raw', new Uint8Array(16), 'AES-GCM', true, ['encrypt']));
await check('generateKey missing arguments', () => subtle.generateKey({ name: 'AES-GCM', length: 128 }, true));
await check('generateKey unknown', () => subtle.generateKey({ name: 'FOO' }, true, ['sign']));
await check('generateKey modulus not a number', () => subtle.generateKey({ name: 'RSA-PSS', modulusLength: 'x', publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, true, ['sign']));
await check('generateKey hash unknown', () => subtle.generateKey({ name: 'HMAC', hash: 'MD5' }, true, ['sign']));
await check('exportKey missing arguments', () => subtle.exportKey('raw'));
await check('encrypt missing arguments', () => subtle.encrypt({ name: 'AES-GCM', iv: new Uint8Array(12) }));
await check('decrypt key type', () => subtle.decrypt({ name: 'AES-GCM', iv: new Uint8Array(12) }, 'key', new Uint8Array(16)));
show('usages kept as given', (await subtle.importKey('raw', new Uint8Array(16), 'AES-GCM', true, ['decrypt', 'encrypt', 'decrypt'])).usages);
show('usages from an iterable', (await subtle.importKey('raw', new Uint8Array(16), 'AES-GCM', true, new Set(['encrypt']))).usages);
show('algorithm names case-insensitive', (await subtle.importKey('raw', new Uint8Array(16), { name: 'aes-gcm' }, true, ['encrypt'])).algorithm);
show('extractable coerced', (await subtle.importKey('raw', new Uint8Array(16), 'AES-GCM', 1, ['encrypt'])).extractable);
