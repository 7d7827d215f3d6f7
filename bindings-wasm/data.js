// What the browser and Node entries share around the WebAssembly module: `count` unpacked
// from one number, and the data the module leaves out (rule documentation, time zones),
// read once when first asked for. `read(name)` gives a file of `pkg/` as bytes.

// `countPacked` returns `length · 2²² + limit · 2 + valid` (see src/lib.rs).
const LENGTH_UNIT = 2 ** 22;

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
    count(platform, text) {
      const packed = wasm.countPacked(platform, text);
      if (packed < 0) return wasm.countObject(platform, text);
      const low = packed % LENGTH_UNIT;
      return { platform, length: (packed - low) / LENGTH_UNIT, limit: low >>> 1, valid: (low & 1) === 1 };
    },
    async explain(ruleId, options) {
      wasm.checkRuleId(ruleId, options);
      return (await ruleDocs())[ruleId];
    },
    async loadTimeZones() {
      await timeZones();
    },
  };
}
