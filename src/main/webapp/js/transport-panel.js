// One transport's panel: wires a client (push.js, sse.js, longpoll.js, poll.js all emit the same events) to its
// measurements, its numbers, its bytes/s chart and its quote table. Every client emits:
//   request  {}                          a connection or HTTP request goes out
//   bytes    {bytes}                     bytes received, headers and framing included
//   quotes   {quotes, snapshot, gap}     quotes to show; snapshot: not a continuation; gap: some were lost
//   status   {state, text, lost?}        state: connecting|live|reconnecting|paused|idle; lost: why it dropped
//   welcome  {message, receivedAt}       (push, sse) the server's welcome, with its clock
//   resumed  {since, replayed, gap}      (push, sse) how a reconnect resumed
//   problem  {code, message}             an error the server reported or the client found

import { TransportMeter } from './measure.js';
import { QuoteTable } from './table.js';
import { barsPath } from './chart.js';
import { formatCount } from './format.js';

const CHART_WIDTH = 240;
const CHART_HEIGHT = 40;

const FIELDS = [
  { key: 'requests', label: 'Requests' },
  { key: 'requestsPerMinute', label: 'Requests, last 60 s' },
  { key: 'bytes', label: 'Bytes received', unit: 'B' },
  { key: 'bytesPerUpdate', label: 'Bytes per update', unit: 'B' },
  { key: 'updates', label: 'Updates received' },
  { key: 'missed', label: 'Updates missed' },
  { key: 'stalenessP50', label: 'Staleness p50', unit: 'ms' },
  { key: 'stalenessP99', label: 'Staleness p99', unit: 'ms' },
];

/**
 * Fills `section` (a heading, a [data-role=status] line and a [data-role=pause] button in the markup) from the
 * page's <template id="transport-panel">; returns what the page drives.
 * @param events {gap(name, detail), resumed(name, detail), problem(name, detail), status(name, detail)}: what the
 *               page reports beyond the panel
 */
export function mountTransportPanel(section, client, clock, events) {
  const name = section.querySelector('h2').textContent;
  const body = document.getElementById('transport-panel').content.cloneNode(true);
  const cells = fillStats(body.querySelector('dl'));
  const chart = body.querySelector('.rate path');
  const chartCaption = body.querySelector('.rate figcaption');
  body.querySelector('caption').textContent = `${name}: quotes`;
  const table = new QuoteTable(body.querySelector('tbody'));
  section.append(body);

  const meter = new TransportMeter(clock);
  const status = section.querySelector('[data-role=status]');
  const pause = section.querySelector('[data-role=pause]');
  let shown = [];

  client.addEventListener('request', () => meter.request(Date.now()));
  client.addEventListener('bytes', ({ detail }) => meter.received(detail.bytes, Date.now()));
  client.addEventListener('quotes', ({ detail }) => {
    const now = Date.now();
    const runs = meter.delivery.newRuns;
    const fresh = detail.quotes.filter((quote) => meter.quote(quote, detail.snapshot, now) >= 0);
    // The server says it lost quotes (gap), or the quotes say so themselves: symbolSeq began again under a higher
    // seq, so the server restarted and what it published before stopping never reached this transport.
    const restarted = meter.delivery.newRuns > runs;
    if (detail.gap || restarted) {
      meter.gaps++;
      table.markGap();
      events.gap(name, { restarted: restarted && !detail.gap });
    }
    fresh.forEach((quote) => table.update(quote));
  });
  client.addEventListener('welcome', ({ detail }) => clock.observe(detail.message.serverTime, detail.receivedAt));
  client.addEventListener('resumed', ({ detail }) => events.resumed(name, detail));
  client.addEventListener('problem', ({ detail }) => events.problem(name, detail));
  client.addEventListener('status', ({ detail }) => {
    status.dataset.state = detail.state;
    status.textContent = detail.text;
    events.status(name, detail);
  });
  const label = (verb) => {
    // The transport's name completes the button's accessible name ("Pause Long polling"); sighted readers see it
    // in the panel's heading beside the button.
    const hidden = document.createElement('span');
    hidden.className = 'visually-hidden';
    hidden.textContent = ` ${name}`;
    pause.replaceChildren(verb, hidden);
  };
  label('Pause');
  pause.addEventListener('click', () => {
    if (client.paused) {
      client.resume();
    } else {
      client.pause();
    }
    pause.dataset.paused = String(client.paused);
    label(client.paused ? 'Resume' : 'Pause');
  });

  return {
    name,
    meter,
    /** Shows rows for `instruments`; symbols no longer shown start afresh if they come back. */
    show(instruments) {
      const next = new Set(instruments.map(({ symbol }) => symbol));
      shown.filter((symbol) => !next.has(symbol)).forEach((symbol) => meter.delivery.forget(symbol));
      shown = [...next];
      table.setSymbols(instruments);
    },
    /** Redraws the numbers and the chart; the page calls it a few times a second, not once per quote. */
    draw(now) {
      const numbers = meter.read(now);
      for (const { key } of FIELDS) {
        const value = numbers[key];
        cells.get(key).textContent = Number.isFinite(value) ? formatCount(value) : '–';
        // The exact number, for tests and for anyone reading the numbers off the page with a script.
        cells.get(key).dataset.value = Number.isFinite(value) ? String(value) : '';
      }
      const series = numbers.bytesPerSecond.slice(0, -1); // the current second is still filling
      const peak = Math.max(0, ...series);
      chart.setAttribute('d', barsPath(series, CHART_WIDTH, CHART_HEIGHT, peak));
      chartCaption.textContent = `Bytes/s, last minute: ${formatCount(series.at(-1) ?? 0)} B/s now, `
        + `${formatCount(peak)} B/s peak`;
      return numbers;
    },
  };
}

function fillStats(list) {
  const cells = new Map();
  for (const { key, label, unit } of FIELDS) {
    const term = document.createElement('dt');
    term.textContent = unit ? `${label} (${unit})` : label;
    const value = document.createElement('dd');
    value.dataset.stat = key;
    // A div per pair is valid in a <dl> and lets the grid place each term above its value.
    const pair = document.createElement('div');
    pair.append(term, value);
    list.append(pair);
    cells.set(key, value);
  }
  return cells;
}
