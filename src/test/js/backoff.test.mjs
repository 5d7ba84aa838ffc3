// Reconnects must spread out (jitter) and slow down (exponential), without ever retrying at once or waiting forever.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backoffDelay } from '../../main/webapp/js/backoff.js';

const tuning = { baseMs: 1000, maxMs: 30000 };

test('stays between half and all of the ceiling', () => {
  assert.equal(backoffDelay(0, tuning, () => 0), 500);
  assert.equal(backoffDelay(0, tuning, () => 1), 1000);
});

test('doubles the ceiling with each attempt', () => {
  assert.equal(backoffDelay(3, tuning, () => 1), 8000);
  assert.equal(backoffDelay(3, tuning, () => 0), 4000);
});

test('never waits longer than the maximum, however many attempts failed', () => {
  assert.equal(backoffDelay(10, tuning, () => 1), 30000);
  assert.equal(backoffDelay(5000, tuning, () => 1), 30000);
});

test('spreads clients that fail at the same moment', () => {
  const delays = new Set(Array.from({ length: 50 }, () => backoffDelay(4, tuning)));
  assert.ok(delays.size > 10, `only ${delays.size} distinct delays`);
  for (const delay of delays) {
    assert.ok(delay >= 8000 && delay <= 16000, `${delay} outside [8000, 16000]`);
  }
});
