exports.onExecutePostLogin = (event, api) => new Promise(() => {});
