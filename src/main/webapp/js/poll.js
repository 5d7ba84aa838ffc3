// The short-polling client of api/quotes: the honest baseline, so it uses everything HTTP offers (a cursor
// with `since`, If-None-Match for 304s) rather than refetching everything. Events for the page:
//   request   {}                                   a request is going out
//   response  {status, bytes}                      its answer (status 0: no answer), body bytes as UTF-8
//   quotes    {quotes, reset}                      quotes from a 200; reset: the cursor was unknown to the server
//   status    {state: 'idle'|'polling'|'failing', message}
//   problem   {code, message}                      the first failure of a run of failures, and the recovery

import { quotesUrl } from './urls.js';
import { utf8Length } from './format.js';

export class PollClient extends EventTarget {
  #url;
  #intervalMs;
  #timeoutMs;
  #symbols = [];
  #cursor = 0;
  #etag = null;
  // Bumped on every selection change so that an answer to a request for the old selection is not applied.
  #generation = 0;
  #timer = 0;
  #running = false;
  #state = null;

  constructor(url, { intervalMs = 1000, timeoutMs = 5000 } = {}) {
    super();
    this.#url = url;
    this.#intervalMs = intervalMs;
    this.#timeoutMs = timeoutMs;
  }

  get intervalMs() {
    return this.#intervalMs;
  }

  start() {
    if (!this.#running) {
      this.#running = true;
      this.#schedule(0);
    }
  }

  stop() {
    this.#running = false;
    clearTimeout(this.#timer);
    this.#setState('idle', 'stopped');
  }

  /** Polls `symbols` from the next tick on, from scratch: the old cursor and tag describe another selection. */
  setSymbols(symbols) {
    this.#symbols = [...symbols];
    this.#cursor = 0;
    this.#etag = null;
    this.#generation++;
  }

  #schedule(delayMs) {
    clearTimeout(this.#timer);
    if (this.#running) {
      this.#timer = setTimeout(() => this.#tick(), delayMs);
    }
  }

  async #tick() {
    const started = performance.now();
    if (this.#symbols.length === 0) {
      // Without symbols the API answers with the whole universe, which is not what the page shows.
      this.#setState('idle', 'no symbols selected');
    } else {
      await this.#poll();
    }
    // Fixed rate rather than fixed delay: one request per interval, whatever the round trip took.
    this.#schedule(Math.max(0, this.#intervalMs - (performance.now() - started)));
  }

  async #poll() {
    const generation = this.#generation;
    const headers = this.#etag ? { 'If-None-Match': this.#etag } : {};
    this.#emit('request', {});
    let response;
    let body;
    try {
      // no-store: the browser cache would otherwise answer the conditional request itself and hide the 304.
      response = await fetch(quotesUrl(this.#url, this.#symbols, this.#cursor),
        { headers, cache: 'no-store', signal: AbortSignal.timeout(this.#timeoutMs) });
      body = response.status === 304 ? '' : await response.text();
    } catch (error) {
      this.#emit('response', { status: 0, bytes: 0 });
      this.#fail('network', `polling failed: ${error.message}`);
      return;
    }
    this.#emit('response', { status: response.status, bytes: utf8Length(body) });
    if (generation === this.#generation) {
      this.#apply(response, body);
    }
  }

  #apply(response, body) {
    if (response.status === 304) {
      this.#recovered();
      return;
    }
    const json = parseJson(body);
    if (!response.ok) {
      this.#fail(json?.code ?? `http-${response.status}`, json?.message ?? `HTTP ${response.status}`);
    } else if (!json || !Array.isArray(json.quotes) || typeof json.seq !== 'number') {
      this.#fail('client-bad-body', 'the server answered with a body the page cannot read');
    } else {
      this.#cursor = json.seq;
      this.#etag = response.headers.get('ETag');
      this.#recovered();
      this.#emit('quotes', { quotes: json.quotes, reset: json.gap === true });
    }
  }

  #fail(code, message) {
    if (this.#state !== 'failing') {
      this.#emit('problem', { code, message });
    }
    this.#setState('failing', message);
  }

  #recovered() {
    if (this.#state === 'failing') {
      this.#emit('problem', { code: 'recovered', message: 'polling works again' });
    }
    this.#setState('polling', `every ${this.#intervalMs / 1000} s`);
  }

  #setState(state, message) {
    if (state !== this.#state) {
      this.#state = state;
      this.#emit('status', { state, message });
    }
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}

function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
