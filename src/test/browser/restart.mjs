// Browser test of the demo page across a server restart, driven by DemoPageRestartIT, which owns the server:
//
//   node restart.mjs <base URL> [screenshot.png]
//
// The page goes live on all four transports; then this script prints "ready-for-restart" and waits for a line
// "restarted" on stdin (the test has stopped the server and started a new one on the same port). Then every
// transport must reconnect by itself, the gap must be marked (the new server's history cannot reach into the old
// run), and fresh quotes from the new run must show. Exit code 0 when every check passed, 1 otherwise.

import { createInterface } from 'node:readline';
import {
  PANELS, check, expectNoProblems, rows, runPageTest, watchdog,
} from './browser.mjs';

const RECONNECT_TIMEOUT_MS = 60_000;
const [baseUrl, screenshotPath] = process.argv.slice(2);
if (!baseUrl) {
  console.error('usage: node restart.mjs <base URL> [screenshot.png]');
  process.exit(2);
}
watchdog(300_000, 'restart');
const stdinLines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
process.exit(await main());

async function main() {
  return runPageTest('restart', screenshotPath, { ignoreNetworkErrors: true }, async (page, problems) => {
    await run(page);
    await check('the page threw no errors (refused connections while the server was down aside)',
      () => expectNoProblems(page, problems, { allowLog: true }));
  });
}

async function run(page) {
  await check(`the page loads from ${baseUrl} and every panel goes live with quotes`, async () => {
    await page.goto(baseUrl, { waitUntil: 'load' });
    await page.waitForFunction((panels) => panels.every((panel) =>
      document.querySelector(`${panel} [data-role=status]`).dataset.state === 'live'
      && document.querySelector(`${panel} tbody tr[data-seq]`)), PANELS);
  });
  const before = await rows(page);
  const highest = Object.fromEntries(PANELS.map((panel) =>
    [panel, Math.max(...Object.values(before[panel]).map(({ seq }) => seq))]));

  console.log('ready-for-restart');
  const { value: line } = await stdinLines.next();
  if (line !== 'restarted') {
    throw new Error(`expected "restarted" from the test, got ${JSON.stringify(line)}`);
  }

  await check('the WebSocket reconnects by itself and counts the reconnect', async () => {
    await page.locator('#connection [data-role=status][data-state=live]').waitFor({ timeout: RECONNECT_TIMEOUT_MS });
    const reconnects = Number(await page.locator('#connection [data-role=reconnects]').textContent());
    if (!(reconnects >= 1)) {
      throw new Error(`the connection panel shows ${reconnects} reconnects`);
    }
  });

  await check('the WebSocket could not resume into the old run and marks the gap', () =>
    page.locator('#connection [data-role=markers] li[data-kind=gap]').filter({ hasText: 'WebSocket push' })
      .first().waitFor({ timeout: RECONNECT_TIMEOUT_MS }));

  // Server-sent events learn it from the server, like the WebSocket: the stream resumes with Last-Event-ID and the
  // new run answers with a "gap" snapshot. The polls can only tell from symbolSeq beginning again, which a poller
  // whose backoff outlasted the old run's life no longer sees (the new run's symbolSeq has caught up): for them the
  // test asks only that they come back with quotes of the new run (below).
  for (const name of ['Server-sent events']) {
    await check(`${name} marks the gap too`, () =>
      page.locator('#connection [data-role=markers] li[data-kind=gap]').filter({ hasText: name })
        .first().waitFor({ timeout: RECONNECT_TIMEOUT_MS }));
  }

  for (const panel of PANELS) {
    await check(`${panel} is live again and shows quotes of the new run`, () => page.waitForFunction(([p, seq]) =>
      document.querySelector(`${p} [data-role=status]`).dataset.state === 'live'
      && [...document.querySelectorAll(`${p} tbody tr`)].some((row) => Number(row.dataset.seq) > seq),
    [panel, highest[panel]], { timeout: RECONNECT_TIMEOUT_MS }));
  }

  await check('the page logged the loss of the WebSocket and its return, once each', async () => {
    const entries = await page.locator('#log li').allInnerTexts();
    const lost = entries.filter((entry) => /WebSocket push: connection lost/.test(entry));
    const back = entries.filter((entry) => /WebSocket push: connected again/.test(entry));
    if (lost.length !== 1 || back.length !== 1) {
      throw new Error(`log: ${entries.join(' | ')}`);
    }
  });
}
