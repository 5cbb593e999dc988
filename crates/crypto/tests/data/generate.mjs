// Writes tests/data/node.txt: keys, encodings and signatures made by Node (OpenSSL 3), for
// the crate's tests to check its own encodings and signatures against an independent
// implementation. The keys are fresh each run; the committed file is what the tests use.
//
//   node crates/crypto/tests/data/generate.mjs > crates/crypto/tests/data/node.txt
//
// Each line is `name = hex` (an empty value is written as `name =`).

import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const out = [];
const put = (name, bytes) => out.push(`${name} = ${Buffer.from(bytes).toString('hex')}`);
const note = (text) => out.push(`# ${text}`);
const b64u = (text) => Buffer.from(text, 'base64url');

const der = (key, type) => key.export({ format: 'der', type });

// RFC 7517 Appendix A: the example keys, in every DER form OpenSSL writes.
note('RFC 7517 A.1/A.2 EC P-256 key, DER as OpenSSL writes it');
const ecJwk = {
  kty: 'EC', crv: 'P-256',
  x: 'MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4',
  y: '4Etl6SRW2YiLUrN5vfvVHuhp7x8PxltmWWlbbM4IFyM',
  d: '870MB6gfuTJ4HtUnUvYMyJpr5eUZNP4Bk43bVdj3eAE',
};
const ecPrivate = crypto.createPrivateKey({ key: ecJwk, format: 'jwk' });
put('rfc7517_ec_spki', der(crypto.createPublicKey(ecPrivate), 'spki'));
put('rfc7517_ec_pkcs8', der(ecPrivate, 'pkcs8'));
put('rfc7517_ec_sec1', der(ecPrivate, 'sec1'));

note('RFC 7517 A.1/A.2 RSA key, DER as OpenSSL writes it');
const rsaJwk = {
  kty: 'RSA',
  n: '0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw',
  e: 'AQAB',
  d: 'X4cTteJY_gn4FYPsXB8rdXix5vwsg1FLN5E3EaG6RJoVH-HLLKD9M7dx5oo7GURknchnrRweUkC7hT5fJLM0WbFAKNLWY2vv7B6NqXSzUvxT0_YSfqijwp3RTzlBaCxWp4doFk5N2o8Gy_nHNKroADIkJ46pRUohsXywbReAdYaMwFs9tv8d_cPVY3i07a3t8MN6TNwm0dSawm9v47UiCl3Sk5ZiG7xojPLu4sbg1U2jx4IBTNBznbJSzFHK66jT8bgkuqsk0GjskDJk19Z4qwjwbsnn4j2WBii3RL-Us2lGVkY8fkFzme1z0HbIkfz0Y6mqnOYtqc0X4jfcKoAC8Q',
  p: '83i-7IvMGXoMXCskv73TKr8637FiO7Z27zv8oj6pbWUQyLPQBQxtPVnwD20R-60eTDmD2ujnMt5PoqMrm8RfmNhVWDtjjMmCMjOpSXicFHj7XOuVIYQyqVWlWEh6dN36GVZYk93N8Bc9vY41xy8B9RzzOGVQzXvNEvn7O0nVbfs',
  q: '3dfOR9cuYq-0S-mkFLzgItgMEfFzB2q3hWehMuG0oCuqnb3vobLyumqjVZQO1dIrdwgTnCdpYzBcOfW5r370AFXjiWft_NGEiovonizhKpo9VVS78TzFgxkIdrecRezsZ-1kYd_s1qDbxtkDEgfAITAG9LUnADun4vIcb6yelxk',
  dp: 'G4sPXkc6Ya9y8oJW9_ILj4xuppu0lzi_H7VTkS8xj5SdX3coE0oimYwxIi2emTAue0UOa5dpgFGyBJ4c8tQ2VF402XRugKDTP8akYhFo5tAA77Qe_NmtuYZc3C3m3I24G2GvR5sSDxUyAN2zq8Lfn9EUms6rY3Ob8YeiKkTiBj0',
  dq: 's9lAH9fggBsoFR8Oac2R_E2gw282rT2kGOAhvIllETE1efrA6huUUvMfBcMpn8lqeW6vzznYY5SSQF7pMdC_agI3nG8Ibp1BUb0JUiraRNqUfLhcQb_d9GF4Dh7e74WbRsobRonujTYN1xCaP6TO61jvWrX-L18txXw494Q_cgk',
  qi: 'GyM_p6JrXySiz1toFgKbWV-JdI3jQ4ypu9rbMWx3rQJBfmt0FoYzgUIZEVFEcOqwemRN81zoDAaa-Bk0KWNGDjJHZDdDmFhW3AN7lI-puxk_mHZGJ11rxyR8O55XLSe3SPmRfKwZI6yU24ZxvQKFYItdldUKGzO6Ia6zTKhAVRU',
};
const rsaPrivate = crypto.createPrivateKey({ key: rsaJwk, format: 'jwk' });
const rsaPublic = crypto.createPublicKey(rsaPrivate);
put('rfc7517_rsa_spki', der(rsaPublic, 'spki'));
put('rfc7517_rsa_pkcs1_public', der(rsaPublic, 'pkcs1'));
put('rfc7517_rsa_pkcs8', der(rsaPrivate, 'pkcs8'));
put('rfc7517_rsa_pkcs1_private', der(rsaPrivate, 'pkcs1'));

note('RSA-PSS signatures by OpenSSL with the RFC 7517 RSA key over "actionbox", salt 32 and salt 0 (SHA-256), salt 64 (SHA-512)');
const message = Buffer.from('actionbox');
const pss = (hash, saltLength) =>
  crypto.sign(hash, message, { key: rsaPrivate, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength });
put('rsa_pss_sha256_salt32', pss('sha256', 32));
put('rsa_pss_sha256_salt0', pss('sha256', 0));
put('rsa_pss_sha512_salt64', pss('sha512', 64));
put('rsa_pkcs1_sha384', crypto.sign('sha384', message, rsaPrivate));

note('An RSA-PSS key (id-RSASSA-PSS with parameters) and a 1024-bit RSA key');
{
  const { publicKey, privateKey } = crypto.generateKeyPairSync('rsa-pss', {
    modulusLength: 2048, hashAlgorithm: 'sha256', mgf1HashAlgorithm: 'sha256', saltLength: 32,
  });
  put('rsa_pss_key_spki', der(publicKey, 'spki'));
  put('rsa_pss_key_pkcs8', der(privateKey, 'pkcs8'));
  put('rsa_pss_key_signature', crypto.sign('sha256', message, {
    key: privateKey, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: 32,
  }));
  const plain = crypto.generateKeyPairSync('rsa-pss', { modulusLength: 2048 });
  put('rsa_pss_noparams_spki', der(plain.publicKey, 'spki'));
  const small = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 });
  put('rsa1024_spki', der(small.publicKey, 'spki'));
  put('rsa1024_pkcs8', der(small.privateKey, 'pkcs8'));
  put('rsa1024_sha256_signature', crypto.sign('sha256', message, small.privateKey));
}

note('EC keys and OpenSSL ECDSA signatures over "actionbox" (DER and r||s)');
for (const [curve, name] of [['prime256v1', 'p256'], ['secp384r1', 'p384'], ['secp521r1', 'p521']]) {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: curve });
  put(`${name}_spki`, der(publicKey, 'spki'));
  put(`${name}_pkcs8`, der(privateKey, 'pkcs8'));
  put(`${name}_sec1`, der(privateKey, 'sec1'));
  const point = publicKey.export({ format: 'jwk' });
  put(`${name}_uncompressed`, Buffer.concat([Buffer.from([4]), b64u(point.x), b64u(point.y)]));
  const ecdh = crypto.createECDH(curve);
  ecdh.setPrivateKey(b64u(privateKey.export({ format: 'jwk' }).d));
  put(`${name}_compressed`, ecdh.getPublicKey(null, 'compressed'));
  for (const hash of ['sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'sha3-384', 'sha3-512']) {
    const tag = hash.replace('-', '_');
    put(`${name}_${tag}_der`, crypto.sign(hash, message, privateKey));
    put(`${name}_${tag}_fixed`, crypto.sign(hash, message, { key: privateKey, dsaEncoding: 'ieee-p1363' }));
  }
}

note('Ed25519 and X25519 keys');
for (const type of ['ed25519', 'x25519']) {
  const { publicKey, privateKey } = crypto.generateKeyPairSync(type);
  put(`${type}_spki`, der(publicKey, 'spki'));
  put(`${type}_pkcs8`, der(privateKey, 'pkcs8'));
  const jwk = privateKey.export({ format: 'jwk' });
  put(`${type}_x`, b64u(jwk.x));
  put(`${type}_d`, b64u(jwk.d));
  if (type === 'ed25519') put('ed25519_signature', crypto.sign(null, message, privateKey));
}

note('AES-GCM by OpenSSL: keys of 128/192/256 bits, 96-bit IV, tags of 96 to 128 bits');
for (const bits of [128, 192, 256]) {
  for (const tagBytes of [12, 13, 14, 15, 16]) {
    const key = crypto.randomBytes(bits / 8);
    const iv = crypto.randomBytes(12);
    const aad = crypto.randomBytes(20);
    const plaintext = crypto.randomBytes(45);
    const cipher = crypto.createCipheriv(`aes-${bits}-gcm`, key, iv, { authTagLength: tagBytes });
    cipher.setAAD(aad);
    const sealed = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
    const name = `gcm_${bits}_${tagBytes}`;
    put(`${name}_key`, key);
    put(`${name}_iv`, iv);
    put(`${name}_aad`, aad);
    put(`${name}_plaintext`, plaintext);
    put(`${name}_sealed`, sealed);
  }
}

note('A self-signed P-256 certificate by OpenSSL, and its key');
{
  const dir = mkdtempSync(join(tmpdir(), 'actionbox-crypto-'));
  const { privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  writeFileSync(join(dir, 'key.pem'), privateKey.export({ format: 'pem', type: 'pkcs8' }));
  execFileSync('openssl', ['req', '-x509', '-new', '-key', join(dir, 'key.pem'), '-subj', '/CN=actionbox test',
    '-days', '3650', '-outform', 'DER', '-out', join(dir, 'cert.der')]);
  put('ec_certificate', readFileSync(join(dir, 'cert.der')));
  put('ec_certificate_spki', der(crypto.createPublicKey(privateKey), 'spki'));
  rmSync(dir, { recursive: true });
}

console.log(out.join('\n'));
