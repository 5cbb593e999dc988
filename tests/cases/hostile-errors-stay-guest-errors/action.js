// Catalog case 2: hooks on errors, errors with a Symbol for a name, throws from inside a
// callback the api calls (a toJSON), and a long cause chain stay plain guest errors.
exports.onExecutePostLogin = async (event, api) => {
  Error.prepareStackTrace = () => { throw new Error('hijacked'); };
  try {
    const e = new Error('named by a symbol');
    e.name = Symbol('s');
    throw e;
  } catch (e) {
    console.log(typeof e.name);
  }
  try {
    api.idToken.setCustomClaim('https://x.example/a', { toJSON() { throw new Error('from toJSON'); } });
  } catch (e) {
    console.log(e.message);
  }
  let cause = new Error('root');
  for (let i = 0; i < 10000; i++) cause = new Error('level ' + i, { cause });
  console.log(cause.cause.message);
  const last = new Error('thrown with a symbol name', { cause });
  last.name = Symbol('n');
  throw last;
};
