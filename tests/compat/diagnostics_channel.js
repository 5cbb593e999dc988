// `diagnostics_channel`: named channels and their subscribers, `hasSubscribers`, the
// module-level helpers, `tracingChannel` around a sync function, a promise and a
// callback, and the argument errors; and `domain`, which packages still load.
const dc = require('diagnostics_channel');
const seen = [];
const channel = dc.channel('actionbox:test');
show('same channel', dc.channel('actionbox:test') === channel);
show('no subscribers', [channel.hasSubscribers, dc.hasSubscribers('actionbox:test')]);
const subscriber = (message, name) => seen.push([name, message]);
channel.subscribe(subscriber);
show('subscribed', [channel.hasSubscribers, dc.hasSubscribers('actionbox:test')]);
channel.publish({ n: 1 });
dc.subscribe('actionbox:other', subscriber);
dc.channel('actionbox:other').publish('two');
show('published', seen);
show('unsubscribe', [channel.unsubscribe(subscriber), channel.unsubscribe(subscriber), channel.hasSubscribers]);
show('module unsubscribe', [dc.unsubscribe('actionbox:other', subscriber), dc.unsubscribe('actionbox:none', subscriber)]);
attempt('subscribe a non-function', () => channel.subscribe(42));
attempt('channel of a number', () => dc.channel(1));

const events = [];
const tracing = dc.tracingChannel('actionbox:trace');
show('tracing has no subscribers', tracing.hasSubscribers);
tracing.subscribe({
  start: (c) => events.push('start ' + c.id),
  end: (c) => events.push('end ' + c.id + ' ' + c.result),
  asyncStart: (c) => events.push('asyncStart ' + c.id),
  asyncEnd: (c) => events.push('asyncEnd ' + c.id),
  error: (c) => events.push('error ' + c.id + ' ' + c.error.message),
});
show('traceSync', tracing.traceSync((a, b) => a + b, { id: 1 }, null, 2, 3));
attempt('traceSync throws', () => tracing.traceSync(() => { throw new Error('boom'); }, { id: 2 }));
attempt('tracePromise', () => tracing.tracePromise(async () => 'done', { id: 3 }));
attempt('traceCallback', () => new Promise((resolve) => tracing.traceCallback((cb) => cb(null, 'called'), -1, { id: 4 }, null, (e, r) => resolve(r))));
show('trace events', events);

const domain = require('domain');
const d = domain.create();
show('domain', [typeof domain.Domain, domain.active, d instanceof require('events')]);
show('domain run', d.run((x) => [x, domain.active === d], 7));
show('domain after run', domain.active);
show('domain bind', d.bind(function (x) { return [x * 2, domain.active === d]; })(21));
