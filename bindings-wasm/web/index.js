// Browser entry of the package: the `--target web` build (call `await init()` once) plus
// `FreigabeError` for `instanceof` checks.
export * from "../pkg/web/freigabe.js";
export { default } from "../pkg/web/freigabe.js";
export { FreigabeError } from "../error.js";
