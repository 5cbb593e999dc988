exports.onExecutePostLogin = async (event, api) => {
  api.accessToken.addScope('read:reports').accessToken.removeScope('write:all');
  try { api.accessToken.addScope('two words'); } catch (e) { console.log(e.name); }
};
