// Dates, in UTC (the suite runs node with TZ=UTC; actionbox's clock is UTC).
const at = new Date(Date.UTC(2024, 1, 29, 13, 5, 9, 7));
show('toISOString', at.toISOString());
show('toJSON', at.toJSON());
show('getTime', at.getTime());
show('getters', [at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate(), at.getUTCDay(), at.getHours()]);
show('timezone offset', at.getTimezoneOffset());
show('parse iso', Date.parse('2024-02-29T13:05:09.007Z'));
show('parse date only', Date.parse('2024-02-29'));
show('invalid', [String(new Date('nope')), Number.isNaN(new Date('nope').getTime())]);
show('toUTCString', at.toUTCString());
show('toString', at.toString());
show('toDateString', at.toDateString());
show('toLocaleDateString en-US', at.toLocaleDateString('en-US'));
show('toLocaleString en-US', at.toLocaleString('en-US'));
show('toLocaleTimeString en-US', at.toLocaleTimeString('en-US'));
show('setUTCDate', new Date(new Date(at).setUTCDate(31)).toISOString());
show('arithmetic', (Date.UTC(2024, 2, 1) - Date.UTC(2024, 1, 1)) / 86400000);
