exports.onExecutePostLogin = async (event, api) => {
  const e = new Error('out of memory');
  e.name = 'InternalError';
  throw e;
};
