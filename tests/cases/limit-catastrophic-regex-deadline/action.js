exports.onExecutePostLogin = async (event, api) => {
  /^(a+)+$/.test('a'.repeat(40) + '!');
};
