exports.onExecutePostLogin = async (event, api) => {
  if (event.user.app_metadata.consent_given || !api.redirect.canRedirect()) {
    return;
  }
  const token = api.redirect.encodeToken({
    secret: event.secrets.MY_REDIRECT_SECRET,
    payload: { email: event.user.email },
  });
  api.redirect.sendUserTo('https://my-app.example.com/consent', { query: { session_token: token } });
};

exports.onContinuePostLogin = async (event, api) => {
  const payload = api.redirect.validateToken({ secret: event.secrets.MY_REDIRECT_SECRET, tokenParameterName: 'session_token' });
  api.user.setAppMetadata('consent_given', payload.consent === true);
};
