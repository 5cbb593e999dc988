// Node's `os`, inert: loaders read it at require time. It describes the platform
// actionbox mirrors (Linux on x64), with no network interfaces, one CPU, and the
// execution's heap cap as memory; nothing in it reads the machine actionbox runs on.
(function (module, require, natives) {
  'use strict';
  const signals = {
    SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGILL: 4, SIGTRAP: 5, SIGABRT: 6, SIGIOT: 6, SIGBUS: 7, SIGFPE: 8, SIGKILL: 9,
    SIGUSR1: 10, SIGSEGV: 11, SIGUSR2: 12, SIGPIPE: 13, SIGALRM: 14, SIGTERM: 15, SIGCHLD: 17, SIGSTKFLT: 16,
    SIGCONT: 18, SIGSTOP: 19, SIGTSTP: 20, SIGTTIN: 21, SIGTTOU: 22, SIGURG: 23, SIGXCPU: 24, SIGXFSZ: 25,
    SIGVTALRM: 26, SIGPROF: 27, SIGWINCH: 28, SIGIO: 29, SIGPOLL: 29, SIGPWR: 30, SIGSYS: 31,
  };
  const errno = {
    E2BIG: 7, EACCES: 13, EADDRINUSE: 98, EADDRNOTAVAIL: 99, EAGAIN: 11, ECONNREFUSED: 111, ECONNRESET: 104,
    EEXIST: 17, EINVAL: 22, EIO: 5, EISDIR: 21, EMFILE: 24, ENOENT: 2, ENOMEM: 12, ENOSYS: 38, ENOTDIR: 20,
    ENOTEMPTY: 39, ENOTSUP: 95, EPERM: 1, EPIPE: 32, ETIMEDOUT: 110,
  };
  const priority = { PRIORITY_LOW: 19, PRIORITY_BELOW_NORMAL: 10, PRIORITY_NORMAL: 0, PRIORITY_ABOVE_NORMAL: -7, PRIORITY_HIGH: -14, PRIORITY_HIGHEST: -20 };
  const cpu = { model: 'actionbox', speed: 0, times: { user: 0, nice: 0, sys: 0, idle: 0, irq: 0 } };

  module.exports = {
    EOL: '\n',
    devNull: '/dev/null',
    constants: { signals, errno, priority, dlopen: {}, UV_UDP_REUSEADDR: 4 },
    arch: () => 'x64',
    platform: () => 'linux',
    type: () => 'Linux',
    release: () => '6.1.0',
    version: () => '#1 SMP',
    machine: () => 'x86_64',
    hostname: () => 'localhost',
    homedir: () => '/',
    tmpdir: () => '/tmp',
    endianness: () => 'LE',
    uptime: () => natives.now() / 1000,
    loadavg: () => [0, 0, 0],
    totalmem: () => natives.heapLimit(),
    freemem: () => Math.max(0, natives.heapLimit() - natives.heapUsed()),
    availableParallelism: () => 1,
    cpus: () => [{ ...cpu, times: { ...cpu.times } }],
    networkInterfaces: () => ({}),
    userInfo: () => ({ uid: 0, gid: 0, username: 'actionbox', homedir: '/', shell: null }),
    getPriority: () => 0,
    setPriority() {},
  };
})
