// `api.authentication`: post-login's `setPrimaryUser` and `recordMethod`, the challenge and
// enrollment methods, and custom-token-exchange's user, organization and actor.
(function (natives, prelude) {
  'use strict';
  const { setPrimaryUser, recordMethod, challengeWith, challengeWithAny, enrollWith, enrollWithAny, setUserById, setUserByConnection, setOrganization, setActor } = natives;
  const { string, optionalObject, isArray } = prelude;

  // `challengeWith(factor, {additionalFactors})` and `enrollWith`: the factor and the
  // additional ones, as one list.
  function one(name, factor, options) {
    const method = 'api.authentication.' + name;
    const extra = optionalObject(method, 'options', options).additionalFactors;
    if (extra !== undefined && !isArray(extra)) throw new TypeError(method + ': additionalFactors must be an array');
    return [optionalObject(method, 'the factor', factor)].concat(extra || []);
  }

  // `challengeWithAny(factors)` and `enrollWithAny`.
  function any(name, factors) {
    if (!isArray(factors)) throw new TypeError('api.authentication.' + name + ': the factors must be an array');
    return factors;
  }

  return {
    methods(api) {
      return {
        AuthenticationSetPrimaryUser(userId) {
          setPrimaryUser(string('api.authentication.setPrimaryUser', 'the user id', userId));
          return api;
        },
        AuthenticationRecordMethod(url) {
          recordMethod(string('api.authentication.recordMethod', 'the url', url));
          return api;
        },
        AuthenticationChallengeWith(factor, options) {
          challengeWith(one('challengeWith', factor, options));
          return api;
        },
        AuthenticationChallengeWithAny(factors) {
          challengeWithAny(any('challengeWithAny', factors));
          return api;
        },
        AuthenticationEnrollWith(factor, options) {
          enrollWith(one('enrollWith', factor, options));
          return api;
        },
        AuthenticationEnrollWithAny(factors) {
          enrollWithAny(any('enrollWithAny', factors));
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
      };
    },
  };
})
