// The WebSocket panel: shows what PushClient delivers and counts every frame it receives.

import { bytesPerUpdate, mountPanel } from '../panel.js';

const FIELDS = [
  { key: 'messages', label: 'Messages' },
  { key: 'updates', label: 'Quote updates' },
  { key: 'bytes', label: 'Payload bytes' },
  bytesPerUpdate,
];

const SOURCE = 'WebSocket';

/** Wires `client` (a PushClient) to the panel in `section`; returns what the page needs to drive it. */
export function mountPushPanel(section, client, log) {
  const { table, stats, setStatus } = mountPanel(section, FIELDS);
  let lost = false;

  client.addEventListener('frame', ({ detail }) => {
    stats.add('messages');
    stats.add('bytes', detail.bytes);
  });
  client.addEventListener('welcome', () => table.forgetSeqs());
  client.addEventListener('quotes', ({ detail }) => {
    stats.add('updates', detail.quotes.length);
    detail.quotes.forEach((quote) => table.update(quote));
  });
  client.addEventListener('problem', ({ detail }) => log.add(SOURCE, detail.code, detail.message));
  client.addEventListener('status', ({ detail }) => {
    setStatus(detail.state, describe(detail));
    // Logged once per outage, not once per failed attempt: a long outage must not flood the log.
    if (detail.state === 'reconnecting' && detail.delayMs !== undefined && !lost) {
      lost = true;
      log.add(SOURCE, `close-${detail.closeCode}`,
        `connection lost${detail.closeReason ? `: ${detail.closeReason}` : ''}; reconnecting`);
    } else if (detail.state === 'live' && lost) {
      lost = false;
      log.add(SOURCE, 'reconnected', 'connection restored and symbols subscribed again');
    }
  });

  return {
    /** Shows rows for `instruments` before their first quote arrives. */
    show: (instruments) => table.setSymbols(instruments),
  };
}

function describe({ state, attempt, delayMs }) {
  switch (state) {
    case 'connecting': return 'Connecting…';
    case 'live': return 'Live';
    default:
      return delayMs === undefined
        ? `Reconnecting (attempt ${attempt})…`
        : `Reconnecting in ${(delayMs / 1000).toFixed(1)} s (attempt ${attempt})`;
  }
}
