// Node bench (not a test; nothing timed is asserted anywhere):
// 1. `count('x', text)` of this package against `parseTweet` of the twitter-text npm
//    package on the same texts, after asserting both give the same weighted length;
// 2. a full check of a 2,200-character German draft with the Paderborn policy on every
//    platform, p50/p95 over 1,000 runs.
// Needs the Node build (`npm run build`). Usage: node bench/count.mjs
import { cpus } from "node:os";
import twitter from "twitter-text";

import { count, Engine, version } from "freigabe";

import { drafts, read, TEXTS } from "./texts.mjs";

function opsPerSecond(work, minMs = 500) {
  for (let i = 0; i < 200; i += 1) work(i);
  let runs = 0;
  const started = performance.now();
  while (performance.now() - started < minMs) {
    for (let i = 0; i < 100; i += 1) work(runs + i);
    runs += 100;
  }
  return (runs / (performance.now() - started)) * 1000;
}

for (const text of TEXTS) {
  const ours = count("x", text).length;
  const theirs = twitter.parseTweet(text).weightedLength;
  if (ours !== theirs) {
    throw new Error(`weighted length differs for ${JSON.stringify(text)}: ${ours} vs twitter-text ${theirs}`);
  }
}
const freigabeOps = opsPerSecond((i) => count("x", TEXTS[i % TEXTS.length]));
const twitterOps = opsPerSecond((i) => twitter.parseTweet(TEXTS[i % TEXTS.length]));

// A 2,200-character draft for the mayor's account, checked for all seven platforms.
const sentences = drafts.join(" ").split(/(?<=[.!?])\s+/);
let text = "";
for (let i = 0; [...text].length < 2200; i += 1) text += `${sentences[i % sentences.length]} `;
text = [...text].slice(0, 2200).join("");
const engine = new Engine(read("policies/paderborn.toml"), { path: "paderborn.toml" });
const draft = {
  text,
  account: "buergermeister",
  platforms: ["x", "mastodon", "bluesky", "threads", "instagram", "facebook", "linkedin"],
  author: "sta13.presse",
  scheduled_at: "2026-07-23T10:00:00+02:00",
};
const history = Array.from({ length: 16 }, (_, day) => ({
  account: "buergermeister",
  platforms: ["facebook", "instagram"],
  published_at: new Date(Date.UTC(2026, 6, 22 - day, 8, 30)).toISOString(),
}));
const options = { history, now: "2026-07-22T12:00:00+02:00" };
const report = engine.check(draft, options);
for (let i = 0; i < 200; i += 1) engine.check(draft, options);
const samples = [];
for (let i = 0; i < 1000; i += 1) {
  const started = performance.now();
  engine.check(draft, options);
  samples.push(performance.now() - started);
}
samples.sort((a, b) => a - b);
const quantile = (q) => samples[Math.ceil(q * samples.length) - 1];
engine.free();

console.log(JSON.stringify({
  engine_version: version(),
  node: process.version,
  cpu: cpus()[0]?.model,
  count_x: {
    texts: TEXTS.length,
    same_weighted_length: true,
    freigabe_ops_per_s: Math.round(freigabeOps),
    twitter_text_ops_per_s: Math.round(twitterOps),
  },
  full_check: {
    draft_chars: [...text].length,
    platforms: draft.platforms.length,
    history_entries: history.length,
    diagnostics: report.diagnostics.length,
    runs: samples.length,
    p50_ms: Math.round(quantile(0.5) * 1000) / 1000,
    p95_ms: Math.round(quantile(0.95) * 1000) / 1000,
  },
}, null, 2));
