// Node's deprecated `domain`, which packages still load (`aws-sdk` v2 reads
// `domain.active`): `create()`, `Domain` (an `EventEmitter` with `run`, `add`, `remove`,
// `bind`, `intercept`, `enter`, `exit`, `dispose`), and `active`, the domain whose `run`
// is on the stack (`null` before any ran, as in Node). A domain does not catch what its functions throw, asynchronously or
// not: errors reach the Action as they would without it.
(function (module, require) {
  'use strict';
  const EventEmitter = require('events');
  const exported = {};
  const stack = [];

  class Domain extends EventEmitter {
    constructor() {
      super();
      this.members = [];
    }
    enter() {
      stack.push(this);
      exported.active = this;
    }
    exit() {
      const at = stack.lastIndexOf(this);
      if (at !== -1) stack.length = at;
      exported.active = stack[stack.length - 1];
    }
    run(fn, ...args) {
      this.enter();
      try {
        return fn.apply(this, args);
      } finally {
        this.exit();
      }
    }
    add(emitter) {
      if (!this.members.includes(emitter)) this.members.push(emitter);
    }
    remove(emitter) {
      const at = this.members.indexOf(emitter);
      if (at !== -1) this.members.splice(at, 1);
    }
    bind(fn) {
      const domain = this;
      return function (...args) {
        return domain.run(() => fn.apply(this, args));
      };
    }
    intercept(fn) {
      const domain = this;
      return function (error, ...args) {
        if (error) {
          domain.emit('error', error);
          return undefined;
        }
        return domain.run(() => fn.apply(this, args));
      };
    }
    dispose() {
      this.exit();
      this.members = [];
    }
  }

  exported.Domain = Domain;
  exported.active = null;
  exported.create = exported.createDomain = () => new Domain();
  module.exports = exported;
})
