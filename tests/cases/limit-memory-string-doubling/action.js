exports.onExecutePostLogin = async (event, api) => {
  let s = 'x';
  for (;;) s += s;
};
