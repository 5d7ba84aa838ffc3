// Direction must be readable without colour, and numbers must not jitter in width from tick to tick.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { numberFormats, utf8Length } from '../../main/webapp/js/format.js';

// The page uses the reader's locale; the tests fix one so they pass whatever LANG says.
const { price: formatPrice, change: formatChange, percent: formatPercent, count: formatCount } =
  numberFormats('en-US');

test('shows prices with exactly two decimals', () => {
  assert.equal(formatPrice(121.1), '121.10');
  assert.equal(formatPrice(1234.5), '1,234.50');
});

test('signs every non-zero change', () => {
  assert.equal(formatChange(0.59), '+0.59');
  assert.equal(formatChange(-0.3), '-0.30');
  assert.equal(formatChange(0), '0.00');
  assert.equal(formatPercent(0.49), '+0.49 %');
});

test('groups volumes', () => {
  assert.equal(formatCount(1234567), '1,234,567');
});

test('counts payload bytes as UTF-8, not as UTF-16 code units', () => {
  assert.equal(utf8Length('{"a":1}'), 7);
  assert.equal(utf8Length('Zürich ▲'), 11);
  assert.equal(utf8Length('😀'), 4);
});
