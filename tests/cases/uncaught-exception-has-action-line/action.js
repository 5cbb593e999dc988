exports.onExecutePostLogin = async (event, api) => {
  console.log('before');
  const plan = event.user.app_metadata.plan;
  if (plan === 'pro') {
    throw new TypeError('pro users are not welcome');
  }
};
