exports.onExecutePostLogin = async (event, api) => {
  throw 'just a string';
};
