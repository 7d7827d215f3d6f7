// Per-text companion of count.mjs: µs per `count('x', text)` and per twitter-text
// `parseTweet(text)` for each bench text, measured in turns (best of 5 rounds).
// Usage: node bench/per-text.mjs [NODE_ENTRY]  (default: this package's `node/index.js`;
// another package's entry, e.g. an older build's, to compare)
import { pathToFileURL } from "node:url";
import twitter from "twitter-text";

import { TEXTS } from "./texts.mjs";

const entry = process.argv[2] ? pathToFileURL(process.argv[2]).href : "freigabe";
const wasm = await import(entry);
function microseconds(work, ms = 60) {
  for (let i = 0; i < 300; i += 1) work();
  let runs = 0;
  const started = performance.now();
  while (performance.now() - started < ms) {
    for (let i = 0; i < 50; i += 1) work();
    runs += 50;
  }
  return ((performance.now() - started) * 1000) / runs;
}
const rows = TEXTS.map(() => ({ ours: Infinity, theirs: Infinity }));
for (let round = 0; round < 5; round += 1) {
  TEXTS.forEach((text, i) => {
    rows[i].ours = Math.min(rows[i].ours, microseconds(() => wasm.count("x", text)));
    rows[i].theirs = Math.min(rows[i].theirs, microseconds(() => twitter.parseTweet(text)));
  });
}
let ours = 0;
let theirs = 0;
TEXTS.forEach((text, i) => {
  const { ours: o, theirs: t } = rows[i];
  ours += o;
  theirs += t;
  console.log(
    `${String(text.length).padStart(5)} chars  count ${o.toFixed(2).padStart(7)} µs  parseTweet ${t.toFixed(2).padStart(7)} µs  ${(t / o).toFixed(1).padStart(5)}×`,
  );
});
console.log(`all texts: count ${ours.toFixed(1)} µs, parseTweet ${theirs.toFixed(1)} µs, ${(theirs / ours).toFixed(2)}×`);
