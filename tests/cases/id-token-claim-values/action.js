exports.onExecutePostLogin = async (event, api) => {
  const ns = 'https://app.example.com/';
  api.idToken.setCustomClaim(ns + 'string', 'text');
  api.idToken.setCustomClaim(ns + 'number', 42.5);
  api.idToken.setCustomClaim(ns + 'int', -7);
  api.idToken.setCustomClaim(ns + 'bool', false);
  api.idToken.setCustomClaim(ns + 'null', null);
  api.idToken.setCustomClaim(ns + 'array', [1, 'two', { three: 3 }, undefined, () => 1]);
  api.idToken.setCustomClaim(ns + 'object', { a: { b: [true] }, skipped: undefined, fn() {} });
  api.idToken.setCustomClaim(ns + 'nan', NaN);
  api.idToken.setCustomClaim(ns + 'date', new Date(0));
};
