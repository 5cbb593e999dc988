async function lookup(id) {
  await null;
  throw new RangeError('lookup failed for ' + id);
}

exports.onExecutePostLogin = async (event, api) => {
  await lookup(event.user.user_id);
};
