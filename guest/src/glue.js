// The JavaScript side of the sandbox: `console`, `require`, `module`, and each trigger's `api`.
//
// Evaluated once at pre-initialization. It receives the native functions (natives.rs) and
// keeps them in this closure, so the Action can reach them only through `api` and
// `console`. Arguments are checked here, so a wrong type is a TypeError naming the method;
// values are serialized to JSON by the natives, and the host validates them again.
(function install(natives) {
  'use strict';
  const {
    write, deny, rejectInvalidSubjectToken, validationError, notificationDrop, notificationRetry,
    setCustomClaim, addScope, removeScope, sessionCall, samlSetAttribute, samlSetField, setPrimaryUser, setMetadata,
    sendUserTo, encodeToken, validateToken, canRedirect,
    setUserById, setUserByConnection, setOrganization, setActor, setResultUrl,
    challenge, recordMethod, renderPrompt, enableMultifactor, setTransactionMetadata,
    cacheGet, cacheSet, cacheDelete,
  } = natives;
  const objectKeys = Object.keys;
  const isArray = Array.isArray;

  // ---- console -------------------------------------------------------------------------

  const LEVELS = ['log', 'info', 'warn', 'error', 'debug'];
  const MAX_DEPTH = 2;

  function inspect(value, depth, seen, nested) {
    switch (typeof value) {
      case 'string':
        return nested ? "'" + value + "'" : value;
      case 'bigint':
        return String(value) + 'n';
      case 'symbol':
        return value.toString();
      case 'function':
        return value.name ? '[Function: ' + value.name + ']' : '[Function (anonymous)]';
      case 'object':
        break;
      default:
        return String(value);
    }
    if (value === null) return 'null';
    if (seen.indexOf(value) !== -1) return '[Circular]';
    if (value instanceof Error) return value.stack ? String(value.name) + ': ' + value.message + '\n' + value.stack : String(value);
    if (value instanceof Date) return isNaN(value) ? 'Invalid Date' : value.toISOString();
    if (value instanceof RegExp) return String(value);
    const array = isArray(value);
    if (depth > MAX_DEPTH) return array ? '[Array]' : '[Object]';
    seen.push(value);
    const parts = [];
    if (array) {
      for (let i = 0; i < value.length; i++) parts.push(inspect(value[i], depth + 1, seen, true));
    } else {
      for (const key of objectKeys(value)) {
        const name = /^[A-Za-z_$][\w$]*$/.test(key) ? key : "'" + key + "'";
        parts.push(name + ': ' + inspect(value[key], depth + 1, seen, true));
      }
    }
    seen.pop();
    if (parts.length === 0) return array ? '[]' : '{}';
    return array ? '[ ' + parts.join(', ') + ' ]' : '{ ' + parts.join(', ') + ' }';
  }

  // Node's util.format for the common cases: %s %d %i %f %j %o %O %%.
  function format(args) {
    let first = 0;
    let out = '';
    if (typeof args[0] === 'string' && args.length > 1) {
      let next = 1;
      out = args[0].replace(/%[sdifjoO%]/g, (spec) => {
        if (spec === '%%') return '%';
        if (next >= args.length) return spec;
        const arg = args[next++];
        switch (spec) {
          case '%s': return typeof arg === 'string' ? arg : inspect(arg, 1, [], false);
          case '%d': return String(Number(arg));
          case '%i': return String(parseInt(arg, 10));
          case '%f': return String(parseFloat(arg));
          case '%j': try { return JSON.stringify(arg); } catch (e) { return '[Circular]'; }
          default: return inspect(arg, 0, [], true);
        }
      });
      first = next;
    } else if (args.length > 0) {
      out = inspect(args[0], 0, [], false);
      first = 1;
    }
    for (let i = first; i < args.length; i++) out += ' ' + inspect(args[i], 0, [], false);
    return out;
  }

  const console = {};
  LEVELS.forEach((name, level) => {
    console[name] = function (...args) { write(level, format(args)); };
  });
  console.trace = console.debug;
  Object.defineProperty(globalThis, 'console', {
    value: console, writable: true, enumerable: false, configurable: true,
  });

  // ---- argument checks -----------------------------------------------------------------

  function string(method, what, value) {
    if (typeof value !== 'string') {
      throw new TypeError(method + ': ' + what + ' must be a string, got ' + describe(value));
    }
    return value;
  }

  function optionalObject(method, what, value) {
    if (value === undefined || value === null) return {};
    if (typeof value !== 'object' || isArray(value)) {
      throw new TypeError(method + ': ' + what + ' must be an object, got ' + describe(value));
    }
    return value;
  }

  function describe(value) {
    if (value === null) return 'null';
    if (isArray(value)) return 'an array';
    return typeof value === 'object' ? 'an object' : typeof value;
  }

  // ---- api, per trigger ----------------------------------------------------------------

  // The event of the running execution, for methods whose effect it shows at once.
  let currentEvent = null;

  function cacheApi(prefix) {
    return {
      get(key) {
        return cacheGet(string(prefix + '.get', 'the key', key));
      },
      set(key, value, options) {
        const method = prefix + '.set';
        const opts = optionalObject(method, 'options', options);
        for (const field of ['ttl', 'expires_at']) {
          if (opts[field] !== undefined && typeof opts[field] !== 'number') {
            throw new TypeError(method + ': options.' + field + ' must be a number, got ' + describe(opts[field]));
          }
        }
        return cacheSet(string(method, 'the key', key), string(method, 'the value', value), opts.ttl, opts.expires_at);
      },
      delete(key) {
        return cacheDelete(string(prefix + '.delete', 'the key', key));
      },
    };
  }

  function reasonText(value) {
    return value === undefined ? '' : String(value);
  }

  // ---- api namespaces, shared by the triggers that have them -----------------------------

  // `deny(reason)`: post-login, password-reset-post-challenge.
  function denyWithReason(api) {
    return {
      deny(reason) {
        deny(undefined, reasonText(reason), undefined);
        return api;
      },
    };
  }

  // `deny(code, reason)`: credentials-exchange, custom-token-exchange.
  function denyWithCode(api, method) {
    return {
      deny(code, reason) {
        deny(string(method, 'the code', code), reasonText(reason), undefined);
        return api;
      },
    };
  }

  function userMetadataApi(api) {
    return {
      setUserMetadata(key, value) {
        setMetadata(0, string('api.user.setUserMetadata', 'the key', key), value);
        return api;
      },
      setAppMetadata(key, value) {
        setMetadata(1, string('api.user.setAppMetadata', 'the key', key), value);
        return api;
      },
    };
  }

  function accessTokenClaims(api) {
    return {
      setCustomClaim(name, value) {
        setCustomClaim(1, string('api.accessToken.setCustomClaim', 'the claim name', name), value);
        return api;
      },
    };
  }

  function validationApi(api) {
    return {
      error(code, message) {
        validationError(string('api.validation.error', 'the code', code), string('api.validation.error', 'the message', message));
        return api;
      },
    };
  }

  // `api.session` (target 0) and `api.refreshToken` (target 1).
  function sessionApi(api, target, prefix) {
    const time = (method, at) => {
      if (typeof at !== 'number') throw new TypeError(prefix + '.' + method + ': the time must be a number, got ' + describe(at));
      return at;
    };
    return {
      revoke(reason) {
        sessionCall(target, 'revoke', reasonText(reason));
        return api;
      },
      setExpiresAt(at) {
        sessionCall(target, 'setExpiresAt', time('setExpiresAt', at));
        return api;
      },
      setIdleExpiresAt(at) {
        sessionCall(target, 'setIdleExpiresAt', time('setIdleExpiresAt', at));
        return api;
      },
      setCookieMode(mode) {
        sessionCall(target, 'setCookieMode', string(prefix + '.setCookieMode', 'the mode', mode));
        return api;
      },
      setMetadata(key, value) {
        sessionCall(target, 'setMetadata', string(prefix + '.setMetadata', 'the key', key), value);
        return api;
      },
      deleteMetadata(key) {
        sessionCall(target, 'deleteMetadata', string(prefix + '.deleteMetadata', 'the key', key));
        return api;
      },
      evictMetadata() {
        sessionCall(target, 'evictMetadata');
        return api;
      },
    };
  }

  // The `api.samlResponse` setters, by field (the host checks each value and its limit).
  const SAML_FIELDS = [
    'audience', 'recipient', 'destination', 'issuer', 'relayState', 'lifetimeInSeconds',
    'signResponse', 'nameIdentifierFormat', 'nameIdentifierProbes', 'authnContextClassRef',
    'signatureAlgorithm', 'digestAlgorithm', 'signingCert', 'encryptionCert',
    'encryptionPublicKey', 'encryptionAlgorithm', 'cert', 'key', 'createUpnClaim',
    'passthroughClaimsWithNoMapping', 'mapUnknownClaimsAsIs', 'mapIdentities',
    'includeAttributeNameFormat', 'typedAttributes',
  ];

  function samlResponseApi() {
    const saml = {
      setAttribute(name, value) {
        samlSetAttribute(string('api.samlResponse.setAttribute', 'the attribute name', name), value);
      },
    };
    for (const field of SAML_FIELDS) {
      saml['set' + field[0].toUpperCase() + field.slice(1)] = function (value) {
        samlSetField(field, value);
      };
    }
    return saml;
  }

  function redirectApi(api) {
    return {
      sendUserTo(url, options) {
        const method = 'api.redirect.sendUserTo';
        const query = optionalObject(method, 'options', options).query;
        sendUserTo(string(method, 'the url', url), optionalObject(method, 'options.query', query));
        return api;
      },
      encodeToken(options) {
        const method = 'api.redirect.encodeToken';
        const opts = optionalObject(method, 'options', options);
        if (opts.expiresInSeconds !== undefined && typeof opts.expiresInSeconds !== 'number') {
          throw new TypeError(method + ': expiresInSeconds must be a number, got ' + describe(opts.expiresInSeconds));
        }
        return encodeToken(string(method, 'options.secret', opts.secret), optionalObject(method, 'options.payload', opts.payload), opts.expiresInSeconds);
      },
      validateToken(options) {
        const method = 'api.redirect.validateToken';
        const opts = optionalObject(method, 'options', options);
        const parameter = opts.tokenParameterName === undefined ? 'session_token' : opts.tokenParameterName;
        return validateToken(string(method, 'options.secret', opts.secret), string(method, 'options.tokenParameterName', parameter));
      },
      canRedirect() {
        return canRedirect();
      },
    };
  }

  // `challengeWith(factor, {additionalFactors})`, `challengeWithAny(factors)`, and the
  // `enroll` pair: kinds 0 to 3 of `challenge`.
  function challengeApi(api, target) {
    const single = (kind, name) => function (factor, options) {
      const method = 'api.authentication.' + name;
      const extra = optionalObject(method, 'options', options).additionalFactors;
      if (extra !== undefined && !isArray(extra)) throw new TypeError(method + ': additionalFactors must be an array');
      challenge(kind, [optionalObject(method, 'the factor', factor)].concat(extra || []));
      return api;
    };
    const any = (kind, name) => function (factors) {
      if (!isArray(factors)) throw new TypeError('api.authentication.' + name + ': the factors must be an array');
      challenge(kind, factors);
      return api;
    };
    target.challengeWith = single(0, 'challengeWith');
    target.challengeWithAny = any(1, 'challengeWithAny');
    target.enrollWith = single(2, 'enrollWith');
    target.enrollWithAny = any(3, 'enrollWithAny');
    return target;
  }

  function promptApi(api) {
    return {
      render(formId, options) {
        renderPrompt(string('api.prompt.render', 'the form id', formId), optionalObject('api.prompt.render', 'options', options));
        return api;
      },
    };
  }

  // ---- api, per trigger: each has exactly its own methods ------------------------------

  function postLoginApi() {
    const api = {};
    api.access = denyWithReason(api);
    api.idToken = {
      setCustomClaim(name, value) {
        setCustomClaim(0, string('api.idToken.setCustomClaim', 'the claim name', name), value);
        return api;
      },
    };
    api.accessToken = accessTokenClaims(api);
    api.accessToken.addScope = function (scope) {
      addScope(string('api.accessToken.addScope', 'the scope', scope));
      return api;
    };
    api.accessToken.removeScope = function (scope) {
      removeScope(string('api.accessToken.removeScope', 'the scope', scope));
      return api;
    };
    api.validation = validationApi(api);
    api.user = userMetadataApi(api);
    api.samlResponse = samlResponseApi();
    api.redirect = redirectApi(api);
    api.authentication = challengeApi(api, {
      setPrimaryUser(userId) {
        setPrimaryUser(string('api.authentication.setPrimaryUser', 'the user id', userId));
        return api;
      },
      recordMethod(url) {
        recordMethod(string('api.authentication.recordMethod', 'the url', url));
        return api;
      },
    });
    api.prompt = promptApi(api);
    // actionbox runs no Rules, so none was executed.
    api.rules = {
      wasExecuted(ruleId) {
        string('api.rules.wasExecuted', 'the rule id', ruleId);
        return false;
      },
    };
    api.session = sessionApi(api, 0, 'api.session');
    api.refreshToken = sessionApi(api, 1, 'api.refreshToken');
    delete api.refreshToken.setCookieMode;
    api.transaction = {
      setMetadata(key, value) {
        const method = 'api.transaction.setMetadata';
        string(method, 'the key', key);
        const type = typeof value;
        if (value !== null && type !== 'string' && type !== 'number' && type !== 'boolean') {
          throw new TypeError(method + ': the value must be a string, number, boolean or null, got ' + describe(value));
        }
        setTransactionMetadata(key, value);
        if (currentEvent !== null) {
          if (typeof currentEvent.transaction !== 'object' || currentEvent.transaction === null) currentEvent.transaction = {};
          const tx = currentEvent.transaction;
          if (typeof tx.metadata !== 'object' || tx.metadata === null) tx.metadata = {};
          if (value === null) delete tx.metadata[key];
          else tx.metadata[key] = value;
        }
      },
    };
    api.cache = cacheApi('api.cache');
    api.multifactor = {
      enable(provider, options) {
        const method = 'api.multifactor.enable';
        enableMultifactor(string(method, 'the provider', provider), optionalObject(method, 'options', options));
        return api;
      },
    };
    return api;
  }

  function credentialsExchangeApi() {
    const api = {};
    api.access = denyWithCode(api, 'api.access.deny');
    api.accessToken = accessTokenClaims(api);
    api.cache = cacheApi('api.cache');
    return api;
  }

  function preUserRegistrationApi() {
    const api = {};
    api.access = {
      deny(reason, userMessage) {
        const message = userMessage === undefined ? undefined : string('api.access.deny', 'the user message', userMessage);
        deny(undefined, reasonText(reason), message);
        return api;
      },
    };
    api.validation = validationApi(api);
    api.user = userMetadataApi(api);
    api.cache = cacheApi('api.cache');
    return api;
  }

  function cacheOnlyApi() {
    return { cache: cacheApi('api.cache') };
  }

  function passwordResetPostChallengeApi() {
    const api = {};
    api.access = denyWithReason(api);
    api.redirect = redirectApi(api);
    api.authentication = challengeApi(api, {});
    api.prompt = promptApi(api);
    api.transaction = {
      setResultUrl(url) {
        setResultUrl(string('api.transaction.setResultUrl', 'the url', url));
        return api;
      },
    };
    api.cache = cacheApi('api.cache');
    return api;
  }

  function customTokenExchangeApi() {
    const api = {};
    api.access = denyWithCode(api, 'api.access.deny');
    api.access.rejectInvalidSubjectToken = function (reason) {
      rejectInvalidSubjectToken(reasonText(reason));
      return api;
    };
    const method = (name) => 'api.authentication.' + name;
    api.authentication = {
      setUserById(userId) {
        setUserById(string(method('setUserById'), 'the user id', userId));
        return api;
      },
      setUserByConnection(connection, profile, options) {
        const name = method('setUserByConnection');
        setUserByConnection(string(name, 'the connection', connection), optionalObject(name, 'the user profile', profile), optionalObject(name, 'options', options));
        return api;
      },
      setOrganization(organization) {
        setOrganization(string(method('setOrganization'), 'the organization', organization));
        return api;
      },
      setActor(actor) {
        setActor(optionalObject(method('setActor'), 'the actor', actor));
        return api;
      },
    };
    api.user = userMetadataApi(api);
    api.cache = cacheApi('api.cache');
    return api;
  }

  function notificationProviderApi() {
    const api = {};
    api.notification = {
      drop(reason) {
        notificationDrop(reasonText(reason));
        return api;
      },
      retry(reason) {
        notificationRetry(reasonText(reason));
        return api;
      },
    };
    api.cache = cacheApi('api.cache');
    return api;
  }

  function require(name) {
    const error = new Error("Cannot find module '" + String(name) + "'");
    error.code = 'MODULE_NOT_FOUND';
    throw error;
  }

  // Built here, at pre-initialization, not per execution: every instance starts from the
  // snapshot, so each execution receives these objects untouched by any other one, and
  // does not pay for building them.
  const exportsObject = {};
  return {
    apis: {
      'post-login': postLoginApi(),
      'credentials-exchange': credentialsExchangeApi(),
      'pre-user-registration': preUserRegistrationApi(),
      'post-user-registration': cacheOnlyApi(),
      'post-change-password': cacheOnlyApi(),
      'send-phone-message': cacheOnlyApi(),
      'password-reset-post-challenge': passwordResetPostChallengeApi(),
      'custom-token-exchange': customTokenExchangeApi(),
      'custom-email-provider': notificationProviderApi(),
      'custom-phone-provider': notificationProviderApi(),
    },
    module: { exports: exportsObject },
    exports: exportsObject,
    require,
    bindEvent(event) {
      currentEvent = event;
    },
    // The handler's result, awaited as `await` does: a promise or any thenable is
    // followed, by the engine's own machinery (whatever the Action did to `Promise`).
    async awaitResult(value) {
      return value;
    },
  };
})
