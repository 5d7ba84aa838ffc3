// The WebSocket client of ws/quotes: one connection, subscriptions sent as differences, and after any loss a
// reconnect with jittered backoff that resumes from the last seq seen. Events for the page (see transport.js):
//   request, bytes, status, quotes, welcome, resumed, problem
// A `quotes` message (several changes batched into one frame) counts as that many `quote` messages.

import { backoffDelay, DEFAULT_BACKOFF } from './backoff.js';
import { frameHeaderBytes } from './measure.js';
import { utf8Length } from './format.js';

// A connection that stayed live this long was healthy, so the next outage starts again from short delays;
// one that drops sooner keeps climbing, so a server that accepts and then closes is not hammered.
const STABLE_MS = 10000;
// Close code for a connection the reader dropped on purpose (3000-4999 are the application's).
const DROPPED = 4000;

export class PushClient extends EventTarget {
  #url;
  #backoff;
  #socket = null;
  #wanted = new Set();
  #welcomed = false;
  #paused = false;
  #attempt = 0;
  #liveSince = 0;
  #retryTimer = 0;
  #lastSeq = 0;
  #replaying = null;

  constructor(url, { backoff = DEFAULT_BACKOFF } = {}) {
    super();
    this.#url = url;
    this.#backoff = backoff;
  }

  /** Opens the connection; after that the client reconnects by itself until paused. */
  start() {
    this.#open('connecting');
  }

  get paused() {
    return this.#paused;
  }

  /** Closes the connection and stays away until resume(). */
  pause() {
    this.#paused = true;
    clearTimeout(this.#retryTimer);
    const socket = this.#socket;
    this.#socket = null;
    this.#welcomed = false;
    socket?.close(1000, 'paused');
    this.#emit('status', { state: 'paused', text: 'Paused' });
  }

  /** Connects again, resuming from the last seq seen. */
  resume() {
    this.#paused = false;
    this.#attempt = 0;
    this.#open('connecting');
  }

  /** Closes the connection as a network failure would, to show the reconnect and the resume. */
  drop() {
    this.#socket?.close(DROPPED, 'dropped by the page');
  }

  /** Makes `symbols` the subscription, sending only the difference when the connection is live. */
  setSymbols(symbols) {
    const next = new Set(symbols);
    const added = [...next].filter((s) => !this.#wanted.has(s));
    const removed = [...this.#wanted].filter((s) => !next.has(s));
    this.#wanted = next;
    if (this.#welcomed) {
      this.#send({ type: 'unsubscribe', symbols: removed });
      this.#send({ type: 'subscribe', symbols: added });
    }
  }

  #open(state) {
    clearTimeout(this.#retryTimer);
    this.#welcomed = false;
    this.#emit('status', { state, text: state === 'connecting' ? 'Connecting…' : `Reconnecting (attempt ${this.#attempt})…` });
    this.#emit('request', {});
    const socket = new WebSocket(this.#url);
    this.#socket = socket;
    socket.addEventListener('message', (event) => this.#socket === socket && this.#receive(socket, event.data));
    // 'error' carries no detail in browsers; 'close' always follows it, and is where reconnecting is decided.
    socket.addEventListener('close', (event) => this.#closed(socket, event));
  }

  #closed(socket, event) {
    if (socket !== this.#socket) {
      return;
    }
    this.#socket = null;
    this.#welcomed = false;
    if (this.#liveSince && performance.now() - this.#liveSince >= STABLE_MS) {
      this.#attempt = 0;
    }
    this.#liveSince = 0;
    const delayMs = backoffDelay(this.#attempt, this.#backoff);
    this.#attempt++;
    this.#emit('status', {
      state: 'reconnecting',
      text: `Reconnecting in ${(delayMs / 1000).toFixed(1)} s (attempt ${this.#attempt})`,
      lost: { code: event.code, reason: event.reason },
    });
    this.#retryTimer = setTimeout(() => this.#open('reconnecting'), delayMs);
  }

  #receive(socket, text) {
    const payload = utf8Length(text);
    this.#emit('bytes', { bytes: payload + frameHeaderBytes(payload) });
    let message;
    try {
      message = JSON.parse(text);
    } catch {
      this.#emit('problem', { code: 'client-not-json', message: 'the server sent a frame that is not JSON' });
      return;
    }
    switch (message.type) {
      case 'welcome': return this.#welcome(socket, message);
      case 'snapshot': return this.#snapshot(message);
      case 'quote': return this.#quotes([message], false, false);
      case 'quotes': return this.#quotes(message.quotes ?? [], false, false);
      case 'error': return this.#emit('problem', { code: message.code, message: message.message });
      default:
        // 'unsubscribed', and message types of newer servers: nothing to show.
        return undefined;
    }
  }

  #welcome(socket, message) {
    this.#welcomed = true;
    this.#liveSince = performance.now();
    // The 101 response is not visible to scripts; it is counted in its minimal RFC 6455 form, with the accept
    // value the server reports and the extensions and subprotocol the browser says were agreed.
    this.#emit('bytes', { bytes: handshakeResponseBytes(socket, message.handshake?.accept) });
    this.#emit('welcome', { message, receivedAt: Date.now(), extensions: socket.extensions });
    this.#emit('status', { state: 'live', text: 'Live' });
    const symbols = [...this.#wanted];
    if (symbols.length === 0) {
      return;
    }
    // A new connection has no subscriptions, whatever the previous one had.
    if (this.#lastSeq > 0) {
      this.#replaying = { since: this.#lastSeq, replayed: 0 };
      this.#send({ type: 'subscribe', symbols, since: this.#lastSeq });
    } else {
      this.#send({ type: 'subscribe', symbols });
    }
  }

  #snapshot(message) {
    const quotes = message.quotes ?? [];
    if (message.since !== undefined && this.#replaying) {
      this.#emit('resumed', { since: message.since, replayed: this.#replaying.replayed, gap: false });
      this.#replaying = null;
      return;
    }
    if (message.gap === true) {
      this.#emit('resumed', { since: this.#replaying?.since ?? 0, replayed: 0, gap: true });
    }
    this.#replaying = null;
    this.#quotes(quotes, true, message.gap === true);
  }

  #quotes(quotes, snapshot, gap) {
    if (this.#replaying && !snapshot) {
      this.#replaying.replayed += quotes.length;
    }
    // Quotes of a symbol just unticked can still be in flight until the server confirms the unsubscribe.
    const wanted = quotes.filter((quote) => this.#wanted.has(quote.symbol));
    for (const quote of wanted) {
      this.#lastSeq = Math.max(this.#lastSeq, quote.seq);
    }
    if (wanted.length > 0 || snapshot) {
      this.#emit('quotes', { quotes: wanted, snapshot, gap });
    }
  }

  #send(message) {
    if (message.symbols.length > 0 && this.#socket?.readyState === WebSocket.OPEN) {
      this.#socket.send(JSON.stringify(message));
    }
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}

/** The bytes of `HTTP/1.1 101 Switching Protocols` with the headers RFC 6455 requires and those agreed. */
function handshakeResponseBytes(socket, accept) {
  const lines = ['HTTP/1.1 101 Switching Protocols', 'Upgrade: websocket', 'Connection: Upgrade',
    `Sec-WebSocket-Accept: ${accept ?? 'x'.repeat(28)}`];
  if (socket.extensions) {
    lines.push(`Sec-WebSocket-Extensions: ${socket.extensions}`);
  }
  if (socket.protocol) {
    lines.push(`Sec-WebSocket-Protocol: ${socket.protocol}`);
  }
  return lines.reduce((sum, line) => sum + line.length + 2, 2);
}
