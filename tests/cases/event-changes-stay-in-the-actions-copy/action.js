// Catalog case 5: the Action rewrites, freezes and wraps its event. Identity (a token's
// subject and issuer) and the redaction of secrets come from the host's own record.
exports.onExecutePostLogin = async (event, api) => {
  const secret = event.secrets.API_KEY;
  event.user.user_id = 'auth0|attacker';
  event.request.hostname = 'evil.example';
  event.secrets.API_KEY = 'changed';
  Object.freeze(event);
  globalThis.event = new Proxy(event, { get: () => 'proxied' });
  const token = api.redirect.encodeToken({ secret: 'k'.repeat(32), payload: { a: 1 }, expiresInSeconds: 60 });
  const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
  console.log(claims.sub, claims.iss);
  console.log('the secret: ' + secret);
};
