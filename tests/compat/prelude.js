// The differential suite's helpers, the same in node and in actionbox: `show(label,
// value)` prints one line, `label: value`, in a form both print alike (console
// formatting itself is compared by its own snippet); `attempt(label, fn)` shows what
// `fn` returns (awaited) or `throws <name>`.
const describe = (value) => {
  const seen = new Set();
  const plain = (v) => {
    if (v === undefined) return '<undefined>';
    if (typeof v === 'bigint') return v + 'n';
    if (typeof v === 'symbol') return String(v);
    if (typeof v === 'function') return '<function ' + (v.name || 'anonymous') + '>';
    if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
    if (typeof v === 'number' && Object.is(v, -0)) return '-0';
    if (v instanceof Error) return '<' + v.name + ': ' + v.message + '>';
    if (ArrayBuffer.isView(v)) return '<' + v.constructor.name + ' ' + Array.from(v).join(',') + '>';
    if (v instanceof ArrayBuffer) return '<ArrayBuffer ' + Array.from(new Uint8Array(v)).join(',') + '>';
    if (v instanceof Map) return { '<Map>': [...v].map(([k, x]) => [plain(k), plain(x)]) };
    if (v instanceof Set) return { '<Set>': [...v].map(plain) };
    if (v instanceof Date) return '<Date ' + (Number.isNaN(v.getTime()) ? 'Invalid' : v.toISOString()) + '>';
    if (v !== null && typeof v === 'object') {
      if (seen.has(v)) return '<cycle>';
      seen.add(v);
      if (Array.isArray(v)) return v.map(plain);
      const out = {};
      for (const key of Object.keys(v)) out[key] = plain(v[key]);
      return out;
    }
    return v;
  };
  return JSON.stringify(plain(value));
};
const show = (label, value) => console.log(label + ': ' + describe(value));
const attempt = async (label, fn) => {
  try {
    show(label, await fn());
  } catch (error) {
    console.log(label + ': throws ' + (error && error.name));
  }
};
