// The JavaScript side of the sandbox: `console`, `require`, `module`, and each trigger's `api`.
//
// Evaluated once at pre-initialization. It receives the native functions (natives.rs) and
// keeps them in this closure, so the Action can reach them only through `api` and
// `console`. It also receives the contract's trigger table (table.rs): each trigger's
// `api` is assembled from the methods the table lists for it, and from nothing else.
// Arguments are checked here, so a wrong type is a TypeError naming the method; values
// are serialized to JSON by the natives, and the host validates them again.
(function install(natives, triggers) {
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

  // ---- api methods: one per form, named by the contract's method key ------------------

  // The event of the running execution, for methods whose effect it shows at once.
  let currentEvent = null;

  function reasonText(value) {
    return value === undefined ? '' : String(value);
  }

  function setExpiry(prefix, method, at) {
    if (typeof at !== 'number') throw new TypeError(prefix + '.' + method + ': the time must be a number, got ' + describe(at));
    return at;
  }

  // `challengeWith(factor, {additionalFactors})` and `enrollWith`: kinds 0 and 2 of
  // `challenge`; `challengeWithAny(factors)` and `enrollWithAny`: kinds 1 and 3.
  function challengeOne(kind, name, factor, options) {
    const method = 'api.authentication.' + name;
    const extra = optionalObject(method, 'options', options).additionalFactors;
    if (extra !== undefined && !isArray(extra)) throw new TypeError(method + ': additionalFactors must be an array');
    challenge(kind, [optionalObject(method, 'the factor', factor)].concat(extra || []));
  }

  function challengeAny(kind, name, factors) {
    if (!isArray(factors)) throw new TypeError('api.authentication.' + name + ': the factors must be an array');
    challenge(kind, factors);
  }

  // Session (target 0) and refresh token (target 1) share their methods.
  function sessionMethods(api, target, prefix) {
    return {
      revoke(reason) {
        sessionCall(target, 'revoke', reasonText(reason));
        return api;
      },
      setExpiresAt(at) {
        sessionCall(target, 'setExpiresAt', setExpiry(prefix, 'setExpiresAt', at));
        return api;
      },
      setIdleExpiresAt(at) {
        sessionCall(target, 'setIdleExpiresAt', setExpiry(prefix, 'setIdleExpiresAt', at));
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

  // Every method of `api`, for the `api` object it will be part of: those that chain
  // return it. Keys are the contract's `Method::key`; the table says which trigger has
  // which. The SAML configuration setters are one family (`samlSetter`).
  function methods(api) {
    const session = sessionMethods(api, 0, 'api.session');
    const refreshToken = sessionMethods(api, 1, 'api.refreshToken');
    return {
      AccessDeny(reason) {
        deny(undefined, reasonText(reason), undefined);
        return api;
      },
      AccessDenyWithCode(code, reason) {
        deny(string('api.access.deny', 'the code', code), reasonText(reason), undefined);
        return api;
      },
      AccessDenyWithUserMessage(reason, userMessage) {
        const message = userMessage === undefined ? undefined : string('api.access.deny', 'the user message', userMessage);
        deny(undefined, reasonText(reason), message);
        return api;
      },
      AccessRejectInvalidSubjectToken(reason) {
        rejectInvalidSubjectToken(reasonText(reason));
        return api;
      },
      ValidationError(code, message) {
        validationError(string('api.validation.error', 'the code', code), string('api.validation.error', 'the message', message));
        return api;
      },
      NotificationDrop(reason) {
        notificationDrop(reasonText(reason));
        return api;
      },
      NotificationRetry(reason) {
        notificationRetry(reasonText(reason));
        return api;
      },
      IdTokenSetCustomClaim(name, value) {
        setCustomClaim(0, string('api.idToken.setCustomClaim', 'the claim name', name), value);
        return api;
      },
      AccessTokenSetCustomClaim(name, value) {
        setCustomClaim(1, string('api.accessToken.setCustomClaim', 'the claim name', name), value);
        return api;
      },
      AccessTokenAddScope(scope) {
        addScope(string('api.accessToken.addScope', 'the scope', scope));
        return api;
      },
      AccessTokenRemoveScope(scope) {
        removeScope(string('api.accessToken.removeScope', 'the scope', scope));
        return api;
      },
      SessionRevoke: session.revoke,
      SessionSetExpiresAt: session.setExpiresAt,
      SessionSetIdleExpiresAt: session.setIdleExpiresAt,
      SessionSetCookieMode: session.setCookieMode,
      SessionSetMetadata: session.setMetadata,
      SessionDeleteMetadata: session.deleteMetadata,
      SessionEvictMetadata: session.evictMetadata,
      RefreshTokenRevoke: refreshToken.revoke,
      RefreshTokenSetExpiresAt: refreshToken.setExpiresAt,
      RefreshTokenSetIdleExpiresAt: refreshToken.setIdleExpiresAt,
      RefreshTokenSetMetadata: refreshToken.setMetadata,
      RefreshTokenDeleteMetadata: refreshToken.deleteMetadata,
      RefreshTokenEvictMetadata: refreshToken.evictMetadata,
      UserSetUserMetadata(key, value) {
        setMetadata(0, string('api.user.setUserMetadata', 'the key', key), value);
        return api;
      },
      UserSetAppMetadata(key, value) {
        setMetadata(1, string('api.user.setAppMetadata', 'the key', key), value);
        return api;
      },
      MultifactorEnable(provider, options) {
        const method = 'api.multifactor.enable';
        enableMultifactor(string(method, 'the provider', provider), optionalObject(method, 'options', options));
        return api;
      },
      SamlResponseSetAttribute(name, value) {
        samlSetAttribute(string('api.samlResponse.setAttribute', 'the attribute name', name), value);
      },
      AuthenticationSetPrimaryUser(userId) {
        setPrimaryUser(string('api.authentication.setPrimaryUser', 'the user id', userId));
        return api;
      },
      AuthenticationRecordMethod(url) {
        recordMethod(string('api.authentication.recordMethod', 'the url', url));
        return api;
      },
      AuthenticationChallengeWith(factor, options) {
        challengeOne(0, 'challengeWith', factor, options);
        return api;
      },
      AuthenticationChallengeWithAny(factors) {
        challengeAny(1, 'challengeWithAny', factors);
        return api;
      },
      AuthenticationEnrollWith(factor, options) {
        challengeOne(2, 'enrollWith', factor, options);
        return api;
      },
      AuthenticationEnrollWithAny(factors) {
        challengeAny(3, 'enrollWithAny', factors);
        return api;
      },
      AuthenticationSetUserById(userId) {
        setUserById(string('api.authentication.setUserById', 'the user id', userId));
        return api;
      },
      AuthenticationSetUserByConnection(connection, profile, options) {
        const method = 'api.authentication.setUserByConnection';
        setUserByConnection(string(method, 'the connection', connection), optionalObject(method, 'the user profile', profile), optionalObject(method, 'options', options));
        return api;
      },
      AuthenticationSetOrganization(organization) {
        setOrganization(string('api.authentication.setOrganization', 'the organization', organization));
        return api;
      },
      AuthenticationSetActor(actor) {
        setActor(optionalObject('api.authentication.setActor', 'the actor', actor));
        return api;
      },
      RedirectSendUserTo(url, options) {
        const method = 'api.redirect.sendUserTo';
        const query = optionalObject(method, 'options', options).query;
        sendUserTo(string(method, 'the url', url), optionalObject(method, 'options.query', query));
        return api;
      },
      RedirectEncodeToken(options) {
        const method = 'api.redirect.encodeToken';
        const opts = optionalObject(method, 'options', options);
        if (opts.expiresInSeconds !== undefined && typeof opts.expiresInSeconds !== 'number') {
          throw new TypeError(method + ': expiresInSeconds must be a number, got ' + describe(opts.expiresInSeconds));
        }
        return encodeToken(string(method, 'options.secret', opts.secret), optionalObject(method, 'options.payload', opts.payload), opts.expiresInSeconds);
      },
      RedirectValidateToken(options) {
        const method = 'api.redirect.validateToken';
        const opts = optionalObject(method, 'options', options);
        const parameter = opts.tokenParameterName === undefined ? 'session_token' : opts.tokenParameterName;
        return validateToken(string(method, 'options.secret', opts.secret), string(method, 'options.tokenParameterName', parameter));
      },
      RedirectCanRedirect() {
        return canRedirect();
      },
      PromptRender(formId, options) {
        renderPrompt(string('api.prompt.render', 'the form id', formId), optionalObject('api.prompt.render', 'options', options));
        return api;
      },
      TransactionSetMetadata(key, value) {
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
      TransactionSetResultUrl(url) {
        setResultUrl(string('api.transaction.setResultUrl', 'the url', url));
        return api;
      },
      CacheGet(key) {
        return cacheGet(string('api.cache.get', 'the key', key));
      },
      CacheSet(key, value, options) {
        const method = 'api.cache.set';
        const opts = optionalObject(method, 'options', options);
        for (const field of ['ttl', 'expires_at']) {
          if (opts[field] !== undefined && typeof opts[field] !== 'number') {
            throw new TypeError(method + ': options.' + field + ' must be a number, got ' + describe(opts[field]));
          }
        }
        return cacheSet(string(method, 'the key', key), string(method, 'the value', value), opts.ttl, opts.expires_at);
      },
      CacheDelete(key) {
        return cacheDelete(string('api.cache.delete', 'the key', key));
      },
      // actionbox runs no Rules, so none was executed.
      RulesWasExecuted(ruleId) {
        string('api.rules.wasExecuted', 'the rule id', ruleId);
        return false;
      },
    };
  }

  // `api.samlResponse.setAudience(value)` and the other configuration setters: each sets
  // the field its name says (the host checks the value and its limit).
  function samlSetter(name) {
    const field = name[3].toLowerCase() + name.slice(4);
    return function (value) {
      samlSetField(field, value);
    };
  }

  // One trigger's `api`: its namespaces and methods in the table's order, each method
  // named as the Action calls it.
  function assemble(surface) {
    const api = {};
    const implementations = methods(api);
    for (const [key, namespace, name] of surface) {
      const method = implementations[key] || (namespace === 'samlResponse' ? samlSetter(name) : undefined);
      if (method === undefined) throw new Error('glue.js has no method ' + key);
      Object.defineProperty(method, 'name', { value: name });
      (api[namespace] || (api[namespace] = {}))[name] = method;
    }
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
    apis: triggers.map(assemble),
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
