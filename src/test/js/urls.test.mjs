// The page must work at "/" (standalone), under a context root (WAR) and behind TLS, from relative paths alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { httpUrl, quotesUrl, webSocketUrl } from '../../main/webapp/js/urls.js';

test('resolves API paths against the standalone root', () => {
  assert.equal(httpUrl('api/quotes', 'http://127.0.0.1:8080/').href, 'http://127.0.0.1:8080/api/quotes');
});

test('keeps the context root of a deployed WAR', () => {
  assert.equal(httpUrl('api/symbols', 'http://host:8080/ticker/').href, 'http://host:8080/ticker/api/symbols');
});

test('resolves against the directory of a page opened by file name', () => {
  assert.equal(httpUrl('api/quotes', 'http://host/ticker/index.html?x=1#top').href, 'http://host/ticker/api/quotes');
});

test('uses ws: for a page served over http', () => {
  assert.equal(webSocketUrl('ws/quotes', 'http://host:8080/ticker/').href, 'ws://host:8080/ticker/ws/quotes');
});

test('uses wss: for a page served over https, keeping host and port', () => {
  assert.equal(webSocketUrl('ws/quotes', 'https://example.test:8443/app/').href, 'wss://example.test:8443/app/ws/quotes');
});

test('drops the page query and fragment from the WebSocket URL', () => {
  assert.equal(webSocketUrl('ws/quotes', 'http://host/index.html?debug#x').href, 'ws://host/ws/quotes');
});

test('refuses to guess a WebSocket URL for a page not served over HTTP', () => {
  assert.throws(() => webSocketUrl('ws/quotes', 'file:///tmp/index.html'), /file:/);
});

test('asks for the selected symbols, with the cursor only once there is one', () => {
  const base = new URL('http://host/ticker/api/quotes');
  assert.equal(quotesUrl(base, ['ACME', 'GLOBX'], 0).href, 'http://host/ticker/api/quotes?symbols=ACME,GLOBX');
  assert.equal(quotesUrl(base, ['ACME'], 42).href, 'http://host/ticker/api/quotes?symbols=ACME&since=42');
});

test('encodes symbols that are not URL-safe', () => {
  const url = quotesUrl(new URL('http://host/api/quotes'), ['A&B', 'C D'], 0);
  assert.deepEqual(url.searchParams.get('symbols').split(','), ['A&B', 'C D']);
});

test('adds further parameters after the cursor, such as the long-poll timeout', () => {
  const url = quotesUrl(new URL('http://host/ticker/api/quotes/next'), ['ACME'], 42, { timeout: 25 });
  assert.equal(url.href, 'http://host/ticker/api/quotes/next?symbols=ACME&since=42&timeout=25');
});
