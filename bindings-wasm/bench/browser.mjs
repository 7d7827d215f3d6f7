// Runs bench/browser.html in headless Chromium and prints its figures as JSON: a full check
// of a 2,200-character draft, p50/p95/max over 1,000 runs. Not a test (nothing is asserted);
// needs the web build (`npm run build`). Usage: node bench/browser.mjs
import { cpus, loadavg } from 'node:os';
import { launchChromium, repoRoot, requireWebBuild, serveStatic } from '../tests/browser/support/browser.mjs';

requireWebBuild();
// Cross-origin isolation gives performance.now() 5 µs steps instead of 100 µs.
const server = await serveStatic(repoRoot, {
  headers: {
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-embedder-policy': 'require-corp',
  },
});
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.goto(`${server.url}/bindings-wasm/bench/browser.html`);
  await page.waitForSelector('body[data-done="true"]', { timeout: 300_000 });
  const result = JSON.parse(await page.textContent('#result'));
  // The machine's load says how much the tail (p95, max) reflects other work.
  const [load1] = loadavg();
  console.log(JSON.stringify({ ...result, cores: cpus().length, load_average_1min: Math.round(load1 * 100) / 100 }, null, 2));
  if (result.error) process.exitCode = 1;
} finally {
  await browser.close();
  await server.close();
}
