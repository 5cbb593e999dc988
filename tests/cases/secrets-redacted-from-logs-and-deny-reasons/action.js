exports.onExecutePostLogin = async (event, api) => {
  const secret = event.secrets.API_KEY;
  console.log(secret);
  console.log('%s%s', secret.slice(0, 5), secret.slice(5));
  console.log('key=' + encodeURIComponent(secret));
  console.log(JSON.stringify({ key: secret }));
  console.log(event.secrets.PIN, 'is too short to redact');
  api.access.deny('bad key ' + secret);
};
