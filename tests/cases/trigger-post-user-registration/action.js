exports.onExecutePostUserRegistration = async (event, api) => {
  console.log(Object.keys(api).join(','));
  api.cache.set('welcome:' + event.user.user_id, 'queued');
};
