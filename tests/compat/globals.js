// Which of the globals Actions use are there, and what they are.
for (const name of [
  'URL', 'URLSearchParams', 'TextEncoder', 'TextDecoder', 'atob', 'btoa', 'structuredClone',
  'Buffer', 'crypto', 'process', 'global', 'globalThis', 'performance', 'WeakRef',
  'FinalizationRegistry', 'queueMicrotask', 'setTimeout', 'setInterval', 'setImmediate',
  'clearTimeout', 'clearInterval', 'clearImmediate', 'fetch', 'Headers', 'Request', 'Response',
  'AbortController', 'AbortSignal', 'Blob', 'FormData', 'Event', 'EventTarget', 'DOMException',
  'Intl', 'console', 'JSON', 'Math', 'Reflect', 'Proxy', 'Symbol', 'BigInt', 'Promise',
]) {
  show(name, typeof globalThis[name]);
}
