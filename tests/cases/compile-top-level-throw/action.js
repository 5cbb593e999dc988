const config = JSON.parse('{bad json');
exports.onExecutePostLogin = async () => {};
