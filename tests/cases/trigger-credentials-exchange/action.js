exports.onExecuteCredentialsExchange = async (event, api) => {
  api.accessToken.setCustomClaim('https://api.example.com/tenant', event.client.client_id);
  console.log(typeof api.idToken, typeof api.user, typeof api.multifactor);
  try { api.idToken.setCustomClaim('x', 1); } catch (e) { console.log(e.name); }
  try { api.access.deny('bogus_code', 'x'); } catch (e) { console.log('refused code'); }
  api.access.deny('invalid_scope', 'read:invoices is not granted to this client');
};
