// Catalog case 36: a secret in an error's stack (a function named after it), and thrown
// as a plain value.
exports.onExecutePostLogin = async (event, api) => {
  const named = { [event.secrets.API_KEY]: () => { throw new Error('inside'); } };
  try {
    named[event.secrets.API_KEY]();
  } catch (e) {
    console.log(e.stack.split('\n')[0].trim());
  }
  throw event.secrets.API_KEY;
};
