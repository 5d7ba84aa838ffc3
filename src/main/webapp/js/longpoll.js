// The long-polling (Comet) client of api/quotes/next: one request at a time, held by the server until a quote
// newer than the cursor exists or `timeout` seconds pass (204: ask again with the same cursor).
// Events for the page (see transport.js): request, bytes, status, quotes, problem

import { backoffDelay, DEFAULT_BACKOFF } from './backoff.js';
import { measuredFetch, parseJson } from './http.js';
import { quotesUrl } from './urls.js';

/** Below every proxy timeout on the way (deploy/nginx allows 120 s) and the server's maximum of 60 s. */
export const HOLD_SECONDS = 25;

export class LongPollClient extends EventTarget {
  #url;
  #backoff;
  #symbols = [];
  #cursor = 0;
  #controller = null;
  #started = false;
  #paused = false;
  #attempt = 0;

  constructor(url, { backoff = DEFAULT_BACKOFF } = {}) {
    super();
    this.#url = url;
    this.#backoff = backoff;
  }

  start() {
    this.#started = true;
    this.#restart();
  }

  get paused() {
    return this.#paused;
  }

  pause() {
    this.#paused = true;
    this.#controller?.abort();
    this.#controller = null;
    this.#emit('status', { state: 'paused', text: 'Paused' });
  }

  /** Asks again from the cursor it had: the first answer holds every symbol that changed meanwhile. */
  resume() {
    this.#paused = false;
    this.#restart();
  }

  /** A new selection starts from scratch: the cursor described the old one. */
  setSymbols(symbols) {
    this.#symbols = [...symbols];
    this.#cursor = 0;
    if (this.#started && !this.#paused) {
      this.#restart();
    }
  }

  #restart() {
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    this.#attempt = 0;
    this.#loop(controller);
  }

  async #loop(controller) {
    if (this.#symbols.length === 0) {
      this.#emit('status', { state: 'idle', text: 'Idle: no symbols selected' });
      return;
    }
    while (controller === this.#controller) {
      const delayMs = await this.#ask(controller);
      if (delayMs > 0 && controller === this.#controller) {
        await sleep(delayMs, controller.signal);
      }
    }
  }

  /** One request; resolves to how long to wait before the next one (0: at once). */
  async #ask(controller) {
    const first = this.#cursor === 0;
    const url = quotesUrl(this.#url, this.#symbols, this.#cursor, { timeout: HOLD_SECONDS });
    this.#emit('request', {});
    let exchange;
    try {
      exchange = await measuredFetch(url, { signal: controller.signal });
    } catch (error) {
      return controller === this.#controller ? this.#failed('network', `long poll failed: ${error.message}`) : 0;
    }
    this.#emit('bytes', { bytes: exchange.bytes });
    if (controller !== this.#controller) {
      return 0;
    }
    const { response, text } = exchange;
    if (response.status === 204) {
      this.#live();
      return 0;
    }
    const json = parseJson(text);
    if (response.status !== 200 || !Array.isArray(json?.quotes) || typeof json.seq !== 'number') {
      return this.#failed(json?.code ?? `http-${response.status}`, json?.message ?? `HTTP ${response.status}`);
    }
    this.#cursor = json.seq;
    this.#live();
    this.#emit('quotes', { quotes: json.quotes, snapshot: first || json.gap === true, gap: json.gap === true });
    return 0;
  }

  #live() {
    this.#attempt = 0;
    this.#emit('status', { state: 'live', text: `Waiting (held up to ${HOLD_SECONDS} s)` });
  }

  #failed(code, message) {
    const delayMs = backoffDelay(this.#attempt, this.#backoff);
    this.#attempt++;
    this.#emit('status', {
      state: 'reconnecting', text: `Retrying in ${(delayMs / 1000).toFixed(1)} s (attempt ${this.#attempt})`,
      lost: { code, reason: message },
    });
    return delayMs;
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}

function sleep(ms, signal) {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
  });
}
