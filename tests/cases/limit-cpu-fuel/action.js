exports.onExecutePostLogin = async (event, api) => {
  let x = 0;
  for (;;) { x++; }
};
