/**
 * Requires multifactor authentication for administrators and for logins from
 * outside the user's usual countries; everyone else logs in with one factor.
 */
exports.onExecutePostLogin = async (event, api) => {
  const roles = (event.authorization && event.authorization.roles) || [];
  const usualCountries = (event.user.app_metadata && event.user.app_metadata.usual_countries) || [];
  const country = event.request.geoip && event.request.geoip.countryCode;

  const isAdmin = roles.includes('admin');
  const unusualPlace = country !== undefined && usualCountries.length > 0 && !usualCountries.includes(country);

  if (!isAdmin && !unusualPlace) {
    return;
  }
  // Refresh-token exchanges cannot show an MFA prompt: do not break them.
  if (event.transaction && event.transaction.protocol === 'oauth2-refresh-token') {
    return;
  }
  console.info(`MFA required for ${event.user.user_id}: ${isAdmin ? 'admin' : 'unusual country ' + country}`);
  api.multifactor.enable('any', { allowRememberBrowser: !isAdmin });
};
