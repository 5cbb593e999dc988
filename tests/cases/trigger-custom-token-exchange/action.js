exports.onExecuteCustomTokenExchange = async (event, api) => {
  if (event.transaction.subject_token_type !== 'urn:acme:legacy-token') {
    api.access.rejectInvalidSubjectToken('unsupported subject token type');
    return;
  }
};
