// Server-Sent Events read through fetch(): the parser must give what EventSource would, from pieces of any size.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventStreamParser } from '../../main/webapp/js/sse-parser.js';

test('one event per blank line, with its type, data and id', () => {
  const parser = new EventStreamParser();
  const events = parser.push('id: 42\nevent: quote\ndata: {"seq":42}\n\n');
  assert.deepEqual(events, [{ type: 'quote', data: '{"seq":42}', id: '42' }]);
  assert.equal(parser.lastEventId, '42');
});

test('pieces split anywhere, even inside a CRLF, give the same events', () => {
  const stream = 'id: 1\r\ndata: a\r\n\r\n: comment\r\nid: 2\r\ndata: b\r\ndata: c\r\n\r\n';
  for (let cut = 1; cut < stream.length; cut++) {
    const parser = new EventStreamParser();
    const events = [...parser.push(stream.slice(0, cut)), ...parser.push(stream.slice(cut))];
    assert.deepEqual(events, [
      { type: 'message', data: 'a', id: '1' },
      { type: 'message', data: 'b\nc', id: '2' },
    ], `cut at ${cut}`);
  }
});

test('comments and events without data dispatch nothing but an id still moves the cursor', () => {
  const parser = new EventStreamParser();
  assert.deepEqual(parser.push(': keep-alive\n\nid: 7\n\n'), []);
  assert.equal(parser.lastEventId, '7');
});

test('an unfinished event waits for its blank line', () => {
  const parser = new EventStreamParser();
  assert.deepEqual(parser.push('data: x\n'), []);
  assert.equal(parser.push('\n').length, 1);
});
