exports.onExecutePostLogin = async (event, api) => {
  api.session.setExpiresAt(Date.UTC(2030, 0, 1))
    .session.setIdleExpiresAt(Date.UTC(2029, 0, 1))
    .session.setCookieMode('persistent')
    .session.setMetadata('device', 'laptop')
    .session.deleteMetadata('old')
    .session.evictMetadata();
  const attempt = (f) => { try { f(); return 'ok'; } catch (e) { return e.name; } };
  console.log(attempt(() => api.session.setCookieMode('forever')));
  console.log(attempt(() => api.session.setExpiresAt('tomorrow')));
  event.transaction.protocol = 'oauth2-refresh-token';
  console.log(attempt(() => api.refreshToken.setExpiresAt(Date.UTC(2030, 0, 1))));
  api.session.revoke('device reported stolen');
};
