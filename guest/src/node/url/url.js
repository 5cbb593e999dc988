// Node's `url` module: the WHATWG `URL` and `URLSearchParams` (`internal/url`, which the
// globals are) and Node's legacy API (`internal/url-legacy`: `parse`, `format`,
// `resolve`, file URLs).
(function (module, require) {
  'use strict';
  const whatwg = require('internal/url');
  const legacy = require('internal/url-legacy');
  module.exports = {
    Url: legacy.Url,
    parse: legacy.parse,
    resolve: legacy.resolve,
    resolveObject: legacy.resolveObject,
    format: legacy.format,
    URL: whatwg.URL,
    URLSearchParams: whatwg.URLSearchParams,
    domainToASCII: whatwg.domainToASCII,
    domainToUnicode: whatwg.domainToUnicode,
    pathToFileURL: legacy.pathToFileURL,
    fileURLToPath: legacy.fileURLToPath,
    urlToHttpOptions: legacy.urlToHttpOptions,
  };
})
