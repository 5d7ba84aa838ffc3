// The inline charts: a sparkline that breaks at gaps, and bars scaled to the busiest second.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { barsPath, sparklines } from '../../main/webapp/js/chart.js';

test('a sparkline puts the highest price at the top and the lowest at the bottom', () => {
  assert.deepEqual(sparklines([1, 3, 2], 10, 10, 0), ['0,10 5,0 10,5']);
});

test('a gap breaks the sparkline in two', () => {
  assert.deepEqual(sparklines([1, 2, null, 2, 1], 8, 10, 0), ['0,10 2,0', '6,0 8,10']);
});

test('a flat price is drawn across the middle, and no price draws nothing', () => {
  assert.deepEqual(sparklines([5, 5], 10, 10, 0), ['0,5 10,5']);
  assert.deepEqual(sparklines([], 10, 10), []);
});

test('bars are scaled to the largest value and empty seconds draw nothing', () => {
  assert.equal(barsPath([0, 5, 10], 30, 20), 'M10 20v-10h9v10zM20 20v-20h9v20z');
  assert.equal(barsPath([0, 0], 30, 20), '');
});
