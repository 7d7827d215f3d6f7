// `npm run build`: bundles main.js and CodeMirror into dist/main.js.
import { build } from 'esbuild';
import { buildOptions } from './build-options.mjs';

await build(buildOptions);
