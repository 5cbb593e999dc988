/**
 * Lets only users with a verified e-mail address into applications marked
 * `require_verified_email`, and records the time of the last check.
 */
exports.onExecutePostLogin = async (event, api) => {
  const clientMetadata = event.client.metadata || {};
  if (clientMetadata.require_verified_email !== 'true') {
    return;
  }
  if (event.user.email_verified !== true) {
    console.warn(`blocked unverified user ${event.user.user_id} from ${event.client.name}`);
    api.access.deny('Please verify your e-mail address before logging in.');
    return;
  }
  api.user.setAppMetadata('email_checked_at', event.transaction.id);
};
