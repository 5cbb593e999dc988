exports.onExecutePostLogin = async (event, api) => {
  console.log(typeof api.refreshToken.setCookieMode);
  api.refreshToken.setMetadata('rotation', 3).refreshToken.revoke('rotated');
};
