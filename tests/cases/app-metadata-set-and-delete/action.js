exports.onExecutePostLogin = async (event, api) => {
  api.user.setAppMetadata('plan', 'enterprise');
  api.user.setAppMetadata('trial', null);
};
