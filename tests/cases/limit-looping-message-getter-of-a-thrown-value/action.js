// Catalog case 12: an Error whose `message` getter never returns is read in the guest
// to report it, under the execution's deadline.
exports.onExecutePostLogin = async (event, api) => {
  const error = new Error('x');
  Object.defineProperty(error, 'message', { get() { for (;;) {} } });
  throw error;
};
