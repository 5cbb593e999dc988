exports.onExecutePostLogin = async (event, api) => {
  console.log('a\u2028b\u2029c\u202ed\u2066e\u001b[31m');
};
