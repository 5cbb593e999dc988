exports.onExecutePostLogin = async (event, api) => {
  api.multifactor.enable('duo', { allowRememberBrowser: true, providerOptions: { host: 'api-1.duosecurity.com' } });
  try {
    api.multifactor.enable('sms-carrier-pigeon');
  } catch (e) {
    console.log('refused:', e.constructor.name);
  }
  try {
    api.multifactor.enable('any', { allowRememberBrowser: 'yes' });
  } catch (e) {
    console.log('refused:', e.constructor.name);
  }
};
