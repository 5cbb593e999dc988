// Catalog case 36: an uncaught Error thrown from a function named after a secret: its
// stack, as the outcome reports it, is redacted.
exports.onExecutePostLogin = async (event, api) => {
  const named = { [event.secrets.API_KEY]: () => { throw new Error('inside'); } };
  named[event.secrets.API_KEY]();
};
