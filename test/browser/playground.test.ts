import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, startStack, type Stack } from '../../scripts/lib/processes.js';

const CHROMIUM = '/usr/bin/chromium';
const KEY = 'browser-test-key';
const SEED =
  'The Internet is the global system of interconnected computer networks that use the Internet protocol suite to link devices worldwide.';
const ARTIFACTS = join(ROOT, 'test-artifacts');
const available = existsSync(CHROMIUM);

if (!available && !process.env.CI) console.warn(`\n*** SKIPPED: the browser test needs ${CHROMIUM} (apt-get install chromium) ***\n`);

describe.runIf(process.env.CI && !available)('the browser test in CI', () => {
  it('has Chromium, which .ci/run installs', () => {
    throw new Error(`${CHROMIUM} is missing: .ci/run must install the chromium package`);
  });
});

describe.runIf(available)('the playground in a real browser', () => {
  let browser: Browser;
  let stack: Stack | undefined;
  let base = '';
  const problems: string[] = [];

  beforeAll(async () => {
    stack = await startStack({ AUTH_KEY: KEY, LOG_LEVEL: 'warn' });
    base = stack.base;
    // The flags that work on these machines: no sandbox as root, and no background traffic to the network.
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ],
    });
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  /** The JSON body of the next POST /keywords the page sends. */
  const nextKeywordsRequest = (page: Page) =>
    page.waitForRequest((req) => req.method() === 'POST' && req.url() === `${base}/keywords`).then((req) => req.postDataJSON() as unknown);

  it('shows the keywords of the seed text, highlights entities and tags tokens', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('request', (req) => !req.url().startsWith(base) && problems.push(`external request: ${req.url()}`));

    await page.goto(base);
    // The keywords algorithm starts on the recommended one, PositionRank.
    expect(await page.locator('#algorithm').inputValue()).toBe('positionrank');
    expect(await page.locator('#algorithm option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))).toEqual([
      'positionrank', 'multipartiterank', 'rake', 'yake',
    ]);
    expect(await page.locator('#algorithm option:checked').textContent()).toBe('PositionRank — short texts (recommended)');

    await page.fill('#key', KEY);
    await page.fill('#text', `${SEED} Angela Merkel met Emmanuel Macron in Paris.`);
    const sent = nextKeywordsRequest(page);
    await page.click('#run');
    expect(await sent).toEqual({ text: `${SEED} Angela Merkel met Emmanuel Macron in Paris.`, algorithm: 'positionrank' });
    await page.waitForSelector('#keywords li .candidate');
    expect(await page.locator('#keywords .candidate').count()).toBeGreaterThan(0);
    for (const score of await page.locator('#keywords .score').allTextContents()) expect(Number.isFinite(Number(score)), score).toBe(true);

    const entities = await page.locator('#annotated mark.entity').evaluateAll((marks) => marks.map((m) => (m as HTMLElement).dataset.label));
    expect(entities).toEqual(expect.arrayContaining(['PERSON', 'GPE']));
    const tagged = await page.locator('#annotated .token').first().getAttribute('title');
    expect(tagged).toMatch(/^[A-Z$]+/);

    await page.screenshot({ path: join(ARTIFACTS, 'playground.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('sends the algorithm chosen in the select, and shows its keywords with their scores', async () => {
    const page = await browser.newPage();
    await page.goto(base);
    await page.fill('#key', KEY);
    await page.fill('#text', SEED);
    for (const algorithm of ['rake', 'yake', 'multipartiterank']) {
      await page.selectOption('#algorithm', algorithm);
      const sent = nextKeywordsRequest(page);
      await page.click('#run');
      expect(await sent).toEqual({ text: SEED, algorithm });
      await expect.poll(() => page.locator('#run').isEnabled()).toBe(true);
      expect(await page.locator('#status').textContent()).toMatch(/^\d+ keywords/);
      if (algorithm === 'rake') {
        const rows = await page.locator('#keywords li').evaluateAll((items) => items.map((li) => li.textContent));
        expect(rows).toContain('interconnected computer networks9');
      }
    }
    await page.close();
  }, 60_000);

  it('shows a clear message for a wrong key', async () => {
    const page = await browser.newPage();
    await page.goto(base);
    await page.fill('#key', 'wrong');
    await page.click('#run');
    await expect.poll(() => page.locator('#status').textContent()).toContain('invalid API key');
    await page.close();
  }, 30_000);

  it('renders the API reference at /docs from the OpenAPI document, within the page policy', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const docsProblems: string[] = [];
    page.on('console', (message) => message.type() === 'error' && docsProblems.push(message.text()));
    page.on('request', (req) => !req.url().startsWith(base) && docsProblems.push(`external request: ${req.url()}`));
    await page.goto(`${base}/docs`);
    await page.waitForSelector('.opblock-summary-path');
    const paths = await page.locator('.opblock-summary-path').allTextContents();
    expect(paths.map((p) => p.replace(/\u200b/g, ''))).toEqual(expect.arrayContaining(['/keywords', '/batch/entities']));
    await page.screenshot({ path: join(ARTIFACTS, 'docs.png') });
    expect(docsProblems).toEqual([]);
    await page.close();
  }, 60_000);
});
