/**
 * Keeps profile data the application uses up to date: the preferred language,
 * a login counter in app metadata, and a support tier derived from the plan.
 * Uses a secret (the support tier mapping's version) without ever logging it.
 */
const TIERS = { free: 'community', pro: 'standard', enterprise: 'premium' };

exports.onExecutePostLogin = async (event, api) => {
  const user = event.user;
  const plan = (user.app_metadata && user.app_metadata.plan) || 'free';

  if (!user.user_metadata || !user.user_metadata.language) {
    api.user.setUserMetadata('language', event.request.language || 'en');
  }
  api.user
    .setAppMetadata('support_tier', TIERS[plan] || 'community')
    .user.setAppMetadata('logins_seen', (event.stats && event.stats.logins_count) || 0);

  if (event.secrets.TIER_MAPPING_VERSION) {
    api.accessToken.setCustomClaim('https://my-app.example.com/tier_mapping', 'v' + event.secrets.TIER_MAPPING_VERSION.length);
  }
  // Old keys written by a previous version of this Action.
  api.user.setUserMetadata('legacy_theme', null);

  console.log('profile enriched for plan', plan);
};
