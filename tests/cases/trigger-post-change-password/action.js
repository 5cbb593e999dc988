exports.onExecutePostChangePassword = async (event, api) => {
  try { api.access.deny('no'); } catch (e) { console.log(e.name); }
};
