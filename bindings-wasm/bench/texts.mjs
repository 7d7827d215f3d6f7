// The texts of the count benches (count.mjs, per-text.mjs; core's `count_texts` example
// has the same list): the kinds a press office posts — plain German, emoji sequences, links
// with and without scheme, mentions and hashtags, CJK (weight 2), combining marks, long posts.
import { readFileSync } from "node:fs";

const repo = new URL("../../", import.meta.url);
/** A file of the repository, as text. */
export const read = (path) => readFileSync(new URL(path, repo), "utf8");

/** The texts of three example drafts. */
export const drafts = ["libori-empfang", "buergersprechstunde", "privat-mit-impressum"].map(
  (name) => JSON.parse(read(`examples/drafts/${name}.json`)).text,
);

export const TEXTS = [
  ...drafts,
  "Guten Morgen, Paderborn!",
  "👍🏽 🇩🇪 👨‍👩‍👧‍👦 Danke an alle Helferinnen und Helfer! #Libori2026 @stadt_pb",
  "Infos: https://www.paderborn.de/rathaus/buergerservice und paderborn.de/libori",
  "Cafe\u0301 am Rathausplatz, Me\u0308hl, Grüße aus 日本 (Partnerstadt)",
  drafts.join(" ").repeat(3),
];
