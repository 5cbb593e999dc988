exports.onExecuteSendPhoneMessage = async (event, api) => {

};
