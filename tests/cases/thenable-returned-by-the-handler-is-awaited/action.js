exports.onExecutePostLogin = (event, api) => ({
  then(resolve) {
    api.access.deny('from a thenable');
    resolve();
  },
});
