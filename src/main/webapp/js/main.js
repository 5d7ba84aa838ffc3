// Wiring of the demo page: one client per transport, one panel per client, one picker driving them all.
// Adding a transport means adding a client, a panel module and a <section>, and listing it here.

import { httpUrl, webSocketUrl } from './urls.js';
import { PushClient } from './push.js';
import { PollClient } from './poll.js';
import { EventLog } from './log.js';
import { SymbolPicker } from './picker.js';
import { mountPushPanel } from './panels/push-panel.js';
import { mountPollPanel } from './panels/poll-panel.js';

const DEFAULT_SELECTION_SIZE = 6;
const POLL_INTERVAL_MS = 1000;

const base = document.baseURI;
const log = new EventLog(document.getElementById('log'));
const push = new PushClient(webSocketUrl('ws/quotes', base));
const poll = new PollClient(httpUrl('api/quotes', base), { intervalMs: POLL_INTERVAL_MS });
const panels = [
  mountPushPanel(document.getElementById('push'), push, log),
  mountPollPanel(document.getElementById('poll'), poll, log),
];

// Connect before the universe is known: the welcome is one of the two ways to learn it.
push.connect();
const universe = await loadUniverse();
const picker = new SymbolPicker(document.getElementById('symbols'), universe,
  universe.slice(0, DEFAULT_SELECTION_SIZE).map(({ symbol }) => symbol));
document.querySelector('#symbols [data-role=loading]').remove();
picker.addEventListener('change', select);
select();
poll.start();

function select() {
  const instruments = picker.selected;
  const symbols = instruments.map(({ symbol }) => symbol);
  panels.forEach((panel) => panel.show(instruments));
  push.setSymbols(symbols);
  poll.setSymbols(symbols);
}

/** The symbol universe from whichever answers first, api/symbols or the WebSocket welcome. */
async function loadUniverse() {
  const fromWelcome = new Promise((resolve) => push.addEventListener('welcome',
    ({ detail }) => resolve(detail.message.symbols), { once: true }));
  const fromApi = fetch(httpUrl('api/symbols', base), { cache: 'no-store' })
    .then((response) => (response.ok ? response.json() : Promise.reject(new Error(`HTTP ${response.status}`))))
    .then((body) => body.symbols)
    .catch((error) => {
      log.add('Symbols', 'symbols-unavailable', `api/symbols failed (${error.message}); waiting for the WebSocket`);
      return fromWelcome;
    });
  return Promise.race([fromApi, fromWelcome]);
}
