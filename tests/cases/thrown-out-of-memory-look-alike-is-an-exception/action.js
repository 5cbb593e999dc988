exports.onExecutePostLogin = async (event, api) => {
  throw new InternalError('out of memory');
};
