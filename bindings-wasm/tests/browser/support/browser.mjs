// What every browser test needs: a static file server on a free loopback port, Debian's
// Chromium driven by playwright-core, and the built web package. Kept out of the test glob
// (a folder of its own) so `node --test tests/browser/*.mjs` does not run it as a test.
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { Engine } from '../../../node/index.js';

export { saveScreenshot as screenshot } from '../../../../tests/browser/screenshots.mjs';

/** The repository root: pages import the package and the policies by relative paths. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/** The package's `--target web` build, made by `npm run build` in bindings-wasm. */
export const webBuild = path.join(repoRoot, 'bindings-wasm/pkg/web');

const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Arguments for a quiet, reproducible headless Chromium in a container. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const contentTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.toml': 'text/plain; charset=utf-8',
  // `WebAssembly.instantiateStreaming` insists on this type.
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** Fails with the command to run when the web build is missing. */
export function requireWebBuild() {
  const glue = path.join(webBuild, 'freigabe.js');
  if (!existsSync(glue)) {
    throw new Error(`${glue} is missing: run \`npm run build\` in bindings-wasm first`);
  }
}

/**
 * Serves `root` on 127.0.0.1 at a free port; returns `{ url, close }`. GET only, `index.html`
 * for folders, no listings, nothing outside `root`. `routes` serves in-memory files by path;
 * `headers` go on every answer (the bench sends COOP/COEP for fine-grained timers).
 */
export async function serveStatic(root, { routes = {}, headers = {} } = {}) {
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    if (routes[pathname]) {
      response.writeHead(200, { 'content-type': contentTypes[path.extname(pathname)] ?? 'text/html; charset=utf-8' });
      response.end(routes[pathname]);
      return;
    }
    let file = path.join(root, pathname);
    if (pathname.endsWith('/')) file = path.join(file, 'index.html');
    const inside = file === root || file.startsWith(root + path.sep);
    if (request.method !== 'GET' || !inside || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
      return;
    }
    response.writeHead(200, {
      'content-type': contentTypes[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    response.end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** A fresh headless Chromium (its own temporary profile). */
export function launchChromium() {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
}

/**
 * A persistent context with one unpacked extension loaded. Extensions need a persistent
 * context; the profile folder is fresh and removed by `close()`.
 */
export async function launchWithExtension(extensionDir) {
  const profile = mkdtempSync(path.join(tmpdir(), 'freigabe-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: [
      ...chromiumArgs,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Collects page errors and console errors, so a test can assert there were none. */
export function watchErrors(page) {
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

/**
 * The report the engine itself gives for `draft` under a shipped policy (German unless `lang`
 * says), for tests that compare what a page shows with what the engine says rather than
 * writing the engine's sentences down a second time.
 */
export function engineReport(policy, draft, { lang = 'de' } = {}) {
  const toml = readFileSync(path.join(repoRoot, 'policies', `${policy}.toml`), 'utf8');
  const engine = new Engine(toml, { lang, path: `${policy}.toml` });
  try {
    return engine.check(draft);
  } finally {
    engine.free();
  }
}

/** A message as a page shows it: `code` in backticks becomes code, so the backticks go. */
export function shownText(message) {
  return message.replaceAll('`', '');
}
