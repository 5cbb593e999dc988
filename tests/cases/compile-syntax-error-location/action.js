exports.onExecutePostLogin = async (event, api) => {
  const x = (1 + ;
};
