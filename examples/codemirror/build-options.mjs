// esbuild options for the example bundle, shared by `npm run build` here and the browser
// test (which builds in memory). `freigabe` stays an import: the page's import map points it
// at the package's web build, whose glue finds its .wasm next to itself.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

export const buildOptions = {
  entryPoints: [path.join(here, 'main.js')],
  bundle: true,
  format: 'esm',
  target: 'es2022',
  external: ['freigabe'],
  outfile: path.join(here, 'dist/main.js'),
  logLevel: 'warning',
};
