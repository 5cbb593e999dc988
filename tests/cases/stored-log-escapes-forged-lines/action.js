exports.onExecutePostLogin = async (event, api) => {
  console.log('real line\nFAKE: admin logged in\u001b[31m');
};
