// Each trigger's `api`, assembled at pre-initialization from the contract's trigger table
// (table.rs): its namespaces and methods in the table's order, each method named as the
// Action calls it, and nothing the table does not list. `namespaces` holds each
// namespace's JavaScript by name: `methods(api)`, the methods by their contract key, and
// for a family of methods (the SAML setters) `family(name)`.
(function (namespaces, triggers, prelude) {
  'use strict';

  function build(surface) {
    const api = {};
    const made = {};
    for (const [key, namespace, name] of surface) {
      const implementation = namespaces[namespace];
      const methods = made[namespace] || (made[namespace] = implementation.methods(api));
      const method = methods[key] || (implementation.family ? implementation.family(name) : undefined);
      if (method === undefined) throw new Error('no JavaScript for the api method ' + key);
      Object.defineProperty(method, 'name', { value: name });
      (api[namespace] || (api[namespace] = {}))[name] = method;
    }
    return api;
  }

  return {
    // Built here, at pre-initialization, not per execution: every instance starts from
    // the snapshot, so each execution receives these objects untouched by any other one,
    // and does not pay for building them.
    apis: triggers.map(build),
    bindEvent(event) {
      prelude.current.event = event;
    },
  };
})
