// The WebSocket client of ws/quotes. It owns the connection and the wanted symbols; it knows nothing of the
// page, which listens to its events:
//   status   {state: 'connecting'|'live'|'reconnecting', attempt, delayMs, closeCode, closeReason}
//   frame    {bytes}                  every text frame received (UTF-8 payload length), before it is read
//   welcome  {message}                the server's welcome (universe, interval, server time)
//   quotes   {quotes, snapshot}       quotes of wanted symbols, from a snapshot or a single quote message
//   problem  {code, message}          an error message from the server, or a frame the page cannot read

import { backoffDelay, DEFAULT_BACKOFF } from './backoff.js';
import { utf8Length } from './format.js';

// A connection that stayed live this long was healthy, so the next outage starts again from short delays;
// one that drops sooner keeps climbing, so a server that accepts and then closes is not hammered.
const STABLE_MS = 10000;

export class PushClient extends EventTarget {
  #url;
  #backoff;
  #socket = null;
  #wanted = new Set();
  #welcomed = false;
  #attempt = 0;
  #liveSince = 0;
  #retryTimer = 0;

  constructor(url, { backoff = DEFAULT_BACKOFF } = {}) {
    super();
    this.#url = url;
    this.#backoff = backoff;
  }

  /** Opens the connection; after that the client reconnects by itself until the page goes away. */
  connect() {
    this.#open('connecting');
  }

  /** Makes `symbols` the subscription, sending only the difference when the connection is live. */
  setSymbols(symbols) {
    const next = new Set(symbols);
    const added = [...next].filter((s) => !this.#wanted.has(s));
    const removed = [...this.#wanted].filter((s) => !next.has(s));
    this.#wanted = next;
    if (this.#welcomed) {
      this.#send('unsubscribe', removed);
      this.#send('subscribe', added);
    }
  }

  #open(state) {
    this.#welcomed = false;
    this.#emit('status', { state, attempt: this.#attempt });
    const socket = new WebSocket(this.#url);
    this.#socket = socket;
    socket.addEventListener('message', (event) => this.#receive(event.data));
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
      state: 'reconnecting', attempt: this.#attempt, delayMs,
      closeCode: event.code, closeReason: event.reason,
    });
    clearTimeout(this.#retryTimer);
    this.#retryTimer = setTimeout(() => this.#open('reconnecting'), delayMs);
  }

  #receive(text) {
    this.#emit('frame', { bytes: utf8Length(text) });
    let message;
    try {
      message = JSON.parse(text);
    } catch {
      this.#emit('problem', { code: 'client-not-json', message: 'the server sent a frame that is not JSON' });
      return;
    }
    switch (message.type) {
      case 'welcome': return this.#welcome(message);
      case 'snapshot': return this.#quotes(message.quotes ?? [], true);
      case 'quote': return this.#quotes([message], false);
      case 'quotes': return this.#quotes(message.quotes ?? [], false);
      case 'error': return this.#emit('problem', { code: message.code, message: message.message });
      case 'unsubscribed': return undefined;
      default:
        // Newer servers may add message types; ignoring them keeps this page working against those.
        return undefined;
    }
  }

  #welcome(message) {
    this.#welcomed = true;
    this.#liveSince = performance.now();
    this.#emit('welcome', { message });
    this.#emit('status', { state: 'live', attempt: this.#attempt });
    // A new connection has no subscriptions, whatever the previous one had.
    this.#send('subscribe', [...this.#wanted]);
  }

  #quotes(quotes, snapshot) {
    // Quotes of a symbol just unticked can still be in flight until the server confirms the unsubscribe.
    const wanted = quotes.filter((quote) => this.#wanted.has(quote.symbol));
    if (wanted.length > 0 || snapshot) {
      this.#emit('quotes', { quotes: wanted, snapshot });
    }
  }

  #send(type, symbols) {
    if (symbols.length > 0 && this.#socket?.readyState === WebSocket.OPEN) {
      this.#socket.send(JSON.stringify({ type, symbols }));
    }
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}
