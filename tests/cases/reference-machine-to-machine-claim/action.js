exports.onExecuteCredentialsExchange = async (event, api) => {
  api.accessToken.setCustomClaim('https://my-api.example.com/client_name', event.client.name);
};
