exports.onExecuteSendPhoneMessage = async (event, api) => {
  console.log(event.message_options.message_type, event.message_options.recipient, event.message_options.text.length);
};
