// The handshake inspector recomputes the server's Sec-WebSocket-Accept; it must agree with RFC 6455's own example.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectedAccept } from '../../main/webapp/js/handshake.js';

test('computes the accept value of the example in RFC 6455 section 1.3', async () => {
  assert.equal(await expectedAccept('dGhlIHNhbXBsZSBub25jZQ=='), 's3pPLMBiTxaQ9kYGzzhZRbK+xOo=');
});
