// Browser entry of the package: the `--target web` build (call `await init()` once) plus
// `FreigabeError` for `instanceof` checks. Rule documentation and time zone data are
// separate files next to the module, fetched only when `explain` or `loadTimeZones` asks
// (bundlers see them through `new URL(…, import.meta.url)`).
import * as wasm from "../pkg/web/freigabe.js";
import { packageFunctions } from "../data.js";

const files = {
  "rules.json": new URL("../pkg/rules.json", import.meta.url),
  "tzdb.bin": new URL("../pkg/tzdb.bin", import.meta.url),
};

async function read(name) {
  const response = await fetch(files[name]);
  if (!response.ok) throw new Error(`freigabe: ${files[name]} answered ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

export { default, initSync, Engine, rules, version } from "../pkg/web/freigabe.js";
export { FreigabeError } from "../error.js";
export const { count, explain, loadTimeZones } = packageFunctions(wasm, read);
