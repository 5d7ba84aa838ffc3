// Reads the numbers the demo page shows after it has sat on the page for a while, the way a visitor would:
//
//   node measure.mjs <base URL> [seconds, default 60] [results.json]
//
// Prints a Markdown table (one row per transport) and writes the same numbers as JSON. Not a test: it checks
// only that every transport delivered updates, so a broken run does not produce a table of dashes.

import { writeFile } from 'node:fs/promises';
import { PANELS, launch, openPage, watchdog } from './browser.mjs';

const [baseUrl, secondsArg = '60', jsonPath] = process.argv.slice(2);
const seconds = Number(secondsArg);
if (!baseUrl || !(seconds > 0)) {
  console.error('usage: node measure.mjs <base URL> [seconds] [results.json]');
  process.exit(2);
}
watchdog((seconds + 120) * 1000, 'measure');

const browser = await launch();
const problems = [];
let exitCode = 0;
try {
  const page = await openPage(browser, problems);
  await page.goto(baseUrl, { waitUntil: 'load' });
  const started = Date.now();
  await page.waitForTimeout(seconds * 1000);
  await page.waitForTimeout(600); // one more redraw of the numbers
  const results = await page.evaluate((panels) => panels.map((panel) => {
    const stats = Object.fromEntries([...document.querySelectorAll(`${panel} dl [data-stat]`)]
      .map((cell) => [cell.dataset.stat, cell.dataset.value === '' ? null : Number(cell.dataset.value)]));
    return { transport: document.querySelector(`${panel} h2`).textContent, ...stats };
  }), PANELS);
  const elapsed = (Date.now() - started) / 1000;
  const settings = await page.evaluate(() => ({
    symbols: [...document.querySelectorAll('#symbols input:checked')].map((box) => box.value),
    pollIntervalMs: Number(document.getElementById('interval').value),
    clockOffsetMs: document.querySelector('#connection [data-role=offset]').textContent,
  }));
  console.log(`${baseUrl}, ${elapsed.toFixed(0)} s on the page, symbols ${settings.symbols.join(', ')}, `
    + `short polling every ${settings.pollIntervalMs} ms, page clock ahead of server by at most ${settings.clockOffsetMs}\n`);
  console.log('| transport | bytes per update | requests | requests, last 60 s | updates | missed | bytes | staleness p50 (ms) | p99 (ms) |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    console.log(`| ${r.transport} | ${r.bytesPerUpdate?.toFixed(0)} | ${r.requests} | ${r.requestsPerMinute} | ${r.updates} `
      + `| ${r.missed} | ${r.bytes} | ${r.stalenessP50} | ${r.stalenessP99} |`);
  }
  if (jsonPath) {
    await writeFile(jsonPath, JSON.stringify({ baseUrl, seconds: elapsed, settings, results }, null, 2));
  }
  const silent = results.filter((r) => !(r.updates > 0));
  if (silent.length > 0 || problems.length > 0) {
    console.error(`measure: no updates from ${silent.map((r) => r.transport).join(', ') || 'none'}; ${problems.join('; ')}`);
    exitCode = 1;
  }
} finally {
  await browser.close().catch(() => {});
}
process.exit(exitCode);
