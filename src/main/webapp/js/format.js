// Number formatting for quotes and counters, in the reader's locale. Formatters are built once: constructing
// Intl.NumberFormat is far more expensive than using one, and rows update several times a second.

/** The formatters for `locale` (undefined: the reader's). Exported so tests can fix the locale. */
export function numberFormats(locale) {
  const twoDecimals = { minimumFractionDigits: 2, maximumFractionDigits: 2 };
  const price = new Intl.NumberFormat(locale, twoDecimals);
  // An explicit sign, so direction is readable without colour: "+0.59", "-0.30", "0.00".
  const signed = new Intl.NumberFormat(locale, { ...twoDecimals, signDisplay: 'exceptZero' });
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  return {
    price: (value) => price.format(value),
    change: (value) => signed.format(value),
    percent: (value) => `${signed.format(value)} %`,
    count: (value) => integer.format(value),
  };
}

const reader = numberFormats(undefined);

/** A price with exactly two decimals, e.g. "1,234.50". */
export const formatPrice = reader.price;

/** A change with an explicit sign. */
export const formatChange = reader.change;

/** A percentage change with sign and two decimals: "+0.49 %". */
export const formatPercent = reader.percent;

/** A whole number with grouping, for volumes and counters: "1,234,567". */
export const formatCount = reader.count;

const utf8 = new TextEncoder();

/** The number of bytes `text` takes as UTF-8, which is what a text frame or a JSON body carries. */
export const utf8Length = (text) => utf8.encode(text).byteLength;
