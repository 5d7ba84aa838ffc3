// The short-polling panel: shows what PollClient fetches and counts every request and answer.

import { bytesPerUpdate, mountPanel } from '../panel.js';

const FIELDS = [
  { key: 'requests', label: 'Requests' },
  { key: 'ok', label: '200 OK' },
  { key: 'notModified', label: '304 Not Modified' },
  { key: 'failed', label: 'Failed' },
  { key: 'updates', label: 'Quote updates' },
  { key: 'bytes', label: 'Payload bytes' },
  bytesPerUpdate,
];

const SOURCE = 'Polling';

/** Wires `client` (a PollClient) to the panel in `section`; returns what the page needs to drive it. */
export function mountPollPanel(section, client, log) {
  const { table, stats, setStatus } = mountPanel(section, FIELDS);

  client.addEventListener('request', () => stats.add('requests'));
  client.addEventListener('response', ({ detail }) => {
    stats.add(detail.status === 200 ? 'ok' : detail.status === 304 ? 'notModified' : 'failed');
    stats.add('bytes', detail.bytes);
  });
  client.addEventListener('quotes', ({ detail }) => {
    if (detail.reset) {
      // The server did not know our cursor (it restarted): its seqs may be lower than the ones shown.
      table.forgetSeqs();
    }
    stats.add('updates', detail.quotes.length);
    detail.quotes.forEach((quote) => table.update(quote));
  });
  client.addEventListener('problem', ({ detail }) => log.add(SOURCE, detail.code, detail.message));
  client.addEventListener('status', ({ detail }) => setStatus(detail.state, describe(detail)));

  return {
    show: (instruments) => table.setSymbols(instruments),
  };
}

function describe({ state, message }) {
  switch (state) {
    case 'polling': return `Polling ${message}`;
    case 'idle': return `Idle: ${message}`;
    default: return `Failing: ${message}`;
  }
}
