// QuickJS says only "not a function"; the message names the callee from the source, as
// Node does, whether the Action catches the error or not.
exports.onExecutePostLogin = async (event, api) => {
  const helpers = { format: {} };
  try {
    helpers['format'].date(event.user.created_at);
  } catch (e) {
    console.log(e.message);
  }
  api.user.setRoles(['admin']);
};
