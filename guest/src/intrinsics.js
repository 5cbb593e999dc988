// Reads every property of the built-ins reachable from the global object (constructors,
// their prototypes, namespaces such as `Math` and `JSON`, and the prototypes behind
// them), so QuickJS instantiates the built-in functions it defines lazily now, at
// pre-initialization, and the snapshot holds them: an execution then neither creates
// them again nor dirties the pages they would take. Only descriptors are read: no getter
// runs. Run once per runtime, after everything else is installed.
(function warm() {
  const seen = new Set();
  const visit = (value, depth) => {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return;
    if (seen.has(value) || depth > 4) return;
    seen.add(value);
    visit(Object.getPrototypeOf(value), depth + 1);
    for (const key of Reflect.ownKeys(value)) {
      const descriptor = Object.getOwnPropertyDescriptor(value, key);
      if (descriptor !== undefined && 'value' in descriptor) visit(descriptor.value, depth + 1);
    }
  };
  visit(globalThis, 0);
  // Prototypes no global names: iterators, generators, async functions.
  visit(Object.getPrototypeOf([][Symbol.iterator]()), 1);
  visit(Object.getPrototypeOf(new Map()[Symbol.iterator]()), 1);
  visit(Object.getPrototypeOf(new Set()[Symbol.iterator]()), 1);
  visit(Object.getPrototypeOf(''[Symbol.iterator]()), 1);
  visit(Object.getPrototypeOf(function* () {}), 1);
  visit(Object.getPrototypeOf(async function () {}), 1);
  visit(Object.getPrototypeOf(async function* () {}), 1);
  visit(Object.getPrototypeOf(Uint8Array), 1);
})
