// Formatting and parsing of numbers and strings.
show('toFixed', [(1.005).toFixed(2), (1e21).toFixed(2), (-1.5).toFixed(0)]);
show('toPrecision', [(123.456).toPrecision(4), (0.00001).toPrecision(1)]);
show('toString radix', [(255).toString(16), (0.5).toString(2), (-255).toString(36)]);
show('small and large', [String(1e-7), String(1e21), String(123456789012345680000)]);
show('parse', [parseInt('0x1f'), parseInt('08'), parseFloat('3.14abc'), Number(''), Number(' 12 ')]);
show('bigint', [String(2n ** 64n), BigInt.asIntN(8, 255n), (-7n) / 2n]);
show('padding', ['5'.padStart(3, '0'), 'ab'.padEnd(5, '-+')]);
show('replaceAll', 'a-b-c'.replaceAll('-', '+'));
show('at', ['abc'.at(-1), [1, 2, 3].at(-2)]);
show('normalize', ['é'.normalize('NFD').length, 'e\u0301'.normalize('NFC').length]);
show('case', ['İ'.toLowerCase().length, 'ß'.toUpperCase(), 'Σ'.toLowerCase()]);
show('split', ['a,b,,c'.split(','), 'abc'.split('')]);
show('trim', ['\u00a0 x \ufeff'.trim()]);
show('code points', [...'a😀b'].length);
show('regexp', ['2024-01-02'.match(/(\d+)-(\d+)/).slice(1), 'aBc'.replace(/b/i, 'x')]);
show('named groups', '2024-01'.match(/(?<y>\d+)-(?<m>\d+)/).groups);
show('sort', [10, 9, 1].sort());
