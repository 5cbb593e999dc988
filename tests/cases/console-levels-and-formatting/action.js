exports.onExecutePostLogin = async (event, api) => {
  console.log('plain', 1, true, null, undefined);
  console.info('object', { a: 1, b: 'x', c: [1, 2] });
  console.warn('%s has %d logins', 'ada', 12);
  console.error(new Error('boom').message);
  console.debug('nested', { a: { b: { c: { d: 1 } } } });
  const cyclic = { name: 'loop' }; cyclic.self = cyclic;
  console.log(cyclic);
};
