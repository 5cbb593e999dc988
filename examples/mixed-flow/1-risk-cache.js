/** Looks up (or computes and caches) a per-country risk score shared by logins. */
exports.onExecutePostLogin = async (event, api) => {
  const country = (event.request.geoip && event.request.geoip.countryCode) || 'unknown';
  const key = 'risk:' + country;
  const cached = api.cache.get(key);
  let score;
  if (cached) {
    score = Number(cached.value);
  } else {
    score = country === 'DE' ? 10 : 40;
    api.cache.set(key, String(score), { ttl: 60 * 60 * 1000 });
  }
  api.transaction.setMetadata('risk_score', score);
};
