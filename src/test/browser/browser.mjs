// What the browser tests share: Debian's headless Chromium, named checks with bounded waits, and readers of the
// numbers the page shows. Every wait is bounded; a failed check throws with its name and what was expected.

import { chromium } from 'playwright-core';

export const STEP_TIMEOUT_MS = 15_000;
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];
export const PANELS = ['#push', '#sse', '#longpoll', '#poll'];

/** Exits the process with 1 if the whole run takes longer than `ms`: a hung browser must not hang the build. */
export function watchdog(ms, name) {
  setTimeout(() => {
    console.error(`${name}: FAILED: the whole run took longer than ${ms / 1000} s`);
    process.exit(1);
  }, ms).unref();
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_FLAGS,
    timeout: 30_000,
  });
}

/** A page with a fixed locale (the checks read formatted numbers) that records errors into `problems`. */
export async function openPage(browser, problems, { ignoreNetworkErrors = false } = {}) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  page.on('pageerror', (error) => problems.push(`uncaught error in the page: ${error.message}`));
  page.on('console', (message) => {
    // While a server restarts, the browser itself logs the refused connections; nothing else may be an error.
    const network = /Failed to load resource|WebSocket connection to .* failed|net::ERR_/.test(message.text());
    if (message.type() === 'error' && !(ignoreNetworkErrors && network)) {
      problems.push(`console error: ${message.text()}`);
    }
  });
  return page;
}

/**
 * One browser test from start to end: launches Chromium, opens a page (`pageOptions` as for `openPage`), runs
 * `body(page, problems)`, saves a screenshot if a path is given, and closes the browser whatever happened. Prints a
 * failure with what the page reported meanwhile, then the count line; returns the exit code, 0 or 1.
 */
export async function runPageTest(name, screenshotPath, pageOptions, body) {
  const browser = await launch();
  const problems = [];
  let exitCode = 0;
  try {
    const page = await openPage(browser, problems, pageOptions);
    await body(page, problems);
    if (screenshotPath) {
      await page.screenshot({ path: screenshotPath, fullPage: true });
      console.log(`screenshot saved to ${screenshotPath}`);
    }
  } catch (error) {
    console.error(`${name}: FAILED: ${error.message}`);
    if (problems.length > 0) {
      console.error(`  also seen in the page: ${problems.join('; ')}`);
    }
    exitCode = 1;
  } finally {
    await browser.close().catch(() => {});
  }
  console.log(`${name}: ${passedChecks()} passed, ${exitCode === 0 ? 0 : 1} failed`);
  return exitCode;
}

let passed = 0;

/** Runs one named check; a failure is reported under that name. */
export async function check(name, body) {
  try {
    await body();
  } catch (error) {
    const reason = error.name === 'TimeoutError' ? `not true within ${STEP_TIMEOUT_MS / 1000} s` : error.message;
    throw new Error(`${name}: ${reason}`, { cause: error });
  }
  passed++;
  console.log(`ok ${passed} - ${name}`);
}

export const passedChecks = () => passed;

/** The exact value of a panel's counter (its data-value), NaN while it shows none. */
export async function stat(page, panel, key) {
  const value = await page.locator(`${panel} [data-stat=${key}]`).first().getAttribute('data-value');
  return value ? Number(value) : NaN;
}

/** Waits until `panel`'s counter `key` reaches `atLeast`. */
export async function statReaches(page, panel, key, atLeast, timeout = STEP_TIMEOUT_MS) {
  await page.waitForFunction(([selector, minimum]) => {
    const value = document.querySelector(selector)?.dataset.value;
    return value !== undefined && value !== '' && Number(value) >= minimum;
  }, [`${panel} dl [data-stat=${key}]`, atLeast], { timeout });
}

/** Per panel, per symbol row: the seq and price it shows. */
export async function rows(page) {
  return page.evaluate((panels) => Object.fromEntries(panels.map((panel) => [panel,
    Object.fromEntries([...document.querySelectorAll(`${panel} tbody tr`)].map((row) => [row.dataset.symbol,
      { seq: Number(row.dataset.seq ?? 0), price: row.querySelector('.price').textContent }]))])), PANELS);
}

/** Fails with the collected problems and any entry of the page's own message log that `expected` does not match. */
export async function expectNoProblems(page, problems, { allowLog = false, expected = /^$/ } = {}) {
  if (problems.length > 0) {
    throw new Error(problems.join('; '));
  }
  const entries = (await page.locator('#log li').allInnerTexts()).filter((entry) => !expected.test(entry));
  if (!allowLog && entries.length > 0) {
    throw new Error(`the page's message log is not empty: ${entries.join('; ')}`);
  }
}
