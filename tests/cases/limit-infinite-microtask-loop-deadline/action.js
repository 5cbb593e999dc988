exports.onExecutePostLogin = async (event, api) => {
  for (;;) await 0;
};
