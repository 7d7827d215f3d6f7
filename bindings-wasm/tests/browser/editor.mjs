// The browser editor example in Chromium: typing a draft key by key updates findings,
// counters and highlights; the highlight marks exactly the offending words.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import twitter from 'twitter-text';
import {
  engineReport, launchChromium, repoRoot, requireWebBuild, screenshot, serveStatic, shownText, watchErrors,
} from './support/browser.mjs';

// An informal "du" right after an emoji (two UTF-16 units, one character: offsets in the
// wrong encoding would highlight " d" or "du " instead), and more than X's 280 weighted
// characters for the Bergedorf district office, which posts on X only and addresses readers
// with "Sie".
// `display-name` of the account in policies/bergedorf.toml.
const ACCOUNT_NAME = 'Bezirksamt Bergedorf';
const draft = 'Am Samstag räumen wir gemeinsam den Schlosspark auf 🧹 du bist herzlich eingeladen! '
  + 'Treffpunkt ist um 10 Uhr am Haupteingang. Handschuhe, Zangen und Müllsäcke stellt das Bezirksamt. '
  + 'Für Getränke und einen kleinen Imbiss ist gesorgt. Die Aktion dauert bis etwa 14 Uhr, '
  + 'danach zeigen wir die gesammelten Abfälle auf dem Marktplatz. Wir freuen uns auf viele helfende Hände aus der Nachbarschaft.';

let server;
let browser;

before(async () => {
  requireWebBuild();
  server = await serveStatic(repoRoot);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('typing a draft highlights the informal "du" and the part that does not fit on X', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = watchErrors(page);
  await page.goto(`${server.url}/examples/browser-editor/`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.selectOption('#policy', 'bergedorf');
  await page.waitForFunction(() => document.querySelector('#account').value === 'bezirksamt');
  assert.deepEqual(
    await page.$$eval('#platforms input:checked', (inputs) => inputs.map((input) => input.value)),
    ['x'],
    'the account\'s own platforms are ticked',
  );

  // Key by key: every keystroke is an input event and a full check.
  await page.click('#draft');
  await page.keyboard.type(draft);
  assert.equal(await page.inputValue('#draft'), draft);
  await page.waitForSelector('#findings li[data-rule="length.limit"]');

  const rules = await page.$$eval('#findings li', (items) => items.map((item) => item.dataset.rule));
  assert.deepEqual(
    [...new Set(rules)].sort(),
    ['accessibility.emoji', 'address.informal', 'length.limit'],
  );
  assert.match(await page.textContent('#verdict'), /^Blockiert · 1 Fehler, 2 Warnungen, 0 Hinweise$/);
  // The message as the engine words it, capitalised German, the quoted word as code.
  const informal = page.locator('#findings li[data-rule="address.informal"]');
  const expected = engineReport('bergedorf', { text: draft, account: 'bezirksamt', platforms: ['x'] })
    .diagnostics.find((d) => d.rule === 'address.informal');
  assert.equal(await informal.locator('.message').textContent(), shownText(expected.message));
  assert.match(await informal.locator('.message').textContent(), /^Informelle Anrede du \(Du-Form\): Dieses Konto siezt/);
  assert.equal(await informal.locator('.message code').textContent(), 'du');
  assert.equal(await informal.locator('.help').textContent(), shownText(expected.help));

  // Errors first, then warnings, then hints.
  const rank = { error: 0, warning: 1, info: 2 };
  const severities = await page.$$eval('#findings li', (items) => items.map((item) => item.className));
  assert.deepEqual(severities, [...severities].sort((a, b) => rank[a] - rank[b]));
  assert.equal(severities[0], 'error');
  // The account menu shows the account by the name people know it by.
  assert.equal(await page.$eval('#account', (select) => select.selectedOptions[0].text), ACCOUNT_NAME);

  // Highlights: exactly the words, in the mirrored backdrop behind the textarea.
  assert.deepEqual(
    await page.$$eval('mark[data-rule="address.informal"]', (marks) => marks.map((m) => m.textContent)),
    ['du'],
  );
  assert.deepEqual(
    await page.$$eval('mark[data-rule="accessibility.emoji"]', (marks) => marks.map((m) => m.textContent)),
    ['🧹'],
  );
  // twitter-text, X's own counting library, says where the valid part of the post ends.
  const { weightedLength, validRangeEnd } = twitter.parseTweet(draft);
  assert.ok(weightedLength > 280);
  const overflow = draft.slice(validRangeEnd + 1);
  assert.equal(await page.textContent('mark[data-rule="length.limit"]'), overflow);
  assert.ok(overflow.endsWith('aus der Nachbarschaft.') && overflow.length > 100, overflow);
  // A passage is underlined, not painted; a word is painted.
  assert.equal(await page.$eval('mark[data-rule="length.limit"]', (mark) => mark.classList.contains('wide')), true);
  assert.equal(await page.$eval('mark[data-rule="address.informal"]', (mark) => mark.classList.contains('wide')), false);

  // The mark lies under the same text in the textarea: same position on screen.
  const markBox = await page.locator('mark[data-rule="address.informal"]').boundingBox();
  const textareaBox = await page.locator('#draft').boundingBox();
  assert.ok(markBox.x > textareaBox.x && markBox.y > textareaBox.y, 'mark inside the editor');

  // Counter: red, with X's weighted length.
  const counter = page.locator('#counters li[data-platform="x"]');
  assert.equal(await counter.evaluate((item) => item.classList.contains('over')), true);
  assert.equal(await counter.textContent(), `X${weightedLength} / 280`);

  // A click on the finding selects its words in the textarea.
  await page.click('#findings li[data-rule="address.informal"] button[data-index]');
  const selected = await page.$eval('#draft', (area) => area.value.slice(area.selectionStart, area.selectionEnd));
  assert.equal(selected, 'du');

  await page.mouse.move(0, 0);
  const file = await screenshot(page, 'editor', { hide: ['#timing'] });
  assert.ok(file.endsWith('editor.png'));
  assert.deepEqual(errors, []);
  await page.close();
});

test('fixing the draft clears the findings again', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}/examples/browser-editor/`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.selectOption('#policy', 'bergedorf');
  await page.waitForFunction(() => document.querySelector('#account').value === 'bezirksamt');
  await page.fill('#draft', 'Am Samstag räumen wir den Schlosspark auf. Sie sind herzlich eingeladen! 🧹');
  await page.waitForFunction(() => document.querySelector('#verdict').textContent === 'Keine Befunde');
  assert.equal(await page.locator('#findings li').count(), 0);
  assert.equal(await page.locator('.backdrop mark').count(), 0);
  assert.equal(
    await page.$eval('#counters li[data-platform="x"]', (item) => item.classList.contains('over')),
    false,
  );
  await page.close();
});

test('accepting a finding as an exception dims it, names who and why, and frees the verdict', async () => {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  await page.goto(`${server.url}/examples/browser-editor/`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.selectOption('#policy', 'bergedorf');
  await page.waitForFunction(() => document.querySelector('#account').value === 'bezirksamt');
  // The informal "du" is accepted on purpose (say, a campaign written in the du-form).
  await page.fill('#draft', 'Am Samstag räumen wir den Schlosspark auf, du bist herzlich eingeladen!');
  await page.waitForSelector('#findings li[data-rule="address.informal"]');
  assert.equal(await page.textContent('#verdict'), 'Mit Warnungen · 0 Fehler, 1 Warnung, 0 Hinweise');

  const informal = page.locator('#findings li[data-rule="address.informal"]').first();
  await informal.locator('summary').click();
  await informal.locator('input[name="reason"]').fill('Zitat einer Bürgerin');
  await informal.locator('input[name="by"]').fill('k.schulz');
  await informal.locator('button[type="submit"]').click();

  const waived = page.locator('#findings li[data-rule="address.informal"] .freigabe-finding.waived');
  await waived.first().waitFor();
  assert.equal(await waived.first().locator('.waiver').textContent(), 'Ausnahme: Zitat einer Bürgerin — k.schulz');
  assert.equal(await waived.first().evaluate((node) => Number(getComputedStyle(node).opacity) < 1), true);
  // The waived finding no longer counts: the verdict is free, the summary counts it apart,
  // and its mark stays in the text, dimmed.
  assert.equal(await page.textContent('#verdict'), 'Freigabe möglich · 0 Fehler, 0 Warnungen, 0 Hinweise, 1 Ausnahme');
  assert.equal(await page.locator('mark.waived').count(), 1);

  // Taking the exception back restores the finding.
  await page.locator('#findings .waiver-remove').first().click();
  await page.waitForFunction(() => document.querySelector('#verdict').textContent.startsWith('Mit Warnungen'));
  assert.deepEqual(errors, []);
  await page.close();
});

test('the example draft shows the typical slips of a post', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}/examples/browser-editor/`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.click('#example');
  await page.waitForSelector('#findings li[data-rule="links.shortener"]');
  const rules = await page.$$eval('#findings li', (items) => items.map((item) => item.dataset.rule));
  for (const rule of ['address.informal', 'links.https', 'hashtags.duplicate', 'plain-language.bureaucratic']) {
    assert.ok(rules.includes(rule), `${rule} in ${rules}`);
  }
  assert.deepEqual(
    await page.$$eval('mark[data-rule="links.shortener"]', (marks) => marks.map((m) => m.textContent)),
    ['https://bit.ly/libori26'],
  );
  await page.close();
});

test('switching the language recompiles the policy and shows English messages', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}/examples/browser-editor/`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.fill('#draft', 'Hallo du!');
  await page.check('#platforms input[value="x"]');
  await page.waitForSelector('#findings li[data-rule="address.informal"]');
  await page.selectOption('#lang', 'en');
  await page.waitForFunction(() => document.querySelector('#verdict').textContent.startsWith('With warnings'));
  assert.match(await page.textContent('#findings li[data-rule="address.informal"] .message'), /informal/);
  assert.equal(await page.textContent('#findings li[data-rule="address.informal"] .severity'), 'Warning');
  assert.equal(await page.inputValue('#draft'), 'Hallo du!', 'the draft stays');
  assert.deepEqual(
    await page.$$eval('#platforms input:checked', (inputs) => inputs.map((input) => input.value)),
    ['x', 'instagram', 'facebook'],
    'and so do the chosen platforms',
  );
  await page.close();
});
