// Node's `diagnostics_channel`, which libraries publish to (`lru-cache`, `undici`,
// `pino`): named channels whose subscribers are called synchronously with each message,
// `tracingChannel` over five of them, and `hasSubscribers` so publishers skip the work
// when nobody listens. Nothing subscribes unless the Action does.
(function (module, require) {
  'use strict';
  const { codes } = require('internal/errors');
  const channels = new Map();

  class Channel {
    constructor(name) {
      this.name = name;
      this._subscribers = [];
      this._stores = new Map();
    }
    get hasSubscribers() {
      return this._subscribers.length > 0 || this._stores.size > 0;
    }
    subscribe(subscription) {
      if (typeof subscription !== 'function') throw codes.ERR_INVALID_ARG_TYPE('subscription', 'Function', subscription);
      this._subscribers.push(subscription);
    }
    unsubscribe(subscription) {
      const at = this._subscribers.indexOf(subscription);
      if (at === -1) return false;
      this._subscribers.splice(at, 1);
      return true;
    }
    publish(message) {
      for (const subscriber of this._subscribers.slice()) {
        try {
          subscriber(message, this.name);
        } catch (error) {
          // As in Node: a subscriber's error does not reach the publisher.
          process.nextTick(() => {
            throw error;
          });
        }
      }
    }
    bindStore(store, transform) {
      this._stores.set(store, transform);
    }
    unbindStore(store) {
      return this._stores.delete(store);
    }
    runStores(data, fn, thisArg, ...args) {
      this.publish(data);
      let run = () => fn.apply(thisArg, args);
      for (const [store, transform] of this._stores) {
        const inner = run;
        const value = transform === undefined ? data : transform(data);
        run = () => store.run(value, inner);
      }
      return run();
    }
  }

  function channel(name) {
    if (typeof name !== 'string' && typeof name !== 'symbol') {
      throw codes.ERR_INVALID_ARG_TYPE('channel', ['string', 'symbol'], name);
    }
    let found = channels.get(name);
    if (found === undefined) {
      found = new Channel(name);
      channels.set(name, found);
    }
    return found;
  }

  const EVENTS = ['start', 'end', 'asyncStart', 'asyncEnd', 'error'];
  class TracingChannel {
    constructor(nameOrChannels) {
      for (const event of EVENTS) {
        this[event] =
          typeof nameOrChannels === 'string' ? channel('tracing:' + nameOrChannels + ':' + event) : nameOrChannels[event];
      }
    }
    get hasSubscribers() {
      return EVENTS.some((event) => this[event].hasSubscribers);
    }
    subscribe(handlers) {
      for (const event of EVENTS) if (handlers[event]) this[event].subscribe(handlers[event]);
    }
    unsubscribe(handlers) {
      let all = true;
      for (const event of EVENTS) if (handlers[event] && !this[event].unsubscribe(handlers[event])) all = false;
      return all;
    }
    traceSync(fn, context = {}, thisArg, ...args) {
      return traced(this, context, () => {
        context.result = fn.apply(thisArg, args);
        return context.result;
      });
    }
    tracePromise(fn, context = {}, thisArg, ...args) {
      const settled = () => {
        this.asyncStart.publish(context);
        this.asyncEnd.publish(context);
      };
      return traced(this, context, () =>
        Promise.resolve(fn.apply(thisArg, args)).then(
          (result) => {
            context.result = result;
            settled();
            return result;
          },
          (error) => {
            context.error = error;
            this.error.publish(context);
            settled();
            throw error;
          },
        ),
      );
    }
    traceCallback(fn, position = -1, context = {}, thisArg, ...args) {
      const at = position < 0 ? args.length + position : position;
      const callback = args[at];
      if (typeof callback !== 'function') throw codes.ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
      const tracing = this;
      args[at] = function (error, result) {
        if (error) {
          context.error = error;
          tracing.error.publish(context);
        } else {
          context.result = result;
        }
        tracing.asyncStart.publish(context);
        try {
          return callback.apply(this, arguments);
        } finally {
          tracing.asyncEnd.publish(context);
        }
      };
      return traced(this, context, () => fn.apply(thisArg, args));
    }
  }

  // Runs `body` between the `start` and `end` messages of `tracing`, publishing what it
  // throws on `error`.
  function traced(tracing, context, body) {
    return tracing.start.runStores(context, () => {
      try {
        return body();
      } catch (error) {
        context.error = error;
        tracing.error.publish(context);
        throw error;
      } finally {
        tracing.end.publish(context);
      }
    });
  }

  const process = require('process');
  module.exports = {
    channel,
    hasSubscribers: (name) => channels.has(name) && channels.get(name).hasSubscribers,
    subscribe: (name, subscription) => channel(name).subscribe(subscription),
    unsubscribe: (name, subscription) => channels.has(name) && channels.get(name).unsubscribe(subscription),
    tracingChannel: (nameOrChannels) => new TracingChannel(nameOrChannels),
    Channel,
  };
})
