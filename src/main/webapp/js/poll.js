// The short-polling client of api/quotes: the honest baseline, so it uses everything HTTP offers (a cursor
// with `since`, If-None-Match for 304s) rather than refetching everything.
// Events for the page (see transport.js): request, bytes, status, quotes, problem

import { backoffDelay, DEFAULT_BACKOFF } from './backoff.js';
import { measuredFetch, parseJson } from './http.js';
import { quotesUrl } from './urls.js';

export class PollClient extends EventTarget {
  #url;
  #intervalMs;
  #timeoutMs;
  #backoff;
  #symbols = [];
  #cursor = 0;
  #etag = null;
  // Bumped on every selection change so that an answer to a request for the old selection is not applied.
  #generation = 0;
  #timer = 0;
  #running = false;
  #paused = false;
  #failures = 0;

  constructor(url, { intervalMs = 1000, timeoutMs = 5000, backoff = DEFAULT_BACKOFF } = {}) {
    super();
    this.#url = url;
    this.#intervalMs = intervalMs;
    this.#timeoutMs = timeoutMs;
    this.#backoff = backoff;
  }

  get intervalMs() {
    return this.#intervalMs;
  }

  /** Polls every `ms` from the next request on. */
  set intervalMs(ms) {
    this.#intervalMs = ms;
    if (this.#running && !this.#paused && this.#failures === 0) {
      this.#schedule(0);
    }
  }

  start() {
    this.#running = true;
    this.#schedule(0);
  }

  get paused() {
    return this.#paused;
  }

  pause() {
    this.#paused = true;
    clearTimeout(this.#timer);
    this.#emit('status', { state: 'paused', text: 'Paused' });
  }

  /** Polls again from the cursor it had: the first answer holds every symbol that changed meanwhile. */
  resume() {
    this.#paused = false;
    this.#schedule(0);
  }

  /** Polls `symbols` from the next request on, from scratch: the old cursor and tag describe another selection. */
  setSymbols(symbols) {
    this.#symbols = [...symbols];
    this.#cursor = 0;
    this.#etag = null;
    this.#generation++;
    if (this.#running && !this.#paused) {
      this.#schedule(0);
    }
  }

  #schedule(delayMs) {
    clearTimeout(this.#timer);
    if (this.#running && !this.#paused) {
      this.#timer = setTimeout(() => this.#tick(), delayMs);
    }
  }

  async #tick() {
    const started = performance.now();
    if (this.#symbols.length === 0) {
      // Without symbols the API answers with the whole universe, which is not what the page shows.
      this.#emit('status', { state: 'idle', text: 'Idle: no symbols selected' });
      return;
    }
    const generation = this.#generation;
    const ok = await this.#poll(generation);
    if (generation !== this.#generation) {
      return; // setSymbols already scheduled the next request
    }
    // Fixed rate rather than fixed delay: one request per interval, whatever the round trip took.
    const delayMs = ok ? Math.max(0, this.#intervalMs - (performance.now() - started))
      : backoffDelay(this.#failures - 1, this.#backoff);
    this.#schedule(delayMs);
  }

  /** One request; resolves to whether it was answered as expected. */
  async #poll(generation) {
    const first = this.#cursor === 0;
    this.#emit('request', {});
    let exchange;
    try {
      exchange = await measuredFetch(quotesUrl(this.#url, this.#symbols, this.#cursor), {
        headers: this.#etag ? { 'If-None-Match': this.#etag } : {},
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
    } catch (error) {
      return this.#failed('network', `polling failed: ${error.message}`);
    }
    this.#emit('bytes', { bytes: exchange.bytes });
    if (generation !== this.#generation) {
      return true;
    }
    const { response, text } = exchange;
    if (response.status === 304) {
      return this.#ok();
    }
    const json = parseJson(text);
    if (response.status !== 200 || !Array.isArray(json?.quotes) || typeof json.seq !== 'number') {
      return this.#failed(json?.code ?? `http-${response.status}`, json?.message ?? `HTTP ${response.status}`);
    }
    this.#cursor = json.seq;
    this.#etag = response.headers.get('ETag');
    this.#emit('quotes', { quotes: json.quotes, snapshot: first || json.gap === true, gap: json.gap === true });
    return this.#ok();
  }

  #ok() {
    this.#failures = 0;
    this.#emit('status', { state: 'live', text: `Polling every ${this.#intervalMs / 1000} s` });
    return true;
  }

  #failed(code, message) {
    this.#failures++;
    this.#emit('status', { state: 'reconnecting', text: `Failing, retrying (attempt ${this.#failures})`, lost: { code, reason: message } });
    return false;
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}
