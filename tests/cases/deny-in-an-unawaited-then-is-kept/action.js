exports.onExecutePostLogin = async (event, api) => {
  // Queued, not awaited: it still runs before the outcome is taken, as in Node.
  Promise.resolve().then(() => api.access.deny('denied later'));
};
