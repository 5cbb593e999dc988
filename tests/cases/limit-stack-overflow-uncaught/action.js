const f = (n) => f(n + 1) + 1;
exports.onExecutePostLogin = async (event, api) => {
  f(0);
};
