export const onExecutePostLogin = async (event, api) => {
  api.access.deny('x');
};
