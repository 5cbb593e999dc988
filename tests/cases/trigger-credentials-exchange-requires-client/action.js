exports.onExecuteCredentialsExchange = async (event, api) => {

};
