// `FreigabeError` for `instanceof` checks. The engine throws plain `Error` objects named
// `FreigabeError` (built inside the WebAssembly module, which cannot extend a JS class), so
// `instanceof` here asks for that name instead of the prototype chain.
export class FreigabeError extends Error {
  static [Symbol.hasInstance](value) {
    return value instanceof Error && value.name === "FreigabeError";
  }
}
