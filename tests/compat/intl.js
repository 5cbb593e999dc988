// Intl and the locale methods of Date, Number, BigInt and Array, in en-US and UTC (the
// suite runs node with TZ=UTC): dates through each Date method and the DateTimeFormat
// options Actions use, formatToParts, numbers through NumberFormat and toLocaleString,
// plural, relative-time and list formats, and the errors.
const dates = [
  Date.UTC(2024, 1, 29, 13, 5, 9, 7),
  Date.UTC(2024, 0, 1, 0, 0, 0, 0),
  Date.UTC(2024, 11, 31, 12, 0, 0, 0),
  Date.UTC(2023, 6, 4, 23, 59, 59, 999),
  Date.UTC(1970, 0, 1),
  Date.UTC(1999, 11, 31, 9, 8, 7, 60),
  Date.UTC(2038, 0, 19, 3, 14, 7),
  Date.UTC(1, 0, 1, 6, 30),
  Date.UTC(-1, 5, 15, 18, 45),
  Date.UTC(275760, 8, 13),
  -8.64e15,
  Date.UTC(9999, 11, 31, 23, 59, 59),
];
dates.forEach((t, i) => {
  const d = new Date(t);
  show('date ' + i + ' toString', d.toString());
  show('date ' + i + ' toTimeString', d.toTimeString());
  show('date ' + i + ' toLocaleString', d.toLocaleString());
  show('date ' + i + ' toLocaleDateString', d.toLocaleDateString());
  show('date ' + i + ' toLocaleTimeString', d.toLocaleTimeString());
  show('date ' + i + ' toLocaleString en-US', d.toLocaleString('en-US', { timeZone: 'UTC' }));
});
show('invalid date methods', [new Date(NaN).toLocaleString(), new Date(NaN).toLocaleDateString(), new Date(NaN).toLocaleTimeString(), String(new Date(NaN))]);

const at = new Date(Date.UTC(2024, 1, 29, 13, 5, 9, 7));
const midnight = new Date(Date.UTC(2024, 2, 3, 0, 4, 5, 600));
const optionSets = [
  {},
  { dateStyle: 'full' },
  { dateStyle: 'long' },
  { dateStyle: 'medium' },
  { dateStyle: 'short' },
  { timeStyle: 'full' },
  { timeStyle: 'long' },
  { timeStyle: 'medium' },
  { timeStyle: 'short' },
  { dateStyle: 'full', timeStyle: 'long' },
  { dateStyle: 'long', timeStyle: 'short' },
  { dateStyle: 'medium', timeStyle: 'medium' },
  { dateStyle: 'short', timeStyle: 'short' },
  { dateStyle: 'medium', timeStyle: 'short', hour12: false },
  { dateStyle: 'long', timeStyle: 'long', hourCycle: 'h23' },
  { year: 'numeric', month: '2-digit', day: '2-digit' },
  { year: 'numeric', month: 'long', day: 'numeric' },
  { year: 'numeric', month: 'short', day: 'numeric', weekday: 'short' },
  { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' },
  { month: 'long', year: 'numeric' },
  { month: 'short', day: 'numeric' },
  { month: 'narrow' },
  { weekday: 'narrow' },
  { year: '2-digit', month: 'numeric', day: 'numeric' },
  { era: 'short' },
  { era: 'long', year: 'numeric' },
  { hour: 'numeric' },
  { hour: '2-digit', minute: '2-digit' },
  { hour: 'numeric', minute: '2-digit', second: '2-digit' },
  { hour: '2-digit', minute: '2-digit', hour12: false },
  { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  { hour: 'numeric', hourCycle: 'h11' },
  { hour: 'numeric', hourCycle: 'h24' },
  { hour: 'numeric', minute: 'numeric', hour12: true },
  { minute: '2-digit', second: '2-digit' },
  { second: 'numeric', fractionalSecondDigits: 3 },
  { hour: 'numeric', minute: 'numeric', second: 'numeric', fractionalSecondDigits: 2 },
  { hour: 'numeric', dayPeriod: 'short' },
  { hour: 'numeric', minute: 'numeric', dayPeriod: 'long' },
  { timeZoneName: 'short' },
  { hour: 'numeric', timeZoneName: 'long' },
  { hour: 'numeric', timeZoneName: 'shortOffset' },
  { hour: 'numeric', timeZoneName: 'longOffset' },
  { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', timeZoneName: 'short' },
  { month: 'long', day: 'numeric', hour: 'numeric' },
  { weekday: 'short', hour: 'numeric', minute: 'numeric' },
  { hour: 'numeric', second: '2-digit' },
  { year: 'numeric', timeZone: 'Etc/GMT+5', timeZoneName: 'short', hour: 'numeric' },
  { dateStyle: 'short', timeStyle: 'long', timeZone: 'Etc/UTC' },
  { timeStyle: 'full', timeZone: 'GMT' },
];
optionSets.forEach((options, i) => {
  const dtf = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', ...options });
  show('dtf ' + i + ' ' + JSON.stringify(options), [dtf.format(at), dtf.format(midnight)]);
  show('dtf ' + i + ' parts', dtf.formatToParts(midnight).map((p) => p.type + '=' + p.value.replace(/\u202f/g, '<nnbsp>')));
  show('dtf ' + i + ' resolved', dtf.resolvedOptions());
});
for (const locale of [undefined, 'en', 'en-US', 'EN-us', 'en-US-u-hc-h23', 'en-u-hc-h11']) {
  const dtf = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: 'numeric' });
  show('locale ' + locale, [dtf.format(midnight), dtf.resolvedOptions().locale, dtf.resolvedOptions().hourCycle]);
}
for (const [name, options] of [['date only', { year: 'numeric', month: 'short', day: 'numeric' }], ['weekday', { weekday: 'long' }], ['hour', { hour: '2-digit' }], ['style', { dateStyle: 'medium' }], ['hour12', { hour12: false }]]) {
  await attempt('toLocaleString ' + name, () => at.toLocaleString('en-US', options));
  await attempt('toLocaleDateString ' + name, () => at.toLocaleDateString('en-US', options));
  await attempt('toLocaleTimeString ' + name, () => at.toLocaleTimeString('en-US', options));
}
for (const zone of ['UTC', 'Etc/UTC', 'GMT', 'Etc/GMT', 'utc', 'Etc/GMT-14', 'Etc/GMT+12']) {
  const dtf = new Intl.DateTimeFormat('en-US', { timeZone: zone, dateStyle: 'medium', timeStyle: 'long' });
  show('zone ' + zone, [dtf.format(at), dtf.resolvedOptions().timeZone]);
}
const range = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC' });
show('formatRange same day', range.formatRange(at, new Date(at.getTime() + 3600e3)));
show('format number argument', range.format(0));
show('format getter bound', [typeof range.format, range.format.length, range.format === range.format]);
show('dtf toStringTag', Object.prototype.toString.call(range));
show('supportedLocalesOf', Intl.DateTimeFormat.supportedLocalesOf(['en-US', 'en']));
show('getCanonicalLocales', Intl.getCanonicalLocales(['EN-us', 'en']));
await attempt('dtf invalid date', () => range.format(NaN));
await attempt('dtf bad option', () => new Intl.DateTimeFormat('en', { weekday: 'tiny' }));
await attempt('dtf style and component', () => new Intl.DateTimeFormat('en', { dateStyle: 'long', month: 'long' }));
await attempt('dtf bad fractional digits', () => new Intl.DateTimeFormat('en', { fractionalSecondDigits: 4 }));
await attempt('dtf bad locale', () => new Intl.DateTimeFormat('en_US!'));
await attempt('dtf bad zone', () => new Intl.DateTimeFormat('en', { timeZone: 'Mars/Olympus' }));
await attempt('dtf iana zone', () => new Intl.DateTimeFormat('en', { timeZone: 'America/New_York' }).format(0));
await attempt('toLocaleDateString timeStyle', () => at.toLocaleDateString('en-US', { timeStyle: 'short' }));
await attempt('toLocaleString receiver', () => Date.prototype.toLocaleString.call({}));

// Numbers
const numbers = [0, -0, 1, -1, 0.5, 1.005, 2.5, -2.5, 12.345, 999.995, 1234, 1234.5678, 1000000, -9876543.21, 0.000123, 1e21, 123456789.987, NaN, Infinity, -Infinity];
numbers.forEach((n, i) => {
  show('number ' + i + ' toLocaleString', n.toLocaleString());
  show('number ' + i + ' en-US 2 digits', n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
});
show('bigint toLocaleString', [12345678901234567890n.toLocaleString(), (-1234n).toLocaleString('en-US', { style: 'currency', currency: 'USD' })]);
show('array toLocaleString', [1234.5, null, undefined, 7, at].toLocaleString('en-US', { timeZone: 'UTC' }));
const numberOptions = [
  {},
  { style: 'percent' },
  { style: 'percent', maximumFractionDigits: 1 },
  { style: 'currency', currency: 'USD' },
  { style: 'currency', currency: 'EUR' },
  { style: 'currency', currency: 'GBP', currencyDisplay: 'code' },
  { style: 'currency', currency: 'JPY' },
  { style: 'currency', currency: 'USD', currencyDisplay: 'name' },
  { style: 'currency', currency: 'EUR', currencyDisplay: 'narrowSymbol' },
  { style: 'currency', currency: 'USD', currencySign: 'accounting' },
  { minimumFractionDigits: 2 },
  { maximumFractionDigits: 0 },
  { minimumIntegerDigits: 3 },
  { maximumSignificantDigits: 3 },
  { minimumSignificantDigits: 5 },
  { useGrouping: false },
  { notation: 'compact' },
  { notation: 'compact', compactDisplay: 'long' },
  { notation: 'scientific' },
  { notation: 'engineering' },
  { style: 'unit', unit: 'byte' },
  { style: 'unit', unit: 'kilobyte' },
  { style: 'unit', unit: 'megabyte', unitDisplay: 'long' },
  { style: 'unit', unit: 'second', unitDisplay: 'narrow' },
  { style: 'unit', unit: 'minute', unitDisplay: 'long' },
  { style: 'unit', unit: 'hour' },
  { style: 'unit', unit: 'day', unitDisplay: 'long' },
  { style: 'unit', unit: 'percent' },
  { style: 'unit', unit: 'kilometer' },
  { style: 'unit', unit: 'mile', unitDisplay: 'long' },
  { style: 'unit', unit: 'kilometer-per-hour' },
  { signDisplay: 'always' },
  { signDisplay: 'exceptZero' },
  { signDisplay: 'never' },
  { signDisplay: 'negative' },
  { roundingMode: 'floor', maximumFractionDigits: 1 },
  { roundingMode: 'halfEven', maximumFractionDigits: 2 },
];
const sample = [0, 1, -1.5, 0.256, 1234.5678, 1500000, -0.004, 999999, 2.345];
numberOptions.forEach((options, i) => {
  const nf = new Intl.NumberFormat('en-US', options);
  show('nf ' + i + ' ' + JSON.stringify(options), sample.map((n) => nf.format(n)));
  show('nf ' + i + ' resolved', nf.resolvedOptions());
});
show('nf parts', new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).formatToParts(-1234.5));
show('nf parts compact', new Intl.NumberFormat('en-US', { notation: 'compact' }).formatToParts(12345));
show('nf bigint', new Intl.NumberFormat('en-US').format(123456789012345678901234567890n));
show('nf string', new Intl.NumberFormat('en-US').format('1234.5678'));
await attempt('nf no currency', () => new Intl.NumberFormat('en', { style: 'currency' }));
await attempt('nf bad currency', () => new Intl.NumberFormat('en', { style: 'currency', currency: 'US' }));
await attempt('nf bad unit', () => new Intl.NumberFormat('en', { style: 'unit', unit: 'parsec' }));
await attempt('nf digits out of range', () => new Intl.NumberFormat('en', { maximumFractionDigits: 101 }));
await attempt('nf min over max', () => new Intl.NumberFormat('en', { minimumFractionDigits: 3, maximumFractionDigits: 1 }));

// Plural, relative time, lists, collation
const cardinal = new Intl.PluralRules('en-US');
const ordinal = new Intl.PluralRules('en-US', { type: 'ordinal' });
show('plural cardinal', [0, 1, 2, 1.5, -1, 11].map((n) => cardinal.select(n)));
show('plural ordinal', [0, 1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111].map((n) => ordinal.select(n)));
show('plural resolved', ordinal.resolvedOptions());
for (const style of ['long', 'short', 'narrow']) {
  for (const numeric of ['always', 'auto']) {
    const rtf = new Intl.RelativeTimeFormat('en-US', { style, numeric });
    show('relative ' + style + ' ' + numeric, ['second', 'minute', 'hour', 'day', 'week', 'month', 'quarter', 'year'].map((unit) => [-2, -1, 0, 1, 3].map((v) => rtf.format(v, unit))));
  }
}
show('relative parts', new Intl.RelativeTimeFormat('en').formatToParts(-1234.5, 'days'));
await attempt('relative bad unit', () => new Intl.RelativeTimeFormat('en').format(1, 'fortnight'));
for (const type of ['conjunction', 'disjunction', 'unit']) {
  for (const style of ['long', 'short', 'narrow']) {
    const lf = new Intl.ListFormat('en-US', { type, style });
    show('list ' + type + ' ' + style, [[], ['a'], ['a', 'b'], ['a', 'b', 'c'], ['a', 'b', 'c', 'd']].map((l) => lf.format(l)));
  }
}
show('list parts', new Intl.ListFormat('en').formatToParts(['x', 'y']));
const collator = new Intl.Collator('en-US');
show('collator sort', ['b', 'a', 'C', 'c', 'B', 'A'].sort(collator.compare));
show('collator numeric', ['item10', 'item2', 'item1'].sort(new Intl.Collator('en', { numeric: true }).compare));
show('collator base', new Intl.Collator('en', { sensitivity: 'base' }).compare('a', 'A'));
show('localeCompare', ['a'.localeCompare('b'), 'b'.localeCompare('a'), 'a'.localeCompare('a')]);
show('supportedValuesOf calendar', Intl.supportedValuesOf('calendar').includes('gregory'));
show('method shapes', [
  Date.prototype.toLocaleString.name, Date.prototype.toLocaleString.length,
  Date.prototype.toString.name, Number.prototype.toLocaleString.length,
  BigInt.prototype.toLocaleString.name, Array.prototype.toLocaleString.name,
  Object.getOwnPropertyDescriptor(Date.prototype, 'toLocaleDateString').enumerable,
]);
