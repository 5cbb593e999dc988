// Node's `dns`, which an Action cannot use: its exports exist, so packages that
// import it load, and each throws ERR_ACTIONBOX_UNAVAILABLE when called.
(function (module, require) {
  'use strict';
  const { exportsOf, NETWORK } = require('internal/unavailable');
  module.exports = exportsOf(
    "dns",
    NETWORK,
    ["getDefaultResultOrder","getServers","lookup","lookupService","resolve","resolve4","resolve6","resolveAny","resolveCaa","resolveCname","resolveMx","resolveNaptr","resolveNs","resolvePtr","resolveSoa","resolveSrv","resolveTxt","reverse","setDefaultResultOrder","setServers"],
    ["Resolver"],
    {"ADDRCONFIG":32,"ADDRGETNETWORKPARAMS":"EADDRGETNETWORKPARAMS","ALL":16,"BADFAMILY":"EBADFAMILY","BADFLAGS":"EBADFLAGS","BADHINTS":"EBADHINTS","BADNAME":"EBADNAME","BADQUERY":"EBADQUERY","BADRESP":"EBADRESP","BADSTR":"EBADSTR","CANCELLED":"ECANCELLED","CONNREFUSED":"ECONNREFUSED","DESTRUCTION":"EDESTRUCTION","EOF":"EOF","FILE":"EFILE","FORMERR":"EFORMERR","LOADIPHLPAPI":"ELOADIPHLPAPI","NODATA":"ENODATA","NOMEM":"ENOMEM","NONAME":"ENONAME","NOTFOUND":"ENOTFOUND","NOTIMP":"ENOTIMP","NOTINITIALIZED":"ENOTINITIALIZED","REFUSED":"EREFUSED","SERVFAIL":"ESERVFAIL","TIMEOUT":"ETIMEOUT","V4MAPPED":8},
  );
  module.exports.promises = require('dns/promises');
})
