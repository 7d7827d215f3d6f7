// Builds the npm package: the cdylib for wasm32 with the size-tuned `wasm-release` profile,
// JS glue for browsers (`pkg/web`, ES module + init) and Node (`pkg/node`) with the
// wasm-bindgen CLI, then `wasm-opt -Oz` from the `binaryen` dev dependency; then the data the
// module leaves out and loads when asked: `pkg/rules.json` (rule documentation for `explain`,
// generated into docs/ by core's docs test) and `pkg/tzdb.bin` (time zones beyond
// Europe/Berlin and UTC, written by core's `time_zone_data` example, a native build).
// Prints raw and gzipped sizes. Usage: npm run build
import { execFileSync } from "node:child_process";
import { copyFileSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const here = dirname(dirname(fileURLToPath(import.meta.url)));
const profile = "wasm-release";
// The features Rust enables by default for wasm32-unknown-unknown; wasm-opt must accept
// them and may use no others. Node 20 and every current browser run all of them.
const wasmFeatures = [
  "--enable-bulk-memory",
  "--enable-multivalue",
  "--enable-mutable-globals",
  "--enable-nontrapping-float-to-int",
  "--enable-reference-types",
  "--enable-sign-ext",
];

function run(command, args) {
  console.log(`$ ${command} ${args.join(" ")}`);
  execFileSync(command, args, { cwd: here, stdio: "inherit" });
}

run("cargo", [
  "build",
  "--package",
  "freigabe-wasm",
  "--lib",
  "--target",
  "wasm32-unknown-unknown",
  "--profile",
  profile,
]);
const metadata = JSON.parse(
  execFileSync("cargo", ["metadata", "--format-version", "1", "--no-deps"], {
    cwd: here,
    encoding: "utf8",
  }),
);
const built = join(metadata.target_directory, "wasm32-unknown-unknown", profile, "freigabe_wasm.wasm");

const wasmOpt = join(here, "node_modules", ".bin", "wasm-opt");
const sizes = [];
/** Raw and gzipped size of a file now (later steps rewrite it in place). */
function measure(step, file) {
  const bytes = readFileSync(file);
  sizes.push([step, bytes.length, gzipSync(bytes, { level: 9 }).length]);
}
measure("cargo build", built);

const outDirs = { web: join(here, "pkg", "web"), nodejs: join(here, "pkg", "node") };
for (const [target, outDir] of Object.entries(outDirs)) {
  rmSync(outDir, { recursive: true, force: true });
  run("wasm-bindgen", ["--target", target, "--out-dir", outDir, "--out-name", "freigabe", built]);
  // Our declarations in types/ are the documented ones; wasm-bindgen's say `any`.
  rmSync(join(outDir, ".gitignore"), { force: true });
}
// The glue is CommonJS, but this package is `"type": "module"`.
writeFileSync(join(outDirs.nodejs, "package.json"), '{ "type": "commonjs" }\n');

// Both targets get the same module (only the JS glue differs), so wasm-opt, the slowest
// step, runs once when that holds.
const webWasm = join(outDirs.web, "freigabe_bg.wasm");
const nodeWasm = join(outDirs.nodejs, "freigabe_bg.wasm");
measure("wasm-bindgen", webWasm);
const same = readFileSync(webWasm).equals(readFileSync(nodeWasm));
for (const wasm of same ? [webWasm] : [webWasm, nodeWasm]) {
  run(wasmOpt, ["-Oz", ...wasmFeatures, "--strip-debug", "--strip-producers", wasm, "-o", wasm]);
}
if (same) copyFileSync(webWasm, nodeWasm);
measure("wasm-opt -Oz", webWasm);

copyFileSync(join(here, "..", "docs", "rules.json"), join(here, "pkg", "rules.json"));
run("cargo", ["run", "--quiet", "--package", "freigabe", "--example", "time_zone_data", "--", join(here, "pkg", "tzdb.bin")]);
measure("rules.json (explain)", join(here, "pkg", "rules.json"));
measure("tzdb.bin (loadTimeZones)", join(here, "pkg", "tzdb.bin"));

const report = sizes.map(([step, raw, gzipped]) => {
  return `${step.padEnd(24)} ${(raw / 1024).toFixed(1).padStart(8)} KiB raw ${(gzipped / 1024).toFixed(1).padStart(8)} KiB gzip`;
});
console.log(`\n${report.join("\n")}`);
writeFileSync(join(here, "pkg", "SIZES.txt"), `${report.join("\n")}\n`);
