// Catalog case 18: JSON.stringify of a million-deep nesting.
exports.onExecutePostLogin = async (event, api) => {
  let nested = {};
  for (let i = 0; i < 1000000; i++) nested = { nested };
  JSON.stringify(nested);
};
