exports.onExecutePostChallenge = async (event, api) => {
  if (event.user.app_metadata.locked) api.access.deny('account locked');
};
