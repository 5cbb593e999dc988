exports.onExecutePostLogin = async (event: any, api: any): Promise<void> => {
  const plan: string = event.user.app_metadata.plan;
};
