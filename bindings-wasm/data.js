// What the browser and Node entries share around the WebAssembly module: the data the module
// leaves out (rule documentation, time zones), read once when first asked for, and `count`'s
// result object. `read(name)` gives a file of `pkg/` as bytes.

/** The package's `count`, `explain` and `loadTimeZones` on top of the wasm-bindgen glue. */
export function packageFunctions(wasm, read) {
  const once = (load) => {
    let loading = null;
    return () => {
      // A failed read (offline, 404) is tried again on the next call.
      loading ??= load().catch((error) => {
        loading = null;
        throw error;
      });
      return loading;
    };
  };
  const ruleDocs = once(async () => JSON.parse(new TextDecoder().decode(await read("rules.json"))));
  const timeZones = once(async () => wasm.loadTimeZoneData(await read("tzdb.bin")));

  return {
    // The module answers with numbers; the object is made here, where it is cheap.
    count(platform, text) {
      const [length, limit, valid] = wasm.countNumbers(platform, text);
      return { platform, length, limit, valid: valid === 1 };
    },
    async explain(ruleId, options) {
      // The module checks the id and the options and names the language to read.
      const lang = wasm.checkRuleId(ruleId, options);
      return (await ruleDocs())[ruleId][lang];
    },
    async loadTimeZones() {
      await timeZones();
    },
  };
}
