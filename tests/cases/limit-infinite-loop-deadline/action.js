exports.onExecutePostLogin = async (event, api) => {
  for (;;) {}
};
