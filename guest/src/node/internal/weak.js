// `WeakRef`, as the standard keeps its targets: QuickJS frees an object the moment its
// last reference goes, so a target made and wrapped in one expression would be gone
// before `deref()`. The standard keeps a new `WeakRef`'s target, and whatever `deref()`
// returns, alive until the current job ends; this wraps the engine's `WeakRef` to do so.
(function (module, require) {
  'use strict';
  const Native = require.previousGlobal('WeakRef');
  let kept = [];
  const clear = () => {
    kept = [];
  };
  function keep(target) {
    if (kept.length === 0) Promise.resolve().then(clear);
    kept.push(target);
  }
  class WeakRef extends Native {
    constructor(target) {
      super(target);
      keep(target);
    }
    deref() {
      const target = super.deref();
      if (target !== undefined) keep(target);
      return target;
    }
  }
  module.exports = { WeakRef, FinalizationRegistry: require.previousGlobal('FinalizationRegistry') };
})
