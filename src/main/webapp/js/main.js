// Wiring of the demo page: one client per transport, one panel per client, one picker driving them all, and the
// connection panel. Every URL comes from the page's own base URL, so the page works at "/", under a context root
// and behind a proxy.

import { httpUrl, webSocketUrl } from './urls.js';
import { PushClient } from './push.js';
import { StreamClient } from './sse.js';
import { LongPollClient } from './longpoll.js';
import { PollClient } from './poll.js';
import { EventLog } from './log.js';
import { SymbolPicker } from './picker.js';
import { ServerClock } from './measure.js';
import { ConnectionPanel } from './connection.js';
import { mountTransportPanel } from './transport-panel.js';
import { Comparison } from './comparison.js';

const DEFAULT_SELECTION_SIZE = 6;
const DRAW_EVERY_MS = 500;

const base = document.baseURI;
const clock = new ServerClock();
const log = new EventLog(document.getElementById('log'));
const interval = document.getElementById('interval');

const push = new PushClient(webSocketUrl('ws/quotes', base));
const sse = new StreamClient(httpUrl('api/quotes/stream', base));
const longPoll = new LongPollClient(httpUrl('api/quotes/next', base));
const poll = new PollClient(httpUrl('api/quotes', base), { intervalMs: Number(interval.value) });

const connection = new ConnectionPanel(document.getElementById('connection'), push);
const outages = new Set();
const events = {
  gap: (name, { restarted }) => connection.mark('gap', restarted
    ? `${name}: the server restarted (symbolSeq began again); quotes of the old run were lost`
    : `${name}: quotes were lost and cannot be replayed; showing the latest`),
  resumed: (name, { since, replayed, gap }) => {
    if (!gap) {
      connection.mark('resumed', `${name}: from seq ${since}, ${replayed} missed quote${replayed === 1 ? '' : 's'} replayed`);
    }
  },
  problem: (name, { code, message }) => log.add(name, code, message),
  status: (name, { state, lost }) => {
    // Logged once per outage, not once per failed attempt: a long outage must not flood the log.
    if (lost && !outages.has(name)) {
      outages.add(name);
      log.add(name, lost.code ? String(lost.code) : 'lost', `connection lost${lost.reason ? `: ${lost.reason}` : ''}; reconnecting`);
    } else if (state === 'live' && outages.delete(name)) {
      log.add(name, 'reconnected', 'connected again');
    }
  },
};
const panels = [
  mountTransportPanel(document.getElementById('push'), push, clock, events),
  mountTransportPanel(document.getElementById('sse'), sse, clock, events),
  mountTransportPanel(document.getElementById('longpoll'), longPoll, clock, events),
  mountTransportPanel(document.getElementById('poll'), poll, clock, events),
];
const comparison = new Comparison(document.querySelector('#comparison tbody'), panels);
const clients = [push, sse, longPoll, poll];
let pushStarted = false;

interval.addEventListener('change', () => {
  poll.intervalMs = Number(interval.value);
});
setInterval(draw, DRAW_EVERY_MS);

// The WebSocket connects once the page has loaded its universe and is idle: its welcome then arrives without
// waiting behind the page's own start-up work, which would make the clock offset taken from it too large.
const universe = await loadUniverse();
if (!pushStarted) {
  push.start();
}
const picker = new SymbolPicker(document.getElementById('symbols'), universe,
  universe.slice(0, DEFAULT_SELECTION_SIZE).map(({ symbol }) => symbol));
document.querySelector('#symbols [data-role=loading]').remove();
picker.addEventListener('change', select);
select();
[sse, longPoll, poll].forEach((client) => client.start());

function select() {
  const instruments = picker.selected;
  const symbols = instruments.map(({ symbol }) => symbol);
  panels.forEach((panel) => panel.show(instruments));
  clients.forEach((client) => client.setSymbols(symbols));
}

function draw() {
  const now = Date.now();
  comparison.draw(panels.map((panel) => panel.draw(now)));
  connection.showClock(clock);
}

/** The symbol universe from api/symbols or, if that fails, from the WebSocket's welcome. */
async function loadUniverse() {
  try {
    const response = await fetch(httpUrl('api/symbols', base), { cache: 'no-store' });
    if (!response.ok) {
      throw new Error(`HTTP ${response.status}`);
    }
    return (await response.json()).symbols;
  } catch (error) {
    log.add('Symbols', 'symbols-unavailable', `api/symbols failed (${error.message}); waiting for the WebSocket`);
    const fromWelcome = new Promise((resolve) => push.addEventListener('welcome',
      ({ detail }) => resolve(detail.message.symbols), { once: true }));
    pushStarted = true;
    push.start();
    return fromWelcome;
  }
}
