exports.onExecutePostLogin = async (event, api) => {
  console.log('a'.repeat(200));
  console.log('b'.repeat(100));
};
