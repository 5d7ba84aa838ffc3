// Browser smoke test of the demo page, in a real headless Chromium (Debian's; browsers cannot be downloaded).
//
//   node smoke.mjs <base URL> [screenshot.png]
//
// e.g. node smoke.mjs http://127.0.0.1:8080/ or http://host:8080/ticker/ for the WAR. Every wait is bounded;
// the first failed check stops the run with a message naming it, and the exit code is 1 (2 for bad usage).
// CHROMIUM_PATH overrides /usr/bin/chromium.

import { chromium } from 'playwright-core';

const STEP_TIMEOUT_MS = 10_000;
const WHOLE_RUN_TIMEOUT_MS = 120_000;
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

const [baseUrl, screenshotPath] = process.argv.slice(2);
let passed = 0;

if (!baseUrl || !/^https?:\/\//.test(baseUrl)) {
  console.error('usage: node smoke.mjs <base URL, e.g. http://127.0.0.1:8080/> [screenshot.png]');
  process.exit(2);
} else {
  process.exit(await main());
}

/** Runs every check in a fresh browser; returns the exit code. */
async function main() {
  // A hung browser must not hang the build.
  const watchdog = setTimeout(() => {
    console.error(`smoke: FAILED: the whole run took longer than ${WHOLE_RUN_TIMEOUT_MS / 1000} s`);
    process.exit(1);
  }, WHOLE_RUN_TIMEOUT_MS);
  watchdog.unref();

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_FLAGS,
    timeout: 30_000,
  });
  const problems = [];
  let exitCode = 0;
  try {
    // A fixed locale, so the number formats the checks read do not depend on the machine's LANG.
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    page.on('pageerror', (error) => problems.push(`uncaught error in the page: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') {
        problems.push(`console error: ${message.text()}`);
      }
    });
    await run(page);
    await check('the page logged no errors', async () => {
      if (problems.length > 0) {
        throw new Error(problems.join('; '));
      }
      // The page's own log shows server errors and lost connections; a healthy run has none.
      const entries = await page.locator('#log li').allInnerTexts();
      if (entries.length > 0) {
        throw new Error(`the page's message log is not empty: ${entries.join('; ')}`);
      }
    });
    if (screenshotPath) {
      await page.screenshot({ path: screenshotPath, fullPage: true });
      console.log(`screenshot saved to ${screenshotPath}`);
    }
  } catch (error) {
    console.error(`smoke: FAILED: ${error.message}`);
    if (problems.length > 0) {
      console.error(`  also seen in the page: ${problems.join('; ')}`);
    }
    exitCode = 1;
  } finally {
    await browser.close().catch(() => {});
  }
  console.log(`smoke: ${passed} passed, ${exitCode === 0 ? 0 : 1} failed`);
  return exitCode;
}

/** Runs one named check; a failure is reported under that name, with what was expected. */
async function check(name, body) {
  try {
    await body();
  } catch (error) {
    const reason = error.name === 'TimeoutError' ? `not true within ${STEP_TIMEOUT_MS / 1000} s` : error.message;
    throw new Error(`${name}: ${reason}`, { cause: error });
  }
  passed++;
  console.log(`ok ${passed} - ${name}`);
}

async function run(page) {
  await check(`the page loads from ${baseUrl}`, async () => {
    const response = await page.goto(baseUrl, { waitUntil: 'load' });
    if (!response?.ok()) {
      throw new Error(`HTTP ${response?.status()}`);
    }
  });

  await check('the WebSocket panel says it is live', () =>
    page.locator('#push [data-role=status]').filter({ hasText: /^Live$/ }).waitFor());

  await check('the WebSocket table shows quotes for the default symbols', () => page.waitForFunction(() => {
    const rows = [...document.querySelectorAll('#push tbody tr')];
    return rows.length >= 3 && rows.every((row) => row.dataset.seq
      && /^\d[\d,]*\.\d\d$/.test(row.querySelector('.price').textContent));
  }));

  await check('WebSocket quotes keep arriving (seq and price change)', async () => {
    const before = await pushRows(page);
    await page.waitForFunction((earlier) => {
      const rows = [...document.querySelectorAll('#push tbody tr')];
      return rows.some((row) => Number(row.dataset.seq) > earlier[row.dataset.symbol].seq
        && row.querySelector('.price').textContent !== earlier[row.dataset.symbol].price);
    }, before);
    if (await stat(page, '#push', 'messages') < 2) {
      throw new Error('the message counter did not count the messages');
    }
  });

  await check('the polling panel keeps polling (its request counter increases)', async () => {
    const before = await stat(page, '#poll', 'requests');
    await page.waitForFunction((earlier) =>
      Number(document.querySelector('#poll [data-stat=requests]').textContent.replace(/\D/g, '')) >= earlier + 2,
    before);
  });

  await check('the polling table shows quotes for the same symbols', () => page.waitForFunction(() => {
    const symbols = (panel) => [...document.querySelectorAll(`${panel} tbody tr[data-seq]`)]
      .map((row) => row.dataset.symbol).join();
    return symbols('#poll') !== '' && symbols('#poll') === symbols('#push');
  }));

  const symbol = await page.locator('#symbols input:checked').first().inputValue();
  const box = page.locator(`#symbols input[value="${symbol}"]`);
  const rowsOf = `#push tr[data-symbol="${symbol}"], #poll tr[data-symbol="${symbol}"]`;

  await check(`unticking ${symbol} removes it from both panels`, async () => {
    await box.uncheck();
    await page.waitForFunction((selector) => !document.querySelector(selector), rowsOf);
    // And it stays gone: late quotes for it must not bring it back.
    await page.waitForTimeout(1500);
    if (await page.locator(rowsOf).count() > 0) {
      throw new Error(`${symbol} came back after 1.5 s without being ticked`);
    }
  });

  await check(`ticking ${symbol} again brings it back, with quotes, to both panels`, async () => {
    await box.check();
    await page.waitForFunction((s) =>
      document.querySelector(`#push tr[data-symbol="${s}"][data-seq]`)
      && document.querySelector(`#poll tr[data-symbol="${s}"][data-seq]`), symbol);
  });
}

async function pushRows(page) {
  return page.evaluate(() => Object.fromEntries([...document.querySelectorAll('#push tbody tr')].map((row) =>
    [row.dataset.symbol, { seq: Number(row.dataset.seq ?? 0), price: row.querySelector('.price').textContent }])));
}

async function stat(page, panel, key) {
  const text = await page.locator(`${panel} [data-stat=${key}]`).textContent();
  return Number(text.replace(/\D/g, ''));
}
