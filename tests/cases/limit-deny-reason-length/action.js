exports.onExecutePostLogin = async (event, api) => {
  api.access.deny('r'.repeat(1024));
  try { api.access.deny('r'.repeat(1025)); } catch (e) { console.log('refused'); }
};
