// Reconnect delays. Jitter spreads the reconnects of many pages after a server restart, so they do not all
// arrive in the same instant; the floor of half the ceiling keeps a page from retrying in a tight loop.

/** Default tuning: first retry within 0.5-1 s, never waiting more than 15-30 s. */
export const DEFAULT_BACKOFF = Object.freeze({ baseMs: 1000, maxMs: 30000 });

/**
 * The delay before reconnect attempt `attempt` (0 for the first retry): a random value between half and all of
 * min(maxMs, baseMs * 2^attempt).
 */
export function backoffDelay(attempt, { baseMs, maxMs } = DEFAULT_BACKOFF, random = Math.random) {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
