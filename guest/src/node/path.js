// Node's `path`: the POSIX functions (the module itself and `path.posix`) and the Windows
// ones (`path.win32`: drive letters, UNC roots `\\server\share`, device roots `\\.\` and
// `\\?\`, both separators, reserved device names in `normalize`), each giving what Node's
// gives, quirks included. The current directory is `process.cwd()`, or `/` without it.
// `matchesGlob` is left out.
(function (module, require) {
  'use strict';

  const SLASH = 47;
  const BACKSLASH = 92;
  const DOT = 46;
  const COLON = 58;

  let errorsModule = null;
  function wrongType(name, expected, value) {
    if (errorsModule === null) errorsModule = require('internal/errors');
    return new errorsModule.codes.ERR_INVALID_ARG_TYPE(name, expected, value);
  }

  function checkString(value, name) {
    if (typeof value !== 'string') throw wrongType(name, 'string', value);
  }

  const isSlash = (code) => code === SLASH;
  const isWinSep = (code) => code === SLASH || code === BACKSLASH;
  const isLetter = (code) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  // `C:` at the start
  const startsWithDrive = (path) => path.length >= 2 && path.charCodeAt(1) === COLON && isLetter(path.charCodeAt(0));

  function currentDirectory() {
    const process = globalThis.process;
    return process && typeof process.cwd === 'function' ? process.cwd() : '/';
  }

  // `text` with its `.` segments dropped, each `..` taking off the segment before it
  // (kept when there is none and `aboveRoot` allows), empty segments dropped, and the
  // rest joined with `sep`.
  function collapse(text, aboveRoot, sep, isSep) {
    const kept = [];
    let from = 0;
    for (let i = 0; i <= text.length; i++) {
      if (i < text.length && !isSep(text.charCodeAt(i))) continue;
      const size = i - from;
      if (size === 1 && text.charCodeAt(from) === DOT) {
        // `.`
      } else if (size === 2 && text.charCodeAt(from) === DOT && text.charCodeAt(from + 1) === DOT) {
        if (kept.length > 0 && kept[kept.length - 1] !== '..') kept.pop();
        else if (aboveRoot) kept.push('..');
      } else if (size > 0) {
        kept.push(text.slice(from, i));
      }
      from = i + 1;
    }
    return kept.join(sep);
  }

  // The last component of `path` at or after `floor`, trailing separators aside: its
  // bounds land in `partStart` and `partEnd` (equal when there is none).
  let partStart = 0;
  let partEnd = 0;
  function lastPart(path, floor, isSep) {
    let end = path.length;
    while (end > floor && isSep(path.charCodeAt(end - 1))) end--;
    let start = end;
    while (start > floor && !isSep(path.charCodeAt(start - 1))) start--;
    partStart = start;
    partEnd = end;
  }

  // Where the extension of the component [start, end) begins, or -1: after its last
  // dot, unless that dot opens the component, or the component is `..`. `anchor` is where
  // Node measures the `..` case from, which is `start` but for POSIX `parse('/..')`.
  function extensionAt(path, start, end, anchor) {
    const dot = path.lastIndexOf('.', end - 1);
    if (dot <= start) return -1;
    if (path.charCodeAt(start) === DOT && dot === end - 1 && dot === anchor + 1) return -1;
    return dot;
  }

  function baseName(path, suffix, floor, isSep) {
    if (suffix !== undefined) checkString(suffix, 'suffix');
    checkString(path, 'path');
    lastPart(path, floor, isSep);
    const start = partStart;
    const end = partEnd;
    if (suffix === undefined || suffix.length === 0 || suffix.length > path.length) return path.slice(start, end);
    if (suffix === path) return '';
    if (start === end) return path.slice(floor);
    // how much of the suffix the component ends with
    const size = end - start;
    let matched = 0;
    while (
      matched < suffix.length && matched < size &&
      path.charCodeAt(end - 1 - matched) === suffix.charCodeAt(suffix.length - 1 - matched)
    ) matched++;
    if (matched === suffix.length) return path.slice(start, end - matched === start ? end : end - matched);
    // a component that is only the tail of the suffix keeps what follows it
    if (matched === size) return path.slice(start);
    return path.slice(start, end);
  }

  function extName(path, floor, isSep) {
    checkString(path, 'path');
    lastPart(path, floor, isSep);
    if (partStart === partEnd) return '';
    const dot = extensionAt(path, partStart, partEnd, partStart);
    return dot === -1 ? '' : path.slice(dot, partEnd);
  }

  function formatExtension(ext) {
    if (!ext) return '';
    return `${ext[0] === '.' ? '' : '.'}${ext}`;
  }

  function _format(sep, pathObject) {
    if (pathObject === null || typeof pathObject !== 'object' || Array.isArray(pathObject)) {
      throw wrongType('pathObject', 'Object', pathObject);
    }
    const dir = pathObject.dir || pathObject.root;
    const base = pathObject.base || `${pathObject.name || ''}${formatExtension(pathObject.ext)}`;
    if (!dir) return base;
    return dir === pathObject.root ? `${dir}${base}` : `${dir}${sep}${base}`;
  }

  // ---- POSIX ----

  const posix = {
    resolve(...args) {
      let joined = '';
      let absolute = false;
      for (let i = args.length - 1; i >= 0 && !absolute; i--) {
        const piece = args[i];
        checkString(piece, `paths[${i}]`);
        if (piece.length === 0) continue;
        joined = `${piece}/${joined}`;
        absolute = piece.charCodeAt(0) === SLASH;
      }
      if (!absolute) {
        const cwd = currentDirectory();
        joined = `${cwd}/${joined}`;
        absolute = cwd.charCodeAt(0) === SLASH;
      }
      const tail = collapse(joined, !absolute, '/', isSlash);
      if (absolute) return `/${tail}`;
      return tail.length > 0 ? tail : '.';
    },

    normalize(path) {
      checkString(path, 'path');
      if (path.length === 0) return '.';
      const absolute = path.charCodeAt(0) === SLASH;
      const trailing = path.charCodeAt(path.length - 1) === SLASH;
      let tail = collapse(path, !absolute, '/', isSlash);
      if (tail.length === 0) {
        if (absolute) return '/';
        return trailing ? './' : '.';
      }
      if (trailing) tail += '/';
      return absolute ? `/${tail}` : tail;
    },

    isAbsolute(path) {
      checkString(path, 'path');
      return path.length > 0 && path.charCodeAt(0) === SLASH;
    },

    join(...args) {
      if (args.length === 0) return '.';
      let joined;
      for (let i = 0; i < args.length; i++) {
        const piece = args[i];
        checkString(piece, 'path');
        if (piece.length === 0) continue;
        joined = joined === undefined ? piece : `${joined}/${piece}`;
      }
      return joined === undefined ? '.' : posix.normalize(joined);
    },

    relative(from, to) {
      checkString(from, 'from');
      checkString(to, 'to');
      if (from === to) return '';
      from = posix.resolve(from);
      to = posix.resolve(to);
      if (from === to) return '';
      // both start with `/`; compare what follows it
      const fromSize = from.length - 1;
      const toSize = to.length - 1;
      const shorter = fromSize < toSize ? fromSize : toSize;
      let same = 0;
      let lastSep = -1;
      while (same < shorter) {
        const code = from.charCodeAt(1 + same);
        if (code !== to.charCodeAt(1 + same)) break;
        if (code === SLASH) lastSep = same;
        same++;
      }
      if (same === shorter) {
        if (toSize > shorter) {
          // `from` is an ancestor of `to`, or the root
          if (to.charCodeAt(1 + same) === SLASH) return to.slice(same + 2);
          if (same === 0) return to.slice(1);
        } else if (fromSize > shorter) {
          // `to` is an ancestor of `from`, or the root
          if (from.charCodeAt(1 + same) === SLASH) lastSep = same;
          else if (same === 0) lastSep = 0;
        }
      }
      let up = '';
      for (let i = lastSep + 2; i <= from.length; i++) {
        if (i === from.length || from.charCodeAt(i) === SLASH) up += up.length === 0 ? '..' : '/..';
      }
      return `${up}${to.slice(1 + lastSep)}`;
    },

    toNamespacedPath(path) {
      return path;
    },

    dirname(path) {
      checkString(path, 'path');
      if (path.length === 0) return '.';
      const rooted = path.charCodeAt(0) === SLASH;
      // the separator before the last component; index 0 never counts
      let i = path.length - 1;
      while (i >= 1 && path.charCodeAt(i) === SLASH) i--;
      while (i >= 1 && path.charCodeAt(i) !== SLASH) i--;
      if (i < 1) return rooted ? '/' : '.';
      if (rooted && i === 1) return '//';
      return path.slice(0, i);
    },

    basename(path, suffix) {
      return baseName(path, suffix, 0, isSlash);
    },

    extname(path) {
      return extName(path, 0, isSlash);
    },

    format: _format.bind(null, '/'),

    parse(path) {
      checkString(path, 'path');
      const parsed = { root: '', dir: '', base: '', ext: '', name: '' };
      if (path.length === 0) return parsed;
      const absolute = path.charCodeAt(0) === SLASH;
      const floor = absolute ? 1 : 0;
      if (absolute) parsed.root = '/';
      lastPart(path, floor, isSlash);
      const start = partStart;
      const end = partEnd;
      // Node marks the component's start as 0 when no separator after the root precedes it
      const marked = start > floor ? start : 0;
      if (end > start) {
        const dot = extensionAt(path, start, end, marked);
        if (dot === -1) {
          parsed.base = parsed.name = path.slice(start, end);
        } else {
          parsed.name = path.slice(start, dot);
          parsed.base = path.slice(start, end);
          parsed.ext = path.slice(dot, end);
        }
      }
      if (marked > 0) parsed.dir = path.slice(0, marked - 1);
      else if (absolute) parsed.dir = '/';
      return parsed;
    },

    sep: '/',
    delimiter: ':',
    win32: null,
    posix: null,
  };

  // ---- Windows ----

  // A UNC prefix: two separators, a server name, separators, a share name. When `path`
  // has one, returns where the share name ends (and sets `shareStart`), else -1.
  let shareStart = 0;
  function uncShareEnd(path) {
    const length = path.length;
    if (length < 2 || !isWinSep(path.charCodeAt(0)) || !isWinSep(path.charCodeAt(1))) return -1;
    let at = 2;
    while (at < length && !isWinSep(path.charCodeAt(at))) at++;
    if (at === 2 || at === length) return -1;
    while (at < length && isWinSep(path.charCodeAt(at))) at++;
    if (at === length) return -1;
    shareStart = at;
    while (at < length && !isWinSep(path.charCodeAt(at))) at++;
    return at;
  }

  // The server part of a UNC prefix found by `uncShareEnd`.
  function uncServer(path) {
    let end = 2;
    while (!isWinSep(path.charCodeAt(end))) end++;
    return path.slice(2, end);
  }

  const RESERVED = new Set([
    'CON', 'PRN', 'AUX', 'NUL',
    'COM1', 'COM2', 'COM3', 'COM4', 'COM5', 'COM6', 'COM7', 'COM8', 'COM9',
    'LPT1', 'LPT2', 'LPT3', 'LPT4', 'LPT5', 'LPT6', 'LPT7', 'LPT8', 'LPT9',
    'COM\xb9', 'COM\xb2', 'COM\xb3', 'LPT\xb9', 'LPT\xb2', 'LPT\xb3',
  ]);
  // whether what comes before `colon` names a device (as Node checks it, a `colon` of -1
  // leaves the last character out)
  const isReserved = (path, colon) => RESERVED.has(path.slice(0, colon).toUpperCase());

  const win32 = {
    resolve(...args) {
      let device = '';
      let tail = '';
      let absolute = false;
      for (let i = args.length - 1; i >= -1; i--) {
        let piece;
        if (i >= 0) {
          piece = args[i];
          checkString(piece, `paths[${i}]`);
          if (piece.length === 0) continue;
        } else if (device.length === 0) {
          piece = currentDirectory();
        } else {
          // the drive's own current directory, when the environment names it and it is
          // on that drive, else the drive's root
          const process = globalThis.process;
          const env = process && process.env;
          piece = (env && env[`=${device}`]) || currentDirectory();
          if (
            piece === undefined ||
            (piece.slice(0, 2).toLowerCase() !== device.toLowerCase() && piece.charCodeAt(2) === BACKSLASH)
          ) {
            piece = `${device}\\`;
          }
        }

        let rootEnd = 0;
        let ownDevice = '';
        let rooted = false;
        const first = piece.charCodeAt(0);
        if (piece.length === 1) {
          if (isWinSep(first)) {
            rootEnd = 1;
            rooted = true;
          }
        } else if (isWinSep(first)) {
          rooted = true;
          if (isWinSep(piece.charCodeAt(1))) {
            const end = uncShareEnd(piece);
            if (end !== -1) {
              const server = uncServer(piece);
              if (server === '.' || server === '?') {
                ownDevice = `\\\\${server}`;
                rootEnd = 4;
              } else {
                ownDevice = `\\\\${server}\\${piece.slice(shareStart, end)}`;
                rootEnd = end;
              }
            }
          } else {
            rootEnd = 1;
          }
        } else if (isLetter(first) && piece.charCodeAt(1) === COLON) {
          ownDevice = piece.slice(0, 2);
          rootEnd = 2;
          if (piece.length > 2 && isWinSep(piece.charCodeAt(2))) {
            rooted = true;
            rootEnd = 3;
          }
        }

        if (ownDevice.length > 0) {
          if (device.length === 0) device = ownDevice;
          else if (ownDevice.toLowerCase() !== device.toLowerCase()) continue; // another drive
        }
        if (absolute) {
          if (device.length > 0) break;
        } else {
          tail = `${piece.slice(rootEnd)}\\${tail}`;
          absolute = rooted;
          if (rooted && device.length > 0) break;
        }
      }
      tail = collapse(tail, !absolute, '\\', isWinSep);
      if (absolute) return `${device}\\${tail}`;
      return `${device}${tail}` || '.';
    },

    normalize(path) {
      checkString(path, 'path');
      const length = path.length;
      if (length === 0) return '.';
      const first = path.charCodeAt(0);
      if (length === 1) return first === SLASH ? '\\' : path;
      let rootEnd = 0;
      let device;
      let absolute = false;
      if (isWinSep(first)) {
        absolute = true;
        if (isWinSep(path.charCodeAt(1))) {
          const end = uncShareEnd(path);
          if (end !== -1) {
            const server = uncServer(path);
            if (server === '.' || server === '?') {
              device = `\\\\${server}`;
              rootEnd = 4;
            } else if (end === length) {
              return `\\\\${server}\\${path.slice(shareStart)}\\`;
            } else {
              device = `\\\\${server}\\${path.slice(shareStart, end)}`;
              rootEnd = end;
            }
          }
        } else {
          rootEnd = 1;
        }
      } else {
        const colon = path.indexOf(':');
        if (colon === 1 && isLetter(first)) {
          device = path.slice(0, 2);
          rootEnd = 2;
          if (length > 2 && isWinSep(path.charCodeAt(2))) {
            absolute = true;
            rootEnd = 3;
          }
        } else if (colon > 0 && isReserved(path, colon)) {
          device = path.slice(0, colon + 1);
          rootEnd = colon + 1;
        }
      }

      let tail = rootEnd < length ? collapse(path.slice(rootEnd), !absolute, '\\', isWinSep) : '';
      if (tail.length === 0 && !absolute) tail = '.';
      if (tail.length > 0 && isWinSep(path.charCodeAt(length - 1))) tail += '\\';

      // A relative result must not read as a drive or a device (CVE-2024-36139)
      if (!absolute && device === undefined && path.includes(':')) {
        if (startsWithDrive(tail)) return `.\\${tail}`;
        for (let at = path.indexOf(':'); at !== -1; at = path.indexOf(':', at + 1)) {
          if (at === length - 1 || isWinSep(path.charCodeAt(at + 1))) return `.\\${tail}`;
        }
      }
      if (isReserved(path, path.indexOf(':'))) return `.\\${device ?? ''}${tail}`;
      if (device === undefined) return absolute ? `\\${tail}` : tail;
      return absolute ? `${device}\\${tail}` : `${device}${tail}`;
    },

    isAbsolute(path) {
      checkString(path, 'path');
      const length = path.length;
      if (length === 0) return false;
      const first = path.charCodeAt(0);
      if (isWinSep(first)) return true;
      return length > 2 && isLetter(first) && path.charCodeAt(1) === COLON && isWinSep(path.charCodeAt(2));
    },

    join(...args) {
      if (args.length === 0) return '.';
      let joined;
      let head;
      for (let i = 0; i < args.length; i++) {
        const piece = args[i];
        checkString(piece, 'path');
        if (piece.length === 0) continue;
        if (joined === undefined) joined = head = piece;
        else joined += `\\${piece}`;
      }
      if (joined === undefined) return '.';
      // Leading separators collapse to one, so `normalize` does not take them for a UNC
      // root, unless the first part itself starts as one: exactly two, then a name.
      const uncIntended =
        head.length > 2 && isWinSep(head.charCodeAt(0)) && isWinSep(head.charCodeAt(1)) &&
        !isWinSep(head.charCodeAt(2));
      if (!uncIntended) {
        let leading = 0;
        while (leading < joined.length && isWinSep(joined.charCodeAt(leading))) leading++;
        if (leading >= 2) joined = `\\${joined.slice(leading)}`;
      }
      return win32.normalize(joined);
    },

    relative(from, to) {
      checkString(from, 'from');
      checkString(to, 'to');
      if (from === to) return '';
      const fromFull = win32.resolve(from);
      const toFull = win32.resolve(to);
      if (fromFull === toFull) return '';
      const a = fromFull.toLowerCase();
      const b = toFull.toLowerCase();
      if (a === b) return '';
      if (a.length !== fromFull.length || b.length !== toFull.length) return relativeBySegments(fromFull, toFull);

      // compare without the leading separators, and the trailing ones of UNC roots
      let fromStart = 0;
      while (fromStart < a.length && a.charCodeAt(fromStart) === BACKSLASH) fromStart++;
      let fromEnd = a.length;
      while (fromEnd - 1 > fromStart && a.charCodeAt(fromEnd - 1) === BACKSLASH) fromEnd--;
      let toStart = 0;
      while (toStart < b.length && b.charCodeAt(toStart) === BACKSLASH) toStart++;
      let toEnd = b.length;
      while (toEnd - 1 > toStart && b.charCodeAt(toEnd - 1) === BACKSLASH) toEnd--;
      const fromSize = fromEnd - fromStart;
      const toSize = toEnd - toStart;
      const shorter = fromSize < toSize ? fromSize : toSize;

      let same = 0;
      let lastSep = -1;
      while (same < shorter) {
        const code = a.charCodeAt(fromStart + same);
        if (code !== b.charCodeAt(toStart + same)) break;
        if (code === BACKSLASH) lastSep = same;
        same++;
      }
      if (same < shorter) {
        // nothing in common, not even the root
        if (lastSep === -1) return toFull;
      } else {
        if (toSize > shorter) {
          if (b.charCodeAt(toStart + same) === BACKSLASH) return toFull.slice(toStart + same + 1);
          if (same === 2) return toFull.slice(toStart + same); // from a drive's root
        }
        if (fromSize > shorter) {
          if (a.charCodeAt(fromStart + same) === BACKSLASH) lastSep = same;
          else if (same === 2) lastSep = 3; // to a drive's root
        }
        if (lastSep === -1) lastSep = 0;
      }
      let up = '';
      for (let i = fromStart + lastSep + 1; i <= fromEnd; i++) {
        if (i === fromEnd || a.charCodeAt(i) === BACKSLASH) up += up.length === 0 ? '..' : '\\..';
      }
      let rest = toStart + lastSep;
      if (up.length > 0) return `${up}${toFull.slice(rest, toEnd)}`;
      if (toFull.charCodeAt(rest) === BACKSLASH) rest++;
      return toFull.slice(rest, toEnd);
    },

    toNamespacedPath(path) {
      if (typeof path !== 'string' || path.length === 0) return path;
      const full = win32.resolve(path);
      if (full.length <= 2) return path;
      const first = full.charCodeAt(0);
      if (first === BACKSLASH) {
        if (full.charCodeAt(1) === BACKSLASH) {
          const third = full.charCodeAt(2);
          if (third !== 63 && third !== DOT) return `\\\\?\\UNC\\${full.slice(2)}`;
        }
      } else if (isLetter(first) && full.charCodeAt(1) === COLON && full.charCodeAt(2) === BACKSLASH) {
        return `\\\\?\\${full}`;
      }
      return full;
    },

    dirname(path) {
      checkString(path, 'path');
      const length = path.length;
      if (length === 0) return '.';
      const first = path.charCodeAt(0);
      if (length === 1) return isWinSep(first) ? path : '.';
      // `root` is the root's end (-1 for none); the search stops at `floor`
      let root = -1;
      let floor = 0;
      if (isWinSep(first)) {
        root = floor = 1;
        if (isWinSep(path.charCodeAt(1))) {
          const end = uncShareEnd(path);
          if (end === length) return path;
          if (end !== -1) root = floor = end + 1;
        }
      } else if (isLetter(first) && path.charCodeAt(1) === COLON) {
        root = floor = length > 2 && isWinSep(path.charCodeAt(2)) ? 3 : 2;
      }
      let i = length - 1;
      while (i >= floor && isWinSep(path.charCodeAt(i))) i--;
      while (i >= floor && !isWinSep(path.charCodeAt(i))) i--;
      if (i >= floor) return path.slice(0, i);
      return root === -1 ? '.' : path.slice(0, root);
    },

    basename(path, suffix) {
      return baseName(path, suffix, typeof path === 'string' && startsWithDrive(path) ? 2 : 0, isWinSep);
    },

    extname(path) {
      return extName(path, typeof path === 'string' && startsWithDrive(path) ? 2 : 0, isWinSep);
    },

    format: _format.bind(null, '\\'),

    parse(path) {
      checkString(path, 'path');
      const parsed = { root: '', dir: '', base: '', ext: '', name: '' };
      const length = path.length;
      if (length === 0) return parsed;
      const first = path.charCodeAt(0);
      if (length === 1) {
        if (isWinSep(first)) parsed.root = parsed.dir = path;
        else parsed.base = parsed.name = path;
        return parsed;
      }
      let rootEnd = 0;
      if (isWinSep(first)) {
        rootEnd = 1;
        if (isWinSep(path.charCodeAt(1))) {
          const end = uncShareEnd(path);
          if (end !== -1) rootEnd = end === length ? end : end + 1;
        }
      } else if (isLetter(first) && path.charCodeAt(1) === COLON) {
        // a bare drive, or a drive's root, is all root
        if (length === 2 || (length === 3 && isWinSep(path.charCodeAt(2)))) {
          parsed.root = parsed.dir = path;
          return parsed;
        }
        rootEnd = isWinSep(path.charCodeAt(2)) ? 3 : 2;
      }
      if (rootEnd > 0) parsed.root = path.slice(0, rootEnd);
      lastPart(path, rootEnd, isWinSep);
      const start = partStart;
      const end = partEnd;
      if (end > start) {
        const dot = extensionAt(path, start, end, start);
        if (dot === -1) {
          parsed.base = parsed.name = path.slice(start, end);
        } else {
          parsed.name = path.slice(start, dot);
          parsed.base = path.slice(start, end);
          parsed.ext = path.slice(dot, end);
        }
      }
      parsed.dir = start > 0 && start !== rootEnd ? path.slice(0, start - 1) : parsed.root;
      return parsed;
    },

    sep: '\\',
    delimiter: ';',
    win32: null,
    posix: null,
  };

  // Across the case-folding that changes lengths, Windows paths compare by segments.
  function relativeBySegments(fromFull, toFull) {
    const fromParts = fromFull.split('\\');
    const toParts = toFull.split('\\');
    if (fromParts[fromParts.length - 1] === '') fromParts.pop();
    if (toParts[toParts.length - 1] === '') toParts.pop();
    const shorter = Math.min(fromParts.length, toParts.length);
    let same = 0;
    while (same < shorter && fromParts[same].toLowerCase() === toParts[same].toLowerCase()) same++;
    if (same === 0) return toFull;
    if (same === shorter) {
      if (toParts.length > shorter) return toParts.slice(same).join('\\');
      if (fromParts.length > shorter) return '..\\'.repeat(fromParts.length - 1 - same) + '..';
      return '';
    }
    return '..\\'.repeat(fromParts.length - same) + toParts.slice(same).join('\\');
  }

  posix.win32 = win32.win32 = win32;
  posix.posix = win32.posix = posix;
  // Node's legacy name (DEP0080)
  win32._makeLong = win32.toNamespacedPath;
  posix._makeLong = posix.toNamespacedPath;

  module.exports = posix;
})
