exports.onExecutePostChallenge = async (event, api) => {
  try { api.transaction.setResultUrl('http://app.example.com/done'); } catch (e) { console.log(e.name); }
  api.transaction.setResultUrl('https://app.example.com/password-changed');
};
