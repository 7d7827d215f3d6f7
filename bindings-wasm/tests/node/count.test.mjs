// `count('x', text)` agrees with twitter-text on every case of its v3 conformance group
// (weighted length, emoji discounted), read from tests/twitter-text/validate.yml — the same
// file `freigabe count` is checked against in cli/tests/count_conformance.rs.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { parse } from "yaml";

import { count } from "freigabe";

const suite = parse(
  readFileSync(new URL("../../../tests/twitter-text/validate.yml", import.meta.url), "utf8"),
);

test("count('x') matches twitter-text's v3 conformance group", () => {
  const cases = suite.tests.WeightedTweetsWithDiscountedEmojiCounterTest;
  assert.ok(cases.length >= 20, `only ${cases.length} cases`);
  const failures = cases
    .map(({ description, text, expected }) => {
      const got = count("x", text);
      const same = got.length === expected.weightedLength && got.valid === expected.valid;
      return same ? null : `${description}: expected ${expected.weightedLength} valid ${expected.valid}, got ${got.length} valid ${got.valid}`;
    })
    .filter((failure) => failure !== null);
  assert.deepEqual(failures, [], `${failures.length} of ${cases.length} cases differ`);
});
