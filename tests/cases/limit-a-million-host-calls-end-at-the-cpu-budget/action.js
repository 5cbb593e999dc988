// Catalog case 26: a million trivial host calls are bounded by fuel.
exports.onExecutePostLogin = async (event, api) => {
  for (let i = 0; i < 1e6; i++) api.cache.get('k' + (i % 10));
};
