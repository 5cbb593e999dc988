exports.onExecuteCustomEmailProvider = async (event, api) => {
  if (event.notification.to.endsWith('@blocked.example')) {
    api.notification.drop('recipient domain is blocked');
  } else {
    api.notification.retry('provider busy');
  }
  console.log(typeof api.access);
};
