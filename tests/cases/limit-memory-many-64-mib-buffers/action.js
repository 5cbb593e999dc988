// Catalog case 15: 64 MiB buffers until memory runs out.
exports.onExecutePostLogin = async (event, api) => {
  const buffers = [];
  for (;;) buffers.push(new Uint8Array(64 * 1024 * 1024).fill(1));
};
