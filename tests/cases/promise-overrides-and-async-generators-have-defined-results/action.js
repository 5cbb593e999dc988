// Catalog case 3: a Symbol.species override, yield* in async generators, a rejection
// nobody handles, then Promise.prototype.then replaced before the handler returns.
exports.onExecutePostLogin = async (event, api) => {
  class Odd extends Promise {
    static get [Symbol.species]() { return Promise; }
  }
  const chained = Odd.resolve(1).then((x) => x + 1);
  api.idToken.setCustomClaim('https://x.example/species', [chained instanceof Odd, await chained]);
  async function* inner() { yield 1; yield 2; }
  async function* outer() { yield* inner(); yield 3; }
  const seen = [];
  for await (const value of outer()) seen.push(value);
  api.idToken.setCustomClaim('https://x.example/generated', seen);
  Promise.reject(new Error('nobody handles this'));
  Promise.prototype.then = function () { throw new Error('patched then'); };
  api.idToken.setCustomClaim('https://x.example/end', true);
};
