exports.onExecutePostLogin = async (event, api) => {
  if (Object.getPrototypeOf(event) !== Object.prototype) throw new Error('event must be a plain object');
  event.user.app_metadata.plan = 'mutated';
  event.user.extra = { added: true };
  api.idToken.setCustomClaim('https://x.example/user', event.user);
  api.idToken.setCustomClaim('https://x.example/ip', event.request.ip);
};
