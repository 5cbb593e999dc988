// Catalog case 12: a thrown value that is not an Error is reported as such, without
// calling its getters, so a `message` getter that never returns costs nothing.
exports.onExecutePostLogin = async (event, api) => {
  throw { name: 'Trap', get message() { for (;;) {} } };
};
