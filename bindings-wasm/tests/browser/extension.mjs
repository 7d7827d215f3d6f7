// The Manifest V3 extension in Chromium: loaded unpacked into a fresh profile (extensions
// need a persistent context; headless Chromium loads them), its content script flags an
// informal "du" in a textarea of an ordinary page, the panel lists the finding and the
// service worker sets the tab's badge.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildExtension } from '../../../examples/browser-extension/build.mjs';
import {
  engineReport, launchWithExtension, requireWebBuild, screenshot, serveStatic, shownText,
} from './support/browser.mjs';

// A stand-in for a CMS form: a textarea and a rich-text field.
const cmsPage = `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>CMS</title>
<link rel="icon" href="data:,"></head><body style="font:15px system-ui;margin:2rem;color:#1c2430">
<h1 style="font-size:1.4rem">Beitrag bearbeiten</h1>
<label>Text<br><textarea id="post" rows="4" style="width:36rem;font:16px/1.5 system-ui;padding:.6rem .7rem;
  border:1px solid #c3cad4;border-radius:6px;margin-top:.3rem"></textarea></label>
<div id="rich" contenteditable="true" style="border:1px solid #ccc;margin-top:12rem;padding:.5rem;min-height:3rem"></div>
<iframe id="wysiwyg" title="Editor" style="width:40rem;height:8rem"
  srcdoc="&lt;body contenteditable='true' style='font:15px system-ui'&gt;&lt;/body&gt;"></iframe>
</body></html>`;

let server;
let extensionDir;
let browser;
let worker;

before(async () => {
  requireWebBuild();
  extensionDir = buildExtension(mkdtempSync(path.join(tmpdir(), 'freigabe-extension-')));
  server = await serveStatic(extensionDir, { routes: { '/cms.html': cmsPage } });
  browser = await launchWithExtension(extensionDir);
  [worker] = browser.context.serviceWorkers();
  worker ??= await browser.context.waitForEvent('serviceworker');
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (extensionDir) rmSync(extensionDir, { recursive: true, force: true });
});

// Badge texts of all open tabs, read in the service worker.
function badges() {
  return worker.evaluate(async () => {
    const tabs = await chrome.tabs.query({});
    return Promise.all(tabs.map((tab) => chrome.action.getBadgeText({ tabId: tab.id })));
  });
}

// The toolbar icon cannot be read back: the worker's setIcon calls are recorded instead, as
// the colour of the icon's centre pixel (the disc) per call.
function recordIcons() {
  return worker.evaluate(() => {
    globalThis.iconColours = [];
    const setIcon = chrome.action.setIcon.bind(chrome.action);
    chrome.action.setIcon = (details) => {
      const image = details.imageData[16];
      const at = (4 * image.width + 4) * 4;
      globalThis.iconColours.push(Array.from(image.data.slice(at, at + 3)));
      return setIcon(details);
    };
  });
}

test('a textarea on any page gets a findings panel and the tab a badge', async () => {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 900, height: 560 });
  await page.goto(`${server.url}/cms.html`);
  await recordIcons();
  await page.click('#post');
  const text = 'Liebe Paderbornerinnen und Paderborner, du bist herzlich eingeladen!';
  await page.keyboard.type(text);

  const finding = page.locator('#freigabe-panel-host li[data-rule="address.informal"]');
  await finding.waitFor();
  // The engine's German message, capitalised; the quoted word as code; the help below it.
  const expected = engineReport('paderborn', { text, account: 'buergermeister' })
    .diagnostics.find((d) => d.rule === 'address.informal');
  assert.equal(await finding.locator('.message').textContent(), shownText(expected.message));
  assert.match(await finding.locator('.message').textContent(), /^Informelle Anrede du \(Du-Form\): Dieses Konto siezt/);
  assert.equal(await finding.locator('.message code').textContent(), 'du');
  assert.equal(await finding.locator('.help').textContent(), shownText(expected.help));
  assert.match(
    await page.locator('#freigabe-panel-host strong').textContent(),
    /^freigabe: Mit Warnungen · 0 Fehler, 1 Warnung, 0 Hinweise$/,
  );
  // The warning icon in the panel and in the toolbar (the amber disc).
  assert.equal(await page.locator('#freigabe-panel-host header svg').getAttribute('data-verdict'), 'warn');
  const colours = await worker.evaluate(() => globalThis.iconColours);
  assert.deepEqual(colours.at(-1), [0x8a, 0x5a, 0x00], 'amber toolbar icon');

  // The word is marked in the field itself: a mark over the textarea holding exactly "du".
  const mark = page.locator('#freigabe-marks-host mark[data-rule="address.informal"]');
  assert.deepEqual(await mark.allTextContents(), ['du']);
  const markBox = await mark.boundingBox();
  const areaBox = await page.locator('#post').boundingBox();
  assert.ok(markBox.x > areaBox.x && markBox.y > areaBox.y
    && markBox.x + markBox.width < areaBox.x + areaBox.width, 'mark inside the textarea');
  // The form with the mark in the field and the panel under it.
  await page.mouse.move(0, 0);
  await screenshot(page, 'extension', { fullPage: false, clip: { x: 0, y: 0, width: 720, height: 400 } });
  // The panel sits below the field it belongs to.
  const field = await page.locator('#post').boundingBox();
  const panel = await page.locator('#freigabe-panel-host .panel').boundingBox();
  assert.ok(panel.y >= field.y + field.height, 'panel below the textarea');

  // The worker answered after setting the badge: one warning.
  assert.ok((await badges()).includes('1'), 'badge shows one finding');

  // A click on the finding selects "du" in the textarea.
  await finding.click();
  assert.equal(
    await page.$eval('#post', (area) => area.value.slice(area.selectionStart, area.selectionEnd)),
    'du',
  );

  // Fixed: the pass icon, and the mark is gone.
  await page.fill('#post', 'Liebe Paderbornerinnen und Paderborner, Sie sind herzlich eingeladen!');
  await page.waitForFunction(() => document.querySelector('#freigabe-panel-host')
    .shadowRoot.querySelector('header svg')?.dataset.verdict === 'pass');
  assert.deepEqual(await worker.evaluate(() => globalThis.iconColours.at(-1)), [0x1f, 0x7a, 0x3a], 'green toolbar icon');
  assert.equal(await page.locator('#freigabe-marks-host mark').count(), 0);
  await page.close();
});

test('the marks over a textarea follow its scrolling and its size', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}/cms.html`);
  await page.click('#post');
  const lines = Array.from({ length: 12 }, (_, i) => `Zeile ${i + 1} des Entwurfs.`).join('\n');
  await page.keyboard.insertText(`${lines}\nKommst du auch?`);
  const mark = page.locator('#freigabe-marks-host mark[data-rule="address.informal"]');
  await mark.waitFor({ state: 'attached' });
  assert.deepEqual(await mark.allTextContents(), ['du']);
  // Scrolled to the end, the last line is in view: its mark inside the field's box.
  await page.$eval('#post', (area) => { area.scrollTop = area.scrollHeight; });
  await page.waitForTimeout(50);
  const inside = async () => {
    const [markBox, areaBox] = [await mark.boundingBox(), await page.locator('#post').boundingBox()];
    return markBox.y >= areaBox.y && markBox.y + markBox.height <= areaBox.y + areaBox.height
      && markBox.x >= areaBox.x && markBox.x + markBox.width <= areaBox.x + areaBox.width;
  };
  assert.ok(await inside(), 'mark moves with the scrolled text');
  // Wider: the text wraps differently and the mirror with it.
  await page.$eval('#post', (area) => { area.style.width = '50rem'; area.scrollTop = area.scrollHeight; });
  await page.waitForTimeout(100);
  assert.ok(await inside(), 'mark follows the resized field');
  await page.close();
});

test('contenteditable fields are watched too, and fixing the text clears the panel', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}/cms.html`);
  await page.click('#rich');
  await page.keyboard.type('Macht mit beim Stadtputz!');
  await page.locator('#freigabe-panel-host li[data-rule="address.informal"]').waitFor();
  // Marked in the field by the Custom Highlight API: the page's DOM stays as it was.
  const span = engineReport('paderborn', { text: 'Macht mit beim Stadtputz!', account: 'buergermeister' })
    .diagnostics.find((d) => d.rule === 'address.informal').span;
  assert.deepEqual(
    await page.evaluate(() => [...CSS.highlights.get('freigabe-warning')].map((range) => range.toString())),
    ['Macht mit beim Stadtputz!'.slice(span.start_utf16, span.end_utf16)],
  );
  assert.equal(await page.$eval('#rich', (rich) => rich.innerHTML), 'Macht mit beim Stadtputz!');
  // A click on the finding selects its words there too.
  await page.locator('#freigabe-panel-host li[data-rule="address.informal"]').click();
  assert.equal(
    await page.evaluate(() => getSelection().toString()),
    'Macht mit beim Stadtputz!'.slice(span.start_utf16, span.end_utf16),
  );
  await page.click('#rich');

  await page.keyboard.press('Control+A');
  await page.keyboard.type('Machen Sie mit beim Stadtputz!');
  await page.waitForFunction(
    () => document.querySelector('#freigabe-panel-host')?.shadowRoot.querySelector('strong').textContent === 'freigabe: Keine Befunde',
  );
  assert.equal(await page.locator('#freigabe-panel-host li').count(), 0);
  assert.equal(await page.evaluate(() => CSS.highlights.get('freigabe-warning').size), 0);
  await page.close();
});

test('rich-text editors in an iframe (TinyMCE, CKEditor 4) are watched as well', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}/cms.html`);
  const editor = page.frameLocator('#wysiwyg').locator('body');
  await editor.click();
  await page.keyboard.type('Kommt alle vorbei, ihr seid herzlich eingeladen!');
  await page.frameLocator('#wysiwyg')
    .locator('#freigabe-panel-host li[data-rule="address.informal"]').first().waitFor();
  // Marked inside the frame's document too.
  const frame = page.frames().find((f) => f !== page.mainFrame());
  const marked = await frame.evaluate(() => [...CSS.highlights.get('freigabe-warning')].map((r) => r.toString()));
  assert.ok(marked.length > 0 && marked.every((words) => 'Kommt alle vorbei, ihr seid herzlich eingeladen!'.includes(words)), marked.join(' | '));
  await page.close();
});

test('the options page switches the policy and shows policy errors with line and column', async () => {
  const extensionId = new URL(worker.url()).host;
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.inputValue('#account'), 'buergermeister');
  // The TOML box shows only for an own policy.
  assert.equal(await page.isVisible('#custom'), false);

  await page.selectOption('#policy', 'custom');
  assert.equal(await page.isVisible('#custom'), true);
  await page.fill('#custom', 'extends = "base.toml"\n\n[accounts.presse]\nkind = "offiziell"\n');
  await page.waitForFunction(() => document.querySelector('#problem').textContent !== '');
  assert.match(await page.textContent('#problem'), /^Zeile 4, Spalte \d+: /);
  assert.equal(await page.isDisabled('#save'), true);

  await page.selectOption('#policy', 'bergedorf');
  await page.waitForFunction(() => document.querySelector('#account').value === 'bezirksamt');
  await page.click('#save');
  await page.waitForSelector('#saved:not(:empty)');
  const stored = await worker.evaluate(() => chrome.storage.local.get(null));
  assert.equal(stored.policy, 'bergedorf');
  assert.equal(stored.account, 'bezirksamt');

  // The worker now checks against Bergedorf's X account: 300 characters are too long.
  const cms = await browser.context.newPage();
  await cms.goto(`${server.url}/cms.html`);
  await cms.fill('#post', 'Sehr geehrte Damen und Herren, '.repeat(10));
  await cms.locator('#freigabe-panel-host li[data-rule="length.limit"]').waitFor();
  await cms.close();
  await page.close();
});
