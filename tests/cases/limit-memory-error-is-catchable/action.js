exports.onExecutePostLogin = async (event, api) => {
  try {
    let s = 'x';
    for (;;) s += s;
  } catch (e) {
    api.idToken.setCustomClaim('https://x.example/recovered', e.name);
  }
};
