exports.onExecutePostLogin = async (event, api) => {
  for (const url of ['https://x.example/?state=forged', 'http://x.example/', 'https://x.example:99999/', 'https://u:p@x.example/']) {
    try {
      api.redirect.sendUserTo(url);
      console.log('accepted ' + url);
    } catch (e) {
      console.log('refused');
    }
  }
  api.redirect.sendUserTo('https://x.example/consent?lang=en#top', { query: { who: 'a b' } });
};
