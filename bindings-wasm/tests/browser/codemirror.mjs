// The CodeMirror 6 example in Chromium: the lint source built on the package marks the
// informal "du" as the user types it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { buildOptions } from '../../../examples/codemirror/build-options.mjs';
import {
  engineReport, launchChromium, repoRoot, requireWebBuild, screenshot, serveStatic, shownText, watchErrors,
} from './support/browser.mjs';

const nodeModules = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../node_modules');

let server;
let browser;

before(async () => {
  requireWebBuild();
  // Bundled in memory with the package's dev dependencies; nothing is written to the tree.
  const bundle = await build({ ...buildOptions, write: false, nodePaths: [nodeModules] });
  server = await serveStatic(repoRoot, {
    routes: { '/examples/codemirror/dist/main.js': bundle.outputFiles[0].contents },
  });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const FIRST_LINE = 'Libori 2026 beginnt! 🎉 ';

// Opens the example and types `text` after its first line.
async function openAndType(text, viewport = { width: 900, height: 640 }) {
  const page = await browser.newPage({ viewport });
  const errors = watchErrors(page);
  await page.goto(`${server.url}/examples/codemirror/`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.click('.cm-content');
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
  return { page, errors };
}

test('typing an informal "du" gets a lint marker on exactly that word', async () => {
  const { page, errors } = await openAndType('du bist eingeladen.');

  const marker = page.locator('.cm-lintRange.freigabe-address-informal');
  await marker.first().waitFor();
  assert.deepEqual(await marker.allTextContents(), ['du']);
  assert.match(await marker.getAttribute('class'), /cm-lintRange-warning/);
  await page.locator('.cm-gutter-lint .cm-lint-marker-warning').first().waitFor();

  // The message (the engine's words, the quoted word as code), its help and the rule id
  // reach CodeMirror's tooltip when the mark is hovered.
  await marker.hover();
  const tooltip = page.locator('.cm-tooltip-lint');
  await tooltip.waitFor();
  const expected = engineReport('paderborn', {
    text: `${FIRST_LINE}du bist eingeladen.`, account: 'buergermeister', platforms: ['facebook', 'instagram', 'x'],
  }).diagnostics.find((d) => d.rule === 'address.informal');
  const message = tooltip.locator('.cm-diagnostic-warning .message');
  assert.equal(await message.textContent(), shownText(expected.message));
  assert.match(await message.textContent(), /^Informelle Anrede du \(Du-Form\): Dieses Konto siezt/);
  assert.equal(await message.locator('code').textContent(), 'du');
  assert.equal(await tooltip.locator('.cm-diagnostic-warning .help').textContent(), shownText(expected.help));
  assert.match(await tooltip.textContent(), /address\.informal/);
  // The status line is German.
  assert.match(await page.textContent('#status'), /^Mit Warnungen · 0 Fehler, 1 Warnung, \d+ Hinweis/);
  assert.match(await page.textContent('#counters'), /Facebook/);
  // The picture for the README: the tooltip without the focus ring around the editor.
  await page.evaluate(() => document.activeElement?.blur());
  await page.waitForSelector('.cm-editor:not(.cm-focused)');
  await screenshot(page, 'codemirror', { fullPage: false, clip: { x: 0, y: 0, width: 900, height: 440 } });
  assert.deepEqual(errors, []);
  await page.close();
});

test('a suggestion becomes an action that replaces the marked words', async () => {
  const { page, errors } = await openAndType('Schäden melden Sie bitte unverzüglich.');

  const marker = page.locator('.cm-lintRange.freigabe-plain-language-bureaucratic');
  await marker.first().waitFor();
  assert.deepEqual(await marker.allTextContents(), ['unverzüglich']);
  await marker.hover();
  const action = page.locator('.cm-tooltip-lint .cm-diagnosticAction', { hasText: 'sofort' });
  await action.click();
  await page.waitForFunction(() => document.querySelector('.cm-content').textContent.includes('bitte sofort.'));
  assert.equal(
    await page.textContent('.cm-content'),
    'Libori 2026 beginnt! 🎉 Schäden melden Sie bitte sofort.',
  );
  assert.deepEqual(errors, []);
  await page.close();
});

test('the tooltip stays inside a small window, beside the line, unclipped', async () => {
  const viewport = { width: 420, height: 330 };
  const { page, errors } = await openAndType('Macht mit, du bist eingeladen, und bringt Freunde mit!', viewport);
  const marker = page.locator('.cm-lintRange.freigabe-address-informal');
  await marker.first().waitFor();
  await marker.first().hover();
  const tooltip = page.locator('.cm-tooltip-lint');
  await tooltip.waitFor();
  const box = await tooltip.boundingBox();
  const line = await marker.first().boundingBox();
  assert.ok(box.y + box.height <= line.y + 1 || box.y >= line.y + line.height - 1, 'above or below the line, not over it');
  assert.ok(box.x >= 0 && box.x + box.width <= viewport.width, `inside horizontally: ${JSON.stringify(box)}`);
  assert.ok(box.y >= 0 && box.y + box.height <= viewport.height, `inside vertically: ${JSON.stringify(box)}`);
  // Nothing clips it: its corners are its own.
  const seen = await page.evaluate(({ x, y, width, height }) => [
    [x + 4, y + 4], [x + width - 4, y + height - 4],
  ].every(([px, py]) => document.elementFromPoint(px, py)?.closest('.cm-tooltip-lint') !== null), box);
  assert.ok(seen, 'the tooltip is not clipped');
  assert.deepEqual(errors, []);
  await page.close();
});
