// The CodeMirror 6 example in Chromium: the lint source built on the package marks the
// informal "du" as the user types it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { buildOptions } from '../../../examples/codemirror/build-options.mjs';
import {
  launchChromium, repoRoot, requireWebBuild, screenshot, serveStatic, watchErrors,
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

// Opens the example and types `text` after its first line ("Libori 2026 beginnt! 🎉 ").
async function openAndType(text) {
  const page = await browser.newPage();
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

  // The message and the rule id reach CodeMirror's tooltip when the mark is hovered.
  await marker.hover();
  const tooltip = page.locator('.cm-tooltip-lint');
  await tooltip.waitFor();
  assert.match(await tooltip.textContent(), /Informelle Anrede `du` \(Du-Form\): Dieses Konto siezt/);
  assert.match(await tooltip.textContent(), /address\.informal/);
  await screenshot(page, 'codemirror');
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
