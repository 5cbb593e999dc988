// Catalog case 18: a property read through 100,000 proxies, each forwarding to the next.
exports.onExecutePostLogin = async (event, api) => {
  let target = { x: 1 };
  for (let i = 0; i < 100000; i++) target = new Proxy(target, {});
  api.idToken.setCustomClaim('https://x.example/x', target.x);
};
