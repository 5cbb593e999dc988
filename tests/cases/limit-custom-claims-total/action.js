exports.onExecutePostLogin = async (event, api) => {
  const big = 'v'.repeat(60 * 1024);
  api.idToken.setCustomClaim('https://x.example/a', big);
  api.idToken.setCustomClaim('https://x.example/a', big);
  try {
    api.idToken.setCustomClaim('https://x.example/b', big);
  } catch (e) {
    console.log('refused');
  }
  api.accessToken.setCustomClaim('https://x.example/b', big);
};
