// The Server-Sent Events client of api/quotes/stream. It reads the stream with fetch() rather than EventSource:
// the wire format is the same, but only a reader of the body can count the bytes as they arrive, and the page
// wants the same jittered backoff for every transport. It resumes the way EventSource does, with Last-Event-ID.
// Events for the page (see transport.js): request, bytes, status, quotes, welcome, resumed, problem

import { backoffDelay, DEFAULT_BACKOFF } from './backoff.js';
import { EventStreamParser } from './sse-parser.js';
import { headBytes, parseJson } from './http.js';
import { quotesUrl } from './urls.js';

const STABLE_MS = 10000;

export class StreamClient extends EventTarget {
  #url;
  #backoff;
  #symbols = [];
  #controller = null;
  #started = false;
  #paused = false;
  #attempt = 0;
  #retryTimer = 0;
  #lastEventId = '';
  #replaying = null;

  constructor(url, { backoff = DEFAULT_BACKOFF } = {}) {
    super();
    this.#url = url;
    this.#backoff = backoff;
  }

  start() {
    this.#started = true;
    this.#connect();
  }

  get paused() {
    return this.#paused;
  }

  pause() {
    this.#paused = true;
    this.#disconnect();
    this.#emit('status', { state: 'paused', text: 'Paused' });
  }

  /** Opens the stream again with Last-Event-ID, so the server replays what the pause missed. */
  resume() {
    this.#paused = false;
    this.#attempt = 0;
    this.#connect();
  }

  /** A new selection is a new stream: its first event is a fresh snapshot of exactly these symbols. */
  setSymbols(symbols) {
    this.#symbols = [...symbols];
    this.#lastEventId = '';
    if (this.#started && !this.#paused) {
      this.#attempt = 0;
      this.#connect();
    }
  }

  #disconnect() {
    clearTimeout(this.#retryTimer);
    const controller = this.#controller;
    this.#controller = null;
    controller?.abort();
  }

  async #connect() {
    this.#disconnect();
    if (this.#symbols.length === 0) {
      this.#emit('status', { state: 'idle', text: 'Idle: no symbols selected' });
      return;
    }
    const controller = new AbortController();
    this.#controller = controller;
    const resuming = this.#lastEventId !== '';
    this.#replaying = resuming ? { since: Number(this.#lastEventId), replayed: 0 } : null;
    this.#emit('status', { state: 'connecting', text: resuming ? 'Reconnecting…' : 'Connecting…' });
    this.#emit('request', {});
    let liveSince = 0;
    try {
      const response = await fetch(quotesUrl(this.#url, this.#symbols, 0),
        { headers: resuming ? { 'Last-Event-ID': this.#lastEventId } : {}, cache: 'no-store', signal: controller.signal });
      this.#emit('bytes', { bytes: headBytes(response) });
      if (!response.ok) {
        const body = await response.text();
        this.#emit('bytes', { bytes: new TextEncoder().encode(body).byteLength });
        const error = parseJson(body);
        throw new Error(error?.message ?? `HTTP ${response.status}`);
      }
      liveSince = performance.now();
      this.#emit('status', { state: 'live', text: 'Live' });
      await this.#read(response.body.getReader(), controller);
      throw new Error('the server ended the stream');
    } catch (error) {
      if (controller === this.#controller) {
        this.#retry(error, liveSince);
      }
    }
  }

  async #read(reader, controller) {
    const parser = new EventStreamParser();
    parser.lastEventId = this.#lastEventId;
    const decoder = new TextDecoder();
    for (;;) {
      const { value, done } = await reader.read();
      if (done || controller !== this.#controller) {
        return;
      }
      this.#emit('bytes', { bytes: value.byteLength });
      for (const event of parser.push(decoder.decode(value, { stream: true }))) {
        this.#event(event);
      }
      this.#lastEventId = parser.lastEventId;
    }
  }

  #retry(error, liveSince) {
    this.#controller = null;
    if (liveSince && performance.now() - liveSince >= STABLE_MS) {
      this.#attempt = 0;
    }
    const delayMs = backoffDelay(this.#attempt, this.#backoff);
    this.#attempt++;
    this.#emit('status', {
      state: 'reconnecting',
      text: `Reconnecting in ${(delayMs / 1000).toFixed(1)} s (attempt ${this.#attempt})`,
      lost: { reason: error.message },
    });
    this.#retryTimer = setTimeout(() => this.#connect(), delayMs);
  }

  #event({ type, data }) {
    const message = parseJson(data);
    if (!message) {
      this.#emit('problem', { code: 'client-not-json', message: `the server sent a ${type} event that is not JSON` });
      return;
    }
    switch (type) {
      case 'welcome':
        this.#emit('welcome', { message, receivedAt: Date.now() });
        break;
      case 'snapshot':
        this.#snapshot(message);
        break;
      case 'quote':
      case 'quotes': {
        // `quotes`, a batch of changes, is what the WebSocket may send; accepted here too, should a stream send it.
        const quotes = type === 'quote' ? [message] : message.quotes ?? [];
        if (this.#replaying) {
          this.#replaying.replayed += quotes.length;
        }
        this.#emit('quotes', { quotes, snapshot: false, gap: false });
        break;
      }
      default:
        break;
    }
  }

  #snapshot(message) {
    if (message.since !== undefined && this.#replaying) {
      this.#emit('resumed', { since: message.since, replayed: this.#replaying.replayed, gap: false });
    } else {
      if (message.gap === true) {
        this.#emit('resumed', { since: this.#replaying?.since ?? 0, replayed: 0, gap: true });
      }
      this.#emit('quotes', { quotes: message.quotes ?? [], snapshot: true, gap: message.gap === true });
    }
    this.#replaying = null;
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}
