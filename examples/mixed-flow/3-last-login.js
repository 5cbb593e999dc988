/** Records login bookkeeping in app metadata. */
exports.onExecutePostLogin = async (event, api) => {
  const count = (event.stats && event.stats.logins_count) || 0;
  api.user.setAppMetadata('logins_seen', count);
  api.user.setAppMetadata('last_client', event.client.client_id);
  api.transaction.setMetadata('returning', count > 1);
};
