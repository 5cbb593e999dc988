// Node's `tls`, which an Action cannot use: its exports exist, so packages that
// import it load, and each throws ERR_ACTIONBOX_UNAVAILABLE when called.
(function (module, require) {
  'use strict';
  const { exportsOf, NETWORK } = require('internal/unavailable');
  module.exports = exportsOf(
    "tls",
    NETWORK,
    ["checkServerIdentity","connect","convertALPNProtocols","createSecureContext","createSecurePair","createServer","getCiphers"],
    ["SecureContext","Server","TLSSocket"],
    {"CLIENT_RENEG_LIMIT":3,"CLIENT_RENEG_WINDOW":600,"DEFAULT_CIPHERS":"TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-AES256-GCM-SHA384:DHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-SHA256:DHE-RSA-AES128-SHA256:ECDHE-RSA-AES256-SHA384:DHE-RSA-AES256-SHA384:ECDHE-RSA-AES256-SHA256:DHE-RSA-AES256-SHA256:HIGH:!aNULL:!eNULL:!EXPORT:!DES:!RC4:!MD5:!PSK:!SRP:!CAMELLIA","DEFAULT_ECDH_CURVE":"auto","DEFAULT_MAX_VERSION":"TLSv1.3","DEFAULT_MIN_VERSION":"TLSv1.2","rootCertificates":[]},
  );
})
