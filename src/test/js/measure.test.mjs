// The page's numbers must be right before they are shown: frame overhead, percentiles, per-second rates, misses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  Delivery, PerSecond, ServerClock, SlidingSamples, TransportMeter, frameHeaderBytes, responseHeadBytes,
} from '../../main/webapp/js/measure.js';

test('a server frame header is 2 bytes up to 125, 4 up to 65535, 10 beyond (RFC 6455 5.2, no mask)', () => {
  assert.deepEqual([0, 125, 126, 65535, 65536].map(frameHeaderBytes), [2, 2, 4, 4, 10]);
});

test('a response head counts status line, header lines and the blank line', () => {
  const bytes = responseHeadBytes(304, 'Not Modified', [['etag', '"42"']]);
  assert.equal(bytes, 'HTTP/1.1 304 Not Modified\r\netag: "42"\r\n\r\n'.length);
});

test('percentiles use the nearest rank of the samples in the window', () => {
  const samples = new SlidingSamples(60_000);
  for (let i = 1; i <= 100; i++) {
    samples.add(1000 + i, i);
  }
  assert.equal(samples.percentile(50, 2000), 50);
  assert.equal(samples.percentile(99, 2000), 99);
  assert.equal(samples.percentile(100, 2000), 100);
});

test('samples older than the window no longer count', () => {
  const samples = new SlidingSamples(1000);
  samples.add(0, 500);
  samples.add(900, 7);
  assert.equal(samples.percentile(50, 1500), 7);
  assert.equal(samples.count(1500), 1);
  assert.ok(Number.isNaN(samples.percentile(50, 5000)));
});

test('per-second sums land in their second and age out after the window', () => {
  const rate = new PerSecond(3);
  rate.add(10_100, 5);
  rate.add(10_900, 5);
  rate.add(11_500, 7);
  assert.deepEqual(rate.series(12_000), [10, 7, 0]);
  assert.deepEqual(rate.series(13_000), [7, 0, 0]);
  assert.equal(rate.total(14_000), 0);
});

test('a long silence clears the whole window', () => {
  const rate = new PerSecond(60);
  rate.add(1_000, 100);
  rate.add(500_000, 1);
  assert.equal(rate.total(500_000), 1);
});

test('a jump in symbolSeq is the number of updates of that symbol that never arrived', () => {
  const poll = new Delivery();
  poll.accept({ symbol: 'ACME', seq: 10, symbolSeq: 1 });
  poll.accept({ symbol: 'GLOBX', seq: 11, symbolSeq: 1 });
  assert.equal(poll.accept({ symbol: 'ACME', seq: 40, symbolSeq: 4 }), 2);
  assert.equal(poll.accept({ symbol: 'GLOBX', seq: 41, symbolSeq: 2 }), 0);
  assert.equal(poll.missed, 2);
  assert.equal(poll.received, 4);
});

test('nothing counts as missed before the first quote of a symbol or across a snapshot', () => {
  const delivery = new Delivery();
  delivery.accept({ symbol: 'ACME', seq: 20, symbolSeq: 2 }, false);
  delivery.accept({ symbol: 'ACME', seq: 50, symbolSeq: 5 }, false);
  delivery.forget('ACME');
  delivery.accept({ symbol: 'ACME', seq: 60, symbolSeq: 9 });
  assert.equal(delivery.missed, 0);
});

test('a new run of the server (symbolSeq from 1 again, seq higher) is not a miss', () => {
  const delivery = new Delivery();
  delivery.accept({ symbol: 'ACME', seq: 500, symbolSeq: 40 });
  assert.equal(delivery.accept({ symbol: 'ACME', seq: 9_000_000, symbolSeq: 3 }), 0);
  assert.equal(delivery.missed, 0);
  assert.equal(delivery.newRuns, 1);
});

test('a quote no newer than the one shown is received but not shown', () => {
  const delivery = new Delivery();
  delivery.accept({ symbol: 'ACME', seq: 50, symbolSeq: 5 });
  assert.equal(delivery.accept({ symbol: 'ACME', seq: 40, symbolSeq: 4 }), -1);
  assert.equal(delivery.received, 2);
});

test('the server clock offset is the smallest lead seen, so staleness is not inflated by a slow welcome', () => {
  const clock = new ServerClock();
  assert.equal(clock.known, false);
  clock.observe(1_000_000, 1_000_050);
  clock.observe(2_000_000, 2_000_020);
  assert.equal(clock.offsetMs, 20);
  assert.equal(clock.staleness(3_000_000, 3_000_120), 100);
});

test('a transport meter sums bytes and requests and takes staleness from changes only', () => {
  const clock = new ServerClock();
  clock.observe(10_000, 10_000);
  const meter = new TransportMeter(clock);
  meter.request(10_000);
  meter.received(300, 10_000);
  meter.quote({ symbol: 'ACME', seq: 1, symbolSeq: 1, ts: 5_000 }, true, 10_000);
  meter.quote({ symbol: 'ACME', seq: 5, symbolSeq: 3, ts: 10_900 }, false, 11_000);
  meter.received(100, 11_000);
  const numbers = meter.read(11_500);
  assert.equal(numbers.requests, 1);
  assert.equal(numbers.requestsPerMinute, 1);
  assert.equal(numbers.bytes, 400);
  assert.equal(numbers.updates, 2);
  assert.equal(numbers.missed, 1);
  assert.equal(numbers.bytesPerUpdate, 200);
  assert.equal(numbers.stalenessP50, 100);
  assert.equal(numbers.bytesPerSecond.at(-1), 100);
  assert.equal(numbers.bytesPerSecond.at(-2), 300);
});

test('a quote that arrives sooner after its ts than the welcome took tightens the clock offset', () => {
  const clock = new ServerClock();
  clock.observe(1_000_000, 1_000_060);
  const meter = new TransportMeter(clock);
  meter.quote({ symbol: 'ACME', seq: 1, symbolSeq: 1, ts: 2_000_000 }, false, 2_000_010);
  meter.quote({ symbol: 'ACME', seq: 2, symbolSeq: 2, ts: 2_000_250 }, false, 2_000_290);
  assert.equal(clock.offsetMs, 10);
  assert.equal(meter.read(2_000_300).stalenessP99, 30);
});
