// Catalog case 24: a toJSON that calls other api methods while its argument is being
// serialized: they are recorded first, the claim after, with the value toJSON gave.
exports.onExecutePostLogin = async (event, api) => {
  api.idToken.setCustomClaim('https://x.example/a', {
    toJSON() {
      api.access.deny('mid-call');
      api.idToken.setCustomClaim('https://x.example/a', 'inner');
      return 'outer';
    },
  });
};
