exports.onExecutePostLogin = async (event, api) => {
  const all = [];
  for (let i = 0; i < 10000000; i++) all.push({ i });
};
