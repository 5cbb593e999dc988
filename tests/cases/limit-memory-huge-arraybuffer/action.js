exports.onExecutePostLogin = async (event, api) => {
  const buffers = [];
  for (;;) buffers.push(new ArrayBuffer(8 * 1024 * 1024));
};
