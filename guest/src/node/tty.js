// Node's `tty`, inert: nothing in an Action is a terminal.
(function (module, require) {
  'use strict';
  const { nodeError } = require('internal/errors');
  function notATerminal() {
    throw nodeError(Error, 'ERR_ACTIONBOX_UNAVAILABLE', 'tty streams are not available in actionbox: an Action has no terminal');
  }
  class ReadStream {
    constructor() {
      notATerminal();
    }
  }
  class WriteStream {
    constructor() {
      notATerminal();
    }
  }
  module.exports = { isatty: () => false, ReadStream, WriteStream };
})
