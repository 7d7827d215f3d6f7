// The quarterly report of the example archive in real Chromium: the page renders its charts
// at a readable size, shows its headings and figures, and loads nothing from elsewhere (every
// request but the page itself fails the test). Saves a full-page screenshot of the election
// quarter (see screenshots.mjs: target/screenshots/report.png, and docs/images/report.png
// outside CI).
//
// The report comes from the built CLI (`cargo build -p freigabe-cli`; FREIGABE_BIN overrides
// target/debug/freigabe), or from an HTML file named by FREIGABE_REPORT_HTML.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { saveScreenshot } from './screenshots.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const binary = process.env.FREIGABE_BIN || path.join(root, 'target/debug/freigabe');
/** One finding's title written out once, as readers see it: German, capitalised. */
const LITERAL_TITLE = 'Fehlender Alternativtext';
/** The page's own address; answered from memory, so no server and no other origin. */
const pageUrl = 'http://report.freigabe.invalid/';

function cli(args) {
  if (!existsSync(binary)) {
    throw new Error(`${binary} is missing: run \`cargo build -p freigabe-cli\` first (or set FREIGABE_BIN)`);
  }
  return execFileSync(binary, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
}

/** Renders the report of the example archive with the CLI (German unless `lang` says). */
function report({ from, to, lang = 'de', format = 'html' } = {}) {
  if (process.env.FREIGABE_REPORT_HTML && !from && format === 'html') {
    return readFileSync(process.env.FREIGABE_REPORT_HTML, 'utf8');
  }
  const args = [
    'report', '--policy', 'policies/paderborn.toml',
    '--archive', 'examples/archive/posts.jsonl', '--comments', 'examples/archive/comments.jsonl',
    '--format', format, '--lang', lang,
  ];
  if (from) args.push('--from', from, '--to', to);
  return cli(args);
}

/** Each rule's German title as the engine names it (`freigabe explain`: id, title, summary). */
function germanTitles() {
  const titles = new Map();
  for (const line of cli(['explain', '--lang', 'de']).split('\n')) {
    const [id, title] = line.split(/\s{2,}/);
    if (id && title) titles.set(id, title);
  }
  return titles;
}

let browser;

before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
});

/**
 * Opens `html` as the page at `pageUrl`. Every other request is aborted and recorded;
 * console errors and page errors are recorded too.
 */
async function open(html, viewport = { width: 1000, height: 1200 }) {
  const page = await browser.newPage({ viewport });
  const foreign = [];
  const errors = [];
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url === pageUrl) {
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    }
    foreign.push(url);
    return route.abort('blockedbyclient');
  });
  await page.goto(pageUrl, { waitUntil: 'load' });
  return { page, foreign, errors };
}

/** Width and height of every chart as laid out. */
async function chartSizes(page) {
  return page.$$eval('figure svg', (charts) => charts.map((chart) => {
    const box = chart.getBoundingClientRect();
    return { width: box.width, height: box.height, label: chart.getAttribute('aria-label') };
  }));
}

test('the election quarter renders its charts, figures and the flagged rise', async () => {
  const html = report({ from: '2025-07-01', to: '2025-09-30' });
  const { page, foreign, errors } = await open(html);
  try {
    assert.deepEqual(foreign, [], 'the page requested something besides itself');
    assert.deepEqual(errors, []);
    assert.match(await page.title(), /Quartalsbericht Stadt Paderborn/);
    assert.ok(await page.isVisible('h1'));
    assert.ok(await page.isVisible('h2:has-text("Auf einen Blick")'));
    // The summary: one row per account, with posts and the share of weeks in the band.
    const rows = await page.$$eval('section.summary tbody tr', (trs) => trs.map((tr) => tr.innerText));
    assert.equal(rows.length, 2);
    assert.match(rows[0], /Bürgermeister Michael Dreier/);
    assert.match(rows[0], /\d+\s%/);
    for (const heading of ['3. Quartal 2025']) {
      assert.equal(await page.locator(`h3:has-text("${heading}")`).count(), 2, heading);
    }
    assert.ok(await page.isVisible('text=Auffällig: mehr Beiträge vor der Wahl'));
    assert.ok(await page.isVisible('text=Vorwahlzeit: Kommunalwahl NRW 2025'));

    // Weekly bars, findings by rule and response times for the official account; the
    // private account has no band but its own weekly bars and findings.
    const charts = await chartSizes(page);
    assert.ok(charts.length >= 5, `${charts.length} charts`);
    for (const chart of charts) {
      assert.ok(chart.width >= 600 && chart.height >= 40, `${chart.label}: ${chart.width}×${chart.height}`);
    }
    const bars = await page.$$eval('figure:first-of-type svg rect[fill-opacity]', (rects) =>
      rects.map((rect) => rect.getBoundingClientRect().height));
    assert.ok(bars.length >= 13, `${bars.length} weekly bars`);
    assert.ok(bars.some((height) => height > 20), 'weekly bars have height');
    // The data tables behind every chart.
    assert.equal(await page.locator('figure details table').count(), charts.length);

    // The findings as the engine names them: the most frequent rules of the official
    // account, each by its German title with the id beside it as code.
    const json = JSON.parse(report({ from: '2025-07-01', to: '2025-09-30', format: 'json' }));
    const titles = germanTitles();
    const top = json.accounts[0].total.findings.by_rule.slice(0, 3).map((rule) => rule.rule);
    const named = await page.$$eval('section.summary tbody tr:first-child td:nth-child(5) code.rule-id',
      (codes) => codes.map((code) => ({ id: code.textContent, before: code.previousSibling?.textContent ?? '' })));
    assert.deepEqual(named.map((rule) => rule.id), top);
    for (const { id, before } of named) {
      assert.ok(titles.get(id), `${id} has a German title`);
      assert.ok(before.endsWith(`${titles.get(id)} `), `${id}: "${before}"`);
    }
    assert.ok(await page.isVisible(`text=${LITERAL_TITLE}`), `${LITERAL_TITLE} is shown`);

    await saveScreenshot(page, 'report');
  } finally {
    await page.close();
  }
});

test('the whole archive report loads nothing from elsewhere and every chart has a size', async () => {
  const html = report();
  const { page, foreign, errors } = await open(html);
  try {
    assert.deepEqual(foreign, []);
    assert.deepEqual(errors, []);
    const charts = await chartSizes(page);
    // Two accounts, the whole period and ten quarters each, at least two charts per period.
    assert.ok(charts.length >= 2 * 11 * 2, `${charts.length} charts`);
    for (const chart of charts) {
      assert.ok(chart.width > 0 && chart.height > 0, chart.label);
    }
    const quarters = await page.locator('section.quarter h3').allInnerTexts();
    assert.ok(quarters.includes(quarters.find((q) => q.startsWith('2. Quartal 2024'))), quarters.join(', '));
  } finally {
    await page.close();
  }
});

test('the English report is English', async () => {
  const html = report({ from: '2026-04-01', to: '2026-06-30', lang: 'en' });
  const { page, foreign } = await open(html);
  try {
    assert.deepEqual(foreign, []);
    assert.ok(await page.isVisible('h2:has-text("At a glance")'));
    assert.equal(await page.locator('h3:has-text("Q2 2026")').count(), 2);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
  } finally {
    await page.close();
  }
});
