exports.onExecutePostLogin = async (event, api) => {
  api.idToken.setCustomClaim('https://x.example/before', 1);
  // Each job resolves its promise with the next one, so every promise of the chain stays
  // alive: the heap fills, and the job that runs out rejects a promise nobody handles.
  const again = () => Promise.resolve().then(again);
  again();
};
