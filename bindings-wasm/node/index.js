// Node entry of the package: the `--target nodejs` build (CommonJS, loaded synchronously)
// with the same exports as the browser build, so `await init()` works in both.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";

import { packageFunctions } from "../data.js";

const require = createRequire(import.meta.url);
const wasm = require("../pkg/node/freigabe.js");

export const { Engine, rules, version } = wasm;
export const { count, explain, loadTimeZones } = packageFunctions(wasm, (name) =>
  readFile(new URL(`../pkg/${name}`, import.meta.url)),
);
export { FreigabeError } from "../error.js";

/** The Node build is ready on import; `init` exists so code runs unchanged in browsers. */
export default async function init() {
  return wasm;
}

/** Synchronous counterpart of `init`; a no-op in Node. */
export function initSync() {
  return wasm;
}
