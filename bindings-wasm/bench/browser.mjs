// Runs bench/browser.html in headless Chromium and prints its figures as JSON: a full check
// of a 2,200-character draft, p50/p95/max over 1,000 runs; then the editor example's input
// handler (check, highlights, counters, findings list) for each keystroke of that draft.
// Not a test (nothing is asserted); needs the web build (`npm run build`).
// Usage: node bench/browser.mjs [--wasm DIR] [--profile]
//   --wasm DIR   bench another `wasm-bindgen --target web --out-name freigabe` output instead
//                of pkg/web (e.g. a build with other optimisation settings)
//   --profile    then profile 1,500 full checks with Chromium's CPU profiler and print the
//                functions with the most self time (names need a build that keeps the wasm
//                name section: wasm-opt --strip-debug removes it)
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium, repoRoot, requireWebBuild, serveStatic } from '../tests/browser/support/browser.mjs';

// Types the bench draft into the editor page one character at a time (as input events, once
// to warm up, once timed): the input handler plus style and layout, what a keystroke costs
// before the browser paints.
async function editorKeystrokes(browser, text) {
  const page = await browser.newPage();
  await page.goto(`${server.url}/examples/browser-editor/`);
  await page.waitForSelector('body[data-ready="true"]');
  return page.evaluate((draft) => {
    const area = document.getElementById('draft');
    const type = (timed) => {
      const samples = [];
      for (let end = 1; end <= draft.length; end += 1) {
        area.value = draft.slice(0, end);
        const started = performance.now();
        area.dispatchEvent(new Event('input'));
        // Style and layout of the new highlights and list count too (painting does not).
        void document.body.offsetHeight;
        if (timed) samples.push(performance.now() - started);
      }
      return samples;
    };
    type(false); // warm-up
    const samples = type(true).sort((a, b) => a - b);
    const at = (q) => Math.round(samples[Math.ceil(q * samples.length) - 1] * 1000) / 1000;
    return { keystrokes: samples.length, p50_ms: at(0.5), p95_ms: at(0.95), max_ms: at(1) };
  }, text);
}

// Self time per function over many full checks, from Chromium's sampling profiler.
async function profileChecks(page, runs = 1500) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  await page.evaluate((n) => {
    for (let i = 0; i < n; i += 1) window.benchCheck();
  }, runs);
  const { profile } = await cdp.send('Profiler.stop');
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfTime = new Map();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const name = nodes.get(id).callFrame.functionName || '(anonymous)';
    selfTime.set(name, (selfTime.get(name) ?? 0) + profile.timeDeltas[index]);
    total += profile.timeDeltas[index];
  });
  return [...selfTime]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 30)
    .map(([name, time]) => ({ self_percent: Math.round((1000 * time) / total) / 10, function: name.replace(/::h[0-9a-f]{16}$/, '') }));
}

const { values: args } = parseArgs({ options: { wasm: { type: 'string' }, profile: { type: 'boolean' } } });
const routes = {};
if (args.wasm) {
  for (const file of ['freigabe.js', 'freigabe_bg.wasm']) {
    routes[`/bindings-wasm/pkg/web/${file}`] = readFileSync(path.join(args.wasm, file));
  }
} else {
  requireWebBuild();
}
// Cross-origin isolation gives performance.now() 5 µs steps instead of 100 µs.
const server = await serveStatic(repoRoot, {
  routes,
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
  result.editor_keystroke = await editorKeystrokes(browser, await page.evaluate(() => window.benchDraft));
  if (args.profile) result.profile = await profileChecks(page);
  // The machine's load says how much the tail (p95, max) reflects other work.
  const [load1] = loadavg();
  console.log(JSON.stringify({ ...result, cores: cpus().length, load_average_1min: Math.round(load1 * 100) / 100 }, null, 2));
  if (result.error) process.exitCode = 1;
} finally {
  await browser.close();
  await server.close();
}
