// The page's measurements, kept free of the DOM so that Node's test runner can check them: WebSocket frame
// overhead, percentiles over a sliding window, bytes per second over the last minute, and missed updates.

/**
 * The header bytes of one WebSocket frame the server sends with a payload of `payloadLength` bytes (RFC 6455
 * section 5.2: 2 bytes, plus 2 for a 16-bit length from 126 bytes on, or 8 for a 64-bit length from 65536 on;
 * server-to-client frames carry no mask). Each message is assumed to travel as one frame, which is what the
 * servers here do for text messages of this size.
 */
export function frameHeaderBytes(payloadLength) {
  if (payloadLength < 126) {
    return 2;
  }
  return payloadLength < 65536 ? 4 : 10;
}

/** The bytes of an HTTP/1.1 response head: status line, one `name: value` line per header, the blank line. */
export function responseHeadBytes(status, statusText, headers) {
  let bytes = `HTTP/1.1 ${status} ${statusText}\r\n`.length + 2;
  for (const [name, value] of headers) {
    bytes += name.length + 2 + utf8Bytes(value) + 2;
  }
  return bytes;
}

const encoder = new TextEncoder();
const utf8Bytes = (text) => encoder.encode(text).byteLength;

/** Samples (a time and a value) of the last `windowMs`, for percentiles of what happened lately. */
export class SlidingSamples {
  #windowMs;
  #times = [];
  #values = [];

  constructor(windowMs = 60_000) {
    this.#windowMs = windowMs;
  }

  add(atMs, value) {
    this.#times.push(atMs);
    this.#values.push(value);
  }

  /** The `p` percentile (0-100, nearest rank) of the samples within the window ending at `nowMs`; NaN if none. */
  percentile(p, nowMs) {
    this.#expire(nowMs);
    if (this.#values.length === 0) {
      return NaN;
    }
    const sorted = Float64Array.from(this.#values).sort();
    const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
    return sorted[rank - 1];
  }

  count(nowMs) {
    this.#expire(nowMs);
    return this.#values.length;
  }

  #expire(nowMs) {
    const from = nowMs - this.#windowMs;
    let drop = 0;
    while (drop < this.#times.length && this.#times[drop] < from) {
      drop++;
    }
    if (drop > 0) {
      this.#times.splice(0, drop);
      this.#values.splice(0, drop);
    }
  }
}

/** Amounts summed per whole second, for the last `seconds` seconds: the data of a bytes/s chart. */
export class PerSecond {
  #seconds;
  #buckets;
  #latest = -Infinity;

  constructor(seconds = 60) {
    this.#seconds = seconds;
    this.#buckets = new Float64Array(seconds);
  }

  add(atMs, amount) {
    const second = Math.floor(atMs / 1000);
    this.#advance(second);
    if (second > this.#latest - this.#seconds) {
      this.#buckets[second % this.#seconds] += amount;
    }
  }

  /** The per-second sums, oldest first, of the `seconds` seconds up to and including the one at `nowMs`. */
  series(nowMs) {
    const now = Math.floor(nowMs / 1000);
    this.#advance(now);
    const out = new Array(this.#seconds);
    for (let i = 0; i < this.#seconds; i++) {
      const second = now - this.#seconds + 1 + i;
      out[i] = second > this.#latest - this.#seconds && second <= this.#latest
        ? this.#buckets[((second % this.#seconds) + this.#seconds) % this.#seconds] : 0;
    }
    return out;
  }

  /** The sum over the window ending at `nowMs`. */
  total(nowMs) {
    return this.series(nowMs).reduce((sum, value) => sum + value, 0);
  }

  #advance(second) {
    if (second <= this.#latest) {
      return;
    }
    const steps = Math.min(this.#seconds, second - this.#latest);
    for (let i = 1; i <= steps; i++) {
      this.#buckets[(second - steps + i) % this.#seconds] = 0;
    }
    this.#latest = second;
  }
}

/**
 * What one transport delivered: counts updates and the updates it skipped. seq increases across all symbols, so a
 * client that follows a few symbols sees seq jumps all the time; `symbolSeq` numbers the quotes of one symbol
 * (1, 2, 3... within a run of the server), so a jump from ACME's symbolSeq 7 to 10 means two updates of ACME never
 * arrived. A snapshot (`continuous: false`) or a new run of the server (symbolSeq starting again) counts nothing
 * as missed: the transport never claimed to carry what came before.
 */
export class Delivery {
  #last = new Map();
  missed = 0;
  received = 0;
  /** How many times a symbol's symbolSeq started again under a higher seq: a new run of the server. */
  newRuns = 0;

  /**
   * Accounts for `quote` ({symbol, seq, symbolSeq}); returns how many updates of its symbol were skipped to reach
   * it, or -1 for a quote no newer than the last one of its symbol (counted as received, but not to be shown).
   */
  accept(quote, continuous = true) {
    this.received++;
    const last = this.#last.get(quote.symbol);
    if (last && quote.seq <= last.seq) {
      return -1;
    }
    this.#last.set(quote.symbol, { seq: quote.seq, symbolSeq: quote.symbolSeq });
    if (!last || !Number.isInteger(quote.symbolSeq)) {
      return 0;
    }
    if (quote.symbolSeq <= last.symbolSeq) {
      this.newRuns++;
      return 0;
    }
    if (!continuous) {
      return 0;
    }
    const skipped = quote.symbolSeq - last.symbolSeq - 1;
    this.missed += skipped;
    return skipped;
  }

  /** Stops following `symbol` (unsubscribed): its next quote starts afresh. */
  forget(symbol) {
    this.#last.delete(symbol);
  }

  /** Forgets every symbol: after a server restart seqs and symbolSeqs start again. */
  forgetAll() {
    this.#last.clear();
  }
}

/**
 * The server's clock as seen from the page. The welcome's `serverTime` was stamped before the welcome travelled, so
 * the page's receive time minus it is an upper bound of how far the page's clock runs ahead of the server's (the
 * bound includes the travel time). Every quote gives another such bound, since no quote arrives before its `ts`,
 * the tick time it was published for. The smallest bound is the estimate: without it a welcome that waited behind
 * connection set-up makes fast quotes look as if they arrived before they were sent. Staleness is then the page's
 * receive time, moved onto the server's clock, minus the quote's `ts`.
 */
export class ServerClock {
  #lead = Infinity;

  /** Notes that a message stamped `serverTime` by the server (or a quote of that `ts`) arrived at `localTime`. */
  observe(serverTime, localTime) {
    if (Number.isFinite(serverTime)) {
      this.#lead = Math.min(this.#lead, localTime - serverTime);
    }
  }

  get known() {
    return Number.isFinite(this.#lead);
  }

  /** How far the page's clock is ahead of the server's (negative: behind), in ms; NaN before any welcome. */
  get offsetMs() {
    return this.known ? this.#lead : NaN;
  }

  /** How old a quote stamped `ts` on the server's clock was when it arrived at the page's time `localTime`. */
  staleness(ts, localTime) {
    return localTime - this.#lead - ts;
  }
}

/** Everything one transport's panel shows, measured as it happens; `read` gives the numbers at an instant. */
export class TransportMeter {
  #clock;
  #requestsPerSecond = new PerSecond(60);
  #bytesPerSecond = new PerSecond(60);
  #staleness = new SlidingSamples(60_000);
  delivery = new Delivery();
  requests = 0;
  bytes = 0;
  gaps = 0;

  /** @param clock the page's ServerClock, shared by all transports */
  constructor(clock) {
    this.#clock = clock;
  }

  request(nowMs) {
    this.requests++;
    this.#requestsPerSecond.add(nowMs, 1);
  }

  received(bytes, nowMs) {
    this.bytes += bytes;
    this.#bytesPerSecond.add(nowMs, bytes);
  }

  /**
   * Accounts for one quote that arrived at `nowMs`; returns -1 if it is older than what is shown (not to be
   * shown), else how many updates of its symbol were skipped. A snapshot's quotes are as old as the last trade of
   * their symbol, whatever the transport, so only quotes that report a change count towards staleness.
   */
  quote(quote, snapshot, nowMs) {
    const skipped = this.delivery.accept(quote, !snapshot);
    this.#clock.observe(quote.ts, nowMs);
    if (skipped >= 0 && !snapshot) {
      this.#staleness.add(nowMs, this.#clock.staleness(quote.ts, nowMs));
    }
    return skipped;
  }

  read(nowMs) {
    const updates = this.delivery.received;
    return {
      requests: this.requests,
      requestsPerMinute: this.#requestsPerSecond.total(nowMs),
      bytes: this.bytes,
      updates,
      missed: this.delivery.missed,
      gaps: this.gaps,
      bytesPerUpdate: updates > 0 ? this.bytes / updates : NaN,
      stalenessP50: this.#staleness.percentile(50, nowMs),
      stalenessP99: this.#staleness.percentile(99, nowMs),
      bytesPerSecond: this.#bytesPerSecond.series(nowMs),
    };
  }
}
