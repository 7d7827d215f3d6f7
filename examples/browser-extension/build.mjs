// Builds the loadable extension folder: this folder's sources, the package's web build
// (bindings-wasm/pkg/web, made by `npm run build` there) in vendor/, the shipped policies and
// the editor example's policy helpers. The content script is bundled with esbuild (a dev
// dependency of bindings-wasm, installed for its build) into one classic script, because
// content scripts cannot be ES modules and it shares render.js with the editor.
// Usage: node build.mjs [OUT]   (default: ./dist)
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

const SOURCES = [
  'manifest.json', 'background.js', 'content.css', 'icons.js', 'settings.js',
  'options.html', 'options.css', 'options.js',
];

function esbuild() {
  const require = createRequire(path.join(root, 'bindings-wasm/package.json'));
  try {
    return require('esbuild');
  } catch {
    throw new Error('esbuild is missing: run `npm install` in bindings-wasm first');
  }
}

/** Writes the extension into `out` (emptied first); returns `out`. */
export function buildExtension(out = path.join(here, 'dist')) {
  const webBuild = path.join(root, 'bindings-wasm/pkg/web');
  if (!existsSync(path.join(webBuild, 'freigabe.js'))) {
    throw new Error(`${webBuild}/freigabe.js is missing: run \`npm run build\` in bindings-wasm first`);
  }
  rmSync(out, { recursive: true, force: true });
  mkdirSync(path.join(out, 'vendor'), { recursive: true });
  mkdirSync(path.join(out, 'policies'), { recursive: true });
  for (const file of SOURCES) copyFileSync(path.join(here, file), path.join(out, file));
  esbuild().buildSync({
    entryPoints: [path.join(here, 'content.js')],
    bundle: true,
    format: 'iife',
    target: 'chrome116',
    outfile: path.join(out, 'content.js'),
    logLevel: 'warning',
  });
  for (const file of ['freigabe.js', 'freigabe_bg.wasm']) {
    copyFileSync(path.join(webBuild, file), path.join(out, 'vendor', file));
  }
  copyFileSync(path.join(root, 'examples/browser-editor/policy.js'), path.join(out, 'policy.js'));
  for (const file of readdirSync(path.join(root, 'policies')).filter((f) => f.endsWith('.toml'))) {
    copyFileSync(path.join(root, 'policies', file), path.join(out, 'policies', file));
  }
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = buildExtension(process.argv[2] ? path.resolve(process.argv[2]) : undefined);
  console.log(`extension built in ${out}: load it at chrome://extensions (developer mode, "Load unpacked")`);
}
